package lsp

import (
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// TestYAMLLinesShared: the lint's document index (YAML's line breaks,
// where findings are placed) is the parse's own when validate read the
// index's bytes, and places every offset as an index built afresh does.
func TestYAMLLinesShared(t *testing.T) {
	text := "manifestVersion: 2.0\r\nbucket: My_Bucket\u2028x\rlogBucket: l\u0085og\n"
	idx := newLineIndex(text)
	res := validate.Validate("m.yaml", idx.Source(), validate.Options{})
	idx.shareYAMLLines(res.Doc)
	if idx.yamlLines() != res.Doc.Lines() {
		t.Fatal("the parse's line index is not shared")
	}
	fresh := manifest.NewLines([]byte(text))
	for off := 0; off <= len(text); off++ {
		if got, want := idx.yamlLines().Pos(off), fresh.Pos(off); got != want {
			t.Errorf("offset %d: shared index gives %v, a fresh one %v", off, got, want)
		}
	}
	// Another copy of the bytes: not the index's, not shared.
	other := newLineIndex(text)
	other.shareYAMLLines(validate.Validate("m.yaml", []byte(text), validate.Options{}).Doc)
	if other.yamlLines() == res.Doc.Lines() {
		t.Error("an index shared the lines of other bytes")
	}
}

// TestLargeDocumentIndexAside: the lines of a large text (found beside its
// lint) place its diagnostics, a ranged edit and a hover as an index built
// first does. Run with -race, it checks that the index is shared safely
// between the lint, the goroutine that builds it, and the requests.
func TestLargeDocumentIndexAside(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:large"
	text := strings.Replace(bigManifest(200<<10), "exportBucket: bucket-data-7\n", "exportBucket: Bucket_Data_7\n", 1)
	if len(text) < indexAsideMin {
		t.Fatalf("%d bytes: below indexAsideMin, the test says nothing", len(text))
	}
	c.open(uri, text, 1)
	ds, from := c.diagnostics(0, uri, 1)
	want := validate.Validate(uri, []byte(text), validate.Options{}).Findings
	if len(want) == 0 {
		t.Fatal("no finding: the test says nothing of the diagnostics' places")
	}
	sameFindings(t, text, ds, want)
	// A ranged edit read with the index, then the diagnostics and a hover
	// of the new text.
	at := strings.Index(text, "Bucket_Data_7")
	idx := newLineIndex(text)
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": Range{idx.position(at, utf16), idx.position(at+1, utf16)}, "text": "C"}},
	})
	text2 := text[:at] + "C" + text[at+1:]
	ds, _ = c.diagnostics(from, uri, 2)
	sameFindings(t, text2, ds, validate.Validate(uri, []byte(text2), validate.Options{}).Findings)
	hover := c.call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": newLineIndex(text2).position(strings.Index(text2, "deviceId"), utf16)})
	if hover.Error != nil || len(hover.Result) == 0 || string(hover.Result) == "null" {
		t.Errorf("hover on deviceId: %+v, %s", hover.Error, hover.Result)
	}
}
