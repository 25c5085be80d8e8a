package report

import (
	"crypto/sha1"
	"io"
	"strconv"

	"github.com/manifestlint/manifestlint/manifest"
)

// ServiceNamespace is the XML namespace of the service's ErrorResponse.
const ServiceNamespace = "http://importexport.amazonaws.com/"

// The documents XML writes. Their xml tags are what encoding/xml would make
// of them, and the tests have it do so: xmlOut writes the same bytes (an
// XMLName field names the element for encoding/xml).
type xmlResults struct {
	XMLName struct{}  `xml:"ManifestlintResults"`
	Version string    `xml:"version,attr,omitempty"`
	Files   []xmlFile `xml:"File"`
}

type xmlFile struct {
	Name      string       `xml:"name,attr"`
	Kind      string       `xml:"kind,attr,omitempty"`
	Errors    int          `xml:"errors,attr"`
	Warnings  int          `xml:"warnings,attr"`
	ReadError string       `xml:"ReadError,omitempty"`
	Findings  []xmlFinding `xml:"Finding"`
}

type xmlFinding struct {
	File     string            `xml:"file,attr"`
	Line     int               `xml:"line,attr"`
	Column   int               `xml:"column,attr"`
	Path     string            `xml:"path,attr"`
	Rule     string            `xml:"rule,attr"`
	Status   int               `xml:"status,attr,omitempty"`
	Detail   string            `xml:"Detail,omitempty"`
	Response *xmlErrorResponse `xml:"ErrorResponse"`
}

type xmlErrorResponse struct {
	XMLName   struct{} `xml:"http://importexport.amazonaws.com/ ErrorResponse"`
	Error     xmlError `xml:"Error"`
	RequestID string   `xml:"RequestId"`
}

type xmlError struct {
	Type    string `xml:"Type"`
	Code    string `xml:"Code"`
	Message string `xml:"Message"`
}

// XML writes the service's own ErrorResponse documents, for tools written
// against the service's answers. The framing:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<ManifestlintResults version="1.2.0">
//	  <File name="manifest.yaml" kind="s3-import" errors="1" warnings="0">
//	    <Finding file="manifest.yaml" line="1" column="1" path="returnAddress" rule="required-field" status="400">
//	      <Detail>Missing: returnAddress.</Detail>
//	      <ErrorResponse xmlns="http://importexport.amazonaws.com/">
//	        <Error>
//	          <Type>Sender</Type>
//	          <Code>MissingManifestFieldException</Code>
//	          <Message>One or more required fields were missing from the manifest file. Please correct and resubmit.</Message>
//	        </Error>
//	        <RequestId>5f0c2b9e-...</RequestId>
//	      </ErrorResponse>
//	    </Finding>
//	  </File>
//	</ManifestlintResults>
//
// The root <ManifestlintResults> (no namespace, attribute version when
// known) holds one <File> per file linted, in command-line order, with the
// job kind checked and its counts of errors and warnings; a clean file is an
// empty <File>. Each error finding is a <Finding> carrying where it is as
// attributes (file, 1-based line and column, field path, rule id, HTTP
// status), then <Detail> and one <ErrorResponse> exactly as the service
// answered it, in the service's namespace.
//
// Message is the service's own sentence only, byte for byte as the service
// sent it, so a tool matching on it works unchanged; manifestlint's
// specifics (what was found and the fix: the rest of the finding message)
// are in <Detail>, outside the ErrorResponse. Type is always Sender.
// RequestId is a UUID (version 5, SHA-1 of the URL namespace and
// "manifestlint:FILE:LINE:COLUMN:PATH:CODE"), the same on every run, so
// outputs can be compared; it names no real request.
//
// Warnings are left out: the service accepted what they describe and sent
// no ErrorResponse for it. Only the File's warnings count says they exist.
// An error without a service code (a warning the config file's severity
// key raised to error) is a <Finding> without status and without
// ErrorResponse, its message in <Detail>: the service sent none for it.
// A file that could not be read (or was over --max-bytes) is a <File>
// holding a <ReadError> that says why, and no findings.
func XML(w io.Writer, results []manifest.Result, opt Options) error {
	doc := xmlResults{Version: opt.Version, Files: make([]xmlFile, 0, len(results))}
	for _, r := range results {
		xf := xmlFile{Name: r.File, Kind: string(r.Kind), ReadError: r.ReadError}
		xf.Errors, xf.Warnings = r.Count()
		for _, f := range r.Findings {
			if f.Severity == manifest.Warning {
				continue
			}
			if f.Code == "" {
				xf.Findings = append(xf.Findings, xmlFinding{
					File: r.File, Line: f.Line, Column: f.Column, Path: f.Path, Rule: f.Rule, Detail: f.Specifics()})
				continue
			}
			sentence, detail := splitMessage(f)
			xf.Findings = append(xf.Findings, xmlFinding{
				File: r.File, Line: f.Line, Column: f.Column, Path: f.Path, Rule: f.Rule, Status: f.Status(),
				Detail: detail,
				Response: &xmlErrorResponse{
					Error:     xmlError{Type: "Sender", Code: string(f.Code), Message: sentence},
					RequestID: requestID(r.File, f),
				},
			})
		}
		doc.Files = append(doc.Files, xf)
	}
	return doc.write(w)
}

