package golden

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/manifestlint/manifestlint/internal/cli"
	"github.com/manifestlint/manifestlint/internal/testbin"
)

// The tests of this package lint the repository's golden sets
// (testdata/cases, testdata/fixes) through the whole command, in process,
// and hold the registry and the messages to what the output shows. They
// run from the repository's root (testbin.Main).

var update = flag.Bool("update", false, "rewrite the golden files of testdata/cases and testdata/fixes")

func TestMain(m *testing.M) { testbin.Main(m) }

// run is the whole command as the binary runs it, without a subprocess.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return cli.Main(args, stdin, stdout, stderr)
}

// argsLine is the header a case file may carry to pass flags:
//
//	# manifestlint-test: --region eu-west-1
const argsLine = "# manifestlint-test:"

// caseRun is what a user saw for one case and flags.
type caseRun struct {
	stdout, stderr []byte
	code           int
}

// caseRuns holds each run of runCase: the tests of this package lint the
// same cases with the same flags (the JSON of every case, four times),
// in the same environment (testbin.CleanEnv), and the command is
// deterministic, so each case and flags is linted once.
var caseRuns sync.Map // file and flags → caseRun

// runCase lints the case file f as a user would, with the flags of its
// header line after args.
func runCase(t *testing.T, f string, args ...string) (stdout, stderr bytes.Buffer, code int) {
	t.Helper()
	key := f + "\x00" + strings.Join(args, "\x00")
	if r, ok := caseRuns.Load(key); ok {
		r := r.(caseRun)
		stdout.Write(r.stdout)
		stderr.Write(r.stderr)
		return stdout, stderr, r.code
	}
	src, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	if first, _, _ := strings.Cut(string(src), "\n"); strings.HasPrefix(first, argsLine) {
		args = append(args, strings.Fields(strings.TrimPrefix(first, argsLine))...)
	}
	code = run(append(args, f), strings.NewReader(""), &stdout, &stderr)
	caseRuns.Store(key, caseRun{bytes.Clone(stdout.Bytes()), bytes.Clone(stderr.Bytes()), code})
	return stdout, stderr, code
}

// TestGolden lints every file of testdata/cases with the flags of its
// header line and compares what a user sees (stdout, stderr, exit status)
// with the file's .golden twin. go test ./integrationtest/golden -run TestGolden -update rewrites the
// goldens; review their diff like code.
func TestGolden(t *testing.T) {
	testbin.CleanEnv(t)
	files, err := filepath.Glob("testdata/cases/*")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden") || strings.HasSuffix(f, ".md") {
			continue
		}
		n++
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := runCase(t, f, "--color", "never")
			got := fmt.Sprintf("%s%s[exit status %d]\n", stdout.String(), stderr.String(), code)
			golden := strings.TrimSuffix(f, filepath.Ext(f)) + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./integrationtest/golden -run TestGolden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (-update rewrites it)\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
	if n == 0 {
		t.Fatal("no cases in testdata/cases")
	}
}
