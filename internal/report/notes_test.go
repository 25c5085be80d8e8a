package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// TestTextNotes: a file with findings gets its note line under them; the
// notes of clean files come before the summary, one line per file for a
// few files and one line for many; Quiet drops them.
func TestTextNotes(t *testing.T) {
	note := []validate.Note{{ID: validate.NoteRegionUnknown, Rules: []string{"customs-required"}, Message: "job region unknown"}}
	warn := manifest.Finding{Severity: manifest.Warning, Rule: "no-space-after-colon", Span: manifest.Span{Line: 1, Column: 1}, Message: "w"}
	results := func(clean int) []validate.Result {
		rs := []validate.Result{{File: "w.yaml", Findings: []manifest.Finding{warn}, Notes: note}}
		for i := range clean {
			rs = append(rs, validate.Result{File: fmt.Sprintf("c%d.yaml", i), Notes: note})
		}
		return rs
	}
	var b bytes.Buffer
	if err := Concise(&b, results(2), Options{}); err != nil {
		t.Fatal(err)
	}
	want := "w.yaml:1:1: warning: w [no-space-after-colon]\nw.yaml: note: job region unknown\n" +
		"c0.yaml: note: job region unknown\nc1.yaml: note: job region unknown\n0 errors, 1 warning in 3 files\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := Concise(&b, results(1000), Options{}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != 4 || !strings.Contains(b.String(), "note: 1000 files without findings, c0.yaml to c999.yaml: job region unknown\n") {
		t.Errorf("1000 clean files: %d lines\n%s", n, b.String())
	}
	b.Reset()
	if err := Text(&b, results(3), Options{Quiet: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "note") {
		t.Errorf("Quiet printed notes:\n%s", b.String())
	}
}

// TestSARIFNotes: notes are tool execution notifications of level "note",
// located at their file.
func TestSARIFNotes(t *testing.T) {
	note := []validate.Note{{ID: validate.NoteNoInventory, Rules: []string{"bucket-exists"}, Message: "no bucket inventory"}}
	var b bytes.Buffer
	if err := SARIF(&b, []validate.Result{{File: "a.yaml", Notes: note}}, Options{}); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`"executionSuccessful": true`, `"level": "note"`, `"id": "no-bucket-inventory"`, `"text": "no bucket inventory"`, `"uri": "a.yaml"`} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("SARIF lacks %s:\n%s", w, b.String())
		}
	}
	b.Reset()
	if err := SARIF(&b, []validate.Result{{File: "a.yaml"}}, Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "invocations") {
		t.Errorf("no notes, yet an invocation:\n%s", b.String())
	}
}

// TestGitHubNotes: the checks that did not run are notices after the
// annotations, one per file for a few files, one for many; Quiet drops
// them; the stream and the whole-run formatter agree.
func TestGitHubNotes(t *testing.T) {
	note := []manifest.Note{{ID: manifest.NoteRegionUnknown, Rules: []string{"customs-required"}, Message: "job region unknown"}}
	results := func(n int) []manifest.Result {
		var rs []manifest.Result
		for i := range n {
			rs = append(rs, manifest.Result{File: fmt.Sprintf("c%d.yaml", i), Notes: note})
		}
		return rs
	}
	var b bytes.Buffer
	if err := GitHub(&b, results(2), Options{}); err != nil {
		t.Fatal(err)
	}
	want := "::notice file=c0.yaml,title=checks-not-run::job region unknown\n::notice file=c1.yaml,title=checks-not-run::job region unknown\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := GitHub(&b, results(100), Options{}); err != nil {
		t.Fatal(err)
	}
	if b.String() != "::notice title=checks-not-run::job region unknown (100 files, c0.yaml to c99.yaml)\n" {
		t.Errorf("100 files: %s", b.String())
	}
	b.Reset()
	if err := GitHub(&b, results(3), Options{Quiet: true}); err != nil || b.Len() != 0 {
		t.Errorf("Quiet: %q %v", b.String(), err)
	}
}
