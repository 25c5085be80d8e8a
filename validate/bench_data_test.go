package validate

import (
	"fmt"
	"strings"
)

// smallManifest is AWS's own 2015 SDK live-test manifest: valid, no warning.
const smallManifest = `manifestVersion: 2.0
accessKeyId: AKIAIOSFODNN7EXAMPLE
bucket: importexport-integ-test
deviceId: ABCDE
generator: AWS ImportExport Web Service Tool 1.0
prefix: imported/
eraseDevice: yes
notificationEmail: nobody@amazon.com
returnAddress:
    name: Joe Random
    company: Amazon Web Services
    street1: 123 Any Street
    city: Seattle
    stateOrProvince: WA
    postalCode: 91111
    phoneNumber: 555-555-0100
    country: USA
serviceLevel: expeditedShipping
`

// faultyManifest is the AWS CLI create-job example (address keys at the
// top level, `2.0;`) with a few more faults: a typo'd key, a PO box, a bad
// access key id, a bad ACL and a key:value line.
const faultyManifest = `manifestVersion: 2.0;
accessKeyId: 11118346FH746RYTE34
returnAddress:
name: Jane Roe
company: Example Corp.
street1: PO Box 123
city: Anytown
stateOrProvince: WA
postalCode: 91011-1111
phoneNumber: 206-555-1111
country: USA
deviceId: 49382
erasedevice: yes
acl: world-readable
notificationEmail: john.doe;jane.roe@example.com
bucket:my bucket!
`

// largeManifest is a valid S3 export of n operations with customs: far
// larger than any real manifest (about 100 KB for n=1000).
func largeManifest(n int) []byte {
	var b strings.Builder
	b.WriteString("manifestVersion: 2.0\ndeviceId: HD001\nfileSystem: NTFS\nlogBucket: logging-bucket\n" +
		"logPrefix: logs/\ntrueCryptPassword: apassword\nrecoveryDirectory: LostAndFound\noperations:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - exportBucket: bucket-data-%d\n    targetDirectory: export/%d\n    beginMarker: a/%d\n    endMarker: z/%d\n    prefix: exported/\n", i, i, i, i)
	}
	b.WriteString(`returnAddress:
    name: Erika Mustermann
    street1: Hauptstrasse 1
    city: Berlin
    postalCode: 10115
    phoneNumber: +49 30 1234567
    country: Germany
customs:
    dataDescription: This device contains medical test results.
    encryptedData: yes
    encryptionClassification: 5D992
    exportCertifierName: John Doe
    requiresExportLicense: yes
    deviceValue: 250.00
    deviceCountryOfOrigin: China
    deviceType: externalStorageDevice
    typeOfExport: return
`)
	return []byte(b.String())
}
