package cli

// This file is `manifestlint inventory`: the buckets: map of the
// configuration file, from the account, edited in place.

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/internal/online"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
	"go.yaml.in/yaml/v3"
)

// inventoryUsage is the head of `inventory --help`, a paragraph a line
// (wrapped to the output's width).
const inventoryUsage = "Usage: manifestlint inventory [--profile P] [--diff] [MANIFEST|DIR ...]\n\n" +
	"Writes the buckets: map of " + config.FileName + " (the bucket inventory the offline bucket checks " +
	"use) from the AWS account: ListBuckets (owned buckets) plus HeadBucket on every bucket the given " +
	"manifests name (other accounts' buckets are not listed), with their regions. An existing file is " +
	"edited in place: comments and other keys stay, entries are added or their region corrected, and a " +
	"manifest bucket that does not exist is removed. A comment records the account, identity and date. " +
	"Read-only calls; credentials and endpoints as for --online (see docs/online.md).\n"

// cmdInventory is `manifestlint inventory`.
func cmdInventory(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("inventory", inventoryUsage, stdout, stderr)
	var oo onlineOptions
	addOnlineFlags(fl, &oo)
	for _, n := range []string{"online", "signer"} {
		fl.MarkHidden(n)
	}
	diff := fl.Bool("diff", false, "print the change as a unified diff and write nothing")
	file := fl.String("config", "", "the configuration file to write (default: "+config.FileName+" found from the current directory, else a new one here)")
	if st, done := parseFlags(fl, args); done {
		return st
	}
	path := *file
	if path == "" {
		found, _, err := config.Find(".")
		if err != nil || found == "" {
			found = config.FileName
		}
		path = found
	}
	names, err := inventoryBuckets(fl.Args())
	if err != nil {
		fmt.Fprintf(stderr, "manifestlint inventory: %v\n", err)
		return ExitUsage
	}
	if !online.Available {
		fmt.Fprintf(stderr, "manifestlint inventory: %s\n", online.NotBuilt)
		return ExitUsage
	}
	chk := online.New(online.Config{Profile: oo.profile, EndpointURL: oo.endpointURL, Timeout: oo.timeout, IMDS: oo.imds})
	defer chk.Close()
	inv, err := chk.Inventory(names)
	if err != nil {
		fmt.Fprintf(stderr, "manifestlint inventory: %s\n", escape.Line(err.Error()))
		return ExitUsage
	}
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		fmt.Fprintf(stderr, "manifestlint inventory: %s: %v\n", safeName(path), describe(err))
		return ExitUsage
	}
	updated, skipped, err := editInventory(old, inv)
	if err != nil {
		fmt.Fprintf(stderr, "manifestlint inventory: %s: %v\n", safeName(path), err)
		return ExitUsage
	}
	for _, s := range skipped {
		fmt.Fprintf(stderr, "manifestlint inventory: note: %s\n", escape.Line(s))
	}
	if *diff {
		shown := path
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, path); err == nil {
				shown = rel
			}
		}
		if _, err := writeDiff(stdout, filepath.ToSlash(shown), old, updated, nil, nil); err != nil {
			fmt.Fprintf(stderr, "manifestlint inventory: %v\n", err)
			return ExitUsage
		}
		return ExitOK
	}
	if bytes.Equal(old, updated) {
		fmt.Fprintf(stderr, "manifestlint inventory: %s is up to date (%s)\n", safeName(path), manifest.Plural(len(inv.Regions), "bucket"))
		return ExitOK
	}
	if old == nil {
		err = writeNew(path, updated) // never half a file, never over one that appeared
	} else {
		err = writeInPlace(path, "", old, updated) // only if it still holds old
	}
	if err != nil {
		fmt.Fprintf(stderr, "manifestlint inventory: writing %s: %v\n", safeName(path), describe(err))
		return ExitUsage
	}
	fmt.Fprintf(stderr, "manifestlint inventory: wrote %s: %s of account %s\n", safeName(path), manifest.Plural(len(inv.Regions), "bucket"), escape.Line(inv.Account))
	return ExitOK
}

