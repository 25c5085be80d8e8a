//go:build linux

package cli

// Regression tests of issue 21's data-loss items: --fix checks the file is
// still what was read, keeps owner, group, extended attributes and hard
// links, and leaves no temporary file behind on SIGTERM; --output refuses
// an input and writes through a temporary file; init never leaves a
// half-written file; a FIFO with no writer is not waited on forever.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/manifestlint/manifestlint/internal/testbin"
)

// helperEnv makes the test binary run Main as manifestlint itself, after
// setting up what the test asks (a file-size limit, a pause in the write
// path), for the tests that need a process of their own.
const helperEnv = "MANIFESTLINT_CLI_HELPER"

func init() {
	v := os.Getenv(helperEnv)
	switch {
	case v == "":
		return
	case v == "pause-before-replace":
		beforeReplace = func(string) {
			fmt.Fprintln(os.Stderr, "paused")
			time.Sleep(time.Hour)
		}
	case strings.HasPrefix(v, "fsize="):
		n, err := strconv.ParseUint(strings.TrimPrefix(v, "fsize="), 10, 64)
		if err != nil {
			panic(err)
		}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
			panic(err)
		}
	}
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// helper starts the test binary as manifestlint in dir with the helper
// setting v.
func helper(t *testing.T, dir, v string, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	must(t, err)
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), helperEnv+"="+v, "AWS_ACCESS_KEY_ID=", "GITHUB_ACTIONS=", "NO_COLOR=")
	return cmd
}

// fixableManifest has one safe fix (`deviceId:ABCDE`); fixedManifest is it
// fixed.
var (
	fixableManifest = strings.Replace(validManifest, "deviceId: ABCDE", "deviceId:ABCDE", 1)
	fixedManifest   = validManifest
)

// entries lists a folder's names.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	must(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// wantOnly fails unless dir holds exactly names (no temporary file left).
func wantOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	if got := entries(t, dir); strings.Join(got, "\n") != strings.Join(names, "\n") {
		t.Errorf("%s holds %q, want %q (a temporary file left behind?)", dir, got, names)
	}
}

func readString(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	must(t, err)
	return string(b)
}

// TestFixRefusesFileChangedDuringRun: an editor saving the file while
// --fix runs (after the read, before the replace) keeps its save: --fix
// refuses with exit 2 and says why, whether the editor wrote in place or
// renamed a new file over it (issue 21 item 1).
func TestFixRefusesFileChangedDuringRun(t *testing.T) {
	saved := strings.Replace(fixableManifest, "prefix: imported/", "prefix: saved-by-the-editor/", 1)
	for _, how := range []string{"in place", "by rename"} {
		t.Run(how, func(t *testing.T) {
			dir := tree(t, map[string]string{"m.yaml": fixableManifest})
			beforeReplace = func(target string) {
				if how == "in place" {
					must(t, os.WriteFile(target, []byte(saved), 0o644))
					return
				}
				tmp := filepath.Join(filepath.Dir(target), "editor.swp")
				must(t, os.WriteFile(tmp, []byte(saved), 0o644))
				must(t, os.Rename(tmp, target))
			}
			t.Cleanup(func() { beforeReplace = nil })
			code, _, errOut := runMain(t, dir, "", "--no-config", "--fix", "m.yaml")
			if got := readString(t, filepath.Join(dir, "m.yaml")); got != saved {
				t.Errorf("the editor's save was lost; the file holds:\n%s", got)
			}
			if code != ExitUsage {
				t.Errorf("exit %d, want 2", code)
			}
			wantIn(t, "stderr", errOut, "manifestlint: m.yaml: changed while manifestlint was fixing it: not fixed (run --fix again)",
				"manifestlint: 1 fix not applied (file changed during the run)")
			wantOnly(t, dir, "m.yaml")
		})
	}
	// Unchanged (the hook only reads): the fix is written.
	dir := tree(t, map[string]string{"m.yaml": fixableManifest})
	beforeReplace = func(target string) { _, _ = os.ReadFile(target) }
	t.Cleanup(func() { beforeReplace = nil })
	if code, _, errOut := runMain(t, dir, "", "--no-config", "--fix", "m.yaml"); code != ExitOK || readString(t, "m.yaml") != fixedManifest {
		t.Errorf("an unchanged file was not fixed: exit %d\n%s", code, errOut)
	}
}

