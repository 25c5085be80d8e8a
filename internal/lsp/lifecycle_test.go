package lsp

import (
	"context"
	"encoding/json"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestInitializeAdvertisesAndNegotiatesEncoding(t *testing.T) {
	for _, tt := range []struct {
		offered []string
		want    string
	}{
		{nil, "utf-16"},
		{[]string{"utf-16"}, "utf-16"},
		{[]string{"utf-32", "utf-8", "utf-16"}, "utf-8"},
		{[]string{"utf-32"}, "utf-16"},
	} {
		c := startServer(t, Options{})
		res := c.initialize(tt.offered, nil)
		if res.Capabilities.PositionEncoding != tt.want {
			t.Errorf("offered %v: positionEncoding %q, want %q", tt.offered, res.Capabilities.PositionEncoding, tt.want)
		}
		if res.ServerInfo.Name != "manifestlint" || !res.Capabilities.HoverProvider ||
			res.Capabilities.CodeActionProvider == nil || res.Capabilities.CompletionProvider == nil || res.Capabilities.DiagnosticProvider == nil {
			t.Errorf("capabilities lack a feature: %+v", res)
		}
		sync, _ := json.Marshal(res.Capabilities.TextDocumentSync)
		if !strings.Contains(string(sync), `"change":2`) || !strings.Contains(string(sync), `"openClose":true`) {
			t.Errorf("textDocumentSync %s is not incremental with open/close", sync)
		}
		if st := c.exit(true); st != 0 {
			t.Errorf("exit after shutdown: status %d, want 0", st)
		}
	}
}

func TestExitWithoutShutdownIsStatus1(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	if st := c.exit(false); st != 1 {
		t.Errorf("exit without shutdown: status %d, want 1", st)
	}
}

func TestEndOfInputWithoutExitIsStatus1(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.toSrv.Close()
	select {
	case st := <-c.status:
		c.status <- st
		if st != 1 {
			t.Errorf("status %d, want 1", st)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server did not stop at the end of its input")
	}
}

func TestRequestsBeforeInitializeAndAfterShutdown(t *testing.T) {
	c := startServer(t, Options{})
	m := c.call("textDocument/hover", map[string]any{})
	if m.Error == nil || m.Error.Code != codeServerNotInitialized {
		t.Errorf("hover before initialize: %+v, want error %d", m.Error, codeServerNotInitialized)
	}
	c.initialize(nil, nil)
	if m := c.call("initialize", map[string]any{"capabilities": map[string]any{}}); m.Error == nil || m.Error.Code != codeInvalidRequest {
		t.Errorf("second initialize: %+v, want error %d", m.Error, codeInvalidRequest)
	}
	c.result("shutdown", nil, nil)
	if m := c.call("textDocument/hover", map[string]any{}); m.Error == nil || m.Error.Code != codeInvalidRequest {
		t.Errorf("hover after shutdown: %+v, want error %d", m.Error, codeInvalidRequest)
	}
	if st := c.exit(false); st != 0 {
		t.Errorf("exit after shutdown: status %d, want 0", st)
	}
}

func TestSetTraceAndCancelAreAccepted(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.notify("$/setTrace", map[string]any{"value": "verbose"})
	c.notify("$/cancelRequest", map[string]any{"id": 99})
	c.notify("$/someUnknownNotification", map[string]any{})
	// With the trace on, the server's log lines come as $/logTrace.
	c.raw("Content-Length: oops\r\n\r\n")
	m, _ := c.waitNote(0, func(m *message) bool { return m.Method == "$/logTrace" })
	if !strings.Contains(string(m.Params), "Content-Length") {
		t.Errorf("$/logTrace %s", m.Params)
	}
	// The server still answers.
	if m := c.call("shutdown", nil); m.Error != nil {
		t.Fatalf("shutdown after $/ notifications: %+v", m.Error)
	}
}

func TestCancelledRequestGetsRequestCancelled(t *testing.T) {
	c := startServer(t, Options{})
	// The hover waits until it is cancelled: the answer must say so.
	c.srv.beforeWork = func(ctx context.Context, method string) {
		if method == "textDocument/hover" {
			select {
			case <-ctx.Done():
			case <-time.After(10 * time.Second):
			}
		}
	}
	c.initialize(nil, nil)
	c.open("file:///c.yaml", "bucket: x\n", 1)
	hover := c.cl.Go("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": "file:///c.yaml"}, "position": Position{0, 1}})
	c.notify("$/cancelRequest", map[string]any{"id": hover.ID})
	// The hover blocks 10 s unless cancelled; the client waits 20 s.
	if m := hover.Wait(); m.Error == nil || m.Error.Code != codeRequestCancelled {
		t.Errorf("cancelled request: error %+v, result %s; want %d", m.Error, m.Result, codeRequestCancelled)
	}
	// Other requests are not affected.
	if m := c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": "file:///c.yaml"}}); m.Error != nil {
		t.Errorf("pull after a cancel: %+v", m.Error)
	}
}

func TestNoGoroutineLeft(t *testing.T) {
	before := runtime.NumGoroutine()
	for range 5 {
		c := startServer(t, Options{})
		c.initialize([]string{"utf-8"}, nil)
		c.open("file:///g.yaml", "manifestVersion: 2.0\nbucket: b\n", 1)
		c.diagnostics(0, "file:///g.yaml", 1)
		c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///g.yaml"}, "position": map[string]any{"line": 0, "character": 1}})
		c.exit(true)
		c.toSrv.Close()
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines before, %d after five sessions:\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}
