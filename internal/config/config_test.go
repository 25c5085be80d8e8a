package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/xeipuuv/gojsonschema"
	"go.yaml.in/yaml/v3"
)

// testNames stands for the registry (validate.UnknownName) in CheckNames.
func testNames(name string) string {
	switch name {
	case "no-space-after-colon", "unused-suppression", "suppression-without-reason", "InvalidAddressException":
		return ""
	}
	return "`" + name + "` is unknown"
}

// dump renders a Config as stable text for golden comparisons.
func dump(c *Config) string {
	var b strings.Builder
	if c.Region != "" {
		fmt.Fprintf(&b, "region=%s\n", c.Region)
	}
	if c.AccessKeyID != "" {
		fmt.Fprintf(&b, "accessKeyId=%s\n", c.AccessKeyID)
	}
	if c.Buckets != nil {
		names := make([]string, 0, len(c.Buckets))
		for n := range c.Buckets {
			names = append(names, n)
		}
		sort.Strings(names)
		fmt.Fprintf(&b, "buckets=")
		for _, n := range names {
			fmt.Fprintf(&b, "[%s %s]", n, c.Buckets[n])
		}
		b.WriteString("\n")
	}
	for _, j := range c.JobTypes {
		fmt.Fprintf(&b, "jobType %s=%s\n", j.Glob.Pattern, j.JobType)
	}
	for _, d := range c.Disable {
		fmt.Fprintf(&b, "disable %s\n", d)
	}
	for _, s := range c.Severity {
		fmt.Fprintf(&b, "severity %s=%s\n", s.Name, s.Level)
	}
	for _, g := range c.Exclude {
		fmt.Fprintf(&b, "exclude %s\n", g.Pattern)
	}
	for _, g := range c.Include {
		fmt.Fprintf(&b, "include %s\n", g.Pattern)
	}
	return b.String()
}

