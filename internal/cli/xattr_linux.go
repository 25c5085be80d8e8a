//go:build linux

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"syscall"

	"github.com/manifestlint/manifestlint/internal/escape"
)

// keepXattrs copies the extended attributes of the file from to the file
// to (user.* attributes, POSIX ACLs as system.posix_acl_access, SELinux
// labels), so that the fixed file keeps them. An attribute that cannot be
// set on the new file refuses the fix, rather than lose it.
func keepXattrs(from, to string) error {
	names, err := xattrNames(from)
	if err != nil {
		if errors.Is(err, syscall.ENOTSUP) {
			return nil // the file system has none
		}
		return err
	}
	for _, n := range names {
		v, err := xattr(from, n)
		if errors.Is(err, syscall.ENODATA) {
			continue // removed meanwhile
		}
		if err != nil {
			return err
		}
		if cur, err := xattr(to, n); err == nil && bytes.Equal(cur, v) {
			continue // the new file has it already (a label, a default ACL)
		}
		if err := syscall.Setxattr(to, n, v, 0); err != nil {
			return refusal{fmt.Sprintf("has the extended attribute %s, which cannot be kept (%v): not fixed", escape.Line(n), err), "extended attribute cannot be kept"}
		}
	}
	return nil
}

// xattrNames lists the extended attributes of a file.
func xattrNames(path string) ([]string, error) {
	for {
		n, err := syscall.Listxattr(path, nil)
		if err != nil || n == 0 {
			return nil, err
		}
		buf := make([]byte, n)
		n, err = syscall.Listxattr(path, buf)
		if errors.Is(err, syscall.ERANGE) {
			continue // grew meanwhile
		}
		if err != nil {
			return nil, err
		}
		var names []string
		for _, b := range bytes.Split(buf[:n], []byte{0}) {
			if len(b) > 0 {
				names = append(names, string(b))
			}
		}
		return names, nil
	}
}

// xattr reads one extended attribute.
func xattr(path, name string) ([]byte, error) {
	for {
		n, err := syscall.Getxattr(path, name, nil)
		if err != nil || n == 0 {
			return []byte{}, err
		}
		buf := make([]byte, n)
		n, err = syscall.Getxattr(path, name, buf)
		if errors.Is(err, syscall.ERANGE) {
			continue
		}
		return buf[:max(n, 0)], err
	}
}
