package editors

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/manifestlint/manifestlint/internal/cli"
	"github.com/manifestlint/manifestlint/internal/lsptest"
	"github.com/manifestlint/manifestlint/internal/testbin"
	"github.com/manifestlint/manifestlint/internal/testdocs"
)

func TestMain(m *testing.M) { testbin.Main(m) }

// The editor test drives Red Hat's yaml-language-server (npm) over stdio,
// as an editor does, with the schemas `manifestlint schema` prints and the
// yaml.schemas settings docs/editors.md documents: every valid manifest of
// every kind must get no diagnostic, and each faulty manifest at least one
// on its faulty line. CI installs the server (.ci/run); under CI=true a
// missing server fails the test.

type lspDiagnostic struct {
	Range struct {
		Start struct{ Line, Character int } `json:"start"`
		End   struct{ Line, Character int } `json:"end"`
	} `json:"range"`
	Severity int    `json:"severity"`
	Message  string `json:"message"`
	Source   string `json:"source"`
}

// yamlLanguageServer finds the server, failing under CI=true when it is
// missing and skipping (with the reason) elsewhere.
func yamlLanguageServer(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("yaml-language-server"); err == nil {
		return p
	}
	msg := "yaml-language-server is not on PATH (npm install -g yaml-language-server@1.25.0)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; CI must install it (.ci/run)")
	}
	t.Skip(msg)
	return ""
}

// startLSP starts the server in root, answering its requests for the
// "yaml" settings section with yaml.
func startLSP(t *testing.T, server, root string, yaml map[string]any) *lsptest.Client {
	t.Helper()
	cmd := exec.Command(server, "--stdio")
	cmd.Dir = root
	c := lsptest.Start(t, cmd)
	c.SetTimeout(60 * time.Second)
	c.OnRequest(func(m *lsptest.Message) any {
		if m.Method != "workspace/configuration" {
			return nil // another request of the server (registerCapability, progress): accept it
		}
		var p struct {
			Items []struct {
				Section string `json:"section"`
			} `json:"items"`
		}
		json.Unmarshal(m.Params, &p)
		result := make([]any, len(p.Items))
		for i, it := range p.Items {
			result[i] = map[string]any{}
			if it.Section == "yaml" {
				result[i] = yaml
			}
		}
		return result
	})
	return c
}

// lastDiagnostics returns the last diagnostics published for each URI,
// how many publications each URI had, and when the last one came.
func lastDiagnostics(c *lsptest.Client) (diags map[string][]lspDiagnostic, pubs map[string]int, last time.Time) {
	diags, pubs = map[string][]lspDiagnostic{}, map[string]int{}
	for _, m := range c.Messages(0) {
		if m.Method != "textDocument/publishDiagnostics" {
			continue
		}
		var p struct {
			URI         string          `json:"uri"`
			Diagnostics []lspDiagnostic `json:"diagnostics"`
		}
		if json.Unmarshal(m.Params, &p) == nil {
			diags[p.URI] = p.Diagnostics
			pubs[p.URI]++
			last = m.At
		}
	}
	return diags, pubs, last
}

// settle waits until every URI has diagnostics and none came for a while.
func settle(t *testing.T, c *lsptest.Client, uris []string) {
	t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		_, pubs, last := lastDiagnostics(c)
		all := true
		for _, u := range uris {
			if pubs[u] == 0 {
				all = false
			}
		}
		if all && time.Since(last) > 1500*time.Millisecond {
			return
		}
	}
	t.Fatal("yaml-language-server did not publish diagnostics for every document in 90 s")
}

func fileURI(p string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String()
}

