package cli

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// runHostile runs Main with the environment cleared of what changes its
// output, and returns the exit status, stdout and stderr.
func runHostile(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("GITHUB_ACTIONS", "")
	var out, errOut bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errOut)
	for _, bad := range []string{"panic", "goroutine "} {
		if strings.Contains(out.String()+errOut.String(), bad) {
			t.Fatalf("crash: %s%s", out.String(), errOut.String())
		}
	}
	return code, out.String(), errOut.String()
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestMaxBytesHuge: --max-bytes up to the largest int64 reads the file (the
// reader's limit+1 overflowed into a negative capacity: a panic).
func TestMaxBytesHuge(t *testing.T) {
	p := writeTemp(t, "m.yaml", validManifest)
	for _, n := range []int64{math.MaxInt64, math.MaxInt64 - 1, math.MaxInt32, 1 << 62} {
		code, out, errOut := runHostile(t, validManifest, "--no-config", "--color=never", "--max-bytes", strconv.FormatInt(n, 10), p, "-")
		if code != ExitOK || !strings.Contains(out, "in 2 files") {
			t.Errorf("--max-bytes %d: exit %d\n%s%s", n, code, out, errOut)
		}
	}
}

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
