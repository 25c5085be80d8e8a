//go:build playgroundtools

package main

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"text/template"

	"github.com/xeipuuv/gojsonschema"
)

// TestFormatDescription holds formatDescription to text/template's output
// for every message of gojsonschema's default locale, with details of the
// types gojsonschema puts there, and with a field missing.
func TestFormatDescription(t *testing.T) {
	loc := reflect.ValueOf(gojsonschema.DefaultLocale{})
	details := []map[string]interface{}{
		{}, // every field missing
		{"field": "returnAddress.city", "context": "(root).returnAddress", "allowed": []interface{}{"a", 1, nil},
			"expected": "string", "given": "object", "min": 3, "max": json.Number("63"), "pattern": "^[a-z]+$",
			"property": "city", "key": "x", "x": 1.5, "y": true, "i": 0, "j": 1, "number": 2.25, "multiple": 7,
			"format": "email", "type": "string", "description": "<b>&", "error": "bad", "dependency": "d",
			"reference": "#/definitions/a", "status": "404 Not Found"},
	}
	n := 0
	for i := range loc.NumMethod() {
		m := loc.Method(i)
		if m.Type().NumIn() != 0 || m.Type().NumOut() != 1 || m.Type().Out(0).Kind() != reflect.String {
			continue
		}
		msg := m.Call(nil)[0].String()
		for _, d := range details {
			var want strings.Builder
			if err := template.Must(template.New("").Parse(msg)).Execute(&want, d); err != nil {
				t.Fatalf("%s: %v", msg, err)
			}
			if got := formatDescription(msg, d); got != want.String() {
				t.Errorf("%s with %v:\n got %q\nwant %q", loc.Type().Method(i).Name, d, got, want.String())
			}
			n++
		}
	}
	if n < 40 {
		t.Fatalf("only %d messages checked: did DefaultLocale change?", n)
	}
}

// TestPatchesApply makes the patched copy of gojsonschema: every
// replacement must still match the version in go.mod.
func TestPatchesApply(t *testing.T) {
	if err := write(t.TempDir()); err != nil {
		t.Fatal(err)
	}
}
