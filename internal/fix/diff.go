package fix

// This file turns a fixed text back into the few edits that make it, so
// that an editor (the language server's code actions, the playground)
// gets only the bytes the fixes changed: never the unchanged lines
// between two fixes (which may hold a secret value, as trueCryptPassword's
// does), nor a whole document to re-insert.

import (
	"bytes"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/manifest"
)

// maxDiffEdits bounds the work of MinimalEdits (the edit distance in
// lines it searches to): the fix engine changes a few lines; past the
// bound the changes are given as one edit.
const maxDiffEdits = 2000

// MinimalEdits returns edits of src that make fixed: one per run of
// changed lines (a line diff, lines ending at LF, CR LF or a lone CR as an
// editor has them), each cut to the bytes that differ, and one per line
// where a run replaces as many lines as it removes. Unchanged lines are in
// no edit. The edits are sorted and do not overlap.
func MinimalEdits(src, fixed []byte) []manifest.Edit {
	if bytes.Equal(src, fixed) {
		return nil
	}
	a, b := manifest.NewLSPLines(src).Split(), manifest.NewLSPLines(fixed).Split()
	hunks, ok := DiffLines(a, b, maxDiffEdits)
	if !ok {
		return []manifest.Edit{minimalEdit(src, fixed)}
	}
	offA, offB := lineOffsets(a), lineOffsets(b)
	var out []manifest.Edit
	add := func(i0, i1, j0, j1 int) {
		e := minimalEdit(src[offA[i0]:offA[i1]], fixed[offB[j0]:offB[j1]])
		e.Start += offA[i0]
		e.End += offA[i0]
		out = append(out, e)
	}
	for _, h := range hunks {
		if h.A1-h.A0 == h.B1-h.B0 {
			for k := 0; k < h.A1-h.A0; k++ {
				add(h.A0+k, h.A0+k+1, h.B0+k, h.B0+k+1)
			}
			continue
		}
		add(h.A0, h.A1, h.B0, h.B1)
	}
	return out
}

// lineOffsets are the byte offsets of each line's start, and of the end.
func lineOffsets(lines [][]byte) []int {
	off := make([]int, len(lines)+1)
	for i, l := range lines {
		off[i+1] = off[i] + len(l)
	}
	return off
}

// Hunk is a run of changed lines of a line diff: lines a[A0:A1] (0-based)
// are replaced by b[B0:B1].
type Hunk struct{ A0, A1, B0, B1 int }

// DiffLines is a shortest line diff of a and b: Myers' O(ND) algorithm
// after their common first and last lines, as the runs of changed lines in
// order (the equal lines between them left out). It is the diff of
// MinimalEdits and of the command line's --diff. Past maxEdits single-line
// edits it stops with ok false and one hunk, the whole middle between the
// common first and last lines, which is still a correct diff.
//
// Memory is O(D²) for an edit distance D: of Myers' V array it keeps, for
// each step d, only the window v[-d-1 : d+2] that the walk back reads.
func DiffLines(a, b [][]byte, maxEdits int) (hs []Hunk, ok bool) {
	pre := 0
	for pre < len(a) && pre < len(b) && bytes.Equal(a[pre], b[pre]) {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && bytes.Equal(a[len(a)-1-suf], b[len(b)-1-suf]) {
		suf++
	}
	A, B := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(A), len(B)
	middle := []Hunk{{pre, pre + n, pre, pre + m}}
	switch {
	case n == 0 && m == 0:
		return nil, true
	case n == 0 || m == 0:
		return middle, true
	}
	maxD := min(n+m, maxEdits)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	found := false
	for d := 0; d <= maxD && !found; d++ {
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && bytes.Equal(A[x], B[y]) {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = true
				break
			}
		}
	}
	if !found {
		return middle, false
	}
	// Walk back from (n, m): each step of d is a run of equal lines
	// after one deletion or insertion.
	var edits []Hunk // single-line edits, from the end
	x, y := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		w := trace[d] // v[off-d-1 : off+d+2] as it was before step d
		at := func(k int) int { return w[k+d+1] }
		k := x - y
		pk := k - 1 // came by a deletion
		if k == -d || k != d && at(k-1) < at(k+1) {
			pk = k + 1 // came by an insertion
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			x, y = x-1, y-1
		}
		if d > 0 {
			if x == px {
				edits = append(edits, Hunk{px, px, py, py + 1}) // insert B[py]
			} else {
				edits = append(edits, Hunk{px, px + 1, py, py}) // delete A[px]
			}
		}
		x, y = px, py
	}
	// Merge adjacent single-line edits into hunks, in order.
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		e.A0, e.A1, e.B0, e.B1 = e.A0+pre, e.A1+pre, e.B0+pre, e.B1+pre
		if k := len(hs) - 1; k >= 0 && hs[k].A1 == e.A0 && hs[k].B1 == e.B0 {
			hs[k].A1, hs[k].B1 = e.A1, e.B1
			continue
		}
		hs = append(hs, e)
	}
	return hs, true
}

// minimalEdit is the one edit that turns src into fixedSrc: the bytes
// between their common prefix and suffix, whole characters.
func minimalEdit(src, fixedSrc []byte) manifest.Edit {
	pre := 0
	for pre < len(src) && pre < len(fixedSrc) && src[pre] == fixedSrc[pre] {
		pre++
	}
	// Keep whole characters at both ends of the edit.
	for pre > 0 && pre < len(src) && !utf8.RuneStart(src[pre]) {
		pre--
	}
	suf := 0
	for suf < len(src)-pre && suf < len(fixedSrc)-pre && src[len(src)-1-suf] == fixedSrc[len(fixedSrc)-1-suf] {
		suf++
	}
	for suf > 0 && !utf8.RuneStart(src[len(src)-suf]) {
		suf--
	}
	return manifest.Edit{Start: pre, End: len(src) - suf, New: string(fixedSrc[pre : len(fixedSrc)-suf])}
}
