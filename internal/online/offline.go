//go:build !online

package online

import (
	"errors"
	"sync"

	"github.com/manifestlint/manifestlint/rules"
)

// Available reports whether this build can ask the account: false, since
// it was built without the build tag `online`.
const Available = false

// Checker, in a build without the tag `online`, asks nothing: every check
// is counted as not run, with NotBuilt as the reason.
type Checker struct {
	mu      sync.Mutex
	asked   map[string]bool
	idAsked bool
	notRun  int
}

// New returns a Checker that asks nothing.
func New(Config) *Checker { return &Checker{asked: map[string]bool{}} }

// Close does nothing.
func (c *Checker) Close() {}

// Source is empty: no credentials are resolved.
func (c *Checker) Source() (source, keyID string) { return "", "" }

// Identity counts GetCallerIdentity as not run and returns nil.
func (c *Checker) Identity() *rules.Identity {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.idAsked {
		c.idAsked = true
		c.notRun++
	}
	return nil
}

// Facts counts each bucket, once, as not run and returns no facts.
func (c *Checker) Facts(names []string) *rules.OnlineFacts {
	c.Identity()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range names {
		if !c.asked[n] {
			c.asked[n] = true
			c.notRun++
		}
	}
	return &rules.OnlineFacts{Buckets: map[string]rules.BucketFact{}}
}

// Counts are the checks run (none) and not run.
func (c *Checker) Counts() (run, notRun int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return 0, c.notRun
}

// Reasons is NotBuilt once anything was asked.
func (c *Checker) Reasons() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.notRun == 0 {
		return nil
	}
	return []string{NotBuilt}
}

// Inventory fails: this build cannot ask the account.
func (c *Checker) Inventory(names []string) (*Inventory, error) {
	return nil, errors.New(NotBuilt)
}
