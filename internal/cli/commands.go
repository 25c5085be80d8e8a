package cli

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"strings"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/internal/explain"
	"github.com/manifestlint/manifestlint/internal/lsp"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/schema"
	"github.com/manifestlint/manifestlint/validate"
	"github.com/spf13/pflag"
)

// Build identity. Release builds may set them with
// -ldflags "-X github.com/manifestlint/manifestlint/internal/cli.buildVersion=v1.2.3 -X github.com/manifestlint/manifestlint/internal/cli.buildCommit=abc1234";
// otherwise they come from the module and VCS data of debug.ReadBuildInfo.
var (
	buildVersion string
	buildCommit  string
)

// commandTable lists the commands beside linting, keyed by their first
// argument; Main dispatches to them.
func commandTable() map[string]func(args []string, stdout, stderr io.Writer) int {
	return map[string]func(args []string, stdout, stderr io.Writer) int{
		"explain":    cmdExplain,
		"codes":      cmdCodes,
		"rules":      cmdRules,
		"schema":     cmdSchema,
		"init":       cmdInit,
		"completion": cmdCompletion,
		"version":    cmdVersion,
		"inventory":  cmdInventory,
		"lsp":        func(args []string, stdout, stderr io.Writer) int { return cmdLSP(args, os.Stdin, stdout, stderr) },
	}
}

// newFlags makes a command's flag set: errors and usage go to stderr.
func newFlags(name, usage string, stdout, stderr io.Writer) *pflag.FlagSet {
	fl := pflag.NewFlagSet("manifestlint "+name, pflag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { // --help: to standard output, status 0
		fmt.Fprint(stdout, explain.WrapLines(usage, outputWidth()-1))
		if fl.HasFlags() {
			fmt.Fprint(stdout, "\nFlags:\n")
			fmt.Fprint(stdout, wrapFlagUsages(fl))
		}
	}
	return fl
}

// parseFlags parses args; done is true when the command must stop, with
// status (0 for --help, 2 for a bad flag).
func parseFlags(fl *pflag.FlagSet, args []string) (status int, done bool) {
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return ExitOK, true
		}
		fmt.Fprintf(fl.Output(), "%s: %v%s (see --help)\n", fl.Name(), err, flagHint(fl, err))
		return ExitUsage, true
	}
	return ExitOK, false
}

// cmdExplain is `manifestlint explain CODE|RULE ...`: what an error code
// means and causes, whether and how manifestlint detects it, and a fixed
// example; for a rule id its doc, codes and example. Names are matched in
// any letter case; an unknown name is a usage error (status 2) that
// suggests close names.
func cmdExplain(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("explain", "Usage: manifestlint explain CODE|RULE ...\n\n"+
		"Explains a service error code (MissingManifestFieldException, or MissingManifestField), a rule id "+
		"(duplicate-key), or a job progress, device location or log status code (Pending, AtAWS, 103).\n"+
		"`manifestlint codes` lists every code.\n", stdout, stderr)
	if st, done := parseFlags(fl, args); done {
		return st
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(stderr, "manifestlint explain: name a code or a rule, e.g. `manifestlint explain MissingManifestFieldException`")
		return ExitUsage
	}
	status := ExitOK
	for i, name := range fl.Args() {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		if err := explain.Lookup(stdout, name); err != nil {
			fmt.Fprintf(stderr, "manifestlint explain: %v\n", err)
			status = ExitUsage
		}
	}
	return status
}

// cmdCodes is `manifestlint codes [--format text|json]`: every code of the
// service, errors (with HTTP status, message and whether manifestlint
// detects it), job progress, device location and log status codes.
func cmdCodes(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("codes", "Usage: manifestlint codes [--format text|json]\n\n"+
		"Lists every code of the AWS Import/Export service: error codes with their HTTP status, the service's "+
		"message and whether manifestlint detects them; job progress, device location and log status codes.\n", stdout, stderr)
	format := fl.StringP("format", "f", "text", "output format: text or json")
	if st, done := parseFlags(fl, args); done {
		return st
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "manifestlint codes: unexpected argument %q (to explain one code: manifestlint explain %s)\n", fl.Arg(0), fl.Arg(0))
		return ExitUsage
	}
	*format = strings.ToLower(*format) // -f JSON, as the lint's -f
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "manifestlint codes: unknown --format %q; use text or json\n", *format)
		return ExitUsage
	}
	if err := explain.Codes(stdout, *format, outputWidth()-1); err != nil {
		fmt.Fprintf(stderr, "manifestlint codes: %v\n", err)
		return ExitUsage
	}
	return ExitOK
}

