package cli

// This file writes --diff: a unified diff of a file and its fixed text, with
// a/PATH and b/PATH headers, in the form `git apply` and `patch -p1` take.

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/manifest"
)

// diffContext is the number of unchanged lines around each change.
const diffContext = 3

// maxDiffCost bounds the edit script search (Myers' D); beyond it the
// changed middle of the file is shown as one replaced block, which is still
// a correct diff.
const maxDiffCost = 1000

// writeDiff writes the unified diff turning a into b, or nothing when they
// are equal. Lines are split after each LF, as git does, so a CR LF line
// end is part of its line and a file with CR line ends is one line.
//
// The value of a secret field (trueCryptPassword, pinCode) is never
// printed: da and db are a and b parsed (manifest.Parse), whose secret
// ranges a line of the diff shows as manifest.SecretMask, as snippets do (a
// line of a file that does not parse and names a secret is not shown at
// all); nor is a control character (ESC), shown as its Unicode picture.
// masked reports that the diff holds such a line, which `git apply` then
// cannot match.
func writeDiff(w io.Writer, path string, a, b []byte, da, db *manifest.Document) (masked bool, err error) {
	if bytes.Equal(a, b) {
		return false, nil
	}
	al, bl := splitAfterLF(a), splitAfterLF(b)
	ops := diffLines(al, bl)
	ma, mb := shownLines(da, al), shownLines(db, bl)
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "--- %s\n+++ %s\n", diffName("a/"+path), diffName("b/"+path))
	for _, h := range hunks(ops) {
		if writeHunk(&buf, h, ma, mb) {
			masked = true
		}
	}
	_, err = w.Write(buf.Bytes())
	return masked, err
}

