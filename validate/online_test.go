package validate

import (
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testmanifest"
	"github.com/manifestlint/manifestlint/manifest"
)

// TestOnlineFacts: an online answer wins over the inventory for its
// bucket, a bucket without an answer falls back to the inventory, a 403
// without a region proves nothing, and a region the answer did not give
// is a note.
func TestOnlineFacts(t *testing.T) {
	src := []byte(testmanifest.With("prefix:", "logBucket: my-logs\nprefix:"))
	ev := "HeadBucket: 200 at 2026-12-06T05:00:00Z"
	for _, tc := range []struct {
		name    string
		inv     map[string]string
		facts   map[string]BucketFact
		want    []string // "path code"
		noteHas string
	}{
		{"404 wins over the inventory", map[string]string{"my-import-bucket": "us-east-1", "my-logs": "us-east-1"},
			map[string]BucketFact{"my-import-bucket": {Status: 404, Evidence: "HeadBucket: 404"}}, []string{"bucket NoSuchBucketException"}, ""},
		{"an answer wins over a stale inventory", map[string]string{"my-logs": "us-east-1"},
			map[string]BucketFact{"my-import-bucket": {Status: 200, Region: "us-east-1", Evidence: ev}}, nil, ""},
		{"no answer: the inventory decides", map[string]string{"my-import-bucket": "us-east-1"},
			map[string]BucketFact{"my-import-bucket": {Status: 200, Region: "us-east-1", Evidence: ev}}, []string{"logBucket NoSuchBucketException"}, ""},
		{"a 403 without a region proves nothing", map[string]string{"my-import-bucket": "us-east-1"},
			map[string]BucketFact{"my-logs": {Status: 403}}, []string{"logBucket NoSuchBucketException"}, ""},
		{"regions from answers", nil,
			map[string]BucketFact{"my-import-bucket": {Status: 200, Region: "us-east-1", Evidence: ev}, "my-logs": {Status: 301, Region: "eu-west-1", Evidence: "HeadBucket: 301"}},
			[]string{"logBucket MultipleRegionsException"}, ""},
		{"region unknown: a note", nil,
			map[string]BucketFact{"my-import-bucket": {Status: 200, Region: "us-east-1", Evidence: ev}, "my-logs": {Status: 200, Evidence: ev}},
			nil, "`my-logs` exists, but its region is unknown"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := Validate("m.yaml", src, Options{Buckets: tc.inv, Online: &OnlineFacts{Buckets: tc.facts}})
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.Path+" "+string(f.Code))
				bucket := map[string]string{"bucket": "my-import-bucket", "logBucket": "my-logs"}[f.Path]
				if fact, ok := tc.facts[bucket]; ok && (f.Code == manifest.NoSuchBucket || f.Code == manifest.MultipleRegions) && f.Evidence != fact.Evidence {
					t.Errorf("%s: evidence %q, want %q", f.Path, f.Evidence, fact.Evidence)
				}
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("findings %v, want %v", got, tc.want)
			}
			notes := ""
			for _, n := range res.Notes {
				notes += n.Message + "\n"
			}
			if tc.noteHas != "" && !strings.Contains(notes, tc.noteHas) {
				t.Errorf("notes %q lack %q", notes, tc.noteHas)
			}
		})
	}
}
