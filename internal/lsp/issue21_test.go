package lsp

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// Regression tests of issue 21 items 5-10: secrets in diagnostics, hover
// and fixAll; malformed frames; one lint per version; nothing after
// shutdown.

// TestMalformedFramesDoNotDeafen: after each malformed frame (with its
// body still in the stream) the server answers a parse error, skips the
// body (a shutdown in it is not obeyed), and answers the next request;
// shutdown and exit still work at the end (issue 21 item 8).
func TestMalformedFramesDoNotDeafen(t *testing.T) {
	// The body of each bad frame: were it read as a message, the server
	// would shut down and refuse every later request.
	body := `{"jsonrpc":"2.0","id":"bad","method":"shutdown"}`
	n := len(body)
	var manyLines strings.Builder
	for i := 0; i < 70; i++ {
		manyLines.WriteString("X-Line: y\r\n")
	}
	for _, tc := range []struct {
		name, frame string
		knownID     bool // the body's length is known, so its id is read
	}{
		{"header without colon", fmt.Sprintf("no colon here\r\nContent-Length: %d\r\n\r\n%s", n, body), true},
		{"header over 8 KiB", fmt.Sprintf("X-Long: %s\r\nContent-Length: %d\r\n\r\n%s", strings.Repeat("a", 9<<10), n, body), true},
		{"over 64 header lines", fmt.Sprintf("%sContent-Length: %d\r\n\r\n%s", manyLines.String(), n, body), true},
		{"Content-Length: abc", "Content-Length: abc\r\n\r\n" + body, false},
		{"two Content-Length headers that disagree", fmt.Sprintf("Content-Length: %d\r\nContent-Length: %d\r\n\r\n%s", n, n+7, body), false},
		{"two Content-Length headers that agree", fmt.Sprintf("Content-Length: %d\r\nContent-Length: %d\r\n\r\n%s", n, n, body), true},
		{"no header at all before a body", "\r\n" + body, false},
		{"a Content-Length line over 8 KiB", "Content-Length: " + strings.Repeat("0", 9<<10) + "52\r\n\r\n" + body, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := startServer(t, Options{})
			c.initialize(nil, nil)
			from := c.noteCount()
			c.raw(tc.frame)
			// Still hearing, and the skipped body was not obeyed.
			if r := c.call("textDocument/noSuchThing", map[string]any{}); r.Error == nil || r.Error.Code != codeMethodNotFound {
				t.Fatalf("after the bad frame: %+v, want method not found", r.Error)
			}
			m, _ := c.waitNote(from, func(m *message) bool { return m.Method == "" && m.Error != nil })
			if m.Error.Code != codeParseError {
				t.Errorf("bad frame answered with code %d, want %d (parse error)", m.Error.Code, codeParseError)
			}
			wantID := "null"
			if tc.knownID {
				wantID = `"bad"`
			}
			if string(m.ID) != wantID {
				t.Errorf("parse error id %s, want %s", m.ID, wantID)
			}
			if st := c.exit(true); st != 0 {
				t.Errorf("exit after shutdown: status %d, want 0", st)
			}
		})
	}
}

// TestOneLintPerVersion: eight pull-diagnostic requests after one change
// lint the new version once, with the linter (issue 21 item 9: each
// request linted a 1 MB manifest again, 2.9 GB at N=8).
func TestOneLintPerVersion(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:big"
	text := bigManifest(256 << 10)
	c.open(uri, text, 1)
	c.diagnostics(0, uri, 1)
	before := c.srv.lintRuns.Load()
	text += "# one change\n"
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": text}},
	})
	const n = 8
	var wg sync.WaitGroup
	ids := make([]string, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			m := c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}})
			if m.Error != nil {
				t.Errorf("pull %d: %+v", i, m.Error)
				return
			}
			var r fullDocumentDiagnosticReport
			json.Unmarshal(m.Result, &r)
			ids[i] = r.ResultID
		}(i)
	}
	wg.Wait()
	c.diagnostics(0, uri, 2)
	if runs := c.srv.lintRuns.Load() - before; runs != 1 {
		t.Errorf("%d pulls and the linter linted version 2 %d times, want once", n, runs)
	}
	for i, id := range ids {
		if !strings.HasPrefix(id, "2.") {
			t.Errorf("pull %d has result id %q, want version 2's", i, id)
		}
	}
}

