//go:build benchtools

// Command gen writes a deterministic corpus of AWS Import/Export manifests
// for bench/run.sh: all four job kinds, about 60% valid and 40% with one to
// three faults of varied codes. The same -n and -seed always give the same
// bytes.
//
// It sits behind the `benchtools` build tag so that `go install ./...` (what
// pre-commit's `language: golang` runs) does not build it:
//
//	go run -tags benchtools ./bench/gen -n 10000 -seed 1 -out bench/out/corpus
//
// Beside the manifests it writes index.tsv: file, kind, and the faults
// injected (empty for a valid manifest), one line per file.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// field is one `key: value` line, a nested mapping (sub) or a list of
// mappings (list).
type field struct {
	key  string
	val  string
	sub  []field
	list [][]field
	raw  bool // val is written verbatim after "key:" (for faults like tabs)
}

type doc struct {
	kind   string
	fields []field
}

func (d *doc) idx(key string) int {
	for i, f := range d.fields {
		if f.key == key {
			return i
		}
	}
	return -1
}

func (d *doc) set(key, val string) {
	if i := d.idx(key); i >= 0 {
		d.fields[i].val = val
		d.fields[i].sub, d.fields[i].list = nil, nil
		return
	}
	d.fields = append(d.fields, field{key: key, val: val})
}

func (d *doc) del(key string) bool {
	if i := d.idx(key); i >= 0 {
		d.fields = append(d.fields[:i], d.fields[i+1:]...)
		return true
	}
	return false
}

func (d *doc) subOf(key string) *[]field {
	if i := d.idx(key); i >= 0 && d.fields[i].sub != nil {
		return &d.fields[i].sub
	}
	return nil
}

func setIn(fs *[]field, key, val string) {
	for i := range *fs {
		if (*fs)[i].key == key {
			(*fs)[i].val = val
			return
		}
	}
	*fs = append(*fs, field{key: key, val: val})
}

func delIn(fs *[]field, key string) bool {
	for i := range *fs {
		if (*fs)[i].key == key {
			*fs = append((*fs)[:i], (*fs)[i+1:]...)
			return true
		}
	}
	return false
}

