package rules

// The country table behind returnAddress.country and
// customs.deviceCountryOfOrigin (spec §4.6, §4.7), and the EU of the
// service's time.
//
// Why our own table and not github.com/biter777/countries (v1.7.5 was
// evaluated): its ByName does take all four forms in any case, but it is far
// more lenient than the spec. It drops every character that is not a letter
// and everything after a `(`, so `US1`, `G-e-r-m-a-n-y` and `Germany (bogus)`
// pass; it accepts misspellings (`Angolia`), names in other languages
// (`Deutschland`, `Österreich`), withdrawn and non-ISO codes (`ANT`, `XK`,
// `ENG`) and `England` for the United Kingdom. Its lookups allocate, and it
// offers no candidates for a did-you-mean. The table below is the 249 ISO
// 3166-1 entries (generated from Debian's iso-codes 4.15 data: alpha-2,
// alpha-3, the ISO English short name, the official name) plus a short,
// reviewed list of common English names; a lookup is a binary search over a
// sorted index generated from the table, with no allocation.

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/manifest"
)

// countryInfo is one ISO 3166-1 country.
type countryInfo struct {
	alpha2, alpha3 string
	// name is the English name used in messages.
	name string
	// aliases are the other accepted names: the ISO short name, the official
	// name and common English names.
	aliases []string
}

// String names the country for messages: "Germany (DE)".
func (c *countryInfo) String() string { return c.name + " (" + c.alpha2 + ")" }

