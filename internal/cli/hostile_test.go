package cli

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// runHostile runs Main with the environment cleared of what changes its
// output, and returns the exit status, stdout and stderr.
func runHostile(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("GITHUB_ACTIONS", "")
	var out, errOut bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errOut)
	for _, bad := range []string{"panic", "goroutine "} {
		if strings.Contains(out.String()+errOut.String(), bad) {
			t.Fatalf("crash: %s%s", out.String(), errOut.String())
		}
	}
	return code, out.String(), errOut.String()
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestMaxBytesHuge: --max-bytes up to the largest int64 reads the file (the
// reader's limit+1 overflowed into a negative capacity: a panic).
func TestMaxBytesHuge(t *testing.T) {
	p := writeTemp(t, "m.yaml", validManifest)
	for _, n := range []int64{math.MaxInt64, math.MaxInt64 - 1, math.MaxInt32, 1 << 62} {
		code, out, errOut := runHostile(t, validManifest, "--no-config", "--color=never", "--max-bytes", strconv.FormatInt(n, 10), p, "-")
		if code != ExitOK || !strings.Contains(out, "in 2 files") {
			t.Errorf("--max-bytes %d: exit %d\n%s%s", n, code, out, errOut)
		}
	}
}

// TestFitMemLimit: linting a large file raises the soft memory limit TuneGC
// set above the file's working set, so that the collector does not run
// without pause (a 1.3 MB file took 4 times the CPU under the 20 MiB
// limit); the limit never goes down.
func TestFitMemLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	oldTuned := memLimitTuned
	defer func() {
		debug.SetMemoryLimit(old)
		memLimitTuned = oldTuned
	}()
	memLimitTuned = true
	debug.SetMemoryLimit(streamMemLimit)
	memLimit.Store(streamMemLimit)
	fitMemLimit(1000, true) // a small file changes nothing
	if got := debug.SetMemoryLimit(-1); got != streamMemLimit {
		t.Errorf("after a 1 KB file the limit is %d, want %d", got, streamMemLimit)
	}
	fitMemLimit(2<<20, false)
	fitMemLimit(1<<20, false)
	if got := debug.SetMemoryLimit(-1); got < 2*2<<20*cappedHeapPerInputByte {
		t.Errorf("after a 2 MB file the limit is %d, under the file's working set", got)
	}
	fitMemLimit(2<<20, true) // every finding built: more room
	if got := debug.SetMemoryLimit(-1); got < 2*2<<20*heapPerInputByte {
		t.Errorf("after a 2 MB file linted uncapped the limit is %d, under the file's working set", got)
	}
}

// assertSafe fails when out holds a character that drives a terminal or
// hides text (a C0 control but LF, a C1 control, a line or paragraph
// separator, a bidirectional or zero-width character), or a line that a CI
// runner would read as a workflow command.
func assertSafe(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if r < 0x20 && r != '\n' || r >= 0x7F && r <= 0x9F || r == 0x2028 || r == 0x2029 || unicode.Is(unicode.Cf, r) {
			t.Errorf("%s holds %U:\n%s", what, r, out)
			return
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "::") && !strings.HasPrefix(l, "::error file=") && !strings.HasPrefix(l, "::warning file=") &&
			!strings.HasPrefix(l, "::notice file=") && !strings.HasPrefix(l, "::notice title=checks-not-run::") {
			t.Errorf("%s holds a workflow command line %q:\n%s", what, l, out)
		}
	}
}

// hostileName is a file name that tries every injection: a workflow
// command, a fake problem-matcher line, terminal escapes, a bidi override.
const hostileName = "x\n::add-mask::x\n::error file=evil::pwn\nx.yaml:1:1: error Fake: y\x1b]0;title\x07\x1b[2J\u202eevil\u200b.yaml"

