package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/internal/testbin"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
	"github.com/xeipuuv/gojsonschema"
)

var update = flag.Bool("update", false, "rewrite golden files")

// nasty is text every format must carry safely: quotes, markup, percent,
// newlines, commas, colons and non-ASCII.
const nasty = "The key \"a<b>&c\" isn't 100% right: use x,y\nsecond line\r\nthird — ünïcødé ✓ 日本 'q' ]]> %0A"

// errorf and warnf make hand-made findings of a rule id.
func errorf(code manifest.Code, rule string, at manifest.Span, path, detail string) manifest.Finding {
	return (&manifest.Descriptor{ID: rule, Severity: manifest.Error}).Errorf(code, at, path, detail)
}

func warnf(rule string, at manifest.Span, path, detail string) manifest.Finding {
	return (&manifest.Descriptor{ID: rule, Severity: manifest.Warning}).Warnf(at, path, detail)
}

// span is the range [col, end) of one line, for hand-made findings.
func span(line, col, end int) manifest.Span {
	return manifest.Span{Line: line, Column: col, EndLine: line, EndColumn: end}
}

// fixesManifest has findings with fixes of every shape: an insertion (a
// space after a colon), replacements (a state's name, a key's name), a
// deletion of a whole line (an unused suppression) and an unsafe fix.
const fixesManifest = "# manifestlint-ignore-file: customs-required -- none needed\n" +
	"manifestVersion:2.0\ndeviceId: ABCDE\nbucket: my-bucket\nerase_device: no\nnotificationEmail: a@fjordlab.io\n" +
	"returnAddress:\n    name: Jöe\n    street1: 1 Main St\n    city: Seattle\n    stateOrProvince: Washington\n" +
	"    postalCode: 98101\n    phoneNumber: 206-555-0100\n    country: USA\n"

// ciCases are the hand-made results every CI format is golden-tested with.
var ciCases = map[string][]validate.Result{
	"fixes": {validate.Validate("fixes.manifest.yaml", []byte(fixesManifest), validate.Options{})},
	// A duplicate key: a finding with a related location (the first
	// occurrence), which every format that has a place for one shows.
	"related": {validate.Validate("dup.manifest.yaml", []byte("manifestVersion: 2.0\nbucket: a\nbucket: a\n"), validate.Options{})},
	"none":    nil,
	"clean": {
		{File: "manifests/ok.manifest.yaml", Kind: manifest.S3Import},
	},
	"mixed": {
		{
			File: "dir/my manifest,1.yaml",
			Kind: manifest.S3Import,
			Findings: []manifest.Finding{
				errorf(manifest.MissingManifestField, "required-field", span(1, 1, 1), "",
					"Missing: deviceId").WithHelp("Add `deviceId: ABCDE` (the device's serial number)."),
				warnf(manifest.RuleNoSpaceAfterColon, span(2, 16, 20), "manifestVersion",
					"No space after the colon in `manifestVersion:2.0`: write `manifestVersion: 2.0`."),
				errorf(manifest.InvalidAddress, "address-po-box", span(9, 12, 30), "returnAddress.street1",
					nasty).WithHelp("Help, 100% too: a,b\nnext line %0A"),
				errorf(manifest.InvalidManifestField, "", span(12, 3, 15), "operations[0].exportBucket",
					"No rule id here; path has [brackets] & an ampersand."),
			},
		},
		{
			File: "ü/a:b%.manifest.yaml",
			Kind: manifest.GlacierImport,
			Findings: []manifest.Finding{
				{Severity: manifest.Warning, Rule: "bucket-name-not-dns-compliant", Path: "logBucket",
					Span: span(4, 12, 21), Message: "Bucket `My_Bucket` breaks DNS rules:\n<lowercase>, please & thanks, 100%"},
			},
		},
		{
			File: "-",
			Kind: manifest.S3Import,
			Findings: []manifest.Finding{
				errorf(manifest.MalformedManifest, manifest.RuleYAMLSyntax, span(3, 1, 2), "",
					"YAML syntax error at line 3: found character that cannot start any token. Indent with spaces, not tabs."),
			},
		},
		{File: "clean.yaml", Kind: manifest.S3Export},
	},
}

