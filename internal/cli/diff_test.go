package cli

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/manifest"
)

// gitOrFail returns git's path; without git the test skips, except under
// CI=true, where it fails (CI installs git).
func gitOrFail(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("git")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("git is not installed; CI must install it")
		}
		t.Skip("git is not installed")
	}
	return p
}

// gitApply writes a to dir/name, applies patch with `git apply` and
// returns the file's new content.
func gitApply(t *testing.T, git, name string, a []byte, patch []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, filepath.FromSlash(name))
	must(t, os.MkdirAll(filepath.Dir(p), 0o755))
	must(t, os.WriteFile(p, a, 0o644))
	cmd := exec.Command(git, "apply", "--whitespace=nowarn", "-")
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(patch)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply failed: %v\n%s\npatch:\n%q", err, out, patch)
	}
	got, err := os.ReadFile(p)
	must(t, err)
	return got
}

// TestDiffGitApply checks that `git apply` turns a into b with the diff,
// for hand-picked and random edits with LF and CR LF line ends (and that a
// file with CR line ends, whose CRs the diff shows escaped, is marked as
// not appliable).
func TestDiffGitApply(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: a real client: runs git apply on some fifty diffs (about 10 s on 2 cores); run it with go test ./internal/cli -run '^TestDiffGitApply$'")
	}
	git := gitOrFail(t)
	type pair struct{ name, a, b string }
	cases := []pair{
		{"one line", "a\nb\nc\n", "a\nB\nc\n"},
		{"insert at top", "a\nb\n", "x\na\nb\n"},
		{"delete last", "a\nb\nc\n", "a\nb\n"},
		{"no final newline", "a\nb", "a\nc"},
		{"newline added at end", "a\nb", "a\nb\n"},
		{"from empty", "", "a: 1\n"},
		{"to empty", "a: 1\n", ""},
		{"crlf", "a: 1\r\nb: 2\r\nc: 3\r\n", "a: 1\r\nb: 3\r\nc: 3\r\n"},
		{"cr", "a: 1\rb: 2\rc: 3\r", "a: 1\rb: 3\rc: 3\r"},
		{"bom", "\ufeffa: 1\nb:2\n", "\ufeffa: 1\nb: 2\n"},
		{"two hunks", strings.Repeat("x\n", 3) + "a\n" + strings.Repeat("y\n", 20) + "b\n", strings.Repeat("x\n", 3) + "A\n" + strings.Repeat("y\n", 20) + "B\n"},
		{"merged hunk", "a\n1\n2\n3\n4\nb\n", "A\n1\n2\n3\n4\nB\n"},
	}
	// Past maxDiffCost the changed middle is one replaced block.
	var many, manyB strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&many, "k%d: v\n", i)
		if i%2 == 0 {
			fmt.Fprintf(&manyB, "k%d: w\n", i)
		} else {
			fmt.Fprintf(&manyB, "k%d: v\n", i)
		}
	}
	cases = append(cases, pair{"past the cost bound", many.String(), manyB.String()})
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"a: 1", "b: 2", "c", "# note", "", "  d: x"}
	for i := range 150 {
		eol := []string{"\n", "\r\n", "\r"}[i%3]
		var a []string
		for range r.IntN(40) {
			a = append(a, words[r.IntN(len(words))])
		}
		b := append([]string(nil), a...)
		for range r.IntN(6) {
			switch k := r.IntN(3); {
			case k == 0 && len(b) > 0:
				j := r.IntN(len(b))
				b = append(b[:j], b[j+1:]...)
			case k == 1:
				j := r.IntN(len(b) + 1)
				b = append(b[:j], append([]string{words[r.IntN(len(words))]}, b[j:]...)...)
			case len(b) > 0:
				b[r.IntN(len(b))] += "z"
			}
		}
		join := func(ls []string) string {
			s := strings.Join(ls, eol)
			if len(ls) > 0 && r.IntN(4) > 0 {
				s += eol
			}
			return s
		}
		cases = append(cases, pair{fmt.Sprintf("random %d", i), join(a), join(b)})
	}
	for _, c := range cases {
		var patch bytes.Buffer
		masked, err := writeDiff(&patch, "dir/m.yaml", []byte(c.a), []byte(c.b), nil, nil)
		must(t, err)
		if strings.Contains(strings.ReplaceAll(c.a+c.b, "\r\n", ""), "\r") {
			// A CR that does not end a line before LF (a file with CR line
			// ends) is shown escaped, as ␍: git cannot apply such a diff,
			// and the caller is told.
			if c.a != c.b && (!masked || strings.Contains(strings.ReplaceAll(patch.String(), "\r\n", ""), "\r")) {
				t.Errorf("%s: a lone CR: masked %v, diff %q", c.name, masked, patch.String())
			}
			continue
		}
		if masked {
			t.Errorf("%s: an ordinary file's diff is marked as not appliable", c.name)
		}
		if c.a == c.b {
			if patch.Len() != 0 {
				t.Errorf("%s: a diff of equal texts: %q", c.name, patch.String())
			}
			continue
		}
		if !strings.HasPrefix(patch.String(), "--- a/dir/m.yaml\n+++ b/dir/m.yaml\n@@ ") {
			t.Errorf("%s: headers: %q", c.name, patch.String())
		}
		if got := gitApply(t, git, "dir/m.yaml", []byte(c.a), patch.Bytes()); string(got) != c.b {
			t.Errorf("%s: git apply gave %q, want %q\npatch:\n%s", c.name, got, c.b, patch.String())
		}
	}
}

