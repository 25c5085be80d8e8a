package manifest

import (
	"go.yaml.in/yaml/v3"
)

// Document is a parsed manifest: the original source (for snippets) and the
// yaml.Node tree of its root mapping, with every position pointing at the
// original text.
type Document struct {
	// Name is the file name used in output ("-" or --stdin-filename for stdin).
	Name string
	// Source is the text as read, byte for byte.
	Source []byte
	// Root is the root mapping; nil when the manifest could not be parsed.
	Root *yaml.Node
	// Secrets are the ranges of secret values, which snippets mask
	// (SnippetLine); nil when the file could not be parsed whole.
	Secrets *Secrets
	lines   Lines // built on first use (lines.starts is nil until then)
}

// Lines returns the line index of the source, built on first use.
func (d *Document) Lines() *Lines {
	if d.lines.starts == nil {
		d.lines = newLines(d.Source)
	}
	return &d.lines
}

// Line returns line n (1-based) of the original source without its line
// end, or "" when out of range. Lines end where yaml.v3 counts a line break
// (see Lines), so that n is the line of a yaml.Node position.
func (d *Document) Line(n int) string {
	return string(d.Lines().Line(n))
}

// Get returns the key and value nodes of key in mapping m (the first
// occurrence), or nils when m is not a mapping or has no such key.
func Get(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// Value returns the value node of key in mapping m, or nil.
func Value(m *yaml.Node, key string) *yaml.Node {
	_, v := Get(m, key)
	return v
}

// Text returns the text of a scalar node and true; for nil or a non-scalar
// node it returns "" and false. Scalars are text: `2.0` stays "2.0" and
// `01234` keeps its zero; an empty value (`street2:`) is "".
func Text(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode {
		return "", false
	}
	return n.Value, true
}

// IsMapping reports whether n is a mapping node.
func IsMapping(n *yaml.Node) bool { return n != nil && n.Kind == yaml.MappingNode }

// IsSequence reports whether n is a sequence node.
func IsSequence(n *yaml.Node) bool { return n != nil && n.Kind == yaml.SequenceNode }

// Pairs calls fn for every key/value pair of mapping m, in source order.
func Pairs(m *yaml.Node, fn func(k, v *yaml.Node)) {
	if !IsMapping(m) {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		fn(m.Content[i], m.Content[i+1])
	}
}

// KindName names a node's YAML kind for messages: "a mapping", "a list",
// "text", "nothing".
func KindName(n *yaml.Node) string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Value == "" {
			return "an empty value"
		}
		return "text"
	}
	return "nothing"
}

// secretKeys are the fields whose values no output shows: CI logs are
// public, and these unlock the device.
var secretKeys = map[string]bool{"trueCryptPassword": true, "pinCode": true}

// IsSecret reports whether key names a field whose value must never be
// printed (trueCryptPassword, pinCode).
func IsSecret(key string) bool { return secretKeys[key] }

// SecretMask replaces a secret value wherever it would be shown: always
// eight asterisks, so that the mask does not tell the value's length.
const SecretMask = "********"
