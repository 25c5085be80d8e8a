package lsp

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/manifestlint/manifestlint/internal/lsptest"
	"github.com/manifestlint/manifestlint/validate"
)

// typicalManifest is an S3 import with a return address and customs, with
// two faults (about 900 bytes).
const typicalManifest = `manifestVersion: 2.0
accessKeyId: AKIAIOSFODNN7EXAMPLE
deviceId: ABCDE
bucket: importexport-integ-test
prefix: imported/
eraseDevice: yes
notificationEmail: ops@example.com;backup@example.com
acl: private
serviceLevel: standard
logBucket: my-log-bucket
logPrefix: logs/
ignore:
  - ^tmp/
  - \.bak$
returnAddress:
    name: Erika Mustermann
    company: Example GmbH
    street1: Hauptstrasse 1
    city: Berlin
    postalCode: 10115
    phoneNumber: +49 30 1234567
    country: Germany
customs:
    dataDescription: Backups of business records
    encryptedData: yes
    encryptionClassification: 5D992
    exportCertifierName: John Doe
    requiresExportLicense: no
    deviceValue: 250.00
    deviceCountryOfOrigin: China
    deviceType: externalStorageDevice
contentTypes:
    jpg: image/jpeg
    pdf: application/pdf
`

// bigManifest is a valid S3 export of about size bytes.
func bigManifest(size int) string {
	var b strings.Builder
	b.WriteString("manifestVersion: 2.0\ndeviceId: HD001\nfileSystem: NTFS\nlogBucket: logging-bucket\nlogPrefix: logs/\ntrueCryptPassword: apassword\noperations:\n")
	for i := 0; b.Len() < size-400; i++ {
		fmt.Fprintf(&b, "  - exportBucket: bucket-data-%d\n    targetDirectory: export/%d\n    beginMarker: a/%d\n    endMarker: z/%d\n", i, i, i, i)
	}
	b.WriteString("returnAddress:\n    name: Erika Mustermann\n    street1: Hauptstrasse 1\n    city: Berlin\n    postalCode: 10115\n    phoneNumber: +49 30 1234567\n    country: Germany\n")
	return b.String()
}

// benchClient drives a server through the tests' LSP client and waits for
// the diagnostics of a version.
type benchClient struct {
	*lsptest.Client
	next int     // the index of the first message not yet waited for
	srv  *Server // in-process only
}

// versionSupport is the client capability that makes the server name the
// version of each publication.
var versionSupport = map[string]any{"textDocument": map[string]any{"publishDiagnostics": map[string]any{"versionSupport": true}}}

func startBench(b *testing.B) *benchClient {
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	status := make(chan int, 1)
	srv := New(sr, sw, Options{Getenv: func(string) string { return "" }})
	go func() { status <- srv.Serve(); sw.Close() }()
	c := &benchClient{Client: lsptest.New(b, cw, cr), srv: srv}
	c.Initialize(versionSupport, nil)
	b.Cleanup(func() {
		c.Result("shutdown", nil, nil)
		c.Notify("exit", nil)
		<-status
		cw.Close()
	})
	return c
}

// waitVersion waits for the diagnostics of version v.
func (c *benchClient) waitVersion(v int) {
	_, i := c.WaitFor(c.next, func(m *lsptest.Message) bool {
		if m.Method != "textDocument/publishDiagnostics" {
			return false
		}
		var p struct {
			Version *int `json:"version"`
		}
		return json.Unmarshal(m.Params, &p) == nil && p.Version != nil && *p.Version == v
	})
	c.next = i + 1
}

// benchChanges opens text, then times didChange -> publishDiagnostics for
// an edit of one character, and reports the 95th percentile.
func benchChanges(b *testing.B, text string) { benchChangesAt(b, "untitled:bench", text) }

