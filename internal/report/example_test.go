package report_test

import (
	"os"

	"github.com/manifestlint/manifestlint/internal/report"
	"github.com/manifestlint/manifestlint/validate"
)

// The output formats take the results of validate.Validate: here the text
// format, as the command prints it with --no-snippet --color never: the
// headline, the arrow to the place, and the help under it when there is
// one.
func ExampleText() {
	src := []byte("manifestVersion: 2.0\ndeviceId: ABCDE\nbucket: my-import-bucket\neraseDevice: yes\n" +
		"notificationEmail: ops@fjordlab.io\nreturnAddress:\n  name: Ida Berg\n  street1: PO Box 1234\n" +
		"  city: Seattle\n  stateOrProvince: WA\n  postalCode: 98101\n  phoneNumber: 206-555-0100\n  country: USA\n")
	res := validate.Validate("orders/manifest.yaml", src, validate.Options{})
	_ = report.Text(os.Stdout, []validate.Result{res}, report.Options{})
	// Output:
	// error[InvalidAddressException]: returnAddress.street1 is a post-office box (`PO Box 1234`)
	//      --> orders/manifest.yaml:8:12 [address-po-box]
	//       = help: the service does not ship to post-office boxes: give a street address where a carrier
	//               can hand over the device
	//
	// orders/manifest.yaml: note: checked as an S3 import manifest (inferred from bucket, eraseDevice; set --job-kind to override)
	// orders/manifest.yaml: note: job region unknown (--region): customs, EU-address and expedited-shipping rules not checked; no bucket inventory (buckets in .manifestlint.yaml): bucket checks not run
	// 1 error, 0 warnings in 1 file
}
