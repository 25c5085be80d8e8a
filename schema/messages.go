package schema

// This file writes the specifics of schema findings: what is missing,
// unknown, of the wrong type or value, and how to fix it. The files beside it
// hold what the messages are made of: lookup.go (the bundled schema),
// wording.go, secrets.go, charsets.go and operations.go.

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/xeipuuv/gojsonschema"
	"go.yaml.in/yaml/v3"
)

// shape says how the headline of a value its definition refuses reads,
// beyond "path is `value`". The help is the definition's own message in
// the schema (message), which an editor shows too.
type shape struct {
	// count adds the number of characters the value has.
	count bool
	// not says what the value is not, in the headline: "not yes or no".
	not string
	// enough: the headline with not says it all, and the finding has no help.
	enough bool
}

// shapes are looked up by the name of the shared definition the field
// refers to (yesno, bucket, ...).
var shapes = map[string]shape{
	"yesno":                    {not: "not yes or no", enough: true},
	"bucket":                   {count: true},
	"accessKeyId":              {count: true},
	"trueCryptPassword":        {count: true},
	"pinCode":                  {count: true},
	"s3Prefix":                 {count: true},
	"emailList":                {not: "not an e-mail list"},
	"deviceValue":              {not: "not a US dollar amount"},
	"encryptionClassification": {not: "not an ECCN or EAR99"},
	"deviceHTS":                {not: "not NNNN.NN.NNNN"},
	"vaultName":                {count: true},
	"archiveComment":           {count: true},
}

// message is what the schema says a value refused by kw must be: the
// patternErrorMessage of a pattern, else the errorMessage of the
// definition (a length), as editors read them; "" for none
// (TestSchemaMessages requires one for every pattern and length).
func message(sub map[string]any, kw keyword) string {
	if kw == kwPattern {
		if m, ok := sub["patternErrorMessage"].(string); ok {
			return m
		}
	}
	m, _ := sub["errorMessage"].(string)
	return m
}

// examples are the values to suggest for a missing field beyond those the
// schema fixes (a const or a one-value enum).
var examples = map[string]string{
	"eraseDevice": "yes",
}