// TestSupersededLintIsCancelled: a lint waiting for a lint slot does not
// run once its version is superseded; the request that waited for it gets
// ServerCancelled, and the new version is linted once (item 9).
func TestSupersededLintIsCancelled(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:superseded"
	c.open(uri, brokenManifest, 1)
	c.diagnostics(0, uri, 1)
	// Occupy every lint slot.
	for i := 0; i < cap(c.srv.lintSlots); i++ {
		c.srv.lintSlots <- struct{}{}
	}
	before := c.srv.lintRuns.Load()
	change := func(v int, text string) {
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"text": text}},
		})
	}
	change(2, brokenManifest+"# two\n")
	res := make(chan *message, 1)
	go func() {
		res <- c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}})
	}()
	// Wait until the pull (of version 2) is in flight and a lint of
	// version 2 waits for a slot.
	deadline := time.Now().Add(10 * time.Second)
	for {
		c.srv.mu.Lock()
		f := c.srv.flights[uri]
		joined := f != nil && f.version == 2 && len(c.srv.inflight) == 1
		c.srv.mu.Unlock()
		if joined {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no lint of version 2 was started")
		}
		time.Sleep(5 * time.Millisecond)
	}
	change(3, brokenManifest+"# three\n")
	select {
	case m := <-res:
		if m.Error == nil || m.Error.Code != codeServerCancelled {
			t.Errorf("pull of a superseded version: %+v, want ServerCancelled", m.Error)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the pull of a superseded version is still waiting")
	}
	for i := 0; i < cap(c.srv.lintSlots); i++ {
		<-c.srv.lintSlots
	}
	c.diagnostics(0, uri, 3)
	if runs := c.srv.lintRuns.Load() - before; runs != 1 {
		t.Errorf("linted %d times, want once (version 3 only)", runs)
	}
}

// TestNothingAfterShutdown: after shutdown the server applies no change,
// opens and closes nothing, publishes no diagnostics and answers every
// request but exit with InvalidRequest (issue 21 item 10).
func TestNothingAfterShutdown(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:shutdown"
	c.open(uri, brokenManifest, 1)
	c.diagnostics(0, uri, 1)
	c.result("shutdown", nil, nil)
	from := c.noteCount()
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": "bucket: changed-after-shutdown\n"}},
	})
	c.open("untitled:other", brokenManifest, 1)
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"manifestlint": map[string]any{"region": "us-east-1"}}})
	for _, method := range []string{"textDocument/diagnostic", "textDocument/hover", "shutdown"} {
		if m := c.call(method, map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{0, 0}}); m.Error == nil || m.Error.Code != codeInvalidRequest {
			t.Errorf("%s after shutdown: %+v, want InvalidRequest", method, m.Error)
		}
	}
	time.Sleep(200 * time.Millisecond) // time for a publication that must not come
	c.srv.mu.Lock()
	d := c.srv.docs[uri]
	_, other := c.srv.docs["untitled:other"]
	c.srv.mu.Unlock()
	if d == nil || d.version != 1 || d.text != brokenManifest {
		t.Errorf("a change after shutdown was applied (document %+v)", d)
	}
	if other {
		t.Errorf("a document was opened after shutdown")
	}
	for _, m := range c.messages(from) {
		if m.Method == "textDocument/publishDiagnostics" {
			t.Errorf("published after shutdown: %s", m.Params)
		}
	}
	if st := c.exit(false); st != 0 {
		t.Errorf("exit after shutdown: status %d, want 0", st)
	}
}

// secretManifest holds secret values under the keys issue 21 items 5-7
// found unmasked: braces, keys read as a secret field, a list entry.
const secretManifest = `manifestVersion: 2.0
deviceId: ABCDE
bucket: my-bucket
eraseDevice: yes
acl: PRIVATE
trueCryptPassword: {Brace5ecret}
password: Syn0nymSecret
PIN: 4242424242
ignore: [{trueCryptPassword: L1stSecret}]
notificationEmail: a@example.com, b@example.com
`

var secretValues = []string{"Brace5ecret", "Syn0nymSecret", "4242424242", "L1stSecret"}

// TestNoSecretInDiagnosticsHoverOrFixes: diagnostics, hover anywhere on
// the document, and the quick fixes and fixAll edits show no secret value
// (fixAll's edits carry only the bytes the fixes change, not the secret
// lines between them).
func TestNoSecretInDiagnosticsHoverOrFixes(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:secrets"
	c.open(uri, secretManifest, 1)
	ds, _ := c.diagnostics(0, uri, 1)
	check := func(what string, v any) {
		t.Helper()
		data, _ := json.Marshal(v)
		for _, s := range secretValues {
			if strings.Contains(string(data), s) {
				t.Errorf("%s shows %q: %s", what, s, data)
			}
		}
	}
	if len(ds) == 0 {
		t.Fatal("no diagnostics")
	}
	check("published diagnostics", ds)
	var pulled fullDocumentDiagnosticReport
	c.result("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}}, &pulled)
	check("pulled diagnostics", pulled)
	idx := newLineIndex(secretManifest)
	for off := 0; off < len(secretManifest); off++ {
		var h *hover
		c.result("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": idx.position(off, utf16)}, &h)
		check(fmt.Sprintf("hover at %d", off), h)
	}
	whole := Range{Position{0, 0}, idx.position(len(secretManifest), utf16)}
	acts := actionsAt(t, c, uri, whole, []string{kindQuickFix, kindFixAll})
	var fixAll *codeAction
	for i, a := range acts {
		check("code action "+a.Title, a)
		if a.Kind == kindFixAll {
			fixAll = &acts[i]
		}
	}
	if fixAll == nil {
		t.Fatalf("no fixAll among %d actions", len(acts))
	}
	got := applyEdits(t, secretManifest, uri, fixAll.Edit)
	for _, want := range []string{"acl: private\n", "pinCode: 4242424242\n", "a@example.com;b@example.com\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("fixAll result lacks %q:\n%s", want, got)
		}
	}
}
