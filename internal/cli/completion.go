package cli

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
	"github.com/spf13/pflag"
)

// cmdCompletion is `manifestlint completion bash|zsh|fish`: a completion
// script for the shell, built from the lint flags and the command table, so
// that it cannot fall behind them.
func cmdCompletion(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("completion", "Usage: manifestlint completion bash|zsh|fish\n\n"+
		"Prints a shell completion script. Load it with:\n"+
		"  bash: source <(manifestlint completion bash)\n"+
		"        (or save it in ~/.local/share/bash-completion/completions/manifestlint)\n"+
		"  zsh:  manifestlint completion zsh > \"${fpath[1]}/_manifestlint\"\n"+
		"        (then restart zsh)\n"+
		"  fish: manifestlint completion fish > ~/.config/fish/completions/manifestlint.fish\n", stdout, stderr)
	if st, done := parseFlags(fl, args); done {
		return st
	}
	if fl.NArg() != 1 {
		fmt.Fprintln(stderr, "manifestlint completion: name one shell: bash, zsh or fish")
		return ExitUsage
	}
	c := completionData()
	var script string
	switch fl.Arg(0) {
	case "bash":
		script = c.bash()
	case "zsh":
		script = c.zsh()
	case "fish":
		script = c.fish()
	default:
		fmt.Fprintf(stderr, "manifestlint completion: unknown shell %q; use bash, zsh or fish\n", safeName(fl.Arg(0)))
		return ExitUsage
	}
	if _, err := io.WriteString(stdout, script); err != nil {
		fmt.Fprintf(stderr, "manifestlint completion: %v\n", err)
		return ExitUsage
	}
	return ExitOK
}

// completion is what the scripts complete.
type completion struct {
	commands []string
	flags    []*pflag.Flag
	values   map[string][]string // flag name -> its values
	files    map[string]bool     // flags that take a file
	names    []string            // rule ids and codes, for explain
}

func completionData() completion {
	var o options
	fl := lintFlags(&o, io.Discard, io.Discard)
	c := completion{
		values: map[string][]string{
			"format":   formatNames(),
			"region":   manifest.Regions,
			"job-type": {string(manifest.JobTypeImport), string(manifest.JobTypeExport)},
			"job-kind": kindNames(),
			"color":    {"auto", "always", "never"},
		},
		files: map[string]bool{"config": true, "files-from": true, "output": true},
	}
	c.commands = slices.Sorted(maps.Keys(commandTable()))
	fl.VisitAll(func(f *pflag.Flag) { c.flags = append(c.flags, f) })
	c.names = validate.Names()
	return c
}

// takesValue reports a flag that is followed by a value.
func takesValue(f *pflag.Flag) bool { return f.NoOptDefVal == "" }

func (c completion) bash() string {
	var b strings.Builder
	var flags []string
	for _, f := range c.flags {
		flags = append(flags, "--"+f.Name)
		if f.Shorthand != "" {
			flags = append(flags, "-"+f.Shorthand)
		}
	}
	b.WriteString("# bash completion for manifestlint (manifestlint completion bash)\n")
	b.WriteString("_manifestlint() {\n    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n    COMPREPLY=()\n")
	b.WriteString("    case \"$prev\" in\n")
	for _, f := range c.flags {
		pat := "--" + f.Name
		if f.Shorthand != "" {
			pat += "|-" + f.Shorthand
		}
		switch {
		case c.values[f.Name] != nil:
			fmt.Fprintf(&b, "        %s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return;;\n", pat, strings.Join(c.values[f.Name], " "))
		case c.files[f.Name]:
			fmt.Fprintf(&b, "        %s) COMPREPLY=($(compgen -f -- \"$cur\")); return;;\n", pat)
		case takesValue(f):
			fmt.Fprintf(&b, "        %s) return;;\n", pat)
		}
	}
	b.WriteString("    esac\n")
	fmt.Fprintf(&b, "    if [[ ${COMP_WORDS[1]} == explain && $COMP_CWORD -ge 2 ]]; then\n        COMPREPLY=($(compgen -W %q -- \"$cur\")); return\n    fi\n", strings.Join(c.names, " "))
	fmt.Fprintf(&b, "    if [[ $cur == -* ]]; then\n        COMPREPLY=($(compgen -W %q -- \"$cur\")); return\n    fi\n", strings.Join(flags, " "))
	fmt.Fprintf(&b, "    if [[ $COMP_CWORD -eq 1 ]]; then\n        COMPREPLY=($(compgen -W %q -- \"$cur\"))\n    fi\n", strings.Join(c.commands, " "))
	b.WriteString("    COMPREPLY+=($(compgen -f -- \"$cur\"))\n}\ncomplete -o filenames -o bashdefault -F _manifestlint manifestlint\n")
	return b.String()
}

