package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testbin"
	"github.com/manifestlint/manifestlint/internal/testmanifest"
)

// runAsNobody runs the test binary as manifestlint, as user nobody, in dir
// (entered before the switch to nobody, so dir may be closed to nobody),
// and returns the exit status and its output. The binary is copied where
// nobody may run it (testbin.ExecutableForAll). The configuration search
// walks up from dir, so the test's temporary folders are made searchable
// by nobody, as a checkout's folders are; the test is skipped when their
// ancestors are not.
func runAsNobody(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	tmp := filepath.Dir(t.TempDir())
	must0(t, os.Chmod(tmp, 0o755))
	for d := filepath.Dir(tmp); d != "/"; d = filepath.Dir(d) {
		if st, err := os.Stat(d); err != nil || st.Mode().Perm()&0o001 == 0 {
			t.Skipf("running as root, and %s is not searchable by nobody", d)
		}
	}
	copyExe := testbin.ExecutableForAll(t)
	cmd := exec.Command(copyExe, args...)
	cmd.Env = append(os.Environ(), robustExecEnv+"=1", "AWS_ACCESS_KEY_ID=", "GITHUB_ACTIONS=")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	t.Chdir(dir) // the child starts here; exec's Dir would enter it as nobody
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("running as nobody: %v", err)
	}
	return cmd.ProcessState.ExitCode(), stderr.String()
}

// readableManifest writes a valid manifest that any user may read.
func readableManifest(t *testing.T) string {
	dir := t.TempDir()
	must0(t, os.Chmod(dir, 0o755))
	must0(t, os.Chmod(filepath.Dir(dir), 0o755))
	p := filepath.Join(dir, "ok.yaml")
	must0(t, os.WriteFile(p, []byte(testmanifest.S3Import), 0o644))
	return p
}

// TestConfigSearchStopsAtUnsearchableFolder: a working directory inside a
// folder the user may not search (a clone in a `mktemp -d` folder, linted
// as another user) lints the files given, with a note, instead of failing
// the run while looking for the configuration file.
func TestConfigSearchStopsAtUnsearchableFolder(t *testing.T) {
	file := readableManifest(t)
	closed := t.TempDir()
	must0(t, os.Chmod(closed, 0o700)) // as `mktemp -d` makes it
	work := filepath.Join(closed, "work")
	must0(t, os.Mkdir(work, 0o755))
	type result struct {
		code         int
		errOut, want string
	}
	note := func(dir string) string {
		return "cannot look for .manifestlint.yaml in " + dir + " (permission denied): the search stops there"
	}
	var got []result
	if os.Geteuid() == 0 {
		// The search starts at the linted file's folder: a manifest in
		// work, whose parent nobody may not search.
		t.Setenv("PWD", "")
		src, err := os.ReadFile(file)
		must0(t, err)
		must0(t, os.WriteFile(filepath.Join(work, "m.yaml"), src, 0o644))
		must0(t, os.Chown(work, 65534, 65534))
		code, errOut := runAsNobody(t, work, "m.yaml")
		got = append(got, result{code, errOut, note(work)})
	} else {
		t.Chdir(work)
		must0(t, os.Chmod(closed, 0))
		defer os.Chmod(closed, 0o700)
		var stdout, stderr bytes.Buffer
		code := run([]string{file}, strings.NewReader(""), &stdout, &stderr)
		got = append(got, result{code, stderr.String(), note(work)})
	}
	for _, r := range got {
		if r.code != exitOK || !strings.Contains(r.errOut, r.want) {
			t.Errorf("exit %d, output %q; want exit 0 and %q", r.code, r.errOut, r.want)
		}
	}
}

// TestConfigSearchDeletedWorkingDir: a working directory that no longer
// exists lints standard input (whose configuration is searched from the
// working directory), with a note.
func TestConfigSearchDeletedWorkingDir(t *testing.T) {
	file := readableManifest(t)
	gone := filepath.Join(t.TempDir(), "gone")
	must0(t, os.Mkdir(gone, 0o755))
	t.Chdir(gone)
	t.Setenv("PWD", "")
	must0(t, os.Remove(gone))
	var stdout, stderr bytes.Buffer
	src, err := os.ReadFile(file)
	must0(t, err)
	code := run([]string{"--color=never", "-"}, bytes.NewReader(src), &stdout, &stderr)
	if code != exitOK || !strings.Contains(stderr.String(), "cannot tell the current directory") {
		t.Errorf("exit %d, stderr %q; want exit 0 and a note", code, stderr.String())
	}
}
