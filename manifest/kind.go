package manifest

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// Kind is the kind of job a manifest describes (spec §3).
type Kind string

// The four job kinds.
const (
	S3Import      Kind = "s3-import"
	S3Export      Kind = "s3-export"
	EBSImport     Kind = "ebs-import"
	GlacierImport Kind = "glacier-import"
)

// Kinds lists every job kind.
var Kinds = []Kind{S3Import, S3Export, EBSImport, GlacierImport}

// Title is the kind as a reader names it: "S3 import".
func (k Kind) Title() string {
	switch k {
	case S3Export:
		return "S3 export"
	case EBSImport:
		return "EBS import"
	case GlacierImport:
		return "Glacier import"
	}
	return "S3 import"
}

// Noun is the kind with its article, as a sentence reads it: "an S3
// import", "a Glacier import".
func (k Kind) Noun() string {
	if k == GlacierImport {
		return "a " + k.Title()
	}
	return "an " + k.Title()
}

// Version is the manifestVersion the kind needs.
func (k Kind) Version() string {
	if k == EBSImport || k == GlacierImport {
		return "3.0"
	}
	return "2.0"
}

// IsImport reports whether the kind is one of the import kinds.
func (k Kind) IsImport() bool { return k != S3Export }

// JobType is the service's JobType parameter: Import or Export, or
// unknown ("") when the kind must be inferred.
type JobType string

// The job types --job-type accepts (case-insensitively).
const (
	JobTypeUnknown JobType = ""
	JobTypeImport  JobType = "import"
	JobTypeExport  JobType = "export"
)

// ParseJobType reads a --job-type value in any letter case; ok is false for
// anything but import or export.
func ParseJobType(s string) (JobType, bool) {
	switch strings.ToLower(s) {
	case "import":
		return JobTypeImport, true
	case "export":
		return JobTypeExport, true
	}
	return JobTypeUnknown, false
}

// ExportOnlyKeys and ImportOnlyKeys are the top-level keys that only an S3
// export, or only an S3 import, has: the evidence counted by InferKind. A
// test in package schema ties them to the bundled schemas, so that a new
// field cannot silently miss kind detection.
var (
	ExportOnlyKeys = []string{"fileSystem", "recoveryDirectory"}
	ImportOnlyKeys = []string{"bucket", "eraseDevice", "acl", "prefix", "storageClass",
		"cacheControl", "contentDisposition", "contentLanguage", "expires", "contentTypes",
		"staticMetadata", "diskTimestampMetadataKey", "setContentEncodingForGzFiles", "ignore"}
)

// EraseDeviceWhy is why eraseDevice must be yes: the erase-device rule's
// help and the editor schemas' message for any other value say it.
const EraseDeviceWhy = "the service erases every imported device after the import"

// Destinations maps an operations entry's destination to the import kind it
// decides (the schemas' destination constants; tested there too).
var Destinations = map[string]Kind{"ebs-snapshot": EBSImport, "glacier": GlacierImport}

// ExportOperationKey is the key of an operations entry that only an S3
// export has.
const ExportOperationKey = "exportBucket"

// KindEvidence is what decided a manifest's job kind: --job-type alone, or
// the manifest's fields (none when nothing kind-specific was found).
type KindEvidence struct {
	// JobType is the --job-type that fixed the kind; JobTypeUnknown when the
	// manifest's fields decided (also within --job-type import).
	JobType JobType
	// Fields name the keys that decided, for messages ("bucket",
	// "destination: glacier", "operations with exportBucket").
	Fields []string
	// Source says where JobType came from when it fixed the kind
	// (--job-type, a jobTypes entry of the config file); the caller of
	// InferKind sets it.
	Source Source
}

