package manifest

import "bytes"

// NewLSPLines indexes src as the Language Server Protocol counts lines,
// for the language server: a line ends only at LF, CR LF or a lone CR, not
// at NEL, LS or PS (which YAML, and NewLines, also count), and a byte order
// mark is a character of line 1, as an editor that keeps it has it. Every
// method of Lines works on it the same way; only the line numbers differ,
// and only in a source holding those characters.
func NewLSPLines(src []byte) *Lines {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+2)
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &Lines{src: src, starts: starts}
}
