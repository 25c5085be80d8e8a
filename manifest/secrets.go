package manifest

import (
	"bytes"
	"maps"
	"math/bits"
	"slices"
	"strings"
	"sync"
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
	// values are the texts a message could quote of them: each range's
	// source text and every scalar (key or value) under a secret key as
	// YAML reads it (`correct horse` of `{correct horse}`), longest first.
	values []string
}

// secretish reports whether key is, or is read as, a secret field: the
// key a did-you-mean would answer with trueCryptPassword or pinCode. That
// is a key equal to one but for case, '_', '-' and spaces
// (`truecryptpassword`, `PIN_CODE`), a common name of one (`password`,
// `pass_word`, `truecrypt`, `PIN`, `p_i_n`: secretFolded), or one within
// Closest's reach of one (at most 2 edits ignoring case, and fewer edits
// than the key has characters: `pinCod`, `trueCryptPasword`), but for a
// common name of another field (otherFolded: `zipCode`). The value a user
// meant as a password is a password, whatever the key's spelling.
//
// It runs on every key of every manifest, so it is built to reject the
// keys of a real manifest without allocating or measuring an edit
// distance: a key of the wrong length, or whose letters differ from a
// secret name's by more than 2 (secretLetters), is not one.
func secretish(key string) bool {
	if s, ok := fieldSecretish()[key]; ok {
		return s // a field's name: most keys of a manifest
	}
	return secretishOf(key)
}

// fieldSecretish is secretishOf of every field name, computed once.
var fieldSecretish = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(FieldNames))
	for _, f := range FieldNames {
		m[f] = secretishOf(f)
	}
	return m
})

// secretishOf is secretish, worked out.
func secretishOf(key string) bool {
	if IsSecret(key) {
		return true
	}
	n := len(key)
	if n == 0 {
		return false
	}
	for i := 0; i < n; i++ {
		if key[i] >= 0x80 {
			return secretishSlow(key)
		}
	}
	// A folded spelling starts with the key's first letter or digit.
	first := uint64(0)
	for i := 0; i < n; i++ {
		if c := key[i]; c != '_' && c != '-' && c != ' ' {
			first = charBit(c)
			break
		}
	}
	if first&foldedFirst != 0 {
		for _, f := range secretFolded {
			if foldedEqual(key, f) {
				return true
			}
		}
		for _, f := range otherFolded {
			if foldedEqual(key, f) {
				return false
			}
		}
	}
	// Closest: at most 2 edits, fewer than the key's characters, case
	// ignored; the edit distance is at least the difference in length and
	// at least the number of distinct characters one has and the other
	// lacks (each edit adds or removes at most one).
	near := false
	for _, name := range secretLower {
		if d := n - len(name); d <= 2 && d >= -2 {
			near = true
		}
	}
	if !near {
		return false
	}
	var km uint64
	for i := 0; i < n; i++ {
		km |= charBit(key[i])
	}
	for i := range secretLower {
		name := secretLower[i]
		if d := n - len(name); d > 2 || d < -2 {
			continue
		}
		nm := secretLetters[i]
		if bits.OnesCount64(km&^nm) > 2 || bits.OnesCount64(nm&^km) > 2 {
			continue
		}
		if d := EditDistance(strings.ToLower(key), name); d <= 2 && d < n {
			return true
		}
	}
	return false
}

// secretishSlow is secretish for a key that is not ASCII (rare: no
// manifest field is).
func secretishSlow(key string) bool {
	f := FoldName(key)
	if slices.Contains(secretFolded, f) {
		return true
	}
	if slices.Contains(otherFolded, f) {
		return false
	}
	l, n := strings.ToLower(key), utf8.RuneCountInString(key)
	for _, name := range secretLower {
		if d := EditDistance(l, name); d <= 2 && d < n {
			return true
		}
	}
	return false
}

// The names a key is read as a secret field by, precomputed once.
var (
	// secretSynonyms maps the folded common names (FoldName) of the secret
	// fields to the field: the did-you-mean's synonyms (SecretSynonyms).
	secretSynonyms = map[string]string{"password": "trueCryptPassword", "truecrypt": "trueCryptPassword", "pin": "pinCode"}
	// secretFolded are the folded spellings that name a secret field: the
	// fields and their common names.
	secretFolded []string
	// otherFolded are the common names of other fields that are within
	// two edits of a secret field: `zipCode` is a postal code (the
	// did-you-mean reads it as postalCode in an address), not a PIN.
	otherFolded   = []string{"zipcode"}
	secretLower   []string // the secret fields, lower-cased
	secretLetters []uint64 // the charBit set of each
	// foldedFirst is the charBit set of the first characters of
	// secretFolded and otherFolded.
	foldedFirst uint64
)

