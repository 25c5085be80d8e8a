package rules

import (
	"regexp"
	"strings"
	"testing"
)

// TestRegistry checks what explain, SARIF and suppressions rely on: every
// rule has a unique kebab-case id, a one-line doc, a check, and only codes
// the service knows.
func TestRegistry(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, r := range All {
		switch {
		case !kebab.MatchString(r.ID):
			t.Errorf("rule id %q is not kebab-case", r.ID)
		case seen[r.ID]:
			t.Errorf("rule id %q registered twice", r.ID)
		case r.Doc == "" || strings.Contains(r.Doc, "\n"):
			t.Errorf("rule %s: doc must be one non-empty line: %q", r.ID, r.Doc)
		case r.Check == nil:
			t.Errorf("rule %s has no check", r.ID)
		}
		seen[r.ID] = true
		for _, c := range r.Codes {
			if _, ok := c.Info(); !ok {
				t.Errorf("rule %s emits %q, which is not a service code", r.ID, c)
			}
		}
	}
	if len(All) < 30 {
		t.Errorf("only %d rules registered", len(All))
	}
}
