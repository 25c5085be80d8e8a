package lsp

// This file keeps the open documents, lints them on one goroutine (a
// result for a version that is no longer current is dropped, never
// published) and turns findings into diagnostics.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// document is an open text document.
type document struct {
	uri     string
	path    string // the file's path for a file: URI, else ""
	version int
	text    string
	index   *lineIndex // of text, built on demand
	lint    *lintResult
}

// lintResult is the outcome of linting one version of a document.
type lintResult struct {
	version int
	text    string
	index   *lineIndex
	// res is the validate result; res.Doc is nil when the document was not
	// linted (too large, excluded, or a configuration error).
	res   validate.Result
	diags []Diagnostic
	kind  manifest.Kind
	// gen is the settings generation linted with: with the version, the
	// pull diagnostics' result id (the same text and settings lint the same).
	gen uint64
	// vopts are the options res was linted with.
	vopts validate.Options
}

// snapshot is what a request reads of a document: immutable.
type snapshot struct {
	uri     string
	path    string
	version int
	text    string
	index   *lineIndex
	enc     encoding
	lint    *lintResult // nil, or for another version
}

// snapshotOf returns the current state of uri under s.mu.
func (s *Server) snapshotLocked(uri string) (snapshot, bool) {
	d, ok := s.docs[uri]
	if !ok {
		return snapshot{}, false
	}
	if d.index == nil {
		d.index = newLineIndex(d.text)
	}
	return snapshot{uri: d.uri, path: d.path, version: d.version, text: d.text, index: d.index, enc: s.enc, lint: d.lint}, true
}

func (s *Server) snapshot(uri string) (snapshot, *rpcError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	snap, ok := s.snapshotLocked(uri)
	if !ok {
		return snap, &rpcError{codeInvalidParams, "document not open: " + clip(uri, 200)}
	}
	return snap, nil
}

// uriPath returns the local path of a file: URI, or "".
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/")
	}
	return filepath.FromSlash(p)
}

// isConfig reports whether path names a configuration file.
func isConfig(path string) bool { return path != "" && filepath.Base(path) == config.FileName }

func (s *Server) didOpen(params json.RawMessage) {
	var p didOpenParams
	if json.Unmarshal(params, &p) != nil || p.TextDocument.URI == "" {
		s.logf("didOpen: invalid params")
		return
	}
	td := p.TextDocument
	s.mu.Lock()
	s.docs[td.URI] = &document{uri: td.URI, path: uriPath(td.URI), version: td.Version, text: td.Text}
	s.scheduleLocked(td.URI)
	s.mu.Unlock()
}

