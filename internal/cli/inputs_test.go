package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// TestReadSized checks the reader at the edges of the cap and of the size
// hint, with readers that return short reads.
func TestReadSized(t *testing.T) {
	tests := []struct {
		n, size int
		limit   int64
		tooBig  bool
	}{
		{0, 0, 10, false}, {10, 10, 10, false}, {11, 11, 10, true}, {10, 0, 10, false}, {11, 0, 10, true},
		{5000, 0, 1 << 20, false}, {5000, 100, 1 << 20, false}, {100, 5000, 1 << 20, false}, {1 << 20, 0, 1 << 20, false},
		{1<<20 + 1, 0, 1 << 20, true},
	}
	for _, tt := range tests {
		src := bytes.Repeat([]byte("x"), tt.n)
		got, err := readSized(io.LimitReader(&shortReader{bytes.NewReader(src)}, int64(tt.n)), tt.limit, tt.size)
		if tt.tooBig {
			if err == nil || !strings.Contains(err.Error(), "file too large") {
				t.Errorf("n=%d size=%d limit=%d: err %v, want file too large", tt.n, tt.size, tt.limit, err)
			}
			continue
		}
		if err != nil || !bytes.Equal(got, src) {
			t.Errorf("n=%d size=%d limit=%d: %d bytes, err %v", tt.n, tt.size, tt.limit, len(got), err)
		}
	}
}

// shortReader returns at most 7 bytes per Read.
type shortReader struct{ r io.Reader }

func (o *shortReader) Read(p []byte) (int, error) {
	if len(p) > 7 {
		p = p[:7]
	}
	return o.r.Read(p)
}
