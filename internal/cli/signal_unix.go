//go:build unix

package cli

import (
	"os"
	"syscall"
	"time"
)

// sigTerm is SIGTERM.
const sigTerm = syscall.SIGTERM

// dieOf ends the process by the signal s, its handler reset to the
// default, so that the parent sees a death by that signal. Should the
// signal not end it (it is blocked), it exits as a shell reports such a
// death (128 + the signal's number).
func dieOf(s os.Signal) {
	sig, _ := s.(syscall.Signal)
	syscall.Kill(os.Getpid(), sig)
	time.Sleep(time.Second)
	os.Exit(128 + int(sig))
}
