package manifest

import "go.yaml.in/yaml/v3"

// Omitted is a finding that a check counted but did not build, because it
// came after the first findings the caller asked for (a limit, see
// ParseLimit): its position and names only, 24 bytes where a Finding with
// its message, help and fix takes hundreds. A hostile 1 MiB file of `kN:v`
// lines has 230,000 findings, of which a run lists 1000.
type Omitted struct {
	// Line and Column are the position the finding would have had: where
	// it sorts among the others.
	Line, Column int32
	// Of names the finding: its rule ids, code and severity.
	Of *OmittedOf
	// Key is the unknown key the finding is about, for its Path, or nil.
	Key *yaml.Node
}

// OmittedOf is what the Omitted findings of one kind and place share: the
// rule ids, code and severity a Finding of that kind would carry, and the
// path of the mapping that holds their keys.
type OmittedOf struct {
	Rule, AlsoRule string
	Code           Code
	Severity       Severity
	// Parent is the path of the mapping holding the findings' keys, or
	// the whole path when they have no Key.
	Parent string
}

// Path is the path the finding would have had (built on each call).
func (o *Omitted) Path() string {
	if o.Key == nil {
		return o.Of.Parent
	}
	return JoinPath(o.Of.Parent, o.Key.Value)
}

// After reports whether o sorts after f in Sort's order for certain: f
// is on an earlier line, or earlier on the same line.
func (o *Omitted) After(f *Finding) bool {
	l, c := int(o.Line), int(o.Column)
	return f.Line < l || f.Line == l && f.Column < c
}
