package rules

import (
	"regexp"
	"sync"
)

// A post-office box in the words of the country it is in (spec §4.6 [D for
// the words]): the English forms (`PO Box`, ...) are poBox in address.go,
// checked everywhere; these are checked only where the address is in one of
// the countries that write them, so that a street called "BP" or "Apartado"
// elsewhere is no false alarm. Sources (the national posts' addressing
// rules, as the Universal Postal Union's "Postal addressing systems in
// member countries" collects them, and each post's own guide):
//
//   - Postfach (DE, AT, CH): Deutsche Post "Adressierung: Postfach",
//     Österreichische Post and Swiss Post addressing guides ("Postfach 1234").
//   - Packstation (DE, AT, CH): DHL Packstation, the parcel lockers of
//     Deutsche Post DHL (Post Packstation in Austria, My Post 24 / "Packstation"
//     in Switzerland): no carrier hands a device over there.
//   - Case postale, C.P. (CA, CH): Canada Post "Canadian Addressing Guide"
//     (French: "CASE POSTALE 1234", abbreviated "CP"/"C.P."); Swiss Post
//     ("Case postale" in French-speaking Switzerland).
//   - Boîte postale, BP (FR, BE): La Poste (France) "BP 1234"; bpost
//     (Belgium) "Boîte postale"/"BP".
//   - Apartado (ES): Correos "Apartado de Correos 1234".
//   - Casella postale (IT): Poste Italiane "Casella Postale 1234" (CP).
//   - Postbus (NL): PostNL "Postbus 1234".
//
// How the words match is one of address-po-box's Decisions (address.go).
type localBox struct {
	countries []string    // ISO alpha-2 codes
	re        *lazyRegexp // compiled on first use: most addresses are in none of the countries
	what      string      // what the word means, for the message
}

var localBoxes = []localBox{
	{[]string{"DE", "AT", "CH"}, &lazyRegexp{expr: `(?i)\bpostfach\b`}, "a post-office box"},
	{[]string{"DE", "AT", "CH"}, &lazyRegexp{expr: `(?i)\bpackstation\b`}, "a parcel locker"},
	{[]string{"CA", "CH"}, &lazyRegexp{expr: `(?i)\bcase\s+postale\b|(?:^|[\s,])c\.\s?p\.(?:\s|\d|$)`}, "a post-office box"},
	{[]string{"FR", "BE"}, &lazyRegexp{expr: `(?i)\bbo[iî]te\s+postale\b|(?-i)(?:^|[\s,])B\.?\s?P\.?\s*\d`}, "a post-office box"},
	{[]string{"ES"}, &lazyRegexp{expr: `(?i)\bapartado\b`}, "a post-office box"},
	{[]string{"IT"}, &lazyRegexp{expr: `(?i)\bcasella\s+postale\b`}, "a post-office box"},
	{[]string{"NL"}, &lazyRegexp{expr: `(?i)\bpostbus\b`}, "a post-office box"},
}

// lazyRegexp is a regular expression compiled on its first use, once: a
// one-file run compiles only the patterns it uses. A table of them is data
// the binary holds as it is, with nothing to run at start-up.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// get returns the compiled expression.
func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.expr) })
	return l.re
}

// localPOBox finds, in the street line v of an address in the country with
// ISO code alpha2, a post-office box written in that country's words: the
// words matched (trimmed) and what they mean; "" when there is none.
func localPOBox(alpha2, v string) (match, what string) {
	for _, b := range localBoxes {
		in := false
		for _, c := range b.countries {
			in = in || c == alpha2
		}
		if !in {
			continue
		}
		if m := b.re.get().FindString(v); m != "" {
			return trimBoxMatch(m), b.what
		}
	}
	return "", ""
}

// trimBoxMatch drops the separator a match may start with and the digit or
// space it may end with: `, BP 1` is `BP`.
func trimBoxMatch(m string) string {
	for len(m) > 0 && (m[0] == ' ' || m[0] == ',' || m[0] == '\t') {
		m = m[1:]
	}
	for len(m) > 0 && (m[len(m)-1] == ' ' || m[len(m)-1] == '\t' || ('0' <= m[len(m)-1] && m[len(m)-1] <= '9')) {
		m = m[:len(m)-1]
	}
	return m
}
