//go:build unix

package validate

import (
	"syscall"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// BenchmarkParseFloorCorpus is bench/parsefloor's work on the same files
// as BenchmarkValidateCorpus: yaml.Unmarshal of each into a yaml.Node.
func BenchmarkParseFloorCorpus(b *testing.B) {
	_, data := corpusFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		parseFloor(data)
	}
}

// BenchmarkCorpusRatio times Validate and the parse floor on the same
// files in one process, alternating which goes first, and reports the
// ratio of their summed CPU times (x-floor-cpu, user + system of the
// process, the collector's work included) and wall times (x-floor-wall):
// the numbers issue 22's goal is stated in, without a second process's
// noise. CPU time is the steadier of the two on a busy machine, where the
// wall clock also counts the time spent waiting for a core. Validate runs
// once on every file before the timing (schemas compiled, patterns built).
//
//	go test -run '^$' -bench CorpusRatio -count 5 ./validate
func BenchmarkCorpusRatio(b *testing.B) {
	files, data := corpusFiles(b)
	lint := func() {
		for i, d := range data {
			Validate(files[i], d, Options{})
		}
	}
	lint()
	floor := func() { parseFloor(data) }
	var tv, tf, cv, cf time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		first, second := lint, floor
		if i%2 == 1 {
			first, second = floor, lint
		}
		w1, c1 := since(b, first)
		w2, c2 := since(b, second)
		if i%2 == 1 {
			w1, c1, w2, c2 = w2, c2, w1, c1
		}
		tv, cv, tf, cf = tv+w1, cv+c1, tf+w2, cf+c2
	}
	b.ReportMetric(float64(cv)/float64(cf), "x-floor-cpu")
	b.ReportMetric(float64(tv)/float64(tf), "x-floor-wall")
	b.ReportMetric(float64(cv.Milliseconds())/float64(b.N), "validate-cpu-ms/op")
	b.ReportMetric(float64(cf.Milliseconds())/float64(b.N), "floor-cpu-ms/op")
}

// parseFloor parses every file into a yaml.Node, as bench/parsefloor does.
func parseFloor(data [][]byte) {
	for _, d := range data {
		var n yaml.Node
		_ = yaml.Unmarshal(d, &n)
	}
}

// since runs f and returns the wall time and the CPU time (user +
// system, of every thread of the process) it took.
func since(b *testing.B, f func()) (wall, cpu time.Duration) {
	c0 := cpuTime(b)
	t := time.Now()
	f()
	return time.Since(t), cpuTime(b) - c0
}

// cpuTime is the process's user + system time so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
