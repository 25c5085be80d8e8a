package suppress

import (
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

func apply(src string, e manifest.Edit) string { return src[:e.Start] + e.New + src[e.End:] }

func parsed(t *testing.T, src string) *manifest.Document {
	t.Helper()
	doc, _ := manifest.Parse("m.yaml", []byte(src))
	return doc
}

func TestLineEdit(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		line      int
		want      string
	}{
		{"end of a line without a comment", "bucket: b\nacl: x   \n", 2,
			"bucket: b\nacl: x # manifestlint-ignore: N -- \n"},
		{"above a line with a comment", "returnAddress:\n    street1: PO Box 1 # the office\n", 2,
			"returnAddress:\n    # manifestlint-ignore: N -- \n    street1: PO Box 1 # the office\n"},
		{"joins the comment that applies to the line", "acl: x # manifestlint-ignore: A -- why\n", 1,
			"acl: x # manifestlint-ignore: A, N -- why\n"},
		{"joins an own-line comment above", "# manifestlint-ignore: A\nacl: x\n", 2,
			"# manifestlint-ignore: A, N\nacl: x\n"},
		{"keeps CRLF", "bucket: b\r\nacl: x # note\r\n", 2,
			"bucket: b\r\n# manifestlint-ignore: N -- \r\nacl: x # note\r\n"},
		{"writes CR LF, not a NEL before it", "# a\u0085bucket: b\r\nacl: x # note\r\n", 3,
			"# a\u0085bucket: b\r\n# manifestlint-ignore: N -- \r\nacl: x # note\r\n"},
		{"a # in a quoted value is no comment", "name: \"Unit #4\"\n", 1,
			"name: \"Unit #4\"\n"[:0] + "# manifestlint-ignore: N -- \nname: \"Unit #4\"\n"},
	} {
		got := apply(tc.src, LineEdit(parsed(t, tc.src), tc.line, "N"))
		if got != tc.want {
			t.Errorf("%s: got\n%q\nwant\n%q", tc.name, got, tc.want)
		}
		// What is written is read back as a directive naming N for the line.
		found := false
		for _, d := range Scan([]byte(got)) {
			for _, n := range d.Names {
				found = found || n.Text == "N" && d.Malformed == ""
			}
		}
		if !found {
			t.Errorf("%s: Scan does not read the written suppression:\n%s", tc.name, got)
		}
	}
}

func TestFileEdit(t *testing.T) {
	src := "\ufeffbucket: b\r\nacl: x\r\n"
	got := apply(src, FileEdit(parsed(t, src), "N"))
	if want := "\ufeff# manifestlint-ignore-file: N -- \r\nbucket: b\r\nacl: x\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	ds := Scan([]byte(got))
	if len(ds) != 1 || !ds[0].File || ds[0].Misplaced || !ds[0].Applies(3) {
		t.Errorf("the file suppression written is not read as one that applies: %+v", ds)
	}
}

func TestNameBeingTyped(t *testing.T) {
	for prefix, want := range map[string]string{
		"acl: x # manifestlint-ignore: ":              "",
		"acl: x # manifestlint-ignore: InvalidAdd":    "InvalidAdd",
		"# manifestlint-ignore-file: a-b, address-po": "address-po",
	} {
		if got, ok := NameBeingTyped(prefix); !ok || got != want {
			t.Errorf("NameBeingTyped(%q) = %q, %v; want %q", prefix, got, ok, want)
		}
	}
	for _, prefix := range []string{"acl: x", "acl: x # manifestlint-ignore"} {
		if got, ok := NameBeingTyped(prefix); ok {
			t.Errorf("NameBeingTyped(%q) = %q, true; want false", prefix, got)
		}
	}
}

func TestSilenceable(t *testing.T) {
	if Silenceable(RuleUnusedSuppression) || Silenceable(RuleSuppressionWithoutReason) || !Silenceable("address-po-box") {
		t.Error("only the suppression rules are not silenceable")
	}
	if NameOf(manifest.Finding{Rule: "r", Code: "C"}) != "C" || NameOf(manifest.Finding{Rule: "r"}) != "r" {
		t.Error("NameOf prefers the code, then the rule id")
	}
}

func finding(line int, rule string, code manifest.Code) manifest.Finding {
	return manifest.Finding{Span: manifest.Span{Line: line, Column: 1}, Rule: rule, Code: code, Severity: manifest.Error, Message: rule}
}

func rulesOf(fs []manifest.Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+"@"+string(rune('0'+f.Line)))
	}
	return strings.Join(out, " ")
}

func noUnknown(string) string { return "" }

func TestApply(t *testing.T) {
	src := "# manifestlint-ignore-file: file-rule -- agreed\n" +
		"bucket: b # manifestlint-ignore: line-rule, InvalidAddressException -- why\n" +
		"# manifestlint-ignore: other\n" +
		"acl: x\n" +
		"prefix: p # manifestlint-ignore: never-fires\n"
	doc := parsed(t, src)
	fs := []manifest.Finding{
		finding(2, "line-rule", ""),
		finding(2, "address-state", manifest.InvalidAddress), // by its code
		finding(4, "other", ""),                              // by the own-line comment above
		finding(4, "line-rule", ""),                          // not on line 2: stays
		finding(5, "file-rule", ""),                          // anywhere in the file
	}
	got := Apply(doc, fs, noUnknown)
	// Kept: line-rule on line 4; then a warning that line 3's comment has
	// no reason, and that line 5's has none and silences nothing.
	if want := "line-rule@4 suppression-without-reason@3 suppression-without-reason@5 unused-suppression@5"; rulesOf(got) != want {
		t.Fatalf("Apply kept %q, want %q", rulesOf(got), want)
	}
	unused := got[len(got)-1]
	if unused.Fix == nil || !strings.Contains(unused.Message+" "+unused.Help, "never-fires") {
		t.Fatalf("the unused suppression has no fix or does not name the rule: %+v", unused)
	}
	fixed := src
	for i := len(unused.Fix.Edits) - 1; i >= 0; i-- {
		fixed = apply(fixed, unused.Fix.Edits[i])
	}
	if !strings.HasSuffix(fixed, "\nprefix: p\n") {
		t.Errorf("the fix of the unused suppression leaves %q", fixed)
	}
}

func TestApplyMisplacedAndMalformed(t *testing.T) {
	src := "bucket: b\n# manifestlint-ignore-file: r -- late\nacl: x # manifestlint-ignore r\n"
	got := Apply(parsed(t, src), []manifest.Finding{finding(1, "r", ""), finding(3, "r", "")}, func(n string) string {
		return ""
	})
	if want := "r@1 r@3 unused-suppression@2 unused-suppression@3"; rulesOf(got) != want {
		t.Fatalf("Apply kept %q, want %q", rulesOf(got), want)
	}
	if !strings.Contains(got[2].Message+" "+got[2].Help, "top of the file") || got[2].Fix != nil {
		t.Errorf("a misplaced file suppression is to be moved, not removed: %+v", got[2])
	}
	if !strings.Contains(got[3].Message+" "+got[3].Help, "no `:`") {
		t.Errorf("a malformed suppression says why: %+v", got[3])
	}
}

func TestApplyUnknownName(t *testing.T) {
	src := "acl: x # manifestlint-ignore: adress-po-box -- typo\n"
	got := Apply(parsed(t, src), nil, func(n string) string { return "did you mean address-po-box?" })
	if len(got) != 1 || got[0].Fix != nil || !strings.Contains(got[0].Message+" "+got[0].Help, "did you mean address-po-box?") {
		t.Errorf("an unknown name is explained and left to correct: %+v", got)
	}
}
