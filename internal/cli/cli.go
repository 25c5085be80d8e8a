// Package cli is the manifestlint command: flags, inputs, the lint pool,
// subcommands and exit statuses. main.go only calls Main; the language server
// and the WebAssembly build reuse what they need from here and from validate.
//
// Exit status: 0 no errors (warnings alone do not fail), 1 errors found,
// 2 usage or I/O error.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/manifestlint/manifestlint/config"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/report"
	"github.com/manifestlint/manifestlint/validate"
	"github.com/spf13/pflag"
)

// Exit statuses of Main.
const (
	// ExitOK: no errors (warnings alone do not fail).
	// ExitFindings: at least one error finding.
	// ExitUsage: a usage or I/O error.
	ExitOK       = 0
	ExitFindings = 1
	ExitUsage    = 2
)

// defaultMaxBytes caps how much of one file is read (--max-bytes).
const defaultMaxBytes = 10 << 20

// subcommands are the commands beside linting (explain, codes, schema,
// version), keyed by their first argument.
var subcommands = commandTable()

// TuneGC sets the collector for a short run with a small live heap (results
// stream out and are dropped): Go's default, GOGC=100, spent about a third
// of the CPU of a 10,000-file run collecting. GOGC=400 collects a quarter as
// often; the soft limit of 20 MiB of Go memory makes it collect sooner
// whenever the heap grows (a 10 MB file), keeping the peak under 30 MB. A
// GOGC or GOMEMLIMIT in the environment wins. bench/parsefloor does the same,
// so that the floor it measures runs under the same settings.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(streamMemLimit)
		memLimitTuned = true
	}
}

// Soft memory limits of TuneGC: a streamed run holds little, but a format
// that gets every result at once (JSON, SARIF, ...) holds all the findings,
// and under the streamed limit its collector ran without pause (2.5 s of CPU
// instead of 1 s on 10,000 files).
const (
	streamMemLimit = 20 << 20
	holdMemLimit   = 48 << 20
)

// memLimitTuned says TuneGC set the memory limit (the environment did not).
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

// Main is the whole command, testable without a subprocess: it returns the
// exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if args[0] == "lsp" {
			return cmdLSP(args[1:], stdin, stdout, stderr)
		}
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
			"Commands: manifestlint explain CODE|RULE, codes, schema, version, lsp\n\nFlags:\n")
		fl.PrintDefaults()
		fmt.Fprintf(stderr, "\nExit status: 0 no errors, 1 errors found, 2 usage or I/O error.\n")
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		fmt.Fprintf(stderr, "manifestlint: %v (see --help)\n", err)
		return ExitUsage
	}
	if o.showVersion {
		if cmd, ok := subcommands["version"]; ok {
			return cmd(nil, stdout, stderr)
		}
		fmt.Fprintln(stdout, "manifestlint")
		return ExitOK
	}

	vopts, format, err := o.resolve()
	if err != nil {
		fmt.Fprintf(stderr, "manifestlint: %v\n", err)
		return ExitUsage
	}
	cfg, err := o.configure(&vopts)
	if err != nil {
		fmt.Fprintln(stderr, configErrorText(err))
		return ExitUsage
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(stderr, "manifestlint: no input: give manifest files, directories, or - for standard input (see --help)")
		return ExitUsage
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
		return ExitUsage
	}
	switch {
	case ioFailed || readFailed:
		return ExitUsage
	case findings:
		return ExitFindings
	}
	return ExitOK
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
