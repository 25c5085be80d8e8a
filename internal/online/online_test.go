//go:build online

package online_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/manifestlint/manifestlint/internal/online"
	"github.com/manifestlint/manifestlint/internal/online/awsdouble"
)

// Test credentials: the key IDs are AWS's documented examples; the secret
// and the token are distinctive so that a leak test can grep for them.
const (
	testKey    = "AKIAIOSFODNN7EXAMPLE"
	testSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY"
)

// isolate gives the SDK a clean environment: an empty HOME and config
// files, no profile, no region, the double as the endpoint.
func isolate(t *testing.T, endpoint string) string {
	t.Helper()
	home := t.TempDir()
	for k, v := range map[string]string{
		"HOME": home, "AWS_CONFIG_FILE": filepath.Join(home, "config"), "AWS_SHARED_CREDENTIALS_FILE": filepath.Join(home, "credentials"),
		"AWS_PROFILE": "", "AWS_DEFAULT_PROFILE": "", "AWS_REGION": "", "AWS_DEFAULT_REGION": "",
		"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_SESSION_TOKEN": "",
		"AWS_ENDPOINT_URL": endpoint, "AWS_ENDPOINT_URL_S3": "", "AWS_ENDPOINT_URL_STS": "",
		"AWS_WEB_IDENTITY_TOKEN_FILE": "", "AWS_ROLE_ARN": "", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "",
	} {
		t.Setenv(k, v)
	}
	return home
}

