package docs

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testdocs"
)

// TestGoAPIExamplesAreRun holds every Go block of docs/go-api.md that shows
// an `// Output:` to a testable example in validate/example_test.go: its
// lines, leading tabs aside, must stand there in a row, so that the output
// the page promises is the output `go test ./validate` checks.
func TestGoAPIExamplesAreRun(t *testing.T) {
	src, err := os.ReadFile("validate/example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	var file []string
	for _, l := range strings.Split(string(src), "\n") {
		file = append(file, strings.TrimLeft(l, "\t"))
	}
	checked := 0
	for _, b := range testdocs.Blocks(t, "docs/go-api.md") {
		if b.Lang != "go" || !slices.Contains(b.Lines, "// Output:") {
			continue
		}
		checked++
		want := make([]string, len(b.Lines))
		for i, l := range b.Lines {
			want[i] = strings.TrimLeft(l, "\t")
		}
		if !containsRun(file, want) {
			t.Errorf("docs/go-api.md:%d: this example is not in validate/example_test.go as written (copy it from there)", b.Line)
		}
	}
	if checked == 0 {
		t.Fatal("docs/go-api.md has no Go block with an // Output: line: the test looks at the wrong page")
	}
}

// containsRun reports whether want stands in hay as consecutive lines.
func containsRun(hay, want []string) bool {
	for i := 0; i+len(want) <= len(hay); i++ {
		if slices.Equal(hay[i:i+len(want)], want) {
			return true
		}
	}
	return false
}
