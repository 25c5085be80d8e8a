package lsp

// Completion reads the text around the cursor line by line (the document
// is often not valid YAML while it is typed): the indentation of the lines
// above gives the mapping the cursor is in, the kind's schema its keys.

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"sync"

	"github.com/manifestlint/manifestlint/internal/suppress"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/rules"
	"github.com/manifestlint/manifestlint/validate"
	"go.yaml.in/yaml/v3"
)

// lineToken is what completion sees of one line: where its first token
// starts, whether it opens a list item, and the key it holds.
type lineToken struct {
	blank    bool
	dash     int    // column of a leading "- ", or -1
	keyCol   int    // column of the key, or of the content
	key      string // "" when the line holds no `key:`
	hasValue bool   // something follows the colon
}

var keyLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([A-Za-z0-9_."'-][^:#]*?)\s*:(\s+[^#\s].*|\s*(#.*)?)$`)
})

func tokenize(line string) lineToken {
	t := lineToken{dash: -1}
	trimmed := strings.TrimLeft(line, " ")
	if strings.TrimSpace(trimmed) == "" || strings.HasPrefix(trimmed, "#") {
		t.blank = true
		return t
	}
	col := len(line) - len(trimmed)
	if trimmed == "-" || strings.HasPrefix(trimmed, "- ") {
		t.dash = col
		rest := strings.TrimLeft(trimmed[1:], " ")
		col += len(trimmed) - len(rest)
		trimmed = rest
	}
	t.keyCol = col
	if m := keyLine().FindStringSubmatch(strings.TrimRight(trimmed, " \t\r")); m != nil {
		t.key = strings.Trim(m[1], `"'`)
		t.hasValue = strings.TrimSpace(m[2]) != "" && !strings.HasPrefix(strings.TrimSpace(m[2]), "#")
	}
	return t
}

// container is an open mapping while the lines are read.
type container struct {
	col  int // the column the mapping (or item) was opened at
	segs []string
	id   int
}

// scope is where completion happens: the mapping the cursor line belongs
// to, and the keys already in it.
type scope struct {
	segs    []string
	present map[string]bool
}

// scopeAt reads lines (all of the document) with the cursor on line cur
// whose text before the cursor is prefix.
func scopeAt(lines []string, cur int, prefix string) scope {
	stack := []container{{col: -1, id: 0}}
	nextID := 1
	keys := map[int]map[string]bool{}
	curID := -1
	var curSegs []string
	for i, line := range lines {
		if i == cur {
			line = prefix
		}
		t := tokenize(line)
		if t.blank && i != cur {
			continue
		}
		first := t.keyCol
		if t.dash >= 0 {
			first = t.dash
		}
		if t.blank { // the cursor line, still empty
			first = len(line) - len(strings.TrimLeft(line, " "))
		}
		for len(stack) > 1 {
			top := stack[len(stack)-1]
			// A list may start at its key's own column.
			if t.dash >= 0 && top.col == first && top.id > 0 && !strings.HasSuffix(strings.Join(top.segs, "."), "[]") {
				break
			}
			if top.col >= first {
				stack = stack[:len(stack)-1]
				continue
			}
			break
		}
		parent := stack[len(stack)-1]
		if t.dash >= 0 {
			item := container{col: t.dash, segs: appendSeg(parent.segs, "[]"), id: nextID}
			nextID++
			stack = append(stack, item)
			parent = item
		}
		if i == cur {
			curID, curSegs = parent.id, parent.segs
			continue
		}
		if t.key == "" {
			continue
		}
		if keys[parent.id] == nil {
			keys[parent.id] = map[string]bool{}
		}
		keys[parent.id][t.key] = true
		if !t.hasValue {
			stack = append(stack, container{col: t.keyCol, segs: appendSeg(parent.segs, t.key), id: nextID})
			nextID++
		}
	}
	present := keys[curID]
	if present == nil {
		present = map[string]bool{}
	}
	return scope{segs: curSegs, present: present}
}

func appendSeg(segs []string, s string) []string {
	return append(append([]string(nil), segs...), s)
}

