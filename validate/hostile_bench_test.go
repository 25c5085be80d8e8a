package validate

import (
	"bytes"
	"fmt"
	"testing"
)

// hostileKeys is a manifest of n top-level `kN: v` keys, none a manifest
// field: n unknown keys at the root.
func hostileKeys(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	return b.Bytes()
}

// hostileNoSpace is n `kN:v` lines (no space after the colon): each is
// rewritten and warned about.
func hostileNoSpace(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "k%d:v\n", i)
	}
	return b.Bytes()
}

// hostileNested is a valid manifest whose returnAddress holds n unknown
// keys: a nested mapping the schema checks key by key.
func hostileNested(n int) []byte {
	var b bytes.Buffer
	b.WriteString(smallManifest)
	b.WriteString("customs:\n")
	for i := range n {
		fmt.Fprintf(&b, "  k%d: v\n", i)
	}
	return b.Bytes()
}

// The hostile benchmarks lint 100,000-line manifests built to hit every
// per-key path: time and allocation per byte must stay those of a small
// file (linear time). Run them with
//
//	go test -run '^$' -bench Hostile -benchmem ./validate

// BenchmarkHostileKeys100k: 100,000 unknown top-level keys (1.3 MB).
func BenchmarkHostileKeys100k(b *testing.B) { benchValidate(b, hostileKeys(100_000)) }

// BenchmarkHostileNoSpace100k: 100,000 `key:value` lines (1.2 MB).
func BenchmarkHostileNoSpace100k(b *testing.B) { benchValidate(b, hostileNoSpace(100_000)) }

// BenchmarkHostileNested100k: 100,000 unknown keys in one nested mapping.
func BenchmarkHostileNested100k(b *testing.B) { benchValidate(b, hostileNested(100_000)) }

// BenchmarkHostileValidKeys100k: a valid S3 export of 20,000 operations
// entries of 5 keys each (100,000 known keys, 2.2 MB): the path of a large
// file without a finding.
func BenchmarkHostileValidKeys100k(b *testing.B) { benchValidate(b, largeManifest(20_000)) }
