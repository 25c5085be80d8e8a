//go:build unix

package cli

import (
	"io/fs"
	"syscall"
)

// fileID returns a file's device and inode, which name it whatever path
// leads to it (a link, `./x` beside `x`, `..` beside the walked folder).
func fileID(st fs.FileInfo) (id [2]uint64, ok bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return id, false
	}
	return [2]uint64{uint64(sys.Dev), uint64(sys.Ino)}, true //nolint:unconvert // the field types differ by platform
}

// linkCount returns the number of hard links to the file st describes.
func linkCount(st fs.FileInfo) (n uint64, ok bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return uint64(sys.Nlink), true //nolint:unconvert // the field types differ by platform
}
