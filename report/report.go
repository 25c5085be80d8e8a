// Package report writes lint results in each output format, one file per
// format: text.go, json.go, and the CI formats beside them.
package report

import (
	"io"

	"github.com/manifestlint/manifestlint/validate"
)

// Options tunes the output of a formatter.
type Options struct {
	// Color adds ANSI colours (text format only).
	Color bool
	// Snippet shows the source line and a caret under each finding (text).
	Snippet bool
	// Version is manifestlint's version, for formats that name the tool.
	Version string
	// Quiet drops notes and, on success, the summary (text format).
	Quiet bool
}

// Formatter writes the results of one run, in the order given (sorted by
// path as given on the command line).
type Formatter func(w io.Writer, results []validate.Result, opt Options) error

// Formats maps each --format name to its formatter.
var Formats = map[string]Formatter{
	"text":   Text,
	"json":   JSON,
	"sarif":  SARIF,
	"github": GitHub,
	"junit":  JUnit,
	"xml":    XML,
}
