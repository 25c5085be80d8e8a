package schema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/xeipuuv/gojsonschema"
)

// metaCompile compiles src after validating it against the draft-07
// meta-schema (gojsonschema embeds it: no network).
func metaCompile(t *testing.T, name string, src []byte) {
	t.Helper()
	sl := gojsonschema.NewSchemaLoader()
	sl.Validate = true
	sl.Draft = gojsonschema.Draft7
	if _, err := sl.Compile(gojsonschema.NewBytesLoader(src)); err != nil {
		t.Errorf("%s is not a valid draft-07 schema: %v", name, err)
	}
}

// walk calls fn for every member of every object in v.
func walk(v any, fn func(key string, val any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			fn(k, c)
			walk(c, fn)
		}
	case []any:
		for _, c := range x {
			walk(c, fn)
		}
	}
}

func TestSourceSelfContained(t *testing.T) {
	for _, k := range manifest.Kinds {
		t.Run(string(k), func(t *testing.T) {
			src := Source(k)
			if !bytes.Equal(src, Source(k)) {
				t.Fatal("Source is not stable")
			}
			metaCompile(t, string(k), src)
			var doc map[string]any
			if err := json.Unmarshal(src, &doc); err != nil {
				t.Fatal(err)
			}
			if doc["$schema"] != "http://json-schema.org/draft-07/schema#" {
				t.Errorf("$schema = %v", doc["$schema"])
			}
			if !strings.Contains(doc["title"].(string), k.Title()) {
				t.Errorf("title %q does not name %s", doc["title"], k.Title())
			}
			defs, _ := doc["definitions"].(map[string]any)
			used := map[string]bool{}
			walk(doc, func(key string, val any) {
				switch key {
				case "$ref":
					ref, _ := val.(string)
					name, ok := strings.CutPrefix(ref, "#/definitions/")
					if !ok || defs[name] == nil {
						t.Errorf("$ref %q is not a local definition", ref)
					}
					used[name] = true
				case "$id", "id":
					if _, isString := val.(string); isString {
						t.Errorf("%s %v: the bundle must not name an external base", key, val)
					}
				}
			})
			for name := range defs {
				if !used[name] {
					t.Errorf("definition %s is bundled but never used", name)
				}
			}
			if bytes.Contains(src, []byte("defs.json")) {
				t.Error("a reference to defs.json is left")
			}
			// The caller owns the slice.
			src[0] = 'X'
			if Source(k)[0] != '{' {
				t.Error("Source returned shared memory")
			}
		})
	}
}

// TestSplitSources: defs.json is a valid draft-07 document, every kind file
// refers to shared definitions only through defs.json, and every pattern is
// read alike by RE2 (gojsonschema) and ECMAScript (ajv, editors): no (?...)
// groups, which ECMAScript lacks or RE2 refuses.
func TestSplitSources(t *testing.T) {
	entries, err := fs.ReadDir(files, "json")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(manifest.Kinds)+1 {
		t.Errorf("json/ holds %d files, want defs.json and one per kind", len(entries))
	}
	for _, e := range entries {
		src, err := files.ReadFile("json/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(src, &doc); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		if e.Name() == "defs.json" {
			metaCompile(t, e.Name(), src)
		} else if bytes.Contains(src, []byte(`"#/`)) {
			t.Errorf("%s: refer to shared definitions as defs.json#/definitions/NAME", e.Name())
		}
		walk(doc, func(key string, val any) {
			if key != "pattern" {
				return
			}
			p, _ := val.(string)
			if strings.Contains(p, "(?") {
				t.Errorf("%s: pattern %q uses a (?...) group", e.Name(), p)
			}
			if _, err := regexp.Compile(p); err != nil {
				t.Errorf("%s: pattern %q: %v", e.Name(), p, err)
			}
		})
	}
}

// TestLazy: bundling (for Source) does not compile; compiling happens once.
func TestLazy(t *testing.T) {
	ks := &kindSchema{kind: manifest.GlacierImport}
	if _, _, err := ks.bundled(); err != nil {
		t.Fatal(err)
	}
	if ks.compiled != nil {
		t.Fatal("bundling compiled the schema")
	}
	s1, err := ks.schema()
	if err != nil || s1 == nil {
		t.Fatal(err)
	}
	if s2, _ := ks.schema(); s2 != s1 {
		t.Error("compiled twice")
	}
}

func TestRulesDocumented(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range Rules {
		if r.ID == "" || r.Doc == "" || len(r.Codes) == 0 {
			t.Errorf("incomplete rule %+v", r)
		}
		for _, c := range r.Codes {
			if _, ok := c.Info(); !ok {
				t.Errorf("%s: unknown code %s", r.ID, c)
			}
		}
		ids[r.ID] = true
	}
	for _, id := range []string{RuleRequiredField, RuleUnknownField, RuleInvalidType, RuleInvalidValue} {
		if !ids[id] {
			t.Errorf("rule %s not in Rules", id)
		}
	}
}

// TestConcurrent: Check is safe to call from many goroutines (the linter
// lints files in parallel); run with -race.
func TestConcurrent(t *testing.T) {
	doc, _ := manifest.Parse("x.yaml", []byte(edit(s3Import, "eraseDevice:", "erasedevice:")))
	want := len(Check(doc, manifest.S3Import))
	done := make(chan int)
	for i := 0; i < 8; i++ {
		go func(k manifest.Kind) {
			n := 0
			for j := 0; j < 20; j++ {
				n = len(Check(doc, k))
				Source(k)
			}
			done <- n
		}(manifest.Kinds[i%len(manifest.Kinds)])
	}
	for i := 0; i < 8; i++ {
		<-done
	}
	if got := len(Check(doc, manifest.S3Import)); got != want {
		t.Errorf("got %d findings after concurrent use, want %d", got, want)
	}
}
