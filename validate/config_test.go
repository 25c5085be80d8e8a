package validate

import (
	"errors"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/manifest"
)

func TestApplyConfig(t *testing.T) {
	c, err := config.Parse("cfg.yaml", []byte("region: eu-west-1\naccessKeyId: AKIAFILE\nbuckets: {b: eu-west-1}\n"+
		"disable: [no-space-after-colon]\nseverity:\n  InvalidAddressException: warning\n  unused-suppression: off\n  suppression-without-reason: error\n"))
	if err != nil {
		t.Fatal(err)
	}
	var o Options
	if err := o.ApplyConfig(c); err != nil {
		t.Fatal(err)
	}
	if o.Region != "eu-west-1" || o.RegionSource.String() != "config file cfg.yaml" || o.AccessKeySource.String() != "config file cfg.yaml" || o.AccessKeyID != "AKIAFILE" || o.Buckets["b"] != "eu-west-1" {
		t.Errorf("ApplyConfig: %+v", o)
	}
	if strings.Join(o.Ignore, ",") != "no-space-after-colon,unused-suppression" {
		t.Errorf("Ignore = %v", o.Ignore)
	}
	if o.Severity["InvalidAddressException"] != manifest.Warning || o.Severity["suppression-without-reason"] != manifest.Error {
		t.Errorf("Severity = %v", o.Severity)
	}
	// Flags win: a region and key already set stay; --ignore entries stay.
	o = Options{Region: "us-east-1", RegionSource: manifest.Source{Kind: manifest.SourceFlag, Name: "--region"}, AccessKeyID: "AKIAFLAG", Ignore: []string{"InvalidCustomsException"}}
	if err := o.ApplyConfig(c); err != nil {
		t.Fatal(err)
	}
	if o.Region != "us-east-1" || o.RegionSource.String() != "--region" || o.AccessKeyID != "AKIAFLAG" || o.Ignore[0] != "InvalidCustomsException" {
		t.Errorf("ApplyConfig over flags: %+v", o)
	}
}

// TestApplyConfigUnknownNames: a name of disable or severity that is
// neither a rule id nor a code is an error at its place, with a
// did-you-mean, and nothing is applied.
func TestApplyConfigUnknownNames(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"region: eu-west-1\ndisable:\n  - no-space-after-colon\n  - InvalidAdressException\n",
			"c.yaml:4:5: config error: disable: `InvalidAdressException` is neither a rule id nor a service error code; did you mean `InvalidAddressException`?"},
		{"severity:\n  No-Space-After-Colon: off\n",
			"c.yaml:2:3: config error: severity: `No-Space-After-Colon` is neither a rule id nor a service error code; did you mean `no-space-after-colon`?"},
	} {
		c, err := config.Parse("c.yaml", []byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		var o Options
		err = o.ApplyConfig(c)
		var ce *config.Error
		if !errors.As(err, &ce) || err.Error() != tt.want {
			t.Errorf("ApplyConfig(%q) = %v, want %s", tt.src, err, tt.want)
		}
		if o.Region != "" || len(o.Ignore) != 0 {
			t.Errorf("ApplyConfig applied a file with an unknown name: %+v", o)
		}
	}
}

// TestResolveAccessKey: $AWS_ACCESS_KEY_ID is read only when the flag or
// the config file says env (spec §6), and an unset variable leaves the key
// unknown with a note.
func TestResolveAccessKey(t *testing.T) {
	env := func(v string) func(string) string {
		return func(name string) string {
			if name != "AWS_ACCESS_KEY_ID" {
				t.Errorf("read $%s", name)
			}
			return v
		}
	}
	flag := manifest.Source{Kind: manifest.SourceFlag, Name: "--access-key-id"}
	for _, tc := range []struct {
		name       string
		id         string
		src        manifest.Source
		env        string
		wantID     string
		wantSource string
		wantNote   string
	}{
		{"not asked: the environment is not read", "", manifest.Source{}, "AKIAI44QH8DHBEXAMPLE", "", "", ""},
		{"a key given wins", "AKIAIOSFODNN7EXAMPLE", flag, "AKIAI44QH8DHBEXAMPLE", "AKIAIOSFODNN7EXAMPLE", "--access-key-id", ""},
		{"--access-key-id env", "env", flag, "AKIAI44QH8DHBEXAMPLE", "AKIAI44QH8DHBEXAMPLE", "$AWS_ACCESS_KEY_ID", ""},
		{"accessKeyId: ENV in the config file", "ENV", manifest.Source{Kind: manifest.SourceConfig, Name: ".manifestlint.yaml"}, "AKIAI44QH8DHBEXAMPLE", "AKIAI44QH8DHBEXAMPLE", "$AWS_ACCESS_KEY_ID", ""},
		{"asked but unset", "env", flag, "", "", "", "the access key comes from $AWS_ACCESS_KEY_ID (--access-key-id says env), which is not set: accessKeyId is not compared"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := Options{AccessKeyID: tc.id, AccessKeySource: tc.src}
			note := o.ResolveAccessKey(env(tc.env))
			if o.AccessKeyID != tc.wantID || o.AccessKeySource.String() != tc.wantSource || note != tc.wantNote {
				t.Errorf("got %q from %q, note %q; want %q from %q, note %q", o.AccessKeyID, o.AccessKeySource, note, tc.wantID, tc.wantSource, tc.wantNote)
			}
		})
	}
}
