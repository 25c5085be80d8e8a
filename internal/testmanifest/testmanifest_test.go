package testmanifest

import (
	"os"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/validate"
)

// TestSampleIsTheBase keeps testdata/sample/manifest.yaml, which users
// read, the base manifest of the tests, and the base valid.
func TestSampleIsTheBase(t *testing.T) {
	src, err := os.ReadFile("../../testdata/sample/manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(src), "\n")
	if !strings.HasPrefix(string(src), "#") || body != S3Import {
		t.Errorf("testdata/sample/manifest.yaml is not a comment line followed by S3Import:\n%s", src)
	}
	if res := validate.Validate("base.yaml", []byte(S3Import), validate.Options{}); len(res.Findings) != 0 {
		t.Errorf("the base manifest draws findings: %+v", res.Findings)
	}
}

func TestWith(t *testing.T) {
	if got := With("eraseDevice: yes", "eraseDevice: no"); !strings.Contains(got, "eraseDevice: no\n") || strings.Contains(got, "eraseDevice: yes") {
		t.Errorf("With did not replace: %s", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("With of a text the base lacks did not panic")
		}
	}()
	With("no such line", "x")
}
