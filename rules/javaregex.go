package rules

import (
	"fmt"
	"strings"
)

// javaRegexError is a syntax error in a Java regular expression: Pos is the
// 0-based index of the character (rune) at fault, Msg says what is wrong
// and how to fix it.
type javaRegexError struct {
	Pos int
	Msg string
}

// checkJavaRegex reports whether pattern is a syntax error for Java's
// java.util.regex.Pattern (the S3 import's `ignore` patterns are Java
// regular expressions). It is a scanner, not a matcher: it never compiles
// the pattern, runs in time linear in its length, never recurses, and never
// panics, whatever the input.
//
// Refused, as Java refuses them (PatternSyntaxException):
//   - a `\` at the end of the pattern;
//   - an unbalanced `(` or `)`, an unclosed `[` (nested classes included);
//   - a quantifier `*`, `+` or `?` with nothing before it to repeat (at the
//     start, after `(`, `|`, a flag group `(?i)`, or another complete
//     quantifier: `a**`, `a*?+`); a `{` that does not start a repetition
//     `{n}`, `{n,}`, `{n,m}` (write `\{`); `{m,n}` with n < m; counts over
//     2^31-1. A well-formed `{n,m}` with nothing before it is accepted, as
//     Java accepts it (it repeats the empty string);
//   - escapes Java does not know: a `\` before an ASCII letter outside
//     `ABDGHNPQRSVWXZabcdefhknprstuvwxz` (`\g`, `\y`, a `\E` without `\Q`);
//     a malformed `\0` octal, `\x` hex (`\xhh`, `\x{h..h}` up to 10FFFF),
//     `\u` (four hex digits), `\c` without a letter, `\p`/`\P` without a
//     name (a one-letter name must be one of L M N P S Z C; a name in braces
//     must not be empty), `\N` without `{name}`, `\k` without `<name>` of a
//     group opened before it; inside a class, the escapes that are not
//     characters: back-references `\1`..`\9`, `\k`, and `\b \B \A \G \Z \z
//     \R \X`;
//   - a group construct Java does not know: `(?` followed by anything but
//     `:` `=` `!` `>` `<=` `<!` `<name>` or inline flags `idmsuxUc` (with one
//     `-`) closed by `)` or `:`; a group name that does not start with an
//     ASCII letter or holds other than ASCII letters and digits; a group
//     name used twice;
//   - a class range that runs backwards (`[z-a]`) or ends in a class escape
//     (`[a-\d]`); `&&` with nothing on either side (`[&&]`).
//
// Accepted, although Go's RE2 lacks them: look-ahead and look-behind,
// back-references (`\1`, `\k<name>`), possessive (`a*+`) and lazy
// quantifiers, atomic groups `(?>`, `\Q...\E` quoting (an unclosed `\Q`
// quotes to the end, as in Java), class unions and intersections
// (`[a-z&&[^b]]`), a `]` first in a class (a literal), `\h \v \R \X`, and
// the COMMENTS flag `(?x)` (whitespace and `#` comments are skipped, scoped
// to the enclosing group as in Java).
//
// Not checked (accepted): the names inside `\p{...}` and `\N{...}`, and
// whether a look-behind has a bounded length.
func checkJavaRegex(pattern string) *javaRegexError {
	s := &jrScanner{r: []rune(pattern)}
	return s.run()
}

// jrScanner holds the state of one checkJavaRegex run.
type jrScanner struct {
	r        []rune
	comments bool            // the COMMENTS flag (?x) is on
	groups   []jrGroup       // open groups, innermost last
	names    map[string]bool // named groups opened so far
}

// jrGroup is an open group: where its `(` is, and the COMMENTS flag to
// restore when it closes.
type jrGroup struct {
	open     int
	comments bool
}

