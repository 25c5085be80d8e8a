package cli

import (
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

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

// wrapLines wraps each line of text longer than width at spaces, the
// continuation lines indented as the line is; a word longer than the
// width stays whole.
func wrapLines(text string, width int) string {
	var b strings.Builder
	lines := strings.SplitAfter(text, "\n")
	for _, line := range lines {
		body := strings.TrimSuffix(line, "\n")
		nl := len(body) < len(line)
		indent := body[:len(body)-len(strings.TrimLeft(body, " "))]
		col := 0
		for i, word := range strings.Split(strings.TrimLeft(body, " "), " ") {
			n := utf8.RuneCountInString(word)
			switch {
			case i == 0:
				b.WriteString(indent)
				col = len(indent)
			case col+1+n > width:
				b.WriteString("\n" + indent)
				col = len(indent)
			default:
				b.WriteByte(' ')
				col++
			}
			b.WriteString(word)
			col += n
		}
		if nl {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
