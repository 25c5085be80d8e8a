package rules

import (
	"strings"
	"testing"
)

func TestJavaRegexValid(t *testing.T) {
	for _, p := range []string{
		"", "abc", `.*\.tmp$`, `^\.DS_Store$`, `(?i)thumbs\.db`, `a|b|`, `()`, `(a|)`,
		// Java-only syntax RE2 lacks.
		`(?=a)b`, `(?!a)b`, `(?<=a)b`, `(?<!a)b`, `(a)\1`, `(a)(b)\2\12`, `a*+`, `a++b`, `a?+`, `a{2}+`,
		`(?>a|ab)c`, `(?<year>\d{4})-\k<year>`, `\Qa(b[c\E+`, `\Q(unclosed quote`, `\Q\E`, `a\Q\E*`,
		`[a-z&&[^b]]`, `[a-z&&b]`, `[&&a]`, `[a&&]`, `[]a]`, `[^]a]`, `[[a]b]`, `[a[b[c]]]`, `[\[\]]`,
		`[a-]`, `[-a]`, `[--0]`, `[\d-z]`, `[a-[bc]]`, `[\x00-\x7F]`, `[\u0000-\uFFFF]`, `[\0101-\0132]`,
		`\x{1F600}`, `\u00e9`, `\cM`, `\t\n\r\f\a\e`, `\pL\p{Alpha}\P{IsLatin}\p{javaLowerCase}`,
		`\h\H\v\V\R\X\s\S\w\W\d\D`, `\A\G\Z\z\b\B`, `\b{g}`, `\N{LATIN SMALL LETTER E}`,
		`a{2}`, `a{2,}`, `{2}`, `a{2}{3}`, `(?i){2}`, `a|{1,2}`, `a{2,5}?`, `a{0}`, `^*`, `$?`, `\b+`, `(?=a)*`, `}`, `]`, `a}`,
		`(?i:a)`, `(?-i)a`, `(?i-x:a)`, `(?)`, `(?idmsuxU-idmsuxU)`, `(?c)a`, `(?-)`, `[\x00-\v]`, `[\v-z]`, `\-\.\/\@\#\é`,
		"(?x) a # comment (\n b", "(?x)a * ? # lazy", "(?x:[ a ])", "((?x) # in group (\n)x",
		`\\`, `\\\\`, `[\\]`,
	} {
		if err := checkJavaRegex(p); err != nil {
			t.Errorf("%q: unexpected error at %d: %s", p, err.Pos, err.Msg)
		}
	}
}

