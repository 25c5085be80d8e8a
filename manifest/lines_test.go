package manifest

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

func TestLinesSplit(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"", []string{""}},
		{"a", []string{"a"}},
		{"a\n", []string{"a", ""}},
		{"a\r\nb", []string{"a", "b"}},
		{"a\rb\r", []string{"a", "b", ""}},
		{"a\r\rb", []string{"a", "", "b"}},
		{"a\n\r\nb\rc", []string{"a", "", "b", "c"}},
		{"a\u0085b\u2028c\u2029d", []string{"a", "b", "c", "d"}},
		{"a\xc2", []string{"a\xc2"}},
		{"a\xe2\x80", []string{"a\xe2\x80"}},
		{"é\n", []string{"é", ""}},
		{"\ufeffa\rb", []string{"a", "b"}},
		{"\ufeff", []string{""}},
	}
	for _, tt := range tests {
		l := NewLines([]byte(tt.src))
		var got []string
		for n := 1; n <= l.Count(); n++ {
			got = append(got, string(l.Line(n)))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("NewLines(%q) lines = %q, want %q", tt.src, got, tt.want)
		}
		if l.Line(0) != nil || l.Line(l.Count()+1) != nil {
			t.Errorf("NewLines(%q): a line out of range is not nil", tt.src)
		}
	}
	d := &Document{Source: []byte("\ufeffa: 1\rb: 2\r\n")}
	if d.Line(1) != "a: 1" || d.Line(2) != "b: 2" || d.Line(3) != "" {
		t.Errorf("Line: %q %q %q", d.Line(1), d.Line(2), d.Line(3))
	}
}

// TestLinesPositions converts every offset of sources with each kind of line
// break, a byte order mark, multi-byte and astral characters to positions
// and back.
func TestLinesPositions(t *testing.T) {
	src := "\ufeffé: 1\r\nb: 😀x\rc\n\u2028d\u0085"
	l := NewLines([]byte(src))
	type want struct {
		off        int
		pos, utf16 Pos
	}
	// Offsets: BOM 0-2; "é: 1" 3-7 (é is 2 bytes), CRLF 8-9; "b: 😀x" 10-17 (😀 is 4 bytes), CR 18;
	// "c" 19, LF 20; LS 21-23; "d" 24, NEL 25-26; the empty last line at 27.
	for _, w := range []want{
		{0, Pos{1, 1}, Pos{1, 1}},
		{3, Pos{1, 1}, Pos{1, 1}},
		{5, Pos{1, 2}, Pos{1, 2}},
		{8, Pos{1, 5}, Pos{1, 5}},
		{9, Pos{1, 5}, Pos{1, 5}}, // inside CRLF: end of the line's text
		{10, Pos{2, 1}, Pos{2, 1}},
		{13, Pos{2, 4}, Pos{2, 4}},
		{15, Pos{2, 4}, Pos{2, 4}}, // inside 😀: its start
		{17, Pos{2, 5}, Pos{2, 6}}, // x: 😀 is two UTF-16 units
		{18, Pos{2, 6}, Pos{2, 7}},
		{19, Pos{3, 1}, Pos{3, 1}},
		{21, Pos{4, 1}, Pos{4, 1}},
		{24, Pos{5, 1}, Pos{5, 1}},
		{27, Pos{6, 1}, Pos{6, 1}},
		{99, Pos{6, 1}, Pos{6, 1}},
		{-1, Pos{1, 1}, Pos{1, 1}},
	} {
		if got := l.Pos(w.off); got != w.pos {
			t.Errorf("Pos(%d) = %v, want %v", w.off, got, w.pos)
		}
		if got := l.UTF16(w.off); got != w.utf16 {
			t.Errorf("UTF16(%d) = %v, want %v", w.off, got, w.utf16)
		}
	}
	if l.Count() != 6 {
		t.Errorf("Count = %d, want 6", l.Count())
	}
	// Every character boundary round-trips.
	for off := range len(src) + 1 {
		if off < len(src) && !utf8.RuneStart(src[off]) {
			continue
		}
		p := l.Pos(off)
		if back := l.Offset(p); back != off && l.Pos(back) != p {
			t.Errorf("Offset(Pos(%d) = %v) = %d", off, p, back)
		}
		u := l.UTF16(off)
		if back := l.OffsetUTF16(u); back != l.Offset(p) {
			t.Errorf("OffsetUTF16(UTF16(%d) = %v) = %d, want %d", off, u, back, l.Offset(p))
		}
	}
	for _, c := range []struct {
		p    Pos
		want int
	}{
		{Pos{0, 0}, 3}, {Pos{1, 99}, 8}, {Pos{2, 5}, 17}, {Pos{7, 1}, len(src)},
	} {
		if got := l.Offset(c.p); got != c.want {
			t.Errorf("Offset(%v) = %d, want %d", c.p, got, c.want)
		}
	}
	if got := l.OffsetUTF16(Pos{2, 5}); got != 13 {
		t.Errorf("OffsetUTF16 between the halves of a surrogate pair = %d, want 13 (the character's start)", got)
	}
}

