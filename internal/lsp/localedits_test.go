package lsp

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/fix"
	"github.com/manifestlint/manifestlint/manifest"
)

// TestLocalEditsAsMinimalEdits: a quick fix's edits, diffed around the
// fix (localEdits), are the edits fix.MinimalEdits gives on the whole
// text, on random texts of few distinct lines (so that a line inserted
// among lines like it moves the diff), with LF, CR LF and lone CR breaks
// and a byte order mark now and then.
func TestLocalEditsAsMinimalEdits(t *testing.T) {
	lines := []string{"x\n", "x\n", "a: 1\n", "b: 2\r\n", "c\r", "\n", "  - d: é\n", "x"}
	news := []string{"", "x\n", "y", "a: 1\n", "\r", "\n", "z\r\n", "x\nx\n"}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 4000 {
		var b strings.Builder
		if i%10 == 0 {
			b.WriteString("\uFEFF")
		}
		for range rng.IntN(30) {
			b.WriteString(lines[rng.IntN(len(lines))])
		}
		src := b.String()
		idx := newLineIndex(src)
		var edits []manifest.Edit
		at := 0
		for range rng.IntN(2) + 1 {
			if at > len(src) {
				break
			}
			s := at + rng.IntN(min(len(src)-at, 8)+1)
			e := s + rng.IntN(min(len(src)-s, 4)+1)
			edits = append(edits, manifest.Edit{Start: s, End: e, New: news[rng.IntN(len(news))]})
			at = e + 1 + rng.IntN(len(src)/2+1)
		}
		f := &manifest.Fix{Title: "t", Edits: edits}
		fixed, applied := fix.Apply(idx.Source(), []*manifest.Fix{f})
		if len(applied) == 0 {
			continue
		}
		want := fix.MinimalEdits(idx.Source(), fixed)
		if got := localEdits(idx, fixed, edits); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q with edits %+v:\ngot  %+v\nwant %+v", src, edits, got, want)
		}
	}
}
