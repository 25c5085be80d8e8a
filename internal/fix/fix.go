// Package fix applies the fixes that findings carry (manifest.Fix): byte
// edits of the original source, never a re-serialization of the YAML, so
// that comments, key order, quoting, blank lines, indentation, line ends and
// a byte-order mark all stay as they were outside the edited bytes.
//
// Run lints, applies every applicable fix whose edits do not overlap one
// already taken, lints again, and repeats (at most MaxPasses times) until
// nothing more applies, as ruff and eslint do. A fix whose result no longer
// parses, or has a finding at a place the input had none, is reverted and
// not tried again. The package does no I/O: bytes in, bytes out.
package fix

import (
	"bytes"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// DefaultPasses is the number of lint-and-fix passes Run makes at most.
const DefaultPasses = 10

// maxTries bounds the fixes tried one by one in a pass whose fixes broke
// the text together (each costs a lint).
const maxTries = 32

// Options chooses which fixes Run applies.
type Options struct {
	// Unsafe applies the unsafe fixes too (--unsafe-fixes).
	Unsafe bool
	// MaxPasses bounds the passes; zero means DefaultPasses.
	MaxPasses int
}

// Outcome is the result of fixing one manifest.
type Outcome struct {
	// Source is the fixed text (the input itself when no fix applied).
	Source []byte
	// Result lints Source: what is left after fixing.
	Result validate.Result
	// Fixed counts the findings repaired by the fixes applied (a fix that
	// several findings carry counts once for each).
	Fixed int
	// UnsafeLeft counts the findings of Result with an unsafe fix, which
	// --unsafe-fixes would apply (zero when Options.Unsafe is set).
	UnsafeLeft int
	// Rejected counts the fixes not applied because their result did not
	// parse or had a finding the input did not have.
	Rejected int
}

// Changed reports whether fixing changed the text.
func (o Outcome) Changed(src []byte) bool { return !bytes.Equal(o.Source, src) }

// Run fixes one manifest: name and vopts are as for validate.Validate.
// While fixing it lints without vopts.MaxFindings (a cap would hide
// findings that the fixes reveal, and which Acceptable must see), and caps
// the last result.
func Run(name string, src []byte, vopts validate.Options, o Options) Outcome {
	all := vopts
	all.MaxFindings = -1
	out := run(src, func(b []byte) validate.Result { return validate.Validate(name, b, all) }, o)
	out.Result = validate.Cap(out.Result, vopts.MaxFindings)
	return out
}

// run is Run with the linter given, so that tests can drive it.
func run(src []byte, lint func([]byte) validate.Result, o Options) Outcome {
	passes := o.MaxPasses
	if passes <= 0 {
		passes = DefaultPasses
	}
	out := Outcome{Source: src, Result: lint(src)}
	rejected := map[string]bool{}
	for range passes {
		cands := candidates(out.Source, out.Result.Findings, o.Unsafe, rejected)
		if len(cands) == 0 {
			break
		}
		fixes := make([]*manifest.Fix, len(cands))
		for i, c := range cands {
			fixes[i] = c.fix
		}
		next, applied := Apply(out.Source, fixes)
		res := lint(next)
		if len(applied) > 0 && Acceptable(out.Result, res) {
			out.Source, out.Result = next, res
			for _, i := range applied {
				out.Fixed += cands[i].findings
			}
			continue
		}
		// Together they broke something: add them one at a time, each on
		// top of those kept so far (all edits of the pass's text), keeping
		// each that leaves an acceptable text and rejecting the others. At
		// most maxTries lints per pass: the rest wait for the next pass.
		var kept []*manifest.Fix
		var keptSrc []byte
		var keptRes validate.Result
		fixed, dropped := 0, 0
		for n, c := range cands {
			if n == maxTries {
				break
			}
			try := append(kept[:len(kept):len(kept)], c.fix)
			next, applied := Apply(out.Source, try)
			if len(applied) != len(try) {
				continue // overlaps one kept: the next pass sees it again
			}
			res := lint(next)
			if !Acceptable(out.Result, res) {
				rejected[key(out.Source, c.fix)] = true
				out.Rejected++
				dropped++
				continue
			}
			kept, keptSrc, keptRes = try, next, res
			fixed += c.findings
		}
		if len(kept) > 0 {
			out.Source, out.Result = keptSrc, keptRes
			out.Fixed += fixed
		} else if dropped == 0 {
			break // nothing applies, nothing more to learn
		}
	}
	if !o.Unsafe {
		for _, f := range out.Result.Findings {
			if f.Fix != nil && len(f.Fix.Edits) > 0 && f.Fix.Applicability == manifest.Unsafe {
				out.UnsafeLeft++
			}
		}
	}
	return out
}

// candidate is a fix that may be applied and the number of findings that
// carry it (several findings can share one fix: the stray address fields
// one indent repairs).
type candidate struct {
	fix      *manifest.Fix
	findings int
}

// candidates returns the fixes of fs that may be applied, each once, in
// order of their first edit, leaving out unsafe ones unless unsafe is set
// and those rejected in an earlier pass.
func candidates(src []byte, fs []manifest.Finding, unsafe bool, rejected map[string]bool) []candidate {
	var out []candidate
	seen := map[string]int{}
	for i := range fs {
		f := fs[i].Fix
		if f == nil || len(f.Edits) == 0 {
			continue
		}
		if f.Applicability != manifest.Safe && !(unsafe && f.Applicability == manifest.Unsafe) {
			continue
		}
		k := key(src, f) + "\x00" + edits(f)
		if rejected[key(src, f)] {
			continue
		}
		if j, dup := seen[k]; dup {
			out[j].findings++
			continue
		}
		seen[k] = len(out)
		out = append(out, candidate{f, 1})
	}
	sort.SliceStable(out, func(i, j int) bool { return firstStart(out[i].fix) < firstStart(out[j].fix) })
	return out
}

// edits writes a fix's edit offsets, to tell apart equal-looking fixes at
// different places.
func edits(f *manifest.Fix) string {
	var b strings.Builder
	for _, e := range f.Edits {
		b.WriteString(strconv.Itoa(e.Start))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.End))
		b.WriteByte(' ')
	}
	return b.String()
}

