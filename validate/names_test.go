package validate

import (
	"slices"
	"testing"

	"github.com/manifestlint/manifestlint/internal/suppress"
	"github.com/manifestlint/manifestlint/manifest"
)

func TestRulesListSuppressionRules(t *testing.T) {
	want := map[string]bool{suppress.RuleSuppressionWithoutReason: false, suppress.RuleUnusedSuppression: false}
	for _, r := range Rules() {
		if _, ok := want[r.ID]; ok {
			want[r.ID] = true
			if r.Doc == "" || len(r.Codes) != 0 {
				t.Errorf("rule %s: doc %q, codes %v; want a doc and no code (a warning)", r.ID, r.Doc, r.Codes)
			}
		}
	}
	for id, found := range want {
		if !found {
			t.Errorf("Rules() does not list %s", id)
		}
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		name    string
		known   bool
		suggest string
	}{
		{"no-space-after-colon", true, "no-space-after-colon"},
		{"InvalidAddressException", true, "InvalidAddressException"},
		{"unused-suppression", true, "unused-suppression"},
		{"invalidaddressexception", false, "InvalidAddressException"},
		{"InvalidAdressException", false, "InvalidAddressException"},
		{"no-space-after-colons", false, "no-space-after-colon"},
		{"frobnicate", false, ""},
	}
	for _, tt := range tests {
		if got := KnownName(tt.name); got != tt.known {
			t.Errorf("KnownName(%q) = %v, want %v", tt.name, got, tt.known)
		}
		if got := SuggestName(tt.name); got != tt.suggest {
			t.Errorf("SuggestName(%q) = %q, want %q", tt.name, got, tt.suggest)
		}
	}
}

// TestNamesAreTheRegistry: Names lists each rule id of Rules() once, in
// its order, then every service code; RuleByID finds each rule, and no
// code or other spelling.
func TestNamesAreTheRegistry(t *testing.T) {
	var want []string
	for _, r := range Rules() {
		want = append(want, r.ID)
		if RuleByID(r.ID) != r {
			t.Errorf("RuleByID(%q) is not the registry's rule", r.ID)
		}
	}
	for _, c := range manifest.ErrorCodes {
		want = append(want, string(c.Code))
	}
	if got := Names(); !slices.Equal(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	for _, n := range []string{"InvalidAddressException", "Erase-Device", "erase_device", ""} {
		if RuleByID(n) != nil {
			t.Errorf("RuleByID(%q) found a rule", n)
		}
	}
}
