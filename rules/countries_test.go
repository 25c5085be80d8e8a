package rules

import "testing"

// TestScanCountryCodeAgreesWithIndex: the table scan that spares a run the
// country index answers every capital code exactly as the index does, and
// leaves everything else (names, lower case) to the index.
func TestScanCountryCodeAgreesWithIndex(t *testing.T) {
	countryOnce.Do(buildCountryIndex)
	for i := range countryTable {
		c := &countryTable[i]
		for _, code := range []string{c.alpha2, c.alpha3} {
			got := scanCountryCode(code)
			want := countryIndex[string(normalizeCountry(nil, code))]
			if got != want {
				t.Errorf("%s: the scan finds %v, the index %v", code, got, want)
			}
			if lookupCountry(code) != want {
				t.Errorf("lookupCountry(%q) is not the index's %v", code, want)
			}
		}
	}
	for _, s := range []string{"us", "Germany", "UK", "XX", "", "USAX"} {
		if c := scanCountryCode(s); c != nil {
			t.Errorf("scanCountryCode(%q) = %s, want nil (not a capital code)", s, c.alpha2)
		}
	}
	if c := lookupCountry("Germany"); c == nil || c.alpha2 != "DE" {
		t.Errorf("lookupCountry(Germany) = %v, want DE through the index", c)
	}
}
