//go:build online

package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/online/awsdouble"
	"github.com/manifestlint/manifestlint/internal/testmanifest"
)

// Test credentials: the key IDs are AWS's documented examples; the secret
// and the session token are distinctive, for the leak test.
const (
	onlineKey    = "AKIAJ7Q2ZK4XW5LRT3NB"
	onlineSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY"
	onlineToken  = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKENxyz"
)

// onlineEnvFor isolates the SDK (empty HOME and config files, no profile,
// no region), points it at the double and, unless creds is false, gives it
// long-term credentials in the environment. It returns the temporary HOME.
func onlineEnvFor(t *testing.T, srv *awsdouble.Server, creds bool) string {
	t.Helper()
	home := t.TempDir()
	for k, v := range map[string]string{
		"HOME": home, "AWS_CONFIG_FILE": filepath.Join(home, "config"), "AWS_SHARED_CREDENTIALS_FILE": filepath.Join(home, "credentials"),
		"AWS_PROFILE": "", "AWS_DEFAULT_PROFILE": "", "AWS_REGION": "", "AWS_DEFAULT_REGION": "",
		"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "",
		"AWS_ENDPOINT_URL": srv.URL, "AWS_ENDPOINT_URL_S3": "", "AWS_ENDPOINT_URL_STS": "",
		"AWS_WEB_IDENTITY_TOKEN_FILE": "", "AWS_ROLE_ARN": "", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "",
		onlineEnv: "", "GITHUB_ACTIONS": "", "NO_COLOR": "",
	} {
		t.Setenv(k, v)
	}
	if creds {
		t.Setenv("AWS_ACCESS_KEY_ID", onlineKey)
		t.Setenv("AWS_SECRET_ACCESS_KEY", onlineSecret)
	}
	return home
}

