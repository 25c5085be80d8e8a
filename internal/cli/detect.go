package cli

import (
	"errors"
	"io"
	"os"

	"github.com/manifestlint/manifestlint/manifest"
)

// readHead reads the first manifest.DetectLimit bytes of a file too large
// to read whole, for the manifest test; a file that cannot be read gives
// a manifest version line, so that it counts as a manifest and its error
// is reported.
func readHead(path string) []byte {
	unreadable := []byte("manifestVersion: unreadable\n")
	f, err := os.Open(path)
	if err != nil {
		return unreadable
	}
	defer f.Close()
	head := make([]byte, manifest.DetectLimit)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return unreadable
	}
	return head[:n]
}
