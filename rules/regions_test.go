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
				"operations[1].region is `eu-west-1`", "operations[0].region (line 4) is `us-east-1`", "one region")}},
		{name: "misspelt region is the schema's", kind: manifest.EBSImport, src: "operations:\n  - region: us-east-1\n  - region: us-east-l\n"},
		{name: "entries that are not mappings", kind: manifest.EBSImport, src: "operations:\n  - region: us-east-1\n  - eu-west-1\n"},
		{name: "S3 export has no operations regions", kind: manifest.S3Export, src: "operations:\n  - region: us-east-1\n  - region: eu-west-1\n"},
	})
}

func TestJobRegionMismatch(t *testing.T) {
	region := func(r, src string) func(*Context) { return func(c *Context) { c.Region, c.RegionSource = r, src } }
	inferred := func(r, src string) func(*Context) {
		return func(c *Context) { c.Region, c.RegionSource, c.RegionInferred = r, src, true }
	}
	runFamCases(t, &jobRegionMismatchRule, []famCase{
		{name: "no region given", kind: manifest.EBSImport, src: "operations:\n  - region: us-east-1\n"},
		{name: "same", kind: manifest.EBSImport, src: "operations:\n  - region: us-east-1\n", ctx: region("us-east-1", "--region")},
		{name: "differs from --region", kind: manifest.EBSImport, src: "deviceId: 1\noperations:\n  - region: us-east-1\n", ctx: region("eu-west-1", "--region"),
			want: []famWant{famErr(manifest.MultipleRegions, "operations[0].region", 3, 13,
				"operations[0].region is `us-east-1`", "the job region from --region is `eu-west-1`", "Set operations[0].region to `eu-west-1`")}},
		{name: "differs from the config file", kind: manifest.GlacierImport, src: twoOpsGlacier, ctx: region("us-east-1", "the config file"),
			want: []famWant{famErr(manifest.MultipleRegions, "operations[1].region", 6, 13, "from the config file is `us-east-1`")}},
		{name: "inferred from operations is no given region", kind: manifest.GlacierImport, src: twoOpsGlacier, ctx: inferred("us-east-1", "operations[].region")},
		{name: "inferred from the inventory", kind: manifest.EBSImport, src: "operations:\n  - region: us-east-1\n", ctx: inferred("eu-west-1", "the bucket inventory (b)")},
	})
}
