package cli

// This file writes a fixed manifest back in place (--fix).

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// writeInPlace replaces the file at path with data atomically: a temporary
// file in the same folder, given the file's mode, then renamed over it, so
// that a reader sees the old text or the new one, never half of each. As
// gofmt -w and ruff do, it does not fsync: that would flush every dirty
// page of the file system, and cost a --fix of a large tree seconds. A symbolic link is written through (the link
// stays a link) only when its target lies inside root, the tree the file
// was found in; a link out of the tree is refused with an error, never
// followed silently. A file the user may not write (a 0444 file) is
// refused with a permission error, as gofmt -w and ruff do, although the
// rename would only need the folder to be writable.
func writeInPlace(path, root string, data []byte) error {
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
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".manifestlint-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(st.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return err
	}
	if err := os.Rename(name, target); err != nil {
		os.Remove(name)
		return err
	}
	return nil
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
