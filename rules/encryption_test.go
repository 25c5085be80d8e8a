package rules

import (
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

func TestExportEncryption(t *testing.T) {
	runFamCases(t, &exportEncryptionRule, []famCase{
		{name: "password", kind: manifest.S3Export, src: "fileSystem: NTFS\ntrueCryptPassword: secret\n"},
		{name: "pin", kind: manifest.S3Export, src: "fileSystem: NTFS\npinCode: 1234\n"},
		{name: "both", kind: manifest.S3Export, src: "pinCode: 1234\ntrueCryptPassword: secret\n"},
		{name: "empty password counts as given (schema says invalid)", kind: manifest.S3Export, src: "trueCryptPassword:\n"},
		{name: "neither", kind: manifest.S3Export, src: "deviceId: 1\nfileSystem: NTFS\n",
			want: []famWant{famErr(manifest.MissingManifestField, "trueCryptPassword", 1, 1,
				"trueCryptPassword or pinCode", "every export device is encrypted", "add `trueCryptPassword:", "`pinCode:")}},
		{name: "imports need neither", kind: manifest.S3Import, src: "deviceId: 1\n"},
	})
}
