// Package lsp is manifestlint's language server: LSP 3.17 over a byte
// stream (stdio for `manifestlint lsp`). Every diagnostic comes from
// validate.Validate with the options the CLI would use for the same file
// (its .manifestlint.yaml, found upward), so the editor and the CLI never
// disagree. Hover, completion and code actions read the same parse.
//
// The JSON-RPC layer is written here rather than taken from a library: see
// rpc.go.
package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a Server.
type Options struct {
	// MaxBytes is the largest document linted (0: validate.DefaultMaxBytes);
	// a larger one gets one diagnostic saying so (validate.CheckSize).
	MaxBytes int64
	// MaxMessage bounds one JSON-RPC message (default DefaultMaxMessage).
	MaxMessage int64
	// Log receives the server's own log lines (stderr for the command);
	// nil discards them.
	Log io.Writer
	// Getenv reads the environment ($AWS_ACCESS_KEY_ID where a config file
	// says `accessKeyId: env`, as the CLI does);
	// nil means os.Getenv.
	Getenv func(string) string
}

// Server is one language-server connection.
type Server struct {
	opts Options
	in   *reader
	out  *writer

	mu         sync.Mutex
	state      int // stateNew, stateRunning, stateShutdown
	enc        encoding
	docs       map[string]*document
	trace      atomic.Value // string: off, messages or verbose ($/setTrace)
	caps       clientCaps
	initOpts   Settings
	wsSettings Settings
	configs    map[string]configLookup // by directory
	// detected is the last reason logged for a document linted by its
	// content, by path: the log says it once, not on every change.
	detected  map[string]string
	rootDir   string
	pending   map[string]bool // documents waiting for the linter
	gen       uint64          // bumped when settings or a configuration file change
	inflight  map[string]context.CancelFunc
	flights   map[string]*flight // the lint under way of each document
	lintSlots chan struct{}      // one per lint allowed to run at once
	lintRuns  atomic.Int64       // lints run (validate, config or size check), for tests
	// lintsStopped counts the lints stopped half-way (their version was
	// superseded), for tests.
	lintsStopped atomic.Int64
	baseCtx      context.Context // cancelled when the server stops
	stopLints    context.CancelFunc
	outRequests  map[int64]chan *message
	nextID       int64

	// beforeWork, when set (by tests), runs before each request's work.
	beforeWork func(ctx context.Context, method string)
	// beforeLint, when set (by tests), runs before each lint, in its slot.
	beforeLint func(uri string, version int)

	wake   chan struct{} // signals the linter
	done   chan struct{} // closed when the server stops
	wg     sync.WaitGroup
	lintWG sync.WaitGroup
}

// Server states.
const (
	stateNew = iota
	stateRunning
	stateShutdown
)

type clientCaps struct {
	configuration  bool
	watchDynamic   bool
	versionSupport bool
	snippets       bool
	// documentChanges: workspace edits may name the document version.
	documentChanges bool
}

// Settings are what the editor may set, in initializationOptions or as
// the "manifestlint" section of workspace/configuration. They win over the
// configuration file, as the CLI's flags do.
type Settings struct {
	// JobType is "import" or "export" (--job-type).
	JobType string `json:"jobType"`
	// Region is the job's region (--region).
	Region string `json:"region"`
	// MaxBytes is the largest document linted (--max-bytes).
	MaxBytes int64 `json:"maxBytes"`
}

