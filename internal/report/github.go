package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/manifest"
)

// GitHub writes GitHub Actions workflow commands, one line per finding:
//
//	::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=headline::help%0A%0ACode [rule]
//	::warning file=F,line=L,col=C,endLine=EL,endColumn=EC,title=headline::help%0A%0A[rule]
//
// GitHub turns each into an annotation on the file and lines of the pull
// request. The title is the finding's headline; the message is its help,
// then a line naming the service code and the rule id (the rule alone when
// there is no help). F is the file relative to the working directory with
// forward slashes (the repository root in a workflow); line and col are
// left out when unknown; endLine ends the range at fault, and endColumn
// (its last column, inclusive, as GitHub counts) is given for a range on
// one line.
//
// Escaping: every text is first made one safe line as in the text format
// (escape.Line: control characters such as ESC, BEL and the C1 controls,
// line breaks, bidirectional and zero-width characters become visible
// escapes, so no workflow command, terminal sequence or hidden text can
// ride in on a key, a value or a file name); then GitHub's own: in the
// message `%`, CR and LF become %25, %0D and %0A; property values (file,
// title) also escape `:` and `,` as %3A and %2C. A finding is always
// exactly one line. A file that could not be read (or was over --max-bytes)
// is an error annotation titled read-error on the file. The checks that did
// not run for lack of context (Result.Notes) come last, as notices titled
// checks-not-run, so that a clean run in CI does not pass in silence: one
// per file for up to five files with the same note, else one naming the
// count (unless opt.Quiet). A clean run with nothing left unchecked writes
// nothing.
// GitHub shows at most 10 error and 10 warning annotations per step: keep a
// text report in the log too, or upload SARIF.
func GitHub(w io.Writer, results []manifest.Result, opt Options) error {
	return writeAll(NewGitHubStream(w, opt), results)
}

// githubStream is the github format written file by file; the notes wait
// for Close.
type githubStream struct {
	w     io.Writer
	opt   Options
	notes noteGroups
}

// NewGitHubStream returns the github format as a Stream.
func NewGitHubStream(w io.Writer, opt Options) Stream { return &githubStream{w: w, opt: opt} }

// File writes one file's annotations and records its notes.
func (s *githubStream) File(r manifest.Result) error {
	var plain []manifest.Note
	for _, n := range r.Notes {
		if n.Severity == manifest.Warning {
			// A warning note (a skipped configuration file) is an
			// annotation of its own, even with --quiet.
			if _, err := io.WriteString(s.w, "::warning file="+ghProperty(filePath(r.File))+",title="+ghProperty(n.ID)+"::"+ghData(n.Message)+"\n"); err != nil {
				return err
			}
			continue
		}
		plain = append(plain, n)
	}
	if len(plain) > 0 && !s.opt.Quiet {
		s.notes.add(filePath(r.File), noteText(plain))
	}
	return githubFile(s.w, r)
}

// Close writes the notices of the checks that did not run.
func (s *githubStream) Close() error {
	bw := bufio.NewWriter(s.w)
	for _, g := range s.notes.groups {
		if g.n <= maxNamedNotes {
			for _, f := range g.files {
				bw.WriteString("::notice file=" + ghProperty(f) + ",title=checks-not-run::" + ghData(g.msg) + "\n")
			}
			continue
		}
		bw.WriteString("::notice title=checks-not-run::" + ghData(fmt.Sprintf("%s (%d files, %s to %s)", g.msg, g.n, g.files[0], g.last)) + "\n")
	}
	return bw.Flush()
}

// githubFile writes the annotations of one file.
func githubFile(w io.Writer, r manifest.Result) error {
	bw := bufio.NewWriter(w)
	results := []manifest.Result{r}
	var line []byte
	for _, r := range results {
		file := ghProperty(filePath(r.File))
		if r.ReadError != "" {
			line = append(line[:0], "::error file="...)
			line = append(line, file...)
			line = append(line, ",title=read-error::"...)
			line = append(line, ghData("The file was not checked: "+r.ReadError+". [read-error]")...)
			line = append(line, '\n')
			if _, err := bw.Write(line); err != nil {
				return err
			}
		}
		for _, f := range r.Findings {
			line = line[:0]
			if f.Severity == manifest.Warning {
				line = append(line, "::warning file="...)
			} else {
				line = append(line, "::error file="...)
			}
			line = append(line, file...)
			line = append(line, ",line="...)
			line = strconv.AppendInt(line, int64(f.Line), 10)
			line = append(line, ",col="...)
			line = strconv.AppendInt(line, int64(f.Column), 10)
			line = append(line, ",endLine="...)
			line = strconv.AppendInt(line, int64(f.EndLine), 10)
			if f.EndLine == f.Line && f.EndColumn > f.Column {
				// GitHub's endColumn is the last column, inclusive.
				line = append(line, ",endColumn="...)
				line = strconv.AppendInt(line, int64(f.EndColumn-1), 10)
			}
			line = append(line, ",title="...)
			line = append(line, ghProperty(headline(f))...)
			line = append(line, "::"...)
			msg := ghBody(f)
			line = append(line, msg...)
			line = append(line, '\n')
			if _, err := bw.Write(line); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}

var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// ghBody is an annotation's message under its title (the headline),
// escaped: the help, a blank line, then a line naming the code and the
// rule, `InvalidAddressException [address-po-box]` (the rule alone for a
// warning without a code); that line alone when there is no help.
func ghBody(f manifest.Finding) string {
	label := "[" + ruleID(f) + "]"
	if f.Code != "" {
		label = string(f.Code) + " " + label
	}
	if f.Help == "" {
		return ghData(label)
	}
	return ghData(f.Help) + "%0A%0A" + ghData(label)
}

// ghData escapes a workflow command's message.
func ghData(s string) string { return ghDataEscaper.Replace(escape.Line(s)) }

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string { return ghPropertyEscaper.Replace(escape.Line(s)) }
