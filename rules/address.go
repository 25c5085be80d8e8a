package rules

// The returnAddress rules (spec §4.6) and the serviceLevel rule (spec §4.1).
// The JSON Schema already checks that returnAddress is a mapping, that its
// required subfields are present and non-empty and that it has no unknown
// subfield; these rules check what needs a table or depends on another
// field. Every rule skips a returnAddress that is not a mapping (the schema
// reports it once) and values that are not scalars (the schema's type check).
//
// Where the spec is silent, each rule's Decisions say what it chose.

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// Rule ids of the returnAddress and serviceLevel rules.
const (
	RuleAddressCountry        = "address-country"
	RuleAddressUSCARequired   = "address-us-ca-required"
	RuleAddressState          = "address-state"
	RuleAddressPostalCode     = "address-postal-code"
	RuleAddressPhone          = "address-phone"
	RuleAddressPOBox          = "address-po-box"
	RuleAddressEURegion       = "address-eu-region"
	RuleServiceLevelExpedited = "service-level-expedited"
)

// exampleAddress is a valid US return address, the base of the address
// rules' examples; exampleGermanAddress one in Germany.
const (
	exampleAddress = "returnAddress:\n  name: Jane Doe\n  street1: 123 Any Street\n  city: Seattle\n" +
		"  stateOrProvince: WA\n  postalCode: 98101\n  phoneNumber: 206-555-1000\n  country: USA"
	exampleGermanAddress = "returnAddress:\n  name: Jana Schmidt\n  street1: Hauptstraße 1\n  city: Berlin\n" +
		"  postalCode: 10115\n  phoneNumber: +49 30 1234567\n  country: Germany"
)

// exampleAddressWith is exampleAddress with old replaced by new.
func exampleAddressWith(old, new string) string {
	return strings.Replace(exampleAddress, old, new, 1)
}

// addressExampleUSPostalCode is the ZIP code used in messages.
const addressExampleUSPostalCode = "98101"

// addressCountryRule is the address-country rule.
var addressCountryRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:  RuleAddressCountry,
		Fix: "Writes the English name of the one country a misspelt value most likely means (`Germny` becomes `Germany`) (unsafe: a guess).",
		Fixes: []manifest.FixCase{
			{Finding: "a country the linter does not know, with one likely meaning (`Germny`, `Holland`)", Does: "its English name (`Germany`, `Netherlands`)", Applicability: manifest.Unsafe, Why: "a guess"},
		},
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidAddress},
		Doc:      "returnAddress.country must be an ISO 3166 country: alpha-2 (`US`), alpha-3 (`USA`) or English name (`United States`), in any letter case.",
		Example: manifest.Example{Lang: "yaml",
			Before: exampleAddressWith("country: USA", "country: Untied States"),
			After:  exampleAddress,
		},
	},
	Check: checkAddressCountry,
}

// addressUSCARequiredRule is the address-us-ca-required rule.
var addressUSCARequiredRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleAddressUSCARequired,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.MissingManifestField},
		Doc:      "returnAddress.stateOrProvince and returnAddress.postalCode are required when the country is the United States or Canada.",
		Decisions: []string{
			"Only the United States (country `US`, `USA`, `United States`, ...) is a US address: Puerto Rico written as its own ISO country (`PR`) is not asked for a state or a postal code.",
			"stateOrProvince or postalCode present but empty for the US or Canada is an invalid value (InvalidAddressException at the value), not a missing field: a missing field is an absent key (spec §5).",
		},
		Example: manifest.Example{Lang: "yaml",
			Before: exampleAddressWith("  stateOrProvince: WA\n", ""),
			After:  exampleAddress,
		},
	},
	Check: checkAddressUSCARequired,
}