// TestFixKeepsOwnerAndGroup: root fixing another user's file leaves it
// that user's (issue 21 item 4).
func TestFixKeepsOwnerAndGroup(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("giving a file to another user needs root; TestFixRefusesOwnerItCannotKeep covers a user")
	}
	dir := tree(t, map[string]string{"m.yaml": fixableManifest})
	p := filepath.Join(dir, "m.yaml")
	must(t, os.Chown(p, 1234, 5678))
	must(t, os.Chmod(p, 0o664))
	code, _, errOut := runMain(t, dir, "", "--no-config", "--fix", "m.yaml")
	if code != ExitOK || readString(t, p) != fixedManifest {
		t.Fatalf("exit %d, content %q\n%s", code, readString(t, p), errOut)
	}
	st, err := os.Stat(p)
	must(t, err)
	sys := st.Sys().(*syscall.Stat_t)
	if sys.Uid != 1234 || sys.Gid != 5678 || st.Mode().Perm() != 0o664 {
		t.Errorf("after --fix: owner %d, group %d, mode %v; want 1234, 5678, 0664", sys.Uid, sys.Gid, st.Mode().Perm())
	}
	wantOnly(t, dir, "m.yaml")
}

// TestFixRefusesOwnerItCannotKeep: a user who may write another user's
// file (group-writable, in a folder the user owns) cannot give the fixed
// file back to its owner, so --fix refuses instead of taking the file.
func TestFixRefusesOwnerItCannotKeep(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("making a file owned by another user needs root")
	}
	dir := t.TempDir()
	must(t, os.Chmod(filepath.Dir(dir), 0o755))
	for d := filepath.Dir(filepath.Dir(dir)); d != "/"; d = filepath.Dir(d) {
		if st, err := os.Stat(d); err != nil || st.Mode().Perm()&0o001 == 0 {
			t.Skipf("%s is not searchable by user nobody", d)
		}
	}
	p := filepath.Join(dir, "m.yaml")
	must(t, os.WriteFile(p, []byte(fixableManifest), 0o664))
	must(t, os.Chmod(p, 0o664))
	must(t, os.Chown(p, 4321, 65534)) // another user's file, nobody's group
	must(t, os.Chown(dir, 65534, 65534))
	cmd := helper(t, dir, "run", "--no-config", "--fix", "m.yaml")
	cmd.Path = testbin.ExecutableForAll(t)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != ExitUsage {
		t.Errorf("exit: %v, want 2\n%s", err, out)
	}
	wantIn(t, "output", string(out), "manifestlint: m.yaml: is owned by user 4321, group 65534; the fixed file would be yours: not fixed (fix it as its owner)",
		"1 fix not applied (owner cannot be kept)")
	if got := readString(t, p); got != fixableManifest {
		t.Errorf("the file was changed:\n%s", got)
	}
	st, err := os.Stat(p)
	must(t, err)
	if sys := st.Sys().(*syscall.Stat_t); sys.Uid != 4321 {
		t.Errorf("owner %d, want 4321", sys.Uid)
	}
	wantOnly(t, dir, "m.yaml")
}

// TestFixKeepsExtendedAttributes: user.* attributes survive --fix, on the
// test's temporary folder and on a tmpfs (/dev/shm), each where the file
// system supports them (the test says which it checked).
func TestFixKeepsExtendedAttributes(t *testing.T) {
	places := []string{t.TempDir()}
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		d, err := os.MkdirTemp("/dev/shm", "manifestlint-xattr")
		must(t, err)
		t.Cleanup(func() { os.RemoveAll(d) })
		places = append(places, d)
	}
	tested := 0
	for _, dir := range places {
		p := filepath.Join(dir, "m.yaml")
		must(t, os.WriteFile(p, []byte(fixableManifest), 0o644))
		if err := syscall.Setxattr(p, "user.origin", []byte("imported from the vault"), 0); err != nil {
			t.Logf("%s: this file system does not support user.* extended attributes (%v): not tested here", dir, err)
			continue
		}
		must(t, syscall.Setxattr(p, "user.empty", nil, 0))
		code, _, errOut := runMain(t, dir, "", "--no-config", "--fix", "m.yaml")
		if code != ExitOK || readString(t, p) != fixedManifest {
			t.Errorf("%s: exit %d\n%s", dir, code, errOut)
			continue
		}
		buf := make([]byte, 256)
		n, err := syscall.Getxattr(p, "user.origin", buf)
		if err != nil || string(buf[:n]) != "imported from the vault" {
			t.Errorf("%s: user.origin after --fix: %q, %v", dir, buf[:max(n, 0)], err)
		}
		if _, err := syscall.Getxattr(p, "user.empty", buf); err != nil {
			t.Errorf("%s: user.empty after --fix: %v", dir, err)
		}
		tested++
	}
	if tested == 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("no file system here supports user.* extended attributes")
		}
		t.Skip("no file system here supports user.* extended attributes")
	}
}

