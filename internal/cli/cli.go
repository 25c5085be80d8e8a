// Package cli is the manifestlint command: flags, inputs, the lint pool,
// subcommands and exit statuses. main.go only calls Main.
//
// Exit status: 0 no errors (warnings alone do not fail), 1 errors found,
// 2 usage or I/O error.
package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/internal/explain"
	"github.com/manifestlint/manifestlint/internal/report"
	"github.com/manifestlint/manifestlint/manifest"
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

// subcommands are the commands beside linting (explain, codes, schema,
// version), keyed by their first argument.
var subcommands = commandTable()

// TuneGC sets the collector for a short run with a small live heap (results
// stream out and are dropped): GOGC=400 collects a quarter as often as Go's
// default, and a soft memory limit sized to such a run's live heap makes it
// collect sooner whenever the heap grows. A large file raises the limit to
// fit it (fitMemLimit): under a limit below the live heap the collector runs
// without pause. A GOGC or GOMEMLIMIT in the environment wins.
// bench/parsefloor does the same, so that its floor runs under the same
// settings; docs/performance.md has the measurements.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(streamMemLimit)
		memLimit.Store(streamMemLimit)
		memLimitTuned = true
	}
}

// Soft memory limits of TuneGC: a streamed run holds little, but a format
// that gets every result at once (JSON, SARIF, ...) holds all the findings,
// and needs room above them to collect in.
const (
	streamMemLimit = 23 << 20
	holdMemLimit   = 48 << 20
)

// memLimitTuned says TuneGC set the memory limit (the environment did not).
var memLimitTuned bool

// heapPerInputByte is about the most Go memory linting one byte of a
// manifest holds at once when every finding is built (--max-findings -1,
// --fix): the YAML tree, the schema's view of it and a finding per line:
// 1.3 MB of `key:value` lines held 200 MB.
const heapPerInputByte = 256

// cappedHeapPerInputByte is the same under a cap on the findings, which
// builds the findings past the cap as counts only (validate.Validate):
// what is left is mostly the YAML tree. 1 MiB of `kN:v` lines, of
// `kN: v` lines, of unknown keys in one mapping or of flow lists peaks at
// 52 to 66 MB of live heap, against 40 MB for yaml.v3's tree alone.
const cappedHeapPerInputByte = 40

// memLimit is the soft memory limit TuneGC and fitMemLimit last set.
var memLimit atomic.Int64

// fitMemLimit raises TuneGC's soft memory limit, when it set one, so that
// linting a file of n bytes fits under it: under a limit below its live
// heap the collector runs without pause. Small files leave the limit as it is.
// all says every finding is built (no cap, or --fix).
func fitMemLimit(n int, all bool) {
	if !memLimitTuned {
		return
	}
	perByte := int64(cappedHeapPerInputByte)
	if all {
		perByte = heapPerInputByte
	}
	want := 2 * perByte * int64(n) // room to collect in
	for {
		cur := memLimit.Load()
		if want <= cur {
			return
		}
		if memLimit.CompareAndSwap(cur, want) {
			debug.SetMemoryLimit(want)
			return
		}
	}
}

// options are the parsed command line of a lint run.
type options struct {
	format        string
	jobType       string
	jobKind       string
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
	filesFrom     string
	onlyManifests bool
	quiet         bool
	verbose       bool
	outputs       []string
	maxWarnings   int
	maxFindings   int
	// fix, unsafeFixes and diff are --fix, --unsafe-fixes and --diff.
	fix, unsafeFixes, diff bool
	// statistics and exitZero are --statistics and --exit-zero.
	statistics, exitZero bool
	// online is --online and its flags (online.go).
	online onlineOptions
}