func (s *Server) didChange(params json.RawMessage) {
	var p didChangeParams
	if json.Unmarshal(params, &p) != nil {
		s.logf("didChange: invalid params")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.docs[p.TextDocument.URI]
	if !ok {
		s.logf("didChange: document not open: %s", clip(p.TextDocument.URI, 200))
		return
	}
	if len(p.ContentChanges) > 0 {
		d.text, d.index = applyChanges(d.text, d.index, p.ContentChanges, s.enc)
	}
	if p.TextDocument.Version != nil {
		d.version = *p.TextDocument.Version
	} else {
		d.version++
	}
	// The result of the old text is of no more use (a request lints the
	// new one): drop its tree now rather than keep it alive while the next
	// lint allocates as much again.
	d.lint = nil
	if f := s.flights[d.uri]; f != nil {
		f.cancel() // its version is superseded: a lint waiting for a slot does not start
	}
	s.scheduleLocked(d.uri)
}

// applyChanges applies a didChange's content changes to text, in order,
// and returns the new text and its index (nil when it is to be built).
// idx is text's index, or nil. Each range is of the text the changes
// before it left; a run of changes each of which lies before the one
// before it (how editors send a replace-all or a multi-cursor edit: last
// first) reads its ranges with one index and is applied with one copy of
// the text, not an index and a copy per change.
func applyChanges(text string, idx *lineIndex, changes []contentChange, enc encoding) (string, *lineIndex) {
	type edit struct {
		start, end int
		text       string
	}
	var run []edit // of text (whose index is idx), each before the one before it
	var bound Position
	flush := func() {
		if len(run) == 0 {
			return
		}
		n := len(text)
		for _, e := range run {
			n += len(e.text) - (e.end - e.start)
		}
		var b strings.Builder
		b.Grow(n)
		at := 0
		for i := len(run) - 1; i >= 0; i-- {
			b.WriteString(text[at:run[i].start])
			b.WriteString(run[i].text)
			at = run[i].end
		}
		b.WriteString(text[at:])
		text, idx, run = b.String(), nil, run[:0]
	}
	for _, c := range changes {
		if c.Range == nil {
			text, idx, run = c.Text, nil, run[:0]
			continue
		}
		// The text before the last edit of the run is as it was, so a
		// range that ends there, at a position that names the same byte in
		// both texts, is read with idx.
		if len(run) > 0 && (bound.less(c.Range.Start) || bound.less(c.Range.End)) {
			flush()
		}
		if idx == nil {
			idx = newLineIndex(text)
		}
		start, end := idx.offset(c.Range.Start, enc), idx.offset(c.Range.End, enc)
		if end < start {
			start, end = end, start
		}
		run = append(run, edit{start, end, c.Text})
		bound = idx.position(start, enc)
	}
	flush()
	return text, idx
}

// less reports whether p comes before q.
func (p Position) less(q Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}

func (s *Server) didSave(params json.RawMessage) {
	var p didSaveParams
	s.lockedNotification(params, &p, func() {
		uri := p.TextDocument.URI
		if d, ok := s.docs[uri]; ok && p.Text != nil && *p.Text != d.text {
			d.text, d.index = *p.Text, nil
			s.scheduleLocked(uri)
		}
		if isConfig(uriPath(uri)) {
			s.configChangedLocked()
		}
	})
}

// lockedNotification decodes a notification's params into p and, when they
// decode, runs f under s.mu.
func (s *Server) lockedNotification(params json.RawMessage, p any, f func()) {
	if json.Unmarshal(params, p) != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
}

func (s *Server) didClose(params json.RawMessage) {
	var p didCloseParams
	s.lockedNotification(params, &p, func() {
		uri := p.TextDocument.URI
		if _, ok := s.docs[uri]; !ok {
			return
		}
		delete(s.docs, uri)
		delete(s.pending, uri)
		// Under s.mu, so that no result of the linter can follow it.
		s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	})
}

func (s *Server) didChangeWatchedFiles(params json.RawMessage) {
	var p didChangeWatchedFilesParams
	if json.Unmarshal(params, &p) != nil {
		return
	}
	for _, c := range p.Changes {
		if isConfig(uriPath(c.URI)) {
			s.mu.Lock()
			s.configChangedLocked()
			s.mu.Unlock()
			return
		}
	}
}

func (s *Server) didChangeConfiguration(params json.RawMessage) {
	var p didChangeConfigurationParams
	_ = json.Unmarshal(params, &p)
	var section struct {
		Manifestlint json.RawMessage `json:"manifestlint"`
	}
	if len(p.Settings) > 0 && json.Unmarshal(p.Settings, &section) == nil && len(section.Manifestlint) > 0 {
		st, warn := parseSettings(section.Manifestlint)
		if warn != "" {
			s.notify("window/showMessage", logMessageParams{2, warn})
		}
		s.mu.Lock()
		s.wsSettings = st
		s.relintAllLocked()
		s.mu.Unlock()
		return
	}
	s.mu.Lock()
	pull := s.caps.configuration
	s.mu.Unlock()
	if pull {
		s.background(s.fetchConfiguration)
	}
}

// fetchConfiguration asks the client for the "manifestlint" section and
// re-lints with it.
func (s *Server) fetchConfiguration() {
	m := s.call("workspace/configuration", configurationParams{[]configurationItem{{Section: "manifestlint"}}}, 10*time.Second)
	if m == nil || m.Error != nil {
		return
	}
	var items []json.RawMessage
	if json.Unmarshal(m.Result, &items) != nil || len(items) == 0 || string(items[0]) == "null" {
		return
	}
	st, warn := parseSettings(items[0])
	if warn != "" {
		s.notify("window/showMessage", logMessageParams{2, warn})
	}
	s.mu.Lock()
	s.wsSettings = st
	s.relintAllLocked()
	s.mu.Unlock()
}

// parseSettings reads editor settings; values the CLI would refuse are
// dropped with a warning that says why.
func parseSettings(raw json.RawMessage) (Settings, string) {
	var st Settings
	if emptyTable(raw) {
		// Neovim's Lua sends `init_options = {}` (and an empty settings
		// table) as [], since an empty Lua table is also an empty list:
		// no settings, not an error.
		return st, ""
	}
	if err := json.Unmarshal(raw, &st); err != nil {
		return Settings{}, "manifestlint: settings ignored: " + err.Error()
	}
	var warns []string
	if st.JobType != "" {
		if _, ok := manifest.ParseJobType(st.JobType); !ok {
			warns = append(warns, fmt.Sprintf("jobType is %q; use import or export", st.JobType))
			st.JobType = ""
		}
	}
	if st.Region != "" && !manifest.IsRegion(st.Region) {
		warns = append(warns, fmt.Sprintf("region %q is not a region the service ran in; use one of %s", st.Region, strings.Join(manifest.Regions, ", ")))
		st.Region = ""
	}
	if st.MaxBytes < 0 {
		warns = append(warns, "maxBytes must be positive")
		st.MaxBytes = 0
	}
	if len(warns) > 0 {
		return st, "manifestlint settings: " + strings.Join(warns, "; ")
	}
	return st, ""
}

// emptyTable reports whether raw is an empty JSON list, `[]` (spaces
// allowed), as an editor writing a Lua table sends an empty one.
func emptyTable(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) >= 2 && t[0] == '[' && len(bytes.TrimSpace(t[1:len(t)-1])) == 0 && t[len(t)-1] == ']'
}

