package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testmanifest"
)

// fixable is testmanifest.S3Import with two `key:value` lines (safe fixes), in CR LF.
var fixable = strings.ReplaceAll(testmanifest.With("deviceId: ABCDE", "deviceId:ABCDE", "prefix: imported/", "prefix:imported/ # keep"), "\n", "\r\n")

var fixableFixed = strings.ReplaceAll(testmanifest.With("prefix: imported/", "prefix: imported/ # keep"), "\n", "\r\n")

func runFix(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(args, strings.NewReader(stdin), &o, &e)
	return o.String(), e.String(), code
}

// TestFixInPlace: --fix rewrites the file atomically, keeping its mode and
// line ends, creates nothing beside it, reports what is left, and a second
// --fix changes nothing.
func TestFixInPlace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "m.yaml")
	must0(t, os.WriteFile(p, []byte(fixable), 0o640))
	must0(t, os.Chmod(p, 0o640))
	stdout, stderr, code := runFix(t, "", "--fix", dir)
	got, err := os.ReadFile(p)
	must0(t, err)
	if string(got) != fixableFixed {
		t.Errorf("fixed file:\n%q\nwant\n%q", got, fixableFixed)
	}
	if code != 0 || !strings.Contains(stderr, "manifestlint: fixed 2 findings in 1 file\n") || !strings.Contains(stdout, "0 errors, 0 warnings in 1 file") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	st, err := os.Stat(p)
	must0(t, err)
	if st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode().Perm())
	}
	entries, err := os.ReadDir(dir)
	must0(t, err)
	if len(entries) != 1 {
		t.Errorf("%d entries in the folder, want 1 (a temporary file left behind?)", len(entries))
	}
	_, stderr, code = runFix(t, "", "--fix", dir)
	again, _ := os.ReadFile(p)
	if string(again) != fixableFixed || code != 0 || !strings.Contains(stderr, "manifestlint: nothing to fix\n") {
		t.Errorf("second --fix: exit %d, changed %v, stderr:\n%s", code, string(again) != fixableFixed, stderr)
	}
}

// TestFixExitReflectsWhatIsLeft: errors without a fix still fail the run.
func TestFixExitReflectsWhatIsLeft(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "m.yaml")
	src := strings.Replace(fixable, "eraseDevice: yes", "eraseDevice: no", 1)
	must0(t, os.WriteFile(p, []byte(src), 0o644))
	stdout, stderr, code := runFix(t, "", "--fix", "--no-snippet", p)
	if code != 1 || !strings.Contains(stdout, "eraseDevice is `no`") || strings.Contains(stdout, "no-space-after-colon") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestFixStdin: `--fix -` writes the fixed text to standard output and the
// report to standard error.
func TestFixStdin(t *testing.T) {
	stdout, stderr, code := runFix(t, fixable, "--fix", "-")
	if stdout != fixableFixed {
		t.Errorf("stdout %q, want the fixed text", stdout)
	}
	if code != 0 || !strings.Contains(stderr, "0 errors, 0 warnings in 1 file") || !strings.Contains(stderr, "fixed 2 findings") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

// TestFixSymlinks: a link inside the tree is written through (and stays a
// link); a link out of the tree is refused, loudly, and its target kept.
func TestFixSymlinks(t *testing.T) {
	base := t.TempDir()
	tree, outside := filepath.Join(base, "tree"), filepath.Join(base, "outside")
	must0(t, os.MkdirAll(filepath.Join(tree, "real"), 0o755))
	must0(t, os.MkdirAll(outside, 0o755))
	in, out := filepath.Join(tree, "real", "in.yaml"), filepath.Join(outside, "out.yaml")
	must0(t, os.WriteFile(in, []byte(fixable), 0o644))
	must0(t, os.WriteFile(out, []byte(fixable), 0o644))
	must0(t, os.Symlink(filepath.Join("real", "in.yaml"), filepath.Join(tree, "link-in.yaml")))
	must0(t, os.Symlink(out, filepath.Join(tree, "link-out.yaml")))

	_, stderr, code := runFix(t, "", "--fix", filepath.Join(tree, "link-in.yaml"), filepath.Join(tree, "link-out.yaml"))
	if got, _ := os.ReadFile(in); string(got) != fixableFixed {
		t.Errorf("the target inside the tree was not fixed: %q", got)
	}
	if st, err := os.Lstat(filepath.Join(tree, "link-in.yaml")); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link-in.yaml is no longer a link: %v %v", st, err)
	}
	if got, _ := os.ReadFile(out); string(got) != fixable {
		t.Errorf("the target outside the tree was written")
	}
	if code != 2 || !strings.Contains(stderr, "link-out.yaml: is a symbolic link to "+out+", outside "+tree+": not fixed") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "manifestlint: fixed 2 findings in 1 file; 2 fixes not applied (symbolic link out of the tree)\n") {
		t.Errorf("summary line does not count the refused fixes:\n%s", stderr)
	}
	// The refused link alone: the summary must not say "nothing to fix"
	// (qa report item 7).
	_, stderr, code = runFix(t, "", "--fix", filepath.Join(tree, "link-out.yaml"))
	if code != 2 || !strings.Contains(stderr, "manifestlint: 2 fixes not applied (symbolic link out of the tree)\n") || strings.Contains(stderr, "nothing to fix") {
		t.Errorf("the refused link alone: exit %d, stderr:\n%s", code, stderr)
	}
}