// write writes the document as encoding/xml would (see xmlOut).
func (doc *xmlResults) write(w io.Writer) error {
	x := newXMLOut(w)
	x.open("ManifestlintResults")
	if doc.Version != "" {
		x.attr("version", doc.Version)
	}
	x.close()
	for _, f := range doc.Files {
		x.open("File")
		x.attr("name", f.Name)
		if f.Kind != "" {
			x.attr("kind", f.Kind)
		}
		x.attrInt("errors", f.Errors)
		x.attrInt("warnings", f.Warnings)
		x.close()
		if f.ReadError != "" {
			x.elem("ReadError", f.ReadError)
		}
		for _, g := range f.Findings {
			x.open("Finding")
			x.attr("file", g.File)
			x.attrInt("line", g.Line)
			x.attrInt("column", g.Column)
			x.attr("path", g.Path)
			x.attr("rule", g.Rule)
			if g.Status != 0 {
				x.attrInt("status", g.Status)
			}
			x.close()
			if g.Detail != "" {
				x.elem("Detail", g.Detail)
			}
			if r := g.Response; r != nil {
				x.open("ErrorResponse")
				x.attr("xmlns", ServiceNamespace)
				x.close()
				x.open("Error")
				x.close()
				x.elem("Type", r.Error.Type)
				x.elem("Code", r.Error.Code)
				x.elem("Message", r.Error.Message)
				x.end("Error")
				x.elem("RequestId", r.RequestID)
				x.end("ErrorResponse")
			}
			x.end("Finding")
		}
		x.end("File")
	}
	x.end("ManifestlintResults")
	return x.finish()
}

// splitMessage splits a finding's text into the service's sentence for its
// code and manifestlint's detail (the finding's Message). A code the catalog
// does not know has no sentence: the whole message is returned as the
// sentence.
func splitMessage(f manifest.Finding) (sentence, detail string) {
	sentence = f.Code.Message()
	if sentence == "" {
		return f.Specifics(), ""
	}
	return sentence, f.Specifics()
}

// urlNamespace is the RFC 4122 namespace for URLs, in bytes.
var urlNamespace = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// requestID is a version-5 UUID derived from where the finding is and its
// code, so that it is stable from run to run and differs between findings.
func requestID(file string, f manifest.Finding) string {
	h := sha1.New()
	h.Write(urlNamespace[:])
	name := make([]byte, 0, 64+len(file)+len(f.Path))
	name = append(name, "manifestlint:"...)
	name = append(name, file...)
	name = append(name, ':')
	name = strconv.AppendInt(name, int64(f.Line), 10)
	name = append(name, ':')
	name = strconv.AppendInt(name, int64(f.Column), 10)
	name = append(name, ':')
	name = append(name, f.Path...)
	name = append(name, ':')
	name = append(name, f.Code...)
	h.Write(name)
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	const hex = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, b := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hex[b>>4], hex[b&15])
	}
	return string(out)
}
