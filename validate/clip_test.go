package validate

import (
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

func TestClipMessage(t *testing.T) {
	if got := clipMessage("bucket is `x`, which is short."); got != "bucket is `x`, which is short." {
		t.Errorf("a short message changed: %q", got)
	}
	long := "start " + strings.Repeat("é", 10_000) + " end"
	got := clipMessage(long)
	if len(got) > maxMessage || !strings.HasPrefix(got, "start éé") || !strings.Contains(got, " … ") || !strings.HasSuffix(got, "éé end") {
		t.Errorf("clipMessage of %d bytes: %d bytes, %.40q…%.40q", len(long), len(got), got, got[len(got)-40:])
	}
	if !strings.HasPrefix(strings.ToValidUTF8(got, "?"), got) {
		t.Error("clipMessage cut a character in two")
	}
}

// TestHugeValuesQuoted: a value of 3,000 characters in any field makes
// findings whose headlines show its start and its length
// (manifest.Quote), never the whole value.
func TestHugeValuesQuoted(t *testing.T) {
	base := "manifestVersion: 2.0\ndeviceId: ABC\nbucket: my-bucket\neraseDevice: yes\nnotificationEmail: a@example.com\n" +
		"returnAddress:\n  name: Jane\n  street1: 1 Main St\n  city: Seattle\n  stateOrProvince: WA\n  postalCode: 98101\n" +
		"  phoneNumber: 206-555-1000\n  country: USA\n"
	long := strings.Repeat("x", 3000)
	var srcs []string
	for _, line := range strings.Split(strings.TrimSpace(base), "\n") {
		if k, _, ok := strings.Cut(line, ": "); ok {
			srcs = append(srcs, strings.Replace(base, line, k+": "+long, 1))
		}
	}
	for _, k := range []string{"expires", "diskTimestampMetadataKey", "accessKeyId", "logPrefix"} {
		srcs = append(srcs, base+k+": "+long+"@\n")
	}
	srcs = append(srcs, base+"ignore:\n  - '"+long+"('\n", base+"staticMetadata:\n  ? "+long+"@\n  : x\n",
		base+"contentTypes:\n  jpg: "+long+"\n", base+"contentTypes:\n  ? "+long+".\n  : image/jpeg\n")
	quoted := map[string]bool{}
	for _, src := range srcs {
		for _, f := range Validate("huge.yaml", []byte(src), Options{}).Findings {
			if len(f.Message) > 300 {
				t.Errorf("%s: a headline of %d bytes: %.120q", f.Rule, len(f.Message), f.Message)
			}
			if strings.Contains(f.Message, "…` (3001 characters)") || strings.Contains(f.Message, "…` (3000 characters)") {
				quoted[f.Rule] = true
			}
		}
	}
	for _, r := range []string{"erase-device", "address-state", "address-postal-code", "address-phone", "address-country",
		"expires-date", "disk-timestamp-metadata-key", "ignore-pattern", "static-metadata-header", "content-types"} {
		if !quoted[r] {
			t.Errorf("%s: no headline quotes the huge value by its start and length", r)
		}
	}
	if got := manifest.Quote(long); got != "`"+long[:60]+"…` (3000 characters)" {
		t.Errorf("Quote = %q", got)
	}
}