func TestJavaRegexInvalid(t *testing.T) {
	for _, tc := range []struct {
		p    string
		pos  int
		frag string
	}{
		{`\`, 0, "ends with a single"},
		{`abc\`, 3, "ends with a single"},
		{`(a`, 0, "`(` at character 1 is never closed"},
		{`((a)`, 0, "never closed"},
		{`(a))`, 3, "`)` at character 4 closes no group"},
		{`)`, 0, "closes no group"},
		{`[a`, 0, "`[` at character 1 is never closed"},
		{`[]`, 0, "never closed"},
		{`[^]`, 0, "never closed"},
		{`a[b[c]`, 1, "never closed"},
		{`[[]]`, 0, "never closed"},
		{`*a`, 0, "quantifier `*` at character 1 has nothing before it"},
		{`a|+b`, 2, "`+`"},
		{`(?a)`, 0, "starts no group"},
		{`(*)`, 1, "nothing before it"},
		{`a**`, 2, "nothing before it"},
		{`a*?+`, 3, "nothing before it"},
		{`(?i)*`, 4, "nothing before it"},
		{`\Q\E*`, 4, "nothing before it"},
		{`a{`, 1, "does not start a repetition"},
		{`{`, 0, "does not start a repetition"},
		{`(?i){x}`, 4, "does not start a repetition"},
		{`${x}`, 1, "does not start a repetition"},
		{`a{,3}`, 1, "does not start a repetition"},
		{`a{2`, 1, "not closed"},
		{`a{2,x}`, 1, "not closed"},
		{`a{3,1}`, 1, "maximum below its minimum"},
		{`a{99999999999}`, 1, "2147483647"},
		{`\g`, 0, "not an escape Java knows"},
		{`\y`, 0, "not an escape Java knows"},
		{`a\E`, 1, "ends no `\\Q`"},
		{`\0`, 0, "octal"},
		{`\08`, 0, "octal"},
		{`\x4`, 0, "two hex digits"},
		{`\x{}`, 0, "two hex digits"},
		{`\x{110000}`, 0, "above 10FFFF"},
		{`\x{41`, 0, "not closed"},
		{`\u12`, 0, "four hex digits"},
		{`\c`, 0, "control"},
		{`\p`, 0, "needs a name"},
		{`\pQ`, 0, "needs a name"},
		{`\p{}`, 0, "has no name"},
		{`\p{Alpha`, 0, "not closed"},
		{`\N`, 0, "`\\N`"},
		{`\k`, 0, "must name a group"},
		{`\k<a>`, 0, "names no group opened before it"},
		{`\k<1a>`, 3, "group name"},
		{`(?<1a>x)`, 3, "group name"},
		{`(?<a>x)(?<a>y)`, 10, "already used"},
		{`(?<ab`, 3, "group name"},
		{`(?`, 0, "the end of the pattern"},
		{`(?P<n>x)`, 0, "`P`"},
		{`(?i-m-s)`, 5, "only one `-`"},
		{`(?iq)`, 3, "inline flag `q`"},
		{`[z-a]`, 1, "runs backwards"},
		{`[\x7a-a]`, 1, "runs backwards"},
		{`[a-\d]`, 1, "does not end in a single character"},
		{`[a-\v]`, 1, "runs backwards"},
		{`[\1]`, 1, "back-reference"},
		{`[\b]`, 1, "not allowed inside a character class"},
		{`[\Z]`, 1, "not allowed inside a character class"},
		{`[&&]`, 1, "`&&`"},
		{`[\g]`, 1, "not an escape Java knows"},
		{"(?x)a # (\n)", 10, "closes no group"},
		{"(?x:a)#(", 7, "never closed"},
	} {
		err := checkJavaRegex(tc.p)
		if err == nil {
			t.Errorf("%q: no error, want %q", tc.p, tc.frag)
			continue
		}
		if err.Pos != tc.pos || !strings.Contains(err.Msg, tc.frag) {
			t.Errorf("%q: error at %d %q, want at %d with %q", tc.p, err.Pos, err.Msg, tc.pos, tc.frag)
		}
	}
}

// FuzzJavaRegex checks that the scanner never panics or loops, and that an
// error's position lies inside the pattern.
func FuzzJavaRegex(f *testing.F) {
	for _, s := range []string{"", `(a|b)*c`, `[a-z&&[^b]]`, `\Q(\E`, `(?<n>x)\k<n>`, `a{2,3}+`, `\x{1F600}`,
		"(?x)a # c\n b", `[[[]]]`, `\`, `(?`, `[\p{L}-z]`, `\0777`, "é(?<=ü)*"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		err := checkJavaRegex(p)
		if err != nil && (err.Pos < 0 || err.Pos > len([]rune(p)) || err.Msg == "") {
			t.Fatalf("%q: bad error %+v", p, err)
		}
	})
}

// TestJavaRegexLinear guards against quadratic or worse scans.
func TestJavaRegexLinear(t *testing.T) {
	for _, p := range []string{
		strings.Repeat("(", 200000), strings.Repeat("[", 200000), strings.Repeat(`\Q`, 100000),
		strings.Repeat("a*", 100000), strings.Repeat("[a]", 100000) + "[", "(?x)" + strings.Repeat("#", 200000),
		strings.Repeat("(?<a", 50000), strings.Repeat("()", 100000),
	} {
		_ = checkJavaRegex(p)
	}
}
