package manifest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Rule ids of the faults found while reading a manifest (spec §1, §2).
const (
	RuleEmptyManifest     = "empty-manifest"
	RuleInvalidUTF8       = "invalid-utf8"
	RuleYAMLSyntax        = "yaml-syntax"
	RuleRootNotMapping    = "root-not-mapping"
	RuleMultipleDocuments = "multiple-documents"
	RuleDuplicateKey      = "duplicate-key"
	RuleAnchorAlias       = "anchor-alias"
	RuleComplexKey        = "complex-key"
	RuleNoSpaceAfterColon = "no-space-after-colon"
	RuleYAMLTag           = "yaml-tag"
	RuleNestingDepth      = "nesting-depth"
)

// MaxDepth is how deep a manifest may nest mappings and lists: a real one
// nests 3 levels (operations, an entry, its fields). A bound far below the
// YAML parser's 10,000 keeps the work of every later step in proportion to
// the file: a field path is built for a node at every level, so a chain
// 10,000 deep took 100 MB of paths for 40 KB of text.
const MaxDepth = 32

// The rules Parse applies (spec §1, §2).
var (
	emptyManifestRule = &Descriptor{ID: RuleEmptyManifest, Severity: Error, Codes: []Code{MissingParameter},
		Doc: "The manifest is empty, or only whitespace and comments: the Manifest parameter is missing.",
		Example: Example{Lang: "yaml",
			Before: "# manifest for the March backup\n",
			After:  "# manifest for the March backup\nmanifestVersion: 2.0\ndeviceId: 49382\nbucket: my-bucket\neraseDevice: yes\n# and the other required fields",
		}}
	invalidUTF8Rule = &Descriptor{ID: RuleInvalidUTF8, Severity: Error, Codes: []Code{MalformedManifest},
		Doc: "The manifest must be valid UTF-8 text.",
		Example: Example{Lang: "yaml",
			Note:   "a file saved as Latin-1 holds the byte 0xFC for ü",
			Before: "returnAddress:\n  city: M\\xFCnchen   # the raw byte 0xFC",
			After:  "returnAddress:\n  city: München     # saved as UTF-8",
		}}
	yamlSyntaxRule = &Descriptor{ID: RuleYAMLSyntax, Severity: Error, Codes: []Code{MalformedManifest},
		Doc: "The manifest must be valid YAML: no tab indentation, no unclosed quote or bracket.",
		Example: Example{Lang: "yaml",
			Before: "manifestVersion: 2.0\nreturnAddress:\n\tname: Jane Doe",
			After:  "manifestVersion: 2.0\nreturnAddress:\n  name: Jane Doe",
		}}
	rootNotMappingRule = &Descriptor{ID: RuleRootNotMapping, Severity: Error, Codes: []Code{MalformedManifest},
		Doc: "The manifest must be a mapping of `key: value` lines, not a bare word or a list.",
		Example: Example{Lang: "yaml",
			Before: "INVALID MANIFEST",
			After:  "manifestVersion: 2.0\ndeviceId: 49382",
		}}
	multipleDocumentsRule = &Descriptor{ID: RuleMultipleDocuments, Severity: Error, Codes: []Code{MalformedManifest},
		Doc: "A manifest is one YAML document: no second `---` document.",
		Example: Example{Lang: "yaml",
			Before: "manifestVersion: 2.0\ndeviceId: 49382\n---\nmanifestVersion: 2.0\ndeviceId: 49383",
			After:  "manifestVersion: 2.0\ndeviceId: 49382",
		}}
	duplicateKeyRule = &Descriptor{ID: RuleDuplicateKey, Severity: Error, Codes: []Code{MalformedManifest},
		Fix: "Removes the second entry when its value is the first one's, written alike, and the entry has its lines to itself with no comment (unsafe: the lines go).",
		Fixes: []FixCase{
			{Finding: "a duplicate key whose value equals the first one's", Does: "remove the later entry's lines (not when they hold a comment)", Applicability: Unsafe},
		},
		Doc: "A key may appear only once in a mapping.",
		Example: Example{Lang: "yaml",
			Before: "bucket: my-bucket\nlogBucket: my-logs\nbucket: my-other-bucket",
			After:  "bucket: my-bucket\nlogBucket: my-logs",
		}}
	anchorAliasRule = &Descriptor{ID: RuleAnchorAlias, Severity: Error, Codes: []Code{MalformedManifest},
		Doc: "Anchors and aliases (&a, *a) are refused: a manifest has no use for them, and refusing them removes alias bombs.",
		Example: Example{Lang: "yaml",
			Before: "bucket: &b my-bucket\nlogBucket: *b",
			After:  "bucket: my-bucket\nlogBucket: my-bucket",
		}}
	complexKeyRule = &Descriptor{ID: RuleComplexKey, Severity: Error, Codes: []Code{MalformedManifest},
		Doc: "Keys must be plain text, not lists or mappings.",
		Example: Example{Lang: "yaml",
			Before: "? [bucket, logBucket]\n: my-bucket",
			After:  "bucket: my-bucket\nlogBucket: my-bucket",
		}}
	yamlTagRule = &Descriptor{ID: RuleYAMLTag, Severity: Error, Codes: []Code{MalformedManifest},
		Doc: "YAML tags other than `!!str` are refused: a local tag (`!custom`) names a type the service's YAML parser does not know, and `!!binary`, `!!int`, `!!timestamp` and the like change what a value is, while every manifest value is text. The tag is not silently dropped.",
		Example: Example{Lang: "yaml",
			Before: "deviceId: !serial ABCDE\nprefix: !!binary aW1wb3J0ZWQv",
			After:  "deviceId: ABCDE\nprefix: imported/",
		}}
	nestingDepthRule = &Descriptor{ID: RuleNestingDepth, Severity: Error, Codes: []Code{MalformedManifest},
		Doc: fmt.Sprintf("Mappings and lists may nest at most %d levels deep: a manifest nests 3, and deeper nesting is refused before it costs time.", MaxDepth),
		Example: Example{Lang: "yaml",
			Before: "manifestVersion: 2.0\ngenerator: " + strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1),
			After:  "manifestVersion: 2.0\ngenerator: my tool",
		}}
	noSpaceAfterColonRule = &Descriptor{ID: RuleNoSpaceAfterColon, Severity: Warning,
		Fix: "Inserts the missing space after the colon: `deviceId:ABCDE` becomes `deviceId: ABCDE` (safe).",
		Fixes: []FixCase{
			{Finding: "`key:value`", Does: "insert the space", Applicability: Safe},
		},
		Doc: "`key:value` without a space is accepted, as the service did, but other YAML tools reject it: write `key: value`.",
		Example: Example{Lang: "yaml",
			Before: "manifestVersion:2.0\ndeviceId:49382",
			After:  "manifestVersion: 2.0\ndeviceId: 49382",
		}}
)

