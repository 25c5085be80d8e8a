// Package lsptest is the one language-server client of the tests: JSON-RPC
// 2.0 with the Content-Length framing of the Language Server Protocol, over
// any pair of streams (a server in process, `manifestlint lsp`, or another
// server such as yaml-language-server). It answers the server's requests,
// routes responses to their callers and keeps every other message, in
// order, for the test to wait on.
package lsptest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Message is any JSON-RPC message: a request (ID and Method), a
// notification (Method only) or a response (ID, and Result or Error).
type Message struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *Error          `json:"error,omitempty"`

	// At is when the client read the message.
	At time.Time `json:"-"`
}

// Error is the error member of a response.
type Error struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Data    json.RawMessage `json:"data,omitempty"`
}

// Frame wraps a message's body in its header.
func Frame(body []byte) []byte {
	return append([]byte(fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body))), body...)
}

// Client talks to one server. Its methods fail the test they were given
// on a broken stream or a timeout.
type Client struct {
	t       testing.TB
	w       io.Writer
	timeout time.Duration

	wmu sync.Mutex // one frame at a time

	mu        sync.Mutex
	cond      *sync.Cond
	nextID    int
	waiting   map[string]chan *Message
	messages  []*Message // all but the responses a caller waits for
	ended     bool
	onRequest func(*Message) any
	wire      bytes.Buffer // every byte the server wrote
	done      chan struct{}

	// of a server Start started
	stderr   *lockedBuffer
	waitOnce sync.Once
	waitErr  error
	cmd      *exec.Cmd
}

// New starts a client that writes to w and reads the server's messages from
// r until it ends. Waits time out after 30 s (SetTimeout changes that).
func New(t testing.TB, w io.Writer, r io.Reader) *Client {
	c := &Client{t: t, w: w, timeout: 30 * time.Second, waiting: map[string]chan *Message{}, done: make(chan struct{})}
	c.cond = sync.NewCond(&c.mu)
	go c.read(r)
	return c
}

// Start starts cmd as a server on its standard input and output and
// returns its client. When the test ends, its input is closed and it has
// 10 s to exit before it is killed; its standard error is logged if the
// test failed.
func Start(t testing.TB, cmd *exec.Cmd) *Client {
	t.Helper()
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := New(t, in, out)
	c.cmd, c.stderr = cmd, stderr
	t.Cleanup(func() {
		in.Close()
		select {
		case <-c.done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
		c.Wait()
		if t.Failed() && stderr.Len() > 0 {
			t.Logf("%s's standard error:\n%s", cmd.Path, stderr.String())
		}
	})
	return c
}

// Wait waits for the output of the server Start started to end, and for
// the server to exit, and returns its exit error (nil on status 0).
func (c *Client) Wait() error {
	<-c.done
	c.waitOnce.Do(func() { c.waitErr = c.cmd.Wait() })
	return c.waitErr
}

// Stderr returns what the server Start started wrote on its standard
// error so far.
func (c *Client) Stderr() string { return c.stderr.String() }

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Len()
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// SetTimeout sets how long Call and WaitFor wait.
func (c *Client) SetTimeout(d time.Duration) { c.timeout = d }

// OnRequest sets the answer to the server's requests (nil: a null
// result); the requests are kept among the messages as well.
func (c *Client) OnRequest(h func(*Message) any) {
	c.mu.Lock()
	c.onRequest = h
	c.mu.Unlock()
}

// read splits the server's output into messages until it ends.
func (c *Client) read(r io.Reader) {
	br := bufio.NewReader(io.TeeReader(r, lockedWriter{c}))
	defer func() {
		c.mu.Lock()
		c.ended = true
		for _, ch := range c.waiting {
			close(ch)
		}
		c.waiting = map[string]chan *Message{}
		c.cond.Broadcast()
		c.mu.Unlock()
		close(c.done)
	}()
	for {
		n := -1
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				n, _ = strconv.Atoi(v)
			}
		}
		if n < 0 {
			c.t.Errorf("the server wrote a header without Content-Length")
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(br, body); err != nil {
			return
		}
		m := &Message{}
		if err := json.Unmarshal(body, m); err != nil {
			c.t.Errorf("the server wrote invalid JSON: %s", body)
			continue
		}
		m.At = time.Now()
		c.mu.Lock()
		switch {
		case m.Method != "" && len(m.ID) > 0:
			// Answered aside: a server may write on while the answer waits
			// for it to read.
			h := c.onRequest
			go func() {
				var res any
				if h != nil {
					res = h(m)
				}
				// The server may be gone by now: not the test's failure.
				if body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": res}); err == nil {
					c.wmu.Lock()
					c.w.Write(Frame(body))
					c.wmu.Unlock()
				}
			}()
			c.messages = append(c.messages, m)
		case m.Method == "" && c.waiting[string(m.ID)] != nil:
			c.waiting[string(m.ID)] <- m
			delete(c.waiting, string(m.ID))
		default: // a notification, or a response no one waits for (id null)
			c.messages = append(c.messages, m)
		}
		c.cond.Broadcast()
		c.mu.Unlock()
	}
}

