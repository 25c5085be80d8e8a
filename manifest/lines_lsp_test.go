package manifest

import "testing"

func TestLSPLines(t *testing.T) {
	src := []byte("a: 1\u2028b\r\nc: 😀x\rd\u0085e\n")
	l := NewLSPLines(src)
	if l.Count() != 4 {
		t.Fatalf("%d LSP lines, want 4 (LS and NEL are not LSP line breaks)", l.Count())
	}
	if y := NewLines(src); y.Count() != 6 {
		t.Fatalf("%d YAML lines, want 6", y.Count())
	}
	for _, tt := range []struct {
		line int
		text string
	}{{1, "a: 1\u2028b"}, {2, "c: 😀x"}, {3, "d\u0085e"}, {4, ""}} {
		if got := string(l.Line(tt.line)); got != tt.text {
			t.Errorf("line %d = %q, want %q", tt.line, got, tt.text)
		}
	}
	// x on line 2 is after an emoji: column 5 in code points, 6 in UTF-16.
	x := len("a: 1\u2028b\r\nc: 😀")
	if p := l.UTF16(x); p != (Pos{2, 6}) {
		t.Errorf("UTF16 = %v, want 2:6", p)
	}
	if off := l.OffsetUTF16(Pos{2, 6}); off != x {
		t.Errorf("OffsetUTF16 = %d, want %d", off, x)
	}
	// A byte order mark is a character of line 1.
	b := NewLSPLines([]byte("\ufeffa"))
	if p := b.UTF16(3); p != (Pos{1, 2}) {
		t.Errorf("after a BOM: %v, want 1:2", p)
	}
}
