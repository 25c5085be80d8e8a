package lsp

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

const brokenManifest = `# An S3 import manifest with faults.
manifestVersion: 2.0
accessKeyId: AKIAIOSFODNN7EXAMPL
deviceId: ABCDE
bucket: myBucket
eraseDevice: no
erase_device: yes
returnAddress:
    name: Ana Torres
    street1: PO Box 123
    stateOrProvince: WA
    postalCode: 9810
    phoneNumber: 206-555-0100
    country: USA
`

// docText returns the server's copy of uri.
func docText(t *testing.T, c *testClient, uri string) string {
	t.Helper()
	c.srv.mu.Lock()
	defer c.srv.mu.Unlock()
	d, ok := c.srv.docs[uri]
	if !ok {
		t.Fatalf("%s is not open", uri)
	}
	return d.text
}

// sameFindings checks that diagnostics carry the findings' codes,
// messages, severities and start positions (utf-16, 0-based).
func sameFindings(t *testing.T, text string, ds []Diagnostic, fs []manifest.Finding) {
	t.Helper()
	if len(ds) != len(fs) {
		t.Fatalf("%d diagnostics, %d findings:\n%+v\n%+v", len(ds), len(fs), ds, fs)
	}
	idx := newLineIndex(text)
	for i, f := range fs {
		d := ds[i]
		want := f.Rule
		if f.Code != "" {
			want = string(f.Code)
		}
		sev := severityError
		if f.Severity == manifest.Warning {
			sev = severityWarning
		}
		start := idx.position(idx.offsetOfLineCol(f.Line, f.Column), utf16)
		if d.Code != want || d.Message != findingMessage(f) || d.Severity != sev || d.Range.Start != start || d.Source != "manifestlint" {
			t.Errorf("diagnostic %d = %+v\nfinding %+v (start %v)", i, d, f, start)
		}
		if d.Range.End.Line < d.Range.Start.Line || (d.Range.End.Line == d.Range.Start.Line && d.Range.End.Character < d.Range.Start.Character) {
			t.Errorf("diagnostic %d ends before it starts: %+v", i, d.Range)
		}
	}
}

func TestDiagnosticsEqualValidate(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.open("untitled:broken", brokenManifest, 3)
	ds, _ := c.diagnostics(0, "untitled:broken", 3)
	want := validate.Validate("untitled:broken", []byte(brokenManifest), validate.Options{})
	if len(want.Findings) < 5 {
		t.Fatalf("the broken manifest has only %d findings", len(want.Findings))
	}
	sameFindings(t, brokenManifest, ds, want.Findings)

	// Pull diagnostics are the same.
	var rep fullDocumentDiagnosticReport
	c.result("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": "untitled:broken"}}, &rep)
	if rep.Kind != "full" {
		t.Errorf("pull report kind %q", rep.Kind)
	}
	a, _ := json.Marshal(rep.Items)
	b, _ := json.Marshal(ds)
	if string(a) != string(b) {
		t.Errorf("pulled diagnostics differ from pushed:\n%s\n%s", a, b)
	}
}

func TestIncrementalChangesInUTF16AndUTF8(t *testing.T) {
	// Line 1 holds a BMP character (é, 1 UTF-16 unit, 2 bytes) and a
	// non-BMP one (😀, 2 units, 4 bytes).
	const text = "manifestVersion: 2.0\nname: é😀x\nbucket: b\n"
	for _, tt := range []struct {
		enc      []string
		startCh  int // of 'x' on line 1
		wantText string
	}{
		{nil, 9, "manifestVersion: 2.0\nname: é😀Y\nbucket: b\n"},
		{[]string{"utf-8"}, 12, "manifestVersion: 2.0\nname: é😀Y\nbucket: b\n"},
	} {
		c := startServer(t, Options{})
		c.initialize(tt.enc, nil)
		c.open("file:///tmp/inc.yaml", text, 1)
		c.notify("textDocument/didChange", map[string]any{
			"textDocument": map[string]any{"uri": "file:///tmp/inc.yaml", "version": 2},
			"contentChanges": []any{map[string]any{
				"range": Range{Position{1, tt.startCh}, Position{1, tt.startCh + 1}},
				"text":  "Y",
			}},
		})
		c.diagnostics(0, "file:///tmp/inc.yaml", 2)
		if got := docText(t, c, "file:///tmp/inc.yaml"); got != tt.wantText {
			t.Errorf("encoding %v: text after the change %q, want %q", tt.enc, got, tt.wantText)
		}
	}
}