var (
	firstNames = []string{"Jane", "John", "Erika", "Kenji", "Amara", "Luis", "Priya", "Olga", "Chen", "Fatima", "Noah", "Ines"}
	lastNames  = []string{"Roe", "Doe", "Mustermann", "Tanaka", "Okafor", "Garcia", "Sharma", "Ivanova", "Wei", "Haddad", "Smith", "Costa"}
	streets    = []string{"Any Street", "Main Street", "Pine Avenue", "Harbor Road", "Elm Drive", "Market Street", "Lake Boulevard", "Hill Lane"}
	usCities   = []struct{ city, state, zip, phone string }{
		{"Seattle", "WA", "98101", "206-555-0100"},
		{"Spokane", "WA", "99201-1111", "509-555-1111"},
		{"Portland", "OR", "97201", "503-555-0142"},
		{"Austin", "TX", "78701", "512-555-0199"},
		{"Boston", "MA", "02110", "617-555-0123"},
		{"New York", "NY", "10001-0001", "(212) 555-0175"},
		{"Denver", "CO", "80202", "303-555-0111"},
		{"Washington", "DC", "20001", "202-555-0150"},
	}
	euAddrs = []struct{ city, zip, phone, country string }{
		{"Berlin", "10115", "+49 30 1234567", "Germany"},
		{"Paris", "75001", "+33 1 23 45 67 89", "France"},
		{"Madrid", "28001", "+34 91 123 4567", "ES"},
		{"Amsterdam", "1012 AB", "+31 20 123 4567", "NLD"},
	}
	usCountries = []string{"USA", "US", "United States", "usa"}
	words       = []string{"data", "photos", "logs", "backup", "archive", "media", "genome", "sensor", "scans", "video"}
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func bucketName(r *rand.Rand) string {
	return fmt.Sprintf("%s-%s-%d", pick(r, words), pick(r, words), r.IntN(10000))
}

func accessKey(r *rand.Rand) string {
	const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := []byte("AKIA")
	for len(b) < 20 {
		b = append(b, chars[r.IntN(len(chars))])
	}
	return string(b)
}

func email(r *rand.Rand) string {
	s := strings.ToLower(pick(r, firstNames)) + "." + strings.ToLower(pick(r, lastNames)) + "@example.com"
	if r.IntN(3) == 0 {
		s += ";ops@example.org"
	}
	return s
}

// usAddress returns a valid US return address.
func usAddress(r *rand.Rand) []field {
	c := pick(r, usCities)
	a := []field{
		{key: "name", val: pick(r, firstNames) + " " + pick(r, lastNames)},
	}
	if r.IntN(2) == 0 {
		a = append(a, field{key: "company", val: "Example Corp."})
	}
	a = append(a, field{key: "street1", val: fmt.Sprintf("%d %s", 1+r.IntN(9000), pick(r, streets))})
	if r.IntN(3) == 0 {
		a = append(a, field{key: "street2", val: ""})
	}
	a = append(a,
		field{key: "city", val: c.city},
		field{key: "stateOrProvince", val: c.state},
		field{key: "postalCode", val: c.zip},
		field{key: "phoneNumber", val: c.phone},
		field{key: "country", val: pick(r, usCountries)},
	)
	return a
}

func euAddress(r *rand.Rand) []field {
	c := pick(r, euAddrs)
	return []field{
		{key: "name", val: pick(r, firstNames) + " " + pick(r, lastNames)},
		{key: "street1", val: fmt.Sprintf("%s %d", pick(r, streets), 1+r.IntN(200))},
		{key: "city", val: c.city},
		{key: "postalCode", val: c.zip},
		{key: "phoneNumber", val: c.phone},
		{key: "country", val: c.country},
	}
}

func customs() []field {
	return []field{
		{key: "dataDescription", val: "This device contains research data."},
		{key: "encryptedData", val: "yes"},
		{key: "encryptionClassification", val: "5D992"},
		{key: "exportCertifierName", val: "John Doe"},
		{key: "requiresExportLicense", val: "no"},
		{key: "deviceValue", val: "250.00"},
		{key: "deviceCountryOfOrigin", val: "China"},
		{key: "deviceType", val: "externalStorageDevice"},
		{key: "typeOfExport", val: "return"},
	}
}

var kinds = []string{"s3-import", "s3-export", "ebs-import", "glacier-import"}

// valid builds a valid manifest of kind.
func valid(r *rand.Rand, kind string) *doc {
	d := &doc{kind: kind}
	add := func(k, v string) { d.fields = append(d.fields, field{key: k, val: v}) }
	version := "2.0"
	if kind == "ebs-import" || kind == "glacier-import" {
		version = "3.0"
	}
	add("manifestVersion", version)
	if r.IntN(2) == 0 {
		add("accessKeyId", accessKey(r))
	}
	if r.IntN(3) == 0 {
		add("generator", "AWS ImportExport Web Service Tool 1.0")
	}
	add("deviceId", fmt.Sprintf("%X", r.Uint64()%0xFFFFFFFFFF))
	eu := false
	switch kind {
	case "s3-import":
		add("bucket", bucketName(r))
		add("eraseDevice", pick(r, []string{"yes", "Yes", "YES"}))
		add("notificationEmail", email(r))
		if r.IntN(2) == 0 {
			add("prefix", pick(r, words)+"/")
		}
		if r.IntN(2) == 0 {
			add("acl", pick(r, []string{"private", "public-read", "authenticated-read"}))
		}
		if r.IntN(3) == 0 {
			add("storageClass", pick(r, []string{"STANDARD", "REDUCED_REDUNDANCY"}))
		}
		if r.IntN(3) == 0 {
			add("logBucket", bucketName(r))
			add("logPrefix", "logs/")
		}
		if r.IntN(4) == 0 {
			d.fields = append(d.fields, field{key: "contentTypes", sub: []field{
				{key: "csv", val: "text/csv"}, {key: "json", val: "application/json"}, {key: "jpg", val: "image/jpeg"},
			}})
		}
		if r.IntN(4) == 0 {
			d.fields = append(d.fields, field{key: "ignore", list: [][]field{
				{{key: "", val: `\.tmp$`}}, {{key: "", val: `^lost\+found/`}},
			}})
		}
		if r.IntN(3) == 0 {
			add("serviceLevel", pick(r, []string{"standard", "expeditedShipping"}))
		}
	case "s3-export":
		add("fileSystem", pick(r, []string{"NTFS", "EXT4"}))
		add("logBucket", bucketName(r))
		if r.IntN(2) == 0 {
			add("logPrefix", "export-logs/")
		}
		if r.IntN(4) == 0 {
			add("pinCode", fmt.Sprintf("%06d", r.IntN(1000000)))
		} else {
			add("trueCryptPassword", fmt.Sprintf("pass%06dword", r.IntN(1000000)))
		}
		if r.IntN(2) == 0 {
			add("recoveryDirectory", "LostAndFound")
		}
		n := 1 + r.IntN(3)
		var ops [][]field
		for i := 0; i < n; i++ {
			op := []field{{key: "exportBucket", val: bucketName(r)}}
			if r.IntN(2) == 0 {
				op = append(op, field{key: "targetDirectory", val: "export/" + pick(r, words)})
			}
			if r.IntN(3) == 0 {
				op = append(op, field{key: "beginMarker", val: "a/" + pick(r, words)}, field{key: "endMarker", val: "z/" + pick(r, words)})
			}
			if r.IntN(3) == 0 {
				op = append(op, field{key: "prefix", val: "exported/"})
			}
			ops = append(ops, op)
		}
		d.fields = append(d.fields, field{key: "operations", list: ops})
		eu = r.IntN(4) == 0
	case "ebs-import", "glacier-import":
		add("eraseDevice", "yes")
		add("notificationEmail", email(r))
		add("logBucket", bucketName(r))
		region := pick(r, []string{"us-east-1", "us-west-1", "us-west-2", "eu-west-1"})
		eu = region == "eu-west-1"
		op := []field{{key: "destination", val: "ebs-snapshot"}, {key: "source", val: "device"}, {key: "region", val: region}}
		if kind == "glacier-import" {
			op[0].val = "glacier"
			op = append(op, field{key: "vaultName", val: fmt.Sprintf("%s_%d", pick(r, words), r.IntN(1000))},
				field{key: "archiveComment", val: "daily_" + pick(r, words)})
		} else if r.IntN(3) == 0 {
			op = append(op, field{key: "deviceCapacityGreaterThan1TB", val: "no"})
		}
		d.fields = append(d.fields, field{key: "operations", list: [][]field{op}})
	}
	addr := usAddress(r)
	if eu {
		addr = euAddress(r)
	}
	d.fields = append(d.fields, field{key: "returnAddress", sub: addr})
	if kind == "s3-export" && eu && r.IntN(2) == 0 {
		d.fields = append(d.fields, field{key: "customs", sub: customs()})
	}
	return d
}

// A fault changes a valid manifest so that it gets one known code; it
// returns false when it does not apply to the manifest.
type fault struct {
	name  string
	apply func(r *rand.Rand, d *doc) bool
}

var faults = []fault{
	{"MissingManifestField:deviceId", func(r *rand.Rand, d *doc) bool { return d.del("deviceId") }},
	{"MissingManifestField:returnAddress.city", func(r *rand.Rand, d *doc) bool {
		a := d.subOf("returnAddress")
		return a != nil && delIn(a, "city")
	}},
	{"InvalidManifestField:manifestVersion", func(r *rand.Rand, d *doc) bool {
		d.set("manifestVersion", pick(r, []string{"2", "2.00", "2.0;", "1.3", "4.0"}))
		return true
	}},
	{"InvalidManifestField:eraseDevice", func(r *rand.Rand, d *doc) bool {
		if d.idx("eraseDevice") < 0 {
			return false
		}
		d.set("eraseDevice", pick(r, []string{"no", "true", "y", "off"}))
		return true
	}},
	{"InvalidManifestField:unknown-key", func(r *rand.Rand, d *doc) bool {
		d.fields = append(d.fields, field{key: pick(r, []string{"erasedevice", "erase_device", "notifcationEmail", "bucketName", "jobName"}), val: "yes"})
		return true
	}},
	{"InvalidManifestField:bucket", func(r *rand.Rand, d *doc) bool {
		for _, k := range []string{"bucket", "logBucket"} {
			if d.idx(k) >= 0 {
				d.set(k, pick(r, []string{"my bucket!", "", "bad/bucket"}))
				return true
			}
		}
		return false
	}},
	{"InvalidManifestField:notificationEmail", func(r *rand.Rand, d *doc) bool {
		if d.idx("notificationEmail") < 0 {
			return false
		}
		d.set("notificationEmail", pick(r, []string{"john.doe", "a@b;;c@d.com", "jane@localhost"}))
		return true
	}},
	{"MissingManifestField:notificationEmail", func(r *rand.Rand, d *doc) bool {
		return d.kind != "s3-export" && d.del("notificationEmail")
	}},
	{"InvalidFileSystem:fileSystem", func(r *rand.Rand, d *doc) bool {
		if d.idx("fileSystem") < 0 {
			return false
		}
		d.set("fileSystem", pick(r, []string{"ntfs", "FAT32", "ext4", "HFS+"}))
		return true
	}},
	{"MissingManifestField:trueCryptPassword", func(r *rand.Rand, d *doc) bool {
		if d.kind != "s3-export" {
			return false
		}
		a, b := d.del("trueCryptPassword"), d.del("pinCode")
		return a || b
	}},
	{"InvalidAddress:postalCode", func(r *rand.Rand, d *doc) bool {
		a := d.subOf("returnAddress")
		if a == nil {
			return false
		}
		setIn(a, "postalCode", pick(r, []string{"9810", "ABCDE", "98101-12"}))
		setIn(a, "country", "USA")
		setIn(a, "stateOrProvince", "WA")
		return true
	}},
	{"InvalidAddress:street1", func(r *rand.Rand, d *doc) bool {
		a := d.subOf("returnAddress")
		if a == nil {
			return false
		}
		setIn(a, "street1", pick(r, []string{"PO Box 123", "P.O. Box 77", "Post Office Box 9"}))
		return true
	}},
	{"InvalidAddress:unknown-subfield", func(r *rand.Rand, d *doc) bool {
		a := d.subOf("returnAddress")
		if a == nil {
			return false
		}
		*a = append(*a, field{key: pick(r, []string{"stateOrProvence", "zip", "street4"}), val: "x"})
		return true
	}},
	{"InvalidAccessKeyId:accessKeyId", func(r *rand.Rand, d *doc) bool {
		d.set("accessKeyId", pick(r, []string{"11118346FH746RYTE34", "akiaiosfodnn7example", "AKIA-123"}))
		return true
	}},
	{"InvalidManifestField:acl", func(r *rand.Rand, d *doc) bool {
		if d.kind != "s3-import" {
			return false
		}
		d.set("acl", pick(r, []string{"public", "Private", "world-readable"}))
		return true
	}},
	{"InvalidManifestField:operations.region", func(r *rand.Rand, d *doc) bool {
		i := d.idx("operations")
		if i < 0 || d.kind == "s3-export" {
			return false
		}
		setIn(&d.fields[i].list[0], "region", pick(r, []string{"us-east-7", "eu-central-1", "mars-1"}))
		return true
	}},
	{"MissingManifestField:operations.exportBucket", func(r *rand.Rand, d *doc) bool {
		i := d.idx("operations")
		// An entry left with no field would vanish from the output.
		if i < 0 || d.kind != "s3-export" || len(d.fields[i].list[0]) < 2 {
			return false
		}
		return delIn(&d.fields[i].list[0], "exportBucket")
	}},
	{"InvalidCustoms:deviceValue", func(r *rand.Rand, d *doc) bool {
		c := d.subOf("customs")
		if c == nil {
			d.fields = append(d.fields, field{key: "customs", sub: customs()})
			c = d.subOf("customs")
		}
		setIn(c, "deviceValue", pick(r, []string{"-5", "250.005", "a lot"}))
		return true
	}},
	{"MissingCustoms:dataDescription", func(r *rand.Rand, d *doc) bool {
		c := d.subOf("customs")
		if c == nil {
			d.fields = append(d.fields, field{key: "customs", sub: customs()})
			c = d.subOf("customs")
		}
		return delIn(c, "dataDescription")
	}},
	{"MalformedManifest:duplicate-key", func(r *rand.Rand, d *doc) bool {
		// manifestVersion, because no other fault removes it.
		d.fields = append(d.fields, field{key: "manifestVersion", val: "2.0"})
		return true
	}},
	{"MalformedManifest:tab", func(r *rand.Rand, d *doc) bool {
		d.fields = append(d.fields, field{key: "generator", val: "\n\tbroken: tab", raw: true})
		return true
	}},
}

// render writes d as YAML in one of a few styles: indentation 2 or 4, and
// now and then a comment or a `key:value` line without a space.
func render(r *rand.Rand, d *doc) []byte {
	var b strings.Builder
	ind := strings.Repeat(" ", 2+2*r.IntN(2))
	nospace := r.IntN(25) == 0
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, "# %s manifest generated for the manifestlint benchmark\n", d.kind)
	}
	sep := func() string {
		if nospace {
			return ":"
		}
		return ": "
	}
	scalar := func(prefix, k, v string) {
		if v == "" {
			fmt.Fprintf(&b, "%s%s:\n", prefix, k)
			return
		}
		fmt.Fprintf(&b, "%s%s%s%s\n", prefix, k, sep(), v)
	}
	for _, f := range d.fields {
		switch {
		case f.raw:
			fmt.Fprintf(&b, "%s:%s\n", f.key, f.val)
		case f.sub != nil:
			fmt.Fprintf(&b, "%s:\n", f.key)
			for _, s := range f.sub {
				scalar(ind, s.key, s.val)
			}
		case f.list != nil:
			fmt.Fprintf(&b, "%s:\n", f.key)
			for _, item := range f.list {
				for j, s := range item {
					prefix := ind + "  "
					if j == 0 {
						prefix = ind + "- "
					}
					if s.key == "" {
						fmt.Fprintf(&b, "%s'%s'\n", prefix, s.val)
						continue
					}
					scalar(prefix, s.key, s.val)
				}
			}
		default:
			scalar("", f.key, f.val)
		}
	}
	return []byte(b.String())
}

