package rules

import (
	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// operation is one entry of the top-level `operations` list that is a
// mapping, with the value nodes of the fields the rules read (nil when
// absent; the first of a repeated key, as manifest.Value gives it).
type operation struct {
	i  int // its index in the list (opPath gives its path, for a finding)
	op *yaml.Node

	exportBucket, targetDirectory, beginMarker, endMarker, region *yaml.Node
}

// readOperations lists the entries of the top-level `operations` list that
// are mappings, reading each one's keys once: a 1 MB manifest has 10,000
// entries, and a lookup of each field by each rule was a walk of the
// entries per rule (paths too: opPath builds one for a finding only). A
// missing list, a list of the wrong type and entries that are not mappings
// are the schema's findings: they are skipped here.
func readOperations(root *yaml.Node) []operation {
	ops := manifest.Value(root, "operations")
	if !manifest.IsSequence(ops) {
		return nil
	}
	out := make([]operation, 0, len(ops.Content))
	for i, op := range ops.Content {
		if !manifest.IsMapping(op) {
			continue
		}
		o := operation{i: i, op: op}
		for k := 0; k+1 < len(op.Content); k += 2 {
			var field **yaml.Node
			switch op.Content[k].Value {
			case "exportBucket":
				field = &o.exportBucket
			case "targetDirectory":
				field = &o.targetDirectory
			case "beginMarker":
				field = &o.beginMarker
			case "endMarker":
				field = &o.endMarker
			case "region":
				field = &o.region
			default:
				continue
			}
			if *field == nil {
				*field = op.Content[k+1]
			}
		}
		out = append(out, o)
	}
	return out
}

// operations is readOperations(c.Root), read once per lint.
func (c *Context) operations() []operation {
	if !c.opsRead {
		c.ops, c.opsRead = readOperations(c.Root), true
	}
	return c.ops
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

// scalarText returns the text of v when it is a scalar (nil or another
// kind: ok is false), as scalarField for a value already looked up.
func scalarText(v *yaml.Node) (node *yaml.Node, text string, ok bool) {
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
