// Package playground is what the browser playground (docs/playground.md)
// runs: the page's options, lint, fixes, share text and explain, each
// encoded as the JSON the page reads. The WebAssembly entry point
// (wasm/main.go) only moves strings between JavaScript and these functions,
// which call validate.Validate like the command line, so the page and
// `manifestlint --format json` cannot disagree.
package playground

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/manifestlint/manifestlint/internal/explain"
	"github.com/manifestlint/manifestlint/internal/fix"
	"github.com/manifestlint/manifestlint/internal/report/jsonwire"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// FileName is the name the page's manifest is linted under.
const FileName = "manifest.yaml"

// Options are the page's options, named as in the share link.
type Options struct {
	JobType     string // "", "import" or "export"
	Region      string // "" or one of manifest.Regions
	AccessKeyID string
}

// ValidateOptions are the validate.Options the command line resolves from
// --job-type, --region and --access-key-id with no configuration file and
// an empty environment (validate.Resolve).
func (o Options) ValidateOptions() validate.Options {
	f := validate.Options{AccessKeyID: o.AccessKeyID}
	f.JobType, _ = manifest.ParseJobType(o.JobType)
	if manifest.IsRegion(o.Region) {
		f.Region = o.Region
	}
	v, _, _ := validate.Resolve(f, nil, "", nil) // no names to check
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
	// Error says why the text was not linted (validate.CheckSize, as the
	// command line and the language server say it); absent otherwise.
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

// LintJSON lints src and encodes the result.
func LintJSON(src []byte, o Options) []byte {
	return mustJSON(lint(src, o))
}

// lint runs validate.Validate, as the command line does.
func lint(src []byte, o Options) lintResult {
	if err := validate.CheckSize(int64(len(src)), validate.DefaultMaxBytes); err != nil {
		return lintResult{File: FileName, Findings: []pageFinding{}, Notes: []validate.Note{},
			KindEvidence: kindEvidence{Fields: []string{}}, Error: err.Error()}
	}
	r := validate.Validate(FileName, src, o.ValidateOptions())
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
		out.Notes[i].Message = NoteMessage(n)
	}
	out.Errors, out.Warnings = r.Count()
	remember(src, o, r.Findings)
	lines := manifest.NewLines(src)
	for i, wf := range jsonwire.Findings(r.Doc, r.Findings) {
		pf := pageFinding{Finding: wf}
		pf.From, pf.To = span(lines, &r.Findings[i])
		out.Findings = append(out.Findings, pf)
	}
	return out
}

// NoteMessage is a note as the page words it: the command line's note
// names a flag or the configuration file, which the page has not; it says
// what to set in the page instead, or that the page cannot.
func NoteMessage(n validate.Note) string {
	switch n.ID {
	case validate.NoteRegionUnknown:
		return "job region unknown: customs, EU-address and expedited-shipping rules not checked (choose the Region above)"
	case validate.NoteNoInventory:
		return "no bucket inventory: bucket checks not run (the page has none; on the command line, list the account's buckets in the configuration file)"
	}
	return n.Message
}

// ExplainText is `manifestlint explain NAME`'s output.
func ExplainText(name string) (string, error) {
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

// span is the range of f to select, in UTF-16 offsets of the text: its
// byte range when it covers text, else (a place, such as where a missing
// field belongs) the word that starts there.
func span(l *manifest.Lines, f *manifest.Finding) (from, to int) {
	src := l.Source()
	start, end := f.Start, f.End
	if f.Span.Empty() {
		lineEnd := l.End(f.Line)
		for end < lineEnd && src[end] != ' ' && src[end] != '\t' {
			end++
		}
	}
	utf16 := func(off int) int { return manifest.UTF16Len(src[:min(max(off, 0), len(src))]) }
	return utf16(start), utf16(end)
}

// FixOne applies the fix of finding i (in lint's order) to src, with the
// fix package, as `manifestlint --fix` applies edits.
func FixOne(src []byte, o Options, i int) ([]byte, int) {
	fixes, ok := remembered(src, o)
	if !ok {
		r := validate.Validate(FileName, src, o.ValidateOptions())
		fixes = fixesOf(r.Findings)
	}
	if i < 0 || i >= len(fixes) || fixes[i] == nil {
		return src, 0
	}
	out, applied := fix.Apply(src, []*manifest.Fix{fixes[i]})
	return out, len(applied)
}

// last is what the last lint found fixes for: a fix button is pressed on
// the text the page just linted, so FixOne need not lint it again (a lint
// of 1 MB takes seconds in the browser). Only the fixes are kept, not the
// result's tree.
var last struct {
	src   string
	opts  Options
	fixes []*manifest.Fix
}

// remember keeps the fixes of the findings of src's lint.
func remember(src []byte, o Options, fs []manifest.Finding) {
	last.src, last.opts, last.fixes = string(src), o, fixesOf(fs)
}

// remembered returns the fixes remember kept for src and o.
func remembered(src []byte, o Options) ([]*manifest.Fix, bool) {
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

// FixSafe applies every safe fix as `manifestlint --fix` does (fix.Run:
// lint, apply, relint, repeat while some apply; a fix that breaks the
// manifest is reverted).
func FixSafe(src []byte, o Options) ([]byte, int) {
	out := fix.Run(FileName, src, o.ValidateOptions(), fix.Options{})
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
		u += manifest.UTF16Len(src[at:off])
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

// ShareText is the manifest as a share link holds it: every secret value
// (trueCryptPassword, pinCode, and the keys read as them) replaced by
// manifest.SecretMask, as the link leaves out the access key ID; changed
// reports that one was.
func ShareText(src []byte) (text string, changed bool) {
	doc, _ := manifest.Parse(FileName, src)
	out := doc.WithoutSecrets()
	return string(out), !bytes.Equal(out, src)
}

// FixJSON is manifestlint.applyFixes: the fix of finding which (in lint's
// order), or every safe fix when which is negative, as {text, applied,
// edits}; the page applies the edits (UTF-16 offsets of src), not the text.
func FixJSON(src []byte, o Options, which int) []byte {
	var out []byte
	var applied int
	if which >= 0 {
		out, applied = FixOne(src, o, which)
	} else {
		out, applied = FixSafe(src, o)
	}
	return mustJSON(map[string]any{"text": string(out), "applied": applied, "edits": pageEdits(src, out)})
}

// ShareJSON is manifestlint.shareText: {text, secretsLeftOut}.
func ShareJSON(src []byte) []byte {
	text, changed := ShareText(src)
	return mustJSON(map[string]any{"text": text, "secretsLeftOut": changed})
}

// ExplainJSON is manifestlint.explain: {text}, or {error} for an unknown name.
func ExplainJSON(name string) []byte {
	text, err := ExplainText(name)
	if err != nil {
		return mustJSON(map[string]string{"error": err.Error()})
	}
	return mustJSON(map[string]string{"text": text})
}
