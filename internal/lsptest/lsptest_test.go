package lsptest

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"
)

// fakeServer reads frames from r and, for each request, first asks the
// client a question (a server request), then publishes a notification
// and answers the request with its method's name.
func fakeServer(t *testing.T, r io.Reader, w io.Writer) {
	br := bufio.NewReader(r)
	for {
		n := -1
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			if line = strings.TrimRight(line, "\r\n"); line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				n, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(br, body); err != nil {
			return
		}
		var m Message
		if err := json.Unmarshal(body, &m); err != nil {
			t.Errorf("the client wrote invalid JSON: %s", body)
			return
		}
		if m.Method == "" || len(m.ID) == 0 {
			continue // a notification, or the answer to our question
		}
		for _, out := range []string{
			`{"jsonrpc":"2.0","id":"q","method":"workspace/configuration","params":{}}`,
			`{"jsonrpc":"2.0","method":"note","params":{"for":"` + m.Method + `"}}`,
			`{"jsonrpc":"2.0","id":` + string(m.ID) + `,"result":"` + m.Method + `"}`,
		} {
			w.Write(Frame([]byte(out)))
		}
	}
}

func TestClient(t *testing.T) {
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	go fakeServer(t, sr, sw)
	c := New(t, cw, cr)
	asked := make(chan string, 2)
	c.OnRequest(func(m *Message) any { asked <- m.Method; return "answer" })
	if m := c.Call("first", nil); string(m.Result) != `"first"` || string(m.ID) != "1" {
		t.Errorf("first response: id %s result %s", m.ID, m.Result)
	}
	second := c.Go("second", nil)
	if m := second.Wait(); second.ID != 2 || string(m.Result) != `"second"` {
		t.Errorf("second response: id %d result %s", second.ID, m.Result)
	}
	note, i := c.WaitFor(0, func(m *Message) bool { return m.Method == "note" && strings.Contains(string(m.Params), "second") })
	if i != 3 || note.At.IsZero() {
		t.Errorf("the second note at index %d (want 3: request, note, request, note), read at %v", i, note.At)
	}
	for range 2 {
		if q := <-asked; q != "workspace/configuration" {
			t.Errorf("asked %q", q)
		}
	}
	if c.Len() != 4 {
		t.Errorf("%d messages kept, want 4", c.Len())
	}
	if w := c.Wire(); strings.Count(w, "Content-Length: ") != 6 {
		t.Errorf("the wire holds %d frames, want 6:\n%s", strings.Count(w, "Content-Length: "), w)
	}
	cw.Close()
	sw.Close()
	<-c.Done()
}
