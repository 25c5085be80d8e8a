package schema

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestPruneAgrees checks that leaving the unknown keys and the valid
// fields out of the value gojsonschema validates, checking required and
// the set patterns on the tree, and reporting them from it (prune), gives exactly the
// findings gojsonschema's own errors give on the whole manifest and the
// whole schema, for every seed and kind.
func TestPruneAgrees(t *testing.T) {
	unknown, required, values := 0, 0, 0
	for _, src := range quickSeeds(t) {
		for _, k := range manifest.Kinds {
			u, r, v := pruneAgrees(t, src, k)
			unknown, required, values = unknown+u, required+r, values+v
		}
	}
	if unknown < 20 || required < 20 || values < 20 {
		t.Errorf("the seeds test too little: %d unknown-field, %d required-field and %d invalid-value findings", unknown, required, values)
	}
}

// FuzzPruneAgrees runs the same check on any input that parses.
func FuzzPruneAgrees(f *testing.F) {
	for _, s := range quickSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, k := range manifest.Kinds {
			pruneAgrees(t, src, k)
		}
	})
}

// pruneAgrees compares the two ways for src as kind and returns how many
// unknown-field, required-field and invalid-value findings they gave.
func pruneAgrees(t *testing.T, src []byte, k manifest.Kind) (unknown, required, values int) {
	t.Helper()
	doc, _ := manifest.Parse("seed.yaml", src)
	if doc.Root == nil {
		return 0, 0, 0
	}
	got, _ := checkPruned(doc, k, 0, true)
	want, _ := checkPruned(doc, k, 0, false)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: pruned and unpruned checks differ for:\n%s\npruned:   %+v\nunpruned: %+v", k, src, got, want)
	}
	for _, f := range want {
		switch f.Rule {
		case RuleUnknownField:
			unknown++
		case RuleRequiredField:
			required++
		case RuleInvalidValue:
			values++
		}
	}
	return unknown, required, values
}

// TestCheckLimitOmits checks that CheckLimit builds the first limit
// unknown-field findings and returns the others as Omitted with the
// position, path and names the built ones would have had.
func TestCheckLimitOmits(t *testing.T) {
	src := []byte(s3ImportWithout + "\ndeviceId: ABCDE\n")
	for i := range 40 {
		src = append(src, []byte("extra"+string(rune('a'+i%26))+string(rune('a'+i/26))+": v\n")...)
	}
	doc, _ := manifest.Parse("m.yaml", src)
	if doc.Root == nil {
		t.Fatal("the manifest does not parse")
	}
	all, none := CheckLimit(doc, manifest.S3Import, 0)
	if len(none) != 0 || len(all) != 40 {
		t.Fatalf("without a limit: %d findings, %d omitted; want 40 and 0", len(all), len(none))
	}
	built, omitted := CheckLimit(doc, manifest.S3Import, 15)
	if !reflect.DeepEqual(built, all[:15]) {
		t.Errorf("with a limit of 15 the built findings are not the first 15:\n%+v", built)
	}
	if len(omitted) != 25 {
		t.Fatalf("%d omitted, want 25", len(omitted))
	}
	for i, o := range omitted {
		f := all[15+i]
		if int(o.Line) != f.Line || int(o.Column) != f.Column || o.Path() != f.Path ||
			o.Of.Rule != f.Rule || o.Of.Code != f.Code || o.Of.Severity != f.Severity {
			t.Errorf("omitted %d is %d:%d %s %+v, the finding %d:%d %s %s %s %s",
				i, o.Line, o.Column, o.Path(), *o.Of, f.Line, f.Column, f.Path, f.Rule, f.Code, f.Severity)
		}
	}
}

// TestPruneKeepsFaults checks what gojsonschema is given for a manifest
// the schema refuses for a few fields: those fields, and nothing else.
// Valid fields are left out, required or not (its schema has no required:
// prune checks it), a valid list entry becomes an empty mapping; so a
// file with one fault does not cost a validation of the whole manifest.
func TestPruneKeepsFaults(t *testing.T) {
	src, err := os.ReadFile("testdata/dg-export-customs.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte("fileSystem: NTFS"), []byte("fileSystem: FAT64"), 1)
	src = bytes.Replace(src, []byte("    prefix: exported/\n"), []byte("    prefix: exported/\n  - exportBucket: second-bucket\n    bogus: 1\n"), 1)
	src = bytes.Replace(src, []byte("returnAddress:"), []byte("operations2: x\nreturnAddress:"), 1)
	doc, _ := manifest.Parse("m.yaml", src)
	if doc.Root == nil {
		t.Fatal("the manifest does not parse")
	}
	q := kindSchemas[manifest.S3Export].quickSchema()
	if q == nil || q.valid(doc.Root) {
		t.Fatal("no quick schema, or the manifest passes it")
	}
	var pr pruning
	got := q.prune(doc.Root, []string{"(root)"}, &pr)
	want := map[string]any{
		"fileSystem": "FAT64", // at fault
		"operations": []any{
			map[string]any{}, // valid
			map[string]any{}, // bogus: unknown
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pruned value\n%v\nwant\n%v", got, want)
	}
	if len(pr.missing) != 0 {
		t.Errorf("required keys missing: %+v, want none", pr.missing)
	}
	var unknown []string
	for _, u := range pr.unknown {
		for _, k := range u.keys {
			unknown = append(unknown, u.context+"\x00"+k.Value)
		}
	}
	if want := []string{"(root)\x00operations\x001\x00bogus", "(root)\x00operations2"}; !reflect.DeepEqual(unknown, want) {
		t.Errorf("unknown keys %q, want %q", unknown, want)
	}
	// And the findings are what gojsonschema gives without pruning.
	pruneAgrees(t, src, manifest.S3Export)
}
