package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// Rule ids of the bucket rules.
const (
	RuleBucketNameNotDNSCompliant = "bucket-name-not-dns-compliant"
	RuleBucketExists              = "bucket-exists"
	RuleBucketRegions             = "bucket-regions"
)

// bucketRef is one bucket name the manifest uses.
type bucketRef struct {
	field string // bucket, logBucket, exportBucket
	op    int    // the operations entry of an exportBucket, else -1
	name  string
	node  *yaml.Node
	kind  manifest.Kind // the kind that has the field; "" for every kind
}

// path is the bucket's path: bucket, logBucket, operations[0].exportBucket
// (built for a finding only).
func (b bucketRef) path() string {
	if b.op < 0 {
		return b.field
	}
	return opPath(b.op, b.field)
}

// bucketFields lists the fields that name a bucket, with the text of each,
// in field order: `bucket` (S3 import), `logBucket` (every kind), then each
// `operations[].exportBucket` (S3 export), whatever the kind. The one list
// of where buckets are: the bucket rules and validate's inventory and
// online checks (BucketNames) read it.
func bucketFields(root *yaml.Node) []bucketRef { return bucketFieldsOf(root, readOperations(root)) }

// bucketFieldsOf is bucketFields, given the operations of root
// (readOperations).
func bucketFieldsOf(root *yaml.Node, ops []operation) []bucketRef {
	out := make([]bucketRef, 0, 2+len(ops))
	add := func(field string, op int, n *yaml.Node, kind manifest.Kind) {
		if s, ok := manifest.Text(n); ok {
			out = append(out, bucketRef{field, op, s, n, kind})
		}
	}
	add("bucket", -1, manifest.Value(root, "bucket"), manifest.S3Import)
	add("logBucket", -1, manifest.Value(root, "logBucket"), "")
	for _, o := range ops {
		add("exportBucket", o.i, o.exportBucket, manifest.S3Export)
	}
	return out
}

// BucketNames lists the bucket names a manifest's fields give (bucket,
// logBucket, operations[].exportBucket, in that order, whatever the kind),
// but empty ones.
func BucketNames(root *yaml.Node) []string { return bucketNamesOf(bucketFields(root)) }

// bucketNamesOf is the non-empty names of refs, in order.
func bucketNamesOf(refs []bucketRef) []string {
	n := 0
	for _, b := range refs {
		if b.name != "" {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for _, b := range refs {
		if b.name != "" {
			out = append(out, b.name)
		}
	}
	return out
}

// manifestBuckets lists the bucket names of the manifest in source order:
// the bucketFields its kind has (a field of another kind is an unknown key,
// the schema's), whose values pass the schema's bucket charset (1 to 255
// letters, digits, `.`, `-`, `_`): anything else is already an
// InvalidManifestFieldException and cannot name a bucket.
func manifestBuckets(c *Context) []bucketRef {
	if c.kindBucketsRead {
		return c.kindBuckets
	}
	refs := c.bucketRefs()
	keep := func(b bucketRef) bool { return (b.kind == "" || b.kind == c.Kind) && legacyBucketName(b.name) }
	byPos := func(x, y bucketRef) int {
		a, b := manifest.At(x.node), manifest.At(y.node)
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	}
	// Whether every ref is kept, in order (a valid manifest's), in one
	// pass: then the list itself is the answer (no caller changes it), not
	// a copy of its ten thousand entries.
	all := true
	for i := range refs {
		if !keep(refs[i]) || i > 0 && byPos(refs[i-1], refs[i]) > 0 {
			all = false
			break
		}
	}
	var out []bucketRef
	if all {
		out = refs
	} else {
		out = make([]bucketRef, 0, len(refs))
		for _, b := range refs {
			if keep(b) {
				out = append(out, b)
			}
		}
		if !slices.IsSortedFunc(out, byPos) { // only bucket and logBucket can be out of place
			slices.SortStableFunc(out, byPos)
		}
	}
	c.kindBuckets, c.kindBucketsRead = out, true
	return out
}

// legacyBucketName reports whether s passes the charset the service
// accepted (the schema's bucket pattern).
func legacyBucketName(s string) bool {
	if len(s) < 1 || len(s) > 255 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isLegacyBucketByte(s[i]) {
			return false
		}
	}
	return true
}

func isLegacyBucketByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' ||
		b == '.' || b == '-' || b == '_'
}

