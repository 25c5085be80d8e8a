package manifest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestSplitLines(t *testing.T) {
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
		{"a\u0085b\u2028c\u2029d", []string{"a", "b", "c", "d"}},
		{"a\xc2", []string{"a\xc2"}},
		{"é\n", []string{"é", ""}},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range SplitLines([]byte(tt.src)) {
			got = append(got, string(l))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("SplitLines(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
	d := &Document{Source: []byte("\ufeffa: 1\rb: 2\r\n")}
	if d.Line(1) != "a: 1" || d.Line(2) != "b: 2" || d.Line(3) != "" {
		t.Errorf("Line: %q %q %q", d.Line(1), d.Line(2), d.Line(3))
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
		}
	}
}
