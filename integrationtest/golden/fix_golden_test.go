package golden

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testbin"
)

// TestFixGolden runs --diff, then --diff --unsafe-fixes, on every manifest
// of testdata/fixes and compares what a user sees with its .golden twin (go
// test ./integrationtest/golden -run TestFixGolden -update rewrites them). Then, for each line-end
// style (LF, CR LF, CR, and CR LF after a byte-order mark), it fixes the
// case through standard input (`--fix -`, with and without unsafe fixes) and
// checks that the result is the LF result in that style: no fix writes a
// foreign line end, and the mark stays.
func TestFixGolden(t *testing.T) {
	testbin.CleanEnv(t)
	files, err := filepath.Glob("testdata/fixes/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no cases in testdata/fixes")
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.ContainsRune(src, '\r') {
				t.Fatal("write the cases with LF line ends: the test makes the other styles")
			}
			// A header line passes flags, as in testdata/cases.
			var header []string
			if first, _, _ := strings.Cut(string(src), "\n"); strings.HasPrefix(first, argsLine) {
				header = strings.Fields(strings.TrimPrefix(first, argsLine))
			}
			with := func(args ...string) []string { return append(append([]string{"--color", "never"}, header...), args...) }
			var got strings.Builder
			for _, mode := range [][]string{{"--diff"}, {"--diff", "--unsafe-fixes"}} {
				var stdout, stderr bytes.Buffer
				code := run(with(append(mode, f)...), strings.NewReader(""), &stdout, &stderr)
				fmt.Fprintf(&got, "== %s\n%s%s[exit status %d]\n", strings.Join(mode, " "), stdout.String(), stderr.String(), code)
			}
			// What is left after every fix, as --fix on standard input reports it.
			var stdout, stderr bytes.Buffer
			code := run(with("--no-snippet", "--fix", "--unsafe-fixes", "--stdin-filename", f, "-"), bytes.NewReader(src), &stdout, &stderr)
			fmt.Fprintf(&got, "== --fix --unsafe-fixes - (what is left, on standard error)\n%s[exit status %d]\n", stderr.String(), code)
			golden := strings.TrimSuffix(f, ".yaml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			} else if want, err := os.ReadFile(golden); err != nil {
				t.Fatalf("%v (run go test ./integrationtest/golden -run TestFixGolden -update to create it)", err)
			} else if got.String() != string(want) {
				t.Errorf("output differs from %s (-update rewrites it)\n--- got\n%s--- want\n%s", golden, got.String(), want)
			}

			for _, unsafe := range []bool{false, true} {
				args := append(append([]string{}, header...), "--fix", "--no-config", "-")
				if unsafe {
					args = append(args, "--unsafe-fixes")
				}
				fixLF := fixStdin(t, string(src), args)
				if fixLF == string(src) && !strings.Contains(got.String(), "nothing to fix") {
					t.Errorf("unsafe=%v: --fix - changed nothing", unsafe)
				}
				for _, style := range []struct{ name, bom, eol string }{{"CRLF", "", "\r\n"}, {"CR", "", "\r"}, {"BOM+CRLF", "\ufeff", "\r\n"}, {"BOM+LF", "\ufeff", "\n"}} {
					in := style.bom + strings.ReplaceAll(string(src), "\n", style.eol)
					want := style.bom + strings.ReplaceAll(fixLF, "\n", style.eol)
					if out := fixStdin(t, in, args); out != want {
						t.Errorf("unsafe=%v, %s: fixed text\n%q\nwant\n%q", unsafe, style.name, out, want)
					}
				}
			}
		})
	}
}

// fixStdin runs `manifestlint ARGS` with src on standard input and returns
// what it wrote to standard output (the fixed text).
func fixStdin(t *testing.T, src string, args []string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(src), &stdout, &stderr)
	if code == 2 {
		t.Fatalf("%v: exit 2\n%s", args, stderr.String())
	}
	return stdout.String()
}