func benchChangesAt(b *testing.B, uri, text string) {
	c := startBench(b)
	c.Open(uri, text, 1)
	c.waitVersion(1)
	// The edit toggles one character of deviceId's value.
	idx := newLineIndex(text)
	at := idx.position(strings.Index(text, "deviceId: ")+len("deviceId: "), utf16)
	var times []time.Duration
	version := 1
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		version++
		ch := "X"
		if version%2 == 0 {
			ch = "A"
		}
		msg := map[string]any{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{map[string]any{"range": Range{at, Position{at.Line, at.Character + 1}}, "text": ch}}}}
		start := time.Now()
		c.Send(msg)
		c.waitVersion(version)
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	// CPU time of the whole process (server, client, collector) per change:
	// unlike the latencies, it does not grow when other work shares the
	// machine.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	slices.Sort(times)
	p95 := times[min(len(times)-1, len(times)*95/100)]
	b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
}

// BenchmarkChangeTypical: a one-character edit of a typical manifest, from
// didChange written to publishDiagnostics read (target: p95 under 5 ms).
func BenchmarkChangeTypical(b *testing.B) { benchChanges(b, typicalManifest) }

// BenchmarkChange1MB: the same edit in a 1 MB manifest (target: p95 under
// 100 ms).
func BenchmarkChange1MB(b *testing.B) { benchChanges(b, bigManifest(1<<20)) }

// BenchmarkChange1MBFile is BenchmarkChange1MB for a file: URI, as an
// editor opens a file on disk: a name that is not a manifest's (so its
// content decides) in a directory with a configuration file.
func BenchmarkChange1MBFile(b *testing.B) {
	benchChangesAt(b, benchFileURI(b, "export"), bigManifest(1<<20))
}

// BenchmarkChangeTypicalFile is BenchmarkChangeTypical for a file: URI,
// as BenchmarkChange1MBFile.
func BenchmarkChangeTypicalFile(b *testing.B) {
	benchChangesAt(b, benchFileURI(b, "import"), typicalManifest)
}

// benchFileURI returns the URI of a file named big.yaml in a new directory
// whose configuration file sets the region and gives *.yaml the job type.
func benchFileURI(b *testing.B, jobType string) string {
	dir := b.TempDir()
	cfg := "region: us-east-1\njobTypes:\n  \"*.yaml\": " + jobType + "\n"
	if err := os.WriteFile(filepath.Join(dir, ".manifestlint.yaml"), []byte(cfg), 0o644); err != nil {
		b.Fatal(err)
	}
	return "file://" + filepath.ToSlash(filepath.Join(dir, "big.yaml"))
}

// BenchmarkBurst1MB: five one-character edits of a 1 MB manifest, 20 ms
// apart (fast typing, or a key held down), then the time from the last
// edit to its diagnostics; it reports the lints started per burst and the
// CPU per burst. Only the last version's diagnostics are wanted.
func BenchmarkBurst1MB(b *testing.B) { benchBurst(b, 5, 20*time.Millisecond) }

// BenchmarkTyping1MB is BenchmarkBurst1MB at typing speed: 4 edits 50 ms
// apart, each arriving while the lint of the one before runs (a lint of
// the 1 MB manifest takes longer), so that a lint that cannot be stopped
// makes the next version wait for its end.
func BenchmarkTyping1MB(b *testing.B) { benchBurst(b, 4, 50*time.Millisecond) }

