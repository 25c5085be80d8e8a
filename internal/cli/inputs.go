package cli

// This file collects the inputs a run lints (files, directories, standard
// input) and reads them, within --max-bytes.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// input is one manifest to lint: a path, or standard input.
type input struct {
	path  string
	stdin bool
	// found says the file was found by a directory walk or listed by
	// --files-from rather than named on the command line: it is linted
	// only if it passes the manifest test (config.Select).
	found bool
	// root is the tree the path was found in (the directory argument it
	// was found under, or a file's own directory): --fix writes through a
	// symbolic link only when its target stays inside it.
	root string
	// cfg is the configuration file that applies to the input (the
	// nearest its folder, or --config's), or nil.
	cfg *config.Config
	// cfgSkipped are the warnings of configuration files skipped for the
	// input (untrusted): each result carries them as a note.
	cfgSkipped []string
	// readErr says why a path could not be used (missing, a folder that
	// cannot be read): already said on stderr, it is recorded in the
	// reports as a file that could not be read (Result.ReadError).
	readErr string
}

// skipped lists what the collection of inputs left out, for the run's
// notes.
type skipped struct {
	// dirLinks are symbolic links to directories found inside a walk.
	dirLinks []string
	// special are FIFOs, sockets, devices and broken links found by a walk
	// under a name a manifest could have, each with the reason.
	special []skippedFile
	// excluded counts the inputs the config file's exclude dropped.
	excluded int
}

// skippedFile is a file a walk did not read, and why.
type skippedFile struct{ path, why string }

// collector gathers the inputs of a run from the command line, the
// directories it names and --files-from.
type collector struct {
	stderr io.Writer
	cfg    *runConfig
	seen   map[any]bool
	out    []input
	skip   skipped
	failed bool
	// root is the tree being walked (input.root).
	root string
}

func newCollector(cfg *runConfig, stderr io.Writer) *collector {
	return &collector{stderr: stderr, cfg: cfg, seen: map[any]bool{}}
}

// add appends an input unless the same file is already in: files are told
// apart by device and inode where the system has them (a link, `./x` beside
// `x`, a folder named twice), else by cleaned absolute path.
func (c *collector) add(in input, st fs.FileInfo) {
	var key any = "\x00stdin"
	if !in.stdin {
		key = fileKey(in.path, st)
	}
	if !c.seen[key] {
		c.seen[key] = true
		c.out = append(c.out, in)
	}
}