// addressStateRule is the address-state rule.
var addressStateRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:  RuleAddressState,
		Fix: "Writes the code in capitals (`wa` becomes `WA`), or the code of a state or province written by name (`Ontario` becomes `ON`) (safe).",
		Fixes: []manifest.FixCase{
			{Finding: "a US state or Canadian province by name or in lower case (`California`, `wa`, `Ontario`)", Does: "the upper-case postal code (`CA`, `WA`, `ON`)", Applicability: manifest.Safe},
		},
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidAddress},
		Doc:      "For the United States, stateOrProvince is a USPS state or territory code (`WA`, `DC`, `PR`); for Canada a province or territory code (`ON`, `BC`); in capitals.",
		Decisions: []string{
			"For the US, a USPS code of a state, `DC` or a territory (`PR`, `GU`, `VI`, `AS`, `MP`), in capitals: `wa` is invalid (the fix writes `WA`).",
			"The military codes `AA`, `AE` and `AP` are refused: APO/FPO/DPO addresses take mail only, like the post-office boxes the service does not ship to. `FM`, `MH` and `PW` are refused too: they are countries of their own (write them as returnAddress.country).",
			"For Canada the spec only requires stateOrProvince; it is checked too: one of the 13 Canada Post province and territory codes, in capitals.",
			"Only the United States (country `US`, `USA`, `United States`, ...) is a US address: Puerto Rico written as its own ISO country (`PR`) is not asked for a state.",
			"stateOrProvince or postalCode present but empty for the US or Canada is an invalid value (InvalidAddressException at the value), not a missing field: a missing field is an absent key (spec §5).",
		},
		Example: manifest.Example{Lang: "yaml",
			Before: exampleAddressWith("stateOrProvince: WA", "stateOrProvince: Washington"),
			After:  exampleAddress,
		},
	},
	Check: checkAddressState,
}

// addressPostalCodeRule is the address-postal-code rule.
var addressPostalCodeRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:  RuleAddressPostalCode,
		Fix: "Removes stray spaces, writes a ZIP+4 code with its hyphen and a Canadian code as `A1A 1A1` (safe); pads a four-digit ZIP code with the leading zero a spreadsheet dropped, only when the padded code belongs to the address's state (unsafe: a guess).",
		Fixes: []manifest.FixCase{
			{Finding: "a Canadian postal code without its space or in lower case (`m5v3l9`)", Does: "`M5V 3L9`", Applicability: manifest.Safe},
			{Finding: "a US ZIP with spaces around it; ZIP+4 without its hyphen (`981011234`, `98101 1234`)", Does: "`98101-1234`", Applicability: manifest.Safe},
			{Finding: "a 4-digit US ZIP (a leading zero lost: `2134`), only when the padded code belongs to the address's state (`2134` in MA; not `9810` in WA, as `09810` is a Massachusetts ZIP)", Does: "pad it: `02134`", Applicability: manifest.Unsafe, Why: "a guess"},
		},
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidAddress},
		Doc:      "For the United States, postalCode is `NNNNN` or `NNNNN-NNNN`, and its first three digits belong to stateOrProvince (USPS prefix table); for Canada `A1A 1A1`.",
		Decisions: []string{
			"A ZIP prefix USPS has not assigned inside a state's range (987 in WA) counts as that state's, so that a new assignment is no false alarm; a prefix that serves two states (063, 834, 967, 969) counts for both; the military prefixes (090-098, 340, 962-966) belong to no state.",
			"A Canadian postalCode is `A1A 1A1` exactly: capitals, one space, and the letters Canada Post uses (no D, F, I, O, Q, U; no W or Z first). `a1a1a1` and `A1A1A1` are invalid (the fix writes the written form).",
			"stateOrProvince or postalCode present but empty for the US or Canada is an invalid value (InvalidAddressException at the value), not a missing field: a missing field is an absent key (spec §5).",
		},
		Example: manifest.Example{Lang: "yaml",
			Note:   "a leading zero lost, or a digit missing",
			Before: exampleAddressWith("postalCode: 98101", "postalCode: 9810"),
			After:  exampleAddress,
		},
	},
	Check: checkAddressPostalCode,
}

// addressPhoneRule is the address-phone rule.
var addressPhoneRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleAddressPhone,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidAddress},
		Doc:      "returnAddress.phoneNumber has at least 7 digits and only digits, spaces and `+ - ( ) . x`.",
		Decisions: []string{
			"`x` (for an extension) is accepted in lower case only, as the spec writes it.",
		},
		Example: manifest.Example{Lang: "yaml",
			Before: exampleAddressWith("phoneNumber: 206-555-1000", "phoneNumber: 555-01"),
			After:  exampleAddress,
		},
	},
	Check: checkAddressPhone,
}

