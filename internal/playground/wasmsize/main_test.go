//go:build playgroundtools

package main

import "testing"

func TestPkgOf(t *testing.T) {
	pkgs := []string{"go.yaml.in/yaml/v3", "net/http", "net", "github.com/manifestlint/manifestlint/rules"}
	tests := map[string]string{
		"net_http.__Client_.Do":              "net/http",
		"net.Dial":                           "net",
		"go.yaml.in_yaml_v3.__parser_.parse": "go.yaml.in/yaml/v3",
		"github.com_manifestlint_manifestlint_rules.checkZip": "github.com/manifestlint/manifestlint/rules",
		"runtime.memmove": "runtime (?)",
		"wasm_pc_f_loop":  "(other)",
	}
	for sym, want := range tests {
		if got := pkgOf(sym, pkgs); got != want {
			t.Errorf("pkgOf(%q) = %q, want %q", sym, got, want)
		}
	}
}
