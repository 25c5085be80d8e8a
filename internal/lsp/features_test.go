package lsp

import (
	"sort"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/fix"
	"github.com/manifestlint/manifestlint/internal/suppress"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// posOf returns the utf-16 position of the first occurrence of needle,
// plus delta characters.
func posOf(t *testing.T, text, needle string, delta int) Position {
	t.Helper()
	i := strings.Index(text, needle)
	if i < 0 {
		t.Fatalf("%q not in the text", needle)
	}
	return newLineIndex(text).position(i+delta, utf16)
}

func hoverAt(t *testing.T, c *testClient, uri string, p Position) string {
	t.Helper()
	var h *hover
	c.result("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}, &h)
	if h == nil {
		return ""
	}
	if h.Contents.Kind != "markdown" {
		t.Errorf("hover kind %q", h.Contents.Kind)
	}
	return h.Contents.Value
}

func TestHover(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:h"
	c.open(uri, brokenManifest, 1)
	c.diagnostics(0, uri, 1)

	got := hoverAt(t, c, uri, posOf(t, brokenManifest, "eraseDevice:", 2))
	// The service requires yes: the schema allows nothing else.
	for _, want := range []string{"**eraseDevice** — required for S3 import", "Allowed values: `yes`\n", "Example: `eraseDevice: yes`"} {
		if !strings.Contains(got, want) {
			t.Errorf("hover on eraseDevice lacks %q:\n%s", want, got)
		}
	}
	// eraseDevice: no is a finding: hovering the key shows it too.
	if !strings.Contains(got, "InvalidManifestFieldException") {
		t.Errorf("hover on eraseDevice lacks its finding:\n%s", got)
	}

	got = hoverAt(t, c, uri, posOf(t, brokenManifest, "PO Box", 1))
	for _, want := range []string{"**InvalidAddressException**", "post-office box", "```text"} {
		if !strings.Contains(got, want) {
			t.Errorf("hover on the PO box lacks %q:\n%s", want, got)
		}
	}

	got = hoverAt(t, c, uri, posOf(t, brokenManifest, "Torres", 0)) // a value with no finding
	if !strings.Contains(got, "**name** — required for S3 import") || strings.Contains(got, "Exception") {
		t.Errorf("hover on a good value:\n%s", got)
	}
	got = hoverAt(t, c, uri, posOf(t, brokenManifest, "postalCode:", 0))
	if !strings.Contains(got, "**postalCode** — optional for S3 import") || !strings.Contains(got, "98101-1234") {
		t.Errorf("hover on postalCode:\n%s", got)
	}
	got = hoverAt(t, c, uri, posOf(t, brokenManifest, "erase_device", 1))
	if !strings.Contains(got, "not a field of S3 import manifests") {
		t.Errorf("hover on an unknown key:\n%s", got)
	}
}

func TestHoverEscapesMarkdown(t *testing.T) {
	if got := mdEscape("bucket `a_b*c` is [x](http://e) <b>"); got != "bucket `a_b*c` is \\[x\\](http://e) &lt;b&gt;" {
		t.Errorf("mdEscape = %q", got)
	}
	if got := mdEscape("odd ` [x]"); got != "odd \\` \\[x\\]" {
		t.Errorf("mdEscape = %q", got)
	}
}

// labels lists the completion labels at the end of needle.
func labels(t *testing.T, c *testClient, uri, text, needle string) []string {
	t.Helper()
	var list completionList
	c.result("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": posOf(t, text, needle, len(needle))}, &list)
	var out []string
	for _, it := range list.Items {
		out = append(out, it.Label)
		if it.TextEdit == nil {
			t.Errorf("item %q has no textEdit", it.Label)
		}
	}
	return out
}

func has(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

func TestCompletion(t *testing.T) {
	const text = "manifestVersion: 2.0\nbucket: b\n\nreturnAddress:\n    name: Jane\n    country: USA\n    st\neraseDevice: \nacl: \nstateOrProvince: x\nsetContentEncodingForGzFiles: \n"
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:comp"
	c.open(uri, text, 1)
	c.diagnostics(0, uri, 1)

	top := labels(t, c, uri, text, "bucket: b\n")
	for _, want := range []string{"deviceId", "notificationEmail", "customs", "acl"} {
		if !has(top, want) && want != "acl" {
			t.Errorf("top-level completion lacks %s: %v", want, top)
		}
	}
	for _, absent := range []string{"manifestVersion", "bucket", "returnAddress", "eraseDevice", "name", "fileSystem"} {
		if has(top, absent) {
			t.Errorf("top-level completion offers %s (present, or not a field of this kind): %v", absent, top)
		}
	}
	addr := labels(t, c, uri, text, "    st")
	for _, want := range []string{"street1", "stateOrProvince", "city"} {
		if !has(addr, want) {
			t.Errorf("returnAddress completion lacks %s: %v", want, addr)
		}
	}
	if has(addr, "name") || has(addr, "country") || has(addr, "bucket") {
		t.Errorf("returnAddress completion offers a present or outer key: %v", addr)
	}
	if got := labels(t, c, uri, text, "eraseDevice: "); strings.Join(got, ",") != "yes" {
		t.Errorf("eraseDevice values: %v", got)
	}
	if got := labels(t, c, uri, text, "GzFiles: "); strings.Join(got, ",") != "yes,no" {
		t.Errorf("yes/no values: %v", got)
	}
	if got := labels(t, c, uri, text, "acl: "); len(got) != 4 || !has(got, "public-read") {
		t.Errorf("acl values: %v", got)
	}
	if got := labels(t, c, uri, text, "country: "); !has(got, "US") || !has(got, "DE") {
		t.Errorf("country values: %v", got[:min(len(got), 10)])
	}
}

func TestCompletionSnippetsAndOperations(t *testing.T) {
	const text = "manifestVersion: 2.0\ndeviceId: X\nfileSystem: NTFS\nlogBucket: l\ntrueCryptPassword: p\noperations:\n  - exportBucket: b\n    \nret\n"
	c := startServer(t, Options{})
	c.initialize(nil, map[string]any{"jobType": "export"})
	uri := "untitled:ops"
	c.open(uri, text, 1)
	c.diagnostics(0, uri, 1)
	op := labels(t, c, uri, text, "exportBucket: b\n    ")
	if !has(op, "targetDirectory") || !has(op, "beginMarker") || has(op, "exportBucket") || has(op, "fileSystem") {
		t.Errorf("operation completion: %v", op)
	}
	var list completionList
	c.result("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": posOf(t, text, "\nret", 4)}, &list)
	found := false
	for _, it := range list.Items {
		if it.Label == "returnAddress" {
			found = true
			if it.InsertTextFormat != insertSnippet || !strings.Contains(it.TextEdit.NewText, "\n  street1: ${2:") {
				t.Errorf("returnAddress snippet: %+v", it.TextEdit)
			}
		}
		if it.Label == "operations" || it.Label == "bucket" {
			t.Errorf("export completion offers %s", it.Label)
		}
	}
	if !found {
		t.Errorf("no returnAddress completion")
	}
}

// applyEdits applies a workspace edit's text edits for uri to text.
func applyEdits(t *testing.T, text, uri string, we *workspaceEdit) string {
	t.Helper()
	var edits []textEdit
	if we == nil {
		t.Fatal("no edit")
	}
	edits = append(edits, we.Changes[uri]...)
	for _, dc := range we.DocumentChanges {
		if dc.TextDocument.URI == uri {
			edits = append(edits, dc.Edits...)
		}
	}
	idx := newLineIndex(text)
	type be struct {
		s, e int
		new  string
	}
	var bes []be
	for _, e := range edits {
		bes = append(bes, be{idx.offset(e.Range.Start, utf16), idx.offset(e.Range.End, utf16), e.NewText})
	}
	sort.Slice(bes, func(i, j int) bool { return bes[i].s > bes[j].s })
	for _, e := range bes {
		text = text[:e.s] + e.new + text[e.e:]
	}
	return text
}

func actionsAt(t *testing.T, c *testClient, uri string, r Range, only []string) []codeAction {
	t.Helper()
	ctx := map[string]any{"diagnostics": []any{}}
	if only != nil {
		ctx["only"] = only
	}
	var acts []codeAction
	c.result("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": r, "context": ctx}, &acts)
	return acts
}

