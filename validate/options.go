package validate

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/manifest"
)

// Config is a parsed .manifestlint.yaml (ParseConfig): the job's region,
// access key and bucket inventory, per-path regions and job types, the
// names it disables or re-grades, the files it excludes or includes.
type Config = config.Config

// ConfigError is one problem of a configuration file, at its line and
// column; ParseConfig's error holds one per problem (errors.As finds the
// first).
type ConfigError = config.Error

// ParseConfig parses the text of a .manifestlint.yaml; name is how
// messages call it. It reads no file: its globs match paths relative to
// Config.Dir, "." unless the caller sets the file's folder. Every problem,
// a rule id or code of disable or severity that Rules() lacks included,
// is reported at once, one `NAME:LINE:COL: config error:` line each.
func ParseConfig(name string, src []byte) (*Config, error) {
	c, err := config.Parse(name, src)
	if c != nil {
		err = config.Merge(err, c.CheckNames(UnknownName))
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// AccessKeyFromEnv is the value of --access-key-id, or of the config file's
// accessKeyId, that asks for the key in $AWS_ACCESS_KEY_ID (any letter
// case; no access key id is three letters). The environment is read only
// when asked (spec §6): a run's result must not depend on whose shell runs
// it.
const AccessKeyFromEnv = "env"

// AccessKeyEnvVar is the variable AccessKeyFromEnv reads.
const AccessKeyEnvVar = "AWS_ACCESS_KEY_ID"

// Resolve is the one way the command line, the language server and the
// playground turn what they were told into the Options of the file at
// path (docs/configuration.md, Precedence). flags holds what the front end
// was told directly (its flags, the editor's settings, the page's fields):
// it wins. A zero source of its job kind, region or access key is the
// command line's flag (--job-kind, --region, --access-key-id). Then the
// configuration file c (nil for none): its regions and jobTypes entries
// for path over its region key, a job type only when flags give neither
// type nor kind, disable and severity added to Ignore. Then, only when the
// access key is AccessKeyFromEnv, getenv(AccessKeyEnvVar) (os.Getenv or a
// stand-in; nil is an empty environment): note says when that is unset
// (accessKeyId is then not compared). A name of Ignore that is no rule id
// or code is an error.
func Resolve(flags Options, c *Config, path string, getenv func(string) string) (opts Options, note string, err error) {
	for _, n := range flags.Ignore {
		if !KnownName(n) {
			return Options{}, "", fmt.Errorf("--ignore: %s", UnknownNameError(n))
		}
	}
	opts = flags
	opts.Ignore, opts.Severity = slices.Clip(opts.Ignore), maps.Clone(opts.Severity) // the caller's stay as they are
	if opts.Kind != "" && opts.JobTypeSource.Kind == manifest.SourceNone {
		opts.JobTypeSource = manifest.Source{Kind: manifest.SourceFlag, Name: "--job-kind", Detail: string(opts.Kind)}
	}
	if opts.Region != "" && opts.RegionSource.Kind == manifest.SourceNone {
		opts.RegionSource = manifest.Source{Kind: manifest.SourceFlag, Name: "--region"}
	}
	if opts.AccessKeyID != "" && opts.AccessKeySource.Kind == manifest.SourceNone {
		opts.AccessKeySource = manifest.Source{Kind: manifest.SourceFlag, Name: "--access-key-id"}
	}
	if c != nil {
		opts.applyConfig(c, path)
	}
	note = opts.resolveAccessKey(getenv)
	return opts, note, nil
}

// applyConfig copies the settings of c for the file at path into o where
// the flags did not set them.
func (o *Options) applyConfig(c *Config, path string) {
	fromFile := manifest.Source{Kind: manifest.SourceConfig, Name: c.File}
	if o.Region == "" && path != "" {
		o.Region, o.RegionSource = c.RegionFor(path)
	}
	if o.Region == "" && c.Region != "" {
		o.Region, o.RegionSource = c.Region, fromFile
	}
	if o.AccessKeyID == "" && c.AccessKeyID != "" {
		o.AccessKeyID, o.AccessKeySource = c.AccessKeyID, fromFile
	}
	if c.Buckets != nil {
		o.Buckets = c.Buckets
	}
	o.Ignore = append(o.Ignore, c.Disable...)
	for _, s := range c.Severity {
		if s.Level == config.LevelOff {
			o.Ignore = append(o.Ignore, s.Name)
			continue
		}
		if o.Severity == nil {
			o.Severity = map[string]manifest.Severity{}
		}
		o.Severity[s.Name] = manifest.Severity(s.Level)
	}
	if o.JobType == manifest.JobTypeUnknown && o.Kind == "" && path != "" {
		o.JobType, o.JobTypeSource = c.JobTypeSourceFor(path)
	}
}

// resolveAccessKey replaces an AccessKeyID of AccessKeyFromEnv with
// getenv(AccessKeyEnvVar); when that is empty the key is left unknown and
// the note says so.
func (o *Options) resolveAccessKey(getenv func(string) string) (note string) {
	if !strings.EqualFold(o.AccessKeyID, AccessKeyFromEnv) {
		return ""
	}
	asked := o.AccessKeySource.String()
	o.AccessKeyID, o.AccessKeySource = "", manifest.Source{}
	if getenv != nil {
		if k := strings.TrimSpace(getenv(AccessKeyEnvVar)); k != "" {
			o.AccessKeyID, o.AccessKeySource = k, manifest.Source{Kind: manifest.SourceEnv, Name: AccessKeyEnvVar}
			return ""
		}
	}
	return fmt.Sprintf("the access key comes from $%s (%s says env), which is not set: accessKeyId is not compared", AccessKeyEnvVar, asked)
}

// TooLargeError is a manifest over the size limit (--max-bytes), which
// the command line, the language server and the playground refuse to lint
// with this one message.
type TooLargeError struct {
	// Size is the manifest's size in bytes; 0 when it is only known to be
	// over the limit (a stream read up to it).
	Size int64
	// Limit is the largest size linted.
	Limit int64
}

// Error is the message: "file too large: N bytes, over --max-bytes M: a
// manifest is a few kilobytes".
func (e *TooLargeError) Error() string {
	size := ""
	if e.Size > 0 {
		size = fmt.Sprintf("%d bytes, ", e.Size)
	}
	return fmt.Sprintf("file too large: %sover --max-bytes %d: a manifest is a few kilobytes", size, e.Limit)
}

// CheckSize returns a *TooLargeError for a manifest of size bytes over
// limit (DefaultMaxBytes when limit is 0 or less), else nil.
func CheckSize(size, limit int64) error {
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if size > limit {
		return &TooLargeError{Size: size, Limit: limit}
	}
	return nil
}
