package fix

import (
	"github.com/manifestlint/manifestlint/manifest"
	"math/rand/v2"
	"strings"
	"testing"
)

// apply applies sorted, disjoint edits to src.
func applyByteEdits(t *testing.T, src string, es []manifest.Edit) string {
	t.Helper()
	var b strings.Builder
	at := 0
	for _, e := range es {
		if e.Start < at || e.End < e.Start || e.End > len(src) {
			t.Fatalf("edits out of order or range: %+v", es)
		}
		b.WriteString(src[at:e.Start])
		b.WriteString(e.New)
		at = e.End
	}
	b.WriteString(src[at:])
	return b.String()
}

// TestMinimalEdits: the edits make the fixed text, and no edit covers or
// carries a line that did not change (random line edits of a manifest).
func TestMinimalEdits(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"bucket: b\n", "acl: PRIVATE\n", "secret: KEEP%d\n", "eraseDevice: no\r\n", "x\r", "  city: Seattle\n", "\n"}
	for n := 0; n < 500; n++ {
		var lines []string
		for i := 0; i < 1+r.IntN(30); i++ {
			w := words[r.IntN(len(words))]
			w = strings.Replace(w, "%d", strings.Repeat("k", i+1), 1)
			lines = append(lines, w)
		}
		src := strings.Join(lines, "")
		var out []string
		for _, l := range lines {
			k := r.IntN(8)
			if strings.HasPrefix(l, "secret") && k == 0 {
				k = 7 // a secret line is kept
			}
			switch k {
			case 0: // removed
			case 1:
				out = append(out, "added: y\n", l)
			case 2:
				if !strings.HasPrefix(l, "secret") {
					out = append(out, strings.ToLower(l))
					continue
				}
				out = append(out, l)
			default:
				out = append(out, l)
			}
		}
		fixed := strings.Join(out, "")
		es := MinimalEdits([]byte(src), []byte(fixed))
		if got := applyByteEdits(t, src, es); got != fixed {
			t.Fatalf("edits of %q make %q, want %q", src, got, fixed)
		}
		for _, e := range es {
			if strings.Contains(e.New, "KEEP") || strings.Contains(src[e.Start:e.End], "KEEP") {
				t.Fatalf("an edit carries an unchanged secret line: %+v of %q -> %q", e, src, fixed)
			}
		}
	}
}
