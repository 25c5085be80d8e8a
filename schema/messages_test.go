package schema

import (
	"slices"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestUnknownKeyFamily: an unknown key takes the code of the place it sits
// in, whatever its own name.
func TestUnknownKeyFamily(t *testing.T) {
	for _, tc := range []struct {
		name  string
		kind  manifest.Kind
		src   string
		wants []want
	}{
		{"fileSystem at the top level of an S3 import", manifest.S3Import, s3Import + "fileSystem: NTFS\n", []want{
			{imf, RuleUnknownField, "fileSystem", 14, 1, []string{"One or more manifest fields was invalid", "belongs to S3 export manifests"}},
		}},
		{"fileSystem at the top level of a Glacier import", manifest.GlacierImport, glacier + "fileSystem: NTFS\n", []want{
			{imf, RuleUnknownField, "fileSystem", 18, 1, []string{"not a field of a Glacier import: it belongs to S3 export manifests: remove it"}},
		}},
		{"fileSystem under returnAddress", "", s3Import + "  fileSystem: NTFS\n", []want{
			{ia, RuleUnknownField, "returnAddress.fileSystem", 14, 3, []string{"in returnAddress"}},
		}},
		{"accessKeyId under customs", "", s3Import + customsBlock + "  accessKeyId: AKIAIOSFODNN7EXAMPLE\n", []want{
			{ic, RuleUnknownField, "customs.accessKeyId", 22, 3, []string{"in customs"}},
		}},
		{"customs in an operations entry", "", edit(s3Export, "    prefix: a/\n", "    prefix: a/\n    customs: x\n"), []want{
			{imf, RuleUnknownField, "operations[0].customs", 9, 5, []string{"in operations[0]"}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { assertFindings(t, check(t, tc.src, tc.kind), tc.wants) })
	}
}

// TestSecretsNotShown: no message shows a trueCryptPassword or pinCode
// value, whatever is wrong with it.
func TestSecretsNotShown(t *testing.T) {
	const pw = "Sup3rS3cretPassw0rd-Sup3rS3cretPassw0rd-Sup3rS3cretPassw0rd-XYZ12" // 65 characters
	for _, tc := range []struct {
		name   string
		src    string
		secret string
		wants  []want
	}{
		{"password too long", s3Import + "trueCryptPassword: " + pw + "\n", pw, []want{
			{imf, RuleInvalidValue, "trueCryptPassword", 14, 20, []string{"trueCryptPassword has 65 characters (the value is not shown): a TrueCrypt password is 1 to 64 characters"}},
		}},
		{"password empty", s3Import + "trueCryptPassword: ''\n", "", []want{
			{imf, RuleInvalidValue, "trueCryptPassword", 14, 20, []string{"trueCryptPassword is empty: a TrueCrypt password is 1 to 64 characters"}},
		}},
		{"password a mapping", s3Import + "trueCryptPassword:\n  hunter2: hunter3\n", "hunter", []want{
			{imf, RuleInvalidType, "trueCryptPassword", 15, 3, []string{"trueCryptPassword is a mapping, not text"}},
		}},
		{"password a flow list", s3Import + "trueCryptPassword: [hunter2]\n", "hunter", []want{
			{imf, RuleInvalidType, "trueCryptPassword", 14, 20, []string{"square brackets"}},
		}},
		{"pin letters", s3Import + "pinCode: 98x7\n", "98x7", []want{
			{imf, RuleInvalidValue, "pinCode", 14, 10, []string{"pinCode: character 3 of 4 is not allowed (value not shown): a PIN code is 4 to 12 digits"}},
		}},
		{"pin too long", s3Import + "pinCode: 9876543210987\n", "9876543210987", []want{
			{imf, RuleInvalidValue, "pinCode", 14, 10, []string{"pinCode has 13 characters (the value is not shown): a PIN code is 4 to 12 digits"}},
		}},
		{"pin too short", s3Import + "pinCode: 987\n", "987", []want{
			{imf, RuleInvalidValue, "pinCode", 14, 10, []string{"pinCode has 3 characters"}},
		}},
		{"pin a list", s3Import + "pinCode:\n  - 9876\n", "9876", []want{
			{imf, RuleInvalidType, "pinCode", 15, 3, []string{"pinCode is a list, not text"}},
		}},
		{"misspelt password key", s3Import + "truecryptpassword: " + pw + "\n", pw, []want{
			{imf, RuleUnknownField, "truecryptpassword", 14, 1, []string{"did you mean `trueCryptPassword`?"}},
		}},
		{"password under returnAddress", edit(s3Import, "  city: Seattle\n", "  city: Seattle\n  pinCode: 9876\n"), "9876", []want{
			{ia, RuleUnknownField, "returnAddress.pinCode", 10, 3, []string{"`pinCode` in returnAddress"}},
		}},
		{"pin as password synonym", s3Import + "pin: 9876\n", "9876", []want{
			{imf, RuleUnknownField, "pin", 14, 1, []string{"did you mean `pinCode`?"}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, tc.src, "")
			assertFindings(t, got, tc.wants)
			for _, f := range got {
				if tc.secret != "" && strings.Contains(f.Message, tc.secret) {
					t.Errorf("message shows the secret %q: %s", tc.secret, f.Message)
				}
			}
		})
	}
}

// TestDestinationNotes: a manifest that fell back to S3 although its
// operations entries look like EBS or Glacier ones says why.
func TestDestinationNotes(t *testing.T) {
	s3ish := edit(glacier, "manifestVersion: 3.0", "manifestVersion: 3.0\nbucket: b")
	opsUnknown := "operations is not a field of an S3 import: it belongs to S3 export, EBS import and Glacier import manifests."
	rule := "only when an operations entry has `destination: ebs-snapshot` or `destination: glacier`"
	for _, tc := range []struct {
		name  string
		kind  manifest.Kind
		src   string
		wants []want
	}{
		{"Glacier: did you mean glacier", "", edit(s3ish, "destination: glacier", "destination: Glacier"), []want{
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"manifestVersion is `3.0`, but an S3 import needs `2.0`: `3.0` is the version of EBS and Glacier import manifests", rule, "here operations[0].destination is `Glacier`: did you mean `glacier`?"}},
			{imf, RuleUnknownField, "operations", 7, 1, []string{opsUnknown, "Its entries have destination, source, region, vaultName and archiveComment, fields of EBS and Glacier import manifests", "did you mean `glacier`?"}},
		}},
		{"ebs_snapshot", "", edit(edit(edit(s3ish, "destination: glacier", "destination: ebs_snapshot"), "    vaultName: vault\n", ""), "    archiveComment: comment\n", ""), []want{
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"operations[0].destination is `ebs_snapshot`: did you mean `ebs-snapshot`?"}},
			{imf, RuleUnknownField, "operations", 7, 1, []string{"Its entries have destination, source and region", "did you mean `ebs-snapshot`?"}},
		}},
		{"ebs", "", edit(s3ish, "destination: glacier", "destination: ebs"), []want{
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"`ebs`: did you mean `ebs-snapshot`?"}},
			{imf, RuleUnknownField, "operations", 7, 1, []string{"`ebs`: did you mean `ebs-snapshot`?"}},
		}},
		{"far-off destination", "", edit(s3ish, "destination: glacier", "destination: tape"), []want{
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"operations[0].destination is `tape`, which is neither"}},
			{imf, RuleUnknownField, "operations", 7, 1, []string{"`tape`, which is neither"}},
		}},
		{"no destination", "", edit(s3ish, "  - destination: glacier\n    source", "  - source"), []want{
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"here no entry has a destination", "add `destination: ebs-snapshot` or `destination: glacier` to the entry"}},
			{imf, RuleUnknownField, "operations", 7, 1, []string{"Its entries have source, region, vaultName and archiveComment", "here no entry has a destination"}},
		}},
		{"scalar entry", "", edit(s3ish, "  - destination: glacier\n    source: device\n    region: us-east-1\n    vaultName: vault\n    archiveComment: comment\n", "  - glacier\n"), []want{
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"here operations[0] is text, not a mapping: write it as `- destination: glacier`"}},
			{imf, RuleUnknownField, "operations", 7, 1, []string{opsUnknown, "write it as `- destination: glacier`"}},
		}},
		{"scalar operations", "", edit(s3ish, "operations:\n  - destination: glacier\n    source: device\n    region: us-east-1\n    vaultName: vault\n    archiveComment: comment\n", "operations: Glacier\n"), []want{
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"here operations is the text `Glacier`, not a list of entries: write `- destination: glacier` beneath `operations:`"}},
			{imf, RuleUnknownField, "operations", 7, 1, []string{"here operations is the text `Glacier`"}},
		}},
		{"no operations", "", edit(s3Import, "2.0", "3.0"), []want{
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"It is not checked as one of those because no operations entry has `destination: ebs-snapshot` or `destination: glacier`"}},
		}},
		{"S3 export: destination key in an entry", "", edit(s3Export, "    prefix: a/\n", "    prefix: a/\n    destination: EBS\n"), []want{
			{imf, RuleUnknownField, "operations[0].destination", 9, 5, []string{"operations[0].destination is not a field of an S3 export: it belongs to EBS import and Glacier import manifests. A manifest is an EBS or Glacier import " + rule, "`EBS`: did you mean `ebs-snapshot`?"}},
		}},
		{"S3 export: region in an entry", "", edit(s3Export, "    prefix: a/\n", "    prefix: a/\n    region: us-east-1\n"), []want{
			{imf, RuleUnknownField, "operations[0].region", 9, 5, []string{"not a field of an S3 export: it belongs to EBS import and Glacier import manifests. A manifest is an EBS or Glacier import", "otherwise remove region"}},
		}},
		{"S3 export by --job-type with a glacier entry", manifest.S3Export, glacier, []want{
			{mmf, RuleRequiredField, "fileSystem", 1, 1, nil},
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"The operations[0] entry has `destination: glacier`: if the job is a Glacier import, lint it without --job-type export"}},
			{imf, RuleUnknownField, "eraseDevice", 3, 1, nil},
			{imf, RuleUnknownField, "operations[0].destination", 7, 5, []string{"lint it without --job-type export; otherwise remove it"}},
			{mmf, RuleRequiredField, "operations[0].exportBucket", 7, 5, nil},
			{imf, RuleUnknownField, "operations[0].source", 8, 5, nil},
			{imf, RuleUnknownField, "operations[0].region", 9, 5, nil},
			{imf, RuleUnknownField, "operations[0].vaultName", 10, 5, nil},
			{imf, RuleUnknownField, "operations[0].archiveComment", 11, 5, nil},
		}},
		{"S3 export entries without import fields keep the plain message", "", s3Export + "eraseDevice: yes\n", []want{
			{imf, RuleUnknownField, "eraseDevice", 15, 1, []string{"remove it (if the job is an import, lint it with --job-type import)"}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { assertFindings(t, check(t, tc.src, tc.kind), tc.wants) })
	}
}

