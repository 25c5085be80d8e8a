package validate

import (
	"fmt"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testmanifest"
	"github.com/manifestlint/manifestlint/manifest"
)

// base is the tests' valid S3 import manifest, whose lines the cases below
// change.
const base = testmanifest.S3Import

// inventory is a bucket inventory as the config file's buckets key gives.
var inventory = map[string]string{"my-import-bucket": "us-east-1", "eu-logs": "eu-west-1"}

// edit replaces old with new in base, once.
func edit(old, new string) string {
	if !strings.Contains(base, old) {
		panic("base has no " + old)
	}
	return strings.Replace(base, old, new, 1)
}

func golden(fs []manifest.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d:%d %s %s %s %s\n", f.Line, f.Column, f.Severity, f.Code, f.Rule, f.Path)
	}
	return b.String()
}

// TestSuppressionGolden runs the whole pipeline on real findings of the
// parser and the rules, with each suppression form and option.
func TestSuppressionGolden(t *testing.T) {
	poBox := "street1: PO Box 123"
	tests := []struct {
		name string
		src  string
		opts Options
		want string // the findings, one per line: line:col severity code rule path
		msg  string // words the last finding's message must hold
	}{
		{name: "the unsuppressed finding",
			src:  edit("street1: 123 Any Street", poBox),
			want: "10:14 error InvalidAddressException address-po-box returnAddress.street1\n"},
		{name: "above, by code",
			src:  edit("    street1: 123 Any Street", "    # manifestlint-ignore: InvalidAddressException -- agreed with support\n    "+poBox),
			want: ""},
		{name: "above, by rule id, past a blank line",
			src:  edit("    street1: 123 Any Street", "    # manifestlint-ignore: address-po-box -- agreed with support\n\n    "+poBox),
			want: ""},
		{name: "end of line",
			src:  edit("street1: 123 Any Street", poBox+" # manifestlint-ignore: address-po-box -- agreed"),
			want: ""},
		{name: "end of line on another line does not apply",
			src:  edit("city: Seattle", "city: Seattle # manifestlint-ignore: address-po-box -- agreed"),
			want: "11:42 warning  unused-suppression \n",
			msg:  "no finding with that code or rule id is reported on this line"},
		{name: "end of line, not silenced",
			src: edit("street1: 123 Any Street", poBox) + "# manifestlint-ignore: address-po-box -- at the end\n",
			want: "10:14 error InvalidAddressException address-po-box returnAddress.street1\n" +
				"16:24 warning  unused-suppression \n",
			msg: "no line follows it"},
		{name: "file",
			src: "# manifestlint-ignore-file: InvalidAddressException, no-space-after-colon -- legacy generator\n" +
				strings.Replace(edit("manifestVersion: 2.0", "manifestVersion:2.0"), "street1: 123 Any Street", poBox, 1),
			want: ""},
		{name: "file, one name unused",
			src:  "# manifestlint-ignore-file: no-space-after-colon, InvalidCustomsException -- legacy\n" + edit("manifestVersion: 2.0", "manifestVersion:2.0"),
			want: "1:51 warning  unused-suppression \n",
			msg:  "`InvalidCustomsException` silences nothing: no finding with that code or rule id is reported in this file"},
		{name: "file directive after the first key is misplaced",
			src:  edit("eraseDevice: yes", "eraseDevice: yes\n# manifestlint-ignore-file: address-po-box -- too late"),
			want: "6:29 warning  unused-suppression \n",
			msg:  "applies only in the comment block at the top"},
		{name: "unused names an unknown rule",
			src:  edit("city: Seattle", "city: Seattle # manifestlint-ignore: adress-po-box -- typo"),
			want: "11:42 warning  unused-suppression \n",
			msg:  "did you mean `address-po-box`?"},
		{name: "missing reason still applies",
			src:  edit("street1: 123 Any Street", poBox+" # manifestlint-ignore: address-po-box"),
			want: "10:25 warning  suppression-without-reason \n",
			msg:  "gives no reason"},
		{name: "malformed: no colon",
			src:  edit("street1: 123 Any Street", poBox+" # manifestlint-ignore address-po-box -- r"),
			want: "10:14 error InvalidAddressException address-po-box returnAddress.street1\n10:25 warning  unused-suppression \n",
			msg:  "no `:`"},
		{name: "warning from the parser, above",
			src:  "# manifestlint-ignore: no-space-after-colon -- vendor template\n" + edit("manifestVersion: 2.0", "manifestVersion:2.0"),
			want: ""},
		{name: "names are case-sensitive",
			src:  edit("street1: 123 Any Street", poBox+" # manifestlint-ignore: invalidaddressexception -- r"),
			want: "10:14 error InvalidAddressException address-po-box returnAddress.street1\n10:48 warning  unused-suppression \n",
			msg:  "did you mean `InvalidAddressException`?"},
		{name: "a quoted # is not a suppression",
			src:  edit("name: Joe Random", `name: "Joe # manifestlint-ignore: address-po-box -- r"`) + "",
			want: ""},
		{name: "a fatal finding cannot be suppressed inline",
			src:  "bucket: a # manifestlint-ignore: MalformedManifestException, duplicate-key -- r\nbucket: b # manifestlint-ignore: duplicate-key -- r\n",
			want: "2:1 error MalformedManifestException duplicate-key bucket\n"},
		{name: "--ignore drops a fatal finding",
			src:  "bucket: a\nbucket: b\n",
			opts: Options{Ignore: []string{"MalformedManifestException"}},
			want: ""},
		{name: "--ignore on an empty file",
			src:  "# nothing\n",
			opts: Options{Ignore: []string{"empty-manifest"}},
			want: ""},
		{name: "empty file",
			src:  "# manifestlint-ignore-file: MissingParameterException -- r\n",
			want: "1:1 error MissingParameterException empty-manifest \n"},
		{name: "--ignore by rule id",
			src:  edit("manifestVersion: 2.0", "manifestVersion:2.0"),
			opts: Options{Ignore: []string{"no-space-after-colon"}},
			want: ""},
		{name: "an inline suppression of a finding --ignore drops counts as used",
			src:  edit("street1: 123 Any Street", poBox+" # manifestlint-ignore: address-po-box -- r"),
			opts: Options{Ignore: []string{"InvalidAddressException"}},
			want: ""},
		{name: "--ignore drops suppression findings",
			src:  edit("city: Seattle", "city: Seattle # manifestlint-ignore: address-po-box"),
			opts: Options{Ignore: []string{"unused-suppression", "suppression-without-reason"}},
			want: ""},
		{name: "a suppression cannot silence suppression findings",
			src:  "# manifestlint-ignore-file: unused-suppression -- r\n" + base,
			want: "1:29 warning  unused-suppression \n"},
		{name: "buckets: an unlisted bucket",
			src:  edit("bucket: my-import-bucket", "bucket: other-bucket"),
			opts: Options{Buckets: inventory},
			want: "3:9 error NoSuchBucketException bucket-exists bucket\n",
			msg:  "`other-bucket` is not in the bucket inventory"},
		{name: "buckets: an unlisted bucket, suppressed above by code",
			src:  edit("bucket: my-import-bucket", "# manifestlint-ignore: NoSuchBucketException -- created on the day the job ships\nbucket: other-bucket"),
			opts: Options{Buckets: inventory},
			want: ""},
		{name: "buckets: two regions, disabled by rule id",
			src:  edit("bucket: my-import-bucket", "bucket: my-import-bucket\nlogBucket: eu-logs"),
			opts: Options{Buckets: inventory, Ignore: []string{"bucket-regions"}},
			want: ""},
		{name: "buckets: two regions, downgraded",
			src:  edit("bucket: my-import-bucket", "bucket: my-import-bucket\nlogBucket: eu-logs"),
			opts: Options{Buckets: inventory, Severity: map[string]manifest.Severity{"MultipleRegionsException": manifest.Warning}},
			want: "4:12 warning MultipleRegionsException bucket-regions logBucket\n"},
		{name: "severity warning keeps the code",
			src:  edit("street1: 123 Any Street", poBox),
			opts: Options{Severity: map[string]manifest.Severity{"InvalidAddressException": manifest.Warning}},
			want: "10:14 warning InvalidAddressException address-po-box returnAddress.street1\n"},
		{name: "severity error upgrades a warning; the rule id wins over the code",
			src: edit("manifestVersion: 2.0", "manifestVersion:2.0\n# manifestlint-ignore: address-po-box"),
			opts: Options{Severity: map[string]manifest.Severity{
				"no-space-after-colon": manifest.Error, "unused-suppression": manifest.Error}},
			want: "1:16 error  no-space-after-colon manifestVersion\n" +
				"2:1 warning  suppression-without-reason \n2:24 error  unused-suppression \n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Validate("m.yaml", []byte(tt.src), tt.opts)
			got := golden(res.Findings)
			if got != tt.want {
				t.Errorf("findings\n got: %s\nwant: %s", got, tt.want)
			}
			if tt.msg != "" && len(res.Findings) > 0 {
				if m := res.Findings[len(res.Findings)-1].Text(); !strings.Contains(m, tt.msg) {
					t.Errorf("message %q does not hold %q", m, tt.msg)
				} else if strings.Contains(m, "?.") || strings.Contains(m, "..") {
					t.Errorf("message %q has stray punctuation", m)
				}
			}
		})
	}
}

