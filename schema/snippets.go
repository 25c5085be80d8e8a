package schema

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// A snippet (defaultSnippets, which yaml-language-server offers and the
// language server reads) owns no list of values: where it lets the user
// choose among a closed field's values, the schema source writes
// `${N|enum|}`, and the printed schema fills in the field's values from its
// enum, its examples first (so `no` leads for encryptedData, as its
// examples do).
var snippetChoice = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\$\{([0-9]+)\|enum\|\}$`) })

// fillSnippetChoices fills the `${N|enum|}` choices of every snippet below
// n; defs is the schema's definitions mapping, in its editor flavor (yes/no
// fields have their enum by then).
func fillSnippetChoices(n, defs *yaml.Node) {
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			fillSnippetChoices(c, defs)
		}
		return
	case yaml.MappingNode:
	default:
		return
	}
	if snippets := manifest.Value(n, "defaultSnippets"); snippets != nil {
		props := manifest.Value(n, "properties")
		for _, sn := range snippets.Content {
			body := manifest.Value(sn, "body")
			if body == nil {
				continue
			}
			for i := 0; i+1 < len(body.Content); i += 2 {
				v := body.Content[i+1]
				m := snippetChoice().FindStringSubmatch(v.Value)
				if m == nil {
					continue
				}
				choices := closedValues(manifest.Value(props, body.Content[i].Value), defs)
				if len(choices) == 0 {
					panic(fmt.Sprintf("schema: a snippet chooses among the values of %s, which has no enum", body.Content[i].Value))
				}
				v.Value = "${" + m[1] + "|" + strings.Join(choices, ",") + "|}"
			}
		}
	}
	for i := 1; i < len(n.Content); i += 2 {
		fillSnippetChoices(n.Content[i], defs)
	}
}

// closedValues lists the values of property prop's enum (through its $ref),
// each word once in its first spelling, the property's examples first.
func closedValues(prop, defs *yaml.Node) []string {
	enum := manifest.Value(prop, "enum")
	if ref, ok := manifest.Text(manifest.Value(prop, "$ref")); ok && enum == nil {
		enum = manifest.Value(manifest.Value(defs, strings.TrimPrefix(ref, "#/definitions/")), "enum")
	}
	if enum == nil {
		return nil
	}
	var values []*yaml.Node
	if ex := manifest.Value(prop, "examples"); ex != nil {
		values = append(values, ex.Content...)
	}
	var out []string
	for _, v := range append(values, enum.Content...) {
		if v.Tag == "!!str" && !slices.ContainsFunc(out, func(s string) bool { return strings.EqualFold(s, v.Value) }) &&
			slices.ContainsFunc(enum.Content, func(e *yaml.Node) bool { return e.Value == v.Value }) {
			if strings.ContainsAny(v.Value, `,|$}\`) {
				panic(fmt.Sprintf("schema: %q cannot be a snippet choice", v.Value))
			}
			out = append(out, v.Value)
		}
	}
	return out
}
