package rules

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
}
