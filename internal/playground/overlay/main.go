//go:build playgroundtools

// Command overlay writes a module file (go build -modfile) that keeps
// net/http and text/template out of the playground's WebAssembly module:
// gojsonschema imports net/http to load remote $refs (manifestlint's
// schemas have none) and formats its messages with text/template, whose
// reflective method calls keep every exported method of every reachable
// type in the binary. Together they are 10 MB of the module's 17 MB.
//
//	go run ./playground/overlay DIR
//
// writes DIR/gojsonschema, a copy of the version in the module cache with
// three files patched by exact text replacements (a replacement that no
// longer matches, in a new gojsonschema, is an error, never a silent half
// patch), and DIR/go.mod and DIR/go.sum, the module's own with a replace
// directive pointing there, for `go build -modfile DIR/go.mod`. (go build
// -overlay cannot do it: it refuses to replace files in the module cache.) The command-line tool is built
// without the overlay; the browser test compares the two on every example.
package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

//go:embed format.go
var formatSource string

// patch is an exact replacement in one file, of n occurrences (0 means 1).
type patch struct {
	old, new string
	n        int
}

// patches are the replacements, by file of gojsonschema.
var patches = map[string][]patch{
	// jsonLoader.go: http.FileSystem becomes a local interface of the same
	// method, and a remote reference is an error instead of an HTTP GET.
	"jsonLoader.go": {
		{"\t\"net/http\"\n", "", 0},
		{"http.FileSystem", "FileSystem", 5},
		{"func (o osFileSystem) Open(name string) (http.File, error) {", "func (o osFileSystem) Open(name string) (File, error) {", 0},
		{"\tresp, err := http.Get(address)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\n" +
			"\t// must return HTTP Status 200 OK\n\tif resp.StatusCode != http.StatusOK {\n" +
			"\t\treturn nil, errors.New(formatErrorDescription(Locale.HttpBadStatus(), ErrorDetails{\"status\": resp.Status}))\n\t}\n\n" +
			"\tbodyBuff, err := ioutil.ReadAll(resp.Body)\n",
			"\tif address != \"\" {\n\t\treturn nil, errors.New(\"manifestlint playground: remote reference not loaded: \" + address)\n\t}\n" +
				"\tbodyBuff, err := ioutil.ReadAll(strings.NewReader(\"\"))\n", 0},
		{"\nfunc (l *jsonReferenceLoader) loadFromFile(",
			"\n// FileSystem is the part of http.FileSystem the loader uses.\ntype FileSystem interface {\n\tOpen(name string) (File, error)\n}\n\n" +
				"// File is the part of http.File the loader uses.\ntype File interface {\n\tio.Reader\n\tio.Closer\n}\n\n" +
				"func (l *jsonReferenceLoader) loadFromFile(", 0},
	},
	// errors.go: messages are formatted without text/template.
	"errors.go": {
		{"import (\n\t\"bytes\"\n\t\"sync\"\n\t\"text/template\"\n)", "import (\n\t\"fmt\"\n\t\"strings\"\n)", 0},
		{"var errorTemplates = errorTemplate{template.New(\"errors-new\"), sync.RWMutex{}}\n", "", 0},
		{"type errorTemplate struct {\n\t*template.Template\n\tsync.RWMutex\n}\n", "", 0},
	},
	// schema.go: ErrorTemplateFuncs keeps its type without naming
	// text/template (it is a map of functions the overlay never calls).
	"schema.go": {
		{"\t\"text/template\"\n", "", 0},
		{"ErrorTemplateFuncs template.FuncMap", "ErrorTemplateFuncs map[string]interface{}", 0},
	},
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: overlay DIR")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "overlay:", err)
		os.Exit(1)
	}
}

