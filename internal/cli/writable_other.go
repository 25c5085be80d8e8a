//go:build !unix

package cli

import (
	"io/fs"
	"syscall"
)

// checkWritable refuses a read-only file (on Windows, the read-only
// attribute clears the mode's write bits). See the unix version.
func checkWritable(path string, st fs.FileInfo) error {
	if st.Mode().Perm()&0o200 == 0 {
		return &fs.PathError{Op: "write", Path: path, Err: syscall.EACCES}
	}
	return nil
}
