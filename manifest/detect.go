package manifest

// This file decides whether a file is a manifest: what a directory walk
// lints, and what the language server reports on.

import (
	"bytes"
	"path/filepath"
	"strings"
)

// distinctKeys are top-level manifest keys that other YAML files (compose
// files, CI workflows, pre-commit and Kubernetes configs) do not use. Keys a
// manifest shares with other YAML (bucket, prefix, ignore, acl, operations,
// generator, expires) are left out. Names are folded (FoldName) so
// that a misspelt manifest (`DeviceID`, `erase_device`) still counts.
var distinctKeys = foldSet("deviceId", "eraseDevice", "notificationEmail", "returnAddress",
	"trueCryptPassword", "pinCode", "accessKeyId", "logBucket", "logPrefix", "serviceLevel",
	"fileSystem", "recoveryDirectory", "setContentEncodingForGzFiles", "diskTimestampMetadataKey",
	"expeditedShipping", "customs", "storageClass", "staticMetadata", "contentTypes")

func foldSet(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[FoldName(k)] = true
	}
	return m
}

// DetectLimit is how much of a file the test reads: the keys that decide
// sit near the top of a manifest.
const DetectLimit = 64 << 10

// LooksLikeManifest is the test a file found by a directory walk (or listed
// by --files-from, or opened in an editor) must pass to be linted: a top-level `manifestVersion`
// key (every manifest kind requires it), or two distinct manifest keys at
// the top level (a broken manifest whose version line is missing or
// misspelt). A file named like a manifest (IsManifestName) is linted
// without this test. The test reads lines, not YAML, so that a manifest with a
// syntax error is still linted, and reports the error. A file named on the
// command line is always linted.
func LooksLikeManifest(src []byte) bool {
	if len(src) > DetectLimit {
		src = src[:DetectLimit]
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	found := map[string]bool{}
	for len(src) > 0 {
		// Lines end at LF, CR LF or a lone CR (old Mac files), as in
		// manifest's line index.
		line := src
		if i := bytes.IndexAny(src, "\r\n"); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		key := topLevelKey(line)
		if key == "" {
			continue
		}
		if key == "manifestversion" {
			return true
		}
		if distinctKeys[key] {
			found[key] = true
			if len(found) >= 2 {
				return true
			}
		}
	}
	return false
}

// topLevelKey returns the folded key of a `key: value` line that starts at
// column 1 (with or without a space after the colon, quoted or not), or "".
func topLevelKey(line []byte) string {
	if len(line) == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' {
		return ""
	}
	i := bytes.IndexByte(line, ':')
	if i <= 0 || i > 64 {
		return ""
	}
	key := bytes.Trim(bytes.TrimSpace(line[:i]), `"'{ `) // `{manifestVersion: 2.0, ...}` too
	return FoldName(string(key))
}

// IsManifestName reports whether a file's name says it is a manifest: the
// pre-commit hook's pattern, `manifest.yaml` or `*.manifest.yaml` (`.yml`
// too). Such a file found by a walk or listed by --files-from is linted
// whatever its content, so that an empty or broken manifest fails the run
// instead of being skipped as other YAML.
func IsManifestName(path string) bool {
	base := filepath.Base(path)
	for _, ext := range []string{".yaml", ".yml"} {
		if stem, ok := strings.CutSuffix(base, ext); ok {
			return stem == "manifest" || strings.HasSuffix(stem, ".manifest")
		}
	}
	return false
}
