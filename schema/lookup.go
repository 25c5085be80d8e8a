package schema

// Looking things up in the bundled schema.

import (
	"maps"
	"slices"
	"strings"
)

// deref follows a local $ref; name is the definition's name, or "".
func deref(sdoc, node map[string]any) (resolved map[string]any, name string) {
	for i := 0; i < 8 && node != nil; i++ {
		ref, ok := node["$ref"].(string)
		if !ok {
			return node, name
		}
		name = strings.TrimPrefix(ref, "#/definitions/")
		defs, _ := sdoc["definitions"].(map[string]any)
		node, _ = defs[name].(map[string]any)
	}
	return node, name
}

// schemaAt returns the subschema that validates the value at segs (a
// gojsonschema context without its root), resolved, and the name of the
// definition it refers to; nil when the schema has no such place.
func schemaAt(sdoc map[string]any, segs []string) (map[string]any, string) {
	node, name := deref(sdoc, sdoc)
	for _, s := range segs {
		if props, ok := node["properties"].(map[string]any); ok {
			if p, ok := props[s].(map[string]any); ok {
				node, name = deref(sdoc, p)
				continue
			}
		}
		if items, ok := node["items"].(map[string]any); ok {
			node, name = deref(sdoc, items)
			continue
		}
		if ap, ok := node["additionalProperties"].(map[string]any); ok {
			node, name = deref(sdoc, ap)
			continue
		}
		return nil, ""
	}
	return node, name
}

// propertyNames lists the keys a (resolved) object schema allows, sorted.
func propertyNames(node map[string]any) []string {
	props, _ := node["properties"].(map[string]any)
	return slices.Sorted(maps.Keys(props))
}

func hasProperty(node map[string]any, key string) bool {
	props, _ := node["properties"].(map[string]any)
	_, ok := props[key]
	return ok
}

func stringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func appendSeg(segs []string, s string) []string {
	return append(append(make([]string, 0, len(segs)+1), segs...), s)
}