func TestStaleVersionsAreNotPublished(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:stale"
	c.open(uri, brokenManifest, 1)
	text := brokenManifest
	const n = 60
	for v := 2; v <= n; v++ {
		// Alternate: append a line, then full replacement.
		text += "# edit\n"
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"text": text}},
		})
	}
	ds, end := c.diagnostics(0, uri, n)
	want := validate.Validate(uri, []byte(text), validate.Options{})
	sameFindings(t, text, ds, want.Findings)
	// Every publication names a version, in increasing order.
	last := 0
	for _, m := range c.messages(0)[:end] {
		if m.Method != "textDocument/publishDiagnostics" {
			continue
		}
		var p publishDiagnosticsParams
		json.Unmarshal(m.Params, &p)
		if p.Version == nil || *p.Version <= last {
			t.Errorf("published version %v after %d", p.Version, last)
			continue
		}
		last = *p.Version
	}
	if last != n {
		t.Errorf("last published version %d, want %d", last, n)
	}
}

func TestCloseClearsDiagnostics(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.open("untitled:c", brokenManifest, 1)
	ds, next := c.diagnostics(0, "untitled:c", 1)
	if len(ds) == 0 {
		t.Fatal("no diagnostics before close")
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": "untitled:c"}})
	ds, _ = c.diagnostics(next, "untitled:c", -1)
	if len(ds) != 0 {
		t.Errorf("after close: %d diagnostics, want none", len(ds))
	}
	if m := c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": "untitled:c"}}); m.Error == nil {
		t.Errorf("pull on a closed document answered %s", m.Result)
	}
}

// codes lists the diagnostics' codes.
func codes(ds []Diagnostic) string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code)
	}
	return strings.Join(out, " ")
}

func TestConfigFileFoundUpwardAndReloaded(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "jobs", "2026")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, ".manifestlint.yaml")
	write := func(s string) {
		if err := os.WriteFile(cfgPath, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("disable: [address-po-box]\n")
	path := filepath.Join(sub, "m.yaml")
	uri := "file://" + filepath.ToSlash(path)
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.open(uri, brokenManifest, 1)
	ds, next := c.diagnostics(0, uri, 1)
	cliLike := func() []manifest.Finding {
		var o validate.Options
		o.Ignore = []string{"address-po-box"}
		return validate.Validate(path, []byte(brokenManifest), o).Findings
	}
	sameFindings(t, brokenManifest, ds, cliLike())
	if strings.Contains(codes(ds), "address-po-box") {
		t.Fatalf("the config file's disable was not applied: %s", codes(ds))
	}

	// The config changes on disk; the client says so.
	write("disable: []\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": "file://" + filepath.ToSlash(cfgPath), "type": 2}}})
	ds, next = c.diagnostics(next, uri, 1)
	all := validate.Validate(path, []byte(brokenManifest), validate.Options{}).Findings
	sameFindings(t, brokenManifest, ds, all)

	// A broken config file: one diagnostic saying so, as the CLI refuses to run.
	write("disabel: [x]\n")
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": "file://" + filepath.ToSlash(cfgPath)}})
	ds, _ = c.diagnostics(next, uri, 1)
	if len(ds) != 1 || ds[0].Code != "config" || !strings.Contains(ds[0].Message, "config error") {
		t.Errorf("broken config: %+v", ds)
	}
}

