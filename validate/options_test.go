package validate

import (
	"errors"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestResolveConfig: the configuration file's settings go into the
// options where the flags did not set them, and the flags win.
func TestResolveConfig(t *testing.T) {
	c, err := ParseConfig("cfg.yaml", []byte("region: eu-west-1\naccessKeyId: AKIAFILE\nbuckets: {b: eu-west-1}\n"+
		"disable: [no-space-after-colon]\nseverity:\n  InvalidAddressException: warning\n  unused-suppression: off\n  suppression-without-reason: error\n"))
	if err != nil {
		t.Fatal(err)
	}
	o, _, err := Resolve(Options{}, c, "m.yaml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if o.Region != "eu-west-1" || o.RegionSource.String() != "config file cfg.yaml" || o.AccessKeySource.String() != "config file cfg.yaml" || o.AccessKeyID != "AKIAFILE" || o.Buckets["b"] != "eu-west-1" {
		t.Errorf("Resolve: %+v", o)
	}
	if strings.Join(o.Ignore, ",") != "no-space-after-colon,unused-suppression" {
		t.Errorf("Ignore = %v", o.Ignore)
	}
	if o.Severity["InvalidAddressException"] != manifest.Warning || o.Severity["suppression-without-reason"] != manifest.Error {
		t.Errorf("Severity = %v", o.Severity)
	}
	// Flags win: a region and key already set stay; --ignore entries stay.
	flags := Options{Region: "us-east-1", AccessKeyID: "AKIAFLAG", Ignore: []string{"InvalidCustomsException"}}
	if o, _, err = Resolve(flags, c, "m.yaml", nil); err != nil {
		t.Fatal(err)
	}
	if o.Region != "us-east-1" || o.RegionSource.String() != "--region" || o.AccessKeyID != "AKIAFLAG" || o.AccessKeySource.String() != "--access-key-id" ||
		strings.Join(o.Ignore, ",") != "InvalidCustomsException,no-space-after-colon,unused-suppression" {
		t.Errorf("Resolve over flags: %+v", o)
	}
	if len(flags.Ignore) != 1 || cap(flags.Ignore) != 1 {
		t.Errorf("Resolve changed the flags' Ignore: %v", flags.Ignore)
	}
}

// TestResolvePerPath: regions and jobTypes entries apply by the file's
// path, over the region key; a flag's job type or kind wins over jobTypes,
// as --region wins over regions.
func TestResolvePerPath(t *testing.T) {
	c, err := ParseConfig("c.yaml", []byte("region: us-east-1\nregions:\n  eu/**: eu-west-1\njobTypes:\n  exports/**: export\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path                 string
		flags                Options
		region, regionSource string
		jobType              manifest.JobType
		jobTypeSource        string
	}{
		{"m.yaml", Options{}, "us-east-1", "config file c.yaml", "", ""},
		{"eu/m.yaml", Options{}, "eu-west-1", "regions `eu/**` in c.yaml", "", ""},
		{"eu/m.yaml", Options{Region: "us-west-2"}, "us-west-2", "--region", "", ""},
		{"", Options{}, "us-east-1", "config file c.yaml", "", ""},
		{"exports/m.yaml", Options{}, "us-east-1", "config file c.yaml", manifest.JobTypeExport, "jobTypes `exports/**` in c.yaml"},
		{"exports/m.yaml", Options{JobType: manifest.JobTypeImport}, "us-east-1", "config file c.yaml", manifest.JobTypeImport, ""},
		{"exports/m.yaml", Options{Kind: manifest.EBSImport}, "us-east-1", "config file c.yaml", "", "--job-kind ebs-import"},
	} {
		o, _, err := Resolve(tt.flags, c, tt.path, nil)
		if err != nil || o.Region != tt.region || o.RegionSource.String() != tt.regionSource || o.JobType != tt.jobType || o.JobTypeSource.String() != tt.jobTypeSource {
			t.Errorf("Resolve(%+v, %q) = %s from %q, job type %q from %q, %v; want %s from %q, %q from %q",
				tt.flags, tt.path, o.Region, o.RegionSource, o.JobType, o.JobTypeSource, err, tt.region, tt.regionSource, tt.jobType, tt.jobTypeSource)
		}
	}
}

// TestParseConfigUnknownNames: a name of disable or severity that is
// neither a rule id nor a code is an error at its place, with a
// did-you-mean, reported with the file's other problems; so is a name of
// --ignore.
func TestParseConfigUnknownNames(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"region: eu-west-1\ndisable:\n  - no-space-after-colon\n  - InvalidAdressException\n",
			"c.yaml:4:5: config error: disable: `InvalidAdressException` is neither a rule id nor a service error code; did you mean `InvalidAddressException`?"},
		{"severity:\n  No-Space-After-Colon: off\n",
			"c.yaml:2:3: config error: severity: `No-Space-After-Colon` is neither a rule id nor a service error code; did you mean `no-space-after-colon`?"},
		{"region: eu-west-9\ndisable: [InvalidAdressException]\n",
			"c.yaml:1:9: config error: region is \"eu-west-9\", not a region the service ran in; use one of us-east-1, us-west-1, us-west-2, eu-west-1, ap-southeast-1 (did you mean eu-west-1?)\n" +
				"c.yaml:2:11: config error: disable: `InvalidAdressException` is neither a rule id nor a service error code; did you mean `InvalidAddressException`?"},
	} {
		c, err := ParseConfig("c.yaml", []byte(tt.src))
		var ce *ConfigError
		if c != nil || !errors.As(err, &ce) || err.Error() != tt.want {
			t.Errorf("ParseConfig(%q) = %v, %v\nwant %s", tt.src, c, err, tt.want)
		}
	}
	_, _, err := Resolve(Options{Ignore: []string{"no-space-after-colon", "InvalidAdressException"}}, nil, "", nil)
	if want := "--ignore: `InvalidAdressException` is neither a rule id nor a service error code; did you mean `InvalidAddressException`?"; err == nil || err.Error() != want {
		t.Errorf("Resolve with an unknown --ignore name: %v, want %s", err, want)
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
	for _, tc := range []struct {
		name       string
		id         string
		cfg        string // the config file's accessKeyId
		env        string
		wantID     string
		wantSource string
		wantNote   string
	}{
		{"not asked: the environment is not read", "", "", "AKIAI44QH8DHBEXAMPLE", "", "", ""},
		{"a key given wins", "AKIAIOSFODNN7EXAMPLE", "env", "AKIAI44QH8DHBEXAMPLE", "AKIAIOSFODNN7EXAMPLE", "--access-key-id", ""},
		{"--access-key-id env", "env", "", "AKIAI44QH8DHBEXAMPLE", "AKIAI44QH8DHBEXAMPLE", "$AWS_ACCESS_KEY_ID", ""},
		{"accessKeyId: ENV in the config file", "", "ENV", "AKIAI44QH8DHBEXAMPLE", "AKIAI44QH8DHBEXAMPLE", "$AWS_ACCESS_KEY_ID", ""},
		{"the config file's key", "", "AKIAIOSFODNN7EXAMPLE", "AKIAI44QH8DHBEXAMPLE", "AKIAIOSFODNN7EXAMPLE", "config file .manifestlint.yaml", ""},
		{"asked but unset", "env", "", "", "", "", "the access key comes from $AWS_ACCESS_KEY_ID (--access-key-id says env), which is not set: accessKeyId is not compared"},
		{"asked by the file but unset", "", "env", "", "", "", "the access key comes from $AWS_ACCESS_KEY_ID (config file .manifestlint.yaml says env), which is not set: accessKeyId is not compared"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c *Config
			if tc.cfg != "" {
				var err error
				if c, err = ParseConfig(".manifestlint.yaml", []byte("accessKeyId: "+tc.cfg+"\n")); err != nil {
					t.Fatal(err)
				}
			}
			o, note, err := Resolve(Options{AccessKeyID: tc.id}, c, "m.yaml", env(tc.env))
			if err != nil || o.AccessKeyID != tc.wantID || o.AccessKeySource.String() != tc.wantSource || note != tc.wantNote {
				t.Errorf("got %q from %q, note %q; want %q from %q, note %q", o.AccessKeyID, o.AccessKeySource, note, tc.wantID, tc.wantSource, tc.wantNote)
			}
		})
	}
}
