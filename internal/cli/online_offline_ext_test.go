package cli_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testbin"
	"github.com/manifestlint/manifestlint/internal/testmanifest"
)

// TestEditorsNeverGoOnline: the language server and the playground link
// neither internal/online nor the AWS SDK, in any build (the tag online
// included), so they cannot ask the account whatever a workspace holds.
func TestEditorsNeverGoOnline(t *testing.T) {
	for _, c := range []struct {
		pkg string
		env []string
	}{
		{"./internal/lsp", nil},
		{"./internal/playground/wasm", []string{"GOOS=js", "GOARCH=wasm"}},
	} {
		for _, tags := range []string{"", "online"} {
			cmd := exec.Command("go", "list", "-deps", "-tags", tags, c.pkg)
			cmd.Dir = testbin.Root()
			cmd.Env = append(os.Environ(), c.env...)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("go list %s: %v", c.pkg, err)
			}
			deps := string(out)
			if !strings.Contains(deps, "github.com/manifestlint/manifestlint/validate") {
				t.Fatalf("go list -deps %s does not list validate: the test looks at the wrong thing:\n%s", c.pkg, deps)
			}
			for _, bad := range []string{"github.com/manifestlint/manifestlint/internal/online", "github.com/aws/"} {
				if strings.Contains(deps, bad) {
					t.Errorf("%s (tags %q) depends on %s", c.pkg, tags, bad)
				}
			}
		}
	}
}

// TestOnlineNotBuilt: a build without the tag online links no AWS SDK,
// and --online says so in one note, keeping the offline exit status;
// --online=strict exits 2; inventory is a usage error.
func TestOnlineNotBuilt(t *testing.T) {
	list := exec.Command("go", "list", "-deps", ".")
	list.Dir = testbin.Root()
	out, err := list.Output()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "github.com/aws/") {
		t.Errorf("the default build links the AWS SDK")
	}
	if onlineBuild {
		t.Skip("this test binary is built with the tag online")
	}
	dir := t.TempDir()
	must0(t, os.WriteFile(dir+"/ok.yaml", []byte(testmanifest.S3Import), 0o644))
	code, stdout, stderr := runMain(t, "--no-config", "--online", dir+"/ok.yaml")
	if code != 0 || strings.Count(stderr, "online checks not run: this manifestlint is built without online checks") != 1 || !strings.Contains(stderr, "online: 0 checks run, 2 not run") {
		t.Errorf("--online: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, _ := runMain(t, "--no-config", "--online=strict", dir+"/ok.yaml"); code != 2 {
		t.Errorf("--online=strict: exit %d, want 2", code)
	}
	if code, _, stderr := runMain(t, "inventory", dir); code != 2 || !strings.Contains(stderr, "built without online checks") {
		t.Errorf("inventory: exit %d\n%s", code, stderr)
	}
}

// runMain runs the command with MANIFESTLINT_ONLINE unset.
func runMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Setenv("MANIFESTLINT_ONLINE", "")
	var out, errb strings.Builder
	if len(args) == 0 || args[0] != "inventory" {
		args = append([]string{"--color", "never"}, args...)
	}
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}