// countryTable is every ISO 3166-1 entry, in the order of the alpha-3 code.
var countryTable = [...]countryInfo{
	{"AW", "ABW", "Aruba", []string{}},
	{"AF", "AFG", "Afghanistan", []string{"Islamic Republic of Afghanistan"}},
	{"AO", "AGO", "Angola", []string{"Republic of Angola"}},
	{"AI", "AIA", "Anguilla", []string{}},
	{"AX", "ALA", "Åland Islands", []string{"Aland Islands"}},
	{"AL", "ALB", "Albania", []string{"Republic of Albania"}},
	{"AD", "AND", "Andorra", []string{"Principality of Andorra"}},
	{"AE", "ARE", "United Arab Emirates", []string{}},
	{"AR", "ARG", "Argentina", []string{"Argentine Republic"}},
	{"AM", "ARM", "Armenia", []string{"Republic of Armenia"}},
	{"AS", "ASM", "American Samoa", []string{}},
	{"AQ", "ATA", "Antarctica", []string{}},
	{"TF", "ATF", "French Southern Territories", []string{}},
	{"AG", "ATG", "Antigua and Barbuda", []string{}},
	{"AU", "AUS", "Australia", []string{}},
	{"AT", "AUT", "Austria", []string{"Republic of Austria"}},
	{"AZ", "AZE", "Azerbaijan", []string{"Republic of Azerbaijan"}},
	{"BI", "BDI", "Burundi", []string{"Republic of Burundi"}},
	{"BE", "BEL", "Belgium", []string{"Kingdom of Belgium"}},
	{"BJ", "BEN", "Benin", []string{"Republic of Benin"}},
	{"BQ", "BES", "Bonaire, Sint Eustatius and Saba", []string{"Caribbean Netherlands"}},
	{"BF", "BFA", "Burkina Faso", []string{}},
	{"BD", "BGD", "Bangladesh", []string{"People's Republic of Bangladesh"}},
	{"BG", "BGR", "Bulgaria", []string{"Republic of Bulgaria"}},
	{"BH", "BHR", "Bahrain", []string{"Kingdom of Bahrain"}},
	{"BS", "BHS", "Bahamas", []string{"Commonwealth of the Bahamas"}},
	{"BA", "BIH", "Bosnia and Herzegovina", []string{"Republic of Bosnia and Herzegovina"}},
	{"BL", "BLM", "Saint Barthélemy", []string{"Saint Barthelemy"}},
	{"BY", "BLR", "Belarus", []string{"Republic of Belarus"}},
	{"BZ", "BLZ", "Belize", []string{}},
	{"BM", "BMU", "Bermuda", []string{}},
	{"BO", "BOL", "Bolivia", []string{"Bolivia, Plurinational State of", "Plurinational State of Bolivia", "Bolivia (Plurinational State of)"}},
	{"BR", "BRA", "Brazil", []string{"Federative Republic of Brazil"}},
	{"BB", "BRB", "Barbados", []string{}},
	{"BN", "BRN", "Brunei Darussalam", []string{"Brunei"}},
	{"BT", "BTN", "Bhutan", []string{"Kingdom of Bhutan"}},
	{"BV", "BVT", "Bouvet Island", []string{}},
	{"BW", "BWA", "Botswana", []string{"Republic of Botswana"}},
	{"CF", "CAF", "Central African Republic", []string{}},
	{"CA", "CAN", "Canada", []string{}},
	{"CC", "CCK", "Cocos (Keeling) Islands", []string{"Cocos Islands", "Keeling Islands"}},
	{"CH", "CHE", "Switzerland", []string{"Swiss Confederation"}},
	{"CL", "CHL", "Chile", []string{"Republic of Chile"}},
	{"CN", "CHN", "China", []string{"People's Republic of China"}},
	{"CI", "CIV", "Côte d'Ivoire", []string{"Republic of Côte d'Ivoire", "Ivory Coast", "Cote d'Ivoire"}},
	{"CM", "CMR", "Cameroon", []string{"Republic of Cameroon"}},
	{"CD", "COD", "Congo, The Democratic Republic of the", []string{"Congo (the Democratic Republic of the)", "Democratic Republic of the Congo", "DR Congo"}},
	{"CG", "COG", "Congo", []string{"Republic of the Congo"}},
	{"CK", "COK", "Cook Islands", []string{}},
	{"CO", "COL", "Colombia", []string{"Republic of Colombia"}},
	{"KM", "COM", "Comoros", []string{"Union of the Comoros"}},
	{"CV", "CPV", "Cabo Verde", []string{"Republic of Cabo Verde", "Cape Verde"}},
	{"CR", "CRI", "Costa Rica", []string{"Republic of Costa Rica"}},
	{"CU", "CUB", "Cuba", []string{"Republic of Cuba"}},
	{"CW", "CUW", "Curaçao", []string{"Curacao"}},
	{"CX", "CXR", "Christmas Island", []string{}},
	{"KY", "CYM", "Cayman Islands", []string{}},
	{"CY", "CYP", "Cyprus", []string{"Republic of Cyprus"}},
	{"CZ", "CZE", "Czechia", []string{"Czech Republic"}},
	{"DE", "DEU", "Germany", []string{"Federal Republic of Germany"}},
	{"DJ", "DJI", "Djibouti", []string{"Republic of Djibouti"}},
	{"DM", "DMA", "Dominica", []string{"Commonwealth of Dominica"}},
	{"DK", "DNK", "Denmark", []string{"Kingdom of Denmark"}},
	{"DO", "DOM", "Dominican Republic", []string{}},
	{"DZ", "DZA", "Algeria", []string{"People's Democratic Republic of Algeria"}},
	{"EC", "ECU", "Ecuador", []string{"Republic of Ecuador"}},
	{"EG", "EGY", "Egypt", []string{"Arab Republic of Egypt"}},
	{"ER", "ERI", "Eritrea", []string{"the State of Eritrea"}},
	{"EH", "ESH", "Western Sahara", []string{}},
	{"ES", "ESP", "Spain", []string{"Kingdom of Spain"}},
	{"EE", "EST", "Estonia", []string{"Republic of Estonia"}},
	{"ET", "ETH", "Ethiopia", []string{"Federal Democratic Republic of Ethiopia"}},
	{"FI", "FIN", "Finland", []string{"Republic of Finland"}},
	{"FJ", "FJI", "Fiji", []string{"Republic of Fiji"}},
	{"FK", "FLK", "Falkland Islands (Malvinas)", []string{"Falkland Islands [Malvinas]", "Falkland Islands"}},
	{"FR", "FRA", "France", []string{"French Republic"}},
	{"FO", "FRO", "Faroe Islands", []string{}},
	{"FM", "FSM", "Micronesia, Federated States of", []string{"Federated States of Micronesia", "Micronesia (Federated States of)", "Micronesia"}},
	{"GA", "GAB", "Gabon", []string{"Gabonese Republic"}},
	{"GB", "GBR", "United Kingdom", []string{"United Kingdom of Great Britain and Northern Ireland", "Great Britain", "Britain", "UK", "U.K."}},
	{"GE", "GEO", "Georgia", []string{}},
	{"GG", "GGY", "Guernsey", []string{}},
	{"GH", "GHA", "Ghana", []string{"Republic of Ghana"}},
	{"GI", "GIB", "Gibraltar", []string{}},
	{"GN", "GIN", "Guinea", []string{"Republic of Guinea"}},
	{"GP", "GLP", "Guadeloupe", []string{}},
	{"GM", "GMB", "Gambia", []string{"Republic of the Gambia"}},
	{"GW", "GNB", "Guinea-Bissau", []string{"Republic of Guinea-Bissau"}},
	{"GQ", "GNQ", "Equatorial Guinea", []string{"Republic of Equatorial Guinea"}},
	{"GR", "GRC", "Greece", []string{"Hellenic Republic"}},
	{"GD", "GRD", "Grenada", []string{}},
	{"GL", "GRL", "Greenland", []string{}},
	{"GT", "GTM", "Guatemala", []string{"Republic of Guatemala"}},
	{"GF", "GUF", "French Guiana", []string{}},
	{"GU", "GUM", "Guam", []string{}},
	{"GY", "GUY", "Guyana", []string{"Republic of Guyana"}},
	{"HK", "HKG", "Hong Kong", []string{"Hong Kong Special Administrative Region of China"}},
	{"HM", "HMD", "Heard Island and McDonald Islands", []string{}},
	{"HN", "HND", "Honduras", []string{"Republic of Honduras"}},
	{"HR", "HRV", "Croatia", []string{"Republic of Croatia"}},
	{"HT", "HTI", "Haiti", []string{"Republic of Haiti"}},
	{"HU", "HUN", "Hungary", []string{}},
	{"ID", "IDN", "Indonesia", []string{"Republic of Indonesia"}},
	{"IM", "IMN", "Isle of Man", []string{}},
	{"IN", "IND", "India", []string{"Republic of India"}},
	{"IO", "IOT", "British Indian Ocean Territory", []string{}},
	{"IE", "IRL", "Ireland", []string{"Republic of Ireland"}},
	{"IR", "IRN", "Iran", []string{"Iran, Islamic Republic of", "Islamic Republic of Iran", "Iran (Islamic Republic of)"}},
	{"IQ", "IRQ", "Iraq", []string{"Republic of Iraq"}},
	{"IS", "ISL", "Iceland", []string{"Republic of Iceland"}},
	{"IL", "ISR", "Israel", []string{"State of Israel"}},
	{"IT", "ITA", "Italy", []string{"Italian Republic"}},
	{"JM", "JAM", "Jamaica", []string{}},
	{"JE", "JEY", "Jersey", []string{}},
	{"JO", "JOR", "Jordan", []string{"Hashemite Kingdom of Jordan"}},
	{"JP", "JPN", "Japan", []string{}},
	{"KZ", "KAZ", "Kazakhstan", []string{"Republic of Kazakhstan"}},
	{"KE", "KEN", "Kenya", []string{"Republic of Kenya"}},
	{"KG", "KGZ", "Kyrgyzstan", []string{"Kyrgyz Republic"}},
	{"KH", "KHM", "Cambodia", []string{"Kingdom of Cambodia"}},
	{"KI", "KIR", "Kiribati", []string{"Republic of Kiribati"}},
	{"KN", "KNA", "Saint Kitts and Nevis", []string{}},
	{"KR", "KOR", "South Korea", []string{"Korea, Republic of", "Korea (the Republic of)", "Republic of Korea"}},
	{"KW", "KWT", "Kuwait", []string{"State of Kuwait"}},
	{"LA", "LAO", "Laos", []string{"Lao People's Democratic Republic"}},
	{"LB", "LBN", "Lebanon", []string{"Lebanese Republic"}},
	{"LR", "LBR", "Liberia", []string{"Republic of Liberia"}},
	{"LY", "LBY", "Libya", []string{}},
	{"LC", "LCA", "Saint Lucia", []string{}},
	{"LI", "LIE", "Liechtenstein", []string{"Principality of Liechtenstein"}},
	{"LK", "LKA", "Sri Lanka", []string{"Democratic Socialist Republic of Sri Lanka"}},
	{"LS", "LSO", "Lesotho", []string{"Kingdom of Lesotho"}},
	{"LT", "LTU", "Lithuania", []string{"Republic of Lithuania"}},
	{"LU", "LUX", "Luxembourg", []string{"Grand Duchy of Luxembourg"}},
	{"LV", "LVA", "Latvia", []string{"Republic of Latvia"}},
	{"MO", "MAC", "Macao", []string{"Macao Special Administrative Region of China", "Macau"}},
	{"MF", "MAF", "Saint Martin (French part)", []string{"Saint Martin"}},
	{"MA", "MAR", "Morocco", []string{"Kingdom of Morocco"}},
	{"MC", "MCO", "Monaco", []string{"Principality of Monaco"}},
	{"MD", "MDA", "Moldova", []string{"Moldova, Republic of", "Republic of Moldova", "Moldova (the Republic of)"}},
	{"MG", "MDG", "Madagascar", []string{"Republic of Madagascar"}},
	{"MV", "MDV", "Maldives", []string{"Republic of Maldives"}},
	{"MX", "MEX", "Mexico", []string{"United Mexican States"}},
	{"MH", "MHL", "Marshall Islands", []string{"Republic of the Marshall Islands"}},
	{"MK", "MKD", "North Macedonia", []string{"Republic of North Macedonia", "Macedonia"}},
	{"ML", "MLI", "Mali", []string{"Republic of Mali"}},
	{"MT", "MLT", "Malta", []string{"Republic of Malta"}},
	{"MM", "MMR", "Myanmar", []string{"Republic of Myanmar", "Burma"}},
	{"ME", "MNE", "Montenegro", []string{}},
	{"MN", "MNG", "Mongolia", []string{}},
	{"MP", "MNP", "Northern Mariana Islands", []string{"Commonwealth of the Northern Mariana Islands"}},
	{"MZ", "MOZ", "Mozambique", []string{"Republic of Mozambique"}},
	{"MR", "MRT", "Mauritania", []string{"Islamic Republic of Mauritania"}},
	{"MS", "MSR", "Montserrat", []string{}},
	{"MQ", "MTQ", "Martinique", []string{}},
	{"MU", "MUS", "Mauritius", []string{"Republic of Mauritius"}},
	{"MW", "MWI", "Malawi", []string{"Republic of Malawi"}},
	{"MY", "MYS", "Malaysia", []string{}},
	{"YT", "MYT", "Mayotte", []string{}},
	{"NA", "NAM", "Namibia", []string{"Republic of Namibia"}},
	{"NC", "NCL", "New Caledonia", []string{}},
	{"NE", "NER", "Niger", []string{"Republic of the Niger"}},
	{"NF", "NFK", "Norfolk Island", []string{}},
	{"NG", "NGA", "Nigeria", []string{"Federal Republic of Nigeria"}},
	{"NI", "NIC", "Nicaragua", []string{"Republic of Nicaragua"}},
	{"NU", "NIU", "Niue", []string{}},
	{"NL", "NLD", "Netherlands", []string{"Kingdom of the Netherlands", "Netherlands (Kingdom of the)"}},
	{"NO", "NOR", "Norway", []string{"Kingdom of Norway"}},
	{"NP", "NPL", "Nepal", []string{"Federal Democratic Republic of Nepal"}},
	{"NR", "NRU", "Nauru", []string{"Republic of Nauru"}},
	{"NZ", "NZL", "New Zealand", []string{}},
	{"OM", "OMN", "Oman", []string{"Sultanate of Oman"}},
	{"PK", "PAK", "Pakistan", []string{"Islamic Republic of Pakistan"}},
	{"PA", "PAN", "Panama", []string{"Republic of Panama"}},
	{"PN", "PCN", "Pitcairn", []string{"Pitcairn Islands"}},
	{"PE", "PER", "Peru", []string{"Republic of Peru"}},
	{"PH", "PHL", "Philippines", []string{"Republic of the Philippines"}},
	{"PW", "PLW", "Palau", []string{"Republic of Palau"}},
	{"PG", "PNG", "Papua New Guinea", []string{"Independent State of Papua New Guinea"}},
	{"PL", "POL", "Poland", []string{"Republic of Poland"}},
	{"PR", "PRI", "Puerto Rico", []string{}},
	{"KP", "PRK", "North Korea", []string{"Korea, Democratic People's Republic of", "Democratic People's Republic of Korea", "Korea (the Democratic People's Republic of)"}},
	{"PT", "PRT", "Portugal", []string{"Portuguese Republic"}},
	{"PY", "PRY", "Paraguay", []string{"Republic of Paraguay"}},
	{"PS", "PSE", "Palestine, State of", []string{"the State of Palestine", "Palestine"}},
	{"PF", "PYF", "French Polynesia", []string{}},
	{"QA", "QAT", "Qatar", []string{"State of Qatar"}},
	{"RE", "REU", "Réunion", []string{"Reunion"}},
	{"RO", "ROU", "Romania", []string{}},
	{"RU", "RUS", "Russian Federation", []string{"Russia"}},
	{"RW", "RWA", "Rwanda", []string{"Rwandese Republic"}},
	{"SA", "SAU", "Saudi Arabia", []string{"Kingdom of Saudi Arabia"}},
	{"SD", "SDN", "Sudan", []string{"Republic of the Sudan"}},
	{"SN", "SEN", "Senegal", []string{"Republic of Senegal"}},
	{"SG", "SGP", "Singapore", []string{"Republic of Singapore"}},
	{"GS", "SGS", "South Georgia and the South Sandwich Islands", []string{}},
	{"SH", "SHN", "Saint Helena, Ascension and Tristan da Cunha", []string{"Saint Helena"}},
	{"SJ", "SJM", "Svalbard and Jan Mayen", []string{}},
	{"SB", "SLB", "Solomon Islands", []string{}},
	{"SL", "SLE", "Sierra Leone", []string{"Republic of Sierra Leone"}},
	{"SV", "SLV", "El Salvador", []string{"Republic of El Salvador"}},
	{"SM", "SMR", "San Marino", []string{"Republic of San Marino"}},
	{"SO", "SOM", "Somalia", []string{"Federal Republic of Somalia"}},
	{"PM", "SPM", "Saint Pierre and Miquelon", []string{}},
	{"RS", "SRB", "Serbia", []string{"Republic of Serbia"}},
	{"SS", "SSD", "South Sudan", []string{"Republic of South Sudan"}},
	{"ST", "STP", "Sao Tome and Principe", []string{"Democratic Republic of Sao Tome and Principe", "São Tomé and Príncipe"}},
	{"SR", "SUR", "Suriname", []string{"Republic of Suriname"}},
	{"SK", "SVK", "Slovakia", []string{"Slovak Republic"}},
	{"SI", "SVN", "Slovenia", []string{"Republic of Slovenia"}},
	{"SE", "SWE", "Sweden", []string{"Kingdom of Sweden"}},
	{"SZ", "SWZ", "Eswatini", []string{"Kingdom of Eswatini", "Swaziland"}},
	{"SX", "SXM", "Sint Maarten (Dutch part)", []string{"Sint Maarten"}},
	{"SC", "SYC", "Seychelles", []string{"Republic of Seychelles"}},
	{"SY", "SYR", "Syria", []string{"Syrian Arab Republic"}},
	{"TC", "TCA", "Turks and Caicos Islands", []string{}},
	{"TD", "TCD", "Chad", []string{"Republic of Chad"}},
	{"TG", "TGO", "Togo", []string{"Togolese Republic"}},
	{"TH", "THA", "Thailand", []string{"Kingdom of Thailand"}},
	{"TJ", "TJK", "Tajikistan", []string{"Republic of Tajikistan"}},
	{"TK", "TKL", "Tokelau", []string{}},
	{"TM", "TKM", "Turkmenistan", []string{}},
	{"TL", "TLS", "Timor-Leste", []string{"Democratic Republic of Timor-Leste", "East Timor"}},
	{"TO", "TON", "Tonga", []string{"Kingdom of Tonga"}},
	{"TT", "TTO", "Trinidad and Tobago", []string{"Republic of Trinidad and Tobago"}},
	{"TN", "TUN", "Tunisia", []string{"Republic of Tunisia"}},
	{"TR", "TUR", "Türkiye", []string{"Republic of Türkiye", "Turkey", "Turkiye"}},
	{"TV", "TUV", "Tuvalu", []string{}},
	{"TW", "TWN", "Taiwan", []string{"Taiwan, Province of China", "Taiwan (Province of China)"}},
	{"TZ", "TZA", "Tanzania", []string{"Tanzania, United Republic of", "United Republic of Tanzania", "Tanzania, the United Republic of"}},
	{"UG", "UGA", "Uganda", []string{"Republic of Uganda"}},
	{"UA", "UKR", "Ukraine", []string{}},
	{"UM", "UMI", "United States Minor Outlying Islands", []string{}},
	{"UY", "URY", "Uruguay", []string{"Eastern Republic of Uruguay"}},
	{"US", "USA", "United States", []string{"United States of America", "U.S.A.", "U.S."}},
	{"UZ", "UZB", "Uzbekistan", []string{"Republic of Uzbekistan"}},
	{"VA", "VAT", "Holy See (Vatican City State)", []string{"Holy See", "Vatican City", "Vatican City State"}},
	{"VC", "VCT", "Saint Vincent and the Grenadines", []string{}},
	{"VE", "VEN", "Venezuela", []string{"Venezuela, Bolivarian Republic of", "Bolivarian Republic of Venezuela", "Venezuela (Bolivarian Republic of)"}},
	{"VG", "VGB", "Virgin Islands, British", []string{"British Virgin Islands", "Virgin Islands (British)"}},
	{"VI", "VIR", "Virgin Islands, U.S.", []string{"Virgin Islands of the United States", "Virgin Islands (U.S.)", "U.S. Virgin Islands", "US Virgin Islands", "United States Virgin Islands"}},
	{"VN", "VNM", "Vietnam", []string{"Viet Nam", "Socialist Republic of Viet Nam"}},
	{"VU", "VUT", "Vanuatu", []string{"Republic of Vanuatu"}},
	{"WF", "WLF", "Wallis and Futuna", []string{}},
	{"WS", "WSM", "Samoa", []string{"Independent State of Samoa"}},
	{"YE", "YEM", "Yemen", []string{"Republic of Yemen"}},
	{"ZA", "ZAF", "South Africa", []string{"Republic of South Africa"}},
	{"ZM", "ZMB", "Zambia", []string{"Republic of Zambia"}},
	{"ZW", "ZWE", "Zimbabwe", []string{"Republic of Zimbabwe"}},
}

