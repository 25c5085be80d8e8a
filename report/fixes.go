package report

import (
	"github.com/manifestlint/manifestlint/manifest"
)

// fixEdit is one edit of a fix with the positions of its byte range: lines
// and columns 1-based, columns in code points, the end exclusive.
type fixEdit struct {
	From, To   manifest.Pos
	Start, End int
	New        string
}

// fixEdits resolves the edits of fix against the document it was made for;
// nil when there is no fix or no source to resolve against.
func fixEdits(doc *manifest.Document, fix *manifest.Fix) []fixEdit {
	if fix == nil || doc == nil || len(fix.Edits) == 0 {
		return nil
	}
	l := doc.Lines()
	out := make([]fixEdit, 0, len(fix.Edits))
	for _, e := range fix.Edits {
		if e.Start < 0 || e.Start > e.End || e.End > len(doc.Source) {
			return nil
		}
		out = append(out, fixEdit{From: l.Pos(e.Start), To: l.Pos(e.End), Start: e.Start, End: e.End, New: e.New})
	}
	return out
}
