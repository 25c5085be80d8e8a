package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/internal/report/jsonwire"
	"github.com/manifestlint/manifestlint/manifest"
)

// jsonOutput is the shape of --format json, which scripts read:
//
//	{"files":[{"file":"a.yaml","jobKind":"s3-import","findings":[{"code":...,"status":400,
//	  "severity":"error","rule":"required-field","path":"returnAddress.city","line":3,
//	  "column":1,"endLine":3,"endColumn":9,"message":"...","related":[{"line":2,"column":1,
//	  "endLine":2,"endColumn":7,"message":"..."}]}],"notes":[{"id":"region-unknown","rules":[...],"message":"..."}]}],
//	 "summary":{"files":1,"errors":1,"warnings":0},"configFile":".manifestlint.yaml"}
//
// A file whose name is not UTF-8 also has "fileBytes", the name's bytes in
// base64 ("file" shows each such byte as U+FFFD).
// A file with more findings than --max-findings lists the first ones and has
// "omitted":{"errors":N,"warnings":M}, which the summary counts too.
// A file that could not be read (or was over --max-bytes) has "error" set
// to why, and no findings. "configFile" names the configuration file the
// run used, and is left out when it used none.
//
// Its findings are the wire type of package jsonwire, which the playground
// shares, not manifest.Finding: the public format changes only when those
// files do.
type jsonOutput struct {
	Files      []jsonFile  `json:"files"`
	Summary    jsonSummary `json:"summary"`
	ConfigFile string      `json:"configFile,omitempty"`
}

type jsonFile struct {
	File     string             `json:"file"`
	JobKind  manifest.Kind      `json:"jobKind"`
	Findings []jsonwire.Finding `json:"findings"`
	// Notes name the checks that did not run for lack of context; always
	// an array.
	Notes []manifest.Note `json:"notes"`
	// Omitted counts the findings past --max-findings, which findings
	// leaves out (the note findings-omitted says so); absent when none.
	Omitted *jsonCounts `json:"omitted,omitempty"`
	// Error says why the file could not be read; absent for a file read.
	Error string `json:"error,omitempty"`
	// FileBytes holds the name's exact bytes, base64, when they are not
	// UTF-8 text: JSON strings cannot hold them, and "file" shows each
	// such byte as U+FFFD. Absent for every UTF-8 name.
	FileBytes []byte `json:"fileBytes,omitempty"`
}

// jsonCounts counts the findings of a file that are not listed.
type jsonCounts struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

// JSON writes one JSON object holding every file's findings and a summary.
// findings is always an array, empty for a clean file.
func JSON(w io.Writer, results []manifest.Result, opt Options) error {
	return writeAll(NewJSONStream(w, opt), results)
}

// jsonStream writes the JSON object file by file: `{"files":[` first, one
// file object per File, and the summary on Close. The bytes are those of
// encoding the whole jsonOutput at once (one line, HTML not escaped).
type jsonStream struct {
	bw      *bufio.Writer
	buf     bytes.Buffer
	enc     *json.Encoder
	summary jsonSummary
	opt     Options
}

// NewJSONStream returns the JSON format as a Stream.
func NewJSONStream(w io.Writer, opt Options) Stream {
	s := &jsonStream{bw: bufio.NewWriterSize(w, 64<<10), opt: opt}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	return s
}

// File writes one file's object.
func (s *jsonStream) File(r manifest.Result) error {
	fs := r.Findings
	if s.summary.Files == 0 {
		s.bw.WriteString(`{"files":[`)
	} else {
		s.bw.WriteByte(',')
	}
	s.summary.Files++
	e, wn := r.Count()
	s.summary.Errors += e
	s.summary.Warnings += wn
	s.buf.Reset()
	notes := r.Notes
	if notes == nil {
		notes = []manifest.Note{}
	}
	jf := jsonFile{File: r.File, JobKind: r.Kind, Findings: jsonwire.Findings(r.Doc, fs), Notes: notes, Error: r.ReadError, FileBytes: nameBytes(r.File)}
	if r.OmittedErrors+r.OmittedWarnings > 0 {
		jf.Omitted = &jsonCounts{Errors: r.OmittedErrors, Warnings: r.OmittedWarnings}
	}
	if err := s.enc.Encode(jf); err != nil {
		return err
	}
	_, err := s.bw.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
	return err
}

// nameBytes is a file name's bytes when they are not UTF-8, else nil.
func nameBytes(name string) []byte {
	if utf8.ValidString(name) {
		return nil
	}
	return []byte(name)
}

// Close writes the summary and flushes.
func (s *jsonStream) Close() error {
	if s.summary.Files == 0 {
		s.bw.WriteString(`{"files":[`)
	}
	s.bw.WriteString(`],"summary":`)
	s.buf.Reset()
	if err := s.enc.Encode(s.summary); err != nil {
		return err
	}
	s.bw.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
	if s.opt.ConfigFile != "" {
		s.buf.Reset()
		if err := s.enc.Encode(s.opt.ConfigFile); err != nil {
			return err
		}
		s.bw.WriteString(`,"configFile":`)
		s.bw.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
	}
	s.bw.WriteString("}\n")
	return s.bw.Flush()
}
