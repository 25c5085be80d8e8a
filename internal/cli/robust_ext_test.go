package cli_test

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/manifestlint/manifestlint/internal/testbin"
	"github.com/manifestlint/manifestlint/internal/testmanifest"
)

// robustExecEnv makes the test binary behave as manifestlint itself: the
// tests that need a separate process (another user, strace) re-execute it.
const robustExecEnv = "MANIFESTLINT_ROBUST_EXEC"

func init() {
	if os.Getenv(robustExecEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
}

// billionLaughs is the classic alias bomb, in YAML.
const billionLaughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

// lazyReader yields n bytes of b repeated without holding them in memory.
type lazyReader struct {
	b byte
	n int64
}

func (r *lazyReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.n {
		p = p[:r.n]
	}
	for i := range p {
		p[i] = r.b
	}
	r.n -= int64(len(p))
	return len(p), nil
}

// TestRobustInputs lints hostile inputs and checks that each gives a clean
// finding or a clean I/O error: the right exit status, the expected words,
// no panic or stack trace, quickly and with bounded allocation.
func TestRobustInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: lints a dozen hostile inputs of up to 50 MB (about 14 s on 2 cores); run it with go test ./internal/cli -run '^TestRobustInputs$'")
	}
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("GITHUB_ACTIONS", "")
	crlf := strings.ReplaceAll(testmanifest.S3Import, "\n", "\r\n")
	tests := []struct {
		name string
		// setup writes the input in dir and returns the arguments.
		setup func(t *testing.T, dir string) []string
		stdin io.Reader
		code  int
		// out and errOut are words the output and stderr must hold.
		out, errOut []string
		// maxAlloc bounds the bytes allocated by the run.
		maxAlloc uint64
	}{
		{
			name:     "alias bomb",
			setup:    writeFile("bomb.yaml", billionLaughs),
			code:     exitFindings,
			out:      []string{"bomb.yaml:1:4: error MalformedManifestException", "anchor-alias", "alias *a"},
			maxAlloc: 8 << 20,
		},
		{
			name:     "flow nesting 100,000 deep",
			setup:    writeFile("deep.yaml", strings.Repeat("[", 100000)+strings.Repeat("]", 100000)),
			code:     exitFindings,
			out:      []string{"deep.yaml:1:1: error MalformedManifestException", "exceeded max depth"},
			maxAlloc: 64 << 20,
		},
		{
			name:     "mapping nesting 100,000 deep",
			setup:    writeFile("deep.yaml", "a: "+strings.Repeat("{a: ", 100000)+strings.Repeat("}", 100000)+"\n"),
			code:     exitFindings,
			out:      []string{"deep.yaml:1:1: error MalformedManifestException", "exceeded max depth"},
			maxAlloc: 64 << 20,
		},
		{
			name: "50 MB file is not read",
			setup: func(t *testing.T, dir string) []string {
				p := filepath.Join(dir, "huge.yaml")
				f, err := os.Create(p)
				if err != nil {
					t.Fatal(err)
				}
				// A sparse file: 50 MB long, written in no time.
				if err := f.Truncate(50 << 20); err != nil {
					t.Fatal(err)
				}
				f.Close()
				return []string{p, writeFile("ok.yaml", testmanifest.S3Import)(t, dir)[0]}
			},
			code:     exitUsage,
			out:      []string{"0 errors, 0 warnings in 1 file"},
			errOut:   []string{"huge.yaml: file too large: 52428800 bytes, over --max-bytes 1048576"},
			maxAlloc: 4 << 20,
		},
		{
			name:     "50 MB on standard input stops at the cap",
			setup:    func(*testing.T, string) []string { return []string{"-"} },
			stdin:    &lazyReader{b: 'a', n: 50 << 20},
			code:     exitUsage,
			errOut:   []string{"-: file too large: over --max-bytes 1048576"},
			maxAlloc: 64 << 20, // io.ReadAll grows its buffer up to the cap
		},
		{
			name: "a line of 10 MB is linted (with --max-bytes raised above the default)",
			setup: func(t *testing.T, dir string) []string {
				args := writeFile("longline.yaml", testmanifest.With("deviceId: ABCDE", "deviceId:"+strings.Repeat("g", 10_000_000)))(t, dir)
				return append([]string{"--max-bytes", "20000000"}, args...)
			},
			code:     exitOK,
			out:      []string{"longline.yaml:2:9: warning: [*] no space after the colon of `deviceId:`", "0 errors, 1 warning in 1 file"},
			maxAlloc: 400 << 20,
		},
		{
			name: "binary junk",
			setup: func(t *testing.T, dir string) []string {
				r := rand.New(rand.NewPCG(1, 2))
				junk := make([]byte, 64<<10)
				for i := range junk {
					junk[i] = byte(r.Uint32())
				}
				return writeFile("junk.yaml", string(junk))(t, dir)
			},
			code:     exitFindings,
			out:      []string{"junk.yaml:", "error MalformedManifestException", "not valid UTF-8"},
			maxAlloc: 4 << 20,
		},
		{
			name:  "invalid UTF-8",
			setup: writeFile("latin1.yaml", "manifestVersion: 2.0\ndeviceId: caf\xe9\n"),
			code:  exitFindings,
			out:   []string{"latin1.yaml:2:14: error MalformedManifestException", "is not valid UTF-8 text"},
		},
		{
			name:  "NUL byte",
			setup: textFormat(writeFile("nul.yaml", "manifestVersion: 2.0\ndeviceId: a\x00b\n")),
			code:  exitFindings,
			out:   []string{"error[MalformedManifestException]: ", " --> ", "nul.yaml:2:12", "control character U+0000", "    2 | deviceId: a\u2400b\n"},
		},
		{
			name:  "byte order mark",
			setup: writeFile("bom.yaml", "\ufeff"+testmanifest.S3Import),
			code:  exitOK,
			out:   []string{"0 errors, 0 warnings in 1 file"},
		},
		{
			name:  "CRLF line ends",
			setup: writeFile("crlf.yaml", crlf),
			code:  exitOK,
			out:   []string{"0 errors, 0 warnings in 1 file"},
		},
		{
			name:  "CRLF positions",
			setup: textFormat(writeFile("crlf.yaml", strings.ReplaceAll(testmanifest.With("postalCode: 98101", "postalCode: 9810"), "\n", "\r\n"))),
			code:  exitFindings,
			out:   []string{"error[InvalidAddressException]: ", "crlf.yaml:13:17 [address-postal-code]\n", "   13 |     postalCode: 9810\n"},
		},
		{
			name:  "empty file",
			setup: writeFile("empty.yaml", ""),
			code:  exitFindings,
			out:   []string{"empty.yaml:1:1: error MissingParameterException"},
		},
		{
			name: "a file that is a directory",
			setup: func(t *testing.T, dir string) []string {
				must0(t, os.Mkdir(filepath.Join(dir, "sub"), 0o755))
				must0(t, os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "dir.yaml")))
				return []string{filepath.Join(dir, "dir.yaml")}
			},
			code:   exitOK, // a directory named on the command line is walked, through a link too
			errOut: []string{"no manifest was linted"},
		},
		{
			name:   "missing file",
			setup:  func(t *testing.T, dir string) []string { return []string{filepath.Join(dir, "nope.yaml")} },
			code:   exitUsage,
			errOut: []string{"nope.yaml: no such file or directory"},
		},
		{
			name: "symlink loops in a directory argument",
			setup: func(t *testing.T, dir string) []string {
				d := filepath.Join(dir, "tree")
				must0(t, os.Mkdir(d, 0o755))
				must0(t, os.Symlink(".", filepath.Join(d, "loop")))
				must0(t, os.Symlink("..", filepath.Join(d, "up.yaml")))
				must0(t, os.Symlink("b.yaml", filepath.Join(d, "a.yaml")))
				must0(t, os.Symlink("a.yaml", filepath.Join(d, "b.yaml")))
				must0(t, os.WriteFile(filepath.Join(d, "ok.yaml"), []byte(testmanifest.S3Import), 0o644))
				return []string{d}
			},
			code: exitOK, // links to directories and broken links found by a walk are skipped with a note
			out:  []string{"0 errors, 0 warnings in 1 file"},
			errOut: []string{"a.yaml: a broken link (too many levels of symbolic links)", "b.yaml: a broken link (too many levels of symbolic links)",
				"up.yaml: a link to a directory", "loop: a link to a directory"},
		},
		{
			name: "10,000 files in one directory",
			setup: func(t *testing.T, dir string) []string {
				d := filepath.Join(dir, "many")
				must0(t, os.Mkdir(d, 0o755))
				for i := range 10000 {
					must0(t, os.WriteFile(filepath.Join(d, fmt.Sprintf("m%05d.yaml", i)), []byte(testmanifest.S3Import), 0o644))
				}
				return []string{d}
			},
			code:     exitOK,
			out:      []string{"0 errors, 0 warnings in 10000 files"},
			maxAlloc: 2 << 30,
		},
	}
	// Compile every kind's schema first, so that the allocation bounds
	// below measure the input, not which case happens to compile a schema.
	warm := t.TempDir()
	for i, src := range []string{testmanifest.S3Import, "manifestVersion: 2.0\nfileSystem: x\n", "manifestVersion: 3.0\noperations:\n  - destination: glacier\n",
		"manifestVersion: 3.0\noperations:\n  - destination: ebs-snapshot\n", "bucket: x\n"} {
		p := filepath.Join(warm, fmt.Sprintf("w%d.yaml", i))
		must0(t, os.WriteFile(p, []byte(src), 0o644))
		run([]string{p}, strings.NewReader(""), io.Discard, io.Discard)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			args := tt.setup(t, dir)
			stdin := tt.stdin
			if stdin == nil {
				stdin = strings.NewReader("")
			}
			var stdout, stderr bytes.Buffer
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			code := run(append([]string{"--color=never", "--format=concise"}, args...), stdin, &stdout, &stderr)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			out, errOut := stdout.String(), stderr.String()
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %.2000s\nstderr: %.2000s", code, tt.code, out, errOut)
			}
			for _, w := range tt.out {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%.3000s", w, out)
				}
			}
			for _, w := range tt.errOut {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%.3000s", w, errOut)
				}
			}
			if len(tt.errOut) == 0 && errOut != "" {
				t.Errorf("unexpected stderr: %.2000s", errOut)
			}
			for _, bad := range []string{"panic", "goroutine ", "runtime."} {
				if strings.Contains(out+errOut, bad) {
					t.Errorf("output holds %q: a crash, not a clean error", bad)
				}
			}
			if len(out) > 1<<20 {
				t.Errorf("stdout is %d bytes: the output should stay small whatever the input", len(out))
			}
			t.Logf("run took %v", elapsed)
			if elapsed > 10*time.Second {
				t.Errorf("took %v", elapsed)
			}
			limit := tt.maxAlloc
			if limit == 0 {
				limit = 4 << 20
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > limit {
				t.Errorf("allocated %d bytes, over the %d bound", alloc, limit)
			}
		})
	}
}

