package rules

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// Rule ids of the S3 import option rules.
const (
	RulePrefixLength             = "prefix-length"
	RuleIgnorePattern            = "ignore-pattern"
	RuleExpiresDate              = "expires-date"
	RuleContentTypes             = "content-types"
	RuleStaticMetadataHeader     = "static-metadata-header"
	RuleDiskTimestampMetadataKey = "disk-timestamp-metadata-key"
)

// prefixLengthRule is the prefix-length rule: see checkPrefixLength.
var prefixLengthRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RulePrefixLength,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidManifestField},
		Kinds:    []manifest.Kind{manifest.S3Import},
		Doc:      "An S3 import prefix may have at most 1024 bytes, S3's key limit.",
		Example: manifest.Example{Lang: "yaml",
			Note:   "a prefix of 1027 bytes",
			Before: "bucket: my-bucket\nprefix: " + strings.Repeat("backups/2016/", 79),
			After:  "bucket: my-bucket\nprefix: backups/2016/",
		},
	},
	Check: checkPrefixLength,
}

// checkPrefixLength reports an S3 import `prefix` longer than S3's key
// limit of 1024 bytes (bytes of UTF-8, not characters): every object key
// starts with it.
func checkPrefixLength(c *Context) []manifest.Finding {
	n, v, ok := scalarField(c.Root, "prefix")
	if !ok || len(v) <= s3MaxKeyBytes {
		return nil
	}
	return []manifest.Finding{c.Errorf(manifest.InvalidManifestField, c.Span(n), "prefix",
		fmt.Sprintf("prefix is %d bytes long, more than %d", len(v), s3MaxKeyBytes)).
		WithHelp(fmt.Sprintf("every object key starts with the prefix, and S3 keys have at most %d bytes: shorten it by at least %s",
			s3MaxKeyBytes, manifest.Plural(len(v)-s3MaxKeyBytes, "byte")))}
}

// ignorePatternsRule is the ignore-pattern rule: see checkIgnorePatterns.
var ignorePatternsRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleIgnorePattern,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidManifestField},
		Kinds:    []manifest.Kind{manifest.S3Import},
		Doc:      "S3 import ignore entries must be valid Java regular expressions (look-around and back-references are fine).",
		Example: manifest.Example{Lang: "yaml",
			Note:   "a glob is not a regular expression: `*` repeats what comes before it",
			Before: "bucket: my-bucket\nignore:\n  - '*.bak'",
			After:  "bucket: my-bucket\nignore:\n  - '.*\\.bak$'",
		},
	},
	Check: checkIgnorePatterns,
}

// checkIgnorePatterns reports every S3 import `ignore` entry that is not a
// valid Java regular expression (see checkJavaRegex for what is accepted:
// Java syntax that Go's RE2 lacks, such as look-around and back-references,
// is fine). Entries that are not text are the schema's.
func checkIgnorePatterns(c *Context) []manifest.Finding {
	list := manifest.Value(c.Root, "ignore")
	if !manifest.IsSequence(list) {
		return nil
	}
	var fs []manifest.Finding
	for i, e := range list.Content {
		p, ok := manifest.Text(e)
		if !ok {
			continue
		}
		if err := checkJavaRegex(p); err != nil {
			path := manifest.IndexPath("ignore", i)
			fs = append(fs, c.Errorf(manifest.InvalidManifestField, c.Span(e), path,
				fmt.Sprintf("%s %s is not a valid Java regular expression", path, manifest.Quote(p))).WithHelp(err.Msg))
		}
	}
	return fs
}

// expiresRule is the expires-date rule: see checkExpires.
var expiresRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:  RuleExpiresDate,
		Fix: "Writes the weekday of the date (unsafe: the date itself may be the mistake).",
		Fixes: []manifest.FixCase{
			{Finding: "an S3 import `expires` date whose weekday is not the date's", Does: "the date's weekday (the value is quoted, as it holds `, `)", Applicability: manifest.Unsafe, Why: "the weekday may be the part meant"},
		},
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidManifestField},
		Kinds:    []manifest.Kind{manifest.S3Import},
		Doc:      "S3 import expires must be an HTTP date such as `Thu, 01 Dec 2016 16:00:00 GMT`, with the right weekday.",
		Example: manifest.Example{Lang: "yaml",
			Before: "bucket: my-bucket\nexpires: 2016-12-01",
			After:  "bucket: my-bucket\nexpires: Thu, 01 Dec 2016 16:00:00 GMT",
		},
	},
	Check: checkExpires,
}

