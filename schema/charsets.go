package schema

// Character sets of the schema's patterns, to point at the first character
// a value may not hold.

import (
	"fmt"
	"regexp"
	"sync"
	"unicode"
	"unicode/utf8"
)

// charsetPattern matches the schema patterns that only bound a value's
// character set and length: ^[A-Za-z0-9._-]{1,255}$.
var charsetPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\^(\[[^\]]+\])(?:\{\d+(?:,\d*)?\}|\+|\*)\$$`) })

// charsets caches, per schema pattern, the one-character regexp of its
// character set (nil when the pattern is not a character-set pattern).
var charsets sync.Map

// charsetOf returns the character set of a subschema's pattern, or nil.
func charsetOf(sub map[string]any) *regexp.Regexp {
	p, _ := sub["pattern"].(string)
	if p == "" {
		return nil
	}
	if v, ok := charsets.Load(p); ok {
		re, _ := v.(*regexp.Regexp)
		return re
	}
	var re *regexp.Regexp
	if m := charsetPattern().FindStringSubmatch(p); m != nil {
		re, _ = regexp.Compile("^" + m[1] + "$")
	}
	charsets.Store(p, re)
	return re
}

// firstBad returns the 1-based position (in characters) and the character
// of the first character of v outside set; 0 when there is none.
func firstBad(set *regexp.Regexp, v string) (int, rune) {
	var buf [utf8.UTFMax]byte
	pos := 0
	for _, r := range v {
		pos++
		if !set.Match(buf[:utf8.EncodeRune(buf[:], r)]) {
			return pos, r
		}
	}
	return 0, 0
}

// showRune names a character for a message: `!`, a space, U+00A0.
func showRune(r rune) string {
	switch {
	case r == ' ':
		return "a space"
	case r == '\t':
		return "a tab"
	case r == '`':
		return "a backtick"
	case r == utf8.RuneError:
		return "an invalid character"
	case !unicode.IsPrint(r) || unicode.IsSpace(r):
		return fmt.Sprintf("the character %U", r)
	}
	return "`" + string(r) + "`"
}
