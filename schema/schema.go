// Package schema holds the JSON Schemas (draft-07) of the four manifest
// kinds, embedded in the binary, and checks a parsed manifest against them,
// mapping each schema error to the service's code (spec §5) and to the
// position of the yaml.Node at fault.
//
// The schemas say what a schema can say (spec §4): the fields each kind
// allows and requires unconditionally, that every field is text unless it is
// a mapping or a list, enums, patterns and lengths, and that no mapping has
// keys of its own. Conditional requirements (customs by region, a password
// or PIN for exports, state and postal code by country, a classification when
// the data is encrypted), country names, e-mail lists, DNS-style bucket names,
// `eraseDevice: no`, Java regular expressions and dates are rules of the rules
// package: they would need anyOf/oneOf/if-then, whose errors cannot be
// pinned to one position.
//
// Where the spec is silent, the Decisions of the four schema rules say what
// the schemas chose.
package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/xeipuuv/gojsonschema"
	"go.yaml.in/yaml/v3"
)

// Rule ids of schema findings.
const (
	// RuleRequiredField: a field the kind requires is absent.
	RuleRequiredField = "required-field"
	// RuleUnknownField: a key the kind does not know at that place.
	RuleUnknownField = "unknown-field"
	// RuleInvalidType: a mapping or list where text belongs, or the reverse.
	RuleInvalidType = "invalid-type"
	// RuleInvalidValue: a value outside its enum, pattern, length or
	// version, or a list of the wrong length.
	RuleInvalidValue = "invalid-value"
)

var invalidCodes = []manifest.Code{manifest.InvalidManifestField, manifest.InvalidAddress,
	manifest.InvalidCustoms, manifest.InvalidFileSystem, manifest.InvalidAccessKeyID}

// s3ImportWithout is a complete S3 import manifest but for deviceId, the
// example of required-field.
const s3ImportWithout = "manifestVersion: 2.0\nbucket: my-bucket\neraseDevice: yes\nnotificationEmail: ops@example.com\n" +
	"returnAddress:\n  name: Jane Doe\n  street1: 123 Any Street\n  city: Seattle\n  stateOrProvince: WA\n" +
	"  postalCode: 98101\n  phoneNumber: 206-555-1000\n  country: USA"

// The rules of schema findings.
var (
	requiredFieldRule = &manifest.Descriptor{ID: RuleRequiredField, Severity: manifest.Error,
		Fix: "When a key typed wrongly stands for the missing field (`bukcet`, `erase_device`, `EraseDevice`), renames it (safe): the typo and the absence are one finding, at the typo, which `unknown-field` silences too.",
		Fixes: []manifest.FixCase{
			{Finding: "a required field missing while a key typed wrongly for it is there (`Missing: eraseDevice, probably written as erase_device`: one finding, at the typo)", Does: "renames the typo to the field", Applicability: manifest.Safe},
		},
		Codes: []manifest.Code{manifest.MissingManifestField, manifest.MissingCustoms},
		Doc:   "A field the job kind always requires is absent (top level, returnAddress, customs or an operations entry).",
		Example: manifest.Example{Lang: "yaml",
			Note:   "an S3 import with every other required field",
			Before: s3ImportWithout,
			After:  "deviceId: 49382\n" + s3ImportWithout,
		}}
	unknownFieldRule = &manifest.Descriptor{ID: RuleUnknownField, Severity: manifest.Error,
		Fix: "Renames a key that is a typo or another spelling of exactly one known key (`logbucket` becomes `logBucket`), or indents returnAddress fields left at the top level beneath `returnAddress:` (safe).",
		Fixes: []manifest.FixCase{
			{Finding: "an unknown key with one close known key at that place, which the mapping does not have yet: another letter case or separators (`erase_device`, `erasedevice`, `exportbucket`), one or two typos with no tie (`stateOrProvence`), a known synonym (`zip`, `zipCode` → `postalCode`)", Does: "rename the key", Applicability: manifest.Safe},
			{Finding: "fields of a mapping left at the level above, in one run right beneath it (AWS's own CLI example: the address fields under an empty `returnAddress:`)", Does: "indent the run beneath the mapping (its fields' indent, or 4 spaces)", Applicability: manifest.Safe},
		},
		Codes: []manifest.Code{manifest.InvalidManifestField, manifest.InvalidAddress, manifest.InvalidCustoms, manifest.InvalidFileSystem},
		Doc:   "A key that the job kind does not know at that place: a typo, a field of another kind, or a returnAddress field left at the top level. A typo of a required key that is absent is that key's required-field finding instead (one fault, one finding).",
		Decisions: []string{
			"An unknown key takes its code from the family of the place it sits in (spec §5): a stray top-level `fileSystem` in an import is InvalidManifestFieldException, an unknown key under returnAddress is InvalidAddressException, under customs InvalidCustomsException.",
		},
		Example: manifest.Example{Lang: "yaml",
			Note:   "keys are case-sensitive",
			Before: "bucket: my-bucket\nlogbucket: my-logs",
			After:  "bucket: my-bucket\nlogBucket: my-logs",
		}}
	invalidTypeRule = &manifest.Descriptor{ID: RuleInvalidType, Severity: manifest.Error, Codes: invalidCodes,
		Doc: "A mapping or list where text belongs, or text (or nothing) where a mapping or list belongs.",
		Decisions: []string{
			"An empty mapping or list field (`customs:`, `ignore:`) is of the wrong type: remove the key or give it entries.",
			"Every value is text, as the service read it: `deviceId: 49382` is the text 49382, not a number of the wrong type (the schema `manifestlint schema` prints for editors, which type YAML scalars themselves, lets a number stand wherever text does).",
		},
		Example: manifest.Example{Lang: "yaml",
			Before: "bucket: my-bucket\ngenerator:\n  name: AWS Import/Export Tool",
			After:  "bucket: my-bucket\ngenerator: AWS Import/Export Tool",
		}}
	invalidValueRule = &manifest.Descriptor{ID: RuleInvalidValue, Severity: manifest.Error, Codes: invalidCodes,
		Fix: "Writes the allowed value that a value spells in another letter case or form (`ntfs` becomes `NTFS`, `true` becomes `yes`, `2.0.` becomes `2.0`) (safe); writes the one nearest allowed value of a misspelt one (unsafe: a guess).",
		Fixes: []manifest.FixCase{
			{Finding: "a value of a fixed list in another letter case or with other separators (`fileSystem: ntfs`, `acl: PRIVATE`, `storageClass: standard`, `region: US-EAST-1`)", Does: "the allowed value", Applicability: manifest.Safe},
			{Finding: "a value one or two typos from exactly one allowed value (`expeditedShiping`)", Does: "that value", Applicability: manifest.Unsafe, Why: "a guess"},
			{Finding: "`manifestVersion: 2.0;` (stray punctuation after the version)", Does: "`2.0`", Applicability: manifest.Safe},
			{Finding: "a yes/no field written with one of YAML 1.1's other words (`true`, `False`, `on`, `off`, `y`, `n`)", Does: "`yes` or `no`", Applicability: manifest.Safe, Why: "but `eraseDevice`, below"},
		},
		Doc: "A value outside its allowed values, pattern or length, the wrong manifestVersion for the kind, or an operations list of the wrong length.",
		Decisions: []string{
			"archiveComment is required, so it must be non-empty (1 to 997 characters); required texts are non-empty everywhere.",
			"prefix is at most 1024 characters; the 1024-byte limit for multi-byte text, like logPrefix's length rule, is left to a rule.",
			"encryptionClassification's optional suffix is `.` then letters, digits and dots (`5A002.a.1`); deviceValue allows leading zeros but not 0.",
			"The values of trueCryptPassword and pinCode are secrets: no message shows them (CI logs are public); messages give their length and the position of a character that is not allowed instead.",
		},
		Example: manifest.Example{Lang: "yaml",
			Before: "bucket: my-bucket\nstorageClass: GLACIER",
			After:  "bucket: my-bucket\nstorageClass: STANDARD",
		}}
)