// benchBurst times bursts of edits edits, gap apart, of the 1 MB
// manifest, from the last edit to its diagnostics.
func benchBurst(b *testing.B, edits int, gap time.Duration) {
	c := startBench(b)
	uri := "untitled:burst"
	text := bigManifest(1 << 20)
	c.Open(uri, text, 1)
	c.waitVersion(1)
	at := newLineIndex(text).position(strings.Index(text, "deviceId: ")+len("deviceId: "), utf16)
	var times []time.Duration
	version := 1
	runs0, stopped0 := c.srv.lintRuns.Load(), c.srv.lintsStopped.Load()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var start time.Time
		for e := 0; e < edits; e++ {
			version++
			if e > 0 {
				time.Sleep(gap)
			}
			start = time.Now()
			c.Send(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": map[string]any{
				"textDocument":   map[string]any{"uri": uri, "version": version},
				"contentChanges": []any{map[string]any{"range": Range{at, at}, "text": "X"}}}})
		}
		c.waitVersion(version)
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(c.srv.lintRuns.Load()-runs0)/float64(b.N), "lints/op")
	// Lints started and then stopped half-way by the next change.
	b.ReportMetric(float64(c.srv.lintsStopped.Load()-stopped0)/float64(b.N), "stopped/op")
	slices.Sort(times)
	b.ReportMetric(float64(times[min(len(times)-1, len(times)*95/100)].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
}

// BenchmarkReplaceAll1MB: one didChange of 100 edits of a 1 MB manifest,
// last first, as an editor sends a replace-all or a multi-cursor edit
// (each range is of the text the edits before it left), to its
// diagnostics.
func BenchmarkReplaceAll1MB(b *testing.B) {
	c := startBench(b)
	uri := "untitled:replace"
	text := bigManifest(1 << 20)
	c.Open(uri, text, 1)
	c.waitVersion(1)
	// The first 100 "targetDirectory: export/" values, toggled between
	// export/ and import/ (same length, so the ranges stay the same).
	idx := newLineIndex(text)
	var at []Position
	for off := 0; len(at) < 100; {
		i := strings.Index(text[off:], "targetDirectory: export/")
		off += i + len("targetDirectory: ")
		at = append(at, idx.position(off, utf16))
	}
	version := 1
	cpu0 := cpuTime()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		version++
		word := "import"
		if version%2 == 1 {
			word = "export"
		}
		changes := make([]any, 0, len(at))
		for j := len(at) - 1; j >= 0; j-- {
			changes = append(changes, map[string]any{"range": Range{at[j], Position{at[j].Line, at[j].Character + 6}}, "text": word})
		}
		c.Send(map[string]any{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": map[string]any{
			"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": changes}})
		c.waitVersion(version)
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkCodeAction1MB: the quick fixes at a fixable finding of a 1 MB
// manifest (an editor asks whenever the cursor moves), the version
// already linted.
func BenchmarkCodeAction1MB(b *testing.B) {
	c := startServer(b, Options{})
	c.initialize(nil, nil)
	uri := "untitled:actions"
	c.open(uri, strings.Replace(bigManifest(1<<20), "fileSystem: NTFS", "fileSystem: ntfs", 1), 1)
	c.diagnostics(0, uri, 1)
	params := map[string]any{"textDocument": map[string]any{"uri": uri},
		"range": Range{Position{2, 12}, Position{2, 12}}, "context": map[string]any{"diagnostics": []any{}}}
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var actions []codeAction
		c.result("textDocument/codeAction", params, &actions)
		if len(actions) == 0 {
			b.Fatal("no code action at the finding")
		}
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkResident100Docs runs the built `manifestlint lsp`, opens 100
// typical manifests (each a little different), waits for the diagnostics
// of all, and reports the process's resident memory (target: under 50 MB).
func BenchmarkResident100Docs(b *testing.B) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("needs /proc to read the resident size")
	}
	// MANIFESTLINT_BENCH_BIN names a built binary to run instead, so that
	// two builds can be run alternately (paired runs).
	bin := os.Getenv("MANIFESTLINT_BENCH_BIN")
	if bin == "" {
		bin = filepath.Join(b.TempDir(), "manifestlint")
		if out, err := exec.Command("go", "build", "-o", bin, "../..").CombinedOutput(); err != nil {
			b.Fatalf("go build: %v\n%s", err, out)
		}
	}
	for i := 0; i < b.N; i++ {
		cmd := exec.Command(bin, "lsp")
		c := lsptest.Start(b, cmd)
		c.SetTimeout(60 * time.Second)
		c.Initialize(nil, nil)
		for d := range 100 {
			text := strings.Replace(typicalManifest, "deviceId: ABCDE", "deviceId: DEV"+strconv.Itoa(d), 1)
			c.Open(fmt.Sprintf("untitled:doc%d.yaml", d), text, 1)
		}
		published := map[string]bool{}
		c.WaitFor(0, func(m *lsptest.Message) bool {
			var p struct {
				URI string `json:"uri"`
			}
			if m.Method == "textDocument/publishDiagnostics" && json.Unmarshal(m.Params, &p) == nil {
				published[p.URI] = true
			}
			return len(published) == 100
		})
		status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(status), "\n") {
			for _, field := range []string{"VmRSS:", "VmHWM:"} {
				if v, ok := strings.CutPrefix(line, field); ok {
					kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
					b.ReportMetric(float64(kb)/1024, strings.TrimSuffix(field, ":")+"-MB")
				}
			}
		}
		c.Result("shutdown", nil, nil)
		c.Notify("exit", nil)
		if err := c.Wait(); err != nil {
			b.Fatalf("manifestlint lsp: %v", err)
		}
	}
}

