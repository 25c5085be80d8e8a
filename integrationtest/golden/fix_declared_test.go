package golden

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testbin"
	"github.com/manifestlint/manifestlint/validate"
)

// TestRulesDeclareTheirFixes lints every golden case (testdata/cases) and
// fix case (testdata/fixes) in JSON and checks each rule's Fix sentence
// (what `explain` and docs/rules.md say of its fix) against the fixes its
// findings really carry: a rule whose findings carry a fix declares one,
// with a case of Fixes for each applicability seen (and its sentence
// saying "(safe" or "(unsafe" alike); a rule that declares a fix, safe or
// unsafe, has a case that shows it.
func TestRulesDeclareTheirFixes(t *testing.T) {
	testbin.CleanEnv(t)
	var files []string
	for _, glob := range []string{"testdata/cases/*", "testdata/fixes/*.yaml"} {
		fs, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			if !strings.HasSuffix(f, ".golden") && !strings.HasSuffix(f, ".md") {
				files = append(files, f)
			}
		}
	}
	seen := map[string][]string{} // rule id → applicabilities seen
	where := map[string]string{}  // rule id → a case showing its fix
	for _, f := range files {
		stdout, stderr, _ := runCase(t, f, "--format", "json")
		var out struct {
			Files []struct {
				Findings []struct {
					Rule string
					Fix  *struct{ Applicability string }
				}
			}
		}
		if stdout.Len() == 0 && stderr.Len() > 0 {
			continue // a usage error (an invalid --job-type): no report
		}
		if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
			t.Fatalf("%s: %v\nstderr: %s", f, err, stderr.String())
		}
		for _, file := range out.Files {
			for _, fd := range file.Findings {
				if fd.Fix == nil {
					continue
				}
				where[fd.Rule] = f
				if !slices.Contains(seen[fd.Rule], fd.Fix.Applicability) {
					seen[fd.Rule] = append(seen[fd.Rule], fd.Fix.Applicability)
				}
			}
		}
	}
	if len(seen) == 0 {
		t.Fatal("no finding of any case carries a fix")
	}
	for _, r := range validate.Rules() {
		apps := seen[r.ID]
		var declared []string // the typed applicabilities, Fixes
		for _, c := range r.Fixes {
			if !slices.Contains(declared, string(c.Applicability)) {
				declared = append(declared, string(c.Applicability))
			}
		}
		switch {
		case (r.Fix == "") != (len(r.Fixes) == 0):
			t.Errorf("%s: Fix %q and Fixes (%d cases) disagree on whether the rule has a fix", r.ID, r.Fix, len(r.Fixes))
		case len(apps) > 0 && len(declared) == 0:
			t.Errorf("%s: findings carry a %s fix (%s), but the rule declares none: fill its Fix and Fixes", r.ID, strings.Join(apps, " and "), where[r.ID])
		case len(apps) == 0 && len(declared) > 0:
			t.Errorf("%s declares a fix (%q), but no finding of testdata/cases or testdata/fixes carries one: add a case to testdata/fixes", r.ID, r.Fix)
		}
		for _, a := range apps {
			if !slices.Contains(declared, a) {
				t.Errorf("%s: findings carry a %s fix (%s), but no case of its Fixes is %s", r.ID, a, where[r.ID], a)
			}
		}
		for _, a := range declared {
			if len(apps) > 0 && !slices.Contains(apps, a) {
				t.Errorf("%s: Fixes has a %s case, but no finding of the cases carries a %s fix: add a case to testdata/fixes", r.ID, a, a)
			}
		}
		// The sentence says what the typed cases say.
		for _, a := range []string{"safe", "unsafe"} {
			if strings.Contains(r.Fix, "("+a) != slices.Contains(declared, a) {
				t.Errorf("%s: Fix %q and Fixes (%v) disagree on a %s fix", r.ID, r.Fix, declared, a)
			}
		}
	}
}
