package lsp

// This file is the JSON-RPC 2.0 layer of the server: LSP's Content-Length
// framing over a byte stream, message decoding, and a writer safe for use
// by several goroutines.
//
// It is written here, with protocol.go's structs, rather than taken from
// go.lsp.dev/jsonrpc2 and go.lsp.dev/protocol (v1.0.1, the one version that
// builds): those make the whole module require Go 1.26 and a pre-release
// encoding/json/v2, bring 87,000 lines of generated types for the fifteen
// messages used, and their framer allocates a frame's declared
// Content-Length before reading it (up to 1 GiB) and keeps its largest
// buffer, which a hostile header or one 50 MB document would make cost
// that much for good. This reader grows its buffer as bytes arrive and
// skips, unread, a message over the limit.

import (
	"bufio"
	"bytes"
	"encoding/json"
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
	codeServerCancelled      = -32802
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
// goes on with the next message. id is the id of the request the bad
// message was, when its body could be read and names one (else null).
type errFrame struct {
	reason string
	id     json.RawMessage
}

func (e *errFrame) Error() string { return "malformed message: " + e.reason }

// reader reads LSP frames: header lines ending in "\r\n" (a bare "\n" is
// accepted), a blank line, then Content-Length bytes of JSON.
//
// A malformed frame never leaves the reader out of step: when its header
// block still says how long the body is (one valid Content-Length), the
// body is skipped; when it does not (`Content-Length: abc`, two that
// disagree, none), the reader resynchronizes on the next
// `Content-Length:` in the stream, which starts the next message.
type reader struct {
	br     *bufio.Reader
	maxMsg int64
	resync bool    // skip to the next "Content-Length:" before reading on
	prefix string  // read before the next header line (the resync's match)
	unread *string // the next header line, already read
}

func newReader(r io.Reader, maxMsg int64) *reader {
	return &reader{br: bufio.NewReaderSize(r, 64<<10), maxMsg: maxMsg}
}

// readLine reads one header line without its line end. A line longer than
// maxHeaderLine is consumed and reported as too long.
func (r *reader) readLine() (string, bool, error) {
	if l := r.unread; l != nil {
		r.unread = nil
		return *l, false, nil
	}
	buf := []byte(r.prefix)
	r.prefix = ""
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

// contentLength is the header a resync looks for, lower-cased.
const contentLength = "content-length:"

// indexContentLength is the index of "Content-Length:" (any letter case)
// in line, or -1.
func indexContentLength(line string) int {
	for i := 0; i+len(contentLength) <= len(line); i++ {
		if strings.EqualFold(line[i:i+len(contentLength)], contentLength) {
			return i
		}
	}
	return -1
}

// skipToHeader discards bytes up to and including the next
// "Content-Length:" (any letter case) and keeps that header's name for
// readLine. No byte is held.
func (r *reader) skipToHeader() error {
	i := 0
	for {
		c, err := r.br.ReadByte()
		if err != nil {
			return err
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch {
		case c == contentLength[i]:
			i++
		case c == contentLength[0]: // no other prefix of it is also a suffix
			i = 1
		default:
			i = 0
		}
		if i == len(contentLength) {
			r.prefix = "Content-Length:"
			return nil
		}
	}
}

// read returns the body of the next message. A framing fault (a header
// line that is not `Name: value` or is over maxHeaderLine, more than
// maxHeaderLines lines, a missing, invalid or repeated Content-Length, a
// body over the limit) returns an *errFrame after skipping the message
// (see reader): the caller answers it and reads on. io.EOF means the
// stream ended between messages.
func (r *reader) read() ([]byte, error) {
	if r.resync {
		r.resync = false
		if err := r.skipToHeader(); err != nil {
			if err == io.EOF {
				return nil, io.EOF
			}
			return nil, err
		}
	}
	length := int64(-1)
	lengths := 0      // Content-Length headers seen
	conflict := false // two that disagree, or one that is not a number
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
		if tooLong {
			if fault == "" {
				fault = "header line longer than " + strconv.Itoa(maxHeaderLine) + " bytes"
			}
			continue
		}
		if lines >= maxHeaderLines && fault == "" {
			fault = "more than " + strconv.Itoa(maxHeaderLines) + " header lines"
		}
		if i := indexContentLength(line); i > 0 {
			// Bytes glued before a header (the body of a message without
			// a header): they are the fault; the message from the header
			// on is read next, or skipped with this one when it is part of
			// a bad block.
			rest := line[i:]
			if lines == 0 {
				r.unread = &rest
				return nil, &errFrame{reason: fmt.Sprintf("%.40q before a header", line[:i])}
			}
			if fault == "" {
				fault = fmt.Sprintf("%.40q before a header", line[:i])
			}
			line = rest
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			if fault == "" {
				fault = fmt.Sprintf("header line %.40q is not `Name: value`", line)
			}
			continue
		}
		if !strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			continue
		}
		// Read even after a fault: it says how much to skip.
		lengths++
		n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
		switch {
		case err != nil || n < 0:
			conflict = true
			if fault == "" {
				fault = fmt.Sprintf("Content-Length %.40q is not a number of bytes", strings.TrimSpace(value))
			}
		case length >= 0 && n != length:
			conflict = true
		default:
			length = n
		}
		if lengths == 2 && fault == "" {
			fault = "two Content-Length headers"
		}
	}
	if length < 0 || conflict {
		// Where the body ends is not known: read on from the next header.
		r.resync = true
		if fault == "" {
			fault = "no Content-Length header"
		}
		return nil, &errFrame{reason: fault}
	}
	if length > r.maxMsg {
		// Skip the body without holding it.
		if _, err := io.CopyN(io.Discard, r.br, length); err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, &errFrame{reason: fmt.Sprintf("Content-Length %d is over the limit of %d bytes; message skipped", length, r.maxMsg)}
	}
	// Read in growing steps, so that a Content-Length the peer never sends
	// does not reserve its size up front.
	var body bytes.Buffer
	body.Grow(int(min(length, 1<<20)))
	if _, err := io.CopyN(&body, r.br, length); err != nil {
		return nil, io.ErrUnexpectedEOF
	}
	if fault != "" {
		// Skipped, but a request among them still gets its answer.
		fe := &errFrame{reason: fault + "; message skipped"}
		var m struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		if json.Unmarshal(body.Bytes(), &m) == nil && m.Method != "" && len(m.ID) > 0 && validID(m.ID) {
			fe.id = m.ID
		}
		return nil, fe
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
