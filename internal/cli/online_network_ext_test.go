//go:build online

package cli_test

import (
	"bytes"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/manifestlint/manifestlint/internal/online/awsdouble"
	"github.com/manifestlint/manifestlint/internal/testmanifest"
)

// TestOnlineOpensOnlyNamedEndpoints runs `--online` under strace against
// the S3/STS double and fails on any connection to another address than
// the endpoint named (no instance metadata, no DNS, no AWS host). As
// TestNoNetwork, it is skipped only where strace cannot run.
func TestOnlineOpensOnlyNamedEndpoints(t *testing.T) {
	strace, exe := straceAndSelf(t)
	srv := awsdouble.New()
	defer srv.Close()
	srv.Buckets = map[string]awsdouble.Bucket{"my-import-bucket": {Status: 200, Region: "us-east-1"}}
	u, _ := url.Parse(srv.URL)
	dir := t.TempDir()
	must0(t, os.WriteFile(filepath.Join(dir, "ok.yaml"), []byte(testmanifest.S3Import), 0o644))
	trace := filepath.Join(dir, "trace.txt")
	for _, how := range [][]string{{"--online"}, {"--online", "--endpoint-url", srv.URL}} {
		args := append([]string{"-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-e", "signal=none", "-o", trace, exe, "--no-config"}, how...)
		cmd := exec.Command(strace, append(args, filepath.Join(dir, "ok.yaml"))...)
		endpoint := srv.URL
		if len(how) > 1 {
			endpoint = "" // the flag names it
		}
		cmd.Env = append(os.Environ(), robustExecEnv+"=1", "GITHUB_ACTIONS=", "HOME="+dir,
			"AWS_CONFIG_FILE="+filepath.Join(dir, "none"), "AWS_SHARED_CREDENTIALS_FILE="+filepath.Join(dir, "none"),
			"AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY=x", "AWS_SESSION_TOKEN=", "AWS_PROFILE=", "AWS_REGION=",
			"AWS_ENDPOINT_URL="+endpoint, "AWS_ENDPOINT_URL_S3=", "AWS_ENDPOINT_URL_STS=")
		out, err := cmd.CombinedOutput()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Skipf("strace cannot run: %v", err)
		}
		if bytes.Contains(out, []byte("PTRACE_TRACEME")) || bytes.Contains(out, []byte("Operation not permitted")) {
			t.Skipf("ptrace is not permitted here: %s", out)
		}
		if !bytes.Contains(out, []byte("2 checks run, 0 not run")) {
			t.Errorf("%v: the run did not check online:\n%s", how, out)
		}
		calls, err := os.ReadFile(trace)
		must0(t, err)
		addr := regexp.MustCompile(`(?m)^\d+\s+(connect|sendto|sendmsg)\(\d+, (\{sa_family=AF_INET6?, sin6?_port=htons\((\d+)\), [^}]*\}|\{sa_family=AF_UNIX[^}]*\}|NULL)`)
		seen := 0
		for _, m := range addr.FindAllSubmatch(calls, -1) {
			switch {
			case bytes.Contains(m[2], []byte("AF_UNIX")):
				t.Errorf("%v: a unix socket: %s", how, m[0])
			case bytes.Contains(m[2], []byte("AF_INET")):
				if string(m[3]) != u.Port() || !bytes.Contains(m[2], []byte(`"127.0.0.1"`)) {
					t.Errorf("%v: a connection to another address than %s: %s", how, u.Host, m[0])
				}
				seen++
			}
		}
		if seen == 0 {
			t.Errorf("%v: strace saw no connection to the endpoint; the test cannot fail:\n%s", how, calls)
		}
	}
}
