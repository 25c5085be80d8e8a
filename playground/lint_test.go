package main

import (
	"encoding/json"
	"testing"
	"unicode/utf16"

	"github.com/manifestlint/manifestlint/manifest"
)

// u16 is the JavaScript string of s, for slicing as a textarea does.
func u16(s string) []uint16 { return utf16.Encode([]rune(s)) }

func TestSpanUTF16(t *testing.T) {
	tests := []struct {
		name, src string
		f         manifest.Finding
		want      string
	}{
		{"line and column to the end of the word", "a: 1\nbucket: my bucket\n",
			manifest.Finding{Line: 2, Column: 9}, "my"},
		{"after a byte order mark", "\ufeffkey:value\n", manifest.Finding{Line: 1, Column: 1}, "key:value"},
		{"after characters outside the BMP", "name: 😀😀 x\n", manifest.Finding{Line: 1, Column: 10}, "x"},
		{"CRLF line ends", "a: 1\r\nb: 2\r\n", manifest.Finding{Line: 2, Column: 4}, "2"},
		{"a place, not a range", "a: 1\nb: two words\n", manifest.Finding{Line: 2, Column: 4, EndLine: 2, EndColumn: 4, Start: 8, End: 8}, "two"},
		{"the byte range", "é: 1\nb: two words\n", manifest.Finding{Line: 2, Column: 4, Start: 9, End: 18}, "two words"},
		{"past the end", "a: 1", manifest.Finding{Line: 3, Column: 1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to := newIndex([]byte(tt.src)).span(&tt.f)
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
	b := lintJSON([]byte("manifestVersion: 2.0\ndeviceId:ABCDE\n"), pageOptions{JobType: "export", Region: "eu-west-1"})
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
