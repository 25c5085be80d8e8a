package schema

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// quick is a kind's schema compiled for one question: does a manifest pass
// it? It answers straight from the yaml.Node tree, without building the Go
// value gojsonschema needs and without gojsonschema's per-node result
// bookkeeping, the bulk of checking a valid manifest. Check asks it first; only when it says "fails" does gojsonschema
// run, to name the errors, so findings are exactly gojsonschema's.
//
// It knows the keywords the manifest schemas use: type, properties,
// required, additionalProperties (false or a schema), items (one schema),
// enum and const (of strings), pattern, minLength, maxLength, minItems,
// maxItems, $ref to #/definitions/NAME, and the annotations (title,
// description, $schema, $id, $comment, default, examples). A schema using
// any other keyword is not compiled (compileQuick returns nil) and every
// manifest goes to gojsonschema, so a new keyword can never be ignored.
// TestQuickAgrees and FuzzQuickAgrees check it against gojsonschema.
type quick struct {
	types     []string // empty: any type
	typeBits  uint8    // the typeBit of each of types; 0: any type
	props     map[string]*quick
	required  []string
	noExtra   bool   // additionalProperties: false
	extra     *quick // additionalProperties: a schema
	items     *quick
	enum      []string // enum or const; nil: none
	hasEnum   bool
	pattern   *lazyRegexp
	minLength int // -1: none
	maxLength int
	minItems  int
	maxItems  int
}

// annotations are keywords that do not constrain a value.
// patternErrorMessage, errorMessage and defaultSnippets are
// yaml-language-server's: the message shown instead of a regular expression
// or a list of values, and the snippets it offers.
var annotations = map[string]bool{"title": true, "description": true, "$schema": true, "$id": true,
	"$comment": true, "default": true, "examples": true, "definitions": true,
	"patternErrorMessage": true, "errorMessage": true, "defaultSnippets": true}

// compileQuick compiles the root of a bundled schema document; nil when it
// uses a keyword quick does not know.
func compileQuick(doc map[string]any) *quick {
	defs, _ := doc["definitions"].(map[string]any)
	c := quickCompiler{defs: defs, done: map[string]*quick{}}
	q := c.compile(doc)
	if c.failed {
		return nil
	}
	return q
}

type quickCompiler struct {
	defs   map[string]any
	done   map[string]*quick // compiled definitions, by name (also breaks cycles)
	failed bool
}

func (c *quickCompiler) compile(v any) *quick {
	s, ok := v.(map[string]any)
	if !ok {
		c.failed = true // boolean schemas are not used
		return nil
	}
	if ref, ok := s["$ref"]; ok {
		name, isLocal := strings.CutPrefix(toString(ref), "#/definitions/")
		if !isLocal || len(s) != 1 && !onlyAnnotations(s, "$ref") {
			c.failed = true
			return nil
		}
		if q, ok := c.done[name]; ok {
			return q
		}
		def, ok := c.defs[name]
		if !ok {
			c.failed = true
			return nil
		}
		q := &quick{}
		c.done[name] = q
		if r := c.compile(def); r != nil {
			*q = *r
		}
		return q
	}
	q := &quick{minLength: -1, maxLength: -1, minItems: -1, maxItems: -1}
	for k, val := range s {
		switch k {
		case "type":
			switch t := val.(type) {
			case string:
				q.types = []string{t}
			case []any:
				for _, x := range t {
					q.types = append(q.types, toString(x))
				}
			default:
				c.failed = true
			}
			for _, t := range q.types {
				q.typeBits |= typeBit(t)
			}
		case "properties":
			m, ok := val.(map[string]any)
			if !ok {
				c.failed = true
				continue
			}
			q.props = make(map[string]*quick, len(m))
			for name, sub := range m {
				q.props[name] = c.compile(sub)
			}
		case "required":
			l, ok := val.([]any)
			if !ok {
				c.failed = true
				continue
			}
			for _, x := range l {
				q.required = append(q.required, toString(x))
			}
		case "additionalProperties":
			switch a := val.(type) {
			case bool:
				q.noExtra = !a
			default:
				q.extra = c.compile(a)
			}
		case "items":
			q.items = c.compile(val)
		case "enum", "const":
			vals := []any{val}
			if k == "enum" {
				l, ok := val.([]any)
				if !ok {
					c.failed = true
					continue
				}
				vals = l
			}
			if q.hasEnum {
				c.failed = true // both enum and const: not used
			}
			q.hasEnum = true
			for _, x := range vals {
				str, ok := x.(string)
				if !ok {
					c.failed = true // only text values are ever validated
				}
				q.enum = append(q.enum, str)
			}
		case "pattern":
			re, ok := patternFor(toString(val))
			if !ok {
				c.failed = true
				continue
			}
			q.pattern = re
		case "minLength", "maxLength", "minItems", "maxItems":
			f, ok := val.(float64)
			if !ok || f < 0 || f != float64(int(f)) {
				c.failed = true
				continue
			}
			switch k {
			case "minLength":
				q.minLength = int(f)
			case "maxLength":
				q.maxLength = int(f)
			case "minItems":
				q.minItems = int(f)
			case "maxItems":
				q.maxItems = int(f)
			}
		default:
			if !annotations[k] {
				c.failed = true
			}
		}
	}
	return q
}

func onlyAnnotations(s map[string]any, except string) bool {
	for k := range s {
		if k != except && !annotations[k] {
			return false
		}
	}
	return true
}

func toString(v any) string {
	s, _ := v.(string)
	return s
}

