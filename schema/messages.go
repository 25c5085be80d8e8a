package schema

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/xeipuuv/gojsonschema"
	"go.yaml.in/yaml/v3"
)

// hint says how to fix a value that breaks its pattern or length. Hints are
// looked up by the name of the shared definition the field refers to
// (yesno, bucket, ...) and then by the field's own name.
type hint struct {
	// want is the fix: what the value must be.
	want string
	// count adds the number of characters the value has.
	count bool
}

var hints = map[string]hint{
	"yesno":                    {want: "use yes or no"},
	"bucket":                   {want: "a bucket name is 1 to 255 letters, digits, '.', '-' or '_'", count: true},
	"accessKeyId":              {want: "an access key ID is 20 characters, A-Z and 0-9 only (the ID of the key that will sign the request)", count: true},
	"trueCryptPassword":        {want: "a TrueCrypt password is 1 to 64 characters", count: true},
	"pinCode":                  {want: "a PIN code is 4 to 12 digits, nothing else", count: true},
	"s3Prefix":                 {want: "a prefix is at most 1024 characters", count: true},
	"diskTimestampMetadataKey": {want: "a metadata key holds only letters, digits, '-' and '_'"},
	"emailList":                {want: "give one or more e-mail addresses separated by ';'"},
	"nonEmptyText":             {want: "give a value"},
	"deviceValue":              {want: "write the device's value in US dollars as a positive amount with at most two decimals and no currency sign, e.g. 250.00"},
	"encryptionClassification": {want: "write an export control classification number (a digit, a letter A-E, three digits, an optional '.' suffix, e.g. 5D992) or EAR99"},
	"deviceHTS":                {want: "write a harmonized tariff number as NNNN.NN.NNNN, e.g. 8471.70.5000"},
	"vaultName":                {want: "a vault name is 1 to 255 letters, digits, '_', '-' or '.'", count: true},
	"archiveComment":           {want: "an archive comment is 1 to 997 characters", count: true},
}

// examples are the values to suggest for a missing field beyond those the
// schema fixes (a const or a one-value enum).
var examples = map[string]string{
	"eraseDevice": "yes",
}

// ---- looking things up in the bundled schema ----

// deref follows a local $ref; name is the definition's name, or "".
func deref(sdoc, node map[string]any) (resolved map[string]any, name string) {
	for i := 0; i < 8 && node != nil; i++ {
		ref, ok := node["$ref"].(string)
		if !ok {
			return node, name
		}
		name = strings.TrimPrefix(ref, "#/definitions/")
		defs, _ := sdoc["definitions"].(map[string]any)
		node, _ = defs[name].(map[string]any)
	}
	return node, name
}

// schemaAt returns the subschema that validates the value at segs (a
// gojsonschema context without its root), resolved, and the name of the
// definition it refers to; nil when the schema has no such place.
func schemaAt(sdoc map[string]any, segs []string) (map[string]any, string) {
	node, name := deref(sdoc, sdoc)
	for _, s := range segs {
		if props, ok := node["properties"].(map[string]any); ok {
			if p, ok := props[s].(map[string]any); ok {
				node, name = deref(sdoc, p)
				continue
			}
		}
		if items, ok := node["items"].(map[string]any); ok {
			node, name = deref(sdoc, items)
			continue
		}
		if ap, ok := node["additionalProperties"].(map[string]any); ok {
			node, name = deref(sdoc, ap)
			continue
		}
		return nil, ""
	}
	return node, name
}

// propertyNames lists the keys a (resolved) object schema allows, sorted.
func propertyNames(node map[string]any) []string {
	props, _ := node["properties"].(map[string]any)
	names := make([]string, 0, len(props))
	for n := range props {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func hasProperty(node map[string]any, key string) bool {
	props, _ := node["properties"].(map[string]any)
	_, ok := props[key]
	return ok
}

func stringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func appendSeg(segs []string, s string) []string {
	return append(append(make([]string, 0, len(segs)+1), segs...), s)
}

// ---- wording ----

// place names a mapping for messages: "at the top level", "in
// returnAddress", "in operations[0]".
func place(loc location) string {
	if loc.path == "" {
		return "at the top level"
	}
	return "in " + loc.path
}

// quote shows a scalar in backticks, shortened when long.
func quote(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:57]) + "…"
	}
	return "`" + s + "`"
}

