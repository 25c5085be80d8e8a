// Package explain documents every code of the service (docs/codes.md)
// and every rule of manifestlint, for `manifestlint explain CODE|RULE` and
// `manifestlint codes`: what an error code means and what causes it, whether
// and how manifestlint detects it (which rules), and a bad manifest fragment
// with its fix. Job progress, device location and log status codes are
// listed too, with what they mean: they are job states, never findings.
package explain

//go:generate go test . -run TestRulesDocUpToDate -update-rules-doc
//go:generate go test . -run TestFixesDocUpToDate -update-fixes-doc

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// UnknownError is returned for a name that is neither a code nor a rule.
type UnknownError struct {
	Name string
	// Suggestions are known names close to Name, best first.
	Suggestions []string
}

func (e *UnknownError) Error() string {
	msg := fmt.Sprintf("unknown code or rule %q", e.Name)
	if len(e.Suggestions) > 0 {
		msg += "; did you mean " + strings.Join(e.Suggestions, ", ") + "?"
	}
	return msg + " (`manifestlint codes` lists every code)"
}

// Lookup explains name, which may be an error code (with or without its
// "Exception" suffix), a rule id, a job progress or device location code, or
// a log status code or number, in any letter case. An unknown name is an
// *UnknownError listing close names.
func Lookup(w io.Writer, name string) error {
	if c, ok := findCode(name); ok {
		return writeCode(w, c)
	}
	if r, ok := findRule(name); ok {
		return writeRule(w, r)
	}
	if m, kind, ok := findStatus(name); ok {
		return writeStatus(w, m, kind)
	}
	return unknown(name)
}

func findCode(name string) (manifest.CodeInfo, bool) {
	for _, c := range manifest.ErrorCodes {
		if strings.EqualFold(string(c.Code), name) || strings.EqualFold(string(c.Code), name+"Exception") {
			return c, true
		}
	}
	return manifest.CodeInfo{}, false
}

func findRule(id string) (*manifest.Descriptor, bool) {
	for _, r := range validate.Rules() {
		if strings.EqualFold(r.ID, id) {
			return r, true
		}
	}
	return nil, false
}

// Titles of the three tables of status codes.
const (
	progressTitle = "Job progress code (ProgressCode of GetStatus)"
	locationTitle = "Device location code (LocationCode of GetStatus)"
	logTitle      = "Log file status code (Status and Code of a job log line)"
)

func findStatus(name string) (manifest.CodeMeaning, string, bool) {
	tables := []struct {
		title string
		codes []manifest.CodeMeaning
	}{{progressTitle, manifest.ProgressCodes}, {locationTitle, manifest.LocationCodes}, {logTitle, manifest.LogStatusCodes}}
	for _, t := range tables {
		for _, m := range t.codes {
			if strings.EqualFold(m.Code, name) || (m.Status != 0 && strconv.Itoa(m.Status) == name) {
				return m, t.title, true
			}
		}
	}
	return manifest.CodeMeaning{}, "", false
}

// rulesFor lists the ids of the rules that can report code.
func rulesFor(code manifest.Code) []string {
	var ids []string
	for _, r := range validate.Rules() {
		for _, c := range r.Codes {
			if c == code {
				ids = append(ids, r.ID)
				break
			}
		}
	}
	return ids
}

func writeCode(w io.Writer, c manifest.CodeInfo) error {
	doc := codeDocs()[c.Code]
	p := &printer{w: w}
	p.line(string(c.Code))
	p.line("  HTTP status:     " + strconv.Itoa(c.Status))
	p.line("  Service message: " + c.Message)
	p.line("")
	p.line("What causes it")
	p.wrap("  ", doc.Cause)
	p.line("")
	p.line("Does manifestlint detect it?")
	ids := rulesFor(c.Code)
	switch {
	case c.Detect == manifest.WithInventory:
		p.wrap("  ", "Only with a bucket inventory (config file key `buckets`): without one, the check does not run.")
	case c.Detect == manifest.WithOnline:
		p.wrap("  ", "Only with --online (docs/online.md): it needs the account's answer.")
	case !c.Detectable():
		p.wrap("  ", "No: "+strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(c.Local, "no"), " ("), ")")+
			". The service decides it from what it knows beyond the manifest, so manifestlint never reports it.")
	default:
		p.wrap("  ", upperFirst(c.Local)+".")
	}
	if len(ids) > 0 {
		p.wrap("  ", "Rules: "+strings.Join(ids, ", ")+" (`manifestlint explain RULE` for each).")
	}
	if doc.Fix != "" {
		p.line("")
		p.line("What to do")
		p.wrap("  ", doc.Fix)
	}
	if doc.Example != nil {
		p.line("")
		p.example(doc.Example)
	}
	return p.err
}