// ParseRules are the rules Parse applies, for the registry.
var ParseRules = []*Descriptor{
	emptyManifestRule, invalidUTF8Rule, yamlSyntaxRule, rootNotMappingRule, multipleDocumentsRule,
	duplicateKeyRule, anchorAliasRule, complexKeyRule, yamlTagRule, noSpaceAfterColonRule, nestingDepthRule,
}

// matchNoSpaceColon matches the one line shape the service's own templates
// used without a space after the colon (spec §2): indentation, an optional
// list marker, a bare identifier key, a colon, then a non-space; that is the
// regular expression
//
//	^( *(?:- +)?)([A-Za-z][A-Za-z0-9]*):([^\s])
//
// written out by hand, because it runs on every line of every file and the
// regexp engine was a sixth of the time of linting a small manifest. It
// returns the key's start and end. Only such lines are rewritten; a colon
// later in a value is never touched. Lines inside block scalars are not told
// apart: manifests do not use them.
func matchNoSpaceColon(line []byte) (keyStart, keyEnd int, ok bool) {
	i := 0
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i+1 < len(line) && line[i] == '-' && line[i+1] == ' ' {
		i += 2
		for i < len(line) && line[i] == ' ' {
			i++
		}
	}
	if i >= len(line) || !isASCIILetter(line[i]) {
		return 0, 0, false
	}
	keyStart = i
	for i < len(line) && (isASCIILetter(line[i]) || '0' <= line[i] && line[i] <= '9') {
		i++
	}
	if i+1 >= len(line) || line[i] != ':' {
		return 0, 0, false
	}
	switch line[i+1] {
	case ' ', '\t', '\n', '\f', '\r':
		return 0, 0, false
	}
	return keyStart, i, true
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// Parse reads a manifest. It returns the document and the findings of
// reading it: warnings for `key:value` lines, and at most a few errors that
// end the checks of the file (MalformedManifestException,
// MissingParameterException), in which case doc.Root is nil.
func Parse(name string, src []byte) (*Document, []Finding) {
	doc, fs, _ := ParseLimit(name, src, 0)
	return doc, fs
}

// ParseLimit is Parse that builds at most limit `key:value` warnings, the
// first in source order, and returns the others as Omitted (limit 0: no
// limit). The errors that end the checks are always built.
func ParseLimit(name string, src []byte, limit int) (*Document, []Finding, []Omitted) {
	return ParseLimitContext(context.Background(), name, src, limit)
}

// ParseLimitContext is ParseLimit that stops reading when ctx is done
// (cancel.go).
func ParseLimitContext(ctx context.Context, name string, src []byte, limit int) (*Document, []Finding, []Omitted) {
	doc, fs, over := parse(ctx, name, src, limit)
	if len(over) == 0 {
		return doc, fs, nil
	}
	omitted := make([]Omitted, len(over))
	for i, s := range over {
		omitted[i] = Omitted{Line: int32(s.line), Column: int32(s.col - 1), Of: &noSpaceOmitted}
	}
	return doc, fs, omitted
}

// noSpaceOmitted names the `key:value` warnings ParseLimit omits.
var noSpaceOmitted = OmittedOf{Rule: RuleNoSpaceAfterColon, Severity: Warning}

// parse is ParseLimit; it returns the `key:value` lines it built no
// warning for (past limit when limit > 0), or nil.
func parse(ctx context.Context, name string, src []byte, limit int) (*Document, []Finding, []shift) {
	doc := &Document{Name: name, Source: src}
	if !utf8.Valid(src) {
		return doc, []Finding{invalidUTF8Rule.Errorf(MalformedManifest, doc.Lines().SpanOf(invalidUTF8Offset(src), invalidUTF8Offset(src)+1), "",
			"the manifest is not valid UTF-8 text").WithHelp("save it as UTF-8")}, nil
	}
	lines := doc.Lines()
	if isBlank(lines) {
		return doc, []Finding{emptyManifestRule.Errorf(MissingParameter, doc.PointSpan(Pos{1, 1}), "",
			"the manifest holds no fields, only whitespace or comments")}, nil
	}

	text, shifts := rewriteNoSpaceColons(lines)

	file, second, err, after := decode(ctx, text, lines)
	if err != nil {
		return doc, withTemplatePlaceholders(doc, syntaxFinding(doc, err)), nil
	}
	switch {
	case second != nil:
		line := second.Line
		if line == 0 {
			line = 1
		}
		return doc, []Finding{multipleDocumentsRule.Errorf(MalformedManifest, doc.TokenSpan(Pos{line, 1}), "",
			fmt.Sprintf("the file holds a second YAML document (near line %d)", line)).
			WithHelp("a manifest is one document: remove the `---` separator and what follows, or split it into files")}, nil
	case after != nil:
		return doc, []Finding{syntaxFinding(doc, after)}, nil
	}

	if len(shifts) > 0 {
		unshift(file, shifts)
	}
	if deep := tooDeep(file); deep != nil {
		return doc, []Finding{nestingDepthRule.Errorf(MalformedManifest, doc.TokenSpan(Pos{deep.Line, deep.Column}), "",
			fmt.Sprintf("the manifest nests more than %d levels deep", MaxDepth)).
			WithHelp("a manifest nests 3 (operations, an entry, its fields): remove the extra levels")}, nil
	}
	doc.Secrets = findSecrets(doc, file)
	root := file
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return doc, []Finding{rootNotMappingRule.Errorf(MalformedManifest, doc.Span(root), "",
			fmt.Sprintf("the manifest is %s, not a mapping of `key: value` lines", KindName(root))).
			WithHelp("start from `manifestVersion: 2.0` and one field per line")}, nil
	}
	var fs []Finding
	checkStructure(doc, root, "", &fs)
	if len(fs) > 0 {
		return doc, fs, nil
	}
	doc.Root = root
	var over []shift
	if limit > 0 && len(shifts) > limit {
		shifts, over = shifts[:limit], shifts[limit:]
	}
	paths := keyPathsAt(root, shifts)
	if len(shifts) > 0 {
		fs = make([]Finding, 0, len(shifts)) // fs is empty here
	}
	for _, s := range shifts {
		path, v := paths[s.line].path, paths[s.line].value
		rest := s.rest
		if secretish(s.key) {
			rest = SecretMask
		}
		// From the colon to the end of the value: what other tools misread.
		at := doc.TokenSpan(Pos{s.line, s.col - 1})
		if v != nil {
			at = lines.SpanOf(at.Start, max(at.Start+1, doc.Span(v).End))
		}
		fs = append(fs, noSpaceAfterColonRule.Warnf(at, path,
			"no space after the colon of `"+s.key+":`").
			WithHelp("the service accepts it, but other YAML tools read the whole line as one word: write `"+s.key+": "+shorten(rest)+"`").WithFix(
			ReplaceFix("Insert a space after the colon of `"+s.key+":`", Safe, s.off, s.off, " ")))
	}
	return doc, fs, over
}

