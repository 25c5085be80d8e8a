package validate

import (
	"fmt"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/suppress"
)

// Rule ids of the findings about suppressions themselves.
const (
	RuleSuppressionWithoutReason = "suppression-without-reason"
	RuleUnusedSuppression        = "unused-suppression"
)

// SuppressionRules documents the suppression rules for the registry.
var SuppressionRules = []manifest.RuleInfo{
	{ID: RuleSuppressionWithoutReason, Doc: "A `# manifestlint-ignore` comment must give its reason after `--` (`# manifestlint-ignore: InvalidAddressException -- PO box agreed with support`); without one it still applies, as golangci-lint's nolintlint does, but is reported."},
	{ID: RuleUnusedSuppression, Doc: "A `# manifestlint-ignore` comment names a rule id or code that no finding on its line (or, for -file, in its file) carries: remove it or fix the name. Reported once per name."},
}

// applyInline drops the findings silenced by the suppression comments of
// doc and adds a warning for each suppression without a reason and for
// each listed name that silenced nothing.
//
// A name matches a finding whose code or rule id is exactly that name. A
// line directive silences the findings whose position is on its target
// line (the value at fault, the key of an unknown field, or the parent key
// of a missing field); a file directive silences them everywhere. Findings
// about suppressions are never silenced inline (use --ignore or the config
// file's disable): a comment cannot vouch for itself.
func applyInline(doc *manifest.Document, fs []manifest.Finding) []manifest.Finding {
	ds := suppress.ScanLines(doc.Lines())
	if len(ds) == 0 {
		return fs
	}
	used := make([][]bool, len(ds))
	for i := range ds {
		used[i] = make([]bool, len(ds[i].Names))
	}
	out := fs[:0]
	for _, f := range fs {
		silenced := false
		for di := range ds {
			d := &ds[di]
			if !d.Applies(f.Line) {
				continue
			}
			for ni, n := range d.Names {
				if n.Text == f.Rule || (f.Code != "" && n.Text == string(f.Code)) {
					used[di][ni] = true
					silenced = true
				}
			}
		}
		if !silenced {
			out = append(out, f)
		}
	}
	for di := range ds {
		d := &ds[di]
		lines := doc.Lines()
		start := lines.Offset(manifest.Pos{Line: d.Line, Column: d.Column})
		pos := lines.SpanOf(start, start+len(strings.TrimRight(d.Text, " \t")))
		if d.Malformed != "" {
			out = append(out, manifest.Warnf(RuleUnusedSuppression, pos, "",
				fmt.Sprintf("This suppression silences nothing: %s.", d.Malformed)))
			continue
		}
		if d.Reason == "" {
			out = append(out, manifest.Warnf(RuleSuppressionWithoutReason, pos, "",
				fmt.Sprintf("The suppression `%s` gives no reason: add one after ` -- ` (`%s -- why this finding is acceptable here`) so that reviewers know why. It still applies.",
					strings.TrimSpace(d.Text), strings.TrimSpace(d.Text))))
		}
		for ni, n := range d.Names {
			if used[di][ni] {
				continue
			}
			nstart := lines.Offset(manifest.Pos{Line: d.Line, Column: n.Column})
			npos := lines.SpanOf(nstart, nstart+len(n.Text))
			out = append(out, manifest.Warnf(RuleUnusedSuppression, npos, "", unusedMessage(d, n.Text)))
		}
	}
	return out
}

func unusedMessage(d *suppress.Directive, name string) string {
	var where string
	switch {
	case d.File && d.Misplaced:
		return fmt.Sprintf("The suppression of `%s` silences nothing: `# manifestlint-ignore-file` applies only in the comment block at the top of the file, before the first key; move it there.", name)
	case d.File:
		where = "in this file"
	case d.Target == 0:
		return fmt.Sprintf("The suppression of `%s` silences nothing: no line follows it. Put it on the line above the field, or at the end of the field's line.", name)
	case d.Target == d.Line:
		where = "on this line"
	default:
		where = fmt.Sprintf("on line %d, the line it applies to", d.Target)
	}
	msg := fmt.Sprintf("The suppression of `%s` silences nothing: no finding with that code or rule id is reported %s.", name, where)
	if !KnownName(name) {
		return msg + " " + UnknownNameError(name) + "."
	}
	return msg + " Remove it, or name the code or rule id of the finding to silence."
}

// applyOverrides applies --ignore, the config file's disable and severity
// keys: a finding whose rule id or code is in opts.Ignore is dropped, and
// one named in opts.Severity takes that severity. A rule id's entry wins
// over its code's. An error turned into a warning keeps its code and status,
// so that output still says which service error it is; a warning turned
// into an error has no code. They apply to every finding, including a
// MalformedManifestException or MissingParameterException (which inline
// comments cannot silence, the file being unreadable) and the suppression
// rules: they are explicit, project-wide choices.
func applyOverrides(fs []manifest.Finding, opts *Options) []manifest.Finding {
	if len(opts.Ignore) == 0 && len(opts.Severity) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if ignored(opts.Ignore, f) {
			continue
		}
		sev, ok := opts.Severity[f.Rule]
		if !ok && f.Code != "" {
			sev, ok = opts.Severity[string(f.Code)]
		}
		if ok {
			f.Severity = sev
		}
		out = append(out, f)
	}
	return out
}

func ignored(names []string, f manifest.Finding) bool {
	for _, n := range names {
		if n == f.Rule || (f.Code != "" && n == string(f.Code)) {
			return true
		}
	}
	return false
}
