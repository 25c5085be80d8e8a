package schema

import (
	"maps"
	"slices"
	"sort"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestKindKeysMatchSchemas ties the field lists that decide the job kind
// (manifest.ImportOnlyKeys, ExportOnlyKeys, Destinations,
// ExportOperationKey) to the bundled schemas: a field added to one S3 kind's
// schema, or a destination changed, fails here until InferKind knows it.
func TestKindKeysMatchSchemas(t *testing.T) {
	top := func(k manifest.Kind) map[string]bool {
		_, sdoc := kindSchemas[k].must(false)
		node, _ := schemaAt(sdoc, nil)
		set := map[string]bool{}
		for _, n := range propertyNames(node) {
			set[n] = true
		}
		if len(set) == 0 {
			t.Fatalf("the %s schema has no top-level properties", k)
		}
		return set
	}
	only := func(a, b map[string]bool) []string {
		var out []string
		for n := range a {
			if !b[n] {
				out = append(out, n)
			}
		}
		sort.Strings(out)
		return out
	}
	sorted := func(s []string) []string { s = slices.Clone(s); sort.Strings(s); return s }
	imp, exp := top(manifest.S3Import), top(manifest.S3Export)
	if got, want := sorted(manifest.ImportOnlyKeys), only(imp, exp); !slices.Equal(got, want) {
		t.Errorf("manifest.ImportOnlyKeys = %v, but the keys only the S3 import schema has are %v", got, want)
	}
	// operations is counted by its entries (ExportOperationKey, below): EBS
	// and Glacier imports have it too.
	expOnly := slices.DeleteFunc(only(exp, imp), func(n string) bool { return n == "operations" })
	if got, want := sorted(manifest.ExportOnlyKeys), expOnly; !slices.Equal(got, want) {
		t.Errorf("manifest.ExportOnlyKeys = %v, but the keys only the S3 export schema has are %v", got, want)
	}

	// An operations entry: exportBucket only in S3 export's; destination a
	// constant of EBS's and Glacier's that decides their kind.
	entry := func(k manifest.Kind) map[string]any {
		_, sdoc := kindSchemas[k].must(false)
		node, _ := schemaAt(sdoc, []string{"operations", "0"})
		return node // nil for S3 import, which has no operations
	}
	for _, k := range manifest.Kinds {
		if has := hasProperty(entry(k), manifest.ExportOperationKey); has != (k == manifest.S3Export) {
			t.Errorf("%s: operations entries have %s: %v", k, manifest.ExportOperationKey, has)
		}
	}
	for dest, k := range manifest.Destinations {
		_, sdoc := kindSchemas[k].must(false)
		d, _ := schemaAt(sdoc, []string{"operations", "0", "destination"})
		var allowed []string
		if c, ok := d["const"].(string); ok {
			allowed = append(allowed, c)
		}
		allowed = append(allowed, stringList(d["enum"])...)
		if !slices.Equal(allowed, []string{dest}) {
			t.Errorf("%s: the schema's destination allows %v, but manifest.Destinations decides it by %q", k, allowed, dest)
		}
	}
	if len(manifest.Destinations) != 2 {
		t.Errorf("manifest.Destinations has %d entries, want EBS and Glacier", len(manifest.Destinations))
	}
}

// TestFieldNamesMatchSchemas ties manifest.FieldNames, the key names a
// YAML syntax error may suggest (`erase_device:yes`), to every property
// name of the four bundled schemas, at any depth.
func TestFieldNamesMatchSchemas(t *testing.T) {
	set := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if p, ok := x["properties"].(map[string]any); ok {
				for k := range p {
					set[k] = true
				}
			}
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	for _, k := range manifest.Kinds {
		_, sdoc := kindSchemas[k].must(false)
		walk(sdoc)
	}
	want := make([]string, 0, len(set))
	for k := range set {
		want = append(want, k)
	}
	sort.Strings(want)
	if got := manifest.FieldNames; !slices.Equal(got, want) {
		t.Errorf("manifest.FieldNames = %q, but the schemas' property names are %q", got, want)
	}
}

// TestImportOperationKeysMatchSchemas ties importOperationKeys, the fields
// that show an S3 manifest's operations entry was meant for EBS or
// Glacier, to the bundled schemas' operations entries.
func TestImportOperationKeysMatchSchemas(t *testing.T) {
	entryKeys := func(k manifest.Kind) map[string]bool {
		_, sdoc := kindSchemas[k].must(false)
		node, _ := schemaAt(sdoc, []string{"operations", "0"})
		set := map[string]bool{}
		for _, n := range propertyNames(node) {
			set[n] = true
		}
		return set
	}
	s3 := entryKeys(manifest.S3Export)
	var want []string
	for n := range entryKeys(manifest.EBSImport) {
		want = append(want, n)
	}
	for n := range entryKeys(manifest.GlacierImport) {
		want = append(want, n)
	}
	// deviceCapacityGreaterThan1TB is not counted today: counting it changes
	// what an S3 entry holding it is told (a behaviour change, for later).
	want = slices.DeleteFunc(want, func(n string) bool { return s3[n] || n == "deviceCapacityGreaterThan1TB" })
	sort.Strings(want)
	want = slices.Compact(want)
	got := slices.Sorted(slices.Values(importOperationKeys))
	if !slices.Equal(got, want) {
		t.Errorf("importOperationKeys = %v, but the EBS and Glacier entries' fields no S3 entry has are %v", got, want)
	}
}

// TestRegionsMatchSchemas ties manifest.Regions (config, the language
// server's settings and snippets, the region rules) to the region enum of
// every bundled schema's operations entries.
func TestRegionsMatchSchemas(t *testing.T) {
	for _, k := range []manifest.Kind{manifest.EBSImport, manifest.GlacierImport} {
		_, sdoc := kindSchemas[k].must(false)
		node, _ := schemaAt(sdoc, []string{"operations", "0", "region"})
		if got := stringList(node["enum"]); !slices.Equal(got, manifest.Regions) {
			t.Errorf("%s: the schema's regions are %v, manifest.Regions %v", k, got, manifest.Regions)
		}
	}
}

// TestTopLevelKeysMatchSchemas ties manifest.TopLevelKeys, the keys the
// manifest test of a file (manifest.Detect) takes for a manifest's, to the
// top-level properties of the four bundled schemas.
func TestTopLevelKeysMatchSchemas(t *testing.T) {
	set := map[string]bool{}
	for _, k := range manifest.Kinds {
		_, sdoc := kindSchemas[k].must(false)
		node, _ := schemaAt(sdoc, nil)
		for _, n := range propertyNames(node) {
			set[n] = true
		}
	}
	want := slices.Sorted(maps.Keys(set))
	if got := manifest.TopLevelKeys; !slices.Equal(got, want) {
		t.Errorf("manifest.TopLevelKeys = %q, but the schemas' top-level properties are %q", got, want)
	}
}