// TestFixKeepsHardLinks: a file with two names is fixed through both (it
// is written in place, as gofmt -w does), not split into two files.
func TestFixKeepsHardLinks(t *testing.T) {
	dir := tree(t, map[string]string{"m.yaml": fixableManifest})
	p, other := filepath.Join(dir, "m.yaml"), filepath.Join(dir, "other-name.yaml")
	must(t, os.Link(p, other))
	code, _, errOut := runMain(t, dir, "", "--no-config", "--fix", "m.yaml")
	if code != ExitOK {
		t.Errorf("exit %d\n%s", code, errOut)
	}
	a, b := readString(t, p), readString(t, other)
	if a != fixedManifest || b != fixedManifest {
		t.Errorf("after --fix:\nm.yaml:\n%s\nother-name.yaml:\n%s", a, b)
	}
	sa, _ := os.Stat(p)
	sb, _ := os.Stat(other)
	if !os.SameFile(sa, sb) {
		t.Errorf("the hard link was split")
	}
	wantOnly(t, dir, "m.yaml", "other-name.yaml")
	// A fix that lengthens or shortens the text: the linked file ends
	// exactly at the new text.
	for _, c := range []struct{ name, src string }{
		{"grows", strings.Replace(validManifest, "deviceId: ABCDE", "deviceId:ABCDE", 1)},
		{"shrinks", strings.Replace(validManifest, "stateOrProvince: WA", "stateOrProvince: Washington", 1)},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := tree(t, map[string]string{"m.yaml": c.src})
			must(t, os.Link(filepath.Join(dir, "m.yaml"), filepath.Join(dir, "link.yaml")))
			code, _, errOut := runMain(t, dir, "", "--no-config", "--fix", "m.yaml")
			if code != ExitOK || readString(t, "link.yaml") != validManifest {
				t.Errorf("exit %d, link.yaml:\n%q\nwant\n%q\n%s", code, readString(t, "link.yaml"), validManifest, errOut)
			}
		})
	}
}

// TestFixSignalLeavesNoTemporaryFile: SIGTERM or SIGINT while --fix holds
// its temporary file (paused by a test hook just before the replace)
// removes it, leaves the file as it was, and the process still dies of the
// signal.
func TestFixSignalLeavesNoTemporaryFile(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := tree(t, map[string]string{"m.yaml": fixableManifest})
			cmd := helper(t, dir, "pause-before-replace", "--no-config", "--fix", "m.yaml")
			stderr, err := cmd.StderrPipe()
			must(t, err)
			must(t, cmd.Start())
			r := bufio.NewReader(stderr)
			line, err := r.ReadString('\n')
			if line != "paused\n" {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("the helper did not pause: %q %v", line, err)
			}
			if n := len(entries(t, dir)); n != 2 {
				t.Errorf("%d entries while paused, want the file and its temporary file", n)
			}
			must(t, cmd.Process.Signal(sig))
			rest, _ := io.ReadAll(r)
			err = cmd.Wait()
			ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
			if !ok || !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("the process did not die of %v: %v %s", sig, err, rest)
			}
			wantOnly(t, dir, "m.yaml")
			if got := readString(t, filepath.Join(dir, "m.yaml")); got != fixableManifest {
				t.Errorf("the file changed:\n%s", got)
			}
		})
	}
}

