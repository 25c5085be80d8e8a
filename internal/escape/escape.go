// Package escape makes text that comes from outside (manifest keys and
// values, file names, command-line arguments, configuration files) safe to
// print for a person: a terminal, a CI log or a workflow-command parser
// must never see a control character, a line break or an invisible
// character that reorders or hides what is shown. Each output context has
// one function here, used by every writer of that context:
//
//   - Line: one line of human-readable text (the text format's finding and
//     note lines, every message on standard error, configuration errors;
//     the GitHub format escapes its own `%`, CR and LF on top of it);
//   - Display: one character of a source snippet, with its width in
//     columns, so that the caret under the snippet lines up.
//
// Structured formats (JSON, SARIF, XML, JUnit) carry the text as data:
// their encoders escape it. Wrap lays such text out at a width.
package escape

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// hidden reports a character Line escapes: C0 and C1 controls (ESC, BEL,
// NEL, ...; tab and line breaks too, so that the text stays one line), DEL,
// the line and paragraph separators, and format characters (Unicode Cf):
// the bidirectional controls that reorder text (U+202A-U+202E,
// U+2066-U+2069, U+200E, U+200F, U+061C), zero-width characters (U+200B,
// U+200C, U+200D, U+2060, U+FEFF), the soft hyphen and the invisible tag
// characters (U+E0000-U+E007F).
func hidden(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return true
	case r < 0xA0:
		return false
	case r == 0x2028, r == 0x2029:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// Line returns s for one line of human-readable output: every hidden
// character is shown as a Go-style escape (`\n`, `\t`, `\x1b`, `\u202e`),
// and a byte that is not UTF-8 as `\xff`, so that what is printed is what
// the file or argument holds, visibly, and on one line. Other text,
// backslashes included, is left as it is.
func Line(s string) string {
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7F {
		i++
	}
	if i == len(s) {
		return s // printable ASCII: the common case, no allocation
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case hidden(r):
			b.WriteString(quoteRune(r))
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// quoteRune is the escape of a hidden character.
func quoteRune(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	if r > 0xFFFF {
		return fmt.Sprintf(`\U%08x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// Display returns how a character of a source line is shown in a snippet
// and how many terminal columns that takes. A tab is kept (width 1; the
// caret line keeps tabs too, so it lines up in a terminal). A C0 control
// or DEL shows as its one-column Unicode picture (NUL as ␀), a C1 control
// as U+FFFD, any other hidden character (a bidirectional control, a
// zero-width character) as its escape (`\u202e`), East Asian wide and
// fullwidth characters take two columns, and combining marks none.
func Display(r rune) (shown string, columns int) {
	switch {
	case r == '\t':
		return "\t", 1
	case r < 0x20:
		return string(0x2400 + r), 1
	case r == 0x7F:
		return "\u2421", 1
	case r >= 0x80 && r <= 0x9F:
		return "\uFFFD", 1
	case hidden(r):
		q := quoteRune(r)
		return q, len(q)
	case r < 0x300:
		return string(r), 1
	case unicode.In(r, unicode.Mn, unicode.Me):
		return string(r), 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return string(r), 2
	}
	return string(r), 1
}

// Wrap wraps one line of text at spaces to width columns (0: no
// limit), its further lines starting with indent, and ends it with a line
// break; a word longer than a line stays whole. The text format's help
// lines and explain's pages and tables wrap through it.
func Wrap(text string, width int, indent string) string {
	if width <= 0 || utf8.RuneCountInString(text) <= width {
		return text + "\n"
	}
	var b strings.Builder
	col := 0
	start := true // at the start of a line: no space before the word
	for _, word := range strings.Split(text, " ") {
		n := utf8.RuneCountInString(word)
		if !start && col+1+n > width {
			b.WriteString("\n" + indent)
			col = len(indent)
			start = true
		}
		if !start {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
		start = false
	}
	b.WriteByte('\n')
	return b.String()
}