// writeFile returns a setup that writes one file.
// textFormat runs a case in the text format (the tests run concise
// otherwise), to check its snippet.
func textFormat(setup func(t *testing.T, dir string) []string) func(t *testing.T, dir string) []string {
	return func(t *testing.T, dir string) []string {
		return append([]string{"--format=text"}, setup(t, dir)...)
	}
}

func writeFile(name, content string) func(t *testing.T, dir string) []string {
	return func(t *testing.T, dir string) []string {
		p := filepath.Join(dir, name)
		must0(t, os.WriteFile(p, []byte(content), 0o644))
		return []string{p}
	}
}

func must0(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestRobustUnreadableFile checks a file the user may not read. chmod 000
// does not stop root, so as root the linter runs as user nobody instead.
func TestRobustUnreadableFile(t *testing.T) {
	dir := t.TempDir()
	must0(t, os.Chmod(dir, 0o755))
	p := filepath.Join(dir, "secret.yaml")
	must0(t, os.WriteFile(p, []byte(testmanifest.S3Import), 0o000))
	if os.Geteuid() != 0 {
		var stdout, stderr bytes.Buffer
		code := run([]string{p}, strings.NewReader(""), &stdout, &stderr)
		if code != exitUsage || !strings.Contains(stderr.String(), "secret.yaml: permission denied") {
			t.Errorf("exit %d, stderr %q; want exit 2 and permission denied", code, stderr.String())
		}
		return
	}
	// nobody must reach the file: make the test's temporary directories
	// searchable. The binary goes where nobody may run it.
	must0(t, os.Chmod(filepath.Dir(dir), 0o755))
	for d := filepath.Dir(filepath.Dir(dir)); d != "/"; d = filepath.Dir(d) {
		if st, err := os.Stat(d); err != nil || st.Mode().Perm()&0o001 == 0 {
			t.Skipf("running as root, and %s is not searchable by nobody: chmod 000 cannot be tested here", d)
		}
	}
	copyExe := testbin.ExecutableForAll(t)
	cmd := exec.Command(copyExe, p)
	cmd.Env = append(os.Environ(), robustExecEnv+"=1", "AWS_ACCESS_KEY_ID=", "GITHUB_ACTIONS=")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := cmd.ProcessState.ExitCode()
	if code != exitUsage || !strings.Contains(stderr.String(), "secret.yaml: permission denied") {
		t.Errorf("as nobody: exit %d (%v), stderr %q; want exit 2 and permission denied", code, err, stderr.String())
	}
	if strings.Contains(stderr.String(), "goroutine ") {
		t.Errorf("stack trace on stderr: %s", stderr.String())
	}
}

// TestNeverWritesInputs lints a directory of valid and faulty manifests,
// in every format, with --unsafe-fixes and with --diff (all but --fix), and
// checks that no file's content, mode or modification time changed.
func TestNeverWritesInputs(t *testing.T) {
	dir := t.TempDir()
	inputs := map[string]string{
		"ok.yaml":      testmanifest.S3Import,
		"faulty.yaml":  testmanifest.With("eraseDevice: yes", "eraseDevice: no"),
		"nospace.yaml": testmanifest.With("deviceId: ABCDE", "deviceId:ABCDE"),
		"empty.yml":    "",
		"bad.yaml":     "a: [",
	}
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for name, content := range inputs {
		p := filepath.Join(dir, name)
		must0(t, os.WriteFile(p, []byte(content), 0o644))
		must0(t, os.Chtimes(p, old, old))
	}
	for _, format := range formatNames() {
		var stdout, stderr bytes.Buffer
		run([]string{"--format", format, dir}, strings.NewReader(""), &stdout, &stderr)
		// --unsafe-fixes without --fix only marks; --diff writes nothing.
		run([]string{"--format", format, "--unsafe-fixes", dir}, strings.NewReader(""), &stdout, &stderr)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"--diff", "--unsafe-fixes", dir}, strings.NewReader(""), &stdout, &stderr); code != 1 || stdout.Len() == 0 {
		t.Errorf("--diff: exit %d, %d bytes of diff; want 1 and a diff (nospace.yaml has a fix)", code, stdout.Len())
	}
	for name, content := range inputs {
		p := filepath.Join(dir, name)
		st, err := os.Stat(p)
		must0(t, err)
		got, err := os.ReadFile(p)
		must0(t, err)
		if string(got) != content || !st.ModTime().Equal(old) || st.Mode().Perm() != 0o644 {
			t.Errorf("%s changed: content equal %v, mtime %v (was %v), mode %v", name, string(got) == content, st.ModTime(), old, st.Mode())
		}
	}
	entries, err := os.ReadDir(dir)
	must0(t, err)
	if len(entries) != len(inputs) {
		t.Errorf("the linter created files beside its inputs: %d entries, want %d", len(entries), len(inputs))
	}
}

