package validate

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestLimitAgrees checks that linting with the per-key checks limited to
// the first MaxFindings findings (what Validate does) gives the result of
// building every finding and capping after (validate without a limit):
// the same listed findings, counts, rule ids and notes, under --ignore and
// severity overrides, and that the limited run is the one taken.
func TestLimitAgrees(t *testing.T) {
	mixed := func(n int) []byte {
		var b strings.Builder
		b.WriteString(smallManifest)
		for i := range n {
			switch i % 3 {
			case 0:
				fmt.Fprintf(&b, "k%d:v\n", i)
			case 1:
				fmt.Fprintf(&b, "k%d: v\n", i)
			default:
				fmt.Fprintf(&b, "bucketx%d: v\n", i)
			}
		}
		return []byte(b.String())
	}
	inputs := map[string][]byte{
		"keys":    hostileKeys(3000),
		"nospace": hostileNoSpace(3000),
		"nested":  hostileNested(3000),
		"mixed":   mixed(3000),
	}
	optsList := map[string]Options{
		"default":        {},
		"max 10":         {MaxFindings: 10},
		"max 2999":       {MaxFindings: 2999},
		"ignore nospace": {Ignore: []string{manifest.RuleNoSpaceAfterColon}},
		"ignore code":    {Ignore: []string{string(manifest.InvalidManifestField)}, MaxFindings: 50},
		"severity":       {Severity: map[string]manifest.Severity{"unknown-field": manifest.Warning, manifest.RuleNoSpaceAfterColon: manifest.Error}, MaxFindings: 100},
	}
	for in, src := range inputs {
		for on, opts := range optsList {
			max := opts.MaxFindings
			if max == 0 {
				max = DefaultMaxFindings
			}
			got, ok := validate(context.Background(), "m.yaml", src, opts, max)
			want, _ := validate(context.Background(), "m.yaml", src, opts, 0)
			if !ok {
				t.Errorf("%s, %s: the limited run gave up", in, on)
				continue
			}
			got.Doc, want.Doc = nil, nil
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s: limited and whole runs differ:\nlimited: %d listed, %d+%d omitted, notes %v\nwhole:   %d listed, %d+%d omitted, notes %v",
					in, on, len(got.Findings), got.OmittedErrors, got.OmittedWarnings, got.Notes,
					len(want.Findings), want.OmittedErrors, want.OmittedWarnings, want.Notes)
			}
			if want.OmittedErrors+want.OmittedWarnings == 0 && on != "ignore code" {
				t.Errorf("%s, %s: nothing omitted: the input does not test the limit", in, on)
			}
		}
	}
}

// TestLimitGivesUp checks the cases the limited run cannot answer: a
// suppression comment (any of the first findings may be silenced) makes
// Validate lint the whole file, and its result is the whole run's.
func TestLimitGivesUp(t *testing.T) {
	src := append([]byte("z0: v # manifestlint-ignore: unknown-field -- test\n"), hostileKeys(3000)...)
	got := Validate("m.yaml", src, Options{})
	want, _ := validate(context.Background(), "m.yaml", src, Options{}, 0)
	got.Doc, want.Doc = nil, nil
	if want.OmittedErrors == 0 {
		t.Fatalf("nothing omitted: the input does not test the limit")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with a suppression comment: %d listed, %d omitted; the whole run %d listed, %d omitted",
			len(got.Findings), got.OmittedErrors, len(want.Findings), want.OmittedErrors)
	}
}