// decode parses text, the source as rewritten (lines indexes the
// source), as a YAML stream: the first document (file), and what follows
// it: the next document (second), or the error in what follows it
// (after); err is the error in the first document.
//
// Most manifests are parsed as yaml.Unmarshal does, which reads the first
// document only: when no line starts with `---`, `...` or `%` and the
// document is a block mapping whose first key starts in column 1,
// nothing can follow the document but the end of the stream. yaml.v3
// ends the block mapping of column 1 at a token in column 0 only at a
// document marker or a directive, and a document ends only with its root
// node. A file where that does not hold is read with a yaml.Decoder, which
// parses the next document too. So is every file whose lint can be
// stopped (ctx can be done): the Decoder reads through readerFor, which
// ends the parse once ctx is done; yaml.Unmarshal cannot be stopped.
func decode(ctx context.Context, text []byte, lines *Lines) (file, second *yaml.Node, err, after error) {
	file = new(yaml.Node)
	if ctx.Done() == nil && !mayHoldMore(lines) {
		if err := yaml.Unmarshal(text, file); err != nil {
			return file, nil, err, nil
		}
		if blockMappingAtColumn1(file) {
			return file, nil, nil, nil
		}
		*file = yaml.Node{}
	}
	dec := yaml.NewDecoder(readerFor(ctx, text))
	if err := dec.Decode(file); err != nil {
		return file, nil, err, nil
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		return file, &next, nil, nil
	case !errors.Is(err, io.EOF):
		return file, nil, nil, err
	}
	return file, nil, nil, nil
}

// mayHoldMore reports whether a line starts with `---`, `...` or `%`: a
// document marker or a directive, after which a second document or an
// error may follow the first document.
func mayHoldMore(l *Lines) bool {
	src := l.Source()
	if bytes.IndexByte(src, '%') < 0 && !bytes.Contains(src, []byte("---")) && !bytes.Contains(src, []byte("...")) {
		return false // most manifests: a few fast scans
	}
	for n := 1; n <= l.Count(); n++ {
		// No line break holds '%', '-' or '.': the prefix is the line's.
		rest := src[l.Start(n):]
		if len(rest) > 0 && rest[0] == '%' || bytes.HasPrefix(rest, []byte("---")) || bytes.HasPrefix(rest, []byte("...")) {
			return true
		}
	}
	return false
}

// blockMappingAtColumn1 reports whether the document node's root is a
// block mapping whose first key, a plain scalar without anchor or tag,
// starts in column 1.
func blockMappingAtColumn1(file *yaml.Node) bool {
	if file.Kind != yaml.DocumentNode || len(file.Content) != 1 {
		return false
	}
	root := file.Content[0]
	if root.Kind != yaml.MappingNode || root.Style != 0 || root.Anchor != "" || len(root.Content) == 0 {
		return false
	}
	k := root.Content[0]
	return k.Kind == yaml.ScalarNode && k.Style == 0 && k.Anchor == "" && k.Column == 1
}

// shift records one `key:value` line rewritten to `key: value`: col is the
// 1-based column (in characters) of the inserted space, off the byte offset
// in the source where it was inserted.
type shift struct {
	line, col, off int
	key, rest      string
}

// rewriteNoSpaceColons returns the source without its byte order mark and
// with a space inserted after the colon of every `key:value` line, and the
// lines it rewrote.
func rewriteNoSpaceColons(l *Lines) ([]byte, []shift) {
	src := l.Source()
	text := src[l.Start(1):]
	if !mayGlueColon(text) {
		return text, nil
	}
	var shifts []shift
	var out []byte
	copied := l.Start(1) // src[Start(1):copied] is in out
	for n := 1; n <= l.Count(); n++ {
		line := l.Line(n)
		keyStart, colon, ok := matchNoSpaceColon(line)
		if !ok {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(text)+64)
		}
		at := l.Start(n) + colon + 1
		out = append(out, src[copied:at]...)
		out = append(out, ' ')
		copied = at
		shifts = append(shifts, shift{line: n, col: colon + 2, off: at, key: string(line[keyStart:colon]), rest: string(line[colon+1:])})
	}
	if out == nil {
		return text, nil
	}
	return append(out, src[copied:]...), shifts
}

