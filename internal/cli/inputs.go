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
	seen   *seenFiles
	out    []input
	skip   skipped
	failed bool
	// root is the tree being walked (input.root).
	root string
	// statWalk keys the files a walk finds by device and inode too (an
	// lstat each), so that a file with two names (hard links) is one
	// input: with --fix, two workers writing one file through its two
	// names would race. A lint run tells walked files apart by path
	// alone (see seenFiles).
	statWalk bool
	// realDirs caches realDir: the folders of named and listed files.
	realDirs map[string]string
}

func newCollector(cfg *runConfig, stderr io.Writer) *collector {
	return &collector{stderr: stderr, cfg: cfg, seen: newSeenFiles(), realDirs: map[string]string{}}
}

// seenFiles holds the keys of the files already in, so that a file reached
// twice (a link, `./x` beside `x`, a folder named twice, `manifestlint dir
// dir/a.yaml`) is linted once. Every file is keyed by its real path (the
// cleaned absolute path, links resolved); files that were stat'ed anyway
// (named, listed, reached through a link, or walked with --fix) are keyed
// by device and inode as well, and a file is in if either key is.
//
// A walk does not stat the regular files it finds: it does not enter links
// to directories, so below a root resolved once every regular file has one
// path, and the real path alone tells it from the others. (The inode a
// directory listing gives is not used: on overlayfs it can differ from
// stat's.) What a lint run then reads twice is a file with two hard links
// that a walk finds under its two names, or under one while the other is
// named: each name is reported, as gofmt -l, ruff and eslint do. --fix
// keys walked files by inode as well (collector.statWalk). Two more ways
// one file gets two real paths, also linted under each: a folder mounted
// twice inside the tree (a bind mount), and a case-insensitive file system
// with a root and a file named in different cases.
type seenFiles struct {
	paths map[string]bool
	ids   map[[2]uint64]bool
	stdin bool
}

func newSeenFiles() *seenFiles {
	return &seenFiles{paths: map[string]bool{}, ids: map[[2]uint64]bool{}}
}

// fileKeys are the keys of one file: its real path, and its device and
// inode when known (hasID).
type fileKeys struct {
	path  string
	id    [2]uint64
	hasID bool
}

// has reports whether a file with either key is in.
func (s *seenFiles) has(k fileKeys) bool {
	return s.paths[k.path] || k.hasID && s.ids[k.id]
}

// put records both keys of a file.
func (s *seenFiles) put(k fileKeys) {
	s.paths[k.path] = true
	if k.hasID {
		s.ids[k.id] = true
	}
}

// keys returns the keys of the file at p, which st describes (nil if p
// could not be stat'ed): link says p itself is a symbolic link (its real
// path is resolved whole).
func (c *collector) keys(p string, st fs.FileInfo, link bool) fileKeys {
	var k fileKeys
	if link {
		k.path = realPath(p)
	} else {
		k.path = filepath.Join(c.realDir(filepath.Dir(p)), filepath.Base(p))
	}
	if st != nil {
		k.id, k.hasID = fileID(st)
	}
	return k
}

// realDir returns the real path of folder dir, resolved once per folder.
func (c *collector) realDir(dir string) string {
	if r, ok := c.realDirs[dir]; ok {
		return r
	}
	r := realPath(dir)
	c.realDirs[dir] = r
	return r
}

// realPath returns p absolute, cleaned, with its links resolved; as far as
// it can be resolved (a missing file: absolute and cleaned).
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = filepath.Clean(p)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}

// add appends an input unless the same file is already in (seenFiles).
func (c *collector) add(in input, k fileKeys) {
	if c.seen.has(k) {
		return
	}
	c.seen.put(k)
	c.out = append(c.out, in)
}

// isInput reports whether the existing file name, which st describes, is
// one of the inputs: by device and inode, by real path (a link to a walked
// file), and, for a file with more than one hard link, by comparing it
// with each input a walk found without a stat (an lstat each, only when an
// --output file has hard links).
func (c *collector) isInput(name string, st fs.FileInfo) bool {
	if c.seen.has(c.keys(name, st, true)) {
		return true
	}
	if n, ok := linkCount(st); ok && n < 2 {
		return false
	}
	for _, in := range c.out {
		if in.stdin || in.readErr != "" {
			continue
		}
		if s, err := os.Stat(in.path); err == nil && os.SameFile(s, st) {
			return true
		}
	}
	return false
}

