package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// peakExecEnv makes TestPeakChild lint the file it names as the command
// does (TuneGC, then Main) in a process of its own, whose peak resident
// size BenchmarkHostilePeak reads.
const peakExecEnv = "MANIFESTLINT_PEAK_FILE"

// TestPeakChild is BenchmarkHostilePeak's child process; it does nothing
// unless peakExecEnv is set.
func TestPeakChild(t *testing.T) {
	file := os.Getenv(peakExecEnv)
	if file == "" {
		return
	}
	TuneGC()
	var out, errOut bytes.Buffer
	code := Main([]string{"--no-config", "--color=never", file}, nil, &out, &errOut)
	fmt.Fprintf(os.Stderr, "exit %d, %d bytes of output\n%s", code, out.Len(), errOut.String())
	os.Exit(0)
}

// BenchmarkHostilePeak lints hostile 1 MiB manifests, each in a process of
// its own as the command runs, and reports the process's peak resident
// size (peak-MB, what /usr/bin/time calls maximum resident set size) and
// its CPU time. Issue 22's bound is 100 MB for 1 MiB of `kN:v` lines. Run
// it with
//
//	go test -run '^$' -bench HostilePeak ./internal/cli
func BenchmarkHostilePeak(b *testing.B) {
	line := func(format string) func(i int) string {
		return func(i int) string { return fmt.Sprintf(format, i) }
	}
	shapes := []struct {
		name, head string
		line       func(i int) string
	}{
		{"NoSpace", "", line("k%d:v\n")},                             // a warning and an unknown key per line
		{"Keys", "", line("k%d: v\n")},                               // an unknown key per line
		{"Nested", validManifest + "customs:\n", line("  k%d: v\n")}, // unknown keys in one mapping
	}
	for _, s := range shapes {
		var src bytes.Buffer
		src.WriteString(s.head)
		for i := 0; ; i++ {
			l := s.line(i)
			if src.Len()+len(l) > 1<<20 {
				break
			}
			src.WriteString(l)
		}
		file := filepath.Join(b.TempDir(), "hostile.yaml")
		if err := os.WriteFile(file, src.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(s.name, func(b *testing.B) {
			var peak, cpu float64
			for b.Loop() {
				cmd := exec.Command(os.Args[0], "-test.run=^TestPeakChild$")
				cmd.Env = append(os.Environ(), peakExecEnv+"="+file)
				var errOut bytes.Buffer
				cmd.Stderr = &errOut
				if err := cmd.Run(); err != nil {
					b.Fatalf("child: %v\n%s", err, errOut.String())
				}
				ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
				peak = max(peak, float64(ru.Maxrss)/1024) // KB on Linux
				cpu += cmd.ProcessState.UserTime().Seconds() + cmd.ProcessState.SystemTime().Seconds()
			}
			b.ReportMetric(peak, "peak-MB")
			b.ReportMetric(cpu*1000/float64(b.N), "cpu-ms/op")
		})
	}
}