// found says what a node holds: "`none`", "empty", "a list".
func found(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode {
		if n.Value == "" {
			return "empty"
		}
		return quote(n.Value)
	}
	return manifest.KindName(n)
}

func article(title string) string {
	switch title[0] {
	case 'A', 'E', 'I', 'O', 'U', 'S':
		return "an"
	}
	return "a"
}

// kindNoun: "an S3 import".
func kindNoun(k manifest.Kind) string { return article(k.Title()) + " " + k.Title() }

// kindPhrase: "an S3 import manifest".
func kindPhrase(k manifest.Kind) string { return kindNoun(k) + " manifest" }

// joinList: "a, b or c" (last is "or" or "and").
func joinList(items []string, last string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + last + " " + items[len(items)-1]
}

// lastKey is the key the value at loc sits under, or its path after a
// list index.
func lastKey(loc location) string {
	if loc.key != nil {
		return loc.key.Value
	}
	return loc.path
}

// ---- details ----

func (c *checker) missingDetail(loc location, prop string) string {
	where := "at the top level"
	switch {
	case loc.key != nil:
		where = "under " + loc.path + ", indented beneath `" + loc.key.Value + ":`"
	case len(loc.segs) > 0:
		where = "to the " + loc.path + " entry"
	}
	path := manifest.JoinPath(loc.path, prop)
	sub, _ := schemaAt(c.sdoc, appendSeg(loc.segs, prop))
	add := "`" + prop + ":`"
	tail := ""
	if sub != nil {
		enum := stringList(sub["enum"])
		switch {
		case sub["const"] != nil:
			add = fmt.Sprintf("`%s: %v`", prop, sub["const"])
		case len(enum) == 1:
			add = "`" + prop + ": " + enum[0] + "`"
		case examples[prop] != "":
			add = "`" + prop + ": " + examples[prop] + "`"
		case len(enum) > 1:
			tail = " (" + joinList(enum, "or") + ")"
		case sub["type"] == "object":
			if req := stringList(sub["required"]); len(req) > 0 {
				tail = ", with " + joinList(req, "and") + " indented beneath it"
			}
		case sub["type"] == "array":
			items, _ := deref(c.sdoc, asMap(sub["items"]))
			if req := stringList(items["required"]); len(req) > 0 {
				tail = ", with its entries beneath it, each starting `- " + req[0] + ":`"
			}
		case sub["description"] != nil:
			d := strings.TrimSuffix(fmt.Sprint(sub["description"]), ".")
			tail = " (" + strings.ToLower(d[:1]) + d[1:] + ")"
		}
	}
	return fmt.Sprintf("Missing: %s. Add %s %s%s.", path, add, where, tail)
}

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }

// keyPlace is what unknownDetail needs to know about one place of the
// schema (the mapping an unknown key sits in), worked out once per place
// and kept in the checker: a manifest with 100,000 unknown keys must not
// walk the schemas, sort their property names and fold them 100,000 times.
type keyPlace struct {
	here  map[string]any
	names keyNames // the keys allowed here
	// parents are the object or list fields allowed here, in name order.
	parents []keyParent
	// others are the schemas of the same place in the other kinds.
	others []keyOther
}

type keyParent struct {
	name  string
	array bool           // a list: fields holds its entries' keys
	keys  map[string]any // the properties of the object or of its entries
	names keyNames       // of an object (not a list), for synonyms
}

type keyOther struct {
	kind  manifest.Kind
	there map[string]any
}

// keyNames are sorted key names with their folded forms (manifest.FoldName),
// the first name of each folded form kept.
type keyNames struct {
	sorted []string
	folded map[string]string
	near   *manifest.Candidates
}

func newKeyNames(node map[string]any) keyNames {
	n := keyNames{sorted: propertyNames(node), folded: map[string]string{}}
	n.near = manifest.NewCandidates(n.sorted)
	for _, c := range n.sorted {
		f := manifest.FoldName(c)
		if _, ok := n.folded[f]; !ok {
			n.folded[f] = c
		}
	}
	return n
}

