package rules

import "testing"

// TestRegistry checks that every rule of All has a check and is listed
// once; validate's TestRegistry checks the descriptors of every source.
func TestRegistry(t *testing.T) {
	seen := map[*Rule]bool{}
	for _, r := range All {
		if r.Check == nil {
			t.Errorf("rule %s has no check", r.ID)
		}
		if seen[r] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		seen[r] = true
	}
	if len(All) < 30 {
		t.Errorf("only %d rules registered", len(All))
	}
}
