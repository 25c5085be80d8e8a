//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestConfigDevZero: a repository whose .manifestlint.yaml is a link to
// /dev/zero gets exit 2 and one line on stderr (it ran out of memory), and
// --config naming a FIFO does not wait for a writer.
func TestConfigDevZero(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(dir, ".manifestlint.yaml")); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "m.yaml")
	if err := os.WriteFile(p, []byte(validManifest), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, args := range [][]string{{"m.yaml"}, {"--config", fifo, "m.yaml"}} {
		code, out, errOut := runHostile(t, "", args...)
		if code != ExitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "not a regular file") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and one line", args, code, out, errOut)
		}
	}
}
