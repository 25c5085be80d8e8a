package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testbin"
	"github.com/manifestlint/manifestlint/internal/testmanifest"
)

// TestConfigEndToEnd builds the binary and runs it in a repository whose
// .manifestlint.yaml sits two levels above the current directory.
func TestConfigEndToEnd(t *testing.T) {
	tmp := t.TempDir()
	bin := testbin.Binary(t)
	write := func(rel, text string) {
		p := filepath.Join(tmp, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	poBox := testmanifest.With("street1: 742 Oak Street", "street1: PO Box 123")
	noSpace := testmanifest.With("manifestVersion: 2.0", "manifestVersion:2.0")

	// An invalid config above the repository root: never read.
	write(".manifestlint.yaml", "this is: [not valid\n")
	if err := os.MkdirAll(filepath.Join(tmp, "repo", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("repo/.manifestlint.yaml", `# the project's configuration
region: eu-west-1
disable: [no-space-after-colon]
severity:
  unused-suppression: error
jobTypes:
  jobs/exports/**: export
exclude:
  - jobs/east/draft.yaml
`)
	write("repo/jobs/east/nospace.yaml", noSpace)
	write("repo/jobs/east/draft.yaml", "manifestVersion: 2.0\nbucket: a\nbucket: b\n")
	write("repo/jobs/east/suppressed.yaml", "# manifestlint-ignore-file: customs-required, address-eu-region -- returned to the Dublin office\n"+
		strings.Replace(poBox, "street1: PO Box 123", "street1: PO Box 123  # manifestlint-ignore: InvalidAddressException -- agreed with support", 1))
	write("repo/jobs/exports/x.yaml", "manifestVersion: 2.0\n")
	cwd := filepath.Join(tmp, "repo", "jobs", "east")

	type result struct {
		code           int
		stdout, stderr string
	}
	run := func(args ...string) result {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Dir = cwd
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "GITHUB_ACTIONS=", "AWS_ACCESS_KEY_ID=")
		var so, se bytes.Buffer
		cmd.Stdout, cmd.Stderr = &so, &se
		err := cmd.Run()
		var ee *exec.ExitError
		code := 0
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return result{code, so.String(), se.String()}
	}
	check := func(name string, r result, code int, in, notIn []string) {
		t.Helper()
		if r.code != code {
			t.Errorf("%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", name, r.code, code, r.stdout, r.stderr)
		}
		all := r.stdout + r.stderr
		for _, s := range in {
			if !strings.Contains(all, s) {
				t.Errorf("%s: output lacks %q\nstdout:\n%s\nstderr:\n%s", name, s, r.stdout, r.stderr)
			}
		}
		for _, s := range notIn {
			if strings.Contains(all, s) {
				t.Errorf("%s: output holds %q\nstdout:\n%s\nstderr:\n%s", name, s, r.stdout, r.stderr)
			}
		}
	}

	// The config two levels up: region eu-west-1 from the file makes the US
	// address an error naming the file, and customs required; disable drops
	// no-space-after-colon; the suppressed file is clean (a file and an
	// end-of-line suppression); the excluded draft is not read.
	r := run("--format=concise", ".")
	check("config found", r, 1, []string{
		"nospace.yaml:1:1: error MissingCustomsException:",
		"nospace.yaml:15:14: error InvalidAddressException:",
		"[address-eu-region]",
		"2 errors, 0 warnings in 2 files",
		// the region is known; the bucket inventory is not
		"suppressed.yaml: note: no bucket inventory (buckets in .manifestlint.yaml): bucket checks not run",
	}, []string{"draft.yaml", "no-space-after-colon", "suppressed.yaml:1", "suppressed.yaml: note: checked", "region unknown"})

	// The help (default format) names the file the region came from.
	check("config named", run("."), 1, []string{"(from config file ../../.manifestlint.yaml)"}, nil)

	// A directory walk skips the configuration file itself.
	check("walk skips the config file", run("--format=concise", "../.."), 1,
		[]string{"in 3 files"}, []string{".manifestlint.yaml:", "draft.yaml"})

	// --region wins over the file: the US address is fine in us-east-1, and
	// the file suppressions become stale, errors by the file's severity key.
	check("--region wins", run("--region", "us-east-1", "--format=concise", "."), 1, []string{
		"suppressed.yaml:1:29: error: [*] the suppression of `customs-required` silences nothing",
		"suppressed.yaml:1:47: error: [*] the suppression of `address-eu-region` silences nothing",
		"2 errors, 0 warnings in 2 files",
	}, []string{"nospace.yaml:1", "nospace.yaml: note: checked"})

	// An excluded file is skipped even when named.
	check("excluded when named", run("draft.yaml"), 0, []string{"no manifest was linted: 1 file excluded by .manifestlint.yaml"}, []string{"0 errors"})

	// --no-config: the draft is read, the warning is back, no region.
	// With no region, the file suppression is unused (a warning: the
	// file's severity key is not read either).
	check("--no-config", run("--no-config", "--format=concise", "."), 1, []string{
		"draft.yaml:3:1: error MalformedManifestException:",
		"nospace.yaml:1:16: warning: [*] no space after the colon",
		"suppressed.yaml:1:29: warning: [*] the suppression of `customs-required` silences nothing",
		"suppressed.yaml:1:47: warning: [*] the suppression of `address-eu-region` silences nothing",
		"1 error, 3 warnings in 3 files",
	}, []string{"InvalidAddressException"})

	// --ignore, repeatable and comma-separated, on top of the file.
	check("--ignore", run("--ignore", "address-eu-region,MalformedManifestException", "--ignore", "MissingCustomsException", "--format=concise", "."), 0,
		[]string{"0 errors, 0 warnings in 2 files"}, nil)
	check("--ignore unknown", run("--ignore", "adress-eu-region", "."), 2,
		[]string{"manifestlint: --ignore: `adress-eu-region` is neither a rule id nor a service error code; did you mean `address-eu-region`?"}, nil)

	// severity unused-suppression: error makes a stale suppression fail the run.
	write("repo/jobs/east/stale.yaml", "# manifestlint-ignore-file: address-po-box -- old\n"+testmanifest.S3Import)
	check("stale suppression", run("--region", "us-east-1", "--format=concise", "stale.yaml"), 1,
		[]string{"stale.yaml:1:29: error: [*] the suppression of `address-po-box` silences nothing", "[unused-suppression]"}, nil)

	// jobTypes: the manifest under jobs/exports is an export.
	r = run("--format", "json", "../exports/x.yaml")
	var out struct {
		Files []struct{ JobKind string } `json:"files"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || len(out.Files) != 1 || out.Files[0].JobKind != "s3-export" {
		t.Errorf("jobTypes: %v, %+v\n%s%s", err, out, r.stdout, r.stderr)
	}
	// --job-type wins over jobTypes.
	r = run("--format", "json", "--job-type", "import", "../exports/x.yaml")
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || len(out.Files) != 1 || out.Files[0].JobKind != "s3-import" {
		t.Errorf("--job-type over jobTypes: %v, %+v", err, out)
	}

	// buckets: the inventory in a --config file makes an unlisted bucket
	// NoSuchBucketException; an end-of-line suppression silences it.
	write("repo/inventory.yaml", "buckets:\n  my-import-bucket: us-east-1\n")
	write("repo/jobs/east/other.yaml", testmanifest.With("bucket: my-import-bucket", "bucket: other-bucket"))
	check("buckets", run("--config", "../../inventory.yaml", "--format=concise", "other.yaml", "nospace.yaml"), 1, []string{
		"other.yaml:3:9: error NoSuchBucketException:", "[bucket-exists]",
		"nospace.yaml:1:16: warning: [*] no space after the colon", "1 error, 1 warning in 2 files",
	}, nil)
	write("repo/jobs/east/other.yaml", testmanifest.With("bucket: my-import-bucket",
		"bucket: other-bucket # manifestlint-ignore: bucket-exists -- created when the job ships"))
	check("buckets suppressed", run("--config", "../../inventory.yaml", "other.yaml"), 0,
		[]string{"0 errors, 0 warnings in 1 file"}, nil)

	// An invalid config file: exit 2 with FILE:LINE:COL.
	write("repo/bad.yaml", "region: eu-west-1\nseverity:\n  address-po-box: fatal\n")
	check("--config invalid", run("--config", "../../bad.yaml", "."), 2,
		[]string{"../../bad.yaml:3:19: config error: severity.address-po-box is \"fatal\"; use error, warning or off"}, nil)
	check("--config missing", run("--config", "nope.yaml", "."), 2,
		[]string{"manifestlint: nope.yaml: no such file or directory"}, nil)
	check("--config with --no-config", run("--config", "../../bad.yaml", "--no-config", "."), 2,
		[]string{"cannot be used together"}, nil)

	// The config above .git is never read: without the repository's own
	// file, the run goes on with no configuration.
	if err := os.Remove(filepath.Join(tmp, "repo", ".manifestlint.yaml")); err != nil {
		t.Fatal(err)
	}
	check("stop at .git", run("--format=concise", "nospace.yaml"), 0,
		[]string{"0 errors, 1 warning in 1 file"}, []string{"config error"})

	// schema --config prints the embedded JSON Schema.
	r = run("schema", "--config")
	var schema map[string]any
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &schema) != nil || schema["$schema"] == nil {
		t.Errorf("schema --config: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
