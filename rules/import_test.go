package rules

import (
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

const famInvalid = manifest.InvalidManifestField

func TestPrefixLength(t *testing.T) {
	runFamCases(t, &prefixLengthRule, []famCase{
		{name: "short", kind: manifest.S3Import, src: "prefix: imported/\n"},
		{name: "1024 bytes", kind: manifest.S3Import, src: "prefix: " + strings.Repeat("p", 1024) + "\n"},
		{name: "1025 bytes", kind: manifest.S3Import, src: "deviceId: 1\nprefix: " + strings.Repeat("p", 1025) + "\n",
			want: []famWant{famErr(famInvalid, "prefix", 2, 9, "1025 bytes", "at most 1024 bytes", "by at least 1 byte")}},
		{name: "bytes not characters", kind: manifest.S3Import, src: "prefix: " + strings.Repeat("€", 342) + "\n",
			want: []famWant{famErr(famInvalid, "prefix", 1, 9, "1026 bytes")}},
		{name: "export prefixes are not checked", kind: manifest.S3Export, src: "prefix: " + strings.Repeat("p", 1025) + "\n"},
	})
}

func TestIgnorePatterns(t *testing.T) {
	runFamCases(t, &ignorePatternsRule, []famCase{
		{name: "valid, Java-only syntax included", kind: manifest.S3Import, src: `ignore:
  - .*\.tmp$
  - ^(?!keep/).*\.bak
  - (?<=a)b
  - (a)\1
  - a*+b
  - (?>x)
  - '[a-z&&[^b]]'
  - (?<n>x)\k<n>
`},
		{name: "unbalanced paren at entry 2", kind: manifest.S3Import, src: "deviceId: 1\nignore:\n  - a\n  - b\n  - (foo\n",
			want: []famWant{famErr(famInvalid, "ignore[2]", 5, 5, "ignore[2] `(foo` is not a valid Java regular expression", "the `(` at character 1 is never closed")}},
		{name: "several bad entries", kind: manifest.S3Import, src: "ignore:\n  - '*.tmp'\n  - 'x\\'\n  - a)\n  - '[abc'\n",
			want: []famWant{
				famErr(famInvalid, "ignore[0]", 2, 5, "quantifier `*` at character 1 has nothing before it", "write `\\*`"),
				famErr(famInvalid, "ignore[1]", 3, 5, "ends with a single `\\`"),
				famErr(famInvalid, "ignore[2]", 4, 5, "the `)` at character 2 closes no group"),
				famErr(famInvalid, "ignore[3]", 5, 5, "the `[` at character 1 is never closed"),
			}},
		{name: "flow list", kind: manifest.S3Import, src: "ignore: [ok, '+x']\n",
			want: []famWant{famErr(famInvalid, "ignore[1]", 1, 14, "`+`")}},
		{name: "non-text entries are the schema's", kind: manifest.S3Import, src: "ignore:\n  - [a]\n  - {b: c}\n"},
		{name: "ignore not a list", kind: manifest.S3Import, src: "ignore: (foo\n"},
		{name: "export is not checked", kind: manifest.S3Export, src: "ignore:\n  - (foo\n"},
	})
}

func TestExpires(t *testing.T) {
	runFamCases(t, &expiresRule, []famCase{
		{name: "spec example", kind: manifest.S3Import, src: "expires: Thu, 01 Dec 2016 16:00:00 GMT\n"},
		{name: "wrong weekday", kind: manifest.S3Import, src: "deviceId: 1\nexpires: Fri, 01 Dec 2016 16:00:00 GMT\n",
			want: []famWant{famErr(famInvalid, "expires", 2, 10, "wrong weekday", "01 Dec 2016 is a Thursday", "write `Thu, 01 Dec 2016 16:00:00 GMT`")}},
		{name: "ISO date", kind: manifest.S3Import, src: "expires: 2016-12-01T16:00:00Z\n",
			want: []famWant{famErr(famInvalid, "expires", 1, 10, "`2016-12-01T16:00:00Z` is not an HTTP date", "`Thu, 01 Dec 2016 16:00:00 GMT`")}},
		{name: "one-digit day", kind: manifest.S3Import, src: "expires: Thu, 1 Dec 2016 16:00:00 GMT\n",
			want: []famWant{famErr(famInvalid, "expires", 1, 10, "not an HTTP date")}},
		{name: "UTC instead of GMT", kind: manifest.S3Import, src: "expires: Thu, 01 Dec 2016 16:00:00 UTC\n",
			want: []famWant{famErr(famInvalid, "expires", 1, 10, "not an HTTP date")}},
		{name: "day out of range", kind: manifest.S3Import, src: "expires: Tue, 31 Feb 2016 16:00:00 GMT\n",
			want: []famWant{famErr(famInvalid, "expires", 1, 10, "not a date of the calendar", "day out of range")}},
		{name: "hour out of range", kind: manifest.S3Import, src: "expires: Thu, 01 Dec 2016 25:00:00 GMT\n",
			want: []famWant{famErr(famInvalid, "expires", 1, 10, "not a date of the calendar", "hour out of range")}},
		{name: "text after the date", kind: manifest.S3Import, src: "expires: Thu, 01 Dec 2016 16:00:00 GMT+1\n",
			want: []famWant{famErr(famInvalid, "expires", 1, 10, "`Thu, 01 Dec 2016 16:00:00 GMT+1` is not an HTTP date")}},
		{name: "empty", kind: manifest.S3Import, src: "expires:\n",
			want: []famWant{famErr(famInvalid, "expires", 1, 9, "not an HTTP date")}},
		{name: "export is not checked", kind: manifest.S3Export, src: "expires: soon\n"},
	})
}

func TestContentTypes(t *testing.T) {
	runFamCases(t, &contentTypesRule, []famCase{
		{name: "fine", kind: manifest.S3Import, src: "contentTypes:\n  jpg: image/jpeg\n  svg: image/svg+xml\n  JPG: image/jpeg\n  docx: application/vnd.openxmlformats-officedocument.wordprocessingml.document\n"},
		{name: "leading dot", kind: manifest.S3Import, src: "contentTypes:\n  .jpg: image/jpeg\n",
			want: []famWant{famErr(famInvalid, `contentTypes[".jpg"]`, 2, 3, "key `.jpg` starts with a dot", "without it, `jpg`")}},
		{name: "inner dot", kind: manifest.S3Import, src: "contentTypes:\n  tar.gz: application/gzip\n",
			want: []famWant{famErr(famInvalid, `contentTypes["tar.gz"]`, 2, 3, "holds a dot", "write `gz`")}},
		{name: "empty key", kind: manifest.S3Import, src: "contentTypes:\n  '': text/plain\n",
			want: []famWant{famErr(famInvalid, `contentTypes[""]`, 2, 3, "is empty")}},
		{name: "bad media type", kind: manifest.S3Import, src: "contentTypes:\n  jpg: jpeg\n  txt: text/plain; charset=utf-8\n  x: /y\n",
			want: []famWant{
				famErr(famInvalid, "contentTypes.jpg", 2, 8, "contentTypes.jpg is `jpeg`, not a media type `type/subtype`", "for `.jpg` files probably `image/jpeg`"),
				famErr(famInvalid, "contentTypes.txt", 3, 8, "without parameters"),
				famErr(famInvalid, "contentTypes.x", 4, 6, "`/y`"),
			}},
		{name: "value not text is the schema's", kind: manifest.S3Import, src: "contentTypes:\n  jpg: [image/jpeg]\n"},
		{name: "not a mapping is the schema's", kind: manifest.S3Import, src: "contentTypes: .jpg\n"},
		{name: "export is not checked", kind: manifest.S3Export, src: "contentTypes:\n  .jpg: x\n"},
	})
}

func TestStaticMetadata(t *testing.T) {
	runFamCases(t, &staticMetadataRule, []famCase{
		{name: "fine", kind: manifest.S3Import, src: "staticMetadata:\n  x-amz-meta-owner: me\n  Cache_Control.v2: x\n"},
		{name: "space", kind: manifest.S3Import, src: "staticMetadata:\n  x-amz-meta-owner: me\n  my header: v\n",
			want: []famWant{famErr(famInvalid, `staticMetadata["my header"]`, 3, 3, "key `my header` is invalid: it is not an HTTP header name")}},
		{name: "trailing colon", kind: manifest.S3Import, src: "staticMetadata:\n  'x-owner:': v\n",
			want: []famWant{famErr(famInvalid, "staticMetadata.x-owner:", 2, 3, "write `x-owner`")}},
		{name: "empty", kind: manifest.S3Import, src: "staticMetadata:\n  '': v\n",
			want: []famWant{famErr(famInvalid, `staticMetadata[""]`, 2, 3, "not an HTTP header name")}},
		{name: "export is not checked", kind: manifest.S3Export, src: "staticMetadata:\n  'a b': v\n"},
	})
}

func TestDiskTimestampMetadataKey(t *testing.T) {
	runFamCases(t, &diskTimestampMetadataKeyRule, []famCase{
		{name: "fine", kind: manifest.S3Import, src: "diskTimestampMetadataKey: disk_time-stamp2\n"},
		{name: "dot", kind: manifest.S3Import, src: "diskTimestampMetadataKey: disk.time\n",
			want: []famWant{famErr(famInvalid, "diskTimestampMetadataKey", 1, 27, "`disk.time`", "letters, digits, `-` and `_`")}},
		{name: "empty", kind: manifest.S3Import, src: "diskTimestampMetadataKey:\n",
			want: []famWant{famErr(famInvalid, "diskTimestampMetadataKey", 1, 26, "one or more")}},
		{name: "export is not checked", kind: manifest.S3Export, src: "diskTimestampMetadataKey: a b\n"},
	})
}
