package fix

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
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

// TestMinimalEditsAtTheEnd: a fixed text that only adds to the end of src
// (src a prefix of it) is one insertion at the end (this indexed past src).
func TestMinimalEditsAtTheEnd(t *testing.T) {
	for _, tt := range []struct {
		src, fixed string
		want       manifest.Edit
	}{
		{"acl: private", "acl: private\n", manifest.Edit{Start: 12, End: 12, New: "\n"}},
		{"x\r", "x\r\n", manifest.Edit{Start: 2, End: 2, New: "\n"}},
		{"a: é", "a: éa", manifest.Edit{Start: 5, End: 5, New: "a"}},
	} {
		es := MinimalEdits([]byte(tt.src), []byte(tt.fixed))
		if len(es) != 1 || es[0] != tt.want {
			t.Errorf("MinimalEdits(%q, %q) = %+v, want %+v", tt.src, tt.fixed, es, tt.want)
		}
	}
}

// lcs is the length of a longest common subsequence of a and b (dynamic
// programming): a shortest diff changes len(a)+len(b)-2*lcs lines.
func lcs(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func byteLines(ls []string) [][]byte {
	out := make([][]byte, len(ls))
	for i, l := range ls {
		out[i] = []byte(l)
	}
	return out
}

// TestDiffLines: for random line lists, DiffLines' hunks are in order,
// apart (an equal line between two), turn a into b when applied, and
// change as few lines as a longest common subsequence allows; past
// maxEdits the one hunk of the changed middle still turns a into b.
func TestDiffLines(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"a\n", "b\n", "c\n", "\n", "d"}
	randomLines := func() []string {
		ls := make([]string, r.IntN(25))
		for i := range ls {
			ls[i] = words[r.IntN(len(words))]
		}
		return ls
	}
	for n := 0; n < 2000; n++ {
		a, b := randomLines(), randomLines()
		if n%2 == 0 { // b an edit of a, as fixes make
			b = append([]string(nil), a...)
			for range r.IntN(4) {
				if j := r.IntN(len(b) + 1); r.IntN(2) == 0 || j == len(b) {
					b = append(b[:j], append([]string{words[r.IntN(len(words))]}, b[j:]...)...)
				} else {
					b = append(b[:j], b[j+1:]...)
				}
			}
		}
		for _, maxEdits := range []int{2000, 3} {
			hs, ok := DiffLines(byteLines(a), byteLines(b), maxEdits)
			var got []string
			at, changed := 0, 0
			for i, h := range hs {
				if h.A0 < at || h.A1 < h.A0 || h.B1 < h.B0 || h.A1 > len(a) || h.B1 > len(b) || (i > 0 && h.A0 == at) {
					t.Fatalf("%q -> %q: hunks out of order, overlapping or touching: %+v", a, b, hs)
				}
				if at == 0 && i == 0 && h.B0 != h.A0 || i > 0 && h.B0-hs[i-1].B1 != h.A0-at {
					t.Fatalf("%q -> %q: the equal lines before hunk %d do not match: %+v", a, b, i, hs)
				}
				got = append(append(got, a[at:h.A0]...), b[h.B0:h.B1]...)
				at = h.A1
				changed += h.A1 - h.A0 + h.B1 - h.B0
			}
			got = append(got, a[at:]...)
			if !slices.Equal(got, b) {
				t.Fatalf("%q -> %q: hunks %+v make %q", a, b, hs, got)
			}
			if shortest := len(a) + len(b) - 2*lcs(a, b); ok && changed != shortest {
				t.Fatalf("%q -> %q: %d lines changed, a shortest diff changes %d: %+v", a, b, changed, shortest, hs)
			} else if !ok && (shortest <= maxEdits || len(hs) != 1) {
				t.Fatalf("%q -> %q: gave up (%+v) at %d edits under the bound %d", a, b, hs, shortest, maxEdits)
			}
		}
	}
}

// TestDiffLinesMemory: the walk back keeps only the window of Myers' V
// array each step reads (O(D²) in all), not the whole array per step
// (O(D·maxEdits)): 100 lines changed of 10,000 (D = 200) cost well under
// the 200 copies of 4,003 ints that whole arrays at the bound of 2,000
// would (6.4 MB).
func TestDiffLinesMemory(t *testing.T) {
	var a, b [][]byte
	for i := range 10000 {
		a = append(a, []byte(fmt.Sprintf("k%d: v\n", i)))
		if i%100 == 0 {
			b = append(b, []byte(fmt.Sprintf("k%d: w\n", i)))
		} else {
			b = append(b, a[i])
		}
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	hs, ok := DiffLines(a, b, maxDiffEdits)
	runtime.ReadMemStats(&after)
	if !ok || len(hs) != 100 {
		t.Fatalf("ok %v, %d hunks, want 100", ok, len(hs))
	}
	whole := uint64(200 * (2*maxDiffEdits + 3) * 8)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > whole/8 {
		t.Errorf("DiffLines allocated %d bytes for D = 200; whole V arrays would be %d", alloc, whole)
	}
}

// BenchmarkDiffLines diffs 10,000 lines with 100 changed, as a fix of many
// findings makes.
func BenchmarkDiffLines(b *testing.B) {
	var x, y [][]byte
	for i := range 10000 {
		x = append(x, []byte(fmt.Sprintf("k%d: v\n", i)))
		y = append(y, []byte(fmt.Sprintf("k%d: %c\n", i, "vw"[min(i%100, 1)])))
	}
	b.ReportAllocs()
	for b.Loop() {
		DiffLines(x, y, maxDiffEdits)
	}
}
