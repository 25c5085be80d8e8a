// Package suppress reads and applies manifestlint's inline suppression comments from
// the raw source of a manifest:
//
//	# manifestlint-ignore: CODE-or-RULE[, CODE-or-RULE ...] -- reason
//	# manifestlint-ignore-file: CODE-or-RULE[, ...] -- reason
//
// A `manifestlint-ignore` comment at the end of a line applies to that
// line; on a line of its own it applies to the next line that is neither
// blank nor only a comment. A `manifestlint-ignore-file` comment applies to
// the whole file, and only in the leading comment block: the comment and
// blank lines before the first line of content (a key, or `---`); placed
// anywhere else it is reported as silencing nothing.
//
// The source is scanned line by line rather than read from yaml.Node
// comments, because yaml.v3 attaches a head comment to a node only when no
// blank line separates them. A `#` is a comment only where YAML says so: at
// the start of a line or after a space or tab, and outside a quoted value
// (`name: "Unit #4"` holds no comment). ScanDocument also knows, from the
// parsed tree, the block and quoted scalars that span lines, in which a `#`
// is content; without a tree, quoted values are assumed to end on the line
// they start on, as manifest values do.
//
// Names are separated by commas or spaces; the reason is whatever follows
// `--`. ScanDocument reads the directives; Apply applies them to findings and reports
// the suppressions that need attention (its two rules, Rules).
package suppress

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// Marker is the text every suppression comment starts with.
const Marker = "manifestlint-ignore"

// Name is one rule id or code listed in a directive.
type Name struct {
	// Text is the name as written.
	Text string
	// Column is the 1-based column (in characters) of the name.
	Column int
}

// Directive is one suppression comment.
type Directive struct {
	// File is true for manifestlint-ignore-file.
	File bool
	// Line and Column are the 1-based position of the comment's `#`.
	Line, Column int
	// Target is the line a line directive applies to; 0 when no line
	// follows it (it then applies to nothing).
	Target int
	// Names are the rule ids and codes it silences.
	Names []Name
	// Reason is the text after `--`, trimmed; "" when missing.
	Reason string
	// Misplaced is true for a file directive outside the leading comment
	// block: it applies to nothing.
	Misplaced bool
	// Malformed says why the comment starts with the marker but is not a
	// directive (no colon, an unknown form such as -next-line, no names);
	// "" for a well-formed one. A malformed directive applies to nothing.
	Malformed string
	// Text is the comment as written, from `#`.
	Text string
}

var markerBytes = []byte(Marker)

// ScanDocument reads the directives of a parsed document, whose tree says where
// its scalars span several lines: inside a block (`|`, `>`) or quoted
// scalar a `#` is content, not a comment, even at the start of a line, so
// suppression-like text there is no directive (and no unused-suppression
// warning). A plain scalar cannot hold a comment-like `#`: YAML ends it
// there. Without a tree (a file that could not be parsed) it reads every `#` comment.
func ScanDocument(doc *manifest.Document) []Directive {
	l := doc.Lines()
	if !bytes.Contains(l.Source(), markerBytes) {
		return nil
	}
	return scan(l, scalarContent(doc))
}

