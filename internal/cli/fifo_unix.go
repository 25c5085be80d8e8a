//go:build unix

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// openInput opens a file to lint without waiting: opening a FIFO for
// reading would otherwise block until a program opens it for writing,
// forever if none does. A regular file reads as ever (the flag does not
// apply to it); readFile makes any other kind blocking again.
func openInput(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// setBlocking makes a file opened by openInput block on reads again.
func setBlocking(f *os.File) {
	if rc, err := f.SyscallConn(); err == nil {
		rc.Control(func(fd uintptr) { syscall.SetNonblock(int(fd), false) })
	}
}

// fifoWait is how long readFIFO waits for a program to write to a FIFO.
var fifoWait = 10 * time.Second

// readFIFO reads a FIFO named on the command line or by --files-from (a
// walk skips them), or a pipe given as a path (`<(cat m.yaml)`,
// /dev/stdin). While no program has it open for writing, a read finds
// nothing: it is tried again, less and less often, for fifoWait, and then
// given up with an error. Once a program writes to it, or holds it open,
// it is read to its end as any file.
func readFIFO(f *os.File, limit int64) ([]byte, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	first := make([]byte, 64<<10)
	deadline := time.Now().Add(fifoWait)
	pause := time.Millisecond
	for {
		var n int
		var rerr error
		if err := rc.Control(func(fd uintptr) { n, rerr = syscall.Read(int(fd), first) }); err != nil {
			return nil, err
		}
		switch {
		case n > 0: // a writer wrote
			first = first[:n]
		case rerr == syscall.EAGAIN: // a writer holds it open
			first = first[:0]
		case rerr == syscall.EINTR:
			continue
		case rerr != nil:
			return nil, rerr
		default: // no writer (yet)
			if time.Now().After(deadline) {
				return nil, fmt.Errorf("no program wrote to this FIFO within %v: not read (name a regular file, or pipe the manifest to -)", fifoWait)
			}
			time.Sleep(pause)
			pause = min(2*pause, 50*time.Millisecond)
			continue
		}
		break
	}
	setBlocking(f)
	return readSized(io.MultiReader(bytes.NewReader(first), f), limit, 0)
}

// nonBlocking is the open flag that keeps opening the FIFO st describes
// from waiting for the other end; 0 for any other file.
func nonBlocking(st fs.FileInfo) int {
	if st.Mode()&fs.ModeNamedPipe != 0 {
		return syscall.O_NONBLOCK
	}
	return 0
}

// noReader explains the error of opening a FIFO for writing without
// waiting: no program reads it.
func noReader(st fs.FileInfo, err error) error {
	if st.Mode()&fs.ModeNamedPipe != 0 && errors.Is(err, syscall.ENXIO) {
		return errors.New("no program reads this FIFO: not written")
	}
	return err
}