// configChangedLocked forgets every configuration file read and re-lints
// the open documents.
func (s *Server) configChangedLocked() {
	clear(s.configs)
	s.relintAllLocked()
}

func (s *Server) relintAllLocked() {
	s.gen++
	for uri := range s.docs {
		s.scheduleLocked(uri)
	}
}

// scheduleLocked queues uri for the linter.
func (s *Server) scheduleLocked(uri string) {
	s.pending[uri] = true
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// linter lints queued documents one at a time until the server stops.
func (s *Server) linter() {
	defer s.lintWG.Done()
	for {
		select {
		case <-s.done:
			return
		case <-s.wake:
		}
		for {
			s.mu.Lock()
			var uri string
			for u := range s.pending {
				uri = u
				break
			}
			if uri == "" {
				s.mu.Unlock()
				break
			}
			delete(s.pending, uri)
			snap, ok := s.snapshotLocked(uri)
			s.mu.Unlock()
			if !ok {
				continue
			}
			lr := s.flyLint(snap)
			if lr == nil {
				continue
			}
			s.mu.Lock()
			d, ok := s.docs[uri]
			// Nothing is published after shutdown (LSP: only exit then).
			if ok && d.version == lr.version && d.text == lr.text && s.state != stateShutdown {
				d.lint = lr
				var version *int
				if s.caps.versionSupport {
					version = &lr.version
				}
				s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Version: version, Diagnostics: lr.diags})
			}
			s.mu.Unlock()
			select {
			case <-s.done:
				return
			default:
			}
		}
	}
}

// settingsLocked merges the editor's settings: workspace/configuration
// wins over initializationOptions.
func (s *Server) settingsLocked() Settings {
	st := s.initOpts
	if s.wsSettings.JobType != "" {
		st.JobType = s.wsSettings.JobType
	}
	if s.wsSettings.Region != "" {
		st.Region = s.wsSettings.Region
	}
	if s.wsSettings.MaxBytes > 0 {
		st.MaxBytes = s.wsSettings.MaxBytes
	}
	if st.MaxBytes <= 0 {
		st.MaxBytes = s.opts.MaxBytes
	}
	return st
}