// TestInjectionThroughFileNames: a file name cannot inject lines, workflow
// commands or terminal escapes in any output, stdout or stderr: finding
// lines, note lines, I/O errors and --stdin-filename.
func TestInjectionThroughFileNames(t *testing.T) {
	dir := t.TempDir()
	faulty := strings.Replace(validManifest, "eraseDevice: yes", "eraseDevice: no", 1)
	p := filepath.Join(dir, hostileName)
	if err := os.WriteFile(p, []byte(faulty), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "gone\n::error::x\x1b[31m.yaml")
	for _, format := range []string{"text", "github"} {
		for _, args := range [][]string{
			{p},
			{dir},
			{missing},
			{"--stdin-filename", hostileName, "-"},
			{"--stdin-filename", hostileName, "--max-bytes", "5", "-"},
		} {
			code, out, errOut := runHostile(t, faulty, append([]string{"--no-config", "--color=never", "-f", format}, args...)...)
			if code == ExitOK {
				t.Errorf("%s %q: exit 0", format, args)
			}
			assertSafe(t, format+" stdout", out)
			assertSafe(t, "stderr", errOut)
			if format == "text" && strings.Contains(out+errOut, "\nx.yaml:1:1: error Fake") {
				t.Errorf("a fake finding line:\n%s%s", out, errOut)
			}
		}
	}
	// The name is shown escaped, not dropped.
	_, out, _ := runHostile(t, faulty, "--no-config", "--color=never", p)
	if !strings.Contains(out, `/x\n::add-mask::x\n::error file=evil::pwn\nx.yaml:1:1: error Fake: y\x1b]0;title\x07\x1b[2J\u202eevil\u200b.yaml:5:14 [erase-device]`+"\n") {
		t.Errorf("the file name is not shown escaped:\n%s", out)
	}
}

// TestInjectionThroughContent: keys and values holding ESC, BEL, C1
// controls, bidi and zero-width characters reach no output raw, in the
// text and GitHub formats alike.
func TestInjectionThroughContent(t *testing.T) {
	src := validManifest + "\"evil\\e]0;x\\a\\u009b31m\\u202ekey\\u200b\": \"v\\e[2J\\u0085::error::pwn\\u2028x\"\n" +
		"deviceId2: \"\\e[31m\"\n"
	p := writeTemp(t, "m.yaml", src)
	for _, format := range []string{"text", "github"} {
		code, out, errOut := runHostile(t, "", "--no-config", "--color=never", "-f", format, p)
		if code != ExitFindings {
			t.Errorf("%s: exit %d\n%s%s", format, code, out, errOut)
		}
		assertSafe(t, format+" output", out)
		if !strings.Contains(out, `evil\x1b]0;x\x07\u009b31m\u202ekey\u200b`) {
			t.Errorf("%s: the key is not shown escaped:\n%s", format, out)
		}
	}
}

// TestInjectionThroughConfig: unknown keys, disable entries and --ignore
// names are echoed escaped, on one line.
func TestInjectionThroughConfig(t *testing.T) {
	p := writeTemp(t, "m.yaml", validManifest)
	for _, cfg := range []string{
		"\"bad\\e[31m\\n::error::x\\u202e\": 1\n",
		"disable: [\"x\\e]0;t\\a\\n::error::y\"]\n",
		"severity: {\"z\\u009b\\u2028w\": error}\n",
	} {
		c := writeTemp(t, "c.yaml", cfg)
		code, out, errOut := runHostile(t, "", "--config", c, p)
		if code != ExitUsage || out != "" || strings.Count(errOut, "\n") != 1 {
			t.Errorf("config %q: exit %d, stdout %q, stderr %q; want exit 2 and one line", cfg, code, out, errOut)
		}
		assertSafe(t, "stderr", errOut)
	}
	code, _, errOut := runHostile(t, "", "--no-config", "--ignore", "x\x1b[31m\n::error::y", p)
	if code != ExitUsage || strings.Count(errOut, "\n") != 1 {
		t.Errorf("--ignore: exit %d, stderr %q; want exit 2 and one line", code, errOut)
	}
	assertSafe(t, "stderr", errOut)
}