// writeRule writes what `manifestlint explain RULE` prints; its section of
// docs/rules.md (RulesMarkdown) says the same from the same sentences.
func writeRule(w io.Writer, r *manifest.Descriptor) error {
	p := &printer{w: w}
	p.line(r.ID + " (" + string(r.Severity) + ")")
	p.wrap("  ", r.Doc)
	p.line("")
	p.line("Applies to")
	p.wrap("  ", appliesTo(r)+".")
	p.line("")
	p.line("Codes")
	if len(r.Codes) == 0 {
		p.wrap("  ", noCodes)
	} else {
		for _, c := range r.Codes {
			p.wrap("  ", codeLine(c))
		}
	}
	p.line("")
	p.line("Fix")
	p.wrap("  ", fixText(r))
	if len(r.Decisions) > 0 {
		p.line("")
		p.line(decisionsTitle)
		for _, d := range r.Decisions {
			p.hang("  - ", "    ", d)
		}
	}
	if r.Example.Before != "" {
		p.line("")
		p.example(&r.Example)
	}
	p.line("")
	if len(r.Codes) > 0 {
		p.line("See also: manifestlint explain " + string(r.Codes[0]))
	}
	p.line("Documentation: " + r.HelpURI())
	return p.err
}

// fixText is what `explain` and docs/rules.md say of a rule's fix: the
// rule's Fix sentence, and which flag applies it.
func fixText(r *manifest.Descriptor) string {
	safe, unsafe := r.FixApplicabilities()
	switch {
	case r.Fix == "":
		return "None: `--fix` leaves its findings to you."
	case safe && unsafe:
		return r.Fix + " `--fix` applies the safe fix, `--fix --unsafe-fixes` either; `--diff` shows what they would change."
	case unsafe:
		return r.Fix + " Only `--fix --unsafe-fixes` applies it; `--diff --unsafe-fixes` shows what it would change."
	}
	return r.Fix + " `--fix` applies it; `--diff` shows what it would change."
}

// decisionsTitle heads a rule's Decisions in `explain` and docs/rules.md.
const decisionsTitle = "Where the spec is silent"

// noCodes is what a rule without a service code says about codes.
const noCodes = "None: a warning. The service accepts what it describes, so it never fails a run."

// codeLine describes one code a rule reports.
func codeLine(c manifest.Code) string {
	return fmt.Sprintf("%s (HTTP %d): %s", c, c.Status(), c.Message())
}

// appliesTo names the job kinds a rule checks.
func appliesTo(r *manifest.Descriptor) string {
	if len(r.Kinds) == 0 {
		return "Every kind of manifest"
	}
	names := make([]string, len(r.Kinds))
	for i, k := range r.Kinds {
		names[i] = k.Title()
	}
	return upperFirst(joinAnd(names)) + " manifests"
}

// joinAnd joins names as a sentence does: "a, b and c".
func joinAnd(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func writeStatus(w io.Writer, m manifest.CodeMeaning, kind string) error {
	p := &printer{w: w}
	p.line(m.Code)
	p.line("  Kind:    " + kind)
	if m.Status != 0 {
		p.line("  Status:  " + strconv.Itoa(m.Status))
	}
	p.line("  Meaning: " + m.Meaning)
	p.line("")
	p.wrap("", "A job state the service reports once a job exists, not a fault of a manifest: manifestlint never reports it. It is listed so that every code of the service is at hand.")
	return p.err
}

func unknown(name string) error {
	return &UnknownError{Name: name, Suggestions: suggest(name)}
}

// allNames lists every name Lookup knows.
func allNames() []string {
	names := validate.Names()
	for _, t := range [][]manifest.CodeMeaning{manifest.ProgressCodes, manifest.LocationCodes, manifest.LogStatusCodes} {
		for _, m := range t {
			names = append(names, m.Code)
		}
	}
	return names
}

// suggest returns up to 5 known names for an unknown one, best first: the
// did-you-mean of manifest.Closest (a code's name also without its
// "Exception"), then the names that begin with name, then those that
// contain it or whose stem it contains (a partial name: `explain address`).
func suggest(name string) []string {
	names := allNames()
	cands := slices.Clone(names)
	full := map[string]string{}
	for _, n := range names {
		full[n] = n
		if stem, ok := strings.CutSuffix(n, "Exception"); ok {
			cands = append(cands, stem)
			full[stem] = n
		}
	}
	var out []string
	if c := manifest.Closest(name, cands); c != "" {
		out = append(out, full[c])
	}
	q := strings.ToLower(name)
	if len(q) < 3 {
		return out
	}
	var begin, contain []string
	for _, n := range names {
		l := strings.ToLower(n)
		switch {
		case slices.Contains(out, n):
		case strings.HasPrefix(l, q):
			begin = append(begin, n)
		case strings.Contains(l, q) || strings.Contains(q, strings.TrimSuffix(l, "exception")):
			contain = append(contain, n)
		}
	}
	slices.Sort(begin)
	slices.Sort(contain)
	out = append(append(out, begin...), contain...)
	return out[:min(len(out), 5)]
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// printer writes lines and keeps the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, s+"\n")
	}
}

// wrap writes text word-wrapped at 100 columns, each line indented.
func (p *printer) wrap(indent, text string) { p.hang(indent, indent, text) }