// editorSettings returns the documented yaml.schemas setting.
func editorSettings(t *testing.T) map[string][]string {
	t.Helper()
	for _, b := range testdocs.Blocks(t, filepath.Join("docs", "editors.md")) {
		src := strings.Join(b.Lines, "\n")
		if b.Lang != "json" || !strings.Contains(src, `"yaml.schemas"`) {
			continue
		}
		var v struct {
			Schemas map[string]any `json:"yaml.schemas"`
		}
		if err := json.Unmarshal([]byte(src), &v); err != nil {
			t.Fatal(err)
		}
		out := map[string][]string{}
		for schema, globs := range v.Schemas {
			switch g := globs.(type) {
			case string:
				out[schema] = []string{g}
			case []any:
				for _, x := range g {
					out[schema] = append(out[schema], x.(string))
				}
			}
		}
		return out
	}
	t.Fatal("docs/editors.md has no JSON block with yaml.schemas")
	return nil
}

// writeDocumentedSchemas runs the `manifestlint schema ... > FILE` lines of
// docs/editors.md in dir.
func writeDocumentedSchemas(t *testing.T, dir string) []string {
	t.Helper()
	re := regexp.MustCompile(`^manifestlint (schema[^>]*)> (\S+)$`)
	var written []string
	for _, b := range testdocs.Blocks(t, filepath.Join("docs", "editors.md")) {
		for _, line := range b.Lines {
			m := re.FindStringSubmatch(strings.TrimSpace(line))
			if m == nil {
				continue
			}
			var out, errOut bytes.Buffer
			if code := cli.Main(strings.Fields(m[1]), strings.NewReader(""), &out, &errOut); code != 0 {
				t.Fatalf("manifestlint %s: exit %d: %s", m[1], code, errOut.String())
			}
			p := filepath.Join(dir, m[2])
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			written = append(written, m[2])
		}
	}
	if len(written) < 5 {
		t.Fatalf("docs/editors.md writes %d schemas; want the four kinds and the config file", len(written))
	}
	return written
}

