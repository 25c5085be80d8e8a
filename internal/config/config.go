// Package config reads manifestlint's project configuration file,
// .manifestlint.yaml: what the linter is told about the job and the account
// (region, accessKeyId, buckets), which job type manifests in a folder are
// (jobTypes), which findings to turn off or down (disable, severity) and
// which files not to lint (exclude) and which a directory walk lints
// (include).
//
// The file is strict: an unknown key, a value of the wrong type or a bad
// value is an *Error carrying the file, line and column, which the command
// reports as a usage error (exit 2). Nothing is silently ignored.
package config

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// FileName is the name of the configuration file.
const FileName = ".manifestlint.yaml"

// Level is a severity in the config file's severity key.
type Level string

// The three levels: Off drops the findings, as disable does.
const (
	LevelError   Level = "error"
	LevelWarning Level = "warning"
	LevelOff     Level = "off"
)

// JobTypeRule maps the manifests whose path matches Glob to a job type.
type JobTypeRule struct {
	Glob    Glob
	JobType manifest.JobType
}

// RegionRule gives the manifests whose path matches Glob a job region.
type RegionRule struct {
	Glob   Glob
	Region string
}

// SeverityRule sets the severity of one rule id or code.
type SeverityRule struct {
	Name  string
	Level Level
}

// Config is a parsed configuration file. The zero value configures nothing.
type Config struct {
	// File is the file's path as given to Parse (for messages).
	File string
	// Dir is the directory globs are relative to: the file's own.
	Dir string
	// Region is the job region, or "".
	Region string
	// AccessKeyID is the key that will sign the request, or "".
	AccessKeyID string
	// Buckets is the account's bucket inventory, name to region; nil when
	// the key is absent (an empty mapping is an inventory of no bucket).
	Buckets map[string]string
	// JobTypes are checked in file order; the first match wins.
	JobTypes []JobTypeRule
	// Regions give the files whose path matches a glob their own region
	// (over Region); the first match in file order wins.
	Regions []RegionRule
	// Disable lists rule ids and codes whose findings are dropped.
	Disable []string
	// Severity lists severity overrides, in file order.
	Severity []SeverityRule
	// Exclude lists globs of files not to lint.
	Exclude []Glob
	// Include lists globs of the files a directory walk lints; when set,
	// it replaces the walk's own test (*.yaml and *.yml files that look
	// like manifests).
	Include []Glob
	// the globs of jobTypes, regions, exclude and include, indexed
	// (GlobSet) when the file is parsed.
	jobTypeSet, regionSet, excludeSet, includeSet *GlobSet
	// cwd is the working directory when the file was loaded: relative
	// paths are resolved against it without a system call per file.
	cwd string
	// names are the rule ids and codes of disable and severity, where they
	// are written, for CheckNames.
	names []nameRef
}

// nameRef is a rule id or code written in the file.
type nameRef struct {
	text, what   string // the name; the key it is under (disable, severity)
	line, column int
}

// CheckNames checks every rule id and code of disable and severity:
// unknown returns "" for a known name, else why it is not one (the caller
// knows the registry: validate.UnknownName). Every unknown name is an
// Error at its line and column; the result is Errors, or nil.
func (c *Config) CheckNames(unknown func(name string) string) error {
	var es Errors
	for _, n := range c.names {
		if why := unknown(n.text); why != "" {
			es = append(es, &Error{c.File, n.line, n.column, n.what + ": " + why})
		}
	}
	if len(es) == 0 {
		return nil
	}
	return es
}

// Merge joins configuration errors (*Error or Errors; nil ones are
// skipped) into one Errors in file order, so that a file's problems of
// every kind are reported at once. Another error is returned as it is.
func Merge(errs ...error) error {
	var out Errors
	for _, err := range errs {
		var es Errors
		var e *Error
		switch {
		case err == nil:
		case errors.As(err, &es):
			out = append(out, es...)
		case errors.As(err, &e):
			out = append(out, e)
		default:
			return err
		}
	}
	if len(out) == 0 {
		return nil
	}
	slices.SortStableFunc(out, func(a, b *Error) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	return out
}

// Error is an invalid configuration file: it prints as
// `FILE:LINE:COL: config error: MESSAGE`.
type Error struct {
	File         string
	Line, Column int
	Message      string
}

// Error is the one line printed for the error: the file name and the
// message (which may quote keys and values of the file) are escaped
// (escape.Line), so that a configuration file cannot put terminal escapes
// or extra lines, such as a CI runner's workflow commands, on stderr.
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: config error: %s", escape.Line(e.File), e.Line, e.Column, escape.Line(e.Message))
}

