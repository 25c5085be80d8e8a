package cli

// This file collects the inputs a run lints (files, directories, standard
// input) and reads them, within --max-bytes.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/manifestlint/manifestlint/config"
	"github.com/manifestlint/manifestlint/manifest"
)

// input is one manifest to lint: a path, or standard input.
type input struct {
	path  string
	stdin bool
	// root is the tree the path was found in (the directory argument it
	// was found under, or a file argument's own directory): --fix writes
	// through a symbolic link only when its target stays inside it.
	root string
	// jobType is the config file's jobTypes entry for the path, if any.
	jobType manifest.JobType
}

// collectInputs expands the arguments: a directory means every *.yaml and
// *.yml file below it, in lexical order (hidden directories such as .git
// are skipped, and symbolic links to directories are not followed, so a
// link loop cannot trap the walk; .manifestlint.yaml files are not
// manifests and are skipped); "-" is standard input. A path named
// twice is linted once. Missing paths are reported on stderr.
func collectInputs(args []string, stderr io.Writer) ([]input, bool) {
	var out []input
	failed := false
	seen := map[string]bool{}
	add := func(in input) {
		key := in.path
		if in.stdin {
			key = "\x00stdin"
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, in)
		}
	}
	for _, a := range args {
		if a == "-" {
			add(input{stdin: true})
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			fmt.Fprintf(stderr, "manifestlint: %s: %v%s\n", a, describe(err), commandHint(a))
			failed = true
			continue
		}
		if !st.IsDir() {
			add(input{path: a, root: filepath.Dir(a)})
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(stderr, "manifestlint: %s: %v\n", p, describe(err))
				failed = true
				return nil
			}
			if d.IsDir() {
				if p != a && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Name() == config.FileName {
				return nil // the configuration file is not a manifest
			}
			if ext := strings.ToLower(filepath.Ext(p)); ext == ".yaml" || ext == ".yml" {
				add(input{path: p, root: a})
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(stderr, "manifestlint: %s: %v\n", a, err)
			failed = true
		}
	}
	return out, failed
}

// describe shortens an os error to what a user needs.
func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// errTooLarge reports a file over --max-bytes; it is not read whole.
var errTooLarge = errors.New("file too large")

func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 0
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, errors.New("is a directory")
		}
		if st.Mode().IsRegular() && st.Size() > limit {
			return nil, fmt.Errorf("%w: %d bytes, over --max-bytes %d: a manifest is a few kilobytes", errTooLarge, st.Size(), limit)
		}
		if st.Mode().IsRegular() {
			size = int(st.Size())
		}
	}
	return readSized(f, limit, size)
}

func readLimited(r io.Reader, limit int64) ([]byte, error) { return readSized(r, limit, 0) }

// readSized reads r to its end, failing with errTooLarge past limit bytes.
// With the size known (a regular file), the buffer is allocated once and
// two reads do (as os.ReadFile); io.ReadAll would start at 512 bytes and
// grow, which was a fifth of the CPU of a 10,000-file run.
//
// Any positive limit works, up to the largest int64: the byte past the
// limit is counted without computing limit+1, which would overflow.
func readSized(r io.Reader, limit int64, size int) ([]byte, error) {
	over := limit // the length that proves the file too large: limit+1
	if over < math.MaxInt64 {
		over++
	}
	capacity := int64(size) + 1 // one more byte, to see the end without growing
	if size == 0 {
		capacity = 4096
	}
	buf := make([]byte, 0, min(capacity, over))
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow
		}
		n, err := r.Read(buf[len(buf):min(int64(cap(buf)), over)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, fmt.Errorf("%w: over --max-bytes %d: a manifest is a few kilobytes", errTooLarge, limit)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// commandHint suggests the command a missing path was probably meant to be
// (`manifestlint explian X`), or "".
func commandHint(arg string) string {
	if strings.ContainsAny(arg, "./\\") {
		return ""
	}
	names := make([]string, 0, len(subcommands))
	for n := range subcommands {
		names = append(names, n)
	}
	sort.Strings(names)
	if c := manifest.Closest(arg, names); c != "" {
		return fmt.Sprintf(" (did you mean the command `manifestlint %s`?)", c)
	}
	return ""
}
