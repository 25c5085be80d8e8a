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
	"github.com/manifestlint/manifestlint/internal/fix"
	"github.com/manifestlint/manifestlint/manifest"
)

// diffContext is the number of unchanged lines around each change.
const diffContext = 3

// maxDiffCost bounds the edit script search (Myers' D, fix.DiffLines);
// beyond it the changed middle of the file is shown as one replaced block,
// which is still a correct diff.
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
	al, bl := manifest.NewLFLines(a).Split(), manifest.NewLFLines(b).Split()
	hs, _ := fix.DiffLines(al, bl, maxDiffCost)
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "--- %s\n+++ %s\n", diffName("a/"+path), diffName("b/"+path))
	masked = writeHunks(&buf, hs, shownLines(da, al), shownLines(db, bl))
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
			le, next := l.End(n), l.Next(n)
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

// writeHunks writes the changes hs as unified diff hunks: each change with
// diffContext equal lines around it, changes closer than twice that in one
// hunk, deletions before insertions. A line without a final LF is followed
// by git's "\ No newline at end of file". It reports whether it masked a
// secret or a control character.
func writeHunks(buf *bytes.Buffer, hs []fix.Hunk, a, b []shown) (masked bool) {
	line := func(mark byte, sl shown) {
		l, c := showControls(sl.text, sl.first)
		masked = masked || sl.masked || c
		buf.WriteByte(mark)
		buf.Write(l)
		if !bytes.HasSuffix(l, []byte("\n")) {
			buf.WriteString("\n\\ No newline at end of file\n")
		}
	}
	for i := 0; i < len(hs); {
		j := i + 1
		for j < len(hs) && hs[j].A0-hs[j-1].A1 <= 2*diffContext {
			j++
		}
		first, last := hs[i], hs[j-1]
		// Equal lines pair up one to one around the changes.
		a0, a1 := max(first.A0-diffContext, 0), min(last.A1+diffContext, len(a))
		b0, b1 := first.B0-(first.A0-a0), last.B1+(a1-last.A1)
		fmt.Fprintf(buf, "@@ -%s +%s @@\n", hunkRange(a0, a1-a0), hunkRange(b0, b1-b0))
		at := a0
		for _, h := range hs[i:j] {
			for _, sl := range a[at:h.A0] {
				line(' ', sl)
			}
			for _, sl := range a[h.A0:h.A1] {
				line('-', sl)
			}
			for _, sl := range b[h.B0:h.B1] {
				line('+', sl)
			}
			at = h.A1
		}
		for _, sl := range a[at:a1] {
			line(' ', sl)
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
