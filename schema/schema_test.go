package schema

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// want is one expected finding: every field must match, and msg holds
// fragments the message must contain.
type want struct {
	code      manifest.Code
	rule      string
	path      string
	line, col int
	msg       []string
}

const (
	mmf  = manifest.MissingManifestField
	imf  = manifest.InvalidManifestField
	ia   = manifest.InvalidAddress
	ic   = manifest.InvalidCustoms
	mc   = manifest.MissingCustoms
	ifs  = manifest.InvalidFileSystem
	iaki = manifest.InvalidAccessKeyID
)

// Valid bases, one per kind; cases edit them.
const s3Import = `manifestVersion: 2.0
deviceId: ABCDE
bucket: my-bucket
eraseDevice: yes
notificationEmail: a@example.com
returnAddress:
  name: Jane Roe
  street1: 1 Main St
  city: Seattle
  stateOrProvince: WA
  postalCode: 98101
  phoneNumber: 206-555-0100
  country: USA
`

const s3Export = `manifestVersion: 2.0
deviceId: HD001
fileSystem: NTFS
logBucket: my-logs
pinCode: 1234
operations:
  - exportBucket: my-data
    prefix: a/
returnAddress:
  name: Jane Roe
  street1: 1 Main St
  city: Seattle
  phoneNumber: 206-555-0100
  country: USA
`

const glacier = `manifestVersion: 3.0
deviceId: D1
eraseDevice: yes
notificationEmail: a@example.com
logBucket: my-logs
operations:
  - destination: glacier
    source: device
    region: us-east-1
    vaultName: vault
    archiveComment: comment
returnAddress:
  name: Jane Roe
  street1: 1 Main St
  city: Seattle
  phoneNumber: 206-555-0100
  country: USA
`

const ebs = `manifestVersion: 3.0
deviceId: D1
eraseDevice: yes
notificationEmail: a@example.com
logBucket: my-logs
operations:
  - destination: ebs-snapshot
    source: device
    region: us-east-1
returnAddress:
  name: Jane Roe
  street1: 1 Main St
  city: Seattle
  phoneNumber: 206-555-0100
  country: USA
`

const customsBlock = `customs:
  dataDescription: test data
  encryptedData: no
  exportCertifierName: John Doe
  requiresExportLicense: no
  deviceValue: 250.00
  deviceCountryOfOrigin: China
  deviceType: externalStorageDevice
`

// edit replaces old with new in base, once; it panics when old is absent so
// that a stale case fails loudly.
// Check is CheckLimit without a limit: every finding built.
func Check(doc *manifest.Document, kind manifest.Kind) []manifest.Finding {
	fs, _ := CheckLimit(doc, kind, 0)
	return fs
}

func edit(base, old, new string) string {
	if !strings.Contains(base, old) {
		panic(fmt.Sprintf("edit: %q not in base", old))
	}
	return strings.Replace(base, old, new, 1)
}

func check(t *testing.T, src string, kind manifest.Kind) []manifest.Finding {
	t.Helper()
	doc, pfs := manifest.Parse("test.yaml", []byte(src))
	for _, f := range pfs {
		if f.Severity == manifest.Error {
			t.Fatalf("parse error: %+v", f)
		}
	}
	if kind == "" {
		kind, _ = manifest.InferKind(doc.Root, manifest.JobTypeUnknown)
	}
	return Check(doc, kind)
}

