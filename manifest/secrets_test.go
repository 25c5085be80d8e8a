package manifest

import (
	"slices"
	"strings"
	"testing"
)

// TestSnippetLineMasksSecrets: no snippet line shows a secret value,
// however the key or the value is written (issue 14 item 4).
func TestSnippetLineMasksSecrets(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		secret    string // must not appear on any line shown
	}{
		{"value on the next line", "trueCryptPassword:\n  hunter2hunter2\nbucket: b\n", "hunter2"},
		{"pinCode on the next line", "pinCode:\n  123456\n", "123456"},
		{"a list value", "trueCryptPassword:\n  - hunter2\n  - other2secret\n", "secret"},
		{"explicit key", "? trueCryptPassword\n: hunter2\n", "hunter2"},
		{"tagged key", "!!str trueCryptPassword: hunter2\n", "hunter2"},
		{"escaped key", "\"true\\x43ryptPassword\": hunter2\n", "hunter2"},
		{"flow mapping", "deviceId: x\nm: {a: 1, trueCryptPassword: hunter2, b: 2}\n", "hunter2"},
		{"typo'd key", "truecryptpassword: hunter2\n", "hunter2"},
		{"near miss", "pinCod: 998877\n", "998877"},
		{"block scalar", "trueCryptPassword: |\n  hunter2\n  more\n", "hunter2"},
		{"folded plain scalar", "trueCryptPassword: hunter2\n  continued\n", "continued"},
		{"no space after colon", "trueCryptPassword:hunter2\n", "hunter2"},
		{"duplicate keys (no tree used)", "pinCode:\n  123456\npinCode: 1\n", "123456"},
		{"syntax error elsewhere", "trueCryptPassword:\n  hunter2\nbad: [\n", "hunter2"},
		{"nested", "customs:\n  x:\n    pinCode: 4455\n", "4455"},
		// Keys the did-you-mean reads as a secret field (issue 21 item 6).
		{"password", "password: hunter2\n", "hunter2"},
		{"PIN", "PIN: 98765\n", "98765"},
		{"truecrypt", "truecrypt: hunter2\n", "hunter2"},
		{"pass_word", "pass_word: hunter2\n", "hunter2"},
		{"p_i_n", "p_i_n: 98765\n", "98765"},
		{"two edits", "trueCryptPasswrd: hunter2\n", "hunter2"},
		// Inside a list and braces (items 5 and 7).
		{"in a list entry", "ignore: [{trueCryptPassword: XSECRETX}]\n", "XSECRETX"},
		{"braces", "trueCryptPassword: {correct horse}\n", "correct"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := Parse("m.yaml", []byte(tt.src))
			for n := 1; n <= doc.Lines().Count(); n++ {
				line, ok := doc.SnippetLine(n)
				if ok && strings.Contains(line, tt.secret) {
					t.Errorf("line %d shows the secret: %q", n, line)
				}
			}
		})
	}
	// A secret becomes the fixed mask (its length is not told), and other lines are shown as they are.
	doc, _ := Parse("m.yaml", []byte("bucket: b\ntrueCryptPassword: hunter2hunter2 # c\npostalCode: 91111\n"))
	for n, want := range map[int]string{1: "bucket: b", 2: "trueCryptPassword: ******** # c", 3: "postalCode: 91111"} {
		if got, ok := doc.SnippetLine(n); !ok || got != want {
			t.Errorf("line %d = %q, %v; want %q", n, got, ok, want)
		}
	}
	// A file that cannot be parsed and names no secret field shows its lines.
	doc, _ = Parse("m.yaml", []byte("bucket: [\n"))
	if got, ok := doc.SnippetLine(1); !ok || got != "bucket: [" {
		t.Errorf("unparsed line = %q, %v", got, ok)
	}
}

