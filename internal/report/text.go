package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/manifest"
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

// Text writes the human format, the default (full) one. Each finding is a
// block, rustc's and ruff's shape:
//
//	error[Code]: headline
//	     --> file:line:col [rule-id]
//	    8 |   street1: PO Box 1234
//	      |            ^~~~~~~~~~~
//	      = help: how to fix it
//	      = note: 2:1: a related place
//
// (a warning without a code is `warning[rule-id]: headline`, its rule
// named once, and no rule on the arrow line; `[*]` before the headline
// marks a finding --fix repairs). The headline line carries neither the
// file name nor the rule id, so that a long path does not push it past the
// terminal's width; the arrow line is the `file:line:col` editors and
// terminals open. With opt.Snippet the source line and a caret under the
// value at fault follow it (the help and notes stay without). After a file
// with errors, a note names the job kind it was checked as; one more note
// line names the checks that did not run for lack of context
// (manifest.Note), unless opt.Quiet. The notes of files without findings
// come last, one line per file for up to five files with the same note,
// else one line for them all. A last line counts errors, warnings and
// files; with opt.Statistics a count per rule and code comes before it,
// in place of the findings and their notes.
func Text(w io.Writer, results []manifest.Result, opt Options) error {
	return writeAll(NewTextStream(w, opt), results)
}

// Concise writes one line per finding and nothing else per finding:
//
//	file:line:col: severity Code: headline [rule-id]
//
// (a warning has no code: `file:line:col: warning: headline [rule-id]`,
// unless it is an error the config file's severity key downgraded), the
// line editors, Vim's quickfix (errorformat %f:%l:%c:\ %m) and the GitHub
// problem matcher parse. The notes and the summary are the text format's.
func Concise(w io.Writer, results []manifest.Result, opt Options) error {
	return writeAll(NewConciseStream(w, opt), results)
}

// textStream is the text format written file by file (see Stream).
type textStream struct {
	bw                  *bufio.Writer
	opt                 Options
	concise             bool
	c                   func(code, s string) string
	errs, warns, nfiles int
	// safeFixes and unsafeFixes count the findings --fix and --fix
	// --unsafe-fixes would repair, for the hint after the summary.
	safeFixes, unsafeFixes int
	// notes of clean files, grouped by message in order of appearance,
	// are written by Close: one line per file for a few files, one line
	// for many, so that ten thousand clean files do not print ten
	// thousand identical notes.
	notes noteGroups
	// stats counts the findings per rule and code (--statistics).
	stats statistics
}

// noteGroup is one note message and the files it applies to.
type noteGroup struct {
	msg   string
	files []string // the first maxNamedNotes
	last  string
	n     int
}

// noteGroups gathers notes by message, in order of first appearance.
type noteGroups struct {
	groups []*noteGroup
	index  map[string]*noteGroup
}

// maxNamedNotes is how many files a note names one by one.
const maxNamedNotes = 5

// add records that msg applies to file.
func (ng *noteGroups) add(file, msg string) {
	g := ng.index[msg]
	if g == nil {
		if ng.index == nil {
			ng.index = map[string]*noteGroup{}
		}
		g = &noteGroup{msg: msg}
		ng.index[msg] = g
		ng.groups = append(ng.groups, g)
	}
	g.n++
	g.last = file
	if len(g.files) < maxNamedNotes {
		g.files = append(g.files, file)
	}
}

// noteText joins a result's notes into one line's text.
func noteText(notes []manifest.Note) string {
	msgs := make([]string, len(notes))
	for i, n := range notes {
		msgs[i] = n.Message
	}
	return strings.Join(msgs, "; ")
}

// NewTextStream returns the text format as a Stream.
func NewTextStream(w io.Writer, opt Options) Stream {
	return &textStream{bw: bufio.NewWriterSize(w, 64<<10), opt: opt, c: colorizer(opt.Color)}
}

// NewConciseStream returns the concise format as a Stream.
func NewConciseStream(w io.Writer, opt Options) Stream {
	return &textStream{bw: bufio.NewWriterSize(w, 64<<10), opt: opt, c: colorizer(opt.Color), concise: true}
}

