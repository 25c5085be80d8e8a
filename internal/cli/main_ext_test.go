package cli_test

import (
	"io"
	"sort"
	"testing"

	"github.com/manifestlint/manifestlint/internal/cli"
	"github.com/manifestlint/manifestlint/internal/report"
	"github.com/manifestlint/manifestlint/internal/testbin"
)

// The tests of this external test package (files *_ext_test.go) run the
// whole command in process, as main.go runs it, or re-execute the test
// binary as manifestlint (robustExecEnv).

// run is the whole command as the binary runs it, without a subprocess.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return cli.Main(args, stdin, stdout, stderr)
}

// atRoot makes the repository's root the working directory of t, so that
// t names the shipped samples as a user at the root does.
func atRoot(t *testing.T) {
	t.Chdir(testbin.Root())
}

// formatNames lists every output format, sorted.
func formatNames() []string {
	names := make([]string, 0, len(report.Formats))
	for n := range report.Formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// The exit statuses, as the tests name them.
const (
	exitOK       = cli.ExitOK
	exitFindings = cli.ExitFindings
	exitUsage    = cli.ExitUsage
)