// fixing reports whether the run fixes (in place, to standard output, or
// as a diff).
func (o options) fixing() bool { return o.fix || o.diff }

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
	fl := lintFlags(&o, stdout, stderr)
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK
		}
		fmt.Fprintf(stderr, "manifestlint: %s%s (see --help)\n", escape.Line(err.Error()), flagHint(fl, err))
		return ExitUsage
	}
	if o.showVersion {
		return subcommands["version"](nil, stdout, stderr)
	}
	if st, done := wordHint(fl, stdout, stderr); done {
		return st
	}

	flags, format, err := o.resolve()
	if err != nil {
		fmt.Fprintf(stderr, "manifestlint: %v\n", err)
		return ExitUsage
	}
	cfg, err := o.configure(flags, stderr)
	if err != nil {
		fmt.Fprintln(stderr, configErrorText(err))
		return ExitUsage
	}
	for _, a := range fl.Args() {
		if st, err := os.Stat(a); err == nil && st.IsDir() {
			if abs, err := filepath.Abs(a); err == nil {
				cfg.roots = append(cfg.roots, abs)
			}
		}
	}
	if err := o.online.resolve(onlineGetenv); err != nil {
		fmt.Fprintf(stderr, "manifestlint: %v\n", err)
		return ExitUsage
	}
	c := newCollector(cfg, stderr)
	c.statWalk = o.fixing()
	for _, a := range fl.Args() {
		c.named(a)
	}
	if o.filesFrom != "" {
		if err := o.readFilesFrom(c, stdin); err != nil {
			fmt.Fprintf(stderr, "manifestlint: --files-from: %s\n", escape.Line(err.Error()))
			return ExitUsage
		}
	}
	if fl.NArg() == 0 && o.filesFrom == "" {
		// `cat m.yaml | manifestlint` reads the pipe; a terminal, or a
		// standard input that is empty (a CI step's), is no input.
		var data []byte
		if !isTerminal(stdin) {
			if data, err = readLimited(stdin, o.maxBytes); err != nil {
				fmt.Fprintf(stderr, "manifestlint: %s: %v\n", safeName(o.stdinFilename), err)
				return ExitUsage
			}
		}
		if len(data) == 0 {
			fmt.Fprintln(stderr, "manifestlint: no input: give manifest files, directories, or - for standard input (see --help)")
			return ExitUsage
		}
		stdin = bytes.NewReader(data)
		c.named("-")
	}
	inputs := cfg.assign(c.out, o.stdinFilename)
	c.skip.excluded = len(c.out) - len(inputs)
	if cfg.err != nil {
		fmt.Fprintln(stderr, configErrorText(cfg.err))
		return ExitUsage
	}
	cfg.printNotes(stderr, o.verbose)
	if o.diff {
		return diffAll(inputs, stdin, o, flags, stdout, stderr, c.failed)
	}
	// With --fix, standard input's fixed text goes to standard output, and
	// the report to standard error.
	out := stdout
	if o.fix && hasStdin(inputs) {
		out = stderr
	}
	sinks, err := o.openSinks(format, out, c.isInput)
	if err != nil {
		fmt.Fprintf(stderr, "manifestlint: %v\n", err)
		return ExitUsage
	}
	// The walk's bookkeeping (a key per file) is not needed past here: on
	// 10,000 files it was a megabyte the collector kept marking while
	// every file was linted.
	c.seen = nil
	ropts := report.Options{Color: useColor(o.color, out), Snippet: !o.noSnippet, Version: version(), Quiet: o.quiet, Verbose: o.verbose, ConfigFile: cfg.file(), Rules: validate.Rules(), UnsafeFixes: o.unsafeFixes, Fixing: o.fixing(), Statistics: o.statistics}
	run := sinks.start(ropts)
	errs, warns, linted := 0, 0, 0
	var fixes fixSummary
	var fixOutErr error
	sum := lintAll(inputs, stdin, o, flags, stderr, func(l outcome) {
		r := l.res
		if l.fixed != nil {
			if err := fixes.add(l, stdout, stderr); err != nil && fixOutErr == nil {
				fixOutErr = err
			}
		}
		e, w := r.Count()
		errs, warns = errs+e, warns+w
		if r.ReadError == "" {
			linted++
		}
		run.file(r)
	})
	writeErr := run.close()
	if writeErr == nil {
		writeErr = fixOutErr
	}
	if o.fix && !o.quiet {
		fmt.Fprintln(stderr, fixes.line(false, o.unsafeFixes))
	}
	onlineFailed := o.online.finish(stderr, o.verbose, o.quiet)
	nothing := linted == 0 && !c.failed && !sum.failed
	if nothing && !o.verbose && !o.onlyManifests {
		o.runNotes(stderr, c.skip, nil, nil) // the line below counts them
	} else {
		o.runNotes(stderr, c.skip, sum.notManifest, sum.why)
	}
	if nothing {
		fmt.Fprintln(stderr, "manifestlint: no manifest was linted"+nothingHint(c.skip, sum.notManifest))
	}
	if writeErr != nil {
		fmt.Fprintf(stderr, "manifestlint: writing output: %v\n", writeErr)
		return ExitUsage
	}
	switch {
	case c.failed || sum.failed || fixes.failed || onlineFailed:
		return ExitUsage
	case o.exitZero:
		return ExitOK
	case errs > 0:
		return ExitFindings
	case o.maxWarnings >= 0 && warns > o.maxWarnings:
		fmt.Fprintf(stderr, "manifestlint: %s, over --max-warnings %d\n", manifest.Plural(warns, "warning"), o.maxWarnings)
		return ExitFindings
	}
	return ExitOK
}