// addressPOBoxRule is the address-po-box rule.
var addressPOBoxRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleAddressPOBox,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidAddress},
		Doc:      "The service does not ship to post-office boxes: street1, street2 and street3 must not be a PO Box, nor a box in the words of the address's country (`Postfach`, `Packstation`, `Case postale`, `C.P.`, `Boîte postale`, `BP`, `Apartado`, `Casella postale`, `Postbus`).",
		Decisions: []string{
			"A PO box is `PO Box`, `P.O. Box`, `P O Box`, `POBox`, `GPO Box`, `Post Office Box`, or `POB` followed by a number, in any letter case, in street1, street2 or street3.",
			"A box in the words of the address's own country (`Postfach` in Germany, `BP 12` in France) counts in that country only: a word of another country's list is left alone (Apartado in Germany is a street name).",
			"The local words match in any letter case and as whole words, except `BP`, which matches only in capitals (with or without dots) before a number (`BP 123`, `B.P. 7`), as La Poste writes it, and `C.P.`, which matches only with its dots.",
		},
		Example: manifest.Example{Lang: "yaml",
			Before: exampleAddressWith("street1: 123 Any Street", "street1: PO Box 1234"),
			After:  exampleAddress,
		},
	},
	Check: checkAddressPOBox,
}

// addressEURegionRule is the address-eu-region rule.
var addressEURegionRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleAddressEURegion,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidAddress},
		Doc:      "A job in eu-west-1 must have a return address in the EU (the 28 member states of the service's time, the UK included).",
		Decisions: []string{
			"Territories of an EU member with their own ISO code (Åland, Gibraltar, Réunion, ...) are not in the EU here: the strict reading, which the examples pass.",
		},
		Example: manifest.Example{Lang: "yaml",
			Note:   "a job in eu-west-1 (--region eu-west-1)",
			Region: "eu-west-1",
			Before: exampleAddress,
			After:  exampleGermanAddress,
		},
	},
	Check: checkAddressEURegion,
}

// serviceLevelExpeditedRule is the service-level-expedited rule.
var serviceLevelExpeditedRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:  RuleServiceLevelExpedited,
		Fix: "Sets serviceLevel to `standard` (unsafe: slower shipping).",
		Fixes: []manifest.FixCase{
			{Finding: "`serviceLevel: expeditedShipping` where it is not offered", Does: "`standard`", Applicability: manifest.Unsafe, Why: "slower shipping"},
		},
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidManifestField},
		Doc:      "serviceLevel `expeditedShipping` needs a US return address and, when the job region is known, a us-* region.",
		Decisions: []string{
			"Only the United States (country `US`, `USA`, `United States`, ...) is a US address: Puerto Rico written as its own ISO country (`PR`) is not a US address for expeditedShipping.",
		},
		Example: manifest.Example{Lang: "yaml",
			Note:   "expedited shipping is for US return addresses only",
			Before: "serviceLevel: expeditedShipping\n" + exampleGermanAddress,
			After:  "serviceLevel: standard\n" + exampleGermanAddress,
		},
	},
	Check: checkServiceLevelExpedited,
}

// returnAddress is what the rules need of the returnAddress mapping.
type returnAddress struct {
	key, m *yaml.Node // the `returnAddress:` key and its mapping
	// countryNode is the country value when it is a scalar, else nil.
	countryNode *yaml.Node
	// country is the country it names; nil when absent or unknown.
	country *countryInfo
}

// readReturnAddress returns the returnAddress mapping; ok is false when it is
// absent or not a mapping.
func readReturnAddress(root *yaml.Node) (ra returnAddress, ok bool) {
	k, v := manifest.Get(root, "returnAddress")
	if !manifest.IsMapping(v) {
		return ra, false
	}
	ra.key, ra.m = k, v
	if n := manifest.Value(v, "country"); n != nil && n.Kind == yaml.ScalarNode {
		ra.countryNode = n
		ra.country = lookupCountry(n.Value)
	}
	return ra, true
}

// countryDesc describes a country value for messages, each thing once:
// "`USA` (United States)", or "`Germany`" when the value is the country's
// name.
func countryDesc(n *yaml.Node, c *countryInfo) string {
	if strings.EqualFold(strings.TrimSpace(n.Value), c.name) {
		return fmt.Sprintf("`%s`", n.Value)
	}
	return fmt.Sprintf("`%s` (%s)", n.Value, c.name)
}