// File writes one file's findings, their snippets and the kind note. A
// file that could not be read is left out: the command said so on stderr.
func (s *textStream) File(r manifest.Result) error {
	if r.ReadError != "" {
		return nil
	}
	bw, opt := s.bw, s.opt
	file := escape.Line(r.File)
	for _, f := range r.Findings {
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			switch f.Fix.Applicability {
			case manifest.Safe:
				s.safeFixes++
			case manifest.Unsafe:
				s.unsafeFixes++
			}
		}
		s.stats.add(f)
		if s.opt.Statistics {
			continue // counted, written by Close
		}
		if s.concise {
			s.writeConcise(file, f)
		} else {
			s.writeFull(file, r.Doc, f)
		}
	}
	e, wn := r.Count()
	s.errs += e
	s.warns += wn
	s.nfiles++
	if opt.Statistics {
		return nil // the table and the summary only
	}
	if e > 0 && r.Parsed && !opt.Quiet {
		fmt.Fprintf(bw, "%s: note: checked as %s manifest (%s)\n", file, r.Kind.Noun(), kindReason(r.KindEvidence))
	}
	if opt.Quiet && r.OmittedErrors > 0 {
		// --quiet drops notes, but the summary counts these errors: say
		// why they are not listed.
		fmt.Fprintf(bw, "%s: note: %s not listed (--max-findings)\n", file, manifest.Plural(r.OmittedErrors, "more error"))
	}
	if len(r.Notes) > 0 && !opt.Quiet {
		msg := escape.Line(noteText(r.Notes))
		if len(r.Findings) > 0 {
			fmt.Fprintf(bw, "%s: note: %s\n", file, msg)
		} else {
			s.notes.add(file, msg)
		}
	}
	return nil
}

// Close writes the count of errors, warnings and files, and flushes. No
// file linted, or a quiet run without errors, prints no count: "0 errors
// in 0 files" would read as a pass. A quiet run counts errors only.
func (s *textStream) Close() error {
	if s.nfiles == 0 || s.opt.Quiet && s.errs == 0 {
		return s.bw.Flush()
	}
	for _, g := range s.notes.groups {
		if g.n <= maxNamedNotes {
			for _, f := range g.files {
				fmt.Fprintf(s.bw, "%s: note: %s\n", f, g.msg)
			}
		} else {
			fmt.Fprintf(s.bw, "note: %d files without findings, %s to %s: %s\n", g.n, g.files[0], g.last, g.msg)
		}
	}
	if s.opt.Statistics {
		s.stats.write(s.bw)
	}
	if s.opt.Quiet {
		// Only errors were shown: count those, and hint at no fix of a
		// warning the run did not show.
		fmt.Fprintf(s.bw, "%s in %s\n", manifest.Plural(s.errs, "error"), manifest.Plural(s.nfiles, "file"))
		return s.bw.Flush()
	}
	fmt.Fprintf(s.bw, "%s, %s in %s\n", manifest.Plural(s.errs, "error"), manifest.Plural(s.warns, "warning"), manifest.Plural(s.nfiles, "file"))
	if hint := fixHint(s.safeFixes, s.unsafeFixes, s.opt.UnsafeFixes); hint != "" && !s.opt.Fixing {
		// [*] when the findings it counts are marked so.
		if s.safeFixes > 0 || s.opt.UnsafeFixes {
			hint = s.c(ansiCyan, "[*]") + " " + hint
		}
		fmt.Fprintln(s.bw, hint)
	}
	return s.bw.Flush()
}

