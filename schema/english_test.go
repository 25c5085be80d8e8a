package schema

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/xeipuuv/gojsonschema"
)

// gojsonschemaPhrases are, in lower case, the fixed openings of gojsonschema's
// default-locale messages ("Invalid type. Expected:", "String length must
// be greater than or equal to", "Additional property"): the words of a
// message that starts with a value ("{{.property}} is required") are
// caught by the exact descriptions instead (noGojsonschemaEnglish).
func gojsonschemaPhrases(t testing.TB) []string {
	var out []string
	l := reflect.ValueOf(gojsonschema.DefaultLocale{})
	for i := 0; i < l.NumMethod(); i++ {
		m := l.Method(i)
		if m.Type().NumIn() != 0 || m.Type().NumOut() != 1 || m.Type().Out(0).Kind() != reflect.String {
			continue
		}
		tmpl := m.Call(nil)[0].String()
		prefix, _, _ := strings.Cut(tmpl, "{{")
		if prefix = strings.TrimSpace(strings.Trim(prefix, `"'`)); strings.Contains(prefix, " ") {
			out = append(out, strings.ToLower(prefix))
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d phrases read from gojsonschema.DefaultLocale: %q", len(out), out)
	}
	return out
}

// noGojsonschemaEnglish fails when a finding of src, checked as kind,
// says any of gojsonschema's own words: a phrase of its default locale, or
// the exact description of one of the errors it reports for src.
func noGojsonschemaEnglish(t testing.TB, phrases []string, src []byte, kind manifest.Kind) (findings int) {
	doc, _ := manifest.Parse("corpus.yaml", src)
	if doc.Root == nil {
		return 0
	}
	s, _ := kindSchemas[kind].must(true)
	res, err := s.Validate(valueLoader{JSONLoader: gojsonschema.NewGoLoader(nil), value: toValue(doc.Root)})
	if err != nil {
		t.Fatalf("gojsonschema: %v", err)
	}
	var sentences []string
	for _, e := range res.Errors() {
		sentences = append(sentences, strings.ToLower(e.Description()))
	}
	fs := Check(doc, kind)
	for _, f := range fs {
		// Lower case: a help's first letter is (helpText).
		for _, text := range []string{strings.ToLower(f.Message), strings.ToLower(f.Help)} {
			for _, p := range phrases {
				if strings.Contains(text, p) {
					t.Errorf("%s, as %s: a finding says gojsonschema's %q: %s\n%s", f.Path, kind, p, text, src)
				}
			}
			for _, s := range sentences {
				if hasSentence(text, s) {
					t.Errorf("%s, as %s: a finding says gojsonschema's %q: %s\n%s", f.Path, kind, s, text, src)
				}
			}
		}
	}
	return len(fs)
}

// hasSentence reports whether text holds s as a sentence or clause of its
// own: followed by the end of text or by punctuation ("deviceId is
// required." but not "deviceId is required here").
func hasSentence(text, s string) bool {
	for i := strings.Index(text, s); i >= 0; {
		rest := text[i+len(s):]
		if rest == "" || strings.ContainsRune(".,;:)", rune(rest[0])) {
			return true
		}
		j := strings.Index(rest, s)
		if j < 0 {
			return false
		}
		i += len(s) + j
	}
	return false
}

// TestNoGojsonschemaEnglish: a user never reads gojsonschema's English.
// Every manifest of the golden cases and every seed of the agreement fuzz
// is checked as each kind (the wrong kinds make many findings of every
// keyword), and no headline or help holds gojsonschema's words (with
// -short, every 8th case).
func TestNoGojsonschemaEnglish(t *testing.T) {
	phrases := gojsonschemaPhrases(t)
	corpus := quickSeeds(t)
	files, _ := filepath.Glob("../testdata/cases/*.yaml")
	if len(files) < 100 {
		t.Fatalf("only %d golden cases found in ../testdata/cases", len(files))
	}
	for i, f := range files {
		if testing.Short() && i%8 != 0 {
			continue // -short: every 8th case
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		corpus = append(corpus, src)
	}
	findings := 0
	for _, src := range corpus {
		for _, k := range manifest.Kinds {
			findings += noGojsonschemaEnglish(t, phrases, src, k)
		}
	}
	if findings < 500 {
		t.Errorf("the corpus made only %d schema findings", findings)
	}
}

// TestSchemaMessages: every pattern of the schemas has a
// patternErrorMessage, and every definition with a length an errorMessage:
// the help of the finding, and what an editor shows.
func TestSchemaMessages(t *testing.T) {
	for _, k := range manifest.Kinds {
		_, doc, err := kindSchemas[k].bundled()
		if err != nil {
			t.Fatal(err)
		}
		var walk func(path string, v any)
		walk = func(path string, v any) {
			switch v := v.(type) {
			case map[string]any:
				_, pattern := v["pattern"]
				_, minLen := v["minLength"]
				_, maxLen := v["maxLength"]
				switch {
				case pattern && message(v, kwPattern) == "":
					t.Errorf("%s %s: a pattern without patternErrorMessage", k, path)
				case (minLen || maxLen) && message(v, kwMaxLength) == "":
					t.Errorf("%s %s: a length without errorMessage", k, path)
				}
				for key, c := range v {
					walk(path+"/"+key, c)
				}
			case []any:
				for _, c := range v {
					walk(path+"/[]", c)
				}
			}
		}
		walk("", doc)
	}
}
