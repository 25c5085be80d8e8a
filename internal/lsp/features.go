package lsp

// This file answers hover requests from the parsed manifest, the kind's
// schema and the findings; completion is in complete.go, code actions in
// actions.go.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/internal/explain"
	"github.com/manifestlint/manifestlint/internal/suppress"
	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// nodeAt is the key or scalar value under the cursor.
type nodeAt struct {
	isKey bool
	key   string   // the field's name
	path  string   // the finding path of the field (operations[0].region)
	segs  []string // schema path: keys and "[]"
	node  *yaml.Node
}

// findNode returns the key or value at 1-based line and code-point column.
func findNode(root *yaml.Node, line, col int) (nodeAt, bool) {
	var found nodeAt
	ok := false
	var walk func(n *yaml.Node, path string, segs []string, depth int)
	walk = func(n *yaml.Node, path string, segs []string, depth int) {
		if ok || n == nil || depth > 50 {
			return
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := manifest.JoinPath(path, k.Value)
				s := append(append([]string(nil), segs...), k.Value)
				if covers(k, line, col) {
					found, ok = nodeAt{isKey: true, key: k.Value, path: p, segs: s, node: k}, true
					return
				}
				if v.Kind == yaml.ScalarNode && covers(v, line, col) {
					found, ok = nodeAt{key: k.Value, path: p, segs: s, node: v}, true
					return
				}
				walk(v, p, s, depth+1)
			}
		case yaml.SequenceNode:
			for i, item := range n.Content {
				walk(item, manifest.IndexPath(path, i), append(append([]string(nil), segs...), "[]"), depth+1)
			}
		}
	}
	walk(root, "", nil, 0)
	return found, ok
}

// covers reports whether a scalar node spans line:col (its text, plus
// quotes for a quoted one).
func covers(n *yaml.Node, line, col int) bool {
	if n.Kind != yaml.ScalarNode || n.Line != line || col < n.Column {
		return false
	}
	width := utf8.RuneCountInString(n.Value)
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		width += 2
	}
	return col <= n.Column+max(width, 1)
}

// lineCol returns the 1-based line and code-point column of off.
func lineCol(idx *lineIndex, off int) (int, int) {
	p := idx.yamlLines().Pos(off)
	return p.Line, p.Column
}

func (s *Server) hover(params json.RawMessage) (func(context.Context) (any, *rpcError), *rpcError) {
	var p textDocumentPositionParams
	return s.whenLinted(params, &p, &p.TextDocument.URI, func(snap snapshot, lr *lintResult) any {
		if h := hoverText(lr, snap.index.offset(p.Position, snap.enc), snap.enc); h != nil {
			return h
		}
		return nil // not a nil *hover: the answer is JSON null
	})
}

// hoverText builds the hover at byte offset off, or nil.
func hoverText(lr *lintResult, off int, enc encoding) *hover {
	idx := lr.index
	var b strings.Builder
	var rng *Range
	// The findings under the cursor, with their code's explanation.
	var hits []manifest.Finding
	for _, f := range lr.res.Findings {
		if off >= f.Start && (off < f.End || off == f.Start) {
			hits = append(hits, f)
		}
	}
	if doc := lr.res.Doc; doc != nil {
		// A name in a suppression comment: what it names.
		line, col := lineCol(idx, off)
		for _, d := range suppress.ScanDocument(doc) {
			if d.Line != line {
				continue
			}
			for _, n := range d.Names {
				if col >= n.Column && col <= n.Column+utf8.RuneCountInString(n.Text) {
					var ex bytes.Buffer
					if explain.Lookup(&ex, n.Text) != nil {
						return nil
					}
					start := idx.yamlLines().Offset(manifest.Pos{Line: line, Column: n.Column})
					r := Range{idx.position(start, enc), idx.position(start+len(n.Text), enc)}
					return &hover{Contents: markupContent{"markdown", textBlock(ex.String())}, Range: &r}
				}
			}
		}
	}
	if doc := lr.res.Doc; doc != nil && doc.Root != nil {
		line, col := lineCol(idx, off)
		if n, ok := findNode(doc.Root, line, col); ok {
			sp := doc.Span(n.node)
			r := Range{idx.position(sp.Start, enc), idx.position(sp.End, enc)}
			rng = &r
			if doc.Secrets.Covers(sp.Start, sp.End) {
				// A key inside a secret value is the secret.
				n.key = manifest.SecretMask
			}
			if n.isKey || len(hits) == 0 {
				fieldHover(&b, lr.kind, n)
			}
			for _, f := range lr.res.Findings {
				if f.Path == n.path && !containsFinding(hits, f) && n.isKey {
					hits = append(hits, f)
				}
			}
		}
	}
	for _, f := range hits {
		if b.Len() > 0 {
			b.WriteString("\n\n---\n\n")
		}
		findingHover(&b, f)
	}
	if b.Len() == 0 {
		return nil
	}
	return &hover{Contents: markupContent{Kind: "markdown", Value: b.String()}, Range: rng}
}

