package schema

// Operations entries of a manifest checked as S3: telling a misplaced EBS
// or Glacier entry from a typo.

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// importOperationKeys are the fields of EBS and Glacier operations entries
// that no S3 operations entry has (TestImportOperationKeysMatchSchemas).
var importOperationKeys = []string{"destination", "source", "region", "vaultName", "archiveComment"}

// isOperationsKey reports whether prop at loc is `operations` at the top
// level or a field of an operations entry.
func isOperationsKey(loc location, prop string) bool {
	if len(loc.segs) == 0 {
		return prop == "operations"
	}
	return len(loc.segs) == 2 && loc.segs[0] == "operations"
}

// nearDestination suggests the destination a value most likely meant:
// ebs, EBS_Snapshot, snapshot -> ebs-snapshot; Glacier, glacer -> glacier.
func nearDestination(v string) string {
	n := manifest.FoldName(v)
	switch {
	case n == "":
		return ""
	case strings.Contains(n, "ebs") || strings.Contains(n, "snapshot"):
		return destinationOf(manifest.EBSImport)
	case strings.Contains(n, "glacier"):
		return destinationOf(manifest.GlacierImport)
	}
	return manifest.Closest(v, slices.Sorted(maps.Keys(manifest.Destinations)))
}

// destinationOf returns the destination that makes a manifest of kind k
// (manifest.Destinations).
func destinationOf(k manifest.Kind) string {
	for d, dk := range manifest.Destinations {
		if dk == k {
			return d
		}
	}
	return ""
}

const destinationRule = "a manifest is an EBS or Glacier import only when an operations entry has `destination: ebs-snapshot` or `destination: glacier`"

// destinationEvidence is what the operations entries of a manifest checked
// as an S3 import or export say about it being an EBS or Glacier import.
type destinationEvidence struct {
	// fields are the EBS and Glacier entry fields the entries have, in
	// importOperationKeys order.
	fields []string
	// tail says what the entries hold instead of a valid destination, and
	// the fix; "" when nothing points at an EBS or Glacier import.
	tail string
	// valid is set when an entry has a valid destination: only --job-type
	// export can have made such a manifest S3; tail then says so, without
	// a final period.
	valid bool
}

// destinations gathers the destination evidence of a manifest checked as
// S3; the zero value for the other kinds.
func (c *checker) destinations() destinationEvidence {
	if c.evidence == nil {
		ev := c.gatherDestinations()
		c.evidence = &ev
	}
	return *c.evidence
}

// gatherDestinations is destinations without the cache.
func (c *checker) gatherDestinations() destinationEvidence {
	var ev destinationEvidence
	if c.kind != manifest.S3Import && c.kind != manifest.S3Export {
		return ev
	}
	ops := manifest.Value(c.root, "operations")
	if ops == nil {
		return ev
	}
	if ops.Kind == yaml.ScalarNode {
		if d := nearDestination(ops.Value); d != "" {
			ev.tail = fmt.Sprintf("here operations is the text %s, not a list of entries: write `- destination: %s` beneath `operations:`, with the entry's other fields indented beneath that.",
				quote(ops.Value), d)
		}
		return ev
	}
	if ops.Kind != yaml.SequenceNode {
		return ev
	}
	seen := map[string]bool{}
	badPath, badVal, scalarPath, scalarDest := "", "", "", ""
	for i, op := range ops.Content {
		path := manifest.IndexPath("operations", i)
		switch op.Kind {
		case yaml.ScalarNode:
			if d := nearDestination(op.Value); d != "" && scalarPath == "" {
				scalarPath, scalarDest = path, d
			}
			continue
		case yaml.MappingNode:
		default:
			continue
		}
		for _, k := range importOperationKeys {
			if k0, _ := manifest.Get(op, k); k0 != nil && !seen[k] {
				seen[k] = true
				ev.fields = append(ev.fields, k)
			}
		}
		d := manifest.Value(op, "destination")
		if d == nil {
			continue
		}
		if other, ok := manifest.Destinations[d.Value]; ok && d.Kind == yaml.ScalarNode {
			ev.valid = true
			ev.tail = fmt.Sprintf("the %s entry has `destination: %s`: if the job is %s, lint it without --job-type export",
				path, d.Value, other.Noun())
			return ev
		}
		if badPath == "" {
			badPath, badVal = manifest.JoinPath(path, "destination"), found(d)
			if d.Kind == yaml.ScalarNode {
				if near := nearDestination(d.Value); near != "" {
					badVal += ": did you mean `" + near + "`?"
				}
			}
		}
	}
	switch {
	case badPath != "":
		ev.tail = fmt.Sprintf("here %s is %s", badPath, badVal)
		if !strings.HasSuffix(badVal, "?") {
			ev.tail += ", which is neither."
		}
	case scalarPath != "":
		ev.tail = fmt.Sprintf("here %s is text, not a mapping: write it as `- destination: %s`, with the entry's other fields indented beneath.", scalarPath, scalarDest)
	case len(ev.fields) > 0:
		ev.tail = "here no entry has a destination: if the job is an EBS or Glacier import, add `destination: ebs-snapshot` or `destination: glacier` to the entry; otherwise remove " + joinList(ev.fields, "and") + "."
	}
	return ev
}

// operationsNote is the end of the help for an unknown key of a
// manifest checked as S3 when the operations entries point at an EBS or
// Glacier import: `operations` itself (S3 import) or a key of an entry (S3
// export); "" otherwise.
func (c *checker) operationsNote(loc location, prop string) string {
	if !isOperationsKey(loc, prop) {
		return ""
	}
	ev := c.destinations()
	switch {
	case ev.tail == "":
		return ""
	case ev.valid:
		return capitalize(ev.tail) + "; otherwise remove it"
	case len(loc.segs) == 0 && len(ev.fields) > 0:
		return fmt.Sprintf("Its entries have %s, fields of EBS and Glacier import manifests, but %s; %s",
			joinList(ev.fields, "and"), destinationRule, ev.tail)
	}
	return capitalize(destinationRule) + "; " + ev.tail
}

// versionNote explains why a manifest with the EBS and Glacier version was
// checked as S3.
func (c *checker) versionNote() string {
	ev := c.destinations()
	switch {
	case ev.valid:
		return capitalize(ev.tail) + "."
	case ev.tail != "":
		return capitalize(destinationRule) + "; " + ev.tail
	}
	return "It is not checked as one of those because no operations entry has `destination: ebs-snapshot` or `destination: glacier`."
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
