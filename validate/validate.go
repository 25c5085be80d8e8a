// Package validate is manifestlint's public Go API and pipeline: bytes and
// options in, sorted findings out. It parses the manifest (spec §2), decides
// its job kind (§3), checks it against the kind's JSON Schema, runs every
// rule, and keeps one finding per fault (§7).
package validate

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/manifestlint/manifestlint/internal/suppress"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/rules"
	"github.com/manifestlint/manifestlint/schema"
)

// DefaultMaxBytes is the largest manifest the command line, the language
// server and the playground lint unless told otherwise (--max-bytes,
// CheckSize): 1 MiB. A real manifest is
// a few kilobytes; linting is linear in the size of the file but keeps a
// few hundred bytes per byte of a hostile one when every finding is built
// (a node and a finding for each of its keys), about 60 under the findings
// cap (which counts the findings past it without building them), so this
// bound keeps a run under a second and half a gigabyte whatever a
// repository holds, and under 100 MB with the cap.
const DefaultMaxBytes = 1 << 20

// DefaultMaxFindings is how many findings Validate lists for one manifest
// unless Options.MaxFindings says otherwise. A real manifest has a few
// dozen fields, so no real manifest comes near it; a hostile file of a
// million bytes of unknown keys has a quarter of a million, and listing
// them all would cost hundreds of megabytes of memory and of output.
const DefaultMaxFindings = 1000

// Options is what the linter was told about the job and the account
// (spec §6). The zero value lints with nothing known.
type Options struct {
	// JobType fixes Import or Export (--job-type); unknown infers it.
	JobType manifest.JobType
	// JobTypeSource says where JobType came from (--job-type, or a jobTypes
	// entry of the config file), for messages; zero means --job-type.
	JobTypeSource manifest.Source
	// Kind fixes the job kind (--job-kind: s3-import, s3-export,
	// ebs-import, glacier-import), whatever the manifest's fields say; ""
	// leaves it to JobType and the fields. JobTypeSource says where it came
	// from.
	Kind manifest.Kind
	// Region is the job's region (--region or the config file).
	Region string
	// RegionSource says where Region came from, for messages.
	RegionSource manifest.Source
	// AccessKeyID is the key that will sign the request.
	AccessKeyID string
	// AccessKeySource says where AccessKeyID came from, for messages.
	AccessKeySource manifest.Source
	// Buckets is the account's bucket inventory, name to region, or nil.
	Buckets map[string]string
	// Online is what --online learned from the account (package
	// internal/online gathers it; Validate does no I/O), or nil.
	Online *OnlineFacts
	// Ignore lists the rule ids and codes whose findings are dropped
	// everywhere (--ignore, the config file's disable, severity off).
	Ignore []string
	// Severity gives the findings of a rule id or code another severity
	// (the config file's severity key): manifest.Error or manifest.Warning.
	Severity map[string]manifest.Severity
	// MaxFindings caps the findings listed for one manifest (--max-findings):
	// the first in source order (line, then column) are kept, the others
	// are counted in Result.OmittedErrors and OmittedWarnings and named by
	// one note (NoteFindingsOmitted). Zero means DefaultMaxFindings; a
	// negative number lists every finding.
	MaxFindings int
}

// Result is the outcome of linting one manifest (manifest.Result, so that
// the output formats need not import this package).
type Result = manifest.Result

// Note says that some checks did not run on a manifest, and why.
type Note = manifest.Note

// OnlineFacts, BucketFact and Identity are what --online learned from the
// account: HeadBucket and GetCallerIdentity answers, with their evidence.
type (
	OnlineFacts = rules.OnlineFacts
	BucketFact  = rules.BucketFact
	Identity    = rules.Identity
)

// The notes of Result.Notes.
const (
	NoteRegionUnknown = manifest.NoteRegionUnknown
	NoteNoInventory   = manifest.NoteNoInventory
	// NoteFindingsOmitted: more findings than Options.MaxFindings.
	NoteFindingsOmitted = manifest.NoteFindingsOmitted
	// NoteOnline: what the online answers left open for this manifest (a
	// bucket's region unknown, a key the online checks did not sign with).
	NoteOnline = "online"
)