// TestParseGolden covers every key, valid and invalid: a valid file's
// parsed form, or the exact `FILE:LINE:COL: config error: ...` line.
func TestParseGolden(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"empty file", "", ""},
		{"only comments", "# nothing yet\n", ""},
		{"region", "region: eu-west-1\n", "region=eu-west-1\n"},
		{"region bad", "region: eu-central-1\n",
			"c.yaml:1:9: config error: region is \"eu-central-1\", not a region the service ran in; use one of us-east-1, us-west-1, us-west-2, eu-west-1, ap-southeast-1"},
		{"region typo", "region: us-east1\n",
			"c.yaml:1:9: config error: region is \"us-east1\", not a region the service ran in; use one of us-east-1, us-west-1, us-west-2, eu-west-1, ap-southeast-1 (did you mean us-east-1?)"},
		{"region list", "region: [us-east-1]\n",
			"c.yaml:1:9: config error: region must be text, but is a list"},
		{"region empty", "region:\n",
			"c.yaml:1:8: config error: region must be text, but is empty"},
		{"accessKeyId", "accessKeyId: AKIAIOSFODNN7EXAMPLE\n", "accessKeyId=AKIAIOSFODNN7EXAMPLE\n"},
		{"accessKeyId space", "accessKeyId: AKIA IOSF\n",
			"c.yaml:1:14: config error: accessKeyId \"AKIA IOSF\" holds a space: an access key id is one word such as AKIAIOSFODNN7EXAMPLE"},
		{"buckets", "buckets:\n  my-data: us-east-1\n  my-logs: us-east-1\n",
			"buckets=[my-data us-east-1][my-logs us-east-1]\n"},
		{"buckets flow", "buckets: {my-data: us-east-1, eu-data: eu-west-1}\n",
			"buckets=[eu-data eu-west-1][my-data us-east-1]\n"},
		{"buckets empty mapping is an inventory of none", "buckets: {}\n", "buckets=\n"},
		{"buckets bad region", "buckets:\n  my-data: us-east-3\n",
			"c.yaml:2:12: config error: buckets.my-data is \"us-east-3\", not a region the service ran in; use one of us-east-1, us-west-1, us-west-2, eu-west-1, ap-southeast-1 (did you mean us-east-1?)"},
		{"buckets list", "buckets:\n  - my-data\n",
			"c.yaml:2:3: config error: buckets (bucket name to region, e.g. `my-data: us-east-1`) must be a mapping of `key: value` lines, but is a list"},
		{"buckets s3 url", "buckets:\n  s3://my-data: us-east-1\n",
			"c.yaml:2:3: config error: bucket name \"s3://my-data\" is not a bucket name: use the name alone, without spaces, `/` or `s3://`"},
		{"buckets duplicate", "buckets:\n  a: us-east-1\n  a: us-west-1\n",
			"c.yaml:3:3: config error: the key `a` appears twice (first at line 2): keep one"},
		{"jobTypes", "jobTypes:\n  exports/**: export\n  '**/*.yaml': import\n",
			"jobType exports/**=export\njobType **/*.yaml=import\n"},
		{"jobTypes bad type", "jobTypes:\n  exports/**: Export\n",
			"c.yaml:2:15: config error: jobTypes.exports/** is \"Export\"; use import or export"},
		{"jobTypes bad glob", "jobTypes:\n  exports**: export\n",
			"c.yaml:2:3: config error: invalid glob \"exports**\": `**` must be a whole path segment (`exports/**`, `**/*.yaml`), but the segment is `exports**`: use `*` within a segment"},
		{"disable", "disable: [no-space-after-colon, InvalidAddressException]\n",
			"disable no-space-after-colon\ndisable InvalidAddressException\n"},
		{"disable block list", "disable:\n  - unused-suppression\n", "disable unused-suppression\n"},
		{"disable unknown", "disable:\n  - no-space-after-colon\n  - InvalidAdressException\n",
			"c.yaml:3:5: config error: disable: `InvalidAdressException` is unknown"},
		{"disable not a list", "disable: no-space-after-colon\n",
			"c.yaml:1:10: config error: disable (rule ids or codes) must be a list (`- item` lines or `[a, b]`), but is text"},
		{"severity", "severity:\n  no-space-after-colon: error\n  InvalidAddressException: warning\n  unused-suppression: off\n",
			"severity no-space-after-colon=error\nseverity InvalidAddressException=warning\nseverity unused-suppression=off\n"},
		{"severity bad level", "severity:\n  no-space-after-colon: info\n",
			"c.yaml:2:25: config error: severity.no-space-after-colon is \"info\"; use error, warning or off"},
		{"severity unknown name", "severity:\n  No-Space-After-Colon: off\n",
			"c.yaml:2:3: config error: severity: `No-Space-After-Colon` is unknown"},
		{"exclude", "exclude:\n  - vendor/\n  - '**/*.draft.yaml'\n", "exclude vendor/\nexclude **/*.draft.yaml\n"},
		{"exclude bad glob", "exclude:\n  - /abs/x.yaml\n",
			"c.yaml:2:5: config error: invalid glob \"/abs/x.yaml\": the glob starts with `/`, but globs are relative to the config file's directory: drop the leading `/`"},
		{"exclude empty entry", "exclude:\n  -\n",
			"c.yaml:2:4: config error: a glob must be text, but is empty"},
		{"include", "include:\n  - 'imports/**/*.yml'\n  - jobs/*.manifest\n", "include imports/**/*.yml\ninclude jobs/*.manifest\n"},
		{"include not a list", "include: imports/\n",
			"c.yaml:1:10: config error: include (globs of the files a directory walk lints) must be a list (`- item` lines or `[a, b]`), but is text"},
		{"unknown key did you mean", "regoin: us-east-1\n",
			"c.yaml:1:1: config error: unknown key `regoin`; did you mean `region`?"},
		{"unknown key case", "access_key_id: AKIA\n",
			"c.yaml:1:1: config error: unknown key `access_key_id`; did you mean `accessKeyId`?"},
		{"unknown key", "rules: {}\n",
			"c.yaml:1:1: config error: unknown key `rules`; the keys are region, accessKeyId, buckets, jobTypes, regions, disable, severity, exclude, include"},
		{"duplicate top key", "region: us-east-1\nregion: us-west-1\n",
			"c.yaml:2:1: config error: the key `region` appears twice (first at line 1): keep one"},
		{"root list", "- region\n",
			"c.yaml:1:1: config error: the configuration must be a mapping of `key: value` lines, but is a list"},
		{"syntax error", "region: \"us-east-1\n",
			"c.yaml:2:1: config error: YAML syntax error: found unexpected end of stream"},
		{"tab indentation", "buckets:\n\ta: us-east-1\n",
			"c.yaml:2:1: config error: YAML syntax error: found character that cannot start any token"},
		{"two documents", "region: us-east-1\n---\nregion: us-west-1\n",
			"c.yaml:2:1: config error: the file holds more than one YAML document: keep one, without `---` separators"},
		{"alias", "region: &r us-east-1\nbuckets:\n  a: *r\n",
			"c.yaml:3:6: config error: buckets.a must be text, but is an alias"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse("c.yaml", []byte(tt.src))
			if err == nil {
				err = c.CheckNames(testNames)
			}
			var got string
			if err != nil {
				got = err.Error()
			} else {
				got = dump(c)
			}
			if got != tt.want {
				t.Errorf("Parse(%q)\n got: %s\nwant: %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestErrorIsConfigError(t *testing.T) {
	_, err := Parse("x.yaml", []byte("nope: 1\n"))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Parse error is %T, want an *Error inside", err)
	}
	if e.File != "x.yaml" || e.Line != 1 || e.Column != 1 {
		t.Errorf("error at %s:%d:%d, want x.yaml:1:1", e.File, e.Line, e.Column)
	}
}

// TestAllErrorsAtOnce: every problem of the file is reported, in file
// order, as manifest findings are, not only the first.
func TestAllErrorsAtOnce(t *testing.T) {
	src := "regoin: us-east-1\n" +
		"buckets:\n  'a b': us-east-1\n  good: us-east-1\n  bad: mars-1\n" +
		"disable: [no-space-after-colon, nope-rule, unused-suppresion]\n" +
		"severity:\n  no-space-after-colon: info\n  address-po-box: off\n" +
		"jobTypes:\n  /abs/**: import\n  exports/**: exprt\n" +
		"region: us-east-1\nregion: eu-west-1\n"
	_, err := Parse("c.yaml", []byte(src))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("Parse error is %T, want Errors", err)
	}
	want := []string{
		"c.yaml:1:1: config error: unknown key `regoin`",
		"c.yaml:3:3: config error: bucket name \"a b\"",
		"c.yaml:5:8: config error: buckets.bad is \"mars-1\"",
		"c.yaml:8:25: config error: severity.no-space-after-colon is \"info\"",
		"c.yaml:11:3: config error: invalid glob \"/abs/**\"",
		"c.yaml:12:15: config error: jobTypes.exports/** is \"exprt\"",
		"c.yaml:14:1: config error: the key `region` appears twice",
	}
	// The names are checked against a registry the caller gives; Merge
	// puts their errors in file order among the others.
	c, _ := Parse("c.yaml", []byte(src))
	err = Merge(err, c.CheckNames(func(n string) string {
		if strings.HasPrefix(n, "no-") || strings.HasPrefix(n, "address-") {
			return ""
		}
		return "unknown"
	}))
	want = append(want[:3], append([]string{"c.yaml:6:33: config error: disable: unknown", "c.yaml:6:44: config error: disable: unknown"}, want[3:]...)...)
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d errors, want %d:\n%s", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d = %q, want it to start %q", i, lines[i], w)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	mk := func(p string) string {
		p = filepath.Join(root, p)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write := func(p string) {
		if err := os.WriteFile(filepath.Join(root, p), []byte("region: us-east-1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mk("outer/repo/.git")
	deep := mk("outer/repo/a/b")
	write("outer/" + FileName) // above the repository root: never found

	if got, _, err := Find(deep); err != nil || got != "" {
		t.Errorf("Find with the only config above .git = %q, %v; want none", got, err)
	}
	write("outer/repo/" + FileName)
	want := filepath.Join(root, "outer/repo", FileName)
	if got, _, err := Find(deep); err != nil || got != want {
		t.Errorf("Find two levels down = %q, %v; want %q", got, err, want)
	}
	write("outer/repo/a/" + FileName)
	want = filepath.Join(root, "outer/repo/a", FileName)
	if got, _, err := Find(deep); err != nil || got != want {
		t.Errorf("Find with a nearer config = %q, %v; want the nearest %q", got, err, want)
	}
	// Without any .git the walk goes on to the file system root.
	noGit := mk("plain/x/y")
	if err := os.WriteFile(filepath.Join(root, "plain", FileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := Find(noGit); got != filepath.Join(root, "plain", FileName) {
		t.Errorf("Find without .git = %q", got)
	}
}

func TestPerFileKeys(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	src := "jobTypes:\n  exports/legacy/**: import\n  exports/**: export\n  '**/*.yaml': import\nexclude:\n  - vendor/\n  - '**/*.draft.yaml'\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p, FileName, Parse)
	if err != nil {
		t.Fatal(err)
	}
	jt := []struct {
		path string
		want manifest.JobType
	}{
		{"exports/a.yaml", manifest.JobTypeExport},
		{"exports/legacy/a.yaml", manifest.JobTypeImport}, // first match in file order
		{"imports/a.yaml", manifest.JobTypeImport},
		{"a.yml", manifest.JobTypeUnknown},
		{"../outside/exports/a.yaml", manifest.JobTypeUnknown},
	}
	for _, tt := range jt {
		if got := c.JobTypeFor(filepath.Join(dir, tt.path)); got != tt.want {
			t.Errorf("JobTypeFor(%s) = %q, want %q", tt.path, got, tt.want)
		}
	}
	ex := []struct {
		path string
		want bool
	}{
		{"vendor/a.yaml", true},
		{"vendor/x/a.yaml", true},
		{"jobs/a.draft.yaml", true},
		{"jobs/a.yaml", false},
		{"../vendor/a.yaml", false},
	}
	for _, tt := range ex {
		if got := c.Excluded(filepath.Join(dir, tt.path)); got != tt.want {
			t.Errorf("Excluded(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// docExample is the complete example of docs/configuration.md.
func docExample(t *testing.T) []byte {
	t.Helper()
	md, err := os.ReadFile("../../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```yaml\n# \\.manifestlint\\.yaml\n(.*?)```").FindSubmatch(md)
	if m == nil {
		t.Fatal("docs/configuration.md has no ```yaml block starting with `# .manifestlint.yaml`")
	}
	return m[1]
}

func TestDocExampleParses(t *testing.T) {
	c, err := Parse("docs/configuration.md", docExample(t))
	if err != nil {
		t.Fatal(err)
	}
	if c.Region == "" || c.AccessKeyID == "" || len(c.Buckets) == 0 || len(c.JobTypes) == 0 ||
		len(c.Disable) == 0 || len(c.Severity) == 0 || len(c.Exclude) == 0 {
		t.Errorf("the documented example should set every key:\n%s", dump(c))
	}
}

// TestSchema checks the shipped JSON Schema against the parser: the
// documented example passes it, and files the parser refuses for their
// shape fail it too.
func TestSchema(t *testing.T) {
	s, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(Schema()))
	if err != nil {
		t.Fatalf("the config schema does not compile: %v", err)
	}
	check := func(src []byte) bool {
		var v any
		if err := yaml.Unmarshal(src, &v); err != nil {
			t.Fatal(err)
		}
		js, _ := json.Marshal(v)
		r, err := s.Validate(gojsonschema.NewBytesLoader(js))
		if err != nil {
			t.Fatal(err)
		}
		return r.Valid()
	}
	if !check(docExample(t)) {
		t.Error("the documented example does not pass the schema")
	}
	for _, bad := range []string{
		"regoin: us-east-1\n",
		"region: eu-central-1\n",
		"buckets: {a: us-east-3}\n",
		"jobTypes: {'exports/**': Export}\n",
		"jobTypes: {'exports**': export}\n",
		"disable: no-space-after-colon\n",
		"severity: {no-space-after-colon: info}\n",
		"exclude: ['/abs/x.yaml']\n",
		"exclude: ['a/../b']\n",
	} {
		if check([]byte(bad)) {
			t.Errorf("the schema accepts %q, which the parser refuses", bad)
		}
		if _, err := Parse("c.yaml", []byte(bad)); err == nil {
			t.Errorf("the parser accepts %q", bad)
		}
	}
}

// JobTypeFor returns the job type of the first jobTypes glob, in file order,
// that matches path; JobTypeUnknown when none does or path lies outside the
// config file's directory.
func (c *Config) JobTypeFor(path string) manifest.JobType {
	jt, _ := c.JobTypeSourceFor(path)
	return jt
}
