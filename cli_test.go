package main

import (
	"io"
	"sort"

	"github.com/manifestlint/manifestlint/internal/cli"
	"github.com/manifestlint/manifestlint/internal/report"
)

// run is the whole command as the binary runs it, without a subprocess.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return cli.Main(args, stdin, stdout, stderr)
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
