package rules

import (
	"fmt"

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
	Rule: manifest.Rule{
		ID:       RuleAccessKeyMatches,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidAccessKeyID, manifest.InvalidClientTokenID},
		Doc:      "accessKeyId must equal the key that signs the request (--access-key-id or AWS_ACCESS_KEY_ID, or with --online --signer=current the key of the credentials in use), when that is given; with --online, STS must not reject the manifest's own AKIA key (InvalidClientTokenIdException).",
		Example: manifest.Example{Lang: "yaml",
			Note:        "run as `manifestlint --access-key-id AKIAIOSFODNN7EXAMPLE manifest.yaml` (or with AWS_ACCESS_KEY_ID set)",
			AccessKeyID: "AKIAIOSFODNN7EXAMPLE",
			Before:      "accessKeyId: AKIAI44QH8DHBEXAMPLE",
			After:       "accessKeyId: AKIAIOSFODNN7EXAMPLE",
		},
	},
	Check: withClientToken(checkAccessKeyMatches),
}

// checkAccessKeyMatches reports an accessKeyId that differs from the key
// that will sign the request (--access-key-id or AWS_ACCESS_KEY_ID), when
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
	return []manifest.Finding{c.Errorf(manifest.InvalidAccessKeyID, c.Span(n), "accessKeyId",
		fmt.Sprintf("accessKeyId is not the signing key `%s`", c.AccessKeyID)).
		WithHelp(fmt.Sprintf("the manifest names `%s`, the request is signed with the other%s: set accessKeyId to the signing key, or sign with the key the manifest names",
			v, fromSource(c.AccessKeySource)))}
}

// fromSource is " (from SOURCE)", or "" when the source is unknown.
func fromSource(s manifest.Source) string {
	if s.Kind == manifest.SourceNone {
		return ""
	}
	return " (from " + s.String() + ")"
}
