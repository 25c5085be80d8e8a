package manifest

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestPlainSafe(t *testing.T) {
	for s, want := range map[string]bool{
		"CA": true, "yes": true, "M5V 3L9": true, "02134": true, "a@example.com;b@example.com": true,
		"eraseDevice": true, "http://x/y": true, "2.0": true, "a-b": true, "-1": true,
		"": false, " a": false, "a ": false, "a: b": false, "a #b": false, "#a": false, "- a": false,
		"-": false, "a:": false, "[a]": false, "'a'": false, "a\nb": false, "*a": false, "&a": false,
		"!a": false, "|": false, ">": false, "%a": false, "@a": false, "---": false, "a\tb": false,
	} {
		if got := PlainSafe(s); got != want {
			t.Errorf("PlainSafe(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestScalarAs(t *testing.T) {
	plain := &yaml.Node{}
	single := &yaml.Node{Style: yaml.SingleQuotedStyle}
	double := &yaml.Node{Style: yaml.DoubleQuotedStyle}
	for _, tc := range []struct {
		n    *yaml.Node
		s    string
		want string
	}{
		{plain, "CA", "CA"},
		{nil, "CA", "CA"},
		{plain, "a: b", `"a: b"`},
		{single, "CA", "'CA'"},
		{single, "it's", "'it''s'"},
		{double, `say "hi"`, `"say \"hi\""`},
		{single, "a\nb", `"a\nb"`},
	} {
		got := ScalarAs(tc.n, tc.s)
		if got != tc.want {
			t.Errorf("ScalarAs(%v, %q) = %s, want %s", tc.n.Style, tc.s, got, tc.want)
		}
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("k: "+got), &n); err != nil || n.Content[0].Content[1].Value != tc.s {
			t.Errorf("ScalarAs(%q) = %s does not read back: %v", tc.s, got, err)
		}
	}
}

// TestSimplePlainAgrees: the fast path says plain only where the parser
// does.
func TestSimplePlainAgrees(t *testing.T) {
	for _, s := range []string{"CA", "a@example.com;b@example.com", "M5V 3L9", "98101-1234", "eraseDevice", "exports/photos", "2.0", "x-amz-meta-owner", "Null", "a+b", "1e3", "0x1F", "yes", "NO"} {
		if !simplePlain(s) {
			continue
		}
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("k: "+s+"\n"), &n); err != nil || n.Content[0].Content[1].Value != s {
			t.Errorf("simplePlain(%q) but the parser reads otherwise", s)
		}
	}
}
