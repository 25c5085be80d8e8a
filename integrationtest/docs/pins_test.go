package docs

import (
	"os"
	"os/exec"
	"regexp"
	"testing"

	"github.com/manifestlint/manifestlint/internal/testdocs"
)

// versionPin matches a manifestlint version named in an example: a
// pre-commit `rev: vX`, a `go install ...manifestlint@vX`, a GitHub
// Actions `MANIFESTLINT_VERSION: vX`, or an image built from the repository
// at `manifestlint.git#vX`.
var versionPin = regexp.MustCompile(`(?:\brev:\s*|manifestlint@|manifestlint\.git#|MANIFESTLINT_VERSION:\s*)["']?(v[0-9][0-9A-Za-z.+\-]*)`)

// TestDocPinsExistingTags checks that no page tells a user to pin a release
// tag the repository does not have (issue 11: "no example may name a tag that
// does not exist"): until a release is tagged, examples pin a commit.
func TestDocPinsExistingTags(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Fatal("git is needed to list the repository's tags:", err)
	}
	pages := append(testdocs.Pages(t), ".pre-commit-hooks.yaml", "Dockerfile")
	for _, page := range pages {
		src, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range versionPin.FindAllSubmatch(src, -1) {
			tag := string(m[1])
			if exec.Command(git, "rev-parse", "-q", "--verify", "refs/tags/"+tag).Run() != nil {
				t.Errorf("%s: %q pins the tag %s, which this repository does not have; pin `<commit sha>` until a release is tagged", page, m[0], tag)
			}
		}
	}
}