func init() {
	for name := range secretSynonyms {
		secretFolded = append(secretFolded, name)
	}
	for name := range secretKeys {
		secretFolded = append(secretFolded, FoldName(name))
		l := strings.ToLower(name)
		secretLower = append(secretLower, l)
		var m uint64
		for i := 0; i < len(l); i++ {
			m |= charBit(l[i])
		}
		secretLetters = append(secretLetters, m)
	}
	for _, f := range slices.Concat(secretFolded, otherFolded) {
		foldedFirst |= charBit(f[0])
	}
}

// SecretSynonyms returns the common names of the secret fields, folded
// (FoldName), each with its field, such as "password" for
// trueCryptPassword: the did-you-mean suggests the field for the name, and
// a value under the name is masked as the field's.
func SecretSynonyms() map[string]string { return maps.Clone(secretSynonyms) }

// charBit is the bit of an ASCII byte, case folded, in a 64-bit set: one
// for each letter and digit, and one shared by every other byte (a
// shared bit undercounts, which keeps the test a necessary condition).
func charBit(c byte) uint64 {
	switch {
	case c >= 'a' && c <= 'z':
		return 1 << (c - 'a')
	case c >= 'A' && c <= 'Z':
		return 1 << (c - 'A')
	case c >= '0' && c <= '9':
		return 1 << (26 + c - '0')
	}
	return 1 << 63
}

// foldedEqual is FoldName(key) == name for an ASCII key and a folded
// ASCII name, without allocating.
func foldedEqual[T string | []byte](key T, name string) bool {
	i := 0
	for k := 0; k < len(key); k++ {
		c := key[k]
		if c == '_' || c == '-' || c == ' ' {
			continue
		}
		if i >= len(name) || c|0x20 != name[i] {
			return false
		}
		i++
	}
	return i == len(name)
}

// noSecrets is the Secrets of every document that has none (most): it is
// never changed.
var noSecrets = &Secrets{}

// findSecrets collects the secret ranges of the tree under n.
func findSecrets(d *Document, n *yaml.Node) *Secrets {
	f := secretFinder{d: d}
	f.walk(n)
	if len(f.ranges) == 0 && len(f.values) == 0 {
		return noSecrets
	}
	ranges := f.ranges
	slices.SortFunc(ranges, func(a, b [2]int) int { return a[0] - b[0] })
	merged := ranges[:0]
	for _, r := range ranges {
		if k := len(merged); k > 0 && r[0] <= merged[k-1][1] {
			merged[k-1][1] = max(merged[k-1][1], r[1])
			continue
		}
		merged = append(merged, r)
	}
	return &Secrets{ranges: merged, values: secretValues(f.values)}
}

// secretFinder is findSecrets' walk: methods rather than closures, so that
// a document without secrets costs no allocation.
type secretFinder struct {
	d      *Document
	ranges [][2]int
	values []string
	seen   map[*yaml.Node]bool // made for the first secret: most files have none
}

// walk finds the secret keys of the tree under n.
func (f *secretFinder) walk(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && secretish(k.Value) {
				f.add(v)
				if v.Kind == yaml.AliasNode {
					f.add(v.Alias)
				}
			}
		}
	}
	for _, c := range n.Content {
		f.walk(c)
	}
}

// add records the secret value v: its range, its text and its scalars.
func (f *secretFinder) add(v *yaml.Node) {
	if v == nil || v.Line == 0 {
		return
	}
	if s := f.d.Span(v); !s.Empty() {
		f.ranges = append(f.ranges, [2]int{s.Start, s.End})
		f.values = append(f.values, string(f.d.Source[s.Start:s.End]))
	}
	f.collect(v)
}

// collect records every scalar under v, and under the node it aliases.
func (f *secretFinder) collect(v *yaml.Node) {
	if v == nil || f.seen[v] {
		return
	}
	if f.seen == nil {
		f.seen = map[*yaml.Node]bool{}
	}
	f.seen[v] = true
	if v.Kind == yaml.ScalarNode {
		f.values = append(f.values, v.Value)
	}
	for _, c := range v.Content {
		f.collect(c)
	}
	f.collect(v.Alias)
}

// secretValues keeps the values worth looking for in a message (not
// blank, not the mask itself), each once, longest first (so that a value
// holding a shorter one is masked whole).
func secretValues(vs []string) []string {
	out := vs[:0]
	for _, v := range vs {
		v = strings.TrimSpace(v)
		if v != "" && v != SecretMask && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return len(b) - len(a) })
	return out
}

// Mask returns text with every secret value of the document replaced by
// SecretMask: the value as written in the source or as YAML reads it,
// where it stands as a whole word (not inside a longer run of letters and
// digits). Text without one is returned as it is. A nil Secrets masks
// nothing.
func (s *Secrets) Mask(text string) string {
	if s == nil || len(s.values) == 0 || text == "" {
		return text
	}
	for _, v := range s.values {
		text = maskWord(text, v)
	}
	return text
}

