package rules

import (
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

func TestSubstitutions(t *testing.T) {
	runFamCases(t, &substitutionsRule, []famCase{
		{name: "fine", kind: manifest.S3Import, src: "substitutions:\n  ' ': _\n  remove-me: ''\n"},
		{name: "empty key", kind: manifest.S3Export, src: "substitutions:\n  a: b\n  '': x\n",
			want: []famWant{famErr(manifest.InvalidManifestField, "substitutions", 3, 3, "empty key", "must not be empty")}},
		{name: "not a mapping is the schema's", kind: manifest.S3Import, src: "substitutions: ''\n"},
		{name: "EBS has none", kind: manifest.EBSImport, src: "substitutions:\n  '': x\n"},
	})
}