// New returns a server reading requests from r and writing to w.
func New(r io.Reader, w io.Writer, opts Options) *Server {
	if opts.MaxMessage <= 0 {
		opts.MaxMessage = DefaultMaxMessage
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	base, stopLints := context.WithCancel(context.Background())
	return &Server{
		flights:     map[string]*flight{},
		lintSlots:   make(chan struct{}, maxConcurrentLints()),
		baseCtx:     base,
		stopLints:   stopLints,
		opts:        opts,
		in:          newReader(r, opts.MaxMessage),
		out:         &writer{w: w},
		docs:        map[string]*document{},
		configs:     map[string]configLookup{},
		detected:    map[string]string{},
		pending:     map[string]bool{},
		inflight:    map[string]context.CancelFunc{},
		outRequests: map[int64]chan *message{},
		wake:        make(chan struct{}, 1),
		done:        make(chan struct{}),
	}
}

// Serve reads and answers messages until `exit` or the end of the input,
// and returns the process exit status: 0 after shutdown then exit, 1
// otherwise. Every goroutine it started has ended when it returns.
func (s *Server) Serve() int {
	s.lintWG.Add(1)
	go s.linter()
	status := 1
	for {
		body, err := s.in.read()
		if err != nil {
			if fe, ok := err.(*errFrame); ok {
				// JSON-RPC: a message that cannot be parsed is answered
				// with a parse error (id null unless the request's id
				// could be read), and the server reads on.
				s.logf("%v", fe)
				id := fe.id
				if id == nil {
					id = json.RawMessage("null")
				}
				s.replyError(id, codeParseError, "parse error: "+fe.Error())
				continue
			}
			if err != io.EOF {
				s.logf("reading: %v", err)
			}
			break
		}
		m, rerr := decode(body)
		if rerr != nil {
			s.logf("%s", rerr.Message)
			id := json.RawMessage("null")
			if m != nil && len(m.ID) > 0 && validID(m.ID) {
				id = m.ID
			}
			s.out.write(errorResponse{"2.0", id, rerr})
			continue
		}
		if m.Method == "exit" {
			s.mu.Lock()
			if s.state == stateShutdown {
				status = 0
			}
			s.mu.Unlock()
			break
		}
		s.dispatch(m)
	}
	s.stop()
	return status
}

// stop ends the linter and waits for every request in flight.
func (s *Server) stop() {
	s.mu.Lock()
	for _, cancel := range s.inflight {
		cancel()
	}
	s.stopLints()
	for id, ch := range s.outRequests {
		close(ch)
		delete(s.outRequests, id)
	}
	s.mu.Unlock()
	close(s.done)
	s.lintWG.Wait()
	s.wg.Wait()
}

// maxConcurrentLints bounds the lints running at once: each may hold the
// tree and findings of a large document.
func maxConcurrentLints() int { return max(1, min(2, runtime.GOMAXPROCS(0))) }

// logf writes a line to the server's log and, when the client asked for a
// trace ($/setTrace messages or verbose), sends it as $/logTrace too.
func (s *Server) logf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintf(s.opts.Log, "manifestlint lsp: %s\n", msg)
	if t, _ := s.trace.Load().(string); t == "messages" || t == "verbose" {
		s.notify("$/logTrace", map[string]string{"message": msg})
	}
}

// handler answers a request: it runs on the reading goroutine (so it sees
// the documents as of this message) and returns the work to do, which runs
// on its own goroutine and may be cancelled.
type handler func(s *Server, params json.RawMessage) (work func(ctx context.Context) (any, *rpcError), err *rpcError)

// method is how the server takes one JSON-RPC method: a request, which it
// answers (run), or a notification, which it handles on the reading
// goroutine and does not answer (note).
type method struct {
	run   handler
	note  func(s *Server, params json.RawMessage)
	early bool // accepted before initialize ($/setTrace)
}

// methods are the methods the server takes. Not offered, so unknown:
// workspace/executeCommand, workspace/diagnostic, textDocument/formatting,
// textDocument/documentSymbol. exit ends Serve's loop.
var methods = map[string]method{
	"initialize":                          {run: (*Server).initialize},
	"shutdown":                            {run: (*Server).shutdown},
	"textDocument/diagnostic":             {run: (*Server).pullDiagnostics},
	"textDocument/hover":                  {run: (*Server).hover},
	"textDocument/completion":             {run: (*Server).completion},
	"textDocument/codeAction":             {run: (*Server).codeAction},
	"initialized":                         {note: (*Server).initialized},
	"textDocument/didOpen":                {note: (*Server).didOpen},
	"textDocument/didChange":              {note: (*Server).didChange},
	"textDocument/didSave":                {note: (*Server).didSave},
	"textDocument/didClose":               {note: (*Server).didClose},
	"workspace/didChangeWatchedFiles":     {note: (*Server).didChangeWatchedFiles},
	"workspace/didChangeConfiguration":    {note: (*Server).didChangeConfiguration},
	"$/cancelRequest":                     {note: (*Server).cancelRequest},
	"workspace/didChangeWorkspaceFolders": {note: func(*Server, json.RawMessage) {}},
	"$/setTrace":                          {note: (*Server).setTrace, early: true},
}

