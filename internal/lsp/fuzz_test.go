package lsp

import (
	"bytes"
	"io"
	"runtime"
	"testing"
)

// FuzzServe feeds arbitrary bytes to a server as its whole input: it must
// stop at the end of them without a panic (Serve recovers only inside
// handlers: a panic in the reader or the dispatcher fails the fuzz run)
// and without a goroutine left behind.
func FuzzServe(f *testing.F) {
	open := frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:f","version":1,"text":"manifestVersion: 2.0\nbucket: b\n"}}}`)
	init := frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8"]}}}}`) + frame(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)
	for _, seed := range []string{
		"",
		init,
		init + open,
		init + open + frame(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:f","version":2},"contentChanges":[{"range":{"start":{"line":1,"character":99},"end":{"line":0,"character":-4}},"text":"é😀"}]}}`),
		init + open + frame(`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"untitled:f"},"position":{"line":1,"character":3}}}`),
		init + open + frame(`{"jsonrpc":"2.0","id":3,"method":"textDocument/completion","params":{"textDocument":{"uri":"untitled:f"},"position":{"line":2,"character":0}}}`),
		init + open + frame(`{"jsonrpc":"2.0","id":4,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"untitled:f"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}},"context":{"diagnostics":[],"only":["source"]}}}`),
		"Content-Length: 5\r\n\r\n{}{}{",
		"Content-Length: 99999999999999999999\r\n\r\n",
		"content-length: 2\n\n[]",
		init + frame(`{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}`) + frame(`{"jsonrpc":"2.0","method":"exit"}`),
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		before := runtime.NumGoroutine()
		srv := New(bytes.NewReader(data), io.Discard, Options{MaxMessage: 1 << 20, Getenv: func(string) string { return "" }})
		srv.Serve()
		if n := runtime.NumGoroutine(); n > before+2 {
			t.Errorf("%d goroutines after Serve, %d before", n, before)
		}
	})
}