// Rules are the rules of schema findings, for the registry.
var Rules = []*manifest.Descriptor{requiredFieldRule, unknownFieldRule, invalidTypeRule, invalidValueRule}

// kindSchema is the schema of one kind, bundled and compiled lazily, each at
// most once per process: `manifestlint --version` pays for neither.
type kindSchema struct {
	kind manifest.Kind

	bundleOnce sync.Once
	src        []byte
	doc        map[string]any // src decoded, to look up properties, enums, hints
	bundleErr  error

	compileOnce sync.Once
	compiled    *gojsonschema.Schema // gojsonschemaDoc
	compileErr  error

	refOnce sync.Once
	ref     *gojsonschema.Schema // the bundled schema as it is
	refErr  error

	quickOnce sync.Once
	quick     *quick // nil when the schema uses a keyword quick does not know

	// places caches, across files, the keyPlace of each place of the schema
	// an unknown key was found in (keyPlaceAt); placeCount bounds it.
	places     sync.Map
	placeCount atomic.Int64
}

// quickSchema returns the kind's quick validator, compiled once, or nil.
// It is compiled from quickDoc, the bundled schema without its annotations
// as Go values (bundled_quick.go, generated from bundled/ by go
// generate): decoding the bundled JSON was a one-file run's largest step
// after parsing, and a manifest that passes needs nothing else of it.
func (ks *kindSchema) quickSchema() *quick {
	ks.quickOnce.Do(func() {
		if doc := quickDoc(ks.kind); doc != nil {
			ks.quick = compileQuick(doc)
		}
	})
	return ks.quick
}

// bundledFiles holds each kind's self-contained schema, generated from the
// split sources in json/ (defs.json and one file per kind, which are what
// is edited) by `go generate ./schema`; TestBundledUpToDate fails when they
// are stale. Bundling at build time spares the first manifest of a kind
// the JSON work.
//
//go:generate go test . -run TestBundledUpToDate -update-bundles
//go:embed bundled/*.json
var bundledFiles embed.FS

var kindSchemas = func() map[manifest.Kind]*kindSchema {
	m := make(map[manifest.Kind]*kindSchema, len(manifest.Kinds))
	for _, k := range manifest.Kinds {
		m[k] = &kindSchema{kind: k}
	}
	return m
}()

func (ks *kindSchema) bundled() ([]byte, map[string]any, error) {
	ks.bundleOnce.Do(func() {
		ks.src, ks.bundleErr = bundledFiles.ReadFile("bundled/" + string(ks.kind) + ".json")
		if ks.bundleErr == nil {
			ks.bundleErr = json.Unmarshal(ks.src, &ks.doc)
		}
	})
	return ks.src, ks.doc, ks.bundleErr
}

// schema returns the kind's schema as checkPruned gives gojsonschema
// pruned values: gojsonschemaDoc, without what prune checks.
func (ks *kindSchema) schema() (*gojsonschema.Schema, error) {
	ks.compileOnce.Do(func() {
		if _, _, err := ks.bundled(); err != nil { // the findings read its doc
			ks.compileErr = err
			return
		}
		doc := gojsonschemaDoc(ks.kind)
		ks.compiled, ks.compileErr = gojsonschema.NewSchema(docLoader{JSONLoader: gojsonschema.NewGoLoader(nil), doc: doc})
	})
	return ks.compiled, ks.compileErr
}

// reference returns the kind's bundled schema compiled as it is, for a
// kind quick cannot read and for the checks that compare with
// gojsonschema's own findings (TestPruneAgrees).
func (ks *kindSchema) reference() (*gojsonschema.Schema, error) {
	ks.refOnce.Do(func() {
		src, _, err := ks.bundled()
		if err != nil {
			ks.refErr = err
			return
		}
		ks.ref, ks.refErr = gojsonschema.NewSchema(gojsonschema.NewBytesLoader(src))
	})
	return ks.ref, ks.refErr
}