// TestFixRefusesReadOnlyFile: --fix leaves a file the user may not write
// (0444) as it is, with a permission error naming it and exit 2, although
// the folder is writable and the rename would succeed (qa report item 19).
// root may write any file, so as root the linter runs as user nobody, in a
// folder nobody owns.
func TestFixRefusesReadOnlyFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "m.yaml")
	must0(t, os.WriteFile(p, []byte(fixable), 0o444))
	must0(t, os.Chmod(p, 0o444))
	var code int
	var stderr string
	if os.Geteuid() != 0 {
		_, stderr, code = runFix(t, "", "--fix", p)
	} else {
		must0(t, os.Chown(dir, 65534, 65534))
		must0(t, os.Chown(p, 65534, 65534))
		code, stderr = runAsNobody(t, dir, "--fix", "m.yaml")
	}
	if got, _ := os.ReadFile(p); string(got) != fixable {
		t.Errorf("the read-only file was rewritten:\n%s", got)
	}
	if code != exitUsage || !strings.Contains(stderr, "m.yaml: permission denied") || !strings.Contains(stderr, "manifestlint: 2 fixes not applied (permission denied)\n") {
		t.Errorf("exit %d, output:\n%s\nwant exit 2 and m.yaml: permission denied", code, stderr)
	}
	entries, err := os.ReadDir(dir)
	must0(t, err)
	if len(entries) != 1 {
		t.Errorf("%d entries in the folder, want 1 (a temporary file left behind?)", len(entries))
	}
}

// TestDiffFlag: --diff writes nothing, exits 1 on a change and 0 on none,
// and `git apply` turns the file into what --fix writes.
func TestDiffFlag(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("git is not installed; CI must install it")
		}
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	must0(t, os.MkdirAll("sub", 0o755))
	must0(t, os.WriteFile("sub/m.yaml", []byte(fixable), 0o644))
	must0(t, os.WriteFile("ok.yaml", []byte(testmanifest.S3Import), 0o644))
	stdout, stderr, code := runFix(t, "", "--diff", "sub/m.yaml", "ok.yaml")
	if code != 1 || !strings.HasPrefix(stdout, "--- a/sub/m.yaml\n+++ b/sub/m.yaml\n@@ ") || !strings.Contains(stderr, "would fix 2 findings in 1 file") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if got, _ := os.ReadFile("sub/m.yaml"); string(got) != fixable {
		t.Fatal("--diff wrote the file")
	}
	cmd := exec.Command(git, "apply", "-")
	cmd.Stdin = strings.NewReader(stdout)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	if got, _ := os.ReadFile("sub/m.yaml"); string(got) != fixableFixed {
		t.Errorf("after git apply:\n%q\nwant\n%q", got, fixableFixed)
	}
	stdout, _, code = runFix(t, "", "--diff", "sub/m.yaml", "ok.yaml")
	if code != 0 || stdout != "" {
		t.Errorf("--diff of fixed files: exit %d, stdout %q", code, stdout)
	}
}
