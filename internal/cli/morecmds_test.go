package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/validate"
)

func TestRulesCommand(t *testing.T) {
	code, out, errOut := runMain(t, "", "", "rules")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	wantIn(t, "rules", out, "RULE ", "no-space-after-colon", "warning", "address-po-box", "[InvalidAddressException]")
	code, out, _ = runMain(t, "", "", "rules", "--format", "json")
	if code != ExitOK {
		t.Fatalf("json: exit %d", code)
	}
	var got struct {
		Rules []ruleRow `json:"rules"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	// Every rule of the registry, once; each a name --ignore takes.
	want := map[string]bool{}
	for _, r := range validate.Rules() {
		want[r.ID] = true
	}
	if len(got.Rules) != len(want) {
		t.Errorf("%d rules listed, the registry has %d", len(got.Rules), len(want))
	}
	for _, r := range got.Rules {
		if !validate.KnownName(r.ID) || r.Doc == "" || (r.Severity == "error") != (len(r.Codes) > 0) {
			t.Errorf("rule %+v", r)
		}
		if !strings.Contains(out, r.ID) {
			t.Errorf("%s missing", r.ID)
		}
	}
	if code, _, _ := runMain(t, "", "", "rules", "--format", "xml"); code != ExitUsage {
		t.Errorf("rules --format xml: exit %d", code)
	}
}

// TestInit: the config file parses, each starter manifest lints without
// errors with it (its sample values named as warnings), and nothing is ever overwritten.
func TestInit(t *testing.T) {
	for _, kind := range []string{"s3-import", "s3-export", "ebs-import", "glacier-import"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			code, out, errOut := runMain(t, dir, "", "init", "--job-kind", kind)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			wantIn(t, "init", out, "wrote .manifestlint.yaml", "wrote "+kind+".manifest.yaml")
			if _, err := config.Load(config.FileName, config.FileName, validate.ParseConfig); err != nil {
				t.Errorf("the config written does not load: %v", err)
			}
			// The starter holds sample values on purpose: it lints with no
			// error (exit 0), and its only warnings name those values.
			for _, args := range [][]string{{"."}, {"--region", "us-east-1", "."}} {
				code, out, errOut = runMain(t, dir, "", args...)
				if code != ExitOK || !strings.Contains(out, "0 errors, ") {
					t.Errorf("%q: the starter does not lint without errors: exit %d\n%s%s", args, code, out, errOut)
				}
				wantIn(t, "starter "+kind, out, "returnAddress.name is the sample value `Jane Roe`",
					"returnAddress.street1 is the sample value `123 Any Street`",
					"notificationEmail holds the sample address `ops@example.com`")
				if n, w := strings.Count(out, "[sample-value]"), strings.Count(out, ": warning: "); n != w {
					t.Errorf("%q: %d warnings, %d of them sample-value:\n%s", args, w, n, out)
				}
				if kind == "s3-export" {
					wantIn(t, "starter s3-export", out, "pinCode is the sample value (not shown)")
					if strings.Contains(out, "123456") {
						t.Errorf("the starter's pinCode is shown:\n%s", out)
					}
				}
			}
			before, _ := os.ReadFile(kind + ".manifest.yaml")
			os.WriteFile(config.FileName, []byte("region: us-east-1\n"), 0o644)
			code, _, errOut = runMain(t, dir, "", "init", "--job-kind", kind)
			if code != ExitUsage {
				t.Errorf("second init: exit %d", code)
			}
			wantIn(t, "second init", errOut, ".manifestlint.yaml exists; nothing written", kind+".manifest.yaml exists; nothing written")
			after, _ := os.ReadFile(kind + ".manifest.yaml")
			cfg, _ := os.ReadFile(config.FileName)
			if !bytes.Equal(before, after) || string(cfg) != "region: us-east-1\n" {
				t.Errorf("init overwrote a file")
			}
		})
	}
	// init, then init --job-kind: the starter is written, the config kept.
	dir := t.TempDir()
	if code, _, errOut := runMain(t, dir, "", "init"); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	os.WriteFile(config.FileName, []byte("region: us-east-1\n"), 0o644)
	code, out, errOut := runMain(t, dir, "", "init", "--job-kind", "s3-export")
	if code != ExitOK {
		t.Errorf("init --job-kind after init: exit %d: %s", code, errOut)
	}
	wantIn(t, "init --job-kind after init", out, "wrote s3-export.manifest.yaml", "kept .manifestlint.yaml, which exists")
	if cfg, _ := os.ReadFile(config.FileName); string(cfg) != "region: us-east-1\n" {
		t.Errorf("init --job-kind overwrote the config: %q", cfg)
	}
	if _, err := os.Stat("s3-export.manifest.yaml"); err != nil {
		t.Errorf("the starter was not written: %v", err)
	}
	code, _, errOut = runMain(t, t.TempDir(), "", "init", "--job-kind", "s3-imprt")
	if code != ExitUsage {
		t.Errorf("bad kind: exit %d", code)
	}
	wantIn(t, "bad kind", errOut, "did you mean s3-import?")
	if _, err := os.Stat(config.FileName); err == nil {
		t.Errorf("a bad --job-kind still wrote the config")
	}
}

// TestInitDir: init --dir creates the folder, and its parents, and writes
// there; the starter manifests indent every level by the same 2 spaces.
func TestInitDir(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runMain(t, dir, "", "init", "--dir", "sub/jobs", "--job-kind", "ebs-import")
	if code != ExitOK {
		t.Fatalf("init --dir sub/jobs: exit %d: %s", code, errOut)
	}
	wantIn(t, "init --dir", out, "wrote "+filepath.Join("sub", "jobs", ".manifestlint.yaml"), "wrote "+filepath.Join("sub", "jobs", "ebs-import.manifest.yaml"))
	if code, out, errOut := runMain(t, dir, "", "--no-config", "sub/jobs/ebs-import.manifest.yaml"); code != ExitOK {
		t.Errorf("the starter in sub/jobs does not lint without errors: exit %d\n%s%s", code, out, errOut)
	}
	os.WriteFile("file", nil, 0o644)
	if code, _, errOut := runMain(t, dir, "", "init", "--dir", "file"); code != ExitUsage || !strings.Contains(errOut, "file") {
		t.Errorf("init --dir naming a file: exit %d, %s", code, errOut)
	}
	for _, kind := range []string{"s3-import", "s3-export", "ebs-import", "glacier-import"} {
		src, err := starters.ReadFile("starters/" + kind + ".manifest.yaml")
		if err != nil {
			t.Fatal(err)
		}
		prev := 0 // the indentation of the last line with a key
		for i, line := range strings.Split(string(src), "\n") {
			text := strings.TrimLeft(line, " ")
			if text == "" || text[0] == '#' {
				continue
			}
			ind := len(line) - len(text)
			if ind > prev && ind != prev+2 {
				t.Errorf("%s line %d: indented %d spaces under a line at %d: want 2 more\n%s", kind, i+1, ind, prev, line)
			}
			prev = ind
			if strings.HasPrefix(text, "- ") {
				prev += 2 // the entry's keys start after "- "
			}
		}
	}
}

// TestCompletion: each script is valid for its shell (bash always; zsh
// and fish where installed, and in CI, which installs them), and bash
// completes flags, their values, commands and explain's names.
func TestCompletion(t *testing.T) {
	scripts := map[string]string{}
	for _, sh := range []string{"bash", "zsh", "fish"} {
		code, out, errOut := runMain(t, "", "", "completion", sh)
		if code != ExitOK || out == "" {
			t.Fatalf("completion %s: exit %d %s", sh, code, errOut)
		}
		scripts[sh] = out
		path, err := exec.LookPath(sh)
		if err != nil {
			if os.Getenv("CI") == "true" || sh == "bash" {
				t.Errorf("%s is not installed (CI installs it): %v", sh, err)
			} else {
				t.Logf("%s not installed: its script's syntax is not checked here", sh)
			}
			continue
		}
		f := filepath.Join(t.TempDir(), "c."+sh)
		os.WriteFile(f, []byte(out), 0o644)
		if out, err := exec.Command(path, "-n", f).CombinedOutput(); err != nil {
			t.Errorf("%s -n: %v\n%s", sh, err, out)
		}
	}
	wantIn(t, "fish", scripts["fish"], "-l format -s f -x -a 'concise github json junit sarif text xml'", "-l quiet -s q")
	wantIn(t, "zsh", scripts["zsh"], "#compdef manifestlint", "'--no-snippet[")
	if code, _, _ := runMain(t, "", "", "completion", "tcsh"); code != ExitUsage {
		t.Errorf("completion tcsh: exit %d", code)
	}
	f := filepath.Join(t.TempDir(), "c.bash")
	os.WriteFile(f, []byte(scripts["bash"]), 0o644)
	complete := func(words ...string) string {
		t.Helper()
		script := "source " + f + "; COMP_WORDS=(" + strings.Join(words, " ") + "); COMP_CWORD=" +
			string(rune('0'+len(words)-1)) + "; _manifestlint; echo \"${COMPREPLY[*]}\""
		out, err := exec.Command("bash", "-c", script).CombinedOutput()
		if err != nil {
			t.Fatalf("bash: %v\n%s", err, out)
		}
		return strings.TrimSpace(string(out))
	}
	if got := complete("manifestlint", "--fo"); got != "--format" {
		t.Errorf("--fo completes to %q", got)
	}
	if got := complete("manifestlint", "--format", "sa"); got != "sarif" {
		t.Errorf("--format sa completes to %q", got)
	}
	if got := complete("manifestlint", "expl"); got != "explain" {
		t.Errorf("expl completes to %q", got)
	}
	if got := complete("manifestlint", "explain", "address-po-"); got != "address-po-box" {
		t.Errorf("explain address-po completes to %q", got)
	}
	// fish completes too (where installed: the syntax check above has
	// already failed in CI without it).
	if fish, err := exec.LookPath("fish"); err == nil {
		ff := filepath.Join(t.TempDir(), "c.fish")
		os.WriteFile(ff, []byte(scripts["fish"]), 0o644)
		out, err := exec.Command(fish, "-c", "source "+ff+"; complete -C 'manifestlint --form'; complete -C 'manifestlint --format sa'").CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--format\t") || !strings.Contains(string(out), "sarif") {
			t.Errorf("fish completion: %v\n%s", err, out)
		}
	}
}
