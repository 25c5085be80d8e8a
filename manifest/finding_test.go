package manifest

import "testing"

func TestJoinPath(t *testing.T) {
	for _, tc := range []struct{ parent, key, want string }{
		{"", "bucket", "bucket"},
		{"returnAddress", "city", "returnAddress.city"},
		{"operations[0]", "region", "operations[0].region"},
		{"contentTypes", ".jpg", `contentTypes[".jpg"]`},
		{"contentTypes", "", `contentTypes[""]`},
		{"", "a.b", `["a.b"]`},
		{"", "", `[""]`},
		{"staticMetadata", "x-amz meta", `staticMetadata["x-amz meta"]`},
		{"m", "a[0]", `m["a[0]"]`},
		{"m", "tab\there", `m["tab\there"]`},
		{"m", `say "hi"`, `m["say \"hi\""]`},
		{"m", "naïve", "m.naïve"},
	} {
		if got := JoinPath(tc.parent, tc.key); got != tc.want {
			t.Errorf("JoinPath(%q, %q) = %s, want %s", tc.parent, tc.key, got, tc.want)
		}
	}
	// Family still reads the head of a quoted path.
	if _, inv := Family(JoinPath("returnAddress", "a.b")); inv != InvalidAddress {
		t.Errorf("Family of a quoted returnAddress key: %s", inv)
	}
}

// TestFindingText: the one-string form of a finding is the service's
// sentence, the headline, and the help after a colon, each left out when
// empty.
func TestFindingText(t *testing.T) {
	sentence := InvalidAddress.Message()
	for _, tc := range []struct {
		f    Finding
		want string
	}{
		{Finding{Code: InvalidAddress, Message: "head", Help: "help"}, sentence + " head: help"},
		{Finding{Code: InvalidAddress, Message: "head"}, sentence + " head"},
		{Finding{Code: InvalidAddress}, sentence},
		{Finding{Message: "head", Help: "help"}, "head: help"},
		{Finding{Message: "head"}, "head"},
	} {
		if got := tc.f.Text(); got != tc.want {
			t.Errorf("Text() = %q, want %q", got, tc.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n          int
		word, want string
	}{
		{1, "fix", "1 fix"}, {2, "fix", "2 fixes"}, {0, "error", "0 errors"},
		{3, "space", "3 spaces"}, {2, "match", "2 matches"}, {2, "more finding", "2 more findings"},
	} {
		if got := Plural(tc.n, tc.word); got != tc.want {
			t.Errorf("Plural(%d, %q) = %q, want %q", tc.n, tc.word, got, tc.want)
		}
	}
}