// TestNoNetwork runs the linter under strace and fails on any socket call:
// the linter must never open the network. strace sees every system call of
// the process and its threads, so this is a direct check, not a proxy-based
// guess; where strace is missing or ptrace is not permitted the test is
// skipped with a note.
func TestNoNetwork(t *testing.T) {
	strace, exe := straceAndSelf(t)
	dir := t.TempDir()
	must0(t, os.WriteFile(filepath.Join(dir, "ok.yaml"), []byte(testmanifest.S3Import), 0o644))
	must0(t, os.WriteFile(filepath.Join(dir, "faulty.yaml"), []byte("bucket: x\n"), 0o644))
	trace := filepath.Join(dir, "trace.txt")
	for _, format := range formatNames() {
		cmd := exec.Command(strace, "-f", "-qq", "-e", "trace=%network", "-e", "signal=none", "-o", trace, exe, "--format", format, dir)
		cmd.Env = append(os.Environ(), robustExecEnv+"=1", "AWS_ACCESS_KEY_ID=", "GITHUB_ACTIONS=")
		out, err := cmd.CombinedOutput()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Skipf("strace cannot run: %v", err)
		}
		if bytes.Contains(out, []byte("PTRACE_TRACEME")) || bytes.Contains(out, []byte("Operation not permitted")) {
			t.Skipf("ptrace is not permitted here: %s", out)
		}
		calls, err := os.ReadFile(trace)
		must0(t, err)
		// Only lines naming a network call count: strace also writes
		// artifacts such as `123 ???( <detached ...>` when a thread exits in
		// the middle of a system call.
		if networkCall.Match(calls) {
			t.Errorf("--format %s made network system calls:\n%s", format, calls)
		}
	}
}