func TestSettingsJobTypeAndRegion(t *testing.T) {
	const export = "manifestVersion: 2.0\ndeviceId: ABCDE\nfileSystem: NTFS\n"
	for _, tt := range []struct {
		name string
		init any
		conf any // workspace/configuration answer
		opts validate.Options
	}{
		{"none", nil, nil, validate.Options{}},
		{"initializationOptions", map[string]any{"jobType": "export", "region": "eu-west-1"}, nil,
			validate.Options{JobType: manifest.JobTypeExport, Region: "eu-west-1", RegionSource: manifest.Source{Kind: manifest.SourceFlag, Name: "the editor setting manifestlint.region"},
				JobTypeSource: manifest.Source{Kind: manifest.SourceFlag, Name: "the editor setting manifestlint.jobType", Detail: "export"}}},
		{"workspace/configuration", nil, map[string]any{"jobType": "export"}, validate.Options{JobType: manifest.JobTypeExport,
			JobTypeSource: manifest.Source{Kind: manifest.SourceFlag, Name: "the editor setting manifestlint.jobType", Detail: "export"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := startServer(t, Options{})
			if tt.conf != nil {
				c.onRequest = func(m *message) any {
					if m.Method == "workspace/configuration" {
						return []any{tt.conf}
					}
					return nil
				}
			}
			params := map[string]any{"capabilities": map[string]any{"workspace": map[string]any{"configuration": tt.conf != nil}}}
			if tt.init != nil {
				params["initializationOptions"] = tt.init
			}
			c.result("initialize", params, nil)
			c.notify("initialized", map[string]any{})
			if tt.conf != nil {
				c.waitNote(0, func(m *message) bool { return m.Method == "workspace/configuration" })
			}
			c.open("untitled:s", export, 1)
			want := validate.Validate("untitled:s", []byte(export), tt.opts).Findings
			// The configuration answer may re-lint: wait for the expected set.
			from := 0
			for {
				ds, next := c.diagnostics(from, "untitled:s", -1)
				if len(ds) == len(want) && (len(ds) == 0 || ds[0].Message == findingMessage(want[0])) {
					sameFindings(t, export, ds, want)
					break
				}
				from = next
			}
		})
	}
}

func TestDiagnosticRangesInUTF16AndUTF8(t *testing.T) {
	// The PO box value starts with an emoji: 2 UTF-16 units, 4 bytes.
	const text = "manifestVersion: 2.0\nreturnAddress:\n    street1: 😀 PO Box 1\n"
	for _, tt := range []struct {
		enc     []string
		wantEnd int
	}{
		{nil, 13 + 2 + len(" PO Box 1")},
		{[]string{"utf-8"}, 13 + 4 + len(" PO Box 1")},
	} {
		c := startServer(t, Options{})
		c.initialize(tt.enc, nil)
		c.open("untitled:r", text, 1)
		ds, _ := c.diagnostics(0, "untitled:r", 1)
		found := false
		for _, d := range ds {
			if d.Code == "InvalidAddressException" && strings.Contains(d.Message, "box") {
				found = true
				if want := (Range{Position{2, 13}, Position{2, tt.wantEnd}}); d.Range != want {
					t.Errorf("encoding %v: range %+v, want %+v", tt.enc, d.Range, want)
				}
			}
		}
		if !found {
			t.Errorf("no PO box diagnostic: %+v", ds)
		}
	}
}

func TestRelatedInformation(t *testing.T) {
	const text = "manifestVersion: 2.0\ndeviceId: A\ndeviceId: B\n"
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.open("untitled:dup", text, 1)
	ds, _ := c.diagnostics(0, "untitled:dup", 1)
	for _, d := range ds {
		if d.Data != nil && d.Data.Rule == "duplicate-key" {
			if len(d.RelatedInformation) != 1 || d.RelatedInformation[0].Location.Range.Start != (Position{1, 0}) || d.RelatedInformation[0].Location.URI != "untitled:dup" {
				t.Errorf("duplicate key related information: %+v", d.RelatedInformation)
			}
			return
		}
	}
	t.Errorf("no duplicate-key diagnostic: %+v", ds)
}

func TestUnicodeLineSeparatorsKeepPositions(t *testing.T) {
	// LS (U+2028) is a line break for YAML, not for LSP: the editor's line 2
	// is the server's too, and an edit there lands where the editor put it.
	const text = "manifestVersion: 2.0\ngenerator: a\u2028bucket: b\nreturnAddress:\n    street1: PO Box 1\n"
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.open("untitled:ls", text, 1)
	ds, _ := c.diagnostics(0, "untitled:ls", 1)
	found := false
	for _, d := range ds {
		if strings.Contains(d.Message, "box") {
			found = true
			if d.Range.Start != (Position{3, 13}) {
				t.Errorf("PO box diagnostic at %+v, want line 3 (LSP), character 13", d.Range.Start)
			}
		}
	}
	if !found {
		t.Fatalf("no PO box diagnostic: %+v", ds)
	}
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": "untitled:ls", "version": 2},
		"contentChanges": []any{map[string]any{"range": Range{Position{2, 0}, Position{2, 0}}, "text": "deviceId: X\n"}},
	})
	c.diagnostics(0, "untitled:ls", 2)
	want := "manifestVersion: 2.0\ngenerator: a\u2028bucket: b\ndeviceId: X\nreturnAddress:\n    street1: PO Box 1\n"
	if got := docText(t, c, "untitled:ls"); got != want {
		t.Errorf("after the edit: %q, want %q", got, want)
	}
}