// globRE turns a yaml.schemas glob (** and * only) into a regexp on a
// slash-separated path relative to the workspace.
func globRE(g string) *regexp.Regexp {
	g = strings.TrimPrefix(g, "./")
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(g); i++ {
		switch {
		case strings.HasPrefix(g[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case g[i] == '*':
			b.WriteString("[^/]*")
		default:
			b.WriteString(regexp.QuoteMeta(g[i : i+1]))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// editorCase is one document opened in the editor.
type editorCase struct {
	name      string // path in the workspace
	src       string
	faultLine int // 1-based line that must carry a diagnostic; 0: valid
	noRegex   bool
}

// editorKindCases are valid manifests of every kind, with the file name
// ending the documentation gives each kind.
func editorValidCases(t *testing.T) []editorCase {
	t.Helper()
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	cases := []editorCase{
		{name: "cases/valid.s3-import.manifest.yaml", src: read("testdata/cases/s1-valid-s3-import.yaml")},
		{name: "cases/valid.s3-export.manifest.yaml", src: read("testdata/cases/s1-valid-s3-export.yaml")},
		{name: "cases/valid.ebs-import.manifest.yaml", src: read("testdata/cases/s1-valid-ebs-import.yaml")},
		{name: "cases/valid.glacier-import.manifest.yaml", src: read("testdata/cases/s1-valid-glacier-import.yaml")},
		{name: "spec/sdk-live-test-2015.s3-import.manifest.yaml", src: read("testdata/spec-examples/sdk-live-test-2015.yaml")},
		{name: "spec/dg-export-customs.s3-export.manifest.yaml", src: read("testdata/spec-examples/dg-export-customs.yaml")},
		{name: "spec/dg-glacier-import.glacier-import.manifest.yaml", src: read("testdata/spec-examples/dg-glacier-import.yaml")},
		{name: "sample/s3-import.manifest.yaml", src: read("testdata/sample/manifest.yaml")},
		{name: "orders/s3-import.manifest.yml", src: strings.Replace(read("testdata/sample/manifest.yaml"), "eraseDevice: yes", "eraseDevice: YES", 1)},
	}
	starters, _ := filepath.Glob(filepath.Join("internal", "cli", "starters", "*.manifest.yaml"))
	for _, s := range starters {
		cases = append(cases, editorCase{name: "starters/" + filepath.Base(s), src: read(s)})
	}
	// The documented complete configuration file.
	for _, b := range testdocs.Blocks(t, filepath.Join("docs", "configuration.md")) {
		if b.Lang == "yaml" && len(b.Lines) > 0 && b.Lines[0] == "# .manifestlint.yaml" {
			cases = append(cases, editorCase{name: "config/.manifestlint.yaml", src: strings.Join(b.Lines, "\n") + "\n"})
		}
	}
	return cases
}

// faulty builds a faulty case from a valid one: old is replaced by new
// (or new is appended when old is ""), and the fault's line is found.
func faulty(t *testing.T, name, src, old, new string, noRegex bool) editorCase {
	t.Helper()
	if old == "" {
		src = strings.TrimRight(src, "\n") + "\n" + new + "\n"
	} else {
		if !strings.Contains(src, old) {
			t.Fatalf("%s: %q not in the base manifest", name, old)
		}
		src = strings.Replace(src, old, new, 1)
	}
	i := strings.Index(src, new)
	return editorCase{name: name, src: src, faultLine: strings.Count(src[:i], "\n") + 1, noRegex: noRegex}
}

func TestEditorSchemas(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a real client: runs yaml-language-server on a dozen manifests (about 9 s); run it with go test ./integrationtest/editors")
	}
	server := yamlLanguageServer(t)
	testbin.CleanEnv(t)
	root := t.TempDir()
	writeDocumentedSchemas(t, root)
	settings := editorSettings(t)

	valid := editorValidCases(t)
	byName := map[string]string{}
	for _, c := range valid {
		byName[c.name] = c.src
	}
	s3i, s3e := byName["cases/valid.s3-import.manifest.yaml"], byName["cases/valid.s3-export.manifest.yaml"]
	ebs, gla := byName["cases/valid.ebs-import.manifest.yaml"], byName["cases/valid.glacier-import.manifest.yaml"]
	cases := append([]editorCase(nil), valid...)
	cases = append(cases,
		faulty(t, "bad/erase-no.s3-import.manifest.yaml", s3i, "eraseDevice: yes", "eraseDevice: no", false),
		faulty(t, "bad/erase-true.ebs-import.manifest.yaml", ebs, "eraseDevice: yes", "eraseDevice: true", false),
		faulty(t, "bad/version.s3-import.manifest.yaml", s3i, "manifestVersion: 2.0", "manifestVersion: 3.0", false),
		faulty(t, "bad/version.glacier-import.manifest.yaml", gla, "manifestVersion: 3.0", "manifestVersion: 2.0", false),
		faulty(t, "bad/unknown.s3-import.manifest.yaml", s3i, "", "erase_device: yes", false),
		faulty(t, "bad/export-key.s3-import.manifest.yaml", s3i, "", "fileSystem: NTFS", false),
		faulty(t, "bad/filesystem.s3-export.manifest.yaml", s3e, "fileSystem: NTFS", "fileSystem: ntfs", false),
		faulty(t, "bad/access-key.s3-import.manifest.yaml", s3i, "", "accessKeyId: AKIA123", true),
		faulty(t, "bad/pin.s3-export.manifest.yaml", s3e, "", "pinCode: 12ab", true),
		faulty(t, "bad/bucket.s3-import.manifest.yaml", s3i, "", "logBucket: my bucket!", true),
		faulty(t, "bad/yesno.s3-import.manifest.yaml", s3i, "", "setContentEncodingForGzFiles: maybe", false),
		faulty(t, "bad/acl.s3-import.manifest.yaml", s3i, "", "acl: public", false),
		faulty(t, "bad/destination.glacier-import.manifest.yaml", gla, "destination: glacier", "destination: s3", false),
		faulty(t, "bad/region.ebs-import.manifest.yaml", ebs, "region: us-east-1", "region: mars-1", false),
		faulty(t, "bad/address-key.s3-import.manifest.yaml", s3i, "    city: ", "    zipCode: 98101\n    city: ", false),
		faulty(t, "bad/service-level.s3-import.manifest.yaml", s3i, "", "serviceLevel: fast", false),
		faulty(t, "badconfig/.manifestlint.yaml", byName["config/.manifestlint.yaml"], "region: us-east-1", "region: eu-central-1", false),
		faulty(t, "badconfig2/.manifestlint.yaml", byName["config/.manifestlint.yaml"], "", "regoin: us-east-1", false),
	)

	// Each document must be matched by exactly one glob: overlapping
	// globs would give a manifest two schemas.
	type glob struct {
		schema string
		re     *regexp.Regexp
	}
	var globs []glob
	for schema, gs := range settings {
		for _, g := range gs {
			globs = append(globs, glob{schema, globRE(g)})
		}
	}
	for _, c := range cases {
		var hits []string
		for _, g := range globs {
			if g.re.MatchString(c.name) {
				hits = append(hits, g.schema)
			}
		}
		if len(hits) != 1 {
			t.Errorf("%s: matched by the globs of %d schemas %v; want exactly one", c.name, len(hits), hits)
		}
	}

	for _, c := range cases {
		p := filepath.Join(root, c.name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	yamlSettings := map[string]any{
		"schemas": settings, "validate": true, "hover": true, "completion": true,
		"schemaStore": map[string]any{"enable": false}, "format": map[string]any{"enable": false},
	}
	lsp := startLSP(t, server, root, yamlSettings)
	rootURI := fileURI(root)
	lsp.Call("initialize", map[string]any{
		"processId": os.Getpid(), "rootUri": rootURI,
		"workspaceFolders": []any{map[string]any{"uri": rootURI, "name": "workspace"}},
		"capabilities": map[string]any{
			"workspace":    map[string]any{"configuration": true},
			"textDocument": map[string]any{"publishDiagnostics": map[string]any{}},
		},
	})
	lsp.Notify("initialized", map[string]any{})
	lsp.Notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"yaml": yamlSettings}})
	var uris []string
	for _, c := range cases {
		uri := fileURI(filepath.Join(root, c.name))
		uris = append(uris, uri)
		lsp.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": uri, "languageId": "yaml", "version": 1, "text": c.src,
		}})
	}
	settle(t, lsp, uris)

	// Completion of the closed yes/no sets (an editor completes enums only).
	for _, cc := range []struct {
		field string
		want  []string
	}{{"eraseDevice", []string{"yes"}}, {"setContentEncodingForGzFiles", []string{"yes", "no"}}} {
		src := strings.TrimRight(s3i, "\n") + "\n"
		src = strings.Replace(src, "eraseDevice: yes\n", "", 1) + cc.field + ": \n"
		p := filepath.Join(root, "complete", cc.field+".s3-import.manifest.yaml")
		uri := fileURI(p)
		lsp.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": uri, "languageId": "yaml", "version": 1, "text": src,
		}})
		raw := lsp.Call("textDocument/completion", map[string]any{
			"textDocument": map[string]any{"uri": uri},
			"position":     map[string]any{"line": strings.Count(src, "\n") - 1, "character": len(cc.field) + 2},
		}).Result
		var list struct {
			Items []struct {
				Label string `json:"label"`
			} `json:"items"`
		}
		if err := json.Unmarshal(raw, &list); err != nil {
			t.Fatalf("completion answer %s: %v", raw, err)
		}
		got := map[string]bool{}
		var labels []string
		for _, it := range list.Items {
			// yaml-language-server quotes yes and no (booleans in YAML
			// 1.1): it inserts "yes", which manifestlint reads as yes.
			got[strings.Trim(it.Label, `"'`)] = true
			labels = append(labels, it.Label)
		}
		for _, w := range cc.want {
			if !got[w] {
				t.Errorf("completion after `%s: ` does not offer %q; it offers %q", cc.field, w, labels)
			}
		}
		if cc.field == "eraseDevice" && got["no"] {
			t.Errorf("completion after `eraseDevice: ` offers no, which the service refuses")
		}
	}

	// Snippets: the value of returnAddress and customs, and an operations entry.
	for _, sc := range []struct {
		name, src, want string
	}{
		{"snippet/address.s3-import.manifest.yaml", "manifestVersion: 2.0\nreturnAddress:\n  \n", "returnAddress (US)"},
		{"snippet/customs.s3-import.manifest.yaml", "manifestVersion: 2.0\ncustoms:\n  \n", "customs"},
		{"snippet/operation.glacier-import.manifest.yaml", "manifestVersion: 3.0\noperations:\n  - \n", "Glacier operation"},
		{"snippet/operation.s3-export.manifest.yaml", "manifestVersion: 2.0\noperations:\n  - \n", "export operation"},
	} {
		uri := fileURI(filepath.Join(root, sc.name))
		lsp.Notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
			"uri": uri, "languageId": "yaml", "version": 1, "text": sc.src,
		}})
		lines := strings.Split(sc.src, "\n")
		raw := lsp.Call("textDocument/completion", map[string]any{
			"textDocument": map[string]any{"uri": uri},
			"position":     map[string]any{"line": 2, "character": len(lines[2])},
		}).Result
		if !strings.Contains(string(raw), `"label":"`+sc.want+`"`) {
			t.Errorf("%s: completion does not offer the snippet %q: %.600s", sc.name, sc.want, raw)
		}
	}

	// Hover shows a field's description, and an enum's: the description
	// beside a $ref (field-specific) and the one of the definition.
	for _, hc := range []struct{ field, want string }{
		{"deviceId", "The device's identifier"},
		{"eraseDevice", "Must be yes"},
		{"bucket", "The S3 bucket the device's files are imported into"},
	} {
		name := "cases/valid.s3-import.manifest.yaml"
		src := byName[name]
		i := strings.Index(src, "\n"+hc.field+":")
		if i < 0 {
			t.Fatalf("%s: no %s", name, hc.field)
		}
		raw := lsp.Call("textDocument/hover", map[string]any{
			"textDocument": map[string]any{"uri": fileURI(filepath.Join(root, name))},
			"position":     map[string]any{"line": strings.Count(src[:i+1], "\n"), "character": 2},
		}).Result
		if !strings.Contains(string(raw), hc.want) {
			t.Errorf("hover on %s does not show %q: %s", hc.field, hc.want, raw)
		}
	}

	diags, _, _ := lastDiagnostics(lsp)
	for i, c := range cases {
		ds := diags[uris[i]]
		sort.Slice(ds, func(a, b int) bool { return ds[a].Range.Start.Line < ds[b].Range.Start.Line })
		var lines []string
		for _, d := range ds {
			lines = append(lines, fmt.Sprintf("  line %d: %s", d.Range.Start.Line+1, d.Message))
		}
		report := strings.Join(lines, "\n")
		if c.faultLine == 0 {
			if len(ds) != 0 {
				t.Errorf("%s is valid, but the editor shows %d diagnostics:\n%s", c.name, len(ds), report)
			}
			continue
		}
		found := false
		for _, d := range ds {
			if d.Range.Start.Line+1 == c.faultLine {
				found = true
				if c.noRegex && (strings.Contains(d.Message, "^") || strings.Contains(d.Message, "match pattern")) {
					t.Errorf("%s: the editor shows a regular expression, not a message: %q", c.name, d.Message)
				}
			}
		}
		if !found {
			t.Errorf("%s: no diagnostic on the faulty line %d; the editor shows:\n%s", c.name, c.faultLine, report)
		}
	}
}
