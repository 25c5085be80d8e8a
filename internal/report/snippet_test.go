package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestSnippetCaretUnderWideAndHiddenCharacters: the caret lines up in a
// terminal after East Asian wide characters (two cells each), after bidi
// or zero-width characters (shown as \u escapes), and after tabs (expanded
// to spaces), and the snippet shows those escaped (issue 14 item 16).
func TestSnippetCaretUnderWideAndHiddenCharacters(t *testing.T) {
	for _, tt := range []struct {
		line string
		col  int // the 1-based character column of the finding (of "BAD")
		want string
	}{
		{"city: 東京 BAD", 10, "    1 | city: 東京 BAD\n      |            ^~~\n"},
		{"city: \u202eab BAD", 11, "    1 | city: \\u202eab BAD\n      |                ^~~\n"},
		{"city: a\u200bb BAD", 11, "    1 | city: a\\u200bb BAD\n      |                ^~~\n"},
		// A tab is expanded to the next multiple of 4 columns, in the
		// line and under it: the caret sits under B whatever the tab stops.
		{"city:\tBAD", 7, "    1 | city:   BAD\n      |         ^~~\n"},
		{"\t\tc: BAD", 6, "    1 |         c: BAD\n      |            ^~~\n"},
	} {
		doc, _ := manifest.Parse("m.yaml", []byte(tt.line+"\n"))
		f := manifest.Finding{Severity: manifest.Error, Rule: "x", Span: manifest.Span{Line: 1, Column: tt.col, EndLine: 1, EndColumn: tt.col + 3}, Message: "m"}
		var out bytes.Buffer
		if err := Text(&out, []manifest.Result{{File: "m.yaml", Doc: doc, Findings: []manifest.Finding{f}}}, Options{Snippet: true}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), tt.want) {
			t.Errorf("%q:\n%s\nwant the snippet\n%s", tt.line, out.String(), tt.want)
		}
	}
}
