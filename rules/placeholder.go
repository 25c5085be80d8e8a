package rules

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

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
	Descriptor: manifest.Descriptor{
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

// placeholderMarks are the template markers, each with what it is and a
// cheap test that the text holds what a match needs (a value with one @,
// every e-mail address, needs none of the patterns run).
var placeholderMarks = []struct {
	re   *lazyRegexp // compiled on first use
	what string
	may  func(v string) bool
}{

	{&lazyRegexp{expr: `<[^<>@]+>`}, "a template placeholder in angle brackets",
		func(v string) bool { return strings.IndexByte(v, '<') >= 0 && strings.IndexByte(v, '>') >= 0 }},
	{&lazyRegexp{expr: `\$\{[^}]*\}`}, "a `${VAR}` placeholder (nothing expands it)",
		func(v string) bool { return strings.Contains(v, "${") }},
	{&lazyRegexp{expr: `\{\{[^}]*\}\}`}, "a `{{ var }}` template placeholder",
		func(v string) bool { return strings.Contains(v, "{{") }},
	{&lazyRegexp{expr: `@[A-Za-z][A-Za-z0-9_.-]*@`}, "an `@NAME@` template placeholder",
		func(v string) bool { return strings.Count(v, "@") >= 2 }},
	{&lazyRegexp{expr: `\*\*\*[^*]+\*\*\*`}, "a `***NAME***` template placeholder",
		func(v string) bool { return strings.Contains(v, "***") }},
	{&lazyRegexp{expr: `\b(?:TODO|FIXME|TBD|CHANGEME|CHANGE_ME)\b`}, "a to-do marker",
		func(v string) bool {
			return strings.Contains(v, "TODO") || strings.Contains(v, "FIXME") || strings.Contains(v, "TBD") || strings.Contains(v, "CHANGE")
		}},
}

// placeholderIn says what placeholder the value v holds: the words found
// and what they are; ok is false for none.
func placeholderIn(v string) (found, what string, ok bool) {
	if t := strings.TrimSpace(v); len(t) > 2 && t[0] == '[' && t[len(t)-1] == ']' && manifest.BracketPlaceholder(t[1:len(t)-1]) {
		return t, "a template placeholder in square brackets", true
	}
	for _, m := range placeholderMarks {
		if !m.may(v) {
			continue
		}
		if s := m.re.get().FindString(v); s != "" {
			return strings.TrimSpace(s), m.what, true
		}
	}
	return "", "", false
}

// isSecretKey reports whether key is a field whose value no output shows
// (pinCode, trueCryptPassword): asked of every value's key, so a
// comparison, not a map.
func isSecretKey(key string) bool { return key == "pinCode" || key == "trueCryptPassword" }

// scalarHit is a scalar value the placeholder or the sample-value rule
// names: its node, the nearest key above it, its path, and what the rule
// found in it.
type scalarHit struct {
	n          *yaml.Node
	key, path  string
	found      string
	what, from string // what placeholder it is; where the sample comes from
	email      bool   // the sample is an e-mail address
}

// scalarHits are what one walk of the scalars found for the placeholder
// and the sample-value rules: both read every value of the manifest, and a
// walk of a 1 MB manifest's 40,000 values each was two passes over its
// nodes.
type scalarHits struct {
	placeholders, samples []scalarHit
}

// scalarHits walks the scalars once per lint for both rules.
func (c *Context) scalarHits() *scalarHits {
	if c.hits != nil {
		return c.hits
	}
	h := &scalarHits{}
	walkScalars(c.Root, func(n *yaml.Node, key string, pathOf func() string) {
		path := ""
		if mayHoldPlaceholder(n.Value) {
			if found, what, ok := placeholderIn(n.Value); ok {
				path = pathOf()
				h.placeholders = append(h.placeholders, scalarHit{n: n, key: key, path: path, found: found, what: what})
			}
		}
		if found, from, email, ok := sampleIn(key, n.Value); ok {
			if path == "" {
				path = pathOf()
			}
			h.samples = append(h.samples, scalarHit{n: n, key: key, path: path, found: found, from: from, email: email})
		}
	})
	c.hits = h
	return h
}

func checkPlaceholderValues(c *Context) []manifest.Finding {
	var fs []manifest.Finding
	for _, hit := range c.scalarHits().placeholders {
		n, key, path, found, what := hit.n, hit.key, hit.path, hit.found, hit.what
		head := fmt.Sprintf("%s is %s: `%s`", path, what, found)
		switch {
		case isSecretKey(key):
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
	return fs
}

// walkScalars calls visit for every non-empty scalar under root that sits
// under a key or an index, with the nearest mapping key above it and its
// path. The path's text is built only when visit asks (for a finding), not
// for each of a large manifest's values.
func walkScalars(root *yaml.Node, visit func(n *yaml.Node, key string, path func() string)) {
	type seg struct {
		key   string
		index int // -1 for a key
	}
	segs := make([]seg, 0, 8)
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
				if k := n.Content[i]; k.Kind == yaml.ScalarNode {
					segs = append(segs, seg{k.Value, -1})
					walk(n.Content[i+1], k.Value)
					segs = segs[:len(segs)-1]
				}
			}
		case yaml.SequenceNode:
			for i, e := range n.Content {
				segs = append(segs, seg{index: i})
				walk(e, key)
				segs = segs[:len(segs)-1]
			}
		case yaml.ScalarNode:
			if n.Value != "" && len(segs) > 0 {
				visit(n, key, pathOf)
			}
		}
	}
	walk(root, "")
}