// lintFlags defines the flags of a lint run.
func lintFlags(o *options, stdout, stderr io.Writer) *pflag.FlagSet {
	fl := pflag.NewFlagSet("manifestlint", pflag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.SortFlags = false
	fl.StringVarP(&o.format, "format", "f", "", "output format: "+strings.Join(formatNames(), ", ")+" (default text; github when GITHUB_ACTIONS=true)")
	// ruff's spelling, for those who type it: the same variable, not in
	// --help (one flag is documented).
	fl.StringVar(&o.format, "output-format", "", "the same as --format")
	_ = fl.MarkHidden("output-format")
	fl.StringArrayVarP(&o.outputs, "output", "o", nil, "write a format to a file: `FORMAT=FILE` (repeatable; e.g. sarif=results.sarif beside the text on the terminal), or FILE for the --format output instead of standard output")
	fl.StringVar(&o.jobType, "job-type", "", "the job's type, import or export (default: inferred from each manifest)")
	fl.StringVar(&o.jobKind, "job-kind", "", "the job's kind, "+strings.Join(kindNames(), ", ")+" (instead of --job-type: also fixes which import)")
	fl.StringVar(&o.region, "region", "", "the job's region: "+strings.Join(manifest.Regions, ", "))
	fl.StringVar(&o.accessKeyID, "access-key-id", "", "the AWS access key id that will sign the request; env reads $AWS_ACCESS_KEY_ID")
	fl.StringVar(&o.filesFrom, "files-from", "", "also lint the paths listed in `FILE`, one per line or NUL-separated (- for standard input), filtered as a directory walk is")
	boolVar(fl, &o.onlyManifests, "only-manifests", "", "apply the manifest test to the files named too (as a walk does), skipping and listing those that are not manifests: for pre-commit hooks and CI steps that pass every YAML file")
	fl.StringVar(&o.stdinFilename, "stdin-filename", "-", "the name to report standard input under")
	boolVar(fl, &o.quiet, "quiet", "q", "print errors only: no warnings, notes, or summary on success")
	boolVar(fl, &o.verbose, "verbose", "v", "show the service's sentence under each finding, and list the files a walk skipped")
	fl.IntVar(&o.maxWarnings, "max-warnings", -1, "exit 1 when there are more than `N` warnings (0: any warning fails)")
	fl.IntVar(&o.maxFindings, "max-findings", validate.DefaultMaxFindings, "list at most `N` findings per file, the first by line; a note counts the rest, which still count toward the summary and the exit status (0: no limit)")
	boolVar(fl, &o.noSnippet, "no-snippet", "", "do not show the source line under each finding (text format)")
	fl.StringVar(&o.color, "color", "auto", "colour the text output: auto, always or never (auto: on a terminal, unless NO_COLOR is set)")
	boolVar(fl, &o.statistics, "statistics", "", "print a count per rule and code instead of the findings (text and concise formats)")
	boolVar(fl, &o.exitZero, "exit-zero", "", "exit 0 even when there are errors (2 still means a usage or I/O error)")
	fl.Int64Var(&o.maxBytes, "max-bytes", validate.DefaultMaxBytes, "the largest file to read, in bytes")
	boolVar(fl, &o.showVersion, "version", "", "print the version and exit")
	fl.StringVar(&o.configFile, "config", "", "the configuration file for every file (default: for each file, the "+config.FileName+" nearest its folder, up to the repository root)")
	boolVar(fl, &o.noConfig, "no-config", "", "ignore any configuration file")
	fl.StringSliceVar(&o.ignore, "ignore", nil, "drop the findings of this rule id or code everywhere (repeatable, or comma-separated)")
	boolVar(fl, &o.fix, "fix", "", "apply the safe fixes in place (with -, write the fixed text to standard output and the report to standard error), then report what is left")
	boolVar(fl, &o.unsafeFixes, "unsafe-fixes", "", "with --fix or --diff, apply the unsafe fixes too (they change meaning: review them); alone, mark them [*] as fixable")
	boolVar(fl, &o.diff, "diff", "", "print what --fix would change as a unified diff, write nothing, and exit 1 when there is a change")
	addOnlineFlags(fl, &o.online)
	fl.Usage = func() { printUsage(stdout, fl) } // --help: standard output, status 0
	return fl
}

// usageText is the head of --help, a paragraph a line: printUsage wraps
// it to the output's width.
const usageText = "Usage: manifestlint [flags] FILE|DIR|- ...\n\n" +
	"Checks AWS Import/Export manifests and reports each fault with the service's error code.\n\n" +
	"A file named is always linted; a directory means the *.yaml and *.yml files below it that look " +
	"like manifests (named manifest.yaml or *.manifest.yaml, a top-level manifestVersion key, or two " +
	"manifest keys); - reads standard input, as does a pipe when no file is named.\n\n" +
	"Commands: manifestlint explain CODE|RULE, codes, rules, schema, init, completion SHELL, version, lsp\n\nFlags:\n"

func printUsage(w io.Writer, fl *pflag.FlagSet) {
	width := outputWidth() - 1
	fmt.Fprint(w, explain.WrapLines(usageText, width))
	fmt.Fprint(w, wrapFlagUsages(fl))
	fmt.Fprint(w, explain.WrapLines("\nExit status: 0 no errors, 1 errors found (or warnings over --max-warnings), 2 usage or I/O error.\n"+
		"With --diff: 0 nothing to fix, 1 a fix would change a file, 2 usage or I/O error.\n", width))
}

// boolVar defines a boolean flag that --help shows as `--quiet`, not as
// pflag's `--quiet[=true|false]`: `--quiet=false` still works.
func boolVar(fl *pflag.FlagSet, p *bool, name, short, usage string) {
	fl.VarPF(plainBool{p}, name, short, usage).NoOptDefVal = "true"
}

// plainBool is a pflag bool value that does not tell pflag it is one
// (IsBoolFlag), so that its usage line carries no `[=true|false]`.
type plainBool struct{ p *bool }

func (b plainBool) String() string { return strconv.FormatBool(*b.p) }
func (b plainBool) Type() string   { return "bool" }
func (b plainBool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("%q is not true or false", s)
	}
	*b.p = v
	return nil
}

