package report

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/manifestlint/manifestlint/internal/report/jsonwire"
	"github.com/manifestlint/manifestlint/manifest"
)

// SARIF schema and tool identity written in every SARIF log.
const (
	sarifSchema    = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion   = "2.1.0"
	toolName       = "manifestlint"
	informationURI = "https://github.com/manifestlint/manifestlint"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

// sarifInvocation carries the notes of checks that did not run
// (manifest.Note), one notification per file and note, the files that
// could not be read (notifications of level error, and executionSuccessful
// false), and the configuration file used (a configuration notification).
type sarifInvocation struct {
	ExecutionSuccessful            bool                `json:"executionSuccessful"`
	ToolExecutionNotifications     []sarifNotification `json:"toolExecutionNotifications"`
	ToolConfigurationNotifications []sarifNotification `json:"toolConfigurationNotifications,omitempty"`
}

type sarifNotification struct {
	Level      string          `json:"level"`
	Descriptor sarifDescriptor `json:"descriptor"`
	Message    sarifText       `json:"message"`
	Locations  []sarifLocation `json:"locations"`
}

type sarifDescriptor struct {
	ID string `json:"id"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	HelpURI              string            `json:"helpUri,omitempty"`
	Help                 sarifText         `json:"help"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	Codes []string `json:"codes"`
	Tags  []string `json:"tags"`
}

type sarifResult struct {
	RuleID     string            `json:"ruleId"`
	RuleIndex  *int              `json:"ruleIndex,omitempty"`
	Level      string            `json:"level"`
	Message    sarifText         `json:"message"`
	Locations  []sarifLocation   `json:"locations"`
	Related    []sarifRelated    `json:"relatedLocations,omitempty"`
	Fixes      []sarifFix        `json:"fixes,omitempty"`
	Properties sarifResultFields `json:"properties"`
}

// sarifFix is a result's proposed fix (SARIF 2.1.0 §3.55): one artifact
// change of the result's file, with one replacement per edit. Regions use
// lines and columns only (the run's columnKind), never byte offsets, as
// SARIF forbids mixing the two; an insertion is an empty deletedRegion.
type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifFullRegion `json:"deletedRegion"`
	InsertedContent *sarifText      `json:"insertedContent,omitempty"`
}

// sarifFullRegion is a region with all four of its bounds, even when empty
// (an insertion point).
type sarifFullRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

// sarifFixes is the fixes of finding f of result r: its fix, the title
// saying when it is unsafe; nil without one.
func sarifFixes(r manifest.Result, uri string, f manifest.Finding) []sarifFix {
	edits := jsonwire.Edits(r.Doc, f.Fix)
	if edits == nil {
		return nil
	}
	desc := f.Fix.Title
	if f.Fix.Applicability == manifest.Unsafe {
		desc += " (unsafe: changes meaning; --unsafe-fixes applies it)"
	}
	change := sarifArtifactChange{ArtifactLocation: sarifArtifact{URI: uri}}
	for _, e := range edits {
		rep := sarifReplacement{DeletedRegion: sarifFullRegion{
			StartLine: e.Line, StartColumn: e.Column, EndLine: e.EndLine, EndColumn: e.EndColumn}}
		if e.Text != "" {
			rep.InsertedContent = &sarifText{Text: e.Text}
		}
		change.Replacements = append(change.Replacements, rep)
	}
	return []sarifFix{{Description: sarifText{Text: desc}, ArtifactChanges: []sarifArtifactChange{change}}}
}

type sarifResultFields struct {
	Code           string `json:"code,omitempty"`
	HTTPStatus     int    `json:"httpStatus,omitempty"`
	ServiceMessage string `json:"serviceMessage,omitempty"`
	Path           string `json:"path"`
	JobKind        string `json:"jobKind,omitempty"`
	// Evidence is where an online finding got its facts (--online).
	Evidence string `json:"evidence,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// sarifRelated is a related location: where else the finding is explained
// (the first occurrence of a duplicate key).
type sarifRelated struct {
	ID               int           `json:"id"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          sarifText     `json:"message"`
}

