package validate

import (
	"bytes"
	"cmp"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/manifest"
)

// seedDirs hold manifests that seed FuzzValidate: the repository's
// testdata, the golden cases and the real manifests of
// testdata/spec-examples among them.
var seedDirs = []string{"testdata", filepath.Join("..", "testdata")}

// hostileSeeds are inputs that once troubled YAML tools.
var hostileSeeds = []string{
	"",
	"\ufeff",
	"\ufeffmanifestVersion: 2.0\r\ndeviceId: 1\r\n",
	"a: &a [*a]",
	"a: &a x\nb: *a\n",
	"[[[[[[[[[[[[[[[[[[[[",
	"a:\n\t- b",
	"manifestVersion:2.0\n  - exportBucket:x\n",
	"returnAddress: none\n",
	"returnAddress:\n  - name: x\n",
	"operations: {}\n",
	"operations:\n  - 1\n  - [a]\n",
	"? [a]\n: b\n",
	"a: 1\n---\nb: 2\n",
	"a: \"\xff\"\n",
	"a: b\x00c\n",
	"customs:\n  encryptedData: yes\n",
	"deviceId: 1\ndeviceId: 2\n",
	"\"unterminated",
	"a: 'x\n",
}

// FuzzValidate feeds arbitrary bytes through the whole pipeline and checks
// what must hold for any input: no panic, findings sorted, every position
// inside the source, every error code in the service's catalog, and every
// message starting with the service's sentence for its code. Run it longer
// with
//
//	go test -run '^$' -fuzz FuzzValidate -fuzztime 5m ./validate
//
// A crash it finds is written to testdata/fuzz/FuzzValidate and replayed by
// every later `go test`.
func FuzzValidate(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(smallManifest))
	f.Add([]byte(faultyManifest))
	for _, dir := range seedDirs {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				if err == nil && d.Name() == "fuzz" {
					return filepath.SkipDir // go test replays those itself
				}
				return nil
			}
			if ext := filepath.Ext(p); ext == ".yaml" || ext == ".yml" || ext == ".txt" {
				if data, err := os.ReadFile(p); err == nil && len(data) < 1<<16 {
					f.Add(data)
				}
			}
			return nil
		})
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		orig := bytes.Clone(src)
		res := Validate("fuzz.yaml", src, Options{})
		if !bytes.Equal(src, orig) {
			t.Fatal("Validate changed its input")
		}
		checkResult(t, res, src)
	})
}

// checkResult asserts the invariants of any Result.
func checkResult(t *testing.T, res Result, src []byte) {
	t.Helper()
	if res.Doc == nil {
		t.Fatal("Result.Doc is nil")
	}
	if !slices.IsSortedFunc(res.Findings, compareFindings) {
		t.Errorf("findings not sorted: %+v", res.Findings)
	}
	lines := manifest.NewLines(src).Count()
	for _, f := range res.Findings {
		if f.Line < 1 || f.Line > lines {
			t.Errorf("line %d out of 1..%d: %+v", f.Line, lines, f)
			continue
		}
		width := utf8.RuneCountInString(res.Doc.Line(f.Line))
		if f.Column < 1 || f.Column > width+1 {
			t.Errorf("column %d out of 1..%d on line %d %q: %+v", f.Column, width+1, f.Line, res.Doc.Line(f.Line), f)
		}
		if f.Rule == "" || f.Text() == "" {
			t.Errorf("finding without a rule or message: %+v", f)
		}
		// The range is inside the source and its positions are those of
		// its offsets; so are those of related locations.
		l := res.Doc.Lines()
		if f.Start < 0 || f.End < f.Start || f.End > len(src) {
			t.Errorf("range [%d, %d) outside the source of %d bytes: %+v", f.Start, f.End, len(src), f)
		} else if l.Pos(f.Start) != (manifest.Pos{Line: f.Line, Column: f.Column}) || l.Pos(f.End) != (manifest.Pos{Line: f.EndLine, Column: f.EndColumn}) {
			t.Errorf("range [%d, %d) is at %v-%v, not %d:%d-%d:%d: %+v", f.Start, f.End, l.Pos(f.Start), l.Pos(f.End), f.Line, f.Column, f.EndLine, f.EndColumn, f)
		}
		for _, r := range f.Related {
			if r.Start < 0 || r.End < r.Start || r.End > len(src) || l.Pos(r.Start) != (manifest.Pos{Line: r.Line, Column: r.Column}) ||
				l.Pos(r.End) != (manifest.Pos{Line: r.EndLine, Column: r.EndColumn}) {
				t.Errorf("related location %+v out of place: %+v", r, f)
			}
		}
		switch f.Severity {
		case manifest.Error:
			info, ok := f.Code.Info()
			if !ok {
				t.Errorf("error code %q is not in the catalog: %+v", f.Code, f)
				continue
			}
			if f.Status() != info.Status || !strings.HasPrefix(f.Text(), info.Message) || strings.HasPrefix(f.Message, info.Message) {
				t.Errorf("status or message does not match the catalog entry of %s: %+v", f.Code, f)
			}
		case manifest.Warning:
			if f.Code != "" {
				t.Errorf("warning with a code: %+v", f)
			}
		default:
			t.Errorf("unknown severity %q: %+v", f.Severity, f)
		}
	}
}

// compareFindings is the order manifest.Sort promises.
func compareFindings(a, b manifest.Finding) int {
	return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Code, b.Code), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
}