// dispatch handles one well-formed message: a response to the server's
// own request, or a method, refused by the state of the session (nothing
// but initialize before it, only exit after shutdown) or unknown. A
// refused notification is dropped (LSP: a server may ignore `$/`
// notifications it does not know), a refused request answered with why.
func (s *Server) dispatch(m *message) {
	if m.Method == "" {
		s.response(m)
		return
	}
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	mt, known := methods[m.Method]
	known = known && (mt.run != nil) == m.isRequest()
	code, why := 0, ""
	switch {
	case state == stateNew && m.Method != "initialize" && !(known && mt.early):
		code, why = codeServerNotInitialized, "the server is not initialized: send initialize first"
	case state != stateNew && m.Method == "initialize":
		code, why = codeInvalidRequest, "initialize was already received"
	case state == stateShutdown:
		code, why = codeInvalidRequest, "the server is shutting down: only exit is accepted"
	case !known:
		code, why = codeMethodNotFound, "method not found: "+clip(m.Method, 100)
	}
	switch {
	case !m.isRequest():
		if why == "" {
			s.safely(m.Method, func() { mt.note(s, m.Params) })
		}
		return
	case why != "":
		s.replyError(m.ID, code, why)
		return
	}
	var work func(context.Context) (any, *rpcError)
	var herr *rpcError
	s.safely(m.Method, func() { work, herr = mt.run(s, m.Params) })
	if herr != nil || work == nil {
		if herr == nil {
			herr = &rpcError{codeInternalError, "internal error"}
		}
		s.replyError(m.ID, herr.Code, herr.Message)
		return
	}
	key := string(m.ID)
	ctx, cancel := context.WithCancel(context.Background())
	s.mu.Lock()
	s.inflight[key] = cancel
	s.mu.Unlock()
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer cancel()
		var res any
		var werr *rpcError
		if s.beforeWork != nil {
			s.beforeWork(ctx, m.Method)
		}
		s.safely(m.Method, func() { res, werr = work(ctx) })
		s.mu.Lock()
		delete(s.inflight, key)
		s.mu.Unlock()
		switch {
		case ctx.Err() != nil:
			s.replyError(m.ID, codeRequestCancelled, "request cancelled")
		case werr != nil:
			s.replyError(m.ID, werr.Code, werr.Message)
		default:
			s.out.write(response{JSONRPC: "2.0", ID: m.ID, Result: res})
		}
	}()
}

// safely runs fn, turning a panic into a log line: one bad request never
// brings the server down.
func (s *Server) safely(what string, fn func()) {
	defer func() {
		if r := recover(); r != nil {
			s.logf("internal error in %s: %v", what, r)
		}
	}()
	fn()
}

func (s *Server) replyError(id json.RawMessage, code int, msg string) {
	s.out.write(errorResponse{"2.0", id, &rpcError{code, msg}})
}

// response routes a response to the request the server sent.
func (s *Server) response(m *message) {
	var id int64
	if json.Unmarshal(m.ID, &id) != nil {
		return
	}
	s.mu.Lock()
	ch, ok := s.outRequests[id]
	delete(s.outRequests, id)
	s.mu.Unlock()
	if ok {
		ch <- m
	}
}

// call sends a request to the client and waits for its response (nil
// when the server stops or the client does not answer in time).
func (s *Server) call(method string, params any, timeout time.Duration) *message {
	ch := make(chan *message, 1)
	s.mu.Lock()
	s.nextID++
	id := s.nextID
	s.outRequests[id] = ch
	s.mu.Unlock()
	if err := s.out.write(request{"2.0", id, method, params}); err != nil {
		return nil
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case m := <-ch:
		return m
	case <-t.C:
	case <-s.done:
	}
	s.mu.Lock()
	delete(s.outRequests, id)
	s.mu.Unlock()
	return nil
}

func (s *Server) notify(method string, params any) {
	s.out.write(notification{"2.0", method, params})
}

// decodeParams unmarshals params into v, or says why it cannot.
func decodeParams(params json.RawMessage, v any) *rpcError {
	if len(params) == 0 {
		return &rpcError{codeInvalidParams, "invalid params: missing"}
	}
	if err := json.Unmarshal(params, v); err != nil {
		return &rpcError{codeInvalidParams, "invalid params: " + err.Error()}
	}
	return nil
}

// initializeResult is the answer to initialize.
type initializeResult struct {
	Capabilities serverCapabilities `json:"capabilities"`
	ServerInfo   struct {
		Name    string `json:"name"`
		Version string `json:"version,omitempty"`
	} `json:"serverInfo"`
}

