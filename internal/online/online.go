//go:build online

package online

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/ec2/imds"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/logging"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/manifestlint/manifestlint/rules"
)

const (
	// maxBody bounds what is read of one answer: S3 and STS answer a few
	// hundred bytes.
	maxBody = 64 << 10
	// maxAttempts is how many times one call is tried (5xx, throttling).
	maxAttempts = 2
)

// Available reports whether this build can ask the account.
const Available = true

// Checker asks the account, caching every answer for the run: each bucket
// is asked once however many manifests name it. Its methods are safe for
// concurrent use.
type Checker struct {
	cfg    Config
	ctx    context.Context
	cancel context.CancelFunc

	initOnce sync.Once
	initErr  error
	aws      aws.Config
	s3       *s3.Client
	sts      *sts.Client
	keyID    string
	source   string

	idOnce   sync.Once
	identity *rules.Identity

	sem     chan struct{}
	mu      sync.Mutex
	buckets map[string]*entry
	run     int
	notRun  int
	reasons []string
}

// entry is one bucket's call: done closes when fact (or why not) is known.
type entry struct {
	done chan struct{}
	fact rules.BucketFact
	ok   bool
}

// New returns a Checker whose total budget starts now.
func New(cfg Config) *Checker {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.CallTimeout <= 0 {
		cfg.CallTimeout = DefaultCallTimeout
	}
	cfg.CallTimeout = min(cfg.CallTimeout, cfg.Timeout)
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = DefaultConcurrency
	}
	if cfg.Getenv == nil {
		cfg.Getenv = os.Getenv
	}
	ctx, cancel := context.WithTimeout(context.Background(), cfg.Timeout)
	return &Checker{cfg: cfg, ctx: ctx, cancel: cancel, sem: make(chan struct{}, cfg.Concurrency), buckets: map[string]*entry{}}
}

// Close ends the budget and any call still running.
func (c *Checker) Close() { c.cancel() }

// Endpoint reports whether an endpoint other than AWS's was given (flag or
// environment).
func (c *Checker) Endpoint() bool {
	return c.cfg.EndpointURL != "" || c.cfg.Getenv("AWS_ENDPOINT_URL") != "" || c.cfg.Getenv("AWS_ENDPOINT_URL_S3") != ""
}

// setup loads the SDK configuration and resolves the credentials, once.
func (c *Checker) setup() error {
	c.initOnce.Do(func() {
		opts := []func(*config.LoadOptions) error{
			config.WithHTTPClient(newHTTPClient(c.cfg.CallTimeout)),
			config.WithLogger(logging.Nop{}), // the SDK's warnings are no user's business
			config.WithAPIOptions([]func(*middleware.Stack) error{func(st *middleware.Stack) error {
				return st.Deserialize.Add(limitBody{}, middleware.After)
			}}),
			config.WithRetryer(func() aws.Retryer {
				return retry.AddWithMaxBackoffDelay(retry.AddWithMaxAttempts(retry.NewStandard(), maxAttempts), 500*time.Millisecond)
			}),
		}
		if c.cfg.Profile != "" {
			opts = append(opts, config.WithSharedConfigProfile(c.cfg.Profile))
		}
		if !c.cfg.IMDS {
			opts = append(opts, config.WithEC2IMDSClientEnableState(imds.ClientDisabled))
		}
		if c.cfg.EndpointURL != "" {
			opts = append(opts, config.WithBaseEndpoint(c.cfg.EndpointURL))
		}
		ctx, cancel := context.WithTimeout(c.ctx, c.cfg.CallTimeout)
		defer cancel()
		ac, err := config.LoadDefaultConfig(ctx, opts...)
		if err != nil {
			c.initErr = fmt.Errorf("AWS configuration: %s", short(err))
			return
		}
		if ac.Region == "" {
			ac.Region = "us-east-1"
		}
		if ac.Credentials == nil {
			c.initErr = errors.New("no AWS credentials")
			return
		}
		creds, err := ac.Credentials.Retrieve(ctx)
		if err != nil {
			c.initErr = credentialsError(err)
			return
		}
		c.aws, c.keyID, c.source = ac, creds.AccessKeyID, creds.Source
		pathStyle := c.Endpoint() || ac.BaseEndpoint != nil
		c.s3 = s3.NewFromConfig(ac, func(o *s3.Options) { o.UsePathStyle = o.UsePathStyle || pathStyle })
		c.sts = sts.NewFromConfig(ac, func(o *sts.Options) { o.Region = "us-east-1" })
	})
	return c.initErr
}

