package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// RulePlaceholderValue is the id of the placeholder rule.
const RulePlaceholderValue = "placeholder-value"

// placeholderValueRule names values that are template placeholders left in
// a manifest: the service accepts them as text (a bucket named `<bucket>`
// fails later), so the rule is a warning.
//
// What it names (a value of any field, quoted or not): template markers,
// `[Your name]` (AWS's guide templates, quoted), `<bucket-name>`,
// `${BUCKET}`, `{{ bucket }}`, `@BUCKET@`, `***BUCKET***` (the last four
// are reported by the parser when unquoted, as YAML refuses or misreads
// them), and the words TODO, FIXME, TBD, CHANGEME in capitals. A secret's
// value (pinCode, trueCryptPassword) is checked but never shown.
var placeholderValueRule = Rule{
	Rule: manifest.Rule{
		ID:       RulePlaceholderValue,
		Severity: manifest.Warning,
		Doc:      "A value is a template placeholder left in the manifest: `[Your name]`, `<bucket>`, `${VAR}`, `{{ var }}`, `@VAR@`, `***VAR***`, or TODO.",
		Example: manifest.Example{Lang: "yaml",
			Before: "bucket: \"<your-bucket-name>\"\nnotificationEmail: \"${TEAM_EMAIL}\"",
			After:  "bucket: my-import-bucket\nnotificationEmail: storage-team@mycompany.com",
		},
	},
	Check: checkPlaceholderValues,
}

// placeholderMarks are the template markers, each with what it is.
var placeholderMarks = []struct {
	re   *regexp.Regexp
	what string
}{

	{regexp.MustCompile(`<[^<>@]+>`), "a template placeholder in angle brackets"},
	{regexp.MustCompile(`\$\{[^}]*\}`), "a `${VAR}` placeholder (nothing expands it)"},
	{regexp.MustCompile(`\{\{[^}]*\}\}`), "a `{{ var }}` template placeholder"},
	{regexp.MustCompile(`@[A-Za-z][A-Za-z0-9_.-]*@`), "an `@NAME@` template placeholder"},
	{regexp.MustCompile(`\*\*\*[^*]+\*\*\*`), "a `***NAME***` template placeholder"},
	{regexp.MustCompile(`\b(?:TODO|FIXME|TBD|CHANGEME|CHANGE_ME)\b`), "a to-do marker"},
}

// placeholderIn says what placeholder the value v holds: the words found
// and what they are; ok is false for none.
func placeholderIn(v string) (found, what string, ok bool) {
	if t := strings.TrimSpace(v); len(t) > 2 && t[0] == '[' && t[len(t)-1] == ']' && manifest.BracketPlaceholder(t[1:len(t)-1]) {
		return t, "a template placeholder in square brackets", true
	}
	for _, m := range placeholderMarks {
		if s := m.re.FindString(v); s != "" {
			return strings.TrimSpace(s), m.what, true
		}
	}
	return "", "", false
}

// secretKeys are the fields whose values no output shows.
var secretKeys = map[string]bool{"pinCode": true, "trueCryptPassword": true}

func checkPlaceholderValues(c *Context) []manifest.Finding {
	var fs []manifest.Finding
	// segs is the path of the node being walked, a key or an index (-1
	// for a key) per level; the path text is built only for a finding,
	// not for each of a large manifest's values.
	type seg struct {
		key   string
		index int
	}
	var segs []seg
	pathOf := func() string {
		p := ""
		for _, s := range segs {
			if s.index >= 0 {
				p = manifest.IndexPath(p, s.index)
			} else {
				p = manifest.JoinPath(p, s.key)
			}
		}
		return p
	}
	var walk func(n *yaml.Node, key string)
	walk = func(n *yaml.Node, key string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Kind != yaml.ScalarNode {
					continue
				}
				segs = append(segs, seg{k.Value, -1})
				walk(n.Content[i+1], k.Value)
				segs = segs[:len(segs)-1]
			}
		case yaml.SequenceNode:
			for i, e := range n.Content {
				segs = append(segs, seg{index: i})
				walk(e, key)
				segs = segs[:len(segs)-1]
			}
		case yaml.ScalarNode:
			if n.Value == "" || len(segs) == 0 || !mayHoldPlaceholder(n.Value) {
				return
			}
			found, what, ok := placeholderIn(n.Value)
			if !ok {
				return
			}
			path := pathOf()
			head := fmt.Sprintf("%s is %s: `%s`", path, what, found)
			switch {
			case secretKeys[key]:
				head = fmt.Sprintf("%s is %s (the value is not shown)", path, what)
			case len(head) > 90 || strings.ContainsAny(found, "\n\r"):
				head = fmt.Sprintf("%s holds %s", path, what)
			}
			if len(head) > 90 {
				head = path + " holds a placeholder"
			}
			fs = append(fs, c.Warnf(c.Span(n), path, head).
				WithHelp("replace it with the real value before you create the job: the service accepts it as it is, and the job then fails or the device goes nowhere"))
		}
	}
	walk(c.Root, "")
	return fs
}

// mayHoldPlaceholder is a cheap test that placeholderIn can skip v: every
// placeholder it finds holds one of these characters or words.
func mayHoldPlaceholder(v string) bool {
	return strings.ContainsAny(v, "[<${@*") || strings.Contains(v, "TODO") || strings.Contains(v, "FIXME") ||
		strings.Contains(v, "TBD") || strings.Contains(v, "CHANGE")
}
