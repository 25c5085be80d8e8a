package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// BenchmarkRules1MB runs every rule on the language server's 1 MB editor
// manifest (an S3 export of about 10,000 operations, parsed once): the
// part of a lint this package owns, without yaml.v3's parse.
//
//	go test -run '^$' -bench Rules1MB -benchmem ./rules
func BenchmarkRules1MB(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("manifestVersion: 2.0\ndeviceId: HD001\nfileSystem: NTFS\nlogBucket: logging-bucket\nlogPrefix: logs/\ntrueCryptPassword: apassword\noperations:\n")
	for i := 0; sb.Len() < 1<<20-400; i++ {
		fmt.Fprintf(&sb, "  - exportBucket: bucket-data-%d\n    targetDirectory: export/%d\n    beginMarker: a/%d\n    endMarker: z/%d\n", i, i, i, i)
	}
	sb.WriteString("returnAddress:\n    name: Erika Mustermann\n    street1: Hauptstrasse 1\n    city: Berlin\n    postalCode: 10115\n    phoneNumber: +49 30 1234567\n    country: Germany\n")
	doc, fs := manifest.Parse("bench.yaml", []byte(sb.String()))
	if doc.Root == nil {
		b.Fatalf("not parsed: %v", fs)
	}
	kind, _ := manifest.InferKind(doc.Root, manifest.JobTypeUnknown)
	b.ReportAllocs()
	for b.Loop() {
		c := &Context{Doc: doc, Root: doc.Root, Kind: kind}
		for _, r := range All {
			r.Run(c)
		}
		c.NamesBuckets() // validate's notes
	}
}
