package cli

import (
	"os"
	"strconv"

	"github.com/spf13/pflag"
)

// defaultWidth is the width of help and tables when standard output is not
// a terminal and $COLUMNS is not set.
const defaultWidth = 80

// outputWidth is the number of columns the help and the codes and rules
// tables are fitted to: $COLUMNS when set, else the terminal's width when
// standard output is one, else 80. It is never under 40.
func outputWidth() int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return max(n, 40)
	}
	if n := terminalWidth(os.Stdout); n > 0 {
		return max(n, 40)
	}
	return defaultWidth
}

// wrapFlagUsages is the flags part of --help, each flag's text wrapped
// under its column to fit outputWidth.
func wrapFlagUsages(fl *pflag.FlagSet) string {
	return fl.FlagUsagesWrapped(outputWidth() - 1)
}
