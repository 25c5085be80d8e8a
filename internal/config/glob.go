package config

import (
	"errors"
	"fmt"
	"path"
	"strings"
)

// Glob is a compiled path pattern of the config file (jobTypes, regions,
// exclude and include keys). It is matched against a manifest's path
// relative to the config file's directory, with forward slashes, and must
// match that whole path:
//
//   - `*` matches any run of characters within one path segment, `?` one
//     character, `[abc]`, `[a-z]` and `[!abc]` one character of a class;
//   - `**` as a whole segment matches any number of segments, none included:
//     `exports/**` is every file below exports/, `**/*.yaml` every .yaml file
//     at any depth, `a/**/b.yaml` both a/b.yaml and a/x/y/b.yaml;
//   - a backslash escapes the next character;
//   - a trailing `/` means everything below: `vendor/` is `vendor/**`.
//
// A pattern without a slash therefore names files in the config file's own
// directory only (`*.yaml`), unlike .gitignore: write `**/*.yaml` for every
// depth. `**` that is only part of a segment (`a**`), a leading `/`, an
// empty segment (`a//b`), `.` or `..` segments, and an unclosed `[` are
// invalid: they would never match what their author meant.
//
// A glob is matched segment by segment (path.Match on each), without a
// regular expression to compile: a config file of 38,000 globs loads in
// milliseconds, and a GlobSet matches a path against only the globs that
// can match it.
type Glob struct {
	// Pattern is the glob as written.
	Pattern string
	// segs are the segments, `**` included; a `[!` class is written `[^`.
	segs []string
	// literal[i] says segs[i] has no wildcard (and no escape).
	literal []bool
}

// matchSegs matches path segments against pattern segments: `**` matches
// any number of segments, at least one when it is the last pattern segment
// (a file below the folder) unless it is the only one. The classic
// wildcard algorithm (greedy, backtracking to the last `**`) takes at most
// len(pat) × len(names) segment matches.
func matchSegs(pat, names []string) bool {
	if len(pat) == 1 && pat[0] == "**" {
		return true
	}
	p, n := 0, 0
	star, mark := -1, 0
	for n < len(names) {
		switch {
		case p < len(pat) && pat[p] == "**":
			star, mark = p, n
			p++
			if p == len(pat) {
				// A trailing `**`: one segment or more.
				return n < len(names)
			}
		case p < len(pat) && segMatch(pat[p], names[n]):
			p++
			n++
		case star >= 0:
			mark++
			p, n = star+1, mark
		default:
			return false
		}
	}
	for p < len(pat) && pat[p] == "**" && p < len(pat)-1 {
		p++
	}
	return p == len(pat)
}

// segMatch matches one segment; the pattern was checked when compiled.
func segMatch(pat, name string) bool {
	ok, _ := path.Match(pat, name)
	return ok
}