// keyPlaceAt returns the keyPlace of segs, from the checker's cache.
func (c *checker) keyPlaceAt(segs []string) *keyPlace {
	id := strings.Join(segs, "\x00")
	if p, ok := c.places[id]; ok {
		return p
	}
	here, _ := schemaAt(c.sdoc, segs)
	p := &keyPlace{here: here, names: newKeyNames(here)}
	for _, parent := range p.names.sorted {
		sub, _ := schemaAt(c.sdoc, appendSeg(segs, parent))
		switch {
		case sub == nil:
		case sub["type"] == "array":
			items, _ := deref(c.sdoc, asMap(sub["items"]))
			props, _ := items["properties"].(map[string]any)
			p.parents = append(p.parents, keyParent{name: parent, array: true, keys: props})
		default:
			props, _ := sub["properties"].(map[string]any)
			kp := keyParent{name: parent, keys: props}
			if sub["type"] == "object" {
				kp.names = newKeyNames(sub)
			}
			p.parents = append(p.parents, kp)
		}
	}
	for _, k := range manifest.Kinds {
		if k == c.kind {
			continue
		}
		_, odoc, err := kindSchemas[k].bundled()
		if err != nil {
			continue
		}
		if there, _ := schemaAt(odoc, segs); there != nil {
			p.others = append(p.others, keyOther{k, there})
		}
	}
	if c.places == nil {
		c.places = map[string]*keyPlace{}
	}
	c.places[id] = p
	return p
}

// unknownFix says how an unknown key can be repaired: renamed to a close
// known key, or indented beneath the mapping it belongs to; zero for
// neither.
type unknownFix struct{ rename, under string }

func (c *checker) unknownDetail(loc location, prop string) (detail string, fix unknownFix) {
	pl := c.keyPlaceAt(loc.segs)
	// A field of a mapping one level down, left at this level (the CLI
	// example's address keys at the top level).
	for _, parent := range pl.parents {
		if _, ok := parent.keys[prop]; !ok {
			continue
		}
		if parent.array {
			return fmt.Sprintf("`%s` is a field of an %s entry, but it sits %s: it belongs in an entry of the %s list (`- %s: ...` beneath `%s:`).",
				prop, parent.name, place(loc), parent.name, prop, parent.name), unknownFix{}
		}
		return fmt.Sprintf("`%s` is a %s field, but it sits %s: it belongs under %s; indent it beneath `%s:`.",
			prop, parent.name, place(loc), parent.name, parent.name), unknownFix{under: parent.name}
	}
	// A field of another kind only.
	var others []manifest.Kind
	for _, o := range pl.others {
		if hasProperty(o.there, prop) {
			others = append(others, o.kind)
		}
	}
	if len(others) > 0 {
		if note := c.operationsNote(loc, prop); note != "" {
			return fmt.Sprintf("`%s` %s belongs to %s, but this manifest is checked as %s.%s",
				prop, place(loc), kindsPhrase(others), kindNoun(c.kind), note), unknownFix{}
		}
		return fmt.Sprintf("`%s` %s belongs to %s, but this manifest is checked as %s: remove it%s.",
			prop, place(loc), kindsPhrase(others), kindNoun(c.kind), jobTypeTip(c.kind, others)), unknownFix{}
	}
	if best, synonym := suggestKey(prop, pl.names); best != "" {
		if k, _ := c.get(loc.val, best); k == nil && uniqueSuggestion(prop, best, pl.names.sorted) {
			fix.rename = best
		}
		if synonym {
			return fmt.Sprintf("Unknown field `%s` %s: did you mean %s? That is the manifest's name for it.", prop, place(loc), best), fix
		}
		return fmt.Sprintf("Unknown field `%s` %s: did you mean %s? Keys are case-sensitive.", prop, place(loc), best), fix
	}
	// A common name of a field one mapping down (phone at the top level).
	for _, parent := range pl.parents {
		if parent.names.sorted == nil {
			continue
		}
		if best, synonym := suggestKey(prop, parent.names); best != "" && synonym {
			return fmt.Sprintf("Unknown field `%s` %s: did you mean %s? It is a %s field: indent it beneath `%s:`.",
				prop, place(loc), best, parent.name, parent.name), unknownFix{}
		}
	}
	msg := fmt.Sprintf("Unknown field `%s` %s: remove it", prop, place(loc))
	if names := pl.names.sorted; len(names) > 0 && len(names) <= 12 {
		msg += " (allowed here: " + strings.Join(names, ", ") + ")"
	}
	return msg + ".", unknownFix{}
}