// dnsBucketProblems lists which of today's DNS naming rules name breaks
// (empty when it is compliant). The rules are those of spec §4: 3 to 63
// characters; lowercase letters, digits, `.` and `-` only; first and last
// character a letter or digit; no `..`; not an IP address. One more DNS rule
// is checked because a name breaking it is no valid host name either: a `.`
// next to a `-` (every dot-separated label must start and end with a letter
// or digit).
func dnsBucketProblems(name string) []string {
	if dnsCompliant(name) {
		return nil
	}
	return dnsProblemList(name)
}

// dnsProblemList is dnsBucketProblems, each rule checked in turn.
func dnsProblemList(name string) []string {
	var p []string
	if len(name) < 3 || len(name) > 63 {
		p = append(p, fmt.Sprintf("it is %d characters long, not 3 to 63", len(name)))
	}
	var upper, underscore bool
	for i := 0; i < len(name); i++ {
		switch b := name[i]; {
		case b >= 'A' && b <= 'Z':
			upper = true
		case b == '_':
			underscore = true
		}
	}
	if upper {
		p = append(p, "it has uppercase letters")
	}
	if underscore {
		p = append(p, "it has `_`")
	}
	if !isLowerAlnum(name[0]) || !isLowerAlnum(name[len(name)-1]) {
		p = append(p, "it does not start and end with a lowercase letter or digit")
	}
	if strings.Contains(name, "..") {
		p = append(p, "it has `..`")
	}
	if strings.Contains(name, ".-") || strings.Contains(name, "-.") {
		p = append(p, "it has a `-` next to a `.`")
	}
	if looksLikeIPv4(name) {
		p = append(p, "it is formatted as an IP address")
	}
	return p
}

// dnsCompliant reports whether dnsBucketProblems(name) finds nothing, in
// one pass over the name: the answer for nearly every bucket of a
// manifest, which names ten thousand in the language server's 1 MB one
// (TestDNSCompliantAgrees).
func dnsCompliant(name string) bool {
	if len(name) < 3 || len(name) > 63 || !isLowerAlnum(name[0]) || !isLowerAlnum(name[len(name)-1]) {
		return false
	}
	digitsAndDots := true
	for i := 1; i < len(name); i++ {
		switch b := name[i]; {
		case b == '.' || b == '-':
			if p := name[i-1]; p == '.' || p == '-' && b == '.' {
				return false // `..`, `-.`; `.-` is caught at the `-`
			}
		case isLowerAlnum(b):
		default:
			return false
		}
		if b := name[i]; b != '.' && (b < '0' || b > '9') {
			digitsAndDots = false
		}
	}
	return !digitsAndDots || !looksLikeIPv4(name)
}

func isLowerAlnum(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }

// looksLikeIPv4 reports whether s is four dot-separated groups of digits
// (`192.168.5.4`, leading zeros included), the shape S3 refuses.
func looksLikeIPv4(s string) bool {
	groups, digits := 1, 0 // digits in the group so far
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
			if digits == 0 {
				return false
			}
			groups, digits = groups+1, 0
		case '0' <= c && c <= '9':
			if digits++; digits > 3 {
				return false
			}
		default:
			return false
		}
	}
	return groups == 4 && digits > 0
}

// dnsSuggestion returns a DNS-compliant spelling of name when lowercasing it
// and turning `_` into `-` gives one, else "".
func dnsSuggestion(name string) string {
	s := strings.ReplaceAll(strings.ToLower(name), "_", "-")
	if s == name || len(dnsBucketProblems(s)) > 0 {
		return ""
	}
	return s
}