// Errors are every problem of a configuration file, in file order: Parse
// reports them all at once, as manifest findings are, so that fixing a
// file takes one round trip. It prints one `FILE:LINE:COL: config error:`
// line per problem; errors.As finds the first *Error.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

//go:embed schema.json
var schema []byte

// Schema returns the JSON Schema (draft-07) of the configuration file, for
// editors and `manifestlint schema --config`.
func Schema() []byte { return slices.Clone(schema) }

// Find looks for FileName in startDir (the folder of the file to lint) and
// its parents, stopping after the repository root (a directory holding
// `.git`) or the file system root: the configuration file nearest the file,
// as ruff and ESLint find theirs. It returns the path of the file found
// (startDir made absolute joined with the way up), or "" when there is
// none. roots are the folders being linted (the working directory, the
// directories named): a file inside one of them, or inside the repository,
// is trusted whatever its owner (see untrusted).
//
// A folder the search may not look into (an ancestor without search
// permission) or a working directory that no longer exists ends the search
// there, with a note saying so: the run goes on without a configuration
// file rather than failing. A directory named FileName is an error.
//
// A file another user could have written (see untrusted: a file planted in
// a folder others may write, such as a shared temporary folder above the
// repository) is not used: the search stops there with a note, for such a
// file could turn every check off. The caller shows that note as a warning.
func Find(startDir string, roots ...string) (path string, notes []string, err error) {
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return "", []string{fmt.Sprintf("cannot tell the current directory (%v): no %s is used", describeErr(err), FileName)}, nil
	}
	below := dir
	for {
		p := filepath.Join(dir, FileName)
		switch st, err := os.Stat(p); {
		case err == nil && !st.IsDir():
			// Not a regular file (a link to /dev/zero): Load refuses it.
			if st.Mode().IsRegular() {
				if why := untrusted(p, below, inTree(dir, roots)); why != "" {
					return "", append(notes, fmt.Sprintf("skipped %s: %s, so it may not be yours; no configuration file is used (name it with --config to use it)", p, why)), nil
				}
			}
			return p, notes, nil
		case err == nil:
			return "", notes, fmt.Errorf("%s is a directory, not a configuration file", p)
		case !errors.Is(err, fs.ErrNotExist):
			return "", append(notes, stopNote(dir, err)), nil
		}
		switch _, err := os.Stat(filepath.Join(dir, ".git")); {
		case err == nil:
			return "", notes, nil
		case !errors.Is(err, fs.ErrNotExist):
			return "", append(notes, stopNote(dir, err)), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", notes, nil
		}
		dir = parent
	}
}

// inTree reports whether dir lies inside one of roots, or inside a git
// repository (dir or a parent holds `.git`).
func inTree(dir string, roots []string) bool {
	for _, r := range roots {
		abs, err := filepath.Abs(r)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(abs, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return false
		}
		d = parent
	}
}

// stopNote says why the search for the configuration file stopped at dir.
func stopNote(dir string, err error) string {
	return fmt.Sprintf("cannot look for %s in %s (%v): the search stops there", FileName, dir, describeErr(err))
}

// describeErr drops the path an os error repeats.
func describeErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Load reads the configuration file at path and parses it with parse
// (validate.ParseConfig, which also checks rule names; Parse here); name
// is how messages call it. Only a regular file of at most MaxFileBytes is
// read (readFile); anything else is an error naming the file.
func Load(path, name string, parse func(name string, src []byte) (*Config, error)) (*Config, error) {
	src, err := readFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, describeErr(err))
	}
	c, err := parse(name, src)
	if err != nil {
		return nil, err
	}
	if abs, err := filepath.Abs(path); err == nil {
		c.Dir = filepath.Dir(abs)
	}
	c.cwd, _ = os.Getwd()
	return c, nil
}