// configLookup is the configuration file that applies in one directory.
type configLookup struct {
	cfg  *config.Config // nil when there is none
	err  error
	path string    // the file found, or ""
	mod  time.Time // its modification time when read
	size int64
}

// configFor finds and loads the configuration file for a document in dir
// as the CLI does (the nearest .manifestlint.yaml, up to the repository
// root), caching it per directory until a configuration file changes: the
// editor says so (watched files, a save), or the file found has another
// modification time or size (for editors that watch nothing).
func (s *Server) configFor(dir string) (*config.Config, error) {
	s.mu.Lock()
	c, ok := s.configs[dir]
	s.mu.Unlock()
	if ok && c.path != "" {
		if st, err := os.Stat(c.path); err != nil || !st.ModTime().Equal(c.mod) || st.Size() != c.size {
			ok = false
			s.mu.Lock()
			s.gen++
			s.mu.Unlock()
		}
	}
	if ok {
		return c.cfg, c.err
	}
	c = configLookup{}
	s.mu.Lock()
	root := s.rootDir
	s.mu.Unlock()
	var roots []string
	if root != "" {
		roots = append(roots, root)
	}
	path, notes, err := config.Find(dir, roots...)
	for _, n := range notes {
		s.logf("warning: %s", n)
	}
	if err == nil && path != "" {
		c.path = path
		if st, serr := os.Stat(path); serr == nil {
			c.mod, c.size = st.ModTime(), st.Size()
		}
		// Named as the CLI run from the workspace root names it.
		name := path
		if root != "" {
			if rel, rerr := filepath.Rel(root, path); rerr == nil && !strings.HasPrefix(rel, "..") {
				name = rel
			}
		}
		c.cfg, err = config.Load(path, name, validate.ParseConfig)
	}
	c.err = err
	s.mu.Lock()
	s.configs[dir] = c
	s.mu.Unlock()
	return c.cfg, c.err
}

// lint lints one snapshot with the options the CLI would use for the file;
// nil when ctx ended first (the version was superseded: validate stops
// half-way, in the parse, and a burst of typing no longer pays the rest
// of a lint nobody will see).
func (s *Server) lint(ctx context.Context, snap snapshot, st Settings) *lintResult {
	s.lintRuns.Add(1)
	lr := &lintResult{version: snap.version, text: snap.text, index: snap.index}
	defer func() {
		// After the options were read (a configuration file found changed
		// on disk bumps the generation).
		s.mu.Lock()
		lr.gen = s.gen
		s.mu.Unlock()
	}()
	if isConfig(snap.path) {
		// The configuration file itself: its errors, as the CLI prints them.
		if _, err := validate.ParseConfig(snap.path, []byte(snap.text)); err != nil {
			lr.diags = configDiagnostics(snap, err)
		} else {
			lr.diags = []Diagnostic{}
		}
		return lr
	}
	if err := validate.CheckSize(int64(len(snap.text)), st.MaxBytes); err != nil {
		lr.diags = []Diagnostic{{Severity: severityError, Source: "manifestlint", Code: "max-bytes", Message: err.Error()}}
		return lr
	}
	// The configuration file is looked up (and checked for a change on
	// disk) once per lint.
	cfg, cerr := s.configForDoc(snap)
	vopts, err := s.validateOptions(snap, st, cfg, cerr)
	switch {
	case err != nil:
		lr.diags = configDiagnostics(snap, err)
		return lr
	case !s.isManifest(snap, cfg): // excluded, or not a manifest
		lr.diags = []Diagnostic{}
		return lr
	}
	lr.vopts = vopts
	name := snap.path
	if name == "" {
		name = snap.uri
	}
	// The index's copy of the text, not another: validate and the
	// content test only read their source.
	snap.index.indexAside()
	res, err := validate.ValidateContext(ctx, name, snap.index.Source(), vopts)
	if err != nil {
		s.lintsStopped.Add(1)
		return nil
	}
	lr.res = res
	snap.index.shareYAMLLines(res.Doc)
	lr.kind = lr.res.Kind
	lr.diags = make([]Diagnostic, 0, len(lr.res.Findings))
	for _, f := range lr.res.Findings {
		lr.diags = append(lr.diags, toDiagnostic(snap.uri, snap.index, snap.enc, f))
	}
	return lr
}