func TestSuppressionActions(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:sup"
	c.open(uri, brokenManifest, 1)
	c.diagnostics(0, uri, 1)
	p := posOf(t, brokenManifest, "PO Box", 0)
	acts := actionsAt(t, c, uri, Range{p, p}, nil)
	byTitle := map[string]codeAction{}
	for _, a := range acts {
		byTitle[a.Title] = a
		if a.Kind != kindQuickFix {
			t.Errorf("action %q kind %q", a.Title, a.Kind)
		}
	}
	for _, tt := range []struct {
		title, comment string
	}{
		{"Suppress InvalidAddressException on this line", "street1: PO Box 123 # manifestlint-ignore: InvalidAddressException -- \n"},
		{"Suppress InvalidAddressException in this file", "# manifestlint-ignore-file: InvalidAddressException -- \n# An S3"},
	} {
		a, ok := byTitle[tt.title]
		if !ok {
			t.Errorf("no action %q among %v", tt.title, acts)
			continue
		}
		if len(a.Diagnostics) != 1 || a.Diagnostics[0].Code != "InvalidAddressException" {
			t.Errorf("%s: diagnostics %+v", tt.title, a.Diagnostics)
		}
		got := applyEdits(t, brokenManifest, uri, a.Edit)
		if !strings.Contains(got, tt.comment) {
			t.Errorf("%s: text after the edit lacks %q:\n%s", tt.title, tt.comment, got)
		}
		// The comment works: the PO box finding is gone, and the empty
		// reason is reported.
		after := validate.Validate(uri, []byte(got), validate.Options{}).Findings
		for _, f := range after {
			if f.Code == manifest.InvalidAddress && strings.Contains(f.Message, "box") {
				t.Errorf("%s: the finding is still there: %s", tt.title, f.Message)
			}
		}
		if !strings.Contains(codes(toDiags(after)), suppress.RuleSuppressionWithoutReason) {
			t.Errorf("%s: no %s finding for the empty reason", tt.title, suppress.RuleSuppressionWithoutReason)
		}
	}
	// Only source actions asked: no quick fixes.
	if acts := actionsAt(t, c, uri, Range{p, p}, []string{"source.fixAll"}); len(acts) != 0 {
		t.Errorf("source.fixAll with no fixes: %+v", acts)
	}
}