// mayHoldPlaceholder is a cheap test that placeholderIn can skip v: every
// placeholder it finds holds one of these characters or words.
// It reads v once (a 1 MB manifest has 40,000 values): it is
// strings.ContainsAny(v, "[<${@*") or v contains TODO, FIXME, TBD or CHANGE
// (TestMayHoldPlaceholderAgrees).
func mayHoldPlaceholder(v string) bool {
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '[', '<', '$', '{', '@', '*':
			return true
		case 'T':
			if strings.HasPrefix(v[i:], "TODO") || strings.HasPrefix(v[i:], "TBD") {
				return true
			}
		case 'F':
			if strings.HasPrefix(v[i:], "FIXME") {
				return true
			}
		case 'C':
			if strings.HasPrefix(v[i:], "CHANGE") {
				return true
			}
		}
	}
	return false
}

// RuleSampleValue is the id of the sample-value rule.
const RuleSampleValue = "sample-value"

// sampleValueRule names values copied from a sample and never replaced:
// `manifestlint init`'s starter values, the names and access keys of AWS's
// documentation, and e-mail addresses at the domains RFC 2606 reserves
// for examples. The service accepts them (a device goes back to "Jane
// Roe"), so the rule is a warning, and `init`'s starter, which holds them
// on purpose, lints with exit status 0.
//
// A value is a sample when it is one of sampleValues as a whole (case and
// surrounding spaces aside), an access key id that ends in EXAMPLE (every
// key of AWS's documentation does), a secret from sampleSecrets (checked,
// never shown), or holds an e-mail address at example.com, example.org,
// example.net (or a subdomain), a `.example`, `.test` or `.invalid` name,
// or with a sample person's local part (`john.doe@`).
var sampleValueRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleSampleValue,
		Severity: manifest.Warning,
		Doc: "A value is a sample never replaced: `init`'s starter values (`Jane Roe`, `123 Any Street`), " +
			"AWS's documentation values (`AKIAIOSFODNN7EXAMPLE`, `Joe Random`), or an e-mail address at an RFC 2606 example domain.",
		Example: manifest.Example{Lang: "yaml",
			Before: "notificationEmail: ops@example.com\nreturnAddress:\n  name: Jane Roe\n  street1: 123 Any Street",
			After:  "notificationEmail: storage-team@mycompany.com\nreturnAddress:\n  name: Lena Ott\n  street1: 742 Oak Street",
		},
	},
	Check: checkSampleValues,
}

// sampleValues are whole values that are samples (lower case), each with
// where it comes from.
var sampleValues = map[string]string{
	"jane roe":       "`manifestlint init`'s starter",
	"example corp.":  "`manifestlint init`'s starter",
	"example corp":   "`manifestlint init`'s starter",
	"123 any street": "`manifestlint init`'s starter and AWS's documentation",
	"joe random":     "AWS's documentation",
	"john doe":       "AWS's documentation",
	"jane doe":       "AWS's documentation",
	"richard roe":    "AWS's documentation",
	"anycompany":     "AWS's documentation",
}

// samplesByLen lists the keys of sampleValues by their length: an ASCII
// value can only be one of those of its own length, in any letter case,
// and a longer one none of them.
var samplesByLen = func() [][]string {
	var by [][]string
	for k := range sampleValues {
		for len(by) <= len(k) {
			by = append(by, nil)
		}
		by[len(k)] = append(by[len(k)], k)
	}
	return by
}()

// sampleValue is sampleValues[strings.ToLower(t)], without lowercasing
// (an allocation for every value with a capital, "Seattle", "WA") when t
// is ASCII: then only a key of t's length can match, letter by letter.
func sampleValue(t string) (from string, ok bool) {
	if !isASCII(t) {
		from, ok = sampleValues[strings.ToLower(t)]
		return from, ok
	}
	if len(t) >= len(samplesByLen) {
		return "", false
	}
	for _, k := range samplesByLen[len(t)] {
		if asciiLowerIs(t, k) {
			return sampleValues[k], true
		}
	}
	return "", false
}

