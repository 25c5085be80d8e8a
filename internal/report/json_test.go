package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/report/jsonwire"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// TestJSONStreamMatchesWholeEncoding checks that the file-by-file JSON
// stream writes exactly the bytes of encoding the whole document at once,
// for no file, a clean file, and findings holding text JSON must escape.
func TestJSONStreamMatchesWholeEncoding(t *testing.T) {
	f := manifest.Finding{Code: manifest.InvalidAddress, Severity: manifest.Error, Rule: "address-po-box",
		Path: `returnAddress["a.b"]`, Span: manifest.Span{Line: 3, Column: 7}, Message: "quote \" <tag> & \u2028 newline\n end"}
	w := manifest.Finding{Severity: manifest.Warning, Rule: "no-space-after-colon", Span: manifest.Span{Line: 1, Column: 16}, Message: "warn"}
	for name, results := range map[string][]validate.Result{
		"none":       nil,
		"clean":      {{File: "a.yaml", Kind: manifest.S3Import}},
		"unreadable": {{File: "a.yaml", Kind: manifest.S3Import}, {File: "big\x1b\xff.yaml", ReadError: "file too large: over --max-bytes 5"}},
		"mixed": {{File: "a.yaml", Kind: manifest.S3Import, Findings: []manifest.Finding{w, f}},
			{File: "b <c>.yaml", Kind: manifest.GlacierImport}, {File: "-", Kind: manifest.S3Export, Findings: []manifest.Finding{f}}},
		"omitted": {{File: "a.yaml", Kind: manifest.S3Import, Findings: []manifest.Finding{w}, OmittedErrors: 3, OmittedWarnings: 2,
			Notes: []manifest.Note{{ID: manifest.NoteFindingsOmitted, Rules: []string{"unknown-field"}, Message: "5 more findings not listed"}}}},
	} {
		var got bytes.Buffer
		opt := Options{}
		if name == "unreadable" {
			opt.ConfigFile = "dir/.manifestlint.yaml"
		}
		if err := JSON(&got, results, opt); err != nil {
			t.Fatal(err)
		}
		want := jsonOutput{Files: []jsonFile{}, ConfigFile: opt.ConfigFile}
		for _, r := range results {
			fs := r.Findings
			e, wn := r.Count()
			notes := r.Notes
			if notes == nil {
				notes = []validate.Note{}
			}
			jf := jsonFile{File: r.File, JobKind: r.Kind, Findings: jsonwire.Findings(r.Doc, fs), Notes: notes, Error: r.ReadError, FileBytes: nameBytes(r.File)}
			if r.OmittedErrors+r.OmittedWarnings > 0 {
				jf.Omitted = &jsonCounts{Errors: r.OmittedErrors, Warnings: r.OmittedWarnings}
			}
			want.Files = append(want.Files, jf)
			want.Summary.Files++
			want.Summary.Errors += e
			want.Summary.Warnings += wn
		}
		var wb bytes.Buffer
		enc := json.NewEncoder(&wb)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(want); err != nil {
			t.Fatal(err)
		}
		if got.String() != wb.String() {
			t.Errorf("%s:\n got  %s\n want %s", name, got.String(), wb.String())
		}
		if !json.Valid(got.Bytes()) {
			t.Errorf("%s: not valid JSON", name)
		}
		if name == "omitted" {
			for _, want := range []string{`"omitted":{"errors":3,"warnings":2}`, `"summary":{"files":1,"errors":3,"warnings":3}`} {
				if !strings.Contains(got.String(), want) {
					t.Errorf("omitted: output lacks %s:\n%s", want, got.String())
				}
			}
		}
	}
}

// TestJSONWireFormat pins the field names and order of --format json, which
// scripts read: a change of the internal Finding must not change it.
func TestJSONWireFormat(t *testing.T) {
	f := errorf(manifest.InvalidManifestField, "erase-device",
		manifest.Span{Line: 2, Column: 14, EndLine: 2, EndColumn: 16, Start: 5, End: 7},
		"eraseDevice", "eraseDevice is `no`.")
	f.Fix = &manifest.Fix{Title: "set yes"}
	var got bytes.Buffer
	if err := JSON(&got, []validate.Result{{File: "a.yaml", Kind: manifest.S3Import, Findings: []manifest.Finding{f}}}, Options{}); err != nil {
		t.Fatal(err)
	}
	want := `{"files":[{"file":"a.yaml","jobKind":"s3-import","findings":[{"code":"InvalidManifestFieldException","status":400,` +
		`"severity":"error","rule":"erase-device","path":"eraseDevice","line":2,"column":14,"endLine":2,"endColumn":16,` +
		`"message":"eraseDevice is ` + "`no`" + `.","help":"","serviceMessage":"` + manifest.InvalidManifestField.Message() + `"}],"notes":[]}],"summary":{"files":1,"errors":1,"warnings":0}}` + "\n"
	if got.String() != want {
		t.Errorf("got  %s\nwant %s", got.String(), want)
	}
}

// TestJSONFix pins the shape of a finding's fix in --format json: title,
// applicability, and edits with positions and byte offsets (after a BOM and
// a non-ASCII line, so that columns and offsets differ).
func TestJSONFix(t *testing.T) {
	src := "\ufeffa: é\r\nb:x # c\r\n"
	r := validate.Validate("a.yaml", []byte(src), validate.Options{})
	var got bytes.Buffer
	if err := JSON(&got, []validate.Result{r}, Options{}); err != nil {
		t.Fatal(err)
	}
	want := `"fix":{"title":"Insert a space after the colon of ` + "`b:`" + `","applicability":"safe","edits":[` +
		`{"line":2,"column":3,"endLine":2,"endColumn":3,"startOffset":12,"endOffset":12,"text":" "}]}`
	if !strings.Contains(got.String(), want) {
		t.Errorf("no %s in\n%s", want, got.String())
	}
	if n := strings.Count(got.String(), `"fix":`); n != 1 {
		t.Errorf("%d fixes, want 1 (only the no-space finding has one):\n%s", n, got.String())
	}
}

// TestJSONFileBytes: a file name that is not UTF-8 is given byte for byte
// in fileBytes (base64); "file" alone loses the bytes.
func TestJSONFileBytes(t *testing.T) {
	name := "caf\xe9.yaml"
	var got bytes.Buffer
	if err := JSON(&got, []manifest.Result{{File: name}, {File: "ok.yaml"}}, Options{}); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Files []struct {
			File      string `json:"file"`
			FileBytes []byte `json:"fileBytes"`
		} `json:"files"`
	}
	if err := json.Unmarshal(got.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if string(v.Files[0].FileBytes) != name || v.Files[1].FileBytes != nil {
		t.Errorf("fileBytes %q and %q, want %q and none:\n%s", v.Files[0].FileBytes, v.Files[1].FileBytes, name, got.String())
	}
}
