package manifest

import (
	"strconv"
	"strings"
	"testing"
)

// TestParseDialect covers the rows of spec §1-§2: what reading a manifest
// accepts, and the one finding each refused input gets.
func TestParseDialect(t *testing.T) {
	tests := []struct {
		name string
		src  string
		// want is "Code rule path line:col" of every finding, in order.
		want    []string
		msg     string // a fragment of the first finding's message
		hasRoot bool
	}{
		{name: "plain mapping", src: "manifestVersion: 2.0\ndeviceId: 1\n", hasRoot: true},
		{name: "empty file", src: "", want: []string{"MissingParameterException empty-manifest  1:1"}, msg: "holds no fields"},
		{name: "only whitespace and comments", src: "\n  \n# a comment\n\t\n", want: []string{"MissingParameterException empty-manifest  1:1"}},
		{name: "only a document marker", src: "---\n", want: []string{"MissingParameterException empty-manifest  1:1"}},
		{name: "invalid UTF-8", src: "a: 1\nb: \xff\xfe\n", want: []string{"MalformedManifestException invalid-utf8  2:4"}, msg: "UTF-8"},
		{name: "tab indentation", src: "returnAddress:\n\tname: x\n", want: []string{"MalformedManifestException yaml-syntax  2:1"}, msg: "tabs"},
		{name: "unclosed quote", src: "a: 'x\nb: y\n", want: []string{"MalformedManifestException yaml-syntax  3:1"}, msg: "quote"},
		{name: "unclosed bracket", src: "a: [x, y\n", want: []string{"MalformedManifestException yaml-syntax  1:4"}, msg: "bracket"},
		{name: "root is a word", src: "INVALID MANIFEST\n", want: []string{"MalformedManifestException root-not-mapping  1:1"}, msg: "not a mapping"},
		{name: "root is a list", src: "- a\n- b\n", want: []string{"MalformedManifestException root-not-mapping  1:1"}, msg: "a list"},
		{name: "tab after a good line", src: "r:\n    a: 1\n\tb: 2\n", want: []string{"MalformedManifestException yaml-syntax  3:1"}, msg: "tabs"},
		// A template's placeholders, all in one run (a scan of the raw
		// lines; YAML stops at the first).
		{name: "five template placeholders", src: "bucket: @BUCKET@\ndeviceId: @ID@\nreturnAddress:\n  name: ***Your name***\n  city: @CITY@\n  street1: 1 Main St\nnotificationEmail: @EMAIL@\n",
			want: []string{"MalformedManifestException yaml-syntax bucket 1:9", "MalformedManifestException yaml-syntax deviceId 2:11",
				"MalformedManifestException yaml-syntax returnAddress.name 4:9", "MalformedManifestException yaml-syntax returnAddress.city 5:9",
				"MalformedManifestException yaml-syntax notificationEmail 7:20"},
			msg: "bucket is the template placeholder `@BUCKET@`, never filled in"},
		{name: "a placeholder after another syntax error", src: "a: 'x\nb: y\n",
			want: []string{"MalformedManifestException yaml-syntax  3:1"}, msg: "quote"},
		{name: "double braces", src: "bucket: {{ bucket_name }}\nreturnAddress:\n  city: {{city}}\n",
			want: []string{"MalformedManifestException complex-key bucket 1:9", "MalformedManifestException complex-key returnAddress.city 3:9"},
			msg:  "bucket is the template placeholder `{{ bucket_name }}`, never filled in"},
		{name: "bracket opened lines above", src: "a: 1\nb: [x,\n  y\nc: 2\n", want: []string{"MalformedManifestException yaml-syntax  2:4"}, msg: "bracket"},
		{name: "quote opened mid-line", src: "a: 1\ng: \"open\nh: 2\n", want: []string{"MalformedManifestException yaml-syntax  2:4"}, msg: "quote"},
		{name: "colon inside a value", src: "a: 1\nd: x: y\n", want: []string{"MalformedManifestException yaml-syntax  2:5"}, msg: "quote it"},
		{name: "two documents", src: "a: 1\n---\nb: 2\n", want: []string{"MalformedManifestException multiple-documents  2:1"}, msg: "a second YAML document"},
		{name: "leading marker is one document", src: "---\na: 1\n...\n", hasRoot: true},
		{name: "duplicate key", src: "a: 1\nb: 2\na: 3\n", want: []string{"MalformedManifestException duplicate-key a 3:1"}, msg: "first at line 1"},
		{name: "nested duplicate key", src: "r:\n  x: 1\n  x: 2\n", want: []string{"MalformedManifestException duplicate-key r.x 3:3"}},
		{name: "anchor and alias", src: "a: &x 1\nb: *x\n", want: []string{
			"MalformedManifestException anchor-alias a 1:4", "MalformedManifestException anchor-alias b 2:4"}, msg: "anchor"},
		{name: "complex key", src: "? [a]\n: 1\n", want: []string{"MalformedManifestException complex-key  1:3"}},
		{name: "BOM", src: "\xef\xbb\xbfa: 1\n", hasRoot: true},
		{name: "CRLF", src: "a: 1\r\nb: 2\r\n", hasRoot: true},
		{name: "no space after colon", src: "manifestVersion:2.0\n", hasRoot: true,
			want: []string{" no-space-after-colon manifestVersion 1:16"}, msg: "write `manifestVersion: 2.0`"},
		{name: "no space after colon in a list entry", src: "operations:\n  - exportBucket:my-bucket\n", hasRoot: true,
			want: []string{" no-space-after-colon operations[0].exportBucket 2:17"}},
		{name: "colon later in a value is untouched", src: "generator: a:b\n", hasRoot: true},
		{name: "a quoted key is not rewritten", src: "\"a\":b\n", want: []string{"MalformedManifestException yaml-syntax  1:1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, fs := Parse("m.yaml", []byte(tc.src))
			var got []string
			for _, f := range fs {
				got = append(got, strings.Join([]string{string(f.Code), f.Rule, f.Path, strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)}, " "))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("findings\n got  %q\n want %q", got, tc.want)
			}
			if tc.msg != "" && (len(fs) == 0 || !strings.Contains(fs[0].Text(), tc.msg)) {
				t.Errorf("message lacks %q: %+v", tc.msg, fs)
			}
			if (doc.Root != nil) != tc.hasRoot {
				t.Errorf("root present %v, want %v", doc.Root != nil, tc.hasRoot)
			}
			for _, f := range fs {
				if f.Severity == Error && !strings.HasPrefix(f.Text(), f.Code.Message()+" "+f.Message) {
					t.Errorf("text does not start with the service's sentence: %q", f.Text())
				}
			}
		})
	}
}

