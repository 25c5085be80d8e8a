package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestMayBePOBox checks the guard before the PO-box regexp: every text
// the regexp matches has a p and a b (the regexp is case-insensitive, and
// neither letter has another case fold), so skipping the others loses no
// finding.
func TestMayBePOBox(t *testing.T) {
	for _, v := range []string{
		"PO Box 123", "P.O. Box 5", "p o box 9", "POB 12", "P.O.B. 7", "G.P.O. Box 1", "gpo box 2",
		"Post Office Box 3", "POST OFFICE BOX 4", "pob1", "Apartado P.O. BOX 8", "P. O. B 99",
		"123 Any Street", "Suite 400", "Box Hill Road", "Apt 4", "Pobox Lane", "Boulevard Saint-Paul",
		"ⓅⓄ Box", "ᴘᴏ ʙᴏx 1", "ℙ𝕆 Box",
	} {
		if poBox().MatchString(v) && !mayBePOBox(v) {
			t.Errorf("poBox matches %q but mayBePOBox says it cannot", v)
		}
	}
}

// TestSampleValueAgrees checks sampleValue against the map lookup it
// stands for, strings.ToLower then sampleValues.
func TestSampleValueAgrees(t *testing.T) {
	vals := []string{"", "Seattle", "WA", "jane roe", "Jane Roe", "JANE ROE", "Jane  Roe", "123 Any Street",
		"123 ANY STREET", "AnyCompany", "Example Corp.", "example corp", "John Doe", "Richard Roe",
		"Joe Random", "Jane Doe", "John Doe Jr", "jöhn doe", "123 any ſtreet", "ANYCOMPANY", "anycompany "}
	for k := range sampleValues {
		vals = append(vals, k, strings.ToUpper(k))
	}
	for _, v := range vals {
		wantFrom, wantOK := sampleValues[strings.ToLower(v)]
		from, ok := sampleValue(v)
		if from != wantFrom || ok != wantOK {
			t.Errorf("sampleValue(%q) = %q, %v; the map gives %q, %v", v, from, ok, wantFrom, wantOK)
		}
	}
}

// TestPlaceholderMarksMay checks each placeholder mark's cheap test: on
// random text of the characters and words the patterns read, a value a
// pattern matches always passes its test (placeholderIn skips the
// pattern otherwise).
func TestPlaceholderMarksMay(t *testing.T) {
	parts := []string{"<", ">", "$", "{", "}", "@", "*", "a", "Z", "_", ".", "-", " ", "TODO", "FIXME", "TBD",
		"CHANGEME", "CHANGE_ME", "CHANGE", "x@y.com", "${A}", "{{ b }}", "@N@", "***S***", "<b>"}
	r := rand.New(rand.NewPCG(3, 4))
	matched := make([]int, len(placeholderMarks))
	for range 50000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		v := b.String()
		for i, m := range placeholderMarks {
			if m.re.get().MatchString(v) {
				matched[i]++
				if !m.may(v) {
					t.Fatalf("%q matches %s but its test says it cannot", v, m.re.expr)
				}
			}
		}
	}
	for i, n := range matched {
		if n == 0 {
			t.Errorf("no random value matched %s: the test says nothing of it", placeholderMarks[i].re.expr)
		}
	}
}