// checkExpires reports an S3 import `expires` that is not an HTTP date in
// the RFC 1123 form HTTP uses (`Thu, 01 Dec 2016 16:00:00 GMT`: English
// weekday and month abbreviations, a two-digit day, 24-hour time, `GMT`).
// The weekday must be the date's: a date whose weekday is wrong is
// ambiguous (which of the two did the user mean?), so it is refused, and the
// message gives the right weekday.
func checkExpires(c *Context) []manifest.Finding {
	n, v, ok := scalarField(c.Root, "expires")
	if !ok {
		return nil
	}
	bad := func(detail, help string) []manifest.Finding {
		return []manifest.Finding{c.Errorf(manifest.InvalidManifestField, c.Span(n), "expires",
			fmt.Sprintf("expires %s %s", manifest.Quote(v), detail)).WithHelp(help)}
	}
	const allowed = "write an HTTP date (RFC 1123: weekday, day, month, year, time, `GMT`) such as `Thu, 01 Dec 2016 16:00:00 GMT`"
	t, err := time.Parse(httpTimeFormat, v)
	if err != nil {
		// The layout's fields have fixed widths: a value of its length that
		// time.ParseError explains (Message) has a field out of its range
		// (31 Feb); the other error it explains is text after the date.
		if pe := (*time.ParseError)(nil); errors.As(err, &pe) && pe.Message != "" && len(v) == len(httpTimeFormat) {
			return bad("is not a date of the calendar ("+strings.TrimPrefix(pe.Message, ": ")+")", allowed)
		}
		return bad("is not an HTTP date", allowed)
	}
	if want := t.Format(httpTimeFormat); want != v {
		fs := bad("has the wrong weekday", fmt.Sprintf("%s is a %s: write `%s`", t.Format("02 Jan 2006"), t.Weekday(), want))
		// Unsafe: the weekday may be the part the user meant.
		fs[0] = fs[0].WithFix(c.setValue(n, want, manifest.Unsafe, "Write the date's weekday: `"+want+"` (or was the date wrong?)"))
		return fs
	}
	return nil
}

// contentTypesRule is the content-types rule: see checkContentTypes.
var contentTypesRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:  RuleContentTypes,
		Fix: "Removes the leading dot of an extension key (`.jpg` becomes `jpg`) (safe).",
		Fixes: []manifest.FixCase{
			{Finding: "a `contentTypes` key with a file name's dot (`.jpg`), when the key without it is absent", Does: "rename it (`jpg`)", Applicability: manifest.Safe},
		},
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidManifestField},
		Kinds:    []manifest.Kind{manifest.S3Import},
		Doc:      "S3 import contentTypes maps file extensions without a dot to media types `type/subtype`.",
		Example: manifest.Example{Lang: "yaml",
			Before: "bucket: my-bucket\ncontentTypes:\n  .jpg: image/jpeg",
			After:  "bucket: my-bucket\ncontentTypes:\n  jpg: image/jpeg",
		},
	},
	Check: checkContentTypes,
}