// TestOutputRefusesInput: --output naming a file that is also linted is
// refused before anything is written, by name, through a symbolic link, a
// hard link or a directory walk (issue 21 item 2).
func TestOutputRefusesInput(t *testing.T) {
	cases := []struct {
		name string
		args []string
	}{
		{"same name", []string{"-o", "json=m.yaml", "m.yaml"}},
		{"bare FILE", []string{"-o", "m.yaml", "m.yaml"}},
		{"./ prefix", []string{"-o", "sarif=./m.yaml", "m.yaml"}},
		{"symbolic link", []string{"-o", "json=link.yaml", "m.yaml"}},
		{"hard link", []string{"-o", "json=hard.yaml", "m.yaml"}},
		{"found by a walk", []string{"-o", "sarif=jobs/x.manifest.yaml", "jobs/"}},
		{"listed by --files-from", []string{"-o", "junit=jobs/x.manifest.yaml", "--files-from", "list.txt"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := tree(t, map[string]string{"m.yaml": validManifest, "jobs/x.manifest.yaml": validManifest, "list.txt": "jobs/x.manifest.yaml\n"})
			must(t, os.Symlink("m.yaml", filepath.Join(dir, "link.yaml")))
			must(t, os.Link(filepath.Join(dir, "m.yaml"), filepath.Join(dir, "hard.yaml")))
			code, out, errOut := runMain(t, dir, "", append([]string{"--no-config"}, c.args...)...)
			if code != ExitUsage || out != "" {
				t.Errorf("exit %d, want 2; stdout:\n%s", code, out)
			}
			wantIn(t, "stderr", errOut, "is also an input: the report would replace it; write the report to another file")
			for _, p := range []string{"m.yaml", "jobs/x.manifest.yaml"} {
				if got := readString(t, p); got != validManifest {
					t.Errorf("%s was overwritten:\n%s", p, got)
				}
			}
		})
	}
}

// TestOutputThroughTemporaryFile: a report replaces an older one whole, by
// rename (a hard link to the old report keeps the old text), through a
// symbolic link its target, and a device (/dev/null) is written, never
// replaced.
func TestOutputThroughTemporaryFile(t *testing.T) {
	dir := tree(t, map[string]string{"m.yaml": validManifest, "out/old.json": "old report\n", "real.sarif": "old\n"})
	must(t, os.Link(filepath.Join(dir, "out/old.json"), filepath.Join(dir, "out/keep.json")))
	must(t, os.Symlink("real.sarif", filepath.Join(dir, "link.sarif")))
	code, _, errOut := runMain(t, dir, "", "--no-config", "-o", "json=out/old.json", "-o", "sarif=link.sarif", "-o", "junit=/dev/null", "m.yaml")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if got := readString(t, "out/old.json"); !strings.HasPrefix(got, "{") {
		t.Errorf("out/old.json: %q", got)
	}
	if got := readString(t, "out/keep.json"); got != "old report\n" {
		t.Errorf("the report was written in place, through the old report's hard link: %q", got)
	}
	if st, err := os.Lstat("link.sarif"); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link.sarif is no longer a link")
	}
	if got := readString(t, "real.sarif"); !strings.Contains(got, `"version": "2.1.0"`) {
		t.Errorf("real.sarif: %q", got)
	}
	if st, err := os.Stat("/dev/null"); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v", st.Mode())
	}
	wantOnly(t, filepath.Join(dir, "out"), "keep.json", "old.json")
	wantOnly(t, dir, "link.sarif", "m.yaml", "out", "real.sarif")
}

// TestOutputFileSizeLimit: a report cut short by a file-size limit leaves
// the older report whole, and no temporary file.
func TestOutputFileSizeLimit(t *testing.T) {
	dir := tree(t, map[string]string{"m.yaml": fixableManifest, "r.sarif": "old report\n"})
	cmd := helper(t, dir, "fsize=2048", "--no-config", "-o", "sarif=r.sarif", "m.yaml")
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != ExitUsage {
		t.Errorf("exit: %v, want 2\n%s", err, out)
	}
	wantIn(t, "output", string(out), "manifestlint: writing output: r.sarif: ", "file too large")
	if got := readString(t, filepath.Join(dir, "r.sarif")); got != "old report\n" {
		t.Errorf("r.sarif holds %d bytes of a new report, want the old one", len(got))
	}
	wantOnly(t, dir, "m.yaml", "r.sarif")
}

