package schema

// The wording shared by the messages of schema findings.

import (
	"strings"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// place names a mapping for messages: "at the top level", "in
// returnAddress", "in operations[0]".
func place(loc location) string {
	if loc.path == "" {
		return "at the top level"
	}
	return "in " + loc.path
}

// headBudget is the length a headline aims at: 120 columns less the
// longest `error[Code]: ` and ` [rule]` around it.
const headBudget = 64

// quote shows a scalar in backticks, shortened when long.
func quote(s string) string {
	if utf8.RuneCountInString(s) > 28 {
		r := []rune(s)
		s = string(r[:25]) + "…"
	}
	return "`" + s + "`"
}

// found says what a node holds: "`none`", "empty", "a list".
func found(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		if n.Value == "" {
			return "empty"
		}
		return quote(n.Value)
	}
	return manifest.KindName(n)
}

// joinList: "a, b or c" (last is "or" or "and").
func joinList(items []string, last string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + last + " " + items[len(items)-1]
}

// lastKey is the key the value at loc sits under, or its path after a
// list index.
func lastKey(loc location) string {
	if loc.key != nil {
		return loc.key.Value
	}
	return loc.path
}

// helpText is help as a finding carries it: without the full stop that
// ends the sentences it may be made of (a schema's message is one) and with
// a lower-case first letter, as the help of every finding starts (a capital
// followed by a capital, EBS, stays; "A bucket" becomes "a bucket").
func helpText(help string) string {
	help = strings.TrimSuffix(help, ".")
	if len(help) > 1 && 'A' <= help[0] && help[0] <= 'Z' && ('a' <= help[1] && help[1] <= 'z' || help[1] == ' ') {
		help = strings.ToLower(help[:1]) + help[1:]
	}
	return help
}
