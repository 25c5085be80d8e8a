package manifest

import (
	"strings"
	"testing"
)

// TestMaskSecretLine checks that snippets never show a password or PIN, nor
// its length: the mask has a fixed length.
func TestMaskSecretLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"trueCryptPassword: hunter2", "trueCryptPassword: ********"},
		{"trueCryptPassword:hunter2", "trueCryptPassword:********"},
		{"  pinCode: 1234 # the PIN", "  pinCode: ******** # the PIN"},
		{"- pinCode: 'ab cd'", "- pinCode: ********"},
		{"trueCryptPassword: " + strings.Repeat("x", 64), "trueCryptPassword: ********"},
		{"trueCryptPassword: pässwörd", "trueCryptPassword: ********"},
		{"trueCryptPassword:", "trueCryptPassword:"},
		{"bucket: hunter2", "bucket: hunter2"},
		{"generator: trueCryptPassword: x", "generator: trueCryptPassword: x"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := MaskSecretLine(tc.in); got != tc.want {
			t.Errorf("MaskSecretLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
