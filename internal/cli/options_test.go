package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// warnManifest is valid but for one warning (no space after a colon).
var warnManifest = strings.Replace(validManifest, "deviceId: ABCDE", "deviceId:ABCDE", 1)

// errManifest has one error.
var errManifest = strings.Replace(validManifest, "eraseDevice: yes", "eraseDevice: no", 1)

func TestQuiet(t *testing.T) {
	dir := tree(t, map[string]string{"w.yaml": warnManifest, "e.yaml": errManifest, "ok.yaml": validManifest})
	code, out, errOut := runMain(t, dir, "", "--no-config", "--quiet", "w.yaml", "ok.yaml")
	if code != ExitOK || out != "" || errOut != "" {
		t.Errorf("--quiet on warnings: exit %d, stdout %q, stderr %q; want 0 and nothing", code, out, errOut)
	}
	code, out, _ = runMain(t, dir, "", "--no-config", "--quiet", "--no-snippet", "w.yaml", "e.yaml")
	if code != ExitFindings {
		t.Errorf("--quiet on an error: exit %d", code)
	}
	// The summary counts what is shown: no "0 warnings" for a warning it
	// hid, and no hint to fix what it did not show.
	wantIn(t, "stdout", out, "e.yaml:5:14: error", "\n1 error in 2 files\n")
	wantNotIn(t, "stdout", out, "warning", "note:", "fixable")
}

func TestMaxWarnings(t *testing.T) {
	dir := tree(t, map[string]string{"w.yaml": warnManifest})
	for _, tc := range []struct {
		n    string
		code int
	}{{"0", ExitFindings}, {"1", ExitOK}, {"5", ExitOK}} {
		code, _, errOut := runMain(t, dir, "", "--no-config", "--max-warnings", tc.n, "w.yaml")
		if code != tc.code {
			t.Errorf("--max-warnings %s: exit %d, want %d\n%s", tc.n, code, tc.code, errOut)
		}
		if tc.code == ExitFindings {
			wantIn(t, "stderr", errOut, "manifestlint: 1 warning, over --max-warnings 0")
		}
	}
	// Without the flag, warnings do not fail.
	if code, _, _ := runMain(t, dir, "", "--no-config", "w.yaml"); code != ExitOK {
		t.Errorf("no --max-warnings: exit %d", code)
	}
}

