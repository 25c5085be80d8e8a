package schema

import (
	"encoding/json"
	"strconv"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/xeipuuv/gojsonschema"
)

// gojsonschemaDoc is kind's bundled schema as gojsonschema compiles it
// for the values prune builds: built from quickDoc's Go values rather
// than decoded from the bundled JSON (decoding it was a fifth of
// compiling the four kinds in a fresh process), numbers as json.Number,
// as gojsonschema's own decoder gives them; without the annotations
// (titles, descriptions, messages, $schema), which constrain nothing; and
// without two keywords prune checks on the tree instead (pruning):
// required (a required error cost gojsonschema an error value and a
// description formatted through text/template, and the errors of the
// keys prune leaves out had to be told apart from those of the keys
// really missing), and each pattern that only bounds a character set and
// a count (`^[A-Za-z0-9._-]{1,255}$`), which quick matches without a
// regular expression and which Go's regexp compiled slowly: the five
// `{1,255}` patterns of the four kinds were most of compiling them.
// TestGojsonschemaDoc checks that this is all that differs. Nil for an
// unknown kind.
func gojsonschemaDoc(kind manifest.Kind) map[string]any {
	doc := quickDoc(kind)
	if doc == nil {
		return nil
	}
	return forGojsonschema(doc, false).(map[string]any)
}

// forGojsonschema rewrites v, a fresh quickDoc value, in place for
// gojsonschemaDoc and returns it; names is set for the value of
// properties or definitions, whose keys are names, not keywords.
func forGojsonschema(v any, names bool) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			switch {
			case names:
				v[k] = forGojsonschema(x, false)
			case k == "required":
				delete(v, k) // pruning.checkRequired
			case k == "pattern" && isSetPattern(x):
				delete(v, k) // pruning.check
			default:
				v[k] = forGojsonschema(x, k == "properties" || k == "definitions")
			}
		}
	case []any:
		for i, x := range v {
			v[i] = forGojsonschema(x, false)
		}
	case float64:
		return json.Number(strconv.FormatFloat(v, 'f', -1, 64))
	}
	return v
}

// isSetPattern reports whether v is a pattern that quick matches as a
// character set and a count (lazyRegexp.class).
func isSetPattern(v any) bool {
	src, ok := v.(string)
	if !ok {
		return false
	}
	p, ok := patternFor(src)
	return ok && p.class != nil
}

// docLoader hands gojsonschema a schema document already in Go values,
// as valueLoader does a manifest.
type docLoader struct {
	gojsonschema.JSONLoader
	doc map[string]any
}

func (l docLoader) LoadJSON() (any, error) { return l.doc, nil }