type lockedWriter struct{ c *Client }

func (w lockedWriter) Write(p []byte) (int, error) {
	w.c.mu.Lock()
	defer w.c.mu.Unlock()
	return w.c.wire.Write(p)
}

// Wire returns every byte the server wrote so far.
func (c *Client) Wire() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.wire.String()
}

// Done is closed when the server's output ends.
func (c *Client) Done() <-chan struct{} { return c.done }

// Send writes one message, framed.
func (c *Client) Send(v any) {
	body, err := json.Marshal(v)
	if err != nil {
		c.t.Errorf("lsptest: %v", err)
		return
	}
	// The header and the body apart: a body of 50 MB is not copied.
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		c.t.Errorf("writing to the server: %v", err)
		return
	}
	if _, err := c.w.Write(body); err != nil {
		c.t.Errorf("writing to the server: %v", err)
	}
}

// Write writes bytes as they are: a frame of the test's own making.
func (c *Client) Write(b []byte) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if _, err := c.w.Write(b); err != nil {
		c.t.Errorf("writing to the server: %v", err)
	}
}

// Notify sends a notification.
func (c *Client) Notify(method string, params any) {
	c.Send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// Pending is a request sent whose response is not yet read.
type Pending struct {
	ID     int // the request's id
	c      *Client
	method string
	ch     chan *Message
}

// Go sends a request with the next id (1, 2, ...) and returns at once.
func (c *Client) Go(method string, params any) *Pending {
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan *Message, 1)
	c.waiting[strconv.Itoa(id)] = ch
	c.mu.Unlock()
	c.Send(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	return &Pending{id, c, method, ch}
}

// Wait returns the response, failing the test when the connection ends or
// the timeout passes first.
func (p *Pending) Wait() *Message {
	p.c.t.Helper()
	select {
	case m, ok := <-p.ch:
		if !ok {
			p.c.t.Fatalf("%s: the server's output ended before its response", p.method)
		}
		return m
	case <-time.After(p.c.timeout):
		p.c.t.Fatalf("%s: no response in %v", p.method, p.c.timeout)
	}
	return nil
}

// Call sends a request and returns its response.
func (c *Client) Call(method string, params any) *Message {
	c.t.Helper()
	return c.Go(method, params).Wait()
}

// Result sends a request and decodes its result into v (unless nil),
// failing the test on an error response.
func (c *Client) Result(method string, params, v any) {
	c.t.Helper()
	m := c.Call(method, params)
	if m.Error != nil {
		c.t.Fatalf("%s: error %d %s", method, m.Error.Code, m.Error.Message)
	}
	if v != nil {
		if err := json.Unmarshal(m.Result, v); err != nil {
			c.t.Fatalf("%s: result %s: %v", method, m.Result, err)
		}
	}
}

// Messages returns the messages kept from index from on: notifications,
// the server's requests, and responses no caller waits for.
func (c *Client) Messages(from int) []*Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	if from > len(c.messages) {
		return nil
	}
	return append([]*Message(nil), c.messages[from:]...)
}

// Len is the number of messages kept so far.
func (c *Client) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.messages)
}

// WaitFor waits for the first message kept at index from or later that
// matches, and returns it and its index. The test fails when the server's
// output ends or the timeout passes first.
func (c *Client) WaitFor(from int, match func(*Message) bool) (*Message, int) {
	c.t.Helper()
	deadline := time.Now().Add(c.timeout)
	wake := time.AfterFunc(c.timeout, func() {
		c.mu.Lock()
		c.cond.Broadcast()
		c.mu.Unlock()
	})
	defer wake.Stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	for i := from; ; {
		for ; i < len(c.messages); i++ {
			if match(c.messages[i]) {
				return c.messages[i], i
			}
		}
		if c.ended {
			c.t.Fatalf("the server's output ended while waiting")
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no such message in %v", c.timeout)
		}
		c.cond.Wait()
	}
}

// Initialize runs the handshake with capabilities (nil: none) and
// decodes the server's answer into result (unless nil).
func (c *Client) Initialize(capabilities map[string]any, result any) {
	c.t.Helper()
	if capabilities == nil {
		capabilities = map[string]any{}
	}
	c.Result("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": capabilities}, result)
	c.Notify("initialized", map[string]any{})
}

// Open opens a YAML document.
func (c *Client) Open(uri, text string, version int) {
	c.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": version, "text": text}})
}

// IsDiagnostics matches the diagnostics published for uri.
func IsDiagnostics(uri string) func(*Message) bool {
	return func(m *Message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p struct {
			URI string `json:"uri"`
		}
		return json.Unmarshal(m.Params, &p) == nil && p.URI == uri
	}
}
