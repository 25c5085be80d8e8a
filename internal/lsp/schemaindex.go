package lsp

// This file reads the job kinds' JSON Schemas (the ones `validate` checks
// against) into a tree of fields, for hover and completion.

import (
	"sort"
	"strings"
	"sync"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/schema"
	"go.yaml.in/yaml/v3"
)

// field is one field of a kind's schema.
type field struct {
	desc     string
	example  string // the schema's first scalar example
	typ      string
	enum     []string
	constant string
	props    map[string]*field
	order    []string // property names in schema order
	required map[string]bool
	items    *field
	// snippet is the body of the schema's first defaultSnippets entry for
	// this field, its keys in order; nil when it has none.
	snippet []snippetEntry
}

// snippetEntry is one `key: value` of a snippet body; the value is in
// snippet syntax (`${1:my-vault}`, `${2|no,yes|}`).
type snippetEntry struct{ key, value string }

var (
	schemaOnce  sync.Once
	kindSchemas map[manifest.Kind]*field
)

// kindField returns the root field of kind's schema (S3 import for an
// unknown kind).
func kindField(kind manifest.Kind) *field {
	schemaOnce.Do(func() {
		kindSchemas = map[manifest.Kind]*field{}
		for _, k := range manifest.Kinds {
			// JSON is YAML: the node tree keeps the order of a snippet's keys.
			var doc yaml.Node
			if yaml.Unmarshal(schema.Source(k), &doc) != nil || len(doc.Content) != 1 {
				continue
			}
			root := doc.Content[0]
			kindSchemas[k] = readField(root, manifest.Value(root, "definitions"), 0)
		}
	})
	if f := kindSchemas[kind]; f != nil {
		return f
	}
	return kindSchemas[manifest.S3Import]
}

// stringItems lists the string items of a sequence node.
func stringItems(n *yaml.Node) []string {
	var out []string
	if n != nil && n.Kind == yaml.SequenceNode {
		for _, v := range n.Content {
			if v.Kind == yaml.ScalarNode && v.Tag == "!!str" {
				out = append(out, v.Value)
			}
		}
	}
	return out
}

// readField converts one schema object, resolving $ref into defs.
func readField(s, defs *yaml.Node, depth int) *field {
	f := &field{}
	if depth > 10 || s == nil || s.Kind != yaml.MappingNode {
		return f
	}
	if ref, ok := manifest.Text(manifest.Value(s, "$ref")); ok {
		if d := manifest.Value(defs, strings.TrimPrefix(ref, "#/definitions/")); d != nil {
			f = readField(d, defs, depth+1)
		}
	}
	if v, ok := manifest.Text(manifest.Value(s, "description")); ok {
		f.desc = v
	}
	if ex := manifest.Value(s, "examples"); ex != nil && ex.Kind == yaml.SequenceNode && len(ex.Content) > 0 {
		if v := ex.Content[0]; v.Kind == yaml.ScalarNode && v.Tag == "!!str" {
			f.example = v.Value
		}
	}
	if v, ok := manifest.Text(manifest.Value(s, "type")); ok {
		f.typ = v
	}
	if v, ok := manifest.Text(manifest.Value(s, "const")); ok {
		f.constant = v
	}
	if e := manifest.Value(s, "enum"); e != nil {
		f.enum = stringItems(e)
	}
	if req := manifest.Value(s, "required"); req != nil {
		f.required = map[string]bool{}
		for _, r := range stringItems(req) {
			f.required[r] = true
		}
	}
	if props := manifest.Value(s, "properties"); props != nil && props.Kind == yaml.MappingNode {
		f.props = map[string]*field{}
		f.order = nil
		for i := 0; i+1 < len(props.Content); i += 2 {
			name := props.Content[i].Value
			f.props[name] = readField(props.Content[i+1], defs, depth+1)
			f.order = append(f.order, name)
		}
		sort.Strings(f.order)
	}
	if items := manifest.Value(s, "items"); items != nil {
		f.items = readField(items, defs, depth+1)
	}
	if sn := manifest.Value(s, "defaultSnippets"); sn != nil && sn.Kind == yaml.SequenceNode && len(sn.Content) > 0 {
		if body := manifest.Value(sn.Content[0], "body"); body != nil && body.Kind == yaml.MappingNode {
			f.snippet = nil
			for i := 0; i+1 < len(body.Content); i += 2 {
				f.snippet = append(f.snippet, snippetEntry{body.Content[i].Value, body.Content[i+1].Value})
			}
		}
	}
	return f
}

// lookup follows path segments (keys, and "[]" for a list item) from f.
func (f *field) lookup(path []string) *field {
	for _, seg := range path {
		if f == nil {
			return nil
		}
		if seg == "[]" {
			f = f.items
			continue
		}
		f = f.props[seg]
	}
	return f
}

// values lists the closed set of values of f, or nil.
func (f *field) values() []string {
	switch {
	case f == nil:
		return nil
	case f.constant != "":
		return []string{f.constant}
	case len(f.enum) > 0:
		// The printed schema lists every letter case of yes and no (the
		// service accepts any); offer each word once, in its first,
		// commonest spelling.
		var out []string
		seen := map[string]bool{}
		for _, v := range f.enum {
			if k := strings.ToLower(v); !seen[k] {
				seen[k] = true
				out = append(out, v)
			}
		}
		return out
	}
	return nil
}
