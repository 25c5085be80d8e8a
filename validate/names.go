package validate

import (
	"slices"
	"sort"
	"sync"

	"github.com/manifestlint/manifestlint/manifest"
)

// A name, in suppressions, --ignore and the config file's disable and
// severity keys, is a rule id (`no-space-after-colon`) or a service code
// (`InvalidAddressException`). Names match case-sensitively: each has one
// spelling, and a near miss gets a did-you-mean instead of a silent match.

var (
	namesOnce sync.Once
	names     map[string]bool
	nameList  []string // sorted
	ordered   []string // the rule ids in registry order, then the codes
	rulesByID map[string]*manifest.Descriptor
)

func loadNames() {
	names = map[string]bool{}
	rulesByID = map[string]*manifest.Descriptor{}
	add := func(n string) {
		if !names[n] {
			names[n] = true
			ordered = append(ordered, n)
		}
	}
	for _, r := range Rules() {
		if rulesByID[r.ID] == nil {
			rulesByID[r.ID] = r
		}
		add(r.ID)
	}
	for _, c := range manifest.ErrorCodes {
		add(string(c.Code))
	}
	nameList = slices.Clone(ordered)
	sort.Strings(nameList)
}

// Names lists every name: the rule ids in registry order, then the service
// codes.
func Names() []string {
	namesOnce.Do(loadNames)
	return slices.Clone(ordered)
}

// RuleByID returns the rule of the registry whose id is id, exactly so, or
// nil.
func RuleByID(id string) *manifest.Descriptor {
	namesOnce.Do(loadNames)
	return rulesByID[id]
}

// KnownName reports whether name is a rule id or a service code.
func KnownName(name string) bool {
	namesOnce.Do(loadNames)
	return names[name]
}

// SuggestName returns the known name closest to an unknown one (see
// manifest.Closest), or "".
func SuggestName(name string) string {
	namesOnce.Do(loadNames)
	return manifest.Closest(name, nameList)
}

// UnknownName explains why name is neither a rule id nor a code
// (UnknownNameError), or returns "" for a known name.
func UnknownName(name string) string {
	if KnownName(name) {
		return ""
	}
	return UnknownNameError(name)
}

// UnknownNameError explains that name is neither a rule id nor a code, with
// a suggestion when one is close.
func UnknownNameError(name string) string {
	msg := "`" + name + "` is neither a rule id nor a service error code"
	if s := SuggestName(name); s != "" {
		return msg + "; did you mean `" + s + "`?"
	}
	return msg + " (`manifestlint rules` and `manifestlint codes` list them)"
}
