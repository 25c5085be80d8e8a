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

// blockStart is the first line of a finding in the text format.
var blockStart = regexp.MustCompile(`^(error|warning)\[[A-Za-z0-9-]+\]: `)

// TestOutputWidths measures, over every golden case, the two figures of
// issue 18: how many findings have a headline (JSON message) of at most 90
// characters, and how many keep every line the text format writes for them
// (the headline, the arrow, the help and notes; the user's own snippet lines
// aside) within 120 columns. It prints both: the first is the messages'
// (their headline), the second theirs and the presentation's together.
// It holds the presentation to its part: every help or note line within 100
// columns (but a single word longer than that), and for at least 95% of the
// findings every line but the headline's (the arrow with the path and the
// rule, the help, the notes) within 120 columns. The headline line is the
// headline after `error[Code]: ` (at most 42 columns).
func TestOutputWidths(t *testing.T) {
	testbin.CleanEnv(t)
	files, err := filepath.Glob("testdata/cases/*.yaml")
	if err != nil || len(files) < 100 {
		t.Fatalf("%d cases (%v)", len(files), err)
	}
	var findings, shortHeadline, narrow, shortAndNarrow, restNarrow int
	for _, f := range files {
		jsonOut, _, _ := runCase(t, f, "--format", "json")
		var report struct {
			Files []struct {
				Findings []struct{ Message string } `json:"findings"`
			} `json:"files"`
		}
		if json.Unmarshal(jsonOut.Bytes(), &report) != nil || len(report.Files) == 0 {
			continue // a usage error: no findings
		}
		var headlines []int
		for _, fl := range report.Files {
			for _, x := range fl.Findings {
				headlines = append(headlines, utf8.RuneCountInString(x.Message))
			}
		}
		textOut, _, _ := runCase(t, f, "--color", "never", "--no-snippet", "--max-findings", "0")
		var widths []int // the widest line of each finding's block
		var rest []int   // the same, the headline line left out
		in := false
		for _, line := range strings.Split(textOut.String(), "\n") {
			switch {
			case blockStart.MatchString(line):
				widths = append(widths, utf8.RuneCountInString(line))
				rest = append(rest, 0)
				in = true
				continue
			case line == "":
				in = false
				continue
			case !in:
				continue
			}
			n := utf8.RuneCountInString(line)
			widths[len(widths)-1] = max(widths[len(widths)-1], n)
			rest[len(rest)-1] = max(rest[len(rest)-1], n)
			if rest, ok := strings.CutPrefix(strings.TrimLeft(line, " "), "= "); ok && n > 100 && strings.Contains(strings.SplitN(rest, ": ", 2)[1], " ") {
				if words := strings.Fields(line); utf8.RuneCountInString(words[len(words)-1]) < n-100 {
					t.Errorf("%s: a help or note line of %d columns: %q", f, n, line)
				}
			}
		}
		if len(widths) != len(headlines) {
			t.Fatalf("%s: %d findings in JSON, %d blocks in the text format:\n%s", f, len(headlines), len(widths), textOut.String())
		}
		for i, h := range headlines {
			findings++
			if rest[i] <= 120 {
				restNarrow++
			}
			if h <= 90 {
				shortHeadline++
			}
			if widths[i] <= 120 {
				narrow++
				if h <= 90 {
					shortAndNarrow++
				}
			}
		}
	}
	pct := func(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }
	t.Logf("%d findings in %d cases: headline ≤ 90 characters: %.1f%% (%d); every line within 120 columns: %.1f%% (%d; %.1f%% of those with a headline ≤ 90); every line but the headline's: %.1f%%",
		findings, len(files), pct(shortHeadline, findings), shortHeadline, pct(narrow, findings), narrow, pct(shortAndNarrow, shortHeadline), pct(restNarrow, findings))
	if findings < 100 {
		t.Fatalf("only %d findings measured", findings)
	}
	if pct(restNarrow, findings) < 95 {
		t.Errorf("only %.1f%% of the findings keep every line but the headline's within 120 columns", pct(restNarrow, findings))
	}
}