// TestInitFileSizeLimit: under a file-size limit (0 bytes, 1024) init
// writes no config at all, rather than a cut one that the next run would
// use and the next init would keep, and leaves no temporary file; without
// the limit the next init writes it (issue 21 item 3).
func TestInitFileSizeLimit(t *testing.T) {
	for _, limit := range []string{"0", "1024"} {
		t.Run(limit, func(t *testing.T) {
			dir := t.TempDir()
			out, err := helper(t, dir, "fsize="+limit, "init").CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != ExitUsage {
				t.Errorf("exit: %v, want 2\n%s", err, out)
			}
			wantIn(t, "output", string(out), "manifestlint init: .manifestlint.yaml: file too large")
			wantOnly(t, dir)
			out, err = helper(t, dir, "run", "init").CombinedOutput()
			if err != nil {
				t.Fatalf("init without the limit: %v\n%s", err, out)
			}
			want, _ := starters.ReadFile("starters/manifestlint.yaml")
			if got := readString(t, filepath.Join(dir, ".manifestlint.yaml")); got != string(want) {
				t.Errorf("the config written differs from the starter")
			}
			wantOnly(t, dir, ".manifestlint.yaml")
		})
	}
}

// TestNamedFIFO: a FIFO named on the command line (or as --files-from)
// with no program writing to it is given up after fifoWait with a message,
// instead of waiting forever; one with a writer is linted (issue 21 item
// 14).
func TestNamedFIFO(t *testing.T) {
	old := fifoWait
	fifoWait = 300 * time.Millisecond
	t.Cleanup(func() { fifoWait = old })
	dir := t.TempDir()
	fifo := filepath.Join(dir, "m.yaml")
	must(t, syscall.Mkfifo(fifo, 0o644))
	// unblock frees a run stuck opening the FIFO (today's main), so that
	// the test fails instead of hanging.
	unblock := func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	}
	runWithin := func(args ...string) (int, string, string) {
		t.Helper()
		type res struct {
			code     int
			out, err string
		}
		done := make(chan res, 1)
		go func() {
			var o, e bytes.Buffer
			code := Main(args, strings.NewReader(""), &o, &e)
			done <- res{code, o.String(), e.String()}
		}()
		select {
		case r := <-done:
			return r.code, r.out, r.err
		case <-time.After(5 * time.Second):
			unblock()
			t.Fatalf("%q still waits on the FIFO after 5 s", args)
		}
		return 0, "", ""
	}
	start := time.Now()
	code, _, errOut := runWithin("--no-config", fifo)
	if code != ExitUsage {
		t.Errorf("exit %d, want 2", code)
	}
	wantIn(t, "stderr", errOut, "m.yaml: no program wrote to this FIFO within 300ms: not read (name a regular file, or pipe the manifest to -)")
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("gave up after %v, before fifoWait", d)
	}
	code, _, errOut = runWithin("--no-config", "--files-from", fifo)
	if code != ExitUsage {
		t.Errorf("--files-from: exit %d, want 2", code)
	}
	wantIn(t, "--files-from stderr", errOut, "no program wrote to this FIFO within 300ms")

	// A writer that comes after the run started (its open waits for the
	// run's), and writes in two parts.
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(validManifest[:20])
		time.Sleep(400 * time.Millisecond) // longer than fifoWait: the writer is there
		f.WriteString(validManifest[20:])
		f.Close()
	}()
	code, out, errOut := runWithin("--no-config", fifo)
	if code != ExitOK || !strings.Contains(out, "0 errors, 0 warnings in 1 file") {
		t.Errorf("a FIFO with a writer: exit %d\n%s%s", code, out, errOut)
	}

	// --output to a FIFO: refused at once with no reader, written with one.
	must(t, os.WriteFile(filepath.Join(dir, "ok.yaml"), []byte(validManifest), 0o644))
	outFIFO := filepath.Join(dir, "report.fifo")
	must(t, syscall.Mkfifo(outFIFO, 0o644))
	code, _, errOut = runWithin("--no-config", "-o", "json="+outFIFO, filepath.Join(dir, "ok.yaml"))
	if code != ExitUsage {
		t.Errorf("--output to a FIFO with no reader: exit %d, want 2", code)
	}
	wantIn(t, "--output FIFO stderr", errOut, "report.fifo: no program reads this FIFO: not written")
	got := make(chan string, 1)
	go func() {
		b, _ := os.ReadFile(outFIFO) // blocks until the run opens it
		got <- string(b)
	}()
	// The reader may not have opened its end yet: run again until it has.
	for deadline := time.Now().Add(2 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		code, _, errOut = runWithin("--no-config", "-o", "json="+outFIFO, filepath.Join(dir, "ok.yaml"))
		if !strings.Contains(errOut, "no program reads this FIFO") || time.Now().After(deadline) {
			break
		}
	}
	if report := <-got; code != ExitOK || !strings.Contains(report, `"summary"`) {
		t.Errorf("--output to a FIFO with a reader: exit %d, report %q\n%s", code, report, errOut)
	}

	// A pipe that already holds the manifest, as `<(cat m.yaml)` gives.
	r, w, err := os.Pipe()
	must(t, err)
	defer r.Close()
	go func() {
		w.WriteString(validManifest)
		w.Close()
	}()
	code, out, errOut = runWithin("--no-config", fmt.Sprintf("/proc/self/fd/%d", r.Fd()))
	if code != ExitOK || !strings.Contains(out, "0 errors, 0 warnings in 1 file") {
		t.Errorf("a pipe: exit %d\n%s%s", code, out, errOut)
	}
}

