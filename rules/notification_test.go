package rules

import (
	"testing"

	"github.com/manifestlint/manifestlint/manifest"
)

func TestNotificationEmail(t *testing.T) {
	const ie = manifest.InvalidManifestField
	runFamCases(t, &notificationEmailRule, []famCase{
		{name: "one", kind: manifest.S3Import, src: "notificationEmail: nobody@amazon.com\n"},
		{name: "two", kind: manifest.S3Export, src: "notificationEmail: john.doe@example.com;jane.roe@example.com\n"},
		{name: "spaces around ;", kind: manifest.GlacierImport, src: "notificationEmail: a@example.com ; b@example.co.uk\n"},
		{name: "plus and subdomain", kind: manifest.S3Import, src: "notificationEmail: jane+ie@mail.example.com\n"},
		{name: "empty middle item", kind: manifest.S3Import, src: "deviceId: 1\nnotificationEmail: a@b.com;;c@d.com\n",
			want: []famWant{famErr(ie, "notificationEmail", 2, 20, "item 2 is empty", "remove the extra `;`")}},
		{name: "trailing ;", kind: manifest.S3Import, src: "notificationEmail: a@b.com;\n",
			want: []famWant{famErr(ie, "notificationEmail", 1, 20, "item 2 is empty")}},
		{name: "empty value", kind: manifest.S3Import, src: "notificationEmail:\n",
			want: []famWant{famErr(ie, "notificationEmail", 1, 19, "notificationEmail is empty")}},
		{name: "display name", kind: manifest.S3Import, src: "notificationEmail: Jane Roe <jane@example.com>\n",
			want: []famWant{famErr(ie, "notificationEmail", 1, 20, "notificationEmail `Jane Roe <jane@example.com>` is not a bare address")}},
		{name: "angle brackets only", kind: manifest.S3Import, src: "notificationEmail: <jane@example.com>\n",
			want: []famWant{famErr(ie, "notificationEmail", 1, 20, "not a bare address")}},
		{name: "comma separated", kind: manifest.S3Import, src: "notificationEmail: a@example.com, b@example.com\n",
			want: []famWant{famErr(ie, "notificationEmail", 1, 20, "is more than one address", "separate addresses with `;`")}},
		{name: "no dot in domain", kind: manifest.S3Import, src: "notificationEmail: a@example.com;root@localhost\n",
			want: []famWant{famErr(ie, "notificationEmail", 1, 20, "item 2 `root@localhost` has no domain with a dot")}},
		{name: "domain literal", kind: manifest.S3Import, src: "notificationEmail: a@[192.0.2.1]\n",
			want: []famWant{famErr(ie, "notificationEmail", 1, 20, "has no domain with a dot")}},
		{name: "no at", kind: manifest.S3Import, src: "notificationEmail: john.doe\n",
			want: []famWant{famErr(ie, "notificationEmail", 1, 20, "`john.doe` is not an email address")}},
		{name: "quoted local part", kind: manifest.S3Import, src: "notificationEmail: '\"john\"@example.com'\n",
			want: []famWant{famErr(ie, "notificationEmail", 1, 20, "not an email address")}},
		{name: "all bad items named", kind: manifest.S3Import, src: "notificationEmail: x;a@b.com;;y@z\n",
			want: []famWant{famErr(ie, "notificationEmail", 1, 20, "item 1 `x`", "item 3 is empty", "item 4 `y@z`")}},
		{name: "list is the schema's", kind: manifest.S3Import, src: "notificationEmail: [a@b.com]\n"},
	})
}
