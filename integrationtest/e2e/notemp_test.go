package e2e

import (
	"os"
	"os/exec"
	"testing"
)

// TestNoBinaryLeftInTemp runs the end-to-end test in a test binary of its
// own, with a temporary folder of its own, and checks that nothing is left
// in it: every `go test` run left a 14 MB binary in the system temp folder.
func TestNoBinaryLeftInTemp(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: re-runs the end-to-end test in a test binary of its own, which builds manifestlint again (about 11 s); the full suite (CI) runs it")
	}
	exe, err := os.Executable()
	must(t, err)
	tmp := t.TempDir()
	cmd := exec.Command(exe, "-test.run=^TestEndToEnd$", "-test.count=1")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the end-to-end test failed: %v\n%s", err, out)
	}
	entries, err := os.ReadDir(tmp)
	must(t, err)
	for _, e := range entries {
		t.Errorf("left in the temporary folder: %s", e.Name())
	}
}
