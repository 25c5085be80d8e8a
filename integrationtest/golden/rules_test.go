package golden

import (
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testbin"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// TestRulesEmitWhatTheyDeclare lints every golden case as TestGolden does,
// with --format json, and checks each finding against the registry: its
// rule is registered, its code is one the rule declares, its severity the
// rule's. Every registered rule must be drawn by at least one case.
func TestRulesEmitWhatTheyDeclare(t *testing.T) {
	testbin.CleanEnv(t)
	registry := map[string]*manifest.Descriptor{}
	for _, r := range validate.Rules() {
		registry[r.ID] = r
	}
	files, err := filepath.Glob("testdata/cases/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		stdout, _, code := runCase(t, f, "--format", "json")
		if code == 2 {
			continue // a usage error (a case of a bad flag): no findings
		}
		var out struct {
			Files []struct {
				Findings []struct {
					Code     manifest.Code     `json:"code"`
					Severity manifest.Severity `json:"severity"`
					Rule     string            `json:"rule"`
				} `json:"findings"`
			} `json:"files"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
			t.Fatalf("%s: %v\n%s", f, err, stdout.String())
		}
		for _, file := range out.Files {
			for _, fd := range file.Findings {
				r := registry[fd.Rule]
				switch {
				case r == nil:
					t.Errorf("%s: rule %q is not registered", f, fd.Rule)
					continue
				case fd.Code != "" && !r.Declares(fd.Code):
					t.Errorf("%s: rule %s emits %s, which it does not declare (%v)", f, fd.Rule, fd.Code, r.Codes)
				case fd.Code == "" && len(r.Codes) > 0:
					t.Errorf("%s: rule %s emits a finding without a code", f, fd.Rule)
				case fd.Severity != r.Severity:
					t.Errorf("%s: rule %s emits a %s, but is declared %s", f, fd.Rule, fd.Severity, r.Severity)
				}
				seen[fd.Rule] = true
			}
		}
	}
	var unseen []string
	for id := range registry {
		if !seen[id] {
			unseen = append(unseen, id)
		}
	}
	sort.Strings(unseen)
	if len(unseen) > 0 {
		t.Errorf("no golden case draws a finding of %s: add a case to testdata/cases", strings.Join(unseen, ", "))
	}
}
