package cli

// This file lints the inputs on a pool of workers and hands the results on
// in the order of the inputs.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/internal/fix"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// outcome is one input's outcome: its lint result and, when fixing, what
// fixing did.
type outcome struct {
	res   validate.Result
	stdin bool
	path  string
	fixed *fixed
}

// fixed is what --fix, --unsafe-fixes or --diff did to one input.
type fixed struct {
	// orig and out are the text before and after fixing.
	orig, out []byte
	// n counts the findings fixed; unsafeLeft the unsafe fixes left.
	n, unsafeLeft int
	// err is why the fixed text could not be written (--fix); notApplied
	// counts the fixes that were then not applied.
	err        error
	notApplied int
}

// lintAll reads and lints the inputs on a pool of GOMAXPROCS workers and
// calls emit with each result in the inputs' order, so output never depends
// on scheduling; emit runs on the calling goroutine. A result is emitted as
// soon as it and every earlier one are done, and at most a few results per
// worker wait for a slow earlier file, so memory stays bounded whatever the
// number of inputs. Inputs that cannot be read are reported on stderr, in
// their turn, and emitted as a result with ReadError set and no findings
// (failed is then true), so that every report records them; inputs found by a walk
// that do not look like manifests are left out and listed.
func lintAll(inputs []input, stdin io.Reader, o options, flags validate.Options, stderr io.Writer, emit func(outcome)) lintSummary {
	var stdinData []byte
	var stdinErr error
	for _, in := range inputs {
		if in.stdin {
			stdinData, stdinErr = readLimited(stdin, o.maxBytes)
		}
	}
	type done struct {
		i    int
		res  outcome
		err  error
		skip bool // found by a walk, not a manifest
		why  string
		// reported: an input already reported unusable on stderr
		reported bool
		// keyNote: the access key was asked from an unset
		// $AWS_ACCESS_KEY_ID (validate.Resolve), said once a run
		keyNote string
	}
	keyNoted := map[string]bool{}
	// lintedBy holds, with --verbose, why a file the content decided was
	// linted (written by the worker of input i, read after it is done).
	lintedBy := make([]string, len(inputs))
	// lintOne lints input i (a worker's job).
	lintOne := func(i int) done {
		in := inputs[i]
		if in.readErr != "" { // said on stderr when collected
			return done{i: i, res: outcome{res: validate.Result{File: in.path, ReadError: in.readErr}, path: in.path}, reported: true}
		}
		name, data, err := in.path, stdinData, stdinErr
		if in.stdin {
			name = o.stdinFilename
		} else {
			data, err = readFile(in.path, o.maxBytes)
		}
		test := in.found || o.onlyManifests
		if err != nil && test && errors.As(err, new(*validate.TooLargeError)) && !config.Select(in.cfg, in.path, test, func() []byte { return readHead(in.path) }).Lint {
			// A big YAML file a walk found (a data dump, a lock
			// file) is skipped like any other non-manifest.
			return done{i: i, skip: true}
		}
		if err != nil {
			return done{i: i, err: fmt.Errorf("%s: %v", safeName(name), describe(err)),
				res: outcome{res: validate.Result{File: name, ReadError: describe(err).Error()}, path: in.path}}
		}
		if !in.stdin {
			ch := config.Select(in.cfg, in.path, test, func() []byte { return data })
			if !ch.Lint {
				return done{i: i, skip: true, why: ch.Reason}
			}
			if ch.ByContent && o.verbose {
				lintedBy[i] = ch.Reason
			}
		}
		opts, keyNote, err := validate.Resolve(flags, in.cfg, name, os.Getenv)
		if err != nil {
			return done{i: i, err: err, res: outcome{res: validate.Result{File: name, ReadError: err.Error()}, path: in.path}}
		}
		fitMemLimit(len(data), opts.MaxFindings < 0 || o.fixing())
		o.online.facts(name, data, &opts)
		var res outcome
		if !o.fixing() {
			res = outcome{res: validate.Validate(name, data, opts), stdin: in.stdin, path: in.path}
		} else {
			res = fixOne(in, name, data, opts, o)
		}
		for _, w := range in.cfgSkipped {
			res.res.Notes = append(res.res.Notes, manifest.Note{ID: NoteConfigSkipped, Rules: []string{}, Message: "warning: " + w, Severity: manifest.Warning})
		}
		return done{i: i, res: res, keyNote: keyNote}
	}
	var sum lintSummary
	// deliver reports one linted input, in input order.
	deliver := func(d done) {
		if d.keyNote != "" && !keyNoted[d.keyNote] && !o.quiet {
			keyNoted[d.keyNote] = true
			fmt.Fprintf(stderr, "manifestlint: note: %s\n", escape.Line(d.keyNote))
		}
		switch {
		case d.reported:
			sum.failed = true
			emit(d.res)
		case d.err != nil:
			fmt.Fprintf(stderr, "manifestlint: %v\n", d.err)
			sum.failed = true
			emit(d.res) // the reports record it (Result.ReadError)
		case d.skip:
			sum.notManifest = append(sum.notManifest, inputs[d.i].path)
			sum.why = append(sum.why, d.why)
		default:
			if why := lintedBy[d.i]; why != "" {
				fmt.Fprintf(stderr, "manifestlint: note: linted %s as a manifest by its content: %s\n", safeName(inputs[d.i].path), escape.Line(why))
			}
			emit(d.res)
		}
	}
	if len(inputs) == 1 {
		// One file (a pre-commit hook's run, an editor's): no pool, no
		// goroutines to start and hand the result over.
		deliver(lintOne(0))
		return sum
	}
	workers := min(runtime.GOMAXPROCS(0), max(len(inputs), 1))
	// window bounds the results in flight: linted or being linted, not yet
	// emitted.
	window := make(chan struct{}, 8*workers)
	jobs := make(chan int)
	out := make(chan done, 8*workers)
	go func() {
		for i := range inputs {
			window <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				out <- lintOne(i)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	pending := make(map[int]done, cap(window))
	next := 0
	for d := range out {
		pending[d.i] = d
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			deliver(d)
		}
	}
	return sum
}

// NoteConfigSkipped is the id of the note a result carries when a
// configuration file that would apply to it was skipped as untrusted: its
// settings (region, disable, exclude) do not apply.
const NoteConfigSkipped = "config-skipped"

// lintSummary is what lintAll reports beside the results.
type lintSummary struct {
	// failed: an input could not be read.
	failed bool
	// notManifest are the walked files that do not look like manifests,
	// and why for each (config.Select).
	notManifest []string
	why         []string
}

// slim drops the parsed tree of a result once the manifest is linted, for
// the formats that hold every result until the end: the source (for
// snippets) and the findings stay. A clean file keeps no document at all.
// Ten thousand full trees would take over 100 MB.
func slim(r validate.Result) validate.Result {
	if r.Doc == nil {
		return r
	}
	if len(r.Findings) == 0 {
		r.Doc = nil
		return r
	}
	r.Doc = &manifest.Document{Name: r.Doc.Name, Source: r.Doc.Source, Secrets: r.Doc.Secrets}
	return r
}

// fixOne fixes one input (fix.Run) and, with --fix and without --diff,
// writes a changed file back in place. When the write fails, the result is
// the lint of the file as it still is.
func fixOne(in input, name string, data []byte, opts validate.Options, o options) outcome {
	fo := fix.Run(name, data, opts, fix.Options{Unsafe: o.unsafeFixes})
	l := outcome{res: fo.Result, stdin: in.stdin, path: in.path,
		fixed: &fixed{orig: data, out: fo.Source, n: fo.Fixed, unsafeLeft: fo.UnsafeLeft}}
	if o.diff || in.stdin || !fo.Changed(data) {
		return l
	}
	if err := writeInPlace(in.path, in.root, data, fo.Source); err != nil {
		l.fixed.err = err
		l.fixed.out, l.fixed.n, l.fixed.notApplied = data, 0, fo.Fixed
		l.res = validate.Validate(name, data, opts)
	}
	return l
}