func assertFindings(t *testing.T, got []manifest.Finding, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		var b strings.Builder
		for _, f := range got {
			fmt.Fprintf(&b, "\n  %d:%d %s %s %s: %s", f.Line, f.Column, f.Code, f.Rule, f.Path, f.Message)
		}
		t.Fatalf("got %d findings, want %d:%s", len(got), len(wants), b.String())
	}
	for i, w := range wants {
		f := got[i]
		if f.Code != w.code || f.Rule != w.rule || f.Path != w.path || f.Line != w.line || f.Column != w.col {
			t.Errorf("finding %d: got %d:%d %s %s %q, want %d:%d %s %s %q\n  message: %s",
				i, f.Line, f.Column, f.Code, f.Rule, f.Path, w.line, w.col, w.code, w.rule, w.path, f.Message)
		}
		if f.Severity != manifest.Error || f.Status() != 400 {
			t.Errorf("finding %d: severity %s status %d", i, f.Severity, f.Status())
		}
		if !strings.HasPrefix(f.Text(), f.Code.Message()) {
			t.Errorf("finding %d: text does not start with the service's sentence: %s", i, f.Text())
		}
		for _, frag := range w.msg {
			if !strings.Contains(f.Text(), frag) {
				t.Errorf("finding %d (%s): message lacks %q:\n  %s", i, f.Path, frag, f.Text())
			}
		}
	}
}

func TestValidExamples(t *testing.T) {
	for _, tc := range []struct {
		file string
		kind manifest.Kind
	}{
		{"sdk-live-test-2015.yaml", manifest.S3Import},
		{"cli-get-status-echo.yaml", manifest.S3Import},
		{"dg-glacier-import.yaml", manifest.GlacierImport},
		{"dg-export-customs.yaml", manifest.S3Export},
		{"ebs-import.yaml", manifest.EBSImport},
	} {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, _ := manifest.Parse(tc.file, src)
			if k, _ := manifest.InferKind(doc.Root, manifest.JobTypeUnknown); k != tc.kind {
				t.Fatalf("inferred %s, want %s", k, tc.kind)
			}
			assertFindings(t, check(t, string(src), tc.kind), nil)
		})
	}
	for name, base := range map[string]string{"s3-import": s3Import, "s3-export": s3Export, "glacier": glacier, "ebs": ebs} {
		t.Run("base "+name, func(t *testing.T) {
			assertFindings(t, check(t, base, ""), nil)
			assertFindings(t, check(t, base+customsBlock, ""), nil)
		})
	}
}

func TestExampleFiles(t *testing.T) {
	addr := func(key string, line int) want {
		return want{imf, RuleUnknownField, key, line, 1,
			[]string{"`" + key + "` belongs under returnAddress", "indent it beneath `returnAddress:`", "indent it beneath `returnAddress:`"}}
	}
	for _, tc := range []struct {
		file  string
		wants []want
	}{
		{"cli-create-job.yaml", []want{
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"manifestVersion is `2.0;`, but an S3 import needs `2.0`"}},
			{ia, RuleInvalidType, "returnAddress", 2, 15, []string{"returnAddress is empty", "not a mapping", "name, street1, city, phoneNumber and country"}},
			addr("name", 3), addr("company", 4), addr("street1", 5), addr("city", 6),
			addr("stateOrProvince", 7), addr("postalCode", 8), addr("phoneNumber", 9), addr("country", 10),
		}},
		{"dg-import-minimal.yaml", []want{
			{mmf, RuleRequiredField, "notificationEmail", 1, 1, []string{"notificationEmail is missing", "add `notificationEmail:` at the top level", "e-mail addresses"}},
			{iaki, RuleInvalidValue, "accessKeyId", 2, 14, []string{"`11118346FH746RYTE34` (19 characters)", "20 characters, A-Z and 0-9"}},
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			assertFindings(t, check(t, string(src), ""), tc.wants)
		})
	}
}

