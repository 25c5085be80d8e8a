package manifest

import (
	"strings"
	"unicode/utf8"
)

// EditDistance is the Levenshtein distance between a and b, counted in
// characters: the one measure every did-you-mean of manifestlint uses
// (unknown keys, enum values, countries, rule names, config keys). It runs
// only on the error path.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		prev := row[0]
		row[0] = i
		for j := 1; j <= len(rb); j++ {
			cur := row[j]
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			row[j] = min(row[j]+1, row[j-1]+1, prev+cost)
			prev = cur
		}
	}
	return row[len(rb)]
}

// Closest suggests the candidate a user most likely meant by s: one equal
// but for letter case, '_', '-' and spaces (`erase_device` for
// eraseDevice), or else the nearest within an edit distance of 2, ignoring
// case and never as many edits as s has characters; "" for none. Every
// did-you-mean of keys, values, rule names and config keys uses it.
func Closest(s string, candidates []string) string {
	if s == "" {
		return ""
	}
	ns := FoldName(s)
	for _, c := range candidates {
		if FoldName(c) == ns {
			return c
		}
	}
	best, bestD := "", 3
	ls, n := strings.ToLower(s), utf8.RuneCountInString(s)
	for _, c := range candidates {
		if d := EditDistance(ls, strings.ToLower(c)); d < bestD && d < n {
			best, bestD = c, d
		}
	}
	return best
}

// FoldName folds letter case and drops '_', '-' and spaces.
func FoldName(x string) string { return strings.ToLower(nameFolder.Replace(x)) }

var nameFolder = strings.NewReplacer("_", "", "-", "", " ", "")
