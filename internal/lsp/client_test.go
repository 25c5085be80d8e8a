package lsp

import (
	"encoding/json"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/manifestlint/manifestlint/internal/lsptest"
)

// testClient drives a Server in process over pipes, through the tests' one
// LSP client (lsptest), with the server's own types.
type testClient struct {
	t      testing.TB
	cl     *lsptest.Client
	srv    *Server
	toSrv  *io.PipeWriter
	status chan int

	mu        sync.Mutex           // guards log and onRequest
	onRequest func(m *message) any // answers server-to-client requests
	log       strings.Builder
}

// startServer starts a server with opts and returns a client for it.
func startServer(t testing.TB, opts Options) *testClient {
	t.Helper()
	cr, sw := io.Pipe() // server -> client
	sr, cw := io.Pipe() // client -> server
	c := &testClient{t: t, toSrv: cw, status: make(chan int, 1)}
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
	c.cl = lsptest.New(t, cw, cr)
	c.cl.SetTimeout(20 * time.Second)
	c.cl.OnRequest(func(m *lsptest.Message) any {
		c.mu.Lock()
		h := c.onRequest
		c.mu.Unlock()
		if h == nil {
			return nil
		}
		return h(fromClient(m))
	})
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

// fromClient is m as the server's own type.
func fromClient(m *lsptest.Message) *message {
	if m == nil {
		return nil
	}
	out := &message{JSONRPC: m.JSONRPC, ID: m.ID, Method: m.Method, Params: m.Params, Result: m.Result}
	if m.Error != nil {
		out.Error = &rpcError{Code: m.Error.Code, Message: m.Error.Message}
	}
	return out
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

// call sends a request and waits for its response.
func (c *testClient) call(method string, params any) *message {
	c.t.Helper()
	return fromClient(c.cl.Call(method, params))
}

// result calls method and decodes its result into v, failing on an error.
func (c *testClient) result(method string, params, v any) {
	c.t.Helper()
	c.cl.Result(method, params, v)
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	c.cl.Notify(method, params)
}

// raw writes bytes as they are.
func (c *testClient) raw(b string) {
	c.t.Helper()
	c.cl.Write([]byte(b))
}

// messages returns the notifications, server requests and stray
// responses received from index from on.
func (c *testClient) messages(from int) []*message {
	var out []*message
	for _, m := range c.cl.Messages(from) {
		out = append(out, fromClient(m))
	}
	return out
}

// waitNote waits for the first notification after index from that
// matches; it returns it and its index.
func (c *testClient) waitNote(from int, match func(*message) bool) (*message, int) {
	c.t.Helper()
	m, i := c.cl.WaitFor(from, func(m *lsptest.Message) bool { return match(fromClient(m)) })
	return fromClient(m), i
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
	return c.cl.Len()
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
	c.cl.Open(uri, text, version)
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