// missingDetail is the headline and help of a missing field: the help
// says what to add where, with the allowed values or an example.
func (c *checker) missingDetail(loc location, prop string) (head, help string) {
	where := "at the top level"
	switch {
	case loc.key != nil:
		where = "indented beneath `" + loc.key.Value + ":`"
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
	return path + " is missing", fmt.Sprintf("add %s %s%s", add, where, tail)
}

// nearMissKeys bounds the mappings nearMiss reads: a manifest's mapping
// has a few dozen keys; a hostile one with 100,000 gets the plain message
// rather than a suggestion per key and missing field.
const nearMissKeys = 256

// nearMiss finds, in the mapping at loc, a key the place does not allow
// that suggestKey reads as prop (`eraseDevise` for eraseDevice): the
// missing key was typed, wrongly. Nil when there is none. Each mapping's
// suggestions are computed once, for all its missing fields.
func (c *checker) nearMiss(loc location, prop string) *yaml.Node {
	m := loc.val
	if m == nil || m.Kind != yaml.MappingNode || len(m.Content) > 2*nearMissKeys {
		return nil
	}
	if c.nearMisses == nil {
		c.nearMisses = map[*yaml.Node]map[string]*yaml.Node{}
	}
	found, ok := c.nearMisses[m]
	if !ok {
		found = map[string]*yaml.Node{}
		place := c.keyPlaceAt(loc.segs)
		for i := 0; i+1 < len(m.Content); i += 2 {
			k := m.Content[i]
			if k.Kind != yaml.ScalarNode || hasProperty(place.here, k.Value) {
				continue
			}
			if best, _ := suggestKey(k.Value, place.names); best != "" && found[best] == nil {
				found[best] = k
			}
		}
		c.nearMisses[m] = found
	}
	return found[prop]
}

// placeholder returns NAME when a flow mapping is `{NAME}` alone: one key
// of words (letters, digits, '_', '-', spaces) with no value, as template
// placeholders are written; "" otherwise.
func placeholder(m *yaml.Node) string {
	if len(m.Content) != 2 || m.Content[0].Kind != yaml.ScalarNode || m.Content[1].Tag != "!!null" || m.Content[1].Value != "" {
		return ""
	}
	k := m.Content[0].Value
	if k == "" || len(k) > 64 {
		return ""
	}
	for _, r := range k {
		if !(r == '_' || r == '-' || r == ' ' || r == '.' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return ""
		}
	}
	return k
}

// bracketPlaceholder returns the source text of a flow list that is a
// template placeholder, `[Your name]` or `[Enter 20 character id]`: one
// entry that reads as an instruction (manifest.BracketPlaceholder; a real
// value in brackets, such as `[Suite 400]`, does not); "" otherwise.
func bracketPlaceholder(doc *manifest.Document, n *yaml.Node) string {
	if n == nil || n.Kind != yaml.SequenceNode || n.Style&yaml.FlowStyle == 0 || len(n.Content) != 1 {
		return ""
	}
	e := n.Content[0]
	if e.Kind != yaml.ScalarNode || e.Style != 0 || !manifest.BracketPlaceholder(e.Value) {
		return ""
	}
	sp := doc.Span(n)
	text := string(doc.Source[sp.Start:sp.End])
	if strings.ContainsAny(text, "\n\r`") {
		return ""
	}
	return text
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

// keyPlaceAt returns the keyPlace of segs, from the checker's cache, or
// from the kind's cache shared by every file (a keyPlace depends on the kind
// and the place only, and is never changed once made): 10,000 files must not
// sort and fold the same key names 10,000 times.
func (c *checker) keyPlaceAt(segs []string) *keyPlace {
	id := strings.Join(segs, "\x00")
	if p, ok := c.places[id]; ok {
		return p
	}
	ks := kindSchemas[c.kind]
	if ks != nil {
		if v, ok := ks.places.Load(id); ok {
			p := v.(*keyPlace)
			c.remember(id, p)
			return p
		}
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
	c.remember(id, p)
	if ks != nil && ks.placeCount.Load() < maxSharedPlaces {
		if _, loaded := ks.places.LoadOrStore(id, p); !loaded {
			ks.placeCount.Add(1)
		}
	}
	return p
}

// maxSharedPlaces bounds a kind's shared keyPlace cache: a place's id holds
// list indexes, so a hostile manifest could otherwise fill it.
const maxSharedPlaces = 256

// remember keeps p in the checker's own cache of places.
func (c *checker) remember(id string, p *keyPlace) {
	if c.places == nil {
		c.places = map[string]*keyPlace{}
	}
	c.places[id] = p
}

// unknownFix says how an unknown key can be repaired: renamed to a close
// known key, or indented beneath the mapping it belongs to; zero for
// neither. present is the key the unknown one resembles when that key is
// already in the mapping (no rename then): the finding relates to it.
type unknownFix struct {
	rename, under string
	present       *yaml.Node
}

// unknownDetail is the headline and help of an unknown key, and how it can
// be repaired.
func (c *checker) unknownDetail(loc location, prop string) (head, help string, fix unknownFix) {
	pl := c.keyPlaceAt(loc.segs)
	// A field of a mapping one level down, left at this level (the CLI
	// example's address keys at the top level).
	for _, parent := range pl.parents {
		if _, ok := parent.keys[prop]; !ok {
			continue
		}
		if parent.array {
			return fmt.Sprintf("`%s` belongs in an %s entry, not %s", prop, parent.name, place(loc)),
				fmt.Sprintf("move it into an entry of the %s list (`- %s: ...` beneath `%s:`)", parent.name, prop, parent.name),
				unknownFix{}
		}
		return fmt.Sprintf("`%s` belongs under %s", prop, parent.name),
			fmt.Sprintf("indent it beneath `%s:`", parent.name), unknownFix{under: parent.name}
	}
	// A field of another kind only.
	var others []manifest.Kind
	for _, o := range pl.others {
		if hasProperty(o.there, prop) {
			others = append(others, o.kind)
		}
	}
	if len(others) > 0 {
		head = fmt.Sprintf("%s is not a field of %s", manifest.JoinPath(loc.path, prop), c.kind.Noun())
		if note := c.operationsNote(loc, prop); note != "" {
			return head, fmt.Sprintf("it belongs to %s. %s", kindsPhrase(others), note), unknownFix{}
		}
		return head, fmt.Sprintf("it belongs to %s: remove it%s", kindsPhrase(others), jobTypeTip(c.kind, others)), unknownFix{}
	}
	head = fmt.Sprintf("unknown field `%s` %s", prop, place(loc))
	if best, synonym := suggestKey(prop, pl.names); best != "" {
		// The indexed lookup (c.get): one per unknown key, never a scan.
		k, _ := c.get(loc.val, best)
		if k != nil {
			// The key it resembles is there already: naming it as the
			// likely meaning would send the user to write a duplicate.
			line := c.doc.Span(k).Line
			fix.present = k
			if synonym {
				return head, fmt.Sprintf("it is another name for %s, which is already on line %d: remove this one", best, line), fix
			}
			return head, fmt.Sprintf("it looks like `%s`, which is already on line %d: remove this one, or rename it to the field you meant", best, line), fix
		}
		if uniqueSuggestion(prop, best, pl.names.sorted) {
			fix.rename = best
		}
		switch {
		case synonym:
			return head, fmt.Sprintf("did you mean `%s`? That is the manifest's name for it", best), fix
		case manifest.FoldName(prop) == manifest.FoldName(best):
			return head, fmt.Sprintf("did you mean `%s`? Keys are case-sensitive", best), fix
		}
		return head, fmt.Sprintf("did you mean `%s`?", best), fix
	}
	// A common name of a field one mapping down (phone at the top level).
	for _, parent := range pl.parents {
		if parent.names.sorted == nil {
			continue
		}
		if best, synonym := suggestKey(prop, parent.names); best != "" && synonym {
			return head, fmt.Sprintf("did you mean `%s`? It is a %s field: indent it beneath `%s:`", best, parent.name, parent.name), unknownFix{}
		}
	}
	help = "remove it"
	if names := pl.names.sorted; len(names) > 0 && len(names) <= 12 {
		help += " (allowed here: " + strings.Join(names, ", ") + ")"
	}
	return head, help, unknownFix{}
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

// typeDetail is the headline and help of a value of the wrong YAML type.
func (c *checker) typeDetail(loc location, expected string) (head, help string) {
	name := lastKey(loc)
	what := found(loc.val)
	if loc.val.Kind == yaml.ScalarNode && loc.val.Value != "" && secret(loc) {
		what = "text"
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
			return fmt.Sprintf("%s is %s, not a mapping", loc.path, what),
				fmt.Sprintf("write each entry as `- %s: ...`, with %s indented beneath", req[0], rest)
		}
		return fmt.Sprintf("%s is %s, not a mapping", loc.path, what), fmt.Sprintf("indent %s beneath `%s:`", fields, name)
	case gojsonschema.TYPE_ARRAY:
		return fmt.Sprintf("%s is %s, not a list", loc.path, what),
			fmt.Sprintf("write each entry on its own line beneath `%s:`, starting with `- `", name)
	}
	if loc.key == nil && len(loc.segs) > 0 && loc.val.Kind != yaml.ScalarNode {
		return listEntryTextDetail(loc)
	}
	if ph := bracketPlaceholder(c.doc, loc.val); ph != "" && !secret(loc) {
		// AWS's templates: `[Your name]`. Never "write it without brackets".
		return fmt.Sprintf("%s is the template placeholder `%s`, never filled in", loc.path, ph),
			"replace it with the real value (square brackets make a YAML list)"
	}
	switch {
	case loc.val.Kind == yaml.SequenceNode && loc.val.Style&yaml.FlowStyle != 0:
		return fmt.Sprintf("%s is a list, not text", loc.path),
			"square brackets make a YAML list: write the value without brackets, or quote it"
	case loc.val.Kind == yaml.SequenceNode:
		return fmt.Sprintf("%s is a list, not text", loc.path), fmt.Sprintf("write the value on the same line as `%s:`", name)
	case loc.val.Kind == yaml.MappingNode && loc.val.Style&yaml.FlowStyle != 0:
		if ph := placeholder(loc.val); ph != "" {
			return fmt.Sprintf("%s is `{%s}`, an unfilled template placeholder", loc.path, ph),
				"replace it with the real value: braces make a YAML mapping (quote a value that starts with `{`)"
		}
		return fmt.Sprintf("%s is a mapping, not text", loc.path),
			"braces make a YAML mapping: write the value without braces, or quote it"
	case loc.val.Kind == yaml.MappingNode:
		return fmt.Sprintf("%s is a mapping, not text", loc.path),
			fmt.Sprintf("write the value on the same line as `%s:` (quote it if it holds `: `)", name)
	}
	return fmt.Sprintf("%s is %s, not text", loc.path, what), ""
}

// valueDetail is the headline and help of a value the schema refuses.
func (c *checker) valueDetail(loc location, kw keyword) (head, help string) {
	sub, def := schemaAt(c.sdoc, loc.segs)
	v := loc.val.Value
	switch kw {
	case kwConst:
		want := fmt.Sprint(sub["const"])
		got := found(loc.val)
		if loc.path == "manifestVersion" {
			if c.kind != manifest.EBSImport && c.kind != manifest.GlacierImport && v == manifest.EBSImport.Version() {
				return fmt.Sprintf("manifestVersion is %s, but %s needs `%s`", got, c.kind.Noun(), want),
					got + " is the version of EBS and Glacier import manifests. " + c.versionNote()
			}
			return fmt.Sprintf("manifestVersion is %s, but %s needs `%s`", got, c.kind.Noun(), want), ""
		}
		return fmt.Sprintf("%s is %s, but it must be `%s`", loc.path, got, want), ""
	case kwEnum:
		allowed := stringList(sub["enum"])
		if len(allowed) == 1 {
			return fmt.Sprintf("%s is %s, but it must be `%s`", loc.path, found(loc.val), allowed[0]), ""
		}
		head = fmt.Sprintf("%s is %s, not %s", loc.path, found(loc.val), joinList(allowed, "or"))
		if utf8.RuneCountInString(head) > headBudget {
			head = fmt.Sprintf("%s is %s, not an allowed value", loc.path, found(loc.val))
			help = "use one of " + strings.Join(allowed, ", ")
		}
		if best := closestValue(v, allowed); best != "" {
			if help != "" {
				return head, "did you mean `" + best + "`? Allowed: " + strings.Join(allowed, ", ")
			}
			return head, "did you mean `" + best + "`?"
		}
		return head, help
	case kwMinItems:
		return fmt.Sprintf("%s is an empty list", loc.path),
			fmt.Sprintf("give at least one entry beneath `%s:`, starting with `- `", lastKey(loc))
	case kwMaxItems:
		return fmt.Sprintf("%s has %d entries, but %s takes one", loc.path, len(loc.val.Content), c.kind.Noun()),
			fmt.Sprintf("keep one entry, and use one job per device (the device becomes one %s)", map[manifest.Kind]string{
				manifest.EBSImport: "snapshot", manifest.GlacierImport: "archive"}[c.kind])
	}
	h, want := shapes[def], message(sub, kw)
	bad, badRune := 0, rune(0)
	if cs := charsetOf(sub); cs != nil {
		bad, badRune = firstBad(cs, v)
	}
	if secret(loc) {
		return secretDetail(loc.path, v, bad, want)
	}
	head = loc.path + " is " + found(loc.val)
	switch {
	case bad > 0:
		head = fmt.Sprintf("%s %s has %s at character %d", loc.path, found(loc.val), showRune(badRune), bad)
	case h.count && utf8.RuneCountInString(v) > 28:
		head = fmt.Sprintf("%s has %d characters", loc.path, utf8.RuneCountInString(v))
	case h.count && v != "":
		head += fmt.Sprintf(" (%d characters)", utf8.RuneCountInString(v))
	case h.not != "" && v != "" && utf8.RuneCountInString(head)+2+len(h.not) <= headBudget:
		head += ", " + h.not
		if h.enough {
			return head, ""
		}
	}
	return head, want
}

// closestValue suggests the allowed value a user most likely meant by v:
// manifest.Closest's (letter case, separators, a typo or two), else the one
// allowed value that v begins, or that begins with v (`expedited` for
// expeditedShipping); "" for none.
func closestValue(v string, allowed []string) string {
	if best := manifest.Closest(v, allowed); best != "" {
		return best
	}
	fv := manifest.FoldName(v)
	if len(fv) < 3 {
		return ""
	}
	best := ""
	for _, a := range allowed {
		fa := manifest.FoldName(a)
		if strings.HasPrefix(fa, fv) || strings.HasPrefix(fv, fa) && len(fa) >= 3 {
			if best != "" {
				return "" // two: a guess
			}
			best = a
		}
	}
	return best
}

// keySynonyms maps common wrong names of fields (folded by manifest.FoldName) to the
// fields they most likely mean, tried in order: the first one the place
// allows is suggested. Names equal but for case, '_' or '-', and near typos,
// are left to closest. Built on first use (keySynonyms): only a manifest
// with an unknown key needs it.
var (
	keySynonymsOnce sync.Once
	keySynonymsMap  map[string][]string
)

// keySynonyms returns the synonyms map, built once.
func keySynonyms() map[string][]string {
	keySynonymsOnce.Do(func() {
		keySynonymsMap = keySynonymTable()
		// The secret fields' common names are manifest's, which masks their values.
		for name, field := range manifest.SecretSynonyms() {
			keySynonymsMap[name] = []string{field}
		}
	})
	return keySynonymsMap
}

func keySynonymTable() map[string][]string {
	return map[string][]string{
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
		"erase": {"eraseDevice"}, "filesystemtype": {"fileSystem"}, "fs": {"fileSystem"},
		// operations entries
		"bucket": {"exportBucket"}, "vault": {"vaultName"}, "comment": {"archiveComment"},
	}
}

// suggestKey suggests the key a user most likely meant by prop among the
// keys a place allows: one equal but for case, '_' and '-', else a common
// synonym (synonym is then true), else the nearest by closest.
func suggestKey(prop string, names keyNames) (best string, synonym bool) {
	n := manifest.FoldName(prop)
	if c, ok := names.folded[n]; ok {
		return c, false
	}
	for _, want := range keySynonyms()[n] {
		if slices.Contains(names.sorted, want) {
			return want, true
		}
	}
	return names.near.Closest(prop), false
}

// listEntryTextDetail: a mapping or list where a list of text wants a text
// entry (ignore: [{pattern: bak}]).
func listEntryTextDetail(loc location) (head, help string) {
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
	why := ""
	switch {
	case loc.val.Style&yaml.FlowStyle != 0 && loc.val.Kind == yaml.MappingNode:
		why = ", and braces make a YAML mapping"
	case loc.val.Style&yaml.FlowStyle != 0 && loc.val.Kind == yaml.SequenceNode:
		why = ", and square brackets make a YAML list"
	}
	return fmt.Sprintf("%s is %s, not text", loc.path, manifest.KindName(loc.val)),
		fmt.Sprintf("each entry of %s is text%s: write each %s as a quoted string list item, e.g. `- '%s'`",
			parent, why, noun, strings.ReplaceAll(example, "'", "''"))
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