func toDiags(fs []manifest.Finding) []Diagnostic {
	idx := newLineIndex("")
	var out []Diagnostic
	for _, f := range fs {
		out = append(out, toDiagnostic("u", idx, utf16, f))
	}
	return out
}

// TestFixActions builds findings with fixes (as the fixes work fills them)
// and checks the quick fixes and source.fixAll: safe fixes preferred and
// applied together, unsafe ones neither preferred nor in fixAll,
// overlapping safe fixes applied once.
func TestFixActions(t *testing.T) {
	const text = "manifestVersion: 2.0;\nfileSystem: ntfs\nacl: Private\n"
	idx := newLineIndex(text)
	at := func(s string) (int, int) { i := strings.Index(text, s); return i, i + len(s) }
	s1, e1 := at("2.0;")
	s2, e2 := at("ntfs")
	s3, e3 := at("Private")
	fs := []manifest.Finding{
		{Code: manifest.InvalidManifestField, Severity: manifest.Error, Rule: "r1", Span: manifest.Span{Line: 1, Column: 18, EndLine: 1, EndColumn: 22, Start: s1, End: e1},
			Fix: &manifest.Fix{Title: "Write 2.0", Applicability: manifest.Safe, Edits: []manifest.Edit{{Start: e1 - 1, End: e1, New: ""}}}},
		{Code: manifest.InvalidFileSystem, Severity: manifest.Error, Rule: "r2", Span: manifest.Span{Line: 2, Column: 13, EndLine: 2, EndColumn: 17, Start: s2, End: e2},
			Fix: &manifest.Fix{Title: "Write NTFS", Applicability: manifest.Safe, Edits: []manifest.Edit{{Start: s2, End: e2, New: "NTFS"}}}},
		{Code: manifest.InvalidManifestField, Severity: manifest.Error, Rule: "r3", Span: manifest.Span{Line: 2, Column: 13, EndLine: 2, EndColumn: 17, Start: s2, End: e2},
			Fix: &manifest.Fix{Title: "Write EXT4", Applicability: manifest.Safe, Edits: []manifest.Edit{{Start: s2, End: e2, New: "EXT4"}}}},
		{Code: manifest.InvalidManifestField, Severity: manifest.Error, Rule: "r4", Span: manifest.Span{Line: 3, Column: 6, EndLine: 3, EndColumn: 13, Start: s3, End: e3},
			Fix: &manifest.Fix{Title: "Write private", Applicability: manifest.Unsafe, Edits: []manifest.Edit{{Start: s3, End: e3, New: "private"}}}},
	}
	// A fix two findings share (the fixes engine gives both the same one).
	shared := fs[1]
	shared.Rule, shared.Code = "r5", manifest.InvalidManifestField
	fs = append(fs, shared)
	lr := &lintResult{index: idx, text: text, res: validate.Result{Findings: fs}}
	for _, f := range fs {
		lr.diags = append(lr.diags, toDiagnostic("u", idx, utf16, f))
	}
	for _, docChanges := range []bool{false, true} {
		b := actionBuilder{uri: "u", version: 7, lr: lr, docChanges: docChanges}
		whole := Range{Position{0, 0}, Position{3, 0}}
		acts := b.actions(codeActionParams{Range: whole})
		var titles []string
		for _, a := range acts {
			titles = append(titles, a.Title)
			switch a.Title {
			case "Write 2.0", "Write NTFS", "Write EXT4":
				if !a.IsPreferred {
					t.Errorf("safe fix %q not preferred", a.Title)
				}
			case "Write private (unsafe: check the result)":
				if a.IsPreferred {
					t.Errorf("unsafe fix preferred")
				}
				if got := applyEdits(t, text, "u", a.Edit); !strings.Contains(got, "acl: private\n") {
					t.Errorf("unsafe fix: %s", got)
				}
			}
			if docChanges && a.Edit != nil && (len(a.Edit.DocumentChanges) != 1 || *a.Edit.DocumentChanges[0].TextDocument.Version != 7) {
				t.Errorf("%q: not a versioned document change: %+v", a.Title, a.Edit)
			}
		}
		if !has(titles, "Write private (unsafe: check the result)") || !has(titles, "Write 2.0") {
			t.Errorf("quick fixes: %v", titles)
		}
		n := 0
		for _, title := range titles {
			if title == "Write NTFS" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("a shared fix offered %d times: %v", n, titles)
		}
	}
}

