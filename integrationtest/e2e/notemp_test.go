package e2e

import (
	"os"
	"os/exec"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testbin"
)

// TestNoBinaryLeftInTemp runs the end-to-end test in a test binary of its
// own, with a temporary folder of its own, and checks that nothing is left
// in it: every `go test` run left a 14 MB binary in the system temp folder.
func TestNoBinaryLeftInTemp(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: re-runs the end-to-end test in a test binary of its own, with the built binary; run it with go test ./integrationtest/e2e")
	}
	// The child copies this package's binary (testbin.ReuseEnv) instead
	// of building its own: its cleanup is what is checked.
	bin := testbin.Binary(t)
	exe, err := os.Executable()
	must(t, err)
	tmp := t.TempDir()
	cmd := exec.Command(exe, "-test.run=^TestEndToEnd$", "-test.count=1")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, testbin.ReuseEnv+"="+bin)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the end-to-end test failed: %v\n%s", err, out)
	}
	entries, err := os.ReadDir(tmp)
	must(t, err)
	for _, e := range entries {
		t.Errorf("left in the temporary folder: %s", e.Name())
	}
}
