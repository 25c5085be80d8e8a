package schema

import (
	"encoding/json"
	"regexp/syntax"
	"strconv"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/xeipuuv/gojsonschema"
)

// longRepeat is the smallest upper bound of a counted repetition
// (`{1,255}`) that makes a pattern worth wrapping (gojsonschemaDoc).
const longRepeat = 64

// gojsonschemaDoc is kind's bundled schema as gojsonschema compiles it,
// built from quickDoc's Go values rather than decoded from the bundled
// JSON (decoding it was a fifth of compiling the four kinds in a fresh
// process): the same keywords and values, without the annotations
// (titles, descriptions, messages, $schema), which constrain nothing, and
// without required, which prune checks on the tree instead (a required
// error cost gojsonschema an error value and a description formatted
// through text/template, and the errors of the keys prune leaves out had
// to be told apart from those of the keys really missing);
// numbers as json.Number, as gojsonschema's own decoder gives them; and
// each pattern that holds a long counted repetition
// (`^[A-Za-z0-9._-]{1,255}$`) wrapped in a capture group,
// `(^[A-Za-z0-9._-]{1,255}$)`, which matches exactly the strings the
// pattern matches (gojsonschema calls MatchString and reads no group).
// Go's regexp builds a one-pass matcher for a pattern anchored at its
// start, which for 255 copies of a character class was most of the
// pattern's compile time, and does not try for a program that starts
// with a capture; gojsonschema matches patterns only on the fields at
// fault (prune), where the general matcher costs nothing that shows.
// The schema users see (Source, `manifestlint schema`) is unchanged;
// TestGojsonschemaDoc checks that the two differ only there. Nil for an
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
			switch p, isString := x.(string); {
			case names:
				v[k] = forGojsonschema(x, false)
			case k == "required":
				delete(v, k) // prune checks it (pruning.checkRequired)
			case k == "pattern" && isString && hasLongRepeat(p):
				v[k] = "(" + p + ")"
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

// docLoader hands gojsonschema a schema document already in Go values,
// as valueLoader does a manifest.
type docLoader struct {
	gojsonschema.JSONLoader
	doc map[string]any
}

func (l docLoader) LoadJSON() (any, error) { return l.doc, nil }

// hasLongRepeat reports whether the pattern p has a counted repetition
// whose upper bound is longRepeat or more (`{1,255}`); false for a
// pattern that does not parse, which gojsonschema then rejects as it is.
func hasLongRepeat(p string) bool {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return false
	}
	var walk func(*syntax.Regexp) bool
	walk = func(re *syntax.Regexp) bool {
		if re.Op == syntax.OpRepeat && re.Max >= longRepeat {
			return true
		}
		for _, s := range re.Sub {
			if walk(s) {
				return true
			}
		}
		return false
	}
	return walk(re)
}
