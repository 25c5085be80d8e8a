package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/manifestlint/manifestlint/explain"
	"github.com/manifestlint/manifestlint/fix"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/report/jsonwire"
	"github.com/manifestlint/manifestlint/validate"
)

// fileName is the name the page's manifest is linted under.
const fileName = "manifest.yaml"

// pageOptions are the page's options, named as in the share link.
type pageOptions struct {
	JobType     string // "", "import" or "export"
	Region      string // "" or one of manifest.Regions
	AccessKeyID string
}

// validateOptions are the validate.Options the command line builds from
// --job-type, --region and --access-key-id with no configuration file.
func (o pageOptions) validateOptions() validate.Options {
	var v validate.Options
	if jt, ok := manifest.ParseJobType(o.JobType); ok {
		v.JobType = jt
	}
	if manifest.IsRegion(o.Region) {
		v.Region, v.RegionSource = o.Region, manifest.Source{Kind: manifest.SourceFlag, Name: "--region"}
	}
	if o.AccessKeyID != "" {
		v.AccessKeyID, v.AccessKeySource = o.AccessKeyID, manifest.Source{Kind: manifest.SourceFlag, Name: "--access-key-id"}
	}
	return v
}

// lintResult is what lint returns: one file object of `--format json`
// (file, jobKind, findings, notes) with what the page needs besides.
type lintResult struct {
	File         string          `json:"file"`
	JobKind      manifest.Kind   `json:"jobKind"`
	KindEvidence kindEvidence    `json:"kindEvidence"`
	Findings     []pageFinding   `json:"findings"`
	Notes        []validate.Note `json:"notes"`
	Errors       int             `json:"errors"`
	Warnings     int             `json:"warnings"`
	// Error says why the text was not linted (over validate.DefaultMaxBytes,
	// which the command line refuses to read as well); absent otherwise.
	Error string `json:"error,omitempty"`
}

// kindEvidence is manifest.KindEvidence: the job type that fixed the kind,
// or the fields that decided it.
type kindEvidence struct {
	JobType string   `json:"jobType"`
	Fields  []string `json:"fields"`
}

// pageFinding is a finding of `--format json` (the same wire type,
// jsonwire.Finding: message is the specifics, serviceMessage the service's
// sentence for code, fix the repair with its edits) and what the page needs
// besides.
type pageFinding struct {
	jsonwire.Finding
	// From and To are the range to select in the editor, in UTF-16 code
	// units of the text (what a textarea's selection counts).
	From int `json:"from"`
	To   int `json:"to"`
}

// lintJSON lints src and encodes the result.
func lintJSON(src []byte, o pageOptions) []byte {
	return mustJSON(lint(src, o))
}

// lint runs validate.Validate, as the command line does.
func lint(src []byte, o pageOptions) lintResult {
	if len(src) > validate.DefaultMaxBytes {
		return lintResult{File: fileName, Findings: []pageFinding{}, Notes: []validate.Note{},
			KindEvidence: kindEvidence{Fields: []string{}},
			Error: fmt.Sprintf("Not linted: %d bytes, over the %d that manifestlint reads (--max-bytes); a manifest is a few kilobytes.",
				len(src), validate.DefaultMaxBytes)}
	}
	r := validate.Validate(fileName, src, o.validateOptions())
	out := lintResult{File: r.File, JobKind: r.Kind, Notes: r.Notes,
		KindEvidence: kindEvidence{JobType: string(r.KindEvidence.JobType), Fields: r.KindEvidence.Fields},
		Findings:     make([]pageFinding, 0, len(r.Findings))}
	if out.KindEvidence.Fields == nil {
		out.KindEvidence.Fields = []string{}
	}
	if out.Notes == nil {
		out.Notes = []validate.Note{}
	}
	for i, n := range out.Notes {
		out.Notes[i].Message = pageNoteMessage(n)
	}
	out.Errors, out.Warnings = r.Count()
	remember(src, o, r.Findings)
	ix := newIndex(src)
	for i, wf := range jsonwire.Findings(r.Doc, r.Findings) {
		pf := pageFinding{Finding: wf}
		pf.From, pf.To = ix.span(&r.Findings[i])
		out.Findings = append(out.Findings, pf)
	}
	return out
}

// pageNoteMessage is a note as the page words it: the command line's note
// names a flag or the configuration file, which the page has not; it says
// what to set in the page instead, or that the page cannot.
func pageNoteMessage(n validate.Note) string {
	switch n.ID {
	case validate.NoteRegionUnknown:
		return "job region unknown: customs, EU-address and expedited-shipping rules not checked (choose the Region above)"
	case validate.NoteNoInventory:
		return "no bucket inventory: bucket checks not run (the page has none; on the command line, list the account's buckets in the configuration file)"
	}
	return n.Message
}

// explainText is `manifestlint explain NAME`'s output.
//
//lint:ignore U1000 called by main.go, which is built for js/wasm only
func explainText(name string) (string, error) {
	var b strings.Builder
	err := explain.Lookup(&b, name)
	return b.String(), err
}

