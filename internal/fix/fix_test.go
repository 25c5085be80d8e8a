package fix

import (
	"bytes"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
	"go.yaml.in/yaml/v3"
)

// toyLint is a stand-in linter for the engine's tests. Every `colour` is a
// warning with a safe fix to `color`; every `grey` one with an unsafe fix to
// `gray`; every `aa` a finding whose fix (to `a`) overlaps the next one's;
// `bad` has a fix to `{{`, and a text holding `{{` does not parse; `new`
// has a fix to `old`, and `old` is a finding at a place nothing was before;
// `wrap` has a fix that inserts two lines.
func toyLint(src []byte) validate.Result {
	res := validate.Result{Doc: &manifest.Document{Source: src}}
	if !bytes.Contains(src, []byte("{{")) {
		res.Doc.Root = &yaml.Node{Kind: yaml.MappingNode}
	} else {
		res.Findings = append(res.Findings, manifest.Finding{Severity: manifest.Error, Rule: "syntax", Path: ""})
		return res
	}
	add := func(word, rule, repl string, app manifest.Applicability) {
		for at := 0; ; {
			i := bytes.Index(src[at:], []byte(word))
			if i < 0 {
				return
			}
			s := at + i
			res.Findings = append(res.Findings, manifest.Finding{Severity: manifest.Warning, Rule: rule, Path: rule,
				Fix: &manifest.Fix{Title: "t", Applicability: app, Edits: []manifest.Edit{{Start: s, End: s + len(word), New: repl}}}})
			at = s + 1
		}
	}
	add("colour", "colour", "color", manifest.Safe)
	add("grey", "grey", "gray", manifest.Unsafe)
	add("aa", "aa", "a", manifest.Safe)
	add("bad", "bad", "{{", manifest.Safe)
	add("new", "new", "old", manifest.Safe)
	add("wrap", "wrap", "w\nr\n", manifest.Safe)
	add("twin", "twin", "one", manifest.Safe)
	add("twin", "twin2", "one", manifest.Safe) // a second finding with the same fix
	if bytes.Contains(src, []byte("old")) {
		res.Findings = append(res.Findings, manifest.Finding{Severity: manifest.Error, Rule: "old", Path: "elsewhere"})
	}
	return res
}

func TestRunSafeOnly(t *testing.T) {
	src := []byte("# keep me\ncolour: grey # and me\ncolour\n")
	out := run(src, toyLint, Options{})
	if got, want := string(out.Source), "# keep me\ncolor: grey # and me\ncolor\n"; got != want {
		t.Errorf("fixed text %q, want %q", got, want)
	}
	if out.Fixed != 2 || out.UnsafeLeft != 1 {
		t.Errorf("fixed %d, unsafe left %d; want 2 and 1", out.Fixed, out.UnsafeLeft)
	}
	if string(src) != "# keep me\ncolour: grey # and me\ncolour\n" {
		t.Error("Run modified its input")
	}
}

func TestRunUnsafe(t *testing.T) {
	out := run([]byte("colour: grey\n"), toyLint, Options{Unsafe: true})
	if string(out.Source) != "color: gray\n" || out.Fixed != 2 || out.UnsafeLeft != 0 {
		t.Errorf("got %q, fixed %d, unsafe left %d", out.Source, out.Fixed, out.UnsafeLeft)
	}
}

// TestRunOverlapping: `aaaa` has three overlapping fixes; each pass applies
// the ones that do not overlap, and the passes go on until none is left.
func TestRunOverlapping(t *testing.T) {
	out := run([]byte("aaaaaaaa\n"), toyLint, Options{})
	if string(out.Source) != "a\n" {
		t.Errorf("got %q, want %q", out.Source, "a\n")
	}
	if out.Fixed != 7 {
		t.Errorf("fixed %d, want 7", out.Fixed)
	}
}

// TestRunBoundedPasses: the passes stop at MaxPasses even when fixes remain.
func TestRunBoundedPasses(t *testing.T) {
	out := run([]byte(strings.Repeat("a", 1025)), toyLint, Options{MaxPasses: 2})
	// The toy reports `aa` at every offset; a pass takes those at 0, 3, 6,
	// ... (the others overlap or touch one taken): 1025 a's lose 342 in
	// pass 1, the remaining 683 lose 228 in pass 2.
	if len(out.Source) != 455 {
		t.Errorf("after 2 passes %d bytes, want 455", len(out.Source))
	}
}

// TestRunRevertsBreakingFixes: a fix whose result does not parse, or adds a
// finding elsewhere, is not applied; the good fixes beside it are.
func TestRunRevertsBreakingFixes(t *testing.T) {
	src := []byte("bad colour new colour\n")
	out := run(src, toyLint, Options{})
	if got, want := string(out.Source), "bad color new color\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if out.Fixed != 2 || out.Rejected != 2 {
		t.Errorf("fixed %d, rejected %d; want 2 and 2", out.Fixed, out.Rejected)
	}
}

// TestRunSharedFix: two findings carrying one fix count as two fixed, and
// the fix is applied once.
func TestRunSharedFix(t *testing.T) {
	out := run([]byte("a twin b\n"), toyLint, Options{})
	if string(out.Source) != "a one b\n" || out.Fixed != 2 {
		t.Errorf("got %q, fixed %d; want %q, 2", out.Source, out.Fixed, "a one b\n")
	}
}

