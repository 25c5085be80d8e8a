//go:build online

package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/online/awsdouble"
	"github.com/manifestlint/manifestlint/internal/testmanifest"
)

// TestInventory: inventory edits the buckets: map in place (comments and
// other keys kept, a region corrected, a missing bucket removed, new
// buckets added), --diff writes nothing, and the map it writes makes the
// next offline run agree with the online one.
func TestInventory(t *testing.T) {
	srv := awsdouble.New()
	defer srv.Close()
	srv.Buckets = map[string]awsdouble.Bucket{
		"my-import-bucket": {Status: 200, Region: "us-east-1", Owned: true},
		"my-logs-eu":       {Status: 301, Region: "eu-west-1", Owned: true},
		"old-style":        {Status: 200, Location: "EU", Owned: true}, // a store without x-amz-bucket-region
		"classic":          {Status: 200, Location: "", Owned: true},
		"partner-drop":     {Status: 403, Region: "us-east-1"}, // another account's: not listed
	}
	onlineEnvFor(t, srv, true)
	cfg := "# our settings\nregion: us-east-1\nbuckets:\n  # the main bucket\n  my-import-bucket: us-west-1 # stale\n  gone-bucket: us-east-1\n  kept-unasked: us-east-1\ndisable: []\n"
	dir := tree(t, map[string]string{
		".manifestlint.yaml": cfg,
		"jobs/eu.yaml":       testmanifest.With("prefix:", "logBucket: my-logs-eu\nprefix:"),
		"jobs/partner.yaml":  testmanifest.With("bucket: my-import-bucket", "bucket: partner-drop"),
		"jobs/gone.yaml":     testmanifest.With("bucket: my-import-bucket", "bucket: gone-bucket"),
	})
	cfgPath := filepath.Join(dir, ".manifestlint.yaml")
	t.Chdir(dir)

	code, diff, errOut := runCmd(t, "inventory", "--diff", "jobs")
	if code != ExitOK || !strings.HasPrefix(diff, "--- a/.manifestlint.yaml\n+++ b/.manifestlint.yaml\n") ||
		!strings.Contains(diff, "\n-  my-import-bucket: us-west-1 # stale\n-  gone-bucket: us-east-1\n+  my-import-bucket: us-east-1 # stale\n") {
		t.Fatalf("--diff: exit %d\n%s\n%s", code, diff, errOut)
	}
	if b, _ := os.ReadFile(cfgPath); string(b) != cfg {
		t.Fatalf("--diff wrote the file:\n%s", b)
	}

	if code, _, errOut = runCmd(t, "inventory", "jobs"); code != ExitOK {
		t.Fatalf("inventory: exit %d\n%s", code, errOut)
	}
	got, _ := os.ReadFile(cfgPath)
	stampRE := regexp.MustCompile(`(?m)^# manifestlint inventory: account 123456789012, arn:aws:iam::123456789012:user/ci, key AKIAJ7Q2ZK4XW5LRT3NB, 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ\n`)
	if !stampRE.Match(got) {
		t.Errorf("no inventory comment:\n%s", got)
	}
	want := "# our settings\nregion: us-east-1\nSTAMP" +
		"buckets:\n  # the main bucket\n  my-import-bucket: us-east-1 # stale\n  kept-unasked: us-east-1\n" +
		"  classic: us-east-1\n  my-logs-eu: eu-west-1\n  old-style: eu-west-1\n  partner-drop: us-east-1\ndisable: []\n"
	if s := stampRE.ReplaceAllString(string(got), "STAMP"); s != want {
		t.Errorf("the config file is\n%s\nwant\n%s", s, want)
	}
	// Two runs (--diff, then the write), each asking once.
	if srv.Requests("GetBucketLocation old-style") != 2 || srv.Requests("ListBuckets") != 2 {
		t.Errorf("GetBucketLocation old-style %d, ListBuckets %d", srv.Requests("GetBucketLocation old-style"), srv.Requests("ListBuckets"))
	}
	// A second run changes nothing but the stamp.
	runCmd(t, "inventory", "jobs")
	again, _ := os.ReadFile(cfgPath)
	if stampRE.ReplaceAllString(string(again), "STAMP") != want {
		t.Errorf("the second run changed the file:\n%s", again)
	}

	// The offline run with the written map agrees with the online one.
	offline := findingsOf(t, dir, "jobs")
	online := findingsOf(t, dir, "--online", "jobs")
	if offline != online {
		t.Errorf("offline and online disagree:\noffline %s\nonline  %s", offline, online)
	}
	if !strings.Contains(offline, "jobs/eu.yaml logBucket MultipleRegionsException") || !strings.Contains(offline, "jobs/gone.yaml bucket NoSuchBucketException") {
		t.Errorf("findings %s", offline)
	}
}

// runCmd runs a subcommand in the current directory.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb strings.Builder
	code = Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// findingsOf lints with the config file of dir and lists "file path code"
// of each finding, sorted as reported.
func findingsOf(t *testing.T, dir string, args ...string) string {
	t.Helper()
	t.Chdir(dir)
	var out, errb strings.Builder
	Main(append([]string{"--format", "json"}, args...), strings.NewReader(""), &out, &errb)
	j := decode(t, out.String())
	var lines []string
	for _, f := range j.Files {
		for _, fd := range f.Findings {
			lines = append(lines, filepath.ToSlash(f.File)+" "+fd.Path+" "+fd.Code)
		}
	}
	return strings.Join(lines, "; ")
}
