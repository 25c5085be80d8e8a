// Package testmanifest holds the one valid base manifest that tests start
// from, so that a test shows the one fault it makes (With) instead of
// pasting a copy of its own.
package testmanifest

import "strings"

// S3Import is a valid S3 import manifest: manifestlint reports nothing on
// it. It is testdata/sample/manifest.yaml without its first comment line
// (a test keeps the two equal). Lines: 1 manifestVersion, 2 deviceId,
// 3 bucket, 4 prefix, 5 eraseDevice, 6 notificationEmail, 7 returnAddress,
// 8-15 its fields (name, company, street1, city, stateOrProvince,
// postalCode, phoneNumber, country).
const S3Import = `manifestVersion: 2.0
deviceId: ABCDE
bucket: my-import-bucket
prefix: imported/
eraseDevice: yes
notificationEmail: ops@fjordlab.io
returnAddress:
    name: Ana Torres
    company: Brandt Optics
    street1: 742 Oak Street
    city: Seattle
    stateOrProvince: WA
    postalCode: 98101
    phoneNumber: 206-555-0100
    country: USA
`

// With returns S3Import with each old, new pair replaced once. It panics
// when S3Import does not hold old, so that a test never edits nothing.
func With(pairs ...string) string {
	s := S3Import
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			panic("testmanifest: the base manifest has no " + pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}