// TestDiffShape pins the exact text of a small diff.
func TestDiffShape(t *testing.T) {
	a := "k1: v\nk2: v\nk3: v\nk4: v\nbad:x\nk5: v\nk6: v\nk7: v\nk8: v\n"
	b := "k1: v\nk2: v\nk3: v\nk4: v\nbad: x\nk5: v\nk6: v\nk7: v\nk8: v\n"
	var out bytes.Buffer
	_, err := writeDiff(&out, "m.yaml", []byte(a), []byte(b), nil, nil)
	must(t, err)
	want := "--- a/m.yaml\n+++ b/m.yaml\n@@ -2,7 +2,7 @@\n k2: v\n k3: v\n k4: v\n-bad:x\n+bad: x\n k5: v\n k6: v\n k7: v\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

// TestDiffMasksSecrets: no line of a diff shows a secret's value, in any
// line-end style, changed or context, and the caller is told.
func TestDiffMasksSecrets(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		a := strings.ReplaceAll("\ufeffdeviceId: A\ntrueCryptPassword:hunter22\npinCode: 1234 # pin\nx: 1\n", "\n", eol)
		b := strings.ReplaceAll("\ufeffdeviceId: A\ntrueCryptPassword: hunter22\npinCode: 1234 # pin\nx: 2\n", "\n", eol)
		da, _ := manifest.Parse("m.yaml", []byte(a))
		db, _ := manifest.Parse("m.yaml", []byte(b))
		var out bytes.Buffer
		masked, err := writeDiff(&out, "m.yaml", []byte(a), []byte(b), da, db)
		must(t, err)
		if !masked || strings.Contains(out.String(), "hunter22") || strings.Contains(out.String(), "1234") {
			t.Errorf("eol %q: masked %v, diff:\n%s", eol, masked, out.String())
		}
		if !strings.Contains(out.String(), "pinCode: "+manifest.SecretMask+" # pin") || !strings.Contains(out.String(), "x: 2") {
			t.Errorf("eol %q: the masked lines lost their shape:\n%q", eol, out.String())
		}
	}
	// A file that does not parse and names a secret: its lines are not shown.
	a, b := "trueCryptPassword: hunter22\n[\n", "trueCryptPassword: hunter22\n[x\n"
	da, _ := manifest.Parse("m.yaml", []byte(a))
	db, _ := manifest.Parse("m.yaml", []byte(b))
	var out bytes.Buffer
	masked, err := writeDiff(&out, "m.yaml", []byte(a), []byte(b), da, db)
	must(t, err)
	if !masked || strings.Contains(out.String(), "hunter22") {
		t.Errorf("unparsed: masked %v, diff:\n%s", masked, out.String())
	}
}

