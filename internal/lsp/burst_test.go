package lsp

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"
)

// TestBurstLintsLastVersion: changes that arrive while a document's lint
// runs do not start lints beside it; when it ends, only the last version
// is linted, and its diagnostics are published.
func TestBurstLintsLastVersion(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:burst"
	c.open(uri, brokenManifest, 1)
	c.diagnostics(0, uri, 1)
	release := make(chan struct{})
	var mu sync.Mutex
	var linted []int
	running, most := 0, 0
	c.srv.beforeLint = func(_ string, version int) {
		mu.Lock()
		linted = append(linted, version)
		running++
		most = max(most, running)
		mu.Unlock()
		if version == 2 {
			<-release
		}
		mu.Lock()
		running--
		mu.Unlock()
	}
	change := func(v int) {
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"text": brokenManifest + "#" + string(rune('0'+v)) + "\n"}},
		})
	}
	change(2)
	waitFor(t, "the lint of version 2", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(linted) == 1
	})
	for v := 3; v <= 5; v++ {
		change(v)
	}
	// A lint of 3, 4 or 5 would start now if one could run beside 2's.
	time.Sleep(100 * time.Millisecond)
	close(release)
	c.diagnostics(0, uri, 5)
	time.Sleep(50 * time.Millisecond) // time for a lint that must not come
	mu.Lock()
	defer mu.Unlock()
	if len(linted) != 2 || linted[0] != 2 || linted[1] != 5 {
		t.Errorf("linted versions %v, want [2 5]", linted)
	}
	if most != 1 {
		t.Errorf("%d lints of the document ran at once, want 1", most)
	}
}

// TestSupersededLintStops: the lint of a version the editor replaced
// while it ran stops half-way (validate is given the lint's context, which
// the change cancels) instead of running to its end, and only the new
// version's diagnostics are published.
func TestSupersededLintStops(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:stop"
	c.open(uri, brokenManifest, 1)
	c.diagnostics(0, uri, 1)
	from := c.noteCount()
	started, release := make(chan struct{}), make(chan struct{})
	c.srv.beforeLint = func(_ string, version int) {
		if version == 2 {
			close(started)
			<-release // the lint of 2 is under way (in its slot) when 3 arrives
		}
	}
	change := func(v int) {
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"text": brokenManifest + "#" + string(rune('0'+v)) + "\n"}},
		})
	}
	change(2)
	<-started
	stopped := c.srv.lintsStopped.Load()
	change(3)
	waitFor(t, "version 2's lint cancelled by the change", func() bool {
		c.srv.mu.Lock()
		defer c.srv.mu.Unlock()
		f := c.srv.flights[uri]
		return f != nil && f.version == 2 && f.ctx.Err() != nil
	})
	close(release)
	c.diagnostics(from, uri, 3)
	if n := c.srv.lintsStopped.Load() - stopped; n != 1 {
		t.Errorf("%d lints stopped, want 1 (version 2's)", n)
	}
	for _, m := range c.messages(from) {
		var p publishDiagnosticsParams
		if m.Method == "textDocument/publishDiagnostics" && json.Unmarshal(m.Params, &p) == nil && p.Version != nil && *p.Version == 2 {
			t.Errorf("diagnostics of the superseded version 2 were published")
		}
	}
}

// TestStaleRequestKeepsNewLint: a request that read the document before a
// change, and runs after it, gets ServerCancelled and does not cancel the
// new version's lint (whose diagnostics are still published).
func TestStaleRequestKeepsNewLint(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:stale"
	// Occupy every lint slot, so that no version is linted yet.
	for i := 0; i < cap(c.srv.lintSlots); i++ {
		c.srv.lintSlots <- struct{}{}
	}
	c.open(uri, brokenManifest, 1)
	hold := make(chan struct{})
	c.srv.beforeWork = func(_ context.Context, method string) {
		if method == "textDocument/diagnostic" {
			<-hold
		}
	}
	res := make(chan *message, 1)
	go func() {
		res <- c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}})
	}()
	waitFor(t, "the pull in flight", func() bool {
		c.srv.mu.Lock()
		defer c.srv.mu.Unlock()
		return len(c.srv.inflight) == 1
	})
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": brokenManifest + "# two\n"}},
	})
	waitFor(t, "a lint of version 2", func() bool {
		c.srv.mu.Lock()
		defer c.srv.mu.Unlock()
		f := c.srv.flights[uri]
		return f != nil && f.version == 2
	})
	close(hold)
	select {
	case m := <-res:
		if m.Error == nil || m.Error.Code != codeServerCancelled {
			t.Errorf("pull of version 1 after the change: %+v, want ServerCancelled", m.Error)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the pull of version 1 is still waiting")
	}
	for i := 0; i < cap(c.srv.lintSlots); i++ {
		<-c.srv.lintSlots
	}
	c.diagnostics(0, uri, 2)
}

// waitFor polls cond for up to 10 seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}