func render(t testing.TB, f Formatter, rs []validate.Result) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf, rs, Options{Version: "1.2.3-test", Rules: pinnedRules}); err != nil {
		t.Fatalf("format: %v", err)
	}
	return buf.Bytes()
}

// golden compares got with testdata/<name>.golden, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./report -update rewrites it)\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestCIFormatsRegistered(t *testing.T) {
	for _, name := range []string{"sarif", "github", "junit", "xml"} {
		if Formats[name] == nil {
			t.Errorf("Formats[%q] is not registered", name)
		}
	}
}

// pinnedRules is the fixed rule list SARIF describes in the goldens, so
// that they do not change whenever a rule is added.
var pinnedRules = []*manifest.Descriptor{
	{ID: "required-field", Severity: manifest.Error, Codes: []manifest.Code{manifest.MissingManifestField}, Doc: "Every required field is present. Fields of returnAddress too."},
	{ID: "address-po-box", Severity: manifest.Error, Codes: []manifest.Code{manifest.InvalidAddress}, Doc: "The return address is not a post-office box."},
	{ID: manifest.RuleYAMLSyntax, Severity: manifest.Error, Codes: []manifest.Code{manifest.MalformedManifest}, Doc: "The manifest must be valid YAML."},
	{ID: manifest.RuleNoSpaceAfterColon, Severity: manifest.Warning, Doc: "`key:value` without a space is accepted, with a warning."},
	{ID: "two-codes", Severity: manifest.Error, Codes: []manifest.Code{manifest.NoSuchBucket, manifest.MultipleRegions}, Doc: "A rule with \"two\" codes & <markup>."},
}

func TestGolden(t *testing.T) {
	formats := map[string]Formatter{"sarif": SARIF, "github": GitHub, "junit": JUnit, "xml": XML, "json": JSON, "text": Text, "concise": Concise}
	for fname, f := range formats {
		for cname, rs := range ciCases {
			t.Run(fname+"_"+cname, func(t *testing.T) {
				got := render(t, f, rs)
				golden(t, fname+"_"+cname, got)
				// Deterministic: a second run is byte-identical.
				if again := render(t, f, rs); !bytes.Equal(got, again) {
					t.Errorf("two runs differ")
				}
			})
		}
	}
}

func TestSARIFSchema(t *testing.T) {
	// The official OASIS schema, kept in the repository.
	path := filepath.Join(testbin.Root(), "internal", "report", "testdata", "sarif-schema-2.1.0.json")
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	schema, err := gojsonschema.NewSchema(gojsonschema.NewReferenceLoader("file://" + filepath.ToSlash(abs)))
	if err != nil {
		t.Fatalf("loading the SARIF schema: %v", err)
	}
	for name, rs := range ciCases {
		out := render(t, SARIF, rs)
		res, err := schema.Validate(gojsonschema.NewBytesLoader(out))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, e := range res.Errors() {
			t.Errorf("%s: SARIF schema: %s", name, e)
		}
	}
}

