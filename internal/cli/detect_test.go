package cli

import "testing"

// TestManifestNamesAreAlwaysLinted: a walk (or --files-from) lints a file
// named like a manifest even when its content would not pass the test: an
// empty manifest, one with a syntax error before any key, or one written in
// the service's key:value dialect must fail the run, not vanish from it.
func TestManifestNamesAreAlwaysLinted(t *testing.T) {
	dir := tree(t, map[string]string{
		"b.manifest.yaml":     "# empty manifest\n",
		"c.manifest.yml":      "deviceId: ABCDE\nbucket: x\teraseDevice: yes\n",
		"e/manifest.yaml":     "bucket:mybucket\neraseDevice:yes\n",
		"docker-compose.yaml": "services:\n  web:\n    image: nginx\n",
	})
	code, out, errOut := runMain(t, dir, "", "--no-snippet", ".")
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, ExitFindings, out, errOut)
	}
	for _, want := range []string{"b.manifest.yaml:1:1: error MissingParameterException", "c.manifest.yml:", "e/manifest.yaml:"} {
		wantIn(t, "stdout", out, want)
	}
	wantIn(t, "stderr", errOut, "skipped docker-compose.yaml: not a manifest")
}