// networkCall matches a line of strace output that names a network system
// call (the %network class).
var networkCall = regexp.MustCompile(`(?m)\b(socket|socketpair|connect|bind|listen|accept4?|sendto|recvfrom|sendmsg|recvmsg|sendmmsg|recvmmsg|setsockopt|getsockopt|shutdown|getsockname|getpeername)\(`)

// TestNetworkCallPattern keeps TestNoNetwork able to fail: a real socket
// call matches, strace's artifacts do not.
func TestNetworkCallPattern(t *testing.T) {
	for line, want := range map[string]bool{
		"17560 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3":    true,
		"17561 connect(3, {sa_family=AF_INET, sin_port=htons(443)}, 16) = 0": true,
		"17560 ???( <detached ...>":                                          false,
		"":                                                                   false,
	} {
		if got := networkCall.MatchString(line); got != want {
			t.Errorf("%q: match %v, want %v", line, got, want)
		}
	}
}

// straceAndSelf returns strace's path and this test binary's, for the
// tests that watch the command's system calls. Without strace they skip,
// but under CI=true they fail: .ci/run installs it, and a skip there would
// leave "opens the network only under --online" unchecked.
func straceAndSelf(t *testing.T) (strace, exe string) {
	t.Helper()
	strace, err := exec.LookPath("strace")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("strace is not installed (.ci/run installs it): cannot watch the system calls")
		}
		t.Skip("strace is not installed: cannot watch the system calls")
	}
	exe, err = os.Executable()
	if err != nil {
		t.Fatalf("cannot find the test binary: %v", err)
	}
	return strace, exe
}
