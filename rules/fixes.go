package rules

import (
	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// setValue is a fix that replaces the scalar value n with s, quoted as n
// was (manifest.ScalarAs). An empty value (`key:` with nothing after it) is
// filled in after a space.
func (c *Context) setValue(n *yaml.Node, s string, app manifest.Applicability, title string) *manifest.Fix {
	return setValue(c.Doc, n, s, app, title)
}

// setValue is Context.setValue for code that has the document only.
func setValue(d *manifest.Document, n *yaml.Node, s string, app manifest.Applicability, title string) *manifest.Fix {
	if n == nil || n.Kind != yaml.ScalarNode || n.Line == 0 {
		return nil
	}
	sp := d.Span(n)
	text := manifest.ScalarAs(n, s)
	if sp.Empty() && sp.Start > 0 && d.Source[sp.Start-1] == ':' {
		text = " " + text
	}
	return manifest.ReplaceFix(title, app, sp.Start, sp.End, text)
}

// renameKey is a fix that renames key k of mapping m to name, quoted as k
// was; nil when m already has a key name (which one is right is a judgment
// call).
func (c *Context) renameKey(m, k *yaml.Node, name string, app manifest.Applicability) *manifest.Fix {
	if existing, _ := manifest.Get(m, name); existing != nil || k == nil || k.Kind != yaml.ScalarNode {
		return nil
	}
	sp := c.Span(k)
	return manifest.ReplaceFix("Rename `"+k.Value+"` to `"+name+"`", app, sp.Start, sp.End, manifest.ScalarAs(k, name))
}
