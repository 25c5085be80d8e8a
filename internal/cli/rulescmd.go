package cli

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/manifestlint/manifestlint/internal/explain"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/manifestlint/manifestlint/internal/config"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
)

// ruleRow is one line of `manifestlint rules`.
type ruleRow struct {
	ID       string   `json:"id"`
	Severity string   `json:"severity"`
	Codes    []string `json:"codes"`
	Doc      string   `json:"doc"`
}

// ruleRows lists validate.Rules(), each id once, in registry order, with
// the severity each rule declares.
func ruleRows() []ruleRow {
	var rows []ruleRow
	seen := map[string]bool{}
	for _, r := range validate.Rules() {
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		row := ruleRow{ID: r.ID, Severity: string(r.Severity), Codes: []string{}, Doc: r.Doc}
		for _, c := range r.Codes {
			row.Codes = append(row.Codes, string(c))
		}
		rows = append(rows, row)
	}
	return rows
}

// cmdRules is `manifestlint rules [--format text|json]`: every rule id
// with its severity, codes and one-line doc, the names --ignore, the config
// file's disable and severity keys and suppressions take.
func cmdRules(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("rules", "Usage: manifestlint rules [--format text|json]\n\n"+
		"Lists every rule id with its default severity, the service codes it reports and what it checks. "+
		"Rule ids and codes are the names --ignore, the config file's disable and severity keys, and "+
		"`# manifestlint-ignore: NAME` comments take. `manifestlint explain RULE` tells more.\n", stdout, stderr)
	format := fl.StringP("format", "f", "text", "output format: text or json")
	if st, done := parseFlags(fl, args); done {
		return st
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "manifestlint rules: unexpected argument %q (to explain one rule: manifestlint explain %s)\n", safeName(fl.Arg(0)), safeName(fl.Arg(0)))
		return ExitUsage
	}
	rows := ruleRows()
	switch strings.ToLower(*format) { // -f JSON, as the lint's -f
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Rules []ruleRow `json:"rules"`
		}{rows}); err != nil {
			fmt.Fprintf(stderr, "manifestlint rules: %v\n", err)
			return ExitUsage
		}
	case "text":
		table := make([][]string, len(rows))
		for i, r := range rows {
			codes := ""
			if len(r.Codes) > 0 {
				codes = " [" + strings.Join(r.Codes, ", ") + "]"
			}
			table[i] = []string{r.ID, r.Severity, firstLine(r.Doc) + codes}
		}
		if err := explain.WriteTable(stdout, outputWidth()-1, []string{"RULE", "SEVERITY", "CHECKS [CODES]"}, table); err != nil {
			fmt.Fprintf(stderr, "manifestlint rules: %v\n", err)
			return ExitUsage
		}
	default:
		fmt.Fprintf(stderr, "manifestlint rules: unknown --format %q; use text or json\n", safeName(*format))
		return ExitUsage
	}
	return ExitOK
}

// firstLine is a doc's first line.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

//go:embed starters
var starters embed.FS

// cmdInit is `manifestlint init [--job-kind KIND]`: a commented
// .manifestlint.yaml in the current directory and, with --job-kind, a
// valid starter manifest of that kind (KIND.manifest.yaml) that lints
// clean. It never overwrites a file: it writes those that do not exist and
// names those it kept; when all exist, nothing is written and it exits 2.
func cmdInit(args []string, stdout, stderr io.Writer) int {
	kinds := make([]string, len(manifest.Kinds))
	for i, k := range manifest.Kinds {
		kinds[i] = string(k)
	}
	fl := newFlags("init", "Usage: manifestlint init [--job-kind KIND] [--dir DIR]\n\n"+
		"Writes a commented "+config.FileName+" and, with --job-kind, a starter manifest of that kind "+
		"(KIND.manifest.yaml) that lints without errors; its sample values are warnings until replaced. "+
		"An existing file is never overwritten.\n", stdout, stderr)
	kind := fl.String("job-kind", "", "also write a starter manifest of this kind: "+strings.Join(kinds, ", "))
	dir := fl.String("dir", ".", "the folder to write in")
	if st, done := parseFlags(fl, args); done {
		return st
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "manifestlint init: unexpected argument %q; choose the folder with --dir\n", safeName(fl.Arg(0)))
		return ExitUsage
	}
	type file struct{ src, dst string }
	files := []file{{"starters/manifestlint.yaml", config.FileName}}
	if *kind != "" {
		pk, err := parseJobKind(*kind, false)
		if err != nil {
			fmt.Fprintf(stderr, "manifestlint init: %v\n", err)
			return ExitUsage
		}
		k := string(pk)
		files = append(files, file{"starters/" + k + ".manifest.yaml", k + ".manifest.yaml"})
	}
	var kept []string
	todo := files[:0:0]
	for _, f := range files {
		p := filepath.Join(*dir, f.dst)
		if _, err := os.Lstat(p); err == nil {
			kept = append(kept, p)
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(stderr, "manifestlint init: %s: %v\n", safeName(p), describe(err))
			return ExitUsage
		}
		todo = append(todo, f)
	}
	if len(todo) == 0 {
		for _, p := range kept {
			fmt.Fprintf(stderr, "manifestlint init: %s exists; nothing written (init never overwrites a file)\n", safeName(p))
		}
		return ExitUsage
	}
	// --dir names the folder to write in: create it (and its parents), as
	// `git init DIR` does.
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "manifestlint init: --dir %s: %v\n", safeName(*dir), describe(err))
		return ExitUsage
	}
	for _, f := range todo {
		p := filepath.Join(*dir, f.dst)
		src, _ := starters.ReadFile(f.src)
		if err := writeNew(p, src); err != nil {
			fmt.Fprintf(stderr, "manifestlint init: %s: %v\n", safeName(p), describe(err))
			return ExitUsage
		}
		fmt.Fprintf(stdout, "wrote %s\n", safeName(p))
	}
	for _, p := range kept {
		fmt.Fprintf(stdout, "kept %s, which exists (init never overwrites a file)\n", safeName(p))
	}
	return ExitOK
}

// writeNew writes a new file at p, never over an existing one, and never
// half: the text goes to a temporary file beside p, which is then linked
// to p (a link fails when p exists: a file that appeared since init
// looked is not overwritten) and removed. A full disk or a file-size limit
// fails before p exists, so that no cut config is left for the next run to
// use and the next init to keep. Where the file system has no hard links,
// the temporary file is renamed to p after a last check that p is absent.
func writeNew(p string, data []byte) error {
	tmp, err := createTemp(p, 0o644)
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		removeTemp(tmp)
		return err
	}
	if err := tmp.Close(); err != nil {
		removeTemp(tmp)
		return err
	}
	err = os.Link(tmp.Name(), p)
	if err == nil || errors.Is(err, fs.ErrExist) {
		removeTemp(tmp)
		return err
	}
	return renameTemp(tmp.Name(), p, func() error {
		if _, err := os.Lstat(p); err == nil {
			return &fs.PathError{Op: "create", Path: p, Err: fs.ErrExist}
		}
		return nil
	})
}