func main() {
	n := flag.Int("n", 10000, "number of manifests")
	seed := flag.Uint64("seed", 1, "random seed: the same seed gives the same corpus")
	out := flag.String("out", "bench/out/corpus", "output directory (created; existing *.yaml in it are removed)")
	validPct := flag.Int("valid", 60, "percentage of valid manifests")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	old, _ := filepath.Glob(filepath.Join(*out, "*.yaml"))
	for _, f := range old {
		os.Remove(f)
	}
	idx, err := os.Create(filepath.Join(*out, "index.tsv"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	iw := bufio.NewWriter(idx)
	r := rand.New(rand.NewPCG(*seed, 0x6d616e6966657374))
	nFaulty := 0
	for i := 0; i < *n; i++ {
		kind := kinds[i%len(kinds)]
		d := valid(r, kind)
		var applied []string
		if r.IntN(100) >= *validPct {
			want := 1 + r.IntN(3)
			for tries := 0; len(applied) < want && tries < 20; tries++ {
				f := faults[r.IntN(len(faults))]
				if f.apply(r, d) {
					applied = append(applied, f.name)
				}
			}
			nFaulty++
		}
		name := fmt.Sprintf("%05d-%s.yaml", i, kind)
		if err := os.WriteFile(filepath.Join(*out, name), render(r, d), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		fmt.Fprintf(iw, "%s\t%s\t%s\n", name, kind, strings.Join(applied, ","))
	}
	if err := iw.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	idx.Close()
	fmt.Fprintf(os.Stderr, "gen: %d manifests in %s (%d faulty, seed %d)\n", *n, *out, nFaulty, *seed)
}
