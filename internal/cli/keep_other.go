//go:build !unix

package cli

import (
	"io/fs"
	"os"
)

// links is how many hard links a file has: this system does not say, so
// one.
func links(fs.FileInfo) uint64 { return 1 }

// keepOwner does nothing here: the new file is the user's, as files are.
func keepOwner(*os.File, fs.FileInfo) error { return nil }
