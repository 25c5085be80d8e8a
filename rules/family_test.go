package rules

import (
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// famCase is one table row of the field-rule tests: a manifest, what the
// linter was told, and the findings one rule must give (none when want is
// empty).
type famCase struct {
	name string
	kind manifest.Kind
	src  string
	// ctx adjusts the Context (region, inventory, access key); may be nil.
	ctx  func(*Context)
	want []famWant
}

// famWant is one expected finding: code ("" for a warning), path, line,
// column and fragments its message must hold.
type famWant struct {
	code      manifest.Code
	path      string
	line, col int
	frags     []string
}

// famContext parses src (which must parse cleanly) into a Context of kind.
func famContext(t *testing.T, kind manifest.Kind, src string) *Context {
	t.Helper()
	doc, fs := manifest.Parse("test.yaml", []byte(src))
	if doc.Root == nil {
		t.Fatalf("manifest does not parse: %+v", fs)
	}
	return &Context{Doc: doc, Root: doc.Root, Kind: kind}
}

// runFamCases runs check on every case and compares the findings with want,
// in order, asserting the rule id and severity too.
func runFamCases(t *testing.T, r *Rule, cases []famCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := famContext(t, tc.kind, tc.src)
			if tc.ctx != nil {
				tc.ctx(c)
			}
			got := r.Run(c)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d findings, want %d: %+v", len(got), len(tc.want), got)
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Rule != r.ID {
					t.Errorf("finding %d: rule %q, want %q", i, g.Rule, r.ID)
				}
				wantSev := manifest.Error
				if w.code == "" {
					wantSev = manifest.Warning
				}
				if g.Severity != wantSev || g.Code != w.code {
					t.Errorf("finding %d: %s %q, want %s %q", i, g.Severity, g.Code, wantSev, w.code)
				}
				if g.Path != w.path || g.Line != w.line || g.Column != w.col {
					t.Errorf("finding %d: at %s %d:%d, want %s %d:%d", i, g.Path, g.Line, g.Column, w.path, w.line, w.col)
				}
				if w.code != "" && !strings.HasPrefix(g.Text(), w.code.Message()) {
					t.Errorf("finding %d: text does not start with the service's sentence: %q", i, g.Text())
				}
				// The fragments may be in the headline or in the help.
				whole := g.Message
				if g.Help != "" {
					whole += ": " + g.Help
				}
				for _, f := range w.frags {
					if !strings.Contains(whole, f) {
						t.Errorf("finding %d: message %q lacks %q", i, whole, f)
					}
				}
				if strings.HasSuffix(g.Message, ".") || strings.HasSuffix(g.Help, ".") {
					t.Errorf("finding %d: a headline or help ends with a full stop: %q", i, whole)
				}
			}
		})
	}
}

// famErr and famWarn build expected findings tersely.
func famErr(code manifest.Code, path string, line, col int, frags ...string) famWant {
	return famWant{code, path, line, col, frags}
}

func famWarn(path string, line, col int, frags ...string) famWant {
	return famWant{"", path, line, col, frags}
}