// kindsPhrase: "S3 export manifests", "import manifests", "EBS import and
// Glacier import manifests".
func kindsPhrase(ks []manifest.Kind) string {
	imports := 0
	titles := make([]string, len(ks))
	for i, k := range ks {
		titles[i] = k.Title()
		if k.IsImport() {
			imports++
		}
	}
	if imports == len(ks) && imports == 3 {
		return "import manifests"
	}
	return joinList(titles, "and") + " manifests"
}

// jobTypeTip tells how to have the manifest checked as the other kind when
// only --job-type decides it (S3 import versus S3 export).
func jobTypeTip(k manifest.Kind, others []manifest.Kind) string {
	for _, o := range others {
		switch {
		case k == manifest.S3Import && o == manifest.S3Export:
			return " (if the job is an export, lint it with --job-type export)"
		case k == manifest.S3Export && o == manifest.S3Import:
			return " (if the job is an import, lint it with --job-type import)"
		}
	}
	return ""
}

func (c *checker) typeDetail(loc location, expected string) string {
	name := lastKey(loc)
	what := found(loc.val)
	if loc.val.Kind == yaml.ScalarNode && loc.val.Value != "" {
		what = "text (" + what + ")"
		if secret(loc) {
			what = "text"
		}
	}
	switch expected {
	case gojsonschema.TYPE_OBJECT:
		sub, _ := schemaAt(c.sdoc, loc.segs)
		fields := "its `key: value` entries"
		req := stringList(sub["required"])
		if len(req) > 0 {
			fields = "its fields (" + joinList(req, "and") + ")"
		}
		if loc.key == nil && len(req) > 0 { // a list entry
			rest := "its other fields"
			if len(req) > 1 {
				rest = joinList(req[1:], "and")
			}
			return fmt.Sprintf("%s is %s, but each entry must be a mapping: write it as `- %s: ...`, with %s indented beneath.",
				loc.path, what, req[0], rest)
		}
		return fmt.Sprintf("%s is %s, but it must be a mapping: indent %s beneath `%s:`.", loc.path, what, fields, name)
	case gojsonschema.TYPE_ARRAY:
		return fmt.Sprintf("%s is %s, but it must be a list: write each entry on its own line beneath `%s:`, starting with `- `.", loc.path, what, name)
	}
	if loc.key == nil && len(loc.segs) > 0 && loc.val.Kind != yaml.ScalarNode {
		return listEntryTextDetail(loc)
	}
	switch {
	case loc.val.Kind == yaml.SequenceNode && loc.val.Style&yaml.FlowStyle != 0:
		return fmt.Sprintf("%s is a list (square brackets make a YAML list), but it must be text: write the value without brackets, or quote it.", loc.path)
	case loc.val.Kind == yaml.SequenceNode:
		return fmt.Sprintf("%s is a list, but it must be text: write the value on the same line as `%s:`.", loc.path, name)
	case loc.val.Kind == yaml.MappingNode:
		return fmt.Sprintf("%s is a mapping, but it must be text: write the value on the same line as `%s:` (quote it if it holds `: `).", loc.path, name)
	}
	return fmt.Sprintf("%s is %s, but it must be text.", loc.path, what)
}