// countryValue is " (`USA`)", the value that names a country, when it is
// not the country's name; "" when it is.
func countryValue(n *yaml.Node, c *countryInfo) string {
	if strings.EqualFold(strings.TrimSpace(n.Value), c.name) {
		return ""
	}
	return " (`" + n.Value + "`)"
}

// addrJobRegion returns the job's region in lower case, or "".
func addrJobRegion(c *Context) string {
	return strings.ToLower(strings.TrimSpace(c.Region))
}

// addrRegionDesc describes the job region for messages:
// "the job region is `eu-west-1` (from --region)".
func addrRegionDesc(c *Context) string {
	s := fmt.Sprintf("the job region is `%s`", addrJobRegion(c))
	if src := c.RegionSource.String(); src != "" {
		s += " (from " + src + ")"
	}
	return s
}

// unknownCountryDetail is the headline and help of a value that names no
// country.
func unknownCountryDetail(path, value string) (head, help string) {
	head = fmt.Sprintf("%s is %s, not an ISO 3166 country", path, manifest.Quote(value))
	s, c := nearestCountry(value)
	if c != nil { // the example is the country meant
		return head, fmt.Sprintf("did you mean %s? Write `%s`, `%s` or `%s`, in any letter case", c.name, c.alpha2, c.alpha3, c.name)
	}
	if s != "" {
		help = "did you mean " + s + "? "
	}
	return head, help + "write the country as its two-letter code (`DE`), three-letter code (`DEU`) or English name (`Germany`), in any letter case"
}

func checkAddressCountry(c *Context) []manifest.Finding {
	ra, ok := readReturnAddress(c.Root)
	if !ok || ra.countryNode == nil || ra.country != nil || ra.countryNode.Value == "" {
		return nil
	}
	head, help := unknownCountryDetail("returnAddress.country", ra.countryNode.Value)
	return []manifest.Finding{c.Errorf(manifest.InvalidAddress, c.Span(ra.countryNode), "returnAddress.country", head).
		WithHelp(help).WithFix(c.countryFix(ra.countryNode))}
}

// countryFix writes the English name of the one country an unknown country
// value most likely means (`Germny`, `Holland`): unsafe, a guess. Nil when
// there is no such country, or two.
func (c *Context) countryFix(n *yaml.Node) *manifest.Fix {
	_, country := nearestCountry(n.Value)
	if country == nil {
		return nil
	}
	return c.setValue(n, country.name, manifest.Unsafe, "Write `"+country.name+"` ("+country.alpha2+"; a guess)")
}

// isUSorCA reports whether the return address is in the US or Canada.
func (ra returnAddress) isUSorCA() bool {
	return ra.country != nil && (ra.country.alpha2 == "US" || ra.country.alpha2 == "CA")
}

func checkAddressUSCARequired(c *Context) []manifest.Finding {
	ra, ok := readReturnAddress(c.Root)
	if !ok || !ra.isUSorCA() {
		return nil
	}
	var fs []manifest.Finding
	for _, f := range [...]string{"stateOrProvince", "postalCode"} {
		if k, _ := manifest.Get(ra.m, f); k != nil {
			continue
		}
		example := "WA"
		switch {
		case f == "postalCode" && ra.country.alpha2 == "US":
			example = addressExampleUSPostalCode
		case f == "postalCode":
			example = "K1A 0B1"
		case ra.country.alpha2 == "CA":
			example = "ON"
		}
		fs = append(fs, c.Errorf(manifest.MissingManifestField, c.Span(ra.key), "returnAddress."+f,
			"returnAddress."+f+" is missing").
			WithHelp(fmt.Sprintf("an address in %s%s needs it: add `%s: %s` (yours) indented beneath `returnAddress:`",
				facilityPlace(ra.country), countryValue(ra.countryNode, ra.country), f, example)))
	}
	return fs
}

// usStates are the USPS codes accepted as stateOrProvince for the US: the
// states, DC and the inhabited territories.
var usStates = map[string]string{
	"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
	"CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
	"HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
	"KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
	"MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri",
	"MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
	"NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio",
	"OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
	"SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
	"VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
	"DC": "District of Columbia",
	"PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands", "AS": "American Samoa",
	"MP": "Northern Mariana Islands",
}

// usMilitary are the USPS codes of military mail (APO/FPO/DPO).
var usMilitary = map[string]string{"AA": "Armed Forces Americas", "AE": "Armed Forces Europe", "AP": "Armed Forces Pacific"}

