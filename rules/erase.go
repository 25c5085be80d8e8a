package rules

import (
	"fmt"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
)

// RuleEraseDevice is the id of the eraseDevice rule.
const RuleEraseDevice = "erase-device"

// checkEraseDevice reports `eraseDevice: no` (any letter case) in an S3,
// EBS or Glacier import: the service erases every imported device and
// requires the acknowledgement `yes` (spec §4.2). Values other than yes/no
// are the schema's yesno finding.
func checkEraseDevice(c *Context) []manifest.Finding {
	if !c.Kind.IsImport() {
		return nil
	}
	n, v, ok := scalarField(c.Root, "eraseDevice")
	if !ok || !strings.EqualFold(v, "no") {
		return nil
	}
	return []manifest.Finding{manifest.Errorf(manifest.InvalidManifestField, RuleEraseDevice, manifest.At(n), "eraseDevice",
		fmt.Sprintf("eraseDevice is `%s`, but the service erases every imported device after the import and requires `eraseDevice: yes`: set it to `yes` (copy what you need to keep off the device first).", v))}
}
