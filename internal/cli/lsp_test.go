package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/manifestlint/manifestlint/internal/lsptest"
)

// TestLSPDiagnosticsEqualCLIJSON runs `manifestlint lsp` and `manifestlint
// --format json` on the same file and checks that every finding is a
// diagnostic with the same code (rule id for warnings), message, severity
// and start, and nothing else.
func TestLSPDiagnosticsEqualCLIJSON(t *testing.T) {
	sample, err := filepath.Abs(filepath.Join("..", "..", "testdata", "sample", "broken.manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// A duplicate key has a related location: the first occurrence.
	dup := filepath.Join(t.TempDir(), "dup.manifest.yaml")
	if err := os.WriteFile(dup, []byte("manifestVersion: 2.0\ndeviceId: A\nbucket: b\ndeviceId: B\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{sample, dup} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			if n := lspEqualsCLI(t, path); path == dup && n == 0 {
				t.Errorf("no related location compared")
			}
		})
	}
}

// lspEqualsCLI compares the server's diagnostics for path with the CLI's
// --format json findings, and returns the number of related locations
// compared.
func lspEqualsCLI(t *testing.T, path string) (related int) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cliOut, cliErr bytes.Buffer
	if st := Main([]string{"--format", "json", path}, nil, &cliOut, &cliErr); st != ExitFindings {
		t.Fatalf("CLI status %d: %s", st, cliErr.String())
	}
	var report struct {
		Files []struct {
			Findings []struct {
				Code, Severity, Rule, Message, Help string
				Line, Column                        int
				EndLine, EndColumn                  int
				Related                             []struct {
					Line, Column, EndLine, EndColumn int
					Message                          string
				}
			}
		}
	}
	if err := json.Unmarshal(cliOut.Bytes(), &report); err != nil || len(report.Files) != 1 {
		t.Fatalf("CLI output: %v %s", err, cliOut.String())
	}

	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	status := make(chan int, 1)
	go func() {
		status <- Main([]string{"lsp"}, inR, outW, io.Discard)
		outW.Close()
	}()
	c := lsptest.New(t, inW, outR)
	uri := "file://" + filepath.ToSlash(path)
	c.Initialize(nil, nil)
	c.Open(uri, string(src), 1)
	var diags []struct {
		Range struct {
			Start, End struct{ Line, Character int }
		}
		Severity           int
		Code, Message      string
		Source             string
		RelatedInformation []struct {
			Location struct {
				URI   string
				Range struct {
					Start, End struct{ Line, Character int }
				}
			}
			Message string
		}
	}
	m, _ := c.WaitFor(0, lsptest.IsDiagnostics(uri))
	var p struct {
		Diagnostics json.RawMessage
	}
	json.Unmarshal(m.Params, &p)
	json.Unmarshal(p.Diagnostics, &diags)
	c.Result("shutdown", nil, nil)
	c.Notify("exit", nil)
	if st := <-status; st != 0 {
		t.Errorf("lsp exit status %d, want 0", st)
	}
	inW.Close()

	fs := report.Files[0].Findings
	if len(diags) != len(fs) || len(fs) == 0 {
		t.Fatalf("%d diagnostics, %d CLI findings", len(diags), len(fs))
	}
	for i, f := range fs {
		d := diags[i]
		code := f.Code
		if code == "" {
			code = f.Rule
		}
		sev := map[string]int{"error": 1, "warning": 2}[f.Severity]
		// The sample is ASCII: columns in UTF-16 units are code points.
		// An editor shows a diagnostic's message whole: the headline, then
		// the help on its own line.
		msg := f.Message
		if f.Help != "" {
			msg += "\n" + f.Help
		}
		if d.Code != code || d.Message != msg || d.Severity != sev || d.Source != "manifestlint" ||
			d.Range.Start.Line != f.Line-1 || d.Range.Start.Character != f.Column-1 ||
			d.Range.End.Line != f.EndLine-1 || d.Range.End.Character != f.EndColumn-1 {
			t.Errorf("diagnostic %d %+v\nCLI finding %+v", i, d, f)
		}
		if len(d.RelatedInformation) != len(f.Related) {
			t.Errorf("diagnostic %d: %d related locations, CLI %d", i, len(d.RelatedInformation), len(f.Related))
			continue
		}
		for j, r := range f.Related {
			related++
			dr := d.RelatedInformation[j]
			if dr.Message != r.Message || dr.Location.URI != uri ||
				dr.Location.Range.Start.Line != r.Line-1 || dr.Location.Range.Start.Character != r.Column-1 ||
				dr.Location.Range.End.Line != r.EndLine-1 || dr.Location.Range.End.Character != r.EndColumn-1 {
				t.Errorf("diagnostic %d related %d: %+v, CLI %+v", i, j, dr, r)
			}
		}
	}
	return related
}