// TestLinesAgreeWithYAML checks that every node yaml.v3 positions in a
// source with each kind of line break sits at the offset Lines computes:
// the text there starts the node.
func TestLinesAgreeWithYAML(t *testing.T) {
	for _, src := range []string{
		"a: 1\nbé: 'x'\nc: \"y\"\n",
		"\ufeffa: 1\r\nbé: 'x'\r\nc: \"y\"",
		"a: 1\rbé: 'x'\rc: \"y\"\r",
		"a: 1\r\nbé: 'x'\rc: \"y\"\n",
		"a: 1\u0085bé: 'x'\u2028c: \"y\"\u2029",
		"a:\n  - 😀x\n  - k: 😀y\n",
	} {
		var root yaml.Node
		if err := yaml.Unmarshal([]byte(src), &root); err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		l := NewLines([]byte(src))
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			if n.Kind == yaml.ScalarNode {
				off := l.Offset(Pos{n.Line, n.Column})
				rest := src[off:]
				if !strings.HasPrefix(rest, n.Value) && !strings.HasPrefix(rest[1:], n.Value) {
					t.Errorf("%q: %q at %d:%d, offset %d holds %q", src, n.Value, n.Line, n.Column, off, rest)
				}
			}
			for _, c := range n.Content {
				walk(c)
			}
		}
		walk(&root)
	}
}

// noSpaceColonRE is the regular expression matchNoSpaceColon replaces; the
// test checks they agree.
var noSpaceColonRE = regexp.MustCompile(`^( *(?:- +)?)([A-Za-z][A-Za-z0-9]*):([^\s])`)

func TestMatchNoSpaceColonAgreesWithRegexp(t *testing.T) {
	lines := []string{
		"", "a", "a:", "a:b", "a: b", "a:\tb", "a:\n", "a:\r\n", "a:\fb", "a:\vb", "  key:value\n", "- key:v",
		"  -   key:v", "-key:v", "- - key:v", "-  ", "k1:v", "1k:v", "key :v", "ke-y:v", "é:v", "a:é", "a:\xff",
		"\tkey:v", "key::v", "Key9:http://x", "  - exportBucket:my-bucket\n", "manifestVersion:2.0\r\n", "a:#",
	}
	for _, l := range lines {
		m := noSpaceColonRE.FindSubmatchIndex([]byte(l))
		s, e, ok := matchNoSpaceColon([]byte(l))
		if ok != (m != nil) || ok && (s != m[4] || e != m[5]) {
			t.Errorf("%q: matchNoSpaceColon = %d, %d, %v; regexp = %v", l, s, e, ok, m)
		}
	}
}

func FuzzMatchNoSpaceColon(f *testing.F) {
	f.Add([]byte("  - key:value"))
	f.Fuzz(func(t *testing.T, l []byte) {
		m := noSpaceColonRE.FindSubmatchIndex(l)
		s, e, ok := matchNoSpaceColon(l)
		if ok != (m != nil) || ok && (s != m[4] || e != m[5]) {
			t.Errorf("%q: matchNoSpaceColon = %d, %d, %v; regexp = %v", l, s, e, ok, m)
		}
	})
}