func TestOutputFiles(t *testing.T) {
	dir := tree(t, map[string]string{"e.yaml": errManifest})
	code, out, errOut := runMain(t, dir, "", "--no-config", "--no-snippet", "--output", "sarif=r.sarif", "-o", "json=r.json", "e.yaml")
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	wantIn(t, "stdout (text)", out, "e.yaml:5:14: error InvalidManifestFieldException", "1 error, 0 warnings in 1 file")
	sarif, err := os.ReadFile(filepath.Join(dir, "r.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(sarif, &doc); err != nil || doc.Version != "2.1.0" || len(doc.Runs) != 1 || len(doc.Runs[0].Results) != 1 {
		t.Errorf("r.sarif: %v %+v\n%s", err, doc, sarif)
	}
	js, _ := os.ReadFile(filepath.Join(dir, "r.json"))
	wantIn(t, "r.json", string(js), `"summary":{"files":1,"errors":1,"warnings":0}`)
	wantNotIn(t, "r.sarif", string(sarif), "\x1b[")

	// A bare FILE takes the --format output instead of standard output.
	code, out, _ = runMain(t, dir, "", "--no-config", "-f", "json", "--output", "only.json", "e.yaml")
	if code != ExitFindings || out != "" {
		t.Errorf("bare --output: exit %d, stdout %q", code, out)
	}
	js, _ = os.ReadFile(filepath.Join(dir, "only.json"))
	wantIn(t, "only.json", string(js), `"errors":1`)

	for _, bad := range []struct{ arg, msg string }{
		{"sairf=x", "unknown format `sairf`: use FORMAT=FILE with one of concise, github, json, junit, sarif, text, xml (did you mean sarif?)"},
		{"json=", "names no file"},
		{"json=no/such/dir/x.json", "no such file or directory"},
		{"json=-", "standard output is where --format writes"},
		{"-", "standard output is where --format writes"},
	} {
		code, _, errOut := runMain(t, dir, "", "--no-config", "--output", bad.arg, "e.yaml")
		if code != ExitUsage {
			t.Errorf("--output %s: exit %d", bad.arg, code)
		}
		wantIn(t, "--output "+bad.arg, errOut, bad.msg)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error(`--output json=- created a file named "-"`)
	}
}

func TestUsageHints(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := runMain(t, dir, "", "help")
	if code != ExitOK {
		t.Errorf("help: exit %d", code)
	}
	wantIn(t, "help", out, "Usage: manifestlint")
	code, out, _ = runMain(t, dir, "", "help", "rules")
	if code != ExitOK {
		t.Errorf("help rules: exit %d", code)
	}
	wantIn(t, "help rules", out, "Usage: manifestlint rules")
	for _, w := range []string{"lint", "check"} {
		code, out, errOut := runMain(t, dir, "", w, "m.yaml")
		if code != ExitUsage || out != "" {
			t.Errorf("%s: exit %d, stdout %q", w, code, out)
		}
		wantIn(t, w, errOut, "`"+w+"` is not a command: manifestlint checks the files it is given")
		wantNotIn(t, w, errOut, "no such file")
	}
	code, out, errOut := runMain(t, dir, "", "frobnicate")
	if code != ExitUsage || out != "" {
		t.Errorf("unknown word: exit %d, stdout %q (no summary)", code, out)
	}
	wantIn(t, "unknown word", errOut, "frobnicate: no such file or directory (nor is it a command: codes, completion, explain")
	_, _, errOut = runMain(t, dir, "", "--fromat", "json", "x.yaml")
	wantIn(t, "--fromat", errOut, "unknown flag: --fromat; did you mean --format?")
	_, _, errOut = runMain(t, dir, "", "-region", "us-east-1", "x.yaml")
	wantIn(t, "-region", errOut, "did you mean --region?")
	_, _, errOut = runMain(t, dir, "", "schema", "--job-knd", "s3-export")
	wantIn(t, "schema --job-knd", errOut, "manifestlint schema: unknown flag: --job-knd; did you mean --job-kind?")
	// Usage errors: standard error, exit 2, what is wrong first (never a
	// service exception's name), the value meant, and the other spelling
	// of the job's kind.
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--job-type", "s3-export"}, "manifestlint: unknown job type `s3-export`: use import or export (or --job-kind s3-export?) [InvalidParameterException]\n"},
		{[]string{"--job-type", "imprt"}, "manifestlint: unknown job type `imprt`: use import or export (did you mean import?) [InvalidParameterException]\n"},
		{[]string{"--job-kind", "Export"}, "manifestlint: unknown job kind `Export`: use s3-import, s3-export, ebs-import, glacier-import (or --job-type export?)\n"},
		{[]string{"--job-kind", "s3-exprt"}, "(did you mean s3-export?)"},
		{[]string{"--job-kind", "s3-export", "--job-type", "export"}, "--job-type and --job-kind both say what the job is: give one"},
		{[]string{"-f", "jsn"}, "manifestlint: unknown format `jsn`: use one of concise, github, json, junit, sarif, text, xml (did you mean json?)\n"},
		{[]string{"-o", "sairf=x.sarif"}, "(did you mean sarif?)"},
		{[]string{"--statistics", "-f", "json"}, "--statistics counts findings in the text formats"},
	} {
		code, out, errOut := runMain(t, dir, "", append(tt.args, "m.yaml")...)
		if code != ExitUsage || out != "" {
			t.Errorf("%q: exit %d, stdout %q; want 2 and nothing on standard output", tt.args, code, out)
		}
		wantIn(t, strings.Join(tt.args, " "), errOut, tt.want)
		if strings.HasPrefix(errOut, "manifestlint: Invalid") {
			t.Errorf("%q: starts with an exception's name: %s", tt.args, errOut)
		}
	}
	// -f takes any case, as --job-type does; --job-kind sets the kind.
	dir3 := tree(t, map[string]string{"e.yaml": errManifest})
	code, out, _ = runMain(t, dir3, "", "--no-config", "-f", "JSON", "--job-kind", "S3-Export", "e.yaml")
	if code != ExitFindings || !strings.Contains(out, `"jobKind":"s3-export"`) {
		t.Errorf("-f JSON --job-kind S3-Export: exit %d\n%s", code, out)
	}
	_, out, _ = runMain(t, dir3, "", "--no-config", "--output-format", "concise", "e.yaml")
	wantIn(t, "--output-format concise", out, "e.yaml:5:14: error InvalidManifestFieldException: ")
	_, out, _ = runMain(t, dir3, "", "--no-config", "--job-kind", "s3-export", "e.yaml")
	wantIn(t, "--job-kind", out, "note: checked as an S3 export manifest (from --job-kind s3-export)")
	// --exit-zero: the findings are reported, the status is 0; a usage
	// error is still 2.
	code, out, _ = runMain(t, dir3, "", "--no-config", "--exit-zero", "e.yaml")
	if code != ExitOK || !strings.Contains(out, "1 error") {
		t.Errorf("--exit-zero: exit %d\n%s", code, out)
	}
	if code, _, _ := runMain(t, dir3, "", "--exit-zero", "--job-type", "x", "e.yaml"); code != ExitUsage {
		t.Errorf("--exit-zero with a usage error: exit %d", code)
	}
	// A --region near miss is named.
	dir2 := tree(t, map[string]string{"ok.yaml": validManifest})
	code, _, errOut = runMain(t, dir2, "", "--no-config", "--region", "us-east1", "ok.yaml")
	if code != ExitUsage {
		t.Errorf("--region us-east1: exit %d", code)
	}
	wantIn(t, "--region us-east1", errOut, "did you mean us-east-1?")
}