func (c *checker) valueDetail(loc location, e gojsonschema.ResultError) string {
	sub, def := schemaAt(c.sdoc, loc.segs)
	v := loc.val.Value
	switch e.Type() {
	case "const":
		want := fmt.Sprint(e.Details()["allowed"])
		if sub != nil && sub["const"] != nil {
			want = fmt.Sprint(sub["const"])
		}
		got := "found " + quote(v)
		if v == "" {
			got = "found an empty value"
		}
		if loc.path == "manifestVersion" {
			first := kindPhrase(c.kind)
			first = strings.ToUpper(first[:1]) + first[1:]
			if c.kind != manifest.EBSImport && c.kind != manifest.GlacierImport && v == manifest.EBSImport.Version() {
				return fmt.Sprintf("%s needs `manifestVersion: %s`; %s, the version of EBS and Glacier import manifests. %s",
					first, want, got, c.versionNote())
			}
			return fmt.Sprintf("%s needs `manifestVersion: %s`; %s.", first, want, got)
		}
		return fmt.Sprintf("%s must be `%s`; %s.", loc.path, want, got)
	case "enum":
		allowed := stringList(sub["enum"])
		must := "one of " + strings.Join(allowed, ", ")
		if len(allowed) == 1 {
			must = "`" + allowed[0] + "`"
		}
		msg := fmt.Sprintf("%s is %s, but it must be %s", loc.path, found(loc.val), must)
		if best := manifest.Closest(v, allowed); best != "" {
			return msg + ": did you mean " + best + "?"
		}
		return msg + "."
	case "array_min_items":
		return fmt.Sprintf("%s is an empty list: give at least one entry beneath `%s:`, starting with `- `.", loc.path, lastKey(loc))
	case "array_max_items":
		return fmt.Sprintf("%s has %d entries, but %s takes exactly one (the device becomes one %s): keep one entry, and use one job per device.",
			loc.path, len(loc.val.Content), kindPhrase(c.kind), map[manifest.Kind]string{
				manifest.EBSImport: "snapshot", manifest.GlacierImport: "archive"}[c.kind])
	}
	h, ok := hints[def]
	if !ok {
		h, ok = hints[lastKey(loc)]
	}
	if !ok {
		h.want = e.Description()
	}
	bad, badRune := 0, rune(0)
	if cs := charsetOf(sub); cs != nil {
		bad, badRune = firstBad(cs, v)
	}
	if secret(loc) {
		return secretDetail(loc.path, v, bad, h.want)
	}
	got := "is " + found(loc.val)
	if h.count && v != "" {
		got += fmt.Sprintf(" (%d characters)", utf8.RuneCountInString(v))
	}
	if bad > 0 {
		got += fmt.Sprintf(", with %s at position %d", showRune(badRune), bad)
	}
	return fmt.Sprintf("%s %s: %s.", loc.path, got, h.want)
}

// keySynonyms maps common wrong names of fields (folded by manifest.FoldName) to the
// fields they most likely mean, tried in order: the first one the place
// allows is suggested. Names equal but for case, '_' or '-', and near typos,
// are left to closest.
var keySynonyms = map[string][]string{
	// returnAddress
	"zip": {"postalCode"}, "zipcode": {"postalCode"}, "postcode": {"postalCode"}, "postal": {"postalCode"},
	"state": {"stateOrProvince"}, "province": {"stateOrProvince"}, "stateprovince": {"stateOrProvince"},
	"phone": {"phoneNumber"}, "telephone": {"phoneNumber"}, "tel": {"phoneNumber"}, "phoneno": {"phoneNumber"},
	"telephonenumber": {"phoneNumber"}, "mobile": {"phoneNumber"},
	"street": {"street1"}, "address": {"street1", "returnAddress"}, "address1": {"street1"},
	"addressline1": {"street1"}, "streetaddress": {"street1"}, "line1": {"street1"},
	"address2": {"street2"}, "addressline2": {"street2"}, "line2": {"street2"},
	"address3": {"street3"}, "addressline3": {"street3"}, "line3": {"street3"},
	"town": {"city"}, "countrycode": {"country"},
	"companyname": {"company"}, "organization": {"company"}, "organisation": {"company"},
	"fullname": {"name"}, "contactname": {"name"}, "contact": {"name"},
	"shippingaddress": {"returnAddress"}, "shipto": {"returnAddress"},
	// top level
	"email": {"notificationEmail"}, "emailaddress": {"notificationEmail"}, "notification": {"notificationEmail"},
	"notifications": {"notificationEmail"}, "notify": {"notificationEmail"},
	"version": {"manifestVersion"}, "device": {"deviceId"}, "deviceserial": {"deviceId"},
	"serialnumber": {"deviceId"}, "serial": {"deviceId"},
	"accesskey": {"accessKeyId"}, "awsaccesskeyid": {"accessKeyId"}, "awsaccesskey": {"accessKeyId"},
	"bucketname": {"bucket", "exportBucket"}, "s3bucket": {"bucket", "exportBucket"},
	"logbucketname": {"logBucket"}, "logsbucket": {"logBucket"},
	"password": {"trueCryptPassword"}, "truecrypt": {"trueCryptPassword"}, "pin": {"pinCode"},
	"erase": {"eraseDevice"}, "filesystemtype": {"fileSystem"}, "fs": {"fileSystem"},
	// operations entries
	"bucket": {"exportBucket"}, "vault": {"vaultName"}, "comment": {"archiveComment"},
}

