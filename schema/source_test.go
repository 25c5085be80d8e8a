package schema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/xeipuuv/gojsonschema"
	"go.yaml.in/yaml/v3"
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

// editorValue decodes YAML as an editor types it (numbers are numbers) and
// turns it into the JSON-like value gojsonschema reads.
func editorValue(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatal(err)
	}
	var conv func(any) any
	conv = func(v any) any {
		switch x := v.(type) {
		case map[string]any:
			for k, c := range x {
				x[k] = conv(c)
			}
		case []any:
			for i, c := range x {
				x[i] = conv(c)
			}
		case int:
			return float64(x)
		case nil:
			return ""
		}
		return v
	}
	return conv(v)
}

// TestSourceForEditors checks what `manifestlint schema` is for: an editor
// that reads `manifestVersion: 2.0` and `postalCode: 91111` as numbers
// accepts the valid examples, and still flags a wrong version, an unknown
// key and a boolean where yes/no belongs.
func TestSourceForEditors(t *testing.T) {
	valid := map[string]manifest.Kind{
		"sdk-live-test-2015.yaml": manifest.S3Import, "dg-export-customs.yaml": manifest.S3Export,
		"dg-glacier-import.yaml": manifest.GlacierImport, "ebs-import.yaml": manifest.EBSImport,
	}
	for file, kind := range valid {
		src, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		s, err := gojsonschema.NewSchema(gojsonschema.NewBytesLoader(Source(kind)))
		if err != nil {
			t.Fatal(err)
		}
		check := func(name string, src []byte, wantValid bool) {
			res, err := s.Validate(gojsonschema.NewGoLoader(editorValue(t, src)))
			if err != nil {
				t.Fatal(err)
			}
			if res.Valid() != wantValid {
				t.Errorf("%s (%s): valid %v, want %v: %v", file, name, res.Valid(), wantValid, res.Errors())
			}
		}
		check("as is", src, true)
		check("manifestVersion 1.3", regexp.MustCompile(`manifestVersion: [0-9.]+`).ReplaceAll(src, []byte("manifestVersion: 1.3")), false)
		check("unknown key", append(append([]byte(nil), src...), "frobnicate: 1\n"...), false)
		if kind != manifest.S3Export {
			check("eraseDevice true", regexp.MustCompile(`eraseDevice: \w+`).ReplaceAll(src, []byte("eraseDevice: true")), false)
		}
	}
}