// Covers reports whether the byte range [start, end) lies in a secret
// value (a key inside one, such as `correct horse` of `{correct horse}`,
// is part of the secret).
func (s *Secrets) Covers(start, end int) bool {
	if s == nil {
		return false
	}
	i, _ := slices.BinarySearchFunc(s.ranges, start, func(r [2]int, off int) int {
		if r[1] <= off {
			return -1
		}
		return 1
	})
	return i < len(s.ranges) && s.ranges[i][0] <= start && end <= s.ranges[i][1]
}

// Holds reports whether text quotes a secret value (as Mask would mask it).
func (s *Secrets) Holds(text string) bool {
	return s != nil && s.Mask(text) != text
}

// maskWord replaces each whole-word occurrence of v in text by SecretMask.
func maskWord(text, v string) string {
	var b strings.Builder
	at := 0
	for i := 0; ; {
		j := strings.Index(text[i:], v)
		if j < 0 {
			break
		}
		j += i
		end := j + len(v)
		if (j > 0 && wordByte(text[j-1]) && wordByte(v[0])) || (end < len(text) && wordByte(text[end]) && wordByte(v[len(v)-1])) {
			i = j + 1
			continue
		}
		b.WriteString(text[at:j])
		b.WriteString(SecretMask)
		at, i = end, end
	}
	if at == 0 {
		return text
	}
	b.WriteString(text[at:])
	return b.String()
}

// wordByte: an ASCII letter or digit (a secret value inside a longer word
// is not masked there: a PIN of 12 in "line 123").
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// MaskFindings masks the secret values of doc in what fs show: their
// messages, help, related notes and fix titles (Secrets.Mask); and drops a
// fix whose edits would write a secret value (a fix is shown as its edits
// in --diff, SARIF, JSON, the language server and the playground). Every
// finding validate returns has been through it: masking is a property of
// the value's position (Secrets), applied once here rather than by each
// message.
func MaskFindings(doc *Document, fs []Finding) {
	if doc == nil || doc.Secrets == nil || len(doc.Secrets.values) == 0 {
		return
	}
	s := doc.Secrets
	for i := range fs {
		f := &fs[i]
		f.Message = s.Mask(f.Message)
		f.Help = s.Mask(f.Help)
		for j := range f.Related {
			if m := s.Mask(f.Related[j].Message); m != f.Related[j].Message {
				f.Related = slices.Clone(f.Related)
				f.Related[j].Message = m
			}
		}
		if f.Fix == nil {
			continue
		}
		carries := false
		for _, e := range f.Fix.Edits {
			carries = carries || s.Holds(e.New)
		}
		if carries {
			f.Fix = nil
			continue
		}
		if t := s.Mask(f.Fix.Title); t != f.Fix.Title {
			fix := *f.Fix
			fix.Title = t
			f.Fix = &fix
		}
	}
}

// SnippetLine returns line n of the source as a snippet may show it: each
// secret value replaced by SecretMask (a fixed length, which tells nothing
// of the value's), and ok false when the line must not be shown at all:
// the file could not be parsed (Secrets unknown) and the line may hold a
// secret value (unparsedLineShown). It is Snippet without a caret.
func (d *Document) SnippetLine(n int) (line string, ok bool) {
	line, _, _, ok = d.Snippet(n, 1, 1)
	return line, ok
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

// WithoutSecrets returns the source with every secret value replaced by
// SecretMask: the copy of a manifest that may leave the machine (the
// playground's share link), as the value of no secret field does. For a
// source that could not be parsed (Secrets nil) that names a secret field,
// a line that mentions one keeps only its text up to the first colon, and
// the lines indented deeper after it (where its value may go on) are left
// out.
func (d *Document) WithoutSecrets() []byte {
	if d.Secrets != nil {
		if len(d.Secrets.ranges) == 0 {
			return d.Source
		}
		var b bytes.Buffer
		at := 0
		for _, r := range d.Secrets.ranges {
			b.Write(d.Source[at:r[0]])
			b.WriteString(SecretMask)
			at = r[1]
		}
		b.Write(d.Source[at:])
		return b.Bytes()
	}
	if !mentionsSecret(d.Source) {
		return d.Source
	}
	l := d.Lines()
	var b bytes.Buffer
	b.Write(d.Source[:l.Start(1)]) // a byte order mark
	hidden := -1                   // the indentation of the line whose value is hidden, or -1
	for n := 1; n <= l.Count(); n++ {
		text := l.Line(n)
		brk := d.Source[l.End(n):l.Next(n)]
		indent := len(text) - len(bytes.TrimLeft(text, " \t"))
		blank := len(bytes.TrimSpace(text)) == 0
		if hidden >= 0 && (blank || indent > hidden) {
			continue
		}
		hidden = -1
		if mentionsSecret(text) {
			hidden = indent
			if i := bytes.IndexByte(text, ':'); i >= 0 {
				text = append(text[:i+1:i+1], " "+SecretMask...)
			} else {
				text = append(text[:indent:indent], SecretMask...)
			}
		}
		b.Write(text)
		b.Write(brk)
	}
	return b.Bytes()
}
