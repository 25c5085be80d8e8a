package schema

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestPruneAgrees checks that leaving the unknown keys out of the value
// gojsonschema validates, and reporting them from the tree (prune), gives
// exactly the findings gojsonschema's own additional_property_not_allowed
// errors gave, for every seed and kind.
func TestPruneAgrees(t *testing.T) {
	unknown := 0
	for _, src := range quickSeeds(t) {
		for _, k := range manifest.Kinds {
			unknown += pruneAgrees(t, src, k)
		}
	}
	if unknown < 20 {
		t.Errorf("the seeds test too little: %d unknown-field findings", unknown)
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
// unknown-field findings they gave.
func pruneAgrees(t *testing.T, src []byte, k manifest.Kind) int {
	t.Helper()
	doc, _ := manifest.Parse("seed.yaml", src)
	if doc.Root == nil {
		return 0
	}
	got, _ := checkPruned(doc, k, 0, true)
	want, _ := checkPruned(doc, k, 0, false)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: pruned and unpruned checks differ for:\n%s\npruned:   %+v\nunpruned: %+v", k, src, got, want)
	}
	n := 0
	for _, f := range want {
		if f.Rule == RuleUnknownField {
			n++
		}
	}
	return n
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
// the schema refuses for one field: that field, and of the rest only what
// the schema requires (the valid optional fields are left out, a valid
// required list keeps its first minItems entries), so that a file with
// one fault does not cost a validation of the whole manifest.
func TestPruneKeepsFaults(t *testing.T) {
	src, err := os.ReadFile("testdata/dg-export-customs.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte("fileSystem: NTFS"), []byte("fileSystem: FAT64"), 1)
	src = bytes.Replace(src, []byte("    prefix: exported/\n"), []byte("    prefix: exported/\n  - exportBucket: second-bucket\n"), 1)
	src = bytes.Replace(src, []byte("returnAddress:"), []byte("operations2: x\nreturnAddress:"), 1)
	doc, _ := manifest.Parse("m.yaml", src)
	if doc.Root == nil {
		t.Fatal("the manifest does not parse")
	}
	q := kindSchemas[manifest.S3Export].quickSchema()
	if q == nil || q.valid(doc.Root) {
		t.Fatal("no quick schema, or the manifest passes it")
	}
	var unknown []unknownKeys
	got := q.prune(doc.Root, []string{"(root)"}, &unknown)
	m, _ := got.(map[string]any)
	if m["fileSystem"] != "FAT64" {
		t.Errorf("the field at fault is not kept: %v", m["fileSystem"])
	}
	for _, optional := range []string{"logPrefix", "trueCryptPassword", "recoveryDirectory", "customs"} {
		if _, ok := m[optional]; ok {
			t.Errorf("the valid optional field %s is kept", optional)
		}
	}
	if ra, _ := m["returnAddress"].(map[string]any); ra == nil || ra["postalCode"] != nil || ra["name"] != "Erika Mustermann" {
		t.Errorf("returnAddress is not cut down to its required fields: %v", m["returnAddress"])
	}
	if ops, _ := m["operations"].([]any); len(ops) != 1 || len(ops[0].(map[string]any)) != 1 {
		t.Errorf("the valid operations are not cut down to one entry of its required field: %v", m["operations"])
	}
	if len(unknown) != 1 || len(unknown[0].keys) != 1 || unknown[0].keys[0].Value != "operations2" {
		t.Errorf("the unknown key is not listed: %+v", unknown)
	}
}