// mustJSON encodes v as the command line does (HTML not escaped).
func mustJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only strings, numbers and slices of them: cannot happen.
		panic(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// index converts the positions of findings into UTF-16 offsets of src,
// with the line index every part of manifestlint uses (manifest.Lines).
type index struct {
	src   []byte
	lines *manifest.Lines
}

func newIndex(src []byte) *index {
	return &index{src: src, lines: manifest.NewLines(src)}
}

// utf16 is the number of UTF-16 code units in src[:off].
func (ix *index) utf16(off int) int {
	off = max(0, min(off, len(ix.src)))
	n := 0
	for _, r := range string(ix.src[:off]) {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// span is the range of f to select, in UTF-16 offsets: its byte range when
// it covers text, else (a place, such as where a missing field belongs)
// the word that starts there.
func (ix *index) span(f *manifest.Finding) (from, to int) {
	start, end := f.Start, f.End
	if end <= start {
		start = ix.lines.Offset(manifest.Pos{Line: f.Line, Column: f.Column})
		end = start
		lineEnd := ix.lines.End(min(max(f.Line, 1), ix.lines.Count()))
		for end < lineEnd && ix.src[end] != ' ' && ix.src[end] != '\t' {
			end++
		}
	}
	return ix.utf16(start), ix.utf16(end)
}

// fixOne applies the fix of finding i (in lint's order) to src, with the
// fix package, as `manifestlint --fix` applies edits.
func fixOne(src []byte, o pageOptions, i int) ([]byte, int) {
	fixes, ok := remembered(src, o)
	if !ok {
		r := validate.Validate(fileName, src, o.validateOptions())
		fixes = fixesOf(r.Findings)
	}
	if i < 0 || i >= len(fixes) || fixes[i] == nil {
		return src, 0
	}
	out, applied := fix.Apply(src, []*manifest.Fix{fixes[i]})
	return out, len(applied)
}

// last is what the last lint found fixes for: a fix button is pressed on
// the text the page just linted, so fixOne need not lint it again (a lint
// of 1 MB takes seconds in the browser). Only the fixes are kept, not the
// result's tree.
var last struct {
	src   string
	opts  pageOptions
	fixes []*manifest.Fix
}

// remember keeps the fixes of the findings of src's lint.
func remember(src []byte, o pageOptions, fs []manifest.Finding) {
	last.src, last.opts, last.fixes = string(src), o, fixesOf(fs)
}

// remembered returns the fixes remember kept for src and o.
func remembered(src []byte, o pageOptions) ([]*manifest.Fix, bool) {
	if last.fixes == nil || last.opts != o || last.src != string(src) {
		return nil, false
	}
	return last.fixes, true
}

// fixesOf is the fix of each finding, in order (nil where none).
func fixesOf(fs []manifest.Finding) []*manifest.Fix {
	out := make([]*manifest.Fix, len(fs))
	for i := range fs {
		out[i] = fs[i].Fix
	}
	return out
}

// fixSafe applies every safe fix as `manifestlint --fix` does (fix.Run:
// lint, apply, relint, repeat while some apply; a fix that breaks the
// manifest is reverted).
func fixSafe(src []byte, o pageOptions) ([]byte, int) {
	out := fix.Run(fileName, src, o.validateOptions(), fix.Options{})
	return out.Source, out.Fixed
}

// pageEdit is one edit of the page's text: replace the UTF-16 code units
// [From, To) of the text the fix was asked for with Text.
type pageEdit struct {
	From int    `json:"from"`
	To   int    `json:"to"`
	Text string `json:"text"`
}

// pageEdits are the edits that turn src into out, as few bytes as differ
// (fix.MinimalEdits), in UTF-16 offsets of src and in order: the page
// applies them one by one as typing would (kept in the undo history),
// instead of inserting the whole text again, which froze the tab for 90 s
// on a 50 KB manifest.
func pageEdits(src, out []byte) []pageEdit {
	es := fix.MinimalEdits(src, out)
	pes := make([]pageEdit, 0, len(es))
	at, u := 0, 0 // a byte offset of src and its UTF-16 offset
	conv := func(off int) int {
		for _, r := range string(src[at:off]) {
			u++
			if r >= 0x10000 {
				u++
			}
		}
		at = off
		return u
	}
	for _, e := range es {
		from := conv(e.Start)
		to := conv(e.End)
		pes = append(pes, pageEdit{From: from, To: to, Text: e.New})
	}
	return pes
}

// shareText is the manifest as a share link holds it: every secret value
// (trueCryptPassword, pinCode, and the keys read as them) replaced by
// manifest.SecretMask, as the link leaves out the access key ID; changed
// reports that one was.
func shareText(src []byte) (text string, changed bool) {
	doc, _ := manifest.Parse(fileName, src)
	out := doc.WithoutSecrets()
	return string(out), !bytes.Equal(out, src)
}