// BenchmarkValidate1MB is the floor under BenchmarkChange1MB: validate
// alone on the same text, which the server must call once per change.
func BenchmarkValidate1MB(b *testing.B) {
	text := []byte(bigManifest(1 << 20))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		validate.Validate("bench.yaml", text, validate.Options{})
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkBinaryChange1MB is BenchmarkChange1MB against the built binary,
// as an editor runs it (with the command's own collector settings), and
// reports its resident memory after the changes.
func BenchmarkBinaryChange1MB(b *testing.B) {
	// MANIFESTLINT_BENCH_BIN names a built binary to run instead, so that
	// two builds can be run alternately (paired runs).
	bin := os.Getenv("MANIFESTLINT_BENCH_BIN")
	if bin == "" {
		bin = filepath.Join(b.TempDir(), "manifestlint")
		if out, err := exec.Command("go", "build", "-o", bin, "../..").CombinedOutput(); err != nil {
			b.Fatalf("go build: %v\n%s", err, out)
		}
	}
	cmd := exec.Command(bin, "lsp")
	c := &benchClient{Client: lsptest.Start(b, cmd)}
	c.Initialize(versionSupport, nil)
	text := bigManifest(1 << 20)
	uri := "untitled:big"
	c.Open(uri, text, 1)
	c.waitVersion(1)
	at := newLineIndex(text).position(strings.Index(text, "deviceId: ")+len("deviceId: "), utf16)
	var times []time.Duration
	cpu0, cpuOK := procCPU(cmd.Process.Pid)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		version := i + 2
		msg := map[string]any{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": version},
			"contentChanges": []any{map[string]any{"range": Range{at, Position{at.Line, at.Character + 1}}, "text": string(rune('A' + i%2))}}}}
		start := time.Now()
		c.Send(msg)
		c.waitVersion(version)
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	if cpu1, ok := procCPU(cmd.Process.Pid); ok && cpuOK {
		// The server process's CPU alone.
		b.ReportMetric(float64((cpu1-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[min(len(times)-1, len(times)*95/100)].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	if testing.Verbose() && len(times) >= 10 {
		b.Logf("slowest changes: %v", times[len(times)-10:])
	}
	if status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
				b.ReportMetric(float64(kb)/1024, "VmHWM-MB")
			}
		}
	}
	c.Result("shutdown", nil, nil)
	c.Notify("exit", nil)
	c.Wait()
}

// procCPU is the user and system CPU time of process pid so far, from
// /proc (Linux; ok is false elsewhere).
func procCPU(pid int) (cpu time.Duration, ok bool) {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, false
	}
	// The fields after the command's name, which is in parentheses.
	i := strings.LastIndexByte(string(stat), ')')
	f := strings.Fields(string(stat[i+1:]))
	if len(f) < 13 {
		return 0, false
	}
	utime, err1 := strconv.Atoi(f[11])
	stime, err2 := strconv.Atoi(f[12])
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond, true // USER_HZ is 100 on Linux
}

// BenchmarkPull8After1MBChange: eight pull-diagnostic requests after one
// change of a 1 MB manifest (issue 21 item 9: each request linted the
// version again, 2.9 GB at the peak). It reports the heap's peak in use
// (sampled) and the bytes allocated per change.
func BenchmarkPull8After1MBChange(b *testing.B) {
	c := startServer(b, Options{})
	c.initialize(nil, nil)
	uri := "untitled:pull8"
	text := bigManifest(1 << 20)
	c.open(uri, text, 1)
	c.diagnostics(0, uri, 1)
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		text += "#\n"
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": i + 2},
			"contentChanges": []any{map[string]any{"text": text}},
		})
		var wg sync.WaitGroup
		for j := 0; j < 8; j++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uri}})
			}()
		}
		wg.Wait()
	}
	b.StopTimer()
	close(stop)
	<-sampled
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}
