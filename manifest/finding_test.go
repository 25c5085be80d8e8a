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
