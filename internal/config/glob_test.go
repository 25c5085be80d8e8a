package config

import (
	"fmt"
	"strings"
	"testing"
)

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"exports/**", "exports/a.yaml", true},
		{"exports/**", "exports/2015/q1/a.yaml", true},
		{"exports/**", "imports/a.yaml", false},
		{"exports/**", "exportsx/a.yaml", false},
		{"**/*.yaml", "a.yaml", true},
		{"**/*.yaml", "x/y/a.yaml", true},
		{"**/*.yaml", "x/y/a.yml", false},
		{"*.yaml", "a.yaml", true},
		{"*.yaml", "x/a.yaml", false}, // whole path, unlike .gitignore
		{"a/**/b.yaml", "a/b.yaml", true},
		{"a/**/b.yaml", "a/x/y/b.yaml", true},
		{"a/**/b.yaml", "ab.yaml", false},
		{"**/export-*.yaml", "jobs/export-1.yaml", true},
		{"**/export-*.yaml", "jobs/import-1.yaml", false},
		{"jobs/?.yaml", "jobs/1.yaml", true},
		{"jobs/?.yaml", "jobs/12.yaml", false},
		{"jobs/[0-9].yaml", "jobs/7.yaml", true},
		{"jobs/[!0-9].yaml", "jobs/7.yaml", false},
		{"jobs/[!0-9].yaml", "jobs/x.yaml", true},
		{"a.b/*.yaml", "a.b/c.yaml", true},
		{"a.b/*.yaml", "axb/c.yaml", false}, // a dot is a dot
		{`w\*.yaml`, "w*.yaml", true},
		{`w\*.yaml`, "wx.yaml", false},
		{"vendor/", "vendor/a.yaml", true}, // a trailing slash means everything below
		{"vendor/", "vendor.yaml", false},
		{"**", "anything/at/all.yaml", true},
	}
	for _, tt := range tests {
		g, err := CompileGlob(tt.pattern)
		if err != nil {
			t.Fatalf("CompileGlob(%q): %v", tt.pattern, err)
		}
		if got := g.Match(tt.path); got != tt.want {
			t.Errorf("%q.Match(%q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestGlobInvalid(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{"", "empty"},
		{"/abs/*.yaml", "drop the leading `/`"},
		{"a//b", "empty path segment"},
		{"../x.yaml", "`..` segment"},
		{"./x.yaml", "`.` segment"},
		{"a**/b", "whole path segment"},
		{"**b", "whole path segment"},
		{"jobs/[a-.yaml", "unclosed `[`"},
		{`x\`, "lone `\\`"},
	}
	for _, tt := range tests {
		_, err := CompileGlob(tt.pattern)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("CompileGlob(%q) = %v, want an error containing %q", tt.pattern, err, tt.want)
		}
	}
}

// TestGlobSetAgreesWithGlobs: the index finds what trying every glob in
// order finds (the first match), for literal names, literal folders,
// wildcards first and last, and a mix of all.
func TestGlobSetAgreesWithGlobs(t *testing.T) {
	patterns := []string{"jobs/a.yaml", "**/old.yaml", "exports/**", "exports/2015/*.yaml", "**/*.yml",
		"*.yaml", "a/**/b.yaml", "x/[0-9]/**", `w\*.yaml`, "vendor/", "**/export-*.yaml", "jobs/?.yaml", "**"}
	var globs []Glob
	for _, p := range patterns {
		g, err := CompileGlob(p)
		if err != nil {
			t.Fatal(err)
		}
		globs = append(globs, g)
	}
	paths := []string{"jobs/a.yaml", "jobs/b.yaml", "x/old.yaml", "old.yaml", "exports/2015/q.yaml", "exports/q.yml",
		"q.yml", "a/b.yaml", "a/x/y/b.yaml", "x/7/z.yaml", "w*.yaml", "wx.yaml", "vendor/v.yaml", "d/export-1.yaml",
		"jobs/1.yaml", "deep/er/path.txt"}
	for n := 1; n <= len(globs); n++ {
		set, err := NewGlobSet(globs[len(globs)-n:], "exclude")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			want, wantOK := Glob{}, false
			for _, g := range globs[len(globs)-n:] {
				if g.Match(p) {
					want, wantOK = g, true
					break
				}
			}
			got, ok := set.Match(p)
			if ok != wantOK || got.Pattern != want.Pattern {
				t.Errorf("%d globs, %q: index gives %q %v, in order %q %v", n, p, got.Pattern, ok, want.Pattern, wantOK)
			}
		}
	}
}

// TestGlobSetBound: 38,000 globs that the index looks up are fine, and so
// is their matching; more than MaxGlobsPerBucket globs that must be tried
// one by one are an error that says what to write instead.
func TestGlobSetBound(t *testing.T) {
	var b strings.Builder
	b.WriteString("exclude:\n")
	for i := range 19000 {
		fmt.Fprintf(&b, "  - generated/b%d/**\n  - '**/o%d.yaml'\n", i, i)
	}
	c, err := Parse("c.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	c.Dir = "/repo"
	for p, want := range map[string]bool{"/repo/generated/b18999/x.yaml": true, "/repo/generated/b19000/x.yaml": false,
		"/repo/a/b/o7.yaml": true, "/repo/o7.yml": false, "/repo/generated/b1": false} {
		if got := c.Excluded(p); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", p, got, want)
		}
	}
	b.Reset()
	b.WriteString("region: us-east-1\nexclude:\n")
	for i := range MaxGlobsPerBucket + 1 {
		fmt.Fprintf(&b, "  - '**/o%d-*.yaml'\n", i)
	}
	_, err = Parse("c.yaml", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), "c.yaml:2:1: config error: exclude has over 2000 globs that start and end with a wildcard") {
		t.Errorf("Parse of %d wildcard globs: %v", MaxGlobsPerBucket+1, err)
	}
}

// BenchmarkGlobs38000 loads a config file of 38,000 exclude globs (issue
// 21: 12.7 s for one file when each was a regular expression tried in
// turn) and matches paths against it.
func BenchmarkGlobs38000(b *testing.B) {
	var src strings.Builder
	src.WriteString("exclude:\n")
	for i := range 19000 {
		fmt.Fprintf(&src, "  - generated/b%d/**\n  - '**/o%d.yaml'\n", i, i)
	}
	text := []byte(src.String())
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := Parse("c.yaml", text); err != nil {
				b.Fatal(err)
			}
		}
	})
	c, err := Parse("c.yaml", text)
	if err != nil {
		b.Fatal(err)
	}
	c.Dir = "/repo"
	b.Run("match", func(b *testing.B) {
		for b.Loop() {
			c.Excluded("/repo/jobs/eu/2015/q1/orders.manifest.yaml")
		}
	})
}

// Match reports whether rel, a slash-separated path relative to the config
// file's directory, matches the glob.
func (g Glob) Match(rel string) bool {
	return matchSegs(g.segs, strings.Split(rel, "/"))
}
