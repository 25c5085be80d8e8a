package cli

import (
	"errors"
	"io"
	"os"

	"github.com/manifestlint/manifestlint/manifest"
)

// headLooksLikeManifest applies manifest.LooksLikeManifest to the first manifest.DetectLimit
// bytes of a file too large to read whole; a file that cannot be read
// counts as a manifest, so that its error is reported.
func headLooksLikeManifest(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	head := make([]byte, manifest.DetectLimit)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return true
	}
	return manifest.LooksLikeManifest(head[:n])
}
