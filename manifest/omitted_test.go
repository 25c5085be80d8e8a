package manifest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestParseLimitOmits checks that ParseLimit builds the first limit
// `key:value` warnings and returns the others as Omitted at the position
// and with the names the built ones would have had.
func TestParseLimitOmits(t *testing.T) {
	var b strings.Builder
	b.WriteString("manifestVersion: 2.0\n")
	for i := range 30 {
		fmt.Fprintf(&b, "k%d:v%s\n", i, strings.Repeat("é", i%3))
	}
	src := []byte(b.String())
	_, all := Parse("m.yaml", src)
	_, none, over := ParseLimit("m.yaml", src, 0)
	if len(all) != 30 || len(over) != 0 || !reflect.DeepEqual(none, all) {
		t.Fatalf("without a limit: %d findings, %d omitted; want Parse's 30 and 0", len(none), len(over))
	}
	_, built, omitted := ParseLimit("m.yaml", src, 12)
	if !reflect.DeepEqual(built, all[:12]) {
		t.Errorf("with a limit of 12 the built findings are not the first 12:\n%+v", built)
	}
	if len(omitted) != 18 {
		t.Fatalf("%d omitted, want 18", len(omitted))
	}
	for i, o := range omitted {
		f := all[12+i]
		if int(o.Line) != f.Line || int(o.Column) != f.Column || o.Of.Rule != f.Rule || o.Of.Severity != f.Severity || o.Of.Code != f.Code {
			t.Errorf("omitted %d is %d:%d %+v, the finding %d:%d %s %s", i, o.Line, o.Column, *o.Of, f.Line, f.Column, f.Rule, f.Severity)
		}
	}
}
