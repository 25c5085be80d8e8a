package manifest

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Severity is how serious a finding is: an error fails the run, a warning
// does not.
type Severity string

// The two severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Finding is one fault found in a manifest. Errors carry the service's code;
// warnings (faults the service accepted) have an empty Code, except an
// error that the config file's severity key downgraded to a warning: it
// keeps its Code (and so its Status), so output still names the service
// error.
//
// A Finding has no JSON form of its own: `--format json` and the
// playground encode the wire type of package internal/report/jsonwire.
type Finding struct {
	Code     Code
	Severity Severity
	Rule     string
	// Path is the dotted field path with list indexes
	// (operations[0].exportBucket); empty for the whole document.
	Path string
	// Span is the range at fault, never left zero: Line and Column point
	// at the value at fault, at the key of an unknown field, or at the key
	// of a missing field's parent (an empty span there).
	Span
	// Message is what this finding found and how to fix it: the specifics,
	// without the service's sentence for Code. Text joins the two, as
	// every output format shows them.
	Message string
	// Help is how to fix it, as a person reads it below the headline
	// (Message): "give a street address where a carrier can hand over the
	// device". Empty when the headline says it all. Message is the
	// headline: what is wrong, with the value, in at most ~90 characters.
	Help string
	// Evidence says where a finding of an online check (--online) got its
	// facts: "HeadBucket: 404 at 2026-12-06T05:10:00Z". Empty for the
	// findings made from the manifest and the flags alone.
	Evidence string
	// Related are other places that explain the finding (the first
	// occurrence of a duplicate key).
	Related []Related
	// Fix repairs the finding, or is nil.
	Fix *Fix
	// AlsoRule is a second rule id that names the finding, or "": a
	// misspelt required key is one finding of required-field that is also
	// an unknown-field (spec §5, a near miss is one fault), and --ignore,
	// the config file's disable and inline suppressions silence it under
	// either id (Silenced).
	AlsoRule string
}

// Status is the HTTP status the service answers the finding's Code with (0
// for a warning without a code).
func (f *Finding) Status() int { return f.Code.Status() }

// Named reports whether name is the finding's rule id, its AlsoRule or its
// code: the names --ignore, disable and suppression comments match.
func (f *Finding) Named(name string) bool {
	return name != "" && (name == f.Rule || name == f.AlsoRule || (f.Code != "" && name == string(f.Code)))
}

// Related is a place in the same source that explains a finding.
type Related struct {
	Span
	Message string
}

// Applicability says whether a fix may be applied without a person's
// judgment (ruff's model).
type Applicability string

// The applicabilities of a fix.
const (
	// Safe: the result is what the user meant, with no judgment call.
	Safe Applicability = "safe"
	// Unsafe: a likely repair that changes meaning; applied only when asked.
	Unsafe Applicability = "unsafe"
)

// Edit replaces the bytes [Start, End) of the original source with New;
// Start == End inserts, an empty New deletes.
type Edit struct {
	Start, End int
	New        string
}

// Fix is a repair of one finding: edits of the original bytes, never a
// re-serialization of the YAML.
type Fix struct {
	Title         string
	Applicability Applicability
	Edits         []Edit
}

// Pos is a 1-based line and column in the original source.
type Pos struct{ Line, Column int }

// At is the position of n, or 1:1 for a nil node.
func At(n *yaml.Node) Pos {
	if n == nil || n.Line == 0 {
		return Pos{1, 1}
	}
	return Pos{n.Line, n.Column}
}

// Text is the finding's whole message in one string, as the language
// server shows it (diagnostics when the client asks for one string, and
// hover): the service's sentence for its
// Code (kept by an error the config file turned into a warning), then
// Specifics (the headline, then the help after a colon). The other formats
// show the headline, the help and the sentence apart.
func (f *Finding) Text() string {
	msg := f.Specifics()
	sentence := f.Code.Message()
	switch {
	case sentence == "":
		return msg
	case msg == "":
		return sentence
	}
	return sentence + " " + msg
}