// yamlErrLine reads the line out of a YAML error; compiled on first use,
// as only a configuration file that is not YAML needs it.
var yamlErrLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// Parse parses a configuration file's text; name is how messages call it.
// Dir is left to the caller (Load sets it). Every problem found is
// reported, as Errors; the Config returned beside them (nil when the file
// is not YAML or not a mapping) is not to be used, except for CheckNames,
// so that unknown names join the same report (Merge).
func Parse(name string, src []byte) (*Config, error) {
	p := &parser{file: name}
	c := &Config{File: name, Dir: "."}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case errors.Is(err, io.EOF):
		return c, nil // an empty file configures nothing
	case err != nil:
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlErrLine().FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		return nil, &Error{name, line, 1, "YAML syntax error: " + msg}
	}
	var second yaml.Node
	if err := dec.Decode(&second); err == nil {
		return nil, p.errf(&second, "the file holds more than one YAML document: keep one, without `---` separators")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return c, nil
		}
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	if err := p.mapping(root, "the configuration"); err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(fields))
	for _, f := range fields {
		keys = append(keys, f.key)
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if p.add(p.key(k, seen)) {
			continue
		}
		idx := slices.IndexFunc(fields, func(f field) bool { return f.key == k.Value })
		if idx < 0 {
			msg := fmt.Sprintf("unknown key `%s`; the keys are %s", k.Value, strings.Join(keys, ", "))
			if s := manifest.Closest(k.Value, keys); s != "" {
				msg = fmt.Sprintf("unknown key `%s`; did you mean `%s`?", k.Value, s)
			}
			p.add(p.errf(k, "%s", msg))
			continue
		}
		p.add(fields[idx].parse(p, c, v))
	}
	c.names = p.names
	if len(p.errs) == 0 {
		p.add(c.index(root))
	}
	if len(p.errs) > 0 {
		return c, p.errs
	}
	return c, nil
}

// index builds the GlobSets of the file's globs; a key with too many globs
// that must be tried one by one is an error at the key (root is the file's
// mapping).
func (c *Config) index(root *yaml.Node) error {
	at := func(key string) *Error {
		for i := 0; i+1 < len(root.Content); i += 2 {
			if k := root.Content[i]; k.Value == key {
				pos := manifest.At(k)
				return &Error{File: c.File, Line: pos.Line, Column: pos.Column}
			}
		}
		return &Error{File: c.File, Line: 1, Column: 1}
	}
	build := func(key string, globs []Glob) (*GlobSet, error) {
		set, err := NewGlobSet(globs, key)
		if err != nil {
			e := at(key)
			e.Message = err.Error()
			return nil, e
		}
		return set, nil
	}
	var err error
	if c.jobTypeSet, err = build("jobTypes", globsOf(c.JobTypes, JobTypeRule.glob)); err != nil {
		return err
	}
	if c.regionSet, err = build("regions", globsOf(c.Regions, RegionRule.glob)); err != nil {
		return err
	}
	if c.excludeSet, err = build("exclude", c.Exclude); err != nil {
		return err
	}
	c.includeSet, err = build("include", c.Include)
	return err
}

type field struct {
	key   string
	parse func(p *parser, c *Config, v *yaml.Node) error
}