// checkContentTypes checks the S3 import `contentTypes` mapping: each key
// is a file extension without a dot (`jpg`, not `.jpg`; a key holding a dot
// inside, `tar.gz`, is refused too, as an extension is what follows the last
// dot of a file name), not empty and without `/`, `\` or whitespace; each
// value is a media type `type/subtype` (RFC 6838 names). Media type
// parameters (`text/plain; charset=utf-8`) are refused: the spec allows
// `type/subtype` only. A bad key is reported at the key, a bad value at the
// value; the path is `contentTypes.<key>`.
func checkContentTypes(c *Context) []manifest.Finding {
	var fs []manifest.Finding
	manifest.Pairs(manifest.Value(c.Root, "contentTypes"), func(k, v *yaml.Node) {
		key := k.Value
		path := manifest.JoinPath("contentTypes", key)
		if p := extensionProblem(key); p != "" {
			var fix *manifest.Fix
			if s := strings.TrimLeft(key, "."); strings.HasPrefix(key, ".") && s != "" && extensionProblem(s) == "" {
				// `.jpg` is `jpg` with the dot a file name puts before it.
				fix = c.renameKey(manifest.Value(c.Root, "contentTypes"), k, s, manifest.Safe)
			}
			problem, help, _ := strings.Cut(p, ": ")
			fs = append(fs, c.Errorf(manifest.InvalidManifestField, c.Span(k), path,
				fmt.Sprintf("the contentTypes key %s %s", manifest.Quote(key), problem)).WithHelp(help).WithFix(fix))
			return
		}
		val, ok := manifest.Text(v)
		if !ok || isMediaType(val) {
			return
		}
		fix := "such as `image/jpeg` or `text/plain`"
		if t, ok := commonMediaTypes[strings.ToLower(key)]; ok {
			fix = fmt.Sprintf("for `.%s` files probably `%s`", key, t)
		}
		fs = append(fs, c.Errorf(manifest.InvalidManifestField, c.Span(v), path,
			fmt.Sprintf("contentTypes.%s is %s, not a media type `type/subtype`", key, manifest.Quote(val))).
			WithHelp("write a media type without parameters, "+fix))
	})
	return fs
}

// commonMediaTypes suggests a media type for a few common extensions. It is
// a fixed table, not mime.TypeByExtension, whose answers depend on the
// machine's MIME files: a message must read the same everywhere.
var commonMediaTypes = map[string]string{
	"css": "text/css", "csv": "text/csv", "gif": "image/gif", "gz": "application/gzip",
	"htm": "text/html", "html": "text/html", "jpeg": "image/jpeg", "jpg": "image/jpeg",
	"js": "text/javascript", "json": "application/json", "mp3": "audio/mpeg", "mp4": "video/mp4",
	"pdf": "application/pdf", "png": "image/png", "svg": "image/svg+xml", "tar": "application/x-tar",
	"tif": "image/tiff", "tiff": "image/tiff", "txt": "text/plain", "wav": "audio/wav",
	"xml": "application/xml", "zip": "application/zip",
}

// extensionProblem says why key is not a file extension, or "".
func extensionProblem(key string) string {
	switch {
	case key == "":
		return "is empty: write a file extension such as `jpg`"
	case strings.HasPrefix(key, "."):
		if s := strings.TrimLeft(key, "."); s != "" && extensionProblem(s) == "" {
			return fmt.Sprintf("starts with a dot: write the extension without it, `%s`", s)
		}
		return "starts with a dot: write a file extension without the dot, such as `jpg`"
	case strings.Contains(key, "."):
		return fmt.Sprintf("holds a dot: an extension is what follows the last dot of a file name, so write `%s`", key[strings.LastIndexByte(key, '.')+1:])
	case strings.ContainsAny(key, "/\\ \t"):
		return "holds a `/`, `\\` or whitespace: write a file extension such as `jpg`"
	}
	return ""
}

// isMediaType reports whether s is `type/subtype`, each an RFC 6838
// restricted name: a letter or digit, then up to 126 of letters, digits and
// `!#$&-^_.+`.
func isMediaType(s string) bool {
	i := strings.IndexByte(s, '/')
	return i > 0 && isRestrictedName(s[:i]) && isRestrictedName(s[i+1:])
}

func isRestrictedName(s string) bool {
	if len(s) == 0 || len(s) > 127 {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		alnum := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
		if !alnum && (i == 0 || !strings.ContainsRune("!#$&-^_.+", rune(b))) {
			return false
		}
	}
	return true
}

// isHTTPToken reports whether s is an HTTP token (RFC 7230 tchar+).
func isHTTPToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		alnum := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
		if !alnum && !strings.ContainsRune("!#$%&'*+-.^_`|~", rune(b)) {
			return false
		}
	}
	return true
}

