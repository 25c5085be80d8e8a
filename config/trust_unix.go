//go:build unix

package config

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// untrusted says why a configuration file found by Find must not be used,
// or returns "" for a file that may be. As git does for a repository
// (safe.directory), a file is trusted only when no other user could have
// written it: it is owned by the user running manifestlint (or by root),
// and neither it nor its folder can be written by other users. A folder
// with the sticky bit (the system temp folder, mode 1777) is safe: others
// may not replace a file in it. Group write is allowed when the group is
// the user's own (the user-private group of most systems' umask 002).
// A file named with --config is always used.
func untrusted(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		return "" // Load reports it
	}
	uid, gid := uint32(os.Geteuid()), uint32(os.Getegid())
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	if sys.Uid != uid && sys.Uid != 0 {
		return fmt.Sprintf("it is owned by another user (uid %d; you are uid %d)", sys.Uid, uid)
	}
	if why := othersMayWrite(st, sys.Gid, gid); why != "" {
		return "the file " + why
	}
	dir := filepath.Dir(path)
	dst, err := os.Stat(dir)
	if err != nil {
		return ""
	}
	dsys, ok := dst.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	if dst.Mode()&fs.ModeSticky != 0 {
		return ""
	}
	if why := othersMayWrite(dst, dsys.Gid, gid); why != "" {
		return "its folder " + dir + " " + why
	}
	return ""
}

// othersMayWrite says how users other than the owner may write a file or
// folder of group fileGID, or "".
func othersMayWrite(st fs.FileInfo, fileGID, myGID uint32) string {
	perm := st.Mode().Perm()
	switch {
	case perm&0o002 != 0:
		return fmt.Sprintf("can be written by every user (mode %04o)", uint32(perm))
	case perm&0o020 != 0 && fileGID != myGID:
		return fmt.Sprintf("can be written by the users of group %d (mode %04o)", fileGID, uint32(perm))
	}
	return ""
}
