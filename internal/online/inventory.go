//go:build online

package online

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Inventory asks the account for its buckets and their regions: STS
// GetCallerIdentity (it must answer, so that the map records whose
// buckets they are), ListBuckets (the owned buckets), then HeadBucket on
// each listed bucket and on every name in names (buckets of other
// accounts are not in ListBuckets), a few at a time. A bucket that
// answered without a region (an S3-compatible store) is asked
// GetBucketLocation, whose "" means us-east-1 and "EU" eu-west-1.
func (c *Checker) Inventory(names []string) (*Inventory, error) {
	if err := c.setup(); err != nil {
		return nil, err
	}
	id := c.Identity()
	if id == nil || id.Status != 200 {
		if id != nil {
			return nil, fmt.Errorf("GetCallerIdentity: %d %s with key %s", id.Status, id.ErrorCode, id.KeyID)
		}
		return nil, errors.New(firstOr(c.Reasons(), "GetCallerIdentity got no answer"))
	}
	inv := &Inventory{Account: id.Account, ARN: id.ARN, KeyID: id.KeyID, Regions: map[string]string{}, Unknown: map[string]string{}, At: stamp()}
	listed := map[string]bool{}
	var token *string
	for {
		ctx, cancel := context.WithTimeout(c.ctx, c.cfg.CallTimeout)
		out, err := c.s3.ListBuckets(ctx, &s3.ListBucketsInput{ContinuationToken: token, MaxBuckets: aws.Int32(1000)})
		cancel()
		if err != nil {
			status, _ := httpAnswer(err)
			return nil, fmt.Errorf("ListBuckets: %s", why(err, status))
		}
		for _, b := range out.Buckets {
			n := aws.ToString(b.Name)
			listed[n] = true
			if r := aws.ToString(b.BucketRegion); r != "" {
				inv.Regions[n] = r
			}
		}
		if aws.ToString(out.ContinuationToken) == "" {
			break
		}
		token = out.ContinuationToken
	}
	var ask []string
	for n := range listed {
		if inv.Regions[n] == "" {
			ask = append(ask, n)
		}
	}
	for _, n := range names {
		if _, ok := inv.Regions[n]; !ok {
			ask = append(ask, n)
		}
	}
	facts := c.Facts(ask)
	for _, n := range ask {
		f, ok := facts.Buckets[n]
		switch {
		case !ok:
			inv.Unknown[n] = "HeadBucket got no answer"
		case f.Missing():
			inv.Missing = append(inv.Missing, n)
		case f.Region != "":
			inv.Regions[n] = f.Region
		default:
			if r, err := c.location(n); err == nil {
				inv.Regions[n] = r
			} else {
				inv.Unknown[n] = err.Error()
			}
		}
	}
	sort.Strings(inv.Missing)
	inv.Missing = compact(inv.Missing)
	return inv, nil
}

// location asks GetBucketLocation: "" is us-east-1, "EU" eu-west-1.
func (c *Checker) location(name string) (string, error) {
	ctx, cancel := context.WithTimeout(c.ctx, c.cfg.CallTimeout)
	defer cancel()
	out, err := c.s3.GetBucketLocation(ctx, &s3.GetBucketLocationInput{Bucket: aws.String(name)})
	if err != nil {
		status, _ := httpAnswer(err)
		return "", fmt.Errorf("GetBucketLocation: %s", why(err, status))
	}
	switch r := string(out.LocationConstraint); r {
	case "":
		return "us-east-1", nil
	case "EU":
		return "eu-west-1", nil
	default:
		return r, nil
	}
}

func firstOr(s []string, def string) string {
	if len(s) > 0 {
		return s[0]
	}
	return def
}

func compact(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
