//go:build benchtools

// Command parsefloor is the benchmark's floor: it only reads every *.yaml
// file under its arguments and parses it with yaml.v3 into a yaml.Node, on
// the same pool of GOMAXPROCS workers manifestlint uses. Nothing is checked
// and nothing is printed but a count. manifestlint cannot be faster than
// this; bench/run.sh reports how close it gets.
//
//	go run -tags benchtools ./bench/parsefloor bench/out/corpus
//
// It sits behind the `benchtools` build tag so that `go install ./...` (what
// pre-commit runs) does not build it.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

func main() {
	// The same collector settings as manifestlint's cli.TuneGC.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(23 << 20)
	}
	var files []string
	for _, a := range os.Args[1:] {
		filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
				files = append(files, p)
			}
			return nil
		})
	}
	jobs := make(chan string)
	var wg sync.WaitGroup
	var parsed, failed atomic.Int64
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				data, err := os.ReadFile(p)
				if err != nil {
					failed.Add(1)
					continue
				}
				var n yaml.Node
				if yaml.Unmarshal(data, &n) != nil {
					failed.Add(1)
					continue
				}
				parsed.Add(1)
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("%d files parsed, %d unreadable or not YAML\n", parsed.Load(), failed.Load())
}
