package report

import (
	"bufio"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlHeader is the declaration every XML document starts with.
const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// xmlOut writes an XML document indented by two spaces, byte for byte as
// encoding/xml's Encoder with Indent("", "  ") writes the same structs
// (their xml tags say how; TestXMLWriterIsEncodingXML compares the two on
// hostile text). The two documents are small and fixed in shape, and
// encoding/xml's package initialization (its HTML entity tables) cost every
// run, a one-file one included, about half a millisecond.
//
// An element with text or nothing in it closes on its line (`<Type>Sender</Type>`,
// `<File ...></File>`: never self-closed), one with elements in it on a line
// of its own. Every text and attribute value is escaped (xmlEscape).
type xmlOut struct {
	w          *bufio.Writer
	depth      int
	indentedIn bool // the last thing written is a start tag
	putNewline bool // a line has been written
}

func newXMLOut(w io.Writer) *xmlOut {
	x := &xmlOut{w: bufio.NewWriter(w)}
	x.w.WriteString(xmlHeader)
	return x
}

// indent starts a line for a start (delta 1) or end (delta -1) tag,
// as encoding/xml's printer.writeIndent does.
func (x *xmlOut) indent(delta int) {
	if delta < 0 {
		x.depth--
		if x.indentedIn {
			x.indentedIn = false
			return
		}
	}
	if x.putNewline {
		x.w.WriteByte('\n')
	} else {
		x.putNewline = true
	}
	for range x.depth {
		x.w.WriteString("  ")
	}
	if delta > 0 {
		x.depth++
		x.indentedIn = true
	}
}

// open writes `<name` on a new line: attributes and close follow.
func (x *xmlOut) open(name string) {
	x.indent(1)
	x.w.WriteByte('<')
	x.w.WriteString(name)
}

// attr writes ` name="value"`, the value escaped.
func (x *xmlOut) attr(name, value string) {
	x.w.WriteByte(' ')
	x.w.WriteString(name)
	x.w.WriteString(`="`)
	x.escape(value)
	x.w.WriteByte('"')
}

// attrInt writes ` name="n"`.
func (x *xmlOut) attrInt(name string, n int) {
	var b [20]byte
	x.attr(name, string(strconv.AppendInt(b[:0], int64(n), 10)))
}

// close ends a start tag.
func (x *xmlOut) close() { x.w.WriteByte('>') }

// text writes character data, escaped.
func (x *xmlOut) text(s string) { x.escape(s) }

// end writes `</name>`.
func (x *xmlOut) end(name string) {
	x.indent(-1)
	x.w.WriteString("</")
	x.w.WriteString(name)
	x.w.WriteByte('>')
}

// elem writes `<name>text</name>`.
func (x *xmlOut) elem(name, text string) {
	x.open(name)
	x.close()
	x.text(text)
	x.end(name)
}

// finish writes the final newline and flushes.
func (x *xmlOut) finish() error {
	x.w.WriteByte('\n')
	return x.w.Flush()
}

// escape writes s as encoding/xml escapes text and attribute values: the
// five markup characters, tab and both line ends as character references
// (so a value keeps its line breaks and cannot end an attribute or open an
// element), and what XML cannot hold (control characters, invalid UTF-8,
// U+FFFE, U+FFFF) as U+FFFD.
func (x *xmlOut) escape(s string) {
	last := 0
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRuneInString(s[i:])
		i += width
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !xmlChar(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
				break
			}
			continue
		}
		x.w.WriteString(s[last : i-width])
		x.w.WriteString(esc)
		last = i
	}
	x.w.WriteString(s[last:])
}

// xmlChar reports whether r is a character XML 1.0 can hold.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