// InferKind decides the job kind of a manifest (spec §3). An operations
// entry's destination decides EBS or Glacier; otherwise the keys only an
// export has are counted against those only an S3 import has, and the larger
// side wins (a tie, an empty manifest included, is an S3 import). With
// --job-type export the kind is S3 export; with import the manifest decides
// between S3, EBS and Glacier. evidence says what decided.
func InferKind(root *yaml.Node, jt JobType) (kind Kind, evidence KindEvidence) {
	if jt == JobTypeExport {
		return S3Export, KindEvidence{JobType: JobTypeExport}
	}
	ops := Value(root, "operations")
	if IsSequence(ops) {
		for _, op := range ops.Content {
			d, _ := Text(Value(op, "destination"))
			if k, ok := Destinations[d]; ok {
				return k, KindEvidence{Fields: []string{"destination: " + d}}
			}
		}
	}
	if jt == JobTypeImport {
		return S3Import, KindEvidence{JobType: JobTypeImport}
	}
	// Sized once: every file is counted, and most have several such keys.
	exp := make([]string, 0, len(ExportOnlyKeys)+1)
	imp := make([]string, 0, len(ImportOnlyKeys))
	for _, k := range ExportOnlyKeys {
		if k0, _ := Get(root, k); k0 != nil {
			exp = append(exp, k)
		}
	}
	if IsSequence(ops) {
		for _, op := range ops.Content {
			if k0, _ := Get(op, ExportOperationKey); k0 != nil {
				exp = append(exp, "operations with exportBucket")
				break
			}
		}
	}
	for _, k := range ImportOnlyKeys {
		if k0, _ := Get(root, k); k0 != nil {
			imp = append(imp, k)
		}
	}
	if len(exp) > len(imp) {
		return S3Export, KindEvidence{Fields: exp}
	}
	if len(imp) == 0 {
		imp = nil // none: as before the slice was sized
	}
	return S3Import, KindEvidence{Fields: imp}
}

// Regions are the regions the service ran in, served by its US, Ireland and
// Singapore facilities (spec §4, value type region).
var Regions = []string{"us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1"}

// IsRegion reports whether s is one of Regions, exactly so.
func IsRegion(s string) bool {
	for _, r := range Regions {
		if r == s {
			return true
		}
	}
	return false
}

// TopLevelKeys are the top-level keys of the four kinds' schemas (sorted; a
// test in package schema ties them to the bundled schemas): the keys Detect
// takes for a manifest's.
var TopLevelKeys = []string{
	"accessKeyId", "acl", "bucket", "cacheControl", "contentDisposition", "contentLanguage",
	"contentTypes", "customs", "deviceId", "diskTimestampMetadataKey", "eraseDevice", "expires",
	"fileSystem", "generator", "ignore", "logBucket", "logPrefix", "manifestVersion",
	"notificationEmail", "operations", "pinCode", "prefix", "recoveryDirectory", "returnAddress",
	"serviceLevel", "setContentEncodingForGzFiles", "staticMetadata", "storageClass", "substitutions",
	"trueCryptPassword",
}

// FieldNames are the key names of every manifest field, at any depth, in
// the four kinds' schemas (sorted; a test in package schema ties them to
// the bundled schemas). A YAML syntax error names the one a key written
// without a space after its colon (`erase_device:yes`) most likely meant.
var FieldNames = []string{
	"accessKeyId", "acl", "archiveComment", "beginMarker", "bucket", "cacheControl", "city",
	"company", "contentDisposition", "contentLanguage", "contentTypes", "country", "customs",
	"dataDescription", "destination", "deviceCapacityGreaterThan1TB", "deviceCountryOfOrigin",
	"deviceHTS", "deviceId", "deviceType", "deviceValue", "diskTimestampMetadataKey", "encryptedData",
	"encryptionClassification", "endMarker", "eraseDevice", "expires", "exportBucket",
	"exportCertifierName", "fileSystem", "generator", "ignore", "logBucket", "logPrefix",
	"manifestVersion", "name", "notificationEmail", "operations", "phoneNumber", "pinCode",
	"postalCode", "prefix", "recoveryDirectory", "region", "requiresExportLicense", "returnAddress",
	"serviceLevel", "setContentEncodingForGzFiles", "source", "stateOrProvince", "staticMetadata",
	"storageClass", "street1", "street2", "street3", "substitutions", "targetDirectory",
	"trueCryptPassword", "typeOfExport", "vaultName",
}
