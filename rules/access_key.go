package rules

import (
	"fmt"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
)

// RuleAccessKeyMatches is the id of the accessKeyId comparison rule.
const RuleAccessKeyMatches = "access-key-id-matches"

// wellFormedAccessKeyID reports whether s has the shape the schema requires
// (20 characters of A-Z and 0-9).
func wellFormedAccessKeyID(s string) bool {
	if len(s) != 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
			return false
		}
	}
	return true
}

// accessKeyMatchesRule is the access-key-id-matches rule: see checkAccessKeyMatches.
var accessKeyMatchesRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleAccessKeyMatches,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidAccessKeyID, manifest.InvalidClientTokenID},
		Doc:      "accessKeyId must equal the key that signs the request, when given (--access-key-id or the config file's accessKeyId, `env` in either reading AWS_ACCESS_KEY_ID; or with --online --signer=current the key of the credentials in use); with --online, STS must not reject the manifest's own AKIA key (InvalidClientTokenIdException).",
		Example: manifest.Example{Lang: "yaml",
			Note:        "run as `manifestlint --access-key-id AKIAIOSFODNN7EXAMPLE manifest.yaml` (or `--access-key-id env` with AWS_ACCESS_KEY_ID set)",
			AccessKeyID: "AKIAIOSFODNN7EXAMPLE",
			Before:      "accessKeyId: AKIAI44QH8DHBEXAMPLE",
			After:       "accessKeyId: AKIAIOSFODNN7EXAMPLE",
		},
	},
	Check: withClientToken(checkAccessKeyMatches),
}

// checkAccessKeyMatches reports an accessKeyId that differs from the key
// that will sign the request (--access-key-id, the config file, or
// $AWS_ACCESS_KEY_ID when either says env), when
// that is known: the service requires the two to be the same (spec §4.1).
//
// A malformed accessKeyId is not compared: the schema reports it with the
// same code at the same path, and since only one finding per (path, code)
// is kept and rules run first, comparing would replace the schema's message
// about the format (the fix to make first) with this one.
func checkAccessKeyMatches(c *Context) []manifest.Finding {
	if c.AccessKeyID == "" {
		return nil
	}
	n, v, ok := scalarField(c.Root, "accessKeyId")
	if !ok || !wellFormedAccessKeyID(v) || v == c.AccessKeyID {
		return nil
	}
	head := fmt.Sprintf("accessKeyId %s is not the signing key `%s`", manifest.Quote(v), c.AccessKeyID)
	help := fmt.Sprintf("the request will be signed with `%s`%s: set accessKeyId to `%s`, or sign with the key the manifest names",
		c.AccessKeyID, fromSource(c.AccessKeySource), c.AccessKeyID)
	if temporaryAccessKey(c.AccessKeyID) {
		// A temporary key (from STS, a role or SSO) cannot be the manifest's:
		// the service wants the long-term key that signs CreateJob.
		help = fmt.Sprintf("`%s`%s is a temporary key (ASIA…, from STS, a role or SSO): the service needs the long-term access key (AKIA…) that signs CreateJob, in accessKeyId and in the request; sign with the long-term key the manifest names, and do not write a temporary key into the manifest",
			c.AccessKeyID, fromSource(c.AccessKeySource))
	}
	return []manifest.Finding{c.Errorf(manifest.InvalidAccessKeyID, c.Span(n), "accessKeyId", head).WithHelp(help)}
}

// temporaryAccessKey reports a temporary access key id: AWS STS issues
// them with the prefix ASIA (long-term keys of IAM users start AKIA).
func temporaryAccessKey(id string) bool {
	return strings.HasPrefix(id, "ASIA")
}

// fromSource is " (from SOURCE)", or "" when the source is unknown.
func fromSource(s manifest.Source) string {
	if s.Kind == manifest.SourceNone {
		return ""
	}
	return " (from " + s.String() + ")"
}
