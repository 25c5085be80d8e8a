package manifest

import (
	"regexp"
	"slices"
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