// CompileGlob compiles a pattern, or explains why it is invalid.
func CompileGlob(pattern string) (Glob, error) {
	switch {
	case pattern == "":
		return Glob{}, errors.New("the glob is empty")
	case strings.HasPrefix(pattern, "/"):
		return Glob{}, errors.New("the glob starts with `/`, but globs are relative to the config file's directory: drop the leading `/`")
	case strings.Contains(pattern, `\`) && strings.HasSuffix(pattern, `\`) && !strings.HasSuffix(pattern, `\\`):
		return Glob{}, errors.New("the glob ends with a lone `\\`: escape it as `\\\\`, or use forward slashes")
	}
	expanded := pattern
	if strings.HasSuffix(expanded, "/") {
		expanded += "**"
	}
	segs := strings.Split(expanded, "/")
	g := Glob{Pattern: pattern, segs: make([]string, len(segs)), literal: make([]bool, len(segs))}
	for i, seg := range segs {
		switch {
		case seg == "**":
			g.segs[i] = seg
			continue
		case seg == "":
			return Glob{}, errors.New("the glob has an empty path segment (`//`): use a single `/`")
		case seg == "." || seg == "..":
			return Glob{}, errors.New("the glob has a `" + seg + "` segment, but paths are matched in clean form relative to the config file's directory: remove it")
		case strings.Contains(seg, "**"):
			return Glob{}, errors.New("`**` must be a whole path segment (`exports/**`, `**/*.yaml`), but the segment is `" + seg + "`: use `*` within a segment")
		}
		seg = negateClasses(seg)
		if _, err := path.Match(seg, ""); err != nil {
			return Glob{}, errors.New("the segment `" + segs[i] + "` is not a valid glob (an unclosed `[`, or a bad character class)")
		}
		g.segs[i] = seg
		g.literal[i] = !strings.ContainsAny(seg, `*?[\`)
	}
	return g, nil
}

// negateClasses writes `[!...]` as path.Match's `[^...]`.
func negateClasses(seg string) string {
	if !strings.Contains(seg, "[!") {
		return seg
	}
	var b strings.Builder
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		b.WriteByte(c)
		switch c {
		case '\\':
			if i+1 < len(seg) {
				i++
				b.WriteByte(seg[i])
			}
		case '[':
			if i+1 < len(seg) && seg[i+1] == '!' {
				b.WriteByte('^')
				i++
			}
			// Skip to the class's end, escapes included.
			for i+1 < len(seg) && seg[i+1] != ']' {
				i++
				b.WriteByte(seg[i])
				if seg[i] == '\\' && i+1 < len(seg) {
					i++
					b.WriteByte(seg[i])
				}
			}
		}
	}
	return b.String()
}

// MaxGlobsPerBucket bounds the globs of one key that a path must be tried
// against one by one: those sharing a literal folder prefix (`jobs/...`)
// and ending in a wildcard segment, or starting with a wildcard (`**/...`)
// and ending in one. A glob whose last segment is literal (`**/old.yaml`,
// `jobs/a.yaml`) is found by that name, and one of literal folders
// (`jobs/2015/**`) by its folder, so any number of those is fine.
const MaxGlobsPerBucket = 2000

// GlobSet is a key's globs, indexed so that matching a path tries only the
// globs that can match it: by the path's file name for globs whose last
// segment is literal, by each of the path's folders for globs that start
// with literal segments, and the few others one by one. Matching costs
// O(depth of the path + candidates), not O(globs).
type GlobSet struct {
	globs  []Glob
	byName map[string][]int // last segment literal: by that name
	byDir  map[string][]int // literal leading folders ("a/b"), last segment a wildcard
	rest   []int            // wildcards first and last
}

// NewGlobSet indexes globs (kept in their order: Match returns the first
// that matches). what names the key for the error of a bucket over
// MaxGlobsPerBucket.
func NewGlobSet(globs []Glob, what string) (*GlobSet, error) {
	s := &GlobSet{globs: globs, byName: map[string][]int{}, byDir: map[string][]int{}}
	for i, g := range globs {
		last := len(g.segs) - 1
		if g.literal[last] {
			s.byName[g.segs[last]] = append(s.byName[g.segs[last]], i)
			continue
		}
		k := 0
		for k < last && g.literal[k] {
			k++
		}
		if k == 0 {
			s.rest = append(s.rest, i)
			if len(s.rest) > MaxGlobsPerBucket {
				return nil, fmt.Errorf("%s has over %d globs that start and end with a wildcard (such as `%s`): they are tried one by one on every file; use literal folders (`jobs/2015/**`) or file names (`**/old.yaml`), which are looked up", what, MaxGlobsPerBucket, g.Pattern)
			}
			continue
		}
		dir := strings.Join(g.segs[:k], "/")
		s.byDir[dir] = append(s.byDir[dir], i)
		if len(s.byDir[dir]) > MaxGlobsPerBucket {
			return nil, fmt.Errorf("%s has over %d globs below `%s/` that end with a wildcard (such as `%s`): they are tried one by one on every file there; name the files, or the folders below (`%s/x/**`), which are looked up", what, MaxGlobsPerBucket, dir, g.Pattern, dir)
		}
	}
	return s, nil
}

// Len is the number of globs.
func (s *GlobSet) Len() int {
	if s == nil {
		return 0
	}
	return len(s.globs)
}

// Match returns the first glob, in the order given, that matches rel, and
// true; or false when none does.
func (s *GlobSet) Match(rel string) (Glob, bool) {
	if s == nil || len(s.globs) == 0 {
		return Glob{}, false
	}
	names := strings.Split(rel, "/")
	best := -1
	try := func(ids []int) {
		for _, i := range ids {
			if best >= 0 && i >= best {
				return // ids are ascending: nothing earlier left here
			}
			if matchSegs(s.globs[i].segs, names) {
				best = i
				return
			}
		}
	}
	try(s.byName[names[len(names)-1]])
	for k := 1; k < len(names); k++ {
		if ids, ok := s.byDir[strings.Join(names[:k], "/")]; ok {
			try(ids)
		}
	}
	try(s.rest)
	if best < 0 {
		return Glob{}, false
	}
	return s.globs[best], true
}
