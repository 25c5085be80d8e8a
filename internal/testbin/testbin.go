// Package testbin is the support of the tests that run manifestlint as a
// user does, from outside its packages (integrationtest/...): the
// repository's root, the environment a test starts from, and the binary,
// built once per test package.
package testbin

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	rootOnce sync.Once
	root     string

	binOnce sync.Once
	binPath string
	binErr  error

	// pkg is the test package's folder from the root ("./integrationtest/e2e").
	pkg = "./..."
)

// Root returns the repository's root: the nearest folder above the working
// directory that holds go.mod. It panics when there is none, which only a
// test run outside the module can see.
func Root() string {
	rootOnce.Do(func() {
		dir, err := os.Getwd()
		if err != nil {
			panic(err)
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				root = dir
				return
			}
			up := filepath.Dir(dir)
			if up == dir {
				panic("testbin: no go.mod above the working directory")
			}
			dir = up
		}
	})
	return root
}

// Main runs a test package from the repository's root, so that its tests
// name files as a user at the root does (testdata/..., docs/...), and
// removes the binary Binary built. Call it from TestMain.
func Main(m *testing.M) {
	Root()
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(root, wd); err == nil {
			pkg = "./" + filepath.ToSlash(rel)
		}
	}
	if err := os.Chdir(root); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// CleanEnv keeps the caller's environment from changing what a test sees
// (COLUMNS: help and tables are 80 columns wide off a terminal).
func CleanEnv(t testing.TB) {
	t.Helper()
	for _, k := range []string{"AWS_ACCESS_KEY_ID", "GITHUB_ACTIONS", "NO_COLOR", "COLUMNS"} {
		t.Setenv(k, "")
	}
}

// ReuseEnv names a binary Binary copies instead of building one: a test
// that re-runs its package's tests in a child process (to watch what they
// leave behind) hands its binary down, and saves the child the build.
const ReuseEnv = "MANIFESTLINT_TESTBIN_REUSE"

// Binary builds manifestlint once per test package, as the release script
// and the Dockerfile build it (static: CGO_ENABLED=0, -trimpath, -s -w), and
// returns its path; Main removes it. Under -short the test is skipped: the
// build takes seconds.
func Binary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: needs the built binary (go build, several seconds); run it with go test " + pkg + " -run '^" + strings.Split(t.Name(), "/")[0] + "$'")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "manifestlint-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "manifestlint")
		if from := os.Getenv(ReuseEnv); from != "" {
			binErr = copyFile(from, binPath)
			return
		}
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w", "-o", binPath, ".")
		cmd.Dir = Root()
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("%v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatalf("building the binary: %v", binErr)
	}
	return binPath
}

// ExecutableForAll copies the running test binary into a folder of its
// own in the system's temporary folder, where any user may run it (the
// build folder is its owner's alone), and returns the copy's path; the
// folder goes when the test ends. Tests re-execute it as another user.
func ExecutableForAll(t testing.TB) string {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "manifestlint-exe")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, filepath.Base(exe))
	if err := copyFile(exe, p); err != nil {
		t.Fatal(err)
	}
	return p
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o755)
}

// Run runs the built binary with stdin and args in an environment of
// PATH and HOME alone, and returns what it wrote and its exit status. A
// panic or a stack trace on standard error fails the test.
func Run(t testing.TB, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(Binary(t), args...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	if strings.Contains(e.String(), "goroutine ") || strings.Contains(e.String(), "panic:") {
		t.Fatalf("the binary crashed:\n%s", e.String())
	}
	return o.String(), e.String(), code
}
