//go:build online

package cli_test

// onlineBuild: this test binary links the online checks.
const onlineBuild = true