// mayGlueColon reports whether text holds a colon followed by a byte that
// is not white space, as every `key:value` line matchNoSpaceColon takes
// does (most manifests have none: a colon then a space or a line end).
func mayGlueColon(text []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(text[i:], ':')
		if j < 0 {
			return false
		}
		i += j + 1
		if i < len(text) {
			switch text[i] {
			case ' ', '\t', '\n', '\f', '\r':
			default:
				return true
			}
		}
	}
}

// unshift moves every node on a rewritten line that sits after the inserted
// space one column back, so that positions point at the original text.
func unshift(n *yaml.Node, shifts []shift) {
	at := make(map[int]int, len(shifts))
	for _, s := range shifts {
		at[s.line] = s.col
	}
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		if c, ok := at[n.Line]; ok && n.Column > c {
			n.Column--
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
}

// checkStructure reports what the manifest dialect refuses inside the tree:
// anchors and aliases, non-scalar keys, and duplicate keys (at the second
// key, naming the first's line).
func checkStructure(doc *Document, n *yaml.Node, path string, fs *[]Finding) {
	if badTag(n) {
		*fs = append(*fs, yamlTagRule.Errorf(MalformedManifest, doc.Span(n), path,
			fmt.Sprintf("the manifest uses the YAML tag %s", n.Tag)).
			WithHelp("a manifest's values are plain text, and the service's YAML parser refuses a type it does not know: remove the tag"))
	}
	if n.Anchor != "" || n.Kind == yaml.AliasNode {
		what := "anchor &" + n.Anchor
		if n.Kind == yaml.AliasNode {
			what = "alias *" + n.Value
		}
		*fs = append(*fs, anchorAliasRule.Errorf(MalformedManifest, doc.Span(n), path,
			fmt.Sprintf("the manifest uses the YAML %s", what)).
			WithHelp("anchors and aliases are not allowed in a manifest: write the value out"))
		if n.Kind == yaml.AliasNode {
			return
		}
	}
	switch n.Kind {
	case yaml.MappingNode:
		// Small mappings (all of a real manifest's) are searched in place;
		// a map is built only for large ones.
		var first map[string]int // key to its index in Content
		if len(n.Content) > 32 {
			first = make(map[string]int, len(n.Content)/2)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				if bracesPlaceholder(n, k, v) && path != "" {
					// `bucket: {{ bucket_name }}`: a mapping whose one key is
					// a mapping, as YAML reads a template's double braces.
					sp := doc.Span(n)
					text := string(doc.Source[sp.Start:sp.End])
					if strings.ContainsAny(text, "\n\r`") || len(text) > 64 {
						text = "{{ … }}"
					}
					*fs = append(*fs, complexKeyRule.Errorf(MalformedManifest, sp, path,
						fmt.Sprintf("%s is the template placeholder `%s`, never filled in", path, text)).
						WithHelp("Replace it with the real value. YAML reads `{{ name }}` as a mapping whose key is a mapping, which a manifest cannot hold; quote a value that starts with `{`."))
					continue
				}
				*fs = append(*fs, complexKeyRule.Errorf(MalformedManifest, doc.Span(k), path,
					fmt.Sprintf("a key must be plain text, but this one is %s", KindName(k))))
				continue
			}
			var dup, dupVal *yaml.Node
			if first != nil {
				if j, ok := first[k.Value]; ok {
					dup, dupVal = n.Content[j], n.Content[j+1]
				}
			} else {
				for j := 0; j < i; j += 2 {
					if c := n.Content[j]; c.Kind == yaml.ScalarNode && c.Value == k.Value {
						dup, dupVal = c, n.Content[j+1]
						break
					}
				}
			}
			if dup == nil && first != nil {
				first[k.Value] = i
			}
			if dup == nil && k.Anchor == "" && v.Kind == yaml.ScalarNode && v.Anchor == "" && !badTag(k) && !badTag(v) {
				continue // the common case: nothing to report, no path to build
			}
			kp := JoinPath(path, k.Value)
			if dup != nil {
				f := duplicateKeyRule.Errorf(MalformedManifest, doc.Span(k), kp,
					fmt.Sprintf("the key `%s` appears twice (first at line %d)", k.Value, dup.Line)).
					WithHelp("a mapping holds each key once: keep one")
				f.Relate(doc.Span(dup), fmt.Sprintf("first occurrence of %q", k.Value))
				if sameValue(doc, dupVal, v) {
					f.Fix = removeEntryFix(doc, k, v, "Remove the second `"+k.Value+"` (its value is the first one's)")
				}
				*fs = append(*fs, f)
			}
			if k.Anchor != "" || badTag(k) {
				checkStructure(doc, k, kp, fs)
			}
			checkStructure(doc, v, kp, fs)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			checkStructure(doc, c, IndexPath(path, i), fs)
		}
	}
}

// tooDeep returns the first node (in document order) nested deeper than
// MaxDepth mappings and lists below the document, or nil. Its recursion
// stops at MaxDepth+1 levels, so depth costs no more Go stack than that,
// and it allocates nothing.
func tooDeep(doc *yaml.Node) *yaml.Node {
	return deeper(doc, 0)
}

// deeper is tooDeep for n, nested depth mappings and lists deep.
func deeper(n *yaml.Node, depth int) *yaml.Node {
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		depth++
		if depth > MaxDepth {
			return n
		}
	}
	for _, c := range n.Content {
		if d := deeper(c, depth); d != nil {
			return d
		}
	}
	return nil
}

// badTag reports a node with an explicit YAML tag other than !!str (text,
// as every manifest value is read anyway) and the collection tags !!map and
// !!seq, which change nothing.
func badTag(n *yaml.Node) bool {
	if n.Style&yaml.TaggedStyle == 0 {
		return false
	}
	switch n.Tag {
	case "!!str", "!!map", "!!seq":
		return false
	}
	return true
}

// keyAt is a mapping key's path and value node.
type keyAt struct {
	path  string
	value *yaml.Node
}

