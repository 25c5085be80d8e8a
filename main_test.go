package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// asMainEnv makes the test binary run main() itself: TestMainWiring
// re-executes it so that os.Exit, the process's arguments and its standard
// streams are main.go's own. The command's behaviour is tested where it
// lives (internal/cli, integrationtest/...).
const asMainEnv = "MANIFESTLINT_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asMainEnv) == "1" {
		main()
	}
	os.Exit(m.Run())
}

// TestMainWiring checks what main.go does: it passes the arguments and
// standard input to the command, its output to standard output and
// error, and exits with the command's status.
func TestMainWiring(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{name: "version on standard output, status 0", args: []string{"--version"}, stdout: "manifestlint "},
		{name: "findings on standard output, status 1", stdin: "bucket: [\n", args: []string{"--no-config", "--format", "concise", "-"},
			code: 1, stdout: "MalformedManifestException"},
		{name: "usage error on standard error, status 2", args: []string{"--frobnicate"}, code: 2, stderr: "unknown flag"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(exe, tc.args...)
			cmd.Env = append(os.Environ(), asMainEnv+"=1", "NO_COLOR=1", "GITHUB_ACTIONS=")
			cmd.Stdin = strings.NewReader(tc.stdin)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			code := 0
			var ee *exec.ExitError
			if err := cmd.Run(); errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.code || !strings.Contains(stdout.String(), tc.stdout) || !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("exit %d, want %d\nstdout (want %q):\n%s\nstderr (want %q):\n%s", code, tc.code, tc.stdout, stdout.String(), tc.stderr, stderr.String())
			}
		})
	}
}

// TestStackStartFirst checks that internal/stackstart grows the stack
// before the initializers that recurse deeply run: the runtime's init trace
// of the command lists it before gojsonschema and yaml.v3.
func TestStackStartFirst(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "--version")
	cmd.Env = append(os.Environ(), asMainEnv+"=1", "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("--version: %v\n%s", err, stderr.String())
	}
	at := map[string]int{}
	for i, line := range strings.Split(stderr.String(), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			at[f[1]] = i + 1
		}
	}
	first, ok := at["github.com/manifestlint/manifestlint/internal/stackstart"]
	if !ok {
		t.Fatalf("the init trace does not list internal/stackstart:\n%s", stderr.String())
	}
	for _, pkg := range []string{"github.com/xeipuuv/gojsonschema", "go.yaml.in/yaml/v3"} {
		if n, ok := at[pkg]; !ok || n < first {
			t.Errorf("%s is initialized at line %d of the init trace, internal/stackstart at line %d: want it after", pkg, n, first)
		}
	}
}
