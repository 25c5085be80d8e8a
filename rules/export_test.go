package rules

import (
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

func TestExportDirectories(t *testing.T) {
	const ie = manifest.InvalidManifestField
	runFamCases(t, &exportDirectoriesRule, []famCase{
		{name: "relative", kind: manifest.S3Export, src: "recoveryDirectory: LostAndFound\noperations:\n  - targetDirectory: myexport/stuff\n  - targetDirectory: ./a/b\n"},
		{name: "dots in names are fine", kind: manifest.S3Export, src: "recoveryDirectory: ..hidden/x..y\n"},
		{name: "absolute recovery", kind: manifest.S3Export, src: "deviceId: 1\nrecoveryDirectory: /LostAndFound\n",
			want: []famWant{famErr(ie, "recoveryDirectory", 2, 20, "recoveryDirectory is an absolute path", "write it relative to the root of the export device: `LostAndFound`")}},
		{name: "climbing recovery", kind: manifest.S3Export, src: "recoveryDirectory: lost/../../x\n",
			want: []famWant{famErr(ie, "recoveryDirectory", 1, 20, "has a `..` segment")}},
		{name: "backslash climbing", kind: manifest.S3Export, src: "recoveryDirectory: 'lost\\..'\n",
			want: []famWant{famErr(ie, "recoveryDirectory", 1, 20, "`..` segment")}},
		{name: "drive letter", kind: manifest.S3Export, src: "recoveryDirectory: 'C:\\lost'\n",
			want: []famWant{famErr(ie, "recoveryDirectory", 1, 20, "absolute Windows path", "recoveryDirectory is an absolute Windows path")}},
		{name: "empty recovery", kind: manifest.S3Export, src: "recoveryDirectory:\n",
			want: []famWant{famErr(ie, "recoveryDirectory", 1, 19, "is empty", "remove the field to use the default")}},
		{name: "absolute target", kind: manifest.S3Export, src: "operations:\n  - exportBucket: b\n    targetDirectory: /export\n",
			want: []famWant{famErr(ie, "operations[0].targetDirectory", 3, 22, "operations[0].targetDirectory is an absolute path", "`export`")}},
		{name: "root only", kind: manifest.S3Export, src: "recoveryDirectory: /\n",
			want: []famWant{famErr(ie, "recoveryDirectory", 1, 20, "absolute path", "such as `LostAndFound`")}},
		{name: "imports are not checked", kind: manifest.S3Import, src: "recoveryDirectory: /x\n"},
		{name: "list is the schema's", kind: manifest.S3Export, src: "recoveryDirectory: [/x]\n"},
	})
}

func TestEmptyExportRange(t *testing.T) {
	runFamCases(t, &emptyExportRangeRule, []famCase{
		{name: "guide example", kind: manifest.S3Export, src: "operations:\n  - exportBucket: b\n    beginMarker: images/starwars\n    endMarker: images/xena\n"},
		{name: "begin only", kind: manifest.S3Export, src: "operations:\n  - beginMarker: z\n"},
		{name: "empty end means no end", kind: manifest.S3Export, src: "operations:\n  - beginMarker: z\n    endMarker:\n"},
		{name: "after", kind: manifest.S3Export, src: "operations:\n  - exportBucket: b\n  - beginMarker: images/xena\n    endMarker: images/starwars\n",
			want: []famWant{famWarn("operations[1].endMarker", 4, 16, "operations[1] exports nothing (beginMarker is not before endMarker): beginMarker `images/xena` is after endMarker `images/starwars`", "exports nothing", "swap the markers")}},
		{name: "equal", kind: manifest.S3Export, src: "operations:\n  - beginMarker: a\n    endMarker: a\n",
			want: []famWant{famWarn("operations[0].endMarker", 3, 16, "is equal to endMarker")}},
		{name: "byte-wise: uppercase sorts first", kind: manifest.S3Export, src: "operations:\n  - beginMarker: a\n    endMarker: B\n",
			want: []famWant{famWarn("operations[0].endMarker", 3, 16, "byte by byte")}},
		{name: "imports are not checked", kind: manifest.S3Import, src: "operations:\n  - beginMarker: b\n    endMarker: a\n"},
	})
}