// isManifest applies the CLI's walk test to a document, so that an editor
// attached to every YAML file (a compose file, a CI workflow) shows nothing
// on those: a document named like a manifest (manifest.yaml,
// *.manifest.yaml), one the configuration file's include names, or one
// whose text looks like a manifest (manifest.LooksLikeManifest) is linted,
// unless cfg, the document's configuration file (configForDoc), excludes
// it.
func (s *Server) isManifest(snap snapshot, cfg *config.Config) bool {
	if snap.path == "" {
		return true
	}
	ch := config.Select(cfg, snap.path, true, snap.index.Source)
	if ch.ByContent && ch.Lint {
		s.mu.Lock()
		said := s.detected[snap.path] == ch.Reason
		s.detected[snap.path] = ch.Reason
		s.mu.Unlock()
		if !said {
			s.logf("%s: linted as a manifest by its content: %s", clip(snap.path, 200), ch.Reason)
		}
	}
	return ch.Lint
}

// validateOptions returns the options the CLI would lint the document's
// file with (validate.Resolve): the editor's settings as its flags, then
// its configuration file (cfg, or the error cerr of reading it:
// configForDoc), then $AWS_ACCESS_KEY_ID where the file says
// `accessKeyId: env`.
func (s *Server) validateOptions(snap snapshot, st Settings, cfg *config.Config, cerr error) (validate.Options, error) {
	var f validate.Options // the settings, as flags
	if st.JobType != "" {
		f.JobType, _ = manifest.ParseJobType(st.JobType)
		f.JobTypeSource = manifest.Source{Kind: manifest.SourceFlag, Name: "the editor setting manifestlint.jobType", Detail: st.JobType}
	}
	if st.Region != "" {
		f.Region, f.RegionSource = st.Region, manifest.Source{Kind: manifest.SourceFlag, Name: "the editor setting manifestlint.region"}
	}
	if cerr != nil {
		return validate.Options{}, cerr
	}
	opts, note, err := validate.Resolve(f, cfg, snap.path, s.opts.Getenv)
	if note != "" {
		s.logf("%s", note)
	}
	return opts, err
}

// configForDoc returns the configuration file that applies to a document:
// the one found from its file's directory, or from the workspace root for
// a document that is not a file (none without a root).
func (s *Server) configForDoc(snap snapshot) (*config.Config, error) {
	dir := ""
	if snap.path != "" {
		dir = filepath.Dir(snap.path)
	} else {
		s.mu.Lock()
		dir = s.rootDir
		s.mu.Unlock()
	}
	if dir == "" {
		return nil, nil
	}
	return s.configFor(dir)
}

// configDiagnostics reports a configuration problem on the document (one
// diagnostic at the top), or on the configuration file itself: one per
// problem, at its place, as the CLI prints one line each.
func configDiagnostics(snap snapshot, err error) []Diagnostic {
	d := Diagnostic{Severity: severityError, Source: "manifestlint", Code: "config", Message: err.Error()}
	var es config.Errors
	if !isConfig(snap.path) || !errors.As(config.Merge(err), &es) || filepath.Clean(es[0].File) != filepath.Clean(snap.path) {
		return []Diagnostic{d}
	}
	ds := make([]Diagnostic, len(es))
	for i, ce := range es {
		p := snap.index.position(snap.index.offsetOfLineCol(ce.Line, ce.Column), snap.enc)
		d.Range, d.Message = Range{p, p}, "config error: "+ce.Message
		ds[i] = d
	}
	return ds
}

// RuleDocs is where a rule's documentation is: its section of
// docs/rules.md, by rule id (the diagnostics' codeDescription).
const RuleDocs = manifest.RulesDocURI + "#" // as (*manifest.Descriptor).HelpURI and SARIF's helpUri

