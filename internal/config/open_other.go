//go:build !unix

package config

import "os"

// openNoBlock opens path for reading after checking that it is a regular
// file, so that a FIFO is refused before an open that would wait on it.
func openNoBlock(path string) (*os.File, error) {
	if err := statRegular(path); err != nil {
		return nil, err
	}
	return os.Open(path)
}

// statRegular checks that path names a regular file without opening it.
func statRegular(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	return regularFile(st.Mode())
}