func containsFinding(fs []manifest.Finding, f manifest.Finding) bool {
	for _, g := range fs {
		if g.Line == f.Line && g.Column == f.Column && g.Rule == f.Rule && g.Code == f.Code {
			return true
		}
	}
	return false
}

// fieldHover describes a field: what it is, whether the kind requires it,
// its allowed values and an example.
func fieldHover(b *strings.Builder, kind manifest.Kind, n nodeAt) {
	root := kindField(kind)
	parent := root.lookup(n.segs[:len(n.segs)-1])
	f := root.lookup(n.segs)
	fmt.Fprintf(b, "**%s**", mdEscape(n.key))
	switch {
	case f == nil:
		fmt.Fprintf(b, " — not a field of %s manifests", kind.Title())
		b.WriteString("\n")
		return
	case parent != nil && parent.required[n.key]:
		fmt.Fprintf(b, " — required for %s", kind.Title())
	default:
		fmt.Fprintf(b, " — optional for %s", kind.Title())
	}
	b.WriteString("\n\n")
	b.WriteString(f.desc)
	if vals := f.values(); len(vals) > 0 {
		b.WriteString("\n\nAllowed values: ")
		for i, v := range vals {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("`" + v + "`")
		}
	}
	ex := f.example
	if ex == "" && len(f.values()) > 0 {
		ex = f.values()[0]
	}
	if ex != "" {
		fmt.Fprintf(b, "\n\nExample: `%s: %s`", n.key, ex)
	}
}

// findingHover shows a finding and its code's (or rule's) explanation.
func findingHover(b *strings.Builder, f manifest.Finding) {
	name := string(f.Code)
	if name == "" {
		name = f.Rule
	}
	fmt.Fprintf(b, "**%s** (%s, rule `%s`)\n\n%s", mdEscape(name), f.Severity, f.Rule, mdEscape(f.Text()))
	var ex bytes.Buffer
	if explain.Lookup(&ex, name) == nil && ex.Len() > 0 {
		b.WriteString("\n\n" + textBlock(ex.String()))
	}
}

// textBlock shows plain text (explain's) as a markdown code block.
func textBlock(text string) string {
	return "```text\n" + strings.TrimRight(strings.ReplaceAll(text, "```", "'''"), "\n") + "\n```"
}

// mdEscape keeps manifest text from being read as markdown (emphasis,
// links, HTML): outside `code spans` the markdown characters are escaped;
// inside them nothing is interpreted anyway.
func mdEscape(s string) string {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 {
		// An unclosed backtick: escape everything, the backtick too.
		return strings.ReplaceAll(mdEscaper.Replace(s), "`", "\\`")
	}
	for i := 0; i < len(parts); i += 2 {
		parts[i] = mdEscaper.Replace(parts[i])
	}
	return strings.Join(parts, "`")
}

var mdEscaper = strings.NewReplacer("\\", "\\\\", "*", "\\*", "_", "\\_", "[", "\\[", "]", "\\]", "<", "&lt;", ">", "&gt;", "#", "\\#", "!", "\\!")
