package manifest

import (
	"strings"
	"testing"
)

// TestSnippetLineMasksSecrets: no snippet line shows a secret value,
// however the key or the value is written (issue 14 item 4).
func TestSnippetLineMasksSecrets(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		secret    string // must not appear on any line shown
	}{
		{"value on the next line", "trueCryptPassword:\n  hunter2hunter2\nbucket: b\n", "hunter2"},
		{"pinCode on the next line", "pinCode:\n  123456\n", "123456"},
		{"a list value", "trueCryptPassword:\n  - hunter2\n  - other2secret\n", "secret"},
		{"explicit key", "? trueCryptPassword\n: hunter2\n", "hunter2"},
		{"tagged key", "!!str trueCryptPassword: hunter2\n", "hunter2"},
		{"escaped key", "\"true\\x43ryptPassword\": hunter2\n", "hunter2"},
		{"flow mapping", "deviceId: x\nm: {a: 1, trueCryptPassword: hunter2, b: 2}\n", "hunter2"},
		{"typo'd key", "truecryptpassword: hunter2\n", "hunter2"},
		{"near miss", "pinCod: 998877\n", "998877"},
		{"block scalar", "trueCryptPassword: |\n  hunter2\n  more\n", "hunter2"},
		{"folded plain scalar", "trueCryptPassword: hunter2\n  continued\n", "continued"},
		{"no space after colon", "trueCryptPassword:hunter2\n", "hunter2"},
		{"duplicate keys (no tree used)", "pinCode:\n  123456\npinCode: 1\n", "123456"},
		{"syntax error elsewhere", "trueCryptPassword:\n  hunter2\nbad: [\n", "hunter2"},
		{"nested", "customs:\n  x:\n    pinCode: 4455\n", "4455"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := Parse("m.yaml", []byte(tt.src))
			for n := 1; n <= doc.Lines().Count(); n++ {
				line, ok := doc.SnippetLine(n)
				if ok && strings.Contains(line, tt.secret) {
					t.Errorf("line %d shows the secret: %q", n, line)
				}
			}
		})
	}
	// A secret becomes the fixed mask (its length is not told), and other lines are shown as they are.
	doc, _ := Parse("m.yaml", []byte("bucket: b\ntrueCryptPassword: hunter2hunter2 # c\nzipCode: 91111\n"))
	for n, want := range map[int]string{1: "bucket: b", 2: "trueCryptPassword: ******** # c", 3: "zipCode: 91111"} {
		if got, ok := doc.SnippetLine(n); !ok || got != want {
			t.Errorf("line %d = %q, %v; want %q", n, got, ok, want)
		}
	}
	// A file that cannot be parsed and names no secret field shows its lines.
	doc, _ = Parse("m.yaml", []byte("bucket: [\n"))
	if got, ok := doc.SnippetLine(1); !ok || got != "bucket: [" {
		t.Errorf("unparsed line = %q, %v", got, ok)
	}
}
