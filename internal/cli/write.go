package cli

// This file writes a fixed manifest back in place (--fix).

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/manifestlint/manifestlint/validate"
)

// writeInPlace replaces the file at path, whose text was orig when it was
// read, with data. As gofmt -w and ruff do, it does not fsync: that would
// flush every dirty page of the file system, and cost a --fix of a large
// tree seconds.
//
//   - The file must still hold orig, checked just before it is replaced:
//     an editor that saved it meanwhile keeps its save, and the fix is
//     refused (run it again).
//   - A symbolic link is written through (the link stays a link) only when
//     its target lies inside root, the tree the file was found in; a link
//     out of the tree is refused with an error, never followed silently.
//   - A file the user may not write (a 0444 file) is refused with a
//     permission error, as gofmt -w and ruff do, although the rename would
//     only need the folder to be writable.
//   - A file with one name is replaced atomically: a temporary file in the
//     same folder gets the text, the file's owner and group (or the fix is
//     refused: see keepOwner), extended attributes and mode, and is renamed
//     over it, so that a reader sees the old text or the new one, never
//     half of each. SIGINT and SIGTERM remove the temporary file.
//   - A file with more than one name (hard links) is written in place, as
//     gofmt -w does, so that every name still shows the same file: the
//     part past the old end first, so that a full disk or a file-size
//     limit fails before the old text is touched, and with SIGINT and
//     SIGTERM held off until it is done.
func writeInPlace(path, root string, orig, data []byte) error {
	target := path
	lst, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if lst.Mode()&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			return err
		}
		realRoot, err := filepath.EvalSymlinks(root)
		if err != nil {
			return err
		}
		if !inside(realRoot, real) {
			return refusal{fmt.Sprintf("is a symbolic link to %s, outside %s: not fixed (fix the file itself)", safeName(real), safeName(root)), "symbolic link out of the tree"}
		}
		target = real
	}
	st, err := os.Stat(target)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return refusal{"is not a regular file: not fixed", "not a regular file"}
	}
	if err := checkWritable(target, st); err != nil {
		return err
	}
	if links(st) > 1 {
		return writeThrough(target, st, orig, data)
	}
	tmp, err := createTemp(target, 0o600)
	if err != nil {
		return err
	}
	fail := func(err error) error {
		removeTemp(tmp)
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := keepOwner(tmp, st); err != nil {
		return fail(err)
	}
	if err := keepXattrs(target, tmp.Name()); err != nil {
		return fail(err)
	}
	// After chown, which clears the set-user-ID and set-group-ID bits.
	if err := tmp.Chmod(st.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if beforeReplace != nil {
		beforeReplace(target)
	}
	seen, err := stillHolds(target, st, orig)
	if err != nil {
		return fail(err)
	}
	return renameTemp(tmp.Name(), target, func() error { return sameStat(target, seen) })
}

// beforeReplace, when set (by tests), runs after the fixed text is ready
// and before the file is checked and replaced: the moment an editor's save
// would be lost.
var beforeReplace func(target string)

// errChanged refuses a fix because the file changed since it was read.
var errChanged = refusal{"changed while manifestlint was fixing it: not fixed (run --fix again)", "file changed during the run"}

// stillHolds reports errChanged unless the file at path is still the one
// st describes (same device and inode: not replaced by a rename) and holds
// orig, the text that was fixed. Content is compared, not only size and
// time, as a save within the same clock tick keeps both. It returns what
// the file's status was when its content was found unchanged: sameStat
// then tells, cheaply, with signals held off, that it is still so just
// before the file is replaced.
func stillHolds(path string, st fs.FileInfo, orig []byte) (fs.FileInfo, error) {
	now, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !os.SameFile(st, now) || now.Size() != int64(len(orig)) {
		return nil, errChanged
	}
	cur, err := readFile(path, int64(len(orig)))
	if errors.As(err, new(*validate.TooLargeError)) {
		return nil, errChanged
	}
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(cur, orig) {
		return nil, errChanged
	}
	return now, nil
}

// sameStat reports errChanged unless the file at path is the one seen
// describes, with the same size and modification time.
func sameStat(path string, seen fs.FileInfo) error {
	now, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !os.SameFile(seen, now) || now.Size() != seen.Size() || !now.ModTime().Equal(seen.ModTime()) {
		return errChanged
	}
	return nil
}

// writeThrough writes data over the file at path in place (a file with
// hard links, st), once it is found to hold orig still (stillHolds). The bytes past the old end are written
// first: a full disk or a file-size limit fails there, and the file is cut
// back to its old length, its text untouched. The old text is then
// overwritten where it lies (its blocks are allocated already) and the
// file cut to the new length. Should that fail all the same, the old text
// is put back.
func writeThrough(path string, st fs.FileInfo, orig, data []byte) error {
	if beforeReplace != nil {
		beforeReplace(path)
	}
	seen, err := stillHolds(path, st, orig)
	if err != nil {
		return err
	}
	return holdSignals(func() error {
		if err := sameStat(path, seen); err != nil {
			return err
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		old := int64(len(orig))
		if len(data) > len(orig) {
			if _, err := f.WriteAt(data[len(orig):], old); err != nil {
				f.Truncate(old)
				f.Close()
				return err
			}
		}
		if _, err := f.WriteAt(data[:min(len(data), len(orig))], 0); err != nil {
			f.WriteAt(orig, 0)
			f.Truncate(old)
			f.Close()
			return err
		}
		if len(data) < len(orig) {
			if err := f.Truncate(int64(len(data))); err != nil {
				f.Close()
				return err
			}
		}
		return f.Close()
	})
}

// inside reports whether path lies in the folder root (both resolved).
func inside(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// refusal is a file --fix will not write: msg is the error, reason what
// the summary line says of it.
type refusal struct{ msg, reason string }

func (r refusal) Error() string { return r.msg }

// notWrittenReason is why a fixed file was not written, in a few words for
// the summary line ("2 fixes not applied (permission denied)").
func notWrittenReason(err error) string {
	var r refusal
	switch {
	case errors.As(err, &r):
		return r.reason
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return "file not written"
}
