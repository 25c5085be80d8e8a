package manifest

import (
	"strings"
	"testing"
)

// TestSnippetOneLine checks that snippets never show a password or PIN
// written on one line, nor its length (the mask has a fixed length); an
// unparsable line naming a secret field is not shown at all ("").
func TestSnippetOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"trueCryptPassword: hunter2", "trueCryptPassword: ********"},
		{"trueCryptPassword:hunter2", "trueCryptPassword:********"},
		{"  pinCode: 1234 # the PIN", "  pinCode: ******** # the PIN"},
		{"- pinCode: 'ab cd'", "- pinCode: ********"},
		{"trueCryptPassword: " + strings.Repeat("x", 64), "trueCryptPassword: ********"},
		{"trueCryptPassword: pässwörd", "trueCryptPassword: ********"},
		{"trueCryptPassword:", "trueCryptPassword:"},
		{"bucket: hunter2", "bucket: hunter2"},
		{"generator: trueCryptPassword: x", ""},
	}
	for _, tc := range tests {
		doc, _ := Parse("m.yaml", []byte(tc.in))
		got, _, _, ok := doc.Snippet(1, 1, 1)
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("Snippet of %q = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSnippetCaret: the caret span moves onto the masked line: a span on
// the secret covers the mask, one after it shifts by the difference.
func TestSnippetCaret(t *testing.T) {
	src := "x: {trueCryptPassword: abc, pinCode: 123456789012, bucket: B}\n"
	doc, _ := Parse("m.yaml", []byte(src))
	tests := []struct{ col, width, wantCol, wantWidth int }{
		{1, 1, 1, 1},    // before any secret
		{24, 3, 24, 8},  // on the password: the mask
		{38, 12, 43, 8}, // on the PIN, after the password's mask (5 longer than abc)
		{60, 1, 61, 1},  // `B`: after both (+5, -4)
		{4, 58, 4, 59},  // the whole flow mapping
	}
	for _, tt := range tests {
		line, col, width, ok := doc.Snippet(1, tt.col, tt.width)
		if !ok || col != tt.wantCol || width != tt.wantWidth {
			t.Errorf("Snippet(1, %d, %d) = %q, %d, %d, %v; want col %d width %d", tt.col, tt.width, line, col, width, ok, tt.wantCol, tt.wantWidth)
		}
		if strings.Contains(line, "abc") || strings.Contains(line, "123456789012") {
			t.Errorf("Snippet shows a secret: %q", line)
		}
	}
}
