package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
)

// statistics counts findings per rule and code, for --statistics.
type statistics struct {
	counts, fixable map[statKey]int
}

// statKey is one row of --statistics: a rule, the code it reported (empty
// for a warning) and the severity.
type statKey struct {
	rule     string
	code     manifest.Code
	severity manifest.Severity
}

// add counts f.
func (st *statistics) add(f manifest.Finding) {
	if st.counts == nil {
		st.counts = map[statKey]int{}
		st.fixable = map[statKey]int{}
	}
	k := statKey{f.Rule, f.Code, f.Severity}
	st.counts[k]++
	if f.Fix != nil && len(f.Fix.Edits) > 0 {
		st.fixable[k]++
	}
}

// write prints one line per rule and code, the most frequent first (then
// by rule), as ruff's --statistics does:
//
//	3  error    InvalidAddressException  address-po-box  (2 fixable)
//
// Nothing is written when there are no findings.
func (st *statistics) write(w io.Writer) {
	keys := make([]statKey, 0, len(st.counts))
	for k := range st.counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b statKey) int {
		if d := st.counts[b] - st.counts[a]; d != 0 {
			return d
		}
		if c := strings.Compare(a.rule, b.rule); c != 0 {
			return c
		}
		return strings.Compare(string(a.code), string(b.code))
	})
	codeW, ruleW, countW := len("-"), 0, 1
	for _, k := range keys {
		codeW = max(codeW, len(k.code))
		ruleW = max(ruleW, len(k.rule))
		countW = max(countW, len(fmt.Sprint(st.counts[k])))
	}
	for _, k := range keys {
		code := string(k.code)
		if code == "" {
			code = "-"
		}
		line := fmt.Sprintf("%*d  %-7s  %-*s  %-*s", countW, st.counts[k], k.severity, codeW, code, ruleW, k.rule)
		if n := st.fixable[k]; n > 0 {
			line += fmt.Sprintf("  (%d fixable)", n)
		}
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
}
