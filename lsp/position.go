package lsp

// TEMPORARY: a line index for LSP positions, until manifest's shared one
// lands on main (then this file goes).

import (
	"sort"
	"unicode/utf8"
)

// encoding is the negotiated position encoding.
type encoding int

const (
	utf16 encoding = iota
	utf8enc
)

func (e encoding) String() string {
	if e == utf8enc {
		return "utf-8"
	}
	return "utf-16"
}

// lineIndex maps byte offsets of a text to LSP positions and back. LSP
// lines end at LF, CR LF or a lone CR.
type lineIndex struct {
	text   string
	starts []int
}

func newLineIndex(text string) *lineIndex {
	starts := make([]int, 1, 64)
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{text: text, starts: starts}
}

// lineEnd is the offset of the end of line l's content (before its break).
func (x *lineIndex) lineEnd(l int) int {
	if l+1 >= len(x.starts) {
		return len(x.text)
	}
	end := x.starts[l+1] - 1
	if end > x.starts[l] && x.text[end] == '\n' && x.text[end-1] == '\r' {
		end--
	}
	return end
}

// offset returns the byte offset of p, clamped to the document and to the
// end of p's line; a position inside a UTF-16 surrogate pair or a UTF-8
// sequence goes to the start of its character.
func (x *lineIndex) offset(p Position, enc encoding) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(x.starts) {
		return len(x.text)
	}
	start, end := x.starts[p.Line], x.lineEnd(p.Line)
	if enc == utf8enc {
		off := start + max(p.Character, 0)
		if off > end {
			return end
		}
		for off > start && !utf8.RuneStart(x.text[off]) {
			off--
		}
		return off
	}
	units := 0
	for off := start; off < end; {
		r, size := utf8.DecodeRuneInString(x.text[off:])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > p.Character {
			return off
		}
		units += w
		off += size
	}
	return end
}

// position returns the position of byte offset off.
func (x *lineIndex) position(off int, enc encoding) Position {
	off = min(max(off, 0), len(x.text))
	l := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	start := x.starts[l]
	if end := x.lineEnd(l); off > end {
		off = end
	}
	if enc == utf8enc {
		return Position{l, off - start}
	}
	units := 0
	for _, r := range x.text[start:off] {
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
	}
	return Position{l, units}
}

// offsetOfLineCol returns the byte offset of a 1-based line and 1-based
// column in code points (a finding's position).
func (x *lineIndex) offsetOfLineCol(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(x.starts) {
		return len(x.text)
	}
	off, end := x.starts[line-1], x.lineEnd(line-1)
	for c := 1; c < col && off < end; c++ {
		_, size := utf8.DecodeRuneInString(x.text[off:])
		off += size
	}
	return off
}
