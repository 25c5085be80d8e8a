package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
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

var updateBundles = flag.Bool("update-bundles", false, "rewrite bundled/*.json from json/, and bundled_quick.go from them")

// TestBundledUpToDate checks that the embedded bundles are what the split
// sources bundle to, and bundled_quick.go what the bundles make;
// -update-bundles (go generate ./schema) rewrites them.
func TestBundledUpToDate(t *testing.T) {
	defer checkQuickDocs(t)
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

// quickView is a bundled schema document as the quick validator reads it:
// the document without the annotations compileQuick passes over (titles,
// descriptions, examples, editor messages and snippets), which are most of
// its text. definitions stays: compileQuick resolves $ref through it.
func quickView(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			switch {
			case k == "properties" || k == "definitions":
				names, ok := x.(map[string]any)
				if !ok {
					out[k] = x
					continue
				}
				m := make(map[string]any, len(names))
				for name, sub := range names {
					m[name] = quickView(sub)
				}
				out[k] = m
			case annotations[k]:
			case k == "items" || k == "additionalProperties":
				out[k] = quickView(x)
			default:
				out[k] = x // a keyword's value: data, not a schema
			}
		}
		return out
	}
	return v
}

// quickDocsSource is bundled_quick.go: each kind's quickView as Go
// literals, so that a run needs no JSON decoding before its first check.
func quickDocsSource() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by `go generate ./schema` (TestBundledUpToDate) from\n" +
		"// bundled/*.json; DO NOT EDIT.\n\npackage schema\n\n" +
		"import \"github.com/manifestlint/manifestlint/manifest\"\n\n" +
		"// quickDoc returns kind's bundled schema as the quick validator reads it\n" +
		"// (quickView in bundle_test.go): without annotations, as Go values; nil\n" +
		"// for an unknown kind.\n" +
		"func quickDoc(kind manifest.Kind) map[string]any {\n\tswitch kind {\n")
	for _, k := range manifest.Kinds {
		fmt.Fprintf(&b, "\tcase %q:\n\t\treturn %s()\n", k, quickDocFunc(k))
	}
	b.WriteString("\t}\n\treturn nil\n}\n")
	for _, k := range manifest.Kinds {
		src, err := bundledFiles.ReadFile("bundled/" + string(k) + ".json")
		if err != nil {
			return nil, err
		}
		var doc any
		if err := json.Unmarshal(src, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		fmt.Fprintf(&b, "\nfunc %s() map[string]any {\n\treturn ", quickDocFunc(k))
		if err := writeGoValue(&b, quickView(doc)); err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		b.WriteString("\n}\n")
	}
	return format.Source(b.Bytes())
}

// quickDocFunc names the function of kind's quick view: quickDocS3Import.
func quickDocFunc(k manifest.Kind) string {
	name := "quickDoc"
	for _, w := range strings.Split(string(k), "-") {
		switch w {
		case "s3", "ebs":
			name += strings.ToUpper(w)
		default:
			name += strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return name
}

// writeGoValue writes v, as encoding/json decodes into an any, as a Go
// expression of the same value; map keys sorted.
func writeGoValue(b *bytes.Buffer, v any) error {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteString("map[string]any{\n")
		for _, k := range keys {
			fmt.Fprintf(b, "%q: ", k)
			if err := writeGoValue(b, v[k]); err != nil {
				return err
			}
			b.WriteString(",\n")
		}
		b.WriteString("}")
	case []any:
		b.WriteString("[]any{")
		for i, x := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeGoValue(b, x); err != nil {
				return err
			}
		}
		b.WriteString("}")
	case string:
		fmt.Fprintf(b, "%q", v)
	case float64:
		fmt.Fprintf(b, "float64(%s)", strconv.FormatFloat(v, 'g', -1, 64))
	case bool:
		fmt.Fprintf(b, "%t", v)
	case nil:
		b.WriteString("nil")
	default:
		return fmt.Errorf("a %T in a schema", v)
	}
	return nil
}

// checkQuickDocs checks (or with -update-bundles rewrites) bundled_quick.go,
// after the bundles it is made of.
func checkQuickDocs(t *testing.T) {
	if t.Failed() {
		return
	}
	want, err := quickDocsSource()
	if err != nil {
		t.Fatal(err)
	}
	if *updateBundles {
		if err := os.WriteFile("bundled_quick.go", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got, err := os.ReadFile("bundled_quick.go"); err != nil || !bytes.Equal(got, want) {
		t.Errorf("bundled_quick.go is stale or missing (%v): run go generate ./schema", err)
	}
}

// TestQuickDocIsTheBundle: the quick validator compiled from quickDoc is
// the one the whole bundled document compiles to, for every kind.
func TestQuickDocIsTheBundle(t *testing.T) {
	for _, k := range manifest.Kinds {
		_, doc, err := kindSchemas[k].bundled()
		if err != nil {
			t.Fatal(err)
		}
		full, view := compileQuick(doc), compileQuick(quickDoc(k))
		if full == nil || view == nil {
			t.Fatalf("%s: quick does not compile (full %v, view %v)", k, full != nil, view != nil)
		}
		if !reflect.DeepEqual(full, view) {
			t.Errorf("%s: the quick validator of quickDoc differs from the bundle's", k)
		}
	}
	if quickDoc("no-such-kind") != nil {
		t.Error("quickDoc of an unknown kind is not nil")
	}
}