// suggestKey suggests the key a user most likely meant by prop among the
// keys a place allows: one equal but for case, '_' and '-', else a common
// synonym (synonym is then true), else the nearest by closest.
func suggestKey(prop string, names keyNames) (best string, synonym bool) {
	n := manifest.FoldName(prop)
	if c, ok := names.folded[n]; ok {
		return c, false
	}
	for _, want := range keySynonyms[n] {
		if slices.Contains(names.sorted, want) {
			return want, true
		}
	}
	return names.near.Closest(prop), false
}

// uniqueSuggestion reports whether best is the one close key for prop
// among names: equal but for case and separators, a synonym, or the only
// name at its edit distance (a tie is a guess, and no fix). A key over 64
// bytes is never renamed: measuring it against every name would cost more
// than it is worth.
func uniqueSuggestion(prop, best string, names []string) bool {
	if manifest.FoldName(prop) == manifest.FoldName(best) {
		return true
	}
	if len(prop) > 64 {
		return false
	}
	if manifest.Closest(prop, []string{best}) != best {
		return true // a synonym
	}
	d := manifest.EditDistance(strings.ToLower(prop), strings.ToLower(best))
	for _, n := range names {
		if n != best && manifest.EditDistance(strings.ToLower(prop), strings.ToLower(n)) == d {
			return false
		}
	}
	return true
}

// ---- secrets ----

// secret reports whether loc is a secret field or lies inside one.
func secret(loc location) bool {
	for _, s := range loc.segs {
		if manifest.IsSecret(s) {
			return true
		}
	}
	return false
}

