//go:build playgroundtools

// Command wasmsize attributes the code of a Go WebAssembly module to the
// packages it came from: the size of each function body (the code section)
// summed by package, read from the module's "name" section. Build the
// module without -ldflags=-s (that strips the names) and run
//
//	go run ./playground/wasmsize [-n 30] manifestlint.wasm
//
// Data (strings, tables, type descriptors) is reported as one line: the
// name section does not say which package it belongs to.
package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"strings"
)

func main() {
	n := flag.Int("n", 30, "show the n largest packages")
	dump := flag.Bool("names", false, "print every function name")
	main := flag.String("pkg", "./playground", "the main package the module was built from (its imports name the packages)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-n N] FILE.wasm")
		os.Exit(2)
	}
	pkgs, err := packages(*main)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	m, err := parse(data)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	byPkg := map[string]int{}
	code := 0
	for i, size := range m.bodies {
		name := m.names[m.imports+i]
		if *dump {
			fmt.Println(name)
		}
		byPkg[pkgOf(name, pkgs)] += size
		code += size
	}
	type row struct {
		pkg  string
		size int
	}
	var rows []row
	for p, s := range byPkg {
		rows = append(rows, row{p, s})
	}
	sort.Slice(rows, func(i, j int) bool {
		return rows[i].size > rows[j].size || rows[i].size == rows[j].size && rows[i].pkg < rows[j].pkg
	})
	fmt.Printf("%10d  file\n%10d  code (function bodies)\n%10d  data segments\n%10d  other sections\n\n",
		len(data), code, m.data, len(data)-m.code-m.data)
	for i, r := range rows {
		if i == *n {
			break
		}
		fmt.Printf("%10d  %5.1f%%  %s\n", r.size, 100*float64(r.size)/float64(code), r.pkg)
	}
}

// packages lists the import paths main depends on, built for js/wasm.
func packages(main string) ([]string, error) {
	cmd := exec.Command("go", "list", "-deps", main)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -deps %s: %v", main, err)
	}
	pkgs := strings.Fields(string(out))
	// Longest first, so that net/http wins over net.
	sort.Slice(pkgs, func(i, j int) bool { return len(pkgs[i]) > len(pkgs[j]) })
	return pkgs, nil
}

// pkgOf is the package of a function name in the name section, where Go
// writes "/" as "_" and "(*T)" as "__T_": net_http.__Client_.Do is in
// net/http. Names of no listed package (the runtime's assembly, type
// equality functions) keep their first dotted word.
func pkgOf(sym string, pkgs []string) string {
	for _, p := range pkgs {
		if m := strings.ReplaceAll(p, "/", "_"); strings.HasPrefix(sym, m+".") {
			return p
		}
	}
	if dot := strings.IndexByte(sym, '.'); dot > 0 {
		return sym[:dot] + " (?)"
	}
	return "(other)"
}

// module is what wasmsize reads of a WebAssembly module.
type module struct {
	imports int            // imported functions (they come first in the index space)
	bodies  []int          // size of each function body, in order
	names   map[int]string // function index to name
	code    int            // size of the code section
	data    int            // size of the data section
}

func parse(b []byte) (*module, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, errors.New("not a WebAssembly module")
	}
	m := &module{names: map[int]string{}}
	r := &reader{b: b, i: 8}
	for r.i < len(b) {
		id := r.byte()
		size := int(r.uleb())
		end := r.i + size
		if r.err != nil || end > len(b) {
			return nil, errors.New("truncated section")
		}
		sec := &reader{b: b[:end], i: r.i}
		switch id {
		case 2: // imports
			for range sec.uleb() {
				sec.name()
				sec.name()
				kind := sec.byte()
				switch kind {
				case 0:
					sec.uleb()
					m.imports++
				case 1: // table
					sec.byte()
					limits(sec)
				case 2:
					limits(sec)
				case 3:
					sec.byte()
					sec.byte()
				}
			}
		case 10: // code
			m.code = size
			for range sec.uleb() {
				n := int(sec.uleb())
				m.bodies = append(m.bodies, n)
				sec.i += n
			}
		case 11:
			m.data = size
		case 0:
			if sec.name() == "name" {
				for sec.i < end && sec.err == nil {
					sub := sec.byte()
					n := int(sec.uleb())
					if sub != 1 {
						sec.i += n
						continue
					}
					for range sec.uleb() {
						idx := int(sec.uleb())
						m.names[idx] = sec.name()
					}
				}
			}
		}
		if sec.err != nil {
			return nil, sec.err
		}
		r.i = end
	}
	if len(m.names) == 0 {
		return nil, errors.New("no function names: build without -ldflags=-s")
	}
	return m, nil
}

func limits(r *reader) {
	if r.byte()&1 == 1 {
		r.uleb()
	}
	r.uleb()
}

type reader struct {
	b   []byte
	i   int
	err error
}

func (r *reader) byte() byte {
	if r.i >= len(r.b) {
		r.err = errors.New("truncated module")
		return 0
	}
	c := r.b[r.i]
	r.i++
	return c
}

func (r *reader) uleb() uint64 {
	v, n := binary.Uvarint(r.b[min(r.i, len(r.b)):])
	if n <= 0 {
		r.err = errors.New("bad LEB128 number")
		return 0
	}
	r.i += n
	return v
}

func (r *reader) name() string {
	n := int(r.uleb())
	if r.i+n > len(r.b) {
		r.err = errors.New("truncated name")
		return ""
	}
	s := string(r.b[r.i : r.i+n])
	r.i += n
	return s
}