// scalarContent returns the sorted byte ranges that hold the text of
// block and quoted scalars spanning several lines: a block scalar's lines
// after its indicator (a comment after `|` is a comment), a quoted
// scalar's from quote to quote.
func scalarContent(doc *manifest.Document) [][2]int {
	if doc.Root == nil {
		return nil
	}
	var out [][2]int
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			if s := doc.Span(n); s.EndLine > s.Line {
				start := s.Start
				if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
					start = doc.Lines().Start(s.Line + 1)
				}
				out = append(out, [2]int{start, s.End})
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(doc.Root)
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

// scan reads the directives of l, skipping a `#` at an offset inside one
// of the sorted content ranges.
func scan(l *manifest.Lines, content [][2]int) []Directive {
	inContent := func(off int) bool {
		for len(content) > 0 && content[0][1] <= off {
			content = content[1:] // offsets only grow: drop the ranges passed
		}
		return len(content) > 0 && content[0][0] <= off
	}
	var out []Directive
	var pending []int // own-line line directives waiting for their target
	leading := true
	for lineNo := 1; lineNo <= l.Count(); lineNo++ {
		text := string(l.Line(lineNo))
		trimmed := strings.TrimLeft(text, " \t")
		if trimmed == "" {
			continue
		}
		ownLine := trimmed[0] == '#' && !inContent(l.Start(lineNo)+len(text)-len(trimmed))
		if !ownLine {
			leading = false
			for _, p := range pending {
				out[p].Target = lineNo
			}
			pending = pending[:0]
		}
		at := commentStart(text)
		if at < 0 || inContent(l.Start(lineNo)+at) {
			continue
		}
		d, ok := parse(text[at:])
		if !ok {
			continue
		}
		d.Line, d.Column = lineNo, utf8.RuneCountInString(text[:at])+1
		for i := range d.Names {
			d.Names[i].Column += d.Column - 1
		}
		switch {
		case d.File:
			d.Misplaced = !leading
		case ownLine:
			pending = append(pending, len(out))
		default:
			d.Target = lineNo
		}
		out = append(out, d)
	}
	return out
}

// commentStart returns the byte index of the `#` that starts a comment on
// line, or -1. A `#` starts a comment at the start of the line or after a
// space or tab, outside a quoted scalar. A quote opens a quoted scalar only
// where a value can start: at the start of the line's content, or after
// `:`, `[`, `{` or `,` (spaces between allowed), or after `- ` or `? `; an
// apostrophe inside a plain value (`O'Brien`) is text.
func commentStart(line string) int {
	var quote byte
	prev := byte(0) // the last non-space byte outside quotes; 0 at line start
	spaced := false // whether a space or tab came after prev
	for i := 0; i < len(line); i++ {
		c := line[i]
		if quote != 0 {
			switch {
			case quote == '"' && c == '\\':
				i++
			case c == quote && quote == '\'' && i+1 < len(line) && line[i+1] == '\'':
				i++
			case c == quote:
				quote = 0
				prev, spaced = c, false
			}
			continue
		}
		switch c {
		case ' ', '\t':
			spaced = true
			continue
		case '#':
			if i == 0 || spaced {
				return i
			}
		case '\'', '"':
			switch prev {
			case 0, ':', '[', '{', ',':
				quote = c
				continue
			case '-', '?':
				if spaced {
					quote = c
					continue
				}
			}
		}
		prev, spaced = c, false
	}
	return -1
}

// parse reads one comment, starting at its `#`; ok is false when it is not
// a suppression at all (a word that merely starts with the marker).
func parse(comment string) (d Directive, ok bool) {
	d.Text = comment
	body := strings.TrimLeft(comment[1:], " \t")
	if !strings.HasPrefix(body, Marker) {
		return d, false
	}
	form := Marker
	if strings.HasPrefix(body[len(form):], "-file") && !strings.HasPrefix(body[len(form)+5:], "-") {
		d.File = true
		form += "-file"
	}
	rest := body[len(form):]
	after := strings.TrimLeft(rest, " \t")
	switch {
	case strings.HasPrefix(after, ":"):
	case rest != "" && rest[0] == '-':
		d.Malformed = "`" + Marker + strings.Fields(rest)[0] + "` is not a suppression form: write `# manifestlint-ignore: NAME -- reason` (this line, or the next when on a line of its own) or `# manifestlint-ignore-file: NAME -- reason` (the whole file)"
		return d, true
	case rest == "" || rest[0] == ' ' || rest[0] == '\t':
		d.Malformed = "the comment has no `:` after `" + form + "`: write `# " + form + ": NAME[, NAME] -- reason`"
		return d, true
	default:
		return d, false
	}
	list := after[1:]
	base := len(comment) - len(list) // byte offset of list in comment
	if i := strings.Index(list, "--"); i >= 0 {
		d.Reason = strings.TrimSpace(list[i+2:])
		list = list[:i]
	}
	for i := 0; i < len(list); {
		for i < len(list) && (list[i] == ' ' || list[i] == '\t' || list[i] == ',') {
			i++
		}
		j := i
		for j < len(list) && list[j] != ' ' && list[j] != '\t' && list[j] != ',' {
			j++
		}
		if j > i {
			col := utf8.RuneCountInString(comment[:base+i]) + 1
			d.Names = append(d.Names, Name{Text: list[i:j], Column: col})
		}
		i = j
	}
	if len(d.Names) == 0 {
		d.Malformed = "the comment names no rule id or code: write `# " + form + ": NAME[, NAME] -- reason`"
	}
	return d, true
}
