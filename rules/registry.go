package rules

import "github.com/manifestlint/manifestlint/manifest"

// All lists every rule, in the order they run. It also feeds `explain` and
// SARIF's rule list.
var All = []Rule{
	// --- returnAddress, serviceLevel and customs (address.go, customs.go) ---
	addressCountryRule,
	addressUSCARequiredRule,
	addressStateRule,
	addressPostalCodeRule,
	addressPhoneRule,
	addressPOBoxRule,
	addressEURegionRule,
	serviceLevelExpeditedRule,
	customsRequiredRule,
	customsCountryRule,
	customsEncryptionClassificationRule,
	// --- end of returnAddress, serviceLevel and customs ---
	// --- Field rules of spec §4.1-4.5 and §6 (erase, buckets, regions,
	// export, encryption, S3 import options, substitutions, notification,
	// logging, access key): one block per file of that name. ---
	{RuleEraseDevice, []manifest.Code{manifest.InvalidManifestField}, "eraseDevice must be `yes` in every import kind: the service erases every imported device.", checkEraseDevice},
	{RuleBucketNameNotDNSCompliant, nil, "Warns about a bucket, logBucket or exportBucket name the service accepted but today's DNS naming rules refuse (3-63 lowercase letters, digits, `.` and `-`, ...).", checkBucketDNSNames},
	{RuleBucketExists, []manifest.Code{manifest.NoSuchBucket}, "With a bucket inventory, every bucket, logBucket and exportBucket must be listed in it.", checkBucketsExist},
	{RuleBucketRegions, []manifest.Code{manifest.MultipleRegions}, "With a bucket inventory, all buckets must be in one region, that of --region/config or operations[].region when given.", checkBucketRegions},
	{RuleOperationsRegions, []manifest.Code{manifest.MultipleRegions}, "In an EBS or Glacier import, every operations entry must name the same region.", checkOperationsRegions},
	{RuleJobRegionMismatch, []manifest.Code{manifest.MultipleRegions}, "In an EBS or Glacier import, operations[].region must equal the job region given with --region or the config file.", checkJobRegionMismatch},
	{RuleExportDirectoryRelative, []manifest.Code{manifest.InvalidManifestField}, "In an S3 export, recoveryDirectory and operations[].targetDirectory must be relative directory names (no leading `/`, no `..`).", checkExportDirectories},
	{RuleEmptyExportRange, nil, "Warns about an S3 export operation whose beginMarker is not below its endMarker: it exports nothing.", checkEmptyExportRange},
	{RuleExportEncryption, []manifest.Code{manifest.MissingManifestField}, "An S3 export needs trueCryptPassword or pinCode: every export device is encrypted.", checkExportEncryption},
	{RulePrefixLength, []manifest.Code{manifest.InvalidManifestField}, "An S3 import prefix may have at most 1024 bytes, S3's key limit.", checkPrefixLength},
	{RuleIgnorePattern, []manifest.Code{manifest.InvalidManifestField}, "S3 import ignore entries must be valid Java regular expressions (look-around and back-references are fine).", checkIgnorePatterns},
	{RuleExpiresDate, []manifest.Code{manifest.InvalidManifestField}, "S3 import expires must be an HTTP date such as `Thu, 01 Dec 2016 16:00:00 GMT`, with the right weekday.", checkExpires},
	{RuleContentTypes, []manifest.Code{manifest.InvalidManifestField}, "S3 import contentTypes maps file extensions without a dot to media types `type/subtype`.", checkContentTypes},
	{RuleStaticMetadataHeader, []manifest.Code{manifest.InvalidManifestField}, "S3 import staticMetadata keys must be HTTP header names (tokens).", checkStaticMetadata},
	{RuleDiskTimestampMetadataKey, []manifest.Code{manifest.InvalidManifestField}, "S3 import diskTimestampMetadataKey must be letters, digits, `-` and `_`.", checkDiskTimestampMetadataKey},
	{RuleSubstitutionsKeys, []manifest.Code{manifest.InvalidManifestField}, "substitutions keys must not be empty.", checkSubstitutions},
	{RuleNotificationEmail, []manifest.Code{manifest.InvalidManifestField}, "notificationEmail is one or more bare addresses `local@domain` separated by `;`, with no empty item.", checkNotificationEmail},
	{RuleLogPrefixLength, []manifest.Code{manifest.InvalidManifestField}, "logPrefix may have at most 1008 bytes, so that the log's key fits S3's 1024-byte limit.", checkLogPrefixLength},
	{RuleAccessKeyMatches, []manifest.Code{manifest.InvalidAccessKeyID}, "accessKeyId must equal the key that signs the request (--access-key-id or AWS_ACCESS_KEY_ID), when that is given.", checkAccessKeyMatches},
	// --- end of the field rules block ---
}
