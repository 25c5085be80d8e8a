package cli

// This file holds what --fix and --diff add to a run: the summary line,
// standard input's fixed text, and the diff mode.

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// fixSummary counts what fixing did over a run.
type fixSummary struct {
	fixes, files, unsafeLeft int
	// failed: a fixed file could not be written.
	failed bool
	// notApplied counts the fixes of the files not written, reasons says
	// why (one entry per distinct reason, in the order met).
	notApplied int
	reasons    []string
}

// add counts one input's fixes, reports a file that could not be written,
// and with --fix writes standard input's fixed text to stdout.
func (s *fixSummary) add(l outcome, stdout, stderr io.Writer) error {
	f := l.fixed
	if f.err != nil {
		fmt.Fprintf(stderr, "manifestlint: %s: %v\n", safeName(l.res.File), describe(f.err))
		s.failed = true
		s.notApplied += f.notApplied
		if r := notWrittenReason(f.err); !slices.Contains(s.reasons, r) {
			s.reasons = append(s.reasons, r)
		}
	}
	s.fixes += f.n
	if f.n > 0 {
		s.files++
	}
	s.unsafeLeft += f.unsafeLeft
	if l.stdin {
		_, err := stdout.Write(f.out)
		return err
	}
	return nil
}

// line is the one summary line of a --fix or --diff run.
func (s *fixSummary) line(would, unsafe bool) string {
	verb := "fixed"
	if would {
		verb = "would fix"
	}
	var b strings.Builder
	b.WriteString("manifestlint: ")
	switch {
	case s.fixes > 0:
		fmt.Fprintf(&b, "%s %s in %s", verb, manifest.Plural(s.fixes, "finding"), manifest.Plural(s.files, "file"))
	case s.notApplied == 0:
		b.WriteString("nothing to fix")
	}
	if s.notApplied > 0 {
		if s.fixes > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s not applied (%s)", manifest.Plural(s.notApplied, "fix"), strings.Join(s.reasons, ", "))
	}
	if s.unsafeLeft > 0 && !unsafe {
		fmt.Fprintf(&b, "; %d more fixable with --unsafe-fixes", s.unsafeLeft)
	}
	return b.String()
}

// hasStdin reports whether standard input is one of the inputs.
func hasStdin(inputs []input) bool {
	for _, in := range inputs {
		if in.stdin {
			return true
		}
	}
	return false
}

// diffAll is a --diff run: each input that fixing would change is printed
// as a unified diff (a/PATH, b/PATH), nothing is written, and the exit
// status is 1 when there is a change, as ruff's --diff.
func diffAll(inputs []input, stdin io.Reader, o options, flags validate.Options, stdout, stderr io.Writer, ioFailed bool) int {
	var sum fixSummary
	changed := false
	var writeErr error
	ls := lintAll(inputs, stdin, o, flags, stderr, func(l outcome) {
		f := l.fixed
		if f == nil {
			return // not read: reported on standard error
		}
		sum.fixes += f.n
		if f.n > 0 {
			sum.files++
		}
		sum.unsafeLeft += f.unsafeLeft
		if string(f.orig) == string(f.out) {
			return
		}
		changed = true
		name := l.res.File
		if !l.stdin {
			name = diffPath(l.path)
		}
		before, _ := manifest.Parse(l.res.File, f.orig)
		masked, err := writeDiff(stdout, name, f.orig, f.out, before, l.res.Doc)
		if err != nil && writeErr == nil {
			writeErr = err
		}
		if masked {
			fmt.Fprintf(stderr, "manifestlint: %s: the diff hides a secret value (trueCryptPassword, pinCode) or shows a control or invisible character escaped, so `git apply` cannot apply it; use --fix\n", safeName(name))
		}
	})
	fmt.Fprintln(stderr, sum.line(true, o.unsafeFixes))
	switch {
	case writeErr != nil:
		fmt.Fprintf(stderr, "manifestlint: writing output: %v\n", writeErr)
		return ExitUsage
	case ioFailed || ls.failed:
		return ExitUsage
	case changed:
		return ExitFindings
	}
	return ExitOK
}

// diffPath is a file's name in diff headers: relative to the current
// folder when it lies in it, with forward slashes, so that `git apply` at
// the repository root takes the diff; another absolute path loses its
// leading slash.
func diffPath(p string) string {
	if filepath.IsAbs(p) {
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, p); err == nil && inside(wd, p) {
				p = rel
			}
		}
	}
	p = filepath.ToSlash(filepath.Clean(p))
	// An absolute path outside the current folder: a/ and b/ are joined to
	// it without a doubled slash (apply such a diff from the root).
	return strings.TrimLeft(p, "/")
}