func TestSARIFContent(t *testing.T) {
	var log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name    string `json:"name"`
					Version string `json:"version"`
					Rules   []struct {
						ID   string `json:"id"`
						Help struct {
							Text string `json:"text"`
						} `json:"help"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex *int   `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
							EndLine     int `json:"endLine"`
							EndColumn   int `json:"endColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Properties struct {
					Code           string `json:"code"`
					HTTPStatus     int    `json:"httpStatus"`
					ServiceMessage string `json:"serviceMessage"`
					Path           string `json:"path"`
				} `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	var buf bytes.Buffer
	if err := SARIF(&buf, ciCases["mixed"], Options{Version: "1.2.3-test", Rules: validate.Rules()}); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "manifestlint" ||
		log.Runs[0].Tool.Driver.Version != "1.2.3-test" {
		t.Fatalf("header: %+v", log)
	}
	run := log.Runs[0]
	rules := map[string]int{}
	for i, r := range run.Tool.Driver.Rules {
		rules[r.ID] = i
	}
	// Every registry rule is listed, with its level and codes in the help.
	for _, info := range validate.Rules() {
		i, ok := rules[info.ID]
		if !ok {
			t.Errorf("rule %s missing from tool.driver.rules", info.ID)
			continue
		}
		r := run.Tool.Driver.Rules[i]
		wantLevel := "error"
		if info.Severity == manifest.Warning {
			wantLevel = "warning"
		}
		if r.DefaultConfiguration.Level != wantLevel {
			t.Errorf("rule %s: level %s, want %s", info.ID, r.DefaultConfiguration.Level, wantLevel)
		}
		for _, c := range info.Codes {
			if !strings.Contains(r.Help.Text, string(c)) {
				t.Errorf("rule %s: help %q does not name %s", info.ID, r.Help.Text, c)
			}
		}
	}
	want := []struct {
		rule, level, uri, code, path string
		status, line, col            int
	}{
		{"required-field", "error", "dir/my%20manifest,1.yaml", "MissingManifestFieldException", "", 400, 1, 1},
		{"no-space-after-colon", "warning", "dir/my%20manifest,1.yaml", "", "manifestVersion", 0, 2, 16},
		{"address-po-box", "error", "dir/my%20manifest,1.yaml", "InvalidAddressException", "returnAddress.street1", 400, 9, 12},
		{"InvalidManifestFieldException", "error", "dir/my%20manifest,1.yaml", "InvalidManifestFieldException", "operations[0].exportBucket", 400, 12, 3},
		{"bucket-name-not-dns-compliant", "warning", "%C3%BC/a%3Ab%25.manifest.yaml", "", "logBucket", 0, 4, 12},
		{"yaml-syntax", "error", "-", "MalformedManifestException", "", 400, 3, 1},
	}
	if len(run.Results) != len(want) {
		t.Fatalf("%d results, want %d", len(run.Results), len(want))
	}
	for i, w := range want {
		r := run.Results[i]
		loc := r.Locations[0].PhysicalLocation
		if r.RuleID != w.rule || r.Level != w.level || loc.ArtifactLocation.URI != w.uri ||
			r.Properties.Code != w.code || r.Properties.Path != w.path || r.Properties.HTTPStatus != w.status ||
			loc.Region.StartLine != w.line || loc.Region.StartColumn != w.col {
			t.Errorf("result %d = %+v, want %+v", i, r, w)
		}
		if r.RuleIndex == nil || run.Tool.Driver.Rules[*r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex does not point at %s", i, r.RuleID)
		}
	}
	if reg := run.Results[2].Locations[0].PhysicalLocation.Region; reg.EndLine != 9 || reg.EndColumn != 30 {
		t.Errorf("result 2 region ends at %d:%d, want 9:30", reg.EndLine, reg.EndColumn)
	}
	if reg := run.Results[0].Locations[0].PhysicalLocation.Region; reg.EndLine != 0 || reg.EndColumn != 0 {
		t.Errorf("an empty range must leave the end out: %+v", reg)
	}
	// message.text is the specifics, verbatim; the service's sentence is
	// the serviceMessage property.
	if f := ciCases["mixed"][0].Findings[2]; run.Results[2].Message.Text != f.Message || run.Results[2].Properties.ServiceMessage != f.Code.Message() {
		t.Errorf("message not carried verbatim: %q (%q)", run.Results[2].Message.Text, run.Results[2].Properties.ServiceMessage)
	}
}

func TestFileURI(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"manifest.yaml", "manifest.yaml"},
		{"./a/../b/manifest.yaml", "b/manifest.yaml"},
		{"-", "-"},
		{"a b/c#d?.yaml", "a%20b/c%23d%3F.yaml"},
		{"c:x.yaml", "c%3Ax.yaml"},
		{filepath.Join(wd, "sub", "m.yaml"), "sub/m.yaml"},
		{"/nowhere/üx.yaml", "file:///nowhere/%C3%BCx.yaml"},
	}
	for _, tt := range tests {
		if got := fileURI(tt.in); got != tt.want {
			t.Errorf("fileURI(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	out := string(render(t, GitHub, ciCases["mixed"]))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines, want one per finding (6):\n%s", len(lines), out)
	}
	// The headline is the title, the help and the code the message: never
	// the service's sentence.
	want := []string{
		"::error file=dir/my manifest%2C1.yaml,line=1,col=1,endLine=1,title=Missing%3A deviceId::Add `deviceId: ABCDE` (the device's serial number).%0A%0AMissingManifestFieldException [required-field]",
		"::warning file=dir/my manifest%2C1.yaml,line=2,col=16,endLine=2,endColumn=19,title=No space after the colon in `manifestVersion%3A2.0`%3A write `manifestVersion%3A 2.0`.::[no-space-after-colon]",
		"::error file=dir/my manifest%2C1.yaml,line=9,col=12,endLine=9,endColumn=29,title=The key \"a<b>&c\" isn't 100%25 right%3A use x%2Cy\\nsecond line\\r\\nthird — ünïcødé ✓ 日本 'q' ]]> %250A::Help, 100%25 too: a,b\\nnext line %250A%0A%0AInvalidAddressException [address-po-box]",
		"::error file=dir/my manifest%2C1.yaml,line=12,col=3,endLine=12,endColumn=14,title=No rule id here; path has [brackets] & an ampersand.::InvalidManifestFieldException [InvalidManifestFieldException]",
		"::warning file=ü/a%3Ab%25.manifest.yaml,line=4,col=12,endLine=4,endColumn=20,title=Bucket `My_Bucket` breaks DNS rules%3A\\n<lowercase>%2C please & thanks%2C 100%25::[bucket-name-not-dns-compliant]",
		"::error file=-,line=3,col=1,endLine=3,endColumn=1,title=YAML syntax error at line 3%3A found character that cannot start any token. Indent with spaces%2C not tabs.::MalformedManifestException [yaml-syntax]",
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, lines[i], w)
		}
	}
	for _, l := range lines {
		if strings.Contains(l, "The address specified") || strings.Contains(l, "Your manifest is not") {
			t.Errorf("the service's sentence reaches an annotation: %s", l)
		}
	}
	if got := render(t, GitHub, ciCases["clean"]); len(got) != 0 {
		t.Errorf("clean run wrote %q", got)
	}
}