// bucketDNSNamesRule is the bucket-name-not-dns-compliant rule: see checkBucketDNSNames.
var bucketDNSNamesRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleBucketNameNotDNSCompliant,
		Severity: manifest.Warning,
		Doc:      "Warns about a bucket, logBucket or exportBucket name the service accepted but today's DNS naming rules refuse (3-63 lowercase letters, digits, `.` and `-`, ...).",
		Example: manifest.Example{Lang: "yaml",
			Note:   "a warning: the service accepted such legacy names",
			Before: "bucket: My_Bucket",
			After:  "bucket: my-bucket",
		},
	},
	Check: checkBucketDNSNames,
}

// checkBucketDNSNames warns about bucket names the service accepted (they
// pass the legacy charset) that break today's DNS naming rules: such buckets
// cannot be created any more and are not reachable with virtual-hosted
// URLs.
func checkBucketDNSNames(c *Context) []manifest.Finding {
	var fs []manifest.Finding
	for _, b := range manifestBuckets(c) {
		probs := dnsBucketProblems(b.name)
		if len(probs) == 0 {
			continue
		}
		fix := "use a bucket whose name is 3 to 63 lowercase letters, digits, `.` and `-`, starting and ending with a letter or digit"
		if s := dnsSuggestion(b.name); s != "" {
			fix += fmt.Sprintf(" (such as `%s`)", s)
		}
		head := fmt.Sprintf("%s `%s` is not a DNS-compliant name", b.path(), shortValue(b.name))
		help := "the service accepted such legacy names, but S3 no longer creates them and virtual-hosted URLs cannot reach them: " + fix
		if why := strings.Join(probs, "; "); len(probs) == 1 && len(head)+2+len(why) <= 80 {
			head += ": " + why
		} else {
			help = why + ". T" + help[1:]
		}
		fs = append(fs, c.Warnf(c.Span(b.node), b.path(), head).WithHelp(help))
	}
	return fs
}

// bucketsExistRule is the bucket-exists rule: see checkBucketsExist.
var bucketsExistRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleBucketExists,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.NoSuchBucket},
		Doc:      "With a bucket inventory, every bucket, logBucket and exportBucket must be listed in it; with --online, HeadBucket must not answer 404 (its answer wins over the inventory).",
		Example: manifest.Example{Lang: "yaml",
			Note:    "with the bucket inventory `buckets: {my-bucket: us-east-1}` in the config file",
			Buckets: map[string]string{"my-bucket": "us-east-1"},
			Before:  "bucket: my-buckt",
			After:   "bucket: my-bucket",
		},
	},
	Check: checkBucketsExist,
}

// checkBucketsExist reports, when a bucket inventory was given, every bucket
// of the manifest that the inventory does not list. Names compare exactly
// (bucket names are case-sensitive); a name that differs only in letter case
// from a listed one is suggested.
func checkBucketsExist(c *Context) []manifest.Finding {
	if !c.knowsBuckets() {
		return nil
	}
	var fs []manifest.Finding
	for _, b := range manifestBuckets(c) {
		if f, ok := c.onlineBucket(b.name); ok {
			// An online answer wins over the inventory: a 404 proves the
			// bucket missing, an answer with its region proves it there;
			// anything else (403 without a region) proves nothing.
			if f.Missing() {
				e := c.Errorf(manifest.NoSuchBucket, c.Span(b.node), b.path(),
					fmt.Sprintf("%s `%s` does not exist (HeadBucket answered 404)", b.path(), b.name)).
					WithHelp("create the bucket, or name one the account has (`manifestlint inventory` lists them with their regions)")
				e.Evidence = f.Evidence
				fs = append(fs, e)
			}
			if f.Missing() || f.Exists() || c.Buckets == nil {
				continue
			}
		}
		if c.Buckets == nil {
			continue
		}
		if _, ok := c.Buckets[b.name]; ok {
			continue
		}
		hint := "create the bucket, or name one the account has"
		if alt := bucketCaseMatch(c.Buckets, b.name); alt != "" {
			hint = fmt.Sprintf("did you mean `%s`? Bucket names are case-sensitive", alt)
		}
		fs = append(fs, c.Errorf(manifest.NoSuchBucket, c.Span(b.node), b.path(),
			fmt.Sprintf("%s `%s` is not in the bucket inventory", b.path(), b.name)).
			WithHelp("the inventory has "+manifest.Plural(len(c.Buckets), "bucket")+" listed"+": "+hint))
	}
	return fs
}

