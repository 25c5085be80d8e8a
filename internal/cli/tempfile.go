package cli

// This file creates the temporary files that --fix, --output and init
// write before renaming them into place, and removes them when the run is
// stopped by SIGINT or SIGTERM, so that no `.m.yaml.manifestlint-*` file is
// left behind.

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"sync"
)

// temps are the temporary files of the run not yet renamed into place or
// removed. While there is one, SIGINT and SIGTERM are caught: the handler
// removes them, then lets the signal end the process as it would have.
// The mutex also makes a rename (or an in-place write) and the handler
// exclusive: a signal waits for the write under way to finish.
var temps struct {
	sync.Mutex
	names map[string]bool
	ch    chan os.Signal
	once  sync.Once
}

// caught are the signals whose default action ends the process, which a
// user sends to stop a run (Ctrl-C, kill, a CI runner's timeout).
var caught = []os.Signal{os.Interrupt, sigTerm}

// createTemp creates a new file beside path, named
// `.NAME.manifestlint-RANDOM`, with permissions perm (less the umask), and
// tracks it until untrack is called.
func createTemp(path string, perm fs.FileMode) (*os.File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	for range 100 {
		name := filepath.Join(dir, "."+base+".manifestlint-"+strconv.FormatUint(rand.Uint64()%1e12, 36))
		temps.Lock()
		catchLocked() // before the file exists: a signal then finds it tracked
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			temps.names[name] = true
		} else if len(temps.names) == 0 {
			signal.Stop(temps.ch)
		}
		temps.Unlock()
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "create", Path: filepath.Join(dir, "."+base+".manifestlint-*"), Err: fs.ErrExist}
}

// catchLocked starts catching the signals (temps is locked), unless
// temporary files are tracked already (they are caught then).
func catchLocked() {
	temps.once.Do(func() {
		temps.names = map[string]bool{}
		temps.ch = make(chan os.Signal, 1)
		go onSignal()
	})
	if len(temps.names) > 0 {
		return
	}
	for _, s := range caught {
		// A signal the run was started with ignored (a background job of
		// a script) stays ignored.
		if !signal.Ignored(s) {
			signal.Notify(temps.ch, s)
		}
	}
}

// untrackLocked forgets a temporary file (temps is locked): it was renamed
// into place or removed. The last one stops catching the signals.
func untrackLocked(name string) {
	delete(temps.names, name)
	if len(temps.names) == 0 {
		signal.Stop(temps.ch)
	}
}

// removeTemp removes a temporary file that will not be used.
func removeTemp(f *os.File) {
	f.Close()
	temps.Lock()
	defer temps.Unlock()
	os.Remove(f.Name())
	untrackLocked(f.Name())
}

// renameTemp renames a closed temporary file over path, or, when check
// fails, removes it and returns check's error.
func renameTemp(name, path string, check func() error) error {
	temps.Lock()
	defer temps.Unlock()
	err := error(nil)
	if check != nil {
		err = check()
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		os.Remove(name)
	}
	untrackLocked(name)
	return err
}

// holdSignals runs f with the signal handler held off: a SIGINT or SIGTERM
// that comes meanwhile takes effect when f returns, so that f (an in-place
// write) is never cut in half by them.
func holdSignals(f func() error) error {
	temps.Lock()
	defer temps.Unlock()
	catchLocked()
	if len(temps.names) == 0 {
		defer signal.Stop(temps.ch)
	}
	return f()
}

// onSignal removes the temporary files when a caught signal comes, then
// ends the process by that signal (its default action), as if it had not
// been caught.
func onSignal() {
	for s := range temps.ch {
		temps.Lock() // waits for a rename or an in-place write under way
		for name := range temps.names {
			os.Remove(name)
		}
		signal.Reset(s)
		dieOf(s)
	}
}