// asciiLowerIs reports whether strings.ToLower(t) == lower for ASCII t.
func asciiLowerIs(t, lower string) bool {
	if len(t) != len(lower) {
		return false
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// isASCII reports whether s is ASCII text only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// sampleSecrets are sample values of a secret (pinCode,
// trueCryptPassword): checked, never shown.
var sampleSecrets = map[string]bool{"123456": true, "1234": true, "12345678": true, "0000": true}

// sampleLocalParts are the local parts of e-mail addresses that name a
// sample person (`john.doe@mycompany.com`), whatever the domain.
var sampleLocalParts = map[string]bool{"john.doe": true, "jane.doe": true, "jane.roe": true, "joe.random": true}

// sampleAccessKey matches the access key ids of AWS's documentation.
var sampleAccessKey = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:AKIA|ASIA)[A-Z0-9]{4,}EXAMPLE$`) })

// nextEmail finds the first e-mail address of v at or after byte from: a
// local part of bytes other than white space and ;,<>"'@, an @ and a
// domain of letters, digits, dots and hyphens, each as long as it goes.
// It finds what the regular expression `([^\s;,<>"'@]+)@([A-Za-z0-9.-]+)`
// finds one match after another (FindAllStringSubmatch), without compiling
// it or running its backtracker on every value with an @ (a one-file run
// did both for one address). next is where to look for the next address.
func nextEmail(v string, from int) (addr, local, domain string, next int, ok bool) {
	start := from // where the run of local-part bytes before i began
	for i := from; i < len(v); i++ {
		switch c := v[i]; {
		case c == '@':
			j := i + 1
			for j < len(v) && isDomainByte(v[j]) {
				j++
			}
			if i > start && j > i+1 {
				return v[start:j], v[start:i], v[i+1 : j], j, true
			}
			start = i + 1
		case c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || strings.IndexByte(`;,<>"'`, c) >= 0:
			start = i + 1
		}
	}
	return "", "", "", len(v), false
}

// isDomainByte says whether c may be part of an e-mail address's domain
// (nextEmail): an ASCII letter or digit, a dot or a hyphen.
func isDomainByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-'
}

// reservedDomain says whether domain is reserved for examples by RFC 2606.
// A domain without a dot is left to the notification-email rule.
func reservedDomain(domain string) bool {
	d := strings.TrimSuffix(strings.ToLower(domain), ".")
	if !strings.Contains(d, ".") {
		return false
	}
	for _, base := range []string{"example.com", "example.org", "example.net"} {
		if d == base || strings.HasSuffix(d, "."+base) {
			return true
		}
	}
	for _, tld := range []string{".example", ".test", ".invalid"} {
		if strings.HasSuffix(d, tld) {
			return true
		}
	}
	return false
}

// sampleIn says what sample the value v of the field key is: the sample
// (the address, for an e-mail value), where it comes from, and whether it
// is an e-mail address; ok is false for none.
func sampleIn(key, v string) (found, from string, email, ok bool) {
	t := strings.TrimSpace(v)
	if isSecretKey(key) {
		return "", "", false, sampleSecrets[t]
	}
	if f, ok := sampleValue(t); ok {
		return t, f, false, true
	}
	if (strings.HasPrefix(t, "AKIA") || strings.HasPrefix(t, "ASIA")) && strings.HasSuffix(t, "EXAMPLE") && sampleAccessKey().MatchString(t) {
		return t, "AWS's documentation", false, true
	}
	if strings.Contains(t, "@") {
		for i := 0; ; {
			addr, local, domain, next, ok := nextEmail(t, i)
			if !ok {
				break
			}
			switch {
			case reservedDomain(domain):
				return addr, "RFC 2606", true, true
			case sampleLocalParts[strings.ToLower(local)]:
				return addr, "AWS's documentation", true, true
			}
			i = next
		}
	}
	return "", "", false, false
}

func checkSampleValues(c *Context) []manifest.Finding {
	var fs []manifest.Finding
	for _, hit := range c.scalarHits().samples {
		n, key, path, found, from, email := hit.n, hit.key, hit.path, hit.found, hit.from, hit.email
		var head string
		switch {
		case isSecretKey(key):
			head = fmt.Sprintf("%s is the sample value (not shown)", path)
		case email:
			head = fmt.Sprintf("%s holds the sample address `%s`", path, found)
		default:
			head = fmt.Sprintf("%s is the sample value `%s`", path, found)
		}
		if len(head) > 90 || strings.ContainsAny(found, "\n\r") {
			head = path + " holds a sample value"
		}
		help := "replace it with the real value: it is a sample from " + from + ", and the service accepts it as it is"
		switch {
		case isSecretKey(key):
			help = "replace it with a value of your own: it is a common sample, the first one anyone who finds the device tries"
		case from == "RFC 2606":
			help = "replace it with the real address: RFC 2606 reserves its domain for examples, so no mail about the job reaches anyone"
		case email:
			help = "replace it with the real address: it is a sample from " + from + ", and the service accepts it as it is"
		}
		at := c.Span(n)
		if email && at.End <= len(c.Doc.Source) {
			// Point at the address itself, not the whole list.
			if i := strings.Index(string(c.Doc.Source[at.Start:at.End]), found); i >= 0 {
				at = c.Doc.Lines().SpanOf(at.Start+i, at.Start+i+len(found))
			}
		}
		fs = append(fs, c.Warnf(at, path, head).WithHelp(help))
	}
	return fs
}