// staticMetadataRule is the static-metadata-header rule: see checkStaticMetadata.
var staticMetadataRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:  RuleStaticMetadataHeader,
		Fix: "Removes a trailing `:` and spaces from a header name (`x-amz-meta-owner:` becomes `x-amz-meta-owner`) (safe).",
		Fixes: []manifest.FixCase{
			{Finding: "a `staticMetadata` key ending in `:` (`x-amz-meta-owner:`), when the key without it is absent", Does: "rename it", Applicability: manifest.Safe},
		},
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidManifestField},
		Kinds:    []manifest.Kind{manifest.S3Import},
		Doc:      "S3 import staticMetadata keys must be HTTP header names (tokens).",
		Example: manifest.Example{Lang: "yaml",
			Before: "bucket: my-bucket\nstaticMetadata:\n  Cache Control: max-age=3600",
			After:  "bucket: my-bucket\nstaticMetadata:\n  Cache-Control: max-age=3600",
		},
	},
	Check: checkStaticMetadata,
}

// checkStaticMetadata reports every S3 import `staticMetadata` key that is
// not an HTTP header name (an RFC 7230 token: letters, digits and
// !#$%&'*+-.^_`|~, no spaces or colons), at the key.
func checkStaticMetadata(c *Context) []manifest.Finding {
	var fs []manifest.Finding
	manifest.Pairs(manifest.Value(c.Root, "staticMetadata"), func(k, _ *yaml.Node) {
		if isHTTPToken(k.Value) {
			return
		}
		fix := "use letters, digits and `-`, such as `x-amz-meta-owner`"
		var edit *manifest.Fix
		if s := strings.TrimRight(k.Value, ": "); s != k.Value && isHTTPToken(s) {
			fix = fmt.Sprintf("write `%s`", s)
			edit = c.renameKey(manifest.Value(c.Root, "staticMetadata"), k, s, manifest.Safe)
		}
		fs = append(fs, c.Errorf(manifest.InvalidManifestField, c.Span(k), manifest.JoinPath("staticMetadata", k.Value),
			fmt.Sprintf("staticMetadata key %s is invalid", manifest.Quote(k.Value))).
			WithHelp("it is not an HTTP header name, which holds letters, digits and !#$%&'*+-.^_`|~, no spaces or `:`: "+fix).WithFix(edit))
	})
	return fs
}

// diskTimestampMetadataKeyRule is the disk-timestamp-metadata-key rule: see checkDiskTimestampMetadataKey.
var diskTimestampMetadataKeyRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleDiskTimestampMetadataKey,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidManifestField},
		Kinds:    []manifest.Kind{manifest.S3Import},
		Doc:      "S3 import diskTimestampMetadataKey must be letters, digits, `-` and `_`.",
		Example: manifest.Example{Lang: "yaml",
			Before: "bucket: my-bucket\ndiskTimestampMetadataKey: disk.timestamp",
			After:  "bucket: my-bucket\ndiskTimestampMetadataKey: disk-timestamp",
		},
	},
	Check: checkDiskTimestampMetadataKey,
}

// checkDiskTimestampMetadataKey reports an S3 import
// diskTimestampMetadataKey that is empty or holds other than ASCII letters,
// digits, `-` and `_` (spec §4.2).
func checkDiskTimestampMetadataKey(c *Context) []manifest.Finding {
	n, v, ok := scalarField(c.Root, "diskTimestampMetadataKey")
	if !ok || isMetadataKeyName(v) {
		return nil
	}
	return []manifest.Finding{c.Errorf(manifest.InvalidManifestField, c.Span(n), "diskTimestampMetadataKey",
		fmt.Sprintf("diskTimestampMetadataKey %s is invalid", manifest.Quote(v))).
		WithHelp("it names an object metadata key: write one or more letters, digits, `-` and `_`, such as `disk-timestamp`")}
}

func isMetadataKeyName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_') {
			return false
		}
	}
	return true
}

// httpTimeFormat is net/http's TimeFormat, the HTTP date of RFC 9110
// (IMF-fixdate). It is spelt out here because importing net/http for one
// constant costs the browser playground's WebAssembly module 1.4 MB
// (docs/playground.md).
const httpTimeFormat = "Mon, 02 Jan 2006 15:04:05 GMT"