// keyPathsAt maps the line of each shift to the path and value of the first
// mapping key (in document order) that starts on it, in one walk of the
// tree: a walk per line made a file of many `key:value` lines quadratic.
// Paths are built only down to the containers and keys that need them.
func keyPathsAt(root *yaml.Node, shifts []shift) map[int]keyAt {
	if len(shifts) == 0 {
		return nil
	}
	want := make(map[int]bool, len(shifts))
	for _, s := range shifts {
		want[s.line] = true
	}
	paths := make(map[int]keyAt, len(shifts))
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				_, done := paths[k.Line]
				record := want[k.Line] && !done
				descend := v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode
				if !record && !descend {
					continue
				}
				kp := JoinPath(path, k.Value)
				if record {
					paths[k.Line] = keyAt{kp, v}
				}
				if descend {
					walk(v, kp)
				}
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				if c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode {
					walk(c, IndexPath(path, i))
				}
			}
		}
	}
	walk(root, "")
	return paths
}

var yamlErrLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// syntaxFinding turns a yaml.v3 error into a MalformedManifestException
// with a hint for the usual causes. yaml.v3 reports only a line, and often
// the line where the construct at fault began rather than the fault itself
// (the line before a tab, the line of an opening quote), so locate finds the
// column, and for tabs and brackets the line, from the source text.
func syntaxFinding(doc *Document, err error) Finding {
	msg := err.Error()
	line := 1
	if m := yamlErrLine().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	var hint string
	pos := Pos{line, firstNonBlank(doc.Line(line))}
	if strings.Contains(msg, "control characters") {
		// yaml.v3 names no line for these: find the character.
		if i, r := firstControl(doc.Source); i >= 0 {
			p := doc.Lines().Pos(i)
			return yamlSyntaxRule.Errorf(MalformedManifest, doc.TokenSpan(p), "",
				fmt.Sprintf("control character U+%04X is not allowed in YAML", r)).
				WithHelp("remove it; if the file was saved by a word processor or is not text, save it again as plain UTF-8 text")
		}
	}
	if strings.Contains(msg, "cannot start any token") || strings.Contains(msg, "alphabetic or numeric") {
		if p, c, ok := findReservedStart(doc, line); ok {
			head, why := reservedWhy(c)
			return yamlSyntaxRule.Errorf(MalformedManifest, doc.TokenSpan(p), "", head).
				WithHelp(why + "; this looks like an unfilled template placeholder: replace it with the real value (or quote it)")
		}
	}
	if strings.Contains(msg, "could not find expected ':'") || strings.Contains(msg, "mapping values are not allowed") {
		if p, head, help, ok := findGluedKey(doc, line, strings.Contains(msg, "mapping values")); ok {
			return yamlSyntaxRule.Errorf(MalformedManifest, doc.PointSpan(p), "", head).WithHelp(help)
		}
	}
	if strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "mapping values are not allowed") ||
		strings.Contains(msg, "did not find expected '-' indicator") {
		p, head, help, ok := findBadIndent(doc, line)
		if !ok {
			p, head, help, ok = findBadIndentIn(doc, line, doc.Lines().Count())
		}
		if ok {
			return yamlSyntaxRule.Errorf(MalformedManifest, doc.TokenSpan(p), "", head).WithHelp(help)
		}
	}
	switch {
	case strings.Contains(msg, "tab") || (strings.Contains(msg, "cannot start any token") && findTab(doc, line, Pos{}) != Pos{}):
		hint = "indent with spaces, not tabs"
		pos = findTab(doc, line, pos)
	case strings.Contains(msg, "end of stream") || strings.Contains(msg, "quoted"):
		hint = "close the quote that is still open"
		pos = findOpenQuote(doc.Line(line), pos)
	case strings.Contains(msg, "','") || strings.Contains(msg, "']'") || strings.Contains(msg, "'}'"):
		hint = "close the bracket that is still open"
		pos = findOpenBracket(doc, line, pos)
	case strings.Contains(msg, "mapping values are not allowed"):
		hint = "a value holds `: `: quote it (`key: 'a: b'`), or put the key on a line of its own"
		pos = findSecondColon(doc.Line(line), pos)
	case strings.Contains(msg, "max depth"):
		hint = "the manifest nests far deeper than any manifest field does"
	default:
		hint = "check the indentation and that each line is `key: value`"
	}
	// yaml.v3's own words, without the line it names: that is often not
	// the line at fault, which pos is (the finding's location).
	return yamlSyntaxRule.Errorf(MalformedManifest, doc.TokenSpan(pos), "", "YAML syntax error: "+msg).WithHelp(hint)
}

// gluedKey matches a line that is a key written without a space after its
// colon (the service's `key:value` dialect) with a `_`, `-` or `.` in the
// key, which the dialect rewrite leaves alone (spec: only
// `[A-Za-z][A-Za-z0-9]*` keys are rewritten): YAML reads the line as one
// plain scalar and fails on the line after it, or at the end.
var gluedKey = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^( *(?:- +)?)([A-Za-z][A-Za-z0-9_.-]*[_.-][A-Za-z0-9_.-]*):([^ \t:#][^\t]*?)\s*$`)
})

// findGluedKey finds, on the reported line or the one before or after it,
// a key glued to its value (`erase_device:yes`): the message points at the
// colon, says to add a space, and names the manifest field the key most
// likely meant. The value of a key that is or looks like a secret field is
// never repeated. When the glued line is the first key of its mapping,
// YAML reads it and the next line as one text that is then given a value
// ("mapping values are not allowed" on the next line, after): only the
// line before, with its key at the reported line's indentation, is then
// looked at.
func findGluedKey(doc *Document, line int, after bool) (at Pos, head, help string, ok bool) {
	look := []int{line, line - 1, line + 1}
	if after {
		look = []int{line - 1}
	}
	for _, l := range look {
		if l < 1 || l > doc.Lines().Count() {
			continue
		}
		text := doc.Line(l)
		m := gluedKey().FindStringSubmatch(text)
		if m == nil {
			continue
		}
		lead, key, value := m[1], m[2], m[3]
		if after && len(lead) != firstNonBlank(doc.Line(line))-1 {
			continue
		}
		best := Closest(key, FieldNames)
		shown := value
		if IsSecret(best) || secretish(key) || mentionsSecret([]byte(key)) || utf8.RuneCountInString(value) > 40 || strings.ContainsAny(value, "`") {
			shown = "…"
		}
		help = fmt.Sprintf("YAML reads the whole line as text, not as a key and a value: write `%s: %s` (a space after the colon)", key, shown)
		if best != "" && best != key {
			help = fmt.Sprintf("YAML reads the whole line as text, not as a key and a value: write `%s: %s` (the manifest field's name, and a space after the colon)", best, shown)
		}
		return Pos{l, column(text, len(lead)+len(key))}, fmt.Sprintf("`%s:` has no space after the colon", key), help, true
	}
	return Pos{}, "", "", false
}

