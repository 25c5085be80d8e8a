package rules

import (
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// addrCustomsBlock is a valid customs block; appended to addrUS its lines are
// 10 customs, 11 dataDescription, 12 encryptedData,
// 13 encryptionClassification, 14 exportCertifierName,
// 15 requiresExportLicense, 16 deviceValue, 17 deviceCountryOfOrigin (value
// column 26), 18 deviceType.
const addrCustomsBlock = `customs:
  dataDescription: Medical test results.
  encryptedData: yes
  encryptionClassification: 5D992
  exportCertifierName: John Doe
  requiresExportLicense: no
  deviceValue: 250.00
  deviceCountryOfOrigin: China
  deviceType: externalStorageDevice
`

// addrWithCountry returns src with the return country replaced.
func addrWithCountry(src, country string) string {
	return strings.Replace(src, "country: USA", "country: "+country, 1)
}

func TestCustomsRequired(t *testing.T) {
	r := customsRequiredRule
	missing := func(msg ...string) []addrWant {
		return []addrWant{{manifest.MissingCustoms, "customs", 1, 1,
			append([]string{"customs is missing", "add `customs:`", "deviceCountryOfOrigin"}, msg...)}}
	}
	withCustoms := addrUS + addrCustomsBlock
	addrRunCases(t, []addrCase{
		{name: "region unknown", rule: r, src: addrWithCountry(addrUS, "Germany")},
		{name: "US to US", rule: r, region: "us-east-1", src: addrUS},
		{name: "US region, Canada", rule: r, region: "us-west-2", src: addrWithCountry(addrUS, "Canada"),
			want: missing("`us-west-2` (from --region)", "returned from the United States", "to Canada")},
		{name: "US region, Canada, customs present", rule: r, region: "us-west-2", src: addrWithCountry(withCustoms, "Canada")},
		{name: "US region, Canada, customs of the wrong type", rule: r, region: "us-west-2",
			src: addrWithCountry(addrUS, "Canada") + "customs: none\n"},
		{name: "Ireland to Germany", rule: r, region: "eu-west-1", src: addrWithCountry(addrUS, "DE")},
		{name: "Ireland to Ireland", rule: r, region: "eu-west-1", src: addrWithCountry(addrUS, "Ireland")},
		{name: "Ireland to the UK", rule: r, region: "eu-west-1", src: addrWithCountry(addrUS, "United Kingdom")},
		{name: "Ireland to Norway", rule: r, region: "eu-west-1", src: addrWithCountry(addrUS, "Norway"),
			want: missing("returned from Ireland", "to Norway", "EU to EU excepted")},
		{name: "Ireland to the US", rule: r, region: "eu-west-1", src: addrUS,
			want: missing("to the United States")},
		{name: "Singapore to Singapore", rule: r, region: "ap-southeast-1", src: addrWithCountry(addrUS, "SGP")},
		{name: "Singapore to Germany", rule: r, region: "ap-southeast-1", src: addrWithCountry(addrUS, "Germany"),
			want: missing("returned from Singapore", "to Germany")},
		{name: "region in upper case", rule: r, region: "US-EAST-1", src: addrWithCountry(addrUS, "Mexico"),
			want: missing("`us-east-1`", "to Mexico")},
		{name: "region no facility serves", rule: r, region: "sa-east-1", src: addrWithCountry(addrUS, "Brazil")},
		{name: "unknown country", rule: r, region: "us-east-1", src: addrWithCountry(addrUS, "Narnia")},
		{name: "no return address", rule: r, region: "us-east-1", src: "manifestVersion: 2.0\n"},
	})
}

func TestCustomsCountry(t *testing.T) {
	r := customsCountryRule
	origin := func(c string) string {
		return addrUS + strings.Replace(addrCustomsBlock, "deviceCountryOfOrigin: China", "deviceCountryOfOrigin: "+c, 1)
	}
	addrRunCases(t, []addrCase{
		{name: "China", rule: r, src: origin("China")},
		{name: "alpha-2", rule: r, src: origin("tw")},
		{name: "alpha-3", rule: r, src: origin("JPN")},
		{name: "ISO name", rule: r, src: origin("Taiwan, Province of China")},
		{name: "empty is the schema's", rule: r, src: origin("")},
		{name: "misspelt", rule: r, src: origin("Chna"),
			want: []addrWant{{manifest.InvalidCustoms, "customs.deviceCountryOfOrigin", 17, 26,
				[]string{"customs.deviceCountryOfOrigin is `Chna`", "did you mean China?"}}}},
		{name: "region", rule: r, src: origin("Asia"),
			want: []addrWant{{manifest.InvalidCustoms, "customs.deviceCountryOfOrigin", 17, 26,
				[]string{"`Asia`", "not an ISO 3166 country"}}}},
		{name: "customs not a mapping", rule: r, src: addrUS + "customs: China\n"},
	})
}

func TestCustomsEncryptionClassification(t *testing.T) {
	r := customsEncryptionClassificationRule
	without := strings.Replace(addrCustomsBlock, "  encryptionClassification: 5D992\n", "", 1)
	missing := func(v string) []addrWant {
		return []addrWant{{manifest.MissingCustoms, "customs.encryptionClassification", 10, 1,
			[]string{"customs.encryptionClassification is missing", "encryptedData is `" + v + "`", "`encryptionClassification: 5D992`"}}}
	}
	addrRunCases(t, []addrCase{
		{name: "present", rule: r, src: addrUS + addrCustomsBlock},
		{name: "encrypted, absent", rule: r, src: addrUS + without, want: missing("yes")},
		{name: "encrypted in capitals, absent", rule: r,
			src: addrUS + strings.Replace(without, "encryptedData: yes", "encryptedData: YES", 1), want: missing("YES")},
		{name: "not encrypted", rule: r, src: addrUS + strings.Replace(without, "encryptedData: yes", "encryptedData: no", 1)},
		{name: "encryptedData invalid is the schema's", rule: r,
			src: addrUS + strings.Replace(without, "encryptedData: yes", "encryptedData: true", 1)},
		{name: "empty value is the schema's", rule: r,
			src: addrUS + strings.Replace(addrCustomsBlock, "encryptionClassification: 5D992", "encryptionClassification:", 1)},
		{name: "customs not a mapping", rule: r, src: addrUS + "customs:\n"},
	})
}

func TestCountryTable(t *testing.T) {
	if len(countryTable) != 249 {
		t.Errorf("countryTable has %d entries, want the 249 of ISO 3166-1", len(countryTable))
	}
	// Every code and name is unique to its country.
	seen := map[string]string{}
	var buf [128]byte
	for i := range countryTable {
		c := &countryTable[i]
		if len(c.alpha2) != 2 || len(c.alpha3) != 3 || strings.ToUpper(c.alpha2+c.alpha3) != c.alpha2+c.alpha3 {
			t.Errorf("%v: bad codes", c)
		}
		for _, n := range append([]string{c.alpha2, c.alpha3, c.name}, c.aliases...) {
			k := string(normalizeCountry(buf[:0], n))
			if o, ok := seen[k]; ok && o != c.alpha2 {
				t.Errorf("%q names both %s and %s", n, o, c.alpha2)
			}
			seen[k] = c.alpha2
			if got := lookupCountry(n); got != c {
				t.Errorf("lookupCountry(%q) = %v, want %v", n, got, c)
			}
		}
	}
	if n := len(euMembers); n != 28 {
		t.Errorf("%d EU members, want 28", n)
	}
	for _, code := range euMembers {
		if countryByCode(code) == nil {
			t.Errorf("EU member %s is not in the table", code)
		}
	}
	for hint, code := range countryHints() {
		if lookupCountry(hint) != nil || countryByCode(code) == nil {
			t.Errorf("hint %q: a country itself, or %s unknown", hint, code)
		}
	}
	for in, want := range map[string]string{
		"US": "US", "usa": "US", "United States of America": "US", "  united   states ": "US",
		"the Netherlands": "NL", "Bahamas (the)": "BS", "UK": "GB", "Great Britain": "GB",
		"Côte d'Ivoire": "CI", "COTE D'IVOIRE": "CI", "Türkiye": "TR", "turkey": "TR", "Åland Islands": "AX",
		"Viet Nam": "VN", "Czechia": "CZ", "Czech Republic": "CZ",
		"Unitedstates": "", "US1": "", "Germany (bogus)": "", "": "", "EU": "", "XK": "", "ANT": "",
	} {
		got := ""
		if c := lookupCountry(in); c != nil {
			got = c.alpha2
		}
		if got != want {
			t.Errorf("lookupCountry(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"Germny": "`Germany` (DE)", "Frnace": "`France` (FR)", "Scotland": "`United Kingdom` (GB)",
		"Bosnia": "`Bosnia and Herzegovina` (BA)", "Congo Republic": "", "XX": "", "Atlantis": "",
		"Deutschland": "`Germany` (DE)", "ÖSTERREICH": "`Austria` (AT)", "España": "`Spain` (ES)", "Nippon": "`Japan` (JP)",
	} {
		if got := suggestCountry(in); got != want {
			t.Errorf("suggestCountry(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestUnknownCountryExample: the example of the fix is the country meant,
// not always Germany.
func TestUnknownCountryExample(t *testing.T) {
	head, help := unknownCountryDetail("returnAddress.country", "Frnace")
	if head != "returnAddress.country is `Frnace`, not an ISO 3166 country" ||
		help != "did you mean France? Write `FR`, `FRA` or `France`, in any letter case" {
		t.Errorf("got %q, help %q", head, help)
	}
	if _, help := unknownCountryDetail("returnAddress.country", "Atlantis"); !strings.Contains(help, "(`DE`)") {
		t.Errorf("no suggestion keeps the general example: %q", help)
	}
}

func TestCountryLookupAllocs(t *testing.T) {
	lookupCountry("USA")
	if n := testing.AllocsPerRun(100, func() {
		lookupCountry("United States of America")
		lookupCountry("Côte d'Ivoire")
		lookupCountry("nowhere")
	}); n != 0 {
		t.Errorf("lookupCountry allocates %v times per run, want 0", n)
	}
}

// BenchmarkLookupCountry measures the hot path: one lookup per address.
func BenchmarkLookupCountry(b *testing.B) {
	in := []string{"USA", "United States of America", "Germany", "china", "Côte d'Ivoire", "Nowhereland"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		lookupCountry(in[i%len(in)])
	}
}

// suggestCountry returns a did-you-mean for a value that lookupCountry did
// not know, such as "`Germany` (DE)", or "" when nothing is close.
func suggestCountry(s string) string {
	text, _ := nearestCountry(s)
	return text
}
