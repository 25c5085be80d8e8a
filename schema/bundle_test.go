package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// files holds the schema sources: defs.json (the definitions every kind
// shares) and one file per kind whose properties refer to them as
// `defs.json#/definitions/NAME`. The split form is what is edited; bundle
// makes one self-contained document per kind of it, which `go generate`
// writes to bundled/ (embedded in the binary).
//
//go:embed json/*.json
var files embed.FS

// defsRef is how a kind file refers to a shared definition, and localRef
// how the bundled document (and defs.json itself) does.
const (
	defsRef  = `"defs.json#/definitions/`
	localRef = `"#/definitions/`
)

var refName = regexp.MustCompile(`"#/definitions/([A-Za-z0-9_]+)"`)

// bundle returns the self-contained schema of one kind: the kind file with
// its references made local and a `definitions` member holding exactly the
// shared definitions it reaches, in name order. The output is indented
// with two spaces and ends in a newline, so that it is stable byte for byte.
func bundle(kind string) ([]byte, error) {
	src, err := files.ReadFile("json/" + kind + ".json")
	if err != nil {
		return nil, err
	}
	defsSrc, err := files.ReadFile("json/defs.json")
	if err != nil {
		return nil, err
	}
	var defs struct {
		Definitions map[string]json.RawMessage `json:"definitions"`
	}
	if err := json.Unmarshal(defsSrc, &defs); err != nil {
		return nil, fmt.Errorf("defs.json: %w", err)
	}
	if bytes.Contains(src, []byte(localRef)) {
		return nil, fmt.Errorf("%s.json: refer to shared definitions as defs.json#/definitions/NAME", kind)
	}
	body := bytes.ReplaceAll(src, []byte(defsRef), []byte(localRef))

	// The definitions the kind reaches, directly or through other
	// definitions.
	reached := map[string]bool{}
	queue := []string{string(body)}
	for len(queue) > 0 {
		text := queue[0]
		queue = queue[1:]
		for _, m := range refName.FindAllStringSubmatch(text, -1) {
			name := m[1]
			if reached[name] {
				continue
			}
			raw, ok := defs.Definitions[name]
			if !ok {
				return nil, fmt.Errorf("%s.json: no definition %q in defs.json", kind, name)
			}
			reached[name] = true
			queue = append(queue, string(raw))
		}
	}
	names := make([]string, 0, len(reached))
	for n := range reached {
		names = append(names, n)
	}
	sort.Strings(names)

	body = bytes.TrimSpace(body)
	if len(body) < 2 || body[len(body)-1] != '}' {
		return nil, fmt.Errorf("%s.json: not a JSON object", kind)
	}
	var out bytes.Buffer
	out.Write(body[:len(body)-1])
	out.WriteString(`,"definitions":{`)
	for i, n := range names {
		if i > 0 {
			out.WriteByte(',')
		}
		fmt.Fprintf(&out, "%q:", n)
		out.Write(defs.Definitions[n])
	}
	out.WriteString("}}")

	var compact, indented bytes.Buffer
	if err := json.Compact(&compact, out.Bytes()); err != nil {
		return nil, fmt.Errorf("%s.json: %w", kind, err)
	}
	if err := json.Indent(&indented, compact.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	indented.WriteByte('\n')
	if strings.Contains(indented.String(), "defs.json") {
		return nil, fmt.Errorf("%s.json: a reference to defs.json is left after bundling", kind)
	}
	return indented.Bytes(), nil
}

var updateBundles = flag.Bool("update-bundles", false, "rewrite bundled/*.json from json/")

// TestBundledUpToDate checks that the embedded bundles are what the split
// sources bundle to; -update-bundles (go generate ./schema) rewrites them.
func TestBundledUpToDate(t *testing.T) {
	for _, k := range manifest.Kinds {
		want, err := bundle(string(k))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("bundled", string(k)+".json")
		if *updateBundles {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := bundledFiles.ReadFile("bundled/" + string(k) + ".json")
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is stale or missing (%v): run go generate ./schema", path, err)
		}
	}
}
