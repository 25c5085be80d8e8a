package manifest

import (
	"bytes"
	"iter"
	"sort"
	"strings"
	"unicode/utf8"
)

// BOM is the UTF-8 byte order mark. yaml.v3 skips it and counts columns
// after it; so does Lines.
var BOM = []byte{0xEF, 0xBB, 0xBF}

// Lines is the line index of a source, the one place that knows where its
// lines start. NewLines counts lines and columns as yaml.v3 does, so that a
// yaml.Node's Line and Column name the same character (NewLSPLines and
// NewLFLines end lines at fewer breaks):
//
//   - a line ends at CR LF, a lone CR, LF, NEL (U+0085), LS (U+2028) or
//     PS (U+2029);
//   - columns count code points (a tab is one column), 1-based;
//   - a byte order mark at the start is not part of line 1.
//
// It converts between byte offsets, line/column positions and the UTF-16
// units editors count (the Language Server Protocol's default). Build it
// once per source (Document.Lines); its methods but Split do not allocate.
type Lines struct {
	src    []byte
	starts []int // byte offset of the first byte of each line
}

// NewLines indexes src.
func NewLines(src []byte) *Lines {
	l := newLines(src)
	return &l
}

func newLines(src []byte) Lines { return index(src, yamlBreaks) }

// NewLSPLines indexes src as the Language Server Protocol counts lines,
// for the language server: a line ends only at LF, CR LF or a lone CR, not
// at NEL, LS or PS (which YAML, and NewLines, also count), and a byte order
// mark is a character of line 1, as an editor that keeps it has it. Every
// method of Lines works on it the same way; only the line numbers differ,
// and only in a source holding those characters.
func NewLSPLines(src []byte) *Lines {
	l := index(src, lspBreaks)
	return &l
}

// NewLFLines indexes src as git and diff count lines: a line ends only at
// LF (CR LF is one break; a lone CR, NEL, LS and PS are characters of their
// line), and a byte order mark is a character of line 1.
func NewLFLines(src []byte) *Lines {
	l := index(src, lfBreaks)
	return &l
}

// yamlLines yields the lines of src as NewLines(src).Line gives them,
// numbered from 1, without building the index: for a caller that may stop
// at the first lines (Detect, which most often stops at line 1).
func yamlLines(src []byte) iter.Seq2[int, []byte] {
	return func(yield func(int, []byte) bool) {
		start := 0
		if bytes.HasPrefix(src, BOM) {
			start = len(BOM)
		}
		n := 1
		for i := start; i < len(src); i++ {
			brk := 0 // the length of the line break at i
			switch src[i] {
			case '\n':
				brk = 1
			case '\r':
				brk = 1
				if i+1 < len(src) && src[i+1] == '\n' {
					brk = 2
				}
			case 0xC2:
				if i+1 < len(src) && src[i+1] == 0x85 { // NEL
					brk = 2
				}
			case 0xE2:
				if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9) { // LS, PS
					brk = 3
				}
			}
			if brk == 0 {
				continue
			}
			if !yield(n, src[start:i]) {
				return
			}
			n++
			i += brk - 1
			start = i + 1
		}
		yield(n, src[start:])
	}
}

// breaks is the set of line breaks an index ends lines at.
type breaks int

const (
	lfBreaks   breaks = iota // LF (after a CR or not)
	lspBreaks                // LF, CR LF, a lone CR
	yamlBreaks               // those, NEL, LS and PS; a byte order mark is skipped
)

func index(src []byte, set breaks) Lines {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+2)
	if set == yamlBreaks && bytes.HasPrefix(src, BOM) {
		starts[0] = len(BOM)
	}
	if onlyLF(src[starts[0]:], set) {
		// The common case, found by a few fast scans: the lines end at
		// LF alone, which IndexByte finds.
		for i := starts[0]; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i)
		}
		return Lines{src: src, starts: starts}
	}
	for i := starts[0]; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if set == lfBreaks {
				continue
			}
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		case 0xC2:
			if set == yamlBreaks && i+1 < len(src) && src[i+1] == 0x85 { // NEL
				i++
				starts = append(starts, i+1)
			}
		case 0xE2:
			if set == yamlBreaks && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9) { // LS, PS
				i += 2
				starts = append(starts, i+1)
			}
		}
	}
	return Lines{src: src, starts: starts}
}

// onlyLF reports whether LF is the only line break of set in src: src
// holds no CR, and for YAML's breaks no lead byte of NEL, LS or PS.
func onlyLF(src []byte, set breaks) bool {
	switch set {
	case lfBreaks:
		return true
	case yamlBreaks:
		if bytes.IndexByte(src, 0xC2) >= 0 || bytes.IndexByte(src, 0xE2) >= 0 {
			return false
		}
	}
	return bytes.IndexByte(src, '\r') < 0
}

// Source returns the indexed source, byte for byte.
func (l *Lines) Source() []byte { return l.src }

// Count is the number of lines: one more than the number of line breaks.
func (l *Lines) Count() int { return len(l.starts) }

// Start is the byte offset of the first byte of line n (after a byte order
// mark on line 1). n is clamped to [1, Count].
func (l *Lines) Start(n int) int {
	n = min(max(n, 1), len(l.starts))
	return l.starts[n-1]
}

// End is the byte offset of the end of line n's text: its line break, or
// the end of the source for the last line. n is clamped to [1, Count].
func (l *Lines) End(n int) int {
	if n >= len(l.starts) {
		return len(l.src)
	}
	next := l.Next(n)
	return next - breakLen(l.src[:next])
}