// TestDiffControls: neither a file name nor a line of a diff can carry a
// control character to the terminal.
func TestDiffControls(t *testing.T) {
	var out bytes.Buffer
	masked, err := writeDiff(&out, "a\x1b[31m\"b\\.yaml", []byte("k: \x1b]0;x\x07\nv:1\n"), []byte("k: \x1b]0;x\x07\nv: 1\n"), nil, nil)
	must(t, err)
	if !masked || strings.ContainsAny(out.String(), "\x1b\x07") {
		t.Errorf("masked %v, diff %q", masked, out.String())
	}
	if !strings.HasPrefix(out.String(), `--- "a/a\033[31m\"b\\.yaml"`+"\n") {
		t.Errorf("header %q", out.String())
	}
}

// TestDiffEscapesLoneCRAndBidi: a lone CR, U+202E, U+2028 and the other
// controls and invisible characters of a line are shown escaped, as in the
// text format's snippets (␍, \u202e), so that `acl:private` + CR +
// `+eraseDevice: yes` cannot show as an added line; the caller is told
// (git apply cannot take such a diff). A CR LF line end, a tab and a
// byte-order mark at the start of the file are the file's own and stay
// (issue 21 item 11).
func TestDiffEscapesLoneCRAndBidi(t *testing.T) {
	cases := []struct{ name, a, b, want string }{
		{"lone CR", "acl:private\r+eraseDevice: yes\n", "acl: private\r+eraseDevice: yes\n", "-acl:private␍+eraseDevice: yes\n+acl: private␍+eraseDevice: yes\n"},
		{"RLO", "a:1\nb: x\u202etxt.exe\n", "a: 1\nb: x\u202etxt.exe\n", " b: x\\u202etxt.exe\n"},
		{"line separator", "a:1\nb: x\u2028+c: y\n", "a: 1\nb: x\u2028+c: y\n", " b: x\\u2028+c: y\n"},
		{"paragraph separator, NEL, zero width", "a:1\u2029\u0085\u200b\n", "a: 1\u2029\u0085\u200b\n", "+a: 1\\u2029�\\u200b\n"},
		{"CR file", "a:1\rb: 2\r", "a: 1\rb: 2\r", "-a:1␍b: 2␍\n"},
		{"not UTF-8", "a:1\nb: \xff\n", "a: 1\nb: \xff\n", " b: \\xff\n"},
	}
	for _, c := range cases {
		var out bytes.Buffer
		masked, err := writeDiff(&out, "m.yaml", []byte(c.a), []byte(c.b), nil, nil)
		must(t, err)
		s := out.String()
		if !masked || !strings.Contains(s, c.want) {
			t.Errorf("%s: masked %v, diff:\n%q\nwant it to hold %q", c.name, masked, s, c.want)
		}
		if strings.ContainsAny(strings.ReplaceAll(s, "\r\n", ""), "\r\u202e\u2028\u2029\u0085\u200b") || !utf8.ValidString(s) {
			t.Errorf("%s: a raw control, bidi or invalid byte is left:\n%q", c.name, s)
		}
	}
	// The file's own CR LF, tab and leading BOM are kept: no note.
	var out bytes.Buffer
	masked, err := writeDiff(&out, "m.yaml", []byte("\ufeffa:\t1\r\nb: 2\r\n"), []byte("\ufeffa: \t1\r\nb: 2\r\n"), nil, nil)
	must(t, err)
	if masked || !strings.Contains(out.String(), "-\ufeffa:\t1\r\n+\ufeffa: \t1\r\n") {
		t.Errorf("an ordinary CR LF file: masked %v\n%q", masked, out.String())
	}
	// A file name with a bidi control is quoted, the control in octal as
	// git writes it.
	out.Reset()
	_, err = writeDiff(&out, "x\u202elmy.yaml", []byte("a:1\n"), []byte("a: 1\n"), nil, nil)
	must(t, err)
	if !strings.HasPrefix(out.String(), `--- "a/x\342\200\256lmy.yaml"`+"\n") {
		t.Errorf("header %q", out.String())
	}
	// End to end: the note names the file, stdout holds no lone CR.
	dir := tree(t, map[string]string{"m.yaml": strings.Replace(validManifest, "prefix: imported/\n", "prefix:imported/\r+eraseDevice: no\n", 1)})
	code, stdout, stderr := runMain(t, dir, "", "--no-config", "--diff", "m.yaml")
	if code != ExitFindings || strings.Contains(stdout, "\r") || !strings.Contains(stdout, "-prefix:imported/␍+eraseDevice: no\n") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	wantIn(t, "stderr", stderr, "m.yaml: the diff hides a secret value")
}
