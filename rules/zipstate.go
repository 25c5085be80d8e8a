package rules

import (
	"maps"
	"slices"
	"strings"
)

// The states of US ZIP codes by their first three digits (spec §4.6 [D]: a
// ZIP whose prefix does not belong to stateOrProvince is
// InvalidAddressException).
//
// Source: USPS, Domestic Mail Manual (DMM) exhibit L002, "3-Digit ZIP Code
// Prefix Matrix", which lists the state of every 3-digit prefix, as
// summarized in the state ranges of USPS Publication 65 ("National
// Five-Digit ZIP Code and Post Office Directory"). Each state is given its
// whole range, and a prefix that serves two states is listed for each: 063
// (CT, and Fishers Island, NY 06390), 834 (ID, and Alta, WY 83414), 967 (HI,
// and American Samoa 96799), 969 (Guam and the Northern Mariana Islands).
// Why (unassigned and military prefixes too): address-postal-code's
// Decisions.
var zipStateRanges = map[string][][2]int{
	"AL": {{350, 369}},
	"AK": {{995, 999}},
	"AZ": {{850, 865}},
	"AR": {{716, 729}},
	"CA": {{900, 961}},
	"CO": {{800, 816}},
	"CT": {{60, 69}},
	"DE": {{197, 199}},
	"DC": {{200, 200}, {202, 205}, {569, 569}},
	"FL": {{320, 339}, {341, 349}},
	"GA": {{300, 319}, {398, 399}},
	"HI": {{967, 968}},
	"ID": {{832, 838}},
	"IL": {{600, 629}},
	"IN": {{460, 479}},
	"IA": {{500, 528}},
	"KS": {{660, 679}},
	"KY": {{400, 427}},
	"LA": {{700, 714}},
	"ME": {{39, 49}},
	"MD": {{206, 219}},
	"MA": {{10, 27}, {55, 55}},
	"MI": {{480, 499}},
	"MN": {{550, 567}},
	"MS": {{386, 397}},
	"MO": {{630, 658}},
	"MT": {{590, 599}},
	"NE": {{680, 693}},
	"NV": {{889, 898}},
	"NH": {{30, 38}},
	"NJ": {{70, 89}},
	"NM": {{870, 884}},
	"NY": {{5, 5}, {63, 63}, {100, 149}},
	"NC": {{270, 289}},
	"ND": {{580, 588}},
	"OH": {{430, 459}},
	"OK": {{730, 732}, {734, 749}},
	"OR": {{970, 979}},
	"PA": {{150, 196}},
	"RI": {{28, 29}},
	"SC": {{290, 299}},
	"SD": {{570, 577}},
	"TN": {{370, 385}},
	"TX": {{733, 733}, {750, 799}, {885, 885}},
	"UT": {{840, 847}},
	"VT": {{50, 54}, {56, 59}},
	"VA": {{201, 201}, {220, 246}},
	"WA": {{980, 994}},
	"WV": {{247, 268}},
	"WI": {{530, 549}},
	"WY": {{820, 831}, {834, 834}},
	"PR": {{6, 7}, {9, 9}},
	"VI": {{8, 8}},
	"GU": {{969, 969}},
	"MP": {{969, 969}},
	"AS": {{967, 967}},
}

// zipFitsState reports whether the US ZIP code zip (NNNNN or NNNNN-NNNN)
// can belong to the state or territory code state; known is false when
// state is not in the table (then nothing can be said).
func zipFitsState(zip, state string) (fits, known bool) {
	ranges, known := zipStateRanges[strings.TrimSpace(state)]
	if !known || len(zip) < 3 || !addrIsDigits(zip[:3]) {
		return false, known
	}
	p := int(zip[0]-'0')*100 + int(zip[1]-'0')*10 + int(zip[2]-'0')
	for _, r := range ranges {
		if r[0] <= p && p <= r[1] {
			return true, true
		}
	}
	return false, true
}

// zipStates names the states a ZIP code's prefix belongs to ("CA", or
// "GU or MP"); "" when none (a military or unassigned prefix).
func zipStates(zip string) string {
	var out []string
	for _, st := range slices.Sorted(maps.Keys(zipStateRanges)) {
		if fits, _ := zipFitsState(zip, st); fits {
			out = append(out, st)
		}
	}
	return strings.Join(out, " or ")
}
