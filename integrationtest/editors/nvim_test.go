package editors

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestNeovim runs scripts/test-nvim-lsp.sh: Neovim's own LSP client against
// the built binary (diagnostics equal to --format json, hover, completion, a
// code action). CI installs neovim; there a missing nvim fails the test.
func TestNeovim(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a real client: starts Neovim (seconds); run it with go test ./integrationtest/editors -run TestNeovim")
	}
	if _, err := exec.LookPath("nvim"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nvim is not installed; CI must install it (apt-get install -y neovim)")
		}
		t.Skip("nvim is not installed (apt-get install neovim)")
	}
	script, err := filepath.Abs(filepath.Join("scripts", "test-nvim-lsp.sh")) // from the root: testbin.Main
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("bash", script).CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("%s: %v", script, err)
	}
}
