package manifest

import (
	"regexp"
	"strings"
	"sync"
)

// placeholderWords are words that AWS's guide templates and other
// templates put between square brackets for a person to replace
// (`[Your name]`, `[Enter 20 character id]`, `[Name of your bucket]`).
var placeholderWords = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:your|enter|insert|here|replace|placeholder|todo)\b|\bname of\b`)
})

// BracketPlaceholder reports whether s, the text between square brackets
// (`Your name`), reads as a template's instruction to replace it, rather
// than a value a person put in brackets (`Suite 400`, `my-bucket`).
func BracketPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && len(s) <= 64 && placeholderWords().MatchString(s)
}
