//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFindSkipsUntrusted: a configuration file another user could have
// written is not used, with a note naming it and why; one that only its
// owner can write is.
func TestFindSkipsUntrusted(t *testing.T) {
	type setup func(t *testing.T, dir, file string)
	chmod := func(p string, m os.FileMode) {
		if err := os.Chmod(p, m); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		setup setup
		why   string // "" for trusted
	}{
		{"yours, in a private folder", func(t *testing.T, dir, file string) { chmod(dir, 0o755) }, ""},
		{"in a world-writable folder", func(t *testing.T, dir, file string) { chmod(dir, 0o777) }, "can be written by every user (mode 0777)"},
		{"in a world-writable folder with the sticky bit", func(t *testing.T, dir, file string) { chmod(dir, 0o777|os.ModeSticky) }, ""},
		{"a world-writable file", func(t *testing.T, dir, file string) { chmod(dir, 0o755); chmod(file, 0o666) }, "the file can be written by every user"},
		{"in a folder of your own group", func(t *testing.T, dir, file string) { chmod(dir, 0o775) }, ""},
	}
	if os.Geteuid() == 0 {
		tests = append(tests,
			struct {
				name  string
				setup setup
				why   string
			}{"owned by another user, in the sticky temp folder", func(t *testing.T, dir, file string) {
				chmod(dir, 0o777|os.ModeSticky)
				if err := os.Chown(file, 65534, 65534); err != nil {
					t.Fatal(err)
				}
			}, "it is owned by another user (uid 65534; you are uid 0)"},
			struct {
				name  string
				setup setup
				why   string
			}{"in a folder another group may write", func(t *testing.T, dir, file string) {
				chmod(dir, 0o775)
				if err := os.Chown(dir, 0, 65534); err != nil {
					t.Fatal(err)
				}
			}, "can be written by the users of group 65534"})
	} else {
		t.Log("not root: the cases of files owned by another user need root to set up, and run in CI")
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			top := t.TempDir()
			dir := filepath.Join(top, "shared")
			work := filepath.Join(dir, "repo", "sub")
			if err := os.MkdirAll(work, 0o755); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, FileName)
			if err := os.WriteFile(file, []byte("exclude: ['**']\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			tt.setup(t, dir, file)
			got, notes, err := Find(work)
			if err != nil {
				t.Fatal(err)
			}
			if tt.why == "" {
				if got != file || len(notes) != 0 {
					t.Errorf("Find = %q, notes %q; want %q used", got, notes, file)
				}
				return
			}
			if got != "" || len(notes) != 1 || !strings.Contains(notes[0], "skipped "+file+": ") || !strings.Contains(notes[0], tt.why) {
				t.Errorf("Find = %q, notes %q; want none used and a note saying %q", got, notes, tt.why)
			}
		})
	}
}

// TestFindTrustsTheTreeBeingLinted: a configuration file owned by another
// user is used when it lies inside the repository or folder being linted
// and neither it nor a folder between it and the linted file can be
// written by others (a CI container running as root over a workspace of
// uid 1001; the image of docs/ci.md running as uid 65534 over the host
// user's checkout is TestContainerRecipeOwnership); the same file in the
// sticky temp folder, or below a world-writable folder, is still skipped.
func TestFindTrustsTheTreeBeingLinted(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to chown files to another user; CI runs as root") // reported, not silent
	}
	chown := func(t *testing.T, uid int, paths ...string) {
		for _, p := range paths {
			if err := os.Chown(p, uid, uid); err != nil {
				t.Fatal(err)
			}
		}
	}
	mk := func(t *testing.T, git bool) (root, sub, file string) {
		top := t.TempDir()
		if err := os.Chmod(top, 0o755); err != nil {
			t.Fatal(err)
		}
		root = filepath.Join(top, "workspace")
		sub = filepath.Join(root, "jobs", "eu")
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if git {
			if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		file = filepath.Join(root, FileName)
		if err := os.WriteFile(file, []byte("region: eu-west-1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		chown(t, 1001, root, filepath.Join(root, "jobs"), sub, file)
		return root, sub, file
	}
	t.Run("root over a workspace of uid 1001 (a repository)", func(t *testing.T) {
		_, sub, file := mk(t, true)
		if got, notes, err := Find(sub); err != nil || got != file || len(notes) != 0 {
			t.Errorf("Find = %q, %q, %v; want %s used", got, notes, err, file)
		}
	})
	t.Run("the folder being linted, no repository", func(t *testing.T) {
		root, sub, file := mk(t, false)
		if got, notes, err := Find(sub, root); err != nil || got != file || len(notes) != 0 {
			t.Errorf("Find = %q, %q, %v; want %s used", got, notes, err, file)
		}
		if got, notes, _ := Find(sub, sub); got != "" || len(notes) != 1 || !strings.Contains(notes[0], "outside the repository or folder being linted") {
			t.Errorf("the folder linted is below the file: Find = %q, %q; want it skipped", got, notes)
		}
	})
	t.Run("a world-writable folder between", func(t *testing.T) {
		_, sub, _ := mk(t, true)
		if err := os.Chmod(filepath.Dir(sub), 0o777); err != nil {
			t.Fatal(err)
		}
		if got, notes, _ := Find(sub); got != "" || len(notes) != 1 || !strings.Contains(notes[0], "jobs can be written by every user") {
			t.Errorf("Find = %q, %q; want it skipped for the folder", got, notes)
		}
	})
	t.Run("planted in the sticky temp folder above", func(t *testing.T) {
		top := t.TempDir()
		if err := os.Chmod(top, 0o777|os.ModeSticky); err != nil {
			t.Fatal(err)
		}
		work := filepath.Join(top, "checkout")
		if err := os.Mkdir(work, 0o755); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(top, FileName)
		if err := os.WriteFile(file, []byte("exclude: ['**']\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		chown(t, 1001, file)
		if got, notes, _ := Find(work, work); got != "" || len(notes) != 1 || !strings.Contains(notes[0], "owned by another user") {
			t.Errorf("Find = %q, %q; want the planted file skipped", got, notes)
		}
		// Even when the temp folder itself is the folder linted: others may
		// create files in it.
		if got, notes, _ := Find(work, top); got != "" || len(notes) != 1 || !strings.Contains(notes[0], "can be written by every user") {
			t.Errorf("linting the temp folder: Find = %q, %q; want the planted file skipped", got, notes)
		}
	})
}
