package suppress

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

func TestCommentStart(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"# top", 0},
		{"  # indented", 2},
		{"bucket: b # c", 10},
		{"bucket: b# not a comment", -1},
		{`street2: "Unit #4"`, -1},
		{`street2: "Unit #4" # c`, 19},
		{`street2: 'Unit #4' # c`, 19},
		{`street2: 'it''s #4' # c`, 20},
		{`street2: "say \"#\"" # c`, 21},
		{"street1: O'Brien Lane # c", 22},  // an apostrophe in a plain value is text
		{`name: Jane "JJ" Doe # c`, 20},    // so is a double quote
		{"street1:'quoted #1' # c", 20},    // the key:value dialect
		{`- "a #1" # c`, 9},                // a list entry
		{`tags: ["a #1", 'b #2'] # c`, 23}, // flow sequence
		{`m: {k: "v #1"} # c`, 15},         // flow mapping
		{"url: http://x/#frag", -1},        // `#` glued to text
		{"x: a-'b #c", 8},                  // `-` glued to text: the quote is text
	}
	for _, tt := range tests {
		if got := commentStart(tt.line); got != tt.want {
			t.Errorf("commentStart(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func render(ds []Directive) string {
	var b strings.Builder
	for _, d := range ds {
		kind := "line"
		if d.File {
			kind = "file"
		}
		fmt.Fprintf(&b, "%s %d:%d target=%d", kind, d.Line, d.Column, d.Target)
		for _, n := range d.Names {
			fmt.Fprintf(&b, " %s@%d", n.Text, n.Column)
		}
		fmt.Fprintf(&b, " reason=%q", d.Reason)
		if d.Misplaced {
			b.WriteString(" misplaced")
		}
		if d.Malformed != "" {
			b.WriteString(" malformed")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestScan(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"none", "bucket: b # just a comment\n", ""},
		{"end of line", "bucket: b  # manifestlint-ignore: no-such-bucket -- staging\n",
			"line 1:12 target=1 no-such-bucket@35 reason=\"staging\"\n"},
		{"above", "a: 1\n# manifestlint-ignore: X, Y -- why\nb: 2\n",
			"line 2:1 target=3 X@24 Y@27 reason=\"why\"\n"},
		{"above skips blank and comment lines", "# manifestlint-ignore: X -- why\n\n# other\n  b: 2\n",
			"line 1:1 target=4 X@24 reason=\"why\"\n"},
		{"above at end of file", "a: 1\n# manifestlint-ignore: X -- why\n",
			"line 2:1 target=0 X@24 reason=\"why\"\n"},
		{"no reason", "a: 1 # manifestlint-ignore: X\n", "line 1:6 target=1 X@29 reason=\"\"\n"},
		{"empty reason", "a: 1 # manifestlint-ignore: X --\n", "line 1:6 target=1 X@29 reason=\"\"\n"},
		{"space-separated names", "a: 1 # manifestlint-ignore: X Y -- r\n", "line 1:6 target=1 X@29 Y@31 reason=\"r\"\n"},
		{"no space after #", "a: 1 #manifestlint-ignore:X--r\n", "line 1:6 target=1 X@27 reason=\"r\"\n"},
		{"file in leading block", "# header\n\n# manifestlint-ignore-file: X -- r\nmanifestVersion: 2.0\n",
			"file 3:1 target=0 X@29 reason=\"r\"\n"},
		{"file after first key", "manifestVersion: 2.0\n# manifestlint-ignore-file: X -- r\n",
			"file 2:1 target=0 X@29 reason=\"r\" misplaced\n"},
		{"file after ---", "---\n# manifestlint-ignore-file: X -- r\n",
			"file 2:1 target=0 X@29 reason=\"r\" misplaced\n"},
		{"quoted # is not a comment", "street2: \"# manifestlint-ignore: X -- r\"\n", ""},
		{"no colon", "a: 1 # manifestlint-ignore X -- r\n", "line 1:6 target=1 reason=\"\" malformed\n"},
		{"no names", "a: 1 # manifestlint-ignore: -- r\n", "line 1:6 target=1 reason=\"r\" malformed\n"},
		{"other form", "# manifestlint-ignore-next-line: X -- r\na: 1\n", "line 1:1 target=2 reason=\"\" malformed\n"},
		{"a word that only starts with the marker", "a: 1 # manifestlint-ignored by hand\n", ""},
		{"BOM and CRLF", "\ufeff# manifestlint-ignore-file: X -- r\r\na: 1\r\n", "file 1:1 target=0 X@29 reason=\"r\"\n"},
		{"columns count characters", "city: Zürich # manifestlint-ignore: X -- r\n", "line 1:14 target=1 X@37 reason=\"r\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(Scan([]byte(tt.src))); got != tt.want {
				t.Errorf("Scan(%q)\n got: %s\nwant: %s", tt.src, got, tt.want)
			}
		})
	}
}

func BenchmarkScanNoDirective(b *testing.B) {
	src := []byte(strings.Repeat("returnAddress:\n  name: Jane Doe # a comment\n", 50))
	for b.Loop() {
		Scan(src)
	}
}

// TestScanLineBreaks checks that directives land on the lines yaml.v3 and
// every finding count, whatever the line ends: CR alone, CRLF, LF mixed,
// after a byte order mark.
func TestScanLineBreaks(t *testing.T) {
	for _, sep := range []string{"\n", "\r", "\r\n", "\u2028"} {
		src := "\ufeff# head" + sep + "# manifestlint-ignore: erase-device -- ok" + sep + sep + "eraseDevice: no" + sep +
			"bucket: b # manifestlint-ignore: bucket-exists -- ok" + sep
		ds := Scan([]byte(src))
		if len(ds) != 2 {
			t.Fatalf("%q: %d directives, want 2", sep, len(ds))
		}
		if ds[0].Line != 2 || ds[0].Column != 1 || ds[0].Target != 4 {
			t.Errorf("%q: own-line directive at %d:%d, target %d; want 2:1, target 4", sep, ds[0].Line, ds[0].Column, ds[0].Target)
		}
		if ds[1].Line != 5 || ds[1].Column != 11 || ds[1].Target != 5 {
			t.Errorf("%q: end-of-line directive at %d:%d, target %d; want 5:11, target 5", sep, ds[1].Line, ds[1].Column, ds[1].Target)
		}
	}
}

// TestScanDocumentSkipsScalarContent: suppression-like text inside a block,
// folded or quoted scalar that spans lines is content, not a directive (it
// gave a false unused-suppression warning); a comment after a block
// indicator, or after a closing quote, still is one.
func TestScanDocumentSkipsScalarContent(t *testing.T) {
	src := "" +
		"a: |  # manifestlint-ignore: A1 -- header comment\n" + // 1: a directive
		"  # manifestlint-ignore: B1 -- literal content\n" + // 2
		"  text # manifestlint-ignore: B2 -- literal content\n" + // 3
		"b: >-\n" + // 4
		"  # manifestlint-ignore-file: B3 -- folded content\n" + // 5
		"c: \"first\n" + // 6
		"  # manifestlint-ignore: B4 -- quoted content\n" + // 7
		"  last\" # manifestlint-ignore: A2 -- after the quote\n" + // 8
		"d: 'one\n" + // 9
		"  two # manifestlint-ignore: B5 -- single-quoted content'\n" + // 10
		"e: plain\n" + // 11
		"# manifestlint-ignore: A3 -- own line\n" + // 12
		"f: x\n" // 13
	doc, fs := manifest.Parse("m.yaml", []byte(src))
	if doc.Root == nil {
		t.Fatalf("the test document does not parse: %v", fs)
	}
	var got []string
	for _, d := range ScanDocument(doc) {
		for _, n := range d.Names {
			got = append(got, n.Text)
		}
	}
	if strings.Join(got, " ") != "A1 A2 A3" {
		t.Errorf("directives %v, want A1 A2 A3 (B* are scalar content)", got)
	}
	// Without the tree every line looks like a comment.
	if n := len(ScanLines(doc.Lines())); n <= 3 {
		t.Errorf("ScanLines found %d directives: the test does not exercise the scalars", n)
	}
}

// Applies reports whether d silences findings on line.
func (d *Directive) Applies(line int) bool {
	if d.Malformed != "" {
		return false
	}
	if d.File {
		return !d.Misplaced
	}
	return d.Target != 0 && d.Target == line
}

// Scan returns the suppression directives of src, in source order. It costs
// one substring search for a file that has none.
func Scan(src []byte) []Directive {
	if !bytes.Contains(src, markerBytes) {
		return nil
	}
	return ScanLines(manifest.NewLines(src))
}

// ScanLines is Scan of an indexed source (Document.Lines), whose lines and
// columns are those of yaml.v3 and of every finding.
func ScanLines(l *manifest.Lines) []Directive {
	if !bytes.Contains(l.Source(), markerBytes) {
		return nil
	}
	return scan(l, nil)
}
