package lsp

import (
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
