package lsp

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/manifestlint/manifestlint/internal/lsptest"
)

// frame wraps body in an LSP header.
func frame(body string) string {
	return string(lsptest.Frame([]byte(body)))
}

// nullIDError waits for an error response with a null id.
func nullIDError(c *testClient, from int) (*rpcError, int) {
	m, i := c.waitNote(from, func(m *message) bool { return m.Method == "" && m.Error != nil })
	if string(m.ID) != "null" {
		c.t.Errorf("error response id %s, want null", m.ID)
	}
	return m.Error, i + 1
}

func TestInvalidJSONIsParseError(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.raw(frame(`{"jsonrpc":"2.0","id":1,"method":`))
	e, _ := nullIDError(c, 0)
	if e.Code != codeParseError {
		t.Errorf("invalid JSON: code %d, want %d", e.Code, codeParseError)
	}
	// Not a request object: invalid request.
	c.raw(frame(`[1,2,3]`))
	e, _ = nullIDError(c, 0+1)
	if e.Code != codeInvalidRequest && e.Code != codeParseError {
		t.Errorf("array: code %d", e.Code)
	}
	if m := c.call("shutdown", nil); m.Error != nil {
		t.Fatalf("server no longer answers: %+v", m.Error)
	}
}

func TestUnknownMethodIsMethodNotFound(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	m := c.call("textDocument/noSuchThing", map[string]any{})
	if m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Fatalf("unknown method: %+v, want %d", m.Error, codeMethodNotFound)
	}
	// A notification's method is no request.
	if m := c.call("textDocument/didClose", map[string]any{}); m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Fatalf("didClose as a request: %+v, want %d", m.Error, codeMethodNotFound)
	}
}

func TestMalformedHeadersAreSkipped(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	for _, bad := range []string{
		"Content-Length: banana\r\n\r\n",
		"no colon here\r\n\r\n",
		"Content-Type: application/json\r\n\r\n", // no length
		"Content-Length: -5\r\n\r\n",
		"X-Long: " + strings.Repeat("a", 100_000) + "\r\n\r\n",
	} {
		c.raw(bad)
		if m := c.call("manifestlint/ping", nil); m.Error == nil || m.Error.Code != codeMethodNotFound {
			t.Fatalf("after %.40q: %+v", bad, m.Error)
		}
	}
	c.mu.Lock()
	log := c.log.String()
	c.mu.Unlock()
	if !strings.Contains(log, "malformed message") {
		t.Errorf("malformed headers not logged: %s", log)
	}
}