// shorten cuts a long value to its first 37 characters and "…", for a
// message that repeats it.
func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "…"
	}
	return s
}

// reservedWhy is the headline of a plain value starting with c, and why
// YAML refuses it.
func reservedWhy(c byte) (head, why string) {
	head = fmt.Sprintf("a value cannot start with `%c`", c)
	switch c {
	case '*':
		return head, "YAML reads `*name` as an alias (a reference to an `&name` anchor), and `*` followed by anything else as an error"
	case '&':
		return head, "YAML reads `&name` as an anchor"
	case '%':
		return head, "YAML reserves it for directives"
	}
	return head, "YAML reserves that character"
}

// reservedReason is why YAML refuses a value that starts with c.
func reservedReason(c byte) string {
	_, why := reservedWhy(c)
	return why
}

// findReservedStart finds, on the reported line or the next, a value that
// starts with a character YAML reserves (`@`, backquote) or reads as an
// alias or anchor (`*`, `&`): AWS's own templates hold `@BUCKET@` and
// `***Your bucket***`. It returns the character's position.
func findReservedStart(doc *Document, line int) (Pos, byte, bool) {
	for l := max(line-1, 1); l <= line+1; l++ {
		text := doc.Line(l)
		t := strings.TrimLeft(text, " ")
		at := len(text) - len(t)
		if strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "- ") {
			rest := strings.TrimLeft(t[2:], " ")
			at += len(t) - len(rest)
			t = rest
		}
		if i := strings.Index(t, ": "); i >= 0 && !strings.ContainsAny(t[:i], "\"'[{") {
			rest := strings.TrimLeft(t[i+2:], " ")
			at += len(t) - len(rest)
			t = rest
		}
		if t != "" && strings.IndexByte("@`*&", t[0]) >= 0 {
			return Pos{l, column(text, at)}, t[0], true
		}
	}
	return Pos{}, 0, false
}

// findBadIndent finds the line near line whose indentation fits no open
// mapping: a key indented less than the keys beside it but more than its
// parent, or more than the key above it, which already holds a value.
// yaml.v3 reports the first case on the line before the fault, and the
// second as a value holding `: `.
func findBadIndent(doc *Document, line int) (at Pos, head, help string, ok bool) {
	return findBadIndentIn(doc, line-1, line+1)
}

// findBadIndentIn is findBadIndent for a fault on a line from `from` to
// `to`. When the top-level mapping does not start on line 1 (a comment
// above it), yaml.v3 reports a key indented too little at the line where
// that mapping starts, far above the fault: syntaxFinding then searches
// from there to the end.
func findBadIndentIn(doc *Document, from, to int) (at Pos, head, help string, ok bool) {
	// level is an open block: a mapping's keys, a list's `- ` marks, or
	// the keys of a list entry.
	type level struct {
		indent int
		key    string // the key the block is under, "" at the top
		desc   string // "the keys of `returnAddress:`", for messages
		keep   string // "under `returnAddress:`", "in the entry"
		list   bool   // the `- ` marks of a list
		entry  int    // for a list: the indentation of its entries' keys
	}
	stack := []level{{desc: "the top level", keep: "at the top level"}}
	opens, openKey := false, ""
	lastKey, lastLine := "", 0
	// A block scalar (`notes: |`) open under a key indented blockKey
	// spaces: its text is indented blockText (0 until its first line).
	blockKey, blockName, blockHead, blockText, blockLine := -1, "", "", 0, 0
	for l := 1; l <= to && l <= doc.Lines().Count(); l++ {
		text := doc.Line(l)
		t := strings.TrimLeft(text, " ")
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		ind := len(text) - len(t)
		if strings.HasPrefix(t, "\t") {
			return Pos{}, "", "", false // tabs have their own message
		}
		if blockKey >= 0 {
			if ind > blockKey {
				switch {
				case blockText == 0:
					blockText, blockLine = ind, l
				case ind < blockText && l >= from:
					// Text is not quoted: the line may hold a secret.
					return Pos{l, ind + 1}, fmt.Sprintf("the line is indented %s, less than the text of `%s: %s`", Plural(ind, "space"), blockName, blockHead),
						fmt.Sprintf("a block scalar's text (%s from line %d) ends at the first line indented less: indent it %s to continue the text, or %s if it is the next key",
							Plural(blockText, "space"), blockLine, Plural(blockText, "space"), keyColumn(blockKey)), true
				}
				continue
			}
			blockKey = -1
		}
		item := strings.HasPrefix(t, "- ") || t == "-"
		key, _, hasColon := strings.Cut(t, ":")
		key = strings.TrimSpace(strings.TrimPrefix(key, "- "))
		top := stack[len(stack)-1]
		switch {
		case ind > top.indent && opens:
			lv := level{indent: ind, key: openKey, desc: "the keys of `" + openKey + ":`", keep: "under `" + openKey + ":`"}
			if item {
				lv.list, lv.desc = true, "the `- ` entries of `"+openKey+":`"
			}
			stack = append(stack, lv)
		case ind > top.indent && l >= from:
			if hasColon && lastKey != "" {
				fix := fmt.Sprintf("indent it %s, like the keys beside it", Plural(top.indent, "space"))
				if top.indent == 0 {
					fix = "start it in column 1, like the keys beside it"
				}
				return Pos{l, ind + 1}, fmt.Sprintf("`%s` is indented %s, more than `%s:` on line %d", key, Plural(ind, "space"), lastKey, lastLine),
					fmt.Sprintf("`%s:` already has a value: %s", lastKey, fix), true
			}
		case ind < top.indent:
			for len(stack) > 1 && stack[len(stack)-1].indent > ind {
				stack = stack[:len(stack)-1]
			}
			if outer := stack[len(stack)-1]; outer.indent != ind && l >= from {
				end := fmt.Sprintf(", or %d to end that block and go on with %s", outer.indent, outer.desc)
				if outer.list {
					end = fmt.Sprintf(" (%s are at %d)", outer.desc, outer.indent)
				}
				return Pos{l, ind + 1}, fmt.Sprintf("`%s` is indented %s, less than the keys above it", key, Plural(ind, "space")),
					fmt.Sprintf("%s are at %d: indent it %s to keep it %s%s", top.desc, top.indent, Plural(top.indent, "space"), top.keep, end), true
			}
		}
		cur := &stack[len(stack)-1]
		if cur.list && cur.indent == ind && !item && l >= from && cur.entry > 0 {
			// The list sits under its key, one level down the stack.
			parent := stack[len(stack)-2].indent
			return Pos{l, ind + 1}, fmt.Sprintf("`%s` is indented %s, like the `- ` of `%s:`", key, Plural(ind, "space"), cur.key),
				fmt.Sprintf("indent it %s to keep it in the entry above, %s if it comes after the list, or start a new entry with `- `",
					Plural(cur.entry, "space"), keyColumn(parent)), true
		}
		value := ""
		if hasColon {
			_, value, _ = strings.Cut(t, ":")
		}
		value = strings.TrimSpace(value)
		if i := strings.Index(value, " #"); i >= 0 || strings.HasPrefix(value, "#") {
			value = strings.TrimSpace(value[:max(i, 0)])
		}
		keyInd := ind
		if item {
			keyInd = ind + 2 + len(t[min(2, len(t)):]) - len(strings.TrimLeft(t[min(2, len(t)):], " "))
		}
		if m := blockIndicator().FindStringSubmatch(value); hasColon && m != nil {
			blockKey, blockName, blockHead, blockText, blockLine = keyInd, key, value, 0, l+1
			if m[1] != "" {
				blockText = keyInd + int(m[1][0]-'0')
			}
		}
		if item {
			// A list entry's keys sit after "- ".
			inner := keyInd
			listKey := cur.key
			if opens && ind == top.indent && top.indent == cur.indent {
				listKey = openKey // a list at its key's indentation (`operations:` then `- `)
			}
			if cur.list && cur.indent == ind {
				cur.entry = inner
			}
			stack = append(stack, level{indent: inner, key: listKey,
				desc: entryDesc(key, hasColon, listKey), keep: "in the entry"})
		}
		opens = hasColon && value == "" || item && !hasColon
		if opens {
			openKey = key
		}
		if hasColon {
			lastKey, lastLine = key, l
		}
	}
	return Pos{}, "", "", false
}