func TestConfigChangeSeenWithoutWatcher(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	cfgPath := filepath.Join(dir, ".manifestlint.yaml")
	if err := os.WriteFile(cfgPath, []byte("disable: [address-po-box]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "m.yaml"))
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.open(uri, brokenManifest, 1)
	ds, next := c.diagnostics(0, uri, 1)
	if strings.Contains(codes(ds), "address-po-box") {
		t.Fatalf("disable not applied: %s", codes(ds))
	}
	// The file changes; the editor says nothing; the next edit sees it.
	if err := os.WriteFile(cfgPath, []byte("disable: []\n# changed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": brokenManifest}}})
	ds, _ = c.diagnostics(next, uri, 2)
	var rules []string
	for _, d := range ds {
		rules = append(rules, d.Data.Rule)
	}
	if !strings.Contains(strings.Join(rules, " "), "address-po-box") {
		t.Errorf("after the config changed on disk, rules %v lack address-po-box", rules)
	}
}

func TestDidChangeConfigurationRelints(t *testing.T) {
	const export = "manifestVersion: 2.0\ndeviceId: ABCDE\n"
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.open("untitled:dc", export, 1)
	before, next := c.diagnostics(0, "untitled:dc", 1)
	sameFindings(t, export, before, validate.Validate("untitled:dc", []byte(export), validate.Options{}).Findings)
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"manifestlint": map[string]any{"jobType": "export"}}})
	after, _ := c.diagnostics(next, "untitled:dc", 1)
	sameFindings(t, export, after, validate.Validate("untitled:dc", []byte(export), validate.Options{JobType: manifest.JobTypeExport,
		JobTypeSource: manifest.Source{Kind: manifest.SourceFlag, Name: "the editor setting manifestlint.jobType", Detail: "export"}}).Findings)
	if b, a := fmt.Sprint(before), fmt.Sprint(after); a == b {
		t.Errorf("the job type changed nothing: %s", a)
	}
	// A value the CLI would refuse is dropped with a message.
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"manifestlint": map[string]any{"region": "mars-1"}}})
	m, _ := c.waitNote(0, func(m *message) bool { return m.Method == "window/showMessage" })
	if !strings.Contains(string(m.Params), "mars-1") {
		t.Errorf("showMessage %s", m.Params)
	}
}

func TestPullDiagnosticsResultID(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.open("untitled:p", "manifestVersion: 2.0\n", 1)
	td := map[string]any{"uri": "untitled:p"}
	var first fullDocumentDiagnosticReport
	c.result("textDocument/diagnostic", map[string]any{"textDocument": td}, &first)
	if first.Kind != "full" || first.ResultID == "" || len(first.Items) == 0 {
		t.Fatalf("first pull: %+v", first)
	}
	var again fullDocumentDiagnosticReport
	c.result("textDocument/diagnostic", map[string]any{"textDocument": td, "previousResultId": first.ResultID}, &again)
	if again.Kind != "unchanged" || again.ResultID != first.ResultID {
		t.Errorf("second pull of the same text: %+v", again)
	}
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "untitled:p", "version": 2},
		"contentChanges": []any{map[string]any{"text": "manifestVersion: 2.0\ndeviceId: X\n"}}})
	var changed fullDocumentDiagnosticReport
	c.result("textDocument/diagnostic", map[string]any{"textDocument": td, "previousResultId": first.ResultID}, &changed)
	if changed.Kind != "full" || changed.ResultID == first.ResultID {
		t.Errorf("pull after a change: %+v", changed)
	}
	// A clean document's full report still has its items array.
	c.open("untitled:clean", "", 1)
	m := c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": "untitled:clean"}})
	if m.Error != nil || !strings.Contains(string(m.Result), `"items":[`) {
		t.Errorf("report without items array: %s %+v", m.Result, m.Error)
	}
}

// TestAccessKeyEnvOnlyWhenAsked: the server reads $AWS_ACCESS_KEY_ID only
// where the config file says `accessKeyId: env`, as the CLI does: an
// editor's diagnostics do not depend on the shell it was started from.
func TestAccessKeyEnvOnlyWhenAsked(t *testing.T) {
	const src = "manifestVersion: 2.0\naccessKeyId: AKIAJ7Q2ZK4XW5LRT3NB\ndeviceId: ABCDE\nbucket: my-bucket\neraseDevice: yes\nnotificationEmail: a@b.co\n" +
		"returnAddress:\n  name: N\n  street1: 1 Main St\n  city: Seattle\n  stateOrProvince: WA\n  postalCode: 98101\n  phoneNumber: 206-555-0100\n  country: USA\n"
	for _, tc := range []struct {
		name, config string
		want         bool // the mismatch is reported
	}{
		{"no config", "", false},
		{"accessKeyId: env", "accessKeyId: env\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			if tc.config != "" {
				if err := os.WriteFile(filepath.Join(dir, ".manifestlint.yaml"), []byte(tc.config), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			uri := "file://" + filepath.ToSlash(filepath.Join(dir, "m.yaml"))
			c := startServer(t, Options{Getenv: func(k string) string {
				if k == "AWS_ACCESS_KEY_ID" {
					return "AKIAQ3RZ6MVN2TYHWK5D"
				}
				return ""
			}})
			c.initialize(nil, nil)
			c.open(uri, src, 1)
			ds, _ := c.diagnostics(0, uri, 1)
			if got := strings.Contains(codes(ds), "InvalidAccessKeyIdException"); got != tc.want {
				t.Errorf("InvalidAccessKeyIdException reported: %v, want %v (%s)", got, tc.want, codes(ds))
			}
		})
	}
}