// errorsOnly keeps the error findings (--quiet).
func errorsOnly(fs []manifest.Finding) []manifest.Finding {
	out := fs[:0:0]
	for _, f := range fs {
		if f.Severity == manifest.Error {
			out = append(out, f)
		}
	}
	return out
}

// readFilesFrom adds the paths listed by --files-from.
func (o *options) readFilesFrom(c *collector, stdin io.Reader) error {
	var src []byte
	var err error
	if o.filesFrom == "-" {
		for _, in := range c.out {
			if in.stdin {
				return errors.New("standard input cannot be both the list of files and a manifest (-)")
			}
		}
		src, err = readLimited(stdin, listLimit)
	} else {
		src, err = readFile(o.filesFrom, listLimit)
	}
	if err != nil {
		return err
	}
	for _, p := range readList(src) {
		c.listed(p)
	}
	return nil
}

// listLimit bounds the list of --files-from.
const listLimit = 64 << 20

// runNotes prints, on standard error, what the run left out: the walked
// YAML files that do not look like manifests (a count, or each with
// --verbose), links to directories and files that are not regular files.
// --quiet drops them.
func (o *options) runNotes(w io.Writer, sk skipped, notManifest, why []string) {
	if o.quiet {
		return
	}
	if n := len(notManifest); n > 0 {
		if o.verbose || o.onlyManifests || n == 1 {
			for i, p := range notManifest {
				reason := "no top-level manifestVersion key, nor two keys only manifests use, nor a manifest name"
				if i < len(why) && why[i] != "" {
					reason = why[i]
				}
				fmt.Fprintf(w, "manifestlint: note: skipped %s: not a manifest (%s); %s\n", safeName(p), escape.Line(reason), lintAnyway(o.onlyManifests))
			}
		} else {
			fmt.Fprintf(w, "manifestlint: note: skipped %s (no top-level manifestVersion key, nor two keys only manifests use, nor a manifest name); --verbose lists them, %s\n",
				notManifests(n), lintAnyway(o.onlyManifests))
		}
	}
	for _, p := range sk.dirLinks {
		fmt.Fprintf(w, "manifestlint: note: skipped %s: a link to a directory (not followed inside a walk; name it to lint it)\n", safeName(p))
	}
	for _, f := range sk.special {
		fmt.Fprintf(w, "manifestlint: note: skipped %s: %s\n", safeName(f.path), f.why)
	}
}

