package golden

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/internal/testbin"
)

// The bars of issue 18 for what a person reads at a glance: the headline of
// a finding (JSON `message`) fits 90 characters, and no line the default
// text format writes for a finding passes 120 columns (the user's own
// snippet lines aside), each for at least 95% of the golden findings.
const (
	maxHeadline   = 90
	maxTextColumn = 120
	minShare      = 0.95
)

// goldenInputs are the manifests of the golden sets: the cases (TestGolden),
// the fixes (TestFixGolden), the specification's real manifests
// (TestSpecExamples) and the README's sample.
func goldenInputs(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"testdata/cases/*.yaml", "testdata/fixes/*.yaml", "testdata/spec-examples/*", "testdata/sample/*.yaml"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			if !strings.HasSuffix(f, ".md") && !strings.HasSuffix(f, ".golden") {
				files = append(files, f)
			}
		}
	}
	if len(files) < 500 {
		t.Fatalf("only %d golden inputs found", len(files))
	}
	return files
}

// snippetLine matches the lines that show the user's source and the caret
// under it (`   27 |      deviceValue: $250.00`, `      |   ^~~~`): their
// width is the user's line's.
var snippetLine = regexp.MustCompile(`^ *[0-9]* \| `)

// findingStart matches the first line of a finding in the text format:
// `error[Code]: headline` (rustc's shape) or `file:line:col: severity`.
var findingStart = regexp.MustCompile(`^(?:(?:error|warning)\[|.+:[0-9]+:[0-9]+: (?:error|warning))`)

// findingBlocks splits the text format's output for file into the lines
// of each finding: from its first line to the next finding, a blank line,
// or the file's notes and the summary that follow the findings.
func findingBlocks(out, file string) [][]string {
	var blocks [][]string
	open := false
	for _, line := range strings.Split(out, "\n") {
		switch {
		case findingStart.MatchString(line) && !strings.HasPrefix(line, file+": note:"):
			blocks = append(blocks, []string{line})
			open = true
		case line == "" || strings.HasPrefix(line, file+": note:") || strings.HasPrefix(line, "note:"):
			open = false
		case open:
			blocks[len(blocks)-1] = append(blocks[len(blocks)-1], line)
		}
	}
	return blocks
}

// TestMessageWidths lints every golden input as a user would, in JSON for
// the headlines and in the default text format for the lines, and checks
// the two bars. It prints both figures, and the findings over them.
func TestMessageWidths(t *testing.T) {
	testbin.CleanEnv(t)
	var findings, shortHeads, fitting int
	var longHeads, wideLines []string
	for _, f := range goldenInputs(t) {
		stdout, _, _ := runCase(t, f, "--format", "json")
		var res struct {
			Files []struct {
				Findings []struct {
					Message string `json:"message"`
				} `json:"findings"`
			} `json:"files"`
		}
		var heads []string
		if stdout.Len() > 0 {
			if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
				t.Fatalf("%s: --format json: %v\n%s", f, err, stdout.String())
			}
			for _, file := range res.Files {
				for _, fd := range file.Findings {
					heads = append(heads, fd.Message)
				}
			}
		}
		for _, h := range heads {
			findings++
			if utf8.RuneCountInString(h) <= maxHeadline {
				shortHeads++
			} else {
				longHeads = append(longHeads, f+": "+h)
			}
		}

		text, _, _ := runCase(t, f, "--color", "never")
		blocks := findingBlocks(text.String(), f)
		if len(blocks) != len(heads) {
			t.Fatalf("%s: %d findings in JSON, %d read from the text format:\n%s", f, len(heads), len(blocks), text.String())
		}
		for _, b := range blocks {
			fits := true
			for _, line := range b {
				if !snippetLine.MatchString(line) && utf8.RuneCountInString(line) > maxTextColumn {
					fits = false
					wideLines = append(wideLines, line)
				}
			}
			if fits {
				fitting++
			}
		}
	}
	if findings < 400 {
		t.Fatalf("only %d findings in the golden inputs", findings)
	}
	headShare := float64(shortHeads) / float64(findings)
	lineShare := float64(fitting) / float64(findings)
	t.Logf("%d findings: %.1f%% have a headline of at most %d characters; %.1f%% write no line over %d columns in the text format",
		findings, 100*headShare, maxHeadline, 100*lineShare, maxTextColumn)
	if headShare < minShare {
		t.Errorf("%.1f%% of headlines fit %d characters, want at least %.0f%%; over:\n%s",
			100*headShare, maxHeadline, 100*minShare, strings.Join(longHeads, "\n"))
	}
	if lineShare < minShare {
		t.Errorf("%.1f%% of findings fit %d columns, want at least %.0f%%; lines over:\n%s",
			100*lineShare, maxTextColumn, 100*minShare, strings.Join(wideLines, "\n"))
	}
}
