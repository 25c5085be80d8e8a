package escape

import (
	"testing"
	"unicode/utf8"
)

func TestLine(t *testing.T) {
	for in, want := range map[string]string{
		"plain.yaml":                  "plain.yaml",
		"":                            "",
		"a\nb":                        `a\nb`,
		"x.yaml\n::error file=e::pwn": `x.yaml\n::error file=e::pwn`,
		"\x1b[31mred\x07":             `\x1b[31mred\x07`,
		"tab\there\r":                 `tab\there\r`,
		"c1 \u0085 \u009b":            `c1 \u0085 \u009b`,
		"bidi \u202e evil \u2066":     `bidi \u202e evil \u2066`,
		"zero\u200bwidth\ufeff":       `zero\u200bwidth\ufeff`,
		"tag \U000e0041":              `tag \U000e0041`,
		"ls \u2028 ps \u2029":         `ls \u2028 ps \u2029`,
		"bad \xff\xfe utf8":           `bad \xff\xfe utf8`,
		"café 東京 back\\slash":         "café 東京 back\\slash",
	} {
		got := Line(in)
		if got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
		for _, r := range got {
			if hidden(r) {
				t.Errorf("Line(%q) = %q still holds %U", in, got, r)
			}
		}
	}
}

func TestDisplay(t *testing.T) {
	for _, tt := range []struct {
		r     rune
		shown string
		cols  int
	}{
		{'a', "a", 1}, {'\t', "\t", 1}, {0, "\u2400", 1}, {0x1b, "\u241b", 1}, {0x7f, "\u2421", 1},
		{0x9b, "\ufffd", 1}, {0x202e, `\u202e`, 6}, {0x200b, `\u200b`, 6}, {'東', "東", 2},
		{'Ａ', "Ａ", 2}, {0x301, "\u0301", 0}, {'é', "é", 1},
	} {
		shown, cols := Display(tt.r)
		if shown != tt.shown || cols != tt.cols {
			t.Errorf("Display(%U) = %q, %d; want %q, %d", tt.r, shown, cols, tt.shown, tt.cols)
		}
	}
}

// FuzzLine: whatever the input, Line's output holds no hidden character
// and is valid UTF-8, and printable ASCII comes back unchanged.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"a", "\x1b]0;title\x07", "\u202e", "\xff", "x\ny"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Line(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Line(%q) = %q: not UTF-8", s, got)
		}
		for _, r := range got {
			if hidden(r) {
				t.Fatalf("Line(%q) = %q holds %U", s, got, r)
			}
		}
	})
}

// TestWrap: a line breaks at the last space that keeps it within the width,
// the further lines start with the indent, and a word wider than the width
// stays whole on a line of its own.
func TestWrap(t *testing.T) {
	for _, c := range []struct {
		text, indent string
		width        int
		want         string
	}{
		{"short line", "  ", 20, "short line\n"},
		{"set it to yes before the import", "  ", 12, "set it to\n  yes before\n  the import\n"},
		{"a supercalifragilistic word", "", 8, "a\nsupercalifragilistic\nword\n"},
		{"café 東京 counts runes", "", 9, "café 東京\ncounts\nrunes\n"},
		{"no limit at all", "", 0, "no limit at all\n"},
	} {
		if got := Wrap(c.text, c.width, c.indent); got != c.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}
