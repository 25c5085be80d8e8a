package cli

import (
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/online"
)

// TestInventoryKeepsLineEnds: the lines inventory adds to a configuration
// file end as the file's own lines do (CR LF here), whether it edits the
// buckets: map, appends to its last entry or appends the map itself.
func TestInventoryKeepsLineEnds(t *testing.T) {
	inv := &online.Inventory{Account: "123456789012", ARN: "arn:aws:iam::123456789012:user/ci", KeyID: "AKIAJ7Q2ZK4XW5LRT3NB", At: "2026-12-06T08:00:00Z",
		Regions: map[string]string{"my-import-bucket": "us-east-1", "new-bucket": "eu-west-1"}, Missing: []string{"gone-bucket"}}
	stamp := "# manifestlint inventory: account 123456789012, arn:aws:iam::123456789012:user/ci, key AKIAJ7Q2ZK4XW5LRT3NB, 2026-12-06T08:00:00Z\n"
	for _, tc := range []struct{ name, src, want string }{
		{"an edited map",
			"# our settings\nbuckets:\n  my-import-bucket: us-west-1\n  gone-bucket: us-east-1\ndisable: []\n",
			"# our settings\n" + stamp + "buckets:\n  my-import-bucket: us-east-1\n  new-bucket: eu-west-1\ndisable: []\n"},
		{"a last entry without a line break",
			"buckets:\n  my-import-bucket: us-east-1",
			stamp + "buckets:\n  my-import-bucket: us-east-1\n  new-bucket: eu-west-1\n"},
		{"no map",
			"region: us-east-1\ndisable: []",
			"region: us-east-1\ndisable: []\n\n" + stamp + "buckets:\n  my-import-bucket: us-east-1\n  new-bucket: eu-west-1\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
			got, _, err := editInventory([]byte(crlf(tc.src)), inv)
			if err != nil || string(got) != crlf(tc.want) {
				t.Errorf("got %q (%v)\nwant %q", got, err, crlf(tc.want))
			}
		})
	}
}
