package rules

import (
	"fmt"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
)

// RuleLogPrefixLength is the id of the logPrefix length rule.
const RuleLogPrefixLength = "log-prefix-length"

// s3MaxKeyBytes is S3's limit on the length of an object key, in bytes.
const s3MaxKeyBytes = 1024

// logKeyOverhead is what the service appends to logPrefix to name the log
// object: "import-log-" or "export-log-" (11 bytes each) and 5 bytes more
// (spec §4.1).
const logKeyOverhead = len("import-log-") + 5

// logPrefixLengthRule is the log-prefix-length rule: see checkLogPrefixLength.
var logPrefixLengthRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleLogPrefixLength,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidManifestField},
		Doc:      "logPrefix may have at most 1008 bytes, so that the log's key fits S3's 1024-byte limit.",
		Example: manifest.Example{Lang: "yaml",
			Note:   "a log prefix of 1010 bytes",
			Before: "logBucket: my-logs\nlogPrefix: " + strings.Repeat("logs/2016/", 101),
			After:  "logBucket: my-logs\nlogPrefix: logs/2016/",
		},
	},
	Check: checkLogPrefixLength,
}

// checkLogPrefixLength reports a logPrefix too long for the log's key:
// len(logPrefix) + len("import-log-" or "export-log-") + 5 must be at most
// 1024 bytes, so logPrefix may have at most 1008 bytes (bytes of UTF-8, not
// characters). Every kind has a log.
func checkLogPrefixLength(c *Context) []manifest.Finding {
	n, v, ok := scalarField(c.Root, "logPrefix")
	if !ok || len(v)+logKeyOverhead <= s3MaxKeyBytes {
		return nil
	}
	word := "import-log-"
	if c.Kind == manifest.S3Export {
		word = "export-log-"
	}
	max := s3MaxKeyBytes - logKeyOverhead
	return []manifest.Finding{c.Errorf(manifest.InvalidManifestField, c.Span(n), "logPrefix",
		fmt.Sprintf("logPrefix is %d bytes long, more than %d", len(v), max)).
		WithHelp(fmt.Sprintf("the log's key (logPrefix + `%s` + the 5-character job ID) must fit S3's %d-byte key limit: shorten logPrefix by %s",
			word, s3MaxKeyBytes, manifest.Plural(len(v)-max, "byte")))}
}