// must returns the kind's compiled schema (the reference one when
// reference is set) and decoded document. The schemas are embedded and
// tested, so a failure is a build defect: panic.
func (ks *kindSchema) must(reference bool) (*gojsonschema.Schema, map[string]any) {
	get := ks.schema
	if reference {
		get = ks.reference
	}
	s, err := get()
	if err != nil {
		panic(fmt.Sprintf("schema %s: %v", ks.kind, err))
	}
	return s, ks.doc
}

// Source returns the self-contained draft-07 JSON Schema of kind (no
// external $ref), as `manifestlint schema` prints it and as editors
// (yaml-language-server) and ajv-cli use it; nil for an unknown kind. The
// caller owns the returned slice.
func Source(kind manifest.Kind) []byte {
	ks := kindSchemas[kind]
	if ks == nil {
		return nil
	}
	src, _, err := ks.bundled()
	if err != nil {
		panic(fmt.Sprintf("schema %s: %v", kind, err))
	}
	return editorFlavor(src)
}

// Editors (yaml-language-server) and ajv-cli type unquoted YAML scalars
// themselves: `manifestVersion: 2.0`, `deviceId: 49382` and
// `postalCode: 98101` are numbers to them, while the service, and
// manifestlint, read every value as text. So the schema Source prints lets a
// number stand wherever text does: `"type": "string"` becomes
// `["string", "number"]` (pattern and length keywords apply to strings
// only), and a numeric const such as manifestVersion's "2.0" also accepts
// the number. Booleans stay refused: `eraseDevice: true` is wrong anyway.
//
// An editor completes only an enum's values, so the closed yes/no sets,
// which the strict schema states as a pattern (the service accepts any
// letter case), become enums of every spelling, the common ones first; and
// a field the service requires to be yes (mustBeYes, as the erase-device
// rule checks) gets the spellings of yes only. manifestlint's own checks
// use the strict schema, whose messages manifestlint words itself.
//
// A snippet's `${N|enum|}` becomes the field's values (fillSnippetChoices).
//
// yaml-language-server reads `2.0` and `2` as the same number, so an editor
// cannot refuse `manifestVersion: 2` without refusing the valid, unquoted
// `manifestVersion: 2.0`; manifestlint does refuse it.
func editorFlavor(src []byte) []byte {
	var doc yaml.Node // JSON is YAML: the node tree keeps the key order
	if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) != 1 {
		panic(fmt.Sprintf("schema: bundled schema does not decode: %v", err))
	}
	editorNode(doc.Content[0], "")
	fillSnippetChoices(doc.Content[0], manifest.Value(doc.Content[0], "definitions"))
	var out bytes.Buffer
	writeJSON(&out, doc.Content[0])
	var indented bytes.Buffer
	if err := json.Indent(&indented, out.Bytes(), "", "  "); err != nil {
		panic(fmt.Sprintf("schema: editor schema is not JSON: %v", err))
	}
	indented.WriteByte('\n')
	// Lists of scalars on one line, as a person writes them, when short.
	return scalarList().ReplaceAllFunc(indented.Bytes(), func(m []byte) []byte {
		items := scalarItem().FindAll(m, -1)
		line := append([]byte("["), bytes.Join(items, []byte(", "))...)
		line = append(line, ']')
		if len(line) > 80 {
			return m
		}
		return line
	})
}

var (
	scalarItem = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"(?:[^"\\]|\\.)*"|-?[0-9][0-9.]*`) })
	scalarList = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\[\n(?:[ ]+(?:"(?:[^"\\]|\\.)*"|-?[0-9][0-9.]*),?\n)+[ ]*\]`)
	})
)

// yesNoPattern is the strict schema's yes/no pattern (the yesno definition),
// written so that RE2 (gojsonschema) and ECMAScript (ajv,
// yaml-language-server) read it alike: ECMAScript refuses `(?i)`.
const yesNoPattern = "^([Yy][Ee][Ss]|[Nn][Oo])$"

// mustBeYes are the fields whose only accepted value is yes.
var mustBeYes = map[string]bool{"eraseDevice": true}

// yesSpellings are every spelling of yes, the common ones first, and
// yesNoSpellings every spelling of yes and no; only Source (the editor
// schema) needs them, so they are made on first use.
var (
	yesSpellings   = sync.OnceValue(func() []string { return letterCases("yes") })
	yesNoSpellings = sync.OnceValue(func() []string {
		return append(append([]string{"yes", "no", "Yes", "No", "YES", "NO"},
			yesSpellings()[3:]...), letterCases("no")[3:]...)
	})
)

// editorNode applies the editor flavor to one schema object; prop is the
// name of the property it describes, if any.
func editorNode(n *yaml.Node, prop string) {
	switch n.Kind {
	case yaml.SequenceNode:
		for _, c := range n.Content {
			editorNode(c, "")
		}
		return
	case yaml.MappingNode:
	default:
		return
	}
	if mustBeYes[prop] {
		// {"description", "$ref": yesno, "examples"}: the reference gives way
		// to the yes-only enum.
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "$ref" {
				n.Content = append(n.Content[:i:i], append([]*yaml.Node{
					strNode("type"), strNode("string"),
					strNode("enum"), strSeq(yesSpellings()),
					strNode("errorMessage"), strNode("Write yes: " + manifest.EraseDeviceWhy + "."),
				}, n.Content[i+2:]...)...)
				break
			}
		}
	}
	yesno := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		yesno = yesno || n.Content[i].Value == "pattern" && n.Content[i+1].Value == yesNoPattern
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch {
		case yesno && k.Value == "patternErrorMessage":
			k.Value = "errorMessage" // the message of the enum the pattern becomes
		case k.Value == "type" && v.Kind == yaml.ScalarNode && v.Value == "string":
			n.Content[i+1] = strSeq([]string{"string"})
			n.Content[i+1].Content = append(n.Content[i+1].Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "number"})
		case k.Value == "const" && v.Kind == yaml.ScalarNode && numericText().MatchString(v.Value):
			k.Value = "enum"
			n.Content[i+1] = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{
				strNode(v.Value), {Kind: yaml.ScalarNode, Tag: "!!float", Value: v.Value}}}
		case k.Value == "pattern" && v.Value == yesNoPattern:
			k.Value = "enum"
			n.Content[i+1] = strSeq(yesNoSpellings())
		case k.Value == "properties":
			for j := 0; j+1 < len(v.Content); j += 2 {
				editorNode(v.Content[j+1], v.Content[j].Value)
			}
		case k.Value == "definitions":
			for j := 0; j+1 < len(v.Content); j += 2 {
				editorNode(v.Content[j+1], "")
			}
		case k.Value == "items" || k.Value == "additionalProperties":
			editorNode(v, "")
		}
	}
}

