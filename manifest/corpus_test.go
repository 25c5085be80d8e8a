package manifest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestDetectCorpus measures Detect on two corpora and prints the figures
// in the test log: the common YAML of testdata/not-manifests (compose
// files, Helm values, Kubernetes objects, GitHub and GitLab workflows,
// Ansible, OpenAPI, CloudFormation, serverless) must give no false
// positive, and every manifest of the golden cases (testdata/cases,
// testdata/spec-examples) must still be taken, except the ones that hold no
// manifest key at all (an empty file, a list, a scalar), which only a
// manifest name or include can select.
func TestDetectCorpus(t *testing.T) {
	others, err := filepath.Glob(filepath.Join("..", "testdata", "not-manifests", "*.y*ml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(others) < 15 {
		t.Fatalf("only %d files in testdata/not-manifests", len(others))
	}
	fp := 0
	for _, p := range others {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if v := Detect(p, src); v.Manifest {
			fp++
			t.Errorf("false positive: %s taken as a manifest: %s", filepath.Base(p), v.Reason)
		}
	}

	var cases []string
	for _, g := range []string{"cases/*.yaml", "spec-examples/*.yaml"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", filepath.FromSlash(g)))
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, m...)
	}
	if len(cases) < 400 {
		t.Fatalf("only %d golden cases found", len(cases))
	}
	taken, keyless := 0, 0
	var missed []string
	for _, p := range cases {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		switch v := Detect(p, src); {
		case v.Manifest:
			taken++
		case !hasManifestKey(src):
			keyless++ // nothing says manifest but a name: s1-empty-manifest, a list
		default:
			missed = append(missed, filepath.Base(p)+": "+v.Reason)
		}
	}
	sort.Strings(missed)
	for _, m := range missed {
		t.Errorf("golden manifest not taken: %s", m)
	}
	t.Logf("not-manifests: %d files, %d false positives", len(others), fp)
	t.Logf("golden manifests: %d files, %d taken, %d missed, %d with no top-level manifest key (taken only by name or include)",
		len(cases), taken, len(missed), keyless)
}

// hasManifestKey reports whether a text has any top-level manifest key.
func hasManifestKey(src []byte) bool {
	detectKeys()
	for _, line := range strings.FieldsFunc(string(src), func(r rune) bool { return r == '\n' || r == '\r' }) {
		if k := topLevelKeyText([]byte(line)); k != nil && topKeys[FoldName(string(k))] {
			return true
		}
	}
	return false
}
