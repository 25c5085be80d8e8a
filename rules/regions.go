package rules

import (
	"fmt"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
)

// Rule ids of the region rules.
const (
	RuleOperationsRegions = "operations-regions"
	RuleJobRegionMismatch = "job-region-mismatch"
)

// Only the regions the service ran in (manifest.IsRegion) take part in the
// region comparisons: a misspelt region (`us-east-l`) is the schema's
// InvalidManifestFieldException, not a second region.

// givenRegion returns the job region when the user gave it (--region or the
// config file) and its source for messages; ok is false when the region is
// unknown or was only inferred from the manifest (operations[].region) or
// the bucket inventory, since comparing a value with itself proves nothing.
func givenRegion(c *Context) (region, source string, ok bool) {
	if c.Region == "" || c.RegionSource.Kind != manifest.SourceNone && !c.RegionSource.Given() {
		return "", "", false
	}
	source = c.RegionSource.String()
	if source == "" {
		source = "the job region"
	}
	return c.Region, source, true
}

// operationRegion is one operations[i].region value that names a service
// region.
type operationRegion struct {
	path   string
	region string
	at     manifest.Span
}

// operationRegions lists the operations[].region values of a 3.0 manifest
// (EBS or Glacier import) that name a service region, in order.
func operationRegions(c *Context) []operationRegion {
	if !kindIs(c.Kind, manifest.EBSImport, manifest.GlacierImport) {
		return nil
	}
	var out []operationRegion
	for _, o := range c.operations() {
		if n, r, ok := scalarText(o.region); ok && manifest.IsRegion(r) {
			out = append(out, operationRegion{opPath(o.i, "region"), r, c.Span(n)})
		}
	}
	return out
}

// operationsRegionsRule is the operations-regions rule: see checkOperationsRegions.
var operationsRegionsRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleOperationsRegions,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.MultipleRegions},
		Kinds:    []manifest.Kind{manifest.EBSImport, manifest.GlacierImport},
		Doc:      "In an EBS or Glacier import, every operations entry must name the same region.",
		Example: manifest.Example{Lang: "yaml",
			Before: "operations:\n  - destination: ebs-snapshot\n    source: device\n    region: eu-west-1\n  - destination: ebs-snapshot\n    source: device\n    region: us-east-1",
			After:  "operations:\n  - destination: ebs-snapshot\n    source: device\n    region: us-east-1",
		},
	},
	Check: checkOperationsRegions,
}

// checkOperationsRegions reports, in an EBS or Glacier import, every
// operations entry whose region differs from the first entry's: a job runs
// in one region. No bucket inventory is needed.
//
// The schema also caps a 3.0 manifest to exactly one operations entry
// (InvalidManifestFieldException at `operations`). Both findings are kept:
// they have different codes and paths, and each says something the other
// does not (the schema that the list is too long, this rule that the entries
// even disagree on the region, which the service answered with
// MultipleRegionsException).
func checkOperationsRegions(c *Context) []manifest.Finding {
	regs := operationRegions(c)
	if len(regs) < 2 {
		return nil
	}
	first := regs[0]
	var fs []manifest.Finding
	for _, r := range regs[1:] {
		if r.region == first.region {
			continue
		}
		f := c.Errorf(manifest.MultipleRegions, r.at, r.path,
			fmt.Sprintf("%s is `%s`, %s `%s`", r.path, r.region, strings.TrimSuffix(first.path, ".region")+"'s", first.region)).
			WithHelp("a job runs in one region: use one region for every operation, or split the devices into one job per region")
		f.Relate(first.at, first.path+" names the job's first region")
		fs = append(fs, f)
	}
	return fs
}

// jobRegionMismatchRule is the job-region-mismatch rule: see checkJobRegionMismatch.
var jobRegionMismatchRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleJobRegionMismatch,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.MultipleRegions},
		Kinds:    []manifest.Kind{manifest.EBSImport, manifest.GlacierImport},
		Doc:      "In an EBS or Glacier import, operations[].region must equal the job region given with --region or the config file.",
		Example: manifest.Example{Lang: "yaml",
			Note:   "a job created in us-east-1 (--region us-east-1)",
			Region: "us-east-1",
			Before: "operations:\n  - destination: ebs-snapshot\n    source: device\n    region: eu-west-1",
			After:  "operations:\n  - destination: ebs-snapshot\n    source: device\n    region: us-east-1",
		},
	},
	Check: checkJobRegionMismatch,
}

// checkJobRegionMismatch reports an operations[].region that differs from
// the job region the user gave (--region or the config file).
func checkJobRegionMismatch(c *Context) []manifest.Finding {
	region, source, ok := givenRegion(c)
	if !ok {
		return nil
	}
	var fs []manifest.Finding
	for _, r := range operationRegions(c) {
		if r.region == region {
			continue
		}
		fs = append(fs, c.Errorf(manifest.MultipleRegions, r.at, r.path,
			fmt.Sprintf("%s is `%s`, not the job region `%s`", r.path, r.region, region)).
			WithHelp(fmt.Sprintf("the job region is from %s, and a job runs in one region: set %s to `%s`, or create the job in `%s`", source, r.path, region, r.region)))
	}
	return fs
}
