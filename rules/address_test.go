package rules

import (
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// addrWant is one expected finding of a rule.
type addrWant struct {
	code      manifest.Code
	path      string
	line, col int
	// msg are fragments the message must contain.
	msg []string
}

// addrCase is one table case: a rule run on a manifest in a region.
type addrCase struct {
	name   string
	rule   Rule
	region string
	src    string
	want   []addrWant
}

// addrContext sets the job region given on the command line, if any.
func addrContext(region string) func(*Context) {
	return func(c *Context) {
		if region != "" {
			c.Region, c.RegionSource = region, manifest.Source{Kind: manifest.SourceFlag, Name: "--region"}
		}
	}
}

// addrRun parses src and runs r on it with the job region region.
func addrRun(t *testing.T, r Rule, region, src string) []manifest.Finding {
	t.Helper()
	doc, fs := manifest.Parse("test.yaml", []byte(src))
	if doc.Root == nil {
		t.Fatalf("manifest does not parse: %v", fs)
	}
	kind, _ := manifest.InferKind(doc.Root, "")
	c := famContext(t, kind, src)
	addrContext(region)(c)
	return r.Run(c)
}

// addrRunCases runs a table of cases through the field rules' harness
// (runFamCases): the kind is inferred from the manifest.
func addrRunCases(t *testing.T, cases []addrCase) {
	t.Helper()
	for _, tc := range cases {
		doc, _ := manifest.Parse("test.yaml", []byte(tc.src))
		kind, _ := manifest.InferKind(doc.Root, "")
		fc := famCase{name: tc.name, kind: kind, src: tc.src, ctx: addrContext(tc.region)}
		for _, w := range tc.want {
			fc.want = append(fc.want, famWant{code: w.code, path: w.path, line: w.line, col: w.col, frags: w.msg})
		}
		runFamCases(t, &tc.rule, []famCase{fc})
	}
}

// addrUS is a valid US return address. Lines: 2 returnAddress, 3 name,
// 4 street1, 5 city, 6 stateOrProvince (value column 20), 7 postalCode
// (15), 8 phoneNumber (16), 9 country (12).
const addrUS = `manifestVersion: 2.0
returnAddress:
  name: Jane Roe
  street1: 123 Any Street
  city: Seattle
  stateOrProvince: WA
  postalCode: 98101
  phoneNumber: 206-555-0100
  country: USA
`

// addrWith returns addrUS with each pair of old, new strings replaced.
func addrWith(pairs ...string) string {
	return strings.NewReplacer(pairs...).Replace(addrUS)
}

// The valid examples of testdata/spec-examples, verbatim.
var addrValidExamples = map[string]string{
	"dg-export-customs.yaml": `manifestVersion: 2.0
deviceId: HD001
fileSystem: NTFS
logBucket: logging-bucket
logPrefix: logs/
trueCryptPassword: apassword
recoveryDirectory: LostAndFound
operations:
  - exportBucket: bucket-data-comes-from
    targetDirectory: myexport/stuff
    beginMarker: images/starwars
    endMarker: images/xena
    prefix: exported/
returnAddress:
    name: Erika Mustermann
    street1: Hauptstrasse 1
    city: Berlin
    postalCode: 10115
    phoneNumber: +49 30 1234567
    country: Germany
customs:
     dataDescription: This device contains medical test results.
     encryptedData: yes
     encryptionClassification: 5D992
     exportCertifierName: John Doe
     requiresExportLicense: yes
     deviceValue: 250.00
     deviceCountryOfOrigin: China
     deviceType: externalStorageDevice
     typeOfExport: return
`,
	"sdk-live-test-2015.yaml": `manifestVersion: 2.0
accessKeyId: AKIAIOSFODNN7EXAMPLE
bucket: importexport-integ-test
deviceId: ABCDE
generator: AWS ImportExport Web Service Tool 1.0
prefix: imported/
eraseDevice: yes
notificationEmail: nobody@amazon.com
returnAddress:
    name: Joe Random
    company: Amazon Web Services
    street1: 123 Any Street
    city: Seattle
    stateOrProvince: WA
    postalCode: 91111
    phoneNumber: 555-555-0100
    country: USA
serviceLevel: expeditedShipping
`,
	"dg-glacier-import.yaml": `manifestVersion: 3.0
deviceId: 532404500021
eraseDevice: yes
notificationEmail: john.doe@example.com
logBucket: my-import-logs
operations:
  - destination: glacier
    source: device
    region: us-east-1
    vaultName: 2012-07_archive
    archiveComment: daily_2012-07-24
returnAddress:
    name: Jane Roe
    street1: 123 Any Street
    city: Anytown
    stateOrProvince: WA
    postalCode: 91011-1111
    phoneNumber: 206-555-1111
    country: USA
`,
	"cli-get-status-echo.yaml": `manifestVersion:2.0
generator:Text editor
bucket:myBucket
deviceId:49382
eraseDevice:yes
notificationEmail:john.doe@example.com;jane.roe@example.com
trueCryptPassword:password123
acl:private
serviceLevel:standard
returnAddress:
    name: Jane Roe
    company: Example Corp.
    street1: 123 Any Street
    street2:
    street3:
    city: Anytown
    stateOrProvince: WA
    postalCode: 91011-1111
    country:USA
    phoneNumber:206-555-1111
`,
	"dg-import-minimal.yaml": `manifestVersion: 2.0
accessKeyId: 11118346FH746RYTE34
returnAddress:
   name: Amazon.com ATTN Joe Random ` + `
   street1: 120 Nosuch Ave S.
   city: Seattle
   stateOrProvince: WA
   postalCode: 91111
   phoneNumber: 206-266-0000
   country: USA
deviceId: 49382
eraseDevice: no
bucket: myBucket
`,
}

// TestAddressRulesValidExamples: the valid examples give no finding from
// any rule of address.go and customs.go, with the region unknown and with
// the region each could run in, but for the one AWS's examples share: a
// Pasadena, CA ZIP code (911xx, 910xx) with stateOrProvince WA, which the
// ZIP-vs-state check (spec §4.6) reports.
func TestAddressRulesValidExamples(t *testing.T) {
	rules := []Rule{addressCountryRule, addressUSCARequiredRule, addressStateRule, addressPostalCodeRule,
		addressPhoneRule, addressPOBoxRule, addressEURegionRule, serviceLevelExpeditedRule,
		customsRequiredRule, customsCountryRule, customsEncryptionClassificationRule}
	regions := map[string][]string{
		"dg-export-customs.yaml":   {"", "eu-west-1", "us-east-1"},
		"sdk-live-test-2015.yaml":  {"", "us-east-1", "us-west-2"},
		"dg-glacier-import.yaml":   {"", "us-east-1"},
		"cli-get-status-echo.yaml": {"", "us-west-1"},
		"dg-import-minimal.yaml":   {"", "us-east-1"},
	}
	zipNotInState := map[string]string{
		"sdk-live-test-2015.yaml":  "`91111` is not a ZIP code of WA (911 is CA)",
		"dg-glacier-import.yaml":   "`91011-1111` is not a ZIP code of WA (910 is CA)",
		"cli-get-status-echo.yaml": "`91011-1111` is not a ZIP code of WA (910 is CA)",
		"dg-import-minimal.yaml":   "`91111` is not a ZIP code of WA (911 is CA)",
	}
	for name, src := range addrValidExamples {
		for _, region := range regions[name] {
			for _, r := range rules {
				got := addrRun(t, r, region, src)
				if want := zipNotInState[name]; r.ID == RuleAddressPostalCode && want != "" {
					if len(got) != 1 || !strings.Contains(got[0].Message, want) {
						t.Errorf("%s, region %q: want the ZIP-vs-state finding %q, got %+v", name, region, want, got)
					}
					continue
				}
				if len(got) != 0 {
					t.Errorf("%s, region %q: rule %s: %+v", name, region, r.ID, got)
				}
			}
		}
	}
}

// TestAddressRulesInRegistry: every rule of this family is registered once.
func TestAddressRulesInRegistry(t *testing.T) {
	ids := []string{RuleAddressCountry, RuleAddressUSCARequired, RuleAddressState, RuleAddressPostalCode,
		RuleAddressPhone, RuleAddressPOBox, RuleAddressEURegion, RuleServiceLevelExpedited,
		RuleCustomsRequired, RuleCustomsCountry, RuleCustomsEncryptionClassification}
	for _, id := range ids {
		n := 0
		for _, r := range All {
			if r.ID == id {
				n++
				if r.Doc == "" || len(r.Codes) == 0 || r.Check == nil {
					t.Errorf("rule %s: incomplete entry", id)
				}
			}
		}
		if n != 1 {
			t.Errorf("rule %s registered %d times, want 1", id, n)
		}
	}
}

func TestAddressCountry(t *testing.T) {
	r := addressCountryRule
	bad := func(line, col int, msg ...string) []addrWant {
		return []addrWant{{manifest.InvalidAddress, "returnAddress.country", line, col, msg}}
	}
	addrRunCases(t, []addrCase{
		{name: "alpha-3", rule: r, src: addrUS},
		{name: "alpha-2 lower case", rule: r, src: addrWith("country: USA", "country: us")},
		{name: "ISO short name", rule: r, src: addrWith("country: USA", "country: United States of America")},
		{name: "common name any case", rule: r, src: addrWith("country: USA", "country: UNITED STATES")},
		{name: "ISO name with (the)", rule: r, src: addrWith("country: USA", "country: United States of America (the)")},
		{name: "United Kingdom", rule: r, src: addrWith("country: USA", "country: United Kingdom")},
		{name: "Germany", rule: r, src: addrWith("country: USA", "country: germany")},
		{name: "China", rule: r, src: addrWith("country: USA", "country: China")},
		{name: "Korea, Republic of", rule: r, src: addrWith("country: USA", "country: 'Korea, Republic of'")},
		{name: "typographic apostrophe", rule: r, src: addrWith("country: USA", "country: Côte d’Ivoire")},
		{name: "empty is the schema's", rule: r, src: addrWith("country: USA", "country:")},
		{name: "list is the schema's", rule: r, src: addrWith("country: USA", "country: [US]")},
		{name: "misspelt", rule: r, src: addrWith("country: USA", "country: Germny"),
			want: bad(9, 12, "`Germny`", "not an ISO 3166 country", "did you mean Germany?", "`DE`, `DEU` or `Germany`")},
		{name: "misspelt long", rule: r, src: addrWith("country: USA", "country: Untied States"),
			want: bad(9, 12, "did you mean United States?")},
		{name: "England hints United Kingdom", rule: r, src: addrWith("country: USA", "country: England"),
			want: bad(9, 12, "`England`", "did you mean United Kingdom?")},
		{name: "Korea is ambiguous", rule: r, src: addrWith("country: USA", "country: Korea"),
			want: bad(9, 12, "`North Korea` (KP)", "`South Korea` (KR)")},
		{name: "unknown code", rule: r, src: addrWith("country: USA", "country: XX"),
			want: bad(9, 12, "`XX`", "not an ISO 3166 country")},
		{name: "no punctuation forgiven", rule: r, src: addrWith("country: USA", "country: US1"),
			want: bad(9, 12, "`US1`")},
		{name: "not English", rule: r, src: addrWith("country: USA", "country: Deutschland"),
			want: bad(9, 12, "`Deutschland`")},
		{name: "returnAddress not a mapping", rule: r, src: "manifestVersion: 2.0\nreturnAddress: none\n"},
		{name: "no returnAddress", rule: r, src: "manifestVersion: 2.0\n"},
	})
}

func TestAddressUSCARequired(t *testing.T) {
	r := addressUSCARequiredRule
	missing := func(f string, msg ...string) addrWant {
		return addrWant{manifest.MissingManifestField, "returnAddress." + f, 2, 1,
			append([]string{"returnAddress." + f + " is missing"}, msg...)}
	}
	addrRunCases(t, []addrCase{
		{name: "both present", rule: r, src: addrUS},
		{name: "US without state", rule: r, src: addrWith("  stateOrProvince: WA\n", ""),
			want: []addrWant{missing("stateOrProvince", "an address in the United States (`USA`) needs it", "`stateOrProvince: WA`")}},
		{name: "US without postal code", rule: r, src: addrWith("  postalCode: 98101\n", ""),
			want: []addrWant{missing("postalCode", "`USA`", "`postalCode: 98101`")}},
		{name: "Canada without both", rule: r,
			src: addrWith("  stateOrProvince: WA\n", "", "  postalCode: 98101\n", "", "country: USA", "country: Canada"),
			want: []addrWant{missing("stateOrProvince", "an address in Canada needs it", "`stateOrProvince: ON`"),
				missing("postalCode", "`postalCode: K1A 0B1`")}},
		{name: "empty state is present", rule: r, src: addrWith("stateOrProvince: WA", "stateOrProvince:")},
		{name: "Germany needs neither", rule: r,
			src: addrWith("  stateOrProvince: WA\n", "", "  postalCode: 98101\n", "", "country: USA", "country: DE")},
		{name: "unknown country needs neither", rule: r,
			src: addrWith("  stateOrProvince: WA\n", "", "country: USA", "country: Narnia")},
		{name: "Puerto Rico as a country", rule: r,
			src: addrWith("  stateOrProvince: WA\n", "", "country: USA", "country: PR")},
	})
}

func TestAddressState(t *testing.T) {
	r := addressStateRule
	bad := func(msg ...string) []addrWant {
		return []addrWant{{manifest.InvalidAddress, "returnAddress.stateOrProvince", 6, 20, msg}}
	}
	ca := func(state string) string {
		return addrWith("stateOrProvince: WA", "stateOrProvince: "+state, "postalCode: 98101", "postalCode: K1A 0B1",
			"country: USA", "country: CA")
	}
	addrRunCases(t, []addrCase{
		{name: "WA", rule: r, src: addrUS},
		{name: "DC", rule: r, src: addrWith("stateOrProvince: WA", "stateOrProvince: DC")},
		{name: "PR", rule: r, src: addrWith("stateOrProvince: WA", "stateOrProvince: PR")},
		{name: "GU", rule: r, src: addrWith("stateOrProvince: WA", "stateOrProvince: GU")},
		{name: "VI", rule: r, src: addrWith("stateOrProvince: WA", "stateOrProvince: VI")},
		{name: "lower case", rule: r, src: addrWith("stateOrProvince: WA", "stateOrProvince: wa"),
			want: bad("`wa`", "in capitals: `WA`")},
		{name: "full name", rule: r, src: addrWith("stateOrProvince: WA", "stateOrProvince: Washington"),
			want: bad("`Washington`", "two-letter code instead: `WA`")},
		{name: "unknown", rule: r, src: addrWith("stateOrProvince: WA", "stateOrProvince: XY"),
			want: bad("`XY`", "not a USPS state code", "`DC`", "`PR`")},
		{name: "misspelt name", rule: r, src: addrWith("stateOrProvince: WA", "stateOrProvince: Washingon"),
			want: bad("`Washingon`", "did you mean `WA` (Washington)?")},
		{name: "military", rule: r, src: addrWith("stateOrProvince: WA", "stateOrProvince: AE"),
			want: bad("`AE`", "Armed Forces Europe", "APO/FPO/DPO", "cannot be delivered")},
		{name: "freely associated", rule: r, src: addrWith("stateOrProvince: WA", "stateOrProvince: PW"),
			want: bad("`PW`", "Palau", "`country: Palau`")},
		{name: "empty", rule: r, src: addrWith("stateOrProvince: WA", "stateOrProvince:"),
			want: []addrWant{{manifest.InvalidAddress, "returnAddress.stateOrProvince", 6, 19, []string{"is empty"}}}},
		{name: "Canada ON", rule: r, src: ca("ON")},
		{name: "Canada lower case", rule: r, src: ca("bc"), want: bad("`bc`", "`BC`")},
		{name: "Canada name", rule: r, src: ca("Quebec"), want: bad("`QC`")},
		{name: "Canada US code", rule: r, src: ca("WA"),
			want: bad("`WA`", "not a Canadian province code", "AB, BC, MB")},
		{name: "other country is free text", rule: r,
			src: addrWith("stateOrProvince: WA", "stateOrProvince: Bavaria", "country: USA", "country: Germany")},
		{name: "absent is another rule's", rule: r, src: addrWith("  stateOrProvince: WA\n", "")},
	})
}

func TestAddressPostalCode(t *testing.T) {
	r := addressPostalCodeRule
	bad := func(msg ...string) []addrWant {
		return []addrWant{{manifest.InvalidAddress, "returnAddress.postalCode", 7, 15, msg}}
	}
	us := func(pc string) string { return addrWith("postalCode: 98101", "postalCode: "+pc) }
	ma := func(pc string) string {
		return addrWith("stateOrProvince: WA", "stateOrProvince: MA", "postalCode: 98101", "postalCode: "+pc)
	}
	ca := func(pc string) string {
		return addrWith("stateOrProvince: WA", "stateOrProvince: ON", "postalCode: 98101", "postalCode: "+pc,
			"country: USA", "country: Canada")
	}
	addrRunCases(t, []addrCase{
		{name: "ZIP", rule: r, src: addrUS},
		{name: "ZIP+4", rule: r, src: us("98052-1111")},
		{name: "leading zero kept", rule: r, src: ma("02110")},
		{name: "four digits", rule: r, src: ma("2110"), want: bad("`2110`", "not a US ZIP code", "`02110`")},
		{name: "nine digits", rule: r, src: us("980521234"), want: bad("`98052-1234`")},
		{name: "ZIP+4 with space", rule: r, src: us("'98052 1234'"), want: bad("`98052-1234`")},
		{name: "letters", rule: r, src: us("SW1A 1AA"), want: bad("`SW1A 1AA`", "five digits")},
		{name: "empty", rule: r, src: us(""),
			want: []addrWant{{manifest.InvalidAddress, "returnAddress.postalCode", 7, 14, []string{"is empty"}}}},
		{name: "Canada", rule: r, src: ca("K1A 0B1")},
		{name: "Canada without space", rule: r, src: ca("K1A0B1"),
			want: bad("`K1A0B1`", "not `A1A 1A1`", "write it as `K1A 0B1`")},
		{name: "Canada lower case", rule: r, src: ca("k1a 0b1"), want: bad("write it as `K1A 0B1`")},
		{name: "Canada letter never used", rule: r, src: ca("D1A 0B1"), want: bad("`D1A 0B1`", "`A1A 1A1`")},
		{name: "Canada US ZIP", rule: r, src: ca("98101"), want: bad("`98101`")},
		{name: "Germany free text", rule: r, src: addrWith("postalCode: 98101", "postalCode: D-10115", "country: USA", "country: DEU")},
		{name: "absent is another rule's", rule: r, src: addrWith("  postalCode: 98101\n", "")},
	})
}

// TestAddressZIPState: a US ZIP code's 3-digit prefix belongs to its state
// (spec §4.6, USPS prefixes), and the leading-zero fix of a four-digit ZIP
// is offered only when the padded code belongs to the state.
func TestAddressZIPState(t *testing.T) {
	r := addressPostalCodeRule
	at := func(state, zip string) string {
		return addrWith("stateOrProvince: WA", "stateOrProvince: "+state, "postalCode: 98101", "postalCode: "+zip)
	}
	bad := func(msg ...string) []addrWant {
		return []addrWant{{manifest.InvalidAddress, "returnAddress.postalCode", 7, 15, msg}}
	}
	addrRunCases(t, []addrCase{
		{name: "Seattle, WA", rule: r, src: at("WA", "98101")},
		{name: "Pasadena ZIP in WA", rule: r, src: at("WA", "91111"), want: bad("returnAddress.postalCode `91111` is not a ZIP code of WA (911 is CA)")},
		{name: "ZIP+4 of another state", rule: r, src: at("WA", "10001-1234"), want: bad("`10001-1234` is not a ZIP code of WA (100 is NY)")},
		{name: "Boston, MA", rule: r, src: at("MA", "02110")},
		{name: "Andover IRS, MA", rule: r, src: at("MA", "05501")},
		{name: "Vermont 05501 is MA's", rule: r, src: at("VT", "05501"), want: bad("(055 is MA)")},
		{name: "Washington, DC", rule: r, src: at("DC", "20500")},
		{name: "Dulles, VA", rule: r, src: at("VA", "20166")},
		{name: "Austin IRS, TX", rule: r, src: at("TX", "73301")},
		{name: "El Paso, TX", rule: r, src: at("TX", "88510")},
		{name: "Oklahoma City, OK", rule: r, src: at("OK", "73102")},
		{name: "San Juan, PR", rule: r, src: at("PR", "00901")},
		{name: "Guam", rule: r, src: at("GU", "96910")},
		{name: "Saipan, MP", rule: r, src: at("MP", "96950")},
		{name: "American Samoa", rule: r, src: at("AS", "96799")},
		{name: "Fishers Island, NY", rule: r, src: at("NY", "06390")},
		{name: "Alta, WY", rule: r, src: at("WY", "83414")},
		{name: "Honolulu in AK", rule: r, src: at("AK", "96813"), want: bad("(968 is HI)")},
		{name: "military prefix", rule: r, src: at("WA", "09012"), want: bad("(090 is no state)")},
		{name: "an unknown state is address-state's", rule: r, src: at("XX", "91111")},
		{name: "a lower-case state is address-state's", rule: r, src: at("wa", "91111")},
		{name: "absent state is another rule's", rule: r, src: addrWith("  stateOrProvince: WA\n", "", "postalCode: 98101", "postalCode: 91111")},
	})
	fixOf := func(state, zip string) *manifest.Fix {
		t.Helper()
		fs := addrRun(t, r, "", at(state, zip))
		if len(fs) != 1 {
			t.Fatalf("%s %s: got %d findings, want 1", state, zip, len(fs))
		}
		if strings.Contains(fs[0].Help, "leading zero") != (fs[0].Fix != nil) {
			t.Errorf("%s %s: the help and the fix disagree about the leading zero: %q, fix %v", state, zip, fs[0].Help, fs[0].Fix)
		}
		return fs[0].Fix
	}
	if f := fixOf("WA", "9810"); f != nil {
		t.Errorf("9810 in WA: offered %q, but 09810 is a Massachusetts ZIP", f.Title)
	}
	if f := fixOf("MA", "2110"); f == nil || f.Applicability != manifest.Unsafe || len(f.Edits) != 1 || f.Edits[0].New != "02110" {
		t.Errorf("2110 in MA: want the unsafe fix 02110, got %+v", f)
	}
	if f := fixOf("NJ", "7030"); f == nil {
		t.Errorf("7030 in NJ: want the fix 07030")
	}
	if f := fixOf("", "2110"); f != nil {
		t.Errorf("an empty state: the padded ZIP cannot be checked, but %q was offered", f.Title)
	}
	for st := range zipStateRanges {
		if usStates[st] == "" {
			t.Errorf("the ZIP table has %s, which is not a state code address-state accepts", st)
		}
	}
	for st := range usStates {
		if _, ok := zipStateRanges[st]; !ok {
			t.Errorf("the ZIP table lacks %s", st)
		}
	}
}

func TestAddressPhone(t *testing.T) {
	r := addressPhoneRule
	bad := func(msg ...string) []addrWant {
		return []addrWant{{manifest.InvalidAddress, "returnAddress.phoneNumber", 8, 16, msg}}
	}
	ph := func(p string) string { return addrWith("phoneNumber: 206-555-0100", "phoneNumber: "+p) }
	addrRunCases(t, []addrCase{
		{name: "dashes", rule: r, src: addrUS},
		{name: "international", rule: r, src: ph("+49 30 1234567")},
		{name: "parentheses and dots", rule: r, src: ph("(206) 555.0100")},
		{name: "extension", rule: r, src: ph("206-555-0100 x12")},
		{name: "seven digits", rule: r, src: ph("555-0100")},
		{name: "six digits", rule: r, src: ph("555-010"), want: bad("`555-010`", "has 6 digits", "fewer than 7")},
		{name: "letters", rule: r, src: ph("206-555-0100 ext 12"),
			want: bad("`206-555-0100 ext 12` holds letters", "only digits, spaces and `+ - ( ) . x`")},
		{name: "letters and too few digits", rule: r, src: ph("12ab"),
			want: bad("`12ab` holds letters", "it also has 2 digits, and needs at least 7")},
		{name: "capital X", rule: r, src: ph("206-555-0100 X12"), want: bad("`X`")},
		{name: "slash", rule: r, src: ph("206/555-0100"), want: bad("`/`")},
		{name: "empty is the schema's", rule: r, src: ph("")},
	})
}

func TestAddressPOBox(t *testing.T) {
	r := addressPOBoxRule
	st := func(s string) string { return addrWith("street1: 123 Any Street", "street1: "+s) }
	bad := func(match string) []addrWant {
		return []addrWant{{manifest.InvalidAddress, "returnAddress.street1", 4, 12,
			[]string{"post-office box (`" + match, "does not ship to post-office boxes", "street address"}}}
	}
	addrRunCases(t, []addrCase{
		{name: "street", rule: r, src: addrUS},
		{name: "PO Box", rule: r, src: st("PO Box 123"), want: bad("PO Box")},
		{name: "P.O. Box", rule: r, src: st("P.O. Box 123"), want: bad("P.O. Box")},
		{name: "p o box", rule: r, src: st("p o box 123"), want: bad("p o box")},
		{name: "POBox", rule: r, src: st("POBox 9"), want: bad("POBox")},
		{name: "Post Office Box", rule: r, src: st("post office box 12"), want: bad("post office box")},
		{name: "GPO Box", rule: r, src: st("GPO Box 1234"), want: bad("GPO Box")},
		{name: "POB 12", rule: r, src: st("POB 12"), want: bad("POB 1")},
		{name: "Depot Boxer Street", rule: r, src: st("12 Depot Boxer Street")},
		{name: "Pobst Road", rule: r, src: st("12 Pobst Road")},
		{name: "Hippo Box Lane", rule: r, src: st("1 Hippo Box Lane")},
		{name: "street2", rule: r, src: addrWith("  city:", "  street2: Suite 5, PO Box 7\n  city:"),
			want: []addrWant{{manifest.InvalidAddress, "returnAddress.street2", 5, 12, []string{"returnAddress.street2"}}}},
		{name: "empty street2 and street3", rule: r, src: addrWith("  city:", "  street2:\n  street3:\n  city:")},
	})
}

// TestAddressPOBoxLocalWords: a post-office box in the words of the
// address's country is found there, and only there (spec §4.6).
func TestAddressPOBoxLocalWords(t *testing.T) {
	r := addressPOBoxRule
	in := func(country, street string) string {
		return addrWith("street1: 123 Any Street", "street1: "+street, "country: USA", "country: "+country,
			"  stateOrProvince: WA\n", "", "  postalCode: 98101\n", "")
	}
	bad := func(what, match, country string) []addrWant {
		return []addrWant{{manifest.InvalidAddress, "returnAddress.street1", 4, 12,
			[]string{"returnAddress.street1 is " + what + " in " + country + ": `" + match}}}
	}
	addrRunCases(t, []addrCase{
		{name: "Postfach in Germany", rule: r, src: in("Germany", "Postfach 10 01 01"), want: bad("a post-office box", "Postfach", "Germany (DE)")},
		{name: "Postfach in Austria", rule: r, src: in("AT", "postfach 12"), want: bad("a post-office box", "postfach", "Austria (AT)")},
		{name: "Packstation in Germany", rule: r, src: in("DEU", "Packstation 105"), want: bad("a parcel locker", "Packstation", "Germany (DE)")},
		{name: "Postfach in Switzerland", rule: r, src: in("Switzerland", "Postfach"), want: bad("a post-office box", "Postfach", "Switzerland (CH)")},
		{name: "Case postale in Switzerland", rule: r, src: in("CH", "Case postale 1234"), want: bad("a post-office box", "Case postale", "Switzerland (CH)")},
		{name: "C.P. in Canada", rule: r, src: addrWith("street1: 123 Any Street", "street1: C.P. 6000 succ. Centre-ville", "country: USA", "country: Canada",
			"stateOrProvince: WA", "stateOrProvince: QC", "postalCode: 98101", "postalCode: H3C 3J7"), want: bad("a post-office box", "C.P.", "Canada (CA)")},
		{name: "BP in France", rule: r, src: in("France", "BP 123"), want: bad("a post-office box", "BP", "France (FR)")},
		{name: "B.P. in Belgium", rule: r, src: in("Belgium", "Rue Royale 1, B.P. 7"), want: bad("a post-office box", "Rue Royale 1, B.P. 7", "Belgium (BE)")},
		{name: "Boîte postale in France", rule: r, src: in("FR", "Boîte postale 42"), want: bad("a post-office box", "Boîte postale", "France (FR)")},
		{name: "Apartado in Spain", rule: r, src: in("Spain", "Apartado de Correos 1234"), want: bad("a post-office box", "Apartado", "Spain (ES)")},
		{name: "Casella postale in Italy", rule: r, src: in("Italy", "Casella Postale 55"), want: bad("a post-office box", "Casella Postale", "Italy (IT)")},
		{name: "Postbus in the Netherlands", rule: r, src: in("NL", "Postbus 1234"), want: bad("a post-office box", "Postbus", "Netherlands (NL)")},
		// Only in the right country, and only as the box word.
		{name: "Apartado in Germany is a street", rule: r, src: in("Germany", "Apartadostraße 3")},
		{name: "Apartado street in Germany", rule: r, src: in("Germany", "Calle Apartado 3")},
		{name: "a street named BP in the US", rule: r, src: addrWith("street1: 123 Any Street", "street1: 1 BP Way")},
		{name: "BP 2 in the UK", rule: r, src: in("United Kingdom", "BP 2, 1 St James's Square")},
		{name: "BP without a number in France", rule: r, src: in("France", "Station BP, 3 rue de Paris")},
		{name: "lower-case bp in France", rule: r, src: in("France", "12 rue bp 4")},
		{name: "Postbus in Germany", rule: r, src: in("Germany", "Postbus 12")},
		{name: "Postfach in Italy", rule: r, src: in("Italy", "Via Postfach 3")},
		{name: "Postfachstraße in Germany", rule: r, src: in("Germany", "Postfachstraße 3")},
		{name: "CP without dots in Canada", rule: r, src: addrWith("street1: 123 Any Street", "street1: 12 CP Rail Way", "country: USA", "country: Canada",
			"stateOrProvince: WA", "stateOrProvince: QC", "postalCode: 98101", "postalCode: H3C 3J7")},
		{name: "unknown country", rule: r, src: in("Narnia", "Postfach 1")},
		{name: "a long street keeps the headline short", rule: r, src: in("Germany", "Postfach "+strings.Repeat("1", 80)),
			want: bad("a post-office box", "Postfach…", "Germany (DE)")},
	})
	fs := addrRun(t, r, "", in("Germany", "Postfach 10 01 01"))
	if len(fs) != 1 || !strings.Contains(fs[0].Help, "`Postfach` is a post-office box in Germany, and the service does not ship to post-office boxes") {
		t.Errorf("the help does not say why: %+v", fs)
	}
	for _, f := range addrRun(t, r, "", in("Germany", "Postfach "+strings.Repeat("1", 80))) {
		if len(f.Message) > 90 {
			t.Errorf("headline over 90 characters: %q", f.Message)
		}
	}
}

func TestAddressEURegion(t *testing.T) {
	r := addressEURegionRule
	de := addrWith("country: USA", "country: Germany")
	addrRunCases(t, []addrCase{
		{name: "Germany in eu-west-1", rule: r, region: "eu-west-1", src: de},
		{name: "UK in eu-west-1", rule: r, region: "eu-west-1", src: addrWith("country: USA", "country: UK")},
		{name: "Ireland in eu-west-1", rule: r, region: "eu-west-1", src: addrWith("country: USA", "country: IRL")},
		{name: "USA in us-east-1", rule: r, region: "us-east-1", src: addrUS},
		{name: "USA with no region", rule: r, src: addrUS},
		{name: "USA in eu-west-1", rule: r, region: "eu-west-1", src: addrUS,
			want: []addrWant{{manifest.InvalidAddress, "returnAddress.country", 9, 12,
				[]string{"`USA` (United States), not in the EU", "`eu-west-1` (from --region)", "Ireland", "only to addresses in the EU"}}}},
		{name: "Switzerland in eu-west-1", rule: r, region: "eu-west-1", src: addrWith("country: USA", "country: CH"),
			want: []addrWant{{manifest.InvalidAddress, "returnAddress.country", 9, 12, []string{"`CH` (Switzerland), not in the EU"}}}},
		{name: "unknown country is another rule's", rule: r, region: "eu-west-1", src: addrWith("country: USA", "country: Narnia")},
	})
}

func TestServiceLevelExpedited(t *testing.T) {
	r := serviceLevelExpeditedRule
	exp := addrUS + "serviceLevel: expeditedShipping\n"
	bad := func(msg ...string) []addrWant {
		return []addrWant{{manifest.InvalidManifestField, "serviceLevel", 10, 15,
			append([]string{"`expeditedShipping`", "`serviceLevel: standard`"}, msg...)}}
	}
	de := strings.Replace(exp, "country: USA", "country: Germany", 1)
	addrRunCases(t, []addrCase{
		{name: "US address, region unknown", rule: r, src: exp},
		{name: "US address, us-west-2", rule: r, region: "us-west-2", src: exp},
		{name: "standard anywhere", rule: r, region: "eu-west-1",
			src: strings.Replace(de, "expeditedShipping", "standard", 1)},
		{name: "German address", rule: r, src: de,
			want: bad("but the country is `Germany`:")},
		{name: "US address, eu-west-1", rule: r, region: "eu-west-1", src: exp,
			want: bad("but the region is `eu-west-1`", "the job region is from --region")},
		{name: "both", rule: r, region: "ap-southeast-1", src: strings.Replace(exp, "country: USA", "country: SG", 1),
			want: bad("the country is `SG` (Singapore)", ", and the region is `ap-southeast-1`")},
		{name: "Puerto Rico is not the US", rule: r,
			src: strings.Replace(exp, "country: USA", "country: Puerto Rico", 1), want: bad("the country is `Puerto Rico`")},
		{name: "unknown country", rule: r, src: strings.Replace(exp, "country: USA", "country: Narnia", 1)},
		{name: "no return address", rule: r, src: "serviceLevel: expeditedShipping\n"},
	})
}
