package rules

import (
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

func TestLogPrefixLength(t *testing.T) {
	runFamCases(t, &logPrefixLengthRule, []famCase{
		{name: "short", kind: manifest.S3Export, src: "logPrefix: logs/\n"},
		{name: "1008 bytes is the most", kind: manifest.S3Import, src: "logPrefix: " + strings.Repeat("a", 1008) + "\n"},
		{name: "1009 bytes", kind: manifest.GlacierImport, src: "deviceId: 1\nlogPrefix: " + strings.Repeat("a", 1009) + "\n",
			want: []famWant{famErr(manifest.InvalidManifestField, "logPrefix", 2, 12, "1009 bytes", "`import-log-`", "more than 1008", "shorten logPrefix by 1 byte")}},
		{name: "export log", kind: manifest.S3Export, src: "logPrefix: " + strings.Repeat("b", 1100) + "\n",
			want: []famWant{famErr(manifest.InvalidManifestField, "logPrefix", 1, 12, "`export-log-`", "shorten logPrefix by 92 bytes")}},
		// 504 two-byte characters are 1008 bytes; 505 are 1010.
		{name: "bytes not characters", kind: manifest.EBSImport, src: "logPrefix: " + strings.Repeat("é", 505) + "\n",
			want: []famWant{famErr(manifest.InvalidManifestField, "logPrefix", 1, 12, "1010 bytes")}},
		{name: "504 two-byte characters fit", kind: manifest.EBSImport, src: "logPrefix: " + strings.Repeat("é", 504) + "\n"},
		{name: "list is the schema's", kind: manifest.S3Import, src: "logPrefix: [a]\n"},
	})
}