// usFreelyAssociated are USPS codes of countries of their own.
var usFreelyAssociated = map[string]string{"FM": "Micronesia", "MH": "Marshall Islands", "PW": "Palau"}

// caProvinces are the Canada Post province and territory codes.
var caProvinces = map[string]string{
	"AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
	"NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "NT": "Northwest Territories",
	"NU": "Nunavut", "ON": "Ontario", "PE": "Prince Edward Island", "QC": "Quebec",
	"SK": "Saskatchewan", "YT": "Yukon",
}

// stateCodes returns the stateOrProvince codes accepted for a country
// (alpha-2), by name: what checkAddressState accepts and completion offers.
func stateCodes(alpha2 string) map[string]string {
	switch alpha2 {
	case "US":
		return usStates
	case "CA":
		return caProvinces
	}
	return nil
}

// addrCodeForName returns the code whose name is s (any case), or "".
func addrCodeForName(codes map[string]string, s string) string {
	s = strings.TrimSpace(s)
	for code, name := range codes {
		if strings.EqualFold(name, s) {
			return code
		}
	}
	return ""
}

// addrNameTypo is "did you mean `WA` (Washington)? " when s is a name of
// the table misspelt (`Washingon`), else "".
func addrNameTypo(codes map[string]string, s string) string {
	if len(strings.TrimSpace(s)) < 4 {
		return "" // a code, not a name: any two letters are near some code
	}
	best := manifest.Closest(s, slices.Sorted(maps.Values(codes)))
	for code, name := range codes {
		if name == best && best != "" {
			return fmt.Sprintf("did you mean `%s` (%s)? ", code, name)
		}
	}
	return ""
}

// addrSortedCodes lists the codes of a table, for messages.
func addrSortedCodes(codes map[string]string) string {
	return strings.Join(slices.Sorted(maps.Keys(codes)), ", ")
}

func checkAddressState(c *Context) []manifest.Finding {
	ra, ok := readReturnAddress(c.Root)
	if !ok || !ra.isUSorCA() {
		return nil
	}
	n := manifest.Value(ra.m, "stateOrProvince")
	v, ok := manifest.Text(n)
	if !ok {
		return nil
	}
	us := ra.country.alpha2 == "US"
	codes := stateCodes(ra.country.alpha2)
	if _, ok := codes[v]; ok {
		return nil
	}
	head := "returnAddress.stateOrProvince is " + manifest.Quote(v)
	if v == "" {
		head = "returnAddress.stateOrProvince is empty"
	}
	up := strings.ToUpper(strings.TrimSpace(v))
	var detail, help string
	var fix *manifest.Fix
	switch {
	case codes[up] != "":
		detail, help = head+", not in capitals", fmt.Sprintf("write the code exactly, in capitals: `%s`", up)
		fix = c.setValue(n, up, manifest.Safe, "Write the code `"+up+"`")
	case addrCodeForName(codes, v) != "":
		code := addrCodeForName(codes, v)
		detail, help = head+", a name, not a code", fmt.Sprintf("write its two-letter code instead: `%s`", code)
		fix = c.setValue(n, code, manifest.Safe, "Write the code `"+code+"` for "+codes[code])
	case us && usMilitary[up] != "":
		detail = fmt.Sprintf("%s (%s), a military APO/FPO/DPO code", head, usMilitary[up])
		help = "such an address takes mail only, like a post-office box, and the device cannot be delivered there: give a street address in a US state, DC or territory"
	case us && usFreelyAssociated[up] != "":
		detail = fmt.Sprintf("%s, the USPS code of %s, a country of its own", head, usFreelyAssociated[up])
		help = fmt.Sprintf("write `country: %s` and leave stateOrProvince out", usFreelyAssociated[up])
	case us:
		detail = head + ", not a USPS state code"
		help = addrNameTypo(codes, v) + "for an address in the United States, use the two-letter USPS code in capitals: a state (`WA`, `NY`), `DC`, or a territory (`PR`, `GU`, `VI`, `AS`, `MP`)"
	default:
		detail = head + ", not a Canadian province code"
		help = addrNameTypo(codes, v) + "for an address in Canada, use the code of a province or territory: " + addrSortedCodes(caProvinces)
	}
	return []manifest.Finding{c.Errorf(manifest.InvalidAddress, c.Span(n),
		"returnAddress.stateOrProvince", detail).WithHelp(help).WithFix(fix)}
}

