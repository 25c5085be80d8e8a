package rules

import (
	"sort"

	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// Choice is one accepted value with its name, for editor completion.
type Choice struct {
	// Value is what the manifest holds (an ISO alpha-2 code, a USPS code).
	Value string
	// Name is what the value stands for ("Germany", "Washington").
	Name string
}

// CountryChoices returns every ISO 3166-1 country the address rules accept,
// by alpha-2 code, in code order.
func CountryChoices() []Choice {
	out := make([]Choice, 0, len(countryTable))
	for _, c := range countryTable {
		out = append(out, Choice{c.alpha2, c.name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

// StateChoices returns the stateOrProvince codes accepted for country
// (an alpha-2 code): the USPS codes for the US, Canada Post's for Canada,
// nil for any other country.
func StateChoices(alpha2 string) []Choice {
	var out []Choice
	for code, name := range stateCodes(alpha2) {
		out = append(out, Choice{code, name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}

// FieldChoices returns the values the rules accept for the field key of the
// manifest root, for the fields whose values a table of this package
// decides rather than the schema's enum: the countries of
// returnAddress.country (address-country) and customs.deviceCountryOfOrigin
// (customs-country), and the codes of returnAddress.stateOrProvince for the
// address's country (address-state: the US's and Canada's when the country
// is neither or not known). ok is false for any other field.
func FieldChoices(root *yaml.Node, key string) (choices []Choice, ok bool) {
	switch key {
	case "country", "deviceCountryOfOrigin":
		return CountryChoices(), true
	case "stateOrProvince":
		country := ""
		if c, ok := manifest.Text(manifest.Value(manifest.Value(root, "returnAddress"), "country")); ok {
			country = CountryCode(c)
		}
		if country == "US" || country == "CA" {
			return StateChoices(country), true
		}
		return append(StateChoices("US"), StateChoices("CA")...), true
	}
	return nil, false
}

// CountryCode returns the alpha-2 code of a country as a manifest may name
// it (code, alpha-3, name, in any letter case), or "".
func CountryCode(s string) string {
	if c := lookupCountry(s); c != nil {
		return c.alpha2
	}
	return ""
}