// countryHints maps names that are not countries of their own, but that
// people write as one, to the country they belong to. They are never
// accepted, only suggested.
var (
	countryHintsOnce sync.Once
	countryHintsMap  map[string]string
)

// countryHints returns the hints, built on first use: only a value that
// names no country needs them.
func countryHints() map[string]string {
	countryHintsOnce.Do(func() { countryHintsMap = countryHintTable() })
	return countryHintsMap
}

func countryHintTable() map[string]string {
	return map[string]string{
		"england":          "GB",
		"scotland":         "GB",
		"wales":            "GB",
		"northern ireland": "GB",
		"holland":          "NL",
		"america":          "US",
		// Names in the country's own language (endonyms), as people write
		// their own country; the nearest English name is several edits away.
		"deutschland": "DE", "bundesrepublik deutschland": "DE", "österreich": "AT", "osterreich": "AT",
		"schweiz": "CH", "suisse": "CH", "svizzera": "CH", "españa": "ES", "espana": "ES", "italia": "IT",
		"nederland": "NL", "belgië": "BE", "belgie": "BE", "belgique": "BE", "polska": "PL", "sverige": "SE",
		"norge": "NO", "danmark": "DK", "suomi": "FI", "éire": "IE", "eire": "IE", "ísland": "IS",
		"česko": "CZ", "ceska republika": "CZ", "česká republika": "CZ", "slovensko": "SK", "magyarország": "HU",
		"magyarorszag": "HU", "hrvatska": "HR", "slovenija": "SI", "ελλάδα": "GR", "ellada": "GR", "hellas": "GR",
		"românia": "RO", "brasil": "BR", "méxico": "MX", "nihon": "JP",
		"nippon": "JP", "日本": "JP", "中国": "CN", "zhongguo": "CN", "россия": "RU", "rossiya": "RU",
		"대한민국": "KR", "éire (ireland)": "IE", "lietuva": "LT", "latvija": "LV", "eesti": "EE",
	}
}