// runOnline runs the command in dir (no config file) with the environment
// as set.
func runOnline(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code = Main(append([]string{"--color", "never", "--no-config"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// jsonFindings are the findings of a --format json run.
type jsonFindings struct {
	Files []struct {
		File     string `json:"file"`
		Findings []struct {
			Code     string `json:"code"`
			Path     string `json:"path"`
			Line     int    `json:"line"`
			Message  string `json:"message"`
			Evidence string `json:"evidence"`
		} `json:"findings"`
		Notes []struct {
			ID      string `json:"id"`
			Message string `json:"message"`
		} `json:"notes"`
	} `json:"files"`
}

func decode(t *testing.T, out string) jsonFindings {
	t.Helper()
	var j jsonFindings
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return j
}

var evidenceRE = regexp.MustCompile(`^HeadBucket: 404 at 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)

func TestOnlineNoSuchBucket(t *testing.T) {
	srv := awsdouble.New()
	defer srv.Close()
	srv.Buckets = map[string]awsdouble.Bucket{"my-logs": {Status: 200, Region: "us-east-1"}}
	onlineEnvFor(t, srv, true)
	dir := tree(t, map[string]string{"m.yaml": testmanifest.With("prefix:", "logBucket: my-logs\nprefix:")})
	code, out, errOut := runOnline(t, dir, "--online", "--format", "json", "m.yaml")
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s\n%s", code, out, errOut)
	}
	j := decode(t, out)
	fs := j.Files[0].Findings
	if len(fs) != 1 || fs[0].Code != "NoSuchBucketException" || fs[0].Path != "bucket" || fs[0].Line != 3 || !evidenceRE.MatchString(fs[0].Evidence) {
		t.Errorf("findings %+v", fs)
	}
	if !strings.Contains(errOut, "manifestlint: online: 3 checks run, 0 not run") {
		t.Errorf("no count of online checks:\n%s", errOut)
	}
	// Text shows the evidence with --verbose, SARIF in the result's
	// properties.
	_, out, _ = runOnline(t, dir, "--online", "--verbose", "m.yaml")
	if !regexp.MustCompile(`(?m)^ += evidence: HeadBucket: 404 at 20`).MatchString(out) {
		t.Errorf("text --verbose has no evidence line:\n%s", out)
	}
	_, out, _ = runOnline(t, dir, "--online", "--format", "sarif", "m.yaml")
	if !strings.Contains(out, `"evidence": "HeadBucket: 404 at 20`) {
		t.Errorf("SARIF has no evidence:\n%s", out)
	}
	// Without --online, the same run asks nothing and says bucket checks
	// did not run.
	before := srv.Total()
	code, out, _ = runOnline(t, dir, "--format", "json", "m.yaml")
	if code != ExitOK || srv.Total() != before || !strings.Contains(out, "no-bucket-inventory") {
		t.Errorf("offline: exit %d, %d requests\n%s", code, srv.Total()-before, out)
	}
}

func TestOnlineMultipleRegions(t *testing.T) {
	srv := awsdouble.New()
	defer srv.Close()
	srv.Buckets = map[string]awsdouble.Bucket{
		"my-import-bucket": {Status: 200, Region: "us-east-1"},
		"my-logs-eu":       {Status: 301, Region: "eu-west-1"},
		"my-logs":          {Status: 403, Region: "us-east-1"},
	}
	onlineEnvFor(t, srv, true)
	dir := tree(t, map[string]string{
		"eu.yaml": testmanifest.With("prefix:", "logBucket: my-logs-eu\nprefix:"),
		"us.yaml": testmanifest.With("prefix:", "logBucket: my-logs\nprefix:"),
	})
	code, out, errOut := runOnline(t, dir, "--online", "--format", "json", "eu.yaml", "us.yaml")
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	j := decode(t, out)
	if fs := j.Files[0].Findings; len(fs) != 1 || fs[0].Code != "MultipleRegionsException" || fs[0].Path != "logBucket" ||
		!strings.Contains(fs[0].Message, "eu-west-1") || !strings.Contains(fs[0].Evidence, "HeadBucket: 301, x-amz-bucket-region eu-west-1") {
		t.Errorf("eu.yaml: %+v", fs)
	}
	// A 403 that names the region proves the bucket and its region: no
	// finding, and no "not run".
	if fs := j.Files[1].Findings; len(fs) != 0 {
		t.Errorf("us.yaml: %+v", fs)
	}
	// The bucket both manifests name was asked once.
	if n := srv.Requests("HeadBucket my-import-bucket"); n != 1 {
		t.Errorf("HeadBucket my-import-bucket asked %d times, want 1", n)
	}
	// --region wins as the job region: both us-east-1 buckets are in
	// another region than us-west-1.
	_, out, _ = runOnline(t, dir, "--online", "--format", "json", "--region", "us-west-1", "us.yaml")
	if fs := decode(t, out).Files[0].Findings; len(fs) != 2 || fs[0].Code != "MultipleRegionsException" || fs[1].Code != "MultipleRegionsException" {
		t.Errorf("--region us-west-1: %+v", fs)
	}
}

// TestOnlineNotRun: no credentials, a dead endpoint, a timeout: one note,
// the offline exit status, and --online=strict exits 2.
func TestOnlineNotRun(t *testing.T) {
	srv := awsdouble.New()
	defer srv.Close()
	srv.Buckets = map[string]awsdouble.Bucket{"my-import-bucket": {Status: 200, Region: "us-east-1", Hostile: "slow"}}
	srv.STSHostile = "slow"
	dir := tree(t, map[string]string{"ok.yaml": validManifest, "bad.yaml": testmanifest.With("eraseDevice: yes", "eraseDevice: no")})
	for _, tc := range []struct {
		name  string
		creds bool
		args  []string
		why   string
	}{
		{"no credentials", false, nil, "no AWS credentials"},
		{"timeout", true, []string{"--online-timeout", "1500ms"}, "timed out"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			onlineEnvFor(t, srv, tc.creds)
			for file, want := range map[string]int{"ok.yaml": ExitOK, "bad.yaml": ExitFindings} {
				code, out, errOut := runOnline(t, dir, append(append([]string{"--online"}, tc.args...), file)...)
				if code != want {
					t.Errorf("%s: exit %d, want the offline %d\n%s\n%s", file, code, want, out, errOut)
				}
				if n := strings.Count(errOut, "online checks not run:"); n != 1 || !strings.Contains(errOut, tc.why) {
					t.Errorf("%s: want one note saying %q:\n%s", file, tc.why, errOut)
				}
				if !strings.Contains(errOut, "0 not run") && !regexp.MustCompile(`online: 0 checks run, [1-9]\d* not run`).MatchString(errOut) {
					t.Errorf("%s: count:\n%s", file, errOut)
				}
				code, _, _ = runOnline(t, dir, append(append([]string{"--online=strict"}, tc.args...), file)...)
				if code != ExitUsage {
					t.Errorf("%s: --online=strict exit %d, want 2", file, code)
				}
			}
		})
	}
}

// TestOnlineFromEnvNotConfig: MANIFESTLINT_ONLINE=1 turns the checks on;
// a repository's .manifestlint.yaml never can.
func TestOnlineFromEnvNotConfig(t *testing.T) {
	srv := awsdouble.New()
	defer srv.Close()
	onlineEnvFor(t, srv, true)
	dir := tree(t, map[string]string{"m.yaml": validManifest, ".manifestlint.yaml": "online: true\n"})
	t.Chdir(dir)
	var out, errb bytes.Buffer
	code := Main([]string{"m.yaml"}, strings.NewReader(""), &out, &errb)
	if srv.Total() != 0 {
		t.Errorf("the config file turned online checks on: %d requests (exit %d)\n%s", srv.Total(), code, errb.String())
	}
	t.Setenv(onlineEnv, "1")
	code, _, errOut := runOnline(t, dir, "m.yaml")
	if code != ExitFindings || srv.Requests("HeadBucket my-import-bucket") != 1 {
		t.Errorf("MANIFESTLINT_ONLINE=1: exit %d, %d HeadBucket\n%s", code, srv.Requests("HeadBucket my-import-bucket"), errOut)
	}
}

// TestOnlineAccessKeys: STS rejecting the manifest's own AKIA key is
// InvalidClientTokenIdException; rejecting another key is a note naming
// both; a manifest key other than the signer's is an error only with
// --signer=current.
func TestOnlineAccessKeys(t *testing.T) {
	srv := awsdouble.New()
	defer srv.Close()
	srv.Buckets = map[string]awsdouble.Bucket{"my-import-bucket": {Status: 200, Region: "us-east-1"}}
	const other = "AKIAQ3RZ6MVN2TYHWK5D"
	home := onlineEnvFor(t, srv, false)
	// The profile file holds the credentials: AWS_ACCESS_KEY_ID stays
	// unset, so the offline access-key rule does not compare.
	creds := "[default]\naws_access_key_id = " + onlineKey + "\naws_secret_access_key = " + onlineSecret + "\n"
	if err := os.WriteFile(filepath.Join(home, "credentials"), []byte(creds), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := tree(t, map[string]string{
		"own.yaml":   testmanifest.With("deviceId:", "accessKeyId: "+onlineKey+"\ndeviceId:"),
		"other.yaml": testmanifest.With("deviceId:", "accessKeyId: "+other+"\ndeviceId:"),
	})
	srv.RejectKeys = map[string]bool{onlineKey: true}
	_, out, _ := runOnline(t, dir, "--online", "--format", "json", "own.yaml")
	if fs := decode(t, out).Files[0].Findings; len(fs) != 1 || fs[0].Code != "InvalidClientTokenIdException" || fs[0].Path != "accessKeyId" ||
		!strings.Contains(fs[0].Evidence, "GetCallerIdentity: 403 InvalidClientTokenId at ") {
		t.Errorf("own key rejected: %+v", fs)
	}
	code, out, _ := runOnline(t, dir, "--online", "--format", "json", "other.yaml")
	j := decode(t, out)
	if code != ExitOK || len(j.Files[0].Findings) != 0 || !hasNote(j, onlineKey, other) {
		t.Errorf("another key rejected: exit %d, want a note naming both keys\n%s", code, out)
	}

	srv.RejectKeys = nil
	code, out, _ = runOnline(t, dir, "--online", "--format", "json", "other.yaml")
	j = decode(t, out)
	if code != ExitOK || len(j.Files[0].Findings) != 0 || !hasNote(j, other, onlineKey) {
		t.Errorf("different key without --signer: exit %d, want a note\n%s", code, out)
	}
	code, out, _ = runOnline(t, dir, "--online", "--signer=current", "--format", "json", "other.yaml")
	if fs := decode(t, out).Files[0].Findings; code != ExitFindings || len(fs) != 1 || fs[0].Code != "InvalidAccessKeyIdException" {
		t.Errorf("--signer=current: exit %d, %+v", code, fs)
	}
}

func hasNote(j jsonFindings, words ...string) bool {
	for _, n := range j.Files[0].Notes {
		all := true
		for _, w := range words {
			all = all && strings.Contains(n.Message, w)
		}
		if all {
			return true
		}
	}
	return false
}

// TestOnlineNeverPrintsSecrets runs every format, with and without
// --verbose, with long-term and session credentials, and greps the output
// for the secret key, the session token and signed headers.
func TestOnlineNeverPrintsSecrets(t *testing.T) {
	srv := awsdouble.New()
	defer srv.Close()
	srv.Buckets = map[string]awsdouble.Bucket{"my-logs": {Status: 403, Region: "eu-west-1"}}
	srv.RejectKeys = map[string]bool{"ASIAIOSFODNN7EXAMPLE": true}
	dir := tree(t, map[string]string{"m.yaml": testmanifest.With("deviceId:", "accessKeyId: AKIAQ3RZ6MVN2TYHWK5D\nlogBucket: my-logs\ndeviceId:")})
	for _, session := range []bool{false, true} {
		onlineEnvFor(t, srv, true)
		if session {
			t.Setenv("AWS_ACCESS_KEY_ID", "ASIAIOSFODNN7EXAMPLE")
			t.Setenv("AWS_SESSION_TOKEN", onlineToken)
		}
		for _, format := range formatNames() {
			for _, verbose := range []string{"--verbose=false", "--verbose"} {
				_, out, errOut := runOnline(t, dir, "--online", "--signer=current", "--format", format, verbose, "m.yaml")
				all := out + errOut
				for _, secret := range []string{onlineSecret, onlineToken, "Signature=", "X-Amz-Security-Token", "Authorization", "AWS4-HMAC"} {
					if strings.Contains(all, secret) {
						t.Errorf("--format %s %s printed %q:\n%s", format, verbose, secret, all)
					}
				}
			}
		}
	}
	// The double did receive them: the test looks for the right things.
	if h := srv.Headers(); !strings.Contains(h, onlineToken) || !strings.Contains(h, "Signature=") {
		t.Errorf("the double never saw the token and a signature; the test cannot fail")
	}
}
