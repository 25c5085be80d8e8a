package rules

import (
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