// euMembers are the 28 member states of the European Union while the
// service ran (2013-2020), the United Kingdom included [spec D]; not their
// territories with an ISO code of their own (address-eu-region's
// Decisions).
var euMembers = [...]string{
	"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
	"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB",
}

// inEU reports whether c was an EU member state in the service's time.
func (c *countryInfo) inEU() bool {
	for _, m := range euMembers {
		if m == c.alpha2 {
			return true
		}
	}
	return false
}

// The country index is generated from countryTable by `go generate
// ./rules` into countries_index.go (TestCountryIndexUpToDate fails when it
// is stale): every normalized code and name, sorted, with its country. A
// lookup is a binary search over data the binary holds as it is, so no run
// builds a map of a thousand names first (a one-file run noticed that).
//
//go:generate go test . -run TestCountryIndexUpToDate -update-countries

// countryKey is one normalized code or name (normalizeCountry) and the
// index of its country in countryTable.
type countryKey struct {
	key string
	c   uint16
}

// countryByKey returns the country whose normalized code or name is key,
// or nil.
func countryByKey(key []byte) *countryInfo {
	lo, hi := 0, len(countryKeys)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if countryKeys[h].key < string(key) {
			lo = h + 1
		} else {
			hi = h
		}
	}
	if lo < len(countryKeys) && countryKeys[lo].key == string(key) {
		return &countryTable[countryKeys[lo].c]
	}
	return nil
}

