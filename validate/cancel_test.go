package validate

import (
	"context"
	"errors"
	"reflect"
	"testing"
)

// pollCtx is a context that is never done until it has been asked Err
// more than after times: it counts how often a lint looks.
type pollCtx struct {
	context.Context
	after, polls int
	done         chan struct{}
}

func (c *pollCtx) Done() <-chan struct{} { return c.done }

func (c *pollCtx) Err() error {
	c.polls++
	if c.polls > c.after {
		return context.Canceled
	}
	return nil
}

// TestValidateContextStops: a lint whose context ends stops in the middle
// of the parse of a large manifest (it reads the manifest through the
// context, 512 bytes at a time), soon after, and returns the context's
// error and an empty result.
func TestValidateContextStops(t *testing.T) {
	src := largeManifest(10000) // about 900 KB
	// 100 reads are 51 KB of it: only a parse that asks the context as
	// it reads sees it end; the checks between the rules ask it fewer
	// than 100 times.
	ctx := &pollCtx{Context: context.Background(), after: 100, done: make(chan struct{})}
	res, err := ValidateContext(ctx, "big.yaml", src, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("ValidateContext = %v, want context.Canceled: the parse did not stop", err)
	}
	if ctx.polls > ctx.after+3 {
		t.Errorf("the context was asked %d times, %d after it ended: the lint went on", ctx.polls, ctx.polls-ctx.after)
	}
	if !reflect.DeepEqual(res, Result{}) {
		t.Errorf("a stopped lint returned %+v, want an empty result", res)
	}

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, src := range [][]byte{src, []byte(smallManifest), []byte("# only a comment\n"), []byte("a: [")} {
		if res, err := ValidateContext(cancelled, "m.yaml", src, Options{}); !errors.Is(err, context.Canceled) || !reflect.DeepEqual(res, Result{}) {
			t.Errorf("ValidateContext with a cancelled context on %.20q = %v, %d findings; want context.Canceled and nothing", src, err, len(res.Findings))
		}
	}
}

// TestValidateContextAsValidate: a lint whose context does not end gives
// what Validate gives, with its context asked all along.
func TestValidateContextAsValidate(t *testing.T) {
	for name, src := range map[string][]byte{
		"small": []byte(smallManifest), "faulty": []byte(faultyManifest), "large": largeManifest(300),
		"capped": hostileKeys(3000), "suppressed": append([]byte("z0: v # manifestlint-ignore: unknown-field -- test\n"), hostileKeys(30)...),
		"broken": []byte("a: [\n"),
	} {
		want := Validate(name, src, Options{})
		ctx := &pollCtx{Context: context.Background(), after: 1 << 30, done: make(chan struct{})}
		got, err := ValidateContext(ctx, name, src, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got.Doc, want.Doc = nil, nil
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: ValidateContext and Validate differ:\n%+v\n%+v", name, got, want)
		}
		if ctx.polls == 0 {
			t.Errorf("%s: the context was never asked", name)
		}
	}
}
