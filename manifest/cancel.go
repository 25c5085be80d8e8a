package manifest

import (
	"bytes"
	"context"
	"io"
)

// A lint the language server no longer needs (the document changed while
// it ran) is stopped through its context. yaml.v3 cannot be told to stop,
// but it reads its input 512 bytes at a time as it parses: a reader that
// fails once the context is done ends the parse there, with a syntax
// error that validate.ValidateContext drops (it returns the context's
// error). On the language server's 1 MB manifest the parse is most of a
// lint.

// readerFor is the reader the parse reads text through: one that fails
// once ctx is done, or a plain one for a context that is never done.
func readerFor(ctx context.Context, text []byte) io.Reader {
	if ctx.Done() == nil {
		return bytes.NewReader(text)
	}
	return &ctxReader{ctx: ctx, r: bytes.NewReader(text)}
}

// ctxReader reads r until ctx is done, then returns ctx's error.
type ctxReader struct {
	ctx context.Context
	r   *bytes.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
