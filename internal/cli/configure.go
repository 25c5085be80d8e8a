package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/manifestlint/manifestlint/config"
	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/validate"
)

// runConfig is the configuration file of a run, or nil for none, and the
// notes of looking for it (printed on stderr, not failures).
type runConfig struct {
	*config.Config
	notes []string
}

// configure finds and loads the configuration file (--config, --no-config,
// or the nearest .manifestlint.yaml from the current directory up to the
// repository root), checks --ignore, and fills vopts: flags win over the
// file, and $AWS_ACCESS_KEY_ID is read only when the flag or the file
// says `env` (validate.ResolveAccessKey), never by default.
func (o *options) configure(vopts *validate.Options) (runConfig, error) {
	for _, n := range o.ignore {
		if !validate.KnownName(n) {
			return runConfig{}, fmt.Errorf("--ignore: %s", validate.UnknownNameError(n))
		}
	}
	vopts.Ignore = append(vopts.Ignore, o.ignore...)
	var rc runConfig
	path, name := o.configFile, o.configFile
	switch {
	case o.noConfig && path != "":
		return rc, errors.New("--config and --no-config cannot be used together")
	case o.noConfig:
	case path == "":
		found, notes, err := config.Find(".")
		if err != nil {
			return rc, fmt.Errorf("looking for %s: %v", config.FileName, err)
		}
		rc.notes = append(rc.notes, notes...)
		path, name = found, displayPath(found)
	}
	if path != "" {
		c, err := config.Load(path, name)
		if err != nil {
			if c != nil { // the unknown names join the report: all at once
				err = config.Merge(err, c.CheckNames(validate.UnknownName))
			}
			return rc, err
		}
		if err := vopts.ApplyConfig(c); err != nil {
			return rc, err
		}
		rc.Config = c
	}
	if note := vopts.ResolveAccessKey(os.Getenv); note != "" {
		rc.notes = append(rc.notes, note)
	}
	return rc, nil
}

// assign drops the inputs the config file excludes (even when named on the
// command line, as most linters do; standard input is never excluded) and
// gives each its jobTypes entry (standard input by --stdin-filename).
func (rc runConfig) assign(inputs []input, stdinName string) []input {
	if rc.Config == nil {
		return inputs
	}
	out := inputs[:0]
	for _, in := range inputs {
		name := in.path
		if in.stdin {
			name = stdinName
		} else if rc.Excluded(in.path) {
			continue
		}
		if name != "-" {
			in.jobType, in.jobTypeSource = rc.JobTypeSourceFor(name)
		}
		out = append(out, in)
	}
	return out
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

// printNotes prints the notes of the configuration lookup on stderr (a
// file skipped as untrusted, a folder the search could not look into)
// unless quiet, and with verbose which configuration file the run uses.
func (rc runConfig) printNotes(stderr io.Writer, verbose, quiet bool) {
	if !quiet {
		for _, n := range rc.notes {
			fmt.Fprintf(stderr, "manifestlint: note: %s\n", escape.Line(n))
		}
	}
	if verbose {
		if rc.Config != nil {
			fmt.Fprintf(stderr, "manifestlint: note: configuration file: %s\n", escape.Line(rc.File))
		} else {
			fmt.Fprintln(stderr, "manifestlint: note: no configuration file")
		}
	}
}

// file is the configuration file the run uses, as messages name it; "" for
// none.
func (rc runConfig) file() string {
	if rc.Config == nil {
		return ""
	}
	return rc.File
}
