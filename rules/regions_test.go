package rules

import (
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

const twoOpsGlacier = `logBucket: logs
operations:
  - destination: glacier
    region: us-east-1
  - destination: glacier
    region: eu-west-1
  - destination: glacier
    region: us-east-1
`

func TestOperationsRegions(t *testing.T) {
	runFamCases(t, &operationsRegionsRule, []famCase{
		{name: "one entry", kind: manifest.EBSImport, src: "operations:\n  - region: us-east-1\n"},
		{name: "same regions", kind: manifest.GlacierImport, src: "operations:\n  - region: us-east-1\n  - region: us-east-1\n"},
		{name: "different regions", kind: manifest.GlacierImport, src: twoOpsGlacier,
			want: []famWant{famErr(manifest.MultipleRegions, "operations[1].region", 6, 13,
				"operations[1].region is `eu-west-1`", "operations[0]'s `us-east-1`", "one region")}},
		{name: "misspelt region is the schema's", kind: manifest.EBSImport, src: "operations:\n  - region: us-east-1\n  - region: us-east-l\n"},
		{name: "entries that are not mappings", kind: manifest.EBSImport, src: "operations:\n  - region: us-east-1\n  - eu-west-1\n"},
		{name: "S3 export has no operations regions", kind: manifest.S3Export, src: "operations:\n  - region: us-east-1\n  - region: eu-west-1\n"},
	})
}

// flagRegion is a job region given with --region.
var flagRegion = manifest.Source{Kind: manifest.SourceFlag, Name: "--region"}

func TestJobRegionMismatch(t *testing.T) {
	region := func(r string, src manifest.Source) func(*Context) {
		return func(c *Context) { c.Region, c.RegionSource = r, src }
	}
	runFamCases(t, &jobRegionMismatchRule, []famCase{
		{name: "no region given", kind: manifest.EBSImport, src: "operations:\n  - region: us-east-1\n"},
		{name: "same", kind: manifest.EBSImport, src: "operations:\n  - region: us-east-1\n", ctx: region("us-east-1", flagRegion)},
		{name: "differs from --region", kind: manifest.EBSImport, src: "deviceId: 1\noperations:\n  - region: us-east-1\n", ctx: region("eu-west-1", flagRegion),
			want: []famWant{famErr(manifest.MultipleRegions, "operations[0].region", 3, 13,
				"operations[0].region is `us-east-1`", "not the job region `eu-west-1`: the job region is from --region", "set operations[0].region to `eu-west-1`")}},
		{name: "differs from the config file", kind: manifest.GlacierImport, src: twoOpsGlacier, ctx: region("us-east-1", manifest.Source{Kind: manifest.SourceConfig, Name: ".manifestlint.yaml"}),
			want: []famWant{famErr(manifest.MultipleRegions, "operations[1].region", 6, 13, "not the job region `us-east-1`: the job region is from config file .manifestlint.yaml")}},
		{name: "inferred from operations is no given region", kind: manifest.GlacierImport, src: twoOpsGlacier, ctx: region("us-east-1", manifest.Source{Kind: manifest.SourceManifest, Name: "operations[].region"})},
		{name: "inferred from the inventory", kind: manifest.EBSImport, src: "operations:\n  - region: us-east-1\n", ctx: region("eu-west-1", manifest.Source{Kind: manifest.SourceInventory, Name: "b"})},
	})
}
