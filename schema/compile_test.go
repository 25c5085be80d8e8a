package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestGojsonschemaDoc checks that the schema gojsonschema compiles is
// each kind's bundled schema as gojsonschema would decode it, without its
// annotations and required, with only its long-repeat patterns wrapped,
// and that each wrapped pattern matches exactly the strings the pattern
// does: at every length to 300, and with each byte value among allowed
// characters.
func TestGojsonschemaDoc(t *testing.T) {
	wrapped := 0
	for _, k := range manifest.Kinds {
		src, _, err := kindSchemas[k].bundled()
		if err != nil {
			t.Fatal(err)
		}
		d := json.NewDecoder(bytes.NewReader(src))
		d.UseNumber() // as gojsonschema decodes
		var want any
		if err := d.Decode(&want); err != nil {
			t.Fatal(err)
		}
		var pairs [][2]string
		unwrap(t, k, "", want, gojsonschemaDoc(k), &pairs)
		for _, p := range pairs {
			wrapped++
			orig, re := regexp.MustCompile(p[0]), regexp.MustCompile(p[1])
			for _, s := range patternProbes(p[0]) {
				if orig.MatchString(s) != re.MatchString(s) {
					t.Errorf("%s: %q and %q disagree on %q", k, p[0], p[1], s)
				}
			}
		}
	}
	// bucket in every kind, vaultName in glacier-import.
	if wrapped < len(manifest.Kinds)+1 {
		t.Errorf("only %d patterns wrapped", wrapped)
	}
}

// unwrap compares want, a decoded bundled schema, with got, the document
// gojsonschema compiles, and lists the patterns that differ as
// (original, rewritten) pairs. Any other difference fails: a keyword
// missing from got that is not an annotation or required, or a rewrite
// that is not the original in a group.
func unwrap(t *testing.T, k manifest.Kind, at string, want, got any, pairs *[][2]string) {
	t.Helper()
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			t.Errorf("%s at %s: %v became %v", k, at, want, got)
			return
		}
		// Under properties and definitions the keys are names, not
		// keywords: none may be missing.
		names := strings.HasSuffix(at, "/properties") || strings.HasSuffix(at, "/definitions")
		for key, wv := range w {
			gv, ok := g[key]
			if !ok {
				if names || !annotations[key] && key != "required" || key == "definitions" {
					t.Errorf("%s at %s: %s is gone", k, at, key)
				}
				continue
			}
			ws, isString := wv.(string)
			if gs, _ := gv.(string); !names && key == "pattern" && isString && gs != ws {
				if gs != "("+ws+")" || !hasLongRepeat(ws) {
					t.Errorf("%s at %s: pattern %q became %q", k, at, ws, gs)
				}
				*pairs = append(*pairs, [2]string{ws, gs})
				continue
			}
			unwrap(t, k, at+"/"+key, wv, gv, pairs)
		}
		for key := range g {
			if _, ok := w[key]; !ok {
				t.Errorf("%s at %s: %s is new", k, at, key)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			t.Errorf("%s at %s: %v became %v", k, at, want, got)
			return
		}
		for i := range w {
			unwrap(t, k, at+"/"+strconv.Itoa(i), w[i], g[i], pairs)
		}
	default:
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s at %s: %#v became %#v", k, at, want, got)
		}
	}
}

// patternProbes are strings around what p, a bounded-repeat pattern,
// accepts: runs of a character it allows at every length up to 300, and
// a run of 10 with each byte value among them.
func patternProbes(p string) []string {
	re := regexp.MustCompile(p)
	ok := "a"
	for _, c := range "aA0._-" {
		if re.MatchString(string(c)) {
			ok = string(c)
			break
		}
	}
	var out []string
	for n := 0; n <= 300; n++ {
		out = append(out, strings.Repeat(ok, n))
	}
	for b := 0; b < 256; b++ {
		out = append(out, strings.Repeat(ok, 5)+string([]byte{byte(b)})+strings.Repeat(ok, 4), string([]byte{byte(b)}))
	}
	return append(out, "é", ok+"\n", "\n"+ok, ok+"\x00", strings.Repeat(ok, 255)+"\n")
}
