package schema

// Messages about secret fields (trueCryptPassword, pinCode) never show
// their values.

import (
	"fmt"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/manifest"
)

// secret reports whether loc is a secret field or lies inside one.
func secret(loc location) bool {
	for _, s := range loc.segs {
		if manifest.IsSecret(s) {
			return true
		}
	}
	return false
}

// secretDetail describes a bad secret value by its length and the position
// of its first character that is not allowed (bad, 0 for none), never by
// the value itself.
func secretDetail(path, v string, bad int, want string) (head, help string) {
	if v == "" {
		return path + " is empty", want
	}
	head = fmt.Sprintf("%s has %s (the value is not shown)", path, manifest.Plural(utf8.RuneCountInString(v), "character"))
	if bad > 0 {
		head = fmt.Sprintf("%s: character %d of %d is not allowed (value not shown)", path, bad, utf8.RuneCountInString(v))
	}
	return head, want
}