// TestUntrustedConfigSkipped: a .manifestlint.yaml above the working
// directory that another user could have written (owned by another user
// in the sticky temp folder; as a plain user, in a folder every user may
// write) is not used: its exclude: ["**"] does not hide the errors, and a
// note says why. --verbose, json and sarif name the configuration file
// used.
func TestUntrustedConfigSkipped(t *testing.T) {
	shared := t.TempDir()
	cfg := filepath.Join(shared, ".manifestlint.yaml")
	if err := os.WriteFile(cfg, []byte("exclude: [\"**\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		must(t, os.Chmod(shared, 0o777|os.ModeSticky))
		must(t, os.Chown(cfg, 65534, 65534))
	} else {
		must(t, os.Chmod(shared, 0o777))
	}
	work := filepath.Join(shared, "work")
	must(t, os.Mkdir(work, 0o755))
	faulty := strings.Replace(validManifest, "eraseDevice: yes", "eraseDevice: no", 1)
	must(t, os.WriteFile(filepath.Join(work, "m.yaml"), []byte(faulty), 0o644))
	t.Chdir(work)
	code, out, errOut := runHostile(t, "", "--color=never", "--verbose", "m.yaml")
	if code != ExitFindings || !strings.Contains(out, " --> m.yaml:5:14 [erase-device]\n") {
		t.Errorf("exit %d, stdout %q; want the error reported (exit 1)", code, out)
	}
	if !strings.Contains(errOut, "warning: skipped "+cfg+": ") || !strings.Contains(errOut, "note: no configuration file") || !strings.Contains(out, "warning: skipped "+cfg) {
		t.Errorf("stderr %q lacks the skip note and the verbose line", errOut)
	}
	// A trusted file of one's own is used, and named.
	own := filepath.Join(work, ".manifestlint.yaml")
	must(t, os.WriteFile(own, []byte("disable: [erase-device]\n"), 0o644))
	code, _, errOut = runHostile(t, "", "--color=never", "--verbose", "m.yaml")
	if code != ExitOK || !strings.Contains(errOut, "note: configuration file: .manifestlint.yaml\n") {
		t.Errorf("exit %d, stderr %q; want exit 0 and the file named", code, errOut)
	}
	_, out, _ = runHostile(t, "", "-f", "json", "m.yaml")
	var js struct {
		ConfigFile string `json:"configFile"`
	}
	if err := json.Unmarshal([]byte(out), &js); err != nil || js.ConfigFile != ".manifestlint.yaml" {
		t.Errorf("json configFile %q (%v):\n%s", js.ConfigFile, err, out)
	}
	_, out, _ = runHostile(t, "", "-f", "sarif", "m.yaml")
	if !strings.Contains(out, `"toolConfigurationNotifications"`) || !strings.Contains(out, `"Configuration file: .manifestlint.yaml"`) {
		t.Errorf("sarif does not name the configuration file:\n%s", out)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestReportsRecordUnreadableFiles: a file over --max-bytes or unreadable
// is recorded by every report format, not only on stderr.
func TestReportsRecordUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.yaml")
	must(t, os.WriteFile(ok, []byte(validManifest), 0o644))
	big := filepath.Join(dir, "big.yaml")
	must(t, os.WriteFile(big, []byte(validManifest+strings.Repeat("# pad\n", 200)), 0o644))
	want := map[string][]string{
		"json":   {`"file":"` + big + `","jobKind":"","findings":[],"notes":[],"error":"file too large: `},
		"sarif":  {`"executionSuccessful": false`, `"level": "error"`, `"id": "read-error"`, `"The file was not checked: file too large: `},
		"junit":  {`errors="1"`, `<testcase name="file could not be read" classname="` + big + `"`, `<error message="file too large: `, `type="read-error"`},
		"xml":    {`<File name="` + big + `" errors="0" warnings="0">`, `<ReadError>file too large: `},
		"github": {`::error file=` + filepath.ToSlash(big) + `,title=read-error::The file was not checked: file too large: `},
	}
	for format, words := range want {
		code, out, errOut := runHostile(t, "", "--no-config", "--max-bytes", "1000", "-f", format, ok, big)
		if code != ExitUsage || !strings.Contains(errOut, "big.yaml: file too large") {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 and the error on stderr", format, code, errOut)
		}
		for _, w := range words {
			if !strings.Contains(out, w) {
				t.Errorf("%s output lacks %q:\n%s", format, w, out)
			}
		}
	}
}

// TestRaisedWarningInServiceFormats: a warning the config raises to error
// has no service code: XML gives no empty <Code> or status="0" and no
// service sentence, JUnit no empty type.
func TestRaisedWarningInServiceFormats(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "m.yaml")
	must(t, os.WriteFile(m, []byte(strings.Replace(validManifest, "deviceId: ABCDE", "deviceId:ABCDE", 1)), 0o644))
	cfg := filepath.Join(dir, "c.yaml")
	must(t, os.WriteFile(cfg, []byte("severity: {no-space-after-colon: error}\n"), 0o644))
	_, out, _ := runHostile(t, "", "--config", cfg, "-f", "xml", m)
	for _, bad := range []string{"<Code></Code>", `status="0"`, "<ErrorResponse"} {
		if strings.Contains(out, bad) {
			t.Errorf("xml holds %s:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, `rule="no-space-after-colon"`) || !strings.Contains(out, "<Detail>no space after the colon") {
		t.Errorf("xml lacks the finding:\n%s", out)
	}
	_, out, _ = runHostile(t, "", "--config", cfg, "-f", "junit", m)
	if strings.Contains(out, `type=""`) || !strings.Contains(out, `type="no-space-after-colon"`) {
		t.Errorf("junit failure type:\n%s", out)
	}
}

// TestNoSecretInOutput: a secret value reaches no output, in any format,
// however its key or value is written (the text snippets masked only
// `key: value` on one line).
func TestNoSecretInOutput(t *testing.T) {
	const secret = "Hunter2Secret"
	for _, src := range []string{
		"trueCryptPassword:\n  " + secret + "\n",
		"pinCode:\n  " + secret + "\n",
		"trueCryptPassword:\n  - " + secret + "\n",
		"? trueCryptPassword\n: " + secret + "\n",
		"!!str trueCryptPassword: " + secret + "\n",
		"\"true\\x43ryptPassword\": " + secret + "\n",
		"notificationEmail: {trueCryptPassword: " + secret + ", bad: x}\n",
		"truecryptpassword: " + secret + "\n",
		"truecryptpassword:" + secret + "\n",
		"trueCryptPassword: |\n  " + secret + "\n",
		// Issue 21 item 5: braces (the placeholder message quoted them).
		"trueCryptPassword: {" + secret + "}\n",
		"pinCode: {" + secret + "}\n",
		"trueCryptPassword: {" + secret + ": x}\n",
		// Item 6: keys the did-you-mean reads as a secret field.
		"password: " + secret + "\n",
		"PIN: " + secret + "\n",
		"truecrypt: " + secret + "\n",
		"pass_word: " + secret + "\n",
		"p_i_n: " + secret + "\n",
		"trueCryptPasswrd: " + secret + "\n",
		"password: {" + secret + "}\n",
		// Item 7: in a list entry (the message quoted it as a suggestion).
		"ignore: [{trueCryptPassword: " + secret + "}]\n",
		"ignore:\n  - {password: " + secret + "}\n",
		"operations:\n  - exportBucket: b\n    pinCode: " + secret + "\n",
	} {
		p := writeTemp(t, "m.yaml", validManifest+src)
		for _, format := range []string{"text", "json", "sarif", "github", "junit", "xml"} {
			_, out, errOut := runHostile(t, "", "--no-config", "--color=never", "-f", format, p)
			if strings.Contains(out+errOut, secret) {
				t.Errorf("%s shows the secret of %q:\n%s%s", format, src, out, errOut)
			}
		}
		for _, args := range [][]string{{"-v"}, {"--diff"}, {"--diff", "--unsafe-fixes"}, {"-f", "json", "--unsafe-fixes"}, {"-f", "sarif", "--unsafe-fixes"}} {
			args = append([]string{"--no-config", "--color=never"}, append(args, p)...)
			_, out, errOut := runHostile(t, "", args...)
			if strings.Contains(out+errOut, secret) {
				t.Errorf("%v shows the secret of %q:\n%s%s", args, src, out, errOut)
			}
		}
	}
}

// TestEmptyStdinFilename: --stdin-filename "" is a usage error (it gave
// finding lines starting `:1:1:`).
func TestEmptyStdinFilename(t *testing.T) {
	code, out, errOut := runHostile(t, "bucket: x\n", "--no-config", "--stdin-filename", "", "-")
	if code != ExitUsage || out != "" || !strings.Contains(errOut, "--stdin-filename is empty") {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and a usage error", code, out, errOut)
	}
}

// TestReportsRecordMissingFiles: a file named on the command line that
// does not exist is recorded in the reports too, in its turn, not only on
// stderr (once).
func TestReportsRecordMissingFiles(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.yaml")
	must(t, os.WriteFile(ok, []byte(validManifest), 0o644))
	missing := filepath.Join(dir, "missing.yaml")
	code, out, errOut := runHostile(t, "", "--no-config", "-f", "json", missing, ok)
	if code != ExitUsage || strings.Count(errOut, "missing.yaml: no such file or directory") != 1 {
		t.Errorf("exit %d, stderr %q; want exit 2 and the error once", code, errOut)
	}
	want := `{"files":[{"file":"` + missing + `","jobKind":"","findings":[],"notes":[],"error":"no such file or directory"},{"file":"` + ok + `"`
	if !strings.HasPrefix(out, want) {
		t.Errorf("json:\n%s\nwant it to start\n%s", out, want)
	}
}
