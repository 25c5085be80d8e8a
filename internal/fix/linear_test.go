package fix

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/validate"
)

// hostileFixes build manifests of n parts that each carry a fix, aimed at
// the paths that run once per fix: applying, checking for overlaps, the
// one-at-a-time fallback. If any does work in proportion to the file for
// each fix, fixing is quadratic.
var hostileFixes = map[string]func(n int) []byte{
	// n safe insertions, applied in one pass.
	"key:value lines": func(n int) []byte {
		var b bytes.Buffer
		for i := range n {
			fmt.Fprintf(&b, "k%d:v\n", i)
		}
		return b.Bytes()
	},
	// n unused suppressions, each removed with its line.
	"unused suppressions": func(n int) []byte {
		var b bytes.Buffer
		b.WriteString("manifestVersion: 2.0\n")
		for i := range n {
			fmt.Fprintf(&b, "k%d: v # manifestlint-ignore: address-po-box -- x\n", i)
		}
		return b.Bytes()
	},
	// n keys that all fold to eraseDevice: every rename would make a
	// duplicate key, so together they break the file and the fallback
	// runs (bounded per pass).
	"clashing renames": func(n int) []byte {
		var b bytes.Buffer
		b.WriteString("manifestVersion: 2.0\nbucket: b\n")
		for i := range n {
			fmt.Fprintf(&b, "%s: yes\n", strings.Repeat("_", i%50+1)+fmt.Sprintf("erase%sdevice", strings.Repeat("_", i/50+1)))
		}
		return b.Bytes()
	},
}

func fixAllocPerByte(src []byte) float64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	Run("hostile.yaml", src, validate.Options{}, Options{Unsafe: true})
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc-before.TotalAlloc) / float64(len(src))
}

// TestFixLinearAllocation: the bytes Run allocates per input byte at 10
// times the parts stay within twice those of the smaller input (as
// validate's TestLinearAllocation, without a clock; BenchmarkFixHostile
// measures the time).
func TestFixLinearAllocation(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: fixes hostile generators at two sizes (about 4 s); run it with go test ./internal/fix -run '^TestFixLinearAllocation$'")
	}
	Run("warmup.yaml", []byte("manifestVersion:2.0\n"), validate.Options{}, Options{})
	for name, gen := range hostileFixes {
		small, large := fixAllocPerByte(gen(300)), fixAllocPerByte(gen(3000))
		t.Logf("%s: %.0f B/byte at 300 parts, %.0f B/byte at 3,000", name, small, large)
		if large > 2*small {
			t.Errorf("%s: %.0f bytes allocated per input byte at 3,000 parts, %.0f at 300: not linear", name, large, small)
		}
	}
}

// BenchmarkFixHostile times Run on each hostile input of 3,000 parts.
func BenchmarkFixHostile(b *testing.B) {
	for name, gen := range hostileFixes {
		src := gen(3000)
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				Run("hostile.yaml", src, validate.Options{}, Options{Unsafe: true})
			}
		})
	}
}
