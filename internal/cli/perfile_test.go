package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleManifest is testdata/sample/manifest.yaml: valid, with a US return
// address, so that a job region in the EU gives two errors.
func sampleManifest(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sample", "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestNestedConfigSameFromRootAndFolder (issue 17): a .manifestlint.yaml
// with region: eu-west-1 in a subfolder applies to the files below it
// whether the run starts at the repository root or in that folder; a
// regions glob in the root config gives another folder its region; and
// --config wins for every file.
func TestNestedConfigSameFromRootAndFolder(t *testing.T) {
	m := sampleManifest(t)
	dir := tree(t, map[string]string{
		".git/HEAD":               "ref: refs/heads/main\n",
		".manifestlint.yaml":      "regions:\n  'ireland/**': eu-west-1\n",
		"us/m.manifest.yaml":      m,
		"eu/.manifestlint.yaml":   "region: eu-west-1\n",
		"eu/m.manifest.yaml":      m,
		"ireland/m.manifest.yaml": m,
		"other.yaml":              "region: us-east-1\n",
	})
	code, out, errOut := runMain(t, dir, "", "--no-snippet", ".")
	if code != ExitFindings {
		t.Fatalf("from the root: exit %d\n%s%s", code, out, errOut)
	}
	for _, f := range []string{"eu/m.manifest.yaml", "ireland/m.manifest.yaml"} {
		wantIn(t, "stdout", out, f+":1:1: error MissingCustomsException", f+":16:14: error InvalidAddressException")
	}
	wantIn(t, "stdout", out, "4 errors")
	// The help names where the region came from.
	_, full, errFull := runMain(t, dir, "", "--format", "json", "ireland/m.manifest.yaml")
	wantIn(t, "json format", full+errFull, "(from regions `ireland/**` in .manifestlint.yaml)")
	wantNotIn(t, "stdout", out, "us/m.manifest.yaml:1:1")
	rootEU := lines(out, "eu/m.manifest.yaml:")

	code, out, errOut = runMain(t, filepath.Join(dir, "eu"), "", "--no-snippet", "m.manifest.yaml")
	if code != ExitFindings {
		t.Fatalf("from eu/: exit %d\n%s%s", code, out, errOut)
	}
	if got := lines(out, "m.manifest.yaml:"); len(got) != 2 || len(rootEU) != 2 ||
		strings.ReplaceAll(strings.Join(rootEU, "\n"), "eu/m.manifest.yaml", "m.manifest.yaml") != strings.Join(got, "\n") {
		t.Errorf("from the root:\n%s\nfrom eu/:\n%s", strings.Join(rootEU, "\n"), strings.Join(got, "\n"))
	}

	// Named from the root, one by one: the same.
	code, out, _ = runMain(t, dir, "", "--no-snippet", "eu/m.manifest.yaml", "us/m.manifest.yaml")
	if code != ExitFindings || strings.Join(lines(out, "eu/m.manifest.yaml:"), "\n") != strings.Join(rootEU, "\n") {
		t.Errorf("named from the root: exit %d\n%s", code, out)
	}

	// --config wins for every file, the nested one included.
	must(t, os.WriteFile(filepath.Join(dir, "us.yaml"), []byte("region: us-east-1\n"), 0o644))
	code, out, errOut = runMain(t, dir, "", "--no-snippet", "--config", "us.yaml", ".")
	if code != ExitOK {
		t.Errorf("--config us.yaml: exit %d, want 0\n%s%s", code, out, errOut)
	}
}

// lines returns the findings of out whose line starts with prefix, each
// as its place, severity and code (the message names the config file
// relative to the working directory).
func lines(out, prefix string) []string {
	var l []string
	for _, s := range strings.Split(out, "\n") {
		if strings.HasPrefix(s, prefix) && strings.Contains(s, ": error ") {
			l = append(l, s[:strings.Index(s, ": error ")+len(": error ")]+strings.Fields(s[strings.Index(s, ": error ")+len(": error "):])[0])
		}
	}
	return l
}

// TestOnlyManifests: with --only-manifests, named files pass the manifest
// test as a walk's do (the pre-commit hook passes every staged YAML file):
// a broken manifest named manifest-hamburg.yaml is linted, Helm values are
// skipped and listed; --verbose says why a file was linted by content.
func TestOnlyManifests(t *testing.T) {
	broken := strings.Replace(sampleManifest(t), "eraseDevice: yes", "eraseDevice: no", 1)
	dir := tree(t, map[string]string{
		"manifest-hamburg.yaml": broken,
		"values.yaml":           "replicaCount: 2\nimage:\n  tag: x\nlogBucket: logs\nnotificationEmail: ops@example.com\n",
	})
	code, out, errOut := runMain(t, dir, "", "--no-snippet", "--only-manifests", "--verbose", "manifest-hamburg.yaml", "values.yaml")
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	wantIn(t, "stdout", out, "manifest-hamburg.yaml:6:14: error InvalidManifestFieldException")
	wantNotIn(t, "stdout", out, "values.yaml:")
	wantIn(t, "stderr", errOut, "skipped values.yaml: not a manifest (no top-level manifestVersion key, and `replicaCount` (line 1) is not a manifest key)",
		"linted manifest-hamburg.yaml as a manifest by its content: a top-level `manifestVersion` key (line 2)")
	// Without the flag, a named file is linted whatever it holds.
	code, out, _ = runMain(t, dir, "", "--no-snippet", "values.yaml")
	if code != ExitFindings || !strings.Contains(out, "values.yaml:") {
		t.Errorf("values.yaml named without --only-manifests: exit %d\n%s", code, out)
	}
}
