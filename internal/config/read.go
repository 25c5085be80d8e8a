package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// MaxFileBytes caps how much of a configuration file is read: a real one is
// a few hundred bytes, and a file that is a link to /dev/zero must not eat
// the machine's memory.
const MaxFileBytes = 1 << 20

// readFile reads the configuration file at path: a regular file (after
// symbolic links) of at most MaxFileBytes. A FIFO, a device or a socket is
// refused without blocking on it (openNoBlock), and a larger file is
// refused without reading it all.
func readFile(path string) ([]byte, error) {
	f, err := openNoBlock(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := regularFile(st.Mode()); err != nil {
		return nil, err
	}
	if st.Size() > MaxFileBytes {
		return nil, fmt.Errorf("%w: %d bytes, over %d: a configuration file is a few hundred bytes", errTooLarge, st.Size(), MaxFileBytes)
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(src) > MaxFileBytes {
		return nil, fmt.Errorf("%w: over %d bytes: a configuration file is a few hundred bytes", errTooLarge, MaxFileBytes)
	}
	return src, nil
}

var errTooLarge = errors.New("file too large")

// regularFile explains why a file of mode m is not read as a configuration
// file, or returns nil for a regular file.
func regularFile(m fs.FileMode) error {
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return errors.New("is a directory, not a configuration file")
	case m&fs.ModeNamedPipe != 0:
		return errors.New("is a named pipe (FIFO), not a regular file")
	case m&fs.ModeSocket != 0:
		return errors.New("is a socket, not a regular file")
	case m&fs.ModeDevice != 0:
		return errors.New("is a device, not a regular file")
	}
	return errors.New("is not a regular file")
}
