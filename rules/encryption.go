package rules

import (
	"github.com/manifestlint/manifestlint/manifest"
)

// RuleExportEncryption is the id of the export encryption rule.
const RuleExportEncryption = "export-encryption"

// exportEncryptionRule is the export-encryption rule: see checkExportEncryption.
var exportEncryptionRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleExportEncryption,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.MissingManifestField},
		Kinds:    []manifest.Kind{manifest.S3Export},
		Doc:      "An S3 export needs trueCryptPassword or pinCode: every export device is encrypted.",
		Decisions: []string{
			"Both keys at once are accepted in every kind: a PIN-protected device can hold a TrueCrypt volume, and the guide does not forbid it.",
			"In the import kinds both keys are optional, as the spec's table says (C, with no condition given for imports).",
		},
		Example: manifest.Example{Lang: "yaml",
			Note:   "every export is encrypted: give trueCryptPassword, or pinCode for a hardware-encrypted device",
			Before: "fileSystem: NTFS\nlogBucket: my-logs",
			After:  "fileSystem: NTFS\nlogBucket: my-logs\ntrueCryptPassword: correct-horse-battery-staple",
		},
	},
	Check: checkExportEncryption,
}

// checkExportEncryption reports an S3 export with neither trueCryptPassword
// nor pinCode: the service encrypts every export device (spec §4.3), with
// TrueCrypt or with the PIN of a hardware-encrypted device, and needs one of
// the two. A key that is present counts even when its value is bad (empty,
// too long, a list): that is the schema's InvalidManifestFieldException, and
// reporting it missing too would be one fault twice.
func checkExportEncryption(c *Context) []manifest.Finding {
	if k, _ := manifest.Get(c.Root, "trueCryptPassword"); k != nil {
		return nil
	}
	if k, _ := manifest.Get(c.Root, "pinCode"); k != nil {
		return nil
	}
	return []manifest.Finding{c.Errorf(manifest.MissingManifestField, c.Doc.PointSpan(manifest.Pos{Line: 1, Column: 1}), "trueCryptPassword",
		"trueCryptPassword or pinCode is missing").
		WithHelp("every export device is encrypted: add `trueCryptPassword: <password of at most 64 characters>` for a TrueCrypt-encrypted device, or `pinCode: <4 to 12 digits>` for a hardware-encrypted device with a PIN")}
}
