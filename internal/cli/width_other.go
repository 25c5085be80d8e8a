//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package cli

import "os"

// terminalWidth is 0 here: the width is $COLUMNS, or 80.
func terminalWidth(*os.File) int { return 0 }