// addrIsDigits reports whether s is non-empty and only ASCII digits.
func addrIsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// validUSZip reports whether s is `NNNNN` or `NNNNN-NNNN`.
func validUSZip(s string) bool {
	switch len(s) {
	case 5:
		return addrIsDigits(s)
	case 10:
		return addrIsDigits(s[:5]) && s[5] == '-' && addrIsDigits(s[6:])
	}
	return false
}

// Canada Post never uses D, F, I, O, Q or U, nor W or Z as the first letter.
const (
	caFirstLetters = "ABCEGHJKLMNPRSTVXY"
	caOtherLetters = "ABCEGHJKLMNPRSTVWXYZ"
)

// validCAPostal reports whether s is `A1A 1A1` with Canada Post's letters.
func validCAPostal(s string) bool {
	if len(s) != 7 || s[3] != ' ' {
		return false
	}
	letter := func(b byte, set string) bool { return strings.IndexByte(set, b) >= 0 }
	digit := func(b byte) bool { return '0' <= b && b <= '9' }
	return letter(s[0], caFirstLetters) && digit(s[1]) && letter(s[2], caOtherLetters) &&
		digit(s[4]) && letter(s[5], caOtherLetters) && digit(s[6])
}

func checkAddressPostalCode(c *Context) []manifest.Finding {
	ra, ok := readReturnAddress(c.Root)
	if !ok || !ra.isUSorCA() {
		return nil
	}
	n := manifest.Value(ra.m, "postalCode")
	v, ok := manifest.Text(n)
	if !ok {
		return nil
	}
	head := "returnAddress.postalCode is " + manifest.Quote(v)
	if v == "" {
		head = "returnAddress.postalCode is empty"
	}
	var detail, help string
	var edit *manifest.Fix
	if ra.country.alpha2 == "US" {
		state, _ := manifest.Text(manifest.Value(ra.m, "stateOrProvince"))
		if validUSZip(v) {
			return c.zipStateFinding(n, v, state)
		}
		fix := ""
		t := strings.TrimSpace(v)
		switch {
		case validUSZip(t):
			fix = fmt.Sprintf("; remove the spaces: `%s`", t)
			edit = c.setValue(n, t, manifest.Safe, "Remove the spaces: `"+t+"`")
		case len(t) == 9 && addrIsDigits(t):
			fix = fmt.Sprintf("; write ZIP+4 with a hyphen: `%s-%s`", t[:5], t[5:])
			edit = c.setValue(n, t[:5]+"-"+t[5:], manifest.Safe, "Write ZIP+4 with a hyphen: `"+t[:5]+"-"+t[5:]+"`")
		case len(t) == 10 && t[5] == ' ' && validUSZip(t[:5]+"-"+t[6:]):
			fix = fmt.Sprintf("; write ZIP+4 with a hyphen: `%s-%s`", t[:5], t[6:])
			edit = c.setValue(n, t[:5]+"-"+t[6:], manifest.Safe, "Write ZIP+4 with a hyphen: `"+t[:5]+"-"+t[6:]+"`")
		case len(t) == 4 && addrIsDigits(t):
			// Unsafe: a guess that the zero was lost; offered only when the
			// padded ZIP belongs to the address's state (`9810` in WA is
			// not `09810`, a Massachusetts ZIP).
			if fits, _ := zipFitsState("0"+t, state); fits {
				fix = fmt.Sprintf("; if a leading zero was lost, write `0%s`", t)
				edit = c.setValue(n, "0"+t, manifest.Unsafe, "Pad the ZIP code with a leading zero: `0"+t+"` (a guess)")
			}
		}
		detail = head + ", not a US ZIP code"
		help = fmt.Sprintf("a ZIP code is five digits (`%s`) or ZIP+4 (`%s-1234`)%s",
			addressExampleUSPostalCode, addressExampleUSPostalCode, fix)
	} else {
		if validCAPostal(v) {
			return nil
		}
		fix := ""
		t := strings.ToUpper(strings.Join(strings.Fields(v), ""))
		if len(t) == 6 && validCAPostal(t[:3]+" "+t[3:]) {
			fix = fmt.Sprintf("; write it as `%s %s`", t[:3], t[3:])
			edit = c.setValue(n, t[:3]+" "+t[3:], manifest.Safe, "Write the postal code as `"+t[:3]+" "+t[3:]+"`")
		}
		detail = head + ", not `A1A 1A1`"
		help = "a Canadian postal code is capital letters and digits alternating, with one space in the middle (`K1A 0B1`)" + fix
	}
	return []manifest.Finding{c.Errorf(manifest.InvalidAddress, c.Span(n),
		"returnAddress.postalCode", detail).WithHelp(help).WithFix(edit)}
}