// contextNotes lists the checks that could not run for what the linter
// was not told.
func contextNotes(ctx *rules.Context) []Note {
	var out []Note
	if ctx.Region == "" {
		out = append(out, Note{ID: NoteRegionUnknown,
			Rules:   []string{rules.RuleCustomsRequired, rules.RuleAddressEURegion, rules.RuleServiceLevelExpedited},
			Message: "job region unknown (--region): customs, EU-address and expedited-shipping rules not checked"})
	}
	for _, m := range rules.OnlineNotes(ctx) {
		out = append(out, Note{ID: NoteOnline, Rules: []string{rules.RuleBucketRegions, rules.RuleAccessKeyMatches}, Message: m})
	}
	if ctx.Buckets == nil && !onlineAnswered(ctx) && ctx.NamesBuckets() {
		out = append(out, Note{ID: NoteNoInventory,
			Rules:   []string{rules.RuleBucketExists, rules.RuleBucketRegions},
			Message: "no bucket inventory (buckets in .manifestlint.yaml): bucket checks not run"})
	}
	return out
}

// Validate lints one manifest.
func Validate(name string, src []byte, opts Options) Result {
	res, _ := ValidateContext(context.Background(), name, src, opts)
	return res
}

// ValidateContext is Validate that gives up when ctx is done before the
// lint is: it then returns ctx's error and an empty Result. It stops in
// the middle of the parse (which reads the manifest as it goes), and
// between the rules and the schema check: the language server stops the
// lint of a version the editor has already replaced. A lint that ends
// returns what Validate returns, and a nil error.
func ValidateContext(ctx context.Context, name string, src []byte, opts Options) (Result, error) {
	// With a cap, the checks that can find a fault per key build the
	// findings of the first max keys only and count the rest: a hostile
	// 1 MiB file of `kN:v` lines has 230,000 findings, and building them
	// all took 370 MB. Suppression comments could silence any of the
	// first ones, so a manifest with one is linted whole; so is one where
	// what was dropped leaves a counted finding among the first max.
	max := opts.MaxFindings
	if max == 0 {
		max = DefaultMaxFindings
	}
	if max > 0 && !bytes.Contains(src, suppressMarker) {
		res, ok := validate(ctx, name, src, opts, max)
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		if ok {
			return res, nil
		}
	}
	res, _ := validate(ctx, name, src, opts, 0)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	return res, nil
}

var suppressMarker = []byte(suppress.Marker)

// validate is Validate, building at most limit findings of each per-key
// check (0: no limit); false when the findings it counted without
// building them would not all come after the first limit ones it lists.
// When cctx is done it stops early, with an empty result (the caller
// returns cctx's error).
func validate(cctx context.Context, name string, src []byte, opts Options, limit int) (Result, bool) {
	doc, fs, omitted := manifest.ParseLimitContext(cctx, name, src, limit)
	if cctx.Err() != nil {
		return Result{}, false
	}
	res := Result{File: name, Doc: doc, Parsed: doc.Root != nil}
	res.Kind, res.KindEvidence = manifest.InferKind(doc.Root, opts.JobType)
	if opts.Kind != "" {
		jt := manifest.JobTypeImport
		if !opts.Kind.IsImport() {
			jt = manifest.JobTypeExport
		}
		res.Kind, res.KindEvidence = opts.Kind, manifest.KindEvidence{JobType: jt}
	}
	if res.KindEvidence.JobType != manifest.JobTypeUnknown {
		res.KindEvidence.Source = opts.JobTypeSource
	}
	if doc.Root == nil {
		// The file could not be read, so its comments cannot be trusted to
		// annotate it: only --ignore and the config file apply (spec §7).
		fs = applyOverrides(fs, &opts)
		manifest.MaskFindings(doc, fs)
		res.Findings = clipMessages(fs)
		manifest.Sort(res.Findings)
		return Cap(res, opts.MaxFindings), true
	}
	ctx := &rules.Context{
		Doc: doc, Root: doc.Root, Kind: res.Kind,
		Region: opts.Region, RegionSource: opts.RegionSource,
		AccessKeyID: opts.AccessKeyID, AccessKeySource: opts.AccessKeySource, Buckets: opts.Buckets,
		Online: opts.Online,
	}
	if ctx.Region == "" {
		ctx.Region, ctx.RegionSource = inferRegion(doc, res.Kind, knownRegions(opts))
	}
	// Rules run first so that, where a rule and the schema see the same
	// fault, the rule's more specific message is the one kept.
	for _, r := range rules.All {
		if cctx.Err() != nil {
			return Result{}, false
		}
		fs = append(fs, r.Run(ctx)...)
	}
	if cctx.Err() != nil {
		return Result{}, false
	}
	sfs, somitted := schema.CheckLimit(doc, res.Kind, limit)
	omitted = dedupeOmitted(fs, append(omitted, somitted...))
	fs = append(fs, sfs...)
	fs = manifest.Dedupe(fs)
	if !endsChecks(fs) {
		res.Notes = contextNotes(ctx)
	}
	// Inline comments first, so that a comment naming a finding that
	// --ignore also drops still counts as used.
	fs = suppress.Apply(doc, fs, UnknownName)
	fs = applyOverrides(fs, &opts)
	omitted = overrideOmitted(omitted, &opts)
	// Before clipping, which could cut a secret value in two.
	manifest.MaskFindings(doc, fs)
	manifest.Sort(fs)
	res.Findings = fs
	if len(omitted) > 0 {
		if len(fs) < limit {
			return res, false
		}
		for i := range omitted {
			if !omitted[i].After(&fs[limit-1]) {
				return res, false
			}
		}
	}
	res = capCounting(res, opts.MaxFindings, omitted)
	res.Findings = clipMessages(res.Findings)
	return res, true
}

