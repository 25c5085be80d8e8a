package rules

import (
	"slices"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestFieldChoices: the state codes follow the address's country, and no
// value address-state refuses (the military codes) is offered.
func TestFieldChoices(t *testing.T) {
	values := func(src, key string) ([]string, bool) {
		doc, _ := manifest.Parse("m.yaml", []byte(src))
		cs, ok := FieldChoices(doc.Root, key)
		var out []string
		for _, c := range cs {
			out = append(out, c.Value)
		}
		return out, ok
	}
	us, _ := values("returnAddress:\n  country: USA\n", "stateOrProvince")
	ca, _ := values("returnAddress:\n  country: Canada\n", "stateOrProvince")
	other, _ := values("returnAddress:\n  country: Germany\n", "stateOrProvince")
	if !slices.Contains(us, "WA") || slices.Contains(us, "ON") || slices.Contains(us, "AA") || slices.Contains(us, "AE") {
		t.Errorf("US states: %v", us)
	}
	if !slices.Contains(ca, "ON") || slices.Contains(ca, "WA") || len(ca) != 13 {
		t.Errorf("Canadian provinces: %v", ca)
	}
	if len(other) != len(us)+len(ca) {
		t.Errorf("another country: %d codes, want the US's and Canada's (%d)", len(other), len(us)+len(ca))
	}
	if cs, ok := values("customs: {}\n", "deviceCountryOfOrigin"); !ok || !slices.Contains(cs, "DE") {
		t.Errorf("countries of origin: %v %v", ok, len(cs))
	}
	if _, ok := values("acl: private\n", "acl"); ok {
		t.Error("acl's values are the schema's enum, not a table of rules")
	}
}
