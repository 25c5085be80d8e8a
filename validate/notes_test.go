package validate

import (
	"strings"
	"testing"
)

const notesManifest = `manifestVersion: 2.0
deviceId: ABCDE
bucket: my-import-bucket
eraseDevice: yes
notificationEmail: ops@example.com
returnAddress:
    name: Erika Mustermann
    street1: Hauptstrasse 1
    city: Berlin
    postalCode: 10115
    phoneNumber: +49 30 1234567
    country: DE
`

// TestContextNotes: a check that cannot run for lack of context says so,
// so that a clean result is not read as "all checked" (issue: a German
// return address without customs passed silently without a region).
func TestContextNotes(t *testing.T) {
	ids := func(r Result) string {
		var s []string
		for _, n := range r.Notes {
			s = append(s, n.ID)
		}
		return strings.Join(s, ",")
	}
	tests := []struct {
		name string
		src  string
		opts Options
		want string
	}{
		{"nothing known", notesManifest, Options{}, "region-unknown,no-bucket-inventory"},
		{"region given", notesManifest, Options{Region: "eu-west-1"}, "no-bucket-inventory"},
		{"inventory given", notesManifest, Options{Buckets: map[string]string{"my-import-bucket": "eu-west-1"}}, ""},
		{"inventory without the bucket", notesManifest, Options{Buckets: map[string]string{}}, "region-unknown"},
		{"no bucket named", strings.Replace(notesManifest, "bucket: my-import-bucket\n", "", 1), Options{Region: "us-east-1"}, ""},
		{"unreadable: no check ran", "manifestVersion: [2.0\n", Options{}, ""},
		{"empty: no check ran", "", Options{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate("m.yaml", []byte(tt.src), tt.opts)
			if got := ids(r); got != tt.want {
				t.Errorf("notes %q, want %q (%+v)", got, tt.want, r.Notes)
			}
			for _, n := range r.Notes {
				if n.Message == "" || len(n.Rules) == 0 {
					t.Errorf("note %+v lacks a message or rules", n)
				}
			}
		})
	}
	// Without a region the German address gets no customs error: the note
	// is what tells the user.
	r := Validate("m.yaml", []byte(notesManifest), Options{})
	if r.Errors() != 0 || !strings.Contains(r.Notes[0].Message, "customs") {
		t.Errorf("errors %d, notes %+v", r.Errors(), r.Notes)
	}
	if r := Validate("m.yaml", []byte(notesManifest), Options{Region: "us-east-1"}); r.Errors() == 0 {
		t.Errorf("with a US region the German address should need customs")
	}
}
