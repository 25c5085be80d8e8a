// Command manifestlint checks AWS Import/Export manifests before they are
// submitted and reports every fault with the service's own error code,
// file:line:column, field path and a message that says how to fix it.
//
// Usage:
//
//	manifestlint [flags] FILE|DIR|- ...
//	manifestlint explain|codes|schema|version ...
//
// Exit status: 0 no errors (warnings alone do not fail), 1 errors found,
// 2 usage or I/O error. The command lives in internal/cli.
package main

import (
	"os"

	"github.com/manifestlint/manifestlint/internal/cli"
	// Grows the main goroutine's stack before the initializers that
	// recurse deeply (internal/stackstart).
	_ "github.com/manifestlint/manifestlint/internal/stackstart"
)

func main() {
	cli.TuneGC()
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
