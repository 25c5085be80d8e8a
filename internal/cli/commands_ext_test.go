package cli_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func runCmd(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = run(args, strings.NewReader(""), &out, &errOut)
	return status, out.String(), errOut.String()
}

func TestCommands(t *testing.T) {
	tests := []struct {
		args       []string
		status     int
		stdout     []string // substrings of stdout
		stderr     []string // substrings of stderr
		noStdout   bool
		jsonStdout bool
	}{
		{args: []string{"explain", "MissingManifestFieldException"}, stdout: []string{"HTTP status:     400", "What causes it", "required-field", "Fixed:"}},
		{args: []string{"explain", "missingmanifestfield", "duplicate-key"}, stdout: []string{"MissingManifestFieldException", "duplicate-key (error)"}},
		{args: []string{"explain", "OptInRequired"}, stdout: []string{"403", "No: needs the account"}},
		{args: []string{"explain", "Pending"}, stdout: []string{"Job progress code"}},
		{args: []string{"explain", "InvalidAdress"}, status: exitUsage, stderr: []string{`unknown code or rule "InvalidAdress"`, "did you mean InvalidAddressException"}, noStdout: true},
		{args: []string{"explain"}, status: exitUsage, stderr: []string{"name a code or a rule"}},
		{args: []string{"explain", "--help"}, stdout: []string{"Usage: manifestlint explain"}},
		{args: []string{"codes"}, stdout: []string{"CODE", "OptInRequired", "UnsupportedPowerSupply", "NotReceived", "Ignored"}},
		{args: []string{"codes", "--format", "json"}, jsonStdout: true, stdout: []string{`"errorCodes"`, `"logStatusCodes"`}},
		{args: []string{"codes", "-f", "yaml"}, status: exitUsage, stderr: []string{`unknown --format "yaml"`}},
		{args: []string{"codes", "--bogus"}, status: exitUsage, stderr: []string{"manifestlint codes: unknown flag: --bogus"}, noStdout: true},
		{args: []string{"codes", "Pending"}, status: exitUsage, stderr: []string{"manifestlint explain Pending"}},
		{args: []string{"schema"}, jsonStdout: true, stdout: []string{`"bucket"`, `"eraseDevice"`}},
		{args: []string{"schema", "--job-kind", "s3-export"}, jsonStdout: true, stdout: []string{`"fileSystem"`}},
		{args: []string{"schema", "--job-kind", "Glacier-Import"}, jsonStdout: true, stdout: []string{`"vaultName"`}},
		{args: []string{"schema", "--config"}, jsonStdout: true, stdout: []string{`"$schema"`}},
		{args: []string{"schema", "--config", "--job-kind", "s3-export"}, status: exitUsage, stderr: []string{"cannot be used together"}},
		{args: []string{"schema", "--job-kind", "tape"}, status: exitUsage, stderr: []string{"unknown job kind `tape`", "ebs-import"}},
		{args: []string{"schema", "--job-kind", "export"}, status: exitUsage, stderr: []string{"unknown job kind `export`", "did you mean s3-export?"}},
		{args: []string{"version"}, stdout: []string{"manifestlint ", "commit: ", "go: " + runtime.Version()}},
		{args: []string{"--version"}, stdout: []string{"manifestlint ", "go: " + runtime.Version()}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			status, out, errOut := runCmd(t, tt.args...)
			if status != tt.status {
				t.Errorf("status %d, want %d; stderr %s", status, tt.status, errOut)
			}
			for _, w := range tt.stdout {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			if tt.noStdout && out != "" {
				t.Errorf("stdout should be empty: %s", out)
			}
			if tt.jsonStdout && !json.Valid([]byte(out)) {
				t.Errorf("stdout is not JSON:\n%s", out)
			}
		})
	}
}

// TestFormatFlag runs each CI format on a real manifest through the command
// line.
func TestFormatFlag(t *testing.T) {
	atRoot(t)
	broken := filepath.Join("testdata", "sample", "broken.manifest.yaml")
	for _, tt := range []struct {
		format string
		check  func(string) bool
	}{
		{"sarif", func(s string) bool { return json.Valid([]byte(s)) && strings.Contains(s, `"version": "2.1.0"`) }},
		{"github", func(s string) bool {
			return strings.HasPrefix(s, "::error file=testdata/sample/broken.manifest.yaml,line=")
		}},
		{"junit", func(s string) bool {
			return xml.Unmarshal([]byte(s), new(any)) == nil && strings.Contains(s, "<testsuites")
		}},
		{"xml", func(s string) bool {
			return xml.Unmarshal([]byte(s), new(any)) == nil && strings.Contains(s, `<ErrorResponse xmlns="http://importexport.amazonaws.com/">`)
		}},
	} {
		status, out, errOut := runCmd(t, "--format", tt.format, broken)
		if status != exitFindings {
			t.Errorf("--format %s: status %d, want %d; stderr %s", tt.format, status, exitFindings, errOut)
		}
		if !tt.check(out) {
			t.Errorf("--format %s: unexpected output:\n%s", tt.format, out)
		}
	}
}

// TestGitHubActionsDefault: under GITHUB_ACTIONS=true the default format is
// github; an explicit --format wins.
func TestGitHubActionsDefault(t *testing.T) {
	atRoot(t)
	t.Setenv("GITHUB_ACTIONS", "true")
	broken := filepath.Join("testdata", "sample", "broken.manifest.yaml")
	_, out, _ := runCmd(t, broken)
	if !strings.HasPrefix(out, "::error ") {
		t.Errorf("GITHUB_ACTIONS=true without --format: want workflow commands, got:\n%s", out)
	}
	_, out, _ = runCmd(t, "--format", "text", broken)
	if strings.HasPrefix(out, "::") {
		t.Errorf("--format text must win over GITHUB_ACTIONS:\n%s", out)
	}
	t.Setenv("GITHUB_ACTIONS", "false")
	if _, out, _ = runCmd(t, broken); strings.HasPrefix(out, "::") {
		t.Errorf("GITHUB_ACTIONS=false chose github:\n%s", out)
	}
}
