package rules

import (
	"fmt"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
)

// OnlineFacts is what `--online` learned from the account, gathered before
// linting (package internal/online) and handed to the rules: validate does
// no I/O. The zero value knows nothing.
type OnlineFacts struct {
	// Buckets maps each bucket name asked about to what HeadBucket
	// answered; a bucket that is absent was not asked, or the call did not
	// get an answer (then the rules fall back to the bucket inventory).
	Buckets map[string]BucketFact
	// Identity is what STS GetCallerIdentity answered, or nil when it was
	// not asked or got no answer.
	Identity *Identity
	// Signer says the user declared that the credentials the online checks
	// used will sign CreateJob (--signer=current): then a manifest
	// accessKeyId that differs from their key is an error, not a note.
	Signer bool
}

// BucketFact is one HeadBucket answer.
type BucketFact struct {
	// Status is the HTTP status of the answer (200, 301, 400, 403, 404).
	Status int
	// Region is the answer's x-amz-bucket-region header, "" when it had
	// none.
	Region string
	// Evidence says where the fact came from: "HeadBucket: 404 at
	// 2026-12-06T05:10:00Z".
	Evidence string
}

// Missing reports whether the answer proves the bucket does not exist (404).
func (b BucketFact) Missing() bool { return b.Status == 404 }

// Exists reports whether the answer proves the bucket exists: a 200, or
// any answer naming the bucket's region. A 403 without a region proves
// nothing (a denied call is never a pass).
func (b BucketFact) Exists() bool { return b.Status == 200 || b.Status != 404 && b.Region != "" }

// Identity is what STS GetCallerIdentity said about the credentials.
type Identity struct {
	// KeyID is the access key ID the credentials resolved to (never the
	// secret).
	KeyID string
	// Account and ARN are GetCallerIdentity's answer ("" when it failed).
	Account, ARN string
	// Status is the HTTP status of the answer; ErrorCode the answer's error
	// code when it was an error (InvalidClientTokenId).
	Status    int
	ErrorCode string
	// Evidence says where the fact came from: "GetCallerIdentity: 403 at ...".
	Evidence string
}

// onlineBucket returns the online fact about bucket name, if any.
func (c *Context) onlineBucket(name string) (BucketFact, bool) {
	if c.Online == nil {
		return BucketFact{}, false
	}
	f, ok := c.Online.Buckets[name]
	return f, ok
}

// bucketRegion returns the region a bucket is known to be in and the
// evidence: the online answer when it named one, else the inventory.
func (c *Context) bucketRegion(name string) (region, evidence string, ok bool) {
	if f, ok := c.onlineBucket(name); ok && f.Region != "" {
		return f.Region, f.Evidence, true
	}
	if r, ok := c.Buckets[name]; ok && r != "" {
		return r, "", true
	}
	return "", "", false
}

// knowsBuckets reports whether there is anything to check bucket names
// against: an inventory, or online answers.
func (c *Context) knowsBuckets() bool {
	return c.Buckets != nil || c.Online != nil && len(c.Online.Buckets) > 0
}

// OnlineNotes are the notes of what the online answers left open for one
// manifest: a bucket that exists but whose region the answer did not give,
// a key that differs from the one the online checks signed with, an STS
// rejection of a key the manifest does not name. They name key IDs, never
// secrets.
func OnlineNotes(c *Context) []string {
	if c.Online == nil {
		return nil
	}
	var out []string
	for _, b := range manifestBuckets(c) {
		if f, ok := c.onlineBucket(b.name); ok && f.Exists() && f.Region == "" {
			out = append(out, fmt.Sprintf("%s `%s` exists, but its region is unknown (%s): region checks skip it", b.path(), b.name, f.Evidence))
		}
	}
	id := c.Online.Identity
	if id == nil {
		return out
	}
	n := manifestAccessKey(c)
	switch {
	case id.ErrorCode == "InvalidClientTokenId" && (n == "" || n != id.KeyID || !strings.HasPrefix(n, "AKIA")):
		out = append(out, fmt.Sprintf("STS rejected the key `%s` the online checks signed with (%s), which is not the manifest's accessKeyId `%s`", id.KeyID, id.Evidence, n))
	case n != "" && id.KeyID != "" && n != id.KeyID && !c.Online.Signer && wellFormedAccessKeyID(n):
		out = append(out, fmt.Sprintf("accessKeyId `%s` is not the key of the online credentials (`%s`); if these credentials sign the job, say --signer=current", n, id.KeyID))
	}
	return out
}

// manifestAccessKey is the manifest's accessKeyId value, or "".
func manifestAccessKey(c *Context) string {
	v, _ := manifest.Text(manifest.Value(c.Root, "accessKeyId"))
	return v
}

// withClientToken adds, before check's findings, the online
// InvalidClientTokenIdException: STS answered 403 InvalidClientTokenId to
// a call signed with the manifest's own long-term (AKIA) accessKeyId, so
// the key the job names does not exist. Any other rejection is a note
// (OnlineNotes): the key the checks signed with is not the manifest's.
func withClientToken(check func(c *Context) []manifest.Finding) func(c *Context) []manifest.Finding {
	return func(c *Context) []manifest.Finding {
		fs := check(c)
		if c.Online == nil || c.Online.Identity == nil {
			return fs
		}
		id := c.Online.Identity
		n, v, ok := scalarField(c.Root, "accessKeyId")
		if !ok || id.ErrorCode != "InvalidClientTokenId" || v != id.KeyID || !strings.HasPrefix(v, "AKIA") {
			return fs
		}
		f := c.Errorf(manifest.InvalidClientTokenID, c.Span(n), "accessKeyId",
			fmt.Sprintf("accessKeyId %s does not exist: STS rejected it as InvalidClientTokenId", manifest.Quote(v))).
			WithHelp("Use an active access key of the account that creates the job; `aws iam list-access-keys` lists them.")
		f.Evidence = id.Evidence
		return append(fs, f)
	}
}
