package rules

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// fieldRuleIDs are the rules of the field-rules block of the registry.
var fieldRuleIDs = map[string]bool{
	RuleEraseDevice: true, RuleBucketNameNotDNSCompliant: true, RuleBucketExists: true, RuleBucketRegions: true,
	RuleOperationsRegions: true, RuleJobRegionMismatch: true, RuleExportDirectoryRelative: true,
	RuleEmptyExportRange: true, RuleExportEncryption: true, RulePrefixLength: true, RuleIgnorePattern: true,
	RuleExpiresDate: true, RuleContentTypes: true, RuleStaticMetadataHeader: true,
	RuleDiskTimestampMetadataKey: true, RuleSubstitutionsKeys: true, RuleNotificationEmail: true,
	RuleLogPrefixLength: true, RuleAccessKeyMatches: true,
}

// TestFieldRulesOnExamples runs the field rules over the real manifests of
// testdata/spec-examples (its README says what each must produce) and
// compares what they find: the valid examples give no error from these rules.
func TestFieldRulesOnExamples(t *testing.T) {
	dir := filepath.Join("..", "testdata", "spec-examples")
	for file, want := range map[string][]string{
		"sdk-live-test-2015.yaml":  nil,
		"dg-glacier-import.yaml":   nil,
		"dg-export-customs.yaml":   nil,
		"cli-get-status-echo.yaml": {"warning bucket-name-not-dns-compliant bucket 3:8"},
		"dg-import-minimal.yaml": {
			"error erase-device eraseDevice 12:14",
			"warning bucket-name-not-dns-compliant bucket 13:9",
		},
	} {
		t.Run(file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Fatal(err)
			}
			doc, _ := manifest.Parse(file, src)
			if doc.Root == nil {
				t.Fatal("does not parse")
			}
			kind, _ := manifest.InferKind(doc.Root, manifest.JobTypeUnknown)
			c := &Context{Doc: doc, Root: doc.Root, Kind: kind}
			var got []string
			for _, r := range All {
				if !fieldRuleIDs[r.ID] {
					continue
				}
				for _, f := range r.Run(c) {
					got = append(got, strings.Join([]string{string(f.Severity), f.Rule, f.Path,
						strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)}, " "))
				}
			}
			sort.Strings(got)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
	for id := range fieldRuleIDs {
		found := false
		for _, r := range All {
			found = found || r.ID == id
		}
		if !found {
			t.Errorf("rule %s is not registered in All", id)
		}
	}
}
