package suppress

// Writing suppressions: the edits an editor offers to silence a finding,
// and what a comment may name. The language server calls these, so that
// the grammar Scan reads and the comments editors write stay one.

import (
	"regexp"
	"strings"
	"sync"

	"github.com/manifestlint/manifestlint/manifest"
)

// Silenceable reports whether a comment may silence the findings of rule:
// every rule's but the suppression rules' (a comment cannot vouch for
// itself; use --ignore or the configuration's disable).
func Silenceable(rule string) bool {
	return rule != RuleSuppressionWithoutReason && rule != RuleUnusedSuppression
}

// NameOf is the name a suppression of f writes: its service code, or its
// rule id when it has none.
func NameOf(f manifest.Finding) string {
	if f.Code != "" {
		return string(f.Code)
	}
	return f.Rule
}

// LineEdit returns the edit that silences name on line (1-based, as
// findings count lines) of doc. When a suppression comment already applies
// to the line, name joins its list; otherwise the comment goes at the end
// of the line when it has no comment yet, else on a line of its own above
// it (which applies to the next line of content). The reason is left for
// the user to write after `--`.
func LineEdit(doc *manifest.Document, line int, name string) manifest.Edit {
	lines := doc.Lines()
	for _, d := range ScanDocument(doc) {
		if d.File || d.Malformed != "" || d.Target != line || len(d.Names) == 0 {
			continue
		}
		last := d.Names[len(d.Names)-1]
		at := lines.Offset(manifest.Pos{Line: d.Line, Column: last.Column}) + len(last.Text)
		return manifest.Edit{Start: at, End: at, New: ", " + name}
	}
	start, end := lines.Start(line), lines.End(line)
	text := string(lines.Source()[start:end])
	comment := "# " + Marker + ": " + name + " -- "
	if !strings.Contains(text, "#") {
		at := start + len(strings.TrimRight(text, " \t"))
		return manifest.Edit{Start: at, End: end, New: " " + comment}
	}
	indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
	return manifest.Edit{Start: start, End: start, New: indent + comment + manifest.LineEnd(lines.Source())}
}

// FileEdit returns the edit that silences name in the whole of doc: a
// manifestlint-ignore-file comment at the top, in the leading comment
// block where it applies (after a byte-order mark).
func FileEdit(doc *manifest.Document, name string) manifest.Edit {
	lines := doc.Lines()
	at := 0
	if strings.HasPrefix(string(lines.Source()[:min(3, len(lines.Source()))]), "\ufeff") {
		at = len("\ufeff")
	}
	return manifest.Edit{Start: at, End: at, New: "# " + Marker + "-file: " + name + " -- " + manifest.LineEnd(lines.Source())}
}

// namePrefix is a suppression comment up to the end of the text, which is
// in its list of names; the group is the name being typed.
// Compiled on first use, as the language server's other patterns.
var namePrefix = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`#\s*` + Marker + `(?:-file)?\s*:[\w\s,.-]*?([\w.-]*)$`)
})

// NameBeingTyped reports whether linePrefix, a line up to the cursor, ends
// in the name list of a suppression comment, and returns the part of the
// name typed so far.
func NameBeingTyped(linePrefix string) (partial string, ok bool) {
	m := namePrefix().FindStringSubmatch(linePrefix)
	if m == nil {
		return "", false
	}
	return m[1], true
}