type serverCapabilities struct {
	PositionEncoding   string `json:"positionEncoding"`
	TextDocumentSync   any    `json:"textDocumentSync"`
	HoverProvider      bool   `json:"hoverProvider"`
	CompletionProvider any    `json:"completionProvider"`
	CodeActionProvider any    `json:"codeActionProvider"`
	DiagnosticProvider any    `json:"diagnosticProvider"`
}

// Version is reported in serverInfo; the command sets it.
var Version = ""

func (s *Server) initialize(params json.RawMessage) (func(context.Context) (any, *rpcError), *rpcError) {
	var p initializeParams
	if err := decodeParams(params, &p); err != nil {
		return nil, err
	}
	var settings Settings
	var warn string
	if len(p.InitializationOptions) > 0 && string(p.InitializationOptions) != "null" {
		settings, warn = parseSettings(p.InitializationOptions)
	}
	s.mu.Lock()
	s.enc = utf16
	for _, e := range p.Capabilities.General.PositionEncodings {
		if e == "utf-8" {
			s.enc = utf8enc
		}
	}
	c := p.Capabilities
	s.caps = clientCaps{
		configuration:   c.Workspace.Configuration,
		watchDynamic:    c.Workspace.DidChangeWatchedFiles.DynamicRegistration,
		versionSupport:  c.TextDocument.PublishDiagnostics.VersionSupport,
		snippets:        c.TextDocument.Completion.CompletionItem.SnippetSupport,
		documentChanges: c.Workspace.WorkspaceEdit.DocumentChanges,
	}
	s.initOpts = settings
	if p.RootURI != nil {
		s.rootDir = uriPath(*p.RootURI)
	}
	if p.Trace != "" {
		s.trace.Store(p.Trace)
	}
	s.state = stateRunning
	enc := s.enc
	s.mu.Unlock()
	if warn != "" {
		s.notify("window/showMessage", logMessageParams{2, warn})
	}
	var res initializeResult
	res.ServerInfo.Name = "manifestlint"
	res.ServerInfo.Version = Version
	res.Capabilities = serverCapabilities{
		PositionEncoding: enc.String(),
		TextDocumentSync: map[string]any{
			"openClose": true,
			"change":    2, // incremental
			"save":      map[string]any{"includeText": false},
		},
		HoverProvider: true,
		CompletionProvider: map[string]any{
			"triggerCharacters": []string{":", " ", "-"},
		},
		CodeActionProvider: map[string]any{
			"codeActionKinds": []string{kindQuickFix, kindFixAll},
		},
		DiagnosticProvider: map[string]any{
			"identifier":            "manifestlint",
			"interFileDependencies": false,
			"workspaceDiagnostics":  false,
		},
	}
	return func(context.Context) (any, *rpcError) { return res, nil }, nil
}

func (s *Server) initialized(json.RawMessage) {
	s.mu.Lock()
	caps := s.caps
	s.mu.Unlock()
	if caps.watchDynamic {
		s.background(func() {
			s.call("client/registerCapability", registrationParams{[]registration{{
				ID: "manifestlint-config", Method: "workspace/didChangeWatchedFiles",
				RegisterOptions: map[string]any{"watchers": []map[string]any{{"globPattern": "**/.manifestlint.yaml"}}},
			}}}, 10*time.Second)
		})
	}
	if caps.configuration {
		s.background(s.fetchConfiguration)
	}
}

// background runs fn on a goroutine Serve waits for.
func (s *Server) background(fn func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.safely("background", fn)
	}()
}

func (s *Server) shutdown(json.RawMessage) (func(context.Context) (any, *rpcError), *rpcError) {
	s.mu.Lock()
	s.state = stateShutdown
	clear(s.pending) // queued lints are of no more use (a request's still ends)
	s.mu.Unlock()
	return func(context.Context) (any, *rpcError) { return nil, nil }, nil
}

func (s *Server) cancelRequest(params json.RawMessage) {
	var p cancelParams
	if json.Unmarshal(params, &p) != nil {
		return
	}
	s.mu.Lock()
	cancel := s.inflight[string(p.ID)]
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

func (s *Server) setTrace(params json.RawMessage) {
	var p setTraceParams
	if json.Unmarshal(params, &p) != nil {
		return
	}
	switch p.Value {
	case "off", "messages", "verbose":
		s.trace.Store(p.Value)
	}
}

// clip cuts s to n bytes for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}
