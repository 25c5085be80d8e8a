package manifest

// This file decides whether a file is a manifest by its name and content:
// the one test of the directory walk, --files-from, --only-manifests (the
// pre-commit hooks) and the language server. config.Selector adds the
// configuration file's include and exclude to it.

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// The key sets of the manifest test, made on its first use (detectKeys): a
// file named on the command line is linted without the test, and a
// one-file run would build them for nothing.
var (
	detectKeysOnce sync.Once
	// topKeys are TopLevelKeys folded (FoldName), and `expeditedShipping`,
	// a serviceLevel value often written as a key of its own.
	topKeys map[string]bool
	// distinctKeys are top-level manifest keys that other YAML files
	// (compose files, CI workflows, Helm values, Kubernetes objects)
	// rarely use. Keys a manifest shares with other YAML (bucket, prefix,
	// ignore, acl, operations, generator, expires) are left out. Names are
	// folded (FoldName) so that a misspelt manifest (`DeviceID`,
	// `erase_device`) still counts.
	distinctKeys map[string]bool
	// topKeyNames are TopLevelKeys as written, for the near-miss test of
	// foreignKey.
	topKeyNames *Candidates
)

// detectKeys makes topKeys, distinctKeys and topKeyNames, once.
func detectKeys() {
	detectKeysOnce.Do(func() {
		topKeys = foldSet(append([]string{"expeditedShipping"}, TopLevelKeys...)...)
		distinctKeys = foldSet("deviceId", "eraseDevice", "notificationEmail", "returnAddress",
			"trueCryptPassword", "pinCode", "accessKeyId", "logBucket", "logPrefix", "serviceLevel",
			"fileSystem", "recoveryDirectory", "setContentEncodingForGzFiles", "diskTimestampMetadataKey",
			"expeditedShipping", "customs", "storageClass", "staticMetadata", "contentTypes")
		topKeyNames = NewCandidates(TopLevelKeys)
	})
}

func foldSet(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[FoldName(k)] = true
	}
	return m
}

// DetectLimit is how much of a file Detect reads: the keys that decide sit
// near the top of a manifest.
const DetectLimit = 64 << 10

// Verdict is what Detect decided about a file, and why.
type Verdict struct {
	// Manifest is true for a file to lint.
	Manifest bool
	// ByContent is true when the content decided (not the name).
	ByContent bool
	// Reason says why, for --verbose and the language server's log:
	// "named like a manifest (*.manifest.yaml)", "a top-level
	// manifestVersion key (line 1)", "no top-level manifestVersion key, and
	// `image` (line 3) is not a manifest key".
	Reason string
}

// Detect decides whether a file is a manifest, from its name (may be "")
// and the first DetectLimit bytes of its text. A file is a manifest when:
//
//   - its name is manifest.yaml or *.manifest.yaml (.yml too: IsManifestName);
//   - or its text has a top-level `manifestVersion` key (every manifest
//     kind requires it; `ManifestVersion` and `manifest_version` count);
//   - or, for a manifest whose version line is missing or misspelt, it has
//     two or more top-level keys only manifests use (deviceId, eraseDevice,
//     logBucket, notificationEmail, returnAddress, ...) and no top-level key
//     a manifest never has: every top-level key is a manifest key, or a near
//     miss of one (`bukcet`), so that a Helm values file with `logBucket` and
//     `notificationEmail` beside `image` and `replicaCount` is not linted.
//
// The test reads lines, not YAML, so that a manifest with a syntax error is
// still linted, and reports the error. The configuration file's include and
// exclude come on top (config.Selector).
func Detect(name string, src []byte) Verdict {
	if name != "" && IsManifestName(name) {
		return Verdict{Manifest: true, Reason: "its name is manifest.yaml or *.manifest.yaml"}
	}
	if len(src) > DetectLimit {
		src = src[:DetectLimit]
	}
	detectKeys()
	var distinct []string
	foreign, foreignLine := "", 0
	for n, line := range yamlLines(src) { // YAML's line breaks, after a byte order mark
		k := topLevelKeyText(line)
		if k == nil {
			continue
		}
		if isManifestVersionKey(k) {
			return Verdict{Manifest: true, ByContent: true, Reason: "a top-level `" + escapeKey(string(k)) + "` key (line " + strconv.Itoa(n) + ")"}
		}
		raw, key := escapeKey(string(k)), FoldName(string(k))
		switch {
		case distinctKeys[key]:
			if len(distinct) < 3 && !containsFold(distinct, key) {
				distinct = append(distinct, raw)
			}
		case foreign == "" && foreignKey(raw, key):
			foreign, foreignLine = raw, n
		}
	}
	switch {
	case len(distinct) < 2:
		return Verdict{ByContent: true, Reason: "no top-level manifestVersion key, nor two keys only manifests use (deviceId, eraseDevice, logBucket, returnAddress, ...)"}
	case foreign != "":
		return Verdict{ByContent: true, Reason: fmt.Sprintf("no top-level manifestVersion key, and `%s` (line %d) is not a manifest key", foreign, foreignLine)}
	}
	return Verdict{Manifest: true, ByContent: true, Reason: fmt.Sprintf("no manifestVersion key, but the manifest keys %s and no other", strings.Join(quoteAll(distinct), ", "))}
}

// LooksLikeManifest is Detect on a text alone.
func LooksLikeManifest(src []byte) bool { return Detect("", src).Manifest }

// foreignKey reports whether a top-level key is one a manifest never has:
// not a manifest key, nor a common synonym or a near miss of one (a typo in
// a manifest is still a manifest, whose typo is reported).
func foreignKey(raw, folded string) bool {
	if topKeys[folded] {
		return false
	}
	return topKeyNames.Closest(raw) == ""
}

func containsFold(list []string, folded string) bool {
	for _, s := range list {
		if FoldName(s) == folded {
			return true
		}
	}
	return false
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = "`" + s + "`"
	}
	return out
}

// topLevelKeyText returns the key of a `key: value` line that starts at
// column 1 (with or without a space after the colon, quoted or not), or
// nil.
func topLevelKeyText(line []byte) []byte {
	if len(line) == 0 || line[0] == ' ' || line[0] == '\t' || line[0] == '#' || line[0] == '-' {
		return nil
	}
	i := bytes.IndexByte(line, ':')
	if i <= 0 || i > 64 {
		return nil
	}
	key := bytes.Trim(bytes.TrimSpace(line[:i]), `"'{ `) // `{manifestVersion: 2.0, ...}` too
	if len(key) == 0 {
		return nil
	}
	return key
}

// isManifestVersionKey reports whether FoldName(key) is "manifestversion",
// without allocating for an ASCII key (the first line of most manifests).
func isManifestVersionKey(key []byte) bool {
	for _, c := range key {
		if c >= 0x80 {
			return FoldName(string(key)) == "manifestversion"
		}
	}
	return foldedEqual(key, "manifestversion")
}

// escapeKey keeps a key printable in a reason: control characters are
// dropped.
func escapeKey(k string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '`' {
			return -1
		}
		return r
	}, k)
}

// IsManifestName reports whether a file's name says it is a manifest:
// `manifest.yaml` or `*.manifest.yaml` (`.yml` too). Such a file is
// linted whatever its content, so that an empty or broken manifest fails
// the run instead of being skipped as other YAML.
func IsManifestName(path string) bool {
	base := filepath.Base(path)
	for _, ext := range []string{".yaml", ".yml"} {
		if stem, ok := strings.CutSuffix(base, ext); ok {
			return stem == "manifest" || strings.HasSuffix(stem, ".manifest")
		}
	}
	return false
}
