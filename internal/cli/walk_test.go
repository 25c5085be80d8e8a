package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testmanifest"
)

// validManifest is the tests' clean S3 import manifest.
const validManifest = testmanifest.S3Import

// runMain runs the command in dir with a clean environment and no config
// file (unless args name one); stdin is given.
func runMain(t *testing.T, dir, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	for _, k := range []string{"AWS_ACCESS_KEY_ID", "GITHUB_ACTIONS", "NO_COLOR", "COLUMNS"} {
		t.Setenv(k, "")
	}
	if dir != "" {
		t.Chdir(dir)
	}
	var out, errb bytes.Buffer
	if len(args) == 0 || subcommands[args[0]] == nil {
		// The one-line format: these tests read findings line by line.
		args = append([]string{"--color", "never", "--format", "concise"}, args...)
	}
	code = Main(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// tree writes files (path -> content) below a new temporary directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, text := range files {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func wantIn(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

func wantNotIn(t *testing.T, what, got string, not ...string) {
	t.Helper()
	for _, w := range not {
		if strings.Contains(got, w) {
			t.Errorf("%s holds %q:\n%s", what, w, got)
		}
	}
}

// repoFiles is a repository with manifests beside other YAML.
var repoFiles = map[string]string{
	"jobs/good.yaml":           validManifest,
	"jobs/noversion.yml":       "deviceId: ABCDE\nreturnAddress:\n  name: x\n", // broken, but a manifest
	"jobs/syntax.yaml":         "manifestVersion: 2.0\nbucket: [oops\n",
	"docker-compose.yml":       "version: '3'\nservices:\n  web:\n    image: nginx\n",
	".pre-commit-config.yaml":  "repos:\n  - repo: local\n",
	"k8s/bucket.yaml":          "bucket: my-data\nprefix: x\n", // shared keys only
	"notes.txt":                "manifestVersion: 2.0\n",
	".hidden/manifest.yaml":    validManifest,
	"jobs/.manifestlint.yaml":  "region: us-east-1\n",
	"jobs/nested/deep/m.yaml":  validManifest,
	"jobs/nested/deep/x.YAML":  "manifestVersion: 2.0\n",
	"jobs/nested/deep/c.yaml":  "# comment only\n",
	"jobs/nested/deep/ok.yaml": "\xef\xbb\xbf\"manifestVersion\":2.0\n",
}

func TestWalkLintsManifestsOnly(t *testing.T) {
	dir := tree(t, repoFiles)
	code, out, errOut := runMain(t, dir, "", "--no-config", "--no-snippet", ".")
	if code != ExitFindings {
		t.Errorf("exit %d, want 1\n%s%s", code, out, errOut)
	}
	wantIn(t, "stdout", out, "jobs/noversion.yml:1:1: error", "jobs/syntax.yaml:", "jobs/nested/deep/x.YAML:",
		"jobs/nested/deep/ok.yaml", "in 6 files")
	wantNotIn(t, "stdout", out, "docker-compose", "pre-commit", "k8s/", "notes.txt", ".hidden", "c.yaml", "jobs/.manifestlint.yaml")
	wantIn(t, "stderr", errOut, "manifestlint: note: skipped 4 YAML files that do not look like manifests (no top-level manifestVersion key, nor two keys only manifests use, nor a manifest name); --verbose lists them")

	// --verbose names each skipped file.
	_, _, errOut = runMain(t, dir, "", "--no-config", "--verbose", ".")
	for _, p := range []string{".pre-commit-config.yaml", "docker-compose.yml", "k8s/bucket.yaml", "jobs/nested/deep/c.yaml"} {
		wantIn(t, "--verbose stderr", errOut, "manifestlint: note: skipped "+p+": not a manifest")
	}
	wantNotIn(t, "--verbose stderr", errOut, "--verbose lists them")
	// --quiet drops the note.
	_, _, errOut = runMain(t, dir, "", "--no-config", "--quiet", ".")
	wantNotIn(t, "--quiet stderr", errOut, "note:")

	// A file named on the command line is always linted.
	code, out, _ = runMain(t, dir, "", "--no-config", "--no-snippet", "docker-compose.yml")
	if code != ExitFindings {
		t.Errorf("docker-compose.yml named: exit %d, want 1", code)
	}
	wantIn(t, "named stdout", out, "docker-compose.yml:1:1: error")
}

func TestWalkNothingToLint(t *testing.T) {
	dir := tree(t, map[string]string{"docker-compose.yml": "services: {}\n"})
	code, out, errOut := runMain(t, dir, "", "--no-config", ".")
	if code != ExitOK || out != "" {
		t.Errorf("exit %d, stdout %q; want 0 and no summary", code, out)
	}
	wantIn(t, "stderr", errOut, "no manifest was linted: found 1 YAML file that does not look like a manifest")
	// --verbose names the skipped files there too.
	dir = tree(t, map[string]string{"docker-compose.yml": "services: {}\n", "ci.yml": "on: push\n"})
	_, _, errOut = runMain(t, dir, "", "--no-config", "--verbose", ".")
	wantIn(t, "--verbose stderr", errOut, "manifestlint: note: skipped docker-compose.yml: not a manifest",
		"manifestlint: note: skipped ci.yml: not a manifest", "no manifest was linted: found 2 YAML files")
	wantNotIn(t, "--verbose stderr", errOut, "--verbose lists them")
	// An empty folder says so too, with no "0 errors" line.
	empty := t.TempDir()
	code, out, errOut = runMain(t, empty, "", "--no-config", ".")
	if code != ExitOK || out != "" {
		t.Errorf("empty: exit %d, stdout %q", code, out)
	}
	wantIn(t, "stderr", errOut, "no manifest was linted: no *.yaml or *.yml file found")
}

func TestWalkInclude(t *testing.T) {
	files := map[string]string{
		".manifestlint.yaml":  "include:\n  - 'jobs/**/*.manifest'\n  - other.yaml\n",
		"jobs/a/x.manifest":   "bucket: [oops\n", // no manifest key, linted anyway
		"jobs/good.yaml":      validManifest,     // not included: skipped without a test
		"other.yaml":          "services: {}\n",
		"docker-compose.yaml": "services: {}\n",
	}
	dir := tree(t, files)
	code, out, errOut := runMain(t, dir, "", "--no-snippet", ".")
	if code != ExitFindings {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	wantIn(t, "stdout", out, "jobs/a/x.manifest:1:9: error MalformedManifestException", "other.yaml:1:1: error", "in 2 files")
	wantNotIn(t, "stdout", out, "good.yaml", "docker-compose")
	wantNotIn(t, "stderr", errOut, "note:")
}

func TestFilesFrom(t *testing.T) {
	dir := tree(t, map[string]string{
		"a.yaml":         validManifest,
		"b.yaml":         testmanifest.With("eraseDevice: yes", "eraseDevice: no"),
		"README.md":      "# hi\n",
		"compose.yaml":   "services: {}\n",
		"d/c.yaml":       validManifest,
		"with space.yml": validManifest,
	})
	for _, tc := range []struct{ name, list string }{
		{"newlines", "a.yaml\nb.yaml\r\nREADME.md\ncompose.yaml\n\nd\nwith space.yml\n"},
		{"NUL", "a.yaml\x00b.yaml\x00README.md\x00compose.yaml\x00d\x00with space.yml\x00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(dir, "list"), []byte(tc.list), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, via := range []string{"file", "stdin"} {
				args, stdin := []string{"--no-config", "--no-snippet", "--files-from", "list"}, ""
				if via == "stdin" {
					args, stdin = []string{"--no-config", "--no-snippet", "--files-from", "-"}, tc.list
				}
				code, out, errOut := runMain(t, dir, stdin, args...)
				if code != ExitFindings {
					t.Errorf("%s: exit %d\n%s%s", via, code, out, errOut)
				}
				wantIn(t, via+" stdout", out, "b.yaml:5:14: error", "in 4 files")
				wantNotIn(t, via+" stdout", out, "README", "compose")
				wantIn(t, via+" stderr", errOut, "manifestlint: note: skipped compose.yaml: not a manifest")
			}
		})
	}
	// A listed path that does not exist is an error; - cannot be both.
	code, _, errOut := runMain(t, dir, "gone.yaml\n", "--no-config", "--files-from", "-")
	if code != ExitUsage {
		t.Errorf("missing listed file: exit %d", code)
	}
	wantIn(t, "stderr", errOut, "gone.yaml (from --files-from): no such file or directory")
	code, _, errOut = runMain(t, dir, "a.yaml\n", "--no-config", "--files-from", "-", "-")
	if code != ExitUsage {
		t.Errorf("--files-from - with -: exit %d", code)
	}
	wantIn(t, "stderr", errOut, "standard input cannot be both")
}

// TestWalkLinks: a directory named through a link is walked; a link to a
// directory inside a walk is skipped with a note (even one named x.yaml),
// never failing the run; a link to a file is followed.
func TestWalkLinks(t *testing.T) {
	dir := tree(t, map[string]string{"real/m.yaml": validManifest, "other/n.yaml": validManifest})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink("real", filepath.Join(dir, "linkdir")))
	must(os.Symlink("../other", filepath.Join(dir, "real", "x.yaml")))
	must(os.Symlink("../other/n.yaml", filepath.Join(dir, "real", "file-link.yaml")))
	code, out, errOut := runMain(t, dir, "", "--no-config", "linkdir")
	if code != ExitOK {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	wantIn(t, "stdout", out, "0 errors, 0 warnings in 2 files")
	wantIn(t, "stderr", errOut, "manifestlint: note: skipped linkdir/x.yaml: a link to a directory")
}

// TestSameFileOnce: a file named twice, or reached through two arguments,
// is linted once.
func TestSameFileOnce(t *testing.T) {
	dir := tree(t, map[string]string{"s/broken.yaml": testmanifest.With("eraseDevice: yes", "eraseDevice: no")})
	if err := os.Symlink("broken.yaml", filepath.Join(dir, "s", "alias.yaml")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"s/broken.yaml", "./s/broken.yaml"},
		{"s", "../" + filepath.Base(dir) + "/s"},
		{"s/broken.yaml", "s"},
		{"s/alias.yaml", "s/broken.yaml"},
	} {
		_, out, errOut := runMain(t, dir, "", append([]string{"--no-config", "--no-snippet"}, args...)...)
		if strings.Count(out, "error InvalidManifestFieldException") != 1 || !strings.Contains(out, "in 1 file\n") {
			t.Errorf("%q: want one file linted once:\n%s%s", args, out, errOut)
		}
	}
}

