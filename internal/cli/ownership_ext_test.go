//go:build unix

package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testbin"
)

// TestContainerRecipeOwnership (issue 17): the container recipe of
// docs/ci.md runs the image as uid 65534 over a checkout owned by the
// host user (uid 1000 here); the checkout's .manifestlint.yaml (region:
// eu-west-1) must still apply, as it does for its owner.
func TestContainerRecipeOwnership(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to chown the checkout to another user and run as uid 65534; CI runs as root")
	}
	sample, err := os.ReadFile(filepath.Join(testbin.Root(), "testdata", "sample", "manifest.yaml"))
	must0(t, err)
	src := filepath.Join(t.TempDir(), "src")
	must0(t, os.Chmod(filepath.Dir(src), 0o755))
	must0(t, os.MkdirAll(filepath.Join(src, "jobs"), 0o755))
	must0(t, os.Mkdir(filepath.Join(src, ".git"), 0o755))
	must0(t, os.WriteFile(filepath.Join(src, ".manifestlint.yaml"), []byte("region: eu-west-1\n"), 0o644))
	must0(t, os.WriteFile(filepath.Join(src, "jobs", "orders.yaml"), sample, 0o644))
	must0(t, filepath.Walk(src, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Chown(p, 1000, 1000)
	}))
	code, out := runAsNobody(t, src, "--no-snippet", "--format", "json", ".")
	if code != 1 || !strings.Contains(out, `"file":"jobs/orders.yaml"`) || !strings.Contains(out, `"code":"MissingCustomsException"`) ||
		!strings.Contains(out, "(from config file .manifestlint.yaml)") || strings.Contains(out, "skipped") {
		t.Errorf("as uid 65534 over uid 1000's checkout: exit %d, want the config's region applied\n%s", code, out)
	}
	// The same checkout made writable by every user: the file is skipped,
	// with a warning.
	must0(t, os.Chmod(filepath.Join(src, "jobs"), 0o777))
	code, out = runAsNobody(t, src, "--no-snippet", "--format", "concise", ".")
	if code != 0 || !strings.Contains(out, "manifestlint: warning: skipped ") || !strings.Contains(out, "jobs can be written by every user") {
		t.Errorf("a world-writable folder between: exit %d, want the config skipped with a warning\n%s", code, out)
	}
}
