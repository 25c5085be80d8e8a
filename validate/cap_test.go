package validate

import (
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestFindingCap: a file with more findings than Options.MaxFindings lists
// exactly the first ones of the uncapped result, in the same order, counts
// the rest by severity, and says so in one note that comes first.
func TestFindingCap(t *testing.T) {
	src := hostileNoSpace(3000) // an unknown key and a warning per line
	all := Validate("h.yaml", src, Options{MaxFindings: -1})
	if len(all.Findings) != 6000+6 { // + the six missing required fields
		t.Fatalf("uncapped: %d findings, want 6006", len(all.Findings))
	}
	wantE, wantW := manifest.Count(all.Findings)
	for _, max := range []int{0, 1, 999, 1000, 6005} {
		res := Validate("h.yaml", src, Options{MaxFindings: max})
		n := max
		if max == 0 {
			n = DefaultMaxFindings
		}
		if len(res.Findings) != n || cap(res.Findings) != n {
			t.Errorf("max %d: %d findings (capacity %d), want %d: the dropped ones must not stay reachable",
				max, len(res.Findings), cap(res.Findings), n)
			continue
		}
		for i := range res.Findings {
			a, b := res.Findings[i], all.Findings[i]
			if a.Line != b.Line || a.Column != b.Column || a.Rule != b.Rule || a.Message != b.Message {
				t.Fatalf("max %d: finding %d is %d:%d %s, the uncapped one %d:%d %s", max, i, a.Line, a.Column, a.Rule, b.Line, b.Column, b.Rule)
			}
		}
		if e, w := res.Count(); e != wantE || w != wantW {
			t.Errorf("max %d: Count %d errors, %d warnings; want %d, %d (omitted ones included)", max, e, w, wantE, wantW)
		}
		if res.Errors() != wantE {
			t.Errorf("max %d: Errors() %d, want %d", max, res.Errors(), wantE)
		}
		if len(res.Notes) == 0 || res.Notes[0].ID != NoteFindingsOmitted {
			t.Fatalf("max %d: notes %+v, want %s first", max, res.Notes, NoteFindingsOmitted)
		}
		note := res.Notes[0]
		var wantRules []string
		for _, f := range all.Findings[n:] {
			wantRules = append(wantRules, f.Rule)
		}
		slices.Sort(wantRules)
		if wantRules = slices.Compact(wantRules); !slices.Equal(note.Rules, wantRules) {
			t.Errorf("max %d: note rules %v, want %v", max, note.Rules, wantRules)
		}
		for _, want := range []string{manifest.Plural(len(all.Findings)-n, "more finding") + " not listed", "--max-findings"} {
			if !strings.Contains(note.Message, want) {
				t.Errorf("max %d: note %q lacks %q", max, note.Message, want)
			}
		}
		if c := countNotes(res.Notes, NoteFindingsOmitted); c != 1 {
			t.Errorf("max %d: %d %s notes, want one", max, c, NoteFindingsOmitted)
		}
	}
	for _, max := range []int{-1, len(all.Findings)} {
		res := Validate("h.yaml", src, Options{MaxFindings: max})
		if len(res.Findings) != len(all.Findings) || res.OmittedErrors+res.OmittedWarnings != 0 || countNotes(res.Notes, NoteFindingsOmitted) != 0 {
			t.Errorf("max %d: %d findings, %d+%d omitted, notes %+v; want all, none omitted, no note",
				max, len(res.Findings), res.OmittedErrors, res.OmittedWarnings, res.Notes)
		}
	}
}

// TestFindingCapCountsSuppressedOut: findings a suppression or --ignore
// drops are neither listed nor counted as omitted: the cap applies to what
// would be shown.
func TestFindingCapCountsSuppressedOut(t *testing.T) {
	src := hostileNoSpace(3000)
	res := Validate("h.yaml", src, Options{Ignore: []string{"no-space-after-colon"}})
	if res.OmittedWarnings != 0 || res.OmittedErrors != 3006-DefaultMaxFindings {
		t.Errorf("omitted %d errors, %d warnings; want %d, 0", res.OmittedErrors, res.OmittedWarnings, 3006-DefaultMaxFindings)
	}
}

// TestFindingCapBoundsRetained is the size-based bound: what a result of a
// hostile file keeps after Validate returns (the tree, the listed findings)
// must not grow with the number of findings beyond the cap. With 20,000
// lines of `kN:v` the uncapped result holds 40,000 findings; the capped
// one must hold less than half as much memory. (Reports hold results
// until the end, so this is what SARIF, JUnit and XML pay per file.)
func TestFindingCapBoundsRetained(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: lints 20,000 faulty lines twice and measures the heap (about 11 s); run it with go test ./validate -run '^TestFindingCapBoundsRetained$'")
	}
	src := hostileNoSpace(20000)
	retained := func(opts Options) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		res := Validate("h.yaml", src, opts)
		res.Doc = nil // the tree is the same either way; a report slims it
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(res)
		return after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc)
	}
	Validate("warmup.yaml", hostileKeys(10), Options{})
	all, capped := retained(Options{MaxFindings: -1}), retained(Options{})
	t.Logf("retained: %d KB uncapped, %d KB capped", all>>10, capped>>10)
	if capped*2 > all {
		t.Errorf("capped result retains %d KB, uncapped %d KB: the cap does not bound what is kept", capped>>10, all>>10)
	}
	if capped > 2<<20 {
		t.Errorf("capped result retains %d KB, over 2 MB for %d listed findings", capped>>10, DefaultMaxFindings)
	}
}

func countNotes(notes []Note, id string) int {
	n := 0
	for _, x := range notes {
		if x.ID == id {
			n++
		}
	}
	return n
}
