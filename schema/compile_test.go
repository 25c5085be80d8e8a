package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestGojsonschemaDoc checks that the schema gojsonschema compiles for
// pruned values is each kind's bundled schema as gojsonschema would decode
// it, without its annotations, its required lists and its set patterns
// (which prune checks), and nothing else: no name under properties or
// definitions missing, no value changed, nothing added.
func TestGojsonschemaDoc(t *testing.T) {
	left := map[string]int{}
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
		sameBut(t, k, "", want, gojsonschemaDoc(k), left)
	}
	// bucket in every kind, vaultName in glacier-import.
	if left["pattern"] < len(manifest.Kinds)+1 || left["required"] < len(manifest.Kinds) {
		t.Errorf("left out: %v", left)
	}
}

// sameBut compares want, a decoded bundled schema, with got, the document
// gojsonschema compiles, and counts in left the keywords got lacks. Any
// other difference fails: a keyword missing from got that is not an
// annotation, required or a set pattern, a name missing, a value changed,
// a key added.
func sameBut(t *testing.T, k manifest.Kind, at string, want, got any, left map[string]int) {
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
			switch {
			case ok:
				sameBut(t, k, at+"/"+key, wv, gv, left)
			case names || key == "definitions":
				t.Errorf("%s at %s: %s is gone", k, at, key)
			case annotations[key] || key == "required" || key == "pattern" && isSetPattern(wv):
				left[key]++
			default:
				t.Errorf("%s at %s: %s is gone", k, at, key)
			}
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
			sameBut(t, k, at+"/"+strconv.Itoa(i), w[i], g[i], left)
		}
	default:
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s at %s: %#v became %#v", k, at, want, got)
		}
	}
}
