package lsp

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/validate"
)

// applyOneByOne is how a didChange's changes were applied before
// applyChanges: an index and a copy of the text per change.
func applyOneByOne(text string, changes []contentChange, enc encoding) string {
	for _, c := range changes {
		if c.Range == nil {
			text = c.Text
			continue
		}
		idx := newLineIndex(text)
		start, end := idx.offset(c.Range.Start, enc), idx.offset(c.Range.End, enc)
		if end < start {
			start, end = end, start
		}
		text = text[:start] + c.Text + text[end:]
	}
	return text
}

// TestApplyChangesAsOneByOne: applyChanges gives the text that applying
// each change in turn gives, for runs of changes last first (the one-copy
// path), in any other order, with ranges reversed, past the end of a line
// or of the text, inside a UTF-16 surrogate pair or a UTF-8 sequence, and
// with full-text changes among them, in both position encodings.
func TestApplyChangesAsOneByOne(t *testing.T) {
	pieces := []string{"a", "bucket: x", "\n", "\r\n", "\r", "é", "😀", "\u2028", "  - ", "", "日本"}
	rng := rand.New(rand.NewPCG(1, 2))
	randText := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	randPos := func(idx *lineIndex) Position {
		return Position{rng.IntN(idx.Count()+2) - 1, rng.IntN(12) - 1}
	}
	for i := range 3000 {
		enc := encoding(i % 2)
		text := randText(rng.IntN(40))
		var changes []contentChange
		switch cur := text; i % 3 {
		case 0: // last first, as a replace-all: each range before the one before
			idx := newLineIndex(cur)
			end := len(cur)
			for range rng.IntN(6) + 1 {
				if end == 0 {
					break
				}
				e := rng.IntN(end + 1)
				s := rng.IntN(e + 1)
				r := Range{idx.position(s, enc), idx.position(e, enc)}
				changes = append(changes, contentChange{Range: &r, Text: randText(rng.IntN(3))})
				end = s
			}
		default: // anything, with a full-text change now and then
			for range rng.IntN(6) + 1 {
				if rng.IntN(8) == 0 {
					changes = append(changes, contentChange{Text: randText(rng.IntN(10))})
					cur = changes[len(changes)-1].Text
					continue
				}
				idx := newLineIndex(cur)
				r := Range{randPos(idx), randPos(idx)}
				c := contentChange{Range: &r, Text: randText(rng.IntN(3))}
				changes = append(changes, c)
				cur = applyOneByOne(cur, []contentChange{c}, enc)
			}
		}
		want := applyOneByOne(text, changes, enc)
		var idx *lineIndex
		if i%4 == 0 {
			idx = newLineIndex(text)
		}
		got, gotIdx := applyChanges(text, idx, changes, enc)
		if got != want {
			t.Fatalf("%v: %q with changes %s:\ngot  %q\nwant %q", enc, text, showChanges(changes), got, want)
		}
		if gotIdx != nil && gotIdx.text != got {
			t.Fatalf("%v: the index returned is of %q, not of the text %q", enc, gotIdx.text, got)
		}
	}
}

func showChanges(cs []contentChange) string {
	var b strings.Builder
	for _, c := range cs {
		if c.Range == nil {
			fmt.Fprintf(&b, "[full %q]", c.Text)
			continue
		}
		fmt.Fprintf(&b, "[%v-%v %q]", c.Range.Start, c.Range.End, c.Text)
	}
	return b.String()
}

// TestReplaceAllDiagnosticsEqualValidate: after one didChange of several
// ranges, last first (a replace-all), the server holds the text the edits
// make and publishes validate's findings for it.
func TestReplaceAllDiagnosticsEqualValidate(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:replace"
	c.open(uri, brokenManifest, 1)
	c.diagnostics(0, uri, 1)
	idx := newLineIndex(brokenManifest)
	want := brokenManifest
	var changes []any
	// Last first: each range is of the text the ones before it left.
	for _, r := range []struct{ old, new string }{{"9810", "98101"}, {"myBucket", "my_bucket"}, {"ABCDE", "AB"}} {
		off := strings.Index(brokenManifest, r.old)
		changes = append(changes, map[string]any{
			"range": Range{idx.position(off, utf16), idx.position(off+len(r.old), utf16)}, "text": r.new})
		want = strings.Replace(want, r.old, r.new, 1)
	}
	c.notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": changes})
	ds, _ := c.diagnostics(0, uri, 2)
	if got := docText(t, c, uri); got != want {
		t.Fatalf("text after the change:\n%s\nwant:\n%s", got, want)
	}
	sameFindings(t, want, ds, validate.Validate(uri, []byte(want), validate.Options{}).Findings)
}