func TestCheck(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	for _, tc := range []struct {
		name  string
		kind  manifest.Kind
		src   string
		wants []want
	}{
		// Required fields.
		{"s3 import: every required field", manifest.S3Import, "generator: x\n", []want{
			{mmf, RuleRequiredField, "bucket", 1, 1, []string{"bucket is missing", "add `bucket:` at the top level"}},
			{mmf, RuleRequiredField, "deviceId", 1, 1, []string{"deviceId is missing"}},
			{mmf, RuleRequiredField, "eraseDevice", 1, 1, []string{"add `eraseDevice: yes` at the top level"}},
			{mmf, RuleRequiredField, "manifestVersion", 1, 1, []string{"add `manifestVersion: 2.0` at the top level"}},
			{mmf, RuleRequiredField, "notificationEmail", 1, 1, nil},
			{mmf, RuleRequiredField, "returnAddress", 1, 1, []string{"with name, street1, city, phoneNumber and country indented beneath it"}},
		}},
		{"s3 export: every required field", manifest.S3Export, "generator: x\n", []want{
			{mmf, RuleRequiredField, "deviceId", 1, 1, nil},
			{mmf, RuleRequiredField, "fileSystem", 1, 1, []string{"(NTFS or EXT4)"}},
			{mmf, RuleRequiredField, "logBucket", 1, 1, nil},
			{mmf, RuleRequiredField, "manifestVersion", 1, 1, []string{"`manifestVersion: 2.0`"}},
			{mmf, RuleRequiredField, "operations", 1, 1, []string{"each starting `- exportBucket:`"}},
			{mmf, RuleRequiredField, "returnAddress", 1, 1, nil},
		}},
		{"glacier: every required field", manifest.GlacierImport, "generator: x\n", []want{
			{mmf, RuleRequiredField, "deviceId", 1, 1, nil},
			{mmf, RuleRequiredField, "eraseDevice", 1, 1, nil},
			{mmf, RuleRequiredField, "logBucket", 1, 1, nil},
			{mmf, RuleRequiredField, "manifestVersion", 1, 1, []string{"`manifestVersion: 3.0`"}},
			{mmf, RuleRequiredField, "notificationEmail", 1, 1, nil},
			{mmf, RuleRequiredField, "operations", 1, 1, []string{"each starting `- destination:`"}},
			{mmf, RuleRequiredField, "returnAddress", 1, 1, nil},
		}},
		{"ebs: every required field", manifest.EBSImport, "generator: x\n", []want{
			{mmf, RuleRequiredField, "deviceId", 1, 1, nil},
			{mmf, RuleRequiredField, "eraseDevice", 1, 1, nil},
			{mmf, RuleRequiredField, "logBucket", 1, 1, nil},
			{mmf, RuleRequiredField, "manifestVersion", 1, 1, []string{"`manifestVersion: 3.0`"}},
			{mmf, RuleRequiredField, "notificationEmail", 1, 1, nil},
			{mmf, RuleRequiredField, "operations", 1, 1, nil},
			{mmf, RuleRequiredField, "returnAddress", 1, 1, nil},
		}},
		{"returnAddress subfields missing", "", edit(edit(s3Import, "  city: Seattle\n", ""), "  name: Jane Roe\n", ""), []want{
			{mmf, RuleRequiredField, "returnAddress.city", 6, 1, []string{"returnAddress.city is missing: add `city:` indented beneath `returnAddress:`"}},
			{mmf, RuleRequiredField, "returnAddress.name", 6, 1, []string{"returnAddress.name is missing"}},
		}},
		{"customs subfield missing", "", edit(s3Import+customsBlock, "  deviceType: externalStorageDevice\n", ""), []want{
			{mc, RuleRequiredField, "customs.deviceType", 14, 1, []string{"customs.deviceType is missing", "(externalStorageDevice or sataDrive)"}},
		}},
		{"glacier operation field missing", "", edit(glacier, "    vaultName: vault\n", ""), []want{
			{mmf, RuleRequiredField, "operations[0].vaultName", 7, 5, []string{"operations[0].vaultName is missing: add `vaultName:` to the operations[0] entry"}},
		}},
		{"export operation field missing", "", edit(s3Export, "  - exportBucket: my-data\n    prefix", "  - prefix"), []want{
			{mmf, RuleRequiredField, "operations[0].exportBucket", 7, 5, nil},
		}},
		{"ebs destination missing", manifest.EBSImport, edit(ebs, "  - destination: ebs-snapshot\n    source", "  - source"), []want{
			{mmf, RuleRequiredField, "operations[0].destination", 7, 5, []string{"add `destination: ebs-snapshot` to the operations[0] entry"}},
		}},

		// Unknown keys.
		{"erasedevice", "", edit(s3Import, "eraseDevice:", "erasedevice:"), []want{
			{mmf, RuleRequiredField, "eraseDevice", 4, 1, []string{"eraseDevice is missing, written as `erasedevice`?"}},
		}},
		{"erase_device", "", edit(s3Import, "eraseDevice:", "erase_device:"), []want{
			{mmf, RuleRequiredField, "eraseDevice", 4, 1, []string{"eraseDevice is missing, written as `erase_device`?"}},
		}},
		{"stateOrProvence", "", edit(s3Import, "stateOrProvince:", "stateOrProvence:"), []want{
			{ia, RuleUnknownField, "returnAddress.stateOrProvence", 10, 3, []string{"unknown field `stateOrProvence` in returnAddress: did you mean `stateOrProvince`?"}},
		}},
		{"unknown key without suggestion", "", s3Import + "colour: red\n", []want{
			{imf, RuleUnknownField, "colour", 14, 1, []string{"unknown field `colour` at the top level: remove it"}},
		}},
		{"unknown customs key", "", s3Import + customsBlock + "  color: red\n", []want{
			{ic, RuleUnknownField, "customs.color", 22, 3, []string{"unknown field `color` in customs", "allowed here:"}},
		}},
		{"key with a dot", "", s3Import + "a.b: c\n", []want{
			{imf, RuleUnknownField, `["a.b"]`, 14, 1, []string{"`a.b`"}},
		}},
		{"fileSystem in an import", manifest.S3Import, s3Import + "fileSystem: NTFS\n", []want{
			{imf, RuleUnknownField, "fileSystem", 14, 1, []string{"fileSystem is not a field of an S3 import: it belongs to S3 export manifests", "--job-type export"}},
		}},
		{"eraseDevice in an export", manifest.S3Export, s3Export + "eraseDevice: yes\n", []want{
			{imf, RuleUnknownField, "eraseDevice", 15, 1, []string{"belongs to import manifests", "not a field of an S3 export"}},
		}},
		{"vaultName in an EBS operation", manifest.EBSImport, edit(ebs, "    region: us-east-1\n", "    region: us-east-1\n    vaultName: v\n"), []want{
			{imf, RuleUnknownField, "operations[0].vaultName", 10, 5, []string{"belongs to Glacier import manifests", "not a field of an EBS import"}},
		}},
		{"exportBucket at the top level of an export", manifest.S3Export, s3Export + "exportBucket: b\n", []want{
			{imf, RuleUnknownField, "exportBucket", 15, 1, []string{"`exportBucket` belongs in an operations entry, not at the top level", "`- exportBucket: ...` beneath `operations:`"}},
		}},
		{"operations entry not a mapping", manifest.GlacierImport, edit(glacier, "  - destination: glacier\n    source: device\n    region: us-east-1\n    vaultName: vault\n    archiveComment: comment\n", "  - glacier\n"), []want{
			{imf, RuleInvalidType, "operations[0]", 7, 5, []string{"operations[0] is `glacier`, not a mapping: write each entry as `- destination: ...`, with source, region, vaultName and archiveComment indented beneath"}},
		}},
		{"customs field at the top level", "", s3Import + "deviceHTS: 8471.70.5000\n", []want{
			{imf, RuleUnknownField, "deviceHTS", 14, 1, []string{"indent it beneath `customs:`"}},
		}},

		// Wrong types.
		{"returnAddress: none", "", edit(s3Import, "returnAddress:\n  name: Jane Roe\n  street1: 1 Main St\n  city: Seattle\n  stateOrProvince: WA\n  postalCode: 98101\n  phoneNumber: 206-555-0100\n  country: USA\n", "returnAddress: none\n"), []want{
			{ia, RuleInvalidType, "returnAddress", 6, 16, []string{"returnAddress is `none`, not a mapping"}},
		}},
		{"accessKeyId list", "", s3Import + "accessKeyId: [Enter 20 character id]\n", []want{
			{iaki, RuleInvalidType, "accessKeyId", 14, 14, []string{"the template placeholder `[Enter 20 character id]`", "replace it with the real value", "square brackets make a YAML list"}},
		}},
		{"a list that is not a placeholder", "", s3Import + "accessKeyId: [AKIAIOSFODNN7EXAMPLE]\n", []want{
			{iaki, RuleInvalidType, "accessKeyId", 14, 14, []string{"square brackets make a YAML list", "is a list, not text", "write the value without brackets, or quote it"}},
		}},
		{"bucket mapping", "", edit(s3Import, "bucket: my-bucket\n", "bucket:\n  name: x\n"), []want{
			{imf, RuleInvalidType, "bucket", 4, 3, []string{"bucket is a mapping, not text"}},
		}},
		{"operations text", "", edit(s3Export, "operations:\n  - exportBucket: my-data\n    prefix: a/\n", "operations: my-data\n"), []want{
			{imf, RuleInvalidType, "operations", 6, 13, []string{"not a list", "starting with `- `"}},
		}},
		{"customs empty", "", s3Import + "customs:\n", []want{
			{ic, RuleInvalidType, "customs", 14, 9, []string{"customs is empty, not a mapping", "dataDescription"}},
		}},
		{"contentTypes value a list", "", s3Import + "contentTypes:\n  txt: [a, b]\n", []want{
			{imf, RuleInvalidType, "contentTypes.txt", 15, 8, []string{", not text"}},
		}},
		{"ignore entry a mapping", "", s3Import + "ignore:\n  - a: b\n", []want{
			{imf, RuleInvalidType, "ignore[0]", 15, 5, []string{"ignore[0] is a mapping"}},
		}},

		// Values: enums, patterns, lengths, const, list lengths.
		{"fileSystem ntfs", "", edit(s3Export, "NTFS", "ntfs"), []want{
			{ifs, RuleInvalidValue, "fileSystem", 3, 13, []string{"fileSystem is `ntfs`, not NTFS or EXT4: did you mean `NTFS`?"}},
		}},
		{"fileSystem FAT32", "", edit(s3Export, "NTFS", "FAT32"), []want{
			{ifs, RuleInvalidValue, "fileSystem", 3, 13, []string{"not NTFS or EXT4"}},
		}},
		{"eraseDevice true", "", edit(s3Import, "eraseDevice: yes", "eraseDevice: true"), []want{
			{imf, RuleInvalidValue, "eraseDevice", 4, 14, []string{"eraseDevice is `true`, not yes or no"}},
		}},
		{"yesno in any case", "", edit(s3Import, "eraseDevice: yes", "eraseDevice: YES") + "setContentEncodingForGzFiles: No\n", nil},
		{"acl", "", s3Import + "acl: Private\n", []want{
			{imf, RuleInvalidValue, "acl", 14, 6, []string{"did you mean `private`? Allowed: private, public-read, public-read-write, authenticated-read", "did you mean `private`?"}},
		}},
		{"serviceLevel", "", s3Import + "serviceLevel: expedited\n", []want{
			{imf, RuleInvalidValue, "serviceLevel", 14, 15, []string{"serviceLevel is `expedited`, not standard or expeditedShipping", "did you mean `expeditedShipping`?"}},
		}},
		{"manifestVersion 3.0 for S3", "", edit(s3Import, "2.0", "3.0"), []want{
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"manifestVersion is `3.0`, but an S3 import needs `2.0`: `3.0` is the version of EBS and Glacier import manifests",
				"It is not checked as one of those because no operations entry has `destination: ebs-snapshot` or `destination: glacier`"}},
		}},
		{"manifestVersion 2.0 for Glacier", "", edit(glacier, "3.0", "2.0"), []want{
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"manifestVersion is `2.0`, but a Glacier import needs `3.0`"}},
		}},
		{"manifestVersion 2", "", edit(s3Export, "2.0", "2"), []want{
			{imf, RuleInvalidValue, "manifestVersion", 1, 18, []string{"manifestVersion is `2`, but an S3 export needs `2.0`"}},
		}},
		{"accessKeyId lower case", "", s3Import + "accessKeyId: akiaiosfodnn7example\n", []want{
			{iaki, RuleInvalidValue, "accessKeyId", 14, 14, []string{"has `a` at character 1", "A-Z and 0-9"}},
		}},
		{"bucket empty", "", edit(s3Import, "bucket: my-bucket", "bucket:"), []want{
			{imf, RuleInvalidValue, "bucket", 3, 8, []string{"bucket is empty: a bucket name is 1 to 255"}},
		}},
		{"bucket bad character", "", edit(s3Import, "bucket: my-bucket", "bucket: my/bucket"), []want{
			{imf, RuleInvalidValue, "bucket", 3, 9, []string{"bucket `my/bucket` has `/` at character 3"}},
		}},
		{"trueCryptPassword too long", "", s3Import + "trueCryptPassword: " + long(65) + "\n", []want{
			{imf, RuleInvalidValue, "trueCryptPassword", 14, 20, []string{"has 65 characters (the value is not shown)", "1 to 64 characters"}},
		}},
		{"pinCode", "", s3Import + "pinCode: 12a\n", []want{
			{imf, RuleInvalidValue, "pinCode", 14, 10, []string{"4 to 12 digits"}},
		}},
		{"deviceId empty", "", edit(s3Import, "deviceId: ABCDE", "deviceId: ''"), []want{
			{imf, RuleInvalidValue, "deviceId", 2, 11, []string{"deviceId is empty: give a value"}},
		}},
		{"returnAddress city empty, street2 empty allowed", "", edit(s3Import, "city: Seattle", "city:\n  street2:"), []want{
			{ia, RuleInvalidValue, "returnAddress.city", 9, 8, []string{"returnAddress.city is empty: give a value"}},
		}},
		{"diskTimestampMetadataKey", "", s3Import + "diskTimestampMetadataKey: a b\n", []want{
			{imf, RuleInvalidValue, "diskTimestampMetadataKey", 14, 27, []string{"letters, digits, '-' and '_'"}},
		}},
		{"customs values", "", edit(edit(edit(s3Import+customsBlock, "250.00", "250.001"), "externalStorageDevice", "usb"), "encryptedData: no", "encryptedData: true") +
			"  deviceHTS: 8471.70\n  encryptionClassification: 5F992\n  typeOfExport: Return\n", []want{
			{ic, RuleInvalidValue, "customs.encryptedData", 16, 18, []string{"customs.encryptedData is `true`, not yes or no"}},
			{ic, RuleInvalidValue, "customs.deviceValue", 19, 16, []string{"`250.001`", "at most two decimals"}},
			{ic, RuleInvalidValue, "customs.deviceType", 21, 15, []string{"not an allowed value: use one of externalStorageDevice, sataDrive"}},
			{ic, RuleInvalidValue, "customs.deviceHTS", 22, 14, []string{"NNNN.NN.NNNN"}},
			{ic, RuleInvalidValue, "customs.encryptionClassification", 23, 29, []string{"EAR99"}},
			{ic, RuleInvalidValue, "customs.typeOfExport", 24, 17, []string{"but it must be `return`"}},
		}},
		{"customs deviceValue zero", "", edit(s3Import+customsBlock, "250.00", "0.00"), []want{
			{ic, RuleInvalidValue, "customs.deviceValue", 19, 16, []string{"positive amount"}},
		}},
		{"customs deviceValue small amounts", "", edit(s3Import+customsBlock, "250.00", "0.05"), nil},
		{"export operations empty", "", edit(s3Export, "operations:\n  - exportBucket: my-data\n    prefix: a/\n", "operations: []\n"), []want{
			{imf, RuleInvalidValue, "operations", 6, 13, []string{"operations is an empty list"}},
		}},
		{"export exportBucket bad", "", edit(s3Export, "exportBucket: my-data", "exportBucket: my data"), []want{
			{imf, RuleInvalidValue, "operations[0].exportBucket", 7, 19, []string{"bucket name"}},
		}},
		{"ebs two operations", "", edit(ebs, "    region: us-east-1\n", "    region: us-east-1\n  - destination: ebs-snapshot\n    source: device\n    region: us-east-1\n"), []want{
			{imf, RuleInvalidValue, "operations", 7, 3, []string{"operations has 2 entries, but an EBS import takes one", "snapshot"}},
		}},
		{"glacier region, source, vaultName, archiveComment", "", edit(edit(edit(edit(glacier, "us-east-1", "us-east-2"), "source: device", "source: disk"), "vaultName: vault", "vaultName: my vault"), "archiveComment: comment", "archiveComment: "+long(998)), []want{
			{imf, RuleInvalidValue, "operations[0].source", 8, 13, []string{"must be `device`"}},
			{imf, RuleInvalidValue, "operations[0].region", 9, 13, []string{"us-east-1, us-west-1", "did you mean `us-east-1`?"}},
			{imf, RuleInvalidValue, "operations[0].vaultName", 10, 16, []string{"letters, digits"}},
			{imf, RuleInvalidValue, "operations[0].archiveComment", 11, 21, []string{"has 998 characters", "1 to 997 characters"}},
		}},
		{"glacier destination in EBS-checked manifest", manifest.EBSImport, glacier, []want{
			{imf, RuleInvalidValue, "operations[0].destination", 7, 18, []string{"must be `ebs-snapshot`"}},
			{imf, RuleUnknownField, "operations[0].vaultName", 10, 5, []string{"belongs to Glacier import manifests"}},
			{imf, RuleUnknownField, "operations[0].archiveComment", 11, 5, []string{"belongs to Glacier import manifests"}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, tc.src, tc.kind)
			assertFindings(t, got, tc.wants)
		})
	}
}

