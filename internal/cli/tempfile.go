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
// removed. From the first one on, SIGINT and SIGTERM are caught: the
// handler removes them, then lets the signal end the process as it would
// have. (They stay caught to the end of the process: catching and releasing
// them for each file costs more than writing a small file.)
var temps struct {
	// busy is held shared by each file operation (creating, renaming,
	// removing a temporary file, an in-place write) and exclusively by the
	// signal handler: a signal waits for the operations under way to
	// finish, and none starts after it, while the workers never wait for
	// each other.
	busy sync.RWMutex
	// mu guards names.
	mu    sync.Mutex
	names map[string]bool
	once  sync.Once
}

// caught are the signals whose default action ends the process, which a
// user sends to stop a run (Ctrl-C, kill, a CI runner's timeout).
var caught = []os.Signal{os.Interrupt, sigTerm}

// createTemp creates a new file beside path, named
// `.NAME.manifestlint-RANDOM`, with permissions perm (less the umask), and
// tracks it until renameTemp or removeTemp is done with it.
func createTemp(path string, perm fs.FileMode) (*os.File, error) {
	catchSignals() // before the file exists: a signal then finds it tracked
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	for range 100 {
		name := filepath.Join(dir, "."+base+".manifestlint-"+strconv.FormatUint(rand.Uint64()%1e12, 36))
		temps.busy.RLock()
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			temps.mu.Lock()
			temps.names[name] = true
			temps.mu.Unlock()
		}
		temps.busy.RUnlock()
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "create", Path: filepath.Join(dir, "."+base+".manifestlint-*"), Err: fs.ErrExist}
}

// catchSignals starts catching the signals, the first time it is called.
func catchSignals() {
	temps.once.Do(func() {
		temps.names = map[string]bool{}
		ch := make(chan os.Signal, 1)
		for _, s := range caught {
			// A signal the run was started with ignored (a background job
			// of a script) stays ignored.
			if !signal.Ignored(s) {
				signal.Notify(ch, s)
			}
		}
		go onSignal(ch)
	})
}

// forget stops tracking a temporary file: it was renamed into place or
// removed.
func forget(name string) {
	temps.mu.Lock()
	delete(temps.names, name)
	temps.mu.Unlock()
}

// removeTemp removes a temporary file that will not be used.
func removeTemp(f *os.File) {
	f.Close()
	temps.busy.RLock()
	defer temps.busy.RUnlock()
	os.Remove(f.Name())
	forget(f.Name())
}

// renameTemp renames a closed temporary file over path, or, when check
// (run just before, with signals held off) fails, removes it and returns
// check's error.
func renameTemp(name, path string, check func() error) error {
	temps.busy.RLock()
	defer temps.busy.RUnlock()
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
	forget(name)
	return err
}

// holdSignals runs f with the signal handler held off: a SIGINT or SIGTERM
// that comes meanwhile takes effect when f returns, so that f (an in-place
// write) is never cut in half by them.
func holdSignals(f func() error) error {
	catchSignals()
	temps.busy.RLock()
	defer temps.busy.RUnlock()
	return f()
}

// onSignal removes the temporary files when a caught signal comes, then
// ends the process by that signal (its default action), as if it had not
// been caught.
func onSignal(ch chan os.Signal) {
	for s := range ch {
		temps.busy.Lock() // waits for the operations under way
		temps.mu.Lock()
		for name := range temps.names {
			os.Remove(name)
		}
		signal.Reset(s)
		dieOf(s)
	}
}