// countryNear prepares countryNames' keys for manifest's did-you-mean; only
// a value that names no country needs it.
var countryNear = sync.OnceValue(func() *manifest.Candidates {
	keys := make([]string, len(countryNames))
	for i, n := range countryNames {
		keys[i] = n.key
	}
	return manifest.NewCandidates(keys)
})

// countryByCode returns the country of an alpha-2 code (uppercase), or nil.
func countryByCode(alpha2 string) *countryInfo {
	return lookupCountry(alpha2)
}

// lookupCountry returns the country s names, or nil. s may be an alpha-2 or
// alpha-3 code or an accepted English name, in any letter case, with
// surrounding spaces; runs of inner spaces count as one, a leading `the `
// and a trailing ` (the)` (as ISO writes some names) are ignored, and a
// typographic apostrophe counts as `'`. Nothing else is forgiven: no
// punctuation is dropped and no misspelling is accepted.
func lookupCountry(s string) *countryInfo {
	if len(s) > 100 {
		return nil
	}
	var buf [128]byte
	return countryByKey(normalizeCountry(buf[:0], s))
}

// nearestCountry is suggestCountry with the country suggested, when there
// is one (nil for none, or a choice of two).
func nearestCountry(s string) (string, *countryInfo) {
	if len(s) > 100 {
		return "", nil
	}
	var buf [128]byte
	key := string(normalizeCountry(buf[:0], s))
	if a2, ok := countryHints()[key]; ok {
		c := countryByCode(a2)
		return "`" + c.name + "` (" + c.alpha2 + ")", c
	}
	if len(key) < 4 {
		return "", nil
	}
	// The closest name within a few edits: more on longer names.
	limit := 1
	switch {
	case len(key) > 8:
		limit = 3
	case len(key) > 5:
		limit = 2
	}
	if i := countryNear().Nearest(key, limit, limit); i >= 0 {
		best := &countryTable[countryNames[i].c]
		return "`" + best.name + "` (" + best.alpha2 + ")", best
	}
	// A first word that begins one or two names: `Bosnia`, `Congo`.
	var found []*countryInfo
	for _, n := range countryNames {
		if len(n.key) > len(key) && strings.HasPrefix(n.key, key) &&
			(n.key[len(key)] == ' ' || n.key[len(key)] == ',') {
			c := &countryTable[n.c]
			dup := false
			for _, f := range found {
				dup = dup || f == c
			}
			if !dup {
				found = append(found, c)
			}
		}
	}
	if len(found) == 0 || len(found) > 2 {
		return "", nil
	}
	out := "`" + found[0].name + "` (" + found[0].alpha2 + ")"
	if len(found) == 2 {
		return out + " or `" + found[1].name + "` (" + found[1].alpha2 + ")", nil
	}
	return out, found[0]
}

// normalizeCountry appends the lookup key of s to dst: trimmed, lower case,
// inner runs of white space as one space, typographic apostrophes as `'`,
// without a leading `the ` or a trailing ` (the)`.
func normalizeCountry(dst []byte, s string) []byte {
	s = strings.TrimSpace(s)
	space := false
	for i := 0; i < len(s); {
		r := rune(s[i])
		if r < utf8.RuneSelf {
			i++
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			var n int
			r, n = utf8.DecodeRuneInString(s[i:])
			i += n
			if r == '\u2019' || r == '\u2018' {
				r = '\''
			}
			r = unicode.ToLower(r)
		}
		if r == ' ' || r == '\t' || unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = utf8.AppendRune(dst, r)
	}
	if len(dst) > 4 && string(dst[:4]) == "the " {
		dst = dst[4:]
	}
	if len(dst) > 6 && string(dst[len(dst)-6:]) == " (the)" {
		dst = dst[:len(dst)-6]
	}
	return dst
}
