package validate

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// corpusFiles reads the first 2,000 manifests of the corpus bench/run.sh
// generates (bench/out/corpus) into memory; it skips the benchmark when
// the corpus has not been generated.
func corpusFiles(b *testing.B) (names []string, data [][]byte) {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "bench", "out", "corpus", "*.yaml"))
	if len(files) == 0 {
		b.Skip("no corpus in bench/out/corpus: run go run -tags benchtools ./bench/gen")
	}
	files = files[:min(len(files), 2000)]
	data = make([][]byte, len(files))
	for i, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		data[i] = d
	}
	return files, data
}

// BenchmarkValidateCorpus lints the first 2,000 manifests of the corpus
// bench/run.sh generates (bench/out/corpus), read into memory first: the
// profile of where the time goes on realistic input (docs/performance.md).
// It is skipped when the corpus has not been generated:
//
//	go run -tags benchtools ./bench/gen
//	go test -run '^$' -bench ValidateCorpus -cpuprofile cpu.prof ./validate
//	go tool pprof -top -cum validate.test cpu.prof
func BenchmarkValidateCorpus(b *testing.B) {
	files, data := corpusFiles(b)
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range data {
			Validate(files[i], d, Options{})
		}
	}
}

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
// ratio of their summed times (x-floor): the number issue 22's goal is
// stated in, without a second process's noise. Validate runs once on
// every file before the timing (schemas compiled, patterns built).
func BenchmarkCorpusRatio(b *testing.B) {
	files, data := corpusFiles(b)
	lint := func() {
		for i, d := range data {
			Validate(files[i], d, Options{})
		}
	}
	lint()
	var tv, tf time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%2 == 0 {
			tv += since(lint)
			tf += since(func() { parseFloor(data) })
		} else {
			tf += since(func() { parseFloor(data) })
			tv += since(lint)
		}
	}
	b.ReportMetric(float64(tv)/float64(tf), "x-floor")
	b.ReportMetric(float64(tv.Milliseconds())/float64(b.N), "validate-ms/op")
	b.ReportMetric(float64(tf.Milliseconds())/float64(b.N), "floor-ms/op")
}

// parseFloor parses every file into a yaml.Node, as bench/parsefloor does.
func parseFloor(data [][]byte) {
	for _, d := range data {
		var n yaml.Node
		_ = yaml.Unmarshal(d, &n)
	}
}

func since(f func()) time.Duration {
	t := time.Now()
	f()
	return time.Since(t)
}