// dedupeOmitted drops the omitted findings that manifest.Dedupe would
// have dropped as the same fault as one of fs, the findings found before
// them (the parse's and the rules'): an error of the same path and code.
// The omitted warnings are the parse's own, one per line, and none of the
// schema's built findings shares a path with an unknown key it counted.
func dedupeOmitted(fs []manifest.Finding, omitted []manifest.Omitted) []manifest.Omitted {
	type key struct {
		path string
		code manifest.Code
	}
	var errs map[key]bool
	for _, f := range fs {
		if f.Severity != manifest.Warning {
			if errs == nil {
				errs = map[key]bool{}
			}
			errs[key{f.Path, f.Code}] = true
		}
	}
	if errs == nil {
		return omitted
	}
	out := omitted[:0]
	for _, o := range omitted {
		if o.Of.Severity == manifest.Warning || !errs[key{o.Path(), o.Of.Code}] {
			out = append(out, o)
		}
	}
	return out
}

// overrideOmitted applies --ignore and the severity overrides to the
// omitted findings, as applyOverrides to built ones.
func overrideOmitted(omitted []manifest.Omitted, opts *Options) []manifest.Omitted {
	if len(omitted) == 0 || len(opts.Ignore) == 0 && len(opts.Severity) == 0 {
		return omitted
	}
	as := map[*manifest.OmittedOf]*manifest.OmittedOf{} // nil: ignored
	out := omitted[:0]
	for _, o := range omitted {
		of, done := as[o.Of]
		if !done {
			f := manifest.Finding{Rule: o.Of.Rule, AlsoRule: o.Of.AlsoRule, Code: o.Of.Code, Severity: o.Of.Severity}
			if kept := applyOverrides([]manifest.Finding{f}, opts); len(kept) == 1 {
				c := *o.Of
				c.Severity = kept[0].Severity
				of = &c
			}
			as[o.Of] = of
		}
		if of != nil {
			o.Of = of
			out = append(out, o)
		}
	}
	return out
}

// Cap keeps the first max findings of res (whose findings are sorted, as
// Validate returns them) and counts the others in OmittedErrors and
// OmittedWarnings, with a note (NoteFindingsOmitted) first in Notes. max is
// as Options.MaxFindings: 0 is DefaultMaxFindings, a negative max keeps
// all. Validate applies it; package fix lints without a cap while it
// fixes, and caps the last result. The kept findings are copied out, so
// that the dropped ones can be collected at once.
func Cap(res Result, max int) Result {
	return capCounting(res, max, nil)
}

// capCounting is Cap, counting the omitted findings too, which come after
// every finding of res.
func capCounting(res Result, max int, omitted []manifest.Omitted) Result {
	if max == 0 {
		max = DefaultMaxFindings
	}
	if max < 0 || len(res.Findings) <= max && len(omitted) == 0 {
		return res
	}
	rest := res.Findings[max:]
	res.OmittedErrors, res.OmittedWarnings = manifest.Count(rest)
	seen := map[string]bool{}
	ruleIDs := []string{} // JSON: always an array
	for i := range rest {
		if r := rest[i].Rule; r != "" && !seen[r] {
			seen[r] = true
			ruleIDs = append(ruleIDs, r)
		}
	}
	for _, o := range omitted {
		if o.Of.Severity == manifest.Error {
			res.OmittedErrors++
		} else {
			res.OmittedWarnings++
		}
		if r := o.Of.Rule; r != "" && !seen[r] {
			seen[r] = true
			ruleIDs = append(ruleIDs, r)
		}
	}
	slices.Sort(ruleIDs)
	last := res.Findings[max-1].Line
	kept := make([]manifest.Finding, max)
	copy(kept, res.Findings)
	res.Findings = kept
	from := ""
	if len(ruleIDs) > 0 {
		from = ", from " + strings.Join(ruleIDs, ", ")
	}
	note := Note{ID: NoteFindingsOmitted, Rules: ruleIDs,
		Message: fmt.Sprintf("%s not listed (%s, %s%s): the first %d end at line %d. "+
			"Fix those and lint again, or raise --max-findings",
			manifest.Plural(len(rest)+len(omitted), "more finding"), manifest.Plural(res.OmittedErrors, "error"), manifest.Plural(res.OmittedWarnings, "warning"),
			from, max, last)}
	res.Notes = append([]Note{note}, res.Notes...)
	return res
}

