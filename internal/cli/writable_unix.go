//go:build unix

package cli

import (
	"io/fs"
	"syscall"
)

// checkWritable refuses a file the user may not write. The fixed text is
// renamed over the file, which needs only the folder to be writable, so
// without this check --fix would replace a read-only (0444) file (and leave
// a hard link to it with the old text). As gofmt -w and ruff, it asks the
// system (access W_OK), which also knows ACLs and read-only mounts; root may
// write any file, as with those tools.
func checkWritable(path string, _ fs.FileInfo) error {
	const wOK = 2 // W_OK in <unistd.h>
	if err := syscall.Access(path, wOK); err != nil {
		return &fs.PathError{Op: "write", Path: path, Err: err}
	}
	return nil
}
