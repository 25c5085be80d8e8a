package lsp

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/manifestlint/manifestlint/internal/testbin"
)

func TestMain(m *testing.M) { testbin.Main(m) }

// lspFrame frames one JSON-RPC message.
func lspFrame(v any) string {
	b, _ := json.Marshal(v)
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(b), b)
}

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
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var all strings.Builder // every byte the server wrote
	msgs := make(chan map[string]json.RawMessage, 100)
	go func() {
		defer close(msgs)
		r := bufio.NewReader(io.TeeReader(out, &all))
		for {
			n := -1
			for {
				line, err := r.ReadString('\n')
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
			body := make([]byte, n)
			if _, err := io.ReadFull(r, body); err != nil {
				return
			}
			var m map[string]json.RawMessage
			json.Unmarshal(body, &m)
			msgs <- m
		}
	}()
	var seen []map[string]json.RawMessage
	// await returns the response to id, keeping every message read.
	await := func(id string) map[string]json.RawMessage {
		t.Helper()
		timeout := time.After(30 * time.Second)
		for {
			select {
			case m, ok := <-msgs:
				if !ok {
					t.Fatalf("the server closed its output waiting for %s; stderr:\n%s", id, stderr.String())
				}
				seen = append(seen, m)
				if string(m["id"]) == id && m["method"] == nil {
					return m
				}
			case <-timeout:
				t.Fatalf("no response %s; stderr:\n%s", id, stderr.String())
			}
		}
	}
	uri := "untitled:e2e"
	io.WriteString(in, lspFrame(map[string]any{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": map[string]any{
		"capabilities": map[string]any{"textDocument": map[string]any{"publishDiagnostics": map[string]any{"versionSupport": true}}}}}))
	io.WriteString(in, lspFrame(map[string]any{"jsonrpc": "2.0", "method": "initialized", "params": map[string]any{}}))
	io.WriteString(in, lspFrame(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": map[string]any{
		"textDocument": map[string]any{"uri": uri, "languageId": "yaml", "version": 1, "text": text}}}))
	// A malformed frame whose body, were it read, would shut the server down.
	io.WriteString(in, "Content-Length: abc\r\n\r\n"+`{"jsonrpc":"2.0","id":99,"method":"shutdown"}`)
	io.WriteString(in, lspFrame(map[string]any{"jsonrpc": "2.0", "id": 2, "method": "textDocument/diagnostic", "params": map[string]any{
		"textDocument": map[string]any{"uri": uri}}}))
	io.WriteString(in, lspFrame(map[string]any{"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": map[string]any{
		"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 4, "character": 22}}}))
	pulled := await("2")
	if !strings.Contains(string(pulled["result"]), "invalid-type") {
		t.Errorf("pulled diagnostics lack the braces finding: %s", pulled["result"])
	}
	if h := await("3"); !strings.Contains(string(h["result"]), "********") {
		t.Errorf("hover on the secret does not show the mask: %s", h["result"])
	}
	parseErrors := 0
	for _, m := range seen {
		if string(m["id"]) == "null" && strings.Contains(string(m["error"]), "-32700") {
			parseErrors++
		}
	}
	if parseErrors != 1 {
		t.Errorf("%d parse errors answered for the malformed frame, want 1", parseErrors)
	}
	io.WriteString(in, lspFrame(map[string]any{"jsonrpc": "2.0", "id": 4, "method": "shutdown"}))
	if m := await("4"); m["error"] != nil {
		t.Fatalf("shutdown: %s", m["error"])
	}
	afterShutdown := len(seen)
	io.WriteString(in, lspFrame(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": []any{map[string]any{"text": "bucket: x\n"}}}}))
	io.WriteString(in, lspFrame(map[string]any{"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": map[string]any{
		"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 0, "character": 0}}}))
	if m := await("5"); !strings.Contains(string(m["error"]), "-32600") {
		t.Errorf("hover after shutdown: %s, want InvalidRequest", m["error"])
	}
	io.WriteString(in, lspFrame(map[string]any{"jsonrpc": "2.0", "method": "exit"}))
	in.Close()
	for m := range msgs {
		seen = append(seen, m)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after shutdown: %v, want status 0", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
	for _, m := range seen[afterShutdown:] {
		if strings.Contains(string(m["method"]), "publishDiagnostics") {
			t.Errorf("published after shutdown: %s", m["params"])
		}
	}
	if strings.Contains(all.String()+stderr.String(), secret) {
		t.Errorf("the server wrote the secret value:\n%s\n%s", all.String(), stderr.String())
	}
}
