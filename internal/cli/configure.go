package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/validate"
)

// runConfig resolves the configuration file of each input: the file of
// --config for every input, none with --no-config, else the
// .manifestlint.yaml nearest the input's own folder (config.Find), as the
// language server does for a document. It caches per folder and loads each
// file once.
type runConfig struct {
	// fixed is the file of --config, or nil.
	fixed *config.Config
	none  bool
	// roots are the folders being linted (the working directory and the
	// directories named): a config inside one is trusted whatever its
	// owner (config.Find).
	roots []string
	dirs  map[string]dirConfig
	files map[string]*config.Config
	// used lists the configuration files used, in order; skipped the
	// warnings of files not used (untrusted), each once.
	used    []string
	warned  map[string]bool
	warns   []string
	stderr  io.Writer
	quiet   bool
	verbose bool
	// err is the first configuration error met: the run stops (exit 2).
	err error
	// wd is the working directory, read once ("" if unknown): absDir
	// would otherwise ask the system for it (two stat calls) three times
	// per file of a walk.
	wd string
}

// absDir is filepath.Abs(dir) with the working directory read once.
func (rc *runConfig) absDir(dir string) (string, error) {
	switch {
	case filepath.IsAbs(dir):
		return filepath.Clean(dir), nil
	case rc.wd != "":
		return filepath.Join(rc.wd, dir), nil
	}
	return filepath.Abs(dir)
}

// dirConfig is the configuration file that applies in one folder.
type dirConfig struct {
	cfg   *config.Config
	notes []string
	err   error
}

// configure checks the flags (--ignore's names: validate.Resolve), loads
// the file of --config (checked at once, as before any input), and
// prepares the per-file lookup, for validate.Resolve per file.
func (o *options) configure(flags validate.Options, stderr io.Writer) (*runConfig, error) {
	if _, _, err := validate.Resolve(flags, nil, "", nil); err != nil {
		return nil, err
	}
	rc := &runConfig{none: o.noConfig, dirs: map[string]dirConfig{}, files: map[string]*config.Config{},
		warned: map[string]bool{}, stderr: stderr, quiet: o.quiet, verbose: o.verbose}
	if wd, err := os.Getwd(); err == nil {
		rc.roots = append(rc.roots, wd)
		rc.wd = wd
	}
	switch {
	case o.noConfig && o.configFile != "":
		return nil, errors.New("--config and --no-config cannot be used together")
	case o.configFile != "":
		c, err := config.Load(o.configFile, o.configFile, validate.ParseConfig)
		if err != nil {
			return nil, err
		}
		rc.fixed = c
		rc.use(c)
	}
	return rc, nil
}

// forDir returns the configuration file that applies to the files of
// folder dir (the fixed one, none, or the nearest), recording the first
// error and warning of skipped files once.
func (rc *runConfig) forDir(dir string) *config.Config {
	if rc.none {
		return nil
	}
	if rc.fixed != nil {
		return rc.fixed
	}
	if d, ok := rc.dirs[dir]; ok {
		return d.cfg
	}
	var d dirConfig
	path, notes, err := config.Find(dir, rc.roots...)
	d.notes = notes
	switch {
	case err != nil:
		d.err = fmt.Errorf("looking for %s: %v", config.FileName, err)
	case path != "":
		if c, ok := rc.files[path]; ok {
			d.cfg = c
		} else {
			d.cfg, d.err = config.Load(path, displayPath(path), validate.ParseConfig)
			rc.files[path] = d.cfg
			if d.err == nil {
				rc.use(d.cfg)
			}
		}
	}
	if d.err != nil && rc.err == nil {
		rc.err = d.err
	}
	for _, n := range notes {
		if !rc.warned[n] {
			rc.warned[n] = true
			rc.warns = append(rc.warns, n)
			if !rc.quiet {
				fmt.Fprintf(rc.stderr, "manifestlint: warning: %s\n", escape.Line(n))
			}
		}
	}
	rc.dirs[dir] = d
	return d.cfg
}

// use records a configuration file the run uses, saying so with --verbose.
func (rc *runConfig) use(c *config.Config) {
	rc.used = append(rc.used, c.File)
	if rc.verbose {
		fmt.Fprintf(rc.stderr, "manifestlint: note: configuration file: %s\n", escape.Line(c.File))
	}
}

// forFile is forDir of a file's folder (the working directory for
// standard input), with the warnings of the configuration files skipped
// there, for the result's notes.
func (rc *runConfig) forFile(path string) (*config.Config, []string) {
	dir := "."
	if path != "" && path != "-" {
		dir = filepath.Dir(path)
	}
	if abs, err := rc.absDir(dir); err == nil {
		dir = abs
	}
	return rc.forDir(dir), rc.dirs[dir].notes
}

// assign resolves each input's configuration file, drops the inputs it
// excludes (even when named on the command line, as most linters do;
// standard input is never excluded) and gives each its configuration
// file (standard input by --stdin-filename).
func (rc *runConfig) assign(inputs []input, stdinName string) []input {
	out := inputs[:0]
	for _, in := range inputs {
		name := in.path
		if in.stdin {
			name = stdinName
		}
		if in.readErr == "" {
			in.cfg, in.cfgSkipped = rc.forFile(name)
		}
		if !in.stdin && in.cfg != nil && config.Select(in.cfg, in.path, false, nil).Excluded {
			continue
		}
		out = append(out, in)
	}
	return out
}

// printNotes says with --verbose that no configuration file is used.
func (rc *runConfig) printNotes(stderr io.Writer, verbose bool) {
	if verbose && len(rc.used) == 0 {
		fmt.Fprintln(stderr, "manifestlint: note: no configuration file")
	}
}

// file is the configuration file the run uses, as messages name it: the
// one file all inputs share, or "" for none or several.
func (rc *runConfig) file() string {
	if len(rc.used) == 1 {
		return rc.used[0]
	}
	return ""
}

// displayPath shows a found config file relative to the current directory
// when that is shorter to read.
func displayPath(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if r, err := filepath.Rel(wd, p); err == nil {
		return r
	}
	return p
}

// configErrorText is how a configuration problem is printed: a
// config.Error already reads `FILE:LINE:COL: config error: ...`, and
// config.Errors is one such line per problem.
func configErrorText(err error) string {
	var es config.Errors
	if errors.As(err, &es) {
		return es.Error() // every problem, one line each
	}
	var ce *config.Error
	if errors.As(err, &ce) {
		return ce.Error()
	}
	return "manifestlint: " + escape.Line(err.Error())
}
