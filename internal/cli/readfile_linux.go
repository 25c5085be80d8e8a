package cli

import (
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/manifestlint/manifestlint/validate"
)

// openRegular opens path as openInput does (without waiting, should it be a
// FIFO) and, when it is a regular file, reads it whole with plain system
// calls: done is true and data, err are readFile's answer. An *os.File
// registers with the runtime's poller on its first use (epoll_create1,
// eventfd2, two epoll_ctl and a poller thread woken), which for a regular
// file is wasted, and which a one-file run otherwise pays for the one file
// it reads. Any other kind of file comes back as f, opened exactly as
// openInput opens it (os.NewFile of a non-blocking descriptor is pollable
// as os.OpenFile with O_NONBLOCK is, on Linux), for readFile to go on
// with; f is nil when the open failed, and openInput tries again and says
// why.
func openRegular(path string, limit int64) (f *os.File, data []byte, done bool, err error) {
	var fd int
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, nil, false, nil
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return os.NewFile(uintptr(fd), path), nil, false, nil
	}
	defer syscall.Close(fd)
	if st.Size > limit {
		return nil, nil, true, &validate.TooLargeError{Size: st.Size, Limit: limit} // not read whole
	}
	data, err = readSized(fdReader{fd, path}, limit, int(st.Size))
	return nil, data, true, err
}

// fdReader reads a regular file's descriptor as an *os.File would: a read
// error is an *fs.PathError, the end io.EOF.
type fdReader struct {
	fd   int
	path string
}

func (r fdReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for {
		n, err := syscall.Read(r.fd, p)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, &fs.PathError{Op: "read", Path: r.path, Err: err}
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
}
