package lsp

// Positions: LSP's zero-based {line, character} in the negotiated encoding,
// converted through the one line index of the code base, manifest.Lines
// (byte offsets <-> 1-based line and column in code points or UTF-16
// units), built with LSP's line breaks (NewLSPLines); a finding's or a
// node's line and column count YAML's, through the document's own Lines.
// This file only shifts to zero-based and handles UTF-8.

import (
	"sync"

	"github.com/manifestlint/manifestlint/manifest"
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

// lineIndex is a document's text with its manifest.Lines, as LSP counts
// lines. The lines are found on first use (lspLines): a lint reads only
// the bytes, so the server finds a new text's lines beside its lint
// (indexAside) instead of before it.
type lineIndex struct {
	text string
	src  []byte // text's bytes, which validate reads

	once  sync.Once
	lines *manifest.Lines

	yamlOnce sync.Once
	yaml     *manifest.Lines
}

func newLineIndex(text string) *lineIndex {
	return &lineIndex{text: text, src: []byte(text)}
}

// lspLines is the index of the text's lines as LSP counts them.
func (x *lineIndex) lspLines() *manifest.Lines {
	x.once.Do(func() { x.lines = manifest.NewLSPLines(x.src) })
	return x.lines
}

// indexAsideMin is the size from which a lint finds the lines of the
// text it lints on another goroutine while it runs (about 1.5 ms of a
// 1 MB text's change, on a core the lint leaves idle).
const indexAsideMin = 64 << 10

// indexAside starts finding the lines of a large text on another
// goroutine, for the diagnostics and the requests after the lint.
func (x *lineIndex) indexAside() {
	if len(x.src) >= indexAsideMin {
		go x.lspLines()
	}
}

// The methods of manifest.Lines that the server calls, on lspLines.

// Source returns the text's bytes.
func (x *lineIndex) Source() []byte { return x.src }

// Count is manifest.Lines.Count.
func (x *lineIndex) Count() int { return x.lspLines().Count() }

// Start is manifest.Lines.Start.
func (x *lineIndex) Start(n int) int { return x.lspLines().Start(n) }

// End is manifest.Lines.End.
func (x *lineIndex) End(n int) int { return x.lspLines().End(n) }

// Pos is manifest.Lines.Pos.
func (x *lineIndex) Pos(off int) manifest.Pos { return x.lspLines().Pos(off) }

// Offset is manifest.Lines.Offset.
func (x *lineIndex) Offset(p manifest.Pos) int { return x.lspLines().Offset(p) }

// UTF16 is manifest.Lines.UTF16.
func (x *lineIndex) UTF16(off int) manifest.Pos { return x.lspLines().UTF16(off) }

// OffsetUTF16 is manifest.Lines.OffsetUTF16.
func (x *lineIndex) OffsetUTF16(p manifest.Pos) int { return x.lspLines().OffsetUTF16(p) }

// yamlLines is the text's index as YAML counts lines: findings' and nodes'
// lines and columns.
func (x *lineIndex) yamlLines() *manifest.Lines {
	x.yamlOnce.Do(func() { x.yaml = manifest.NewLines(x.Source()) })
	return x.yaml
}

// shareYAMLLines makes doc's line index (built by the parse of the
// index's own bytes, which validate read) the index's YAML lines, unless
// they are built already: a lint with findings of a 1 MB manifest built
// the same index a second time to place them.
func (x *lineIndex) shareYAMLLines(doc *manifest.Document) {
	src := x.Source()
	if doc == nil || len(doc.Source) != len(src) || len(src) == 0 || &doc.Source[0] != &src[0] {
		return
	}
	x.yamlOnce.Do(func() { x.yaml = doc.Lines() })
}

// offset returns the byte offset of p, clamped to the document and to the
// end of p's line; a position inside a UTF-16 surrogate pair or a UTF-8
// sequence goes to the start of its character.
func (x *lineIndex) offset(p Position, enc encoding) int {
	switch {
	case p.Line < 0:
		return 0
	case p.Line >= x.Count():
		return len(x.text)
	}
	line := p.Line + 1
	if enc == utf8enc {
		off := min(x.Start(line)+max(p.Character, 0), x.End(line))
		return x.Offset(x.Pos(off)) // to the start of its character
	}
	return x.OffsetUTF16(manifest.Pos{Line: line, Column: max(p.Character, 0) + 1})
}

// position returns the position of byte offset off.
func (x *lineIndex) position(off int, enc encoding) Position {
	if enc == utf8enc {
		p := x.Pos(off)
		return Position{p.Line - 1, x.Offset(p) - x.Start(p.Line)}
	}
	p := x.UTF16(off)
	return Position{p.Line - 1, p.Column - 1}
}

// offsetOfLineCol returns the byte offset of a 1-based line and column in
// code points as YAML counts them (a finding's position).
func (x *lineIndex) offsetOfLineCol(line, col int) int {
	if line < 1 {
		return 0
	}
	return x.yamlLines().Offset(manifest.Pos{Line: line, Column: col})
}

// lineText returns the text of zero-based line l, without its break.
func (x *lineIndex) lineText(l int) string {
	return x.text[x.Start(l+1):x.End(l+1)]
}
