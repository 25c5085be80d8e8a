package validate

import (
	"os"
	"path/filepath"
	"testing"
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
