package lsp

// This file reads the job kinds' JSON Schemas (the ones `validate` checks
// against) into a tree of fields, for hover and completion.

import (
	"encoding/json"
	"sort"
	"strings"
	"sync"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/schema"
)

// field is one field of a kind's schema.
type field struct {
	desc     string
	example  string // the schema's first scalar example
	typ      string
	enum     []string
	constant string
	pattern  string
	props    map[string]*field
	order    []string // property names in schema order
	required map[string]bool
	items    *field
}

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
			var doc map[string]any
			if json.Unmarshal(schema.Source(k), &doc) != nil {
				continue
			}
			defs, _ := doc["definitions"].(map[string]any)
			kindSchemas[k] = readField(doc, defs, 0)
		}
	})
	if f := kindSchemas[kind]; f != nil {
		return f
	}
	return kindSchemas[manifest.S3Import]
}

// readField converts one schema object, resolving $ref into defs.
func readField(s map[string]any, defs map[string]any, depth int) *field {
	f := &field{}
	if depth > 10 {
		return f
	}
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/definitions/")
		if d, ok := defs[name].(map[string]any); ok {
			f = readField(d, defs, depth+1)
		}
	}
	if v, ok := s["description"].(string); ok {
		f.desc = v
	}
	if vs, ok := s["examples"].([]any); ok && len(vs) > 0 {
		if v, ok := vs[0].(string); ok {
			f.example = v
		}
	}
	if v, ok := s["type"].(string); ok {
		f.typ = v
	}
	if v, ok := s["const"].(string); ok {
		f.constant = v
	}
	if v, ok := s["pattern"].(string); ok {
		f.pattern = v
	}
	if vs, ok := s["enum"].([]any); ok {
		f.enum = nil
		for _, v := range vs {
			if str, ok := v.(string); ok {
				f.enum = append(f.enum, str)
			}
		}
	}
	if req, ok := s["required"].([]any); ok {
		f.required = map[string]bool{}
		for _, r := range req {
			if str, ok := r.(string); ok {
				f.required[str] = true
			}
		}
	}
	if props, ok := s["properties"].(map[string]any); ok {
		f.props = map[string]*field{}
		f.order = nil
		for name, p := range props {
			if pm, ok := p.(map[string]any); ok {
				f.props[name] = readField(pm, defs, depth+1)
				f.order = append(f.order, name)
			}
		}
		sort.Strings(f.order)
	}
	if items, ok := s["items"].(map[string]any); ok {
		f.items = readField(items, defs, depth+1)
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
	case f.pattern == "^([Yy][Ee][Ss]|[Nn][Oo])$":
		return []string{"yes", "no"}
	}
	return nil
}
