package explain

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// The table of docs/fixes.md sits between these lines.
const (
	fixesTableStart = "<!-- The table is generated from the rule registry (manifest.Descriptor.Fixes) by `go generate ./internal/explain`; do not edit. -->\n"
	fixesTableEnd   = "<!-- End of the generated table. -->\n"
)

// fixesTable is docs/fixes.md's table of the findings --fix repairs: one
// row per case of a rule's Fixes, in registry order.
func fixesTable() []byte {
	var b bytes.Buffer
	b.WriteString("| rule | finding | fix | kind |\n|---|---|---|---|\n")
	for _, r := range validate.Rules() {
		for _, c := range r.Fixes {
			kind := "safe"
			if c.Applicability == manifest.Unsafe {
				kind = "**unsafe**"
			}
			if c.Why != "" {
				kind += " (" + c.Why + ")"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, mdCell(c.Finding), mdCell(c.Does), kind)
		}
	}
	return b.Bytes()
}

var updateFixesDoc = flag.Bool("update-fixes-doc", false, "rewrite the table of docs/fixes.md from the rule registry")

// TestFixesDocUpToDate checks that the table of docs/fixes.md is what the
// registry's Fixes generate; go generate ./internal/explain (-update-fixes-doc)
// rewrites it.
func TestFixesDocUpToDate(t *testing.T) {
	path := filepath.Join(filepath.Dir(codesMD(t)), "fixes.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(doc, []byte(fixesTableStart))
	end := bytes.Index(doc, []byte(fixesTableEnd))
	if start < 0 || end < start {
		t.Fatalf("%s lacks the lines around its generated table:\n%s%s", path, fixesTableStart, fixesTableEnd)
	}
	start += len(fixesTableStart)
	got := fixesTable()
	if *updateFixesDoc {
		out := append(append(append([]byte(nil), doc[:start]...), got...), doc[end:]...)
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(doc[start:end], got) {
		t.Errorf("the table of docs/fixes.md is stale: run go generate ./internal/explain")
	}
}
