package suppress

import (
	"fmt"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
)

// Rule ids of the findings about suppressions themselves.
const (
	RuleSuppressionWithoutReason = "suppression-without-reason"
	RuleUnusedSuppression        = "unused-suppression"
)

// The two rules of suppression comments.
var (
	withoutReasonRule = &manifest.Descriptor{ID: RuleSuppressionWithoutReason, Severity: manifest.Warning,
		Doc: "A `# manifestlint-ignore` comment must give its reason after `--` (`# manifestlint-ignore: InvalidAddressException -- PO box agreed with support`); without one it still applies, as golangci-lint's nolintlint does, but is reported.",
		Example: manifest.Example{Lang: "yaml",
			Note:   "a warning: the suppression still applies",
			Before: "returnAddress:\n  street1: PO Box 1234  # manifestlint-ignore: address-po-box",
			After:  "returnAddress:\n  street1: PO Box 1234  # manifestlint-ignore: address-po-box -- agreed with AWS support, case 1234",
		}}
	unusedRule = &manifest.Descriptor{ID: RuleUnusedSuppression, Severity: manifest.Warning,
		Fix: "Removes the unused name from the comment, or the whole comment when none of its names is used (safe); a name that is no rule id or code is left for you to correct.",
		Fixes: []manifest.FixCase{
			{Finding: "a suppression comment naming what silences nothing", Does: "remove the name (when the comment names others that are used), else the comment, or its whole line when it is alone on it", Applicability: manifest.Safe},
		},
		Doc: "A `# manifestlint-ignore` comment names a rule id or code that no finding on its line (or, for -file, in its file) carries: remove it or fix the name. Reported once per name.",
		Example: manifest.Example{Lang: "yaml",
			Note:   "a warning: the comment names a rule that reports nothing on its line",
			Before: "bucket: my-bucket  # manifestlint-ignore: bucket-name-not-dns-compliant -- legacy name",
			After:  "bucket: my-bucket",
		}}
)

// Rules are the rules of suppression comments, for the registry.
var Rules = []*manifest.Descriptor{withoutReasonRule, unusedRule}

// Apply drops the findings silenced by the suppression comments of doc and
// adds a warning for each suppression without a reason and for each listed
// name that silenced nothing. unknown explains why a name is neither a rule
// id nor a code, or returns "" for a known name.
//
// A name matches a finding whose code or rule id is exactly that name. A
// line directive silences the findings whose position is on its target
// line (the value at fault, the key of an unknown field, or the parent key
// of a missing field); a file directive silences them everywhere. Findings
// about suppressions are never silenced inline (use --ignore or the config
// file's disable): a comment cannot vouch for itself.
func Apply(doc *manifest.Document, fs []manifest.Finding, unknown func(name string) string) []manifest.Finding {
	ds := ScanDocument(doc)
	if len(ds) == 0 {
		return fs
	}
	used := make([][]bool, len(ds))
	for i := range ds {
		used[i] = make([]bool, len(ds[i].Names))
	}
	// The names each line (0: the whole file) silences, looked up per
	// finding: a scan of every directive per finding would be quadratic in
	// a file with a suppression on each of its lines.
	type nameAt struct {
		line int
		name string
	}
	type listed struct {
		refs   [][2]int // (directive, name) indexes
		marked bool     // refs are marked used
	}
	names := map[nameAt]*listed{}
	for di := range ds {
		d := &ds[di]
		line := d.Target
		switch {
		case d.Malformed != "":
			continue
		case d.File && d.Misplaced, !d.File && d.Target == 0:
			continue
		case d.File:
			line = 0
		}
		for ni, n := range d.Names {
			k := nameAt{line, n.Text}
			l := names[k]
			if l == nil {
				l = &listed{}
				names[k] = l
			}
			l.refs = append(l.refs, [2]int{di, ni})
		}
	}
	silence := func(line int, name string) bool {
		l := names[nameAt{line, name}]
		if l == nil {
			return false
		}
		if !l.marked {
			for _, r := range l.refs {
				used[r[0]][r[1]] = true
			}
			l.marked = true
		}
		return true
	}
	out := fs[:0]
	for _, f := range fs {
		silenced := false
		for _, line := range [2]int{f.Line, 0} {
			if silence(line, f.Rule) {
				silenced = true
			}
			if f.Code != "" && silence(line, string(f.Code)) {
				silenced = true
			}
			if f.AlsoRule != "" && silence(line, f.AlsoRule) {
				silenced = true
			}
		}
		if !silenced {
			out = append(out, f)
		}
	}
	lines := doc.Lines()
	for di := range ds {
		d := &ds[di]
		start := lines.Offset(manifest.Pos{Line: d.Line, Column: d.Column})
		comment := lines.SpanOf(start, start+len(strings.TrimRight(d.Text, " \t")))
		if d.Malformed != "" {
			out = append(out, unusedRule.Warnf(comment, "", "this suppression silences nothing").WithHelp(d.Malformed))
			continue
		}
		if d.Reason == "" {
			out = append(out, withoutReasonRule.Warnf(comment, "",
				"the suppression gives no reason (it still applies)").
				WithHelp(fmt.Sprintf("add one after ` -- ` (`%s -- why this finding is acceptable here`) so that reviewers know why",
					strings.TrimSpace(d.Text))))
		}
		for ni, n := range d.Names {
			if used[di][ni] {
				continue
			}
			nstart := lines.Offset(manifest.Pos{Line: d.Line, Column: n.Column})
			head, help := unusedMessage(d, n.Text, unknown)
			out = append(out, unusedRule.Warnf(lines.SpanOf(nstart, nstart+len(n.Text)), "", head).WithHelp(help).
				WithFix(unusedFix(lines, d, used[di], ni, start, unknown)))
		}
	}
	return out
}

