package manifest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"
)

// decodeSeeds are streams where what follows the first document matters:
// a second document, a marker or directive, a root that does not start in
// column 1 or is not a block mapping, with text after it.
var decodeSeeds = []string{
	"a: 1\nb: 2\n",
	"a: 1\n---\nb: 2\n",
	"---\na: 1\n",
	"a: 1\n...\n",
	"a: 1\n...\nb: 2\n",
	"a: 1\n%YAML 1.2\n---\nb: 1\n",
	"%YAML 1.2\n---\na: 1\n",
	"  a: 1\n  b: 2\nc: 3\n",
	"  a: 1\nc: 3\n",
	"[a, b]\nc: 3\n",
	"{a: 1}\nc: 3\n",
	"{a: 1}\n",
	"word\nc: 3\n",
	"- a\n- b\n",
	"&x a: 1\nb: 2\n",
	"&x\na: 1\nb: 2\n",
	"!!map\na: 1\n",
	"\"a\": 1\nb: 2\n",
	"? a\n: 1\nb: 2\n",
	"a: 1\n  b: 2\n",
	"a: 1\n- b\n",
	"a: 'x\nb: y\n",
	"# c\n\na: 1\r\nb: 2\r\n",
	"a: 1\rb: 2\r",
	"a: 1\u2028b: 2\u2028---\u2028c: 3\n",
	"a: 1\u0085---\u0085c: 3\n",
	"a: |\n  text\n---\nb: 1\n",
	"a: 1\n--- \nb: 2\n",
	"a: 1\n---x: 2\n",
	"0\n: ",
	"a: 1\n: x\n",
	"a: 1\n: \n0\n: ",
	"a: 1\n? b\n",
	"a: [1,\n2]\nb: 2\n",
	"a: 1\n#c\n  # d\n",
	"a: 1\n\t\n",
	"a: \"x\n---\ny\"\n",
}

// TestDecodeAgrees checks that decode, which reads most manifests as
// yaml.Unmarshal does (the first document only), gives what a
// yaml.Decoder reading the whole stream gives: the same first document,
// second document and errors, for streams where the two could differ and
// for every manifest of the golden cases.
func TestDecodeAgrees(t *testing.T) {
	srcs := decodeSeeds
	files, _ := filepath.Glob("../testdata/cases/*.yaml")
	if len(files) < 20 {
		t.Fatalf("only %d golden cases found", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, string(b))
	}
	fast := 0
	for _, src := range srcs {
		if !decodeAgrees(t, []byte(src)) {
			fast++
		}
	}
	if fast < 20 {
		t.Errorf("only %d streams took the Unmarshal path", fast)
	}
}

// FuzzDecodeAgrees runs the same check on any input.
func FuzzDecodeAgrees(f *testing.F) {
	for _, s := range decodeSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) { decodeAgrees(t, src) })
}

// decodeAgrees compares decode with a yaml.Decoder for src and returns
// whether decode took the Decoder path (mayHoldMore).
func decodeAgrees(t *testing.T, src []byte) bool {
	t.Helper()
	if len(bytes.TrimSpace(src)) == 0 {
		return true // Parse never decodes a blank file
	}
	lines := NewLines(src)
	text := src[lines.Start(1):]
	file, second, err, after := decode(context.Background(), text, lines)
	dec := yaml.NewDecoder(bytes.NewReader(text))
	var wantFile, next yaml.Node
	var wantSecond *yaml.Node
	wantErr := dec.Decode(&wantFile)
	var wantAfter error
	if wantErr == nil {
		switch e := dec.Decode(&next); {
		case e == nil:
			wantSecond = &next
		case !errors.Is(e, io.EOF):
			wantAfter = e
		}
	}
	if fmt.Sprint(err) != fmt.Sprint(wantErr) || fmt.Sprint(after) != fmt.Sprint(wantAfter) {
		t.Errorf("%q: errors %v, %v; a Decoder gives %v, %v", src, err, after, wantErr, wantAfter)
	}
	if wantErr == nil && !reflect.DeepEqual(*file, wantFile) {
		t.Errorf("%q: the first document differs from a Decoder's", src)
	}
	if (second == nil) != (wantSecond == nil) || second != nil && !reflect.DeepEqual(*second, *wantSecond) {
		t.Errorf("%q: second document %v, a Decoder's %v", src, second, wantSecond)
	}
	return mayHoldMore(lines)
}
