package manifest

import (
	"strings"
	"testing"
)

func TestLooksLikeManifest(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"manifestVersion: 2.0\n", true},
		{"manifestVersion:2.0\n", true},
		{"\xef\xbb\xbfmanifestVersion: 2.0\n", true},
		{"# a comment\n---\n\"manifestVersion\": 2.0\n", true},
		{"ManifestVersion: 2.0\n", true}, // misspelt, still a manifest to report
		{"{manifestVersion: 2.0, deviceId: A}\n", true},
		{"deviceId: A\nreturnAddress:\n  name: x\n", true}, // version line missing
		{"device_id: A\nerase-device: yes\n", true},
		{"bucket: [oops\nmanifestVersion: 2.0\n", true}, // a syntax error does not hide it
		{"deviceId: A\n", false},                        // one manifest key is not enough
		{"bucket: b\nprefix: p\nacl: x\n", false},       // keys other YAML uses too
		{"services:\n  web:\n    manifestVersion: 2\n", false},
		{"  manifestVersion: 2.0\n", false}, // not at the top level
		{"- manifestVersion: 2.0\n", false},
		{"version: '3'\nservices: {}\n", false},
		{"", false},
		// Old Mac line ends (CR only) and CR LF: a leading comment must not
		// hide the keys after it.
		{"# import job\rmanifestVersion: 2.0\rdeviceId: A\r", true},
		{"# import job\r\nmanifestVersion: 2.0\r\n", true},
		{"# a\rdeviceId: A\reraseDevice: yes\r", true},
		{"# a\rservices:\r  web: {}\r", false},
		// NEL, LS and PS end lines too (YAML's line breaks, manifest.Lines).
		{"# import job\u0085manifestVersion: 2.0\u0085", true},
		{"# a\u2028deviceId: A\u2029eraseDevice: yes\n", true},
		{"deviceId: A\u0085eraseDevice: yes\u2028services: {}\n", false},
	}
	for _, tt := range tests {
		if got := LooksLikeManifest([]byte(tt.src)); got != tt.want {
			t.Errorf("LooksLikeManifest(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestIsManifestName: the pre-commit hook's name pattern.
func TestIsManifestName(t *testing.T) {
	for name, want := range map[string]bool{
		"manifest.yaml": true, "a/manifest.yml": true, "x.manifest.yaml": true, "x.y.manifest.yml": true,
		"mymanifest.yaml": false, "manifest.yaml.bak": false, "manifest.json": false, "x.manifest": false,
	} {
		if got := IsManifestName(name); got != want {
			t.Errorf("IsManifestName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestDetectReasons: the verdict says why, for --verbose and the language
// server's log; the Helm values of issue 17 are not a manifest.
func TestDetectReasons(t *testing.T) {
	tests := []struct {
		name, src string
		want      bool
		reason    string
	}{
		{"jobs/manifest-hamburg.yaml", "manifestVersion: 2.0\n", true, "a top-level `manifestVersion` key (line 1)"},
		{"x.manifest.yml", "", true, "its name is manifest.yaml or *.manifest.yaml"},
		{"values.yaml", "replicaCount: 1\nimage:\n  tag: x\nlogBucket: l\nnotificationEmail: n@example.com\n", false, "`replicaCount` (line 1) is not a manifest key"},
		{"a.yaml", "deviceId: A\r\nbukcet: b\r\neraseDevice: yes\r\n", true, "the manifest keys `deviceId`, `eraseDevice` and no other"},
		{"a.yaml", "deviceId: A\n", false, "nor two keys only manifests use"},
		// Lines counted as YAML counts them (a finding's line): NEL, LS, PS.
		{"a.yaml", "\ufeff# a\u2028# b\u0085manifestVersion: 2.0\n", true, "a top-level `manifestVersion` key (line 3)"},
		{"a.yaml", "deviceId: A\u2029eraseDevice: B\u0085image: x\n", false, "`image` (line 3) is not a manifest key"},
	}
	for _, tt := range tests {
		v := Detect(tt.name, []byte(tt.src))
		if v.Manifest != tt.want || !strings.Contains(v.Reason, tt.reason) {
			t.Errorf("Detect(%q, %q) = %v %q, want %v with %q", tt.name, tt.src, v.Manifest, v.Reason, tt.want, tt.reason)
		}
	}
}

// TestDistinctKeysAreManifestKeys: the keys that vouch for a manifest are
// some of its top-level keys (TopLevelKeys, tied to the schemas), spelt
// as they are there.
func TestDistinctKeysAreManifestKeys(t *testing.T) {
	detectKeys()
	if len(distinctKeys) < 10 {
		t.Fatalf("only %d distinct keys", len(distinctKeys))
	}
	for k := range distinctKeys {
		if !topKeys[k] {
			t.Errorf("distinct key %q is no top-level manifest key", k)
		}
	}
}

// TestIsManifestVersionKey checks the allocation-free test of a
// manifestVersion key against FoldName, which Detect used before.
func TestIsManifestVersionKey(t *testing.T) {
	for _, k := range []string{"manifestVersion", "ManifestVersion", "manifest_version", "MANIFEST-VERSION",
		"manifest version", "manifestVersio", "manifestVersionX", "manifest", "", "_", "manİfestVersion",
		"mañifestVersion", "manifestversion_", "xmanifestversion", "manifest\tversion", "MANIFESTVERSION"} {
		want := FoldName(k) == "manifestversion"
		if got := isManifestVersionKey([]byte(k)); got != want {
			t.Errorf("isManifestVersionKey(%q) = %v, FoldName says %v", k, got, want)
		}
	}
}