// endsChecks reports a finding after which the service reads no further
// (spec §7): then no check ran, and none is worth a note.
func endsChecks(fs []manifest.Finding) bool {
	for _, f := range fs {
		if f.Code == manifest.MalformedManifest || f.Code == manifest.MissingParameter {
			return true
		}
	}
	return false
}

// maxMessage bounds a headline or help: one that quotes many huge values
// (each cut by manifest.Quote) loses its middle.
const maxMessage = 4096

// clipMessages bounds the headline and the help of every finding
// (maxMessage).
func clipMessages(fs []manifest.Finding) []manifest.Finding {
	for i := range fs {
		fs[i].Message, fs[i].Help = clipMessage(fs[i].Message), clipMessage(fs[i].Help)
	}
	return fs
}

// clipMessage cuts the middle of a message over maxMessage bytes (and a
// character cut in two with it).
func clipMessage(msg string) string {
	if len(msg) <= maxMessage {
		return msg
	}
	return strings.ToValidUTF8(msg[:maxMessage/2], "") + " … " + strings.ToValidUTF8(msg[len(msg)-maxMessage/4:], "")
}

// inferRegion finds the job region in the manifest or, with an inventory,
// from the region of the first listed bucket the manifest names (spec §4.7).
// Only EBS and Glacier manifests have operations[].region; in any other
// kind that key is unknown and says nothing. Only a region the service ran
// in counts: a misspelt one is the schema's finding, not a job region.
func inferRegion(doc *manifest.Document, kind manifest.Kind, buckets map[string]string) (region string, source manifest.Source) {
	ops := manifest.Value(doc.Root, "operations")
	if manifest.IsSequence(ops) && (kind == manifest.EBSImport || kind == manifest.GlacierImport) {
		for _, op := range ops.Content {
			if r, ok := manifest.Text(manifest.Value(op, "region")); ok && manifest.IsRegion(r) {
				return r, manifest.Source{Kind: manifest.SourceManifest, Name: "operations[].region"}
			}
		}
	}
	if buckets == nil {
		return "", manifest.Source{}
	}
	for _, b := range bucketNames(doc) {
		if r, ok := buckets[b]; ok && manifest.IsRegion(r) {
			return r, manifest.Source{Kind: manifest.SourceInventory, Name: b}
		}
	}
	return "", manifest.Source{}
}

// knownRegions is the inventory with the regions the online answers gave
// laid over it (nil when there is neither).
func knownRegions(opts Options) map[string]string {
	if opts.Online == nil || len(opts.Online.Buckets) == 0 {
		return opts.Buckets
	}
	m := make(map[string]string, len(opts.Buckets)+len(opts.Online.Buckets))
	for k, v := range opts.Buckets {
		m[k] = v
	}
	for k, f := range opts.Online.Buckets {
		if f.Region != "" {
			m[k] = f.Region
		}
	}
	return m
}

// onlineAnswered reports whether an online answer covers every bucket of
// the manifest, so that "no bucket inventory" is no reason left unchecked.
func onlineAnswered(ctx *rules.Context) bool {
	if ctx.Online == nil {
		return false
	}
	names := ctx.BucketNames()
	for _, b := range names {
		f, ok := ctx.Online.Buckets[b]
		if !ok || !f.Missing() && !f.Exists() {
			return false
		}
	}
	return len(names) > 0
}

// BucketNames lists the buckets the manifest src names (bucket, logBucket,
// operations[].exportBucket), for the online checks to ask about before
// linting; none when it cannot be parsed.
func BucketNames(name string, src []byte) []string {
	doc, _ := manifest.Parse(name, src)
	if doc == nil || doc.Root == nil {
		return nil
	}
	return bucketNames(doc)
}

// bucketNames lists the buckets a manifest names (rules.BucketNames).
func bucketNames(doc *manifest.Document) []string { return rules.BucketNames(doc.Root) }

// Rules returns every rule manifestlint applies, parse, schema,
// suppression and rule checks alike, for `explain`, SARIF's rule list and
// name checks: the one registry, an explicit list.
func Rules() []*manifest.Descriptor {
	out := append([]*manifest.Descriptor(nil), manifest.ParseRules...)
	out = append(out, schema.Rules...)
	out = append(out, suppress.Rules...)
	for _, r := range rules.All {
		out = append(out, &r.Descriptor)
	}
	return out
}
