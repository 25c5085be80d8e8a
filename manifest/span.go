package manifest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Span is a range of the original source: the positions of its ends
// (1-based, columns in code points, as yaml.v3 counts them) and their byte
// offsets. A Finding and a Related place embed it.
type Span struct {
	// Line and Column are the position of Start.
	Line, Column int
	// EndLine and EndColumn are the position of End, just after the last
	// character of the range (exclusive); equal to Line and Column for an
	// empty span (a place, such as where a missing field belongs).
	EndLine, EndColumn int
	// Start and End are byte offsets into Document.Source, End exclusive.
	Start, End int
}

// spanAt is the span of the byte range [start, end) at positions from, to.
func spanAt(start, end int, from, to Pos) Span {
	return Span{Line: from.Line, Column: from.Column, EndLine: to.Line, EndColumn: to.Column, Start: start, End: end}
}

// Empty reports whether the span covers no character.
func (s Span) Empty() bool { return s.End <= s.Start }

// SpanOf is the span of the byte range [start, end) of the source.
func (l *Lines) SpanOf(start, end int) Span {
	end = max(start, end)
	return spanAt(start, end, l.Pos(start), l.Pos(end))
}

// PointSpan is the empty span at position p: for findings that point at a
// place but cover nothing (a field missing from the document).
func (d *Document) PointSpan(p Pos) Span {
	off := d.Lines().Offset(p)
	return spanAt(off, off, p, p)
}

// Span is the range of node n in the original source:
//
//   - a plain scalar, from its first character to its last (several lines
//     for a folded plain scalar); an empty value (`street2:`) is the empty
//     span after the colon;
//   - a quoted scalar, quotes included;
//   - a block scalar (`|`, `>`), from the indicator to the end of its last
//     line of text;
//   - an alias, `*name`;
//   - a flow mapping or sequence, brackets included; a block one, from its
//     first key or `-` to the end of its last value.
//
// A nil node or one without a position gives the empty span at 1:1.
func (d *Document) Span(n *yaml.Node) Span {
	l := d.Lines()
	if n == nil || n.Line == 0 {
		return d.PointSpan(Pos{1, 1})
	}
	start := l.Offset(Pos{n.Line, n.Column})
	return l.SpanOf(start, d.nodeEnd(n, start))
}

// EntrySpan is the range of a mapping entry: from the start of key k to
// the end of its value v (the key alone when v is nil).
func (d *Document) EntrySpan(k, v *yaml.Node) Span {
	ks := d.Span(k)
	if v == nil {
		return ks
	}
	vs := d.Span(v)
	return d.Lines().SpanOf(ks.Start, max(ks.End, vs.End))
}

// nodeEnd is the byte offset just after node n, which starts at start.
func (d *Document) nodeEnd(n *yaml.Node, start int) int {
	src := d.Source
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return d.nodeEnd(n.Content[0], d.Lines().Offset(Pos{n.Content[0].Line, n.Content[0].Column}))
		}
		return start
	case yaml.AliasNode:
		return min(start+1+len(n.Value), len(src))
	case yaml.MappingNode, yaml.SequenceNode:
		if n.Style&yaml.FlowStyle != 0 {
			return flowEnd(src, start)
		}
		if len(n.Content) == 0 {
			return start
		}
		last := n.Content[len(n.Content)-1]
		return max(start, d.nodeEnd(last, d.Lines().Offset(Pos{last.Line, last.Column})))
	}
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0 && start < len(src) && src[start] == '"':
		return quotedEnd(src, start, '"')
	case n.Style&yaml.SingleQuotedStyle != 0 && start < len(src) && src[start] == '\'':
		return quotedEnd(src, start, '\'')
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return d.blockEnd(start)
	}
	return d.plainEnd(n.Value, start)
}

// quotedEnd is the offset after the quote that closes the quoted scalar
// opening at start (a backslash escapes in double quotes, a doubled quote is a quote in
// single quotes), or the end of the source when none does.
func quotedEnd(src []byte, start int, q byte) int {
	for i := start + 1; i < len(src); i++ {
		switch {
		case q == '"' && src[i] == '\\':
			i++
		case src[i] == q && q == '\'' && i+1 < len(src) && src[i+1] == '\'':
			i++
		case src[i] == q:
			return i + 1
		}
	}
	return len(src)
}