var (
	keyPrefix   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\s*)(-\s+)?([A-Za-z0-9_]*)$`) })
	valuePrefix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\s*)(-\s+)?([A-Za-z0-9_]+):(\s*)([^\s#]*)$`) })
)

func (s *Server) completion(params json.RawMessage) (func(context.Context) (any, *rpcError), *rpcError) {
	var p textDocumentPositionParams
	s.mu.Lock()
	snippets := s.caps.snippets
	s.mu.Unlock()
	return s.whenLinted(params, &p, &p.TextDocument.URI, func(snap snapshot, lr *lintResult) any {
		return completionList{Items: complete(lr, snap.index.offset(p.Position, snap.enc), snap.enc, snippets)}
	})
}

// complete lists the completions at byte offset off.
func complete(lr *lintResult, off int, enc encoding, snippets bool) []completionItem {
	idx := lr.index
	if len(idx.text) > 1<<20 {
		return []completionItem{}
	}
	line := idx.position(off, utf8enc).Line
	prefix := idx.text[idx.Start(line+1):off]
	lines := make([]string, idx.Count())
	for i := range lines {
		lines[i] = idx.lineText(i)
	}
	items := []completionItem{}
	kind := lr.kind
	if kind == "" {
		kind = manifest.S3Import
	}
	root := kindField(kind)
	if typed, ok := suppress.NameBeingTyped(prefix); ok {
		// In a suppression comment: the rule ids and the codes it may name.
		rng := Range{idx.position(off-len(typed), enc), idx.position(off, enc)}
		for i, n := range suppressibleNames() {
			items = append(items, completionItem{
				Label: n.Value, Kind: completionKindValue, Detail: n.Name, SortText: sortKey(i),
				TextEdit: &textEdit{rng, n.Value}, InsertTextFormat: insertPlainText,
			})
		}
		return items
	}
	if m := valuePrefix().FindStringSubmatch(prefix); m != nil {
		sc := scopeAt(lines, line, m[1]+m[2])
		key := m[3]
		f := root.lookup(appendSeg(sc.segs, key))
		start := off - len(m[5])
		lead := ""
		if m[4] == "" {
			lead = " "
		}
		rng := Range{idx.position(start, enc), idx.position(off, enc)}
		for i, c := range valueChoices(lr, key, f) {
			items = append(items, completionItem{
				Label: c.Value, Kind: completionKindEnum, Detail: c.Name, FilterText: c.Value,
				SortText: sortKey(i), TextEdit: &textEdit{rng, lead + c.Value}, InsertTextFormat: insertPlainText,
			})
		}
		return items
	}
	m := keyPrefix().FindStringSubmatch(prefix)
	if m == nil {
		return items
	}
	sc := scopeAt(lines, line, prefix)
	parent := root.lookup(sc.segs)
	if parent == nil {
		// A manifest being written may not show its kind yet (an operations
		// entry before its destination): the likeliest kind that has the
		// place the cursor is in.
		kind, parent = kindWith(lr, sc.segs)
		if parent == nil {
			return items
		}
	}
	start := off - len(m[3])
	rng := Range{idx.position(start, enc), idx.position(off, enc)}
	indent := strings.Repeat(" ", len(m[1])+len(m[2]))
	// A new entry of operations, with the dash typed: the whole entry.
	if snippets && m[2] != "" && len(sc.present) == 0 && len(sc.segs) == 2 && sc.segs[0] == "operations" {
		if body := operationSnippet(kind, indent); body != "" {
			items = append(items, completionItem{
				Label: "operation", Kind: completionKindSnippet, Detail: "a new " + kind.Title() + " operation",
				SortText: "0", InsertTextFormat: insertSnippet, TextEdit: &textEdit{rng, body},
			})
		}
	}
	for _, name := range parent.order {
		if sc.present[name] {
			continue
		}
		f := parent.props[name]
		detail := "optional"
		sort := "1"
		if parent.required[name] {
			detail, sort = "required", "0"
		}
		detail += " for " + kind.Title()
		item := completionItem{
			Label: name, Kind: completionKindProperty, Detail: detail, SortText: sort + name,
			Documentation: &markupContent{"markdown", f.desc}, InsertTextFormat: insertPlainText,
			TextEdit: &textEdit{rng, name + ": "},
		}
		if f.typ == "object" || f.typ == "array" {
			item.TextEdit.NewText = name + ":"
		}
		if sn := snippetFor(name, f, indent); sn != "" && snippets {
			item.Kind = completionKindSnippet
			item.InsertTextFormat = insertSnippet
			item.TextEdit.NewText = sn
		}
		items = append(items, item)
	}
	return items
}

