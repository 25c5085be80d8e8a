package validate_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestOutsideModule builds and runs, in a module of its own, a program
// that applies a .manifestlint.yaml as docs/go-api.md shows: outside this
// module the internal packages cannot be imported, so everything a user
// needs must be reachable from validate and manifest.
func TestOutsideModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module of its own (go run, seconds): run without -short")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	goLine := regexp.MustCompile(`(?m)^go \S+$`).Find(gomod)
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/user\n\n" + string(goLine) + "\n\nrequire github.com/manifestlint/manifestlint v0.0.0\n\n" +
			"replace github.com/manifestlint/manifestlint => " + root + "\n",
		"go.sum": string(sum),
		"main.go": `package main

import (
	"errors"
	"fmt"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

func main() {
	_, err := validate.ParseConfig(".manifestlint.yaml", []byte("disable: [no-such-rule]\n"))
	var ce *validate.ConfigError
	fmt.Println(errors.As(err, &ce), ce.Line, ce.Column)
	cfg, err := validate.ParseConfig(".manifestlint.yaml", []byte("regions:\n  eu/**: eu-west-1\naccessKeyId: env\nexclude: [old/**]\n"))
	if err != nil {
		panic(err)
	}
	getenv := func(string) string { return "AKIAZ7Q3EXAMPLE4KEY1" }
	opts, note, err := validate.Resolve(validate.Options{JobType: manifest.JobTypeImport}, cfg, "eu/manifest.yaml", getenv)
	fmt.Println(opts.Region, opts.RegionSource, opts.AccessKeySource, note == "", err, cfg.Excluded("old/manifest.yaml"))
	var tl *validate.TooLargeError
	fmt.Println(errors.As(validate.CheckSize(2<<20, 0), &tl), tl.Limit)
	res := validate.Validate("eu/manifest.yaml", []byte("manifestVersion: 2.0\n"), opts)
	fmt.Println(res.Kind, res.Errors() > 0)
}
`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "run", ".")
	cmd.Dir = dir
	// Offline, from the module cache this test runs with.
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOSUMDB=off", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go run in a module of its own: %v\n%s", err, out)
	}
	want := "true 1 11\n" +
		"eu-west-1 regions `eu/**` in .manifestlint.yaml $AWS_ACCESS_KEY_ID true <nil> true\n" +
		"true 1048576\n" +
		"s3-import true\n"
	if got := strings.ReplaceAll(string(out), "\r\n", "\n"); got != want {
		t.Errorf("the program printed\n%s\nwant\n%s", got, want)
	}
}