// SARIF writes one SARIF 2.1.0 log, as GitHub code scanning reads it
// (upload it with github/codeql-action/upload-sarif).
//
// The log has one run. Its tool.driver lists every rule of opt.Rules (the
// registry, validate.Rules()) with a short and full description, help text
// that names the service code(s) the rule reports and the `manifestlint
// explain` command, and a default level: the rule's severity. A result whose rule is not in the registry still gets a rule
// entry, so every ruleId is described.
//
// Each finding is one result: ruleId (the rule id, or the code when a
// finding has no rule), level ("error" or "warning"), message.text (the
// finding's headline; the service's sentence is the serviceMessage
// property), message.markdown (the headline and the help, when there is
// help), and one
// location: artifactLocation.uri is the file relative to the working
// directory with forward slashes, percent-encoded as a URI reference (an
// absolute path outside the working directory becomes a file:// URI; stdin
// keeps the name it was given, e.g. "-" or --stdin-filename); region
// startLine/startColumn are 1-based, counted in Unicode code points (the run
// says so with columnKind "unicodeCodePoints"), and endLine/endColumn end
// the range at fault (exclusive) when it covers text. The first occurrence
// of a duplicate key is a relatedLocation. A finding with a fix has it in
// fixes (artifactChanges with replacements; see sarifFix). The result's properties hold
// the service code, its HTTP status and sentence (absent for a warning), the field
// path ("" for the whole document) and the job kind checked. Checks that did
// not run for lack of context (manifest.Note) are notifications of level
// "note" in the run's invocation, one per file and note, located at the file.
// A file that could not be read (or was over --max-bytes) is a notification
// of level "error" (id read-error) and makes the invocation's
// executionSuccessful false, so code scanning does not take the file as
// clean. The configuration file used is a toolConfigurationNotification
// (id config-file) located at that file.
func SARIF(w io.Writer, results []manifest.Result, opt Options) error {
	rules, index := sarifRules(results, opt.Rules)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: toolName, Version: opt.Version, InformationURI: informationURI, Rules: rules,
		}},
		ColumnKind: "unicodeCodePoints",
		Results:    []sarifResult{},
	}
	var notes, config []sarifNotification
	success := true
	if opt.ConfigFile != "" {
		config = append(config, sarifNotification{Level: "note", Descriptor: sarifDescriptor{ID: "config-file"},
			Message:   sarifText{Text: "Configuration file: " + opt.ConfigFile},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(opt.ConfigFile)}}}}})
	}
	for _, r := range results {
		uri := fileURI(r.File)
		if r.ReadError != "" {
			success = false
			notes = append(notes, sarifNotification{Level: "error", Descriptor: sarifDescriptor{ID: "read-error"},
				Message:   sarifText{Text: "The file was not checked: " + r.ReadError + "."},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}}}}})
		}
		for _, n := range r.Notes {
			level := "note"
			if n.Severity == manifest.Warning {
				level = "warning"
			}
			notes = append(notes, sarifNotification{Level: level, Descriptor: sarifDescriptor{ID: n.ID},
				Message:   sarifText{Text: n.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}}}}})
		}
		for _, f := range r.Findings {
			id := ruleID(f)
			res := sarifResult{
				RuleID:  id,
				Level:   sarifLevel(f.Severity),
				Message: sarifText{Text: sarifMessage(f), Markdown: sarifMarkdown(f)},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
					ArtifactLocation: sarifArtifact{URI: uri},
				}}},
				Properties: sarifResultFields{
					Code: string(f.Code), HTTPStatus: f.Status(), ServiceMessage: f.Code.Message(), Path: f.Path, JobKind: string(r.Kind),
					Evidence: f.Evidence,
				},
			}
			if i, ok := index[id]; ok {
				res.RuleIndex = &i
			}
			res.Locations[0].PhysicalLocation.Region = sarifRegionOf(f.Span)
			res.Fixes = sarifFixes(r, uri, f)
			for i, rel := range f.Related {
				res.Related = append(res.Related, sarifRelated{
					ID: i + 1,
					PhysicalLocation: sarifPhysical{
						ArtifactLocation: sarifArtifact{URI: uri},
						Region:           sarifRegionOf(rel.Span),
					},
					Message: sarifText{Text: rel.Message},
				})
			}
			run.Results = append(run.Results, res)
		}
	}
	if notes != nil || config != nil {
		if notes == nil {
			notes = []sarifNotification{}
		}
		run.Invocations = []sarifInvocation{{ExecutionSuccessful: success, ToolExecutionNotifications: notes, ToolConfigurationNotifications: config}}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifRegionOf is the region of a span. The end is written only for a
// span that covers text: a region without one runs to the end of its line,
// and an empty one would be an insertion point.
func sarifRegionOf(s manifest.Span) *sarifRegion {
	reg := &sarifRegion{StartLine: s.Line, StartColumn: s.Column}
	if s.EndLine > s.Line || s.EndLine == s.Line && s.EndColumn > s.Column {
		reg.EndLine, reg.EndColumn = s.EndLine, s.EndColumn
	}
	return reg
}

// sarifMessage is a result's message.text: the finding's headline, which
// code scanning shows as the alert's text (the service's sentence is the
// result's serviceMessage property); the sentence when there are none.
func sarifMessage(f manifest.Finding) string {
	if f.Message == "" {
		return f.Text()
	}
	return f.Message
}

// sarifMarkdown is a result's message.markdown: the headline, a blank
// line and the help, which viewers that render Markdown show whole (code
// scanning shows `value` as code); "" for a finding without help, whose
// message.text says it all.
func sarifMarkdown(f manifest.Finding) string {
	if f.Help == "" {
		return ""
	}
	return sarifMessage(f) + "\n\n" + f.Help
}

// ruleID is the id a finding is reported under: its rule, else its code.
func ruleID(f manifest.Finding) string {
	switch {
	case f.Rule != "":
		return f.Rule
	case f.Code != "":
		return string(f.Code)
	}
	return "manifestlint"
}

func sarifLevel(s manifest.Severity) string {
	if s == manifest.Warning {
		return "warning"
	}
	return "error"
}

// sarifRules builds tool.driver.rules from the registry, then adds an entry
// for any rule a result names that the registry does not list.
func sarifRules(results []manifest.Result, infos []*manifest.Descriptor) ([]sarifRule, map[string]int) {
	index := make(map[string]int, len(infos))
	rules := make([]sarifRule, 0, len(infos))
	add := func(info *manifest.Descriptor) {
		if _, dup := index[info.ID]; dup {
			return
		}
		index[info.ID] = len(rules)
		rules = append(rules, sarifRuleOf(info))
	}
	for _, info := range infos {
		add(info)
	}
	for _, r := range results {
		for _, f := range r.Findings {
			id := ruleID(f)
			if _, ok := index[id]; ok {
				continue
			}
			info := &manifest.Descriptor{ID: id, Severity: f.Severity, Doc: "Reported by manifestlint."}
			if f.Code != "" {
				info.Codes = []manifest.Code{f.Code}
			}
			add(info)
			rules[len(rules)-1].HelpURI = "" // docs/rules.md has no section for it
		}
	}
	return rules, index
}

func sarifRuleOf(info *manifest.Descriptor) sarifRule {
	codes := make([]string, len(info.Codes))
	for i, c := range info.Codes {
		codes[i] = string(c)
	}
	level := sarifLevel(info.Severity)
	var help string
	if len(codes) == 0 {
		help = "A warning: the service accepts this, so no service error code is reported."
	} else {
		help = "Reports the service's " + codeSentences(info.Codes) + "."
	}
	help += " Run `manifestlint explain " + info.ID + "` for the causes and a fixed example."
	doc := info.Doc
	if doc == "" {
		doc = info.ID
	}
	full := doc
	if len(codes) > 0 {
		full += " Service code: " + strings.Join(codes, ", ") + "."
	}
	return sarifRule{
		ID:                   info.ID,
		ShortDescription:     sarifText{Text: firstSentence(doc)},
		FullDescription:      sarifText{Text: full},
		HelpURI:              info.HelpURI(),
		Help:                 sarifText{Text: help},
		DefaultConfiguration: sarifRuleConfig{Level: level},
		Properties:           sarifRuleProperty{Codes: codes, Tags: []string{"aws-import-export", "manifest"}},
	}
}

// codeSentences describes each code: `X (HTTP 400: "the service's sentence")`.
func codeSentences(codes []manifest.Code) string {
	parts := make([]string, 0, len(codes))
	for _, c := range codes {
		if info, ok := c.Info(); ok {
			parts = append(parts, string(c)+" (HTTP "+strconv.Itoa(info.Status)+": \""+info.Message+"\")")
		} else {
			parts = append(parts, string(c))
		}
	}
	return strings.Join(parts, "; ")
}

// firstSentence returns text up to and including its first ". ", or all of it.
func firstSentence(text string) string {
	if i := strings.Index(text, ". "); i >= 0 {
		return text[:i+1]
	}
	return text
}

// filePath is a file name as given on the command line, made relative to
// the working directory when it is an absolute path inside it, cleaned, with
// forward slashes. "-" and "" stay as given.
func filePath(name string) string {
	if name == "" || name == "-" {
		return name
	}
	p := name
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				p = rel
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// fileURI turns a file name as given on the command line into a SARIF
// artifact URI: filePath's relative path with every byte outside the URI
// path characters percent-encoded. An absolute path outside the working
// directory becomes file:///...; "-" and other names that are not paths
// stay as given (encoded).
func fileURI(name string) string {
	p := filePath(name)
	if filepath.IsAbs(filepath.FromSlash(p)) || strings.HasPrefix(p, "/") {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x -> /C:/x
		}
		return "file://" + escapeURIPath(p, true)
	}
	return escapeURIPath(p, false)
}

// escapeURIPath percent-encodes every byte that is not an unreserved
// character, '/', or one of the sub-delimiters safe in a path. A colon is
// encoded too in a relative reference, where it would read as a scheme.
func escapeURIPath(p string, allowColon bool) string {
	var b strings.Builder
	b.Grow(len(p))
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/', c == '!', c == '$',
			c == '&', c == '\'', c == '(', c == ')', c == '*', c == '+', c == ',',
			c == ';', c == '=', c == '@', c == ':' && allowColon:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
