package report

import (
	"io"

	"github.com/manifestlint/manifestlint/manifest"
)

// Stream writes the results of a run one file at a time, so that the CLI
// can drop each file's parsed document as soon as it is written instead of
// holding ten thousand of them (spec: memory on a 10,000-file corpus stays
// under 30 MB). File is called once per file, in the order of the command
// line; Close writes what comes after the last file (a summary) and
// flushes. A format without a Stream gets every result at once through its
// Formatter.
type Stream interface {
	File(r manifest.Result) error
	Close() error
}

// Streams maps the --format names that can be written file by file to their
// Stream constructor. Formats[name] must give the same output.
var Streams = map[string]func(w io.Writer, opt Options) Stream{
	"text":    NewTextStream,
	"concise": NewConciseStream,
	"json":    NewJSONStream,
	"github":  NewGitHubStream,
}

// writeAll writes results through a stream: the Formatter of a streamable
// format is its stream run over a slice, so the two cannot drift apart.
func writeAll(s Stream, results []manifest.Result) error {
	for _, r := range results {
		if err := s.File(r); err != nil {
			return err
		}
	}
	return s.Close()
}
