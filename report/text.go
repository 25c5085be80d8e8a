package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// ANSI colour codes of the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// Text writes the human format, one finding per line:
//
//	file:line:col: severity Code: message [rule-id]
//
// (a warning has no code: `file:line:col: warning: message [rule-id]`,
// unless it is an error the config file's severity key downgraded),
// followed, with opt.Snippet, by the source line and a caret under the
// value at fault. After a file with errors, a note names the job kind it
// was checked as; a last line counts errors, warnings and files.
func Text(w io.Writer, results []validate.Result, opt Options) error {
	bw := bufio.NewWriter(w)
	c := colorizer(opt.Color)
	var errs, warns int
	for _, r := range results {
		for _, f := range r.Findings {
			sev := c(ansiYellow, "warning")
			if f.Severity == manifest.Error {
				sev = c(ansiRed, "error")
			}
			code := ""
			if f.Code != "" { // an error downgraded to a warning keeps its code
				code = " " + c(ansiBold, string(f.Code))
			}
			fmt.Fprintf(bw, "%s:%d:%d: %s%s: %s %s\n", c(ansiBold, r.File), f.Line, f.Column,
				sev, code, oneLine(f.Message), c(ansiDim, "["+f.Rule+"]"))
			if opt.Snippet && r.Doc != nil && !documentLevel(f) {
				writeSnippet(bw, manifest.MaskSecretLine(r.Doc.Line(f.Line)), f.Line, f.Column, c)
			}
		}
		e, wn := manifest.Count(r.Findings)
		errs += e
		warns += wn
		if e > 0 && r.Doc != nil && r.Doc.Root != nil {
			fmt.Fprintf(bw, "%s: note: checked as %s %s manifest (%s)\n", r.File,
				article(r.Kind.Title()), r.Kind.Title(), kindReason(r.KindEvidence))
		}
	}
	fmt.Fprintf(bw, "%s, %s in %s\n", plural(errs, "error"), plural(warns, "warning"), plural(len(results), "file"))
	return bw.Flush()
}

func kindReason(evidence []string) string {
	if len(evidence) == 0 {
		return "no kind-specific field found; set --job-type to choose"
	}
	if strings.HasPrefix(evidence[0], "--job-type") {
		return "from " + evidence[0]
	}
	return "inferred from " + strings.Join(evidence, ", ") + "; set --job-type to override"
}

// article is the article a kind's title takes when read aloud ("an S3
// import", "an EBS import", "a Glacier import").
func article(s string) string {
	if s != "" && strings.ContainsRune("AEFHILMNORSX", rune(s[0])) {
		return "an"
	}
	return "a"
}

// documentLevel reports a finding about the whole document or a field
// missing from the root mapping: its position (1:1) points at no culprit,
// so no snippet is shown.
func documentLevel(f manifest.Finding) bool {
	if f.Path == "" {
		return f.Code == manifest.MissingParameter
	}
	missing, _ := manifest.Family(f.Path)
	return f.Line == 1 && f.Column == 1 && !strings.ContainsAny(f.Path, ".[") &&
		(f.Code == missing || f.Code == manifest.MissingCustoms)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// oneLine keeps a finding on one line whatever its message holds.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(s)
}

// writeSnippet prints the source line and a caret under [col, end of the
// token at col). Columns count characters; tabs before the caret are kept so
// that it lines up in a terminal.
func writeSnippet(w io.Writer, line string, lineNo, col int, c func(string, string) string) {
	if line == "" || !utf8.ValidString(line) {
		return
	}
	const maxWidth = 200
	runes := []rune(line)
	if len(runes) > maxWidth {
		if col > maxWidth {
			return
		}
		runes = runes[:maxWidth]
	}
	gutter := fmt.Sprintf("%5d | ", lineNo)
	fmt.Fprintf(w, "%s%s\n", c(ansiDim, gutter), string(runes))
	if col < 1 || col > len(runes)+1 {
		return
	}
	var pad strings.Builder
	for _, r := range runes[:col-1] {
		if r == '\t' {
			pad.WriteRune('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	n := tokenLen(runes[col-1:])
	caret := "^" + strings.Repeat("~", max(n-1, 0))
	fmt.Fprintf(w, "%s%s%s\n", c(ansiDim, "      | "), pad.String(), c(ansiCyan, caret))
}

// tokenLen is the length of the token that starts a line's tail: a key up to
// its colon, or a value up to a comment or the end of the line.
func tokenLen(tail []rune) int {
	n := 0
	for n < len(tail) {
		r := tail[n]
		if r == ':' && (n+1 == len(tail) || tail[n+1] == ' ') {
			break
		}
		if r == '#' && n > 0 && tail[n-1] == ' ' {
			break
		}
		n++
	}
	for n > 0 && (tail[n-1] == ' ' || tail[n-1] == '\t') {
		n--
	}
	return max(n, 1)
}

func colorizer(on bool) func(code, s string) string {
	if !on {
		return func(_, s string) string { return s }
	}
	return func(code, s string) string { return code + s + ansiReset }
}