func kindReason(ev manifest.KindEvidence) string {
	switch {
	case ev.JobType != manifest.JobTypeUnknown && ev.Source.Kind != manifest.SourceNone:
		return "from " + ev.Source.String()
	case ev.JobType != manifest.JobTypeUnknown:
		return "from --job-type " + string(ev.JobType)
	case len(ev.Fields) == 0:
		return "no kind-specific field found; set --job-kind to choose"
	}
	return "inferred from " + strings.Join(ev.Fields, ", ") + "; set --job-kind to override"
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

// caretWidth is the number of characters the caret under f covers: its
// range on its first line, or for a range that goes on past that line (a
// mapping, a list) its first token, a key or a value.
func caretWidth(doc *manifest.Document, f manifest.Finding) int {
	if f.EndLine == f.Line {
		return f.EndColumn - f.Column
	}
	t := doc.TokenSpan(manifest.Pos{Line: f.Line, Column: f.Column})
	return t.EndColumn - t.Column
}

// writeSnippet prints the source line of f and a caret under n characters
// of it from f's column (at least one). Columns count characters; tabs
// are expanded (tabWidth) and wide characters take two cells, so that it
// lines up in a terminal.
func writeSnippet(w io.Writer, line string, f manifest.Finding, n int, c func(string, string) string) {
	if line == "" || !utf8.ValidString(line) {
		return
	}
	lineNo, col := f.Line, f.Column
	const maxWidth = 200
	// Decode no more than needed: a line may be megabytes long.
	runes := make([]rune, 0, min(len(line), maxWidth+1))
	for _, r := range line {
		if len(runes) > maxWidth {
			break
		}
		runes = append(runes, r)
	}
	if len(runes) > maxWidth {
		if col > maxWidth {
			return
		}
		runes = runes[:maxWidth]
	}
	// Each character as shown (escape.Display) and its width in columns,
	// so that the caret lines up under wide and escaped characters.
	// A tab is expanded to the next multiple of tabWidth columns, here
	// and under it, so that the caret sits under its character whatever
	// the terminal's, the CI log's or the editor's tab stops are.
	var shown strings.Builder
	cols := make([]int, len(runes))
	at := 0
	for i, r := range runes {
		d, n := escape.Display(r)
		if r == '\t' {
			n = tabWidth - at%tabWidth
			d = strings.Repeat(" ", n)
		}
		shown.WriteString(d)
		cols[i] = n
		at += n
	}
	gutter := fmt.Sprintf("%5d | ", lineNo)
	fmt.Fprintf(w, "%s%s\n", c(ansiDim, gutter), shown.String())
	if col < 1 || col > len(runes)+1 {
		return
	}
	var pad strings.Builder
	for i := range runes[:col-1] {
		pad.WriteString(strings.Repeat(" ", cols[i]))
	}
	n = min(len(runes)-(col-1), n)
	width := 0
	for _, w := range cols[col-1 : col-1+max(n, 0)] {
		width += w
	}
	caret := "^" + strings.Repeat("~", max(width-1, 0))
	fmt.Fprintf(w, "%s%s%s\n", c(ansiDim, "      | "), pad.String(), c(ansiCyan, caret))
}

func colorizer(on bool) func(code, s string) string {
	if !on {
		return func(_, s string) string { return s }
	}
	return func(code, s string) string { return code + s + ansiReset }
}

// fixHint is the line after the summary that says how many findings --fix
// repairs (ruff's "[*] N fixable with the --fix option"), or "".
func fixHint(safe, unsafe int, unsafeAsked bool) string {
	switch {
	case unsafeAsked && safe+unsafe > 0:
		return fmt.Sprintf("%s fixable with --fix --unsafe-fixes (--diff shows the changes)", manifest.Plural(safe+unsafe, "finding"))
	case safe > 0 && unsafe > 0:
		return fmt.Sprintf("%s fixable with --fix, %d more with --unsafe-fixes (--diff shows the changes)", manifest.Plural(safe, "finding"), unsafe)
	case safe > 0:
		return fmt.Sprintf("%s fixable with --fix (--diff shows the changes)", manifest.Plural(safe, "finding"))
	case unsafe > 0:
		return fmt.Sprintf("%s fixable with --fix --unsafe-fixes (--diff --unsafe-fixes shows the changes)", manifest.Plural(unsafe, "finding"))
	}
	return ""
}

// headline is the finding's headline as printed: Message, or the service's
// sentence for a finding that has none.
func headline(f manifest.Finding) string {
	if f.Message == "" {
		return f.Code.Message()
	}
	return f.Message
}

// severityWord is "error" or "warning", coloured.
func (s *textStream) severityWord(f manifest.Finding) string {
	if f.Severity == manifest.Error {
		return s.c(ansiRed, "error")
	}
	return s.c(ansiYellow, "warning")
}

// fixMark is "[*] " before the headline of a finding --fix repairs.
func (s *textStream) fixMark(f manifest.Finding) string {
	if s.opt.Fixable(f) {
		return s.c(ansiCyan, "[*]") + " "
	}
	return ""
}

// writeConcise writes f as one line, `file:line:col: severity Code:
// headline [rule]`.
func (s *textStream) writeConcise(file string, f manifest.Finding) {
	c := s.c
	code := ""
	if f.Code != "" { // an error downgraded to a warning keeps its code
		code = " " + c(ansiBold, string(f.Code))
	}
	rule := ""
	if f.Rule != "" {
		rule = " " + c(ansiDim, "["+f.Rule+"]")
	}
	fmt.Fprintf(s.bw, "%s:%d:%d: %s%s: %s%s%s\n", c(ansiBold, file), f.Line, f.Column,
		s.severityWord(f), code, s.fixMark(f), escape.Line(headline(f)), rule)
}

// gutter is the width of the snippet's line-number column ("%5d | "): the
// arrow, the bar and the `= help:` lines line up with its bar.
const gutter = "      "

// helpWidth is where a help or note line wraps: under the help's start,
// so that no line the tool writes passes about 100 columns.
const helpWidth = 100

// tabWidth is the tab stop a snippet expands tabs to, as rustc's 4.
const tabWidth = 4

// writeFull writes f as a block: `severity[Code]: headline [rule]`, the
// arrow to file:line:col, the snippet with its caret, the help and the
// notes of related places, then a blank line.
func (s *textStream) writeFull(file string, doc *manifest.Document, f manifest.Finding) {
	bw, c, opt := s.bw, s.c, s.opt
	label := f.Rule
	if f.Code != "" { // an error downgraded to a warning keeps its code
		label = string(f.Code)
	}
	// An error's rule goes on the arrow line, so that the headline line
	// holds only the code and the headline; a warning without a code
	// names its rule once, in the brackets.
	rule := ""
	if f.Code != "" && f.Rule != "" {
		rule = " " + c(ansiDim, "["+f.Rule+"]")
	}
	fmt.Fprintf(bw, "%s%s: %s%s\n", c(ansiBold, s.severityWord(f)), c(ansiBold, "["+label+"]"),
		s.fixMark(f), c(ansiBold, escape.Line(headline(f))))
	fmt.Fprintf(bw, "%s%s %s:%d:%d%s\n", gutter[:5], c(ansiCyan, "-->"), file, f.Line, f.Column, rule)
	if opt.Snippet && doc != nil && !documentLevel(f) {
		if line, col, width, ok := doc.Snippet(f.Line, f.Column, caretWidth(doc, f)); ok {
			f.Column = col // moved past any shorter secret mask before it
			writeSnippet(bw, line, f, width, c)
		}
	}
	if f.Help != "" {
		writeWrapped(bw, c, "= help:", escape.Line(f.Help))
	}
	for _, rel := range f.Related {
		writeWrapped(bw, c, "= note:",
			fmt.Sprintf("%d:%d: %s", rel.Line, rel.Column, escape.Line(rel.Message)))
	}
	if opt.Verbose && f.Message != "" && f.Code.Message() != "" {
		writeWrapped(bw, c, "= service:", f.Code.Message())
	}
	if opt.Verbose && f.Evidence != "" { // where an online check got its answer
		writeWrapped(bw, c, "= evidence:", escape.Line(f.Evidence))
	}
	bw.WriteByte('\n')
}

// writeWrapped writes `<gutter>label text`, the label in cyan, the text
// wrapped at spaces so that a line stays within helpWidth columns, its
// further lines indented under the text's start. A word longer than the
// width is not cut.
func writeWrapped(w *bufio.Writer, c func(string, string) string, label, text string) {
	n := len(gutter + label + " ")
	// The label is glued to the first word (as x's) so that they stay on one line.
	w.WriteString(gutter + c(ansiCyan, label) + " " + escape.Wrap(strings.Repeat("x", n)+text, helpWidth, strings.Repeat(" ", n))[n:])
}