// Source is where the credentials came from (the SDK's provider name) and
// the access key ID they resolved to; "" before they were resolved.
func (c *Checker) Source() (source, keyID string) { return c.source, c.keyID }

// Identity calls STS GetCallerIdentity, signed for us-east-1, once per
// run. It returns nil when the call got no answer (the reason is counted
// as not run); an answer of 403 is an Identity with Status and ErrorCode.
func (c *Checker) Identity() *rules.Identity {
	c.idOnce.Do(func() {
		if err := c.setup(); err != nil {
			c.notChecked("", err.Error())
			return
		}
		ctx, cancel := context.WithTimeout(c.ctx, c.cfg.CallTimeout)
		defer cancel()
		out, err := c.sts.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
		at := stamp()
		if err == nil {
			c.identity = &rules.Identity{KeyID: c.keyID, Account: aws.ToString(out.Account), ARN: aws.ToString(out.Arn),
				Status: 200, Evidence: "GetCallerIdentity: 200 at " + at}
			c.checked()
			return
		}
		status, _ := httpAnswer(err)
		if status == 403 {
			code := ""
			var ae smithy.APIError
			if errors.As(err, &ae) {
				code = ae.ErrorCode()
			}
			c.identity = &rules.Identity{KeyID: c.keyID, Status: 403, ErrorCode: code,
				Evidence: fmt.Sprintf("GetCallerIdentity: 403 %s at %s", code, at)}
			c.checked()
			return
		}
		c.notChecked("GetCallerIdentity", why(err, status))
	})
	return c.identity
}

// Facts asks about every bucket of names not asked yet (a few at a time),
// waits for the answers of all of names, and returns what is known, with
// the identity.
func (c *Checker) Facts(names []string) *rules.OnlineFacts {
	f := &rules.OnlineFacts{Identity: c.Identity(), Buckets: map[string]rules.BucketFact{}}
	var wait []*entry
	var keys []string
	for _, n := range names {
		c.mu.Lock()
		e, ok := c.buckets[n]
		if !ok {
			e = &entry{done: make(chan struct{})}
			c.buckets[n] = e
			go c.head(n, e)
		}
		c.mu.Unlock()
		wait = append(wait, e)
		keys = append(keys, n)
	}
	for i, e := range wait {
		<-e.done
		if e.ok {
			f.Buckets[keys[i]] = e.fact
		}
	}
	return f
}

// head asks HeadBucket about one bucket and settles e.
func (c *Checker) head(name string, e *entry) {
	defer close(e.done)
	if err := c.setup(); err != nil {
		c.notChecked("", err.Error())
		return
	}
	select {
	case c.sem <- struct{}{}:
		defer func() { <-c.sem }()
	case <-c.ctx.Done():
		c.notChecked("HeadBucket "+name, "the --online-timeout budget ran out")
		return
	}
	ctx, cancel := context.WithTimeout(c.ctx, c.cfg.CallTimeout)
	defer cancel()
	out, err := c.s3.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(name)})
	at := stamp()
	if err == nil {
		e.fact = rules.BucketFact{Status: 200, Region: aws.ToString(out.BucketRegion), Evidence: "HeadBucket: 200 at " + at}
		e.ok = true
		c.checked()
		return
	}
	status, region := httpAnswer(err)
	switch {
	case status == 404:
		e.fact = rules.BucketFact{Status: 404, Evidence: "HeadBucket: 404 at " + at}
	case region != "" && (status == 301 || status == 400 || status == 403):
		e.fact = rules.BucketFact{Status: status, Region: region,
			Evidence: fmt.Sprintf("HeadBucket: %d, x-amz-bucket-region %s, at %s", status, region, at)}
	case status == 403:
		// Denied without a region: it proves nothing.
		c.notChecked("HeadBucket "+name, "403 (access denied) without the bucket's region")
		return
	default:
		c.notChecked("HeadBucket "+name, why(err, status))
		return
	}
	e.ok = true
	c.checked()
}

// Counts are the online checks that got an answer and those that did not.
func (c *Checker) Counts() (run, notRun int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.run, c.notRun
}