func envCreds(t *testing.T) {
	t.Setenv("AWS_ACCESS_KEY_ID", testKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", testSecret)
}

func TestVerdicts(t *testing.T) {
	srv := awsdouble.New()
	defer srv.Close()
	srv.Buckets = map[string]awsdouble.Bucket{
		"ok-here":      {Status: 200, Region: "us-east-1"},
		"moved":        {Status: 301, Region: "eu-west-1"},
		"bad-region":   {Status: 400, Region: "ap-southeast-1"},
		"denied":       {Status: 403, Region: "us-west-2"},
		"denied-blind": {Status: 403},
		"no-region":    {Status: 200},
	}
	isolate(t, srv.URL)
	envCreds(t)
	c := online.New(online.Config{Timeout: 10 * time.Second})
	defer c.Close()
	f := c.Facts([]string{"ok-here", "moved", "bad-region", "denied", "denied-blind", "no-region", "gone"})
	for name, want := range map[string]struct {
		status        int
		region        string
		exists, known bool
	}{
		"ok-here":    {200, "us-east-1", true, true},
		"moved":      {301, "eu-west-1", true, true},
		"bad-region": {400, "ap-southeast-1", true, true},
		"denied":     {403, "us-west-2", true, true},
		"no-region":  {200, "", true, true},
		"gone":       {404, "", false, true},
	} {
		got, ok := f.Buckets[name]
		if !ok {
			t.Errorf("%s: no fact", name)
			continue
		}
		if got.Status != want.status || got.Region != want.region || got.Exists() != want.exists {
			t.Errorf("%s: got %+v (exists %v), want status %d region %q exists %v", name, got, got.Exists(), want.status, want.region, want.exists)
		}
		if !strings.HasPrefix(got.Evidence, "HeadBucket: ") || !strings.Contains(got.Evidence, " at 20") {
			t.Errorf("%s: evidence %q", name, got.Evidence)
		}
	}
	// A denied call without a region is never a pass: no fact, counted
	// as not run, with its reason.
	if got, ok := f.Buckets["denied-blind"]; ok {
		t.Errorf("denied-blind: a 403 without a region gave the fact %+v", got)
	}
	run, notRun := c.Counts()
	if run != 7 || notRun != 1 { // 6 buckets + STS; denied-blind
		t.Errorf("counts: %d run, %d not run; want 7, 1", run, notRun)
	}
	if rs := strings.Join(c.Reasons(), "|"); !strings.Contains(rs, "403 (access denied)") {
		t.Errorf("reasons %q", rs)
	}
	if f.Identity == nil || f.Identity.Account != "123456789012" || f.Identity.KeyID != testKey {
		t.Errorf("identity %+v", f.Identity)
	}
	if _, region := srv.SignedWith("GetCallerIdentity"); region != "us-east-1" {
		t.Errorf("GetCallerIdentity signed for %q, want us-east-1", region)
	}
}

func TestEachBucketAskedOnce(t *testing.T) {
	srv := awsdouble.New()
	defer srv.Close()
	srv.Buckets = map[string]awsdouble.Bucket{"shared": {Status: 200, Region: "us-east-1"}, "logs": {Status: 200, Region: "us-east-1"}}
	isolate(t, srv.URL)
	envCreds(t)
	c := online.New(online.Config{})
	defer c.Close()
	done := make(chan bool)
	for range 8 { // eight manifests at once, all naming shared
		go func() { c.Facts([]string{"shared", "logs", "shared"}); done <- true }()
	}
	for range 8 {
		<-done
	}
	if n := srv.Requests("HeadBucket shared"); n != 1 {
		t.Errorf("HeadBucket shared asked %d times, want 1", n)
	}
	if n := srv.Requests("GetCallerIdentity"); n != 1 {
		t.Errorf("GetCallerIdentity asked %d times, want 1", n)
	}
}

func TestInvalidClientToken(t *testing.T) {
	srv := awsdouble.New()
	defer srv.Close()
	srv.RejectKeys = map[string]bool{testKey: true}
	isolate(t, srv.URL)
	envCreds(t)
	c := online.New(online.Config{})
	defer c.Close()
	id := c.Identity()
	if id == nil || id.Status != 403 || id.ErrorCode != "InvalidClientTokenId" || id.KeyID != testKey {
		t.Fatalf("identity %+v", id)
	}
	if !strings.Contains(id.Evidence, "GetCallerIdentity: 403 InvalidClientTokenId at ") {
		t.Errorf("evidence %q", id.Evidence)
	}
}

// TestCredentialSources: the standard chain, from the environment, from
// a profile of the shared files (chosen by Config.Profile and by
// AWS_PROFILE), and none at all (a reason, nothing asked).
func TestCredentialSources(t *testing.T) {
	srv := awsdouble.New()
	defer srv.Close()
	srv.Buckets = map[string]awsdouble.Bucket{"b": {Status: 200, Region: "us-east-1"}}

	t.Run("env", func(t *testing.T) {
		isolate(t, srv.URL)
		envCreds(t)
		c := online.New(online.Config{})
		defer c.Close()
		c.Identity()
		if src, key := c.Source(); key != testKey || !strings.Contains(src, "Env") {
			t.Errorf("source %q key %q", src, key)
		}
	})
	for _, how := range []string{"flag", "AWS_PROFILE"} {
		t.Run("profile "+how, func(t *testing.T) {
			home := isolate(t, srv.URL)
			const profKey = "AKIAI44QH8DHBEXAMPLE"
			must(t, os.WriteFile(filepath.Join(home, "credentials"), []byte("[default]\naws_access_key_id = AKIADEFAULTKEYEXAMPL\naws_secret_access_key = x\n[ci]\naws_access_key_id = "+profKey+"\naws_secret_access_key = "+testSecret+"\n"), 0o600))
			cfg := online.Config{}
			if how == "flag" {
				cfg.Profile = "ci"
			} else {
				t.Setenv("AWS_PROFILE", "ci")
			}
			c := online.New(cfg)
			defer c.Close()
			if id := c.Identity(); id == nil || id.KeyID != profKey {
				t.Fatalf("identity %+v, want key %s", id, profKey)
			}
			if key, _ := srv.SignedWith("GetCallerIdentity"); key != profKey {
				t.Errorf("signed with %q", key)
			}
		})
	}
	t.Run("expired SSO", func(t *testing.T) {
		home := isolate(t, srv.URL)
		must(t, os.WriteFile(filepath.Join(home, "config"), []byte("[profile corp]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\n"+
			"[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n"), 0o600))
		before := srv.Total()
		c := online.New(online.Config{Profile: "corp", Timeout: 5 * time.Second})
		defer c.Close()
		if f := c.Facts([]string{"b"}); len(f.Buckets) != 0 || f.Identity != nil {
			t.Errorf("facts with an expired SSO session: %+v", f)
		}
		if rs := c.Reasons(); len(rs) != 1 || !strings.Contains(rs[0], "SSO session") {
			t.Errorf("reasons %q", rs)
		}
		if srv.Total() != before {
			t.Errorf("asked the double without credentials")
		}
	})
	t.Run("none", func(t *testing.T) {
		isolate(t, srv.URL)
		before := srv.Total()
		c := online.New(online.Config{Timeout: 5 * time.Second})
		defer c.Close()
		f := c.Facts([]string{"b"})
		if len(f.Buckets) != 0 || f.Identity != nil {
			t.Errorf("facts without credentials: %+v", f)
		}
		if rs := c.Reasons(); len(rs) != 1 || !strings.Contains(rs[0], "no AWS credentials found") {
			t.Errorf("reasons %q", rs)
		}
		if srv.Total() != before {
			t.Errorf("asked the double without credentials")
		}
	})
}

// TestHostileAnswers: slow, failing, throttled, redirecting, dripping and
// huge answers settle nothing, leave a reason, and end within the budget.
func TestHostileAnswers(t *testing.T) {
	for _, how := range []string{"slow", "500", "throttle", "redirect", "drip", "huge"} {
		t.Run(how, func(t *testing.T) {
			srv := awsdouble.New()
			defer srv.Close()
			// HEAD has no body: a dripping or huge answer is STS's only.
			bodyOnly := how == "drip" || how == "huge"
			bucket := awsdouble.Bucket{Status: 200, Region: "us-east-1", Hostile: how}
			if bodyOnly {
				bucket.Hostile = ""
			}
			srv.Buckets = map[string]awsdouble.Bucket{"b": bucket}
			srv.STSHostile = how
			isolate(t, srv.URL)
			envCreds(t)
			const budget = 3 * time.Second
			start := time.Now()
			c := online.New(online.Config{Timeout: budget, CallTimeout: time.Second})
			f := c.Facts([]string{"b"})
			c.Close()
			if took := time.Since(start); took > budget+time.Second {
				t.Errorf("took %v, budget %v", took, budget)
			}
			if !bodyOnly && len(f.Buckets) != 0 {
				t.Errorf("a hostile answer gave the fact %+v", f.Buckets)
			}
			if f.Identity != nil {
				t.Errorf("a hostile STS answer gave the identity %+v", f.Identity)
			}
			if _, notRun := c.Counts(); notRun == 0 || len(c.Reasons()) == 0 {
				t.Errorf("no check counted as not run: %v", c.Reasons())
			}
			if how == "redirect" && srv.Requests("HeadBucket b") > 2 {
				t.Errorf("followed the redirect loop: %d requests", srv.Requests("HeadBucket b"))
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
