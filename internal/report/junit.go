package report

import (
	"fmt"
	"io"

	"github.com/manifestlint/manifestlint/manifest"
)

// The JUnit document; as for XML's, its xml tags are what encoding/xml
// would make of it, and xmlOut writes the same bytes.
type junitSuites struct {
	XMLName  struct{}     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Errors     int              `xml:"errors,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
}

type junitProperties struct {
	Property []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Error     *junitFailure `xml:"error,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// JUnit writes a JUnit XML report, as GitLab (artifacts:reports:junit) and
// Jenkins read it: a <testsuites> root, one <testsuite> per file (its name
// is the file), and in it one <testcase> per finding, or a single passing
// testcase named "manifest is valid" for a clean file.
//
// An error is a testcase with a <failure>: its type is the service code,
// its message attribute the finding's headline, and its text the finding as
// the concise format prints it (file:line:col: error Code: headline
// [rule]), then `help: ` and the help, and `service: ` and the service's
// sentence for the code.
//
// A warning is a PASSING testcase whose <system-out> holds the warning:
// warnings never fail a run (the exit status stays 0), so they do not fail
// the report either, yet they are listed and readable in the test view.
//
// Testcase names read as a sentence, "<Code or rule> at <path> (line L)",
// or "<Code or rule> on line L" for a finding about the whole document; the
// classname is the file, so a CI's per-class grouping is per-file too. The
// job kind checked is a <property name="kind">. All text is escaped as
// encoding/xml escapes it (characters XML cannot hold become U+FFFD).
//
// An error without a service code (a warning the config file's severity
// key raised to error) has its rule id as its failure type. A file that
// could not be read (or was over --max-bytes) is a suite of one testcase
// "file could not be read" holding an <error> of type read-error: the test
// did not run, rather than failed.
func JUnit(w io.Writer, results []manifest.Result, opt Options) error {
	doc := junitSuites{Name: toolName, Suites: make([]junitSuite, 0, len(results))}
	for _, r := range results {
		s := junitSuite{Name: r.File}
		if r.ReadError != "" {
			s.Cases = []junitCase{{Name: "file could not be read", Classname: r.File, File: r.File,
				Error: &junitFailure{Message: r.ReadError, Type: "read-error", Text: r.File + ": " + r.ReadError}}}
			s.Tests, s.Errors = 1, 1
			doc.Tests++
			doc.Errors++
			doc.Suites = append(doc.Suites, s)
			continue
		}
		if r.Kind != "" {
			s.Properties = &junitProperties{[]junitProperty{{Name: "kind", Value: string(r.Kind)}}}
		}
		for _, f := range r.Findings {
			c := junitCase{Name: junitCaseName(f), Classname: r.File, File: r.File}
			if f.Severity == manifest.Warning {
				c.SystemOut = textLine(r.File, f)
			} else {
				typ := string(f.Code)
				if typ == "" {
					typ = ruleID(f) // a warning raised to error has no code
				}
				c.Failure = &junitFailure{Message: headline(f), Type: typ, Text: textLine(r.File, f)}
				s.Failures++
			}
			s.Cases = append(s.Cases, c)
		}
		for _, n := range r.Notes {
			if n.Severity == manifest.Warning {
				// A warning note (a skipped configuration file): a passing
				// testcase with the warning, as a warning finding is.
				s.Cases = append(s.Cases, junitCase{Name: n.ID, Classname: r.File, File: r.File, SystemOut: r.File + ": " + n.Message})
			}
		}
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: "manifest is valid", Classname: r.File, File: r.File})
		}
		s.Tests = len(s.Cases)
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Suites = append(doc.Suites, s)
	}
	return doc.write(w)
}

// write writes the document as encoding/xml would (see xmlOut).
func (doc *junitSuites) write(w io.Writer) error {
	x := newXMLOut(w)
	x.open("testsuites")
	x.attr("name", doc.Name)
	x.attrInt("tests", doc.Tests)
	x.attrInt("failures", doc.Failures)
	x.attrInt("errors", doc.Errors)
	x.close()
	for _, s := range doc.Suites {
		x.open("testsuite")
		x.attr("name", s.Name)
		x.attrInt("tests", s.Tests)
		x.attrInt("failures", s.Failures)
		x.attrInt("errors", s.Errors)
		x.attrInt("skipped", s.Skipped)
		x.close()
		if s.Properties != nil {
			x.open("properties")
			x.close()
			for _, p := range s.Properties.Property {
				x.open("property")
				x.attr("name", p.Name)
				x.attr("value", p.Value)
				x.close()
				x.end("property")
			}
			x.end("properties")
		}
		for _, c := range s.Cases {
			x.open("testcase")
			x.attr("name", c.Name)
			x.attr("classname", c.Classname)
			if c.File != "" {
				x.attr("file", c.File)
			}
			x.close()
			for _, f := range []struct {
				name string
				f    *junitFailure
			}{{"failure", c.Failure}, {"error", c.Error}} {
				if f.f == nil {
					continue
				}
				x.open(f.name)
				x.attr("message", f.f.Message)
				x.attr("type", f.f.Type)
				x.close()
				x.text(f.f.Text)
				x.end(f.name)
			}
			if c.SystemOut != "" {
				x.elem("system-out", c.SystemOut)
			}
			x.end("testcase")
		}
		x.end("testsuite")
	}
	x.end("testsuites")
	return x.finish()
}

func junitCaseName(f manifest.Finding) string {
	what := string(f.Code)
	if what == "" {
		what = ruleID(f)
	}
	if f.Path == "" {
		return fmt.Sprintf("%s on line %d", what, f.Line)
	}
	return fmt.Sprintf("%s at %s (line %d)", what, f.Path, f.Line)
}

// textLine renders a finding as the concise format does, `file:line:col:
// error Code: headline [rule]` (a warning without a code: `file:line:col:
// warning: headline [rule]`), then its help on a line of its own and the
// service's sentence for its code.
func textLine(file string, f manifest.Finding) string {
	s := fmt.Sprintf("%s:%d:%d: %s", file, f.Line, f.Column, f.Severity)
	if f.Code != "" {
		s += " " + string(f.Code)
	}
	s += ": " + headline(f)
	if f.Rule != "" {
		s += " [" + f.Rule + "]"
	}
	if f.Help != "" {
		s += "\nhelp: " + f.Help
	}
	if f.Message != "" && f.Code.Message() != "" {
		s += "\nservice: " + f.Code.Message()
	}
	return s
}