// unusedFix removes the unused name ni of directive d (whose comment starts
// at byte offset start): the name and its separator when d names others
// that are used, else the whole comment, and its line when the comment is
// alone on it. Nil for a misplaced file directive, which is to be moved,
// not removed, and for a name that is no rule id or code (a misspelt name
// is to be corrected: which one was meant is the user's call). Safe: the
// comment silences nothing.
func unusedFix(lines *manifest.Lines, d *Directive, used []bool, ni, start int, unknown func(string) string) *manifest.Fix {
	if d.File && d.Misplaced || unknown(d.Names[ni].Text) != "" {
		return nil
	}
	// A name that stays: used, or misspelt (kept for the user to correct).
	anyUsed := false
	for i, u := range used {
		anyUsed = anyUsed || u || unknown(d.Names[i].Text) != ""
	}
	name := d.Names[ni].Text
	if anyUsed {
		offset := func(i int) int { return lines.Offset(manifest.Pos{Line: d.Line, Column: d.Names[i].Column}) }
		from, to := offset(ni), offset(ni)+len(name)
		if ni+1 < len(d.Names) {
			to = offset(ni + 1)
		} else if ni > 0 {
			from = offset(ni-1) + len(d.Names[ni-1].Text)
		}
		return manifest.ReplaceFix("Remove `"+name+"` from the suppression", manifest.Safe, from, to, "")
	}
	src := lines.Source()
	lineStart, lineEnd := lines.Start(d.Line), lines.End(d.Line)
	from, to := start, lineEnd
	for from > lineStart && (src[from-1] == ' ' || src[from-1] == '\t') {
		from--
	}
	if from == lineStart {
		// Alone on its line: the line goes, with its line break (or, on
		// the last line, the break before it).
		switch {
		case d.Line < lines.Count():
			to = lines.Start(d.Line + 1)
		case d.Line > 1:
			from = lines.End(d.Line - 1)
		}
	}
	return manifest.ReplaceFix("Remove the unused suppression comment", manifest.Safe, from, to, "")
}

func unusedMessage(d *Directive, name string, unknown func(string) string) (head, help string) {
	head = fmt.Sprintf("the suppression of `%s` silences nothing", name)
	var where string
	switch {
	case d.File && d.Misplaced:
		return head, "`# manifestlint-ignore-file` applies only in the comment block at the top of the file, before the first key: move it there"
	case d.File:
		where = "in this file"
	case d.Target == 0:
		return head + ": no line follows it", "put it on the line above the field, or at the end of the field's line"
	case d.Target == d.Line:
		where = "on this line"
	default:
		where = fmt.Sprintf("on line %d, the line it applies to", d.Target)
	}
	help = fmt.Sprintf("no finding with that code or rule id is reported %s", where)
	if why := unknown(name); why != "" {
		return head, help + "; " + strings.TrimSuffix(why, ".")
	}
	return head, help + ": remove it, or name the code or rule id of the finding to silence"
}