// TestSecretish: the keys the did-you-mean reads as a secret field are
// secretish, and the keys of a real manifest are not.
func TestSecretish(t *testing.T) {
	for _, k := range []string{"trueCryptPassword", "pinCode", "password", "Password", "PASSWORD", "PIN", "pin", "p_i_n",
		"P-I-N", "pass_word", "pass word", "truecrypt", "TrueCrypt", "true_crypt_password", "PIN_CODE", "pinCod", "pinCodes",
		"pinCo", "trueCryptPasword", "trueCryptPasswrd", "Pass_Word"} {
		if !secretish(k) {
			t.Errorf("secretish(%q) = false", k)
		}
	}
	for _, k := range FieldNames {
		if IsSecret(k) {
			continue
		}
		if secretish(k) {
			t.Errorf("secretish(%q) = true for a manifest field", k)
		}
	}
	for _, k := range []string{"", "p", "pi", "pinned", "shipping", "passport", "postalCode", "street1", "deviceId", "bucket", "secret", "protectionPassword", "zipCode", "zip_code"} {
		if secretish(k) {
			t.Errorf("secretish(%q) = true", k)
		}
	}
}

// TestSecretishAgreesWithClosest: secretish accepts exactly the keys that
// Closest would answer with a secret field, over every key within 3 edits
// of one (the fast path must not lose a key the did-you-mean reads as
// secret).
func TestSecretishAgreesWithClosest(t *testing.T) {
	names := []string{"trueCryptPassword", "pinCode"}
	var keys []string
	for _, n := range names {
		keys = append(keys, n)
		for i := 0; i < len(n); i++ {
			for _, c := range "aeiopxZ_1 " {
				keys = append(keys, n[:i]+string(c)+n[i+1:], n[:i]+string(c)+n[i:], n[:i]+n[i+1:])
				for j := i + 1; j < len(n); j++ {
					keys = append(keys, n[:i]+string(c)+n[i+1:j]+n[j+1:], n[:i]+n[i+1:j]+string(c)+n[j:], n[:i]+"q"+n[i+1:j]+"k"+n[j+1:])
				}
			}
		}
	}
	for _, k := range keys {
		want := (Closest(k, names) != "" || slices.Contains(secretFolded, FoldName(k))) && !slices.Contains(otherFolded, FoldName(k))
		if got := secretish(k); got != want {
			t.Errorf("secretish(%q) = %v, Closest says %v", k, got, want)
		}
	}
}

// TestSecretishAllocates nothing for the keys of a manifest.
func TestSecretishAllocates(t *testing.T) {
	keys := append(slices.Clone(FieldNames), "zip_code", "pincod", "password")
	if n := testing.AllocsPerRun(100, func() {
		for _, k := range keys {
			secretish(k)
		}
	}); n != 0 {
		t.Errorf("secretish allocates %v times over %d keys", n, len(keys))
	}
}

// BenchmarkSecretish is the cost on every key of a manifest.
func BenchmarkSecretish(b *testing.B) {
	keys := append(slices.Clone(FieldNames), "zipCode", "pinCod", "password", "x-custom-field", "returnAddress2")
	for b.Loop() {
		for _, k := range keys {
			secretish(k)
		}
	}
}

// TestWithoutSecrets: the copy of a manifest that leaves the machine (a
// share link) holds no secret value, and every other byte as it was.
func TestWithoutSecrets(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"none", "bucket: b\r\nacl: private\r\n", "bucket: b\r\nacl: private\r\n"},
		{"plain", "bucket: b\ntrueCryptPassword: hunter2 # c\n", "bucket: b\ntrueCryptPassword: ******** # c\n"},
		{"braces", "pinCode: {4242}\nacl: x\n", "pinCode: ********\nacl: x\n"},
		{"synonym keys", "password: hunter2\nPIN: 98765\n", "password: ********\nPIN: ********\n"},
		{"list entry", "ignore: [{trueCryptPassword: hunter2}]\n", "ignore: [{trueCryptPassword: ********}]\n"},
		{"block scalar", "trueCryptPassword: |\n  hunter2\n  more\nacl: x\n", "trueCryptPassword: ********\nacl: x\n"},
		{"unparsed", "trueCryptPassword:\n  hunter2\n  more\nbad: [\n", "trueCryptPassword: ********\nbad: [\n"},
		{"unparsed, no colon", "  pinCode\n    1234\nx: [\n", "  ********\nx: [\n"},
		{"unparsed without secrets", "bad: [\n", "bad: [\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := Parse("m.yaml", []byte(tt.src))
			if got := string(doc.WithoutSecrets()); got != tt.want {
				t.Errorf("WithoutSecrets(%q) = %q, want %q", tt.src, got, tt.want)
			}
		})
	}
}
