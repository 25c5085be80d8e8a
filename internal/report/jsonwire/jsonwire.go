// Package jsonwire is the finding of `--format json`, the shape scripts
// read: one type, used by the json format (package report) and by the
// WebAssembly playground, which must show what the command line prints and
// cannot link the other formats. It imports only manifest.
package jsonwire

import "github.com/manifestlint/manifestlint/manifest"

// Finding is one finding of --format json. Lines and columns are 1-based,
// columns in code points; EndLine/EndColumn end the range at fault
// (exclusive) and equal Line/Column when the finding points at a place
// without covering text (a field missing from the document). Message is the
// headline (what is wrong, with the value), Help how to fix it ("" when the
// headline says it all); ServiceMessage is the service's sentence for Code.
type Finding struct {
	Code      manifest.Code     `json:"code"`
	Status    int               `json:"status"`
	Severity  manifest.Severity `json:"severity"`
	Rule      string            `json:"rule"`
	Path      string            `json:"path"`
	Line      int               `json:"line"`
	Column    int               `json:"column"`
	EndLine   int               `json:"endLine"`
	EndColumn int               `json:"endColumn"`
	Message   string            `json:"message"`
	// Help is how to fix the finding, shown below the headline; "" when
	// the headline says it all.
	Help string `json:"help"`
	// ServiceMessage is the service's own sentence for Code ("" for a
	// warning); Message holds the specifics (the sentence when there are
	// none).
	ServiceMessage string `json:"serviceMessage"`
	// Related are other places that explain the finding (the first
	// occurrence of a duplicate key), absent when there are none: SARIF's
	// relatedLocations, the language server's relatedInformation.
	Related []Related `json:"related,omitempty"`
	// Fix is the finding's repair, absent when it has none.
	Fix *Fix `json:"fix,omitempty"`
	// Evidence is where a finding of an online check (--online) got its
	// facts ("HeadBucket: 404 at 2026-12-06T05:10:00Z"), absent otherwise.
	Evidence string `json:"evidence,omitempty"`
}

// Related is one related place of a finding: its range (1-based, columns
// in code points, the end exclusive) and what it is.
type Related struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Message   string `json:"message"`
}

// Fix is a finding's fix: a title, "safe" or "unsafe" (--fix applies the
// safe ones, --unsafe-fixes both), and edits of the original source. Apply
// the edits of one fix together, from the last to the first.
type Fix struct {
	Title         string                 `json:"title"`
	Applicability manifest.Applicability `json:"applicability"`
	Edits         []Edit                 `json:"edits"`
}

// Edit replaces the range from Line/Column to EndLine/EndColumn (exclusive;
// columns in code points), which is the byte range [StartOffset,
// EndOffset) of the file as read, with Text; an empty range inserts, an
// empty Text deletes.
type Edit struct {
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"endLine"`
	EndColumn   int    `json:"endColumn"`
	StartOffset int    `json:"startOffset"`
	EndOffset   int    `json:"endOffset"`
	Text        string `json:"text"`
}

// Findings converts findings to the wire type, their fixes resolved against
// doc (the document they were made for); never nil.
func Findings(doc *manifest.Document, fs []manifest.Finding) []Finding {
	out := make([]Finding, len(fs))
	for i := range fs {
		f := &fs[i]
		out[i] = Finding{Code: f.Code, Status: f.Status(), Severity: f.Severity, Rule: f.Rule, Path: f.Path,
			Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
			Message: f.Message, Help: f.Help, ServiceMessage: f.Code.Message(), Evidence: f.Evidence}
		if out[i].Message == "" {
			out[i].Message = out[i].ServiceMessage
		}
		for _, rel := range f.Related {
			out[i].Related = append(out[i].Related, Related{Line: rel.Line, Column: rel.Column,
				EndLine: rel.EndLine, EndColumn: rel.EndColumn, Message: rel.Message})
		}
		if edits := Edits(doc, f.Fix); edits != nil {
			out[i].Fix = &Fix{Title: f.Fix.Title, Applicability: f.Fix.Applicability, Edits: edits}
		}
	}
	return out
}

// Edits resolves the edits of fix against the document it was made for;
// nil when there is no fix, no source to resolve against, or an edit
// outside the source.
func Edits(doc *manifest.Document, fix *manifest.Fix) []Edit {
	if fix == nil || doc == nil || len(fix.Edits) == 0 {
		return nil
	}
	l := doc.Lines()
	out := make([]Edit, 0, len(fix.Edits))
	for _, e := range fix.Edits {
		if e.Start < 0 || e.Start > e.End || e.End > len(doc.Source) {
			return nil
		}
		from, to := l.Pos(e.Start), l.Pos(e.End)
		out = append(out, Edit{Line: from.Line, Column: from.Column, EndLine: to.Line, EndColumn: to.Column,
			StartOffset: e.Start, EndOffset: e.End, Text: e.New})
	}
	return out
}
