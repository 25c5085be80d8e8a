//go:build !unix

package cli

import (
	"io/fs"
	"os"
)

// openInput opens a file to lint.
func openInput(path string) (*os.File, error) { return os.Open(path) }

// setBlocking does nothing: openInput opens files blocking here.
func setBlocking(*os.File) {}

// readFIFO reads a named pipe to its end.
func readFIFO(f *os.File, limit int64) ([]byte, error) { return readSized(f, limit, 0) }

// nonBlocking is 0: opening a named pipe does not wait here.
func nonBlocking(fs.FileInfo) int { return 0 }

// noReader returns err.
func noReader(_ fs.FileInfo, err error) error { return err }
