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
