//go:build js && wasm

// Command wasm is manifestlint compiled to WebAssembly for the
// browser playground (docs/playground.md). It registers one global object,
// manifestlint, whose functions call validate.Validate, the same public API
// the command line uses, so the page and `manifestlint --format json` can
// never disagree:
//
//	manifestlint.lint(text, {jobType, region, accessKeyId}) -> JSON string
//	manifestlint.applyFixes(text, options, which) -> JSON {text, applied, edits}
//	manifestlint.shareText(text) -> JSON {text, secretsLeftOut}
//	manifestlint.explain(name) -> JSON {text} or {error}
//	manifestlint.regions -> the regions the Region option offers
//
// It imports no output format but JSON and no command-line code: every
// package here is in the module, and every byte counts (docs/playground.md
// lists what each dependency costs).
package main

import (
	"syscall/js"

	"github.com/manifestlint/manifestlint/internal/playground"
	"github.com/manifestlint/manifestlint/manifest"
)

func main() {
	regions := make([]any, len(manifest.Regions))
	for i, r := range manifest.Regions {
		regions[i] = r
	}
	api := js.ValueOf(map[string]any{
		"lint":       js.FuncOf(jsLint),
		"applyFixes": js.FuncOf(jsApplyFixes),
		"explain":    js.FuncOf(jsExplain),
		"shareText":  js.FuncOf(jsShareText),
		"regions":    regions,
	})
	js.Global().Set("manifestlint", api)
	if ready := js.Global().Get("manifestlintReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // the functions above live as long as the page
}

// jsLint is manifestlint.lint(text, options).
func jsLint(_ js.Value, args []js.Value) any {
	return string(playground.LintJSON([]byte(arg(args, 0).String()), optionsOf(arg(args, 1))))
}

// jsApplyFixes is manifestlint.applyFixes(text, options, which): which is
// "safe" (every safe fix, repeated while some apply) or the index of one
// finding in what lint returned for the same text and options.
func jsApplyFixes(_ js.Value, args []js.Value) any {
	src := []byte(arg(args, 0).String())
	opts := optionsOf(arg(args, 1))
	which := arg(args, 2)
	n := -1 // every safe fix
	if which.Type() == js.TypeNumber {
		n = which.Int()
	}
	return string(playground.FixJSON(src, opts, n))
}

// jsShareText is manifestlint.shareText(text): the text a share link
// holds, secret values left out.
func jsShareText(_ js.Value, args []js.Value) any {
	return string(playground.ShareJSON([]byte(arg(args, 0).String())))
}

// jsExplain is manifestlint.explain(name).
func jsExplain(_ js.Value, args []js.Value) any {
	return string(playground.ExplainJSON(arg(args, 0).String()))
}

// arg is args[i], or undefined.
func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}

// optionsOf reads {jobType, region, accessKeyId} from a JS object.
func optionsOf(v js.Value) playground.Options {
	if v.Type() != js.TypeObject {
		return playground.Options{}
	}
	get := func(k string) string {
		if s := v.Get(k); s.Type() == js.TypeString {
			return s.String()
		}
		return ""
	}
	return playground.Options{JobType: get("jobType"), Region: get("region"), AccessKeyID: get("accessKeyId")}
}
