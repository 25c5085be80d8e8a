package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testbin"
	"github.com/manifestlint/manifestlint/internal/testmanifest"
)

// Package e2e's tests run the built binary as a user does (testbin.Binary:
// built once for the package, as the release script and the Dockerfile
// build it), from the repository's root.

func TestMain(m *testing.M) { testbin.Main(m) }

// runBinary runs the built binary with a clean environment.
func runBinary(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return testbin.Run(t, stdin, args...)
}

// TestEndToEnd runs the real binary as a user would: exit statuses, stdin,
// directories, and the text and JSON formats.
func TestEndToEnd(t *testing.T) {
	testbin.Binary(t) // once, before the subtests (skipped under -short)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "sub", "bad.yml")
	must(t, os.WriteFile(good, []byte(testmanifest.S3Import), 0o644))
	must(t, os.MkdirAll(filepath.Dir(bad), 0o755))
	must(t, os.WriteFile(bad, []byte(testmanifest.With("eraseDevice: yes", "eraseDevice: no")), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a manifest"), 0o644))

	tests := []struct {
		name     string
		stdin    string
		args     []string
		code     int
		stdout   []string // fragments
		stderr   []string
		noStdout bool
	}{
		{name: "clean file exits 0", args: []string{good}, code: 0, stdout: []string{"0 errors, 0 warnings in 1 file"}},
		{name: "faulty file exits 1 with code, position and caret", args: []string{bad}, code: 1,
			stdout: []string{"error[InvalidManifestFieldException]: eraseDevice is `no`", "     --> " + bad + ":5:14 [erase-device]\n",
				"    5 | eraseDevice: no", "      |              ^~", "1 error, 0 warnings in 1 file"}},
		{name: "no snippet", args: []string{"--no-snippet", bad}, code: 1, stdout: []string{"     --> " + bad + ":5:14 [erase-device]\n      = help: the service erases every imported device", "(copy what\n              you need to keep off the device first)\n\n" + bad + ": note: checked as an S3 import manifest"}},
		{name: "concise: one line per finding", args: []string{"--format", "concise", bad}, code: 1,
			stdout: []string{"bad.yml:5:14: error InvalidManifestFieldException: eraseDevice is `no`", "[erase-device]\n" + bad + ": note: checked"}},
		{name: "directory means every yaml below it, sorted", args: []string{dir}, code: 1,
			stdout: []string{"sub/bad.yml:5:14", "2 files"}},
		{name: "stdin with a name", stdin: testmanifest.S3Import, args: []string{"--stdin-filename", "from-stdin.yaml", "-"}, code: 0,
			stdout: []string{"in 1 file"}},
		{name: "stdin findings carry the given name", stdin: "eraseDevice: [", args: []string{"-", "--stdin-filename", "in.yaml"}, code: 1,
			stdout: []string{"in.yaml:1:", "MalformedManifestException"}},
		{name: "missing file is an I/O error", args: []string{filepath.Join(dir, "nope.yaml")}, code: 2,
			stderr: []string{"nope.yaml: no such file or directory"}},
		{name: "missing file fails the run even beside a clean one", args: []string{good, filepath.Join(dir, "nope.yaml")}, code: 2},
		{name: "bad job type is a usage error naming InvalidParameterException", args: []string{"--job-type", "imports", good}, code: 2,
			stderr: []string{"InvalidParameterException"}, noStdout: true},
		{name: "job type in any case", args: []string{"--job-type", "IMPORT", good}, code: 0},
		{name: "unknown flag", args: []string{"--frobnicate", good}, code: 2, stderr: []string{"unknown flag"}},
		{name: "unknown region", args: []string{"--region", "mars-1", good}, code: 2, stderr: []string{"us-east-1"}},
		{name: "no input", args: nil, code: 2, stderr: []string{"no input"}},
		{name: "a mistyped command is a missing file, with a hint", args: []string{"explian", "duplicate-key"}, code: 2,
			stderr: []string{"explian: no such file or directory (did you mean the command `manifestlint explain`?)"}},
		{name: "help goes to standard output", args: []string{"--help"}, code: 0, stdout: []string{"Usage: manifestlint"}},
		{name: "empty stdin is MissingParameterException", stdin: "", args: []string{"-"}, code: 1, stdout: []string{"MissingParameterException"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := runBinary(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errOut)
			}
			for _, f := range tc.stdout {
				if !strings.Contains(out, f) {
					t.Errorf("stdout lacks %q:\n%s", f, out)
				}
			}
			for _, f := range tc.stderr {
				if !strings.Contains(errOut, f) {
					t.Errorf("stderr lacks %q:\n%s", f, errOut)
				}
			}
			if tc.noStdout && out != "" {
				t.Errorf("stdout should be empty:\n%s", out)
			}
			if strings.Contains(out, "\x1b[") {
				t.Errorf("colour codes when not on a terminal:\n%q", out)
			}
		})
	}
}

// TestEndToEndJSON checks the JSON shape scripts rely on.
func TestEndToEndJSON(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	must(t, os.WriteFile(bad, []byte(testmanifest.With("    city: Seattle\n", "")), 0o644))
	out, _, code := runBinary(t, testmanifest.S3Import, "--format", "json", bad, "-")
	if code != 1 {
		t.Fatalf("exit status %d, want 1", code)
	}
	var got struct {
		Files []struct {
			File     string `json:"file"`
			JobKind  string `json:"jobKind"`
			Findings []struct {
				Code     string `json:"code"`
				Status   int    `json:"status"`
				Severity string `json:"severity"`
				Rule     string `json:"rule"`
				Path     string `json:"path"`
				Line     int    `json:"line"`
				Column   int    `json:"column"`
				EndLine  int    `json:"endLine"`
				EndCol   int    `json:"endColumn"`
				Message  string `json:"message"`
				// how to fix it, "" when the headline says it all
				Help string `json:"help"`
				// the service's sentence; message holds the headline
				ServiceMessage string `json:"serviceMessage"`
			} `json:"findings"`
			Notes []struct {
				ID      string   `json:"id"`
				Rules   []string `json:"rules"`
				Message string   `json:"message"`
			} `json:"notes"`
		} `json:"files"`
		Summary struct{ Files, Errors, Warnings int } `json:"summary"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("not the documented JSON shape: %v\n%s", err, out)
	}
	if len(got.Files) != 2 || got.Files[0].File != bad || got.Files[1].File != "-" {
		t.Fatalf("files in the wrong order or missing: %s", out)
	}
	if got.Files[0].JobKind != "s3-import" || len(got.Files[1].Findings) != 0 {
		t.Errorf("jobKind or clean findings wrong: %s", out)
	}
	f := got.Files[0].Findings
	if len(f) != 1 || f[0].Code != "MissingManifestFieldException" || f[0].Status != 400 || f[0].Severity != "error" ||
		f[0].Path != "returnAddress.city" || f[0].Line != 7 || f[0].Column != 1 || f[0].EndLine != 7 || f[0].EndCol != 14 || !strings.HasPrefix(f[0].Message, "returnAddress.city is missing") ||
		f[0].ServiceMessage != "One or more required fields were missing from the manifest file. Please correct and resubmit." {
		t.Errorf("finding not as documented: %+v", f)
	}
	// No region and no inventory: the checks that needed them are named.
	for _, file := range got.Files {
		if n := file.Notes; len(n) != 2 || n[0].ID != "region-unknown" || n[1].ID != "no-bucket-inventory" ||
			!strings.Contains(n[0].Message, "customs") || len(n[1].Rules) == 0 {
			t.Errorf("%s: notes %+v", file.File, n)
		}
	}
	if got.Summary.Files != 2 || got.Summary.Errors != 1 || got.Summary.Warnings != 0 {
		t.Errorf("summary %+v", got.Summary)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
