package golden

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/manifestlint/manifestlint/internal/cli"
	"github.com/manifestlint/manifestlint/internal/testbin"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// Package golden's tests lint the repository's golden sets (testdata/cases,
// testdata/fixes, testdata/spec-examples) through the whole command, in
// process, and hold the registry and the messages to what the output shows.
// They run from the repository's root (testbin.Main).

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

// specExamples is what testdata/spec-examples/README.md says each real
// manifest must produce: errors as "Code@path", warnings as "rule@path".
var specExamples = []struct {
	file     string
	errors   []string
	warnings []string // nil: not checked
}{
	{"dg-import-minimal.yaml",
		[]string{"InvalidAccessKeyIdException@accessKeyId", "InvalidManifestFieldException@eraseDevice", "MissingManifestFieldException@notificationEmail",
			"InvalidAddressException@returnAddress.postalCode"},
		[]string{"bucket-name-not-dns-compliant@bucket"}},
	{"cli-create-job.yaml",
		[]string{"InvalidManifestFieldException@manifestVersion", "InvalidAddressException@returnAddress",
			"InvalidManifestFieldException@name", "InvalidManifestFieldException@company", "InvalidManifestFieldException@street1",
			"InvalidManifestFieldException@city", "InvalidManifestFieldException@stateOrProvince", "InvalidManifestFieldException@postalCode",
			"InvalidManifestFieldException@phoneNumber", "InvalidManifestFieldException@country"},
		nil},
	{"cli-get-status-echo.yaml", []string{"InvalidAddressException@returnAddress.postalCode"},
		[]string{"no-space-after-colon@manifestVersion", "no-space-after-colon@generator", "no-space-after-colon@bucket",
			"no-space-after-colon@deviceId", "no-space-after-colon@eraseDevice", "no-space-after-colon@notificationEmail",
			"no-space-after-colon@trueCryptPassword", "no-space-after-colon@acl", "no-space-after-colon@serviceLevel",
			"no-space-after-colon@returnAddress.country", "no-space-after-colon@returnAddress.phoneNumber",
			"bucket-name-not-dns-compliant@bucket",
			// AWS's sample values, kept verbatim: the sample-value rule names them.
			"sample-value@notificationEmail", "sample-value@returnAddress.name", "sample-value@returnAddress.company",
			"sample-value@returnAddress.street1"}},
	{"sdk-live-test-2015.yaml", []string{"InvalidAddressException@returnAddress.postalCode"},
		[]string{"sample-value@accessKeyId", "sample-value@returnAddress.name", "sample-value@returnAddress.street1"}},
	{"live-malformed.txt", []string{"MalformedManifestException@"}, []string{}},
	{"dg-glacier-import.yaml", []string{"InvalidAddressException@returnAddress.postalCode"},
		[]string{"sample-value@notificationEmail", "sample-value@returnAddress.name", "sample-value@returnAddress.street1"}},
	{"dg-export-customs.yaml", nil, []string{"sample-value@customs.exportCertifierName"}},
}

// TestSpecExamples checks the real manifests of the specification.
func TestSpecExamples(t *testing.T) {
	dir := filepath.Join("testdata", "spec-examples")
	for _, ex := range specExamples {
		t.Run(ex.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, ex.file))
			if err != nil {
				t.Fatal(err)
			}
			res := validate.Validate(ex.file, src, validate.Options{})
			var errs, warns []string
			for _, f := range res.Findings {
				if f.Severity == manifest.Error {
					errs = append(errs, string(f.Code)+"@"+f.Path)
				} else {
					warns = append(warns, f.Rule+"@"+f.Path)
				}
			}
			sameSet(t, "errors", errs, ex.errors)
			if ex.warnings != nil {
				sameSet(t, "warnings", warns, ex.warnings)
			}
			if t.Failed() {
				for _, f := range res.Findings {
					t.Logf("%d:%d %s %s %s: %s", f.Line, f.Column, f.Severity, f.Code, f.Rule, f.Message)
				}
			}
		})
	}
}

func sameSet(t *testing.T, what string, got, want []string) {
	t.Helper()
	g := append([]string(nil), got...)
	w := append([]string(nil), want...)
	sort.Strings(g)
	sort.Strings(w)
	if strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("%s:\n got  %q\n want %q", what, g, w)
	}
}