// lintAnyway says how to lint a skipped file anyway.
func lintAnyway(onlyManifests bool) string {
	if onlyManifests {
		return "naming a file without --only-manifests lints it"
	}
	return "naming a file lints it"
}

// nothingHint explains why no manifest was linted.
func nothingHint(sk skipped, notManifest []string) string {
	if len(notManifest) > 0 {
		return fmt.Sprintf(": found %s (name a file to lint it anyway, or set include in %s)", notManifests(len(notManifest)), config.FileName)
	}
	if sk.excluded > 0 {
		return fmt.Sprintf(": %s excluded by %s", manifest.Plural(sk.excluded, "file"), config.FileName)
	}
	return ": no *.yaml or *.yml file found"
}

// notManifests is "1 YAML file that does not look like a manifest" or
// "N YAML files that do not look like manifests".
func notManifests(n int) string {
	if n == 1 {
		return "1 YAML file that does not look like a manifest"
	}
	return fmt.Sprintf("%d YAML files that do not look like manifests", n)
}

// isTerminal reports whether the reader or writer rw is a terminal (a
// character device); one that is not a file (a test's) is not one.
func isTerminal(rw any) bool {
	f, ok := rw.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// resolve checks the flags' values and turns them into the options they
// set (for validate.Resolve) and a format name.
func (o *options) resolve() (validate.Options, string, error) {
	v := validate.Options{Region: o.region, AccessKeyID: o.accessKeyID, Ignore: o.ignore}
	if o.jobType != "" && o.jobKind != "" {
		return v, "", fmt.Errorf("--job-type and --job-kind both say what the job is: give one (--job-kind %s is the more precise)", escape.Line(o.jobKind))
	}
	if o.jobType != "" {
		jt, err := parseJobType(o.jobType)
		if err != nil {
			return v, "", err
		}
		v.JobType = jt
	}
	if o.jobKind != "" {
		k, err := parseJobKind(o.jobKind, true)
		if err != nil {
			return v, "", err
		}
		v.Kind = k
	}
	if o.region != "" {
		// Regions are written in lower case, as the service and AWS's tools
		// take them (the strict reading, tested by the golden case
		// s6-region-flag-uppercase-invalid); a near miss is named.
		if !manifest.IsRegion(o.region) {
			hint := ""
			if near := manifest.Closest(o.region, manifest.Regions); near != "" {
				hint = "did you mean " + near + "? "
			}
			return v, "", fmt.Errorf("--region %q is not a region the service ran in; %suse one of %s", o.region, hint, strings.Join(manifest.Regions, ", "))
		}
	}
	format := strings.ToLower(o.format) // -f JSON, as --job-type takes any case
	if format == "" {
		format = "text"
		if os.Getenv("GITHUB_ACTIONS") == "true" && report.Formats["github"] != nil {
			format = "github"
		}
	}
	if report.Formats[format] == nil {
		return v, "", fmt.Errorf("unknown format `%s`: use one of %s%s", escape.Line(o.format), strings.Join(formatNames(), ", "), didYouMean(format, formatNames()))
	}
	if o.statistics && format != "text" && format != "concise" {
		return v, "", fmt.Errorf("--statistics counts findings in the text formats; --format %s lists every finding (drop --format, or use --format concise)", format)
	}
	switch o.color {
	case "auto", "always", "never":
	default:
		return v, "", fmt.Errorf("--color is %q; use auto, always or never", o.color)
	}
	if o.maxBytes <= 0 {
		return v, "", fmt.Errorf("--max-bytes must be positive")
	}
	switch {
	case o.maxFindings < 0:
		return v, "", fmt.Errorf("--max-findings must be 0 (no limit) or positive")
	case o.maxFindings == 0:
		v.MaxFindings = -1
	default:
		v.MaxFindings = o.maxFindings
	}
	if o.stdinFilename == "" {
		return v, "", fmt.Errorf("--stdin-filename is empty: give the name to report standard input under, or leave the flag out (-)")
	}
	return v, format, nil
}

// parseJobType reads --job-type in any letter case. The error names the
// values, the one meant when the value is a near miss (imprt), and
// --job-kind when the value is a kind (s3-export), then the service's code
// for a bad job type (spec: InvalidParameterException, a usage error).
func parseJobType(s string) (manifest.JobType, error) {
	if jt, ok := manifest.ParseJobType(s); ok {
		return jt, nil
	}
	low := strings.ToLower(s)
	hint := didYouMean(low, []string{"import", "export"})
	if k := manifest.Closest(low, kindNames()); k != "" || slices.Contains(kindNames(), low) {
		if k == "" {
			k = low
		}
		hint = " (or --job-kind " + k + "?)"
	}
	// The service's code comes last: the line says first what to do.
	return "", fmt.Errorf("unknown job type `%s`: use import or export%s [%s]", escape.Line(s), hint, manifest.InvalidParameter)
}

// parseJobKind reads --job-kind in any letter case. The error names the
// kinds, the one meant when the value is a near miss (s3-exprt), and, when
// the value is a job type (export), --job-type if the command has it
// (withJobType: lint), else the kinds of that type.
func parseJobKind(s string, withJobType bool) (manifest.Kind, error) {
	low := strings.ToLower(s)
	for _, k := range manifest.Kinds {
		if low == string(k) {
			return k, nil
		}
	}
	hint := didYouMean(low, kindNames())
	switch jt, ok := manifest.ParseJobType(low); {
	case ok && withJobType:
		hint = " (or --job-type " + string(jt) + "?)"
	case jt == manifest.JobTypeExport:
		hint = " (did you mean s3-export?)"
	case jt == manifest.JobTypeImport:
		hint = " (did you mean s3-import, ebs-import or glacier-import?)"
	}
	return "", fmt.Errorf("unknown job kind `%s`: use %s%s", escape.Line(s), strings.Join(kindNames(), ", "), hint)
}

// kindNames are the job kinds, as --job-kind takes them.
func kindNames() []string {
	out := make([]string, len(manifest.Kinds))
	for i, k := range manifest.Kinds {
		out[i] = string(k)
	}
	return out
}

// didYouMean is " (did you mean X?)" for the value of names closest to s,
// or "".
func didYouMean(s string, names []string) string {
	if c := manifest.Closest(s, names); c != "" {
		return " (did you mean " + c + "?)"
	}
	return ""
}

func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	return os.Getenv("NO_COLOR") == "" && isTerminal(w)
}