// Specifics is the headline and the help in one line ("headline: help"),
// for formats that have one field for both (the xml format's Detail).
func (f *Finding) Specifics() string {
	if f.Help == "" {
		return f.Message
	}
	return f.Message + ": " + f.Help
}

// Relate adds a related location: the span s in the same source, and what
// it is.
func (f *Finding) Relate(s Span, message string) {
	f.Related = append(f.Related, Related{Span: s, Message: message})
}

// Sort orders findings by line, then column, then code, rule and message, so
// output never depends on the order checks ran in.
func Sort(fs []Finding) {
	// Findings mostly come in order already; a Finding is large, so the
	// sort (n log n moves of it) runs only when needed.
	if !slices.IsSortedFunc(fs, compareFindings) {
		slices.SortStableFunc(fs, compareFindings)
	}
}

// compareFindings is Sort's order.
func compareFindings(a, b Finding) int {
	if c := cmp.Compare(a.Line, b.Line); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Column, b.Column); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Code, b.Code); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	return cmp.Compare(a.Message, b.Message)
}

// Dedupe keeps at most one error per (path, code) and one warning per
// (path, rule, line), keeping the first in slice order (spec §7: one fault,
// one finding, even when the schema and a rule both see it).
func Dedupe(fs []Finding) []Finding {
	type key struct {
		path, code, rule string
		line             int
	}
	seen := make(map[key]bool, len(fs))
	out := fs[:0]
	for _, f := range fs {
		k := key{path: f.Path, code: string(f.Code)}
		if f.Severity == Warning {
			k.rule, k.line = f.Rule, f.Line
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// Count returns the number of errors and warnings in fs.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// JoinPath appends a key to a dotted path. A key that would make the path
// ambiguous (empty, or holding '.', '[', ']' or white space) is written in
// brackets as a double-quoted string, JSON-style: contentTypes[".jpg"],
// [""] for an empty top-level key. Quoting uses strconv.Quote, which agrees
// with JSON for every printable character.
func JoinPath(parent, key string) string {
	if needsQuote(key) {
		return parent + "[" + strconv.Quote(key) + "]"
	}
	if parent == "" {
		return key
	}
	return parent + "." + key
}

// needsQuote reports whether key must be bracket-quoted in a path.
func needsQuote(key string) bool {
	if key == "" {
		return true
	}
	for _, r := range key {
		if r == '.' || r == '[' || r == ']' || unicode.IsSpace(r) {
			return true
		}
	}
	return false
}

// IndexPath appends a list index to a path: operations[0].
func IndexPath(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}

// Family returns the codes for a missing and for an invalid value at path
// (spec §5): the first path segment decides.
func Family(path string) (missing, invalid Code) {
	head := path
	if i := strings.IndexAny(path, ".["); i >= 0 {
		head = path[:i]
	}
	switch head {
	case "returnAddress":
		return MissingManifestField, InvalidAddress
	case "customs":
		return MissingCustoms, InvalidCustoms
	case "fileSystem":
		return MissingManifestField, InvalidFileSystem
	case "accessKeyId":
		return MissingManifestField, InvalidAccessKeyID
	}
	return MissingManifestField, InvalidManifestField
}

// Plural counts word: "1 error", "2 errors", "2 fixes" (words with a
// regular plural: -es after s, x, ch and sh, else -s).
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "s") || strings.HasSuffix(word, "x") || strings.HasSuffix(word, "ch") || strings.HasSuffix(word, "sh") {
		return strconv.Itoa(n) + " " + word + "es"
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// QuoteLimit is the longest value, in bytes, that Quote shows whole.
const QuoteLimit = 1024

// Quote shows a value of the manifest in a message, in backticks: whole, or
// past QuoteLimit (a 10 MB line) as its first characters and its length,
// "`xxxx…` (3000 characters)", so that the message stays readable.
func Quote(v string) string {
	if len(v) <= QuoteLimit {
		return "`" + v + "`"
	}
	return "`" + strings.ToValidUTF8(v[:60], "") + "…` (" + Plural(utf8.RuneCountInString(v), "character") + ")"
}