// fileKey names a file for deduplication.
func fileKey(path string, st fs.FileInfo) any {
	if st != nil {
		if id, ok := fileID(st); ok {
			return id
		}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return filepath.Clean(abs)
}

// unusable reports a path that cannot be used (msg, on stderr) and keeps
// it as an input that lintAll hands to the reports as unreadable, so that
// a report does not silently lose a file; the run exits 2.
func (c *collector) unusable(p string, err error, msg string) {
	c.fail("%s", msg)
	if key := fileKey(p, nil); !c.seen[key] {
		c.seen[key] = true
		c.out = append(c.out, input{path: p, readErr: describe(err).Error()})
	}
}

// fail reports an input that cannot be used; the run exits 2.
func (c *collector) fail(format string, args ...any) {
	fmt.Fprintln(c.stderr, "manifestlint: "+escape.Line(fmt.Sprintf(format, args...)))
	c.failed = true
}

// named adds a command-line argument: "-" is standard input, a directory
// (or a link to one) is walked, and any other file is linted whatever its
// name or content.
func (c *collector) named(a string) {
	if a == "-" {
		c.add(input{stdin: true}, nil)
		return
	}
	st, err := os.Stat(a)
	if err != nil {
		c.unusable(a, err, fmt.Sprintf("%s: %v%s", a, describe(err), commandHint(a)))
		return
	}
	if st.IsDir() {
		c.root = a
		c.walk(a)
		return
	}
	c.add(input{path: a, root: filepath.Dir(a)}, st)
}

// listed adds a path read by --files-from: a directory is walked, and a
// file is a candidate, as if a walk had found it (a list from `git diff
// --name-only` names every changed file, not only manifests).
func (c *collector) listed(p string) {
	st, err := os.Stat(p)
	if err != nil {
		c.unusable(p, err, fmt.Sprintf("%s (from --files-from): %v", p, describe(err)))
		return
	}
	if st.IsDir() {
		c.root = p
		c.walk(p)
		return
	}
	c.root = filepath.Dir(p)
	c.candidate(p, st, nil)
}

// candidate adds a file found by a walk, if it may be a manifest: with an
// include list in the config file, the files it matches (linted whatever
// their content); otherwise *.yaml and *.yml files other than the config
// file, linted if their content looks like a manifest. Anything but a
// regular file is skipped with a note: a FIFO would block the run. st is
// nil for a broken link, whose error is linkErr.
func (c *collector) candidate(p string, st fs.FileInfo, linkErr error) {
	cfg, _ := c.cfg.forFile(p)
	include := cfg != nil && len(cfg.Include) > 0
	var wanted bool
	if include {
		wanted = cfg.Included(p)
	} else {
		ext := strings.ToLower(filepath.Ext(p))
		wanted = (ext == ".yaml" || ext == ".yml") && filepath.Base(p) != config.FileName
	}
	switch {
	case !wanted:
	case st == nil:
		c.skip.special = append(c.skip.special, skippedFile{p, fmt.Sprintf("a broken link (%v)", describe(linkErr))})
	case !st.Mode().IsRegular():
		c.skip.special = append(c.skip.special, skippedFile{p, "not a regular file (" + modeName(st.Mode()) + ")"})
	default:
		c.add(input{path: p, found: !include, root: c.root}, st)
	}
}

// walk adds the candidates below dir, in lexical order. Hidden directories
// (.git) are not entered. dir itself may be a link; links to directories
// found inside are skipped with a note, so that a link loop cannot trap the
// walk; links to files are followed.
func (c *collector) walk(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		c.unusable(dir, err, fmt.Sprintf("%s: %v", dir, describe(err)))
		return
	}
	// Room for the folder's files at once: appending them one by one
	// copied the inputs found so far at each doubling (1% of a walk of
	// 10,000 files).
	files := 0
	for _, e := range entries {
		if !e.IsDir() {
			files++
		}
	}
	c.out = slices.Grow(c.out, files)
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch t := e.Type(); {
		case t.IsDir():
			if !strings.HasPrefix(e.Name(), ".") {
				c.walk(p)
			}
		case t&fs.ModeSymlink != 0:
			st, err := os.Stat(p)
			switch {
			case err == nil && st.IsDir():
				c.skip.dirLinks = append(c.skip.dirLinks, p)
			case err == nil:
				c.candidate(p, st, nil)
			default:
				c.candidate(p, nil, err)
			}
		default:
			st, err := e.Info()
			if err != nil {
				c.unusable(p, err, fmt.Sprintf("%s: %v", p, describe(err)))
				continue
			}
			c.candidate(p, st, nil)
		}
	}
}

// modeName names the type of a file that is not a regular file.
func modeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a directory"
	}
	return "mode " + m.String()
}

// readList reads the paths of --files-from: one per line, or separated by
// NUL bytes when the text holds any (`git diff -z --name-only`, `find
// -print0`). Empty entries are dropped, and so is a CR before a newline.
func readList(src []byte) []string {
	sep := "\n"
	if bytes.IndexByte(src, 0) >= 0 {
		sep = "\x00"
	}
	var out []string
	for _, p := range strings.Split(string(src), sep) {
		if sep == "\n" {
			p = strings.TrimSuffix(p, "\r")
		}
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// describe shortens an os error to what a user needs.
func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFile(path string, limit int64) ([]byte, error) {
	f, err := openInput(path) // a FIFO: without waiting for a writer
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 0
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, errors.New("is a directory")
		}
		if st.Mode()&fs.ModeNamedPipe != 0 {
			return readFIFO(f, limit)
		}
		if !st.Mode().IsRegular() {
			setBlocking(f)
		}
		if st.Mode().IsRegular() && st.Size() > limit {
			return nil, &validate.TooLargeError{Size: st.Size(), Limit: limit} // not read whole
		}
		if st.Mode().IsRegular() {
			size = int(st.Size())
		}
	}
	return readSized(f, limit, size)
}

func readLimited(r io.Reader, limit int64) ([]byte, error) { return readSized(r, limit, 0) }

// readSized reads r to its end, failing with a *validate.TooLargeError past
// limit bytes.
// With the size known (a regular file), the buffer is allocated once and
// two reads do (as os.ReadFile), where io.ReadAll would start at 512 bytes
// and grow.
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
			return nil, &validate.TooLargeError{Limit: limit}
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
	names := slices.Sorted(maps.Keys(subcommands))
	if c := manifest.Closest(arg, names); c != "" {
		return fmt.Sprintf(" (did you mean the command `manifestlint %s`?)", c)
	}
	return fmt.Sprintf(" (nor is it a command: %s; see --help)", strings.Join(names, ", "))
}