// fields are the keys of the file, in the order the documentation lists them.
var fields = []field{
	{"region", func(p *parser, c *Config, v *yaml.Node) (err error) {
		c.Region, err = p.region(v, "region")
		return err
	}},
	{"accessKeyId", func(p *parser, c *Config, v *yaml.Node) (err error) {
		c.AccessKeyID, err = p.text(v, "accessKeyId")
		if err == nil && strings.ContainsAny(c.AccessKeyID, " \t") {
			err = p.errf(v, "accessKeyId %q holds a space: an access key id is one word such as AKIAIOSFODNN7EXAMPLE", c.AccessKeyID)
		}
		return err
	}},
	{"buckets", func(p *parser, c *Config, v *yaml.Node) error {
		if err := p.mapping(v, "buckets (bucket name to region, e.g. `my-data: us-east-1`)"); err != nil {
			return err
		}
		c.Buckets = make(map[string]string, len(v.Content)/2)
		seen := map[string]int{}
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, r := v.Content[i], v.Content[i+1]
			if p.add(p.key(k, seen)) {
				continue
			}
			if k.Value == "" || strings.ContainsAny(k.Value, " \t/") {
				p.add(p.errf(k, "bucket name %q is not a bucket name: use the name alone, without spaces, `/` or `s3://`", k.Value))
				continue
			}
			region, err := p.region(r, "buckets."+k.Value)
			if p.add(err) {
				continue
			}
			c.Buckets[k.Value] = region
		}
		return nil
	}},
	{"jobTypes", func(p *parser, c *Config, v *yaml.Node) error {
		if err := p.mapping(v, "jobTypes (glob to import or export, e.g. `exports/**: export`)"); err != nil {
			return err
		}
		seen := map[string]int{}
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, t := v.Content[i], v.Content[i+1]
			if p.add(p.key(k, seen)) {
				continue
			}
			g, err := p.glob(k)
			if p.add(err) {
				continue
			}
			s, err := p.text(t, "jobTypes."+k.Value)
			if p.add(err) {
				continue
			}
			jt := manifest.JobType(s)
			if jt != manifest.JobTypeImport && jt != manifest.JobTypeExport {
				p.add(p.errf(t, "jobTypes.%s is %q; use import or export", k.Value, s))
				continue
			}
			c.JobTypes = append(c.JobTypes, JobTypeRule{Glob: g, JobType: jt})
		}
		return nil
	}},
	{"regions", func(p *parser, c *Config, v *yaml.Node) error {
		if err := p.mapping(v, "regions (glob to region, e.g. `eu/**: eu-west-1`)"); err != nil {
			return err
		}
		seen := map[string]int{}
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, r := v.Content[i], v.Content[i+1]
			if p.add(p.key(k, seen)) {
				continue
			}
			g, err := p.glob(k)
			if p.add(err) {
				continue
			}
			region, err := p.region(r, "regions."+k.Value)
			if p.add(err) {
				continue
			}
			c.Regions = append(c.Regions, RegionRule{Glob: g, Region: region})
		}
		return nil
	}},
	{"disable", func(p *parser, c *Config, v *yaml.Node) error {
		return p.list(v, "disable (rule ids or codes)", func(n *yaml.Node) error {
			s, err := p.name(n, "disable")
			c.Disable = append(c.Disable, s)
			return err
		})
	}},
	{"severity", func(p *parser, c *Config, v *yaml.Node) error {
		if err := p.mapping(v, "severity (rule id or code to error, warning or off)"); err != nil {
			return err
		}
		seen := map[string]int{}
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, l := v.Content[i], v.Content[i+1]
			if p.add(p.key(k, seen)) {
				continue
			}
			name, err := p.name(k, "severity")
			if p.add(err) {
				continue
			}
			s, err := p.text(l, "severity."+name)
			if p.add(err) {
				continue
			}
			lv := Level(s)
			if lv != LevelError && lv != LevelWarning && lv != LevelOff {
				p.add(p.errf(l, "severity.%s is %q; use error, warning or off", name, s))
				continue
			}
			c.Severity = append(c.Severity, SeverityRule{Name: name, Level: lv})
		}
		return nil
	}},
	{"exclude", func(p *parser, c *Config, v *yaml.Node) error {
		return p.list(v, "exclude (globs of files not to lint)", func(n *yaml.Node) error {
			g, err := p.glob(n)
			c.Exclude = append(c.Exclude, g)
			return err
		})
	}},
	{"include", func(p *parser, c *Config, v *yaml.Node) error {
		return p.list(v, "include (globs of the files a directory walk lints)", func(n *yaml.Node) error {
			g, err := p.glob(n)
			c.Include = append(c.Include, g)
			return err
		})
	}},
}

type parser struct {
	file  string
	names []nameRef
	errs  Errors
}

// add records err, if any, and reports whether there was one.
func (p *parser) add(err error) bool {
	if err == nil {
		return false
	}
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{File: p.file, Line: 1, Column: 1, Message: err.Error()}
	}
	p.errs = append(p.errs, e)
	return true
}

func (p *parser) errf(n *yaml.Node, format string, args ...any) error {
	pos := manifest.At(n)
	return &Error{p.file, pos.Line, pos.Column, fmt.Sprintf(format, args...)}
}

func describe(n *yaml.Node) string {
	if n.Kind == yaml.AliasNode {
		return "an alias"
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return "empty"
	}
	return manifest.KindName(n)
}

func (p *parser) mapping(n *yaml.Node, what string) error {
	if n.Kind != yaml.MappingNode {
		return p.errf(n, "%s must be a mapping of `key: value` lines, but is %s", what, describe(n))
	}
	return nil
}

func (p *parser) list(n *yaml.Node, what string, each func(*yaml.Node) error) error {
	if n.Kind != yaml.SequenceNode {
		return p.errf(n, "%s must be a list (`- item` lines or `[a, b]`), but is %s", what, describe(n))
	}
	for _, e := range n.Content {
		p.add(each(e)) // an entry's problem does not hide the next one's
	}
	return nil
}

// key checks a mapping key: plain text, not seen before in its mapping.
func (p *parser) key(k *yaml.Node, seen map[string]int) error {
	if k.Kind != yaml.ScalarNode {
		return p.errf(k, "a key must be text, but this one is %s", describe(k))
	}
	if line, dup := seen[k.Value]; dup {
		return p.errf(k, "the key `%s` appears twice (first at line %d): keep one", k.Value, line)
	}
	seen[k.Value] = k.Line
	return nil
}

// text reads a non-empty string scalar.
func (p *parser) text(n *yaml.Node, what string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", p.errf(n, "%s must be text, but is %s", what, describe(n))
	}
	if n.Value == "" {
		return "", p.errf(n, "%s is empty", what)
	}
	return n.Value, nil
}

