package rules

// All lists every rule, in the order they run, grouped by the file that
// holds them. It also feeds `explain` and SARIF's rule list (with the
// parser's and the schema's rules, through validate.Rules).
var All = []*Rule{
	// address.go: returnAddress and serviceLevel
	&addressCountryRule,
	&addressUSCARequiredRule,
	&addressStateRule,
	&addressPostalCodeRule,
	&addressPhoneRule,
	&addressPOBoxRule,
	&addressEURegionRule,
	&serviceLevelExpeditedRule,
	// customs.go
	&customsRequiredRule,
	&customsCountryRule,
	&customsEncryptionClassificationRule,
	// erase.go
	&eraseDeviceRule,
	// buckets.go
	&bucketDNSNamesRule,
	&bucketsExistRule,
	&bucketRegionsRule,
	// regions.go
	&operationsRegionsRule,
	&jobRegionMismatchRule,
	// export.go
	&exportDirectoriesRule,
	&emptyExportRangeRule,
	// encryption.go
	&exportEncryptionRule,
	// import.go: S3 import options
	&prefixLengthRule,
	&ignorePatternsRule,
	&expiresRule,
	&contentTypesRule,
	&staticMetadataRule,
	&diskTimestampMetadataKeyRule,
	// substitutions.go
	&substitutionsRule,
	// notification.go
	&notificationEmailRule,
	// logging.go
	&logPrefixLengthRule,
	// access_key.go
	&accessKeyMatchesRule,
	// placeholder.go
	&placeholderValueRule,
}
