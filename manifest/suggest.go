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
	// Keys and values are short: the runes and the row live on the stack
	// (did-you-mean runs once per unknown key, and a hostile file has
	// hundreds of thousands).
	var bufA, bufB [64]rune
	var bufRow [65]int
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	row := bufRow[:0]
	if len(rb)+1 > len(bufRow) {
		row = make([]int, len(rb)+1)
	} else {
		row = row[:len(rb)+1]
	}
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

// appendRunes appends the runes of s to buf.
func appendRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, r)
	}
	return buf
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
	return NewCandidates(candidates).Closest(s)
}

// Candidates are the names of one did-you-mean prepared once (folded and
// lower-cased) for many look-ups: a manifest with 100,000 unknown keys asks
// about the same allowed keys 100,000 times.
type Candidates struct {
	names, folded, lower []string
	runes                []int // of lower
}

// NewCandidates prepares names for Closest.
func NewCandidates(names []string) *Candidates {
	c := &Candidates{names: names, folded: make([]string, len(names)), lower: make([]string, len(names)), runes: make([]int, len(names))}
	for i, n := range names {
		c.folded[i] = FoldName(n)
		c.lower[i] = strings.ToLower(n)
		c.runes[i] = utf8.RuneCountInString(c.lower[i])
	}
	return c
}

// Closest is the package's Closest(s, names) for the prepared names.
func (c *Candidates) Closest(s string) string {
	if s == "" {
		return ""
	}
	ns := FoldName(s)
	for i, f := range c.folded {
		if f == ns {
			return c.names[i]
		}
	}
	if i := c.Nearest(s, min(2, utf8.RuneCountInString(s)-1), -1); i >= 0 {
		return c.names[i]
	}
	return ""
}

// Nearest is the index of the name nearest to s, ignoring case, at most
// edits away (the first of a tie), or -1: Closest with the caller's
// threshold. window >= 0 also passes over the names whose length in bytes
// differs from s's by more than window (countries' acceptance).
func (c *Candidates) Nearest(s string, edits, window int) int {
	best, bestD := -1, edits+1
	ls := strings.ToLower(s)
	nl := utf8.RuneCountInString(ls)
	for i, lc := range c.lower {
		// The distance is at least the difference in length: skip the
		// candidates that cannot win without computing it.
		diff, bd := c.runes[i]-nl, len(lc)-len(ls)
		if diff >= bestD || -diff >= bestD || window >= 0 && (bd > window || -bd > window) {
			continue
		}
		if d := EditDistance(ls, lc); d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// FoldName folds letter case and drops '_', '-' and spaces.
func FoldName(x string) string { return strings.ToLower(nameFolder.Replace(x)) }

var nameFolder = strings.NewReplacer("_", "", "-", "", " ", "")
