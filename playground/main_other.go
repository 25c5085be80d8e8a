//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains that the playground is a WebAssembly module: the package
// builds on other platforms only so that its tests run there.
func main() {
	fmt.Fprintln(os.Stderr, "the playground is built for the browser: scripts/build-playground.sh OUTDIR")
	os.Exit(2)
}
