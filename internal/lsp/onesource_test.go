package lsp

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/schema"
	"github.com/manifestlint/manifestlint/validate"
)

// schemaDescription returns the description the bundled schema of kind
// gives the property at path (keys, "[]" for list items), or "".
func schemaDescription(t *testing.T, kind manifest.Kind, path ...string) string {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(schema.Source(kind), &doc); err != nil {
		t.Fatal(err)
	}
	defs, _ := doc["definitions"].(map[string]any)
	node := doc
	for _, seg := range path {
		if ref, ok := node["$ref"].(string); ok && node["properties"] == nil && node["items"] == nil {
			node, _ = defs[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any)
		}
		if seg == "[]" {
			node, _ = node["items"].(map[string]any)
			continue
		}
		props, _ := node["properties"].(map[string]any)
		node, _ = props[seg].(map[string]any)
		if node == nil {
			t.Fatalf("%s has no %v", kind, path)
		}
	}
	d, _ := node["description"].(string)
	return d
}

// Hover tells what a field is once, in the bundled schema's words (the
// same the editor schemas show): no second, drifted description.
func TestHoverDescribesAFieldOnceFromTheSchema(t *testing.T) {
	src, err := os.ReadFile("../../testdata/sample/manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:once"
	c.open(uri, text, 1)
	c.diagnostics(0, uri, 1)
	for _, path := range [][]string{{"deviceId"}, {"notificationEmail"}, {"eraseDevice"}, {"returnAddress", "stateOrProvince"}, {"returnAddress"}} {
		key := path[len(path)-1]
		want := schemaDescription(t, manifest.S3Import, path...)
		if want == "" {
			t.Fatalf("the schema does not describe %v", path)
		}
		got := hoverAt(t, c, uri, posOf(t, text, key+":", 1))
		body := strings.SplitN(got, "\n\n", 2)
		if len(body) < 2 || !strings.HasPrefix(body[1], want) {
			t.Errorf("hover on %s does not start with the schema's description %q:\n%s", key, want, got)
		}
		if n := strings.Count(got, "\n\n"); n > 3 {
			t.Errorf("hover on %s has %d paragraphs (a second description?):\n%s", key, n, got)
		}
		if strings.Count(got, want) != 1 {
			t.Errorf("hover on %s repeats its description:\n%s", key, got)
		}
	}
}

// scalarLine matches a `key: value` line of a block mapping (or the first
// key of a list entry).
var scalarLine = regexp.MustCompile(`^(\s*(?:- )?)([A-Za-z0-9]+): (\S.*)$`)

// Completion offers exactly what the rules accept: every value offered
// for a field, written there in a manifest that has no finding, gives no
// finding on that line.
func TestEveryCompletedValueIsAccepted(t *testing.T) {
	files := []string{"../../testdata/sample/manifest.yaml", "../../testdata/spec-examples/dg-export-customs.yaml", "../../testdata/spec-examples/dg-glacier-import.yaml"}
	var bases []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		bases = append(bases, string(src))
	}
	// The sample with every closed S3 import field, and in Canada.
	sample := bases[0]
	bases = append(bases,
		sample+"acl: private\nstorageClass: STANDARD\nsetContentEncodingForGzFiles: yes\nserviceLevel: standard\n",
		strings.NewReplacer("WA", "BC", "98101", "V6B 1A1", "USA", "Canada").Replace(sample))
	// An EBS import, the Glacier example with an EBS operation.
	// The Glacier example's ZIP is not one of WA's: a clean base has one.
	bases[2] = strings.Replace(bases[2], "91011-1111", "98101-1111", 1)
	bases = append(bases, strings.Replace(strings.Replace(bases[2], "destination: glacier", "destination: ebs-snapshot", 1),
		"    vaultName: 2012-07_archive\n    archiveComment: daily_2012-07-24\n", "    deviceCapacityGreaterThan1TB: no\n", 1))
	// The spec examples keep AWS's sample values (John Doe, ...), which
	// the sample-value rule names; completions are not about them.
	opts := validate.Options{Ignore: []string{"sample-value"}}
	walked := map[string]int{}
	for bi, base := range bases {
		if fs := validate.Validate("m.yaml", []byte(base), opts).Findings; len(fs) > 0 {
			t.Fatalf("base %d is not clean: %v", bi, fs)
		}
		lines := strings.SplitAfter(base, "\n")
		for li, line := range lines {
			m := scalarLine.FindStringSubmatch(strings.TrimRight(line, "\n"))
			if m == nil {
				continue
			}
			head := m[1] + m[2] + ": "
			pre := strings.Join(lines[:li], "")
			post := strings.Join(lines[li+1:], "")
			blank := pre + head + "\n" + post
			res := validate.Validate("m.yaml", []byte(blank), opts)
			lr := &lintResult{text: blank, index: newLineIndex(blank), res: res, kind: res.Kind}
			items := complete(lr, len(pre)+len(head), utf16, false)
			for _, it := range items {
				walked[m[2]]++
				text := pre + head + it.Label + "\n" + post
				for _, f := range validate.Validate("m.yaml", []byte(text), opts).Findings {
					if f.Line == li+1 {
						t.Errorf("base %d: completion offers %s: %s, which %s refuses: %s", bi, m[2], it.Label, f.Rule, f.Message)
					}
				}
			}
		}
	}
	for _, key := range []string{"stateOrProvince", "country", "eraseDevice", "acl", "storageClass", "fileSystem", "encryptedData", "region", "serviceLevel", "deviceCapacityGreaterThan1TB"} {
		if walked[key] == 0 {
			t.Errorf("no completion walked for %s (walked: %v)", key, fmt.Sprint(walked))
		}
	}
}