// lazyRegexp is a schema pattern compiled on its first use, once per
// process for all kinds: a one-file run compiles only the patterns its
// manifest reaches. A pattern that only bounds a character set and a length
// (`^[A-Za-z0-9._-]{1,255}$`, `^[0-9]{4,12}$`, `^[A-Za-z0-9_-]+$`) is
// never compiled: class holds its character set, and matchString checks each
// character and the count (compiling a counted repeat such as `{1,255}` is
// slow, and a one-file run would pay for it at start-up).
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp

	class    []rune    // ranges lo, hi, lo, hi ...; nil: not a set pattern
	ascii    [2]uint64 // the class's ASCII characters, a bit each
	min, max int       // the count of characters allowed; max -1: no bound
}

var (
	patternsMu sync.Mutex
	patterns   = map[string]*lazyRegexp{}
)

// patternFor returns the shared lazy pattern for src; ok is false when src
// does not parse.
func patternFor(src string) (*lazyRegexp, bool) {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil, false
	}
	patternsMu.Lock()
	defer patternsMu.Unlock()
	p := patterns[src]
	if p == nil {
		p = &lazyRegexp{src: src}
		p.class, p.min, p.max = setPattern(re)
		for c := rune(0); c < 0x80; c++ {
			if p.class != nil && inClass(p.class, c) {
				p.ascii[c>>6] |= 1 << (c & 63)
			}
		}
		patterns[src] = p
	}
	return p, true
}

// setPattern recognises ^[set]{m,n}$ (and + * ? {m} forms) in a parsed
// pattern: the set's ranges and the bounds of the count; class is nil for
// any other pattern.
func setPattern(re *syntax.Regexp) (class []rune, min, max int) {
	if re.Op != syntax.OpConcat || len(re.Sub) != 3 ||
		re.Sub[0].Op != syntax.OpBeginText || re.Sub[2].Op != syntax.OpEndText {
		return nil, 0, 0
	}
	r := re.Sub[1]
	switch r.Op {
	case syntax.OpRepeat:
		min, max = r.Min, r.Max
	case syntax.OpPlus:
		min, max = 1, -1
	case syntax.OpStar:
		min, max = 0, -1
	case syntax.OpQuest:
		min, max = 0, 1
	default:
		return nil, 0, 0
	}
	if len(r.Sub) != 1 {
		return nil, 0, 0
	}
	switch c := r.Sub[0]; c.Op {
	case syntax.OpCharClass:
		return c.Rune, min, max
	case syntax.OpLiteral:
		if len(c.Rune) == 1 && c.Flags&syntax.FoldCase == 0 {
			return []rune{c.Rune[0], c.Rune[0]}, min, max
		}
	}
	return nil, 0, 0
}

// matchString reports whether s matches; a pattern that fails to compile
// matches nothing, so gojsonschema decides.
func (l *lazyRegexp) matchString(s string) bool {
	if l.class != nil {
		n := 0
		for i := 0; i < len(s); n++ {
			if c := s[i]; c < 0x80 {
				if l.ascii[c>>6]&(1<<(c&63)) == 0 {
					return false
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:]) // U+FFFD for a broken sequence, as range does
			if !inClass(l.class, r) {
				return false
			}
			i += size
		}
		return n >= l.min && (l.max < 0 || n <= l.max)
	}
	l.once.Do(func() { l.re, _ = regexp.Compile(l.src) })
	return l.re != nil && l.re.MatchString(s)
}

// inClass reports whether r is in one of the ranges of class.
func inClass(class []rune, r rune) bool {
	for i := 0; i+1 < len(class); i += 2 {
		if class[i] <= r && r <= class[i+1] {
			return true
		}
	}
	return false
}

// valid reports whether n passes q. The tree is Parse's: no aliases, no
// anchors, plain-text keys, no duplicate keys.
func (q *quick) valid(n *yaml.Node) bool {
	if !q.hasType(n) {
		return false
	}
	switch n.Kind {
	case yaml.ScalarNode:
		v := n.Value
		if q.hasEnum && !slices.Contains(q.enum, v) {
			return false
		}
		if q.minLength >= 0 || q.maxLength >= 0 {
			l := utf8.RuneCountInString(v)
			if q.minLength >= 0 && l < q.minLength || q.maxLength >= 0 && l > q.maxLength {
				return false
			}
		}
		if q.pattern != nil && !q.pattern.matchString(v) {
			return false
		}
	case yaml.MappingNode:
		if q.hasEnum {
			return false
		}
		for _, r := range q.required {
			if _, v := getKey(n, r); v == nil {
				return false
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if p, ok := q.props[k.Value]; ok {
				if !p.valid(v) {
					return false
				}
				continue
			}
			if q.noExtra || q.extra != nil && !q.extra.valid(v) {
				return false
			}
		}
	case yaml.SequenceNode:
		if q.hasEnum {
			return false
		}
		if q.minItems >= 0 && len(n.Content) < q.minItems || q.maxItems >= 0 && len(n.Content) > q.maxItems {
			return false
		}
		if q.items != nil {
			for _, c := range n.Content {
				if !q.items.valid(c) {
					return false
				}
			}
		}
	default:
		return false // not in a parsed manifest: let gojsonschema decide
	}
	return true
}

// typeBit is a JSON type's bit in quick.typeBits: one for each type
// jsonType gives, one shared by the others, which no node has.
func typeBit(t string) uint8 {
	switch t {
	case "object":
		return 1
	case "array":
		return 2
	case "string":
		return 4
	}
	return 8
}

// hasType reports whether n is of one of q's types: jsonType(n) is in
// q.types, tested on bits.
func (q *quick) hasType(n *yaml.Node) bool {
	return q.typeBits == 0 || q.typeBits&typeBit(jsonType(n)) != 0
}

// jsonType is the JSON type of the value toValue builds from n.
func jsonType(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	}
	return "string"
}

func getKey(m *yaml.Node, key string) (k, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}
