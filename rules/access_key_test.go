package rules

import (
	"strings"
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
				"accessKeyId `AKIAIOSFODNN7EXAMPLE` is not the signing key `AKIAI44QH8DHBEXAMPLE`")}},
		{name: "malformed is the schema's", kind: manifest.S3Import, src: "accessKeyId: 11118346FH746RYTE34\n", ctx: signer("AKIAI44QH8DHBEXAMPLE")},
		{name: "lowercase is malformed", kind: manifest.S3Import, src: "accessKeyId: akiaiosfodnn7example\n", ctx: signer("AKIAIOSFODNN7EXAMPLE")},
		{name: "absent", kind: manifest.S3Import, src: "deviceId: 1\n", ctx: signer("AKIAIOSFODNN7EXAMPLE")},
		{name: "list is the schema's", kind: manifest.S3Import, src: "accessKeyId: [Enter 20 character id]\n", ctx: signer("AKIAIOSFODNN7EXAMPLE")},
	})
}

// TestAccessKeyHelp: the help names the signing key and its source, and
// advises writing it into the manifest only when it is a long-term key: a
// temporary ASIA key never (the service needs the key that signs CreateJob).
func TestAccessKeyHelp(t *testing.T) {
	run := func(signer string) manifest.Finding {
		t.Helper()
		c := famContext(t, manifest.S3Import, "accessKeyId: AKIAIOSFODNN7EXAMPLE\n")
		c.AccessKeyID, c.AccessKeySource = signer, manifest.Source{Kind: manifest.SourceEnv, Name: "AWS_ACCESS_KEY_ID"}
		fs := accessKeyMatchesRule.Run(c)
		if len(fs) != 1 {
			t.Fatalf("got %d findings, want 1", len(fs))
		}
		if len(fs[0].Message) > 90 {
			t.Errorf("headline over 90 characters: %q", fs[0].Message)
		}
		return fs[0]
	}
	long := run("AKIAI44QH8DHBEXAMPLE")
	for _, frag := range []string{"signed with `AKIAI44QH8DHBEXAMPLE` (from $AWS_ACCESS_KEY_ID)", "set accessKeyId to `AKIAI44QH8DHBEXAMPLE`"} {
		if !strings.Contains(long.Help, frag) {
			t.Errorf("long-term key: help lacks %q: %s", frag, long.Help)
		}
	}
	temp := run("ASIAIOSFODNN7EXAMPLE")
	if strings.Contains(temp.Help, "set accessKeyId to") {
		t.Errorf("temporary key: the help advises pasting it into the manifest: %s", temp.Help)
	}
	for _, frag := range []string{"`ASIAIOSFODNN7EXAMPLE` (from $AWS_ACCESS_KEY_ID) is a temporary key", "long-term access key (AKIA…) that signs CreateJob"} {
		if !strings.Contains(temp.Help, frag) {
			t.Errorf("temporary key: help lacks %q: %s", frag, temp.Help)
		}
	}
}