func (s *jrScanner) errf(pos int, format string, args ...any) *javaRegexError {
	return &javaRegexError{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// skip passes whitespace and `#` comments when the COMMENTS flag is on.
func (s *jrScanner) skip(i int) int {
	if !s.comments {
		return i
	}
	for i < len(s.r) {
		switch c := s.r[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			i++
		case c == '#':
			for i < len(s.r) && !isJavaLineEnd(s.r[i]) {
				i++
			}
		default:
			return i
		}
	}
	return i
}

func isJavaLineEnd(c rune) bool {
	return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029'
}

func (s *jrScanner) run() *javaRegexError {
	r, n := s.r, len(s.r)
	canRepeat := false // there is an atom before that a quantifier can repeat
	i := 0
	for {
		i = s.skip(i)
		if i >= n {
			break
		}
		switch c := r[i]; c {
		case '\\':
			next, e := s.escape(i, false)
			if e.err != nil {
				return e.err
			}
			if e.kind != escQuote || e.val > 0 { // an empty \Q\E is nothing
				canRepeat = true
			}
			i = next
		case '[':
			next, err := s.class(i)
			if err != nil {
				return err
			}
			i, canRepeat = next, true
		case '(':
			next, repeatable, err := s.group(i)
			if err != nil {
				return err
			}
			i, canRepeat = next, repeatable
		case ')':
			if len(s.groups) == 0 {
				return s.errf(i, "the `)` at character %d closes no group: remove it, or write `\\)` to match a `)`", i+1)
			}
			g := s.groups[len(s.groups)-1]
			s.groups = s.groups[:len(s.groups)-1]
			s.comments = g.comments
			i, canRepeat = i+1, true
		case '|':
			i, canRepeat = i+1, false
		case '*', '+', '?':
			if !canRepeat {
				return s.errf(i, "the quantifier `%c` at character %d has nothing before it to repeat: write `\\%c` to match a `%c`", c, i+1, c, c)
			}
			i, canRepeat = s.afterQuantifier(i+1), false
		case '{':
			// Java reads a `{` with nothing before it as repeating the
			// empty string (`{2}`, `a{2}{3}` compile), so only its form
			// is checked.
			next, err := s.repetition(i)
			if err != nil {
				return err
			}
			i, canRepeat = s.afterQuantifier(next), false
		default:
			i, canRepeat = i+1, true
		}
	}
	if len(s.groups) > 0 {
		g := s.groups[len(s.groups)-1]
		return s.errf(g.open, "the `(` at character %d is never closed: add the `)`, or write `\\(` to match a `(`", g.open+1)
	}
	return nil
}

// afterQuantifier passes the `?` (lazy) or `+` (possessive) that may follow
// a quantifier.
func (s *jrScanner) afterQuantifier(i int) int {
	i = s.skip(i)
	if i < len(s.r) && (s.r[i] == '?' || s.r[i] == '+') {
		i++
	}
	return i
}

// repetition checks a `{n}`, `{n,}` or `{n,m}` starting at i and returns the
// index after its `}`.
func (s *jrScanner) repetition(i int) (int, *javaRegexError) {
	r, n := s.r, len(s.r)
	notRep := func() *javaRegexError {
		return s.errf(i, "the `{` at character %d does not start a repetition `{n}`, `{n,}` or `{n,m}`: write `\\{` to match a `{`", i+1)
	}
	j := i + 1
	if j >= n || !isDigit(r[j]) {
		return 0, notRep()
	}
	number := func() (int64, bool) {
		var v int64
		for j < n && isDigit(r[j]) {
			v = v*10 + int64(r[j]-'0')
			if v > 1<<31-1 {
				return 0, false
			}
			j++
		}
		return v, true
	}
	lo, ok := number()
	if !ok {
		return 0, s.errf(i, "the repetition at character %d counts past 2147483647: use a smaller count", i+1)
	}
	hi := lo
	if j < n && r[j] == ',' {
		j++
		hi = 1<<31 - 1
		if j < n && r[j] != '}' {
			if hi, ok = number(); !ok {
				return 0, s.errf(i, "the repetition at character %d counts past 2147483647: use a smaller count", i+1)
			}
		}
	}
	if j >= n || r[j] != '}' {
		return 0, s.errf(i, "the repetition `{` at character %d is not closed as `{n}`, `{n,}` or `{n,m}`: add the `}`, or write `\\{` to match a `{`", i+1)
	}
	if hi < lo {
		return 0, s.errf(i, "the repetition `%s` at character %d has a maximum below its minimum: write `{%d,%d}`", string(r[i:j+1]), i+1, hi, lo)
	}
	return j + 1, nil
}

// group handles a `(` at i: it opens a group, or applies an inline flag
// group `(?i)`. repeatable is false after a flag group, which leaves nothing
// to repeat.
func (s *jrScanner) group(i int) (next int, repeatable bool, err *javaRegexError) {
	r, n := s.r, len(s.r)
	push := func(at int) {
		s.groups = append(s.groups, jrGroup{open: i, comments: s.comments})
		next = at
	}
	if i+1 >= n || r[i+1] != '?' {
		push(i + 1)
		return next, false, nil
	}
	unknown := func(at int) *javaRegexError {
		what := "the end of the pattern"
		if at < n {
			what = "`" + string(r[at]) + "`"
		}
		return s.errf(i, "the `(?` at character %d is followed by %s, which starts no group Java knows: use `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?>`, `(?<name>` or flags like `(?i)`, or write `\\(` to match a `(`", i+1, what)
	}
	k := i + 2
	if k >= n {
		return 0, false, unknown(k)
	}
	switch r[k] {
	case ':', '=', '!', '>':
		push(k + 1)
		return next, false, nil
	case '<':
		if k+1 < n && (r[k+1] == '=' || r[k+1] == '!') {
			push(k + 2)
			return next, false, nil
		}
		name, end, err := s.groupName(k + 1)
		if err != nil {
			return 0, false, err
		}
		if s.names[name] {
			return 0, false, s.errf(k+1, "the group name <%s> at character %d is already used: give each group its own name", name, k+2)
		}
		if s.names == nil {
			s.names = make(map[string]bool)
		}
		s.names[name] = true
		push(end)
		return next, false, nil
	}
	// Inline flags: (?idmsuxUc-idmsuxUc) or (?idmsuxUc-idmsuxUc:...).
	comments, neg := s.comments, false
	j := k
	for ; j < n; j++ {
		c := r[j]
		if strings.ContainsRune("idmsuxUc", c) {
			if c == 'x' {
				comments = !neg
			}
			continue
		}
		if c == '-' && !neg {
			neg = true
			continue
		}
		break
	}
	if j >= n {
		return 0, false, unknown(j)
	}
	switch r[j] {
	case ')':
		s.comments = comments
		return j + 1, false, nil
	case ':':
		push(j + 1)
		s.comments = comments
		return next, false, nil
	}
	if j == k {
		return 0, false, unknown(j)
	}
	if r[j] == '-' {
		return 0, false, s.errf(j, "the inline flags at character %d have a second `-`: only one `-` may turn flags off, as in `(?i-sx)`", j+1)
	}
	return 0, false, s.errf(j, "the inline flag `%c` at character %d is not one Java knows: use `i`, `d`, `m`, `s`, `u`, `x`, `U` or `c`, as in `(?i)` or `(?i:...)`", r[j], j+1)
}

// groupName reads a group name starting at i, up to its `>`, and returns
// the index after the `>`.
func (s *jrScanner) groupName(i int) (name string, next int, err *javaRegexError) {
	r, n := s.r, len(s.r)
	bad := func() *javaRegexError {
		return s.errf(i, "the group name at character %d must be an ASCII letter followed by letters or digits and closed by `>`, as in `(?<year>...)` or `\\k<year>`", i+1)
	}
	if i >= n || !isASCIILetter(r[i]) {
		return "", 0, bad()
	}
	j := i + 1
	for j < n && (isASCIILetter(r[j]) || isDigit(r[j])) {
		j++
	}
	if j >= n || r[j] != '>' {
		return "", 0, bad()
	}
	return string(r[i:j]), j + 1, nil
}

// escKind classifies an escape.
type escKind int

const (
	escChar  escKind = iota // one character (val, or -1 when not computed)
	escClass                // a set of characters: \d \s \w \p{..} ...
	escOther                // zero-width or a back-reference
	escQuote                // \Q...\E
)

// escResult is what an escape is.
type escResult struct {
	kind escKind
	val  rune
	err  *javaRegexError
}

// Letters Java accepts after `\` outside a class (beyond those handled one
// by one: 0-9, Q, x, u, c, p, P, k, N, b), and those that stand for no
// single character and are refused inside a class.
const (
	jrLetterEscapes  = "ABDGHRSVWXZadefhnrstvwz"
	jrNotInClass     = "BAGZzRX"
	jrClassEscapes   = "dDsSwWhHvV"
	jrControlEscapes = "tnrfae"
)

// escape reads the escape starting at the `\` at i and returns the index
// after it.
func (s *jrScanner) escape(i int, inClass bool) (int, escResult) {
	r, n := s.r, len(s.r)
	if i+1 >= n {
		return 0, escResult{err: s.errf(i, "the pattern ends with a single `\\` at character %d: write `\\\\` to match a backslash", i+1)}
	}
	e := r[i+1]
	fail := func(format string, args ...any) (int, escResult) {
		return 0, escResult{err: s.errf(i, format, args...)}
	}
	switch {
	case e == 'Q':
		for j := i + 2; j+1 < n; j++ {
			if r[j] == '\\' && r[j+1] == 'E' {
				return j + 2, escResult{kind: escQuote, val: rune(min(j-i-2, 1))}
			}
		}
		return n, escResult{kind: escQuote, val: rune(min(n-i-2, 1))}
	case e >= '1' && e <= '9':
		if inClass {
			return fail("the back-reference `\\%c` at character %d is not allowed inside a character class: write `\\\\%c` or `%c`", e, i+1, e, e)
		}
		return i + 2, escResult{kind: escOther}
	case e == '0':
		j := i + 2
		if j >= n || !isOctal(r[j]) {
			return fail("the octal escape `\\0` at character %d must be followed by 1 to 3 octal digits, as in `\\011`; write `\\x00` for a NUL", i+1)
		}
		v := r[j] - '0'
		j++
		if j < n && isOctal(r[j]) {
			v = v*8 + r[j] - '0'
			j++
			if j < n && isOctal(r[j]) && r[i+2] <= '3' {
				v = v*8 + r[j] - '0'
				j++
			}
		}
		return j, escResult{kind: escChar, val: v}
	case e == 'x':
		j := i + 2
		if j+1 < n && isHex(r[j]) && isHex(r[j+1]) {
			return j + 2, escResult{kind: escChar, val: hexVal(r[j])*16 + hexVal(r[j+1])}
		}
		if j+1 < n && r[j] == '{' && isHex(r[j+1]) {
			var v rune
			for j++; j < n && isHex(r[j]); j++ {
				v = v*16 + hexVal(r[j])
				if v > 0x10FFFF {
					return fail("the escape `\\x{...}` at character %d names a code point above 10FFFF", i+1)
				}
			}
			if j < n && r[j] == '}' {
				return j + 1, escResult{kind: escChar, val: v}
			}
			return fail("the escape `\\x{` at character %d is not closed with `}`", i+1)
		}
		return fail("the escape `\\x` at character %d must be followed by two hex digits (`\\x41`) or hex digits in braces (`\\x{1F600}`)", i+1)
	case e == 'u':
		j := i + 2
		if j+3 < n && isHex(r[j]) && isHex(r[j+1]) && isHex(r[j+2]) && isHex(r[j+3]) {
			v := ((hexVal(r[j])*16+hexVal(r[j+1]))*16+hexVal(r[j+2]))*16 + hexVal(r[j+3])
			return j + 4, escResult{kind: escChar, val: v}
		}
		return fail("the escape `\\u` at character %d must be followed by four hex digits, as in `\\u00e9`", i+1)
	case e == 'c':
		if i+2 >= n {
			return fail("the control escape `\\c` at character %d needs a letter after it, as in `\\cM`", i+1)
		}
		return i + 3, escResult{kind: escChar, val: r[i+2] ^ 64}
	case e == 'p' || e == 'P':
		j := i + 2
		if j < n && r[j] == '{' {
			end := j + 1
			for end < n && r[end] != '}' {
				end++
			}
			if end >= n {
				return fail("the property `\\%c{` at character %d is not closed with `}`", e, i+1)
			}
			if end == j+1 {
				return fail("the property `\\%c{}` at character %d has no name: write a name such as `\\%c{Alpha}` or `\\%c{IsLatin}`", e, i+1, e, e)
			}
			return end + 1, escResult{kind: escClass}
		}
		if j < n && strings.ContainsRune("LMNPSZC", r[j]) {
			return j + 1, escResult{kind: escClass}
		}
		return fail("the property `\\%c` at character %d needs a name: one of the letters L M N P S Z C (`\\%cL`) or a name in braces (`\\%c{Alpha}`)", e, i+1, e, e)
	case e == 'k':
		if inClass {
			return fail("the back-reference `\\k` at character %d is not allowed inside a character class", i+1)
		}
		if i+2 >= n || r[i+2] != '<' {
			return fail("the escape `\\k` at character %d must name a group, as in `\\k<year>`", i+1)
		}
		name, next, err := s.groupName(i + 3)
		if err != nil {
			return 0, escResult{err: err}
		}
		if !s.names[name] {
			return fail("the back-reference `\\k<%s>` at character %d names no group opened before it: define `(?<%s>...)` first", name, i+1, name)
		}
		return next, escResult{kind: escOther}
	case e == 'N':
		j := i + 2
		if j < n && r[j] == '{' {
			end := j + 1
			for end < n && r[end] != '}' {
				end++
			}
			if end < n && end > j+1 {
				return end + 1, escResult{kind: escChar, val: -1}
			}
		}
		return fail("the escape `\\N` at character %d must name a character in braces, as in `\\N{LATIN SMALL LETTER E}`", i+1)
	case e == 'b':
		if inClass {
			return fail("the word boundary `\\b` at character %d is not allowed inside a character class", i+1)
		}
		if i+4 < n && r[i+2] == '{' && r[i+3] == 'g' && r[i+4] == '}' {
			return i + 5, escResult{kind: escOther}
		}
		return i + 2, escResult{kind: escOther}
	case e == 'E':
		return fail("`\\E` at character %d ends no `\\Q` quote: remove it, or write `E`", i+1)
	case strings.ContainsRune(jrControlEscapes, e):
		return i + 2, escResult{kind: escChar, val: controlEscape(e)}
	case strings.ContainsRune(jrClassEscapes, e):
		return i + 2, escResult{kind: escClass}
	case strings.ContainsRune(jrNotInClass, e):
		if inClass {
			return fail("`\\%c` at character %d is not allowed inside a character class: it matches no single character", e, i+1)
		}
		return i + 2, escResult{kind: escOther}
	case isASCIILetter(e):
		// Only letters Java does not know remain here.
		return fail("`\\%c` at character %d is not an escape Java knows: write `%c` without the backslash, or `\\\\%c` to match a backslash", e, i+1, e, e)
	}
	// Any other escaped character stands for itself.
	return i + 2, escResult{kind: escChar, val: e}
}

// jrClassLevel is one open `[` of a (possibly nested) class.
type jrClassLevel struct {
	open    int
	hasItem bool
}

// class checks the character class whose `[` is at i and returns the index
// after its `]`. Nested classes are handled with an explicit stack.
func (s *jrScanner) class(i int) (int, *javaRegexError) {
	r, n := s.r, len(s.r)
	levels := []jrClassLevel{{open: i}}
	j := i + 1
	if j < n && r[j] == '^' {
		j++
	}
	for len(levels) > 0 {
		j = s.skip(j)
		top := &levels[len(levels)-1]
		if j >= n {
			return 0, s.errf(top.open, "the `[` at character %d is never closed: add the `]`, or write `\\[` to match a `[`", top.open+1)
		}
		switch r[j] {
		case '[':
			levels = append(levels, jrClassLevel{open: j})
			j++
			if j < n && r[j] == '^' {
				j++
			}
			continue
		case ']':
			if top.hasItem {
				levels = levels[:len(levels)-1]
				if len(levels) > 0 {
					levels[len(levels)-1].hasItem = true
				}
				j++
				continue
			}
			// A `]` first in a class is a literal.
		case '&':
			if j+1 < n && r[j+1] == '&' {
				at := j
				j = s.skip(j + 2)
				if !top.hasItem && (j >= n || r[j] == ']' || r[j] == '&') {
					return 0, s.errf(at, "the `&&` at character %d has no class on either side: write `[a-z&&[^aeiou]]`, or `\\&\\&` to match `&&`", at+1)
				}
				continue
			}
		}
		// One item: a character, an escape, maybe a range.
		itemAt := j
		start, next, single, err := s.classAtom(j)
		if err != nil {
			return 0, err
		}
		if start != jrEmptyQuote {
			top.hasItem = true
		}
		j = next
		if !single || j+1 >= n || r[j] != '-' || r[j+1] == ']' || r[j+1] == '[' {
			continue
		}
		// A range start-end. As a range end `\v` is the one character
		// U+000B, as in Java.
		end, after, endSingle, err := s.classAtom(j + 1)
		if r[j+1] == '\\' && j+2 < n && r[j+2] == 'v' {
			end, endSingle = 0x0B, true
		}
		if err != nil {
			return 0, err
		}
		if !endSingle {
			return 0, s.errf(itemAt, "the range `%s` at character %d does not end in a single character: a range needs one character at each end (write `\\-` for a literal `-`)", string(r[itemAt:after]), itemAt+1)
		}
		if start >= 0 && end >= 0 && end < start {
			return 0, s.errf(itemAt, "the range `%s` at character %d runs backwards (from U+%04X down to U+%04X): write the lower character first", string(r[itemAt:after]), itemAt+1, start, end)
		}
		j = after
	}
	return j, nil
}

// jrEmptyQuote is classAtom's val for an empty `\Q\E`, which adds nothing
// to a class; jrUnknown for a single character whose code point is not
// computed or for what is not one character.
const (
	jrEmptyQuote rune = -2
	jrUnknown    rune = -1
)

// classAtom reads one character or escape of a class at i. single tells
// whether it is one character (a possible range end); val is its code point,
// jrUnknown, or jrEmptyQuote.
func (s *jrScanner) classAtom(i int) (val rune, next int, single bool, err *javaRegexError) {
	if s.r[i] != '\\' {
		return s.r[i], i + 1, true, nil
	}
	next, e := s.escape(i, true)
	if e.err != nil {
		return 0, 0, false, e.err
	}
	switch e.kind {
	case escChar:
		return e.val, next, true, nil
	case escQuote:
		if e.val == 0 {
			return jrEmptyQuote, next, false, nil
		}
	}
	return jrUnknown, next, false, nil
}

// controlEscape is the character of `\t`, `\n`, `\r`, `\f`, `\a`, `\e`.
func controlEscape(e rune) rune {
	switch e {
	case 't':
		return '\t'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 'f':
		return '\f'
	case 'a':
		return 7
	}
	return 27 // e
}

func isDigit(c rune) bool       { return c >= '0' && c <= '9' }
func isOctal(c rune) bool       { return c >= '0' && c <= '7' }
func isASCIILetter(c rune) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isHex(c rune) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func hexVal(c rune) rune {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}
