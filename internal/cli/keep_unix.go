//go:build unix

package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// links is how many hard links (names) a file has.
func links(st fs.FileInfo) uint64 {
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(sys.Nlink) //nolint:unconvert // the field's type differs by platform
	}
	return 1
}

// keepOwner gives tmp, the fixed text of the file st describes, that
// file's owner and group. A user may not give a file away (only root may),
// and may give it only a group they belong to: the file is then refused,
// rather than left owned by the user who ran --fix (its owner could no
// longer write it).
func keepOwner(tmp *os.File, st fs.FileInfo) error {
	want, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	tst, err := tmp.Stat()
	if err != nil {
		return err
	}
	have, ok := tst.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	uid, gid := -1, -1
	if have.Uid != want.Uid {
		uid = int(want.Uid)
	}
	if have.Gid != want.Gid {
		gid = int(want.Gid)
	}
	if uid == -1 && gid == -1 {
		return nil
	}
	if err := tmp.Chown(uid, gid); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return refusal{fmt.Sprintf("is owned by user %d, group %d; the fixed file would be yours: not fixed (fix it as its owner)", want.Uid, want.Gid), "owner cannot be kept"}
		}
		return err
	}
	return nil
}