// TestLineEnds: a fix that writes line breaks writes the file's own.
func TestLineEnds(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		src := []byte("\ufeffa: 1" + eol + "wrap" + eol + "b: 2" + eol)
		out := run(src, toyLint, Options{})
		want := "\ufeffa: 1" + eol + "w" + eol + "r" + eol + eol + "b: 2" + eol
		if string(out.Source) != want {
			t.Errorf("eol %q: got %q, want %q", eol, out.Source, want)
		}
	}
}

func TestApply(t *testing.T) {
	fx := func(edits ...manifest.Edit) *manifest.Fix { return &manifest.Fix{Edits: edits} }
	src := []byte("\ufeff0123456789")
	b := len("\ufeff")
	tests := []struct {
		name    string
		fixes   []*manifest.Fix
		want    string
		applied []int
	}{
		{"replace", []*manifest.Fix{fx(manifest.Edit{Start: b + 1, End: b + 3, New: "x"})}, "\ufeff0x3456789", []int{0}},
		{"insert and delete", []*manifest.Fix{fx(manifest.Edit{Start: b, End: b, New: "<"}, manifest.Edit{Start: b + 9, End: b + 10})}, "\ufeff<012345678", []int{0}},
		{"overlap skipped", []*manifest.Fix{fx(manifest.Edit{Start: b + 1, End: b + 3, New: "x"}), fx(manifest.Edit{Start: b + 2, End: b + 4, New: "y"})}, "\ufeff0x3456789", []int{0}},
		{"touching skipped", []*manifest.Fix{fx(manifest.Edit{Start: b + 1, End: b + 3, New: "x"}), fx(manifest.Edit{Start: b + 3, End: b + 4, New: "y"})}, "\ufeff0x3456789", []int{0}},
		{"two inserts at one place", []*manifest.Fix{fx(manifest.Edit{Start: b + 1, End: b + 1, New: "x"}), fx(manifest.Edit{Start: b + 1, End: b + 1, New: "y"})}, "\ufeff0x123456789", []int{0}},
		{"disjoint both", []*manifest.Fix{fx(manifest.Edit{Start: b + 1, End: b + 2, New: "x"}), fx(manifest.Edit{Start: b + 5, End: b + 6, New: "y"})}, "\ufeff0x234y6789", []int{0, 1}},
		{"self-overlapping fix skipped", []*manifest.Fix{fx(manifest.Edit{Start: b + 1, End: b + 3}, manifest.Edit{Start: b + 2, End: b + 4})}, "\ufeff0123456789", nil},
		{"out of range skipped", []*manifest.Fix{fx(manifest.Edit{Start: b + 5, End: b + 99})}, "\ufeff0123456789", nil},
		{"reversed skipped", []*manifest.Fix{fx(manifest.Edit{Start: b + 5, End: b + 4})}, "\ufeff0123456789", nil},
		{"BOM untouched", []*manifest.Fix{fx(manifest.Edit{Start: 0, End: b + 1, New: "x"})}, "\ufeff0123456789", nil},
	}
	for _, tc := range tests {
		got, applied := Apply(src, tc.fixes)
		if string(got) != tc.want || len(applied) != len(tc.applied) {
			t.Errorf("%s: got %q %v, want %q %v", tc.name, got, applied, tc.want, tc.applied)
		}
	}
	if string(src) != "\ufeff0123456789" {
		t.Error("Apply modified its input")
	}
}

func TestAcceptable(t *testing.T) {
	parsed := func(fs ...manifest.Finding) validate.Result {
		return validate.Result{Doc: &manifest.Document{Root: &yaml.Node{}}, Parsed: true, Findings: fs}
	}
	unparsed := func(fs ...manifest.Finding) validate.Result {
		return validate.Result{Doc: &manifest.Document{}, Findings: fs}
	}
	f := func(rule, path string) manifest.Finding {
		return manifest.Finding{Severity: manifest.Error, Rule: rule, Path: path}
	}
	tests := []struct {
		name          string
		before, after validate.Result
		want          bool
	}{
		{"fewer", parsed(f("a", "x"), f("b", "y")), parsed(f("a", "x")), true},
		{"new place", parsed(f("a", "x")), parsed(f("a", "x"), f("b", "z")), false},
		{"same field, other rule", parsed(f("required-field", "eraseDevice")), parsed(f("erase-device", "eraseDevice")), true},
		{"inside a known field", parsed(f("required-field", "returnAddress")), parsed(f("address-state", "returnAddress.stateOrProvince")), true},
		{"prefix is not a parent", parsed(f("a", "return")), parsed(f("b", "returnAddress")), false},
		{"document-level is not a parent", parsed(f("a", "")), parsed(f("b", "x")), false},
		{"stops parsing", parsed(f("a", "x")), unparsed(f("syntax", "")), false},
		{"starts parsing", unparsed(f("dup", "x")), parsed(f("a", "y"), f("b", "z")), true},
		{"still unparsed, fewer", unparsed(f("dup", "x"), f("dup", "y")), unparsed(f("dup", "y")), true},
		{"still unparsed, other", unparsed(f("dup", "x")), unparsed(f("dup", "x"), f("syntax", "")), false},
	}
	for _, tc := range tests {
		if got := Acceptable(tc.before, tc.after); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestParentPath(t *testing.T) {
	for path, want := range map[string]string{
		"a":                     "",
		"a.b":                   "a",
		"operations[0]":         "operations",
		"operations[0].region":  "operations[0]",
		`contentTypes[".jpg"]`:  "contentTypes",
		`a["x[y.z"]`:            "a",
		`[""]`:                  "",
		"returnAddress.country": "returnAddress",
	} {
		if got := parentPath(path); got != want {
			t.Errorf("parentPath(%q) = %q, want %q", path, got, want)
		}
	}
}
