// Package report writes lint results in each output format, one file per
// format: text.go, json.go, and the CI formats beside them.
package report

import (
	"io"

	"github.com/manifestlint/manifestlint/manifest"
)

// Options tunes the output of a formatter.
type Options struct {
	// Color adds ANSI colours (text format only).
	Color bool
	// Snippet shows the source line and a caret under each finding (text).
	Snippet bool
	// Version is manifestlint's version, for formats that name the tool.
	Version string
	// Rules are the rules SARIF describes in tool.driver.rules: the
	// registry, validate.Rules(). A result naming a rule not listed gets a
	// short entry of its own.
	Rules []*manifest.Descriptor
	// Quiet drops notes and, on success, the summary (text format).
	Quiet bool
	// Verbose adds the service's sentence for each finding's code under
	// it (text format).
	Verbose bool
	// ConfigFile is the configuration file the run used, "" for none: json
	// and sarif record it, so that a report says which settings (disabled
	// rules, excluded files) shaped it.
	ConfigFile string
	// UnsafeFixes marks findings with an unsafe fix as fixable too
	// (--unsafe-fixes); a safe fix is always marked.
	UnsafeFixes bool
	// Fixing says the run fixes (--fix): its own summary line counts what
	// is left fixable, so the text format gives no hint of its own.
	Fixing bool
	// Statistics replaces the findings of the text formats with a count
	// per rule and code (--statistics), as ruff's --statistics does.
	Statistics bool
}

// Fixable reports whether the text format marks f with [*]: it has a safe
// fix, or an unsafe one and unsafe fixes were asked for.
func (o Options) Fixable(f manifest.Finding) bool {
	return f.Fix != nil && len(f.Fix.Edits) > 0 &&
		(f.Fix.Applicability == manifest.Safe || o.UnsafeFixes && f.Fix.Applicability == manifest.Unsafe)
}

// Formatter writes the results of one run, in the order given (sorted by
// path as given on the command line).
type Formatter func(w io.Writer, results []manifest.Result, opt Options) error

// Formats maps each --format name to its formatter.
var Formats = map[string]Formatter{
	"text":    Text,
	"concise": Concise,
	"json":    JSON,
	"sarif":   SARIF,
	"github":  GitHub,
	"junit":   JUnit,
	"xml":     XML,
}
