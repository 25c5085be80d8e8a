package lsp

// Code actions: each finding's fix as a quickfix (preferred when safe),
// suppression comments for its code on its line or in the whole file, and
// source.fixAll.manifestlint applying every safe fix at once.

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/manifestlint/manifestlint/internal/fix"
	"github.com/manifestlint/manifestlint/internal/suppress"
	"github.com/manifestlint/manifestlint/manifest"
)

func (s *Server) codeAction(params json.RawMessage) (func(context.Context) (any, *rpcError), *rpcError) {
	var p codeActionParams
	s.mu.Lock()
	docChanges := s.caps.documentChanges
	s.mu.Unlock()
	return s.whenLinted(params, &p, &p.TextDocument.URI, func(snap snapshot, lr *lintResult) any {
		b := actionBuilder{uri: snap.uri, version: snap.version, lr: lr, enc: snap.enc, docChanges: docChanges}
		return b.actions(p)
	})
}

type actionBuilder struct {
	uri        string
	version    int
	lr         *lintResult
	enc        encoding
	docChanges bool
}

// wants reports whether the client asked for actions of kind (LSP: a kind
// matches the requested ones it is a sub-kind of).
func wants(only []string, kind string) bool {
	if len(only) == 0 {
		return kind != kindFixAll // source actions only when asked
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

func (b actionBuilder) actions(p codeActionParams) []codeAction {
	out := []codeAction{}
	idx := b.lr.index
	lo := idx.offset(p.Range.Start, b.enc)
	hi := idx.offset(p.Range.End, b.enc)
	if wants(p.Context.Only, kindQuickFix) {
		seenLine := map[string]bool{}
		seenFile := map[string]bool{}
		seenFix := map[string]bool{} // a fix several findings share is offered once
		var fixes, suppressions []codeAction
		for i, f := range b.lr.res.Findings {
			if f.End < lo || f.Start > hi {
				continue
			}
			diag := b.lr.diags[i]
			if f.Fix != nil && len(f.Fix.Edits) > 0 && !seenFix[fixKey(f.Fix)] {
				seenFix[fixKey(f.Fix)] = true
				// Applied as `manifestlint --fix` applies one fix (line ends
				// as the document's, never into a byte-order mark).
				src := idx.Source() // fix.Apply only reads it
				fixed, applied := fix.Apply(src, []*manifest.Fix{f.Fix})
				if len(applied) == 0 {
					continue
				}
				title := f.Fix.Title
				if f.Fix.Applicability != manifest.Safe {
					title += " (unsafe: check the result)"
				}
				fixes = append(fixes, codeAction{
					Title: title, Kind: kindQuickFix, Diagnostics: []Diagnostic{diag},
					IsPreferred: f.Fix.Applicability == manifest.Safe,
					Edit:        b.edit(localEdits(idx, fixed, f.Fix.Edits)),
				})
			}
			doc := b.lr.res.Doc
			if !suppress.Silenceable(f.Rule) || doc == nil {
				continue
			}
			name := suppress.NameOf(f)
			if key := name + "@" + strconv.Itoa(f.Line); !seenLine[key] {
				seenLine[key] = true
				suppressions = append(suppressions, codeAction{
					Title: "Suppress " + name + " on this line", Kind: kindQuickFix, Diagnostics: []Diagnostic{diag},
					Edit: b.edit([]manifest.Edit{suppress.LineEdit(doc, f.Line, name)}),
				})
			}
			if !seenFile[name] {
				seenFile[name] = true
				suppressions = append(suppressions, codeAction{
					Title: "Suppress " + name + " in this file", Kind: kindQuickFix, Diagnostics: []Diagnostic{diag},
					Edit: b.edit([]manifest.Edit{suppress.FileEdit(doc, name)}),
				})
			}
		}
		out = append(append(out, fixes...), suppressions...)
	}
	if wants(p.Context.Only, kindFixAll) {
		if es, n, ok := b.fixAll(); ok {
			title := "Fix all safe manifestlint problems (" + strconv.Itoa(n) + ")"
			out = append(out, codeAction{Title: title, Kind: kindFixAll, Edit: b.edit(es)})
		}
	}
	return out
}

// fixAll runs the fix engine of `manifestlint --fix` (package fix: every
// safe fix, lint again, repeat, a fix that breaks the text reverted) on the
// linted text with its options, and returns the change as the minimal
// edits of the bytes that differ (fix.MinimalEdits: the lines between two
// fixes, a secret value's among them, are sent nowhere), with the number
// of fixes applied; ok is false when nothing changes.
func (b actionBuilder) fixAll() (es []manifest.Edit, fixed int, ok bool) {
	if b.lr.res.Doc == nil || b.lr.res.Doc.Root == nil {
		return nil, 0, false
	}
	src := []byte(b.lr.text)
	out := fix.Run(b.lr.res.File, src, b.lr.vopts, fix.Options{})
	if !out.Changed(src) {
		return nil, 0, false
	}
	return fix.MinimalEdits(src, out.Source), out.Fixed, true
}

// localEdits is fix.MinimalEdits(src, fixed) for the text src of idx and
// fixed, src with edits applied (fix.Apply), without two line indexes of
// the whole text per quick fix: the diff is taken of the lines around the
// edits (from the line before the first to the line after the last). The
// line diff leaves the common prefix and suffix of lines out, so it is the
// same diff when the lines that differ are inside the window on both
// sides; when a run of equal lines reaches the window's edge (a line
// inserted among lines like it), the whole text is diffed.
func localEdits(idx *lineIndex, fixed []byte, edits []manifest.Edit) []manifest.Edit {
	src := idx.Source()
	lo, hi := len(src), 0
	for _, e := range edits {
		lo, hi = min(lo, max(e.Start, 0)), max(hi, min(e.End, len(src)))
	}
	if lo > hi {
		return fix.MinimalEdits(src, fixed)
	}
	w0 := idx.Start(max(idx.Pos(lo).Line-1, 1))
	w1 := len(src)
	if next := idx.Pos(hi).Line + 2; next <= idx.Count() {
		w1 = idx.Start(next)
	}
	srcWin, fixedWin := src[w0:w1], fixed[w0:len(fixed)-(len(src)-w1)]
	a, b := manifest.NewLSPLines(srcWin).Split(), manifest.NewLSPLines(fixedWin).Split()
	pre := 0
	for pre < len(a) && pre < len(b) && bytes.Equal(a[pre], b[pre]) {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && bytes.Equal(a[len(a)-1-suf], b[len(b)-1-suf]) {
		suf++
	}
	if pre == len(a) || pre == len(b) || suf == len(a)-pre || suf == len(b)-pre {
		return fix.MinimalEdits(src, fixed)
	}
	out := fix.MinimalEdits(srcWin, fixedWin)
	for i := range out {
		out[i].Start += w0
		out[i].End += w0
	}
	return out
}

// fixKey identifies a fix by its title and edits.
func fixKey(f *manifest.Fix) string {
	var b strings.Builder
	b.WriteString(f.Title)
	for _, e := range f.Edits {
		b.WriteString("\x00" + strconv.Itoa(e.Start) + ":" + strconv.Itoa(e.End) + ":" + e.New)
	}
	return b.String()
}

// edit turns byte-range edits of the linted text into a workspace edit,
// versioned when the client accepts documentChanges (it then refuses an
// edit made for text it no longer has). The edits' text is sent as it is:
// fix.Apply and suppress already wrote the document's line end
// (manifest.LineEnd).
func (b actionBuilder) edit(edits []manifest.Edit) *workspaceEdit {
	idx := b.lr.index
	tes := make([]textEdit, 0, len(edits))
	for _, e := range edits {
		s, t := min(max(e.Start, 0), len(idx.text)), min(max(e.End, 0), len(idx.text))
		tes = append(tes, textEdit{Range{idx.position(s, b.enc), idx.position(t, b.enc)}, e.New})
	}
	if b.docChanges {
		v := b.version
		return &workspaceEdit{DocumentChanges: []textDocumentEdit{{versionedTextDocumentIdentifier{b.uri, &v}, tes}}}
	}
	return &workspaceEdit{Changes: map[string][]textEdit{b.uri: tes}}
}