// parseXML decodes every token of out, failing on the first error.
func parseXML(t testing.TB, out []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(out))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("output is not well-formed XML: %v\n%s", err, out)
		}
	}
}

func TestJUnitParses(t *testing.T) {
	out := render(t, JUnit, ciCases["mixed"])
	parseXML(t, out)
	var doc junitSuites
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Tests != 7 || doc.Failures != 4 || len(doc.Suites) != 4 {
		t.Fatalf("tests=%d failures=%d suites=%d, want 7, 4, 4", doc.Tests, doc.Failures, len(doc.Suites))
	}
	s := doc.Suites[0]
	if s.Name != "dir/my manifest,1.yaml" || s.Tests != 4 || s.Failures != 3 {
		t.Errorf("suite 0: %+v", s)
	}
	if c := s.Cases[1]; c.Failure != nil || !strings.HasPrefix(c.SystemOut, "dir/my manifest,1.yaml:2:16: warning: No space") ||
		!strings.HasSuffix(c.SystemOut, "[no-space-after-colon]") {
		t.Errorf("a warning must be a passing testcase with system-out: %+v", c)
	}
	c := s.Cases[2]
	if c.Failure == nil || c.Failure.Type != "InvalidAddressException" || c.Failure.Message != ciCases["mixed"][0].Findings[2].Message ||
		c.Name != "InvalidAddressException at returnAddress.street1 (line 9)" {
		t.Errorf("error testcase: %+v", c)
	}
	if !strings.HasPrefix(c.Failure.Text, "dir/my manifest,1.yaml:9:12: error InvalidAddressException: The key") ||
		!strings.Contains(c.Failure.Text, "[address-po-box]\nhelp: Help, 100% too") {
		t.Errorf("failure text: %q", c.Failure.Text)
	}
	if n := doc.Suites[2].Cases[0].Name; n != "MalformedManifestException on line 3" {
		t.Errorf("a finding about the document: testcase %q", n)
	}
	clean := doc.Suites[3]
	if clean.Tests != 1 || clean.Failures != 0 || clean.Cases[0].Failure != nil || clean.Cases[0].Name != "manifest is valid" {
		t.Errorf("clean file: %+v", clean)
	}
}

