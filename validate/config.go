package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/manifest"
)

// ApplyConfig checks the rule ids and codes the configuration file c names
// (disable, severity) against the registry, then copies its settings into
// o where the command line did not set them (flags win): region (with
// RegionSource "config file FILE"), accessKeyId, buckets, and disable and
// severity (which add to --ignore). Set what the command line gave in o
// first. An unknown name is a *config.Error at its line and column, and
// nothing is copied.
func (o *Options) ApplyConfig(c *config.Config) error {
	if err := c.CheckNames(UnknownName); err != nil {
		return err
	}
	if o.Region == "" && c.Region != "" {
		o.Region, o.RegionSource = c.Region, manifest.Source{Kind: manifest.SourceConfig, Name: c.File}
	}
	if o.AccessKeyID == "" && c.AccessKeyID != "" {
		o.AccessKeyID, o.AccessKeySource = c.AccessKeyID, manifest.Source{Kind: manifest.SourceConfig, Name: c.File}
	}
	if c.Buckets != nil {
		o.Buckets = c.Buckets
	}
	o.Ignore = append(o.Ignore, c.Disable...)
	for _, s := range c.Severity {
		switch s.Level {
		case config.LevelOff:
			o.Ignore = append(o.Ignore, s.Name)
		default:
			if o.Severity == nil {
				o.Severity = map[string]manifest.Severity{}
			}
			o.Severity[s.Name] = manifest.Severity(s.Level)
		}
	}
	return nil
}

// AccessKeyFromEnv is the value of --access-key-id, or of the config file's
// accessKeyId, that asks for the key in $AWS_ACCESS_KEY_ID (any letter
// case; no access key id is three letters). The environment is read only
// when asked (spec §6): a run's result must not depend on whose shell runs
// it.
const AccessKeyFromEnv = "env"

// AccessKeyEnvVar is the variable AccessKeyFromEnv reads.
const AccessKeyEnvVar = "AWS_ACCESS_KEY_ID"

// ResolveAccessKey replaces an AccessKeyID of AccessKeyFromEnv with
// getenv(AccessKeyEnvVar), with the source $AWS_ACCESS_KEY_ID. When the
// variable is empty the key is left unknown (accessKeyId is then not
// compared) and note says so; note is "" otherwise. Call it after the
// command line and ApplyConfig have set AccessKeyID; getenv is os.Getenv
// or a test's stand-in (the package does no I/O of its own).
func (o *Options) ResolveAccessKey(getenv func(string) string) (note string) {
	if !strings.EqualFold(o.AccessKeyID, AccessKeyFromEnv) {
		return ""
	}
	asked := o.AccessKeySource.String()
	o.AccessKeyID, o.AccessKeySource = "", manifest.Source{}
	if k := strings.TrimSpace(getenv(AccessKeyEnvVar)); k != "" {
		o.AccessKeyID, o.AccessKeySource = k, manifest.Source{Kind: manifest.SourceEnv, Name: AccessKeyEnvVar}
		return ""
	}
	return fmt.Sprintf("the access key comes from $%s (%s says env), which is not set: accessKeyId is not compared", AccessKeyEnvVar, asked)
}

// ApplyConfigFor is ApplyConfig for one file: the configuration file's
// per-path settings for path come first (a regions entry over region, a
// jobTypes entry, unless Kind is set), flags (options already set) still
// win. c may be nil.
func (o *Options) ApplyConfigFor(c *config.Config, path string) error {
	if c == nil {
		return nil
	}
	o.Ignore = slices.Clip(o.Ignore) // appending must not write into the caller's list
	if o.Region == "" && path != "" {
		o.Region, o.RegionSource = c.RegionFor(path)
	}
	if err := o.ApplyConfig(c); err != nil {
		return err
	}
	if o.JobType == manifest.JobTypeUnknown && o.Kind == "" && path != "" {
		o.JobType, o.JobTypeSource = c.JobTypeSourceFor(path)
	}
	return nil
}
