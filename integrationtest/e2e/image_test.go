package e2e

import (
	"bytes"
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testbin"
)

// TestDockerfile checks the Dockerfile's promise, that its image is the
// static binary alone on an empty (scratch) base, without a container
// runtime: the end-to-end tests' binary is built as the Dockerfile builds it
// (CGO_ENABLED=0, testbin.Binary); this checks
// that it is static (no ELF interpreter, no shared libraries), and runs it
// in an empty root directory (chroot), as the image runs it, on a manifest.
// chroot needs root, which CI has; elsewhere the last part is skipped.
func TestDockerfile(t *testing.T) {
	src, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(src)
	for _, want := range []string{`(?m)^FROM scratch$`, `CGO_ENABLED=0 go build`, `(?m)^ENTRYPOINT \["/manifestlint"\]$`,
		`(?m)^COPY --from=build /out/manifestlint /manifestlint$`, `(?m)^USER 65534:65534$`} {
		if !regexp.MustCompile(want).MatchString(df) {
			t.Errorf("Dockerfile lacks %s", want)
		}
	}
	if runtime.GOOS != "linux" {
		t.Skip("the static-binary check needs Linux")
	}
	dir := t.TempDir()
	bin := testbin.Binary(t) // built as the Dockerfile builds it (CGO_ENABLED=0)
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Error("the binary has an ELF interpreter: it is not static and cannot run on scratch")
		}
	}
	if libs, _ := f.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("the binary needs shared libraries %v: it cannot run on scratch", libs)
	}
	f.Close()

	if os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("CI runs as root, which chroot needs")
		}
		t.Skip("running the binary in an empty root (chroot) needs root")
	}
	// The image: the binary alone, and the manifests mounted at /src.
	root := filepath.Join(dir, "root")
	if err := os.MkdirAll(filepath.Join(root, "src"), 0o755); err != nil {
		t.Fatal(err)
	}
	exe, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "manifestlint"), exe, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"manifest.yaml", "broken.manifest.yaml"} {
		data, err := os.ReadFile(filepath.Join("testdata", "sample", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "src", name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	chroot, err := exec.LookPath("chroot")
	if err != nil {
		t.Fatal("chroot (coreutils) is needed:", err)
	}
	run := func(args ...string) (string, int) {
		c := exec.Command(chroot, append([]string{"--userspec=65534:65534", root, "/manifestlint"}, args...)...)
		c.Env = []string{} // scratch has no environment but what docker run gives
		var out bytes.Buffer
		c.Stdout, c.Stderr = &out, &out
		err := c.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("chroot: %v\n%s", err, out.String())
		}
		return out.String(), code
	}
	if out, code := run("--no-snippet", "/src/manifest.yaml"); code != 0 || !strings.Contains(out, "0 errors") {
		t.Errorf("in an empty root, a valid manifest: exit %d\n%s", code, out)
	}
	if out, code := run("--no-snippet", "/src/broken.manifest.yaml"); code != 1 || !strings.Contains(out, "error[InvalidAddressException]") {
		t.Errorf("in an empty root, a faulty manifest: exit %d\n%s", code, out)
	}
}
