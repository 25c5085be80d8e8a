package fix

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/suppress"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// propertyInput is one manifest the property test runs on.
type propertyInput struct {
	name string
	src  []byte
	opts validate.Options
}

// propertyInputs are every golden case (with its header's --job-type and
// --region), every fix case, and the fuzz corpus, each also with CR LF and
// with CR line ends.
func propertyInputs(t *testing.T) []propertyInput {
	t.Helper()
	var out []propertyInput
	for _, glob := range []string{"../../testdata/cases/*.yaml", "../../testdata/cases/*.yml", "../../testdata/fixes/*.yaml"} {
		files, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, propertyInput{name: f, src: src, opts: headerOptions(src)})
		}
	}
	fuzz, err := filepath.Glob("../../validate/testdata/fuzz/FuzzValidate/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fuzz {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, arg, ok := strings.Cut(string(b), "[]byte(")
		if !ok {
			t.Fatalf("%s: not a fuzz corpus file", f)
		}
		s, err := strconv.Unquote(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(arg), ")")))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, propertyInput{name: f, src: []byte(s)})
	}
	// Every rule's example, before and after, with what the linter must be
	// told for it.
	for _, r := range validate.Rules() {
		if r.Example.Lang != "yaml" {
			continue
		}
		opts := validate.Options{Buckets: r.Example.Buckets}
		if r.Example.Region != "" {
			opts.Region, opts.RegionSource = r.Example.Region, manifest.Source{Kind: manifest.SourceFlag, Name: "--region"}
		}
		for _, src := range []string{r.Example.Before, r.Example.After} {
			out = append(out, propertyInput{name: "example of " + r.ID, src: []byte(src), opts: opts})
		}
	}
	if len(out) < 100 {
		t.Fatalf("only %d inputs: the golden cases were not found", len(out))
	}
	n := len(out)
	for _, in := range out[:n] {
		if !bytes.Contains(in.src, []byte("\n")) || bytes.Contains(in.src, []byte("\r")) {
			continue
		}
		for _, eol := range []string{"\r\n", "\r"} {
			out = append(out, propertyInput{name: in.name + " " + strconv.Quote(eol),
				src: bytes.ReplaceAll(in.src, []byte("\n"), []byte(eol)), opts: in.opts})
		}
	}
	return out
}

// headerOptions reads --job-type and --region from a golden case's header
// line (`# manifestlint-test: --job-type export`).
func headerOptions(src []byte) validate.Options {
	var o validate.Options
	first, _, _ := strings.Cut(string(src), "\n")
	const header = "# manifestlint-test:"
	if !strings.HasPrefix(first, header) {
		return o
	}
	args := strings.Fields(strings.TrimPrefix(first, header))
	for i := 0; i+1 < len(args); i++ {
		switch args[i] {
		case "--job-type":
			o.JobType, _ = manifest.ParseJobType(args[i+1])
		case "--region":
			o.Region, o.RegionSource = args[i+1], manifest.Source{Kind: manifest.SourceFlag, Name: "--region"}
		}
	}
	return o
}