func TestHelpBoolFlags(t *testing.T) {
	code, out, errOut := runMain(t, "", "", "--help")
	if code != ExitOK || errOut != "" {
		t.Errorf("--help: exit %d, stderr %q; want 0 and the help on standard output", code, errOut)
	}
	wantIn(t, "--help", out, "--no-snippet ", "--quiet", "--files-from FILE", "--max-warnings N")
	wantNotIn(t, "--help", out, "[=true|false]")
}

func TestStdinPipe(t *testing.T) {
	code, out, _ := runMain(t, "", errManifest, "--no-config", "--no-snippet")
	if code != ExitFindings {
		t.Errorf("piped manifest: exit %d", code)
	}
	wantIn(t, "stdout", out, "-:5:14: error")
	code, _, errOut := runMain(t, "", "", "--no-config")
	if code != ExitUsage {
		t.Errorf("empty stdin, no argument: exit %d", code)
	}
	wantIn(t, "stderr", errOut, "no input")
}

// TestContextSources: messages say where context came from: the signing
// key from the environment when asked, the job type from a jobTypes entry of the
// config file (not "--job-type", which was not given).
func TestContextSources(t *testing.T) {
	withKey := strings.Replace(validManifest, "deviceId: ABCDE", "accessKeyId: AKIAIOSFODNN7EXAMPLE\ndeviceId: ABCDE", 1)
	dir := tree(t, map[string]string{
		".manifestlint.yaml":  "jobTypes:\n  'imports/**': export\n",
		"imports/m.yaml":      withKey,
		"elsewhere/key.yaml":  withKey,
		"elsewhere/flag.yaml": withKey,
	})
	code, out, errOut := runMain(t, dir, "", "--no-snippet", "imports/m.yaml")
	if code != ExitFindings {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	wantIn(t, "jobTypes", out, "note: checked as an S3 export manifest (from jobTypes `imports/**` in .manifestlint.yaml)")
	wantNotIn(t, "jobTypes", out, "--job-type export")
	_, out, _ = runMain(t, dir, "", "--no-snippet", "--job-type", "export", "imports/m.yaml")
	wantIn(t, "--job-type", out, "(from --job-type export)")

	// $AWS_ACCESS_KEY_ID is read only when asked (spec §6).
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIAI44QH8DHBEXAMPLE")
	var b, e bytes.Buffer
	if code := Main([]string{"--no-snippet", "elsewhere/key.yaml"}, strings.NewReader(""), &b, &e); code != ExitOK {
		t.Errorf("unasked, the environment's key was compared: exit %d\n%s%s", code, b.String(), e.String())
	}
	b.Reset()
	e.Reset()
	Main([]string{"--no-snippet", "--verbose", "--access-key-id", "env", "elsewhere/key.yaml"}, strings.NewReader(""), &b, &e)
	wantIn(t, "--access-key-id env", b.String(), "accessKeyId `AKIAIOSFODNN7EXAMPLE` is not the signing key `AKIAI44QH8DHBEXAMPLE`")
}

// TestAccessKeyEnvOnlyWhenAsked: the config file's `accessKeyId: env`
// reads $AWS_ACCESS_KEY_ID; unset, the key is not compared and a note
// says so; a run without it never reads the variable.
func TestAccessKeyEnvOnlyWhenAsked(t *testing.T) {
	withKey := strings.Replace(validManifest, "manifestVersion: 2.0\n", "manifestVersion: 2.0\naccessKeyId: AKIAIOSFODNN7EXAMPLE\n", 1)
	dir := tree(t, map[string]string{
		"asks/.manifestlint.yaml": "accessKeyId: env\n",
		"asks/m.yaml":             withKey,
		"plain/m.yaml":            withKey,
	})
	// runMain clears $AWS_ACCESS_KEY_ID; these runs set it.
	run := func(sub, key string) (int, string, string) {
		t.Helper()
		t.Chdir(filepath.Join(dir, sub))
		t.Setenv("AWS_ACCESS_KEY_ID", key)
		t.Setenv("GITHUB_ACTIONS", "")
		var b, e bytes.Buffer
		code := Main([]string{"--color", "never", "--no-snippet", "m.yaml"}, strings.NewReader(""), &b, &e)
		return code, b.String(), e.String()
	}
	code, out, errOut := run("asks", "ASIAI44QH8DHBEXAMPLE")
	if code != ExitFindings {
		t.Errorf("accessKeyId: env: exit %d\n%s%s", code, out, errOut)
	}
	wantIn(t, "accessKeyId: env", out, "is not the signing key `ASIAI44QH8DHBEXAMPLE`")
	if code, out, errOut := run("plain", "ASIAI44QH8DHBEXAMPLE"); code != ExitOK {
		t.Errorf("not asked, the environment was read: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = run("asks", "")
	if code != ExitOK {
		t.Errorf("accessKeyId: env, unset: exit %d\n%s%s", code, out, errOut)
	}
	wantIn(t, "unset", errOut, "$AWS_ACCESS_KEY_ID (config file .manifestlint.yaml says env), which is not set: accessKeyId is not compared")
}

// TestVerboseServiceSentence: the default text format shows the headline
// without the service's sentence; --verbose adds it under the finding.
func TestVerboseServiceSentence(t *testing.T) {
	dir := tree(t, map[string]string{"e.yaml": errManifest})
	_, out, _ := runMain(t, dir, "", "--no-config", "--format", "text", "e.yaml")
	wantIn(t, "default", out, "error[InvalidManifestFieldException]: eraseDevice is `no`", "     --> e.yaml:5:14 [erase-device]\n")
	wantNotIn(t, "default", out, "Please correct and resubmit")
	_, out, _ = runMain(t, dir, "", "--no-config", "--format", "text", "--verbose", "e.yaml")
	wantIn(t, "--verbose", out, "      = service: One or more manifest fields was invalid. Please correct and resubmit.\n")
}

// TestConfigErrorsAtOnce: every problem of the config file is printed, one
// line each, and the run stops with status 2.
func TestConfigErrorsAtOnce(t *testing.T) {
	dir := tree(t, map[string]string{
		".manifestlint.yaml": "regoin: us-east-1\ndisable: [nope-rule]\nseverity:\n  address-po-box: loud\n",
		"m.yaml":             validManifest,
	})
	code, out, errOut := runMain(t, dir, "", "m.yaml")
	if code != ExitUsage || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	wantIn(t, "stderr", errOut, ".manifestlint.yaml:1:1: config error: unknown key `regoin`; did you mean `region`?\n",
		".manifestlint.yaml:2:11: config error: disable: `nope-rule`",
		".manifestlint.yaml:4:19: config error: severity.address-po-box is \"loud\"")
}

// TestQuietKeepsOutputFiles: --quiet shapes what is printed; a file written
// by --output FORMAT=FILE keeps the warnings, for the machines that read it.
func TestQuietKeepsOutputFiles(t *testing.T) {
	dir := tree(t, map[string]string{"w.yaml": warnManifest})
	code, out, _ := runMain(t, dir, "", "--no-config", "--quiet", "-f", "json", "-o", "sarif=r.sarif", "w.yaml")
	if code != ExitOK {
		t.Errorf("exit %d", code)
	}
	wantIn(t, "stdout json", out, `"findings":[]`)
	sarif, _ := os.ReadFile(filepath.Join(dir, "r.sarif"))
	wantIn(t, "r.sarif", string(sarif), `"ruleId": "no-space-after-colon"`)
}