// TestNestedConfigAgreesWithCLI (issue 17): a document below a nested
// .manifestlint.yaml with region: eu-west-1 gets the findings the CLI
// gives that file (cli.TestNestedConfigSameFromRootAndFolder: the region
// errors), whatever folder the workspace is; a regions glob in the root
// config does the same for another folder; Helm values that hold
// logBucket and notificationEmail get no diagnostic.
func TestNestedConfigAgreesWithCLI(t *testing.T) {
	sample, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample", "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		".git/HEAD":             "ref: refs/heads/main\n",
		".manifestlint.yaml":    "regions:\n  'ireland/**': eu-west-1\n",
		"eu/.manifestlint.yaml": "region: eu-west-1\n",
		"eu/m.yaml":             string(sample),
		"ireland/m.yaml":        string(sample),
		"chart/values.yaml":     "replicaCount: 2\nlogBucket: logs\nnotificationEmail: ops@fjordlab.io\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	for _, f := range []string{"eu/m.yaml", "ireland/m.yaml"} {
		path := filepath.Join(dir, f)
		uri := "file://" + filepath.ToSlash(path)
		c.open(uri, string(sample), 1)
		ds, _ := c.diagnostics(0, uri, 1)
		if got := codes(ds); !strings.Contains(got, "MissingCustomsException") || !strings.Contains(got, "InvalidAddressException") {
			t.Errorf("%s: diagnostics %s, want the region's errors as the CLI gives", f, got)
		}
	}
	values := filepath.Join(dir, "chart", "values.yaml")
	uri := "file://" + filepath.ToSlash(values)
	c.open(uri, "replicaCount: 2\nlogBucket: logs\nnotificationEmail: ops@fjordlab.io\n", 1)
	if ds, _ := c.diagnostics(0, uri, 1); len(ds) != 0 {
		t.Errorf("Helm values: %d diagnostics, want none: %s", len(ds), codes(ds))
	}
	c.mu.Lock()
	log := c.log.String()
	c.mu.Unlock()
	if want := filepath.Join(dir, "eu", "m.yaml") + ": linted as a manifest by its content: a top-level `manifestVersion` key (line 2)"; strings.Count(log, want) != 1 {
		t.Errorf("the log should say once why eu/m.yaml was linted (%q):\n%s", want, log)
	}
}

// TestEmptyLuaTableSettings: Neovim's Lua sends `init_options = {}` and an
// empty settings table as [], an empty list: that is no settings, not an
// error (the first message the editor shows is the next real one).
func TestEmptyLuaTableSettings(t *testing.T) {
	for _, raw := range []string{"[]", " [ ] ", "{}"} {
		if st, warn := parseSettings(json.RawMessage(raw)); warn != "" || st != (Settings{}) {
			t.Errorf("parseSettings(%s) = %+v, %q; want no settings and no warning", raw, st, warn)
		}
	}
	if _, warn := parseSettings(json.RawMessage(`[1]`)); warn == "" {
		t.Error("a list with items must still be reported")
	}
	const export = "manifestVersion: 2.0\ndeviceId: ABCDE\n"
	c := startServer(t, Options{})
	c.initialize(nil, []any{})
	c.open("untitled:lua", export, 1)
	ds, _ := c.diagnostics(0, "untitled:lua", 1)
	sameFindings(t, export, ds, validate.Validate("untitled:lua", []byte(export), validate.Options{}).Findings)
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": []any{}})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"manifestlint": map[string]any{"region": "mars-1"}}})
	m, _ := c.waitNote(0, func(m *message) bool { return m.Method == "window/showMessage" })
	if !strings.Contains(string(m.Params), "mars-1") {
		t.Errorf("the first message shown is %s; want the one about mars-1 (an empty table is no error)", m.Params)
	}
}