// TestFixProperties applies every fix that the golden cases, the fix cases
// and the fuzz corpus produce, each on its own and without the engine's
// guard, and checks what must hold for every fix: a text that parsed still
// parses, no finding appears at a place that had none (Acceptable), the
// fixed finding is gone, and every comment survives (but the unused
// suppression a fix removes). Then it runs the engine with every fix and
// checks that a second run changes nothing.
func TestFixProperties(t *testing.T) {
	fixes := 0
	for _, in := range propertyInputs(t) {
		lint := func(b []byte) validate.Result { return validate.Validate("m.yaml", b, in.opts) }
		before := lint(in.src)
		parsed := before.Doc.Root != nil
		for _, f := range before.Findings {
			if f.Fix == nil {
				continue
			}
			fixes++
			out, applied := Apply(in.src, []*manifest.Fix{f.Fix})
			if len(applied) != 1 {
				t.Errorf("%s: the fix %q of %s (%s) cannot be applied: %+v", in.name, f.Fix.Title, f.Rule, f.Path, f.Fix.Edits)
				continue
			}
			after := lint(out)
			if parsed && after.Doc.Root == nil {
				t.Errorf("%s: the fix %q of %s made the file unparsable:\n%s\n%v", in.name, f.Fix.Title, f.Rule, out, after.Findings)
				continue
			}
			if !Acceptable(before, after) {
				t.Errorf("%s: the fix %q of %s adds a finding:\nbefore %v\nafter  %v\n%s", in.name, f.Fix.Title, f.Rule, ids(before.Findings), ids(after.Findings), out)
			}
			for _, g := range after.Findings {
				if g.Rule == f.Rule && g.Code == f.Code && g.Path == f.Path && g.Text() == f.Text() {
					t.Errorf("%s: the fix %q leaves its finding: %s", in.name, f.Fix.Title, g.Message)
				}
			}
			if parsed && f.Rule != suppress.RuleUnusedSuppression {
				if lost := lostComments(in.src, out); len(lost) > 0 {
					t.Errorf("%s: the fix %q lost comments %q", in.name, f.Fix.Title, lost)
				}
			}
		}
		once := Run("m.yaml", in.src, in.opts, Options{Unsafe: true})
		if parsed && once.Result.Doc.Root == nil {
			t.Errorf("%s: fixing made the file unparsable", in.name)
		}
		if parsed && !bytes.Contains(in.src, []byte("manifestlint-ignore")) {
			if lost := lostComments(in.src, once.Source); len(lost) > 0 {
				t.Errorf("%s: fixing lost comments %q", in.name, lost)
			}
		}
		twice := Run("m.yaml", once.Source, in.opts, Options{Unsafe: true})
		if twice.Fixed != 0 || !bytes.Equal(twice.Source, once.Source) {
			t.Errorf("%s: a second --fix fixed %d more:\n%s\n->\n%s", in.name, twice.Fixed, once.Source, twice.Source)
		}
	}
	if fixes == 0 {
		t.Fatal("no finding of any input carries a fix")
	}
	t.Logf("%d fixes checked", fixes)
}

// ids lists findings as rule@path, for messages.
func ids(fs []manifest.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+"@"+f.Path)
	}
	return out
}

// lostComments returns the comments of a's YAML tree that b's lacks (as
// sorted multisets of their text).
func lostComments(a, b []byte) []string {
	ca, cb := comments(a), comments(b)
	have := map[string]int{}
	for _, c := range cb {
		have[c]++
	}
	var lost []string
	for _, c := range ca {
		if have[c] > 0 {
			have[c]--
			continue
		}
		lost = append(lost, c)
	}
	sort.Strings(lost)
	return lost
}

// comments returns the comments of src, line by line: from a `#` at the
// start of a line or after white space, outside a quoted scalar, to the
// end of the line. A line-oriented scan, as `key:value` lines (which the
// fixes repair) are not YAML that a parser reads as such.
func comments(src []byte) []string {
	var out []string
	l := manifest.NewLines(src)
	for n := 1; n <= l.Count(); n++ {
		line := l.Line(n)
		var quote byte
		prev := byte(' ') // the last non-space byte before i, ' ' at the start
		for i := 0; i < len(line); i++ {
			c := line[i]
			switch {
			case quote == '"' && c == '\\':
				i++
			case quote != 0 && c == quote:
				if quote == '\'' && i+1 < len(line) && line[i+1] == '\'' {
					i++
				} else {
					quote = 0
				}
			case quote != 0:
			case (c == '"' || c == '\'') && strings.IndexByte(" :-,[{", prev) >= 0:
				quote = c
			case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
				out = append(out, strings.TrimSpace(string(line[i:])))
				i = len(line)
			}
			if c != ' ' && c != '\t' {
				prev = c
			}
		}
	}
	return out
}