func formatNames() []string { return slices.Sorted(maps.Keys(report.Formats)) }

// flagHint suggests the flag a mistyped one was meant to be: "did you mean
// --format?".
func flagHint(fl *pflag.FlagSet, err error) string {
	var ne *pflag.NotExistError
	if !errors.As(err, &ne) {
		return ""
	}
	name := ne.GetSpecifiedName()
	if in := ne.GetSpecifiedShortnames(); in != "" {
		// -region: a long flag written with one dash ('r' is unknown).
		if len(in) < 2 {
			return ""
		}
		name = in
	}
	name, _, _ = strings.Cut(name, "=")
	var names []string
	fl.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	if c := manifest.Closest(name, names); c != "" {
		return fmt.Sprintf("; did you mean --%s?", c)
	}
	return ""
}

// wordHint answers a first argument that is no file but reads as a
// command: `help` prints the usage (status 0); `lint` and `check`, which
// other linters need, are explained (status 2). done is false when the
// run goes on.
func wordHint(fl *pflag.FlagSet, stdout, stderr io.Writer) (status int, done bool) {
	if fl.NArg() == 0 {
		return 0, false
	}
	word := fl.Arg(0)
	if word != "help" && word != "lint" && word != "check" {
		return 0, false // no look at the disk for any other word
	}
	if _, err := os.Lstat(word); err == nil {
		return 0, false // a file of that name wins
	}
	switch word {
	case "help":
		if cmd := subcommands[fl.Arg(1)]; cmd != nil { // help explain
			return cmd([]string{"--help"}, stdout, stderr), true
		}
		printUsage(stdout, fl)
		return ExitOK, true
	case "lint", "check":
		fmt.Fprintf(stderr, "manifestlint: `%s` is not a command: manifestlint checks the files it is given, e.g. `manifestlint manifest.yaml` or `manifestlint jobs/` (see --help)\n", word)
		return ExitUsage, true
	}
	return 0, false
}
