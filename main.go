// Command manifestlint checks AWS Import/Export manifests before they are
// submitted and reports every fault with the service's own error code,
// file:line:column, field path and a message that says how to fix it.
//
// Usage:
//
//	manifestlint [flags] FILE|DIR|- ...
//
// Exit status: 0 no errors (warnings alone do not fail), 1 errors found,
// 2 usage or I/O error.
package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/manifestlint/manifestlint/config"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/report"
	"github.com/manifestlint/manifestlint/validate"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// Exit statuses.
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
)

// defaultMaxBytes caps how much of one file is read (--max-bytes).
const defaultMaxBytes = 10 << 20

// subcommands are the commands beside linting (explain, codes, schema,
// version), keyed by their first argument.
var subcommands = commandTable()

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC sets the collector for a short run with a small live heap (results
// stream out and are dropped): Go's default, GOGC=100, spent about a third
// of the CPU of a 10,000-file run collecting. GOGC=400 collects a quarter as
// often; the soft limit of 20 MiB of Go memory makes it collect sooner
// whenever the heap grows (a 10 MB file), keeping the peak under 30 MB. A
// GOGC or GOMEMLIMIT in the environment wins. bench/parsefloor does the same,
// so that the floor it measures runs under the same settings.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(streamMemLimit)
		memLimitTuned = true
	}
}

// Soft memory limits of tuneGC: a streamed run holds little, but a format
// that gets every result at once (JSON, SARIF, ...) holds all the findings,
// and under the streamed limit its collector ran without pause (2.5 s of CPU
// instead of 1 s on 10,000 files).
const (
	streamMemLimit = 20 << 20
	holdMemLimit   = 48 << 20
)

// memLimitTuned says tuneGC set the memory limit (the environment did not).
var memLimitTuned bool

// options are the parsed command line of a lint run.
type options struct {
	format        string
	jobType       string
	region        string
	accessKeyID   string
	stdinFilename string
	noSnippet     bool
	color         string
	maxBytes      int64
	showVersion   bool
	configFile    string
	noConfig      bool
	ignore        []string
}

// run is the whole command, testable without a subprocess: it returns the
// exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if cmd, ok := subcommands[args[0]]; ok {
			return cmd(args[1:], stdout, stderr)
		}
	}
	var o options
	fl := pflag.NewFlagSet("manifestlint", pflag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.SortFlags = false
	fl.StringVarP(&o.format, "format", "f", "", "output format: "+strings.Join(formatNames(), ", ")+" (default text; github when GITHUB_ACTIONS=true)")
	fl.StringVar(&o.jobType, "job-type", "", "the job's type, import or export (default: inferred from each manifest)")
	fl.StringVar(&o.region, "region", "", "the job's region: "+strings.Join(manifest.Regions, ", "))
	fl.StringVar(&o.accessKeyID, "access-key-id", "", "the AWS access key id that will sign the request (default $AWS_ACCESS_KEY_ID)")
	fl.StringVar(&o.stdinFilename, "stdin-filename", "-", "the name to report standard input under")
	fl.BoolVar(&o.noSnippet, "no-snippet", false, "do not show the source line under each finding (text format)")
	fl.StringVar(&o.color, "color", "auto", "colour the text output: auto, always or never (auto: on a terminal, unless NO_COLOR is set)")
	fl.Int64Var(&o.maxBytes, "max-bytes", defaultMaxBytes, "the largest file to read, in bytes")
	fl.BoolVar(&o.showVersion, "version", false, "print the version and exit")
	fl.StringVar(&o.configFile, "config", "", "the configuration file (default: "+config.FileName+" in the current directory or above, up to the repository root)")
	fl.BoolVar(&o.noConfig, "no-config", false, "ignore any configuration file")
	fl.StringSliceVar(&o.ignore, "ignore", nil, "drop the findings of this rule id or code everywhere (repeatable, or comma-separated)")
	fl.Usage = func() {
		fmt.Fprintf(stderr, "Usage: manifestlint [flags] FILE|DIR|- ...\n\n"+
			"Checks AWS Import/Export manifests and reports each fault with the service's error code.\n"+
			"A directory means every *.yaml and *.yml file below it; - reads standard input.\n\n"+
			"Commands: manifestlint explain CODE|RULE, codes, schema, version\n\nFlags:\n")
		fl.PrintDefaults()
		fmt.Fprintf(stderr, "\nExit status: 0 no errors, 1 errors found, 2 usage or I/O error.\n")
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintf(stderr, "manifestlint: %v (see --help)\n", err)
		return exitUsage
	}
	if o.showVersion {
		if cmd, ok := subcommands["version"]; ok {
			return cmd(nil, stdout, stderr)
		}
		fmt.Fprintln(stdout, "manifestlint")
		return exitOK
	}

	vopts, format, err := o.resolve()
	if err != nil {
		fmt.Fprintf(stderr, "manifestlint: %v\n", err)
		return exitUsage
	}
	cfg, err := o.configure(&vopts)
	if err != nil {
		fmt.Fprintln(stderr, configErrorText(err))
		return exitUsage
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(stderr, "manifestlint: no input: give manifest files, directories, or - for standard input (see --help)")
		return exitUsage
	}

	inputs, ioFailed := collectInputs(fl.Args(), stderr)
	inputs = cfg.assign(inputs, o.stdinFilename)
	ropts := report.Options{Color: useColor(o.color, stdout), Snippet: !o.noSnippet, Version: version()}
	// A format that can stream writes each file as soon as it and every file
	// before it are linted, and the file's parsed document is dropped: memory
	// stays flat however many files there are. Other formats get every
	// result at once, each holding only what a formatter reads (slim).
	var stream report.Stream
	var results []validate.Result
	if newStream := report.Streams[format]; newStream != nil {
		stream = newStream(stdout, ropts)
	} else if memLimitTuned {
		debug.SetMemoryLimit(holdMemLimit)
	}
	findings, writeErr := false, error(nil)
	readFailed := lintAll(inputs, stdin, o, vopts, stderr, func(r validate.Result) {
		findings = findings || r.Errors() > 0
		if stream == nil {
			results = append(results, slim(r))
		} else if err := stream.File(r); err != nil && writeErr == nil {
			writeErr = err
		}
	})
	if stream != nil {
		if err := stream.Close(); err != nil && writeErr == nil {
			writeErr = err
		}
	} else {
		writeErr = report.Formats[format](stdout, results, ropts)
	}
	if writeErr != nil {
		fmt.Fprintf(stderr, "manifestlint: writing output: %v\n", writeErr)
		return exitUsage
	}
	switch {
	case ioFailed || readFailed:
		return exitUsage
	case findings:
		return exitFindings
	}
	return exitOK
}

