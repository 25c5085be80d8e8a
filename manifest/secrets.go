package manifest

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Secrets are the byte ranges of a document's secret values: the value
// nodes of every key that is, or looks like a typo of, a secret field
// (trueCryptPassword, pinCode), wherever the key sits (nested, in a list
// entry, in a flow mapping, as an explicit `? key`, tagged `!!str key` or
// escaped `"true\x43ryptPassword"`: the key as YAML reads it counts, not
// its text), whatever the value is (on the next line, a list, a block
// scalar), and an alias's anchored node. Snippets mask them (SnippetLine).
type Secrets struct {
	ranges [][2]int // sorted, disjoint [start, end) byte offsets
}

// secretish reports whether key is a secret field or a near miss of one:
// equal but for case, '_', '-' and spaces (`truecryptpassword`,
// `PIN_CODE`), or one edit away for pinCode and two for trueCryptPassword
// (`pinCod`, `trueCryptPasword`), as the did-you-mean would suggest it.
// The value a user meant as a password is a password, whatever the key's
// spelling. (`zipCode`, two edits from pinCode, is not.)
func secretish(key string) bool {
	if IsSecret(key) {
		return true
	}
	if len(key) < 6 || len(key) > 40 {
		return false // too short or long to be one (and cheap to tell)
	}
	for name := range secretKeys {
		if foldedEqual(key, name) {
			return true
		}
		n, edits := utf8.RuneCountInString(name), utf8.RuneCountInString(name)/7
		if d := utf8.RuneCountInString(key) - n; d <= edits && -d <= edits &&
			EditDistance(strings.ToLower(key), strings.ToLower(name)) <= edits {
			return true
		}
	}
	return false
}

// foldedEqual is FoldName(key) == FoldName(name) for an ASCII name,
// without allocating for the ASCII keys of nearly every manifest.
func foldedEqual(key, name string) bool {
	i := 0
	for k := 0; k < len(key); k++ {
		c := key[k]
		if c >= 0x80 {
			return FoldName(key) == FoldName(name)
		}
		if c == '_' || c == '-' || c == ' ' {
			continue
		}
		if i >= len(name) || c|0x20 != name[i]|0x20 {
			return false
		}
		i++
	}
	return i == len(name)
}

