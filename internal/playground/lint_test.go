package playground

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/manifestlint/manifestlint/manifest"
)

// u16 is the JavaScript string of s, for slicing as a textarea does.
func u16(s string) []uint16 { return utf16.Encode([]rune(s)) }

func TestSpanUTF16(t *testing.T) {
	tests := []struct {
		name, src string
		at        manifest.Pos // where the finding starts
		n         int          // the bytes it covers
		want      string
	}{
		{"a place: the word that starts there", "a: 1\nbucket: my bucket\n", manifest.Pos{Line: 2, Column: 9}, 0, "my"},
		{"after a byte order mark", "\ufeffkey:value\n", manifest.Pos{Line: 1, Column: 1}, 0, "key:value"},
		{"after characters outside the BMP", "name: 😀😀 x\n", manifest.Pos{Line: 1, Column: 10}, 0, "x"},
		{"CRLF line ends", "a: 1\r\nb: 2\r\n", manifest.Pos{Line: 2, Column: 4}, 0, "2"},
		{"a place at the end of the text", "a: 1", manifest.Pos{Line: 1, Column: 5}, 0, ""},
		{"the byte range", "é: 1\nb: two words\n", manifest.Pos{Line: 2, Column: 4}, 9, "two words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := manifest.NewLines([]byte(tt.src))
			off := l.Offset(tt.at)
			f := manifest.Finding{Span: l.SpanOf(off, off+tt.n)}
			from, to := span(l, &f)
			s := u16(tt.src)
			if from < 0 || to < from || to > len(s) {
				t.Fatalf("span %d..%d outside 0..%d", from, to, len(s))
			}
			if got := string(utf16.Decode(s[from:to])); got != tt.want {
				t.Errorf("selects %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLintShape: the page's result carries the JSON names of
// `--format json` for every finding, and the counts.
func TestLintShape(t *testing.T) {
	b := LintJSON([]byte("manifestVersion: 2.0\ndeviceId:ABCDE\n"), Options{JobType: "export", Region: "eu-west-1"})
	var r struct {
		JobKind  string
		Findings []map[string]any
		Errors   int
		Warnings int
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	if r.JobKind != "s3-export" || len(r.Findings) == 0 || r.Errors+r.Warnings != len(r.Findings) {
		t.Fatalf("unexpected result %s", b)
	}
	for _, k := range []string{"code", "status", "severity", "rule", "path", "line", "column", "message", "from", "to"} {
		if _, ok := r.Findings[0][k]; !ok {
			t.Errorf("finding lacks %q: %s", k, b)
		}
	}
}

// secretPage holds secret values where issue 21 found them shown: in
// braces, under keys read as a secret field, in a list entry.
const secretPage = "manifestVersion: 2.0\ndeviceId: ABCDE\nbucket: my-bucket\neraseDevice: yes\nacl: PRIVATE\n" +
	"trueCryptPassword: {Brace5ecret}\npassword: Syn0nymSecret\nPIN: 4242424242\nignore: [{pinCode: L1stSecret}]\n"

var pageSecrets = []string{"Brace5ecret", "Syn0nymSecret", "4242424242", "L1stSecret"}

// TestLintHidesSecrets: the page's lint result (messages, fix titles and
// edits) and the fixes' edits show no secret value (issue 21 items 5-7).
func TestLintHidesSecrets(t *testing.T) {
	got := string(LintJSON([]byte(secretPage), Options{}))
	for _, s := range pageSecrets {
		if strings.Contains(got, s) {
			t.Errorf("lint shows %q: %s", s, got)
		}
	}
	if !strings.Contains(got, "trueCryptPassword is `********`, an unfilled template placeholder") { // the headline; the help says braces make a mapping
		t.Errorf("the braces finding is missing: %s", got)
	}
	out, n := FixSafe([]byte(secretPage), Options{})
	if n == 0 {
		t.Fatal("no safe fix applied")
	}
	es, _ := json.Marshal(pageEdits([]byte(secretPage), out))
	for _, s := range pageSecrets {
		if strings.Contains(string(es), s) {
			t.Errorf("the fixes' edits carry %q: %s", s, es)
		}
	}
}

// TestShareTextLeavesSecretsOut: a share link holds no secret value, and
// says so; a manifest without one is shared as it is.
func TestShareTextLeavesSecretsOut(t *testing.T) {
	text, changed := ShareText([]byte(secretPage))
	if !changed {
		t.Error("shareText says no secret was left out")
	}
	for _, s := range pageSecrets {
		if strings.Contains(text, s) {
			t.Errorf("the share text holds %q:\n%s", s, text)
		}
	}
	if !strings.Contains(text, "acl: PRIVATE\n") || !strings.Contains(text, "password: ********\n") {
		t.Errorf("the share text lost other bytes:\n%s", text)
	}
	plain := "manifestVersion: 2.0\r\ndeviceId: ÄBCDE 😀\r\n"
	if got, changed := ShareText([]byte(plain)); got != plain || changed {
		t.Errorf("ShareText(%q) = %q, %v", plain, got, changed)
	}
}

// TestPageEdits: the page's edits, applied in UTF-16 offsets as the page
// applies them, make the fixed text, and change only what differs.
func TestPageEdits(t *testing.T) {
	src := "deviceId: 😀 x\r\nacl: PRIVATE\r\n" + strings.Repeat("# padding 😀\r\n", 2000) + "fileSystem: ntfs\r\n"
	out := strings.Replace(strings.Replace(src, "PRIVATE", "private", 1), "ntfs", "NTFS", 1)
	es := pageEdits([]byte(src), []byte(out))
	if len(es) != 2 {
		t.Fatalf("%d edits, want 2: %+v", len(es), es)
	}
	u := u16(src)
	var b []uint16
	at := 0
	for _, e := range es {
		b = append(append(b, u[at:e.From]...), u16(e.Text)...)
		at = e.To
	}
	b = append(b, u[at:]...)
	if got := string(utf16.Decode(b)); got != out {
		t.Errorf("the edits make\n%q\nwant\n%q", got, out)
	}
	size := 0
	for _, e := range es {
		size += len(e.Text) + e.To - e.From
	}
	if size > 40 {
		t.Errorf("the edits are %d code units for two words: %+v", size, es)
	}
}

// TestFixOneReusesTheLint: a fix button's fix is the one the last lint of
// the same text found (no second lint of a large text), and the same as a
// fresh lint's.
func TestFixOneReusesTheLint(t *testing.T) {
	src := []byte("manifestVersion: 2.0\ndeviceId: ABCDE\nbucket: my-bucket\neraseDevice: yes\nacl: PRIVATE\n")
	o := Options{JobType: "import"}
	res := lint(src, o)
	i := slices.IndexFunc(res.Findings, func(f pageFinding) bool { return f.Fix != nil })
	if i < 0 {
		t.Fatalf("no fix in %+v", res.Findings)
	}
	if _, ok := remembered(src, o); !ok {
		t.Fatal("the lint's fixes are not kept")
	}
	got, n := FixOne(src, o, i)
	if n != 1 || !strings.Contains(string(got), "acl: private\n") {
		t.Errorf("FixOne = %q, %d", got, n)
	}
	if _, ok := remembered(append([]byte("# other\n"), src...), o); ok {
		t.Error("fixes kept for another text")
	}
	if _, ok := remembered(src, Options{}); ok {
		t.Error("fixes kept for other options")
	}
	// Another text: linted afresh.
	other := append([]byte("# other\n"), src...)
	if got, n := FixOne(other, o, i); n != 1 || !strings.Contains(string(got), "acl: private\n") {
		t.Errorf("FixOne of an unlinted text = %q, %d", got, n)
	}
}
