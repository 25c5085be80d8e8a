//go:build !online

package main

// onlineBuild: this test binary links the online checks.
const onlineBuild = false
