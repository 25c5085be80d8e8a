package schema

import (
	"bytes"
	"encoding/json"
	"regexp/syntax"
)

// longRepeat is the smallest upper bound of a counted repetition
// (`{1,255}`) that makes a pattern worth wrapping (gojsonschemaSource).
const longRepeat = 64

// gojsonschemaSource is src, a kind's bundled schema, as gojsonschema
// compiles it: the same document, with each pattern that holds a long
// counted repetition (`^[A-Za-z0-9._-]{1,255}$`) wrapped in a capture
// group, `(^[A-Za-z0-9._-]{1,255}$)`, which matches exactly the strings
// the pattern matches (gojsonschema calls MatchString and reads no
// group). Go's regexp builds a one-pass matcher for a pattern anchored
// at its start, which for 255 copies of a character class was most of
// the pattern's compile time (about a fifth of compiling the four kinds,
// more in a cold process), and does not try for a program that starts
// with a capture. gojsonschema matches patterns only on the fields at
// fault (prune), where the general matcher costs nothing that shows.
// The schema users see (Source, `manifestlint schema`) is unchanged;
// TestGojsonschemaSource checks that the two differ only there.
func gojsonschemaSource(src []byte) []byte {
	const key = `"pattern": `
	var out []byte
	rest := src
	for {
		i := bytes.Index(rest, []byte(key))
		if i < 0 {
			break
		}
		start := i + len(key)
		end := jsonStringEnd(rest[start:])
		if end < 0 {
			break
		}
		quoted := rest[start : start+end]
		var p string
		if json.Unmarshal(quoted, &p) != nil || !hasLongRepeat(p) {
			out = append(out, rest[:start+end]...)
			rest = rest[start+end:]
			continue
		}
		wrapped, _ := json.Marshal("(" + p + ")")
		if out == nil {
			out = make([]byte, 0, len(src)+16)
		}
		out = append(out, rest[:start]...)
		out = append(out, wrapped...)
		rest = rest[start+end:]
	}
	if out == nil {
		return src
	}
	return append(out, rest...)
}

// jsonStringEnd is the length of the JSON string that b starts with,
// quotes included, or -1 when b does not start with one.
func jsonStringEnd(b []byte) int {
	if len(b) == 0 || b[0] != '"' {
		return -1
	}
	for i := 1; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// hasLongRepeat reports whether the pattern p has a counted repetition
// whose upper bound is longRepeat or more (`{1,255}`); false for a
// pattern that does not parse, which gojsonschema then rejects as it is.
func hasLongRepeat(p string) bool {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return false
	}
	var walk func(*syntax.Regexp) bool
	walk = func(re *syntax.Regexp) bool {
		if re.Op == syntax.OpRepeat && re.Max >= longRepeat {
			return true
		}
		for _, s := range re.Sub {
			if walk(s) {
				return true
			}
		}
		return false
	}
	return walk(re)
}
