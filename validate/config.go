package validate

import (
	"slices"

	"github.com/manifestlint/manifestlint/config"
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
