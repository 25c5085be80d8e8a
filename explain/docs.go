package explain

import "github.com/manifestlint/manifestlint/manifest"

// example is a small bad manifest fragment (or command line) and its fix.
type example struct {
	// Lang is "yaml" for manifest text, "sh" for a command line.
	Lang string
	// Note says what the example assumes (a job region, a config file).
	Note string
	Bad  string
	Good string
}

// codeDoc is what `explain` says about an error code beyond the catalog.
type codeDoc struct {
	// Cause says what makes the service answer the code.
	Cause string
	// Fix says what to do when the code cannot be shown by a manifest
	// example (a code of the account or of the job's state).
	Fix     string
	Example *example
}

// codeDocs covers every code of manifest.ErrorCodes (a test checks it).
var codeDocs = map[manifest.Code]codeDoc{
	manifest.BucketPermission: {
		Cause: "The account whose credentials sign the request may not write to a bucket the manifest names " +
			"(bucket or logBucket of an import; exportBucket must be readable and logBucket writable for an export).",
		Fix: "Grant the signing account write access (s3:PutObject, and s3:GetObject for an export) on the bucket, " +
			"or name a bucket it owns. The manifest itself can be correct: manifestlint cannot see bucket policies.",
	},
	manifest.CanceledJobID: {
		Cause: "A request (GetStatus, UpdateJob, CancelJob) named a job ID that was canceled.",
		Fix:   "Create a new job; a canceled job ID cannot be used again. This is the job's state, not the manifest's.",
	},
	manifest.CreateJobQuotaExceeded: {
		Cause: "The account created more jobs today than the service allows an account per day.",
		Fix:   "Wait until the next day, or ask AWS to raise the quota. The manifest is not at fault.",
	},
	manifest.ExpiredJobID: {
		Cause: "A request named a job that expired: no device arrived within 30 days of CreateJob.",
		Fix:   "Create a new job and ship the device with its new SIGNATURE file.",
	},
	manifest.InvalidAccessKeyID: {
		Cause: "The manifest's accessKeyId is not the AWS Access Key ID that signs the CreateJob request, " +
			"or is not an access key ID at all (20 characters, A-Z and 0-9).",
		Example: &example{Lang: "yaml",
			Note: "accessKeyId is optional: deleting the line is a fix too. With --access-key-id (or AWS_ACCESS_KEY_ID) the two must be equal.",
			Bad:  "accessKeyId: AKIAIOSFODNN7EXAMPL   # 19 characters",
			Good: "accessKeyId: AKIAIOSFODNN7EXAMPLE",
		},
	},
	manifest.InvalidAddress: {
		Cause: "returnAddress is not a mapping, or one of its subfields is bad: an empty required value, an unknown " +
			"subfield, a US state or postal code that does not exist, a street that is a post-office box (the " +
			"service does not ship to them), or an address outside the EU for a job in eu-west-1.",
		Example: &example{Lang: "yaml",
			Bad: "returnAddress:\n  name: Jane Doe\n  street1: PO Box 1234\n  city: Seattle\n  stateOrProvince: Washington\n" +
				"  postalCode: 9810\n  phoneNumber: 206-555-1000\n  country: USA",
			Good: "returnAddress:\n  name: Jane Doe\n  street1: 123 Any Street\n  city: Seattle\n  stateOrProvince: WA\n" +
				"  postalCode: 98101\n  phoneNumber: 206-555-1000\n  country: USA",
		},
	},
	manifest.InvalidClientTokenID: {
		Cause: "The AWS access key that signs the request does not exist (deleted, mistyped, or of another partition).",
		Fix:   "Sign with an existing, active access key. manifestlint cannot check keys against the account.",
	},
	manifest.InvalidCustoms: {
		Cause: "A customs subfield is present but bad (a yesno that is not yes/no, a device value that is not an " +
			"amount in US dollars, an unknown deviceType, a malformed encryption classification or tariff number), " +
			"or customs holds an unknown subfield.",
		Example: &example{Lang: "yaml",
			Bad: "customs:\n  dataDescription: Backup of accounting records\n  encryptedData: true\n" +
				"  encryptionClassification: 5D992\n  exportCertifierName: Jane Doe\n  requiresExportLicense: no\n" +
				"  deviceValue: $250\n  deviceCountryOfOrigin: China\n  deviceType: usbStick",
			Good: "customs:\n  dataDescription: Backup of accounting records\n  encryptedData: yes\n" +
				"  encryptionClassification: 5D992\n  exportCertifierName: Jane Doe\n  requiresExportLicense: no\n" +
				"  deviceValue: 250.00\n  deviceCountryOfOrigin: China\n  deviceType: externalStorageDevice",
		},
	},
	manifest.InvalidFileSystem: {
		Cause: "The export manifest's fileSystem is not NTFS or EXT4, spelled exactly so (ntfs and ext3 are refused).",
		Example: &example{Lang: "yaml",
			Bad:  "fileSystem: ntfs",
			Good: "fileSystem: NTFS",
		},
	},
	manifest.InvalidJobID: {
		Cause: "A request named a job ID that is missing, unknown, or belongs to another account.",
		Fix:   "Use the JobId that CreateJob returned to this account (`aws importexport list-jobs` lists them).",
	},
	manifest.InvalidManifestField: {
		Cause: "A top-level field or an operations entry is present but wrong: a bad value (manifestVersion that is " +
			"not the kind's version, eraseDevice: no, an invalid bucket name or region), a value of the wrong type, " +
			"or a key the job kind does not have (a typo, or a field of another kind).",
		Example: &example{Lang: "yaml",
			Bad:  "manifestVersion: 2.0;\nbucket: my-bucket\neraseDevice: no\nstorage_class: STANDARD",
			Good: "manifestVersion: 2.0\nbucket: my-bucket\neraseDevice: yes\nstorageClass: STANDARD",
		},
	},
	manifest.InvalidParameter: {
		Cause: "A request parameter has a bad value; for manifestlint, a --job-type other than import or export " +
			"(in any letter case). It is a usage error: manifestlint exits with status 2 and lints nothing.",
		Example: &example{Lang: "sh",
			Bad:  "manifestlint --job-type upload manifest.yaml",
			Good: "manifestlint --job-type import manifest.yaml",
		},
	},
	manifest.InvalidVersion: {
		Cause: "The client tool (the request's tool version, e.g. an old AWS Import/Export Web Service Tool) is not " +
			"a version the service accepts.",
		Fix: "Update the client tool. The manifest's manifestVersion is another matter: a wrong one is " +
			"InvalidManifestFieldException, which manifestlint reports.",
	},
	manifest.MalformedManifest: {
		Cause: "The manifest cannot be read as a manifest: a YAML syntax error (tab indentation, an unclosed quote " +
			"or bracket), a root that is not a mapping of `key: value` lines, invalid UTF-8, a second YAML " +
			"document, a key twice in one mapping, anchors or aliases, or a key that is not plain text. The " +
			"service reads no further, and neither does manifestlint.",
		Example: &example{Lang: "yaml",
			Bad:  "manifestVersion: 2.0\nreturnAddress:\n\tname: Jane Doe",
			Good: "manifestVersion: 2.0\nreturnAddress:\n  name: Jane Doe",
		},
	},
	manifest.MissingCustoms: {
		Cause: "The device returns to another country than the one of the facility serving the job's region " +
			"(except EU to EU), and the customs block is absent; or customs is present but a required subfield is " +
			"missing (encryptionClassification is required when encryptedData is yes).",
		Example: &example{Lang: "yaml",
			Note: "the whole-block case needs the job region: --region, the config file, operations[].region or the bucket inventory",
			Bad: "customs:\n  dataDescription: Backup of accounting records\n  encryptedData: yes\n" +
				"  exportCertifierName: Jane Doe\n  requiresExportLicense: no\n  deviceValue: 250.00\n" +
				"  deviceCountryOfOrigin: China\n  deviceType: externalStorageDevice",
			Good: "customs:\n  dataDescription: Backup of accounting records\n  encryptedData: yes\n" +
				"  encryptionClassification: 5D992\n  exportCertifierName: Jane Doe\n  requiresExportLicense: no\n" +
				"  deviceValue: 250.00\n  deviceCountryOfOrigin: China\n  deviceType: externalStorageDevice",
		},
	},
	manifest.MissingManifestField: {
		Cause: "A field the job kind requires is absent: one of the common fields (manifestVersion, deviceId, " +
			"returnAddress, notificationEmail for imports), a field of the kind (bucket and eraseDevice for an S3 " +
			"import, fileSystem and operations for an export, ...), a required returnAddress subfield, or both " +
			"trueCryptPassword and pinCode of an export.",
		Example: &example{Lang: "yaml",
			Bad: "manifestVersion: 2.0\nbucket: my-bucket\neraseDevice: yes\nnotificationEmail: jane@example.com\n" +
				"returnAddress:\n  name: Jane Doe\n  street1: 123 Any Street\n  phoneNumber: +49 30 1234567\n  country: Germany",
			Good: "manifestVersion: 2.0\ndeviceId: 49382\nbucket: my-bucket\neraseDevice: yes\nnotificationEmail: jane@example.com\n" +
				"returnAddress:\n  name: Jane Doe\n  street1: 123 Any Street\n  city: Berlin\n  phoneNumber: +49 30 1234567\n  country: Germany",
		},
	},
	manifest.MissingParameter: {
		Cause: "A required request parameter is missing; for manifestlint, the Manifest parameter: the manifest " +
			"is empty, or holds only whitespace and comments.",
		Example: &example{Lang: "yaml",
			Bad:  "# manifest for the March backup\n",
			Good: "# manifest for the March backup\nmanifestVersion: 2.0\ndeviceId: 49382\nbucket: my-bucket\neraseDevice: yes\n# and the other required fields",
		},
	},
	manifest.MultipleRegions: {
		Cause: "The buckets of one job are in different regions: several operations entries of a 3.0 manifest " +
			"with different region values, or (with a bucket inventory) buckets listed in different regions, or a " +
			"bucket whose region differs from operations[].region.",
		Example: &example{Lang: "yaml",
			Note: "with the bucket inventory `buckets: {my-logs-eu: eu-west-1, my-logs: us-east-1}` in the config file",
			Bad:  "logBucket: my-logs-eu\noperations:\n  - destination: glacier\n    source: device\n    region: us-east-1\n    vaultName: backups",
			Good: "logBucket: my-logs\noperations:\n  - destination: glacier\n    source: device\n    region: us-east-1\n    vaultName: backups",
		},
	},
	manifest.NoSuchBucket: {
		Cause: "A bucket the manifest names (bucket, logBucket, exportBucket) does not exist in the account. " +
			"manifestlint checks this only against a bucket inventory (config file key `buckets`).",
		Example: &example{Lang: "yaml",
			Note: "with the bucket inventory `buckets: {my-bucket: us-east-1}` in the config file",
			Bad:  "bucket: my-buckt",
			Good: "bucket: my-bucket",
		},
	},
	manifest.OptInRequired: {
		Cause: "The account is not subscribed to AWS Import/Export.",
		Fix:   "Sign up for the service with the account. manifestlint cannot see subscriptions.",
	},
	manifest.UnableToCancelJobID: {
		Cause: "CancelJob was called for a job that can no longer be canceled (its device is already being processed, or it is complete).",
		Fix:   "Nothing in the manifest can change this: it is the job's state.",
	},
	manifest.UnableToUpdateJobID: {
		Cause: "UpdateJob was called for a job that can no longer be updated (its device has arrived, or it is finished).",
		Fix:   "Create a new job with the corrected manifest instead.",
	},
	manifest.UnknownOperation: {
		Cause: "The request named an API operation (Action) the service does not have.",
		Fix:   "Use one of CreateJob, CancelJob, GetStatus, ListJobs, UpdateJob, GetShippingLabel. The manifest is not involved.",
	},
}

