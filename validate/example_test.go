package validate_test

import (
	"fmt"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// A manifest is linted from its bytes: no file is read and nothing is
// printed. Each finding has the service's code (empty for a warning), the
// rule that found it, a position and a message.
func ExampleValidate() {
	src := []byte(`manifestVersion: 2.0
deviceId: ABCDE
bucket: my-import-bucket
eraseDevice: yes
notificationEmail: ops@fjordlab.io
returnAddress:
  name: Ida Berg
  street1: PO Box 1234
  city: Seattle
  stateOrProvince: WA
  postalCode: 98101
  phoneNumber: 206-555-0100
  country: USA
`)
	res := validate.Validate("orders/manifest.yaml", src, validate.Options{})
	fmt.Println("checked as:", res.Kind, "errors:", res.Errors())
	for _, f := range res.Findings {
		fmt.Printf("%d:%d %s %s %s\n", f.Line, f.Column, f.Severity, f.Code, f.Rule)
	}
	// Output:
	// checked as: s3-import errors: 1
	// 8:12 error InvalidAddressException address-po-box
}

// Options carry what the command line and the configuration file know: the
// job's type and region, the key that will sign the request, the account's
// buckets, and names to ignore or re-grade.
func ExampleValidate_options() {
	src := []byte(`manifestVersion:2.0
deviceId: ABCDE
bucket: my-import-bucket
eraseDevice: yes
notificationEmail: ops@fjordlab.io
returnAddress:
  name: Ida Berg
  street1: 742 Oak Street
  city: Seattle
  stateOrProvince: WA
  postalCode: 98101
  phoneNumber: 206-555-0100
  country: USA
`)
	opts := validate.Options{
		JobType:  manifest.JobTypeImport,
		Region:   "us-east-1",
		Buckets:  map[string]string{"my-other-bucket": "us-east-1"},
		Ignore:   []string{"no-space-after-colon"},
		Severity: map[string]manifest.Severity{"NoSuchBucketException": manifest.Warning},
	}
	res := validate.Validate("manifest.yaml", src, opts)
	for _, f := range res.Findings {
		fmt.Printf("%d:%d %s %s %s\n", f.Line, f.Column, f.Severity, f.Code, f.Rule)
	}
	fmt.Println("errors:", res.Errors())
	// Output:
	// 3:9 warning NoSuchBucketException bucket-exists
	// errors: 0
}

// Rules lists every rule manifestlint has: its id, severity, the service
// codes it reports, the kinds it checks, what it checks, an example, and the
// address of its documentation.
func ExampleRules() {
	for _, r := range validate.Rules() {
		if r.ID == "address-po-box" || r.ID == "empty-export-range" {
			fmt.Println(r.ID, r.Severity, r.Codes, r.Kinds)
			fmt.Println(" ", r.HelpURI())
		}
	}
	// Output:
	// address-po-box error [InvalidAddressException] []
	//   https://github.com/manifestlint/manifestlint/blob/main/docs/rules.md#address-po-box
	// empty-export-range warning [] [s3-export]
	//   https://github.com/manifestlint/manifestlint/blob/main/docs/rules.md#empty-export-range
}

// A project's .manifestlint.yaml and the command line's flags go into the
// options of one file with Resolve: flags win, the file's per-path entries
// apply by the file's path, and the environment is read only when the
// access key is `env`.
func ExampleResolve() {
	cfg, err := validate.ParseConfig(".manifestlint.yaml", []byte(`region: us-east-1
regions:
  eu/**: eu-west-1
accessKeyId: env
disable:
  - no-space-after-colon
`))
	if err != nil {
		fmt.Println(err) // one `.manifestlint.yaml:LINE:COL: config error: ...` line per problem
		return
	}
	flags := validate.Options{JobType: manifest.JobTypeImport}      // what the flags say
	getenv := func(string) string { return "AKIAZ7Q3EXAMPLE4KEY1" } // os.Getenv
	o, note, err := validate.Resolve(flags, cfg, "eu/manifest.yaml", getenv)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(o.JobType, o.Region, "from", o.RegionSource)
	fmt.Println(o.AccessKeyID, "from", o.AccessKeySource, o.Ignore, note == "")
	// Output:
	// import eu-west-1 from regions `eu/**` in .manifestlint.yaml
	// AKIAZ7Q3EXAMPLE4KEY1 from $AWS_ACCESS_KEY_ID [no-space-after-colon] true
}

// A front end refuses a manifest over the size limit (--max-bytes) before
// linting it, with the message the command line prints.
func ExampleCheckSize() {
	fmt.Println(validate.CheckSize(2<<20, 0))
	fmt.Println(validate.CheckSize(900, 0))
	// Output:
	// file too large: 2097152 bytes, over --max-bytes 1048576: a manifest is a few kilobytes
	// <nil>
}
