package cli

// This file decides which files a directory walk lints: the ones that look
// like manifests.

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
)

// distinctKeys are top-level manifest keys that other YAML files (compose
// files, CI workflows, pre-commit and Kubernetes configs) do not use. Keys a
// manifest shares with other YAML (bucket, prefix, ignore, acl, operations,
// generator, expires) are left out. Names are folded (manifest.FoldName) so
// that a misspelt manifest (`DeviceID`, `erase_device`) still counts.
var distinctKeys = foldSet("deviceId", "eraseDevice", "notificationEmail", "returnAddress",
	"trueCryptPassword", "pinCode", "accessKeyId", "logBucket", "logPrefix", "serviceLevel",
	"fileSystem", "recoveryDirectory", "setContentEncodingForGzFiles", "diskTimestampMetadataKey",
	"expeditedShipping", "customs", "storageClass", "staticMetadata", "contentTypes")

func foldSet(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[manifest.FoldName(k)] = true
	}
	return m
}

// detectLimit is how much of a file the test reads: the keys that decide
// sit near the top of a manifest.
const detectLimit = 64 << 10

// looksLikeManifest is the test a file found by a directory walk (or listed
// by --files-from) must pass to be linted: a top-level `manifestVersion`
// key (every manifest kind requires it), or two distinct manifest keys at
// the top level (a broken manifest whose version line is missing or
// misspelt). A file named like a manifest (isManifestName) is linted
// without this test. The test reads lines, not YAML, so that a manifest with a
// syntax error is still linted, and reports the error. A file named on the
// command line is always linted.
func looksLikeManifest(src []byte) bool {
	if len(src) > detectLimit {
		src = src[:detectLimit]
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
	return manifest.FoldName(string(key))
}

// isManifestName reports whether a file's name says it is a manifest: the
// pre-commit hook's pattern, `manifest.yaml` or `*.manifest.yaml` (`.yml`
// too). Such a file found by a walk or listed by --files-from is linted
// whatever its content, so that an empty or broken manifest fails the run
// instead of being skipped as other YAML.
func isManifestName(path string) bool {
	base := filepath.Base(path)
	for _, ext := range []string{".yaml", ".yml"} {
		if stem, ok := strings.CutSuffix(base, ext); ok {
			return stem == "manifest" || strings.HasSuffix(stem, ".manifest")
		}
	}
	return false
}

// headLooksLikeManifest applies looksLikeManifest to the first detectLimit
// bytes of a file too large to read whole; a file that cannot be read
// counts as a manifest, so that its error is reported.
func headLooksLikeManifest(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	head := make([]byte, detectLimit)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return true
	}
	return looksLikeManifest(head[:n])
}