// TestOneFindingPerPathAndCode: gojsonschema may report several errors
// for one value; Check keeps one per (path, code), whatever the input.
func TestOneFindingPerPathAndCode(t *testing.T) {
	messy := "manifestVersion: [2]\ndeviceId: {a: b}\nreturnAddress: []\ncustoms:\n  deviceValue: -1\n  x: y\n" +
		"operations:\n  - destination: glacier\n    region: mars\n    archiveComment: ''\n  - 7\n  - [a]\n" +
		"trueCryptPassword: ''\npinCode: ''\nbucket: ''\nfileSystem: {}\n"
	for _, k := range manifest.Kinds {
		seen := map[string]bool{}
		for _, f := range check(t, messy, k) {
			key := f.Path + "|" + string(f.Code)
			if seen[key] {
				t.Errorf("%s: two findings for %s", k, key)
			}
			seen[key] = true
			if f.Line < 1 || f.Column < 1 {
				t.Errorf("%s: bad position %+v", k, f)
			}
		}
		if len(seen) < 5 {
			t.Errorf("%s: only %d findings for a messy manifest", k, len(seen))
		}
		// gojsonschema's errors come in map order: the finding kept for
		// each (path, code) must not depend on it.
		first := fmt.Sprint(check(t, messy, k))
		for range 20 {
			if again := fmt.Sprint(check(t, messy, k)); again != first {
				t.Fatalf("%s: the findings change from run to run:\n%s\n%s", k, first, again)
			}
		}
	}
}

func TestUnknownKind(t *testing.T) {
	doc, _ := manifest.Parse("x", []byte("a: b\n"))
	if fs := Check(doc, "nope"); fs != nil {
		t.Errorf("unknown kind: %v", fs)
	}
	if Source("nope") != nil {
		t.Error("Source of an unknown kind")
	}
	if fs := Check(&manifest.Document{}, manifest.S3Import); fs != nil {
		t.Errorf("nil root: %v", fs)
	}
}

func BenchmarkCheck(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "cli-create-job.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	valid := []byte(s3Import + customsBlock)
	for _, bc := range []struct {
		name string
		src  []byte
	}{{"valid", valid}, {"cli-create-job", src}} {
		doc, _ := manifest.Parse("bench.yaml", bc.src)
		kind, _ := manifest.InferKind(doc.Root, manifest.JobTypeUnknown)
		Check(doc, kind) // compile outside the timer
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				Check(doc, kind)
			}
		})
	}
}