// cmdSchema is `manifestlint schema [--job-kind KIND]`: the draft-07 JSON
// Schema of a job kind (s3-import by default), self-contained, for editors
// (yaml-language-server) and other validators. `schema --config` prints the
// schema of the configuration file instead.
func cmdSchema(args []string, stdout, stderr io.Writer) int {
	kinds := make([]string, len(manifest.Kinds))
	for i, k := range manifest.Kinds {
		kinds[i] = string(k)
	}
	fl := newFlags("schema", "Usage: manifestlint schema [--job-kind KIND] > manifest.schema.json\n\n"+
		"Prints the JSON Schema (draft-07) of a job kind, for editors with yaml-language-server:\n"+
		"  # yaml-language-server: $schema=./manifest.schema.json\n"+
		"With --config, prints the schema of the configuration file "+config.FileName+".\n", stdout, stderr)
	kind := fl.String("job-kind", string(manifest.S3Import), "the job kind: "+strings.Join(kinds, ", "))
	cfg := fl.Bool("config", false, "print the JSON Schema of the configuration file "+config.FileName+" instead")
	if st, done := parseFlags(fl, args); done {
		return st
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "manifestlint schema: unexpected argument %q; choose the kind with --job-kind\n", fl.Arg(0))
		return ExitUsage
	}
	if *cfg && fl.Changed("job-kind") {
		fmt.Fprintln(stderr, "manifestlint schema: --config and --job-kind cannot be used together")
		return ExitUsage
	}
	var src []byte
	if *cfg {
		src = config.Schema()
	} else {
		src = schema.Source(manifest.Kind(strings.ToLower(*kind)))
	}
	if src == nil {
		_, err := parseJobKind(*kind, false)
		fmt.Fprintf(stderr, "manifestlint schema: %v\n", err)
		return ExitUsage
	}
	if _, err := stdout.Write(src); err != nil {
		fmt.Fprintf(stderr, "manifestlint schema: %v\n", err)
		return ExitUsage
	}
	if len(src) > 0 && src[len(src)-1] != '\n' {
		fmt.Fprintln(stdout)
	}
	return ExitOK
}

// cmdVersion is `manifestlint version` (and --version): the version, the
// commit and the Go version it was built with.
func cmdVersion(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("version", "Usage: manifestlint version\n\nPrints manifestlint's version, commit and Go version.\n", stdout, stderr)
	if st, done := parseFlags(fl, args); done {
		return st
	}
	info := readBuildInfo()
	fmt.Fprintf(stdout, "manifestlint %s\ncommit: %s\ngo: %s\n", info.version, info.commit, info.goVersion)
	return ExitOK
}

// buildInfo is what `manifestlint version` prints.
type buildInfo struct {
	version, commit, goVersion string
}

// readBuildInfo reads the binary's module version, VCS revision (with
// "+dirty" for a modified tree, and its date) and Go version. A binary
// built inside the repository has module version "(devel)": it prints
// "devel". -ldflags values win.
func readBuildInfo() buildInfo {
	b := buildInfo{version: "devel", commit: "unknown", goVersion: "unknown"}
	if bi, ok := debug.ReadBuildInfo(); ok {
		b.goVersion = bi.GoVersion
		if v := bi.Main.Version; v != "" && v != "(devel)" {
			b.version = v
		}
		var rev, when string
		dirty := false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if rev != "" {
			if len(rev) > 12 {
				rev = rev[:12]
			}
			if dirty {
				rev += "+dirty"
			}
			if when != "" {
				rev += " (" + when + ")"
			}
			b.commit = rev
		}
	}
	if buildVersion != "" {
		b.version = buildVersion
	}
	if buildCommit != "" {
		b.commit = buildCommit
	}
	return b
}

// version is manifestlint's version, for output formats that name the tool.
func version() string { return readBuildInfo().version }

// cmdLSP is `manifestlint lsp`: the language server, speaking LSP 3.17 over
// standard input and output until the client sends exit. Its diagnostics
// come from validate, with the options the CLI would use for each file.
func cmdLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := newFlags("lsp", "Usage: manifestlint lsp [--stdio]\n\n"+
		"Runs the language server on standard input and output (LSP 3.17), for editors: "+
		"diagnostics as you type, hover, completion and quick fixes. See docs/lsp.md.\n", stdout, stderr)
	fl.Bool("stdio", true, "talk over standard input and output (the only transport; accepted for editors that pass it)")
	maxBytes := fl.Int64("max-bytes", validate.DefaultMaxBytes, "the largest document to lint, in bytes")
	if st, done := parseFlags(fl, args); done {
		return st
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "manifestlint lsp: unexpected argument %q\n", fl.Arg(0))
		return ExitUsage
	}
	if *maxBytes <= 0 {
		fmt.Fprintln(stderr, "manifestlint lsp: --max-bytes must be positive")
		return ExitUsage
	}
	// TuneGC's soft memory limit and GOGC suit a short run that holds
	// little; a server holds its open documents for hours, and a large one
	// would keep the collector running without pause under that limit. No
	// limit, and GOGC=200 unless the environment says otherwise: each
	// change of a large manifest allocates some 30 times its size, and at
	// Go's default of 100 the collector costs a change more CPU than the
	// extra memory is worth (docs/performance.md).
	if memLimitTuned {
		debug.SetMemoryLimit(math.MaxInt64)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	lsp.Version = version()
	return lsp.New(stdin, stdout, lsp.Options{MaxBytes: *maxBytes, Log: stderr}).Serve()
}
