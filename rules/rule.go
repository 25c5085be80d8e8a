// Package rules holds manifestlint's rules beyond what a JSON Schema can say:
// one file per family (address, customs, buckets, export, ...), each rule
// with a stable id, the codes it emits, a one-line doc and a table test.
// registry.go lists them all.
package rules

import (
	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// Rule is one check of a parsed manifest.
type Rule struct {
	// ID is stable across releases: it names the rule in output, in
	// suppressions and in SARIF.
	ID string
	// Codes are the service codes the rule can emit (none for a warning).
	Codes []manifest.Code
	// Doc is a one-line description of what the rule checks.
	Doc string
	// Check returns the rule's findings for one manifest.
	Check func(c *Context) []manifest.Finding
}

// Info returns the rule's registry entry.
func (r Rule) Info() manifest.RuleInfo {
	return manifest.RuleInfo{ID: r.ID, Codes: r.Codes, Doc: r.Doc}
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
	// RegionSource says where Region came from ("--region", ...), for messages.
	RegionSource string
	// AccessKeyID is the key that will sign the request (--access-key-id or
	// AWS_ACCESS_KEY_ID), or "".
	AccessKeyID string
	// Buckets is the account's bucket inventory, name to region; nil when
	// none was given, and then the inventory checks do not run.
	Buckets map[string]string
}

// Span is the range of node n in the manifest's source (Document.Span).
func (c *Context) Span(n *yaml.Node) manifest.Span { return c.Doc.Span(n) }
