package manifest

import (
	"strings"
	"testing"
)

// TestUnparsedSnippetPerLine: in a file that could not be parsed and names a
// secret field, the lines that cannot hold a secret value are shown (a
// syntax error in an S3 export keeps its snippet), and no line that may
// hold one is: the secret's line, its deeper-indented continuation, an
// explicit `: value` line, and everything after an unclosed quote. A flow
// collection or an anchor hides every line.
func TestUnparsedSnippetPerLine(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		shown     []int // the lines that may be shown; the others must not
	}{
		{"secret then keys", "manifestVersion: 2.0\ntrueCryptPassword: hunter2\n  hunter3\nfileSystem:NTFS\n\tbad: tab\n", []int{1, 4, 5}},
		{"value on the next line", "a: 1\npinCode:\n  1234\n\n  5678\nb: 2\n\tc: 3\n", []int{1, 6, 7}},
		{"explicit key", "a: 1\n? pinCode\n: 1234\nb: 2\n\tc: 3\n", []int{1, 4, 5}},
		{"list at the key's column", "a: 1\npinCode:\n- 1234\nb: 2\n\tc: 3\n", []int{1, 4, 5}},
		{"unclosed quote", "a: 1\npinCode: \"12\n34\nb: 2\n\tc: 3\n", []int{1}},
		{"closed quote", "a: 1\npinCode: \"1234\"\nb: 2\n\tc: 3\n", []int{1, 3, 4}},
		{"flow", "a: 1\nb: {pinCode: 1,\n\tc: 3\n", nil},
		{"anchor", "a: &p 1234\npinCode: *p\n\tc: 3\n", nil},
		{"no secret", "a: 1\n\tc: 3\n", []int{1, 2}},
	} {
		doc, _ := Parse("m.yaml", []byte(tt.src))
		if doc.Secrets != nil {
			t.Fatalf("%s: the case must not parse", tt.name)
		}
		n := strings.Count(tt.src, "\n")
		for line := 1; line <= n; line++ {
			want := false
			for _, s := range tt.shown {
				want = want || s == line
			}
			text, ok := doc.SnippetLine(line)
			if ok != want {
				t.Errorf("%s: line %d (%q) shown = %v, want %v", tt.name, line, doc.Lines().Line(line), ok, want)
			}
			_, _, _, sok := doc.Snippet(line, 1, 1)
			if sok != ok {
				t.Errorf("%s: line %d: Snippet and SnippetLine disagree", tt.name, line)
			}
			for _, secret := range []string{"hunter", "1234", "5678"} {
				if ok && strings.Contains(text, secret) {
					t.Errorf("%s: line %d shows the secret: %q", tt.name, line, text)
				}
			}
		}
	}
}
