package validate

import "testing"

// The benchmarks measure the whole pipeline on one manifest (parse, kind,
// rules, schema, dedupe, sort); run them with
//
//	go test -run '^$' -bench . -benchmem ./validate
//
// and profile with -cpuprofile cpu.prof / -memprofile mem.prof.

func benchValidate(b *testing.B, src []byte) {
	b.Helper()
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	Validate("warmup.yaml", src, Options{}) // compile schemas outside the timing
	b.ResetTimer()
	for b.Loop() {
		Validate("bench.yaml", src, Options{})
	}
}

// BenchmarkValidateSmall lints a small valid manifest (0.5 KB).
func BenchmarkValidateSmall(b *testing.B) { benchValidate(b, []byte(smallManifest)) }

// BenchmarkValidateFaulty lints a small manifest with a dozen faults.
func BenchmarkValidateFaulty(b *testing.B) { benchValidate(b, []byte(faultyManifest)) }

// BenchmarkValidateLarge lints a valid export of 1,000 operations (100 KB).
func BenchmarkValidateLarge(b *testing.B) { benchValidate(b, largeManifest(1000)) }