func TestXMLParses(t *testing.T) {
	out := render(t, XML, ciCases["mixed"])
	parseXML(t, out)
	var doc xmlResults
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Files) != 4 {
		t.Fatalf("%d files, want 4", len(doc.Files))
	}
	f0 := doc.Files[0]
	if f0.Errors != 3 || f0.Warnings != 1 || len(f0.Findings) != 3 {
		t.Fatalf("file 0: errors=%d warnings=%d findings=%d; warnings must be left out", f0.Errors, f0.Warnings, len(f0.Findings))
	}
	if len(doc.Files[1].Findings) != 0 || doc.Files[1].Warnings != 1 {
		t.Errorf("a file with only a warning has no ErrorResponse: %+v", doc.Files[1])
	}
	g := f0.Findings[1]
	if g.Line != 9 || g.Column != 12 || g.Path != "returnAddress.street1" || g.Rule != "address-po-box" || g.Status != 400 {
		t.Errorf("finding attributes: %+v", g)
	}
	e := g.Response
	// xml.Unmarshal refuses an ErrorResponse outside ServiceNamespace (its
	// XMLName tag); say so in the output too.
	if !bytes.Contains(out, []byte(`<ErrorResponse xmlns="`+ServiceNamespace+`">`)) || e.Error.Type != "Sender" || e.Error.Code != "InvalidAddressException" ||
		e.Error.Message != manifest.InvalidAddress.Message() {
		t.Errorf("ErrorResponse: %+v", e)
	}
	wantDetail := nasty + ": Help, 100% too: a,b\nnext line %0A"
	if g.Detail != strings.TrimSpace(strings.ReplaceAll(wantDetail, "\r\n", "\n")) && g.Detail != strings.TrimSpace(wantDetail) {
		t.Errorf("Detail = %q, want the headline and the help after the service sentence", g.Detail)
	}
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for _, f := range doc.Files {
		for _, g := range f.Findings {
			id := g.Response.RequestID
			if !uuid.MatchString(id) {
				t.Errorf("RequestId %q is not a version-5 UUID", id)
			}
			if seen[id] {
				t.Errorf("RequestId %q repeats", id)
			}
			seen[id] = true
		}
	}
	// Two missing fields at the same position get different ids.
	a := errorf(manifest.MissingManifestField, "r", span(1, 1, 1), "deviceId", "")
	b := a
	b.Path = "returnAddress"
	if requestID("m.yaml", a) == requestID("m.yaml", b) {
		t.Error("RequestId ignores the path")
	}
	if first := requestID("m.yaml", a); requestID("m.yaml", a) != first {
		t.Error("RequestId is not deterministic")
	}
}

func TestSplitMessage(t *testing.T) {
	tests := []struct {
		f                    manifest.Finding
		sentence, wantDetail string
	}{
		{errorf(manifest.InvalidCustoms, "r", span(0, 0, 0), "", "deviceValue is `abc`."),
			manifest.InvalidCustoms.Message(), "deviceValue is `abc`."},
		{errorf(manifest.InvalidCustoms, "r", span(0, 0, 0), "", ""),
			manifest.InvalidCustoms.Message(), ""},
		{manifest.Finding{Code: manifest.InvalidCustoms, Message: "hand-written"},
			manifest.InvalidCustoms.Message(), "hand-written"},
		{manifest.Finding{Code: "NotACode", Message: "whatever"}, "whatever", ""},
	}
	for _, tt := range tests {
		s, d := splitMessage(tt.f)
		if s != tt.sentence || d != tt.wantDetail {
			t.Errorf("splitMessage(%q) = %q, %q", tt.f.Message, s, d)
		}
	}
}

