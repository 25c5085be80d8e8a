package explain

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"
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
				bw.WriteString(wrapIndented("  "+label+c, width, "    "))
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
		bw.WriteString(strings.TrimRight(wrapIndented(b.String()+r[n-1], width, strings.Repeat(" ", lead)), " "))
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
		w := wrapIndented(body, width, body[:len(body)-len(strings.TrimLeft(body, " "))])
		if len(body) == len(line) { // the last line, without a line break
			w = strings.TrimSuffix(w, "\n")
		}
		b.WriteString(w)
	}
	return b.String()
}

// wrapIndented wraps one line of text at spaces to width columns (0: no
// limit), its further lines starting with indent, and ends it with a line
// break; a word longer than a line stays whole.
func wrapIndented(text string, width int, indent string) string {
	if width <= 0 || utf8.RuneCountInString(text) <= width {
		return text + "\n"
	}
	var b strings.Builder
	col := 0
	start := true // at the start of a line: no space before the word
	for _, word := range strings.Split(text, " ") {
		n := utf8.RuneCountInString(word)
		if !start && col+1+n > width {
			b.WriteString("\n" + indent)
			col = len(indent)
			start = true
		}
		if !start {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
		start = false
	}
	b.WriteByte('\n')
	return b.String()
}
