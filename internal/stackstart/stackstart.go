// Package stackstart grows the main goroutine's stack once, before the
// package initializers that recurse deeply run, so the stack is not grown
// and copied six times on the way.
//
// A goroutine starts with a 2 KiB stack that the runtime doubles and
// copies whenever a call needs more. gojsonschema's initializer compiles
// its hostname pattern (`[a-zA-Z0-9\-]{0,61}`, 61 nested optional
// repeats), whose compilation recurses to ~100 KiB of stack: the main
// goroutine is grown from 2 to 128 KiB in six steps, each copying the
// frames so far and adjusting their pointers (6% of a one-file run's
// samples, perf). One call with a frame as large as that recursion makes
// the runtime size the stack for it in one step, while the stack is still
// shallow. The stack is not shrunk before the first garbage collection,
// which a one-file run does not reach during its initializers.
//
// This package imports nothing, so Go's initialization order (packages
// sorted by import path, each after its imports) runs it before
// github.com/xeipuuv/gojsonschema and go.yaml.in/yaml/v3. main.go imports
// it for that effect alone.
package stackstart

// frame is the size of the one frame: the stack the deepest initializer
// recursion reached (between 64 and 128 KiB; the runtime rounds the new
// stack up to a power of two).
const frame = 96 << 10

func init() { grow(0) }

// grow has a frame of the given size, so the runtime grows the stack to
// hold it before the call. The array is only used when i > 0 (never, from
// init): Go allocates a function's frame at its entry but zeroes the array
// only where it is declared, so the new stack is not touched here (the
// initializers touch what they use).
//
//go:noinline
func grow(i int) byte {
	if i > 0 {
		var b [frame]byte
		b[i%frame] = 1
		return b[(i+1)%frame]
	}
	return 0
}
