package rules

import (
	"fmt"
	"net/mail"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// RuleNotificationEmail is the id of the notificationEmail rule.
const RuleNotificationEmail = "notification-email"

// emailProblem says what is wrong with one item of an email list, as a
// phrase that follows the item ("is empty ..."), or "" when it is a bare
// address `local@domain` with a dot in the domain.
//
// An item must parse with net/mail.ParseAddress and the parsed address must
// be the item itself: display names and angle brackets (`Jane
// <jane@example.com>`), comments and quoted local parts are refused, as the
// service took addresses only. The domain must be a host name with a dot
// (`example.com`): `localhost` and domain literals (`[192.0.2.1]`) are
// refused.
func emailProblem(item string) (problem, fix string) {
	if item == "" {
		return "is empty", "two `;` in a row, or one at the start or end, make an empty item: remove the extra `;`"
	}
	a, err := mail.ParseAddress(item)
	if err != nil || a.Address != item {
		if strings.ContainsAny(item, "<>") || (err == nil && a.Name != "") {
			return "is not a bare address", "write only `local@domain`, without a name or angle brackets"
		}
		if strings.ContainsAny(item, " \t,") {
			return "is more than one address", "separate addresses with `;`"
		}
		return "is not an email address", "write it as `local@domain`"
	}
	domain := item[strings.LastIndexByte(item, '@')+1:]
	if strings.HasPrefix(domain, "[") || !strings.Contains(domain, ".") {
		return "has no domain with a dot", "give a domain such as `example.com`"
	}
	return "", ""
}

// notificationEmailRule is the notification-email rule: see checkNotificationEmail.
var notificationEmailRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:  RuleNotificationEmail,
		Fix: "Separates the addresses with `;` when only the separators are wrong (`,`, spaces, empty items) and every address is valid (safe).",
		Fixes: []manifest.FixCase{
			{Finding: "addresses separated by `,`, spaces or tabs, or empty items (`a@x.com;;b@x.com;`), every item a bare address", Does: "join them with `;`", Applicability: manifest.Safe},
		},
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidManifestField},
		Doc:      "notificationEmail is one or more bare addresses `local@domain` separated by `;`, with no empty item.",
		Example: manifest.Example{Lang: "yaml",
			Before: "notificationEmail: ops@example.com, jane@example",
			After:  "notificationEmail: ops@example.com;jane@example.com",
		},
	},
	Check: checkNotificationEmail,
}

// checkNotificationEmail checks notificationEmail, in every kind: one or more
// addresses separated by `;` (spec §2 "email list"). Spaces and tabs around
// an item are allowed (`a@example.com; b@example.com`), as the separator is
// `;`; empty items (`a@example.com;;b@example.com`, a trailing `;`) and an
// empty value are invalid. One finding at the value names every bad item.
func checkNotificationEmail(c *Context) []manifest.Finding {
	n, v, ok := scalarField(c.Root, "notificationEmail")
	if !ok {
		return nil
	}
	const allowed = "one or more addresses `local@domain`, separated by `;` (`jane@example.com;john@example.com`)"
	if strings.TrimSpace(v) == "" {
		return []manifest.Finding{c.Errorf(manifest.InvalidManifestField, c.Span(n), "notificationEmail",
			"notificationEmail is empty").WithHelp("give " + allowed)}
	}
	items := strings.Split(v, ";")
	var head string
	var help []string
	for i, raw := range items {
		item := strings.Trim(raw, " \t")
		p, fix := emailProblem(item)
		if p == "" {
			continue
		}
		desc := fmt.Sprintf("item %d", i+1)
		switch {
		case len(items) == 1:
			desc = fmt.Sprintf("`%s`", shortValue(item)) // the whole value
		case item != "":
			desc += fmt.Sprintf(" `%s`", shortValue(item))
		}
		if head == "" {
			head = "notificationEmail " + desc + " " + p
			help = append(help, fix)
		} else {
			help = append(help, desc+" "+p+": "+fix)
		}
	}
	if head == "" {
		return nil
	}
	help = append(help, "allowed: "+allowed)
	return []manifest.Finding{c.Errorf(manifest.InvalidManifestField, c.Span(n), "notificationEmail", head).
		WithHelp(strings.Join(help, "; ")).WithFix(emailListFix(c, n, v))}
}

// emailListFix joins the addresses of an email list with `;` when the list
// is only badly separated (`,`, spaces, tabs, empty items between `;`) and
// every item is a bare address: a safe fix. Otherwise nil.
func emailListFix(c *Context, n *yaml.Node, v string) *manifest.Fix {
	items := strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\t' })
	if len(items) == 0 {
		return nil
	}
	for _, it := range items {
		if p, _ := emailProblem(it); p != "" {
			return nil
		}
	}
	joined := strings.Join(items, ";")
	if joined == v {
		return nil
	}
	return c.setValue(n, joined, manifest.Safe, "Separate the addresses with `;`: `"+joined+"`")
}