func TestComments(t *testing.T) {
	src := "# head\na: 1 # one\nb: 'x # not' # two\nc: \"y \\\" # not\" #three\nd: e#f\n  # foot\ng:h # four\n"
	want := []string{"# head", "# one", "# two", "#three", "# foot", "# four"}
	if got := comments([]byte(src)); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("comments = %q, want %q", got, want)
	}
	if lost := lostComments([]byte(src), []byte("a: 1 # one\n")); len(lost) != 5 {
		t.Errorf("lostComments = %q, want 5", lost)
	}
}

// FuzzFix fixes arbitrary input with every fix and checks what must hold
// for any text: no panic, a text that parsed still parses, every comment
// survives but removed suppressions, and a second run changes nothing.
// Seeded with the golden cases and the fix cases; run it longer with
//
//	go test -run '^$' -fuzz FuzzFix -fuzztime 30s ./fix
func FuzzFix(f *testing.F) {
	for _, glob := range []string{"../../testdata/fixes/*.yaml", "../../testdata/cases/s4-*.yaml", "../../testdata/cases/s5-*.yaml"} {
		files, _ := filepath.Glob(glob)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 {
			return
		}
		once := Run("m.yaml", src, validate.Options{}, Options{Unsafe: true})
		before := validate.Validate("m.yaml", src, validate.Options{})
		if before.Doc.Root != nil && once.Result.Doc.Root == nil {
			t.Fatalf("fixing made the file unparsable:\n%q\n->\n%q", src, once.Source)
		}
		if !bytes.Contains(src, []byte("manifestlint-ignore")) {
			if lost := lostComments(src, once.Source); len(lost) > 0 {
				t.Fatalf("fixing lost comments %q:\n%q\n->\n%q", lost, src, once.Source)
			}
		}
		twice := Run("m.yaml", once.Source, validate.Options{}, Options{Unsafe: true})
		if twice.Fixed != 0 {
			t.Fatalf("a second run fixed %d more:\n%q\n->\n%q\n->\n%q", twice.Fixed, src, once.Source, twice.Source)
		}
	})
}

// exampleFixDiffers lists the rules whose example's fix is a guess that
// differs from the example's hand-written After (which picks another
// answer): the fix must still remove the finding.
var exampleFixDiffers = map[string]string{
	"address-country":     "`Untied States` is fixed as `United States`; After writes `USA`",
	"address-postal-code": "`9810` is padded to `09810`; After writes another ZIP",
}

// TestRuleExamplesFixed runs --fix --unsafe-fixes on every rule's example
// whose finding carries a fix: the result is the example's After (the
// documented repair), but for the guesses listed in exampleFixDiffers, and
// the rule's finding is gone in every case.
func TestRuleExamplesFixed(t *testing.T) {
	n := 0
	for _, r := range validate.Rules() {
		if r.Example.Lang != "yaml" {
			continue
		}
		opts := validate.Options{Buckets: r.Example.Buckets}
		if r.Example.Region != "" {
			opts.Region, opts.RegionSource = r.Example.Region, manifest.Source{Kind: manifest.SourceFlag, Name: "--region"}
		}
		before := validate.Validate("m.yaml", []byte(r.Example.Before), opts)
		fixable := false
		for _, f := range before.Findings {
			fixable = fixable || f.Rule == r.ID && f.Fix != nil
		}
		if !fixable {
			continue
		}
		n++
		out := Run("m.yaml", []byte(r.Example.Before), opts, Options{Unsafe: true})
		for _, f := range out.Result.Findings {
			if f.Rule == r.ID {
				t.Errorf("%s: the fixed example still has the finding: %s\n%s", r.ID, f.Message, out.Source)
			}
		}
		if why, differs := exampleFixDiffers[r.ID]; differs {
			if string(out.Source) == r.Example.After {
				t.Errorf("%s: the fix now gives the example's After: remove it from exampleFixDiffers (%s)", r.ID, why)
			}
			continue
		}
		if string(out.Source) != r.Example.After {
			t.Errorf("%s: --fix --unsafe-fixes of the example gives\n%s\nwant its After\n%s", r.ID, out.Source, r.Example.After)
		}
	}
	if n < 10 {
		t.Errorf("only %d rule examples carry a fix", n)
	}
}
