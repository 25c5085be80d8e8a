package docs

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/cli"
)

// problemMatcher is the part of .github/manifestlint-matcher.json the
// runner reads.
type problemMatcher struct {
	ProblemMatcher []matcher `json:"problemMatcher"`
}

// matcher is one owner's patterns: the runner matches pattern i on the
// line after pattern i-1's, and takes each field from the pattern that
// names its group.
type matcher struct {
	Owner   string `json:"owner"`
	Pattern []struct {
		Regexp   string `json:"regexp"`
		File     int    `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Severity int    `json:"severity"`
		Code     int    `json:"code"`
		Message  int    `json:"message"`
	} `json:"pattern"`
}

// matchedFinding is what a matcher reads off the output for one finding.
type matchedFinding struct {
	file                string
	line, col           int
	severity, code, msg string
}

// match runs m over lines as the Actions runner does: a finding is a run
// of consecutive lines that the patterns match in order.
func (m matcher) match(t *testing.T, lines []string) []matchedFinding {
	t.Helper()
	res := make([]*regexp.Regexp, len(m.Pattern))
	for i, p := range m.Pattern {
		re, err := regexp.Compile(p.Regexp)
		if err != nil {
			t.Fatalf("%s: regexp: %v", m.Owner, err)
		}
		res[i] = re
	}
	var out []matchedFinding
	for i := 0; i+len(res) <= len(lines); i++ {
		var f matchedFinding
		ok := true
		for j, re := range res {
			g := re.FindStringSubmatch(lines[i+j])
			if g == nil {
				ok = false
				break
			}
			p := m.Pattern[j]
			get := func(k int) string {
				if k == 0 {
					return ""
				}
				return g[k]
			}
			if p.File > 0 {
				f.file = g[p.File]
			}
			if p.Line > 0 {
				f.line, _ = strconv.Atoi(g[p.Line])
			}
			if p.Column > 0 {
				f.col, _ = strconv.Atoi(g[p.Column])
			}
			if p.Severity > 0 {
				f.severity = get(p.Severity)
			}
			if p.Code > 0 {
				f.code = get(p.Code)
			}
			if p.Message > 0 {
				f.msg = get(p.Message)
			}
		}
		if ok {
			out = append(out, f)
			i += len(res) - 1
		}
	}
	return out
}

// TestProblemMatcher runs the matchers' regexps (JavaScript syntax that
// RE2 reads alike) over real output of the concise and the full text
// format, with and without colour: the concise matcher must read every
// finding of the concise format with the right fields, the full one every
// finding of the text format (its code is the rule id for a warning), and
// neither may read anything else, nor a finding of the other format.
func TestProblemMatcher(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(".github", "manifestlint-matcher.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pm problemMatcher
	if err := json.Unmarshal(raw, &pm); err != nil {
		t.Fatalf("matcher is not valid JSON: %v", err)
	}
	if len(pm.ProblemMatcher) != 2 || pm.ProblemMatcher[0].Owner != "manifestlint" || len(pm.ProblemMatcher[0].Pattern) != 1 ||
		pm.ProblemMatcher[1].Owner != "manifestlint-full" || len(pm.ProblemMatcher[1].Pattern) != 2 {
		t.Fatalf("want the matchers manifestlint (one line) and manifestlint-full (two lines): %+v", pm)
	}
	concise, full := pm.ProblemMatcher[0], pm.ProblemMatcher[1]

	dir := t.TempDir()
	warn := filepath.Join(dir, "warn, odd: name.manifest.yaml")
	src, err := os.ReadFile(filepath.Join("testdata", "sample", "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// key:value without a space is a warning.
	src = bytes.Replace(src, []byte("deviceId: ABCDE"), []byte("deviceId:ABCDE"), 1)
	if err := os.WriteFile(warn, src, 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join("testdata", "sample", "broken.manifest.yaml")
	// Manifest content that looks like a finding, shown in snippets: on a
	// short line number (gutter "    9 | ") and on line 10,001, whose gutter
	// has no leading space ("10001 | "). No snippet line may match.
	mimic := filepath.Join(dir, "mimic.manifest.yaml")
	mimicSrc := append([]byte(nil), src...)
	mimicSrc = append(mimicSrc, "evil: x.yaml:1:2: error InvalidAddressException: fake [address-po-box]\n"...)
	mimicSrc = append(mimicSrc, bytes.Repeat([]byte("# padding\n"), 10000-bytes.Count(mimicSrc, []byte("\n")))...)
	mimicSrc = append(mimicSrc, "evil2: y.yaml:3:4: warning: fake\n"...)
	if err := os.WriteFile(mimic, mimicSrc, 0o644); err != nil {
		t.Fatal(err)
	}

	// What the lines must yield: the same run's findings, read from --format json.
	var js struct {
		Files []struct {
			File     string `json:"file"`
			Findings []struct {
				Code     string `json:"code"`
				Rule     string `json:"rule"`
				Severity string `json:"severity"`
				Line     int    `json:"line"`
				Column   int    `json:"column"`
				Message  string `json:"message"`
			} `json:"findings"`
		} `json:"files"`
	}
	var jout bytes.Buffer
	run([]string{"--format", "json", broken, warn, mimic}, strings.NewReader(""), &jout, new(bytes.Buffer))
	if err := json.Unmarshal(jout.Bytes(), &js); err != nil {
		t.Fatalf("json output: %v", err)
	}
	var wants, fullWants []matchedFinding
	warnings := 0
	for _, f := range js.Files {
		for _, x := range f.Findings {
			wants = append(wants, matchedFinding{f.File, x.Line, x.Column, x.Severity, x.Code, x.Message})
			label := x.Code
			if label == "" {
				label = x.Rule
				warnings++
			}
			fullWants = append(fullWants, matchedFinding{f.File, x.Line, x.Column, x.Severity, label, x.Message})
		}
	}
	if len(wants) < 3 || warnings == 0 {
		t.Fatalf("the test needs errors and a warning; got %+v", wants)
	}
	for _, color := range []string{"never", "always"} {
		for _, tc := range []struct {
			format   string
			m, other matcher
			want     []matchedFinding
		}{
			{"concise", concise, full, wants},
			{"text", full, concise, fullWants},
		} {
			var out, errOut bytes.Buffer
			status := run([]string{"--format", tc.format, "--color", color, broken, warn, mimic}, strings.NewReader(""), &out, &errOut)
			if status != cli.ExitFindings {
				t.Fatalf("--format %s --color %s: status %d, stderr %s", tc.format, color, status, errOut.String())
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			got := tc.m.match(t, lines)
			for _, g := range got {
				if strings.Contains(g.msg, "\x1b") || strings.HasSuffix(g.msg, "]") {
					t.Errorf("--format %s --color %s: message keeps colour codes or the rule id: %q", tc.format, color, g.msg)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("--format %s --color %s: %d findings matched, want %d (snippets, notes and the summary must not match):\n%s",
					tc.format, color, len(got), len(tc.want), out.String())
			}
			for i, w := range tc.want {
				if got[i] != w {
					t.Errorf("--format %s --color %s: match %d = %+v, want %+v", tc.format, color, i, got[i], w)
				}
			}
			if o := tc.other.match(t, lines); len(o) > 0 {
				t.Errorf("--format %s --color %s: the %s matcher reads %+v", tc.format, color, tc.other.Owner, o)
			}
		}
	}
}
