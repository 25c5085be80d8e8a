package rules

import (
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

func TestAccessKeyMatches(t *testing.T) {
	signer := func(id string) func(*Context) { return func(c *Context) { c.AccessKeyID = id } }
	runFamCases(t, &accessKeyMatchesRule, []famCase{
		{name: "no signing key known", kind: manifest.S3Import, src: "accessKeyId: AKIAIOSFODNN7EXAMPLE\n"},
		{name: "same key", kind: manifest.S3Import, src: "accessKeyId: AKIAIOSFODNN7EXAMPLE\n", ctx: signer("AKIAIOSFODNN7EXAMPLE")},
		{name: "other key", kind: manifest.S3Export, src: "deviceId: 1\naccessKeyId: AKIAIOSFODNN7EXAMPLE\n", ctx: signer("AKIAI44QH8DHBEXAMPLE"),
			want: []famWant{famErr(manifest.InvalidAccessKeyID, "accessKeyId", 2, 14,
				"the manifest names `AKIAIOSFODNN7EXAMPLE`", "the signing key `AKIAI44QH8DHBEXAMPLE`", "set accessKeyId to the signing key")}},
		{name: "malformed is the schema's", kind: manifest.S3Import, src: "accessKeyId: 11118346FH746RYTE34\n", ctx: signer("AKIAI44QH8DHBEXAMPLE")},
		{name: "lowercase is malformed", kind: manifest.S3Import, src: "accessKeyId: akiaiosfodnn7example\n", ctx: signer("AKIAIOSFODNN7EXAMPLE")},
		{name: "absent", kind: manifest.S3Import, src: "deviceId: 1\n", ctx: signer("AKIAIOSFODNN7EXAMPLE")},
		{name: "list is the schema's", kind: manifest.S3Import, src: "accessKeyId: [Enter 20 character id]\n", ctx: signer("AKIAIOSFODNN7EXAMPLE")},
	})
}
