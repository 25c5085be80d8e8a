package cli

// This file writes a run's results in the formats asked for: --format on
// standard output, and each --output FORMAT=FILE to its file.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/internal/report"
	"github.com/manifestlint/manifestlint/validate"
)

// sink is one output of a run: a format and where it goes.
type sink struct {
	format string
	w      io.Writer
	file   *os.File // nil for standard output
	name   string   // the file's name, for messages
	// final is where file, a temporary file, is renamed when the report
	// is written whole; "" when file is written directly (a device or a
	// FIFO: /dev/stdout, /dev/null).
	final string
	// werr records the first write error of file.
	werr *errWriter
}

// sinks are a run's outputs; the first is the --format output.
type sinks []sink

// openSinks parses --output and opens its files. `FORMAT=FILE` adds an
// output beside --format's (which stays on standard output); a bare `FILE`
// sends the --format output to FILE instead of standard output. A file
// that is one of the run's inputs (isInput, through a link or a hard link
// too) is refused. A report is written to a
// temporary file beside FILE, created before any manifest is read so that
// a bad path fails at once, and renamed over FILE once written whole (see
// openOutput).
func (o *options) openSinks(format string, stdout io.Writer, isInput func(name string, st fs.FileInfo) bool) (sinks, error) {
	out := sinks{{format: format, w: stdout}}
	seen := map[string]bool{}
	type named struct{ format, name string }
	var files []named
	for _, v := range o.outputs {
		f, name, ok := strings.Cut(v, "=")
		f = strings.ToLower(f)
		if !ok || report.Formats[f] == nil {
			if ok && !strings.ContainsAny(f, "/\\.") {
				return nil, fmt.Errorf("--output %q: unknown format `%s`: use FORMAT=FILE with one of %s%s", v, escape.Line(f), strings.Join(formatNames(), ", "), didYouMean(f, formatNames()))
			}
			f, name = "", v
		}
		if name == "" {
			return nil, fmt.Errorf("--output %q names no file", v)
		}
		if name == "-" {
			// Standard output is --format's: two formats there would
			// interleave, and a file named "-" is never what was meant.
			return nil, fmt.Errorf("--output %q: standard output is where --format writes; choose its format with --format and give --output a file name", v)
		}
		if seen[name] {
			return nil, fmt.Errorf("--output names %s twice", safeName(name))
		}
		seen[name] = true
		if st, err := os.Stat(name); err == nil && isInput(name, st) {
			return nil, fmt.Errorf("--output %s: is also an input: the report would replace it; write the report to another file", safeName(name))
		}
		files = append(files, named{f, name})
	}
	for _, n := range files {
		file, final, err := openOutput(n.name)
		if err != nil {
			out.discard()
			return nil, fmt.Errorf("--output: %s: %v", safeName(n.name), describe(err))
		}
		ew := &errWriter{w: file}
		s := sink{format: n.format, w: ew, file: file, name: n.name, final: final, werr: ew}
		if n.format == "" { // FILE alone: the --format output goes there
			if out[0].file != nil {
				out = append(out, s)
				out.discard()
				return nil, fmt.Errorf("--output: two files (%s, %s) for the --format output; write FORMAT=FILE for the others", safeName(out[0].name), safeName(n.name))
			}
			s.format = format
			out[0] = s
			continue
		}
		out = append(out, s)
	}
	return out, nil
}

// openOutput opens the file of an --output. A regular file, or a new one,
// is written as a temporary file beside it (beside a symbolic link's
// target), which final names: the report replaces the file only once
// written whole, so that a full disk or a stopped run leaves the older
// report as it was, and SIGINT or SIGTERM remove the temporary file. A
// file replaced keeps its mode. Anything else (a device such as /dev/null
// or /dev/stdout, a FIFO) is written directly, never replaced.
func openOutput(name string) (f *os.File, final string, err error) {
	st, err := os.Stat(name)
	switch {
	case err == nil && st.IsDir():
		return nil, "", errors.New("is a directory")
	case err == nil && !st.Mode().IsRegular():
		// A FIFO is opened without waiting for a reader: with none, the
		// open fails (ENXIO) instead of blocking the run forever.
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_TRUNC|nonBlocking(st), 0)
		if err != nil {
			return nil, "", noReader(st, err)
		}
		setBlocking(f)
		return f, "", nil
	case err == nil:
		target, err := filepath.EvalSymlinks(name)
		if err != nil {
			return nil, "", err
		}
		f, err := createTemp(target, 0o666)
		if err != nil {
			return nil, "", err
		}
		if err := f.Chmod(st.Mode().Perm()); err != nil {
			removeTemp(f)
			return nil, "", err
		}
		return f, target, nil
	case !errors.Is(err, fs.ErrNotExist):
		return nil, "", err
	}
	if lst, err := os.Lstat(name); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		// A link to a file not there yet: create its target, as before.
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		return f, "", err
	}
	f, err = createTemp(name, 0o666)
	return f, name, err
}

