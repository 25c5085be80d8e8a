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

// TestOnePassScansAgree checks the scans that read a value once against
// the library calls they replace, on random text of the characters and
// words each one reads: mayHoldPlaceholder against strings.ContainsAny and
// strings.Contains, the `..` segment test of directoryProblem against
// strings.FieldsFunc, looksLikeIPv4 against strings.Split.
func TestOnePassScansAgree(t *testing.T) {
	mayHold := func(v string) bool {
		return strings.ContainsAny(v, "[<${@*") || strings.Contains(v, "TODO") || strings.Contains(v, "FIXME") ||
			strings.Contains(v, "TBD") || strings.Contains(v, "CHANGE")
	}
	climbs := func(dir string) bool {
		for _, seg := range strings.FieldsFunc(dir, func(r rune) bool { return r == '/' || r == '\\' }) {
			if seg == ".." {
				return true
			}
		}
		return false
	}
	ipv4 := func(s string) bool {
		parts := strings.Split(s, ".")
		if len(parts) != 4 {
			return false
		}
		for _, part := range parts {
			if part == "" || len(part) > 3 {
				return false
			}
			for i := 0; i < len(part); i++ {
				if part[i] < '0' || part[i] > '9' {
					return false
				}
			}
		}
		return true
	}
	parts := []string{"[", "<", "$", "{", "@", "*", "T", "TO", "TODO", "TBD", "TB", "F", "FIXME", "FIX", "C", "CHANGE",
		"CHANG", "a", " ", ".", "..", "/", "\\", "1", "12", "123", "1234", "0", "é", "\xff", "x"}
	r := rand.New(rand.NewPCG(5, 6))
	seen := map[string]int{}
	for range 200000 {
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		v := b.String()
		if got, want := mayHoldPlaceholder(v), mayHold(v); got != want {
			t.Fatalf("mayHoldPlaceholder(%q) = %v, want %v", v, got, want)
		}
		if v != "" && v[0] != '/' && v[0] != '\\' && !(len(v) >= 2 && v[1] == ':') {
			if got, want := directoryProblem(v) == "has a `..` segment", climbs(v); got != want {
				t.Fatalf("directoryProblem(%q) names a `..` segment: %v, want %v", v, got, want)
			} else if got {
				seen["climbs"]++
			}
		}
		if mayHold(v) {
			seen["placeholder"]++
		}
	}
	groups := []string{".", ".", "1", "12", "123", "1234", "0", "a", "-", ""}
	for range 100000 {
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteString(groups[r.IntN(len(groups))])
		}
		v := b.String()
		if got, want := looksLikeIPv4(v), ipv4(v); got != want {
			t.Fatalf("looksLikeIPv4(%q) = %v, want %v", v, got, want)
		} else if got {
			seen["ipv4"]++
		}
	}
	for _, k := range []string{"climbs", "ipv4", "placeholder"} {
		if seen[k] == 0 {
			t.Errorf("no random value was %s: the test says nothing of it", k)
		}
	}
}

// TestDNSCompliantAgrees checks the one-pass test of a bucket name against
// the rule-by-rule list it skips: on random names of the legacy charset
// (every name the bucket rules see) dnsCompliant holds exactly when the
// list is empty, and on any text only then.
func TestDNSCompliantAgrees(t *testing.T) {
	parts := []string{"a", "b", "z", "0", "9", "1", "12", "123", ".", "-", "_", "A", "Q", "..", ".-", "-.", "--", "bucket", "x.y"}
	other := []string{"!", " ", "é", "/", ":"}
	r := rand.New(rand.NewPCG(7, 8))
	compliant := 0
	for n := range 300000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		legacy := n%4 != 0
		if !legacy {
			b.WriteString(other[r.IntN(len(other))])
			for range r.IntN(4) {
				b.WriteString(parts[r.IntN(len(parts))])
			}
		}
		name := b.String()
		if len(name) == 0 {
			continue
		}
		if r.IntN(20) == 0 {
			name = strings.Repeat(name, 1+r.IntN(12)) // past 63
		}
		got, list := dnsCompliant(name), dnsProblemList(name)
		if got && len(list) > 0 || legacy && !got && len(list) == 0 {
			t.Fatalf("dnsCompliant(%q) = %v, the rules find %q", name, got, list)
		}
		if got {
			compliant++
		}
	}
	if compliant == 0 {
		t.Error("no random name was compliant: the test says nothing")
	}
	for _, ip := range []string{"192.168.5.4", "1.2.3.4", "001.02.3.44"} {
		if dnsCompliant(ip) {
			t.Errorf("dnsCompliant(%q): an IP address", ip)
		}
	}
}
