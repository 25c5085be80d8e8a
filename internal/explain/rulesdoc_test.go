package explain

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/manifestlint/manifestlint/validate"
)

// RulesMarkdown returns docs/rules.md: an index of every rule of the
// registry (validate.Rules), then one section per rule with what
// `manifestlint explain RULE` prints: severity, the kinds it checks, what it
// checks, its codes, and a bad and a fixed example. SARIF's helpUri and the
// language server's codeDescription point at these sections
// (manifest.Descriptor.HelpURI). `go generate ./internal/explain` rewrites the file;
// TestRulesDocUpToDate fails when it is stale.
func RulesMarkdown() []byte {
	rules := validate.Rules()
	var b bytes.Buffer
	b.WriteString(`# Rules

<!-- Generated from the rule registry by ` + "`go generate ./internal/explain`" + `; do not edit. -->

Every rule of manifestlint, as ` + "`manifestlint rules`" + ` lists them and ` + "`manifestlint explain RULE`" + `
explains each. A rule id names a rule in the output (` + "`[address-po-box]`" + `), in
` + "`--ignore`" + `, in the ` + "`disable`" + ` and ` + "`severity`" + ` keys of the [configuration file](configuration.md),
and in suppression comments. An error carries the service's code ([codes.md](codes.md)); a warning
is a fault the service accepted, and never fails a run. Which findings ` + "`--fix`" + ` repairs, and how, is in
[fixes.md](fixes.md).

| rule | severity | codes | what it checks |
|---|---|---|---|
`)
	for _, r := range rules {
		codes := make([]string, len(r.Codes))
		for i, c := range r.Codes {
			codes[i] = "`" + string(c) + "`"
		}
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, r.ID, r.Severity,
			orDash(strings.Join(codes, ", ")), mdCell(r.Doc))
	}
	for _, r := range rules {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		fmt.Fprintf(&b, "**Severity:** %s. **Applies to:** %s.\n\n", r.Severity, appliesTo(r))
		b.WriteString(r.Doc + "\n\n")
		if len(r.Codes) == 0 {
			b.WriteString("**Codes:** " + noCodes + "\n")
		} else {
			b.WriteString("**Codes:**\n\n")
			for _, c := range r.Codes {
				fmt.Fprintf(&b, "- [`%s`](codes.md#error-codes-returned-in-an-errorresponse) (HTTP %d): %s\n", c, c.Status(), c.Message())
			}
		}
		fmt.Fprintf(&b, "\n**Fix:** %s\n", fixText(r))
		if len(r.Decisions) > 0 {
			b.WriteString("\n**" + decisionsTitle + ":**\n\n")
			for _, d := range r.Decisions {
				b.WriteString("- " + d + "\n")
			}
		}
		if ex := r.Example; ex.Before != "" {
			b.WriteString("\n**Example**")
			if ex.Note != "" {
				b.WriteString(" (" + ex.Note + ")")
			}
			bad, good := "Bad", "Fixed"
			if ex.Lang == "sh" {
				bad, good = "Wrong", "Right"
			}
			fmt.Fprintf(&b, "\n\n%s:\n\n```%s\n%s\n```\n\n%s:\n\n```%s\n%s\n```\n",
				bad, ex.Lang, strings.TrimRight(ex.Before, "\n"), good, ex.Lang, strings.TrimRight(ex.After, "\n"))
		}
		fmt.Fprintf(&b, "\n`manifestlint explain %s` prints the same.\n", r.ID)
	}
	return b.Bytes()
}

func orDash(s string) string {
	if s == "" {
		return "none (warning)"
	}
	return s
}

// mdCell makes text safe in a Markdown table cell.
func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