// zipStateFinding reports a well-formed US ZIP code zip (the node n) whose
// 3-digit prefix does not belong to the address's state (spec §4.6 [D],
// the USPS prefix table of zipstate.go); nil when it does, or when the
// state is not a code of the table (address-state reports that).
func (c *Context) zipStateFinding(n *yaml.Node, zip, state string) []manifest.Finding {
	fits, known := zipFitsState(zip, state)
	if fits || !known {
		return nil
	}
	state = strings.TrimSpace(state)
	belongs := "no state"
	if st := zipStates(zip); st != "" {
		belongs = st
	}
	var starts []string
	for _, r := range zipStateRanges[state] {
		if r[0] == r[1] {
			starts = append(starts, fmt.Sprintf("%03d", r[0]))
		} else {
			starts = append(starts, fmt.Sprintf("%03d to %03d", r[0], r[1]))
		}
	}
	return []manifest.Finding{c.Errorf(manifest.InvalidAddress, c.Span(n), "returnAddress.postalCode",
		fmt.Sprintf("returnAddress.postalCode `%s` is not a ZIP code of %s (%s is %s)", zip, state, zip[:3], belongs)).
		WithHelp(fmt.Sprintf("ZIP codes of %s start with %s (USPS 3-digit prefixes); a ZIP code starting %s belongs to %s: correct the postal code or stateOrProvince",
			state, joinOr(starts), zip[:3], belongs))}
}

// joinOr joins items as "a, b or c".
func joinOr(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// phoneMinDigits is the fewest digits a phone number can have (spec §4.6).
const phoneMinDigits = 7

func checkAddressPhone(c *Context) []manifest.Finding {
	ra, ok := readReturnAddress(c.Root)
	if !ok {
		return nil
	}
	n := manifest.Value(ra.m, "phoneNumber")
	v, ok := manifest.Text(n)
	if !ok || v == "" {
		return nil
	}
	digits := 0
	var bad []rune
	for _, r := range v {
		switch {
		case '0' <= r && r <= '9':
			digits++
		case strings.ContainsRune(" +-().x", r):
		default:
			if !strings.ContainsRune(string(bad), r) {
				bad = append(bad, r)
			}
		}
	}
	var detail, help string
	switch {
	case len(bad) > 0:
		detail = fmt.Sprintf("returnAddress.phoneNumber %s holds %s", manifest.Quote(v), phoneBadKind(bad))
		help = "a phone number may hold only digits, spaces and `+ - ( ) . x` (`x` before an extension: `206-555-0100 x12`)"
		if digits < phoneMinDigits {
			help += fmt.Sprintf("; it also has %d digits, and needs at least %d", digits, phoneMinDigits)
		}
	case digits < phoneMinDigits:
		detail = fmt.Sprintf("returnAddress.phoneNumber %s has %d digits, fewer than %d", manifest.Quote(v), digits, phoneMinDigits)
		help = "give the full number with its area code, and the country code from abroad (`+49 30 1234567`)"
	default:
		return nil
	}
	return []manifest.Finding{c.Errorf(manifest.InvalidAddress, c.Span(n),
		"returnAddress.phoneNumber", detail).WithHelp(help)}
}

// phoneBadKind names the characters a phone number may not hold by kind,
// once: "letters", "`/`", "letters and other characters".
func phoneBadKind(bad []rune) string {
	var letters, other []string
	for _, r := range bad {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			letters = append(letters, "`"+string(r)+"`")
		} else {
			other = append(other, "`"+string(r)+"`")
		}
	}
	if len(letters) == 1 { // `X` for x: worth naming
		other, letters = append(letters, other...), nil
	}
	switch {
	case len(letters) > 0 && len(other) == 0:
		return "letters"
	case len(letters) > 0:
		return "letters and " + strings.Join(other, " ")
	case len(other) == 1:
		return other[0]
	}
	return "characters " + strings.Join(other, " ")
}