// slim drops the parsed tree below a result's root mapping once the
// manifest is linted, for the formats that hold every result until the end:
// the source (for snippets), the root's kind and position (so that
// Doc.Root != nil still says "parsed") and the findings stay. A clean file
// keeps no document at all. Ten thousand full trees would take over 100 MB.
func slim(r validate.Result) validate.Result {
	if r.Doc == nil {
		return r
	}
	if len(r.Findings) == 0 {
		r.Doc = nil
		return r
	}
	d := &manifest.Document{Name: r.Doc.Name, Source: r.Doc.Source}
	if root := r.Doc.Root; root != nil {
		d.Root = &yaml.Node{Kind: root.Kind, Tag: root.Tag, Line: root.Line, Column: root.Column}
	}
	r.Doc = d
	return r
}

// resolve checks the flags' values and turns them into validate options and
// a format name.
func (o *options) resolve() (validate.Options, string, error) {
	var v validate.Options
	if o.jobType != "" {
		jt, ok := manifest.ParseJobType(o.jobType)
		if !ok {
			return v, "", fmt.Errorf("%s: %s --job-type is %q; use import or export", manifest.InvalidParameter, manifest.InvalidParameter.Message(), o.jobType)
		}
		v.JobType = jt
	}
	if o.region != "" {
		if !manifest.IsRegion(o.region) {
			return v, "", fmt.Errorf("--region %q is not a region the service ran in; use one of %s", o.region, strings.Join(manifest.Regions, ", "))
		}
		v.Region, v.RegionSource = o.region, "--region"
	}
	// AWS_ACCESS_KEY_ID is read after the config file (configure).
	v.AccessKeyID = o.accessKeyID
	format := o.format
	if format == "" {
		format = "text"
		if os.Getenv("GITHUB_ACTIONS") == "true" && report.Formats["github"] != nil {
			format = "github"
		}
	}
	if report.Formats[format] == nil {
		return v, "", fmt.Errorf("unknown --format %q; use one of %s", format, strings.Join(formatNames(), ", "))
	}
	switch o.color {
	case "auto", "always", "never":
	default:
		return v, "", fmt.Errorf("--color is %q; use auto, always or never", o.color)
	}
	if o.maxBytes <= 0 {
		return v, "", fmt.Errorf("--max-bytes must be positive")
	}
	return v, format, nil
}

// input is one manifest to lint: a path, or standard input.
type input struct {
	path  string
	stdin bool
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
			fmt.Fprintf(stderr, "manifestlint: %s: %v\n", a, describe(err))
			failed = true
			continue
		}
		if !st.IsDir() {
			add(input{path: a})
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
				add(input{path: p})
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

// lintAll reads and lints the inputs on a pool of GOMAXPROCS workers and
// calls emit with each result in the inputs' order, so output never depends
// on scheduling; emit runs on the calling goroutine. A result is emitted as
// soon as it and every earlier one are done, and at most a few results per
// worker wait for a slow earlier file, so memory stays bounded whatever the
// number of inputs. Inputs that cannot be read are reported on stderr, in
// their turn, and left out; lintAll then returns true.
func lintAll(inputs []input, stdin io.Reader, o options, vopts validate.Options, stderr io.Writer, emit func(validate.Result)) bool {
	var stdinData []byte
	var stdinErr error
	for _, in := range inputs {
		if in.stdin {
			stdinData, stdinErr = readLimited(stdin, o.maxBytes)
		}
	}
	type done struct {
		i   int
		res validate.Result
		err error
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
				in := inputs[i]
				name, data, err := in.path, stdinData, stdinErr
				if in.stdin {
					name = o.stdinFilename
				} else {
					data, err = readFile(in.path, o.maxBytes)
				}
				if err != nil {
					out <- done{i: i, err: fmt.Errorf("%s: %v", name, describe(err))}
					continue
				}
				opts := vopts
				if opts.JobType == manifest.JobTypeUnknown {
					opts.JobType = in.jobType
				}
				out <- done{i: i, res: validate.Validate(name, data, opts)}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	failed := false
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
			if d.err != nil {
				fmt.Fprintf(stderr, "manifestlint: %v\n", d.err)
				failed = true
				continue
			}
			emit(d.res)
		}
	}
	return failed
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
func readSized(r io.Reader, limit int64, size int) ([]byte, error) {
	capacity := int64(size) + 1 // one more byte, to see the end without growing
	if size == 0 {
		capacity = 4096
	}
	buf := make([]byte, 0, min(capacity, limit+1))
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow
		}
		n, err := r.Read(buf[len(buf):min(int64(cap(buf)), limit+1)])
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

// describe shortens an os error to what a user needs.
func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func formatNames() []string {
	names := make([]string, 0, len(report.Formats))
	for n := range report.Formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