// errWriter writes to w and keeps the first error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil && e.err == nil {
		e.err = err
	}
	return n, err
}

// discard closes the files of the sinks of a run that ends before it
// writes them, removing the temporary ones.
func (ss sinks) discard() {
	for _, s := range ss {
		switch {
		case s.file == nil:
		case s.final != "":
			removeTemp(s.file)
		default:
			s.file.Close()
		}
	}
}

// finish closes the files of the sinks; errs[i] is the error writing sink
// i, if any. A temporary file written whole is renamed into place; one
// that failed is removed, and the file it was to replace is left as it
// was.
func (ss sinks) finish(errs []error) error {
	var first error
	for i, s := range ss {
		if s.file == nil {
			continue
		}
		err := errs[i]
		if err == nil && s.werr.err != nil {
			err = s.werr.err
		}
		if cerr := s.file.Close(); err == nil {
			err = cerr
		}
		if s.final != "" {
			if err != nil {
				removeTemp(s.file)
			} else {
				err = renameTemp(s.file.Name(), s.final, nil)
			}
		}
		if err != nil && first == nil {
			first = fmt.Errorf("%s: %v", safeName(s.name), describe(err))
		}
	}
	return first
}

// running is a run's outputs while files are linted.
type running struct {
	sinks   sinks
	streams []report.Stream // per sink; nil for a format that needs every result
	held    []validate.Result
	hold    bool
	opt     report.Options
	// errs are the errors writing each sink.
	errs []error
}

// start opens each sink's stream. A format that can stream writes each
// file as soon as it and every file before it are linted, and the file's
// parsed document is dropped: memory stays flat however many files there
// are. Other formats get every result at once, each holding only what a
// formatter reads (slim). Colour is for the terminal only.
func (ss sinks) start(opt report.Options) *running {
	r := &running{sinks: ss, streams: make([]report.Stream, len(ss)), opt: opt, errs: make([]error, len(ss))}
	for i, s := range ss {
		sopt := r.sinkOptions(i)
		if newStream := report.Streams[s.format]; newStream != nil {
			r.streams[i] = newStream(s.w, sopt)
		} else {
			r.hold = true
		}
	}
	if r.hold && memLimitTuned {
		debug.SetMemoryLimit(holdMemLimit)
		memLimit.Store(holdMemLimit)
	}
	return r
}

// sinkOptions are the report options of sink i: colour is for the
// terminal only, and --quiet shapes what is printed (the --format output),
// not the files --output FORMAT=FILE writes for machines.
func (r *running) sinkOptions(i int) report.Options {
	sopt := r.opt
	if r.sinks[i].file != nil {
		sopt.Color = false
	}
	if i > 0 {
		sopt.Quiet = false
	}
	return sopt
}

// view is res as sink i shows it: errors only for the --format output of
// a --quiet run.
func (r *running) view(i int, res validate.Result) validate.Result {
	if i == 0 && r.opt.Quiet {
		res.Findings = errorsOnly(res.Findings)
		res.OmittedWarnings = 0
	}
	return res
}

// file writes one result to every streaming output and holds it for the
// others.
func (r *running) file(res validate.Result) {
	for i, st := range r.streams {
		if st != nil {
			if err := st.File(r.view(i, res)); err != nil && r.errs[i] == nil {
				r.errs[i] = err
			}
		}
	}
	if r.hold {
		r.held = append(r.held, slim(res))
	}
}

// close finishes every output and closes the files (sinks.finish).
func (r *running) close() error {
	for i, s := range r.sinks {
		var err error
		if st := r.streams[i]; st != nil {
			err = st.Close()
		} else {
			held := r.held
			if i == 0 && r.opt.Quiet {
				held = make([]validate.Result, len(r.held))
				for j, res := range r.held {
					held[j] = r.view(0, res)
				}
			}
			err = report.Formats[s.format](s.w, held, r.sinkOptions(i))
		}
		if err != nil && r.errs[i] == nil {
			r.errs[i] = err
		}
	}
	err := r.sinks.finish(r.errs)
	if err == nil && r.errs[0] != nil { // standard output
		err = r.errs[0]
	}
	return err
}

// safeName shows a path with its control characters escaped (`\n`,
// `\x1b`), so that a file name cannot inject lines or terminal escapes into
// messages.
func safeName(p string) string { return escape.Line(p) }
