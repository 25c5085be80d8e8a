//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadRefusesNonRegular: a configuration file that is a link to
// /dev/zero, a FIFO, a directory or a file over MaxFileBytes is an error
// naming the file, returned at once: not an endless read, not a wait for a
// writer.
func TestLoadRefusesNonRegular(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.yaml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte(strings.Repeat("# padding\n", MaxFileBytes/10+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	sparse := filepath.Join(dir, "sparse.yaml")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 40); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for path, want := range map[string]string{
		zero:   "zero.yaml: is a device, not a regular file",
		fifo:   "fifo.yaml: is a named pipe (FIFO), not a regular file",
		dir:    ": is a directory",
		big:    "big.yaml: file too large",
		sparse: "sparse.yaml: file too large: 1099511627776 bytes",
	} {
		done := make(chan error, 1)
		go func() {
			_, err := Load(path, path, Parse)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("Load(%s) = %v, want one line holding %q", path, err, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Load(%s) still running after 5 s: it blocks or reads without a bound", path)
		}
	}
	ok := filepath.Join(dir, "ok.yaml")
	if err := os.WriteFile(ok, []byte("region: us-east-1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, err := Load(ok, "ok.yaml", Parse); err != nil || c.Region != "us-east-1" {
		t.Errorf("Load(ok.yaml) = %+v, %v", c, err)
	}
}
