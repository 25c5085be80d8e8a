package layers

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testbin"
)

// layers ranks the packages of the pipeline: a package may import only
// packages of a lower rank (manifest → schema, rules, suppress, config →
// validate → report, explain, fix → lsp, playground → cli → main; all but
// manifest, schema, rules and validate live under internal/).
// Packages not listed (test helpers, build tools) are not constrained.
var layers = map[string]int{
	"manifest": 0, "internal/escape": 0, "internal/stackstart": 0,
	"schema": 1, "rules": 1, "internal/suppress": 1, "internal/config": 1, "internal/report/jsonwire": 1,
	"validate":        2,
	"internal/report": 3, "internal/explain": 3, "internal/fix": 3,
	"internal/lsp": 4, "internal/playground": 4, "internal/online": 4,
	"internal/cli": 5,
	"":             6, // the command, main.go
}

func TestMain(m *testing.M) { testbin.Main(m) }

// TestLayers fails when a package of the pipeline imports upward or
// sideways (go list is the Go tool this test already runs under).
func TestLayers(t *testing.T) {
	const module = "github.com/manifestlint/manifestlint"
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	rel := func(p string) (string, bool) {
		if p == module {
			return "", true
		}
		r, ok := strings.CutPrefix(p, module+"/")
		return r, ok
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		from, _ := rel(fields[0])
		rank, listed := layers[from]
		if !listed {
			continue
		}
		checked++
		for _, imp := range fields[1:] {
			to, ours := rel(imp)
			if !ours {
				continue
			}
			if r, ok := layers[to]; ok && r >= rank {
				t.Errorf("%s imports %s: a package may import only lower layers", fields[0], imp)
			}
		}
	}
	if checked != len(layers) {
		t.Errorf("go list showed %d of the %d ranked packages", checked, len(layers))
	}
}