// poBox matches a post-office box in a street line (see the file comment).
var poBox = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:g\.?\s*)?p\.?\s*o\.?\s*box\b|\bpost\s+office\s+box\b|\bp\.?\s*o\.?\s*b\.?\s*\d`)
})

// mayBePOBox reports whether v has the letters every poBox match has, a p
// and a b in either case (neither folds to another character): most
// streets have no b, and a one-file run then never compiles poBox.
func mayBePOBox(v string) bool { return strings.ContainsAny(v, "pP") && strings.ContainsAny(v, "bB") }

func checkAddressPOBox(c *Context) []manifest.Finding {
	ra, ok := readReturnAddress(c.Root)
	if !ok {
		return nil
	}
	var fs []manifest.Finding
	for _, f := range [...]string{"street1", "street2", "street3"} {
		n := manifest.Value(ra.m, f)
		v, ok := manifest.Text(n)
		if !ok || v == "" {
			continue
		}
		m := ""
		if mayBePOBox(v) {
			m = poBox().FindString(v)
		}
		if m == "" && ra.country != nil {
			if lm, what := localPOBox(ra.country.alpha2, v); lm != "" {
				head := fmt.Sprintf("returnAddress.%s is %s in %s: `%s`", f, what, ra.country, v)
				if len(head) > 90 {
					head = fmt.Sprintf("returnAddress.%s is %s in %s: `%s…`", f, what, ra.country, lm)
				}
				fs = append(fs, c.Errorf(manifest.InvalidAddress, c.Span(n), "returnAddress."+f, head).
					WithHelp(fmt.Sprintf("`%s` is %s in %s, and the service does not ship to post-office boxes or parcel lockers: give a street address where a carrier can hand over the device",
						lm, what, ra.country.name)))
				continue
			}
		}
		if m == "" {
			continue
		}
		fs = append(fs, c.Errorf(manifest.InvalidAddress, c.Span(n),
			"returnAddress."+f,
			fmt.Sprintf("returnAddress.%s is a post-office box (%s)", f, manifest.Quote(v))).
			WithHelp("the service does not ship to post-office boxes: give a street address where a carrier can hand over the device"))
	}
	return fs
}

func checkAddressEURegion(c *Context) []manifest.Finding {
	if addrJobRegion(c) != "eu-west-1" {
		return nil
	}
	ra, ok := readReturnAddress(c.Root)
	if !ok || ra.country == nil || ra.country.inEU() {
		return nil
	}
	return []manifest.Finding{c.Errorf(manifest.InvalidAddress, c.Span(ra.countryNode), "returnAddress.country",
		fmt.Sprintf("returnAddress.country is %s, not in the EU", countryDesc(ra.countryNode, ra.country))).
		WithHelp(addrRegionDesc(c) +
			", served by the facility in Ireland, which returns devices only to addresses in the EU (the 28 member states of the service's time, the UK included): give a return address in the EU, or create the job in the region that serves your country")}
}

func checkServiceLevelExpedited(c *Context) []manifest.Finding {
	n := manifest.Value(c.Root, "serviceLevel")
	if v, ok := manifest.Text(n); !ok || v != "expeditedShipping" {
		return nil
	}
	var why []string
	help := "expedited shipping is offered only for return addresses in the United States, on jobs in a us-* region: write `serviceLevel: standard` or remove the line"
	if ra, ok := readReturnAddress(c.Root); ok && ra.country != nil && ra.country.alpha2 != "US" {
		why = append(why, "the country is "+countryDesc(ra.countryNode, ra.country))
	}
	if r := addrJobRegion(c); r != "" && !strings.HasPrefix(r, "us-") {
		why = append(why, "the region is `"+r+"`")
		if src := c.RegionSource.String(); src != "" {
			help = "the job region is from " + src + "; " + help
		}
	}
	if len(why) == 0 {
		return nil
	}
	return []manifest.Finding{c.Errorf(manifest.InvalidManifestField, c.Span(n), "serviceLevel",
		fmt.Sprintf("`expeditedShipping`, but %s", strings.Join(why, ", and "))).
		WithHelp(help).
		// Unsafe: the device comes back more slowly than asked for.
		WithFix(c.setValue(n, "standard", manifest.Unsafe, "Set serviceLevel to `standard` (slower shipping)"))}
}
