package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/lsptest"
	"github.com/manifestlint/manifestlint/internal/playground"
	"github.com/manifestlint/manifestlint/internal/testmanifest"
	"github.com/manifestlint/manifestlint/validate"
)

// TestOneVerdict: the command line, the language server and the
// playground resolve the same options from the same inputs (flags or
// editor settings or page fields, the configuration file's regions,
// jobTypes, accessKeyId: env, severity and exclude, $AWS_ACCESS_KEY_ID),
// so they report the same findings; and they refuse a manifest over
// --max-bytes with the same message.
func TestOneVerdict(t *testing.T) {
	const key = "AKIAZ7Q3EXAMPLE4KEY1" // the signing key; the manifest names another
	m := testmanifest.With("deviceId: ABCDE\n", "deviceId: ABCDE\naccessKeyId: AKIAZ7Q3EXAMPLE4KEY2\n")
	big := m + strings.Repeat("# padding padding padding padding\n", validate.DefaultMaxBytes/34+1)
	dir := tree(t, map[string]string{
		".git/HEAD": "ref: refs/heads/main\n",
		".manifestlint.yaml": "regions:\n  eu/**: eu-west-1\njobTypes:\n  exports/**: export\naccessKeyId: env\n" +
			"severity:\n  customs-required: warning\nexclude:\n  - skip/**\n",
		"m.yaml": m, "eu/m.yaml": m, "exports/m.yaml": m, "skip/m.yaml": m, "big/m.yaml": big,
		// A repository of its own, without a configuration file.
		"bare/.git/HEAD": "ref: refs/heads/main\n", "bare/m.yaml": m,
		// And one whose configuration file has two problems.
		"broken/.git/HEAD": "ref: refs/heads/main\n", "broken/m.yaml": m,
		"broken/.manifestlint.yaml": "region: eu-west-9\ndisable: [InvalidAdressException]\n",
	})
	t.Setenv("AWS_ACCESS_KEY_ID", key)
	t.Setenv("GITHUB_ACTIONS", "")
	t.Chdir(dir)
	// The editor's settings name themselves where the command line names
	// its flags; nothing else may differ.
	editorWords := strings.NewReplacer("the editor setting manifestlint.region", "--region",
		"the editor setting manifestlint.jobType", "--job-type")
	files := []string{"m.yaml", "eu/m.yaml", "exports/m.yaml", "skip/m.yaml", "bare/m.yaml"}
	type settings struct{ jobType, region string }
	for _, s := range []settings{{}, {"export", "eu-west-1"}, {"import", "us-west-2"}} {
		t.Run(fmt.Sprintf("settings %q %q", s.jobType, s.region), func(t *testing.T) {
			var flags []string
			if s.jobType != "" {
				flags = append(flags, "--job-type", s.jobType, "--region", s.region)
			}
			init := map[string]any{"jobType": s.jobType, "region": s.region}
			diags := lspDiagnostics(t, dir, init, files)
			seen := map[string]bool{}
			for _, f := range files {
				cli, _ := cliFindings(t, append(flags, f)...)
				lsp := editorWords.Replace(strings.Join(diags[f], "\n"))
				if got := strings.Join(cli, "\n"); lsp != got {
					t.Errorf("%s: the language server reports\n%s\nthe command line\n%s", f, lsp, got)
				}
				seen[strings.Join(cli, "\n")] = true
				if f == "skip/m.yaml" && len(cli) > 0 || f == "m.yaml" && len(cli) == 0 {
					t.Errorf("%s: %d findings", f, len(cli))
				}
			}
			// regions, jobTypes and the key each change what is found
			// (without flags that win over them); skip/ and bare/ show
			// nothing.
			if s.jobType == "" && len(seen) != 4 {
				t.Errorf("%d different verdicts for the %d files, want 4 (the configuration file not applied?)", len(seen), len(files))
			}
			// The playground: the same options, no configuration file, an
			// empty environment.
			t.Setenv("AWS_ACCESS_KEY_ID", "")
			for _, id := range []string{"", key, "env"} {
				args := slices.Clone(flags)
				if id != "" {
					args = append(args, "--access-key-id", id)
				}
				cli, _ := cliFindings(t, append(args, "--no-config", "m.yaml")...)
				page := pageFindings(t, []byte(m), playground.Options{JobType: s.jobType, Region: s.region, AccessKeyID: id})
				if got, want := strings.Join(page, "\n"), strings.Join(cli, "\n"); got != want {
					t.Errorf("access key %q: the playground reports\n%s\nthe command line\n%s", id, got, want)
				}
			}
			t.Setenv("AWS_ACCESS_KEY_ID", key)
		})
	}

	t.Run("configuration errors", func(t *testing.T) {
		var out, errb bytes.Buffer
		if st := Main([]string{"broken/m.yaml"}, nil, &out, &errb); st != ExitUsage {
			t.Fatalf("exit %d with a broken configuration file\n%s", st, errb.String())
		}
		cli := strings.TrimSuffix(errb.String(), "\n")
		if strings.Count(cli, "config error") != 2 {
			t.Fatalf("the command line says\n%s\nwant both problems", cli)
		}
		ds := lspDiagnostics(t, dir, nil, []string{"broken/m.yaml", "broken/.manifestlint.yaml"})
		if got := ds["broken/m.yaml"]; len(got) != 1 || got[0] != "1:1 error config "+cli {
			t.Errorf("the language server says on the manifest\n%q\nthe command line\n%s", got, cli)
		}
		// On the file itself, each problem at its place.
		var want []string
		for _, l := range strings.Split(cli, "\n") {
			_, rest, _ := strings.Cut(l, "broken/.manifestlint.yaml:")
			pos, msg, _ := strings.Cut(rest, ": ")
			want = append(want, pos+" error config "+msg)
		}
		if got := ds["broken/.manifestlint.yaml"]; strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("the language server says on the configuration file\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})

	t.Run("too large", func(t *testing.T) {
		want := validate.CheckSize(int64(len(big)), 0).Error()
		if !strings.Contains(want, "file too large") {
			t.Fatalf("CheckSize(%d) = %q", len(big), want)
		}
		_, stderr := cliFindings(t, "big/m.yaml")
		if !strings.Contains(stderr, "manifestlint: big/m.yaml: "+want+"\n") {
			t.Errorf("the command line says\n%s\nwant %s", stderr, want)
		}
		if got := lspDiagnostics(t, dir, nil, []string{"big/m.yaml"})["big/m.yaml"]; len(got) != 1 || got[0] != "1:1 error max-bytes "+want {
			t.Errorf("the language server says %q, want %q", got, want)
		}
		var page struct{ Error string }
		if err := json.Unmarshal(playground.LintJSON([]byte(big), playground.Options{}), &page); err != nil || page.Error != want {
			t.Errorf("the playground says %q (%v), want %q", page.Error, err, want)
		}
	})
}

// wireFinding is a finding of --format json and of the playground.
type wireFinding struct {
	Line, Column                  int
	Severity, Code, Rule, Message string
	Help                          string
}

// verdict is a finding as the three front ends can all show it: its
// start, severity, code (the rule id of a warning), headline and help.
func (f wireFinding) verdict() string {
	code := f.Code
	if code == "" {
		code = f.Rule
	}
	msg := f.Message
	if f.Help != "" {
		msg += "\n" + f.Help
	}
	return fmt.Sprintf("%d:%d %s %s %s", f.Line, f.Column, f.Severity, code, msg)
}

// cliFindings runs `manifestlint --format json ARGS` in the working
// directory and returns its findings as verdicts, and its stderr.
func cliFindings(t *testing.T, args ...string) ([]string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	Main(append([]string{"--format", "json"}, args...), nil, &out, &errb)
	var report struct {
		Files []struct{ Findings []wireFinding }
	}
	if err := json.Unmarshal(out.Bytes(), &report); err != nil {
		t.Fatalf("manifestlint %s: %v\n%s%s", strings.Join(args, " "), err, out.String(), errb.String())
	}
	var vs []string
	for _, f := range report.Files {
		for _, w := range f.Findings {
			vs = append(vs, w.verdict())
		}
	}
	return vs, errb.String()
}

// pageFindings lints src as the playground does and returns its findings
// as verdicts.
func pageFindings(t *testing.T, src []byte, o playground.Options) []string {
	t.Helper()
	var res struct{ Findings []wireFinding }
	if err := json.Unmarshal(playground.LintJSON(src, o), &res); err != nil {
		t.Fatal(err)
	}
	var vs []string
	for _, w := range res.Findings {
		vs = append(vs, w.verdict())
	}
	return vs
}

// lspDiagnostics opens files (relative to root, the workspace) in
// `manifestlint lsp` started with initializationOptions init, and returns
// the first diagnostics published for each, as verdicts.
func lspDiagnostics(t *testing.T, root string, init map[string]any, files []string) map[string][]string {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	status := make(chan int, 1)
	go func() {
		status <- Main([]string{"lsp"}, inR, outW, io.Discard)
		outW.Close()
	}()
	c := lsptest.New(t, inW, outR)
	c.Result("initialize", map[string]any{"rootUri": "file://" + filepath.ToSlash(root), "capabilities": map[string]any{}, "initializationOptions": init}, nil)
	c.Notify("initialized", map[string]any{})
	out := map[string][]string{}
	for _, f := range files {
		text, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		uri := "file://" + filepath.ToSlash(filepath.Join(root, f))
		c.Open(uri, string(text), 1)
		m, _ := c.WaitFor(0, lsptest.IsDiagnostics(uri))
		var p struct {
			Diagnostics []struct {
				Range         struct{ Start struct{ Line, Character int } }
				Severity      int
				Code, Message string
			}
		}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			t.Fatal(err)
		}
		vs := []string{}
		for _, d := range p.Diagnostics {
			sev := map[int]string{1: "error", 2: "warning"}[d.Severity]
			// The files are ASCII: UTF-16 columns are code points.
			vs = append(vs, fmt.Sprintf("%d:%d %s %s %s", d.Range.Start.Line+1, d.Range.Start.Character+1, sev, d.Code, d.Message))
		}
		out[f] = vs
	}
	c.Result("shutdown", nil, nil)
	c.Notify("exit", nil)
	if st := <-status; st != 0 {
		t.Errorf("lsp exit status %d", st)
	}
	inW.Close()
	return out
}