// diffName writes a header's file name as git does: as it is, or, when it
// holds a control character, a double quote or a backslash, in double
// quotes with C escapes (octal for control bytes), so that no file name can
// end the header line or drive the terminal. A character the text format
// escapes (a bidirectional control such as U+202E, a line separator, a
// zero-width character) and a byte that is not UTF-8 are written as octal
// bytes too, as git does with core.quotePath, and `git apply` reads them
// back.
func diffName(name string) string {
	if !strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7F || r == '"' || r == '\\' }) && !needsEscape([]byte(name)) {
		return name
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(name); {
		_, size := utf8.DecodeRuneInString(name[i:])
		switch c := name[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\n':
			b.WriteString(`\n`)
		case c < 0x20 || c == 0x7F:
			fmt.Fprintf(&b, "\\%03o", c)
		case c >= utf8.RuneSelf && needsEscape([]byte(name[i:i+size])):
			for _, c := range []byte(name[i : i+size]) {
				fmt.Fprintf(&b, "\\%03o", c)
			}
		default:
			b.WriteString(name[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
	return b.String()
}

// showControls escapes what a diff line must not carry to a terminal, as
// the text format's snippets do (escape.Display): a C0 control as its
// Unicode picture (ESC as ␛, a lone CR as ␍), DEL as ␡, a C1 control as
// U+FFFD, and a line or paragraph separator, a bidirectional control or a
// zero-width character as its escape (`\u202e`); a byte that is not UTF-8
// shows as `\xff`. So `acl:private` CR `+eraseDevice: yes` cannot show as
// an added line, nor U+202E reorder one. What an ordinary file holds is
// kept, so that `git apply` takes its diff: a tab, the line's end (LF or
// CR LF) and, on the file's first line (first), a byte-order mark. It
// reports whether it escaped anything (the caller then says that `git
// apply` cannot take the diff).
func showControls(line []byte, first bool) ([]byte, bool) {
	end := len(line)
	if end > 0 && line[end-1] == '\n' {
		end--
		if end > 0 && line[end-1] == '\r' {
			end--
		}
	}
	body := line[:end]
	start := 0
	if first && bytes.HasPrefix(body, []byte("\ufeff")) {
		start = len("\ufeff")
	}
	if !needsEscape(body[start:]) {
		return line, false
	}
	out := append([]byte(nil), body[:start]...)
	for i := start; i < len(body); {
		r, size := utf8.DecodeRune(body[i:])
		switch shown, _ := escape.Display(r); {
		case r == utf8.RuneError && size <= 1:
			out = fmt.Appendf(out, `\x%02x`, body[i])
		case r == '\t':
			out = append(out, '\t')
		default:
			out = append(out, shown...)
		}
		i += size
	}
	return append(out, line[end:]...), true
}

// needsEscape reports whether a line's text holds anything showControls
// escapes: a control character, a byte that is not UTF-8, or a character
// escape.Display does not show as itself.
func needsEscape(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t') || c == 0x7F {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return true
		}
		if shown, _ := escape.Display(r); shown != string(r) {
			return true
		}
		i += size
	}
	return false
}

// shown is a diff line as printed: its text with secret values masked,
// and whether that changed it; first marks the file's first line (where a
// byte-order mark is the file's own).
type shown struct {
	text   []byte
	masked bool
	first  bool
}

// shownLines returns the lines of a diff side (split after LF, as lines
// holds them) as they may be printed: each secret value of d replaced by
// manifest.SecretMask (Document.SnippetLine, line by line of d's own line
// index, so a CR file's LF-less "line" is masked in each of its lines).
// A nil d shows the lines as they are.
func shownLines(d *manifest.Document, lines [][]byte) []shown {
	out := make([]shown, len(lines))
	off := 0
	for i, line := range lines {
		start, end := off, off+len(line)
		off = end
		out[i] = shown{text: line, first: i == 0}
		if d == nil {
			continue
		}
		l := d.Lines()
		var b []byte
		changed := false
		for pos, n := start, l.Pos(start).Line; pos < end && n <= l.Count(); n++ {
			if ls := l.Start(n); pos < ls { // a byte order mark
				b = append(b, d.Source[pos:min(ls, end)]...)
				pos = ls
			}
			text, ok := d.SnippetLine(n)
			if !ok {
				text, changed = "<a line that may hold a secret value is not shown>", true
			}
			le, next := l.End(n), len(d.Source)
			if n < l.Count() {
				next = l.Start(n + 1)
			}
			changed = changed || text != string(d.Source[l.Start(n):le])
			b = append(b, text...)
			b = append(b, d.Source[le:min(next, end)]...)
			pos = next
		}
		if changed {
			out[i] = shown{text: b, masked: true, first: i == 0}
		}
	}
	return out
}

// splitAfterLF splits s into lines that keep their LF; the last line may
// lack one.
func splitAfterLF(s []byte) [][]byte {
	var out [][]byte
	for len(s) > 0 {
		i := bytes.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// op is one line of an edit script: an equal line (a and b index), a
// deleted line of a (b == -1) or an inserted line of b (a == -1).
type op struct{ a, b int }

// diffLines returns the edit script turning a into b: the common prefix
// and suffix, and between them Myers' shortest edit script (or, past
// maxDiffCost, all of a's middle deleted and b's inserted).
func diffLines(a, b [][]byte) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && bytes.Equal(a[pre], b[pre]) {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && bytes.Equal(a[len(a)-1-suf], b[len(b)-1-suf]) {
		suf++
	}
	var ops []op
	for i := range pre {
		ops = append(ops, op{i, i})
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	mid := myers(am, bm)
	if mid == nil {
		for i := range am {
			mid = append(mid, op{i, -1})
		}
		for j := range bm {
			mid = append(mid, op{-1, j})
		}
	}
	for _, o := range mid {
		if o.a >= 0 {
			o.a += pre
		}
		if o.b >= 0 {
			o.b += pre
		}
		ops = append(ops, o)
	}
	for i := range suf {
		ops = append(ops, op{len(a) - suf + i, len(b) - suf + i})
	}
	return ops
}

// myers is Myers' O(ND) shortest edit script, or nil when D exceeds
// maxDiffCost.
func myers(a, b [][]byte) []op {
	n, m := len(a), len(b)
	if n == 0 && m == 0 {
		return []op{}
	}
	maxD := min(n+m, maxDiffCost)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		// Only v[off-d-1 : off+d+2] is read back at step d: keep that
		// window (O(D²) in all, not O(D·maxD)).
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && bytes.Equal(a[x], b[y]) {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, d, n, m)
			}
		}
	}
	return nil
}

// backtrack walks Myers' trace back from (n, m) to build the script.
func backtrack(trace [][]int, d, n, m int) []op {
	var rev []op
	x, y := n, m
	for ; d > 0; d-- {
		w := trace[d] // v[off-d-1 : off+d+2] as it was before step d
		at := func(k int) int { return w[k+d+1] }
		k := x - y
		var pk int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			x--
			y--
			rev = append(rev, op{x, y})
		}
		if x == px {
			y--
			rev = append(rev, op{-1, y})
		} else {
			x--
			rev = append(rev, op{x, -1})
		}
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, op{x, y})
	}
	out := make([]op, len(rev))
	for i, o := range rev {
		out[len(rev)-1-i] = o
	}
	return out
}

