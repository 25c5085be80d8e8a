package explain

import (
	"sync"

	"github.com/manifestlint/manifestlint/manifest"
)

// codeDoc is what `explain` says about an error code beyond the catalog.
type codeDoc struct {
	// Cause says what makes the service answer the code.
	Cause string
	// Fix says what to do when the code cannot be shown by a manifest
	// example (a code of the account or of the job's state).
	Fix     string
	Example *manifest.Example
}

// codeDocs returns what explain says of each code, built on first use: the
// command line imports this package for its text wrapping, and a lint run
// needs none of it. It covers every code of manifest.ErrorCodes (a test
// checks it).
func codeDocs() map[manifest.Code]codeDoc {
	codeDocsOnce.Do(func() { codeDocsMap = codeDocTable() })
	return codeDocsMap
}

var (
	codeDocsOnce sync.Once
	codeDocsMap  map[manifest.Code]codeDoc
)

func codeDocTable() map[manifest.Code]codeDoc {
	return map[manifest.Code]codeDoc{
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
			Example: &manifest.Example{Lang: "yaml",
				Note:   "accessKeyId is optional: deleting the line is a fix too. With --access-key-id (`env` for $AWS_ACCESS_KEY_ID) the two must be equal.",
				Before: "accessKeyId: AKIAIOSFODNN7EXAMPL   # 19 characters",
				After:  "accessKeyId: AKIAIOSFODNN7EXAMPLE",
			},
		},
		manifest.InvalidAddress: {
			Cause: "returnAddress is not a mapping, or one of its subfields is bad: an empty required value, an unknown " +
				"subfield, a US state or postal code that does not exist, a US ZIP code of another state, a street that " +
				"is a post-office box (`PO Box`, or the country's own words such as `Postfach`: the service does not ship " +
				"to them), or an address outside the EU for a job in eu-west-1.",
			Example: &manifest.Example{Lang: "yaml",
				Before: "returnAddress:\n  name: Jane Doe\n  street1: PO Box 1234\n  city: Seattle\n  stateOrProvince: Washington\n" +
					"  postalCode: 9810\n  phoneNumber: 206-555-1000\n  country: USA",
				After: "returnAddress:\n  name: Jane Doe\n  street1: 123 Any Street\n  city: Seattle\n  stateOrProvince: WA\n" +
					"  postalCode: 98101\n  phoneNumber: 206-555-1000\n  country: USA",
			},
		},
		manifest.InvalidClientTokenID: {
			Cause: "The AWS access key that signs the request does not exist (deleted, mistyped, or of another partition). " +
				"manifestlint reports it only with --online, when STS rejects the manifest's own long-term (AKIA) accessKeyId " +
				"as InvalidClientTokenId; a rejection of another key is a note naming both keys.",
			Fix: "Sign with an existing, active access key, and name it in accessKeyId.",
			Example: &manifest.Example{Lang: "yaml",
				Note:   "run with --online, signing with the deleted key AKIAI44QH8DHBEXAMPLE",
				Before: "accessKeyId: AKIAI44QH8DHBEXAMPLE",
				After:  "accessKeyId: AKIAIOSFODNN7EXAMPLE",
			},
		},
		manifest.InvalidCustoms: {
			Cause: "A customs subfield is present but bad (a yesno that is not yes/no, a device value that is not an " +
				"amount in US dollars, an unknown deviceType, a malformed encryption classification or tariff number), " +
				"or customs holds an unknown subfield.",
			Example: &manifest.Example{Lang: "yaml",
				Before: "customs:\n  dataDescription: Backup of accounting records\n  encryptedData: true\n" +
					"  encryptionClassification: 5D992\n  exportCertifierName: Jane Doe\n  requiresExportLicense: no\n" +
					"  deviceValue: $250\n  deviceCountryOfOrigin: China\n  deviceType: usbStick",
				After: "customs:\n  dataDescription: Backup of accounting records\n  encryptedData: yes\n" +
					"  encryptionClassification: 5D992\n  exportCertifierName: Jane Doe\n  requiresExportLicense: no\n" +
					"  deviceValue: 250.00\n  deviceCountryOfOrigin: China\n  deviceType: externalStorageDevice",
			},
		},
		manifest.InvalidFileSystem: {
			Cause: "The export manifest's fileSystem is not NTFS or EXT4, spelled exactly so (ntfs and ext3 are refused).",
			Example: &manifest.Example{Lang: "yaml",
				Before: "fileSystem: ntfs",
				After:  "fileSystem: NTFS",
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
			Example: &manifest.Example{Lang: "yaml",
				Before: "manifestVersion: 2.0;\nbucket: my-bucket\neraseDevice: no\nstorage_class: STANDARD",
				After:  "manifestVersion: 2.0\nbucket: my-bucket\neraseDevice: yes\nstorageClass: STANDARD",
			},
		},
		manifest.InvalidParameter: {
			Cause: "A request parameter has a bad value; for manifestlint, a --job-type other than import or export " +
				"(in any letter case). It is a usage error: manifestlint exits with status 2 and lints nothing.",
			Example: &manifest.Example{Lang: "sh",
				Before: "manifestlint --job-type upload manifest.yaml",
				After:  "manifestlint --job-type import manifest.yaml",
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
			Example: &manifest.Example{Lang: "yaml",
				Before: "manifestVersion: 2.0\nreturnAddress:\n\tname: Jane Doe",
				After:  "manifestVersion: 2.0\nreturnAddress:\n  name: Jane Doe",
			},
		},
		manifest.MissingCustoms: {
			Cause: "The device returns to another country than the one of the facility serving the job's region " +
				"(except EU to EU), and the customs block is absent; or customs is present but a required subfield is " +
				"missing (encryptionClassification is required when encryptedData is yes).",
			Example: &manifest.Example{Lang: "yaml",
				Note: "the whole-block case needs the job region: --region, the config file, operations[].region or the bucket inventory",
				Before: "customs:\n  dataDescription: Backup of accounting records\n  encryptedData: yes\n" +
					"  exportCertifierName: Jane Doe\n  requiresExportLicense: no\n  deviceValue: 250.00\n" +
					"  deviceCountryOfOrigin: China\n  deviceType: externalStorageDevice",
				After: "customs:\n  dataDescription: Backup of accounting records\n  encryptedData: yes\n" +
					"  encryptionClassification: 5D992\n  exportCertifierName: Jane Doe\n  requiresExportLicense: no\n" +
					"  deviceValue: 250.00\n  deviceCountryOfOrigin: China\n  deviceType: externalStorageDevice",
			},
		},
		manifest.MissingManifestField: {
			Cause: "A field the job kind requires is absent: one of the common fields (manifestVersion, deviceId, " +
				"returnAddress, notificationEmail for imports), a field of the kind (bucket and eraseDevice for an S3 " +
				"import, fileSystem and operations for an export, ...), a required returnAddress subfield, or both " +
				"trueCryptPassword and pinCode of an export. A key typed for an absent required field (`bukcet` for " +
				"bucket) is this code too, reported once, at the typo.",
			Example: &manifest.Example{Lang: "yaml",
				Before: "manifestVersion: 2.0\nbucket: my-bucket\neraseDevice: yes\nnotificationEmail: jane@example.com\n" +
					"returnAddress:\n  name: Jane Doe\n  street1: 123 Any Street\n  phoneNumber: +49 30 1234567\n  country: Germany",
				After: "manifestVersion: 2.0\ndeviceId: 49382\nbucket: my-bucket\neraseDevice: yes\nnotificationEmail: jane@example.com\n" +
					"returnAddress:\n  name: Jane Doe\n  street1: 123 Any Street\n  city: Berlin\n  phoneNumber: +49 30 1234567\n  country: Germany",
			},
		},
		manifest.MissingParameter: {
			Cause: "A required request parameter is missing; for manifestlint, the Manifest parameter: the manifest " +
				"is empty, or holds only whitespace and comments.",
			Example: &manifest.Example{Lang: "yaml",
				Before: "# manifest for the March backup\n",
				After:  "# manifest for the March backup\nmanifestVersion: 2.0\ndeviceId: 49382\nbucket: my-bucket\neraseDevice: yes\n# and the other required fields",
			},
		},
		manifest.MultipleRegions: {
			Cause: "The buckets of one job are in different regions: several operations entries of a 3.0 manifest " +
				"with different region values, or (with a bucket inventory) buckets listed in different regions, or a " +
				"bucket whose region differs from operations[].region.",
			Example: &manifest.Example{Lang: "yaml",
				Note:   "with the bucket inventory `buckets: {my-logs-eu: eu-west-1, my-logs: us-east-1}` in the config file",
				Before: "logBucket: my-logs-eu\noperations:\n  - destination: glacier\n    source: device\n    region: us-east-1\n    vaultName: backups",
				After:  "logBucket: my-logs\noperations:\n  - destination: glacier\n    source: device\n    region: us-east-1\n    vaultName: backups",
			},
		},
		manifest.NoSuchBucket: {
			Cause: "A bucket the manifest names (bucket, logBucket, exportBucket) does not exist in the account. " +
				"manifestlint checks this against a bucket inventory (config file key `buckets`, which " +
				"`manifestlint inventory` writes), or with --online, where HeadBucket answers 404.",
			Example: &manifest.Example{Lang: "yaml",
				Note:   "with the bucket inventory `buckets: {my-bucket: us-east-1}` in the config file",
				Before: "bucket: my-buckt",
				After:  "bucket: my-bucket",
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
}
