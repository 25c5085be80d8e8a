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
	"sort"
	"strings"
	"sync"

	"github.com/manifestlint/manifestlint/config"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/report"
	"github.com/manifestlint/manifestlint/validate"
	"github.com/spf13/pflag"
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
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

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
	results, readFailed := lintAll(inputs, stdin, o, vopts, stderr)
	ropts := report.Options{Color: useColor(o.color, stdout), Snippet: !o.noSnippet, Version: version()}
	if err := report.Formats[format](stdout, results, ropts); err != nil {
		fmt.Fprintf(stderr, "manifestlint: writing output: %v\n", err)
		return exitUsage
	}
	switch {
	case ioFailed || readFailed:
		return exitUsage
	case anyErrors(results):
		return exitFindings
	}
	return exitOK
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

// lintAll reads and lints the inputs on a pool of GOMAXPROCS workers;
// results keep the inputs' order, so output never depends on scheduling.
// Inputs that cannot be read are reported on stderr and left out.
func lintAll(inputs []input, stdin io.Reader, o options, vopts validate.Options, stderr io.Writer) ([]validate.Result, bool) {
	results := make([]validate.Result, len(inputs))
	errs := make([]error, len(inputs))
	var stdinData []byte
	var stdinErr error
	for _, in := range inputs {
		if in.stdin {
			stdinData, stdinErr = readLimited(stdin, o.maxBytes)
		}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), max(len(inputs), 1))
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
					errs[i] = fmt.Errorf("%s: %v", name, describe(err))
					continue
				}
				opts := vopts
				if opts.JobType == manifest.JobTypeUnknown {
					opts.JobType = in.jobType
				}
				results[i] = validate.Validate(name, data, opts)
			}
		}()
	}
	for i := range inputs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	failed := false
	out := results[:0]
	for i, r := range results {
		if errs[i] != nil {
			fmt.Fprintf(stderr, "manifestlint: %v\n", errs[i])
			failed = true
			continue
		}
		out = append(out, r)
	}
	return out, failed
}

// errTooLarge reports a file over --max-bytes; it is not read whole.
var errTooLarge = errors.New("file too large")

func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, errors.New("is a directory")
		}
		if st.Mode().IsRegular() && st.Size() > limit {
			return nil, fmt.Errorf("%w: %d bytes, over --max-bytes %d: a manifest is a few kilobytes", errTooLarge, st.Size(), limit)
		}
	}
	return readLimited(f, limit)
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: over --max-bytes %d: a manifest is a few kilobytes", errTooLarge, limit)
	}
	return data, nil
}

// describe shortens an os error to what a user needs.
func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func anyErrors(results []validate.Result) bool {
	for _, r := range results {
		if r.Errors() > 0 {
			return true
		}
	}
	return false
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
