package config

import (
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
