package cli

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWalkHardLinks pins what a walk does with a file that has two names
// (hard links) in the tree: a lint run reports it under each name (a walk
// tells its files apart by path, without a stat each, as gofmt -l, ruff and
// eslint do); --fix fixes it once (the walk then keys files by inode too:
// two workers writing one file through its two names would race), and both
// names hold the fixed text; an --output file that is a hard link to a
// walked file is refused, as one that is a symbolic link to it.
func TestWalkHardLinks(t *testing.T) {
	setup := func(t *testing.T) string {
		dir := tree(t, map[string]string{"d/m.yaml": fixableManifest})
		must(t, os.Link(filepath.Join(dir, "d", "m.yaml"), filepath.Join(dir, "d", "n.yaml")))
		return dir
	}
	t.Run("lint", func(t *testing.T) {
		dir := setup(t)
		code, out, errOut := runMain(t, dir, "", "--no-config", "d")
		if code != ExitOK {
			t.Errorf("exit %d\n%s%s", code, out, errOut)
		}
		wantIn(t, "stdout", out, "d/m.yaml:", "d/n.yaml:", "in 2 files\n")
	})
	t.Run("fix", func(t *testing.T) {
		dir := setup(t)
		code, out, errOut := runMain(t, dir, "", "--no-config", "--fix", "d")
		if code != ExitOK {
			t.Errorf("exit %d\n%s%s", code, out, errOut)
		}
		wantIn(t, "stderr", errOut, "manifestlint: fixed 1 finding in 1 file")
		wantIn(t, "stdout", out, "in 1 file\n")
		for _, n := range []string{"m.yaml", "n.yaml"} {
			if got := readString(t, filepath.Join(dir, "d", n)); got != fixedManifest {
				t.Errorf("d/%s after --fix:\n%s", n, got)
			}
		}
		wantOnly(t, filepath.Join(dir, "d"), "m.yaml", "n.yaml")
	})
	t.Run("output", func(t *testing.T) {
		dir := setup(t)
		must(t, os.Link(filepath.Join(dir, "d", "m.yaml"), filepath.Join(dir, "hard.json")))
		must(t, os.Symlink(filepath.Join("d", "m.yaml"), filepath.Join(dir, "soft.json")))
		for _, o := range []string{"json=hard.json", "json=soft.json"} {
			code, out, errOut := runMain(t, dir, "", "--no-config", "-o", o, "d")
			if code != ExitUsage || out != "" {
				t.Errorf("-o %s: exit %d, want 2; stdout:\n%s", o, code, out)
			}
			wantIn(t, "stderr", errOut, "is also an input: the report would replace it")
			if got := readString(t, filepath.Join(dir, "d", "m.yaml")); got != fixableManifest {
				t.Errorf("-o %s: d/m.yaml was overwritten:\n%s", o, got)
			}
		}
	})
}
