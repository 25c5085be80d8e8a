package rules

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

// TestPlaceholderValue: quoted template markers and to-do words are named,
// a secret's value is not shown, and real values are left alone.
func TestPlaceholderValue(t *testing.T) {
	r := placeholderValueRule
	warn := func(path string, line, col int, frags ...string) []famWant {
		return []famWant{{path: path, line: line, col: col, frags: frags}}
	}
	runFamCases(t, &r, []famCase{
		{name: "AWS template in quotes", kind: manifest.S3Import, src: "returnAddress:\n  name: \"[Your name]\"\n",
			want: warn("returnAddress.name", 2, 9, "returnAddress.name is a template placeholder in square brackets: `[Your name]`")},
		{name: "angle brackets", kind: manifest.S3Import, src: "bucket: <your-bucket>\n",
			want: warn("bucket", 1, 9, "`<your-bucket>`")},
		{name: "shell variable", kind: manifest.S3Import, src: "notificationEmail: ${TEAM_EMAIL}\n",
			want: warn("notificationEmail", 1, 20, "`${TEAM_EMAIL}`", "nothing expands it")},
		{name: "double braces in quotes", kind: manifest.S3Import, src: "bucket: '{{ bucket }}'\n",
			want: warn("bucket", 1, 9, "`{{ bucket }}`")},
		{name: "at signs in quotes", kind: manifest.S3Import, src: "bucket: \"@BUCKET@\"\n",
			want: warn("bucket", 1, 9, "`@BUCKET@`")},
		{name: "asterisks in quotes", kind: manifest.S3Import, src: "bucket: '***Your bucket***'\n",
			want: warn("bucket", 1, 9, "`***Your bucket***`")},
		{name: "TODO", kind: manifest.S3Import, src: "deviceId: TODO\n",
			want: warn("deviceId", 1, 11, "a to-do marker: `TODO`")},
		{name: "in a list entry", kind: manifest.S3Export, src: "operations:\n  - exportBucket: <bucket>\n",
			want: warn("operations[0].exportBucket", 2, 19)},
		{name: "a secret is not shown", kind: manifest.S3Export, src: "trueCryptPassword: \"<password>\"\n",
			want: warn("trueCryptPassword", 1, 20, "(the value is not shown)")},
		{name: "real values", kind: manifest.S3Import, src: "bucket: my-bucket\nnotificationEmail: a@b.co; Jane <j@b.co>\nprefix: todo/\n" +
			"returnAddress:\n  name: Jane Roe\n  street1: 1 Main St\n  street2: '[Suite 400]'\ngenerator: '[tool] 1.0'\n"},
	})
	fs := placeholderValueRule.Run(famContext(t, manifest.S3Export, "trueCryptPassword: \"<password>\"\n"))
	if len(fs) != 1 || strings.Contains(fs[0].Message, "password>") || fs[0].Help == "" {
		t.Errorf("secret placeholder: %+v", fs)
	}
}