// Next is the byte offset just after line n's line break: the start of
// line n+1, or the end of the source for the last line. n is clamped to
// [1, Count].
func (l *Lines) Next(n int) int {
	n = min(max(n, 1), len(l.starts))
	if n == len(l.starts) {
		return len(l.src)
	}
	return l.starts[n]
}

// breakLen is the length of the line break that ends b.
func breakLen(b []byte) int {
	switch {
	case bytes.HasSuffix(b, []byte("\r\n")):
		return 2
	case bytes.HasSuffix(b, []byte("\n")), bytes.HasSuffix(b, []byte("\r")):
		return 1
	case bytes.HasSuffix(b, []byte("\u0085")):
		return 2
	case bytes.HasSuffix(b, []byte("\u2028")), bytes.HasSuffix(b, []byte("\u2029")):
		return 3
	}
	return 0
}

// Line returns the text of line n (1-based) without its line break, or nil
// when n is out of range.
func (l *Lines) Line(n int) []byte {
	if n < 1 || n > len(l.starts) {
		return nil
	}
	return l.src[l.Start(n):l.End(n)]
}

// Split cuts the source after each line break: the lines with their
// breaks, in order, which concatenate to the source (a byte order mark is
// in the first). A last line that is empty is left out, so that an empty
// source has none and one ending in a break has no empty last line.
func (l *Lines) Split() [][]byte {
	out := make([][]byte, 0, len(l.starts))
	at := 0
	for _, next := range l.starts[1:] {
		out = append(out, l.src[at:next])
		at = next
	}
	if at < len(l.src) {
		out = append(out, l.src[at:])
	}
	return out
}

// lineOf is the 1-based line holding byte offset off (clamped to the
// source).
func (l *Lines) lineOf(off int) int {
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
}

// clampOffset keeps off inside the text of its line: an offset in the byte
// order mark moves to the start of line 1, one inside a line break or past
// the end of the source to the end of its line's text, one inside a UTF-8
// sequence to the start of that character.
func (l *Lines) clampOffset(off int) (line, at int) {
	off = min(max(off, 0), len(l.src))
	line = max(l.lineOf(off), 1)
	start, end := l.Start(line), l.End(line)
	at = min(max(off, start), end)
	if at < end && !utf8.RuneStart(l.src[at]) {
		for b := at - 1; b >= max(start, at-3); b-- {
			if utf8.RuneStart(l.src[b]) {
				if _, size := utf8.DecodeRune(l.src[b:end]); b+size > at {
					at = b
				}
				break
			}
		}
	}
	return line, at
}

// Pos is the line and column (in code points, both 1-based) of byte offset
// off. Offsets outside the text of a line are clamped as described on
// clampOffset; the offset of a line break is the column after the line's
// last character.
func (l *Lines) Pos(off int) Pos {
	line, at := l.clampOffset(off)
	return Pos{line, utf8.RuneCount(l.src[l.Start(line):at]) + 1}
}

// Offset is the byte offset of position p (column in code points). A line
// outside the source is clamped to the first or last line, a column past
// the end of its line to the line's end, a column below 1 to 1.
func (l *Lines) Offset(p Pos) int {
	if p.Line > len(l.starts) {
		return len(l.src)
	}
	start, end := l.Start(p.Line), l.End(p.Line)
	at := start
	for col := 1; col < p.Column && at < end; col++ {
		_, size := utf8.DecodeRune(l.src[at:end])
		at += size
	}
	return at
}

// UTF16 is the position of byte offset off with the column counted in
// UTF-16 code units (1-based): a character outside the Basic Multilingual
// Plane counts two. An LSP Position is {Line-1, Column-1}.
func (l *Lines) UTF16(off int) Pos {
	line, at := l.clampOffset(off)
	return Pos{line, UTF16Len(l.src[l.Start(line):at]) + 1}
}

// UTF16Len is the number of UTF-16 code units of b read as UTF-8 (what a
// browser's textarea and JavaScript count): two for a character outside
// the Basic Multilingual Plane, one for any other, and one for each byte
// that is not UTF-8.
func UTF16Len(b []byte) int {
	n := 0
	for _, r := range string(b) {
		n += utf16Len(r)
	}
	return n
}

// OffsetUTF16 is the byte offset of position p whose column counts UTF-16
// code units (1-based), clamped as Offset clamps. A column that falls
// between the two units of a surrogate pair gives the character's start.
func (l *Lines) OffsetUTF16(p Pos) int {
	if p.Line > len(l.starts) {
		return len(l.src)
	}
	start, end := l.Start(p.Line), l.End(p.Line)
	at := start
	for col := 1; at < end; {
		r, size := utf8.DecodeRune(l.src[at:end])
		col += utf16Len(r)
		if col > p.Column {
			break
		}
		at += size
	}
	return at
}

// utf16Len is the number of UTF-16 code units of r.
func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}

// LineEnd is the line break to write new lines of src with: that of its
// first CR LF, lone CR or LF (LF when it has none). NEL, LS and PS are
// never chosen: YAML reads them, editors do not write them.
func LineEnd(src []byte) string {
	i := bytes.IndexAny(src, "\r\n")
	switch {
	case i < 0 || src[i] == '\n':
		return "\n"
	case i+1 < len(src) && src[i+1] == '\n':
		return "\r\n"
	}
	return "\r"
}

// WithLineEnd rewrites every line break of s (CR LF, CR or LF) as eol.
func WithLineEnd(s, eol string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if eol != "\n" {
		s = strings.ReplaceAll(s, "\n", eol)
	}
	return s
}
