package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// problemMatcher is the part of .github/manifestlint-matcher.json the
// runner reads.
type problemMatcher struct {
	ProblemMatcher []struct {
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
	} `json:"problemMatcher"`
}

// TestProblemMatcher runs the matcher's regexp (JavaScript syntax that RE2
// reads alike) over real text output, with and without colour: every
// finding line must match with the right fields, and no other line may.
func TestProblemMatcher(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(".github", "manifestlint-matcher.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pm problemMatcher
	if err := json.Unmarshal(raw, &pm); err != nil {
		t.Fatalf("matcher is not valid JSON: %v", err)
	}
	if len(pm.ProblemMatcher) != 1 || pm.ProblemMatcher[0].Owner != "manifestlint" || len(pm.ProblemMatcher[0].Pattern) != 1 {
		t.Fatalf("want one matcher owned by manifestlint with one pattern: %+v", pm)
	}
	p := pm.ProblemMatcher[0].Pattern[0]
	re, err := regexp.Compile(p.Regexp)
	if err != nil {
		t.Fatalf("regexp: %v", err)
	}

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

	type want struct {
		file                string
		line, col           int
		severity, code, msg string
	}
	// What the lines must yield: the same run's findings, read from --format json.
	var js struct {
		Files []struct {
			File     string `json:"file"`
			Findings []struct {
				Code     string `json:"code"`
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
	var wants []want
	warnings := 0
	for _, f := range js.Files {
		for _, x := range f.Findings {
			wants = append(wants, want{f.File, x.Line, x.Column, x.Severity, x.Code, x.Message})
			if x.Severity == "warning" {
				warnings++
			}
		}
	}
	if len(wants) < 3 || warnings == 0 {
		t.Fatalf("the test needs errors and a warning; got %+v", wants)
	}
	for _, color := range []string{"never", "always"} {
		var out, errOut bytes.Buffer
		status := run([]string{"--format", "text", "--color", color, broken, warn, mimic}, strings.NewReader(""), &out, &errOut)
		if status != exitFindings {
			t.Fatalf("--color %s: status %d, stderr %s", color, status, errOut.String())
		}
		var got []want
		for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
			m := re.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			l, _ := strconv.Atoi(m[p.Line])
			c, _ := strconv.Atoi(m[p.Column])
			got = append(got, want{m[p.File], l, c, m[p.Severity], m[p.Code], m[p.Message]})
			if strings.Contains(m[p.Message], "\x1b") || strings.HasSuffix(m[p.Message], "]") {
				t.Errorf("--color %s: message keeps colour codes or the rule id: %q", color, m[p.Message])
			}
		}
		if len(got) != len(wants) {
			t.Fatalf("--color %s: %d lines matched, want %d (snippets, notes and the summary must not match):\n%s",
				color, len(got), len(wants), out.String())
		}
		for i, w := range wants {
			g := got[i]
			if g != w {
				t.Errorf("--color %s: match %d = %+v, want %+v", color, i, g, w)
			}
		}
	}
}
