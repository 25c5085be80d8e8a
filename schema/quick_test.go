package schema

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/xeipuuv/gojsonschema"
)

// gojsonschemaValid is what Check asked before quick existed.
func gojsonschemaValid(t testing.TB, doc *manifest.Document, kind manifest.Kind) bool {
	s, _ := kindSchemas[kind].must(true)
	res, err := s.Validate(valueLoader{JSONLoader: gojsonschema.NewGoLoader(nil), value: toValue(doc.Root)})
	if err != nil {
		t.Fatalf("gojsonschema: %v", err)
	}
	return res.Valid()
}

// quickSeeds are manifests for the agreement checks: the schema's testdata
// and each of them with one line changed in ways that break or keep a rule
// of the schema.
func quickSeeds(t testing.TB) [][]byte {
	files, _ := filepath.Glob("testdata/*.yaml")
	var out [][]byte
	edits := []struct{ from, to string }{
		{"manifestVersion: 2.0", "manifestVersion: 3.0"},
		{"manifestVersion: 3.0", "manifestVersion: 2.0"},
		{"eraseDevice: yes", "eraseDevice: true"},
		{"eraseDevice: yes", "eraseDevice: YES"},
		{"eraseDevice: yes", "eraseDevice:\n  - yes"},
		{"deviceId: ", "deviceid: "},
		{"deviceId: ", "deviceId: \n#"},
		{"returnAddress:", "returnAddress: none\nx:"},
		{"    city: ", "    town: "},
		{"    name: ", "    name:\n      first: "},
		{"fileSystem: NTFS", "fileSystem: ntfs"},
		{"  - exportBucket: ", "  - exportbucket: "},
		{"    region: us-east-1", "    region: mars-1"},
		{"operations:\n", "operations: []\nx:\n"},
		{"acl: private", "acl: public"},
		{"customs:\n", "customs:\n     extra: 1\n"},
		{"    source: device", "    source: device\n    source2: device"},
		{"bucket: ", "bucket: " + strings.Repeat("b", 300) + "x"},
		{"accessKeyId: ", "accessKeyId: short"},
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, src)
		for _, e := range edits {
			if strings.Contains(string(src), e.from) {
				out = append(out, []byte(strings.Replace(string(src), e.from, e.to, 1)))
			}
		}
	}
	return out
}

// TestQuickAgrees checks that quick says "passes" exactly when gojsonschema
// finds no error, for every kind, on the seeds; and that every kind's schema
// compiles to a quick validator (a keyword quick does not know would
// silently send every manifest to the slow path).
func TestQuickAgrees(t *testing.T) {
	for _, k := range manifest.Kinds {
		if kindSchemas[k].quickSchema() == nil {
			t.Errorf("%s: the schema uses a keyword quick does not know: teach it to quick (quick.go)", k)
		}
	}
	valid, invalid := 0, 0
	for _, src := range quickSeeds(t) {
		doc, _ := manifest.Parse("seed.yaml", src)
		if doc.Root == nil {
			continue
		}
		for _, k := range manifest.Kinds {
			q := kindSchemas[k].quickSchema()
			if q == nil {
				continue
			}
			want := gojsonschemaValid(t, doc, k)
			if got := q.valid(doc.Root); got != want {
				t.Errorf("%s: quick says valid=%v, gojsonschema %v, for:\n%s", k, got, want, src)
			}
			if want {
				valid++
			} else {
				invalid++
			}
		}
	}
	if valid < 5 || invalid < 20 {
		t.Errorf("the seeds test too little: %d valid and %d invalid (manifest, kind) pairs", valid, invalid)
	}
}

// FuzzQuickAgrees runs the same check on any input that parses, and
// that no finding says gojsonschema's English (TestNoGojsonschemaEnglish).
func FuzzQuickAgrees(f *testing.F) {
	for _, s := range quickSeeds(f) {
		f.Add(s)
	}
	phrases := gojsonschemaPhrases(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, _ := manifest.Parse("fuzz.yaml", src)
		if doc.Root == nil {
			return
		}
		for _, k := range manifest.Kinds {
			if q := kindSchemas[k].quickSchema(); q != nil {
				if got, want := q.valid(doc.Root), gojsonschemaValid(t, doc, k); got != want {
					t.Errorf("%s: quick says valid=%v, gojsonschema %v", k, got, want)
				}
			}
			noGojsonschemaEnglish(t, phrases, src, k)
		}
	})
}

// TestSetPatternsAgree: a character-set pattern the quick validator checks
// without compiling it (`^[A-Za-z0-9._-]{1,255}$` as a set and a count)
// accepts exactly what the compiled regexp accepts, for every pattern of
// every bundled schema, on values at and around each bound.
func TestSetPatternsAgree(t *testing.T) {
	var srcs []string
	seen := map[string]bool{}
	for _, k := range manifest.Kinds {
		_, doc, err := kindSchemas[k].bundled()
		if err != nil {
			t.Fatal(err)
		}
		var walk func(v any)
		walk = func(v any) {
			switch v := v.(type) {
			case map[string]any:
				if p, ok := v["pattern"].(string); ok && !seen[p] {
					seen[p] = true
					srcs = append(srcs, p)
				}
				for _, c := range v {
					walk(c)
				}
			case []any:
				for _, c := range v {
					walk(c)
				}
			}
		}
		walk(doc)
	}
	srcs = append(srcs, `^[a-c]?$`, `^x*$`, `^[0-9]{4}$`)
	sets := 0
	for _, src := range srcs {
		l, ok := patternFor(src)
		if !ok {
			t.Fatalf("%s does not parse", src)
		}
		if l.class != nil {
			sets++
		}
		re := regexp.MustCompile(src)
		var probes []string
		for _, c := range []string{"a", "A", "z", "0", "9", ".", "_", "-", "x", "b", "é", " ", "\n", "\xff", "Y"} {
			for _, n := range []int{0, 1, 2, 3, 4, 5, 12, 13, 19, 20, 21, 254, 255, 256} {
				probes = append(probes, strings.Repeat(c, n), "a"+strings.Repeat(c, n), strings.Repeat(c, n)+"\n")
			}
		}
		probes = append(probes, "yes", "No", "1234.56.7890", "EAR99", "abc-DEF_1.2")
		for _, p := range probes {
			if got, want := l.matchString(p), re.MatchString(p); got != want {
				t.Errorf("%s on %q (%d bytes): quick says %v, regexp %v", src, p, len(p), got, want)
			}
		}
	}
	if sets < 4 {
		t.Errorf("only %d of %d patterns were read as a set and a count; want the bucket, vault, digits and the added ones", sets, len(srcs))
	}
}