// flowEnd is the offset after the bracket that closes the flow collection
// opening at start, skipping quoted scalars and comments, or the end of the
// source.
func flowEnd(src []byte, start int) int {
	depth := 0
	for i := start; i < len(src); i++ {
		switch c := src[i]; {
		case c == '"' || c == '\'':
			i = quotedEnd(src, i, c) - 1
		case c == '#' && i > 0 && (src[i-1] == ' ' || src[i-1] == '\t'):
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(src)
}

// plainEnd is the offset after the plain scalar value that starts at
// start: the value's own text when the source holds it there (every
// one-line plain scalar), else the end of its last word, searched for from
// start (a plain scalar folded over several lines, or one behind a tag).
func (d *Document) plainEnd(value string, start int) int {
	src := d.Source
	if start+len(value) <= len(src) && string(src[start:start+len(value)]) == value {
		return start + len(value)
	}
	last := value[strings.LastIndexAny(value, " \n")+1:]
	if last == "" {
		return start
	}
	if i := bytes.Index(src[start:], []byte(last)); i >= 0 {
		return start + i + len(last)
	}
	return d.Lines().End(d.Lines().Pos(start).Line)
}

// blockEnd is the offset after the block scalar whose indicator (`|`, `>`)
// is at start: the end of its last line of text that is not blank. Its
// lines are those after the indicator's that are blank or indented deeper
// than the key (or `-`) it is the value of, and at least as deep as the
// first that is not blank.
func (d *Document) blockEnd(start int) int {
	l := d.Lines()
	header := l.Pos(start).Line
	line, base := l.Line(header), l.Start(header)
	// The parent's indentation: the column of the key before the indicator,
	// past any `- ` list markers; that of the last `-` when the indicator
	// is a list entry itself.
	parent, i := 0, 0
	for {
		for i < len(line) && line[i] == ' ' {
			i++
		}
		parent = i
		if i+1 < len(line) && line[i] == '-' && (line[i+1] == ' ' || line[i+1] == '\t') && base+i+2 <= start {
			if j := i + 2 + len(line[i+2:]) - len(bytes.TrimLeft(line[i+2:], " ")); base+j == start {
				break // `- |`: the entry's `-` is the parent
			}
			i += 2
			continue
		}
		break
	}
	// The header: the indicator and its modifiers, up to a space or comment.
	end := start
	for end-base < len(line) && line[end-base] != ' ' && line[end-base] != '\t' {
		end++
	}
	indent := -1
	for n := header + 1; n <= l.Count(); n++ {
		text := l.Line(n)
		t := bytes.TrimLeft(text, " ")
		if len(bytes.TrimSpace(t)) == 0 {
			continue
		}
		in := len(text) - len(t)
		if indent < 0 {
			indent = in
		}
		if in < indent || in <= parent {
			break
		}
		end = l.Start(n) + len(bytes.TrimRight(text, " \t"))
	}
	return end
}

// TokenSpan is the span of the token at p, for a finding that has a place
// but no node (a syntax error, a second document): a key up to its colon,
// or a value up to a comment or the end of the line, without trailing
// blanks; at least one character unless p is at the end of its line.
func (d *Document) TokenSpan(p Pos) Span {
	l := d.Lines()
	start := l.Offset(p)
	line := l.Line(l.Pos(start).Line)
	tail := line[start-l.Start(l.Pos(start).Line):]
	n := 0
	for n < len(tail) {
		c := tail[n]
		if c == ':' && (n+1 == len(tail) || tail[n+1] == ' ') {
			break
		}
		if c == '#' && n > 0 && tail[n-1] == ' ' {
			break
		}
		n++
	}
	for n > 0 && (tail[n-1] == ' ' || tail[n-1] == '\t') {
		n--
	}
	if n == 0 && len(tail) > 0 {
		_, n = utf8.DecodeRune(tail)
	}
	return l.SpanOf(start, start+n)
}
