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
// or returns "" for a file that may be. below is the folder of the file to
// lint (where the search started), and inTree says the configuration file
// lies inside the repository or the folder being linted.
//
// A file is trusted when no other user could have written it, as git does
// for a repository (safe.directory):
//
//   - owned by the user running manifestlint (or by root), and neither it
//     nor its folder can be written by other users; a folder with the
//     sticky bit (the system temp folder, mode 1777) is safe here: others
//     may not replace a file in it;
//   - or, whatever its owner, inside the repository or folder being linted
//     (inTree), when neither it nor any folder from its own down to the
//     linted file's can be written by users other than its owner: a
//     checkout mounted into a container that runs as another user, or a
//     CI workspace of uid 1001 read by root. The sticky bit does not help
//     here: anyone may create a file in such a folder.
//
// Group write is allowed when the group is the user's own, or the owner's
// user-private group (a group id equal to the owner's user id, as most
// systems' umask 002 makes). A file named with --config is always used.
func untrusted(path, below string, inTree bool) string {
	st, err := os.Stat(path)
	if err != nil {
		return "" // Load reports it
	}
	uid, gid := uint32(os.Geteuid()), uint32(os.Getegid())
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	dir := filepath.Dir(path)
	if sys.Uid == uid || sys.Uid == 0 {
		if why := othersMayWrite(st, sys.Uid, sys.Gid, gid); why != "" {
			return "the file " + why
		}
		dst, err := os.Stat(dir)
		if err != nil {
			return ""
		}
		dsys, ok := dst.Sys().(*syscall.Stat_t)
		if !ok || dst.Mode()&fs.ModeSticky != 0 {
			return ""
		}
		if why := othersMayWrite(dst, dsys.Uid, dsys.Gid, gid); why != "" {
			return "its folder " + dir + " " + why
		}
		return ""
	}
	owner := fmt.Sprintf("it is owned by another user (uid %d; you are uid %d)", sys.Uid, uid)
	if !inTree {
		return owner + " and lies outside the repository or folder being linted"
	}
	if why := othersMayWrite(st, sys.Uid, sys.Gid, gid); why != "" {
		return owner + " and the file " + why
	}
	// Every folder from the file to lint up to the configuration file's.
	for d := below; ; {
		dst, err := os.Stat(d)
		if err != nil {
			return owner + fmt.Sprintf(" and its folder %s cannot be checked (%v)", d, describeErr(err))
		}
		dsys, ok := dst.Sys().(*syscall.Stat_t)
		if !ok {
			return ""
		}
		if why := othersMayWrite(dst, dsys.Uid, dsys.Gid, gid); why != "" {
			return owner + " and the folder " + d + " " + why
		}
		if d == dir {
			return ""
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// othersMayWrite says how users other than the owner may write a file or
// folder (owner ownerUID, group fileGID), or "".
func othersMayWrite(st fs.FileInfo, ownerUID, fileGID, myGID uint32) string {
	perm := st.Mode().Perm()
	switch {
	case perm&0o002 != 0:
		return fmt.Sprintf("can be written by every user (mode %04o)", uint32(perm))
	case perm&0o020 != 0 && fileGID != myGID && fileGID != ownerUID:
		return fmt.Sprintf("can be written by the users of group %d (mode %04o)", fileGID, uint32(perm))
	}
	return ""
}
