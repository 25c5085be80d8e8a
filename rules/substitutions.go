package rules

import (
	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// RuleSubstitutionsKeys is the id of the substitutions rule.
const RuleSubstitutionsKeys = "substitutions-keys"

// substitutionsRule is the substitutions-keys rule: see checkSubstitutions.
var substitutionsRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleSubstitutionsKeys,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidManifestField},
		Kinds:    []manifest.Kind{manifest.S3Import, manifest.S3Export},
		Doc:      "substitutions keys must not be empty.",
		Example: manifest.Example{Lang: "yaml",
			Before: "bucket: my-bucket\nsubstitutions:\n  \"\": backup",
			After:  "bucket: my-bucket\nsubstitutions:\n  old: backup",
		},
	},
	Check: checkSubstitutions,
}

// checkSubstitutions reports an empty key in `substitutions` (S3 import
// and export): a substitution replaces the key's text in every object key,
// and empty text has nothing to replace. The finding points at the key,
// with the path `substitutions` (a key that is empty has no path segment).
// Values may be empty (the key's text is then removed).
func checkSubstitutions(c *Context) []manifest.Finding {
	var fs []manifest.Finding
	manifest.Pairs(manifest.Value(c.Root, "substitutions"), func(k, _ *yaml.Node) {
		if k.Value != "" {
			return
		}
		fs = append(fs, c.Errorf(manifest.InvalidManifestField, c.Span(k), "substitutions",
			"substitutions has an empty key").
			WithHelp("each key is the text to replace in the object keys and must not be empty: remove the entry, or write the text to replace"))
	})
	return fs
}