// fuzzResult builds a result with an error and a warning from arbitrary text.
func fuzzResult(file, path, msg string, line, col int) []validate.Result {
	return []validate.Result{{
		File: file,
		Findings: []manifest.Finding{
			errorf(manifest.InvalidManifestField, "rule,:%\n", span(line, col, col), path, msg),
			warnf(path, span(line, col, col), path, msg),
		},
	}}
}

func addSeeds(f *testing.F) {
	f.Add("manifest.yaml", "returnAddress.city", "plain", 1, 1)
	f.Add("a,b:c%.yaml", "x[0].y", nasty, 3, 9)
	f.Add("\x00\xff", "\r\n", "]]><!-- \x01 \xc3", 0, -1)
	f.Add("", "", "", 99999, 0)
	f.Add("x.yaml\n::add-mask::x", "\x1b]0;t\x07", "\x1b[2J\u009b31m\u202e\u200b", 1, 1)
}

func FuzzSARIF(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, file, path, msg string, line, col int) {
		out := render(t, SARIF, fuzzResult(file, path, msg, line, col))
		var v struct {
			Runs []struct {
				Results []struct {
					Message struct{ Text string } `json:"message"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(out, &v); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, out)
		}
		if len(v.Runs) != 1 || len(v.Runs[0].Results) != 2 {
			t.Fatalf("want 1 run with 2 results:\n%s", out)
		}
		if utf8.ValidString(msg) && v.Runs[0].Results[1].Message.Text != msg {
			t.Fatalf("message not carried verbatim: %q != %q", v.Runs[0].Results[1].Message.Text, msg)
		}
	})
}

func FuzzJUnit(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, file, path, msg string, line, col int) {
		parseXML(t, render(t, JUnit, fuzzResult(file, path, msg, line, col)))
	})
}

func FuzzXML(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, file, path, msg string, line, col int) {
		parseXML(t, render(t, XML, fuzzResult(file, path, msg, line, col)))
	})
}

func FuzzGitHub(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, file, path, msg string, line, col int) {
		out := string(render(t, GitHub, fuzzResult(file, path, msg, line, col)))
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("want 2 lines, one per finding, got %d: %q", len(lines), out)
		}
		if !strings.HasPrefix(lines[0], "::error file=") || !strings.HasPrefix(lines[1], "::warning file=") {
			t.Fatalf("bad command lines: %q", out)
		}
		for _, l := range lines {
			// The properties part ends at the first "::" after the command.
			props := strings.SplitN(l[2:], "::", 2)[0]
			if strings.ContainsAny(props, "\r\n") {
				t.Fatalf("unescaped property text: %q", l)
			}
			_, props, _ = strings.Cut(props, " ")
			for _, p := range strings.Split(props, ",") {
				k, _, _ := strings.Cut(p, "=")
				switch k {
				case "file", "line", "col", "endLine", "endColumn", "title":
				default:
					t.Fatalf("unescaped property text (%q): %q", p, l)
				}
			}
			// Nothing that drives a terminal or hides text: no C0 or C1
			// control, no line or paragraph separator, no bidirectional
			// or zero-width character, no byte that is not UTF-8.
			if !utf8.ValidString(l) {
				t.Fatalf("not UTF-8: %q", l)
			}
			for _, r := range l {
				if r < 0x20 || r >= 0x7F && r <= 0x9F || r == 0x2028 || r == 0x2029 || unicode.Is(unicode.Cf, r) {
					t.Fatalf("%U reaches the log: %q", r, l)
				}
			}
		}
	})
}
