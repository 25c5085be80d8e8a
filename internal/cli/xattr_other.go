//go:build !linux

package cli

// keepXattrs does nothing on this system: extended attributes are kept on
// Linux only.
func keepXattrs(from, to string) error { return nil }