// ruleExamples are examples written for one rule, where the example of its
// code would not show it. Rules without one borrow their first code's.
var ruleExamples = map[string]*example{
	manifest.RuleEmptyManifest: codeDocs[manifest.MissingParameter].Example,
	manifest.RuleInvalidUTF8: {Lang: "yaml",
		Note: "a file saved as Latin-1 holds the byte 0xFC for ü",
		Bad:  "returnAddress:\n  city: M\\xFCnchen   # the raw byte 0xFC",
		Good: "returnAddress:\n  city: München     # saved as UTF-8",
	},
	manifest.RuleYAMLSyntax: codeDocs[manifest.MalformedManifest].Example,
	manifest.RuleRootNotMapping: {Lang: "yaml",
		Bad:  "INVALID MANIFEST",
		Good: "manifestVersion: 2.0\ndeviceId: 49382",
	},
	manifest.RuleMultipleDocuments: {Lang: "yaml",
		Bad:  "manifestVersion: 2.0\ndeviceId: 49382\n---\nmanifestVersion: 2.0\ndeviceId: 49383",
		Good: "manifestVersion: 2.0\ndeviceId: 49382",
	},
	manifest.RuleDuplicateKey: {Lang: "yaml",
		Bad:  "bucket: my-bucket\nlogBucket: my-logs\nbucket: my-other-bucket",
		Good: "bucket: my-bucket\nlogBucket: my-logs",
	},
	manifest.RuleAnchorAlias: {Lang: "yaml",
		Bad:  "bucket: &b my-bucket\nlogBucket: *b",
		Good: "bucket: my-bucket\nlogBucket: my-bucket",
	},
	manifest.RuleComplexKey: {Lang: "yaml",
		Bad:  "? [bucket, logBucket]\n: my-bucket",
		Good: "bucket: my-bucket\nlogBucket: my-bucket",
	},
	manifest.RuleNoSpaceAfterColon: {Lang: "yaml",
		Bad:  "manifestVersion:2.0\ndeviceId:49382",
		Good: "manifestVersion: 2.0\ndeviceId: 49382",
	},
	"bucket-name-not-dns-compliant": {Lang: "yaml",
		Note: "a warning: the service accepted such legacy names",
		Bad:  "bucket: My_Bucket",
		Good: "bucket: my-bucket",
	},
	"empty-export-range": {Lang: "yaml",
		Note: "a warning: the range is legal but selects no keys",
		Bad:  "operations:\n  - exportBucket: my-bucket\n    beginMarker: logs/2024\n    endMarker: logs/2023",
		Good: "operations:\n  - exportBucket: my-bucket\n    beginMarker: logs/2023\n    endMarker: logs/2024",
	},
	"erase-device": {Lang: "yaml",
		Note: "the service erases every imported device and requires the acknowledgement",
		Bad:  "eraseDevice: no",
		Good: "eraseDevice: yes",
	},
	"export-encryption": {Lang: "yaml",
		Note: "every export is encrypted: give trueCryptPassword, or pinCode for a hardware-encrypted device",
		Bad:  "fileSystem: NTFS\nlogBucket: my-logs",
		Good: "fileSystem: NTFS\nlogBucket: my-logs\ntrueCryptPassword: correct-horse-battery-staple",
	},
	"notification-email": {Lang: "yaml",
		Bad:  "notificationEmail: ops@example.com, jane@example",
		Good: "notificationEmail: ops@example.com;jane@example.com",
	},
	"operations-regions": {Lang: "yaml",
		Bad:  "operations:\n  - destination: ebs-snapshot\n    source: device\n    region: eu-west-1\n  - destination: ebs-snapshot\n    source: device\n    region: us-east-1",
		Good: "operations:\n  - destination: ebs-snapshot\n    source: device\n    region: us-east-1",
	},
	"access-key-id-matches": {Lang: "yaml",
		Note: "run as `manifestlint --access-key-id AKIAIOSFODNN7EXAMPLE manifest.yaml` (or with AWS_ACCESS_KEY_ID set)",
		Bad:  "accessKeyId: AKIAI44QH8DHBEXAMPLE",
		Good: "accessKeyId: AKIAIOSFODNN7EXAMPLE",
	},
	"suppression-without-reason": {Lang: "yaml",
		Note: "a warning: the suppression still applies",
		Bad:  "returnAddress:\n  street1: PO Box 1234  # manifestlint-ignore: address-po-box",
		Good: "returnAddress:\n  street1: PO Box 1234  # manifestlint-ignore: address-po-box -- agreed with AWS support, case 1234",
	},
	"unused-suppression": {Lang: "yaml",
		Note: "a warning: the comment names a rule that reports nothing on its line",
		Bad:  "bucket: my-bucket  # manifestlint-ignore: bucket-name-not-dns-compliant -- legacy name",
		Good: "bucket: my-bucket",
	},
}
