package lsp

import (
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/manifestlint/manifestlint/internal/lsptest"
	"github.com/manifestlint/manifestlint/internal/testbin"
)

func TestMain(m *testing.M) { testbin.Main(m) }

// TestLSPBinaryIssue21 drives `manifestlint lsp` (the real binary) through
// issue 21's language-server breaks: a malformed frame is answered with a
// parse error and the server hears on (item 8), no diagnostic or hover
// shows a secret value (items 5-7), and after shutdown a change is
// neither applied nor published, other requests get InvalidRequest, and
// exit ends with status 0 (item 10).
func TestLSPBinaryIssue21(t *testing.T) {
	const secret = "Hunter2Brace"
	text := "manifestVersion: 2.0\ndeviceId: ABCDE\nbucket: my-bucket\neraseDevice: yes\n" +
		"trueCryptPassword: {" + secret + "}\npassword: " + secret + "x\nignore: [{pinCode: " + secret + "y}]\n"
	cmd := exec.Command(testbin.Binary(t), "lsp")
	c := lsptest.Start(t, cmd)
	uri := "untitled:e2e"
	c.Initialize(map[string]any{"textDocument": map[string]any{"publishDiagnostics": map[string]any{"versionSupport": true}}}, nil)
	c.Open(uri, text, 1)
	// A malformed frame whose body, were it read, would shut the server down.
	c.Write([]byte("Content-Length: abc\r\n\r\n" + `{"jsonrpc":"2.0","id":99,"method":"shutdown"}`))
	pulled := c.Go("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}})
	hover := c.Go("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 4, "character": 22}})
	if m := pulled.Wait(); !strings.Contains(string(m.Result), "invalid-type") {
		t.Errorf("pulled diagnostics lack the braces finding: %s", m.Result)
	}
	if h := hover.Wait(); !strings.Contains(string(h.Result), "********") {
		t.Errorf("hover on the secret does not show the mask: %s", h.Result)
	}
	parseErrors := 0
	for _, m := range c.Messages(0) {
		if string(m.ID) == "null" && m.Error != nil && m.Error.Code == -32700 {
			parseErrors++
		}
	}
	if parseErrors != 1 {
		t.Errorf("%d parse errors answered for the malformed frame, want 1", parseErrors)
	}
	if m := c.Call("shutdown", nil); m.Error != nil {
		t.Fatalf("shutdown: %+v", m.Error)
	}
	afterShutdown := len(c.Messages(0))
	c.Notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": "bucket: x\n"}}})
	if m := c.Call("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 0, "character": 0}}); m.Error == nil || m.Error.Code != -32600 {
		t.Errorf("hover after shutdown: %+v, want InvalidRequest", m.Error)
	}
	c.Notify("exit", nil)
	exited := make(chan error, 1)
	go func() { exited <- c.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("exit after shutdown: %v, want status 0", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
	for _, m := range c.Messages(afterShutdown) {
		if m.Method == "textDocument/publishDiagnostics" {
			t.Errorf("published after shutdown: %s", m.Params)
		}
	}
	if all := c.Wire(); strings.Contains(all+c.Stderr(), secret) {
		t.Errorf("the server wrote the secret value:\n%s\n%s", all, c.Stderr())
	}
}