func write(dir string) error {
	// go mod download fetches the version go.mod names when the module
	// cache lacks it (a fresh CI machine) and says where it is.
	out, err := exec.Command("go", "mod", "download", "-json", "github.com/xeipuuv/gojsonschema").Output()
	if err != nil {
		return fmt.Errorf("go mod download github.com/xeipuuv/gojsonschema: %v", err)
	}
	var dl struct{ Dir, Error string }
	if err := json.Unmarshal(out, &dl); err != nil || dl.Error != "" || dl.Dir == "" {
		return fmt.Errorf("go mod download github.com/xeipuuv/gojsonschema: %v %s", err, dl.Error)
	}
	mod := dl.Dir
	out, err = exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	dir, err = filepath.Abs(dir)
	if err != nil {
		return err
	}
	copyDir := filepath.Join(dir, "gojsonschema")
	if err := os.RemoveAll(copyDir); err != nil {
		return err
	}
	if err := os.MkdirAll(copyDir, 0o755); err != nil {
		return err
	}
	files, err := os.ReadDir(mod)
	if err != nil {
		return err
	}
	for _, f := range files {
		name := f.Name()
		if f.IsDir() || strings.HasSuffix(name, "_test.go") || !(strings.HasSuffix(name, ".go") || name == "go.mod" || strings.HasPrefix(name, "LICENSE")) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(mod, name))
		if err != nil {
			return err
		}
		text := string(b)
		if ps, ok := patches[name]; ok {
			if text, err = apply(text, ps); err != nil {
				return fmt.Errorf("%s: %v", name, err)
			}
			if name == "errors.go" {
				if text, err = replaceFormatter(text); err != nil {
					return fmt.Errorf("%s: %v", name, err)
				}
			}
			text = "// Patched for manifestlint's playground by playground/overlay: see there.\n\n" + text
		}
		if err := os.WriteFile(filepath.Join(copyDir, name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	for name := range patches {
		if _, err := os.Stat(filepath.Join(copyDir, name)); err != nil {
			return fmt.Errorf("gojsonschema has no %s", name)
		}
	}
	// The module's go.mod and go.sum, with gojsonschema replaced.
	b, err := os.ReadFile(gomod)
	if err != nil {
		return err
	}
	b = append(b, []byte("\nreplace github.com/xeipuuv/gojsonschema => "+copyDir+"\n")...)
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), b, 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(strings.TrimSuffix(gomod, ".mod") + ".sum")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644)
}

// apply makes each replacement, which must match exactly once.
func apply(text string, ps []patch) (string, error) {
	for _, p := range ps {
		want := max(p.n, 1)
		if n := strings.Count(text, p.old); n != want {
			return "", fmt.Errorf("the text to replace occurs %d times, not %d (gojsonschema changed?): %.80q", n, want, p.old)
		}
		text = strings.ReplaceAll(text, p.old, p.new)
	}
	return text, nil
}

// replaceFormatter puts formatDescription's body in place of
// formatErrorDescription's.
func replaceFormatter(text string) (string, error) {
	const sig = "func formatErrorDescription(s string, details ErrorDetails) string {"
	start := strings.Index(text, sig)
	if start < 0 {
		return "", fmt.Errorf("no %q", sig)
	}
	end := strings.Index(text[start:], "\n}\n")
	if end < 0 {
		return "", fmt.Errorf("formatErrorDescription has no end")
	}
	body, err := funcBody(formatSource, "func formatDescription(s string, details map[string]interface{}) string {")
	if err != nil {
		return "", err
	}
	return text[:start] + sig + body + text[start+end+3:], nil
}

// funcBody is the text of the function that starts with sig in src, from
// after sig to its closing "}\n" inclusive.
func funcBody(src, sig string) (string, error) {
	i := strings.Index(src, sig)
	if i < 0 {
		return "", fmt.Errorf("no %q in format.go", sig)
	}
	rest := src[i+len(sig):]
	j := strings.Index(rest, "\n}\n")
	if j < 0 {
		return "", fmt.Errorf("the function has no end")
	}
	return rest[:j+3], nil
}
