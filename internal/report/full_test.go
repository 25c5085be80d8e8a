package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// TestFullFormatBlock: the default text format writes a finding as the
// headline, the arrow to its place, the snippet with its caret, the help
// (wrapped under itself, no line past 100 columns) and a note per related
// place; --no-snippet keeps the help and the notes.
func TestFullFormatBlock(t *testing.T) {
	src := "manifestVersion: 2.0\nbucket: a\nbucket: a\n"
	doc, _ := manifest.Parse("m.yaml", []byte(src))
	help := strings.Repeat("keep the first one and remove the second, ", 4) + "end."
	f := manifest.Finding{Code: manifest.MalformedManifest, Severity: manifest.Error, Rule: "duplicate-key",
		Span: manifest.Span{Line: 3, Column: 1, EndLine: 3, EndColumn: 7}, Message: "`bucket` appears twice"}.WithHelp(help)
	f.Related = []manifest.Related{{Span: manifest.Span{Line: 2, Column: 1, EndLine: 2, EndColumn: 7}, Message: "first `bucket`"}}
	res := []manifest.Result{{File: "m.yaml", Doc: doc, Findings: []manifest.Finding{f}}}
	var b bytes.Buffer
	if err := Text(&b, res, Options{Snippet: true, Quiet: true}); err != nil {
		t.Fatal(err)
	}
	want := "error[MalformedManifestException]: `bucket` appears twice\n" +
		"     --> m.yaml:3:1 [duplicate-key]\n" +
		"    3 | bucket: a\n" +
		"      | ^~~~~~\n" +
		"      = help: keep the first one and remove the second, keep the first one and remove the second,\n" +
		"              keep the first one and remove the second, keep the first one and remove the second,\n" +
		"              end.\n" +
		"      = note: 2:1: first `bucket`\n\n" +
		"1 error in 1 file\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if len(line) > helpWidth {
			t.Errorf("line over %d columns: %q", helpWidth, line)
		}
	}
	b.Reset()
	if err := Text(&b, res, Options{Quiet: true}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "3 | bucket") || !strings.Contains(b.String(), "= help: keep") || !strings.Contains(b.String(), "= note: 2:1") {
		t.Errorf("without snippets, the help and notes stay:\n%s", b.String())
	}
	b.Reset()
	if err := Text(&b, res, Options{Quiet: true, Verbose: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "      = service: "+manifest.MalformedManifest.Message()+"\n") {
		t.Errorf("--verbose: the service's sentence is not under the finding:\n%s", b.String())
	}
}

// TestStatistics: --statistics replaces the findings with one line per
// rule and code, the most frequent first, with the count of fixable
// findings, then the summary.
func TestStatistics(t *testing.T) {
	src := []byte("manifestVersion:2.0\ndeviceId:ABCDE\nbucket: my-import-bucket\neraseDevice: no\n" +
		"notificationEmail: ops@fjordlab.io\nreturnAddress:\n  name: Ida Berg\n  street1: PO Box 1234\n" +
		"  city: Seattle\n  stateOrProvince: WA\n  postalCode: 98101\n  phoneNumber: 206-555-0100\n  country: USA\n")
	res := validate.Validate("m.yaml", src, validate.Options{})
	for _, format := range []Formatter{Text, Concise} {
		var b bytes.Buffer
		if err := format(&b, []validate.Result{res, res}, Options{Statistics: true}); err != nil {
			t.Fatal(err)
		}
		want := "4  warning  -                              no-space-after-colon  (4 fixable)\n" +
			"2  error    InvalidAddressException        address-po-box\n" +
			"2  error    InvalidManifestFieldException  erase-device          (2 fixable)\n" +
			"4 errors, 4 warnings in 2 files\n"
		if !strings.HasPrefix(b.String(), want) {
			t.Errorf("got\n%s\nwant\n%s", b.String(), want)
		}
	}
}