func TestHugeContentLengthIsNotAllocated(t *testing.T) {
	c := startServer(t, Options{MaxMessage: 1 << 20})
	c.initialize(nil, nil)
	// Over the limit: skipped without holding it.
	big := []byte(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", 2<<20, strings.Repeat(" ", 2<<20)))
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := c.toSrv.Write(big); err != nil {
		t.Fatal(err)
	}
	if m := c.call("shutdown", nil); m.Error != nil {
		t.Fatalf("after an oversized message: %+v", m.Error)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grew := int64(after.TotalAlloc) - int64(before.TotalAlloc); grew > 1<<20 {
		t.Errorf("skipping a 2 MB message allocated %d bytes", grew)
	}
}

func TestLyingContentLengthAtEndOfInput(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	c.raw("Content-Length: 200000000\r\n\r\n{\"jsonrpc\":")
	c.toSrv.Close()
	select {
	case st := <-c.status:
		c.status <- st
		if st != 1 {
			t.Errorf("status %d, want 1", st)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server hung on a truncated message")
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grew := int64(after.TotalAlloc) - int64(before.TotalAlloc); grew > 8<<20 {
		t.Errorf("a 200 MB Content-Length with no body allocated %d bytes", grew)
	}
}

func TestUnopenedDocumentRequests(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	td := map[string]any{"uri": "file:///nowhere.yaml"}
	for _, method := range []string{"textDocument/hover", "textDocument/completion", "textDocument/codeAction", "textDocument/diagnostic"} {
		m := c.call(method, map[string]any{"textDocument": td, "position": map[string]any{"line": 0, "character": 0},
			"range": map[string]any{"start": map[string]any{"line": 0, "character": 0}, "end": map[string]any{"line": 0, "character": 0}}, "context": map[string]any{"diagnostics": []any{}}})
		if m.Error == nil || m.Error.Code != codeInvalidParams {
			t.Errorf("%s on an unopened document: error %+v, result %s; want error %d", method, m.Error, m.Result, codeInvalidParams)
		}
	}
	// Notifications for it are ignored, and the server goes on.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///nowhere.yaml", "version": 2}, "contentChanges": []any{map[string]any{"text": "x"}}})
	c.notify("textDocument/didClose", map[string]any{"textDocument": td})
	if m := c.call("shutdown", nil); m.Error != nil {
		t.Fatal(m.Error)
	}
}

func TestInvalidParamsDoNotPanic(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	for _, method := range []string{"textDocument/hover", "textDocument/completion", "textDocument/codeAction", "textDocument/diagnostic"} {
		for _, params := range []any{nil, 5, "x", []any{1}, map[string]any{"textDocument": 3}} {
			m := c.call(method, params)
			if m.Error == nil {
				t.Errorf("%s %v: no error", method, params)
			}
		}
	}
	for _, method := range []string{"textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave", "workspace/didChangeWatchedFiles", "workspace/didChangeConfiguration", "$/cancelRequest", "$/setTrace"} {
		for _, params := range []any{nil, 5, "x", []any{1}, map[string]any{"textDocument": 3}} {
			c.notify(method, params)
		}
	}
	if m := c.call("shutdown", nil); m.Error != nil {
		t.Fatal(m.Error)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if strings.Contains(c.log.String(), "internal error") {
		t.Errorf("a handler panicked:\n%s", c.log.String())
	}
}

func TestBinaryDocument(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(i * 7)
	}
	text := strings.ToValidUTF8(string(bin), "\uFFFD") // JSON carries only text
	c.open("file:///bin.manifest.yaml", text, 1)
	ds, _ := c.diagnostics(0, "file:///bin.manifest.yaml", 1)
	if len(ds) == 0 {
		t.Errorf("a binary document got no diagnostic")
	}
	raw, _ := json.Marshal(ds)
	if !json.Valid(raw) {
		t.Errorf("diagnostics are not valid JSON")
	}
}

func TestFiftyMegabyteDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: sends 50 MB (seconds); run it with go test ./internal/lsp -run TestFiftyMegabyteDocument")
	}
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	text := "bucket: " + strings.Repeat("x", 50<<20) + "\n"
	c.open("file:///huge.yaml", text, 1)
	ds, _ := c.diagnostics(0, "file:///huge.yaml", 1)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "over --max-bytes") || ds[0].Severity != severityError {
		t.Fatalf("50 MB document: %+v, want one error saying it is over --max-bytes", ds)
	}
	if m := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///huge.yaml"}, "position": map[string]any{"line": 0, "character": 2}}); m.Error != nil {
		t.Errorf("hover on the huge document: %+v", m.Error)
	}
}

// TestOtherYAMLIsLeftAlone: an editor attaches the server to every YAML
// file; as the CLI's walk does, it reports nothing on one that is neither
// named like a manifest nor looks like one (a compose file), and lints a
// manifest by its name even when its text does not show it yet.
func TestOtherYAMLIsLeftAlone(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	compose := "services:\n  web:\n    image: nginx\n"
	c.open("file:///docker-compose.yml", compose, 1)
	if ds, _ := c.diagnostics(0, "file:///docker-compose.yml", 1); len(ds) != 0 {
		t.Errorf("docker-compose.yml got %d diagnostics, want none: %+v", len(ds), ds)
	}
	c.open("file:///jobs/compose.manifest.yaml", compose, 1)
	if ds, _ := c.diagnostics(0, "file:///jobs/compose.manifest.yaml", 1); len(ds) == 0 {
		t.Errorf("a file named like a manifest got no diagnostic")
	}
	c.open("file:///jobs/job.yaml", "manifestVersion: 2.0\n", 1)
	if ds, _ := c.diagnostics(0, "file:///jobs/job.yaml", 1); len(ds) == 0 {
		t.Errorf("a YAML file that looks like a manifest got no diagnostic")
	}
}