// key identifies a fix independently of where its text moved to: its title
// and, for each edit, the text it replaces and the text it writes.
func key(src []byte, f *manifest.Fix) string {
	var b strings.Builder
	b.WriteString(f.Title)
	for _, e := range f.Edits {
		b.WriteByte(0)
		if 0 <= e.Start && e.Start <= e.End && e.End <= len(src) {
			b.Write(src[e.Start:e.End])
		}
		b.WriteByte(0)
		b.WriteString(e.New)
	}
	return b.String()
}

func firstStart(f *manifest.Fix) int {
	s := -1
	for _, e := range f.Edits {
		if s < 0 || e.Start < s {
			s = e.Start
		}
	}
	return s
}

// Apply applies fixes to src and returns the new text and the indexes (in
// fixes) of the fixes applied. Fixes are taken in the order given (sort
// them by start); one whose edits overlap or touch an edit already taken,
// overlap each other, fall outside src, or touch a byte-order mark is
// skipped. Line breaks in an edit's text are written with src's own line
// end (manifest.LineEnd). src is not modified.
func Apply(src []byte, fixes []*manifest.Fix) ([]byte, []int) {
	eol := manifest.LineEnd(src)
	bomLen := 0
	if bytes.HasPrefix(src, manifest.BOM) {
		bomLen = len(manifest.BOM)
	}
	// taken holds the edits of the fixes applied so far, sorted by start;
	// fixes come sorted by their first edit, so an edit is nearly always
	// appended, and the overlap check looks at its two neighbours only.
	var taken []manifest.Edit
	var applied []int
	clash := func(e manifest.Edit) bool {
		i := sort.Search(len(taken), func(i int) bool { return taken[i].Start > e.Start })
		// Overlapping or touching ranges, or two insertions at one place,
		// have no single right order: leave the later one for the next pass.
		near := func(t manifest.Edit) bool { return e.Start <= t.End && t.Start <= e.End }
		return i > 0 && near(taken[i-1]) || i < len(taken) && near(taken[i])
	}
	for i, f := range fixes {
		if f == nil || len(f.Edits) == 0 {
			continue
		}
		es := append([]manifest.Edit(nil), f.Edits...)
		sort.Slice(es, func(a, b int) bool { return es[a].Start < es[b].Start })
		ok := true
		for j, e := range es {
			if e.Start < bomLen || e.Start > e.End || e.End > len(src) ||
				(j > 0 && e.Start < es[j-1].End) || clash(e) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		for _, e := range es {
			e.New = manifest.WithLineEnd(e.New, eol)
			at := sort.Search(len(taken), func(i int) bool { return taken[i].Start > e.Start })
			taken = slices.Insert(taken, at, e)
		}
		applied = append(applied, i)
	}
	if len(taken) == 0 {
		return src, nil
	}
	out := make([]byte, 0, len(src)+64)
	at := 0
	for _, e := range taken {
		out = append(out, src[at:e.Start]...)
		out = append(out, e.New...)
		at = e.End
	}
	out = append(out, src[at:]...)
	return out, applied
}

// Acceptable reports whether after, the lint of a fixed text, may replace
// before, the lint of the text it was fixed from: a text that parsed must
// still parse, and after may have no finding at a place before had none. A
// finding of after is at a known place when before has a finding of the
// same severity, code, rule and path, or any finding whose path is the
// same field or one that holds it: renaming `erase_device` to `eraseDevice`
// may reveal that its value is wrong, where before said eraseDevice was
// missing. A text that did not parse (a duplicate key) may become one that
// does, whatever that reveals, or stay unparsed with fewer findings.
func Acceptable(before, after validate.Result) bool {
	switch {
	case before.Parsed && !after.Parsed:
		return false
	case !before.Parsed && after.Parsed:
		return true
	}
	type id struct {
		sev        manifest.Severity
		code       manifest.Code
		rule, path string
	}
	known := make(map[id]bool, len(before.Findings))
	paths := make(map[string]bool, len(before.Findings))
	for _, f := range before.Findings {
		known[id{f.Severity, f.Code, f.Rule, f.Path}] = true
		if f.Path != "" {
			paths[f.Path] = true
		}
	}
	for _, f := range after.Findings {
		if known[id{f.Severity, f.Code, f.Rule, f.Path}] {
			continue
		}
		if !before.Parsed || !underKnown(f.Path, paths) {
			return false
		}
	}
	return true
}

// underKnown reports whether path, or a field that holds it, is in paths.
func underKnown(path string, paths map[string]bool) bool {
	for p := path; p != ""; p = parentPath(p) {
		if paths[p] {
			return true
		}
	}
	return false
}

// parentPath returns the path of the field that holds path's last segment
// (returnAddress for returnAddress.city, operations for operations[0]), or
// "" at the top.
func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	// A bracketed quoted key may hold '.' or '[': find its opening bracket.
	if strings.HasSuffix(path, `"]`) {
		if j := strings.LastIndex(path, `["`); j >= 0 {
			return path[:j]
		}
	}
	return path[:i]
}
