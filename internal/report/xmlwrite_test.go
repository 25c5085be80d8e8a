package report

import (
	"bytes"
	"encoding/xml"
	"math/rand/v2"
	"strings"
	"testing"
)

// encodingXML is what encoding/xml writes of v, as the XML and JUnit
// formats wrote it before xmlOut: the declaration, v indented by two
// spaces, a final newline.
func encodingXML(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	b.WriteString("\n")
	return b.Bytes()
}

// hostileText returns text of the kinds a manifest can put in a finding:
// markup, quotes, line ends and tabs, control characters, invalid UTF-8,
// U+FFFD and the non-characters XML cannot hold, multi-byte letters, and
// nothing at all.
func hostileText(r *rand.Rand) string {
	parts := []string{"", "a", "plain text", "<", ">", "&", `"`, "'", "]]>", "<!--", "\t", "\n", "\r\n", "\r",
		"\x00", "\x01", "\x1f", "\x7f", "\xff", "\xc3", "\xed\xa0\x80", "\uFFFD", "\uFFFE", "\uFFFF", "ü", "日本",
		"\U0001F600", "\u2028", "&amp;", "&#39;", "%0A", "x=\"y\"", " "}
	var b strings.Builder
	for range r.IntN(6) {
		b.WriteString(parts[r.IntN(len(parts))])
	}
	return b.String()
}

// TestXMLWriterIsEncodingXML: the XML and JUnit documents xmlOut writes are
// byte for byte what encoding/xml writes of the same structs, for every
// optional part present or absent and hostile text in every value.
func TestXMLWriterIsEncodingXML(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 1))
	maybe := func(s string) string {
		if r.IntN(3) == 0 {
			return ""
		}
		return s
	}
	for i := range 300 {
		doc := xmlResults{Version: maybe(hostileText(r))}
		for range r.IntN(4) {
			f := xmlFile{Name: hostileText(r), Kind: maybe(hostileText(r)), Errors: r.IntN(3), Warnings: r.IntN(3), ReadError: maybe(hostileText(r))}
			for range r.IntN(4) {
				g := xmlFinding{File: hostileText(r), Line: r.IntN(100), Column: r.IntN(100), Path: hostileText(r),
					Rule: hostileText(r), Status: []int{0, 400}[r.IntN(2)], Detail: maybe(hostileText(r))}
				if r.IntN(2) == 0 {
					g.Response = &xmlErrorResponse{Error: xmlError{Type: maybe("Sender"), Code: hostileText(r), Message: hostileText(r)},
						RequestID: maybe(hostileText(r))}
				}
				f.Findings = append(f.Findings, g)
			}
			doc.Files = append(doc.Files, f)
		}
		var got bytes.Buffer
		if err := doc.write(&got); err != nil {
			t.Fatal(err)
		}
		if want := encodingXML(t, doc); !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("XML document %d:\ngot  %q\nwant %q", i, got.Bytes(), want)
		}

		suites := junitSuites{Name: hostileText(r), Tests: r.IntN(9), Failures: r.IntN(9), Errors: r.IntN(9)}
		for range r.IntN(4) {
			s := junitSuite{Name: hostileText(r), Tests: r.IntN(5), Failures: r.IntN(5), Errors: r.IntN(5), Skipped: r.IntN(2)}
			if r.IntN(2) == 0 {
				s.Properties = &junitProperties{}
				for range r.IntN(3) {
					s.Properties.Property = append(s.Properties.Property, junitProperty{Name: hostileText(r), Value: hostileText(r)})
				}
			}
			for range r.IntN(4) {
				c := junitCase{Name: hostileText(r), Classname: hostileText(r), File: maybe(hostileText(r)), SystemOut: maybe(hostileText(r))}
				if r.IntN(2) == 0 {
					c.Failure = &junitFailure{Message: hostileText(r), Type: hostileText(r), Text: hostileText(r)}
				}
				if r.IntN(3) == 0 {
					c.Error = &junitFailure{Message: hostileText(r), Type: hostileText(r), Text: hostileText(r)}
				}
				s.Cases = append(s.Cases, c)
			}
			suites.Suites = append(suites.Suites, s)
		}
		got.Reset()
		if err := suites.write(&got); err != nil {
			t.Fatal(err)
		}
		if want := encodingXML(t, suites); !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("JUnit document %d:\ngot  %q\nwant %q", i, got.Bytes(), want)
		}
	}
}
