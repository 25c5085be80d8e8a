package config

import (
	"errors"
	"path"
	"regexp"
	"strings"
)

// Glob is a compiled path pattern of the config file (jobTypes and exclude
// keys). It is matched against a manifest's path relative to the config
// file's directory, with forward slashes, and must match that whole path:
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
type Glob struct {
	// Pattern is the glob as written.
	Pattern string
	re      *regexp.Regexp
}

// Match reports whether rel, a slash-separated path relative to the config
// file's directory, matches the glob.
func (g Glob) Match(rel string) bool { return g.re.MatchString(rel) }

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
	var b strings.Builder
	b.WriteString("^")
	for i, seg := range segs {
		last := i == len(segs)-1
		switch {
		case seg == "**":
			if last {
				b.WriteString(".*")
			} else {
				b.WriteString("(?:.*/)?")
			}
			continue
		case seg == "":
			return Glob{}, errors.New("the glob has an empty path segment (`//`): use a single `/`")
		case seg == "." || seg == "..":
			return Glob{}, errors.New("the glob has a `" + seg + "` segment, but paths are matched in clean form relative to the config file's directory: remove it")
		case strings.Contains(seg, "**"):
			return Glob{}, errors.New("`**` must be a whole path segment (`exports/**`, `**/*.yaml`), but the segment is `" + seg + "`: use `*` within a segment")
		}
		if _, err := path.Match(seg, ""); err != nil {
			return Glob{}, errors.New("the segment `" + seg + "` is not a valid glob (an unclosed `[`, or a bad character class)")
		}
		b.WriteString(segmentRegexp(seg))
		if !last {
			b.WriteString("/")
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return Glob{}, errors.New("the glob is not valid: " + err.Error())
	}
	return Glob{Pattern: pattern, re: re}, nil
}

// segmentRegexp translates one segment, already checked by path.Match.
func segmentRegexp(seg string) string {
	var b strings.Builder
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		switch c {
		case '*':
			b.WriteString("[^/]*")
		case '?':
			b.WriteString("[^/]")
		case '\\':
			if i+1 < len(seg) {
				i++
				b.WriteString(regexp.QuoteMeta(seg[i : i+1]))
			}
		case '[':
			j := i + 1
			b.WriteString("[")
			if j < len(seg) && (seg[j] == '!' || seg[j] == '^') {
				b.WriteString("^/")
				j++
			}
			for ; j < len(seg) && seg[j] != ']'; j++ {
				if seg[j] == '\\' && j+1 < len(seg) {
					j++
				}
				if seg[j] == '-' {
					b.WriteByte('-')
					continue
				}
				b.WriteString(regexp.QuoteMeta(seg[j : j+1]))
			}
			b.WriteString("]")
			i = j
		default:
			b.WriteString(regexp.QuoteMeta(seg[i : i+1]))
		}
	}
	return b.String()
}
