package validate

import (
	"github.com/manifestlint/manifestlint/manifest"
)

// applyOverrides applies --ignore, the config file's disable and severity
// keys: a finding whose rule id or code is in opts.Ignore is dropped, and
// one named in opts.Severity takes that severity. A rule id's entry wins
// over its code's. An error turned into a warning keeps its code and status,
// so that output still says which service error it is; a warning turned
// into an error has no code. They apply to every finding, including a
// MalformedManifestException or MissingParameterException (which inline
// comments cannot silence, the file being unreadable) and the suppression
// rules: they are explicit, project-wide choices.
func applyOverrides(fs []manifest.Finding, opts *Options) []manifest.Finding {
	if len(opts.Ignore) == 0 && len(opts.Severity) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if ignored(opts.Ignore, f) {
			continue
		}
		sev, ok := opts.Severity[f.Rule]
		if !ok && f.Code != "" {
			sev, ok = opts.Severity[string(f.Code)]
		}
		if ok {
			f.Severity = sev
		}
		out = append(out, f)
	}
	return out
}

func ignored(names []string, f manifest.Finding) bool {
	for _, n := range names {
		if f.Named(n) {
			return true
		}
	}
	return false
}