// inventoryBuckets lists the buckets the manifests named by args (files,
// or folders walked for files that look like manifests) name, each once.
func inventoryBuckets(args []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(path string, found bool) error {
		data, err := readFile(path, validate.DefaultMaxBytes)
		if err != nil {
			return fmt.Errorf("%s: %v", safeName(path), describe(err))
		}
		if found && !manifest.IsManifestName(path) && !manifest.LooksLikeManifest(data) {
			return nil
		}
		for _, b := range validate.BucketNames(path, data) {
			if !seen[b] {
				seen[b] = true
				out = append(out, b)
			}
		}
		return nil
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", safeName(a), describe(err))
		}
		if !st.IsDir() {
			if err := add(a, false); err != nil {
				return nil, err
			}
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && p != a && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if d.Type().IsRegular() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) && filepath.Base(p) != config.FileName {
				return add(p, true)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// inventoryComment starts the comment line inventory writes above
// buckets:, and replaces on the next run.
const inventoryComment = "# manifestlint inventory:"

// plainBucket is a bucket name YAML reads as a string when written plain;
// compiled on first use (only inventory writes YAML keys).
var plainBucket = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z][a-z0-9.-]*$`) })

// yamlKey writes a bucket name as a YAML key: plain when safe, else
// double-quoted.
func yamlKey(name string) string {
	if plainBucket().MatchString(name) && name != "null" && name != "true" && name != "false" && name != "yes" && name != "no" && name != "on" && name != "off" && name != "y" && name != "n" {
		return name
	}
	return fmt.Sprintf("%q", name)
}

// editInventory returns src with its top-level buckets: map made to agree
// with inv, by byte edits: an entry's region is replaced, a new bucket
// gets a line after the last entry, a bucket proven missing loses its
// line, and the inventory comment above buckets: is written or replaced;
// every other byte (comments, other keys, unknown buckets of other
// accounts) stays. Without a buckets: key, one is appended. A bucket in a
// region the service never ran in cannot be written (the configuration
// file refuses it): skipped says so. New lines end as src's lines do
// (manifest.LineEnd).
func editInventory(src []byte, inv *online.Inventory) (out []byte, skipped []string, err error) {
	want := map[string]string{}
	for n, r := range inv.Regions {
		if !manifest.IsRegion(r) {
			skipped = append(skipped, fmt.Sprintf("bucket %s is in %s, which is not a region the service ran in: not written", n, r))
			continue
		}
		want[n] = r
	}
	for n, why := range inv.Unknown {
		skipped = append(skipped, fmt.Sprintf("bucket %s: region unknown (%s): not written", n, why))
	}
	sort.Strings(skipped)
	missing := map[string]bool{}
	for _, n := range inv.Missing {
		missing[n] = true
	}
	comment := fmt.Sprintf("%s account %s, %s, key %s, %s", inventoryComment, inv.Account, inv.ARN, inv.KeyID, inv.At)

	var root yaml.Node
	if len(bytes.TrimSpace(src)) > 0 {
		if err := yaml.Unmarshal(src, &root); err != nil {
			return nil, nil, fmt.Errorf("cannot read it as YAML: %v", err)
		}
	}
	lines, eol := manifest.NewLines(src), manifest.LineEnd(src)
	// unended: src's last line has text but no line break.
	unended := len(lines.Line(lines.Count())) > 0
	var key, val *yaml.Node
	if len(root.Content) == 1 && root.Content[0].Kind == yaml.MappingNode {
		m := root.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == "buckets" {
				key, val = m.Content[i], m.Content[i+1]
			}
		}
	}
	if key == nil || val.Kind != yaml.MappingNode || val.Style&yaml.FlowStyle != 0 || len(val.Content) == 0 {
		if key != nil {
			return nil, skipped, fmt.Errorf("buckets: at line %d is not a block mapping with entries; write it as `buckets:` with one `name: region` line per bucket, or remove it, and run inventory again", key.Line)
		}
		var b bytes.Buffer
		b.Write(src)
		if unended {
			b.WriteString(eol)
		}
		if len(src) > 0 {
			b.WriteString(eol)
		}
		b.WriteString(comment + eol + "buckets:" + eol)
		for _, n := range slices.Sorted(maps.Keys(want)) {
			fmt.Fprintf(&b, "  %s: %s%s", yamlKey(n), want[n], eol)
		}
		return b.Bytes(), skipped, nil
	}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	have := map[string]bool{}
	last := 0 // the last entry's line
	indent := val.Content[0].Column - 1
	for i := 0; i+1 < len(val.Content); i += 2 {
		k, v := val.Content[i], val.Content[i+1]
		have[k.Value] = true
		lineStart := lines.Offset(manifest.Pos{Line: k.Line, Column: 1})
		lineEnd := lines.Next(v.Line)
		last = max(last, v.Line)
		switch r, ok := want[k.Value]; {
		case missing[k.Value]:
			edits = append(edits, edit{lineStart, lineEnd, ""})
		case ok && v.Value != r && v.Kind == yaml.ScalarNode:
			vs := lines.Offset(manifest.Pos{Line: v.Line, Column: v.Column})
			edits = append(edits, edit{vs, vs + len(scalarSource(src[vs:], v)), r})
		}
	}
	var add strings.Builder
	for _, n := range slices.Sorted(maps.Keys(want)) {
		if !have[n] {
			fmt.Fprintf(&add, "%s%s: %s%s", strings.Repeat(" ", indent), yamlKey(n), want[n], eol)
		}
	}
	if add.Len() > 0 {
		text, at := add.String(), lines.Next(last)
		if at == lines.End(last) {
			text = eol + text
		}
		edits = append(edits, edit{at, at, text})
	}
	// The comment line just above buckets: is replaced, or inserted.
	keyStart := lines.Offset(manifest.Pos{Line: key.Line, Column: 1})
	if key.Line > 1 {
		prevStart := lines.Offset(manifest.Pos{Line: key.Line - 1, Column: 1})
		if bytes.HasPrefix(src[prevStart:keyStart], []byte(inventoryComment)) {
			edits = append(edits, edit{prevStart, keyStart, comment + eol})
		} else {
			edits = append(edits, edit{keyStart, keyStart, comment + eol})
		}
	} else {
		edits = append(edits, edit{keyStart, keyStart, comment + eol})
	}
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	out = append([]byte(nil), src...)
	for _, e := range edits {
		out = append(out[:e.start], append([]byte(e.text), out[e.end:]...)...)
	}
	return out, skipped, nil
}

// scalarSource is the source text of the one-line scalar v at the start
// of s: its value, with its quotes when quoted.
func scalarSource(s []byte, v *yaml.Node) string {
	switch {
	case v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && len(s) > 0:
		q := s[0]
		if i := bytes.IndexByte(s[1:], q); i >= 0 {
			return string(s[:i+2])
		}
	}
	end := len(s)
	for i, c := range s {
		if c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == '#' {
			end = i
			break
		}
	}
	return string(s[:end])
}
