package rules

// The customs rules (spec §4.7). The JSON Schema checks the block's shape,
// its required subfields, enums and patterns; these rules check when the
// block is required, the country of origin, and the classification that
// encrypted data needs.
//
// Where the spec is silent, each rule's Decisions say what it chose.

import (
	"fmt"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
)

// Rule ids of the customs rules.
const (
	RuleCustomsRequired                 = "customs-required"
	RuleCustomsCountry                  = "customs-country"
	RuleCustomsEncryptionClassification = "customs-encryption-classification"
)

// exampleCustoms is a valid customs block, the base of the customs rules'
// examples.
const exampleCustoms = "customs:\n  dataDescription: Backup of accounting records\n  encryptedData: yes\n" +
	"  encryptionClassification: 5D992\n  exportCertifierName: Jane Doe\n  requiresExportLicense: no\n" +
	"  deviceValue: 250.00\n  deviceCountryOfOrigin: China\n  deviceType: externalStorageDevice"

// customsRequiredRule is the customs-required rule.
var customsRequiredRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleCustomsRequired,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.MissingCustoms},
		Doc:      "customs is required when the device returns to a country other than the one of the facility serving the job's region (EU to EU excepted); checked only when the region is known.",
		Decisions: []string{
			"A missing customs block is reported at the document's start (1:1, where a field missing from the root mapping is), and its message names the returnAddress.country line that makes it required.",
			"The facility of a region: any `us-` region is the United States, `eu-west-1` Ireland, `ap-southeast-1` Singapore; for any other region (already reported by the region rules) nothing is required.",
			"When the return country is absent or unknown, the requirement is not checked (address-country reports the country).",
			"Territories of an EU member with their own ISO code (Åland, Gibraltar, Réunion, ...) are not in the EU here: the strict reading, which the examples pass.",
		},
		Example: manifest.Example{Lang: "yaml",
			Note:   "a job in us-east-1 (--region us-east-1) returning the device to Germany",
			Region: "us-east-1",
			Before: exampleGermanAddress,
			After:  exampleGermanAddress + "\n" + exampleCustoms,
		},
	},
	Check: checkCustomsRequired,
}

// customsCountryRule is the customs-country rule.
var customsCountryRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:  RuleCustomsCountry,
		Fix: "Writes the English name of the one country a misspelt value most likely means (`Nederland` becomes `Netherlands`) (unsafe: a guess).",
		Fixes: []manifest.FixCase{
			{Finding: "a customs country the linter does not know, with one likely meaning (`Germny`, `Holland`)", Does: "its English name (`Germany`, `Netherlands`)", Applicability: manifest.Unsafe, Why: "a guess"},
		},
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidCustoms},
		Doc:      "customs.deviceCountryOfOrigin must be an ISO 3166 country: alpha-2, alpha-3 or English name, in any letter case.",
		Example: manifest.Example{Lang: "yaml",
			Before: strings.Replace(exampleCustoms, "deviceCountryOfOrigin: China", "deviceCountryOfOrigin: Chna", 1),
			After:  exampleCustoms,
		},
	},
	Check: checkCustomsCountry,
}

// customsEncryptionClassificationRule is the customs-encryption-classification rule.
var customsEncryptionClassificationRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleCustomsEncryptionClassification,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.MissingCustoms},
		Doc:      "customs.encryptionClassification is required when customs.encryptedData is yes.",
		Decisions: []string{
			"encryptionClassification is missing only when its key is absent; an empty value is an invalid one (the schema's pattern reports it).",
		},
		Example: manifest.Example{Lang: "yaml",
			Before: strings.Replace(exampleCustoms, "  encryptionClassification: 5D992\n", "", 1),
			After:  exampleCustoms,
		},
	},
	Check: checkCustomsEncryptionClassification,
}

// facilityCountry returns the country of the facility that serves region
// (lower case), or nil for a region no facility serves.
func facilityCountry(region string) *countryInfo {
	switch {
	case strings.HasPrefix(region, "us-"):
		return countryByCode("US")
	case region == "eu-west-1":
		return countryByCode("IE")
	case region == "ap-southeast-1":
		return countryByCode("SG")
	}
	return nil
}

func checkCustomsRequired(c *Context) []manifest.Finding {
	region := addrJobRegion(c)
	if region == "" {
		return nil
	}
	fac := facilityCountry(region)
	if fac == nil {
		return nil
	}
	if k, _ := manifest.Get(c.Root, "customs"); k != nil {
		return nil
	}
	ra, ok := readReturnAddress(c.Root)
	if !ok || ra.country == nil || ra.country == fac || (ra.country.inEU() && fac.inEU()) {
		return nil
	}
	return []manifest.Finding{c.Errorf(manifest.MissingCustoms, c.Doc.PointSpan(manifest.Pos{Line: 1, Column: 1}), "customs",
		fmt.Sprintf("customs is missing (returned from %s to %s)", facilityPlace(fac), facilityPlace(ra.country))).
		WithHelp(addrRegionDesc(c) + ": a device returned to another country than the facility's (EU to EU excepted) needs a customs block; add `customs:` with dataDescription, encryptedData, exportCertifierName, requiresExportLicense, deviceValue, deviceCountryOfOrigin and deviceType (and encryptionClassification when encryptedData is yes)")}
}

// facilityPlace names a country as a sentence reads it: "the United
// States", "Ireland".
func facilityPlace(fac *countryInfo) string {
	if strings.HasPrefix(fac.name, "United ") {
		return "the " + fac.name
	}
	return fac.name
}

func checkCustomsCountry(c *Context) []manifest.Finding {
	cu := manifest.Value(c.Root, "customs")
	if !manifest.IsMapping(cu) {
		return nil
	}
	n := manifest.Value(cu, "deviceCountryOfOrigin")
	v, ok := manifest.Text(n)
	if !ok || v == "" || lookupCountry(v) != nil {
		return nil
	}
	head, help := unknownCountryDetail("customs.deviceCountryOfOrigin", v)
	return []manifest.Finding{c.Errorf(manifest.InvalidCustoms, c.Span(n),
		"customs.deviceCountryOfOrigin", head).WithHelp(help).WithFix(c.countryFix(n))}
}

func checkCustomsEncryptionClassification(c *Context) []manifest.Finding {
	k, cu := manifest.Get(c.Root, "customs")
	if !manifest.IsMapping(cu) {
		return nil
	}
	v, ok := manifest.Text(manifest.Value(cu, "encryptedData"))
	if !ok || !strings.EqualFold(v, "yes") {
		return nil
	}
	if ek, _ := manifest.Get(cu, "encryptionClassification"); ek != nil {
		return nil
	}
	return []manifest.Finding{c.Errorf(manifest.MissingCustoms, c.Span(k), "customs.encryptionClassification",
		"customs.encryptionClassification is missing").
		WithHelp("customs.encryptedData is `" + v + "`, and encrypted data needs its export control classification: add `encryptionClassification: 5D992` (or the ECCN of your encryption software, or `EAR99`) indented beneath `customs:`")}
}