// zshQuote makes a flag's help fit in an _arguments spec.
func zshQuote(s string) string {
	s, _, _ = strings.Cut(s, " (")
	r := strings.NewReplacer("'", "'\\''", "[", "(", "]", ")", ":", " ", "\\", "\\\\")
	return r.Replace(s)
}

func (c completion) zsh() string {
	var b strings.Builder
	b.WriteString("#compdef manifestlint\n# zsh completion for manifestlint (manifestlint completion zsh)\n_manifestlint() {\n")
	fmt.Fprintf(&b, "    if (( CURRENT == 2 )) && [[ $words[2] != -* ]]; then\n        _alternatives 'commands:command:(%s)' 'files:file:_files'\n        return\n    fi\n", strings.Join(c.commands, " "))
	fmt.Fprintf(&b, "    if [[ $words[2] == explain ]]; then\n        _values 'code or rule' %s\n        return\n    fi\n", strings.Join(c.names, " "))
	b.WriteString("    _arguments -s \\\n")
	for _, f := range c.flags {
		names := "--" + f.Name
		if f.Shorthand != "" {
			names = fmt.Sprintf("(-%s --%s)'{-%s,--%s}'", f.Shorthand, f.Name, f.Shorthand, f.Name)
		}
		arg := ""
		switch {
		case c.values[f.Name] != nil:
			arg = fmt.Sprintf(":%s:(%s)", f.Name, strings.Join(c.values[f.Name], " "))
		case c.files[f.Name]:
			arg = ":file:_files"
		case takesValue(f):
			arg = ":" + f.Name + ": "
		}
		_, usage := pflag.UnquoteUsage(f)
		fmt.Fprintf(&b, "        '%s[%s]%s' \\\n", names, zshQuote(usage), arg)
	}
	b.WriteString("        '*:file:_files'\n}\n")
	b.WriteString("if [[ $funcstack[1] == _manifestlint ]]; then _manifestlint \"$@\"; else compdef _manifestlint manifestlint; fi\n")
	return b.String()
}

func (c completion) fish() string {
	var b strings.Builder
	b.WriteString("# fish completion for manifestlint (manifestlint completion fish)\n")
	fmt.Fprintf(&b, "complete -c manifestlint -n __fish_use_subcommand -a '%s'\n", strings.Join(c.commands, " "))
	fmt.Fprintf(&b, "complete -c manifestlint -n '__fish_seen_subcommand_from explain' -x -a '%s'\n", strings.Join(c.names, " "))
	for _, f := range c.flags {
		line := "complete -c manifestlint -l " + f.Name
		if f.Shorthand != "" {
			line += " -s " + f.Shorthand
		}
		switch {
		case c.values[f.Name] != nil:
			line += fmt.Sprintf(" -x -a '%s'", strings.Join(c.values[f.Name], " "))
		case c.files[f.Name]:
			line += " -r -F"
		case takesValue(f):
			line += " -x"
		}
		_, usage := pflag.UnquoteUsage(f)
		desc, _, _ := strings.Cut(usage, " (")
		line += " -d '" + strings.ReplaceAll(desc, "'", "\\'") + "'"
		b.WriteString(line + "\n")
	}
	return b.String()
}