// suppressibleNames lists what a suppression comment may name: the
// service codes manifestlint reports, then every rule id (but the
// suppression rules', which a comment cannot silence).
func suppressibleNames() []rules.Choice {
	var out []rules.Choice
	for _, c := range manifest.ErrorCodes {
		if c.Detectable() {
			out = append(out, rules.Choice{Value: string(c.Code), Name: c.Message})
		}
	}
	for _, r := range validate.Rules() {
		if !suppress.Silenceable(r.ID) {
			continue
		}
		out = append(out, rules.Choice{Value: r.ID, Name: r.Doc})
	}
	return out
}

// kindWith returns the likeliest job kind whose schema has segs, and the
// field there: EBS then Glacier import first for a manifestVersion 3.0.
func kindWith(lr *lintResult, segs []string) (manifest.Kind, *field) {
	order := []manifest.Kind{manifest.S3Export, manifest.S3Import, manifest.EBSImport, manifest.GlacierImport}
	if lr.res.Doc != nil && lr.res.Doc.Root != nil {
		if v, _ := manifest.Text(manifest.Value(lr.res.Doc.Root, "manifestVersion")); v == "3.0" {
			order = []manifest.Kind{manifest.EBSImport, manifest.GlacierImport, manifest.S3Export, manifest.S3Import}
		}
	}
	for _, k := range order {
		if f := kindField(k).lookup(segs); f != nil {
			return k, f
		}
	}
	return "", nil
}

func sortKey(i int) string { return string(rune('a'+i/26)) + string(rune('a'+i%26)) }

// valueChoices lists the closed set of values of field key: the rules'
// tables where they decide (rules.FieldChoices), or the schema's enum.
func valueChoices(lr *lintResult, key string, f *field) []rules.Choice {
	var root *yaml.Node
	if lr.res.Doc != nil {
		root = lr.res.Doc.Root
	}
	if choices, ok := rules.FieldChoices(root, key); ok {
		return choices
	}
	var out []rules.Choice
	for _, v := range f.values() {
		out = append(out, rules.Choice{Value: v})
	}
	return out
}

// snippetFor returns a snippet that writes the whole block of field name
// (f), from the schema's snippet for it or for its list's entries, or "".
// Lines after the first are indented from the key's column (indent).
func snippetFor(name string, f *field, indent string) string {
	switch {
	case f == nil:
	case len(f.snippet) > 0: // a mapping: returnAddress, customs
		return name + ":\n" + indent + "  " + snippetLines(f.snippet, indent+"  ")
	case f.items != nil && len(f.items.snippet) > 0: // a list of mappings: operations
		return name + ":\n" + indent + "  - " + snippetLines(f.items.snippet, indent+"    ")
	}
	return ""
}

// operationSnippet is the body of one operations entry of kind, after its
// "- ", from the schema's snippet; its keys sit at column indent.
func operationSnippet(kind manifest.Kind, indent string) string {
	if op := kindField(kind).lookup([]string{"operations", "[]"}); op != nil && len(op.snippet) > 0 {
		return snippetLines(op.snippet, indent)
	}
	return ""
}

// snippetLines writes a snippet body as YAML `key: value` lines, those
// after the first at indent.
func snippetLines(body []snippetEntry, indent string) string {
	lines := make([]string, len(body))
	for i, e := range body {
		lines[i] = e.key + ": " + e.value
	}
	return strings.Join(lines, "\n"+indent)
}
