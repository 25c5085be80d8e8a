package cli

// This file writes a run's results in the formats asked for: --format on
// standard output, and each --output FORMAT=FILE to its file.

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/report"
	"github.com/manifestlint/manifestlint/validate"
)

// sink is one output of a run: a format and where it goes.
type sink struct {
	format string
	w      io.Writer
	file   *os.File // nil for standard output
	name   string   // the file's name, for messages
}

// sinks are a run's outputs; the first is the --format output.
type sinks []sink

// openSinks parses --output and creates its files. `FORMAT=FILE` adds an
// output beside --format's (which stays on standard output); a bare `FILE`
// sends the --format output to FILE instead of standard output. A file is
// created (truncated) before any manifest is read, so that a bad path
// fails at once.
func (o *options) openSinks(format string, stdout io.Writer) (sinks, error) {
	out := sinks{{format: format, w: stdout}}
	seen := map[string]bool{}
	for _, v := range o.outputs {
		f, name, ok := strings.Cut(v, "=")
		f = strings.ToLower(f)
		if !ok || report.Formats[f] == nil {
			if ok && !strings.ContainsAny(f, "/\\.") {
				out.close()
				return nil, fmt.Errorf("--output %q: unknown format `%s`: use FORMAT=FILE with one of %s%s", v, escape.Line(f), strings.Join(formatNames(), ", "), didYouMean(f, formatNames()))
			}
			f, name = "", v
		}
		if name == "" {
			out.close()
			return nil, fmt.Errorf("--output %q names no file", v)
		}
		if name == "-" {
			// Standard output is --format's: two formats there would
			// interleave, and a file named "-" is never what was meant.
			out.close()
			return nil, fmt.Errorf("--output %q: standard output is where --format writes; choose its format with --format and give --output a file name", v)
		}
		if seen[name] {
			out.close()
			return nil, fmt.Errorf("--output names %s twice", safeName(name))
		}
		seen[name] = true
		file, err := os.Create(name)
		if err != nil {
			out.close()
			return nil, fmt.Errorf("--output: %s: %v", safeName(name), describe(err))
		}
		s := sink{format: f, w: file, file: file, name: name}
		if f == "" { // FILE alone: the --format output goes there
			if out[0].file != nil {
				out.close()
				file.Close()
				return nil, fmt.Errorf("--output: two files (%s, %s) for the --format output; write FORMAT=FILE for the others", safeName(out[0].name), safeName(name))
			}
			s.format = format
			out[0] = s
			continue
		}
		out = append(out, s)
	}
	return out, nil
}

// close closes the files of the sinks.
func (ss sinks) close() error {
	var first error
	for _, s := range ss {
		if s.file != nil {
			if err := s.file.Close(); err != nil && first == nil {
				first = fmt.Errorf("%s: %v", safeName(s.name), describe(err))
			}
		}
	}
	return first
}

// running is a run's outputs while files are linted.
type running struct {
	sinks   sinks
	streams []report.Stream // per sink; nil for a format that needs every result
	bufs    []*bufio.Writer
	held    []validate.Result
	hold    bool
	opt     report.Options
	err     error
}

// start opens each sink's stream. A format that can stream writes each
// file as soon as it and every file before it are linted, and the file's
// parsed document is dropped: memory stays flat however many files there
// are. Other formats get every result at once, each holding only what a
// formatter reads (slim). Colour is for the terminal only.
func (ss sinks) start(opt report.Options) *running {
	r := &running{sinks: ss, streams: make([]report.Stream, len(ss)), opt: opt}
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
			if err := st.File(r.view(i, res)); err != nil && r.err == nil {
				r.err = err
			}
		}
	}
	if r.hold {
		r.held = append(r.held, slim(res))
	}
}

// close finishes every output and closes the files.
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
		if err != nil && s.file != nil {
			err = fmt.Errorf("%s: %v", safeName(s.name), err)
		}
		if err != nil && r.err == nil {
			r.err = err
		}
	}
	if err := r.sinks.close(); err != nil && r.err == nil {
		r.err = err
	}
	return r.err
}

// safeName shows a path with its control characters escaped (`\n`,
// `\x1b`), so that a file name cannot inject lines or terminal escapes into
// messages.
func safeName(p string) string { return escape.Line(p) }