// shortValue shortens a long value for a headline: its first 37
// characters and "…".
func shortValue(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "…"
	}
	return s
}

// bucketCaseMatch returns the smallest inventory name that equals name
// ignoring letter case, or "".
func bucketCaseMatch(inv map[string]string, name string) string {
	best := ""
	for k := range inv {
		if strings.EqualFold(k, name) && (best == "" || k < best) {
			best = k
		}
	}
	return best
}

// bucketRegionsRule is the bucket-regions rule: see checkBucketRegions.
var bucketRegionsRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleBucketRegions,
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.MultipleRegions},
		Doc:      "With a bucket inventory or --online (HeadBucket's x-amz-bucket-region), all buckets must be in one region, that of --region/config or operations[].region when given.",
		Example: manifest.Example{Lang: "yaml",
			Note:    "with the bucket inventory `buckets: {my-bucket: us-east-1, my-logs: us-east-1, my-logs-eu: eu-west-1}` in the config file",
			Buckets: map[string]string{"my-bucket": "us-east-1", "my-logs": "us-east-1", "my-logs-eu": "eu-west-1"},
			Before:  "bucket: my-bucket\nlogBucket: my-logs-eu",
			After:   "bucket: my-bucket\nlogBucket: my-logs",
		},
	},
	Check: checkBucketRegions,
}

// checkBucketRegions reports, when a bucket inventory was given, a bucket in
// a different region from the job's: the job region is the one the user gave
// (--region or the config file) when there is one, else the first
// operations[].region of an EBS or Glacier import, else the region of the
// manifest's first listed bucket (in source order). Each bucket in another
// region is reported at its value, naming both regions. Buckets the
// inventory does not list are bucket-exists' findings and are skipped.
func checkBucketRegions(c *Context) []manifest.Finding {
	if !c.knowsBuckets() {
		return nil
	}
	var anchorRegion, anchor string // anchor: "X is `us-east-1`", for messages
	if r, src, ok := givenRegion(c); ok {
		anchorRegion, anchor = r, fmt.Sprintf("the job region from %s is `%s`", src, r)
	} else if regs := operationRegions(c); len(regs) > 0 {
		anchorRegion = regs[0].region
		anchor = fmt.Sprintf("%s (line %d) is `%s`", regs[0].path, regs[0].at.Line, anchorRegion)
	}
	var fs []manifest.Finding
	for _, b := range manifestBuckets(c) {
		if f, ok := c.onlineBucket(b.name); ok && f.Missing() {
			continue // bucket-exists reports it
		}
		r, evidence, ok := c.bucketRegion(b.name)
		if !ok {
			continue
		}
		if anchorRegion == "" {
			anchorRegion = r
			anchor = fmt.Sprintf("%s `%s` (line %d) is in `%s`", b.path(), b.name, manifest.At(b.node).Line, r)
			continue
		}
		if r == anchorRegion {
			continue
		}
		f := c.Errorf(manifest.MultipleRegions, c.Span(b.node), b.path(),
			fmt.Sprintf("%s `%s` is in `%s`, not `%s`", b.path(), b.name, r, anchorRegion)).
			WithHelp(fmt.Sprintf("%s: use buckets of region `%s` only, or split the job by region", anchor, anchorRegion))
		f.Evidence = evidence
		fs = append(fs, f)
	}
	return fs
}
