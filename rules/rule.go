// Package rules holds manifestlint's rules beyond what a JSON Schema can say:
// one file per family (address, customs, buckets, export, ...), each rule a
// descriptor (id, severity, codes, kinds, doc, example) with its check and a
// table test. registry.go lists them all.
package rules

import (
	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// Rule is one rule of this package: its descriptor (manifest.Descriptor,
// what the registry lists) and the check that makes its findings.
type Rule struct {
	manifest.Descriptor
	// Check returns the rule's findings for one manifest of a kind the rule
	// applies to, made with the Context's Errorf and Warnf.
	Check func(c *Context) []manifest.Finding
}

// Run returns the rule's findings for the manifest of c, or none when the
// rule does not apply to its kind.
func (r *Rule) Run(c *Context) []manifest.Finding {
	if !r.AppliesTo(c.Kind) {
		return nil
	}
	c.rule = &r.Descriptor
	return r.Check(c)
}

// Context is what a rule sees: the parsed manifest, its job kind and what
// the linter was told about the account (spec §6).
type Context struct {
	Doc  *manifest.Document
	Root *yaml.Node
	Kind manifest.Kind
	// Region is the job's region when known (from --region, the config
	// file, operations[].region or the bucket inventory), else "".
	Region string
	// RegionSource says where Region came from: given by the user (flag,
	// config file) or inferred (the manifest, the bucket inventory).
	RegionSource manifest.Source
	// AccessKeyID is the key that will sign the request (--access-key-id,
	// the config file, or $AWS_ACCESS_KEY_ID when either says env), or "".
	AccessKeyID string
	// AccessKeySource says where AccessKeyID came from, for messages.
	AccessKeySource manifest.Source
	// Buckets is the account's bucket inventory, name to region; nil when
	// none was given, and then the inventory checks do not run.
	Buckets map[string]string
	// Online is what --online learned from the account, or nil: bucket
	// answers win over the inventory, and the access-key rule reads the
	// identity (online.go).
	Online *OnlineFacts

	rule *manifest.Descriptor // the rule running (Run sets it)
	// buckets caches bucketFields(Root): four rules and validate's notes
	// read it, and a manifest of many operations names many buckets.
	buckets     []bucketRef
	bucketsRead bool
	// kindBuckets caches manifestBuckets: the ones of Kind, in source order.
	kindBuckets     []bucketRef
	kindBucketsRead bool
	// ops caches readOperations(Root): the fields of each operations entry
	// that the rules read, looked up in one pass.
	ops     []operation
	opsRead bool
	// hits caches scalarHits: the placeholder and sample-value rules'
	// one walk of the scalars.
	hits *scalarHits
}

// bucketRefs is bucketFields(c.Root), read once per lint.
func (c *Context) bucketRefs() []bucketRef {
	if !c.bucketsRead {
		c.buckets, c.bucketsRead = bucketFieldsOf(c.Root, c.operations()), true
	}
	return c.buckets
}

// BucketNames is BucketNames(c.Root), from the lint's one reading of the
// bucket fields.
func (c *Context) BucketNames() []string { return bucketNamesOf(c.bucketRefs()) }

// NamesBuckets reports whether the manifest names a bucket: whether
// BucketNames is not empty, without listing them.
func (c *Context) NamesBuckets() bool {
	for _, b := range c.bucketRefs() {
		if b.name != "" {
			return true
		}
	}
	return false
}

// Span is the range of node n in the manifest's source (Document.Span).
func (c *Context) Span(n *yaml.Node) manifest.Span { return c.Doc.Span(n) }

// Errorf makes a finding of the running rule with the service code code
// over at: the rule's id and severity are stamped on it.
func (c *Context) Errorf(code manifest.Code, at manifest.Span, path, detail string) manifest.Finding {
	return c.rule.Errorf(code, at, path, detail)
}

// Warnf makes a finding of the running rule without a code over at.
func (c *Context) Warnf(at manifest.Span, path, detail string) manifest.Finding {
	return c.rule.Warnf(at, path, detail)
}