// TestSameFileOnceAcrossRoots: a file that two roots reach (overlapping
// folders, a folder and a link to it, a folder and a file in it, named or
// listed, a link to the file from elsewhere), in either order, is linted
// once. A walk tells its files apart by real path without a stat each, so
// each pair must resolve to one path.
func TestSameFileOnceAcrossRoots(t *testing.T) {
	dir := tree(t, map[string]string{
		"top/sub/broken.yaml": testmanifest.With("eraseDevice: yes", "eraseDevice: no"),
		"top/ok.yaml":         validManifest,
		"list.txt":            "top/sub/broken.yaml\ntop\n",
	})
	for _, l := range []struct{ link, target string }{
		{"alias", "top"},
		{filepath.Join("elsewhere", "link.yaml"), filepath.Join("..", "top", "sub", "broken.yaml")},
	} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(l.link)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(l.target, filepath.Join(dir, l.link)); err != nil {
			t.Fatal(err)
		}
	}
	up := filepath.Join("..", filepath.Base(dir))
	for _, c := range []struct {
		args  []string
		files int
	}{
		{[]string{"top", "top/sub"}, 2},
		{[]string{"top/sub", "top"}, 2},
		{[]string{"top", "top"}, 2},
		{[]string{"top/sub", filepath.Join(up, "top")}, 2},
		{[]string{"alias", "top"}, 2},
		{[]string{"top", "alias/sub"}, 2},
		{[]string{"top", "top/sub/broken.yaml"}, 2},
		{[]string{"top/sub/broken.yaml", "top"}, 2},
		{[]string{"top", "alias/sub/broken.yaml"}, 2},
		{[]string{"top", "elsewhere/link.yaml"}, 2},
		{[]string{"elsewhere/link.yaml", "top"}, 2},
		{[]string{"elsewhere", "top/sub"}, 1},
		{[]string{"top/sub", "elsewhere"}, 1},
		{[]string{"--files-from", "list.txt"}, 2},
		{[]string{"--files-from", "list.txt", "alias/sub"}, 2},
		{[]string{"--files-from", "list.txt", "elsewhere/link.yaml"}, 2},
	} {
		_, out, errOut := runMain(t, dir, "", append([]string{"--no-config", "--no-snippet"}, c.args...)...)
		want := fmt.Sprintf("in %d files\n", c.files)
		if c.files == 1 {
			want = "in 1 file\n"
		}
		if strings.Count(out, "error InvalidManifestFieldException") != 1 || !strings.Contains(out, want) {
			t.Errorf("%q: want broken.yaml linted once, %d files in all:\n%s%s", c.args, c.files, out, errOut)
		}
	}
}

// TestWalkSkipsLargeNonManifest: a YAML file over --max-bytes that a walk
// finds is skipped when its head does not look like a manifest, instead of
// failing the run; a large manifest still fails it.
func TestWalkSkipsLargeNonManifest(t *testing.T) {
	big := "services:\n" + strings.Repeat("  # padding padding padding padding\n", 400)
	dir := tree(t, map[string]string{"d/m.yaml": validManifest, "d/dump.yaml": big})
	code, out, errOut := runMain(t, dir, "", "--no-config", "--max-bytes", "4000", "d")
	if code != ExitOK {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
	wantIn(t, "stderr", errOut, "skipped d/dump.yaml: not a manifest")
	if err := os.WriteFile(filepath.Join(dir, "d", "dump.yaml"), []byte(validManifest+big), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runMain(t, dir, "", "--no-config", "--max-bytes", "4000", "d")
	if code != ExitUsage {
		t.Errorf("large manifest: exit %d", code)
	}
	wantIn(t, "stderr", errOut, "dump.yaml: file too large")
}