// blockIndicator matches a block scalar's header (`|`, `>-`, `|2+`); its
// group is the explicit indentation digit, if any.
var blockIndicator = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[|>][-+]?([1-9]?)[-+]?$`) })

// entryDesc names the keys of a list entry for an indentation message:
// "the keys of the entry `- exportBucket:` of `operations:`".
func entryDesc(first string, hasColon bool, list string) string {
	if !hasColon || first == "" {
		return "the keys of an entry of `" + list + ":`"
	}
	return "the keys of the entry `- " + first + ":` of `" + list + ":`"
}

// keyColumn is where a key indented n spaces starts, for "or … to start
// the next key".
func keyColumn(n int) string {
	if n == 0 {
		return "start it in column 1"
	}
	return "indent it " + Plural(n, "space")
}

// firstNonBlank is the 1-based column of a line's first character that is
// not a space or a tab (1 for a blank line).
func firstNonBlank(text string) int {
	return len(text) - len(strings.TrimLeft(text, " \t")) + 1
}

// column is the 1-based character column of byte offset i in text.
func column(text string, i int) int { return utf8.RuneCountInString(text[:i]) + 1 }

// findTab finds the first tab in the indentation of the reported line or of
// the two lines after it.
func findTab(doc *Document, line int, fallback Pos) Pos {
	for l := line; l <= line+2; l++ {
		text := doc.Line(l)
		indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
		if i := strings.IndexByte(indent, '\t'); i >= 0 {
			return Pos{l, column(text, i)}
		}
	}
	return fallback
}

// findOpenQuote finds the quote that opens the unterminated scalar on line.
func findOpenQuote(text string, fallback Pos) Pos {
	for i := 0; i < len(text); i++ {
		if (text[i] == '"' || text[i] == '\'') && (i == 0 || text[i-1] == ' ' || text[i-1] == '[' || text[i-1] == ',') {
			return Pos{fallback.Line, column(text, i)}
		}
	}
	return fallback
}

// findOpenBracket finds the innermost `[` or `{` still open at the end of
// line+1, scanning from the top and skipping quoted text and comments.
func findOpenBracket(doc *Document, line int, fallback Pos) Pos {
	var stack []Pos
	for l := 1; l <= line+1; l++ {
		text := doc.Line(l)
		var quote byte
		for i := 0; i < len(text); i++ {
			c := text[i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				if i == 0 || strings.IndexByte(" [{,:", text[i-1]) >= 0 {
					quote = c
				}
			case c == '#' && (i == 0 || text[i-1] == ' '):
				i = len(text)
			case c == '[' || c == '{':
				stack = append(stack, Pos{l, column(text, i)})
			case (c == ']' || c == '}') && len(stack) > 0:
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) == 0 {
		return fallback
	}
	return stack[len(stack)-1]
}

// findSecondColon finds the `: ` inside a value, the usual cause of
// "mapping values are not allowed in this context".
func findSecondColon(text string, fallback Pos) Pos {
	first := strings.Index(text, ": ")
	if first < 0 {
		return fallback
	}
	rest := text[first+2:]
	for i := 0; i < len(rest); i++ {
		if rest[i] == ':' && (i+1 == len(rest) || rest[i+1] == ' ') {
			return Pos{fallback.Line, column(text, first+2+i)}
		}
	}
	return fallback
}

// invalidUTF8Offset is the byte offset of the first byte that is not UTF-8.
func invalidUTF8Offset(src []byte) int {
	i := 0
	for i < len(src) {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	return i
}

// firstControl finds the first character YAML does not allow in a stream
// (YAML 1.2 §5.1: C0 controls but tab, LF and CR; DEL; C1 controls but NEL;
// U+FFFE and U+FFFF), or -1. src is valid UTF-8.
func firstControl(src []byte) (int, rune) {
	for i, r := range string(src) {
		switch {
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r',
			r == 0x7F, r >= 0x80 && r <= 0x9F && r != 0x85, r == 0xFFFE, r == 0xFFFF:
			return i, r
		}
	}
	return -1, 0
}

// isBlank reports whether the source holds only whitespace, comments and
// document markers: the Manifest parameter is then missing (spec §1).
func isBlank(l *Lines) bool {
	for n := 1; n <= l.Count(); n++ {
		t := bytes.TrimSpace(l.Line(n))
		if len(t) == 0 || t[0] == '#' || bytes.Equal(t, []byte("---")) || bytes.Equal(t, []byte("...")) {
			continue
		}
		return false
	}
	return true
}

// sameValue reports whether two values are the same text: equal scalars
// (`1` and "1" alike, as manifests read scalars as text), or collections
// written byte for byte alike.
func sameValue(doc *Document, a, b *yaml.Node) bool {
	if a == nil || b == nil || a.Kind != b.Kind {
		return false
	}
	if a.Kind == yaml.ScalarNode {
		return a.Value == b.Value
	}
	sa, sb := doc.Span(a), doc.Span(b)
	return bytes.Equal(doc.Source[sa.Start:sa.End], doc.Source[sb.Start:sb.End])
}

// removeEntryFix is an unsafe fix that removes the mapping entry k: v with
// its whole lines, when the entry has its lines to itself (the key starts
// its line, nothing but spaces follow the value) and holds no comment (which
// would go with it); else nil.
func removeEntryFix(doc *Document, k, v *yaml.Node, title string) *Fix {
	l := doc.Lines()
	src := doc.Source
	ks, vs := doc.Span(k), doc.Span(v)
	first := l.Pos(ks.Start).Line
	end := max(ks.End, vs.End)
	last := l.Pos(end).Line
	if len(bytes.Trim(src[l.Start(first):ks.Start], " ")) != 0 ||
		len(bytes.Trim(src[end:l.End(last)], " \t")) != 0 ||
		bytes.IndexByte(src[l.Start(first):l.End(last)], '#') >= 0 {
		return nil
	}
	from, to := l.Start(first), l.End(last)
	switch {
	case last < l.Count():
		to = l.Start(last + 1)
	case first > 1:
		from = l.End(first - 1)
	default:
		return nil // the whole manifest
	}
	return &Fix{Title: title, Applicability: Unsafe, Edits: []Edit{{Start: from, End: to}}}
}

// templateMark matches a template placeholder that YAML refuses as the
// start of a plain value: `@BUCKET@` (`@` is reserved) and `***BUCKET***`
// (`*` starts an alias).
var templateMark = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:@[A-Za-z_][^@]*@|\*\*\*[^*\s][^*]*\*\*\*)`)
})