// TestOutputSignalLeavesNoTemporaryFile: SIGTERM while a report is being
// written (the run waits on a FIFO no program writes to) removes the
// report's temporary file and leaves the older report as it was.
func TestOutputSignalLeavesNoTemporaryFile(t *testing.T) {
	dir := tree(t, map[string]string{"r.json": "old report\n"})
	must(t, syscall.Mkfifo(filepath.Join(dir, "m.yaml"), 0o644))
	cmd := helper(t, dir, "run", "--no-config", "-o", "json=r.json", "m.yaml")
	must(t, cmd.Start())
	defer cmd.Process.Kill()
	deadline := time.Now().Add(5 * time.Second)
	for len(entries(t, dir)) < 3 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := len(entries(t, dir)); n != 3 {
		t.Fatalf("%d entries while the run waits, want the FIFO, the report and its temporary file: %q", n, entries(t, dir))
	}
	must(t, cmd.Process.Signal(syscall.SIGTERM))
	err := cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
		t.Errorf("the process did not die of SIGTERM: %v", err)
	}
	wantOnly(t, dir, "m.yaml", "r.json")
	if got := readString(t, filepath.Join(dir, "r.json")); got != "old report\n" {
		t.Errorf("r.json: %q", got)
	}
}

// TestFixFileSizeLimit: a fix that a file-size limit stops (the fixed text
// is one byte longer than the limit allows) leaves the file whole, with
// its one name (written through a temporary file) or two (written in
// place: the byte past the old end is written first, and fails first).
func TestFixFileSizeLimit(t *testing.T) {
	limit := strconv.Itoa(len(fixableManifest)) // the fix adds a byte
	for _, linked := range []bool{false, true} {
		t.Run(fmt.Sprintf("hard link %v", linked), func(t *testing.T) {
			dir := tree(t, map[string]string{"m.yaml": fixableManifest})
			names := []string{"m.yaml"}
			if linked {
				must(t, os.Link(filepath.Join(dir, "m.yaml"), filepath.Join(dir, "n.yaml")))
				names = append(names, "n.yaml")
			}
			out, err := helper(t, dir, "fsize="+limit, "--no-config", "--fix", "m.yaml").CombinedOutput()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != ExitUsage {
				t.Errorf("exit: %v, want 2\n%s", err, out)
			}
			wantIn(t, "output", string(out), "manifestlint: m.yaml: file too large", "1 fix not applied (file not written)")
			for _, n := range names {
				if got := readString(t, filepath.Join(dir, n)); got != fixableManifest {
					t.Errorf("%s: %q", n, got)
				}
			}
			wantOnly(t, dir, names...)
		})
	}
}
