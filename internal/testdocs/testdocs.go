// Package testdocs reads the fenced code blocks of the repository's
// Markdown pages, for the tests that run or check what the pages show
// (integrationtest/docs, integrationtest/editors). Paths are relative to the
// repository's root, where those tests run.
package testdocs

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Pages are the Markdown files whose examples are tested.
func Pages(t testing.TB) []string {
	t.Helper()
	pages := []string{"README.md", "CONTRIBUTING.md"}
	more, err := filepath.Glob(filepath.Join("docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	pages = append(pages, more...)
	if len(more) < 8 {
		t.Fatalf("docs/ holds %d pages; the README links at least 8", len(more))
	}
	return pages
}

// Block is one fenced code block of a page.
type Block struct {
	Page  string
	Line  int // of the opening fence, 1-based
	Lang  string
	Cwd   string // from a docs-test comment, else ""
	Lines []string
}

var docsTestComment = regexp.MustCompile(`^<!--\s*docs-test:\s*cwd=(\S+)\s*-->$`)

// Blocks returns the fenced blocks of a Markdown page.
func Blocks(t testing.TB, page string) []Block {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	var blocks []Block
	var cur *Block
	cwd := ""
	for i, line := range strings.Split(string(src), "\n") {
		if cur != nil {
			if strings.TrimSpace(line) == "```" {
				blocks = append(blocks, *cur)
				cur = nil
				continue
			}
			cur.Lines = append(cur.Lines, line)
			continue
		}
		if m := docsTestComment.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			cwd = m[1]
			continue
		}
		if strings.HasPrefix(line, "```") {
			cur = &Block{Page: page, Line: i + 1, Lang: strings.TrimSpace(strings.TrimPrefix(line, "```")), Cwd: cwd}
			cwd = ""
			continue
		}
		if strings.TrimSpace(line) != "" {
			cwd = "" // the comment must sit just above its block
		}
	}
	if cur != nil {
		t.Fatalf("%s:%d: code block never closed", page, cur.Line)
	}
	return blocks
}

// IsTranscript says whether a block shows commands and their output.
func (b Block) IsTranscript() bool {
	for _, l := range b.Lines {
		if strings.HasPrefix(l, "$ ") {
			return true
		}
	}
	return false
}
