// Package awsdouble is an in-process S3 and STS double for tests: an
// httptest server that answers HeadBucket, GetBucketLocation, ListBuckets
// and GetCallerIdentity as AWS does (statuses, the x-amz-bucket-region
// header, the XML bodies), plus hostile answers (slow, failing, huge,
// dripping, redirect loops). Only tests import it; the real AWS SDK talks
// to it through an endpoint URL (path-style).
package awsdouble

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"time"
)

// Bucket is how the double answers about one bucket.
type Bucket struct {
	// Status is HeadBucket's status: 200, 301, 400, 403 or 404.
	Status int
	// Region is sent as x-amz-bucket-region (omitted when "").
	Region string
	// Location is GetBucketLocation's LocationConstraint ("" is
	// us-east-1, "EU" is eu-west-1).
	Location string
	// Owned lists the bucket in ListBuckets.
	Owned bool
	// Hostile, when set, replaces the answer: "slow", "500", "throttle",
	// "drip", "redirect", "huge".
	Hostile string
}

// Server is the double. Set its fields before the first request.
type Server struct {
	*httptest.Server
	// Buckets are the buckets that exist (or answer otherwise); a bucket
	// not listed answers 404.
	Buckets map[string]Bucket
	// Account and ARN are GetCallerIdentity's answer.
	Account, ARN string
	// RejectKeys lists access key IDs STS answers 403
	// InvalidClientTokenId for.
	RejectKeys map[string]bool
	// STSHostile makes GetCallerIdentity hostile (as Bucket.Hostile).
	STSHostile string

	mu       sync.Mutex
	requests map[string]int
	keys     map[string]string // call → access key ID it was signed with
	regions  map[string]string // call → the region it was signed for
	headers  []string          // every request's headers, for leak checks
}

// New starts a double; Close it when done.
func New() *Server {
	s := &Server{Buckets: map[string]Bucket{}, Account: "123456789012", ARN: "arn:aws:iam::123456789012:user/ci",
		requests: map[string]int{}, keys: map[string]string{}, regions: map[string]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Requests counts the calls made: "GetCallerIdentity", "HeadBucket NAME",
// "GetBucketLocation NAME", "ListBuckets".
func (s *Server) Requests(call string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[call]
}

// Total counts every request.
func (s *Server) Total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.requests {
		n += v
	}
	return n
}

// SignedWith returns the access key ID and the region the last call of
// that name was signed with.
func (s *Server) SignedWith(call string) (key, region string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.keys[call], s.regions[call]
}

// Headers returns every header the double received, one "Name: value"
// per line: what a signed request showed on the wire.
func (s *Server) Headers() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.headers, "\n")
}

var credential = regexp.MustCompile(`Credential=([A-Z0-9]+)/\d+/([a-z0-9-]+)/`)

func (s *Server) record(call string, r *http.Request) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[call]++
	key := ""
	if m := credential.FindStringSubmatch(r.Header.Get("Authorization")); m != nil {
		key = m[1]
		s.keys[call], s.regions[call] = m[1], m[2]
	}
	for k, vs := range r.Header {
		for _, v := range vs {
			s.headers = append(s.headers, k+": "+v)
		}
	}
	return key
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && r.URL.Path == "/" {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<16))
		if strings.Contains(string(body), "Action=GetCallerIdentity") {
			key := s.record("GetCallerIdentity", r)
			if s.hostile(w, r, s.STSHostile) {
				return
			}
			if s.RejectKeys[key] {
				w.Header().Set("Content-Type", "text/xml")
				w.WriteHeader(http.StatusForbidden)
				fmt.Fprint(w, `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error>
  <RequestId>4f1c7a2e-0000-4000-8000-000000000001</RequestId>
</ErrorResponse>`)
				return
			}
			w.Header().Set("Content-Type", "text/xml")
			fmt.Fprintf(w, `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult><Arn>%s</Arn><UserId>AIDAEXAMPLEUSERID0001</UserId><Account>%s</Account></GetCallerIdentityResult>
  <ResponseMetadata><RequestId>4f1c7a2e-0000-4000-8000-000000000002</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`, s.ARN, s.Account)
			return
		}
	}
	name := strings.Trim(r.URL.Path, "/")
	switch {
	case r.Method == http.MethodGet && name == "":
		s.record("ListBuckets", r)
		w.Header().Set("Content-Type", "application/xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>owner</ID></Owner><Buckets>`)
		for n, bk := range s.Buckets {
			if bk.Owned {
				fmt.Fprintf(&b, `<Bucket><Name>%s</Name><CreationDate>2024-01-02T03:04:05.000Z</CreationDate></Bucket>`, n)
			}
		}
		b.WriteString(`</Buckets></ListAllMyBucketsResult>`)
		fmt.Fprint(w, b.String())
	case r.Method == http.MethodGet && r.URL.Query().Has("location"):
		s.record("GetBucketLocation "+name, r)
		bk, ok := s.Buckets[name]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprintf(w, `<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>%s</BucketName></Error>`, name)
			return
		}
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">%s</LocationConstraint>`, bk.Location)
	case r.Method == http.MethodHead:
		s.record("HeadBucket "+name, r)
		bk, ok := s.Buckets[name]
		if !ok {
			w.WriteHeader(http.StatusNotFound) // HEAD: no body, as S3
			return
		}
		if s.hostile(w, r, bk.Hostile) {
			return
		}
		if bk.Region != "" {
			w.Header().Set("x-amz-bucket-region", bk.Region)
		}
		w.WriteHeader(bk.Status)
	default:
		s.record("other "+r.Method+" "+r.URL.Path, r)
		w.WriteHeader(http.StatusNotImplemented)
	}
}

// hostile writes a hostile answer and reports whether it did.
func (s *Server) hostile(w http.ResponseWriter, r *http.Request, how string) bool {
	switch how {
	case "":
		return false
	case "slow":
		select {
		case <-r.Context().Done():
		case <-time.After(30 * time.Second):
		}
		w.WriteHeader(http.StatusOK)
	case "500":
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprint(w, `<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>`)
	case "throttle":
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprint(w, `<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>`)
	case "redirect":
		w.Header().Set("Location", s.URL+r.URL.Path)
		w.WriteHeader(http.StatusMovedPermanently)
	case "drip":
		w.Header().Set("Content-Type", "text/xml")
		w.WriteHeader(http.StatusOK)
		f, _ := w.(http.Flusher)
		for i := 0; i < 300; i++ {
			if _, err := w.Write([]byte(" ")); err != nil {
				return true
			}
			if f != nil {
				f.Flush()
			}
			select {
			case <-r.Context().Done():
				return true
			case <-time.After(100 * time.Millisecond):
			}
		}
	case "huge":
		w.Header().Set("Content-Type", "text/xml")
		w.WriteHeader(http.StatusOK)
		chunk := []byte(strings.Repeat("<a>", 1<<14))
		for i := 0; i < 4096; i++ { // 192 MiB if read to the end
			if _, err := w.Write(chunk); err != nil {
				return true
			}
		}
	default:
		panic("awsdouble: unknown hostile answer " + how)
	}
	return true
}
