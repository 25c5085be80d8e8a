package manifest

import (
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// lookup finds the node at a dotted path with list indexes (a.b[1].c); a
// trailing "!" asks for the key node instead of the value.
func lookup(t *testing.T, root *yaml.Node, path string) *yaml.Node {
	t.Helper()
	n := root
	wantKey := strings.HasSuffix(path, "!")
	path = strings.TrimSuffix(path, "!")
	parts := strings.Split(path, ".")
	for pi, part := range parts {
		name, idx, _ := strings.Cut(part, "[")
		if name != "" {
			k, v := Get(n, name)
			if k == nil {
				t.Fatalf("no key %q in path %q", name, path)
			}
			n = v
			if wantKey && pi == len(parts)-1 && idx == "" {
				return k
			}
		}
		if idx != "" {
			i, _ := strconv.Atoi(strings.TrimSuffix(idx, "]"))
			n = n.Content[i]
		}
	}
	return n
}

func TestSpan(t *testing.T) {
	tests := []struct {
		src, path, want string
		from, to        Pos
	}{
		{"a: plain # c\n", "a", "plain", Pos{1, 4}, Pos{1, 9}},
		{"a: plain # c\n", "a!", "a", Pos{1, 1}, Pos{1, 2}},
		{"a: \"x: y\" # c\n", "a", `"x: y"`, Pos{1, 4}, Pos{1, 10}},
		{`a: "say \"hi\""` + "\n", "a", `"say \"hi\""`, Pos{1, 4}, Pos{1, 16}},
		{"a: 'it''s'\n", "a", "'it''s'", Pos{1, 4}, Pos{1, 11}},
		{"a:\nb: 1\n", "a", "", Pos{1, 3}, Pos{1, 3}},
		{"a:   \nb: 1\n", "a", "", Pos{1, 3}, Pos{1, 3}},
		{"a: multi\n  line plain\nb: 1\n", "a", "multi\n  line plain", Pos{1, 4}, Pos{2, 13}},
		{"a: |\n  one\n\n  two\n\nb: 1\n", "a", "|\n  one\n\n  two", Pos{1, 4}, Pos{4, 6}},
		{"a: >-\n  one\nb: 1\n", "a", ">-\n  one", Pos{1, 4}, Pos{2, 6}},
		{"  a: |\n  b: 1\n", "a", "|", Pos{1, 6}, Pos{1, 7}},
		{"l:\n  - k: |\n      one\n    m: 1\n", "l[0].k", "|\n      one", Pos{2, 8}, Pos{3, 10}},
		{"l:\n- |\n  one\n- two\n", "l[0]", "|\n  one", Pos{2, 3}, Pos{3, 6}},
		{"a: [1, {x: \"]\"}] # ]\n", "a", `[1, {x: "]"}]`, Pos{1, 4}, Pos{1, 17}},
		{"a: [1, {x: \"]\"}]\n", "a[1]", `{x: "]"}`, Pos{1, 8}, Pos{1, 16}},
		{"a:\n  b: 1\n  c: two\nd: 3\n", "a", "b: 1\n  c: two", Pos{2, 3}, Pos{3, 9}},
		{"a:\n  - x\n  - y: z\n", "a", "- x\n  - y: z", Pos{2, 3}, Pos{3, 9}},
		{"\ufeffa: é😀x\r\nb: 1\r\n", "a", "é😀x", Pos{1, 4}, Pos{1, 7}},
		{"x: 1\rb: é😀x\rc: 1", "b", "é😀x", Pos{2, 4}, Pos{2, 7}},
		{"x: 1\rb: é😀x\rc: 1", "b!", "b", Pos{2, 1}, Pos{2, 2}},
		{"a: !!str tagged\n", "a", "!!str tagged", Pos{1, 4}, Pos{1, 16}},
		{"a: &x v\nb: *x\n", "b", "*x", Pos{2, 4}, Pos{2, 6}},
	}
	for _, tt := range tests {
		var file yaml.Node
		if err := yaml.Unmarshal([]byte(tt.src), &file); err != nil {
			t.Fatalf("%q: %v", tt.src, err)
		}
		d := &Document{Source: []byte(tt.src), Root: file.Content[0]}
		s := d.Span(lookup(t, d.Root, tt.path))
		if got := tt.src[s.Start:s.End]; got != tt.want || s.Line != tt.from.Line || s.Column != tt.from.Column || s.EndLine != tt.to.Line || s.EndColumn != tt.to.Column {
			t.Errorf("%q %s: span %q %d:%d-%d:%d, want %q %v-%v", tt.src, tt.path, got, s.Line, s.Column, s.EndLine, s.EndColumn, tt.want, tt.from, tt.to)
		}
	}
}

// TestSpanAfterParse checks spans of a parsed manifest whose `key:value`
// lines were rewritten: they index the original source.
func TestSpanAfterParse(t *testing.T) {
	src := "manifestVersion:2.0\r\nreturnAddress:\r\n    name:Zoë\r\n    city: x\r\n"
	d, _ := Parse("x.yaml", []byte(src))
	if d.Root == nil {
		t.Fatal("not parsed")
	}
	for path, want := range map[string]string{
		"manifestVersion": "2.0", "returnAddress.name": "Zoë", "returnAddress.name!": "name",
		"returnAddress": "name:Zoë\r\n    city: x",
	} {
		s := d.Span(lookup(t, d.Root, path))
		if got := src[s.Start:s.End]; got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
	k, v := Get(d.Root, "manifestVersion")
	if s := d.EntrySpan(k, v); src[s.Start:s.End] != "manifestVersion:2.0" {
		t.Errorf("EntrySpan: %q", src[s.Start:s.End])
	}
	if s := d.Span(nil); s.Line != 1 || s.Column != 1 || !s.Empty() {
		t.Errorf("Span(nil) = %+v", s)
	}
}

// FuzzSpan checks that Span of every node of any YAML stays inside the
// source and agrees with Lines.
func FuzzSpan(f *testing.F) {
	for _, s := range []string{"a: |\n  x\n", "a: [1, {b: 'c'}]\r", "- \"x\\\"\"\n- y\n", "\ufeffk: v é\u2028m: n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var file yaml.Node
		if yaml.Unmarshal(src, &file) != nil {
			return
		}
		d := &Document{Source: src}
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			s := d.Span(n)
			if s.Start < 0 || s.End < s.Start || s.End > len(src) {
				t.Fatalf("%q: span %+v of %q out of range", src, s, n.Value)
			}
			if (Pos{s.EndLine, s.EndColumn}) != d.Lines().Pos(s.End) {
				t.Fatalf("%q: span %+v: To disagrees with Lines", src, s)
			}
			for _, c := range n.Content {
				walk(c)
			}
		}
		walk(&file)
	})
}
