//go:build !unix

package cli

import (
	"os"
	"syscall"
)

// sigTerm is SIGTERM, as far as the system has one.
const sigTerm = syscall.SIGTERM

// dieOf ends the process after the signal s: exit status 1, as Go's
// default handling of an interrupt gives on this system.
func dieOf(os.Signal) { os.Exit(1) }
