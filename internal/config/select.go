package config

import "github.com/manifestlint/manifestlint/manifest"

// Choice is what Select decided about one file.
type Choice struct {
	// Lint is true for a file to lint.
	Lint bool
	// Excluded: an exclude glob of the configuration file matches it.
	Excluded bool
	// Pending: the content decides, and it was not given (read is nil).
	Pending bool
	// ByContent: the content decided (manifest.Detect), as Reason says.
	ByContent bool
	// Reason says why the file is linted or skipped, for --verbose, the
	// notes of skipped files and the language server's log.
	Reason string
}

// Select is the one decision of which files are manifests, made for the
// directory walk, --files-from, files named with --only-manifests (the
// pre-commit hooks, the CI recipes) and the language server alike. c is
// the configuration file that applies to the file (nil for none: see
// Find), path the file's path. test says the file must pass the manifest
// test: found by a walk or listed by --files-from, named with
// --only-manifests, or open in an editor; a file named on the command line
// is otherwise linted whatever it holds. read returns the start of the
// file's text (manifest.DetectLimit bytes are enough); when it is nil and
// the content decides, the Choice is Pending.
//
// In order: a file an exclude glob matches is not linted; a file named
// without the test is; a file an include glob matches is; else the
// file's name and content decide (manifest.Detect).
func Select(c *Config, path string, test bool, read func() []byte) Choice {
	switch {
	case c != nil && path != "" && c.Excluded(path):
		return Choice{Excluded: true, Reason: "excluded by " + c.File}
	case !test:
		return Choice{Lint: true, Reason: "named on the command line"}
	case c != nil && path != "" && c.Included(path):
		return Choice{Lint: true, Reason: "matched by include in " + c.File}
	case path != "" && manifest.IsManifestName(path):
		return Choice{Lint: true, Reason: "its name is manifest.yaml or *.manifest.yaml"}
	case read == nil:
		return Choice{Pending: true}
	}
	v := manifest.Detect(path, read())
	return Choice{Lint: v.Manifest, ByContent: v.ByContent, Reason: v.Reason}
}
