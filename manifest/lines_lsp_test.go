package manifest

import (
	"slices"
	"strings"
	"testing"
)

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

// TestSplit: each index cuts the source after its own line breaks, and the
// pieces put back together are the source.
func TestSplit(t *testing.T) {
	src := "\ufeffa\r\nb\rc\u0085d\u2028e\nf"
	for _, tt := range []struct {
		name  string
		lines *Lines
		want  []string
	}{
		{"YAML", NewLines([]byte(src)), []string{"\ufeffa\r\n", "b\r", "c\u0085", "d\u2028", "e\n", "f"}},
		{"LSP", NewLSPLines([]byte(src)), []string{"\ufeffa\r\n", "b\r", "c\u0085d\u2028e\n", "f"}},
		{"LF", NewLFLines([]byte(src)), []string{"\ufeffa\r\n", "b\rc\u0085d\u2028e\n", "f"}},
		{"LF, a final break", NewLFLines([]byte("a\nb\n")), []string{"a\n", "b\n"}},
		{"LF, empty", NewLFLines(nil), nil},
		{"LSP, only a break", NewLSPLines([]byte("\r")), []string{"\r"}},
	} {
		var got []string
		for _, l := range tt.lines.Split() {
			got = append(got, string(l))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Split = %q, want %q", tt.name, got, tt.want)
		}
		if strings.Join(got, "") != string(tt.lines.Source()) {
			t.Errorf("%s: the lines do not make the source", tt.name)
		}
		at := 0
		for i, line := range got {
			if at += len(line); tt.lines.Next(i+1) != at {
				t.Errorf("%s: Next(%d) = %d, want %d", tt.name, i+1, tt.lines.Next(i+1), at)
			}
		}
	}
	// An LF index counts CR LF as one break, as git does.
	l := NewLFLines([]byte("a\r\nb\rc"))
	if l.Count() != 2 || string(l.Line(1)) != "a" || string(l.Line(2)) != "b\rc" {
		t.Errorf("LF lines: %d, %q, %q", l.Count(), l.Line(1), l.Line(2))
	}
}

func TestUTF16Len(t *testing.T) {
	for s, want := range map[string]int{"": 0, "a": 1, "é": 1, "😀": 2, "a😀b": 4, "\ufeff": 1, "\xff\xfe": 2, "\xf0\x9f\x98": 3} {
		if got := UTF16Len([]byte(s)); got != want {
			t.Errorf("UTF16Len(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestLineEnd(t *testing.T) {
	for src, want := range map[string]string{"": "\n", "a": "\n", "a\nb\r\n": "\n", "a\r\nb\n": "\r\n", "a\rb": "\r", "a\r": "\r",
		"a\u0085b\r\n": "\r\n", "a\u2028b": "\n"} {
		if got := LineEnd([]byte(src)); got != want {
			t.Errorf("LineEnd(%q) = %q, want %q", src, got, want)
		}
	}
	for _, tt := range []struct{ s, eol, want string }{
		{"a\nb\r\nc\rd", "\r\n", "a\r\nb\r\nc\r\nd"},
		{"a\nb\r\nc\rd", "\n", "a\nb\nc\nd"},
		{"a\nb\r\n", "\r", "a\rb\r"},
		{"a\u0085b", "\r\n", "a\u0085b"},
	} {
		if got := WithLineEnd(tt.s, tt.eol); got != tt.want {
			t.Errorf("WithLineEnd(%q, %q) = %q, want %q", tt.s, tt.eol, got, tt.want)
		}
	}
}