func (p *parser) region(n *yaml.Node, what string) (string, error) {
	s, err := p.text(n, what)
	if err != nil {
		return "", err
	}
	if !manifest.IsRegion(s) {
		msg := fmt.Sprintf("%s is %q, not a region the service ran in; use one of %s", what, s, strings.Join(manifest.Regions, ", "))
		if c := manifest.Closest(s, manifest.Regions); c != "" {
			msg += " (did you mean " + c + "?)"
		}
		return "", p.errf(n, "%s", msg)
	}
	return s, nil
}

func (p *parser) name(n *yaml.Node, what string) (string, error) {
	s, err := p.text(n, what+" entry")
	if err != nil {
		return "", err
	}
	pos := manifest.At(n)
	p.names = append(p.names, nameRef{s, what, pos.Line, pos.Column})
	return s, nil
}

func (p *parser) glob(n *yaml.Node) (Glob, error) {
	s, err := p.text(n, "a glob")
	if err != nil {
		return Glob{}, err
	}
	g, err := CompileGlob(s)
	if err != nil {
		return Glob{}, p.errf(n, "invalid glob %q: %v", s, err)
	}
	return g, nil
}

// Rel returns path relative to the config file's directory with forward
// slashes, as globs see it; ok is false for a path outside that directory.
func (c *Config) Rel(path string) (rel string, ok bool) {
	abs := path
	switch {
	case filepath.IsAbs(abs):
	case c.cwd != "":
		abs = filepath.Join(c.cwd, path)
	default:
		var err error
		if abs, err = filepath.Abs(path); err != nil {
			return "", false
		}
	}
	dir, err := filepath.Abs(c.Dir)
	if err != nil {
		return "", false
	}
	r, err := filepath.Rel(dir, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// JobTypeSourceFor returns the job type of the first jobTypes glob, in
// file order, that matches path, with its source for messages: "jobTypes
// `exports/**` in FILE".
func (c *Config) JobTypeSourceFor(path string) (manifest.JobType, manifest.Source) {
	if i := c.first(c.jobTypeSet, globsOf(c.JobTypes, JobTypeRule.glob), path); i >= 0 {
		r := c.JobTypes[i]
		return r.JobType, manifest.Source{Kind: manifest.SourceConfig, Name: c.File, Detail: "jobTypes `" + r.Glob.Pattern + "`"}
	}
	return manifest.JobTypeUnknown, manifest.Source{}
}

// RegionFor returns the job region of a file and where it comes from: the
// first regions glob, in file order, that matches its path, else the
// file's region key; "" when neither gives one.
func (c *Config) RegionFor(path string) (string, manifest.Source) {
	if i := c.first(c.regionSet, globsOf(c.Regions, RegionRule.glob), path); i >= 0 {
		r := c.Regions[i]
		return r.Region, manifest.Source{Kind: manifest.SourceConfig, Name: c.File, Detail: "regions `" + r.Glob.Pattern + "`"}
	}
	if c.Region != "" {
		return c.Region, manifest.Source{Kind: manifest.SourceConfig, Name: c.File}
	}
	return "", manifest.Source{}
}

func (r JobTypeRule) glob() Glob { return r.Glob }
func (r RegionRule) glob() Glob  { return r.Glob }

// globsOf lists the globs of rules, in order.
func globsOf[R any](rules []R, glob func(R) Glob) []Glob {
	out := make([]Glob, len(rules))
	for i, r := range rules {
		out[i] = glob(r)
	}
	return out
}

// globs returns an index built by Parse, or indexes globs now for a Config
// made in code.
func (c *Config) globs(set *GlobSet, globs []Glob) *GlobSet {
	if set != nil && set.Len() == len(globs) {
		return set
	}
	s, err := NewGlobSet(globs, "")
	if err != nil {
		return &GlobSet{globs: globs, rest: seq(len(globs))}
	}
	return s
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// Excluded reports whether an exclude glob matches path.
func (c *Config) Excluded(path string) bool { return c.first(c.excludeSet, c.Exclude, path) >= 0 }

// Included reports whether an include glob matches path.
func (c *Config) Included(path string) bool { return c.first(c.includeSet, c.Include, path) >= 0 }

// first returns the index of the first of globs, in order, that matches
// path relative to the config file's directory; -1 when none does (a path
// outside that directory matches none).
func (c *Config) first(set *GlobSet, globs []Glob, path string) int {
	if len(globs) == 0 {
		return -1
	}
	rel, ok := c.Rel(path)
	if !ok {
		return -1
	}
	g, ok := c.globs(set, globs).Match(rel)
	if !ok {
		return -1
	}
	return slices.IndexFunc(globs, func(x Glob) bool { return x.Pattern == g.Pattern })
}