// TestParseKeepsOriginalPositions checks that the key:value rewrite and the
// BOM leave every node at its column in the original text.
func TestParseKeepsOriginalPositions(t *testing.T) {
	src := "\xef\xbb\xbfbucket:my-bucket\nreturnAddress:\n    country:USA\n    city: Town\n"
	doc, _ := Parse("m.yaml", []byte(src))
	if doc.Root == nil {
		t.Fatal("no root")
	}
	k, v := Get(doc.Root, "bucket")
	if At(k) != (Pos{1, 1}) || At(v) != (Pos{1, 8}) || v.Value != "my-bucket" {
		t.Errorf("bucket key %v value %v %q", At(k), At(v), v.Value)
	}
	ra := Value(doc.Root, "returnAddress")
	if c := Value(ra, "country"); At(c) != (Pos{3, 13}) || c.Value != "USA" {
		t.Errorf("country at %v %q, want 3:13 USA", At(c), c.Value)
	}
	if c := Value(ra, "city"); At(c) != (Pos{4, 11}) {
		t.Errorf("city at %v, want 4:11", At(c))
	}
	if got := doc.Line(1); got != "bucket:my-bucket" {
		t.Errorf("line 1 %q: the BOM should not show in snippets", got)
	}
}

// TestScalarsStayText checks that values are never decoded: 2.0 stays 2.0
// and a leading zero stays.
func TestScalarsStayText(t *testing.T) {
	doc, _ := Parse("m.yaml", []byte("manifestVersion: 2.0\npostalCode: 01234\neraseDevice: yes\nstreet2:\n"))
	for key, want := range map[string]string{"manifestVersion": "2.0", "postalCode": "01234", "eraseDevice": "yes", "street2": ""} {
		if got, ok := Text(Value(doc.Root, key)); !ok || got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
}

// TestGluedKeySyntaxError: a key with `_`, `-` or `.` written without a
// space after its colon (which the dialect rewrite leaves alone) is
// reported at its colon with the space to add and the field it most likely
// meant; a secret's value, a long one, is never repeated.
func TestGluedKeySyntaxError(t *testing.T) {
	tests := []struct {
		src, at string
		want    []string
		never   string
	}{
		{"manifestVersion: 2.0\nbucket: b\nerase_device:yes\n", "3:13",
			[]string{"`erase_device:` has no space after the colon", "write `eraseDevice: yes` (the manifest field's name, and a space after the colon)"}, ""},
		{"manifestVersion: 2.0\nerase.device:yes\nbucket: b\n", "2:13",
			[]string{"`erase.device:` has no space", "write `eraseDevice: yes` (the manifest field's name"}, ""},
		{"foo-bar:1\nmanifestVersion: 2.0\n", "1:8", []string{"write `foo-bar: 1` (a space after the colon)"}, "field's name"},
		{"manifestVersion: 2.0\noperations:\n  - export_bucket:b\n    targetDirectory: x\n", "3:18",
			[]string{"`export_bucket:` has no space", "write `exportBucket: b` (the manifest field's name"}, ""},
		{"manifestVersion: 2.0\nPIN_code:4827\nbucket: b\n", "2:9", []string{"`PIN_code:` has no space", "write `pinCode: …` (the manifest field's name"}, "4827"},
		{"manifestVersion: 2.0\ntrue-crypt-pasword:s3cr3t\nbucket: b\n", "2:19", []string{"write `true-crypt-pasword: …`"}, "s3cr3t"},
	}
	for _, tc := range tests {
		doc, fs := Parse("t.yaml", []byte(tc.src))
		if doc.Root != nil || len(fs) != 1 {
			t.Errorf("%q: root %v, findings %+v", tc.src, doc.Root != nil, fs)
			continue
		}
		f := fs[0]
		if at := strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column); at != tc.at || f.Code != MalformedManifest {
			t.Errorf("%q: %s %s, want %s at the colon", tc.src, f.Code, at, tc.at)
		}
		for _, w := range tc.want {
			if !strings.Contains(f.Text(), w) {
				t.Errorf("%q: message %q lacks %q", tc.src, f.Text(), w)
			}
		}
		if tc.never != "" && strings.Contains(f.Text(), tc.never) {
			t.Errorf("%q: message %q holds %q", tc.src, f.Message, tc.never)
		}
	}
}

// TestSyntaxErrorNoParserLine: yaml.v3 often names a line other than the
// one at fault (the line before a tab, the line an open bracket began on);
// the finding sits at the fault, and its message never repeats the
// parser's line ("the parser noticed at line 12").
func TestSyntaxErrorNoParserLine(t *testing.T) {
	for _, src := range []string{
		"manifestVersion: 2.0\nreturnAddress:\n    name: Joe\n\tcity: Seattle\n",
		"manifestVersion: 2.0\nnotificationEmail: [nobody@amazon.com\nreturnAddress:\n    name: Joe\n",
		"manifestVersion: 2.0\ngenerator: \"AWS tool\nbucket: b\n",
	} {
		_, fs := Parse("m.yaml", []byte(src))
		if len(fs) != 1 || fs[0].Rule != "yaml-syntax" {
			t.Errorf("%q: want one yaml-syntax finding, got %+v", src, fs)
			continue
		}
		if text := fs[0].Text(); strings.Contains(text, "noticed") || strings.Contains(text, "line ") || fs[0].Help == "" {
			t.Errorf("%q: want a headline without the parser's line and a help: %q", src, text)
		}
	}
}
