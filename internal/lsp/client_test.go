package lsp

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"
)

// testClient is an in-process LSP client talking to a Server over pipes.
type testClient struct {
	t      testing.TB
	srv    *Server
	toSrv  *io.PipeWriter
	out    *writer
	status chan int

	mu        sync.Mutex
	nextID    int
	waiting   map[string]chan *message
	notes     []*message
	noteCond  *sync.Cond
	onRequest func(m *message) any // answers server-to-client requests
	log       strings.Builder
}

// startServer starts a server with opts and returns a client for it.
func startServer(t testing.TB, opts Options) *testClient {
	t.Helper()
	cr, sw := io.Pipe() // server -> client
	sr, cw := io.Pipe() // client -> server
	c := &testClient{t: t, toSrv: cw, out: &writer{w: cw}, status: make(chan int, 1), waiting: map[string]chan *message{}}
	c.noteCond = sync.NewCond(&c.mu)
	if opts.Log == nil {
		opts.Log = &lockedWriter{b: &c.log, mu: &c.mu}
	}
	if opts.Getenv == nil {
		opts.Getenv = func(string) string { return "" }
	}
	srv := New(sr, sw, opts)
	c.srv = srv
	go func() {
		st := srv.Serve()
		sw.Close()
		sr.Close()
		c.status <- st
	}()
	go c.readLoop(newReader(cr, 1<<30))
	t.Cleanup(func() {
		cw.Close()
		select {
		case <-c.status:
		case <-time.After(10 * time.Second):
			t.Errorf("server did not stop after its input closed")
		}
	})
	return c
}

type lockedWriter struct {
	b  *strings.Builder
	mu *sync.Mutex
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (c *testClient) readLoop(r *reader) {
	for {
		body, err := r.read()
		if err != nil {
			c.mu.Lock()
			c.notes = append(c.notes, nil) // end marker
			c.noteCond.Broadcast()
			for _, ch := range c.waiting {
				close(ch)
			}
			c.waiting = map[string]chan *message{}
			c.mu.Unlock()
			return
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("server sent invalid JSON: %s", body)
			continue
		}
		switch {
		case m.Method != "" && len(m.ID) > 0:
			var res any
			c.mu.Lock()
			h := c.onRequest
			c.mu.Unlock()
			if h != nil {
				res = h(&m)
			}
			c.out.write(response{JSONRPC: "2.0", ID: m.ID, Result: res})
			c.mu.Lock()
			c.notes = append(c.notes, &m)
			c.noteCond.Broadcast()
			c.mu.Unlock()
		case m.Method != "":
			c.mu.Lock()
			c.notes = append(c.notes, &m)
			c.noteCond.Broadcast()
			c.mu.Unlock()
		default:
			c.mu.Lock()
			ch := c.waiting[string(m.ID)]
			delete(c.waiting, string(m.ID))
			c.mu.Unlock()
			if ch != nil {
				ch <- &m
			} else {
				c.mu.Lock()
				c.notes = append(c.notes, &m) // unexpected response (id null)
				c.noteCond.Broadcast()
				c.mu.Unlock()
			}
		}
	}
}

// call sends a request and waits for its response.
func (c *testClient) call(method string, params any) *message {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := fmt.Sprint(c.nextID)
	ch := make(chan *message, 1)
	c.waiting[id] = ch
	c.mu.Unlock()
	if err := c.out.write(map[string]any{"jsonrpc": "2.0", "id": c.nextIDValue(id), "method": method, "params": params}); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			c.t.Fatalf("%s: connection closed", method)
		}
		return m
	case <-time.After(20 * time.Second):
		c.t.Fatalf("%s: no response", method)
	}
	return nil
}

func (c *testClient) nextIDValue(id string) any {
	var n int
	fmt.Sscan(id, &n)
	return n
}

// result calls method and decodes its result into v, failing on an error.
func (c *testClient) result(method string, params, v any) {
	c.t.Helper()
	m := c.call(method, params)
	if m.Error != nil {
		c.t.Fatalf("%s: error %d %s", method, m.Error.Code, m.Error.Message)
	}
	if v != nil {
		if err := json.Unmarshal(m.Result, v); err != nil {
			c.t.Fatalf("%s: result %s: %v", method, m.Result, err)
		}
	}
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.out.write(notification{"2.0", method, params}); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// raw writes bytes as they are.
func (c *testClient) raw(b string) {
	c.t.Helper()
	if _, err := c.toSrv.Write([]byte(b)); err != nil {
		c.t.Fatalf("raw write: %v", err)
	}
}

// waitNote waits for the first notification after index from that
// matches; it returns it and its index.
func (c *testClient) waitNote(from int, match func(*message) bool) (*message, int) {
	c.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		for i := from; i < len(c.notes); i++ {
			if c.notes[i] == nil {
				c.t.Fatalf("connection closed while waiting")
			}
			if match(c.notes[i]) {
				return c.notes[i], i
			}
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("timed out waiting for a notification; log:\n%s", c.log.String())
		}
		go func() { time.Sleep(20 * time.Millisecond); c.noteCond.Broadcast() }()
		c.noteCond.Wait()
	}
}

// diagnostics waits for the diagnostics of uri at version (any version
// when version < 0) published after note index from.
func (c *testClient) diagnostics(from int, uri string, version int) ([]Diagnostic, int) {
	c.t.Helper()
	var p publishDiagnosticsParams
	_, i := c.waitNote(from, func(m *message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var q publishDiagnosticsParams
		json.Unmarshal(m.Params, &q)
		if q.URI != uri || (version >= 0 && (q.Version == nil || *q.Version != version)) {
			return false
		}
		p = q
		return true
	})
	return p.Diagnostics, i + 1
}

// noteCount is the number of notifications received so far.
func (c *testClient) noteCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.notes)
}

// initialize runs the handshake with the given encodings offered.
func (c *testClient) initialize(encodings []string, initOptions any) initializeResult {
	c.t.Helper()
	params := map[string]any{
		"processId": nil,
		"rootUri":   nil,
		"capabilities": map[string]any{
			"general":      map[string]any{"positionEncodings": encodings},
			"textDocument": map[string]any{"publishDiagnostics": map[string]any{"versionSupport": true}, "completion": map[string]any{"completionItem": map[string]any{"snippetSupport": true}}},
		},
	}
	if initOptions != nil {
		params["initializationOptions"] = initOptions
	}
	var res initializeResult
	c.result("initialize", params, &res)
	c.notify("initialized", map[string]any{})
	return res
}

// open opens a document.
func (c *testClient) open(uri, text string, version int) {
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": version, "text": text}})
}

// exit sends shutdown and exit and returns the server's status.
func (c *testClient) exit(shutdown bool) int {
	c.t.Helper()
	if shutdown {
		c.result("shutdown", nil, nil)
	}
	c.notify("exit", nil)
	select {
	case st := <-c.status:
		c.status <- st
		return st
	case <-time.After(10 * time.Second):
		c.t.Fatal("server did not exit")
	}
	return -1
}