func TestNearDestination(t *testing.T) {
	for in, out := range map[string]string{
		"Glacier": "glacier", "GLACIER": "glacier", "glacer": "glacier", "ebs": "ebs-snapshot", "EBS": "ebs-snapshot",
		"ebs_snapshot": "ebs-snapshot", "snapshot": "ebs-snapshot", "ebs-snapshots": "ebs-snapshot", "tape": "", "": "", "s3": "",
	} {
		if got := nearDestination(in); got != out {
			t.Errorf("nearDestination(%q) = %q, want %q", in, got, out)
		}
	}
}

// TestClosestValue: the did-you-mean of a refused enum value: a typo or
// another letter case, or the start of one allowed value (`expedited`),
// never a guess between two.
func TestClosestValue(t *testing.T) {
	levels := []string{"standard", "expeditedShipping"}
	regions := []string{"us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1"}
	for _, tc := range []struct {
		in      string
		allowed []string
		want    string
	}{
		{"expedited", levels, "expeditedShipping"},
		{"Expedited", levels, "expeditedShipping"},
		{"expedited_shipping", levels, "expeditedShipping"},
		{"standard-shipping", levels, "standard"},
		{"overnight", levels, ""},
		{"ex", levels, ""},
		{"public", []string{"private", "public-read", "public-read-write"}, ""}, // two begin so: a guess
		{"ap-southeast", regions, "ap-southeast-1"},
		{"US-EAST-1", regions, "us-east-1"},
	} {
		if got := closestValue(tc.in, tc.allowed); got != tc.want {
			t.Errorf("closestValue(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestListEntryText: a mapping or list as an entry of a list of text.
func TestListEntryText(t *testing.T) {
	for _, tc := range []struct {
		name  string
		src   string
		wants []want
	}{
		{"ignore entry a flow mapping", s3Import + "ignore:\n  - {pattern: bak}\n", []want{
			{imf, RuleInvalidType, "ignore[0]", 15, 5, []string{"ignore[0] is a mapping, not text: each entry of ignore is text, and braces make a YAML mapping: write each pattern as a quoted string list item, e.g. `- 'bak'`"}},
		}},
		{"ignore entry a block mapping with two keys", s3Import + "ignore:\n  - a: b\n    c: d\n", []want{
			{imf, RuleInvalidType, "ignore[0]", 15, 5, []string{"write each pattern as a quoted string list item, e.g. `- '\\.tmp$'`"}},
		}},
		{"ignore entry a list", s3Import + "ignore:\n  - [a, b]\n", []want{
			{imf, RuleInvalidType, "ignore[0]", 15, 5, []string{"ignore[0] is a list, not text: each entry of ignore is text, and square brackets make a YAML list"}},
		}},
		{"quote in the suggestion", s3Import + "ignore:\n  - {p: \"it's\"}\n", []want{
			{imf, RuleInvalidType, "ignore[0]", 15, 5, []string{"`- 'it''s'`"}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, tc.src, "")
			assertFindings(t, got, tc.wants)
			for _, f := range got {
				if strings.Contains(f.Message, "same line as") {
					t.Errorf("list entry message speaks of a key line: %s", f.Message)
				}
			}
		})
	}
}

// TestSynonyms: common wrong names of a place's keys get a did-you-mean.
func TestSynonyms(t *testing.T) {
	addr := func(old, new string) string { return edit(s3Import, "  "+old+":", "  "+new+":") }
	for _, tc := range []struct {
		name  string
		src   string
		wants []want
	}{
		{"zipCode", addr("postalCode", "zipCode"), []want{
			{ia, RuleUnknownField, "returnAddress.zipCode", 11, 3, []string{"unknown field `zipCode` in returnAddress: did you mean `postalCode`?"}},
		}},
		{"zip", addr("postalCode", "zip"), []want{{ia, RuleUnknownField, "returnAddress.zip", 11, 3, []string{"did you mean `postalCode`?"}}}},
		{"postcode", addr("postalCode", "postcode"), []want{{ia, RuleUnknownField, "returnAddress.postcode", 11, 3, []string{"did you mean `postalCode`?"}}}},
		{"state", addr("stateOrProvince", "state"), []want{{ia, RuleUnknownField, "returnAddress.state", 10, 3, []string{"did you mean `stateOrProvince`?"}}}},
		{"province", addr("stateOrProvince", "province"), []want{{ia, RuleUnknownField, "returnAddress.province", 10, 3, []string{"did you mean `stateOrProvince`?"}}}},
		{"telephone", addr("phoneNumber", "telephone"), []want{
			{mmf, RuleRequiredField, "returnAddress.phoneNumber", 12, 3, []string{"returnAddress.phoneNumber is missing, written as `telephone`?"}},
		}},
		{"address1", addr("street1", "address1"), []want{
			{mmf, RuleRequiredField, "returnAddress.street1", 8, 3, []string{"returnAddress.street1 is missing, written as `address1`?"}},
		}},
		{"Address_Line_1", addr("street1", "Address_Line_1"), []want{
			{mmf, RuleRequiredField, "returnAddress.street1", 8, 3, []string{"returnAddress.street1 is missing, written as `Address_Line_1`?"}},
		}},
		{"address2", s3Import + "  address2: Suite 1\n", []want{{ia, RuleUnknownField, "returnAddress.address2", 14, 3, []string{"did you mean `street2`?"}}}},
		{"email", edit(s3Import, "notificationEmail:", "email:"), []want{
			{mmf, RuleRequiredField, "notificationEmail", 5, 1, []string{"notificationEmail is missing, written as `email`?"}},
		}},
		{"notifications", edit(s3Import, "notificationEmail:", "notifications:"), []want{
			{mmf, RuleRequiredField, "notificationEmail", 5, 1, []string{"notificationEmail is missing, written as `notifications`?"}},
		}},
		{"version", edit(s3Import, "manifestVersion:", "version:"), []want{
			{mmf, RuleRequiredField, "manifestVersion", 1, 1, []string{"manifestVersion is missing, written as `version`?"}},
		}},
		{"device", edit(s3Import, "deviceId:", "device:"), []want{
			{mmf, RuleRequiredField, "deviceId", 2, 1, []string{"deviceId is missing, written as `device`?"}},
		}},
		{"deviceID", edit(s3Import, "deviceId:", "deviceID:"), []want{
			{mmf, RuleRequiredField, "deviceId", 2, 1, []string{"deviceId is missing, written as `deviceID`?"}},
		}},
		{"accessKey", s3Import + "accessKey: AKIAIOSFODNN7EXAMPLE\n", []want{{imf, RuleUnknownField, "accessKey", 14, 1, []string{"did you mean `accessKeyId`?"}}}},
		{"accessKeyID", s3Import + "accessKeyID: AKIAIOSFODNN7EXAMPLE\n", []want{{imf, RuleUnknownField, "accessKeyID", 14, 1, []string{"did you mean `accessKeyId`?"}}}},
		{"logbucket", s3Import + "logbucket: my-logs\n", []want{{imf, RuleUnknownField, "logbucket", 14, 1, []string{"did you mean `logBucket`?"}}}},
		{"phone at the top level", s3Import + "phone: 206-555-0100\n", []want{
			{imf, RuleUnknownField, "phone", 14, 1, []string{"did you mean `phoneNumber`? It is a returnAddress field: indent it beneath `returnAddress:`"}},
		}},
		{"synonym not offered where its field is absent", s3Export + "vault: v\n", []want{
			{imf, RuleUnknownField, "vault", 15, 1, []string{"unknown field `vault` at the top level: remove it"}},
		}},
		{"Levenshtein still works", addr("stateOrProvince", "stateOrProvence"), []want{
			{ia, RuleUnknownField, "returnAddress.stateOrProvence", 10, 3, []string{"did you mean `stateOrProvince`?"}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { assertFindings(t, check(t, tc.src, ""), tc.wants) })
	}
}

// TestBadCharacter: values outside a character set name the first bad
// character and its position.
func TestBadCharacter(t *testing.T) {
	for _, tc := range []struct {
		name  string
		src   string
		wants []want
	}{
		{"bucket !", edit(s3Import, "bucket: my-bucket", "bucket: my_bucket!"), []want{
			{imf, RuleInvalidValue, "bucket", 3, 9, []string{"bucket `my_bucket!` has `!` at character 10: a bucket name is 1 to 255 letters, digits, '.', '-' or '_'"}},
		}},
		{"bucket space", edit(s3Import, "bucket: my-bucket", "bucket: my bucket"), []want{
			{imf, RuleInvalidValue, "bucket", 3, 9, []string{"has a space at character 3"}},
		}},
		{"bucket non-ASCII counts characters", edit(s3Import, "bucket: my-bucket", "bucket: café-data"), []want{
			{imf, RuleInvalidValue, "bucket", 3, 9, []string{"`café-data` has `é` at character 4"}},
		}},
		{"bucket too long but clean", edit(s3Import, "bucket: my-bucket", "bucket: "+strings.Repeat("a", 256)), []want{
			{imf, RuleInvalidValue, "bucket", 3, 9, []string{"bucket has 256 characters: a bucket name"}},
		}},
		{"logBucket backtick", s3Import + "logBucket: \"a`b\"\n", []want{
			{imf, RuleInvalidValue, "logBucket", 14, 12, []string{"has a backtick at character 2"}},
		}},
		{"exportBucket slash", edit(s3Export, "exportBucket: my-data", "exportBucket: my/data"), []want{
			{imf, RuleInvalidValue, "operations[0].exportBucket", 7, 19, []string{"has `/` at character 3"}},
		}},
		{"accessKeyId lower case", s3Import + "accessKeyId: AKIAiOSFODNN7EXAMPLE\n", []want{
			{iaki, RuleInvalidValue, "accessKeyId", 14, 14, []string{"`AKIAiOSFODNN7EXAMPLE` has `i` at character 5"}},
		}},
		{"vaultName", edit(glacier, "vaultName: vault", "vaultName: my:vault"), []want{
			{imf, RuleInvalidValue, "operations[0].vaultName", 10, 16, []string{"has `:` at character 3"}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { assertFindings(t, check(t, tc.src, ""), tc.wants) })
	}
}

// TestQuotedPaths: keys holding dots, brackets or spaces, or empty, are
// bracket-quoted in finding paths.
func TestQuotedPaths(t *testing.T) {
	for _, tc := range []struct {
		name  string
		src   string
		wants []want
	}{
		{"contentTypes .jpg", s3Import + "contentTypes:\n  .jpg: [image/jpeg]\n", []want{
			{imf, RuleInvalidType, `contentTypes[".jpg"]`, 15, 9, []string{`contentTypes[".jpg"] is a list`}},
		}},
		{"empty key", s3Import + "'': x\n", []want{
			{imf, RuleUnknownField, `[""]`, 14, 1, nil},
		}},
		{"key with a space in returnAddress", s3Import + "  zip code: 1\n", []want{
			{ia, RuleUnknownField, `returnAddress["zip code"]`, 14, 3, []string{"another name for postalCode, which is already on line 11"}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) { assertFindings(t, check(t, tc.src, ""), tc.wants) })
	}
}

// TestNearMissIsOneFinding: a key typed for a required key that is absent
// (`bukcet:` for bucket) is one finding (spec §5): the family's missing
// code, the missing path, at the typo, naming both keys, with the rename as
// its fix and unknown-field as its second rule id. A typo of an optional
// key, or of a key already present, stays an unknown key.
func TestNearMissIsOneFinding(t *testing.T) {
	for _, tc := range []struct {
		name      string
		src       string
		wants     []want
		typo, key string // the merged finding's keys, "" when none is merged
	}{
		{"bukcet", edit(s3Import, "bucket:", "bukcet:"), []want{
			{mmf, RuleRequiredField, "bucket", 3, 1, []string{"bucket is missing, written as `bukcet`?"}},
		}, "bukcet", "bucket"},
		{"under customs: the missing customs code", s3Import + edit(customsBlock, "exportCertifierName:", "exportCertifierNam:"), []want{
			{manifest.MissingCustoms, RuleRequiredField, "customs.exportCertifierName", 17, 3, []string{"customs.exportCertifierName is missing, written as `exportCertifierNam`?"}},
		}, "exportCertifierNam", "exportCertifierName"},
		{"under returnAddress", edit(s3Import, "city:", "ctiy:"), []want{
			{mmf, RuleRequiredField, "returnAddress.city", 9, 3, []string{"written as `ctiy`?"}},
		}, "ctiy", "city"},
		{"the close key is optional: unknown", s3Import + "prefxi: a/\n", []want{
			{imf, RuleUnknownField, "prefxi", 14, 1, []string{"did you mean `prefix`?"}},
		}, "", ""},
		{"the close key is present: unknown", s3Import + "buckte: other\n", []want{
			{imf, RuleUnknownField, "buckte", 14, 1, nil},
		}, "", ""},
		{"no close key: missing and unknown apart", edit(s3Import, "bucket: my-bucket", "colour: red"), []want{
			{mmf, RuleRequiredField, "bucket", 1, 1, []string{"add `bucket:`"}},
			{imf, RuleUnknownField, "colour", 3, 1, nil},
		}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, tc.src, manifest.S3Import)
			assertFindings(t, got, tc.wants)
			if tc.typo == "" || len(got) != 1 {
				for _, f := range got {
					if f.AlsoRule != "" {
						t.Errorf("%s: AlsoRule %q on a finding that merges nothing", f.Path, f.AlsoRule)
					}
				}
				return
			}
			f := got[0]
			if f.AlsoRule != RuleUnknownField || !f.Named(RuleUnknownField) || !f.Named(RuleRequiredField) {
				t.Errorf("the merged finding is not named by both rule ids: Rule %q, AlsoRule %q", f.Rule, f.AlsoRule)
			}
			if !strings.Contains(f.Help, "rename `"+tc.typo+"` to `"+tc.key+"`") {
				t.Errorf("help does not name both keys: %q", f.Help)
			}
			if len(f.Message) > 90 {
				t.Errorf("headline over 90 characters: %q", f.Message)
			}
			if f.Fix == nil || len(f.Fix.Edits) != 1 || f.Fix.Applicability != manifest.Safe {
				t.Fatalf("no safe one-edit rename fix: %+v", f.Fix)
			}
			e := f.Fix.Edits[0]
			if got := tc.src[:e.Start] + e.New + tc.src[e.End:]; len(check(t, got, manifest.S3Import)) != 0 {
				t.Errorf("the fix does not repair the manifest:\n%s", got)
			}
			if tc.src[f.Start:f.End] != tc.typo {
				t.Errorf("the finding covers %q, not the typo %q", tc.src[f.Start:f.End], tc.typo)
			}
		})
	}
}

// TestBracketPlaceholder: a value in square brackets with words in it
// (`[Your name]`, AWS's templates) is named a placeholder, never told to
// drop its brackets or be quoted; a secret's placeholder is not shown.
func TestBracketPlaceholder(t *testing.T) {
	for _, tc := range []struct{ name, src, path string }{
		{"name", edit(s3Import, "name: Jane Roe", "name: [Your name]"), "returnAddress.name"},
		{"bucket", edit(s3Import, "bucket: my-bucket", "bucket: [Name of your bucket]"), "bucket"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := check(t, tc.src, "")
			if len(fs) != 1 || fs[0].Path != tc.path {
				t.Fatalf("got %+v", fs)
			}
			if m := fs[0].Message; !strings.Contains(m, "template placeholder `[") || strings.Contains(m, "without brackets") || strings.Contains(m, "quote it") {
				t.Errorf("message: %s", m)
			}
		})
	}
	fs := check(t, s3Import+"pinCode: [Your PIN here]\n", manifest.S3Export)
	for _, f := range fs {
		if strings.Contains(f.Text(), "Your PIN") {
			t.Errorf("a secret's placeholder is shown: %s", f.Text())
		}
	}
}

// TestSecretSynonymsInStep: a value under a name the did-you-mean reads as
// a secret field (keySynonyms) is masked, and one under a name it reads as
// another field is not, even within two edits of a secret (zipCode).
func TestSecretSynonymsInStep(t *testing.T) {
	for name, wants := range keySynonyms() {
		doc, _ := manifest.Parse("m.yaml", []byte(name+": hunter2\n"))
		masked := !strings.Contains(string(doc.WithoutSecrets()), "hunter2")
		if secret := slices.ContainsFunc(wants, manifest.IsSecret); masked != secret {
			t.Errorf("keySynonyms reads %q as %v, but manifest masks its value: %v", name, wants, masked)
		}
	}
}
