package schema

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestEditorAnnotations checks what an editor shows from the printed
// schemas: every field has a description and examples (hover and
// completion), every pattern a patternErrorMessage (shown instead of the
// regular expression), every closed set an enum (completion), and
// returnAddress, customs and each kind of operations entry a snippet. The
// yaml-language-server test (integrationtest/editors) runs them in the
// server.
func TestEditorAnnotations(t *testing.T) {
	for _, k := range manifest.Kinds {
		var doc map[string]any
		if err := json.Unmarshal(Source(k), &doc); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		defs, _ := doc["definitions"].(map[string]any)
		resolve := func(s map[string]any) map[string]any {
			if ref, ok := s["$ref"].(string); ok {
				d, _ := defs[strings.TrimPrefix(ref, "#/definitions/")].(map[string]any)
				return d
			}
			return s
		}
		snippets := map[string]bool{}
		var walk func(path string, s map[string]any)
		walk = func(path string, s map[string]any) {
			if _, ok := s["pattern"]; ok && s["patternErrorMessage"] == nil {
				t.Errorf("%s %s: pattern %v without patternErrorMessage", k, path, s["pattern"])
			}
			if p, _ := s["pattern"].(string); strings.Contains(p, "[Yy][Ee][Ss]") {
				t.Errorf("%s %s: yes/no is a pattern, not an enum an editor can complete", k, path)
			}
			if _, ok := s["defaultSnippets"]; ok {
				snippets[path] = true
			}
			props, _ := s["properties"].(map[string]any)
			for name, v := range props {
				p, _ := v.(map[string]any)
				sub := path + "." + name
				r := resolve(p)
				if p["description"] == nil && r["description"] == nil {
					t.Errorf("%s %s: no description", k, sub)
				}
				if ex, _ := p["examples"].([]any); len(ex) == 0 {
					t.Errorf("%s %s: no examples", k, sub)
				}
				walk(sub, r)
				if items, ok := r["items"].(map[string]any); ok {
					walk(sub+"[]", resolve(items))
				}
			}
		}
		walk("", doc)
		// Each definition once more, for patterns not reached by a property.
		for name, d := range defs {
			if m, ok := d.(map[string]any); ok {
				if _, ok := m["pattern"]; ok && m["patternErrorMessage"] == nil {
					t.Errorf("%s definition %s: pattern without patternErrorMessage", k, name)
				}
			}
		}
		want := []string{".returnAddress", ".customs"}
		if k != manifest.S3Import {
			want = append(want, ".operations[]")
		}
		for _, w := range want {
			if !snippets[w] {
				t.Errorf("%s: no defaultSnippets for %s", k, w)
			}
		}
	}
}

// TestEditorEnums checks the editor's yes/no enums: every spelling the
// strict schema accepts, and for eraseDevice the spellings of yes only.
func TestEditorEnums(t *testing.T) {
	if len(yesNoSpellings()) != 12 || yesNoSpellings()[0] != "yes" || yesNoSpellings()[1] != "no" {
		t.Errorf("yes/no spellings: %q", yesNoSpellings())
	}
	if len(yesSpellings()) != 8 {
		t.Errorf("yes spellings: %q", yesSpellings())
	}
	seen := map[string]bool{}
	for _, s := range yesNoSpellings() {
		if seen[s] || !strings.EqualFold(s, "yes") && !strings.EqualFold(s, "no") {
			t.Errorf("bad or repeated spelling %q", s)
		}
		seen[s] = true
	}
	src := string(Source(manifest.EBSImport))
	i := strings.Index(src, `"eraseDevice": {`)
	j := strings.Index(src[i:], "}")
	if i < 0 || strings.Contains(src[i:i+j], `"no"`) || !strings.Contains(src[i:i+j], `"YES"`) {
		t.Errorf("eraseDevice in the editor schema:\n%s", src[i:i+j])
	}
	// The editor's message for another value gives the erase-device rule's
	// reason, and so does the field's description.
	for _, want := range []string{`"errorMessage": "Write yes: ` + manifest.EraseDeviceWhy + `."`, `"description": "Must be yes: ` + manifest.EraseDeviceWhy + `."`} {
		if !strings.Contains(src[i:i+j], want) {
			t.Errorf("eraseDevice in the editor schema has no %s:\n%s", want, src[i:i+j])
		}
	}
}

// TestSnippetsOwnNoValues: a snippet in the schema sources never lists a
// field's values itself; it writes `${N|enum|}`, which the printed schema
// fills in from the field's enum (TestEveryCompletedValueIsAccepted, in the
// language server, lints each filled-in value).
func TestSnippetsOwnNoValues(t *testing.T) {
	choice := regexp.MustCompile(`\$\{[0-9]+\|[^}]*\|\}`)
	entries, err := files.ReadDir("json")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		src, err := files.ReadFile("json/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range choice.FindAllString(string(src), -1) {
			if !snippetChoice().MatchString(m) {
				t.Errorf("%s: snippet choice %s lists values: write ${N|enum|}", e.Name(), m)
			}
		}
	}
	filled := 0
	for _, k := range manifest.Kinds {
		src := string(Source(k))
		if strings.Contains(src, "|enum|") {
			t.Errorf("%s: a snippet choice left unfilled in the printed schema", k)
		}
		filled += len(choice.FindAllString(src, -1))
	}
	if filled < 7 {
		t.Errorf("%d snippet choices in the printed schemas, want customs' 3 in each kind and a region per EBS and Glacier operation", filled)
	}
}

// TestSnippetsWriteTheRequiredFields: each snippet writes every field its
// mapping requires, and only fields the mapping has.
func TestSnippetsWriteTheRequiredFields(t *testing.T) {
	for _, k := range manifest.Kinds {
		var doc map[string]any
		if err := json.Unmarshal(Source(k), &doc); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		n := 0
		for name, d := range doc["definitions"].(map[string]any) {
			def, _ := d.(map[string]any)
			snippets, _ := def["defaultSnippets"].([]any)
			props, _ := def["properties"].(map[string]any)
			required, _ := def["required"].([]any)
			for _, s := range snippets {
				sn, _ := s.(map[string]any)
				body, _ := sn["body"].(map[string]any)
				n++
				for key := range body {
					if props[key] == nil {
						t.Errorf("%s %s: snippet %q writes %s, which %s does not have", k, name, sn["label"], key, name)
					}
				}
				for _, r := range required {
					if _, ok := body[r.(string)]; !ok {
						t.Errorf("%s %s: snippet %q leaves out the required %s", k, name, sn["label"], r)
					}
				}
			}
		}
		if n < 3 {
			t.Errorf("%s: %d snippets", k, n)
		}
	}
}
