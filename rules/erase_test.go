package rules

import (
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

func TestEraseDevice(t *testing.T) {
	runFamCases(t, &eraseDeviceRule, []famCase{
		{name: "yes", kind: manifest.S3Import, src: "eraseDevice: yes\n"},
		{name: "YES any case", kind: manifest.EBSImport, src: "eraseDevice: YES\n"},
		{name: "no in S3 import", kind: manifest.S3Import, src: "deviceId: 1\neraseDevice: no\n",
			want: []famWant{famErr(manifest.InvalidManifestField, "eraseDevice", 2, 14, "eraseDevice is `no`", "requires `eraseDevice: yes`")}},
		{name: "No in Glacier import", kind: manifest.GlacierImport, src: "eraseDevice: No\n",
			want: []famWant{famErr(manifest.InvalidManifestField, "eraseDevice", 1, 14, "eraseDevice is `No`")}},
		{name: "NO in EBS import", kind: manifest.EBSImport, src: "eraseDevice: 'NO'\n",
			want: []famWant{famErr(manifest.InvalidManifestField, "eraseDevice", 1, 14, "`NO`")}},
		{name: "export has no eraseDevice", kind: manifest.S3Export, src: "eraseDevice: no\n"},
		{name: "true is not the acknowledgement", kind: manifest.S3Import, src: "eraseDevice: true\n",
			want: []famWant{famErr(manifest.InvalidManifestField, "eraseDevice", 1, 14, "eraseDevice is `true`", "requires `eraseDevice: yes`")}},
		{name: "empty", kind: manifest.S3Import, src: "eraseDevice:\n",
			want: []famWant{famErr(manifest.InvalidManifestField, "eraseDevice", 1, 13, "eraseDevice is empty")}},
		{name: "list is the schema's", kind: manifest.S3Import, src: "eraseDevice: [no]\n"},
		{name: "absent", kind: manifest.S3Import, src: "deviceId: 1\n"},
	})
}