// The snippets completion writes are the editor schemas' (defaultSnippets),
// and each value a snippet lets the user choose is one completion offers
// for that field, which TestEveryCompletedValueIsAccepted lints.
func TestSnippetChoicesAreCompletedValues(t *testing.T) {
	choice := regexp.MustCompile(`^\$\{[0-9]+\|(.*)\|\}$`)
	checked := 0
	for _, k := range manifest.Kinds {
		root := kindField(k)
		blocks := map[string]*field{"returnAddress": root.props["returnAddress"], "customs": root.props["customs"]}
		if ops := root.props["operations"]; ops != nil {
			blocks["operations[]"] = ops.items
		}
		for name, block := range blocks {
			if block == nil || len(block.snippet) == 0 {
				t.Errorf("%s: no snippet for %s in the schema", k, name)
				continue
			}
			for _, e := range block.snippet {
				m := choice.FindStringSubmatch(e.value)
				if m == nil {
					continue
				}
				var offered []string
				for _, c := range valueChoices(&lintResult{}, e.key, block.props[e.key]) {
					offered = append(offered, c.Value)
				}
				for _, v := range strings.Split(m[1], ",") {
					checked++
					if !slices.Contains(offered, v) {
						t.Errorf("%s %s: the snippet offers %s: %s, which completion does not (%v)", k, name, e.key, v, offered)
					}
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d snippet choices checked", checked)
	}
}

// A snippet inserted as it comes (each placeholder's default, a choice's
// first value) completes a manifest the rules accept: the returnAddress
// and customs blocks, an S3 export's operations and an EBS import's entry.
func TestSnippetsAsInsertedAreAccepted(t *testing.T) {
	read := func(name string) string {
		src, err := os.ReadFile("../../testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(src)
	}
	block := func(key string) *regexp.Regexp { return regexp.MustCompile(`(?m)^` + key + `:\n(?:[ -].*\n)+`) }
	glacier := strings.Replace(read("spec-examples/dg-glacier-import.yaml"), "91011-1111", "98101-1111", 1)
	// A key being typed does not parse: kind is what the server knows of
	// the document then (its last lint, or the jobType setting).
	cases := []struct {
		name, base, key, typed string
		kind                   manifest.Kind
	}{
		{"returnAddress", read("sample/manifest.yaml"), "returnAddress", "returnAddress", manifest.S3Import},
		{"customs", read("spec-examples/dg-export-customs.yaml"), "customs", "customs", manifest.S3Export},
		{"export operations", read("spec-examples/dg-export-customs.yaml"), "operations", "operations", manifest.S3Export},
		{"EBS entry", glacier, "operations", "operations:\n  - ", ""},
	}
	placeholder := regexp.MustCompile(`\$\{[0-9]+(?::([^}]*)|\|([^,|]*)[^}]*\|)?\}`)
	opts := validate.Options{Ignore: []string{"sample-value"}}
	for _, tc := range cases {
		text := block(tc.key).ReplaceAllString(tc.base, "") + tc.typed
		res := validate.Validate("m.yaml", []byte(text), opts)
		lr := &lintResult{text: text, index: newLineIndex(text), res: res, kind: res.Kind}
		if tc.kind != "" {
			lr.kind = tc.kind
		}
		var snippet string
		for _, it := range complete(lr, len(text), utf16, true) {
			if it.InsertTextFormat == insertSnippet && (it.Label == tc.key || it.Label == "operation") {
				snippet = it.TextEdit.NewText
			}
		}
		if snippet == "" {
			t.Errorf("%s: no snippet offered", tc.name)
			continue
		}
		expanded := placeholder.ReplaceAllString(snippet, "$1$2")
		last := strings.LastIndex(text, tc.typed)
		if tc.typed == tc.key {
			text = text[:last] + expanded + "\n"
		} else {
			text += expanded + "\n"
		}
		if fs := validate.Validate("m.yaml", []byte(text), opts).Findings; len(fs) > 0 {
			t.Errorf("%s: the snippet as inserted draws %v:\n%s", tc.name, fs, text)
		}
	}
}