func TestCompletionOperationEntry(t *testing.T) {
	const text = "manifestVersion: 3.0\noperations:\n  - \n"
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.open("untitled:glacier", text, 1)
	c.diagnostics(0, "untitled:glacier", 1)
	var list completionList
	c.result("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": "untitled:glacier"}, "position": Position{2, 4}}, &list)
	for _, it := range list.Items {
		if it.Label == "operation" {
			// The kind is EBS import until the destination says glacier:
			// whichever, the entry's later keys line up under the first.
			if !strings.Contains(it.TextEdit.NewText, "\n    source: device") || it.InsertTextFormat != insertSnippet {
				t.Errorf("operation snippet: %q", it.TextEdit.NewText)
			}
			return
		}
	}
	t.Errorf("no operation snippet among %+v", list.Items)
}

// TestActionsKeepCRLF: applied, every quick fix and suppression of a CR
// LF document writes CR LF line ends (fix.Apply and suppress choose them
// with manifest.LineEnd; the server sends their edits as they are).
func TestActionsKeepCRLF(t *testing.T) {
	const text = "manifestVersion: 2.0\r\ndeviceId: ABCDE\r\nbucket: my-bucket\r\neraseDevice: no\r\nacl: PRIVATE # why\r\n" +
		"returnAddress:\r\n    name: Lena Ott\r\n    street1: PO Box 1 # office\r\n    city: Seattle\r\n    stateOrProvince: WA\r\n" +
		"    postalCode: 98101\r\n    phoneNumber: 206-555-0100\r\n    country: USA\r\n"
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:crlf"
	c.open(uri, text, 1)
	c.diagnostics(0, uri, 1)
	acts := actionsAt(t, c, uri, Range{Position{0, 0}, Position{13, 0}}, nil)
	kinds := map[string]bool{}
	for _, a := range acts {
		got := applyEdits(t, text, uri, a.Edit)
		if strings.Count(got, "\n") != strings.Count(got, "\r\n") || got == text {
			t.Errorf("%q: %q", a.Title, got)
		}
		kinds[strings.Fields(a.Title)[0]] = true
	}
	if !kinds["Suppress"] || len(kinds) < 2 {
		t.Errorf("want suppressions and fixes, got %v", kinds)
	}
}