// hang is wrap with a first line of its own indent (a list item's "  - ").
func (p *printer) hang(first, indent, text string) {
	p.line(strings.TrimSuffix(escape.Wrap(first+text, 100, indent), "\n"))
}

func (p *printer) example(ex *manifest.Example) {
	p.line("Example")
	if ex.Note != "" {
		p.wrap("  ", "("+ex.Note+")")
	}
	bad, good := "  Bad:", "  Fixed:"
	if ex.Lang == "sh" {
		bad, good = "  Wrong:", "  Right:"
	}
	p.line(bad)
	for _, l := range strings.Split(strings.TrimRight(ex.Before, "\n"), "\n") {
		p.line("    " + l)
	}
	p.line(good)
	for _, l := range strings.Split(strings.TrimRight(ex.After, "\n"), "\n") {
		p.line("    " + l)
	}
}

// ErrorCodeEntry is one error code in `manifestlint codes --format json`.
type ErrorCodeEntry struct {
	Code       string `json:"code"`
	HTTPStatus int    `json:"httpStatus"`
	Message    string `json:"message"`
	Detectable bool   `json:"detectable"`
	Local      string `json:"local"`
	// Online says whether and how --online reports the code ("—": not).
	Online string   `json:"online"`
	Rules  []string `json:"rules"`
}

// StatusEntry is one job progress, device location or log status code in
// `manifestlint codes --format json`; Status is set for log status codes.
type StatusEntry struct {
	Code    string `json:"code"`
	Status  int    `json:"status,omitempty"`
	Meaning string `json:"meaning"`
}

// Catalog is every code of codes.md, as `manifestlint codes --format json`
// writes it.
type Catalog struct {
	ErrorCodes     []ErrorCodeEntry `json:"errorCodes"`
	ProgressCodes  []StatusEntry    `json:"progressCodes"`
	LocationCodes  []StatusEntry    `json:"locationCodes"`
	LogStatusCodes []StatusEntry    `json:"logStatusCodes"`
}

// AllCodes returns the catalog of every code.
func AllCodes() Catalog {
	var c Catalog
	for _, e := range manifest.ErrorCodes {
		rules := rulesFor(e.Code)
		if rules == nil {
			rules = []string{}
		}
		c.ErrorCodes = append(c.ErrorCodes, ErrorCodeEntry{
			Code: string(e.Code), HTTPStatus: e.Status, Message: e.Message,
			Detectable: e.Detectable(), Local: e.Local, Online: e.Online(), Rules: rules,
		})
	}
	conv := func(ms []manifest.CodeMeaning) []StatusEntry {
		out := make([]StatusEntry, len(ms))
		for i, m := range ms {
			out[i] = StatusEntry{Code: m.Code, Status: m.Status, Meaning: m.Meaning}
		}
		return out
	}
	c.ProgressCodes = conv(manifest.ProgressCodes)
	c.LocationCodes = conv(manifest.LocationCodes)
	c.LogStatusCodes = conv(manifest.LogStatusCodes)
	return c
}

// Codes writes every code of codes.md: format "text" (or "") is a table per
// kind of code, fitted to width columns (0: no limit; see WriteTable),
// "json" the Catalog. Any other format is an error.
func Codes(w io.Writer, format string, width int) error {
	cat := AllCodes()
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(cat)
	case "text", "":
	default:
		return fmt.Errorf("unknown format %q for codes: use text or json", format)
	}
	p := &printer{w: w}
	para := func(s string) { p.line(strings.TrimSuffix(escape.Wrap(s, width, ""), "\n")) }
	para("Error codes (returned in an ErrorResponse; manifestlint reports those it can detect)")
	p.line("")
	var rows [][]string
	for _, e := range cat.ErrorCodes {
		rows = append(rows, []string{e.Code, strconv.Itoa(e.HTTPStatus), e.Local, e.Online, e.Message})
	}
	if err := WriteTable(w, width, []string{"CODE", "HTTP", "DETECTED", "ONLINE", "SERVICE MESSAGE"}, rows); err != nil {
		return err
	}
	status := func(title string, es []StatusEntry, withStatus bool) {
		p.line("")
		para(title)
		p.line("")
		var rows [][]string
		header := []string{"CODE", "MEANING"}
		if withStatus {
			header = []string{"STATUS", "CODE", "MEANING"}
		}
		for _, e := range es {
			if withStatus {
				rows = append(rows, []string{strconv.Itoa(e.Status), e.Code, e.Meaning})
			} else {
				rows = append(rows, []string{e.Code, e.Meaning})
			}
		}
		if err := WriteTable(w, width, header, rows); err != nil && p.err == nil {
			p.err = err
		}
	}
	status("Job progress codes (ProgressCode of GetStatus; job states, never reported by manifestlint)", cat.ProgressCodes, false)
	status("Device location codes (LocationCode of GetStatus; never reported by manifestlint)", cat.LocationCodes, false)
	status("Log file status codes (Status and Code of a job log line; S3 may answer others)", cat.LogStatusCodes, true)
	p.line("")
	p.line("`manifestlint explain CODE` tells what causes a code and how to fix it.")
	return p.err
}
