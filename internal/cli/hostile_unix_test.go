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

// TestSkippedConfigWarnsInEveryFormat (issue 17): a configuration file
// skipped as untrusted is a warning in text, json, sarif, github and
// junit, not only a note on standard error.
func TestSkippedConfigWarnsInEveryFormat(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to chown the planted file to another user; CI runs as root")
	}
	shared := t.TempDir()
	cfg := filepath.Join(shared, ".manifestlint.yaml")
	must(t, os.WriteFile(cfg, []byte("exclude: [\"**\"]\n"), 0o644))
	must(t, os.Chmod(shared, 0o777|os.ModeSticky))
	must(t, os.Chown(cfg, 65534, 65534))
	work := filepath.Join(shared, "work")
	must(t, os.Mkdir(work, 0o755))
	must(t, os.WriteFile(filepath.Join(work, "m.yaml"), []byte(validManifest), 0o644))
	t.Chdir(work)
	for format, want := range map[string]string{
		"text":   "m.yaml: note: ",
		"json":   `"id":"config-skipped"`,
		"sarif":  `"level": "warning"`,
		"github": "::warning file=m.yaml,title=config-skipped::warning: skipped ",
		"junit":  `<testcase name="config-skipped"`,
	} {
		_, out, errOut := runHostile(t, "", "--format", format, "m.yaml")
		if !strings.Contains(out, want) || !strings.Contains(out, "skipped "+cfg) && format != "json" {
			t.Errorf("--format %s lacks %q and the skipped file:\n%s", format, want, out)
		}
		if !strings.Contains(errOut, "manifestlint: warning: skipped "+cfg) {
			t.Errorf("--format %s: stderr lacks the warning: %q", format, errOut)
		}
	}
}
