package rules

import (
	"net/http"
	"testing"
)

// TestHTTPTimeFormat: the spelt-out constant is net/http's.
func TestHTTPTimeFormat(t *testing.T) {
	if httpTimeFormat != http.TimeFormat {
		t.Fatalf("httpTimeFormat = %q, net/http says %q", httpTimeFormat, http.TimeFormat)
	}
}
