//go:build playgroundtools

package main

import (
	"fmt"
	"strings"
)

// formatDescription is what the overlay puts in place of gojsonschema's
// formatErrorDescription, which runs each message through text/template.
// Every message gojsonschema's locale has is plain text with {{.name}}
// fields, which text/template prints with fmt.Fprint, and a field the
// details lack as "<no value>"; TestFormatDescription holds it to
// text/template's output for every message of the locale.
func formatDescription(s string, details map[string]interface{}) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "{{.")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		if v, ok := details[s[i+3:i+j]]; ok {
			fmt.Fprint(&b, v)
		} else {
			b.WriteString("<no value>")
		}
		s = s[i+j+2:]
	}
	b.WriteString(s)
	return b.String()
}
