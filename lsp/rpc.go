package lsp

// This file is the JSON-RPC 2.0 layer of the server: LSP's Content-Length
// framing over a byte stream, message decoding, and a writer safe for use
// by several goroutines.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// JSON-RPC and LSP error codes.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
	codeRequestCancelled     = -32800
)

// Framing limits.
const (
	// maxHeaderLine bounds one header line; a longer one is skipped as
	// malformed without being held in memory.
	maxHeaderLine = 8 << 10
	// maxHeaderLines bounds the lines of one header block.
	maxHeaderLines = 64
	// DefaultMaxMessage bounds the body of one message. A document
	// of 50 MB still arrives (and gets a clear "too large" diagnostic); a
	// larger declared length is skipped without being allocated.
	DefaultMaxMessage = 256 << 20
)

// rpcError is a JSON-RPC error object.
type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("jsonrpc error %d: %s", e.Code, e.Message) }

// message is any JSON-RPC message: a request (ID and Method), a
// notification (Method only) or a response (ID, and Result or Error).
type message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

// isRequest reports whether m expects a response.
func (m *message) isRequest() bool { return m.Method != "" && len(m.ID) > 0 && string(m.ID) != "null" }

// errFrame is a framing fault the reader recovered from: the next read
// goes on with the next header block.
type errFrame struct{ reason string }

func (e *errFrame) Error() string { return "malformed message: " + e.reason }

// reader reads LSP frames: header lines ending in "\r\n" (a bare "\n" is
// accepted), a blank line, then Content-Length bytes of JSON.
type reader struct {
	br     *bufio.Reader
	maxMsg int64
}

func newReader(r io.Reader, maxMsg int64) *reader {
	return &reader{br: bufio.NewReaderSize(r, 64<<10), maxMsg: maxMsg}
}

// readLine reads one header line without its line end. A line longer than
// maxHeaderLine is consumed and reported as too long.
func (r *reader) readLine() (string, bool, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := r.br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > maxHeaderLine {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err == io.EOF && (len(buf) > 0 || tooLong) {
				err = io.ErrUnexpectedEOF
			}
			return "", tooLong, err
		}
		return strings.TrimRight(string(buf), "\r\n"), tooLong, nil
	}
}

// read returns the body of the next message. A framing fault (a header
// line that is not `Name: value`, a missing or invalid Content-Length, a
// body over the limit) returns an *errFrame after skipping what it can:
// the caller reports it and reads on. io.EOF means the stream ended
// between messages.
func (r *reader) read() ([]byte, error) {
	length := int64(-1)
	var fault string
	for lines := 0; ; lines++ {
		line, tooLong, err := r.readLine()
		if err != nil {
			if err == io.EOF && lines > 0 {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if line == "" && !tooLong {
			if lines == 0 {
				// Blank lines between messages are tolerated.
				lines = -1
				continue
			}
			break
		}
		if fault != "" {
			continue
		}
		switch {
		case tooLong:
			fault = "header line longer than " + strconv.Itoa(maxHeaderLine) + " bytes"
		case lines >= maxHeaderLines:
			fault = "more than " + strconv.Itoa(maxHeaderLines) + " header lines"
		default:
			name, value, ok := strings.Cut(line, ":")
			if !ok {
				fault = fmt.Sprintf("header line %.40q is not `Name: value`", line)
				continue
			}
			if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
				n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
				if err != nil || n < 0 {
					fault = fmt.Sprintf("Content-Length %.40q is not a number of bytes", strings.TrimSpace(value))
					continue
				}
				length = n
			}
		}
	}
	if fault != "" {
		return nil, &errFrame{fault}
	}
	if length < 0 {
		return nil, &errFrame{"no Content-Length header"}
	}
	if length > r.maxMsg {
		// Skip the body without holding it.
		if _, err := io.CopyN(io.Discard, r.br, length); err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, &errFrame{fmt.Sprintf("Content-Length %d is over the limit of %d bytes; message skipped", length, r.maxMsg)}
	}
	// Read in growing steps, so that a Content-Length the peer never sends
	// does not reserve its size up front.
	var body bytes.Buffer
	body.Grow(int(min(length, 1<<20)))
	if _, err := io.CopyN(&body, r.br, length); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	return body.Bytes(), nil
}

// writer writes framed messages; it is safe for concurrent use.
type writer struct {
	mu  sync.Mutex
	w   io.Writer
	err error
}

// write sends v as one message. After a write error every later write
// fails with it.
func (w *writer) write(v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	var hdr [40]byte
	h := append(hdr[:0], "Content-Length: "...)
	h = strconv.AppendInt(h, int64(len(data)), 10)
	h = append(h, "\r\n\r\n"...)
	if _, err := w.w.Write(h); err != nil {
		w.err = err
		return err
	}
	if _, err := w.w.Write(data); err != nil {
		w.err = err
		return err
	}
	return nil
}

// response is an outgoing response.
type response struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result"`
	Error   *rpcError       `json:"error,omitempty"`
}

// errorResponse is an outgoing error response (no result member).
type errorResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   *rpcError       `json:"error"`
}

// notification is an outgoing notification.
type notification struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

// request is an outgoing request.
type request struct {
	JSONRPC string `json:"jsonrpc"`
	ID      int64  `json:"id"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

// decode parses one message body; a body that is not JSON is a parse
// error, JSON that is not a JSON-RPC message an invalid request.
func decode(body []byte) (*message, *rpcError) {
	var m message
	if !json.Valid(body) {
		return nil, &rpcError{codeParseError, "parse error: the message is not valid JSON"}
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, &rpcError{codeInvalidRequest, "invalid request: " + err.Error()}
	}
	if m.JSONRPC != "2.0" {
		return &m, &rpcError{codeInvalidRequest, `invalid request: "jsonrpc" must be "2.0"`}
	}
	if m.Method == "" && len(m.ID) == 0 {
		return &m, &rpcError{codeInvalidRequest, "invalid request: neither a method nor an id"}
	}
	if len(m.ID) > 0 && !validID(m.ID) {
		return &m, &rpcError{codeInvalidRequest, "invalid request: the id must be a number or a string"}
	}
	return &m, nil
}

// validID reports whether id is a JSON number, string or null.
func validID(id json.RawMessage) bool {
	var v any
	if json.Unmarshal(id, &v) != nil {
		return false
	}
	switch v.(type) {
	case float64, string, nil:
		return true
	}
	return false
}

// errClosed is returned by a read after the server stopped.
var errClosed = errors.New("connection closed")