// TestNearMissSilencedUnderEitherRule: the one finding of a misspelt
// required key (`bukcet:` for bucket, spec §5) is silenced by --ignore, the
// config file's disable and an inline suppression under either rule id,
// required-field or unknown-field; any other id leaves it.
func TestNearMissSilencedUnderEitherRule(t *testing.T) {
	typo := edit("bucket: my-import-bucket", "bukcet: my-import-bucket")
	res := Validate("m.yaml", []byte(typo), Options{})
	if got, want := golden(res.Findings), "3:1 error MissingManifestFieldException required-field bucket\n"; got != want {
		t.Fatalf("unsilenced: got\n%swant\n%s", got, want)
	}
	for _, id := range []string{"required-field", "unknown-field", "MissingManifestFieldException"} {
		if fs := Validate("m.yaml", []byte(typo), Options{Ignore: []string{id}}).Findings; len(fs) != 0 {
			t.Errorf("--ignore %s left %s", id, golden(fs))
		}
		src := edit("bucket: my-import-bucket", "bukcet: my-import-bucket # manifestlint-ignore: "+id+" -- legacy key")
		if fs := Validate("m.yaml", []byte(src), Options{}).Findings; len(fs) != 0 {
			t.Errorf("inline %s left %s", id, golden(fs))
		}
	}
	if fs := Validate("m.yaml", []byte(typo), Options{Ignore: []string{"invalid-value", "InvalidManifestFieldException"}}).Findings; len(fs) != 1 {
		t.Errorf("an unrelated --ignore silenced the near miss: %s", golden(fs))
	}
}
