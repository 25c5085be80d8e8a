package rules

import (
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
)

// RuleEraseDevice is the id of the eraseDevice rule.
const RuleEraseDevice = "erase-device"

// importKinds are the three import kinds.
var importKinds = []manifest.Kind{manifest.S3Import, manifest.EBSImport, manifest.GlacierImport}

// eraseDeviceRule is the erase-device rule: see checkEraseDevice.
var eraseDeviceRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:  RuleEraseDevice,
		Fix: "Sets eraseDevice to `yes` (unsafe: the device will be erased).",
		Fixes: []manifest.FixCase{
			{Finding: "`eraseDevice` other than `yes`", Does: "`yes`", Applicability: manifest.Unsafe, Why: "the device will be erased"},
		},
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidManifestField},
		Kinds:    importKinds,
		Doc:      "eraseDevice must be `yes` in every import kind: the service erases every imported device.",
		Example: manifest.Example{Lang: "yaml",
			Note:   "the service erases every imported device and requires the acknowledgement",
			Before: "eraseDevice: no",
			After:  "eraseDevice: yes",
		},
	},
	Check: checkEraseDevice,
}

// checkEraseDevice reports an eraseDevice other than `yes` (any letter
// case) in an S3, EBS or Glacier import: the service erases every imported
// device and requires the acknowledgement `yes` (spec §4.2). The schema's
// generic yesno finding would suggest `no` too, so the rule (which runs
// first and wins the (path, code) tie) covers `true`, `off` and an empty
// value as well. A list or mapping is the schema's type finding.
func checkEraseDevice(c *Context) []manifest.Finding {
	n, v, ok := scalarField(c.Root, "eraseDevice")
	if !ok || strings.EqualFold(v, "yes") {
		return nil
	}
	found := "eraseDevice is " + manifest.Quote(v)
	if v == "" {
		found = "eraseDevice is empty"
	}
	return []manifest.Finding{c.Errorf(manifest.InvalidManifestField, c.Span(n), "eraseDevice",
		found+", but the service requires `eraseDevice: yes`").
		WithHelp(manifest.EraseDeviceWhy + ": set it to `yes` (copy what you need to keep off the device first)").
		// Unsafe: the device will be erased.
		WithFix(c.setValue(n, "yes", manifest.Unsafe, "Set eraseDevice to `yes` (the device will be erased)"))}
}