// TestFixAll checks source.fixAll.manifestlint against the fix engine of
// `manifestlint --fix` on a real document: the safe fixes applied (to a
// fixed point), the unsafe one left, and the edit as small as the change.
func TestFixAll(t *testing.T) {
	const text = "# a CR LF manifest\r\nmanifestVersion: 2.0\r\ndeviceId: ABCDE\r\nbucket: my-bucket\r\neraseDevice: no\r\nnotificationEmail: a@fjordlab.io, b@fjordlab.io\r\nacl: PRIVATE\r\nreturnAddress:\r\n    name: Lena Ott\r\n    street1: 1 Main St\r\n    city: Seattle\r\n    stateorprovince: wa\r\n    postalCode: 98101\r\n    phoneNumber: 206-555-0100\r\n    country: USA\r\n"
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:fixall"
	c.open(uri, text, 1)
	c.diagnostics(0, uri, 1)
	for _, only := range [][]string{{"source.fixAll"}, {"source"}, {kindFixAll}} {
		acts := actionsAt(t, c, uri, Range{Position{0, 0}, Position{0, 0}}, only)
		if len(acts) != 1 || acts[0].Kind != kindFixAll {
			t.Fatalf("only %v: %+v", only, acts)
		}
		got := applyEdits(t, text, uri, acts[0].Edit)
		want := fix.Run(uri, []byte(text), validate.Options{}, fix.Options{})
		if got != string(want.Source) {
			t.Errorf("fixAll gave\n%q\nthe fix engine\n%q", got, want.Source)
		}
		for _, s := range []string{"acl: private\r\n", "a@fjordlab.io;b@fjordlab.io\r\n", "    stateOrProvince: WA\r\n", "eraseDevice: no\r\n"} {
			if !strings.Contains(got, s) {
				t.Errorf("fixAll result lacks %q:\n%s", s, got)
			}
		}
		if strings.Count(got, "\n") != strings.Count(got, "\r\n") {
			t.Errorf("fixAll mixed the line ends: %q", got)
		}
		if !strings.Contains(acts[0].Title, "(") {
			t.Errorf("title %q does not count the fixes", acts[0].Title)
		}
	}
	// Without only, the client gets the quick fixes, not the source action.
	for _, a := range actionsAt(t, c, uri, Range{Position{4, 13}, Position{4, 13}}, nil) {
		if a.Kind == kindFixAll {
			t.Errorf("source action offered unasked")
		}
	}
}

func TestSuppressionCommentCompletionAndHover(t *testing.T) {
	const text = "manifestVersion: 2.0\nbucket: Bad_Bucket # manifestlint-ignore: bucket-name-not-dns-compliant, Inv\n"
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	uri := "untitled:supcomp"
	c.open(uri, text, 1)
	c.diagnostics(0, uri, 1)
	got := labels(t, c, uri, text, ", Inv")
	if !has(got, "InvalidManifestFieldException") || !has(got, "address-po-box") || has(got, "unused-suppression") {
		t.Errorf("names offered in a suppression comment: %v", got)
	}
	h := hoverAt(t, c, uri, posOf(t, text, "bucket-name-not", 3))
	if !strings.Contains(h, "bucket-name-not-dns-compliant") || !strings.Contains(h, "```text") {
		t.Errorf("hover on a suppressed name:\n%s", h)
	}
}

func TestHoverInAnOperation(t *testing.T) {
	const text = "manifestVersion: 3.0\noperations:\n  - destination: glacier\n    source: device\n    region: us-east-1\n    vaultName: v\n"
	c := startServer(t, Options{})
	c.initialize(nil, nil)
	c.open("untitled:op", text, 1)
	c.diagnostics(0, "untitled:op", 1)
	got := hoverAt(t, c, "untitled:op", posOf(t, text, "region:", 1))
	for _, want := range []string{"**region** — required for Glacier import", "`us-east-1`", "`ap-southeast-1`"} {
		if !strings.Contains(got, want) {
			t.Errorf("hover on an operation's region lacks %q:\n%s", want, got)
		}
	}
	got = hoverAt(t, c, "untitled:op", posOf(t, text, "operations:", 1))
	if !strings.Contains(got, "**operations** — required for Glacier import") {
		t.Errorf("hover on operations:\n%s", got)
	}
}
