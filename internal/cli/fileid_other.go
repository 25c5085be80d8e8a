//go:build !unix

package cli

import "io/fs"

// fileID has no device and inode to give on this platform: files are told
// apart by their cleaned absolute path alone.
func fileID(fs.FileInfo) (id [2]uint64, ok bool) { return id, false }

// linkCount does not know the number of hard links on this platform.
func linkCount(fs.FileInfo) (n uint64, ok bool) { return 0, false }
