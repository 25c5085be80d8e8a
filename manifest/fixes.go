package manifest

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ReplaceFix is a fix of one edit: the bytes [start, end) become text.
func ReplaceFix(title string, app Applicability, start, end int, text string) *Fix {
	return &Fix{Title: title, Applicability: app, Edits: []Edit{{Start: start, End: end, New: text}}}
}

// WithFix returns f carrying fix (nil leaves it without one).
func (f Finding) WithFix(fix *Fix) Finding {
	f.Fix = fix
	return f
}

// WithHelp returns f with help as its Help: how to fix what the headline
// (Message) says is wrong.
func (f Finding) WithHelp(help string) Finding {
	f.Help = help
	return f
}

// ScalarAs renders s as YAML scalar text in the style of the node it
// replaces: in single or double quotes when n was so quoted, else plain
// when plain text reads back as s, else double-quoted. A nil n is plain.
func ScalarAs(n *yaml.Node, s string) string {
	style := yaml.Style(0)
	if n != nil {
		style = n.Style
	}
	switch {
	case style&yaml.SingleQuotedStyle != 0 && !strings.ContainsAny(s, "\r\n"):
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	case style&yaml.DoubleQuotedStyle != 0:
		return strconv.Quote(s)
	case PlainSafe(s):
		return s
	}
	return strconv.Quote(s)
}

// PlainSafe reports whether s written as a plain (unquoted) scalar, as a
// value after `key: ` or as a key before `:`, reads back as exactly s.
func PlainSafe(s string) bool {
	if s == "" || s != strings.TrimSpace(s) {
		return false
	}
	if strings.ContainsAny(s, "\r\n\t\"'{}[],") || strings.ContainsAny(s[:1], "#&*!|>%@`") ||
		strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7F || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xFEFF {
			return false
		}
	}
	switch s[0] {
	case '-', '?', ':':
		if len(s) == 1 || s[1] == ' ' {
			return false
		}
	}
	if strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") {
		return false
	}
	if simplePlain(s) {
		return true
	}
	// Confirm with the parser, as a value and as a key.
	for _, doc := range []string{"k: " + s + "\n", s + ": v\n"} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte(doc), &n); err != nil || len(n.Content) != 1 {
			return false
		}
		m := n.Content[0]
		if m.Kind != yaml.MappingNode || len(m.Content) != 2 {
			return false
		}
		got := m.Content[1]
		if doc[0] != 'k' {
			got = m.Content[0]
		}
		if got.Kind != yaml.ScalarNode || got.Value != s || got.Style != 0 {
			return false
		}
	}
	return true
}

// simplePlain reports text that is plain YAML for certain without asking
// the parser: a letter or digit first, then letters, digits, spaces and
// `-_./@;+`, with no `: ` or ` #` (already ruled out by the caller) and
// not a word YAML reads otherwise (null, ~): the keys, codes, addresses and
// postal codes fixes write. A fix is made for each finding, even when no
// fix is applied, so this keeps lint runs from parsing YAML per finding.
func simplePlain(s string) bool {
	c := s[0]
	if !('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9') {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || strings.IndexByte(" -_./@;+", c) >= 0) {
			return false
		}
	}
	switch strings.ToLower(s) {
	case "null", "~":
		return false
	}
	return true
}
