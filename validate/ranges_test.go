package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/manifest"
)

// TestFindingRangesCorpus lints every manifest of the golden cases, the
// fix goldens and the real manifests of testdata/spec-examples with the
// flags of its `# manifestlint-test:` header, and again with a job region,
// a signing key, a bucket inventory and each job type (so that the rules
// that need them report too), and checks each finding's range
// (checkResult): inside the source, its positions those of its offsets,
// never left zero. The output formats and the language server use the
// range as it is, with no fallback for a finding without one.
func TestFindingRangesCorpus(t *testing.T) {
	var files []string
	for _, g := range []string{"cases/*.yaml", "spec-examples/*.yaml", "fixes/*.yaml"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", filepath.FromSlash(g)))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 500 {
		t.Fatalf("only %d manifests in the corpus", len(files))
	}
	findings, ranged := 0, 0
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		header := headerOptions(t, p, src)
		wide := header
		if wide.Region == "" {
			wide.Region = "eu-west-1"
		}
		if wide.AccessKeyID == "" {
			wide.AccessKeyID = "AKIAQ7RANGESTEST0001"
		}
		if wide.Buckets == nil {
			wide.Buckets = map[string]string{"a-bucket-of-the-account": "us-west-2"}
		}
		variants := []Options{header, wide}
		if header.JobType == manifest.JobTypeUnknown {
			for _, jt := range []manifest.JobType{manifest.JobTypeImport, manifest.JobTypeExport} {
				v := wide
				v.JobType = jt
				variants = append(variants, v)
			}
		}
		for _, o := range variants {
			o.MaxFindings = -1
			res := Validate(filepath.Base(p), src, o)
			checkResult(t, res, src)
			for _, f := range res.Findings {
				findings++
				if f.End > f.Start {
					ranged++
				}
			}
		}
	}
	// Most findings cover text; the others are places (a missing field).
	t.Logf("%d manifests, %d findings, %d covering text", len(files), findings, ranged)
	if findings < 1000 || ranged < findings/2 {
		t.Errorf("%d findings, %d covering text: the corpus no longer exercises the rules", findings, ranged)
	}
}

// headerOptions are the options of the flags in the `# manifestlint-test:`
// first line of a golden case (--region, --job-type, --access-key-id,
// --config); the test fails on a flag it does not know.
func headerOptions(t *testing.T, path string, src []byte) Options {
	t.Helper()
	var o Options
	var cfg *Config
	first, _, _ := strings.Cut(string(src), "\n")
	rest, ok := strings.CutPrefix(first, "# manifestlint-test:")
	if !ok {
		return o
	}
	args := strings.Fields(rest)
	for i := 0; i+1 < len(args); i += 2 {
		switch v := args[i+1]; args[i] {
		case "--region":
			o.Region = v
		case "--access-key-id":
			o.AccessKeyID = v
		case "--job-type":
			if jt, ok := manifest.ParseJobType(v); ok {
				o.JobType = jt
			}
		case "--config":
			// Relative to the repository's root, where the golden test runs.
			c, err := config.Load(filepath.Join("..", v), v, ParseConfig)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			cfg = c
		default:
			t.Fatalf("%s: flag %s of the header not known to this test", path, args[i])
		}
	}
	o, _, err := Resolve(o, cfg, "", nil)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return o
}
