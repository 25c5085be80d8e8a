package rules

import (
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

func TestBucketDNSNames(t *testing.T) {
	runFamCases(t, &bucketDNSNamesRule, []famCase{
		{name: "compliant", kind: manifest.S3Import, src: "bucket: importexport-integ-test\nlogBucket: my.logs-1\n"},
		{name: "uppercase", kind: manifest.S3Import, src: "deviceId: 1\nbucket: myBucket\n",
			want: []famWant{famWarn("bucket", 2, 9, "`myBucket`", "it has uppercase letters", "such as `mybucket`")}},
		{name: "underscore and too short", kind: manifest.S3Import, src: "logBucket: a_\n",
			want: []famWant{famWarn("logBucket", 1, 12, "2 characters long, not 3 to 63", "it has `_`", "does not start and end")}},
		{name: "too long", kind: manifest.S3Import, src: "bucket: " + strings.Repeat("a", 64) + "\n",
			want: []famWant{famWarn("bucket", 1, 9, "64 characters long")}},
		{name: "double dot and edge dash", kind: manifest.S3Export, src: "logBucket: -my..logs\n",
			want: []famWant{famWarn("logBucket", 1, 12, "it has `..`", "does not start and end")}},
		{name: "dash next to dot", kind: manifest.GlacierImport, src: "logBucket: my-.logs\n",
			want: []famWant{famWarn("logBucket", 1, 12, "a `-` next to a `.`")}},
		{name: "IP address", kind: manifest.EBSImport, src: "logBucket: 192.168.5.4\n",
			want: []famWant{famWarn("logBucket", 1, 12, "formatted as an IP address")}},
		{name: "export buckets", kind: manifest.S3Export, src: "logBucket: logs\noperations:\n  - exportBucket: Data_1\n  - exportBucket: fine-bucket\n",
			want: []famWant{famWarn("operations[0].exportBucket", 3, 19, "uppercase", "`_`", "such as `data-1`")}},
		{name: "bad charset is the schema's", kind: manifest.S3Import, src: "bucket: my bucket!\n"},
		{name: "empty is the schema's", kind: manifest.S3Import, src: "bucket:\n"},
		{name: "bucket is unknown in export", kind: manifest.S3Export, src: "bucket: myBucket\n"},
		{name: "exportBucket is unknown in import", kind: manifest.S3Import, src: "operations:\n  - exportBucket: myBucket\n"},
		{name: "operations of the wrong type", kind: manifest.S3Export, src: "operations: myBucket\n"},
	})
}

func TestBucketsExist(t *testing.T) {
	inv := func(c *Context) {
		c.Buckets = map[string]string{"my-data": "us-east-1", "my-logs": "us-east-1", "mybucket": "us-west-2"}
	}
	runFamCases(t, &bucketsExistRule, []famCase{
		{name: "no inventory", kind: manifest.S3Import, src: "bucket: nope\n"},
		{name: "listed", kind: manifest.S3Import, src: "bucket: my-data\nlogBucket: my-logs\n", ctx: inv},
		{name: "not listed", kind: manifest.S3Import, src: "bucket: my-data\nlogBucket: other-logs\n", ctx: inv,
			want: []famWant{famErr(manifest.NoSuchBucket, "logBucket", 2, 12, "logBucket `other-logs` is not in the bucket inventory: the inventory has 3 buckets listed", "create the bucket")}},
		{name: "case differs", kind: manifest.S3Import, src: "bucket: myBucket\n", ctx: inv,
			want: []famWant{famErr(manifest.NoSuchBucket, "bucket", 1, 9, "did you mean `mybucket`?", "case-sensitive")}},
		{name: "export buckets", kind: manifest.S3Export, src: "logBucket: my-logs\noperations:\n  - exportBucket: my-data\n  - exportBucket: gone\n", ctx: inv,
			want: []famWant{famErr(manifest.NoSuchBucket, "operations[1].exportBucket", 4, 19, "`gone`")}},
		{name: "empty inventory", kind: manifest.EBSImport, src: "logBucket: my-logs\n", ctx: func(c *Context) { c.Buckets = map[string]string{} },
			want: []famWant{famErr(manifest.NoSuchBucket, "logBucket", 1, 12, "0 buckets listed")}},
		{name: "malformed name is the schema's", kind: manifest.S3Import, src: "bucket: 'a b'\n", ctx: inv},
	})
}

func TestBucketRegions(t *testing.T) {
	inv := func(c *Context) {
		c.Buckets = map[string]string{"east-data": "us-east-1", "east-logs": "us-east-1", "west-logs": "us-west-2", "eu-data": "eu-west-1"}
	}
	withRegion := func(region string, source manifest.Source) func(*Context) {
		return func(c *Context) { inv(c); c.Region, c.RegionSource = region, source }
	}
	runFamCases(t, &bucketRegionsRule, []famCase{
		{name: "no inventory", kind: manifest.S3Import, src: "bucket: east-data\nlogBucket: west-logs\n"},
		{name: "one region", kind: manifest.S3Import, src: "bucket: east-data\nlogBucket: east-logs\n", ctx: inv},
		{name: "two regions", kind: manifest.S3Import, src: "bucket: east-data\nlogBucket: west-logs\n", ctx: inv,
			want: []famWant{famErr(manifest.MultipleRegions, "logBucket", 2, 12,
				"logBucket `west-logs` is in `us-west-2`", "bucket `east-data` (line 1) is in `us-east-1`", "region `us-east-1` only")}},
		{name: "source order decides the first", kind: manifest.S3Import, src: "logBucket: west-logs\nbucket: east-data\n", ctx: inv,
			want: []famWant{famErr(manifest.MultipleRegions, "bucket", 2, 9, "bucket `east-data` is in `us-east-1`", "logBucket `west-logs` (line 1) is in `us-west-2`")}},
		{name: "unlisted buckets are skipped", kind: manifest.S3Import, src: "bucket: nope\nlogBucket: west-logs\n", ctx: inv},
		{name: "given region", kind: manifest.S3Import, src: "bucket: east-data\nlogBucket: east-logs\n", ctx: withRegion("us-west-2", flagRegion),
			want: []famWant{
				famErr(manifest.MultipleRegions, "bucket", 1, 9, "`east-data` is in `us-east-1`", "the job region from --region is `us-west-2`"),
				famErr(manifest.MultipleRegions, "logBucket", 2, 12, "`east-logs` is in `us-east-1`"),
			}},
		{name: "region inferred from the inventory is no anchor", kind: manifest.S3Import, src: "bucket: east-data\n", ctx: withRegion("us-west-2", manifest.Source{Kind: manifest.SourceInventory, Name: "west-logs"})},
		{name: "operations region", kind: manifest.GlacierImport, src: "logBucket: west-logs\noperations:\n  - destination: glacier\n    region: us-east-1\n",
			ctx:  withRegion("us-east-1", manifest.Source{Kind: manifest.SourceManifest, Name: "operations[].region"}),
			want: []famWant{famErr(manifest.MultipleRegions, "logBucket", 1, 12, "`west-logs` is in `us-west-2`", "operations[0].region (line 4) is `us-east-1`")}},
		{name: "export buckets", kind: manifest.S3Export, src: "logBucket: east-logs\noperations:\n  - exportBucket: east-data\n  - exportBucket: eu-data\n", ctx: inv,
			want: []famWant{famErr(manifest.MultipleRegions, "operations[1].exportBucket", 4, 19, "`eu-data` is in `eu-west-1`")}},
	})
}

// TestBucketNames: the fields that name a bucket, in field order whatever
// the kind (validate asks the inventory and --online about each), empty
// and non-text values left out.
func TestBucketNames(t *testing.T) {
	src := "logBucket: logs\noperations:\n  - exportBucket: b1\n  - exportBucket: ''\n  - exportBucket: [x]\n  - exportBucket: b2\nbucket: imp\n"
	doc, _ := manifest.Parse("m.yaml", []byte(src))
	if doc == nil || doc.Root == nil {
		t.Fatal("does not parse")
	}
	if got, want := strings.Join(BucketNames(doc.Root), ","), "imp,logs,b1,b2"; got != want {
		t.Errorf("BucketNames = %s, want %s", got, want)
	}
}