// TestSampleValue: init's starter values, AWS's documentation values and
// RFC 2606 e-mail domains are named with their field; a secret's value is
// not shown; look-alike real values are left alone.
func TestSampleValue(t *testing.T) {
	r := sampleValueRule
	warn := func(path string, line, col int, frags ...string) []famWant {
		return []famWant{{path: path, line: line, col: col, frags: frags}}
	}
	runFamCases(t, &r, []famCase{
		{name: "starter name", kind: manifest.S3Import, src: "returnAddress:\n  name: Jane Roe\n",
			want: warn("returnAddress.name", 2, 9, "returnAddress.name is the sample value `Jane Roe`")},
		{name: "starter street", kind: manifest.S3Import, src: "returnAddress:\n  street1: 123 Any Street\n",
			want: warn("returnAddress.street1", 2, 12, "`123 Any Street`")},
		{name: "starter company, any case", kind: manifest.S3Import, src: "returnAddress:\n  company: EXAMPLE CORP.\n",
			want: warn("returnAddress.company", 2, 12, "`EXAMPLE CORP.`")},
		{name: "AWS access key", kind: manifest.S3Import, src: "accessKeyId: AKIAIOSFODNN7EXAMPLE\n",
			want: warn("accessKeyId", 1, 14, "accessKeyId is the sample value `AKIAIOSFODNN7EXAMPLE`")},
		{name: "AWS name", kind: manifest.S3Export, src: "customs:\n  exportCertifierName: John Doe\n",
			want: warn("customs.exportCertifierName", 2, 24, "`John Doe`")},
		{name: "example.com second in a list", kind: manifest.S3Import, src: "notificationEmail: a@mycorp.com;ops@example.com\n",
			want: warn("notificationEmail", 1, 33, "notificationEmail holds the sample address `ops@example.com`")},
		{name: "subdomain of example.org", kind: manifest.S3Import, src: "notificationEmail: ops@mail.example.org\n",
			want: warn("notificationEmail", 1, 20, "`ops@mail.example.org`")},
		{name: ".test domain", kind: manifest.S3Import, src: "notificationEmail: a@corp.test\n",
			want: warn("notificationEmail", 1, 20, "`a@corp.test`")},
		{name: ".invalid domain", kind: manifest.S3Import, src: "notificationEmail: a@corp.invalid\n",
			want: warn("notificationEmail", 1, 20, "`a@corp.invalid`")},
		{name: ".example domain", kind: manifest.S3Import, src: "notificationEmail: a@corp.example\n",
			want: warn("notificationEmail", 1, 20, "`a@corp.example`")},
		{name: "john.doe at a real domain", kind: manifest.S3Import, src: "notificationEmail: john.doe@amazon.com\n",
			want: warn("notificationEmail", 1, 20, "`john.doe@amazon.com`")},
		{name: "starter pinCode not shown", kind: manifest.S3Export, src: "pinCode: 123456\n",
			want: warn("pinCode", 1, 10, "pinCode is the sample value (not shown)")},
		{name: "look-alike real values", kind: manifest.S3Import, src: "accessKeyId: AKIAJ7Q2ZK4XW5LRT3NB\n" +
			"notificationEmail: ops@example-corp.com;jane.roe.smith@examples.net;a@example\n" +
			"returnAddress:\n  name: Jane Roebuck\n  street1: 123 Anyway Street\n  company: Example Corporation Ltd\n"},
		{name: "a real pinCode", kind: manifest.S3Export, src: "pinCode: 482913\n"},
	})
	for _, src := range []string{"pinCode: 123456\n", "trueCryptPassword: \"1234\"\n"} {
		fs := sampleValueRule.Run(famContext(t, manifest.S3Export, src))
		if len(fs) != 1 || strings.Contains(fs[0].Message, "1234") || strings.Contains(fs[0].Help, "1234") || fs[0].Help == "" {
			t.Errorf("secret sample %q: %+v", src, fs)
		}
	}
	long := "notificationEmail: " + strings.Repeat("a", 80) + "@example.com\n"
	fs := sampleValueRule.Run(famContext(t, manifest.S3Import, long))
	if len(fs) != 1 || len(fs[0].Message) > 90 || !strings.Contains(fs[0].Message, "notificationEmail") {
		t.Errorf("long sample: %+v", fs)
	}
}

// TestNextEmail checks that the scanner finds the addresses the regular
// expression it replaced finds, one match after another, on values a user
// writes and on edge cases of its byte classes.
func TestNextEmail(t *testing.T) {
	re := regexp.MustCompile(`([^\s;,<>"'@]+)@([A-Za-z0-9.-]+)`)
	values := []string{
		"john.doe@example.com", "Jane Doe <jane.doe@mycompany.com>", "ops@corp.example, it@corp.example",
		"a@b@c", "@example.com", "x@", "x@@y", "a@b.c_x@y", "a;b@c", "'q'@d", "tab\tme@host.org\nnext@x.io",
		"ünï@exämple.de", "\xff@x", "a@-.-", "a@b,c@d;e@f", "mail: root@localhost.", "no address here", "",
		"a\v@b", "a\f@b", "<x>@y", "x@y>z@w", "u@v w@x y@z",
	}
	for _, v := range values {
		var got [][]string
		for i := 0; ; {
			addr, local, domain, next, ok := nextEmail(v, i)
			if !ok {
				break
			}
			got = append(got, []string{addr, local, domain})
			i = next
		}
		want := re.FindAllStringSubmatch(v, -1)
		if len(got) != len(want) {
			t.Errorf("nextEmail(%q) found %q, the regular expression %q", v, got, want)
			continue
		}
		for i := range got {
			if !slices.Equal(got[i], want[i]) {
				t.Errorf("nextEmail(%q) found %q, the regular expression %q", v, got, want)
				break
			}
		}
	}
}