// findSecrets collects the secret ranges of the tree under n.
func findSecrets(d *Document, n *yaml.Node) *Secrets {
	var ranges [][2]int
	add := func(v *yaml.Node) {
		if v == nil || v.Line == 0 {
			return
		}
		if s := d.Span(v); !s.Empty() {
			ranges = append(ranges, [2]int{s.Start, s.End})
		}
	}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Kind == yaml.ScalarNode && secretish(k.Value) {
					add(v)
					if v.Kind == yaml.AliasNode {
						add(v.Alias)
					}
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	slices.SortFunc(ranges, func(a, b [2]int) int { return a[0] - b[0] })
	merged := ranges[:0]
	for _, r := range ranges {
		if k := len(merged); k > 0 && r[0] <= merged[k-1][1] {
			merged[k-1][1] = max(merged[k-1][1], r[1])
			continue
		}
		merged = append(merged, r)
	}
	return &Secrets{ranges: merged}
}

// SnippetLine returns line n of the source as a snippet may show it: each
// secret value replaced by SecretMask (a fixed length, which tells nothing
// of the value's), and ok
// false when the line must not be shown at all: the file could not be
// parsed (Secrets unknown) and the line may hold a secret value
// (unparsedLineShown).
func (d *Document) SnippetLine(n int) (line string, ok bool) {
	text := d.Lines().Line(n)
	if d.Secrets == nil {
		if !d.unparsedLineShown(n) {
			return "", false
		}
		return string(text), true
	}
	start := d.Lines().Start(n)
	end := start + len(text)
	rs := d.Secrets.ranges
	i, _ := slices.BinarySearchFunc(rs, start, func(r [2]int, off int) int {
		if r[1] <= off {
			return -1
		}
		return 1
	})
	if i == len(rs) || rs[i][0] >= end {
		return string(text), true
	}
	var b strings.Builder
	at := start
	for ; i < len(rs) && rs[i][0] < end; i++ {
		from, to := max(rs[i][0], start), min(rs[i][1], end)
		b.Write(d.Source[at:from])
		b.WriteString(SecretMask)
		at = to
	}
	b.Write(d.Source[at:end])
	return b.String(), true
}

// Snippet is line n as a text snippet shows it, with the caret span
// [col, col+width) of the source line moved onto it: every secret value is
// replaced by SecretMask, and a span that starts or ends inside a secret
// covers the whole mask. ok is false when the line must not be shown (see
// SnippetLine). width is at least 1.
func (d *Document) Snippet(n, col, width int) (line string, mcol, mwidth int, ok bool) {
	text := d.Lines().Line(n)
	if d.Secrets == nil {
		if !d.unparsedLineShown(n) {
			return "", 0, 0, false
		}
		return string(text), col, max(width, 1), true
	}
	start := d.Lines().Start(n)
	end := start + len(text)
	rs := d.Secrets.ranges
	i, _ := slices.BinarySearchFunc(rs, start, func(r [2]int, off int) int {
		if r[1] <= off {
			return -1
		}
		return 1
	})
	if i == len(rs) || rs[i][0] >= end {
		return string(text), col, max(width, 1), true
	}
	var b strings.Builder
	at := start
	endCol := col + width
	shift, colShift, endShift := 0, 0, 0 // in characters, mask minus value
	mcol, mend := -1, -1
	for ; i < len(rs) && rs[i][0] < end; i++ {
		from, to := max(rs[i][0], start), min(rs[i][1], end)
		b.Write(d.Source[at:from])
		b.WriteString(SecretMask)
		at = to
		fc := utf8.RuneCount(d.Source[start:from]) + 1
		tc := utf8.RuneCount(d.Source[start:to]) + 1
		delta := len(SecretMask) - (tc - fc)
		switch {
		case col >= tc:
			colShift += delta
		case col >= fc && mcol < 0:
			mcol = fc + shift
		}
		switch {
		case endCol >= tc:
			endShift += delta
		case endCol > fc && mend < 0:
			mend = fc + shift + len(SecretMask)
		}
		shift += delta
	}
	b.Write(d.Source[at:end])
	if mcol < 0 {
		mcol = col + colShift
	}
	if mend < 0 {
		mend = endCol + endShift
	}
	return b.String(), mcol, max(mend-mcol, 1), true
}

// unparsedLineShown reports whether line n of a file that could not be
// parsed (no Secrets) may be shown: its text alone tells, as no tree says
// where a value ends. A file that names no secret field shows every line.
// Otherwise a line is hidden when it names a secret field (in any
// spelling, a comment too), or when it may continue the value of such a
// line: blank lines and lines indented deeper than the line that named it,
// a `:` (explicit `? key` then `: value`) or `- ` (a list at the key's
// column) at its column, and every line after it while a quote opened
// there is not closed. A file with a flow collection (`{`, `[`) or an
// anchor (`&`) hides every line: a value may sit anywhere in a flow, and an
// alias repeats a value written elsewhere.
func (d *Document) unparsedLineShown(n int) bool {
	if !mentionsSecret(d.Source) {
		return true
	}
	if bytes.ContainsAny(d.Source, "{[&") {
		return false
	}
	l := d.Lines()
	region, keyIndent := false, 0
	dq, sq := 0, 0 // quotes seen in the region
	for i := 1; i <= n; i++ {
		text := l.Line(i)
		rest := bytes.TrimLeft(text, " \t")
		ind := len(text) - len(rest)
		switch {
		case mentionsSecret(text):
			if !region || ind < keyIndent {
				keyIndent = ind
			}
			region = true
		case !region:
			continue
		case dq%2 == 1 || sq%2 == 1, len(rest) == 0, ind > keyIndent,
			rest[0] == ':', ind == keyIndent && rest[0] == '-':
			// still the secret's value
		default:
			region, dq, sq = false, 0, 0
			continue
		}
		dq += bytes.Count(text, []byte{'"'})
		sq += bytes.Count(text, []byte{'\''})
	}
	return !region
}

// mentionsSecret reports whether src names a secret field in any spelling
// (letter case, '_', '-' and spaces ignored).
func mentionsSecret(src []byte) bool {
	folded := []byte(FoldName(string(src)))
	for _, w := range []string{"truecrypt", "password", "pincod"} {
		if bytes.Contains(folded, []byte(w)) {
			return true
		}
	}
	return false
}
