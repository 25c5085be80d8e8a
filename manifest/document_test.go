package manifest

import (
	"strings"
	"testing"
)

// TestSnippetLineOneLine checks that snippets never show a password or PIN
// written on one line and keep their columns; an unparsable line naming a
// secret field is not shown at all ("").
func TestSnippetLineOneLine(t *testing.T) {
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
		got, ok := doc.SnippetLine(1)
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("SnippetLine of %q = %q, want %q", tc.in, got, tc.want)
		}
	}
}
