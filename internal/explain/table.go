package explain

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/internal/escape"
)

// minLastColumn is the narrowest the last column of a table may be before
// WriteTable gives up on columns and writes one paragraph per row.
const minLastColumn = 30

// WriteTable writes rows under header, columns two spaces apart, fitted
// to width columns (0: no limit): the last column's long cells wrap under
// that column. When the other columns leave it fewer than 30 columns, each
// row is a paragraph instead: its first cell, then each other non-empty
// cell on a line of its own, indented, named by its header in lower case
// and wrapped, and a blank line between rows.
func WriteTable(w io.Writer, width int, header []string, rows [][]string) error {
	bw := bufio.NewWriter(w)
	n := len(header)
	widths := make([]int, n)
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r[:n-1] {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	lead := 0 // the columns before the last
	for _, x := range widths[:n-1] {
		lead += x + 2
	}
	last := width - lead
	if width <= 0 {
		last = 1 << 30
	}
	if last < minLastColumn {
		for i, r := range rows {
			if i > 0 {
				bw.WriteByte('\n')
			}
			bw.WriteString(r[0] + "\n")
			for j, c := range r[1:] {
				if c == "" {
					continue
				}
				label := strings.ToLower(header[j+1]) + ": "
				bw.WriteString(escape.Wrap("  "+label+c, width, "    "))
			}
		}
		return bw.Flush()
	}
	for _, r := range append([][]string{header}, rows...) {
		var b strings.Builder
		for i, c := range r[:n-1] {
			b.WriteString(c)
			b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+2))
		}
		bw.WriteString(strings.TrimRight(escape.Wrap(b.String()+r[n-1], width, strings.Repeat(" ", lead)), " "))
	}
	return bw.Flush()
}

// WrapLines wraps each line of text longer than width at spaces, the
// continuation lines indented as the line is; a word longer than the
// width stays whole. It is what --help prints through.
func WrapLines(text string, width int) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimSuffix(line, "\n")
		w := escape.Wrap(body, width, body[:len(body)-len(strings.TrimLeft(body, " "))])
		if len(body) == len(line) { // the last line, without a line break
			w = strings.TrimSuffix(w, "\n")
		}
		b.WriteString(w)
	}
	return b.String()
}
