package cli

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestMaxFindingsExitStatus: an error past the cap is not listed but still
// fails the run, and --max-warnings still counts the warnings past it.
func TestMaxFindingsExitStatus(t *testing.T) {
	// A warning on line 3, an unknown key (an error) on the last line.
	dir := tree(t, map[string]string{"m.yaml": warnManifest + "zzz: 1\n"})
	code, out, errOut := runMain(t, dir, "", "--no-config", "--no-snippet", "--max-findings", "1", "m.yaml")
	if code != ExitFindings {
		t.Errorf("error past --max-findings 1: exit %d, want %d\n%s%s", code, ExitFindings, out, errOut)
	}
	wantIn(t, "stdout", out, "warning:", "1 more finding not listed (1 error, 0 warnings, from unknown-field)", "1 error, 1 warning in 1 file")
	wantNotIn(t, "stdout", out, "zzz")
	// --quiet drops notes, but not the one line that says why errors the
	// summary counts are not listed.
	code, out, _ = runMain(t, dir, "", "--no-config", "--no-snippet", "--quiet", "--max-findings", "1", "m.yaml")
	if code != ExitFindings {
		t.Errorf("--quiet, error past --max-findings 1: exit %d", code)
	}
	wantIn(t, "stdout", out, "m.yaml: note: 1 more error not listed (--max-findings)", "\n1 error in 1 file\n")
	wantNotIn(t, "stdout", out, "warning:", "zzz")

	dir = tree(t, map[string]string{"w.yaml": strings.Replace(warnManifest, "eraseDevice: yes", "eraseDevice:yes", 1)})
	if code, out, _ := runMain(t, dir, "", "--no-config", "--max-findings", "1", "--max-warnings", "1", "w.yaml"); code != ExitFindings {
		t.Errorf("2 warnings, one listed, --max-warnings 1: exit %d, want %d\n%s", code, ExitFindings, out)
	}
	if code, _, errOut := runMain(t, dir, "", "--no-config", "--max-findings", "-1", "w.yaml"); code != ExitUsage {
		t.Errorf("--max-findings -1: exit %d, want %d\n%s", code, ExitUsage, errOut)
	}
}

// TestMaxFindingsBoundsOutput is the size bound of issue 14 item 1: a file
// of thousands of faulty lines gives a report of bounded size, whatever
// the format; --max-findings 0 lists them all.
func TestMaxFindingsBoundsOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: reports 5,000 faulty lines in every format (about 9 s); run it with go test ./internal/cli -run '^TestMaxFindingsBoundsOutput$'")
	}
	var b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&b, "k%d:v\n", i) // an unknown key and a warning each
	}
	dir := tree(t, map[string]string{"h.yaml": b.String()})
	for _, format := range formatNames() {
		_, capped, _ := runMain(t, dir, "", "--no-config", "-f", format, "h.yaml")
		_, all, _ := runMain(t, dir, "", "--no-config", "-f", format, "--max-findings", "0", "h.yaml")
		t.Logf("%s: %d bytes capped, %d uncapped", format, len(capped), len(all))
		if len(capped) > 2<<20 || 4*len(capped) > len(all) {
			t.Errorf("%s: %d bytes with the default cap, %d with --max-findings 0: the cap does not bound the report", format, len(capped), len(all))
		}
	}
	_, out, _ := runMain(t, dir, "", "--no-config", "-f", "json", "h.yaml")
	var doc struct {
		Files []struct {
			Findings []json.RawMessage
			Notes    []struct{ ID string }
			Omitted  struct{ Errors, Warnings int }
		}
		Summary struct{ Errors, Warnings int }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Files) != 1 || len(doc.Files[0].Findings) != 1000 || len(doc.Files[0].Notes) == 0 || doc.Files[0].Notes[0].ID != "findings-omitted" {
		t.Fatalf("json: %+v", doc.Files)
	}
	if o := doc.Files[0].Omitted; o.Errors+o.Warnings != 10006-1000 || o.Errors < 4000 || o.Warnings < 4000 {
		t.Errorf("json omitted %+v, want 9006 findings, most of them errors and warnings alike", o)
	}
	if doc.Summary.Errors != 5006 || doc.Summary.Warnings != 5000 {
		t.Errorf("json summary %+v, want 5006 errors and 5000 warnings (the omitted ones counted)", doc.Summary)
	}
}
