package report

import (
	"encoding/json"
	"io"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// jsonOutput is the shape of --format json, which scripts read:
//
//	{"files":[{"file":"a.yaml","jobKind":"s3-import","findings":[{"code":...,"status":400,
//	  "severity":"error","rule":"required-field","path":"returnAddress.city","line":3,
//	  "column":1,"message":"..."}]}],"summary":{"files":1,"errors":1,"warnings":0}}
type jsonOutput struct {
	Files   []jsonFile  `json:"files"`
	Summary jsonSummary `json:"summary"`
}

type jsonFile struct {
	File     string             `json:"file"`
	JobKind  manifest.Kind      `json:"jobKind"`
	Findings []manifest.Finding `json:"findings"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

// JSON writes one JSON object holding every file's findings and a summary.
// findings is always an array, empty for a clean file.
func JSON(w io.Writer, results []validate.Result, _ Options) error {
	out := jsonOutput{Files: make([]jsonFile, 0, len(results))}
	for _, r := range results {
		fs := r.Findings
		if fs == nil {
			fs = []manifest.Finding{}
		}
		out.Files = append(out.Files, jsonFile{File: r.File, JobKind: r.Kind, Findings: fs})
		e, wn := manifest.Count(fs)
		out.Summary.Errors += e
		out.Summary.Warnings += wn
	}
	out.Summary.Files = len(results)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
