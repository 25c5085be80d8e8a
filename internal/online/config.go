// Package online asks the AWS account about what a manifest names, for
// `manifestlint --online` and `manifestlint inventory`: STS
// GetCallerIdentity once per run and S3 HeadBucket once per distinct
// bucket, read-only, with the AWS SDK's standard credential chain. It
// gathers facts (validate.OnlineFacts) and never decides findings: the
// rules do, from the facts, so that validate stays free of I/O.
//
// Every call has a per-call timeout and bounded retries, and the whole run
// a total budget; an answer that does not settle a fact (no credentials, a
// network error, a timeout, 5xx, throttling, a 403 without a region) is
// counted as "not run" with its reason, never as a pass. Nothing here
// prints or returns a secret access key, a session token or a signed
// header.
//
// The AWS SDK costs start-up time and size on every run, online or not
// (docs/online.md measures it), so it is linked only into builds with the
// build tag `online` (the manifestlint-online release artifact, `go install
// -tags online`); without it, every check is "not run" with that reason
// (offline.go).
package online

import "time"

// NotBuilt is why no online check runs in a build without the tag online.
const NotBuilt = "this manifestlint is built without online checks (the AWS SDK): use the manifestlint-online release artifact, or go install -tags online"

// Defaults of Config.
const (
	// DefaultTimeout is the total budget of a run's online checks.
	DefaultTimeout = 20 * time.Second
	// DefaultCallTimeout bounds one call, retries included.
	DefaultCallTimeout = 5 * time.Second
	// DefaultConcurrency is how many HeadBucket calls run at a time.
	DefaultConcurrency = 4
)

// Config is how to reach the account. Only flags and the environment set
// it, never the repository's .manifestlint.yaml: a repository must not be
// able to spend the runner's credentials or redirect signed requests.
type Config struct {
	// Profile is the shared-config profile (--profile); "" means the SDK's
	// default (AWS_PROFILE, else default).
	Profile string
	// EndpointURL is --endpoint-url, for S3 and STS alike; the SDK also
	// reads AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_STS.
	// With any endpoint, S3 is addressed path-style.
	EndpointURL string
	// Timeout is the total budget (--online-timeout); 0 is DefaultTimeout.
	Timeout time.Duration
	// CallTimeout bounds one call; 0 is DefaultCallTimeout (or Timeout
	// when that is shorter).
	CallTimeout time.Duration
	// IMDS lets the credential chain ask the EC2 instance metadata
	// service (--online-imds); off by default.
	IMDS bool
	// Concurrency is how many HeadBucket calls run at a time; 0 is
	// DefaultConcurrency.
	Concurrency int
	// Getenv reads the environment (os.Getenv when nil).
	Getenv func(string) string
}

// Inventory is what `manifestlint inventory` learned from the account.
type Inventory struct {
	// Account, ARN and KeyID are the caller's identity (GetCallerIdentity).
	Account, ARN, KeyID string
	// Regions maps each bucket found to its region: the buckets
	// ListBuckets listed (owned) and those of the manifests that HeadBucket
	// answered with a region (cross-account buckets included).
	Regions map[string]string
	// Missing are the manifests' buckets HeadBucket answered 404 for.
	Missing []string
	// Unknown are buckets whose region could not be learned, each with why.
	Unknown map[string]string
	// At is when the account was asked (RFC 3339, UTC).
	At string
}
