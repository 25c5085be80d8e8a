package rules

import (
	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// forEachOperation calls fn for every entry of the top-level `operations`
// list that is a mapping, with the entry's index in the list (opPath gives
// its path, for a finding: a 1 MB manifest has 10,000 entries, and a path
// built for each of them by each rule was 8% of its lint in the language
// server). A missing list, a list of the wrong type and entries that are
// not mappings are the schema's findings: they are skipped here.
func forEachOperation(root *yaml.Node, fn func(i int, op *yaml.Node)) {
	ops := manifest.Value(root, "operations")
	if !manifest.IsSequence(ops) {
		return
	}
	for i, op := range ops.Content {
		if manifest.IsMapping(op) {
			fn(i, op)
		}
	}
}

// opPath is the path of the operations entry i (`operations[1]`), or of
// its field when field is not "" (`operations[1].region`).
func opPath(i int, field string) string {
	p := manifest.IndexPath("operations", i)
	if field == "" {
		return p
	}
	return manifest.JoinPath(p, field)
}

// scalarField returns the value node and text of key in mapping m when it
// is a scalar; ok is false when the key is absent or its value is a list or
// a mapping (a type fault the schema reports).
func scalarField(m *yaml.Node, key string) (node *yaml.Node, text string, ok bool) {
	v := manifest.Value(m, key)
	text, ok = manifest.Text(v)
	return v, text, ok
}

// kindIs reports whether k is one of kinds.
func kindIs(k manifest.Kind, kinds ...manifest.Kind) bool {
	for _, x := range kinds {
		if k == x {
			return true
		}
	}
	return false
}