// withTemplatePlaceholders adds to the syntax error f, which ends the parse,
// a finding for every line whose value is an unquoted template placeholder
// (`bucket: @BUCKET@`), found by a scan of the raw lines: YAML stops at the
// first, and a template with five placeholders would otherwise take five
// runs to see them all. f is kept unless it is at one of those lines (the
// placeholder's finding says more).
func withTemplatePlaceholders(doc *Document, f Finding) []Finding {
	var out []Finding
	type open struct {
		indent int
		key    string
	}
	var stack []open
	lines := doc.Lines()
	for l := 1; l <= lines.Count(); l++ {
		text := doc.Line(l)
		t := strings.TrimLeft(text, " ")
		indent := len(text) - len(t)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		at := indent
		if strings.HasPrefix(t, "- ") {
			rest := strings.TrimLeft(t[2:], " ")
			at += len(t) - len(rest)
			indent = at
			t = rest
		}
		i := strings.Index(t, ": ")
		rest := ""
		switch {
		case i > 0:
			rest = strings.TrimLeft(t[i+2:], " ")
		case strings.HasSuffix(t, ":"): // a key whose value is on the lines below
			i = len(t) - 1
		}
		if i <= 0 || strings.ContainsAny(t[:i], "\"'[{#") {
			continue
		}
		key := t[:i]
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		path := ""
		for _, o := range stack {
			path = JoinPath(path, o.key)
		}
		path = JoinPath(path, key)
		stack = append(stack, open{indent, key})
		m := templateMark().FindString(rest)
		if m == "" {
			continue
		}
		at += len(t) - len(rest)
		start := lines.Offset(Pos{l, column(text, at)})
		head := fmt.Sprintf("%s is the template placeholder `%s`, never filled in", path, m)
		if len(head) > 90 {
			head = path + " is a template placeholder, never filled in"
		}
		out = append(out, yamlSyntaxRule.Errorf(MalformedManifest, lines.SpanOf(start, start+len(m)), path, head).
			WithHelp("replace it with the real value; YAML refuses the file as it is: "+reservedReason(m[0])))
	}
	for _, p := range out {
		if p.Line == f.Line {
			return out
		}
	}
	return append([]Finding{f}, out...)
}

// bracesPlaceholder reports the flow mapping m as `{{ name }}`, a template
// placeholder: its one key k is a flow mapping `{name}` of one key with no
// value, and its value v is empty.
func bracesPlaceholder(m, k, v *yaml.Node) bool {
	return m.Style&yaml.FlowStyle != 0 && len(m.Content) == 2 && k.Kind == yaml.MappingNode && k.Style&yaml.FlowStyle != 0 &&
		len(k.Content) == 2 && k.Content[0].Kind == yaml.ScalarNode && k.Content[0].Value != "" && k.Content[1].Value == "" && v.Value == ""
}
