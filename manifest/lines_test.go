package manifest

import (
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
