package manifest

import "testing"

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "abc", 3}, {"eraseDevice", "eraseDevice", 0},
		{"erasedevice", "eraseDevice", 1}, {"stateOrProvence", "stateOrProvince", 1},
		{"kitten", "sitting", 3}, {"Österreich", "Osterreich", 1},
	}
	for _, tc := range tests {
		if got := EditDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := EditDistance(tc.b, tc.a); got != tc.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d (symmetry)", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"eraseDevice", "stateOrProvince", "bucket", "acl", "no-space-after-colon"}
	tests := map[string]string{
		"erase_device": "eraseDevice", "ERASEDEVICE": "eraseDevice", "stateOrProvence": "stateOrProvince",
		"bucekt": "bucket", "no_space_after_colon": "no-space-after-colon", "ac": "acl",
		"a": "", "": "", "frobnicate": "", "x": "",
	}
	for in, want := range tests {
		if got := Closest(in, keys); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestClosestSchemaCases are the did-you-mean cases of the schema's keys
// and enum values.
func TestClosestSchemaCases(t *testing.T) {
	keys := []string{"eraseDevice", "stateOrProvince", "acl", "city", "NTFS", "EXT4"}
	for in, out := range map[string]string{
		"erasedevice": "eraseDevice", "erase_device": "eraseDevice", "ERASE-DEVICE": "eraseDevice",
		"eraseDevise": "eraseDevice", "stateOrProvence": "stateOrProvince", "ntfs": "NTFS", "ext3": "EXT4",
		"cty": "city", "x": "", "zz": "", "colour": "", "": "",
	} {
		if got := Closest(in, keys); got != out {
			t.Errorf("Closest(%q) = %q, want %q", in, got, out)
		}
	}
}

// TestNearest: the caller's threshold decides how far a suggestion may
// reach (Closest stops at 2 edits), and a byte window passes over names
// whose length in bytes is too far off.
func TestNearest(t *testing.T) {
	c := NewCandidates([]string{"mali", "somalia", "united kingdom"})
	for _, tc := range []struct {
		s             string
		edits, window int
		want          int
	}{
		{"unted kngdm", 3, -1, 2},  // 3 edits: within the caller's 3
		{"unted kngdm", 2, -1, -1}, // beyond Closest's 2
		{"Somali", 1, -1, 1},       // case is ignored
		{"somal", 2, -1, 1},        // somalia: 2 edits; mali: 3
		{"s中mali", 2, -1, 0},       // mali and somalia 2 edits: the first wins
		{"s中mali", 2, 2, 1},        // mali is 4 bytes shorter: somalia
	} {
		if got := c.Nearest(tc.s, tc.edits, tc.window); got != tc.want {
			t.Errorf("Nearest(%q, %d, %d) = %d, want %d", tc.s, tc.edits, tc.window, got, tc.want)
		}
	}
}