// TestDuplicateKeyLargeMapping covers the map used for mappings of more
// than 16 keys: the first line is reported, for every later duplicate.
func TestDuplicateKeyLargeMapping(t *testing.T) {
	for _, n := range []int{3, 40} {
		var b strings.Builder
		b.WriteString("dup: 1\n")
		for i := range n {
			fmt.Fprintf(&b, "k%d: v\n", i)
		}
		b.WriteString("dup: 2\ndup: 3\n")
		_, fs := Parse("x.yaml", []byte(b.String()))
		if len(fs) != 2 {
			t.Fatalf("%d keys: %d findings, want 2: %+v", n, len(fs), fs)
		}
		for i, f := range fs {
			if f.Rule != RuleDuplicateKey || f.Line != n+2+i || !strings.Contains(f.Message, "first at line 1") {
				t.Errorf("%d keys: finding %d = %+v", n, i, f)
			}
			// The first occurrence is a related location: `dup` on line 1.
			if len(f.Related) != 1 || f.Related[0].Line != 1 || f.Related[0].Column != 1 || f.Related[0].EndColumn != 4 ||
				f.Related[0].Start != 0 || f.Related[0].End != 3 {
				t.Errorf("%d keys: finding %d related = %+v", n, i, f.Related)
			}
			if f.EndLine != f.Line || f.EndColumn != 4 {
				t.Errorf("%d keys: finding %d ends at %d:%d", n, i, f.EndLine, f.EndColumn)
			}
		}
	}
}

// TestYAMLLinesAsIndex checks that yamlLines, which Detect reads lines
// through without an index, gives NewLines' lines, numbered the same, on
// every line break YAML knows, a byte order mark, and random mixes of
// them with broken sequences.
func TestYAMLLinesAsIndex(t *testing.T) {
	srcs := []string{"", "\n", "a", "a\n", "a\r\nb", "a\rb\r", "\r\r\n\n", "\ufeffa: 1\nb", "\ufeff",
		"a\u0085b\u2028c\u2029d", "a\xc2", "a\xe2\x80", "a\xe2\x80\xa7b", "\xc2\x85\xc2\x85", "a\r\u0085\n"}
	parts := []string{"a", "key: v", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\xc2", "\xe2\x80", "\xef\xbb\xbf", " "}
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		srcs = append(srcs, b.String())
	}
	for _, s := range srcs {
		l := NewLines([]byte(s))
		var got [][]byte
		for n, line := range yamlLines([]byte(s)) {
			if n != len(got)+1 {
				t.Fatalf("%q: line %d after %d lines", s, n, len(got))
			}
			got = append(got, line)
		}
		if len(got) != l.Count() {
			t.Fatalf("%q: %d lines, the index has %d", s, len(got), l.Count())
		}
		for i, line := range got {
			if want := l.Line(i + 1); string(line) != string(want) {
				t.Fatalf("%q: line %d is %q, the index's %q", s, i+1, line, want)
			}
		}
	}
}

// TestMayGlueColon checks that mayGlueColon, the fast test before the
// `key:value` rewrite scans lines, is true for every text with a line
// matchNoSpaceColon takes, on random mixes of keys, colons, white space
// and every line break.
func TestMayGlueColon(t *testing.T) {
	parts := []string{"a", "key", ":", ": ", ":v", "k:x", "\nb:2", "\t", " ", "- ", "\n", "\r", "\r\n", "\u0085", "\u2028", "\f", "1", "#"}
	r := rand.New(rand.NewPCG(3, 4))
	matched := 0
	for range 20000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		src := []byte(b.String())
		l := NewLines(src)
		any := false
		for n := 1; n <= l.Count(); n++ {
			if _, _, ok := matchNoSpaceColon(l.Line(n)); ok {
				any = true
			}
		}
		if any && !mayGlueColon(src[l.Start(1):]) {
			t.Fatalf("%q has a `key:value` line, but mayGlueColon says no", src)
		}
		if any {
			matched++
		}
	}
	if matched < 1000 {
		t.Errorf("only %d random texts had a `key:value` line", matched)
	}
	for _, s := range []string{"a: 1\nb:\n  c: 2\n", "a: 1\r\nb:\t2\n", "a:"} {
		if mayGlueColon([]byte(s)) {
			t.Errorf("mayGlueColon(%q) = true, want false", s)
		}
	}
}
