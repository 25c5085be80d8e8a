package validate

import (
	"regexp"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestRegistry checks every rule of every source of findings (parser,
// schema, suppressions, package rules) for what explain, SARIF and
// suppressions rely on: a unique kebab-case id, an explicit severity that
// agrees with its codes (an error reports a service code, a warning none),
// only codes the service knows, valid kinds, a one-line doc and an example
// with a bad and a different fixed text. TestRulesEmitWhatTheyDeclare (in
// the main package) checks what the rules emit across the golden cases, and
// explain's TestRuleExamplesTrigger that each example draws its rule.
func TestRegistry(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	rules := Rules()
	for _, r := range rules {
		if !kebab.MatchString(r.ID) {
			t.Errorf("rule id %q is not kebab-case", r.ID)
		}
		if seen[r.ID] {
			t.Errorf("rule id %q registered twice", r.ID)
		}
		seen[r.ID] = true
		switch r.Severity {
		case manifest.Error:
			if len(r.Codes) == 0 {
				t.Errorf("rule %s is an error but declares no service code", r.ID)
			}
		case manifest.Warning:
			if len(r.Codes) != 0 {
				t.Errorf("rule %s is a warning but declares codes %v", r.ID, r.Codes)
			}
		default:
			t.Errorf("rule %s has no explicit severity (%q)", r.ID, r.Severity)
		}
		for _, c := range r.Codes {
			if _, ok := c.Info(); !ok {
				t.Errorf("rule %s declares %q, which is not a service code", r.ID, c)
			}
		}
		for _, k := range r.Kinds {
			if !strings.Contains(" s3-import s3-export ebs-import glacier-import ", " "+string(k)+" ") {
				t.Errorf("rule %s names the unknown kind %q", r.ID, k)
			}
		}
		if r.Doc == "" || strings.Contains(r.Doc, "\n") {
			t.Errorf("rule %s: doc must be one non-empty line: %q", r.ID, r.Doc)
		}
		for _, d := range r.Decisions {
			if d == "" || strings.Contains(d, "\n") || !strings.HasSuffix(d, ".") {
				t.Errorf("rule %s: a decision is one line ending in a period: %q", r.ID, d)
			}
		}
		if r.Example.Before == "" || r.Example.After == "" || r.Example.Before == r.Example.After {
			t.Errorf("rule %s: the example needs a bad and a different fixed text", r.ID)
		}
	}
	if len(rules) < 45 {
		t.Errorf("only %d rules registered", len(rules))
	}
}

// TestDetectionAgreesWithRules: a code the catalog calls undetectable is
// declared by no rule, and every code a rule declares is detectable.
func TestDetectionAgreesWithRules(t *testing.T) {
	declared := map[manifest.Code]string{}
	for _, r := range Rules() {
		for _, c := range r.Codes {
			declared[c] = r.ID
		}
	}
	for _, c := range manifest.ErrorCodes {
		if id, ok := declared[c.Code]; ok && !c.Detectable() {
			t.Errorf("%s is undetectable in the catalog, but rule %s declares it", c.Code, id)
		}
	}
	for c, id := range declared {
		if info, ok := c.Info(); !ok || !info.Detectable() {
			t.Errorf("rule %s declares %s, which the catalog does not call detectable", id, c)
		}
	}
}