// ruleDocumented reports whether id is a rule of validate.Rules(), each of
// which has its section in docs/rules.md (tested).
func ruleDocumented(id string) bool { return validate.RuleByID(id) != nil }

// findingMessage is a diagnostic's message: the headline, as --format
// json's message, then the help on the next line (editors show a
// diagnostic's message whole, and have no other place for it); the
// service's sentence when the finding has no headline.
func findingMessage(f manifest.Finding) string {
	msg := f.Message
	if msg == "" {
		msg = f.Text()
	}
	if f.Help != "" {
		msg += "\n" + f.Help
	}
	return msg
}

// toDiagnostic turns a finding into an LSP diagnostic.
func toDiagnostic(uri string, idx *lineIndex, enc encoding, f manifest.Finding) Diagnostic {
	d := Diagnostic{
		Range:    Range{idx.position(f.Start, enc), idx.position(f.End, enc)},
		Severity: severityError,
		Code:     string(f.Code),
		Source:   "manifestlint",
		Message:  findingMessage(f),
		Data:     &diagnosticData{Rule: f.Rule, Path: f.Path},
	}
	if f.Severity == manifest.Warning {
		d.Severity = severityWarning
	}
	if f.Rule != "" && ruleDocumented(f.Rule) {
		d.CodeDescription = &codeDescription{Href: RuleDocs + f.Rule}
	}
	if d.Code == "" {
		d.Code = f.Rule
	}
	if !utf8.ValidString(d.Message) {
		d.Message = strings.ToValidUTF8(d.Message, "\uFFFD")
	}
	for _, r := range f.Related {
		d.RelatedInformation = append(d.RelatedInformation, diagnosticRelatedInformation{
			Location: Location{URI: uri, Range: Range{idx.position(r.Start, enc), idx.position(r.End, enc)}},
			Message:  r.Message,
		})
	}
	return d
}

// current returns the lint result of the snapshot's version: the one the
// linter or another request made, else the one a lint under way will
// make (sharedLint). The error is ServerCancelled when the document
// changed before it was linted (the client asks again for the new text).
func (s *Server) current(ctx context.Context, snap snapshot) (*lintResult, *rpcError) {
	if snap.lint != nil && snap.lint.version == snap.version && snap.lint.text == snap.text {
		return snap.lint, nil
	}
	lr := s.sharedLint(ctx, snap)
	if lr == nil {
		return nil, &rpcError{codeServerCancelled, "server cancelled: the document changed before it was linted"}
	}
	return lr, nil
}

// flight is the lint of one version of one document, shared by the
// linter and every request that needs it: N requests after one change
// lint once (a lint of a 1 MB manifest allocates hundreds of megabytes).
type flight struct {
	version int
	text    string
	gen     uint64
	ctx     context.Context // cancelled when the version is superseded or the server stops
	cancel  context.CancelFunc
	done    chan struct{} // closed when lr is set (nil if cancelled first)
	lr      *lintResult
	// after is closed when the document's flight before this one has
	// ended; ended when this one has, and every one before it: a
	// document's lints run one at a time, so that a burst of changes
	// costs the lint under way and the last version's, not a lint per
	// change side by side (validate cannot be stopped half-way).
	after, ended chan struct{}
}

// sharedLint returns the lint result of snap's version, joining the lint
// under way for it or starting one; nil when ctx is cancelled or the
// version is superseded (a change cancels the lint of the one before)
// before the result is there. At most cap(s.lintSlots) lints run at once.
func (s *Server) sharedLint(ctx context.Context, snap snapshot) *lintResult {
	return s.joinLint(ctx, snap, false)
}

// flyLint is sharedLint for the linter, for the server's lifetime: a lint
// it starts runs on its goroutine, which would only wait for it.
func (s *Server) flyLint(snap snapshot) *lintResult {
	return s.joinLint(s.baseCtx, snap, true)
}