// Reasons are why checks did not run, each once, sorted.
func (c *Checker) Reasons() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := append([]string(nil), c.reasons...)
	sort.Strings(out)
	return out
}

func (c *Checker) checked() {
	c.mu.Lock()
	c.run++
	c.mu.Unlock()
}

func (c *Checker) notChecked(call, why string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.notRun++
	r := call + ": " + why
	switch {
	case call == "": // the credentials: one reason for every call
		r = why
	case strings.HasPrefix(call, "HeadBucket "):
		r = "HeadBucket: " + why // one reason for many buckets
	}
	for _, have := range c.reasons {
		if have == r {
			return
		}
	}
	c.reasons = append(c.reasons, r)
}

// credentialsError says why the credential chain gave no credentials, in
// a few words: an expired SSO session, or none found.
func credentialsError(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "SSO") || strings.Contains(msg, "sso"):
		return errors.New("no AWS credentials: the SSO session could not be used (expired? run aws sso login)")
	case strings.Contains(msg, "failed to refresh cached credentials, no EC2 IMDS role found") ||
		strings.Contains(msg, "EC2 IMDS") || strings.Contains(msg, "AWS_EC2_METADATA_DISABLED"):
		return errors.New("no AWS credentials found (environment, shared files, SSO, web identity, credential_process; instance metadata only with --online-imds)")
	}
	return fmt.Errorf("no AWS credentials: %s", short(err))
}

// httpAnswer returns the HTTP status of an error that carries an answer
// and its x-amz-bucket-region header; 0 when no answer came.
func httpAnswer(err error) (status int, region string) {
	var re *awshttp.ResponseError
	if errors.As(err, &re) && re.Response != nil {
		return re.HTTPStatusCode(), re.Response.Header.Get("X-Amz-Bucket-Region")
	}
	return 0, ""
}

// why says in a few words why a call settled nothing.
func why(err error, status int) string {
	var timeout interface{ Timeout() bool } // net.Error, *url.Error: the HTTP client's timeout
	switch {
	case status == 429 || status == 503:
		return fmt.Sprintf("throttled (%d)", status)
	case status >= 500:
		return fmt.Sprintf("the service answered %d", status)
	case status != 0:
		return fmt.Sprintf("unexpected answer %d", status)
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) || errors.As(err, &timeout) && timeout.Timeout():
		return "timed out"
	}
	return short(err)
}

// short is the last part of an SDK error chain, on one line and bounded:
// the SDK's messages never hold secrets, but they can be long.
func short(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ", "); i >= 0 && i+2 < len(s) {
		s = s[i+2:]
	}
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 160 {
		s = s[:160] + "..."
	}
	return s
}

// stamp is the time of an answer, for evidence.
func stamp() string { return time.Now().UTC().Format(time.RFC3339) }

// newHTTPClient is the SDK's HTTP client (the SDK's own buildable client,
// so that AWS_CA_BUNDLE still applies): each exchange bounded by timeout,
// so a slow drip ends; like every SDK client it follows no redirect (S3's
// 301 carries the region; a redirect loop is not walked).
func newHTTPClient(timeout time.Duration) *awshttp.BuildableClient {
	return awshttp.NewBuildableClient().WithTimeout(timeout).WithTransportOptions(func(tr *http.Transport) {
		tr.ResponseHeaderTimeout = timeout
	})
}

// limitBody cuts every answer's body at maxBody bytes: it sits at the
// end of the deserialize step, nearest the wire, so the SDK's decoders
// read through it.
type limitBody struct{}

func (limitBody) ID() string { return "manifestlintLimitBody" }

func (limitBody) HandleDeserialize(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
	out, md, err := next.HandleDeserialize(ctx, in)
	if resp, ok := out.RawResponse.(*smithyhttp.Response); ok && resp != nil && resp.Body != nil {
		resp.Body = &limitedBody{r: io.LimitReader(resp.Body, maxBody+1), c: resp.Body}
	}
	return out, md, err
}

// limitedBody fails once more than maxBody bytes were read.
type limitedBody struct {
	r io.Reader
	c io.Closer
	n int
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.n += n
	if b.n > maxBody {
		return n, errors.New("answer over 64 KiB")
	}
	return n, err
}

func (b *limitedBody) Close() error { return b.c.Close() }
