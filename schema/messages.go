package schema

import (
	"fmt"
	"sort"
	"strings"
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

func (c *checker) unknownDetail(loc location, prop string) string {
	here, _ := schemaAt(c.sdoc, loc.segs)
	// A field of a mapping one level down, left at this level (the CLI
	// example's address keys at the top level).
	for _, parent := range propertyNames(here) {
		sub, _ := schemaAt(c.sdoc, appendSeg(loc.segs, parent))
		if sub != nil && sub["type"] == "array" {
			if items, _ := deref(c.sdoc, asMap(sub["items"])); hasProperty(items, prop) {
				return fmt.Sprintf("`%s` is a field of an %s entry, but it sits %s: it belongs in an entry of the %s list (`- %s: ...` beneath `%s:`).",
					prop, parent, place(loc), parent, prop, parent)
			}
			continue
		}
		if sub != nil && hasProperty(sub, prop) {
			return fmt.Sprintf("`%s` is a %s field, but it sits %s: it belongs under %s; indent it beneath `%s:`.",
				prop, parent, place(loc), parent, parent)
		}
	}
	// A field of another kind only.
	var others []manifest.Kind
	for _, k := range manifest.Kinds {
		if k == c.kind {
			continue
		}
		_, odoc, err := kindSchemas[k].bundled()
		if err != nil {
			continue
		}
		if there, _ := schemaAt(odoc, loc.segs); there != nil && hasProperty(there, prop) {
			others = append(others, k)
		}
	}
	if len(others) > 0 {
		return fmt.Sprintf("`%s` %s belongs to %s, but this manifest is checked as %s: remove it%s.",
			prop, place(loc), kindsPhrase(others), kindNoun(c.kind), jobTypeTip(c.kind, others))
	}
	if best := closest(prop, propertyNames(here)); best != "" {
		return fmt.Sprintf("Unknown field `%s` %s: did you mean %s? Keys are case-sensitive.", prop, place(loc), best)
	}
	msg := fmt.Sprintf("Unknown field `%s` %s: remove it", prop, place(loc))
	if names := propertyNames(here); len(names) > 0 && len(names) <= 12 {
		msg += " (allowed here: " + strings.Join(names, ", ") + ")"
	}
	return msg + "."
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
		if best := closest(v, allowed); best != "" {
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
	got := "is " + found(loc.val)
	if h.count && v != "" {
		got += fmt.Sprintf(" (%d characters)", utf8.RuneCountInString(v))
	}
	if !ok {
		return fmt.Sprintf("%s %s: %s.", loc.path, got, e.Description())
	}
	return fmt.Sprintf("%s %s: %s.", loc.path, got, h.want)
}

// closest suggests the candidate a user most likely meant: one equal but
// for letter case, '_' and '-', or else the nearest within Levenshtein
// distance 2 (1 for keys shorter than 3), ignoring case; "" for none.
func closest(s string, candidates []string) string {
	if s == "" {
		return ""
	}
	norm := func(x string) string {
		return strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(x))
	}
	ns := norm(s)
	for _, c := range candidates {
		if norm(c) == ns {
			return c
		}
	}
	best, bestD := "", 3
	for _, c := range candidates {
		d := levenshtein(strings.ToLower(s), strings.ToLower(c))
		if d < bestD && d < utf8.RuneCountInString(s) {
			best, bestD = c, d
		}
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