var numericText = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`) })

func strNode(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func strSeq(values []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, v := range values {
		n.Content = append(n.Content, strNode(v))
	}
	return n
}

// letterCases returns every letter-case spelling of a lower-case word: the
// word, its capitalized and upper-case forms first.
func letterCases(word string) []string {
	out := []string{word, strings.ToUpper(word[:1]) + word[1:], strings.ToUpper(word)}
	for mask := 0; mask < 1<<len(word); mask++ {
		b := []byte(word)
		for i := range b {
			if mask&(1<<i) != 0 {
				b[i] -= 'a' - 'A'
			}
		}
		if !slices.Contains(out, string(b)) {
			out = append(out, string(b))
		}
	}
	return out
}

// writeJSON writes a node tree decoded from JSON back as compact JSON, in
// its key order.
func writeJSON(w *bytes.Buffer, n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		w.WriteByte('{')
		for i := 0; i+1 < len(n.Content); i += 2 {
			if i > 0 {
				w.WriteByte(',')
			}
			writeString(w, n.Content[i].Value)
			w.WriteByte(':')
			writeJSON(w, n.Content[i+1])
		}
		w.WriteByte('}')
	case yaml.SequenceNode:
		w.WriteByte('[')
		for i, c := range n.Content {
			if i > 0 {
				w.WriteByte(',')
			}
			writeJSON(w, c)
		}
		w.WriteByte(']')
	default:
		switch n.Tag {
		case "!!int", "!!float", "!!bool", "!!null":
			w.WriteString(n.Value)
		default:
			writeString(w, n.Value)
		}
	}
}

// writeString writes s as a JSON string, leaving <, > and & as they are.
func writeString(w *bytes.Buffer, s string) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	w.Truncate(w.Len() - 1) // Encode's newline
}

// valueLoader hands gojsonschema the Go value built from the yaml.Node tree
// directly: gojsonschema's own Go loader would marshal it to JSON text and
// decode it again. The value holds only strings, []any and map[string]any,
// which the validator reads as they are.
type valueLoader struct {
	gojsonschema.JSONLoader
	value any
}

func (l valueLoader) LoadJSON() (any, error) { return l.value, nil }

// toValue builds the plain value of n: every scalar is its text (an empty
// value is ""), mappings are map[string]any and sequences []any.
func toValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = toValue(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			s[i] = toValue(c)
		}
		return s
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return toValue(n.Content[0])
		}
		return ""
	case yaml.AliasNode:
		if n.Alias != nil {
			return toValue(n.Alias)
		}
	}
	return n.Value
}

// CheckLimit validates doc, which must have a Root, against the schema of
// kind and returns one finding per (path, code), in no particular order. It
// builds the unknown-field findings of at most limit keys, the first in
// document order, and returns the keys past them as Omitted (limit 0: no
// limit). The other findings are always built.
func CheckLimit(doc *manifest.Document, kind manifest.Kind, limit int) ([]manifest.Finding, []manifest.Omitted) {
	return checkPruned(doc, kind, limit, true)
}

// checkPruned is CheckLimit; without prune, gojsonschema sees every key and
// reports the unknown ones itself (TestPruneAgrees compares the two).
func checkPruned(doc *manifest.Document, kind manifest.Kind, limit int, prune bool) ([]manifest.Finding, []manifest.Omitted) {
	ks := kindSchemas[kind]
	if ks == nil || doc == nil || doc.Root == nil {
		return nil, nil
	}
	q := ks.quickSchema()
	if q != nil && q.valid(doc.Root) {
		return nil, nil // passes: gojsonschema would find nothing (see quick)
	}
	// Unknown keys, missing required keys and strings that do not match a
	// set pattern are found here, not by gojsonschema, which would build
	// an error (a map, a context and a description formatted through
	// text/template) for each of them: the unknown keys are left out of
	// the value it validates, and the schema it is given has no required
	// and no set pattern (gojsonschemaDoc), which changes none of its
	// other errors (see prune). Without quick, or without prune,
	// gojsonschema validates the whole value against the whole schema.
	pruned := q != nil && prune
	s, sdoc := ks.must(!pruned)
	var value any
	var pr pruning
	if pruned {
		value = q.prune(doc.Root, []string{gojsonschema.STRING_CONTEXT_ROOT}, &pr)
	} else {
		value = toValue(doc.Root)
	}
	res, err := s.Validate(valueLoader{JSONLoader: gojsonschema.NewGoLoader(nil), value: value})
	if err != nil {
		return nil, nil
	}
	c := checker{kind: kind, doc: doc, root: doc.Root, sdoc: sdoc}
	type key struct {
		path string
		code manifest.Code
	}
	// One finding per (path, code), of the error whose keyword ranks
	// first: at is its index in out (not a copy of it, which would double
	// the findings of a file of 100,000 unknown keys), ranks its keyword.
	// gojsonschema reports a keyword once per place, so ranks never tie.
	var out []manifest.Finding
	var ranks []keyword
	at := map[key]int{}
	add := func(f manifest.Finding, rank keyword) {
		k := key{f.Path, f.Code}
		if j, seen := at[k]; seen {
			if rank < ranks[j] {
				out[j], ranks[j] = f, rank
			}
			return
		}
		at[k] = len(out)
		out = append(out, f)
		ranks = append(ranks, rank)
	}
	if !res.Valid() {
		errs := res.Errors()
		res = nil
		out = make([]manifest.Finding, 0, len(errs))
		for i, e := range errs {
			// Each error is dropped once mapped: on a file of 100,000
			// unknown keys gojsonschema's errors (a map, a context and a
			// formatted description each) outweighed the findings made of
			// them.
			errs[i] = nil
			rank := keywordOf(e)
			if f, ok := c.finding(e, rank); ok {
				add(f, rank)
			}
		}
	}
	for _, r := range pr.missing {
		if f, ok := c.findingAt(r.context, r.prop, "", kwRequired); ok {
			add(f, kwRequired)
		}
	}
	for _, ctx := range pr.mismatched {
		if f, ok := c.findingAt(ctx, "", "", kwPattern); ok {
			add(f, kwPattern)
		}
	}
	var omitted []manifest.Omitted
	built := 0
	for _, u := range pr.unknown {
		loc, ok := c.locate(u.context)
		if !ok {
			continue
		}
		var of *manifest.OmittedOf
		for _, k := range u.keys {
			if limit <= 0 || built < limit {
				if f, ok := c.unknownKey(loc, k.Value); ok {
					add(f, kwAdditional)
					built++
				}
				continue
			}
			if c.mergedNearMiss(loc, k.Value, k) {
				continue
			}
			if of == nil {
				_, invalid := manifest.Family(loc.path)
				of = &manifest.OmittedOf{Rule: RuleUnknownField, Code: invalid, Severity: unknownFieldRule.Severity, Parent: loc.path}
			}
			at := c.doc.Span(k)
			omitted = append(omitted, manifest.Omitted{Line: int32(at.Line), Column: int32(at.Column), Of: of, Key: k})
		}
	}
	manifest.Sort(out)
	return out, omitted
}

// unknownKeys are the keys of one mapping that its schema does not allow
// (additionalProperties: false), in document order, and the mapping's
// gojsonschema context ("(root)\x00returnAddress").
type unknownKeys struct {
	context string
	keys    []*yaml.Node
}

// pruning is what prune found instead of gojsonschema.
type pruning struct {
	// unknown are the keys the schema does not allow, by mapping.
	unknown []unknownKeys
	// missing are the required keys absent from a mapping gojsonschema
	// would have checked them in, in document order.
	missing []missingKey
	// mismatched are the contexts of the strings that do not match a
	// set pattern gojsonschema is not given (gojsonschemaDoc), where it
	// would report does_not_match_pattern.
	mismatched []string
}

// missingKey is a required key prop absent from the mapping at context
// ("(root)\x00returnAddress"), where gojsonschema, given the required
// keyword, would report it.
type missingKey struct {
	context string
	prop    string
}

// checkRequired lists in pr.missing the keys q requires that the mapping
// n, at the context segs, lacks: what gojsonschema's required keyword
// reports there.
func (pr *pruning) checkRequired(q *quick, n *yaml.Node, segs []string) {
	for _, r := range q.required {
		if k, _ := getKey(n, r); k == nil {
			pr.missing = append(pr.missing, missingKey{context: strings.Join(segs, "\x00"), prop: r})
		}
	}
}

// check finds, in n, a value gojsonschema is given whole, and in every
// value in it that gojsonschema reaches (a document with a duplicate key
// has no Root and is not checked), what gojsonschema would report
// through the keywords gojsonschemaDoc leaves out: a missing required key
// of a mapping (checkRequired), a string that does not match a set
// pattern. It reaches a value whose type q allows, through properties,
// additionalProperties and items.
func (pr *pruning) check(q *quick, n *yaml.Node, segs []string) {
	if q == nil || !q.hasType(n) {
		return
	}
	switch n.Kind {
	case yaml.MappingNode:
		pr.checkRequired(q, n, segs)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p, known := q.props[k.Value]
			if !known {
				p = q.extra
			}
			pr.check(p, v, append(segs, k.Value))
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			pr.check(q.items, c, append(segs, strconv.Itoa(i)))
		}
	case yaml.ScalarNode:
		if q.pattern != nil && q.pattern.class != nil && !q.pattern.matchString(n.Value) {
			pr.mismatched = append(pr.mismatched, strings.Join(segs, "\x00"))
		}
	}
}

// prune is toValue without the keys q does not allow, which it lists in
// pr.unknown: gojsonschema would report each of them (and only them) as
// additional_property_not_allowed. Only a key that no keyword but
// additionalProperties: false reads is left out: one that properties or
// required names stays, and so does every key of a mapping whose schema
// has an enum (which compares the whole value) or the wrong type (whose
// keys gojsonschema does not read one by one). segs is n's context, a
// stack the calls push to and nothing keeps.
//
// The schema gojsonschema is given has no required and no set pattern
// (gojsonschemaDoc): prune lists in pr.missing the required keys absent
// from each mapping gojsonschema reaches (checkRequired), and in
// pr.mismatched the strings there that do not match a set pattern
// (check), which are what those keywords report; and it leaves out
// every value that passes its schema
// (quick.valid), where gojsonschema would find no error; a list keeps
// its length, with a passing entry cut down to a passing value
// (minimal). gojsonschema then validates the fields at fault, not the
// whole manifest. That changes none of its other errors: no keyword the
// schemas use reads more of a mapping than properties,
// additionalProperties and required do, or more of a list than items,
// minItems and maxItems (quick knows every keyword they use), and the
// errors are mapped to findings through the tree, never through the value.
func (q *quick) prune(n *yaml.Node, segs []string, pr *pruning) any {
	if q == nil || !q.hasType(n) || q.hasEnum || n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode {
		pr.check(q, n, segs)
		return toValue(n)
	}
	if n.Kind == yaml.SequenceNode {
		s := make([]any, len(n.Content))
		for i, c := range n.Content {
			if q.items != nil && q.items.valid(c) {
				s[i] = q.items.minimal(c)
				continue
			}
			s[i] = q.items.prune(c, append(segs, strconv.Itoa(i)), pr)
		}
		return s
	}
	pr.checkRequired(q, n, segs)
	// Sized for the keys kept: a few at fault.
	m := make(map[string]any, min(len(n.Content)/2, 4))
	u := -1 // n's entry in unknown
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		p, known := q.props[k.Value]
		switch {
		case known:
		case q.extra != nil:
			p = q.extra
		case !q.noExtra:
			continue // any value is allowed
		case !slices.Contains(q.required, k.Value):
			if u < 0 {
				u = len(pr.unknown)
				pr.unknown = append(pr.unknown, unknownKeys{context: strings.Join(segs, "\x00")})
			}
			pr.unknown[u].keys = append(pr.unknown[u].keys, k)
			continue
		}
		// p is nil for a required key no schema allows, kept whole
		// for gojsonschema to report.
		if p != nil && p.valid(v) {
			continue
		}
		m[k.Value] = p.prune(v, append(segs, k.Value), pr)
	}
	return m
}

// minimal is a small value that passes q, in gojsonschemaDoc's schema
// without required, made of n, which passes q: an empty mapping, a list
// of its first minItems entries, each made minimal in turn; a scalar, and
// a value q compares whole (enum), stay as they are.
func (q *quick) minimal(n *yaml.Node) any {
	if q == nil || q.hasEnum {
		return toValue(n)
	}
	switch n.Kind {
	case yaml.MappingNode:
		return map[string]any{}
	case yaml.SequenceNode:
		s := make([]any, min(max(q.minItems, 0), len(n.Content)))
		for i := range s {
			s[i] = q.items.minimal(n.Content[i])
		}
		return s
	}
	return toValue(n)
}

// nearMissFinding is the one finding of a required key prop, absent at
// loc, and the key k typed for it (`bukcet: my-bucket` for bucket): the
// missing code at k, with the rename as its fix when prop is the one
// nearest known key (safe), and unknown-field as its second rule id.
func (c *checker) nearMissFinding(missing manifest.Code, path, prop string, k *yaml.Node, loc location) manifest.Finding {
	f := requiredFieldRule.Errorf(missing, c.doc.Span(k), path,
		fmt.Sprintf("%s is missing, written as `%s`?", path, k.Value)).
		WithHelp(fmt.Sprintf("rename `%s` to `%s`: %s is required here and `%s` is not a field (keys are case-sensitive)",
			k.Value, prop, prop, k.Value))
	f.AlsoRule = RuleUnknownField
	if k.Kind == yaml.ScalarNode && uniqueSuggestion(k.Value, prop, c.keyPlaceAt(loc.segs).names.sorted) {
		sp := c.doc.Span(k)
		f.Fix = manifest.ReplaceFix("Rename `"+k.Value+"` to `"+prop+"`", manifest.Safe, sp.Start, sp.End, manifest.ScalarAs(k, prop))
	}
	return f
}

// mergedNearMiss reports whether the unknown key k (named prop) of the
// mapping at loc is the typo of a required key that is absent there: then
// the required key's finding reports it (nearMissFinding), and the key
// gets no unknown-field finding of its own. An unknown key whose close key
// is optional, present, or none stays unknown.
func (c *checker) mergedNearMiss(loc location, prop string, k *yaml.Node) bool {
	if k.Kind != yaml.ScalarNode {
		return false
	}
	here, _ := schemaAt(c.sdoc, loc.segs)
	best, _ := suggestKey(prop, c.keyPlaceAt(loc.segs).names)
	if best == "" || !slices.Contains(stringList(here["required"]), best) {
		return false
	}
	if present, _ := c.get(loc.val, best); present != nil {
		return false
	}
	return c.nearMiss(loc, best) == k
}

// keyword is the schema keyword a gojsonschema error reports, read from
// the error's type; the order ranks errors on one (path, code) by how
// useful their message is: lower wins. quick.go knows every keyword the
// schemas use, so kwOther is never reached by the bundled schemas.
type keyword int

const (
	kwType keyword = iota
	kwRequired
	kwAdditional
	kwConst
	kwEnum
	kwPattern
	kwMinLength
	kwMaxLength
	kwMinItems
	kwMaxItems
	kwOther
)

// keywordOf is the keyword e reports.
func keywordOf(e gojsonschema.ResultError) keyword {
	switch e.(type) {
	case *gojsonschema.InvalidTypeError:
		return kwType
	case *gojsonschema.RequiredError:
		return kwRequired
	case *gojsonschema.AdditionalPropertyNotAllowedError:
		return kwAdditional
	case *gojsonschema.ConstError:
		return kwConst
	case *gojsonschema.EnumError:
		return kwEnum
	case *gojsonschema.DoesNotMatchPatternError:
		return kwPattern
	case *gojsonschema.StringLengthGTEError:
		return kwMinLength
	case *gojsonschema.StringLengthLTEError:
		return kwMaxLength
	case *gojsonschema.ArrayMinItemsError:
		return kwMinItems
	case *gojsonschema.ArrayMaxItemsError:
		return kwMaxItems
	}
	return kwOther
}

// checker maps gojsonschema errors of one manifest to findings.
type checker struct {
	kind manifest.Kind
	doc  *manifest.Document
	root *yaml.Node
	sdoc map[string]any
	// keys indexes the keys of large mappings (get): one error per key of
	// a 100,000-key mapping must not scan the mapping each time.
	keys map[*yaml.Node]map[string]int
	// places caches unknownDetail's view of each place (keyPlaceAt).
	places map[string]*keyPlace
	// evidence caches destinations, which reads every operations entry.
	evidence *destinationEvidence
	// nearMisses caches, per mapping, the misspelt key each known key is
	// most likely written as (nearMiss).
	nearMisses map[*yaml.Node]map[string]*yaml.Node
}

// get is manifest.Get (the first occurrence of key in mapping m), through
// an index built once per large mapping.
func (c *checker) get(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode || len(m.Content) <= 64 {
		return manifest.Get(m, key)
	}
	idx, ok := c.keys[m]
	if !ok {
		idx = make(map[string]int, len(m.Content)/2)
		for i := len(m.Content) - 2; i >= 0; i -= 2 {
			idx[m.Content[i].Value] = i // backwards: the first occurrence wins
		}
		if c.keys == nil {
			c.keys = map[*yaml.Node]map[string]int{}
		}
		c.keys[m] = idx
	}
	i, ok := idx[key]
	if !ok {
		return nil, nil
	}
	return m.Content[i], m.Content[i+1]
}

// location is where a gojsonschema context points in the yaml.Node tree.
type location struct {
	segs []string   // the context's segments after (root)
	path string     // the manifest path: operations[0].region
	key  *yaml.Node // the key node of the last mapping step, nil at the root or after an index
	val  *yaml.Node // the value node (the root mapping for the root)
}

// locate walks the tree along a gojsonschema context such as
// "(root)\x00operations\x000": by node kind, so keys holding dots or digits
// stay unambiguous.
func (c *checker) locate(ctx string) (location, bool) {
	segs := strings.Split(ctx, "\x00")
	if len(segs) > 0 && segs[0] == gojsonschema.STRING_CONTEXT_ROOT {
		segs = segs[1:]
	}
	loc := location{segs: segs, val: c.root}
	for _, s := range segs {
		switch loc.val.Kind {
		case yaml.MappingNode:
			k, v := c.get(loc.val, s)
			if k == nil {
				return loc, false
			}
			loc.key, loc.val, loc.path = k, v, manifest.JoinPath(loc.path, s)
		case yaml.SequenceNode:
			i, err := strconv.Atoi(s)
			if err != nil || i < 0 || i >= len(loc.val.Content) {
				return loc, false
			}
			loc.key, loc.val, loc.path = nil, loc.val.Content[i], manifest.IndexPath(loc.path, i)
		default:
			return loc, false
		}
	}
	return loc, true
}

// finding maps one gojsonschema error, which reports kw.
func (c *checker) finding(e gojsonschema.ResultError, kw keyword) (manifest.Finding, bool) {
	d := e.Details()
	prop, _ := d["property"].(string)
	expected, _ := d["expected"].(string)
	return c.findingAt(e.Context().String("\x00"), prop, expected, kw)
}

// findingAt maps an error of keyword kw at the gojsonschema context ctx,
// with its details: the property of a required or additional-property
// error, the expected types of a type error.
func (c *checker) findingAt(ctx, prop, expected string, kw keyword) (f manifest.Finding, ok bool) {
	loc, ok := c.locate(ctx)
	if !ok {
		return f, false
	}
	switch kw {
	case kwRequired:
		path := manifest.JoinPath(loc.path, prop)
		missing, _ := manifest.Family(path)
		at := c.doc.PointSpan(manifest.Pos{Line: 1, Column: 1})
		switch {
		case loc.key != nil:
			at = c.doc.Span(loc.key)
		case len(loc.segs) > 0:
			at = c.doc.Span(loc.val)
		}
		// A key typed wrongly for this one (`bukcet` for bucket): the typo
		// and the absence are one fault (spec §5), reported once, at the
		// typo, with the missing code and the rename as its fix; the
		// unknown-field finding of the typo is not made (merged), and
		// either rule id silences this one.
		if k := c.nearMiss(loc, prop); k != nil {
			return c.nearMissFinding(missing, path, prop, k, loc), true
		}
		head, help := c.missingDetail(loc, prop)
		return requiredFieldRule.Errorf(missing, at, path, head).WithHelp(helpText(help)), true
	case kwAdditional:
		return c.unknownKey(loc, prop)
	case kwType:
		_, invalid := manifest.Family(loc.path)
		head, help := c.typeDetail(loc, expected)
		return invalidTypeRule.Errorf(invalid, c.doc.Span(loc.val), loc.path, head).WithHelp(helpText(help)), true
	}
	_, invalid := manifest.Family(loc.path)
	head, help := c.valueDetail(loc, kw)
	return invalidValueRule.Errorf(invalid, c.doc.Span(loc.val), loc.path, head).WithHelp(helpText(help)).
		WithFix(c.valueFix(loc, kw)), true
}

// unknownKey is the unknown-field finding of the key prop of the mapping
// at loc; false when the key is the typo of an absent required key
// (mergedNearMiss), which that key's finding reports.
func (c *checker) unknownKey(loc location, prop string) (manifest.Finding, bool) {
	k, _ := c.get(loc.val, prop)
	if k == nil || c.mergedNearMiss(loc, prop, k) {
		return manifest.Finding{}, false
	}
	path := manifest.JoinPath(loc.path, prop)
	// The place the key sits in decides the family, not the key's own
	// name: a stray top-level fileSystem in an import is a manifest
	// field, not a file system.
	_, invalid := manifest.Family(loc.path)
	head, help, fix := c.unknownDetail(loc, prop)
	f := unknownFieldRule.Errorf(invalid, c.doc.Span(k), path, head).WithHelp(helpText(help))
	if fix.present != nil {
		f.Relate(c.doc.Span(fix.present), "`"+fix.present.Value+"` is here")
	}
	switch {
	case fix.rename != "" && k.Kind == yaml.ScalarNode:
		sp := c.doc.Span(k)
		f.Fix = manifest.ReplaceFix("Rename `"+prop+"` to `"+fix.rename+"`", manifest.Safe, sp.Start, sp.End, manifest.ScalarAs(k, fix.rename))
	case fix.under != "":
		f.Fix = c.indentFix(loc, fix.under, k)
	}
	return f, true
}

// valueFix repairs a value the schema refuses where the repair has one
// answer: an allowed value written in another letter case or with other
// separators (`ntfs` for NTFS, `ebs_snapshot` for ebs-snapshot) is safe;
// the nearest allowed value by a typo or two (`Glacer`) is unsafe, a guess;
// a constant with stray punctuation after it (`2.0;`) is safe, and so is
// yes or no for a YAML 1.1 boolean word (`true`, `off`). Never for a
// secret's value.
func (c *checker) valueFix(loc location, kw keyword) *manifest.Fix {
	n := loc.val
	if n == nil || n.Kind != yaml.ScalarNode || secret(loc) {
		return nil
	}
	sub, def := schemaAt(c.sdoc, loc.segs)
	if sub == nil {
		return nil
	}
	v := n.Value
	replace := func(to string, app manifest.Applicability, title string) *manifest.Fix {
		sp := c.doc.Span(n)
		text := manifest.ScalarAs(n, to)
		if sp.Empty() && sp.Start > 0 && c.doc.Source[sp.Start-1] == ':' {
			text = " " + text
		}
		return manifest.ReplaceFix(title, app, sp.Start, sp.End, text)
	}
	switch kw {
	case kwEnum:
		allowed := stringList(sub["enum"])
		for _, a := range allowed {
			if manifest.FoldName(a) == manifest.FoldName(v) && v != "" {
				return replace(a, manifest.Safe, "Write `"+a+"`")
			}
		}
		if best := manifest.Closest(v, allowed); best != "" && uniqueSuggestion(v, best, allowed) {
			return replace(best, manifest.Unsafe, "Write `"+best+"` (the nearest allowed value: a guess)")
		}
	case kwPattern:
		// YAML 1.1's other words for yes and no (`true`, `off`, `Y`): the
		// service takes only yes and no.
		if def == "yesno" {
			switch strings.ToLower(strings.TrimSpace(v)) {
			case "true", "on", "y":
				return replace("yes", manifest.Safe, "Write `yes`")
			case "false", "off", "n":
				return replace("no", manifest.Safe, "Write `no`")
			}
		}
	case kwConst:
		want, ok := sub["const"].(string)
		if ok && want != v && strings.TrimRight(strings.TrimSpace(v), ";,.") == want {
			return replace(want, manifest.Safe, "Write `"+want+"`")
		}
	}
	return nil
}

// indentFix moves the stray key k of mapping loc.val beneath the mapping
// field parent of the same mapping, by indenting lines, when that is all it
// takes (safe): parent is empty or a block mapping, and k is in the run of
// one-line entries that directly follow parent's lines and all belong to
// parent (the address fields of AWS's CLI example, left at the top level
// beneath an empty `returnAddress:`). The fix indents the whole run, as
// indenting one of its lines alone would not parse; every finding of the
// run carries the same fix. The indent is that of parent's fields, or, when
// parent is empty, the file's own width (nestWidth), else 4: the file's own width (nestWidth), else 4.
func (c *checker) indentFix(loc location, parent string, k *yaml.Node) *manifest.Fix {
	m := loc.val
	sub, _ := schemaAt(c.sdoc, appendSeg(loc.segs, parent))
	if !manifest.IsMapping(m) || sub == nil {
		return nil
	}
	lines := c.doc.Lines()
	pi := -1
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == parent {
			pi = i
			break
		}
	}
	if pi < 0 {
		return nil
	}
	pk, pv := m.Content[pi], m.Content[pi+1]
	indent := nestWidth(c.doc.Root, 4)
	switch {
	case pv.Kind == yaml.MappingNode && pv.Style&yaml.FlowStyle == 0 && pv.Column > pk.Column:
		indent = pv.Column - pk.Column
	case pv.Kind == yaml.ScalarNode && c.doc.Span(pv).Empty():
	default:
		return nil
	}
	// The last line of parent's entry, then the run of its stray fields.
	prevEnd := lines.Pos(max(c.doc.Span(pk).End, c.doc.Span(pv).End)).Line
	var run []*yaml.Node
	for i := pi + 2; i+1 < len(m.Content); i += 2 {
		ek, ev := m.Content[i], m.Content[i+1]
		if ek.Kind != yaml.ScalarNode || !hasProperty(sub, ek.Value) || ek.Line != prevEnd+1 || ek.Column != pk.Column ||
			ev.Kind != yaml.ScalarNode || lines.Pos(c.doc.Span(ev).End).Line != ek.Line {
			break
		}
		run = append(run, ek)
		prevEnd = ek.Line
	}
	if !slices.Contains(run, k) {
		return nil
	}
	pad := strings.Repeat(" ", indent)
	fix := &manifest.Fix{Title: fmt.Sprintf("Indent %s beneath `%s:`", fieldCount(run), parent), Applicability: manifest.Safe}
	for _, ek := range run {
		at := lines.Start(ek.Line)
		fix.Edits = append(fix.Edits, manifest.Edit{Start: at, End: at, New: pad})
	}
	return fix
}

// nestWidth is the indentation width the file nests block mappings and
// lists with: the smallest step from a key to the block mapping or list
// beneath it on later lines (2 in a file that writes `returnAddress:` then
// `  name:`), or def when nothing is nested.
func nestWidth(root *yaml.Node, def int) int {
	width := 0
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil {
			return
		}
		if n.Kind == yaml.MappingNode && n.Style&yaml.FlowStyle == 0 {
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if (v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode) && v.Style&yaml.FlowStyle == 0 &&
					v.Line > k.Line && v.Column > k.Column && (width == 0 || v.Column-k.Column < width) {
					width = v.Column - k.Column
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	if width == 0 {
		return def
	}
	return width
}

// fieldCount names the keys of a run: "`name`", or "the 8 fields from
// `name` to `country`".
func fieldCount(run []*yaml.Node) string {
	if len(run) == 1 {
		return "`" + run[0].Value + "`"
	}
	return fmt.Sprintf("the %d fields from `%s` to `%s`", len(run), run[0].Value, run[len(run)-1].Value)
}