// hunks groups an edit script into hunks: each change with diffContext
// equal lines around it, changes closer than twice that sharing a hunk.
func hunks(ops []op) [][]op {
	var out [][]op
	i := 0
	for i < len(ops) {
		// Find the next change.
		for i < len(ops) && ops[i].a >= 0 && ops[i].b >= 0 {
			i++
		}
		if i == len(ops) {
			break
		}
		start := max(i-diffContext, 0)
		end := i
		for end < len(ops) {
			// Extend over the change.
			for end < len(ops) && !(ops[end].a >= 0 && ops[end].b >= 0) {
				end++
			}
			// Count the equal lines that follow.
			eq := end
			for eq < len(ops) && ops[eq].a >= 0 && ops[eq].b >= 0 {
				eq++
			}
			if eq == len(ops) || eq-end > 2*diffContext {
				end = min(end+diffContext, eq)
				break
			}
			end = eq
		}
		out = append(out, ops[start:end])
		i = end
	}
	return out
}

// writeHunk writes one hunk: its @@ header and lines. A line without a
// final LF is followed by git's "\ No newline at end of file". It reports
// whether it masked a secret or a control character.
func writeHunk(buf *bytes.Buffer, h []op, a, b []shown) (masked bool) {
	aStart, bStart, aLen, bLen := -1, -1, 0, 0
	for _, o := range h {
		if o.a >= 0 {
			if aStart < 0 {
				aStart = o.a
			}
			aLen++
		}
		if o.b >= 0 {
			if bStart < 0 {
				bStart = o.b
			}
			bLen++
		}
	}
	// A hunk holds context lines unless the whole file changed, so a side
	// with no line at all is an empty file: numbered 0.
	aStart, bStart = max(aStart, 0), max(bStart, 0)
	fmt.Fprintf(buf, "@@ -%s +%s @@\n", hunkRange(aStart, aLen), hunkRange(bStart, bLen))
	line := func(mark byte, sl shown) {
		l, c := showControls(sl.text, sl.first)
		masked = masked || sl.masked || c
		buf.WriteByte(mark)
		buf.Write(l)
		if !bytes.HasSuffix(l, []byte("\n")) {
			buf.WriteString("\n\\ No newline at end of file\n")
		}
	}
	// Within a run of changes, deletions first, then insertions.
	for i := 0; i < len(h); {
		o := h[i]
		if o.a >= 0 && o.b >= 0 {
			line(' ', a[o.a])
			i++
			continue
		}
		j := i
		for j < len(h) && !(h[j].a >= 0 && h[j].b >= 0) {
			j++
		}
		for _, c := range h[i:j] {
			if c.b < 0 {
				line('-', a[c.a])
			}
		}
		for _, c := range h[i:j] {
			if c.a < 0 {
				line('+', b[c.b])
			}
		}
		i = j
	}
	return masked
}

// hunkRange formats one side of a hunk header: 1-based start and length,
// the length left out when it is 1, and an empty range numbered by the line
// it follows.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}
