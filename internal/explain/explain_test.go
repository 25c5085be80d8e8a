package explain

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testbin"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// codesMD is the repository's docs/codes.md, found from the module root.
func codesMD(t *testing.T) string {
	t.Helper()
	return filepath.Join(testbin.Root(), "docs", "codes.md")
}

type mdRow struct {
	section string
	cells   []string
}

// parseCodesMD returns every table row of codes.md whose first cell is a
// backticked code, with the "## " section it sits in, and the log section's
// text.
func parseCodesMD(t *testing.T) (rows []mdRow, logText string) {
	f, err := os.Open(codesMD(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	first := regexp.MustCompile("^`([^`]+)`$")
	section := ""
	var log strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "## ") {
			section = strings.TrimPrefix(line, "## ")
			continue
		}
		if strings.HasPrefix(section, "Log file status") {
			log.WriteString(line + "\n")
		}
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		m := first.FindStringSubmatch(cells[0])
		if m == nil {
			continue
		}
		cells[0] = m[1]
		rows = append(rows, mdRow{section, cells})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows, log.String()
}

// TestCoverageOfCodesMD compares the catalog with codes.md, both ways.
func TestCoverageOfCodesMD(t *testing.T) {
	rows, logText := parseCodesMD(t)
	cat := AllCodes()
	errs := map[string]ErrorCodeEntry{}
	for _, e := range cat.ErrorCodes {
		errs[e.Code] = e
	}
	status := map[string]map[string]bool{"progress": {}, "location": {}}
	for _, e := range cat.ProgressCodes {
		status["progress"][e.Code] = true
	}
	for _, e := range cat.LocationCodes {
		status["location"][e.Code] = true
	}
	seen := map[string]bool{}
	for _, r := range rows {
		code := r.cells[0]
		seen[code] = true
		switch {
		case strings.HasPrefix(r.section, "Error codes"):
			e, ok := errs[code]
			if !ok {
				t.Errorf("error code %s of codes.md is missing from the catalog", code)
				continue
			}
			if st, _ := strconv.Atoi(r.cells[1]); st != e.HTTPStatus {
				t.Errorf("%s: HTTP %d, codes.md says %s", code, e.HTTPStatus, r.cells[1])
			}
			if r.cells[2] != e.Message {
				t.Errorf("%s: message %q, codes.md says %q", code, e.Message, r.cells[2])
			}
			if len(r.cells) != 6 {
				t.Errorf("%s: codes.md row has %d cells, want 6 (code, HTTP, message, detected, online, rules)", code, len(r.cells))
				continue
			}
			if r.cells[3] != e.Local {
				t.Errorf("%s: detected %q, codes.md says %q", code, e.Local, r.cells[3])
			}
			if r.cells[4] != e.Online {
				t.Errorf("%s: online %q, codes.md says %q", code, e.Online, r.cells[4])
			}
			var links []string
			for _, m := range regexp.MustCompile("\\[`([a-z0-9-]+)`\\]\\(rules\\.md#([a-z0-9-]+)\\)").FindAllStringSubmatch(r.cells[5], -1) {
				if m[1] != m[2] {
					t.Errorf("%s: codes.md links rule %s to #%s", code, m[1], m[2])
				}
				links = append(links, m[1])
			}
			if strings.Join(links, ", ") != strings.Join(e.Rules, ", ") {
				t.Errorf("%s: rules %v, codes.md says %v", code, e.Rules, links)
			}
			if buf := new(bytes.Buffer); Lookup(buf, code) != nil || !strings.Contains(buf.String(), e.Message) {
				t.Errorf("explain %s fails or lacks the service message:\n%s", code, buf)
			}
		case strings.HasPrefix(r.section, "Job progress"):
			if !status["progress"][code] {
				t.Errorf("progress code %s of codes.md is missing", code)
			}
		case strings.HasPrefix(r.section, "Device location"):
			if !status["location"][code] {
				t.Errorf("location code %s of codes.md is missing", code)
			}
		default:
			t.Errorf("code %s in an unexpected section %q", code, r.section)
		}
		if err := Lookup(new(bytes.Buffer), code); err != nil {
			t.Errorf("explain %s: %v", code, err)
		}
	}
	// The log section names Status / Code pairs in running text.
	pairs := regexp.MustCompile("`(\\d{3})` / `([A-Za-z]+)`").FindAllStringSubmatch(logText, -1)
	if len(pairs) < 4 {
		t.Errorf("found only %d Status / Code pairs in the log section of codes.md", len(pairs))
	}
	for _, p := range pairs {
		found := false
		for _, e := range cat.LogStatusCodes {
			if strconv.Itoa(e.Status) == p[1] && e.Code == p[2] {
				found = true
			}
		}
		if !found {
			t.Errorf("log status %s / %s of codes.md is missing", p[1], p[2])
		}
		seen[p[2]] = true
	}
	// And the other way: nothing in the catalog that codes.md does not have.
	for _, e := range cat.ErrorCodes {
		if !seen[e.Code] {
			t.Errorf("catalog code %s is not in codes.md", e.Code)
		}
	}
	for _, es := range [][]StatusEntry{cat.ProgressCodes, cat.LocationCodes, cat.LogStatusCodes} {
		for _, e := range es {
			if !seen[e.Code] {
				t.Errorf("catalog code %s is not in codes.md", e.Code)
			}
		}
	}
}

func TestEveryCodeDocumented(t *testing.T) {
	for _, c := range manifest.ErrorCodes {
		d, ok := codeDocs()[c.Code]
		if !ok || d.Cause == "" {
			t.Errorf("%s: no cause written", c.Code)
			continue
		}
		if c.Detectable() && d.Example == nil {
			t.Errorf("%s is detectable but has no example", c.Code)
		}
		if !c.Detectable() && d.Fix == "" {
			t.Errorf("%s is not detectable but does not say what to do", c.Code)
		}
	}
	for code := range codeDocs() {
		if _, ok := code.Info(); !ok {
			t.Errorf("codeDocs has %s, which the catalog does not", code)
		}
	}
}

// TestExamples checks that every code example has a bad and a different
// fixed text, and that every fixed manifest example reads as a manifest.
func TestExamples(t *testing.T) {
	all := map[string]*manifest.Example{}
	for c, d := range codeDocs() {
		if d.Example != nil {
			all[string(c)] = d.Example
		}
	}
	for _, r := range validate.Rules() {
		all[r.ID] = &r.Example
	}
	for name, ex := range all {
		if ex.Before == "" || ex.After == "" || ex.Before == ex.After {
			t.Errorf("%s: example needs a bad and a different fixed text", name)
		}
		if ex.Lang != "yaml" {
			continue
		}
		if _, fs := manifest.Parse("good.yaml", []byte(ex.After)); len(fs) > 0 && name != manifest.RuleNoSpaceAfterColon {
			t.Errorf("%s: the fixed example does not read as a manifest: %+v", name, fs)
		}
	}
}

// TestEveryRuleExplained runs `explain` on every registered rule: each has a
// doc and an example (its own or its code's; a warning needs its own).
func TestEveryRuleExplained(t *testing.T) {
	for _, r := range validate.Rules() {
		var buf bytes.Buffer
		if err := Rule(&buf, r.ID); err != nil {
			t.Errorf("explain %s: %v", r.ID, err)
			continue
		}
		out := buf.String()
		if r.Doc == "" {
			t.Errorf("rule %s has no doc", r.ID)
		}
		if !strings.Contains(out, "Example") {
			t.Errorf("rule %s has no example (add one to its descriptor):\n%s", r.ID, out)
		}
		for _, c := range r.Codes {
			if !strings.Contains(out, string(c)) {
				t.Errorf("explain %s does not name its code %s", r.ID, c)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"MissingManifestFieldException", []string{"MissingManifestFieldException", "HTTP status:     400", "What causes it", "Bad:", "Fixed:", "deviceId: 49382"}},
		{"missingmanifestfield", []string{"MissingManifestFieldException", "Please correct and resubmit."}},
		{"OPTINREQUIRED", []string{"OptInRequired", "HTTP status:     403", "No: needs the account", "What to do"}},
		{"NoSuchBucketException", []string{"Only with a bucket inventory", "my-buckt"}},
		{"InvalidParameterException", []string{"Wrong:", "--job-type upload", "Right:"}},
		{"duplicate-key", []string{"duplicate-key (error)", "MalformedManifestException (HTTP 400)", "bucket: my-other-bucket", "See also"}},
		{"NO-SPACE-AFTER-COLON", []string{"no-space-after-colon (warning)", "None: a warning", "manifestVersion:2.0"}},
		{"pending", []string{"Pending", "Job progress code", "the job has not started", "not a fault of a manifest"}},
		{"AtAWS", []string{"Device location code"}},
		{"103", []string{"Ignored", "Status:  103", "SIGNATURE"}},
		{"accessdenied", []string{"AccessDenied", "403"}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := Lookup(&buf, tt.name); err != nil {
			t.Errorf("Lookup(%q): %v", tt.name, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("Lookup(%q) lacks %q:\n%s", tt.name, w, buf.String())
			}
		}
	}
}

func TestUnknown(t *testing.T) {
	tests := []struct {
		name     string
		suggests string
	}{
		{"MisingManifestField", "MissingManifestFieldException"},
		{"address-p", "address-phone"},
		{"InvalidAdress", "InvalidAddressException"},
		{"duplicate-keys", "duplicate-key"},
		{"Pendng", "Pending"},
		{"qqqqqqqqqqqq", ""},
	}
	for _, tt := range tests {
		err := Lookup(new(bytes.Buffer), tt.name)
		var ue *UnknownError
		if !errors.As(err, &ue) {
			t.Errorf("Lookup(%q) = %v, want an *UnknownError", tt.name, err)
			continue
		}
		if tt.suggests == "" {
			if len(ue.Suggestions) != 0 || strings.Contains(err.Error(), "did you mean") {
				t.Errorf("Lookup(%q) suggests %v", tt.name, ue.Suggestions)
			}
			continue
		}
		if len(ue.Suggestions) == 0 || ue.Suggestions[0] != tt.suggests || !strings.Contains(err.Error(), "did you mean "+tt.suggests) {
			t.Errorf("Lookup(%q): %v, want %s first", tt.name, err, tt.suggests)
		}
	}
	if err := Code(new(bytes.Buffer), "duplicate-key"); err == nil {
		t.Error("Code accepts a rule id")
	}
	if err := Rule(new(bytes.Buffer), "OptInRequired"); err == nil {
		t.Error("Rule accepts a code")
	}
}

func TestCodes(t *testing.T) {
	var buf bytes.Buffer
	if err := Codes(&buf, "text", 0); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, w := range []string{"CODE", "HTTP", "DETECTED", "OptInRequired", "403", "no (needs the account)",
		"Job progress codes", "UnsupportedPowerSupply", "Device location codes", "NotReceived",
		"Log file status codes", "103", "Ignored"} {
		if !strings.Contains(out, w) {
			t.Errorf("codes text lacks %q", w)
		}
	}
	buf.Reset()
	if err := Codes(&buf, "json", 80); err != nil {
		t.Fatal(err)
	}
	var cat Catalog
	if err := json.Unmarshal(buf.Bytes(), &cat); err != nil {
		t.Fatal(err)
	}
	if len(cat.ErrorCodes) != 23 || len(cat.ProgressCodes) != 13 || len(cat.LocationCodes) != 3 || len(cat.LogStatusCodes) != 4 {
		t.Errorf("json counts: %d %d %d %d", len(cat.ErrorCodes), len(cat.ProgressCodes), len(cat.LocationCodes), len(cat.LogStatusCodes))
	}
	for _, e := range cat.ErrorCodes {
		if e.Code == "OptInRequired" && (e.Detectable || e.HTTPStatus != 403) {
			t.Errorf("OptInRequired: %+v", e)
		}
		if e.Rules == nil {
			t.Errorf("%s: rules must be a list, even empty", e.Code)
		}
	}
	if err := Codes(&buf, "yaml", 0); err == nil {
		t.Error("Codes accepted format yaml")
	}
}

// TestCodesFitWidth: at 80 and 120 columns no line of `codes` passes the
// width, and every code and service message is still there, whole once
// its wrapped lines are joined; with no limit, a code's row is one line.
func TestCodesFitWidth(t *testing.T) {
	for _, width := range []int{79, 119} {
		var buf bytes.Buffer
		if err := Codes(&buf, "text", width); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(buf.String(), "\n") {
			if n := len([]rune(line)); n > width {
				t.Errorf("width %d: line %d has %d columns: %q", width, i+1, n, line)
			}
		}
		joined := strings.Join(strings.Fields(buf.String()), " ")
		for _, e := range AllCodes().ErrorCodes {
			if !strings.Contains(joined, strings.Join(strings.Fields(e.Message), " ")) || !strings.Contains(joined, e.Code) {
				t.Errorf("width %d: %s or its message is missing", width, e.Code)
			}
		}
	}
	var buf bytes.Buffer
	if err := Codes(&buf, "text", 0); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "OptInRequired  ") {
		t.Errorf("no limit: want the table with OptInRequired's row on one line:\n%s", buf.String())
	}
}

// TestWriteTableWrapsUnderItsColumn: a long last cell goes on under the
// last column; a table whose last column would be too narrow becomes one
// paragraph per row.
func TestWriteTableWrapsUnderItsColumn(t *testing.T) {
	var buf bytes.Buffer
	rows := [][]string{{"a-rule", "error", "one two three four five six seven eight nine ten eleven twelve"}}
	if err := WriteTable(&buf, 50, []string{"RULE", "SEVERITY", "CHECKS"}, rows); err != nil {
		t.Fatal(err)
	}
	want := "RULE    SEVERITY  CHECKS\n" +
		"a-rule  error     one two three four five six\n" +
		"                  seven eight nine ten eleven\n" +
		"                  twelve\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	if err := WriteTable(&buf, 30, []string{"RULE", "SEVERITY", "CHECKS"}, rows); err != nil {
		t.Fatal(err)
	}
	want = "a-rule\n  severity: error\n  checks: one two three four\n    five six seven eight nine\n    ten eleven twelve\n"
	if buf.String() != want {
		t.Errorf("paragraphs: got\n%s\nwant\n%s", buf.String(), want)
	}
}

// TestRuleExamplesTrigger lints each rule's example with what it says the
// linter is told: Before must draw a finding of its rule, After must not.
func TestRuleExamplesTrigger(t *testing.T) {
	for _, r := range validate.Rules() {
		ex := r.Example
		if ex.Lang != "yaml" {
			t.Errorf("%s: the example is not a manifest fragment (Lang %q)", r.ID, ex.Lang)
			continue
		}
		opts := validate.Options{Region: ex.Region, Buckets: ex.Buckets, AccessKeyID: ex.AccessKeyID}
		if ex.Region != "" {
			opts.RegionSource = manifest.Source{Kind: manifest.SourceFlag, Name: "--region"}
		}
		has := func(src string) bool {
			res := validate.Validate("example.yaml", []byte(src), opts)
			for _, f := range res.Findings {
				if f.Rule == r.ID {
					return true
				}
			}
			return false
		}
		if !has(strings.ReplaceAll(ex.Before, `\xFC`, "\xfc")) {
			t.Errorf("the bad example of %s does not draw a %s finding", r.ID, r.ID)
		}
		if has(ex.After) {
			t.Errorf("the fixed example of %s still draws a %s finding", r.ID, r.ID)
		}
	}
}

var updateRulesDoc = flag.Bool("update-rules-doc", false, "rewrite docs/rules.md from the rule registry")

// TestRulesDocUpToDate checks that docs/rules.md is what the registry
// generates; go generate ./internal/explain (-update-rules-doc) rewrites it.
func TestRulesDocUpToDate(t *testing.T) {
	path := filepath.Join(filepath.Dir(codesMD(t)), "rules.md")
	got := RulesMarkdown()
	if *updateRulesDoc {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go generate ./internal/explain writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("docs/rules.md is stale: run go generate ./internal/explain")
	}
}

// TestRulesDocMatchesExplain: each rule's section of docs/rules.md says what
// `manifestlint explain RULE` prints: the doc, every code, the kinds, each
// line of the example, and explain names the section.
func TestRulesDocMatchesExplain(t *testing.T) {
	md := string(RulesMarkdown())
	rules := validate.Rules()
	if len(rules) < 30 {
		t.Fatalf("only %d rules in the registry", len(rules))
	}
	for i, r := range rules {
		start := strings.Index(md, "\n## "+r.ID+"\n")
		if start < 0 {
			t.Errorf("%s: no section in rules.md", r.ID)
			continue
		}
		end := len(md)
		if i+1 < len(rules) {
			end = strings.Index(md, "\n## "+rules[i+1].ID+"\n")
		}
		section := md[start:end]
		var out bytes.Buffer
		if err := Rule(&out, r.ID); err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(out.String()), " ")
		flat := strings.Join(strings.Fields(section), " ")
		for _, want := range append([]string{r.Doc, appliesTo(r), fixText(r)}, r.Decisions...) {
			if !strings.Contains(text, strings.Join(strings.Fields(want), " ")) || !strings.Contains(flat, strings.Join(strings.Fields(want), " ")) {
				t.Errorf("%s: %q is not in both explain and rules.md", r.ID, want)
			}
		}
		for _, c := range r.Codes {
			if !strings.Contains(text, codeLine(c)) || !strings.Contains(section, string(c)) || !strings.Contains(section, c.Message()) {
				t.Errorf("%s: code %s is not in both", r.ID, c)
			}
		}
		for _, l := range strings.Split(strings.TrimSpace(r.Example.Before+"\n"+r.Example.After), "\n") {
			if !strings.Contains(out.String(), "    "+l) || !strings.Contains(section, l) {
				t.Errorf("%s: example line %q is not in both", r.ID, l)
			}
		}
		if !strings.Contains(out.String(), "Documentation: "+r.HelpURI()) || !strings.HasSuffix(r.HelpURI(), "#"+r.ID) {
			t.Errorf("%s: explain does not name %s", r.ID, r.HelpURI())
		}
	}
}

// Code explains an error code (any letter case, "Exception" suffix optional).
func Code(w io.Writer, name string) error {
	c, ok := findCode(name)
	if !ok {
		return unknown(name)
	}
	return writeCode(w, c)
}

// Rule explains a rule id (any letter case).
func Rule(w io.Writer, id string) error {
	r, ok := findRule(id)
	if !ok {
		return unknown(id)
	}
	return writeRule(w, r)
}