// joinLint is sharedLint; inline runs a lint it starts on the caller's
// goroutine.
func (s *Server) joinLint(ctx context.Context, snap snapshot, inline bool) *lintResult {
	s.mu.Lock()
	d, ok := s.docs[snap.uri]
	if !ok || d.version != snap.version || d.text != snap.text {
		// The document changed (or closed) since the snapshot: the newer
		// version's lint is not the one to cancel.
		s.mu.Unlock()
		return nil
	}
	if d.lint != nil && d.lint.version == snap.version && d.lint.text == snap.text && d.lint.gen == s.gen {
		lr := d.lint
		s.mu.Unlock()
		return lr
	}
	f := s.flights[snap.uri]
	if f == nil || f.version != snap.version || f.text != snap.text || f.gen != s.gen || f.ctx.Err() != nil {
		var after chan struct{}
		if f != nil {
			f.cancel() // superseded
			after = f.ended
		}
		f = &flight{version: snap.version, text: snap.text, gen: s.gen, done: make(chan struct{}), after: after, ended: make(chan struct{})}
		f.ctx, f.cancel = context.WithCancel(s.baseCtx)
		s.flights[snap.uri] = f
		st := s.settingsLocked()
		s.wg.Add(1)
		if inline {
			s.mu.Unlock()
			s.fly(snap, st, f)
			return f.lr
		}
		go s.fly(snap, st, f)
	}
	s.mu.Unlock()
	select {
	case <-f.done:
		return f.lr
	case <-f.ctx.Done():
		return nil
	case <-ctx.Done():
		return nil
	}
}

// fly runs a flight's lint when a lint slot is free, unless the flight is
// cancelled first.
func (s *Server) fly(snap snapshot, st Settings, f *flight) {
	defer s.wg.Done()
	defer close(f.ended)
	defer func() {
		s.mu.Lock()
		if s.flights[snap.uri] == f {
			delete(s.flights, snap.uri)
		}
		s.mu.Unlock()
	}()
	if f.after != nil {
		select {
		case <-f.after:
		case <-f.ctx.Done():
			<-f.after // ended follows every earlier flight's end
			return
		}
	}
	select {
	case s.lintSlots <- struct{}{}:
	case <-f.ctx.Done():
		return
	}
	defer func() { <-s.lintSlots }()
	if f.ctx.Err() != nil {
		return
	}
	if s.beforeLint != nil {
		s.beforeLint(snap.uri, snap.version)
	}
	var lr *lintResult
	s.safely("lint", func() { lr = s.lint(f.ctx, snap, st) })
	if lr == nil {
		return
	}
	s.mu.Lock()
	if d, ok := s.docs[snap.uri]; ok && d.version == lr.version && d.text == lr.text && s.state != stateShutdown {
		d.lint = lr
	}
	s.mu.Unlock()
	f.lr = lr
	close(f.done)
}

func (s *Server) pullDiagnostics(params json.RawMessage) (func(context.Context) (any, *rpcError), *rpcError) {
	var p documentDiagnosticParams
	return s.whenLinted(params, &p, &p.TextDocument.URI, func(_ snapshot, lr *lintResult) any {
		// The result id names the text and settings linted: the same id
		// means the same diagnostics.
		id := strconv.Itoa(lr.version) + "." + strconv.FormatUint(lr.gen, 10)
		if p.PreviousResultID != "" && p.PreviousResultID == id {
			return unchangedDocumentDiagnosticReport{Kind: "unchanged", ResultID: id}
		}
		return fullDocumentDiagnosticReport{Kind: "full", ResultID: id, Items: lr.diags}
	})
}

// whenLinted is the opening of a request on a document: it decodes params
// into p, takes a snapshot of the document *uri names (a field of p), and
// returns the handler that answers with answer once that text is linted.
func (s *Server) whenLinted(params json.RawMessage, p any, uri *string, answer func(snapshot, *lintResult) any) (func(context.Context) (any, *rpcError), *rpcError) {
	if err := decodeParams(params, p); err != nil {
		return nil, err
	}
	snap, err := s.snapshot(*uri)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) (any, *rpcError) {
		lr, rerr := s.current(ctx, snap)
		if rerr != nil {
			return nil, rerr
		}
		return answer(snap, lr), nil
	}, nil
}
