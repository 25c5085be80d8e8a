package validate

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// specExamples is what testdata/spec-examples/README.md says each real
// manifest must produce: errors as "Code@path", warnings as "rule@path".
var specExamples = []struct {
	file     string
	errors   []string
	warnings []string // nil: not checked
}{
	{"dg-import-minimal.yaml",
		[]string{"InvalidAccessKeyIdException@accessKeyId", "InvalidManifestFieldException@eraseDevice", "MissingManifestFieldException@notificationEmail",
			"InvalidAddressException@returnAddress.postalCode"},
		[]string{"bucket-name-not-dns-compliant@bucket"}},
	{"cli-create-job.yaml",
		[]string{"InvalidManifestFieldException@manifestVersion", "InvalidAddressException@returnAddress",
			"InvalidManifestFieldException@name", "InvalidManifestFieldException@company", "InvalidManifestFieldException@street1",
			"InvalidManifestFieldException@city", "InvalidManifestFieldException@stateOrProvince", "InvalidManifestFieldException@postalCode",
			"InvalidManifestFieldException@phoneNumber", "InvalidManifestFieldException@country"},
		nil},
	{"cli-get-status-echo.yaml", []string{"InvalidAddressException@returnAddress.postalCode"},
		[]string{"no-space-after-colon@manifestVersion", "no-space-after-colon@generator", "no-space-after-colon@bucket",
			"no-space-after-colon@deviceId", "no-space-after-colon@eraseDevice", "no-space-after-colon@notificationEmail",
			"no-space-after-colon@trueCryptPassword", "no-space-after-colon@acl", "no-space-after-colon@serviceLevel",
			"no-space-after-colon@returnAddress.country", "no-space-after-colon@returnAddress.phoneNumber",
			"bucket-name-not-dns-compliant@bucket",
			// AWS's sample values, kept verbatim: the sample-value rule names them.
			"sample-value@notificationEmail", "sample-value@returnAddress.name", "sample-value@returnAddress.company",
			"sample-value@returnAddress.street1"}},
	{"sdk-live-test-2015.yaml", []string{"InvalidAddressException@returnAddress.postalCode"},
		[]string{"sample-value@accessKeyId", "sample-value@returnAddress.name", "sample-value@returnAddress.street1"}},
	{"live-malformed.txt", []string{"MalformedManifestException@"}, []string{}},
	{"dg-glacier-import.yaml", []string{"InvalidAddressException@returnAddress.postalCode"},
		[]string{"sample-value@notificationEmail", "sample-value@returnAddress.name", "sample-value@returnAddress.street1"}},
	{"dg-export-customs.yaml", nil, []string{"sample-value@customs.exportCertifierName"}},
}

// TestSpecExamples checks the real manifests of the specification
// (testdata/spec-examples) against what its README says each produces.
func TestSpecExamples(t *testing.T) {
	dir := filepath.Join("..", "testdata", "spec-examples")
	for _, ex := range specExamples {
		t.Run(ex.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, ex.file))
			if err != nil {
				t.Fatal(err)
			}
			res := Validate(ex.file, src, Options{})
			var errs, warns []string
			for _, f := range res.Findings {
				if f.Severity == manifest.Error {
					errs = append(errs, string(f.Code)+"@"+f.Path)
				} else {
					warns = append(warns, f.Rule+"@"+f.Path)
				}
			}
			sameSet(t, "errors", errs, ex.errors)
			if ex.warnings != nil {
				sameSet(t, "warnings", warns, ex.warnings)
			}
			if t.Failed() {
				for _, f := range res.Findings {
					t.Logf("%d:%d %s %s %s: %s", f.Line, f.Column, f.Severity, f.Code, f.Rule, f.Message)
				}
			}
		})
	}
}

func sameSet(t *testing.T, what string, got, want []string) {
	t.Helper()
	g := append([]string(nil), got...)
	w := append([]string(nil), want...)
	sort.Strings(g)
	sort.Strings(w)
	if strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("%s:\n got  %q\n want %q", what, g, w)
	}
}
