package docs

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/cli"
	"github.com/manifestlint/manifestlint/internal/testbin"
	"github.com/manifestlint/manifestlint/internal/testdocs"
	"go.yaml.in/yaml/v3"
)

// The documentation's examples are tested: every `$ manifestlint ...`
// transcript is run and must print what the page shows, every other
// manifestlint command line in a code block must use flags the command has,
// every YAML and JSON block must parse, and every relative link must lead
// to a file (and heading) of the repository.
//
// Conventions a page follows (CONTRIBUTING.md repeats them):
//   - In a fenced block, a line starting with "$ " is a command, and the
//     lines after it, up to the next "$ " line or the end of the block, are
//     its output (stdout, then stderr). A line "..." stands for any number of
//     lines left out. Trailing spaces do not count.
//   - A command runs in the repository root, or in the directory named by an
//     HTML comment "<!-- docs-test: cwd=DIR -->" just above the block.
//   - A command is manifestlint's, with arguments split as a shell would
//     (quotes, no variables); "< FILE" feeds standard input.

func TestMain(m *testing.M) { testbin.Main(m) }

// run is the whole command as the binary runs it, without a subprocess.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return cli.Main(args, stdin, stdout, stderr)
}

// shellWords splits a command line as a shell would, for the subset the
// docs use: words, single and double quotes, and a trailing "# comment".
func shellWords(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(line[i+1:], c)
			if j < 0 {
				return nil, fmt.Errorf("unclosed %c", c)
			}
			w.WriteString(line[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '#' && !inWord:
			i = len(line)
		case c == '$' || c == '`' || c == '\\':
			return nil, fmt.Errorf("shell expansion %q is not supported in a tested command", c)
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

// matchLines compares output with what a page shows, "..." lines standing
// for any run of lines.
func matchLines(got, want []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "..." {
		for i := 0; i <= len(got); i++ {
			if matchLines(got[i:], want[1:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && got[0] == want[0] && matchLines(got[1:], want[1:])
}

func trimLines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " \t")
	}
	return lines
}

var updateDocs = flag.Bool("update-docs", false, "rewrite the output of the docs' transcripts that have no '...' line")

// docEdit replaces lines [from, to) of a page (0-based) with lines.
type docEdit struct {
	from, to int
	lines    []string
}

// TestDocExamples runs every transcript of the documentation.
// go test ./integrationtest/docs -run TestDocExamples -update-docs rewrites the outputs that
// differ, except those that elide lines with "..." (edit them by hand).
func TestDocExamples(t *testing.T) {
	testbin.CleanEnv(t)
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	edits := map[string][]docEdit{}
	n := 0
	for _, page := range testdocs.Pages(t) {
		for _, b := range testdocs.Blocks(t, page) {
			if !b.IsTranscript() {
				continue
			}
			// Split the block into commands and their outputs.
			type cmd struct {
				line int
				text string
				want []string
			}
			var cmds []cmd
			for i, l := range b.Lines {
				if strings.HasPrefix(l, "$ ") {
					cmds = append(cmds, cmd{line: b.Line + 1 + i, text: strings.TrimPrefix(l, "$ ")})
					continue
				}
				if len(cmds) == 0 {
					t.Errorf("%s:%d: output before the first $ line", page, b.Line+1+i)
					break
				}
				cmds[len(cmds)-1].want = append(cmds[len(cmds)-1].want, strings.TrimRight(l, " \t"))
			}
			for _, c := range cmds {
				n++
				where := fmt.Sprintf("%s:%d", page, c.line)
				t.Run(where, func(t *testing.T) {
					words, err := shellWords(c.text)
					if err != nil {
						t.Fatalf("%s: %v", c.text, err)
					}
					if len(words) == 0 || words[0] != "manifestlint" {
						t.Fatalf("%q: a tested command runs manifestlint", c.text)
					}
					args := words[1:]
					stdin := []byte(nil)
					if k := indexOf(args, "<"); k >= 0 {
						if k != len(args)-2 {
							t.Fatalf("%q: '<' must come last, followed by a file", c.text)
						}
						dir := root
						if b.Cwd != "" {
							dir = filepath.Join(root, b.Cwd)
						}
						if stdin, err = os.ReadFile(filepath.Join(dir, args[k+1])); err != nil {
							t.Fatal(err)
						}
						args = args[:k]
					}
					for _, a := range args {
						if strings.ContainsAny(a, "|>;&") && len(a) <= 2 {
							t.Fatalf("%q: shell operator %q is not supported in a tested command", c.text, a)
						}
					}
					if b.Cwd != "" {
						t.Chdir(filepath.Join(root, b.Cwd))
					}
					var out, errOut bytes.Buffer
					run(args, bytes.NewReader(stdin), &out, &errOut)
					got := trimLines(out.String() + errOut.String())
					if !matchLines(got, c.want) && *updateDocs && indexOf(c.want, "...") < 0 {
						edits[page] = append(edits[page], docEdit{c.line, c.line + len(c.want), got})
						return
					}
					if !matchLines(got, c.want) {
						t.Errorf("%s: `%s` prints something else than the page shows.\n--- page\n%s\n--- real output\n%s",
							where, c.text, strings.Join(c.want, "\n"), strings.Join(got, "\n"))
					}
				})
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d tested commands in the docs; the parser may have lost them", n)
	}
	for page, es := range edits {
		src, err := os.ReadFile(filepath.Join(root, page))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		sort.Slice(es, func(i, j int) bool { return es[i].from > es[j].from })
		for _, e := range es {
			lines = append(lines[:e.from:e.from], append(e.lines, lines[e.to:]...)...)
		}
		if err := os.WriteFile(filepath.Join(root, page), []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %d transcripts of %s", len(es), page)
	}
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// subcommandNames are manifestlint's commands beside linting.
var subcommandNames = map[string]bool{}

// helpOf returns the --help text of manifestlint or of a subcommand.
func helpOf(t *testing.T, sub string) string {
	t.Helper()
	args := []string{"--help"}
	if sub != "" {
		args = []string{sub, "--help"}
	}
	var out, errOut bytes.Buffer
	run(args, strings.NewReader(""), &out, &errOut)
	return out.String() + errOut.String()
}

// invocation finds manifestlint command lines in code: the word
// manifestlint (not a path, file or key) and its arguments up to a shell
// operator or a comment.
var invocation = regexp.MustCompile(`(?:^|[\s(])manifestlint((?:[ \t]+[^ \t|;&<>#]+)*)`)

// TestDocCommandFlags checks the flags of every manifestlint command line
// shown in a code block that is not a transcript (those are run): each flag
// must be one that the command's --help lists, so that a renamed or removed
// flag cannot linger in a recipe.
func TestDocCommandFlags(t *testing.T) {
	testbin.CleanEnv(t)
	mainHelp := helpOf(t, "")
	m := regexp.MustCompile(`Commands: (.*)`).FindStringSubmatch(mainHelp)
	if m == nil {
		t.Fatalf("manifestlint --help names no commands:\n%s", mainHelp)
	}
	for _, w := range regexp.MustCompile(`[a-z]+`).FindAllString(strings.TrimPrefix(m[1], "manifestlint "), -1) {
		if w != "manifestlint" && strings.ToUpper(w) != w {
			subcommandNames[w] = true
		}
	}
	helps := map[string]string{"": mainHelp}
	checked := 0
	for _, page := range testdocs.Pages(t) {
		for _, b := range testdocs.Blocks(t, page) {
			for i, line := range b.Lines {
				line = strings.TrimPrefix(line, "$ ")
				for _, mm := range invocation.FindAllStringSubmatch(line, -1) {
					fields := strings.Fields(mm[1])
					sub := ""
					if len(fields) > 0 && subcommandNames[fields[0]] {
						sub = fields[0]
					}
					if _, ok := helps[sub]; !ok {
						helps[sub] = helpOf(t, sub)
					}
					for _, f := range fields {
						f = strings.Trim(f, `"'`)
						if len(f) < 2 || f[0] != '-' || strings.HasPrefix(f, "-#") {
							continue
						}
						name, _, _ := strings.Cut(f, "=")
						var pat string
						if strings.HasPrefix(name, "--") {
							pat = `(^|[\s,])` + regexp.QuoteMeta(name) + `([\s=\[,]|$)`
						} else {
							pat = `(^|\s)` + regexp.QuoteMeta(name) + `,`
						}
						checked++
						if !regexp.MustCompile("(?m)" + pat).MatchString(helps[sub]) {
							t.Errorf("%s:%d: `manifestlint%s` uses %s, which `manifestlint %s --help` does not list",
								page, b.Line+1+i, mm[1], name, sub)
						}
					}
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d flags checked in the docs' command lines; the scanner may be broken", checked)
	}
}

// TestDocBlocksParse checks that every YAML and JSON block parses, except
// in docs/rules.md, whose bad examples break YAML on purpose (the rule
// registry's test lints each of them).
func TestDocBlocksParse(t *testing.T) {
	for _, page := range testdocs.Pages(t) {
		if page == filepath.Join("docs", "rules.md") {
			continue
		}
		for _, b := range testdocs.Blocks(t, page) {
			if b.IsTranscript() {
				continue
			}
			src := strings.Join(b.Lines, "\n") + "\n"
			switch b.Lang {
			case "yaml", "yml":
				dec := yaml.NewDecoder(strings.NewReader(src))
				for {
					var n yaml.Node
					err := dec.Decode(&n)
					if errors.Is(err, errEOF()) {
						break
					}
					if err != nil {
						t.Errorf("%s:%d: YAML block does not parse: %v", page, b.Line, err)
						break
					}
				}
			case "json":
				if !json.Valid([]byte(src)) {
					t.Errorf("%s:%d: JSON block is not valid JSON", page, b.Line)
				}
			}
		}
	}
}

func errEOF() error {
	var n yaml.Node
	return yaml.NewDecoder(strings.NewReader("")).Decode(&n)
}

// mdLink matches a Markdown link's target.
var mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// slug is GitHub's anchor for a heading.
func slug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// anchors returns the heading anchors of a Markdown file.
func anchors(t *testing.T, path string) map[string]bool {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	inCode := false
	for _, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
		}
		if inCode || !strings.HasPrefix(line, "#") {
			continue
		}
		h := strings.TrimLeft(line, "#")
		base := slug(h)
		a := base
		for i := 1; out[a]; i++ {
			a = fmt.Sprintf("%s-%d", base, i)
		}
		out[a] = true
	}
	return out
}

// pendingPages are pages that other branches add (the README links them);
// until they are merged, a link to them is not an error. Remove a name once
// its page is in the repository: TestDocLinks fails when a listed page
// exists, so the list cannot go stale.
var pendingPages = map[string]bool{}

// TestDocLinks checks every relative link of the documentation: the file
// exists, and so does the heading it names.
func TestDocLinks(t *testing.T) {
	for p := range pendingPages {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s exists now: remove it from pendingPages", p)
		}
	}
	links := 0
	for _, page := range testdocs.Pages(t) {
		src, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		inCode := false
		for i, line := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(line, "```") {
				inCode = !inCode
			}
			if inCode {
				continue
			}
			for _, m := range mdLink.FindAllStringSubmatch(line, -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				links++
				file, frag, _ := strings.Cut(target, "#")
				path := page
				if file != "" {
					path = filepath.Join(filepath.Dir(page), file)
				}
				if pendingPages[filepath.ToSlash(path)] {
					continue
				}
				if _, err := os.Stat(path); err != nil {
					t.Errorf("%s:%d: link %s: %v", page, i+1, target, err)
					continue
				}
				if rel, err := filepath.Rel(".", path); err != nil || strings.HasPrefix(rel, "..") {
					t.Errorf("%s:%d: link %s leaves the repository", page, i+1, target)
				}
				if frag != "" && strings.HasSuffix(path, ".md") && !anchors(t, path)[frag] {
					t.Errorf("%s:%d: link %s: no heading #%s in %s", page, i+1, target, frag, path)
				}
			}
		}
	}
	if links < 30 {
		t.Errorf("only %d relative links found; the scanner may be broken", links)
	}
}

// TestUsageDocumentsEveryFlag checks that docs/usage.md names every flag of
// manifestlint --help.
func TestUsageDocumentsEveryFlag(t *testing.T) {
	usage, err := os.ReadFile(filepath.Join("docs", "usage.md"))
	if err != nil {
		t.Fatal(err)
	}
	flags := regexp.MustCompile(`(?m)^\s+(?:-\w, )?(--[a-z-]+)`).FindAllStringSubmatch(helpOf(t, ""), -1)
	if len(flags) < 10 {
		t.Fatalf("found only %d flags in --help", len(flags))
	}
	for _, f := range flags {
		if !bytes.Contains(usage, []byte("`"+f[1])) {
			t.Errorf("docs/usage.md does not document %s", f[1])
		}
	}
}

// TestUsageDocumentsEveryCommand checks that the commands table of
// docs/usage.md has every command manifestlint --help names.
func TestUsageDocumentsEveryCommand(t *testing.T) {
	usage, err := os.ReadFile(filepath.Join("docs", "usage.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)Commands: (.*?)\n\n`).FindStringSubmatch(helpOf(t, "")) // wrapped to the width
	if m == nil {
		t.Fatal("manifestlint --help names no commands")
	}
	n := 0
	for _, w := range regexp.MustCompile(`[a-z]+`).FindAllString(strings.TrimPrefix(m[1], "manifestlint "), -1) {
		if w == "manifestlint" || strings.ToUpper(w) == w {
			continue
		}
		n++
		if !bytes.Contains(usage, []byte("| `manifestlint "+w)) {
			t.Errorf("docs/usage.md's commands table lacks manifestlint %s", w)
		}
	}
	if n < 8 {
		t.Errorf("found only %d commands in --help", n)
	}
}

// ciRecipe returns the YAML block of docs/ci.md that holds marker.
func ciRecipe(t *testing.T, marker string) map[string]any {
	t.Helper()
	for _, b := range testdocs.Blocks(t, filepath.Join("docs", "ci.md")) {
		src := strings.Join(b.Lines, "\n")
		if b.Lang == "yaml" && strings.Contains(src, marker) {
			var v map[string]any
			if err := yaml.Unmarshal([]byte(src), &v); err != nil {
				t.Fatal(err)
			}
			return v
		}
	}
	t.Fatalf("docs/ci.md has no YAML block with %q", marker)
	return nil
}

// runRecipe runs a CI script with bash in a scratch git repository holding
// files, with the built manifestlint first on PATH; it returns the exit
// status, the output and the repository.
func runRecipe(t *testing.T, script string, files map[string]string) (int, string, string) {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatal("bash is needed to run the CI recipes:", err)
	}
	repo := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", repo).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	names := make([]string, 0, len(files))
	for name, content := range files {
		p := filepath.Join(repo, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	if len(names) > 0 {
		add := exec.Command("git", append([]string{"add", "--"}, names...)...)
		add.Dir = repo
		if out, err := add.CombinedOutput(); err != nil {
			t.Fatalf("git add: %v\n%s", err, out)
		}
	}
	cmd := exec.Command(bash, "-e", "-o", "pipefail", "-c", script) // as GitHub's shell: bash runs a step
	cmd.Dir = repo
	cmd.Env = []string{
		"PATH=" + filepath.Dir(testbin.Binary(t)) + string(os.PathListSeparator) + os.Getenv("PATH"),
		"HOME=" + os.Getenv("HOME"), "RUNNER_TEMP=" + t.TempDir(),
	}
	out, err := cmd.CombinedOutput()
	status := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		status = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return status, string(out), repo
}

// TestCIRecipes runs the scripts of the GitHub Actions and GitLab CI
// recipes of docs/ci.md: with no manifest they pass and leave no report
// file (an empty SARIF upload would close every alert); with a faulty
// manifest they fail and write the report.
func TestCIRecipes(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: runs the CI recipes' scripts in bash with the built binary (about 11 s); run it with go test ./integrationtest/docs -run TestCIRecipes")
	}
	broken, err := os.ReadFile(filepath.Join("testdata", "sample", "broken.manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	withManifest := map[string]string{"jobs/orders.manifest.yaml": string(broken), "other.yaml": "a: 1\n"}
	// Issue 17: a broken manifest not named *.manifest.yaml fails the step
	// as `manifestlint .` fails; Helm values are not linted.
	sample, err := os.ReadFile(filepath.Join("testdata", "sample", "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	hamburg := map[string]string{"jobs/manifest-hamburg.yaml": strings.Replace(string(sample), "eraseDevice: yes", "eraseDevice: no", 1),
		"chart/values.yaml": "replicaCount: 2\nlogBucket: logs\nnotificationEmail: ops@example.com\n"}
	noManifest := map[string]string{"other.yaml": "a: 1\n", "README.md": "hi\n"}

	// GitHub Actions: the step named manifestlint, then the upload's condition.
	gh := ciRecipe(t, "upload-sarif")
	var script, uploadIf string
	steps, _ := gh["jobs"].(map[string]any)["manifestlint"].(map[string]any)["steps"].([]any)
	for _, s := range steps {
		step, _ := s.(map[string]any)
		if step["name"] == "manifestlint" {
			script, _ = step["run"].(string)
		}
		if uses, _ := step["uses"].(string); strings.HasPrefix(uses, "github/codeql-action/upload-sarif") {
			uploadIf, _ = step["if"].(string)
		}
	}
	if script == "" || !strings.Contains(uploadIf, "hashFiles('manifestlint.sarif') != ''") {
		t.Fatalf("the GitHub recipe needs a step named manifestlint and an upload guarded by hashFiles: run %q, if %q", script, uploadIf)
	}
	status, out, repo := runRecipe(t, script, noManifest)
	if status != 0 {
		t.Errorf("GitHub recipe, no manifests: exit %d, want 0\n%s", status, out)
	}
	if _, err := os.Stat(filepath.Join(repo, "manifestlint.sarif")); err == nil {
		t.Errorf("GitHub recipe, no manifests: manifestlint.sarif was written; it would be uploaded")
	}
	status, out, repo = runRecipe(t, script, withManifest)
	if status != 1 || !strings.Contains(out, "error[InvalidManifestFieldException]: ") || !strings.Contains(out, " --> jobs/orders.manifest.yaml:6:14 [erase-device]\n") ||
		!strings.Contains(out, "::add-matcher::") {
		t.Errorf("GitHub recipe, a faulty manifest: exit %d, want 1 with the text report\n%s", status, out)
	}
	status, out, _ = runRecipe(t, script, hamburg)
	if status != 1 || !strings.Contains(out, " --> jobs/manifest-hamburg.yaml:6:14 [erase-device]") || strings.Contains(out, "values.yaml:1") {
		t.Errorf("GitHub recipe, a broken manifest-hamburg.yaml beside Helm values: exit %d, want 1 with its error only\n%s", status, out)
	}
	sarif, err := os.ReadFile(filepath.Join(repo, "manifestlint.sarif"))
	if err != nil || !json.Valid(sarif) || !bytes.Contains(sarif, []byte(`"ruleId": "erase-device"`)) {
		t.Errorf("GitHub recipe, a faulty manifest: manifestlint.sarif missing or without results (%v)", err)
	}

	// GitLab CI: the script lines after the install, in one bash -e.
	gl := ciRecipe(t, "reports:")
	job, _ := gl["manifestlint"].(map[string]any)
	lines, _ := job["script"].([]any)
	var sh []string
	for _, l := range lines {
		s, _ := l.(string)
		if !strings.HasPrefix(s, "go install") {
			sh = append(sh, s)
		}
	}
	report := job["artifacts"].(map[string]any)["reports"].(map[string]any)["junit"].(string)
	status, out, repo = runRecipe(t, strings.Join(sh, "\n"), noManifest)
	if _, err := os.Stat(filepath.Join(repo, report)); status != 0 || err == nil {
		t.Errorf("GitLab recipe, no manifests: exit %d (want 0), report written: %v\n%s", status, err == nil, out)
	}
	status, out, repo = runRecipe(t, strings.Join(sh, "\n"), withManifest)
	junit, err := os.ReadFile(filepath.Join(repo, report))
	if status != 1 || err != nil || !bytes.Contains(junit, []byte(`type="InvalidManifestFieldException"`)) {
		t.Errorf("GitLab recipe, a faulty manifest: exit %d (want 1), report: %v\n%s", status, err, out)
	}
	status, out, _ = runRecipe(t, strings.Join(sh, "\n"), hamburg)
	if status != 1 || !strings.Contains(out, " --> jobs/manifest-hamburg.yaml:6:14 [erase-device]") {
		t.Errorf("GitLab recipe, a broken manifest-hamburg.yaml: exit %d, want 1\n%s", status, out)
	}
}

// TestNothingPointsOutside: no document, comment or test of the repository
// refers to the workspace's sibling folders (the specification's old home),
// which a clone does not have; the repository keeps its own copies
// (docs/manifest-format.md, docs/codes.md, testdata/spec-examples,
// internal/report/testdata/sarif-schema-2.1.0.json).
func TestNothingPointsOutside(t *testing.T) {
	bad := []string{".." + "/shared", "shared" + "/spec", "shared" + "/schemas", "/work" + "/"}
	n := 0
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); p != "." && (strings.HasPrefix(name, ".") && name != ".ci" && name != ".github" || name == "out" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(p) {
		case ".go", ".md", ".sh", ".yaml", ".yml", ".json":
		default:
			if p != filepath.Join(".ci", "run") && p != "Dockerfile" {
				return nil
			}
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		for _, b := range bad {
			if i := bytes.Index(src, []byte(b)); i >= 0 {
				t.Errorf("%s:%d refers to %q, outside the repository", p, bytes.Count(src[:i], []byte("\n"))+1, b)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("only %d files scanned", n)
	}
}

// TestDocsGoVersion: the Go version the README asks for is go.mod's.
func TestDocsGoVersion(t *testing.T) {
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod has no go directive")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if want := "You need Go " + string(m[1]) + " or newer."; !bytes.Contains(readme, []byte(want)) {
		t.Errorf("README.md should say %q (go.mod: go %s)", want, m[1])
	}
	ci, err := os.ReadFile(filepath.Join("docs", "ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range regexp.MustCompile(`image: golang:(\d+\.\d+)`).FindAllSubmatch(ci, -1) {
		if minorOf(string(v[1])) < minorOf(string(m[1])) {
			t.Errorf("docs/ci.md uses golang:%s, older than go.mod's %s", v[1], m[1])
		}
	}
}

// minorOf returns the minor number of a Go version "1.N".
func minorOf(v string) int {
	_, minor, _ := strings.Cut(v, ".")
	n, _ := strconv.Atoi(minor)
	return n
}
