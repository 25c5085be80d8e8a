package validate

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// hostileGenerators build manifests of n repeated parts, each aimed at a
// path that runs once per key, line, finding or comment: if any of them
// does work proportional to the file for each part, the whole is quadratic.
var hostileGenerators = map[string]func(n int) []byte{
	"unknown top-level keys": hostileKeys,
	"key:value lines":        hostileNoSpace,
	"unknown nested keys":    hostileNested,
	"nested key:value lines": func(n int) []byte {
		var b bytes.Buffer
		b.WriteString(smallManifest + "customs:\n")
		for i := range n {
			fmt.Fprintf(&b, "  k%d:v\n", i)
		}
		return b.Bytes()
	},
	"operations entries with import-only keys": func(n int) []byte {
		var b bytes.Buffer
		b.WriteString("manifestVersion: 1.0\nfileSystem: NTFS\noperations:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - exportBucket: b\n    vaultName: v%d\n", i)
		}
		return b.Bytes()
	},
	"one flow mapping": func(n int) []byte {
		var b bytes.Buffer
		b.WriteString("{")
		for i := range n {
			fmt.Fprintf(&b, "k%d: v, ", i)
		}
		b.WriteString("manifestVersion: 2.0}\n")
		return b.Bytes()
	},
	"a suppression on every line": func(n int) []byte {
		var b bytes.Buffer
		for i := range n {
			fmt.Fprintf(&b, "k%d: v # manifestlint-ignore: unknown-field, x%d -- test\n", i, i)
		}
		return b.Bytes()
	},
	"file suppressions": func(n int) []byte {
		var b bytes.Buffer
		for i := range n {
			fmt.Fprintf(&b, "# manifestlint-ignore-file: unknown-field, x%d -- test\n", i)
		}
		for i := range n {
			fmt.Fprintf(&b, "k%d: v\n", i)
		}
		return b.Bytes()
	},
	"one chain of nested mappings": func(n int) []byte {
		return []byte("manifestVersion: 2.0\ngenerator: " + strings.Repeat("{a: ", n) + "x" + strings.Repeat("}", n) + "\n")
	},
	"a long list": func(n int) []byte {
		return []byte(smallManifest + "operations:\n" + strings.Repeat("  - x\n", n))
	},
}

// allocPerByte is the number of bytes Validate allocates per byte of src.
func allocPerByte(src []byte) float64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	Validate("hostile.yaml", src, Options{})
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc-before.TotalAlloc) / float64(len(src))
}

// TestLinearAllocation is the property that work per byte stays bounded,
// measured without a clock: for each generator, the bytes allocated per
// input byte at 10 times the size stay within twice those of the smaller
// input. A path that allocates for each part in proportion to the number
// of parts (a path string per visited key, an index per entry) fails it.
// Speed itself is measured by the Hostile benchmarks.
func TestLinearAllocation(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: lints nine hostile generators at two sizes, up to 5,000 parts (about 16 s); run it with go test ./validate -run '^TestLinearAllocation$'")
	}
	Validate("warmup.yaml", hostileKeys(10), Options{}) // compile the schemas
	for name, gen := range hostileGenerators {
		small, large := allocPerByte(gen(500)), allocPerByte(gen(5000))
		t.Logf("%s: %.0f B/byte at 500 parts, %.0f B/byte at 5,000", name, small, large)
		if large > 2*small {
			t.Errorf("%s: %.0f bytes allocated per input byte at 5,000 parts, %.0f at 500: not linear", name, large, small)
		}
	}
}

// TestNoUnusedSuppressionInScalars: suppression-like text inside a
// multi-line scalar is content: no unused-suppression warning for it.
func TestNoUnusedSuppressionInScalars(t *testing.T) {
	src := smallManifest + "customs:\n  description: |\n    # manifestlint-ignore: address-po-box -- text of the description\n    more text\n"
	for _, f := range Validate("m.yaml", []byte(src), Options{}).Findings {
		if f.Rule == "unused-suppression" || f.Rule == "suppression-without-reason" {
			t.Errorf("a finding about a suppression inside a block scalar: %s", f.Text())
		}
	}
}

// FuzzLinearWork looks for inputs whose work per byte grows with their
// size: the fuzzer picks a fragment (a line, a key, a flow item, a
// comment), repeated 100 and 1,000 times after a valid manifest, and the
// allocations per input byte of the larger must stay within three times
// those of the smaller. The seeds are the shapes that were quadratic.
func FuzzLinearWork(f *testing.F) {
	for _, s := range []string{"k%d: v\n", "k%d:v\n", "  k%d: v\n", "- x\n", "# manifestlint-ignore: x -- y\n", "{a: ", "k%d: v # manifestlint-ignore: unknown-field -- z\n"} {
		f.Add(s)
	}
	Validate("warmup.yaml", hostileKeys(10), Options{})
	f.Fuzz(func(t *testing.T, unit string) {
		if unit == "" || len(unit) > 64 {
			return
		}
		build := func(n int) []byte {
			var b bytes.Buffer
			b.WriteString(smallManifest + "customs:\n")
			for i := range n {
				b.WriteString(strings.ReplaceAll(unit, "%d", strconv.Itoa(i)))
			}
			return b.Bytes()
		}
		small, large := build(100), build(1000)
		per := func(src []byte) float64 {
			return testing.AllocsPerRun(1, func() { Validate("f.yaml", src, Options{}) }) / float64(len(src))
		}
		if ps, pl := per(small), per(large); pl > 3*ps+0.01 {
			t.Errorf("unit %q: %.3f allocations per byte at 1,000 repeats, %.3f at 100", unit, pl, ps)
		}
	})
}