// secretDetail describes a bad secret value by its length and the position
// of its first character that is not allowed (bad, 0 for none), never by
// the value itself.
func secretDetail(path, v string, bad int, want string) string {
	if v == "" {
		return fmt.Sprintf("%s is empty: %s.", path, want)
	}
	msg := fmt.Sprintf("%s has %s (the value is not shown)", path, plural(utf8.RuneCountInString(v), "character"))
	if bad > 0 {
		msg += fmt.Sprintf(", and the character at position %d is not allowed", bad)
	}
	return msg + ": " + want + "."
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// ---- character sets ----

// charsetPattern matches the schema patterns that only bound a value's
// character set and length: ^[A-Za-z0-9._-]{1,255}$.
var charsetPattern = regexp.MustCompile(`^\^(\[[^\]]+\])(?:\{\d+(?:,\d*)?\}|\+|\*)\$$`)

// charsets caches, per schema pattern, the one-character regexp of its
// character set (nil when the pattern is not a character-set pattern).
var charsets sync.Map

// charsetOf returns the character set of a subschema's pattern, or nil.
func charsetOf(sub map[string]any) *regexp.Regexp {
	p, _ := sub["pattern"].(string)
	if p == "" {
		return nil
	}
	if v, ok := charsets.Load(p); ok {
		re, _ := v.(*regexp.Regexp)
		return re
	}
	var re *regexp.Regexp
	if m := charsetPattern.FindStringSubmatch(p); m != nil {
		re, _ = regexp.Compile("^" + m[1] + "$")
	}
	charsets.Store(p, re)
	return re
}

// firstBad returns the 1-based position (in characters) and the character
// of the first character of v outside set; 0 when there is none.
func firstBad(set *regexp.Regexp, v string) (int, rune) {
	var buf [utf8.UTFMax]byte
	pos := 0
	for _, r := range v {
		pos++
		if !set.Match(buf[:utf8.EncodeRune(buf[:], r)]) {
			return pos, r
		}
	}
	return 0, 0
}

// showRune names a character for a message: `!`, a space, U+00A0.
func showRune(r rune) string {
	switch {
	case r == ' ':
		return "a space"
	case r == '\t':
		return "a tab"
	case r == '`':
		return "a backtick"
	case r == utf8.RuneError:
		return "an invalid character"
	case !unicode.IsPrint(r) || unicode.IsSpace(r):
		return fmt.Sprintf("the character %U", r)
	}
	return "`" + string(r) + "`"
}

// ---- list entries ----

// listEntryTextDetail: a mapping or list where a list of text wants a text
// entry (ignore: [{pattern: bak}]).
func listEntryTextDetail(loc location) string {
	parent := loc.path
	if i := strings.LastIndex(parent, "["); i >= 0 {
		parent = parent[:i]
	}
	noun, example := "entry", "value"
	if len(loc.segs) >= 2 && loc.segs[len(loc.segs)-2] == "ignore" {
		noun, example = "pattern", `\.tmp$`
	}
	// {pattern: bak}: the one value is most likely what was meant.
	if n := loc.val; n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[1].Kind == yaml.ScalarNode && n.Content[1].Value != "" {
		example = n.Content[1].Value
	}
	what := manifest.KindName(loc.val)
	switch {
	case loc.val.Style&yaml.FlowStyle != 0 && loc.val.Kind == yaml.MappingNode:
		what += " (braces make a YAML mapping)"
	case loc.val.Style&yaml.FlowStyle != 0 && loc.val.Kind == yaml.SequenceNode:
		what += " (square brackets make a YAML list)"
	}
	return fmt.Sprintf("%s is %s, but each entry of %s must be text: write each %s as a quoted string list item, e.g. `- '%s'`.",
		loc.path, what, parent, noun, strings.ReplaceAll(example, "'", "''"))
}

// ---- operations entries of a manifest checked as S3 ----

// importOperationKeys are the fields of EBS and Glacier operations entries
// that no S3 operations entry has.
var importOperationKeys = []string{"destination", "source", "region", "vaultName", "archiveComment"}

// importDestinations are the destinations that make a manifest an EBS or
// Glacier import.
var importDestinations = []string{"ebs-snapshot", "glacier"}

// isOperationsKey reports whether prop at loc is `operations` at the top
// level or a field of an operations entry.
func isOperationsKey(loc location, prop string) bool {
	if len(loc.segs) == 0 {
		return prop == "operations"
	}
	return len(loc.segs) == 2 && loc.segs[0] == "operations"
}

// nearDestination suggests the destination a value most likely meant:
// ebs, EBS_Snapshot, snapshot -> ebs-snapshot; Glacier, glacer -> glacier.
func nearDestination(v string) string {
	n := manifest.FoldName(v)
	switch {
	case n == "":
		return ""
	case strings.Contains(n, "ebs") || strings.Contains(n, "snapshot"):
		return "ebs-snapshot"
	case strings.Contains(n, "glacier"):
		return "glacier"
	}
	return manifest.Closest(v, importDestinations)
}

const destinationRule = "a manifest is an EBS or Glacier import only when an operations entry has `destination: ebs-snapshot` or `destination: glacier`"

// destinationEvidence is what the operations entries of a manifest checked
// as an S3 import or export say about it being an EBS or Glacier import.
type destinationEvidence struct {
	// fields are the EBS and Glacier entry fields the entries have, in
	// importOperationKeys order.
	fields []string
	// tail says what the entries hold instead of a valid destination, and
	// the fix; "" when nothing points at an EBS or Glacier import.
	tail string
	// valid is set when an entry has a valid destination: only --job-type
	// export can have made such a manifest S3; tail then says so, without
	// a final period.
	valid bool
}

// destinations gathers the destination evidence of a manifest checked as
// S3; the zero value for the other kinds.
func (c *checker) destinations() destinationEvidence {
	if c.evidence == nil {
		ev := c.gatherDestinations()
		c.evidence = &ev
	}
	return *c.evidence
}

// gatherDestinations is destinations without the cache.
func (c *checker) gatherDestinations() destinationEvidence {
	var ev destinationEvidence
	if c.kind != manifest.S3Import && c.kind != manifest.S3Export {
		return ev
	}
	ops := manifest.Value(c.root, "operations")
	if ops == nil {
		return ev
	}
	if ops.Kind == yaml.ScalarNode {
		if d := nearDestination(ops.Value); d != "" {
			ev.tail = fmt.Sprintf("here operations is the text %s, not a list of entries: write `- destination: %s` beneath `operations:`, with the entry's other fields indented beneath that.",
				quote(ops.Value), d)
		}
		return ev
	}
	if ops.Kind != yaml.SequenceNode {
		return ev
	}
	seen := map[string]bool{}
	badPath, badVal, scalarPath, scalarDest := "", "", "", ""
	for i, op := range ops.Content {
		path := manifest.IndexPath("operations", i)
		switch op.Kind {
		case yaml.ScalarNode:
			if d := nearDestination(op.Value); d != "" && scalarPath == "" {
				scalarPath, scalarDest = path, d
			}
			continue
		case yaml.MappingNode:
		default:
			continue
		}
		for _, k := range importOperationKeys {
			if k0, _ := manifest.Get(op, k); k0 != nil && !seen[k] {
				seen[k] = true
				ev.fields = append(ev.fields, k)
			}
		}
		d := manifest.Value(op, "destination")
		if d == nil {
			continue
		}
		if d.Kind == yaml.ScalarNode && (d.Value == "ebs-snapshot" || d.Value == "glacier") {
			other := manifest.GlacierImport
			if d.Value == "ebs-snapshot" {
				other = manifest.EBSImport
			}
			ev.valid = true
			ev.tail = fmt.Sprintf("the %s entry has `destination: %s`: if the job is %s, lint it without --job-type export",
				path, d.Value, kindNoun(other))
			return ev
		}
		if badPath == "" {
			badPath, badVal = manifest.JoinPath(path, "destination"), found(d)
			if d.Kind == yaml.ScalarNode {
				if near := nearDestination(d.Value); near != "" {
					badVal += ": did you mean " + near + "?"
				}
			}
		}
	}
	switch {
	case badPath != "":
		ev.tail = fmt.Sprintf("here %s is %s", badPath, badVal)
		if !strings.HasSuffix(badVal, "?") {
			ev.tail += ", which is neither."
		}
	case scalarPath != "":
		ev.tail = fmt.Sprintf("here %s is text, not a mapping: write it as `- destination: %s`, with the entry's other fields indented beneath.", scalarPath, scalarDest)
	case len(ev.fields) > 0:
		ev.tail = "here no entry has a destination: if the job is an EBS or Glacier import, add `destination: ebs-snapshot` or `destination: glacier` to the entry; otherwise remove " + joinList(ev.fields, "and") + "."
	}
	return ev
}

// operationsNote is the end of the message for an unknown key of a
// manifest checked as S3 when the operations entries point at an EBS or
// Glacier import: `operations` itself (S3 import) or a key of an entry (S3
// export); "" otherwise.
func (c *checker) operationsNote(loc location, prop string) string {
	if !isOperationsKey(loc, prop) {
		return ""
	}
	ev := c.destinations()
	switch {
	case ev.tail == "":
		return ""
	case ev.valid:
		return " " + capitalize(ev.tail) + "; otherwise remove it."
	case len(loc.segs) == 0 && len(ev.fields) > 0:
		return fmt.Sprintf(" Its entries have %s, fields of EBS and Glacier import manifests, but %s; %s",
			joinList(ev.fields, "and"), destinationRule, ev.tail)
	}
	return " " + capitalize(destinationRule) + "; " + ev.tail
}

// versionNote explains why a manifest with the EBS and Glacier version was
// checked as S3.
func (c *checker) versionNote() string {
	ev := c.destinations()
	switch {
	case ev.valid:
		return capitalize(ev.tail) + "."
	case ev.tail != "":
		return capitalize(destinationRule) + "; " + ev.tail
	}
	return "It is not checked as one of those because no operations entry has `destination: ebs-snapshot` or `destination: glacier`."
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