// unusable reports a path that cannot be used (msg, on stderr) and keeps
// it as an input that lintAll hands to the reports as unreadable, so that
// a report does not silently lose a file; the run exits 2.
func (c *collector) unusable(p string, err error, msg string) {
	c.fail("%s", msg)
	c.add(input{path: p, readErr: describe(err).Error()}, c.keys(p, nil, false))
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
		if !c.seen.stdin {
			c.seen.stdin = true
			c.out = append(c.out, input{stdin: true})
		}
		return
	}
	st, link, err := statLink(a)
	if err != nil {
		c.unusable(a, err, fmt.Sprintf("%s: %v%s", a, describe(err), commandHint(a)))
		return
	}
	if st.IsDir() {
		c.walkRoot(a)
		return
	}
	c.add(input{path: a, root: filepath.Dir(a)}, c.keys(a, st, link))
}

// statLink stats p, following a link, and says whether p is one.
func statLink(p string) (st fs.FileInfo, link bool, err error) {
	st, err = os.Lstat(p)
	if err == nil && st.Mode()&fs.ModeSymlink != 0 {
		link = true
		st, err = os.Stat(p)
	}
	return st, link, err
}

// listed adds a path read by --files-from: a directory is walked, and a
// file is a candidate, as if a walk had found it (a list from `git diff
// --name-only` names every changed file, not only manifests).
func (c *collector) listed(p string) {
	st, link, err := statLink(p)
	if err != nil {
		c.unusable(p, err, fmt.Sprintf("%s (from --files-from): %v", p, describe(err)))
		return
	}
	if st.IsDir() {
		c.walkRoot(p)
		return
	}
	c.root = filepath.Dir(p)
	if include, wanted := c.wants(p); wanted {
		c.candidate(p, include, st.Mode(), c.keys(p, st, link), nil)
	}
}

// wants says whether a file found by a walk may be a manifest: with an
// include list in the config file (include), the files it matches (linted
// whatever their content); otherwise *.yaml and *.yml files other than the
// config file, linted if their content looks like a manifest.
func (c *collector) wants(p string) (include, wanted bool) {
	cfg, _ := c.cfg.forFile(p)
	if cfg != nil && len(cfg.Include) > 0 {
		return true, cfg.Included(p)
	}
	ext := strings.ToLower(filepath.Ext(p))
	return false, (ext == ".yaml" || ext == ".yml") && filepath.Base(p) != config.FileName
}

// candidate adds a file found by a walk that it wants, of type mode (the
// target's, for a link), keyed by k. Anything but a regular file is
// skipped with a note: a FIFO would block the run. A broken link has
// linkErr set, and its mode is not used.
func (c *collector) candidate(p string, include bool, mode fs.FileMode, k fileKeys, linkErr error) {
	switch {
	case linkErr != nil:
		c.skip.special = append(c.skip.special, skippedFile{p, fmt.Sprintf("a broken link (%v)", describe(linkErr))})
	case !mode.IsRegular():
		c.skip.special = append(c.skip.special, skippedFile{p, "not a regular file (" + modeName(mode) + ")"})
	default:
		c.add(input{path: p, found: !include, root: c.root}, k)
	}
}

// walkRoot walks the directory a command-line argument or a --files-from
// entry names, its real path resolved once for the keys of the files below.
func (c *collector) walkRoot(dir string) {
	c.root = dir
	c.walk(dir, realPath(dir))
}

// walk adds the candidates below dir, whose real path is real, in lexical
// order. Hidden directories (.git) are not entered. dir itself may be a
// link; links to directories found inside are skipped with a note, so that
// a link loop cannot trap the walk, and so that below a root each regular
// file has one path; links to files are followed. Regular files are not
// stat'ed (the listing's type bits tell them apart), unless c.statWalk.
func (c *collector) walk(dir, real string) {
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
				c.walk(p, filepath.Join(real, e.Name()))
			}
		case t&fs.ModeSymlink != 0:
			st, err := os.Stat(p)
			switch {
			case err == nil && st.IsDir():
				c.skip.dirLinks = append(c.skip.dirLinks, p)
			default:
				if include, wanted := c.wants(p); wanted {
					var mode fs.FileMode
					var k fileKeys
					if err == nil {
						mode, k = st.Mode(), c.keys(p, st, true)
					}
					c.candidate(p, include, mode, k, err)
				}
			}
		default:
			include, wanted := c.wants(p)
			if !wanted {
				continue
			}
			k := fileKeys{path: filepath.Join(real, e.Name())}
			if c.statWalk && t.IsRegular() {
				st, err := e.Info()
				if err != nil {
					c.unusable(p, err, fmt.Sprintf("%s: %v", p, describe(err)))
					continue
				}
				k.id, k.hasID = fileID(st)
			}
			c.candidate(p, include, t, k, nil)
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
