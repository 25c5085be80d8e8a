//go:build unix

package cli

import (
	"path/filepath"
	"syscall"
	"testing"
)

// TestWalkSkipsFIFO: a FIFO named *.yaml inside a walked directory is
// skipped with a note; reading it would block forever.
func TestWalkSkipsFIFO(t *testing.T) {
	dir := tree(t, map[string]string{"d/m.yaml": validManifest})
	if err := syscall.Mkfifo(filepath.Join(dir, "d", "pipe.yaml"), 0o644); err != nil {
		t.Fatalf("mkfifo: %v", err)
	}
	code, out, errOut := runMain(t, dir, "", "--no-config", "d")
	if code != ExitOK {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	wantIn(t, "stdout", out, "0 errors, 0 warnings in 1 file")
	wantIn(t, "stderr", errOut, "manifestlint: note: skipped d/pipe.yaml: not a regular file (a FIFO)")
}
