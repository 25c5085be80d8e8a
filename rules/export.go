package rules

import (
	"fmt"
	"strings"

	"github.com/manifestlint/manifestlint/manifest"
	"go.yaml.in/yaml/v3"
)

// Rule ids of the S3 export rules.
const (
	RuleExportDirectoryRelative = "export-directory-relative"
	RuleEmptyExportRange        = "empty-export-range"
)

// directoryProblem says why dir is not a relative directory name on the
// export device, or "" when it is one. Refused: an empty value; an absolute
// path (a leading `/` or `\`, or a Windows drive `C:`), since the directory
// is created under the root of the device's file system; and a `..` segment
// (separators `/` and `\`), which would climb out of it.
func directoryProblem(dir string) string {
	switch {
	case dir == "":
		return "is empty"
	case dir[0] == '/' || dir[0] == '\\':
		return "is an absolute path (it starts with `" + dir[:1] + "`)"
	case len(dir) >= 2 && dir[1] == ':' && (dir[0]|0x20 >= 'a' && dir[0]|0x20 <= 'z'):
		return "is an absolute Windows path (it starts with a drive `" + dir[:2] + "`)"
	}
	// A `..` between separators (or the ends), read without splitting.
	for i := 0; i+1 < len(dir); i++ {
		if dir[i] == '.' && dir[i+1] == '.' && (i == 0 || isPathSep(dir[i-1])) && (i+2 == len(dir) || isPathSep(dir[i+2])) {
			return "has a `..` segment"
		}
	}
	return ""
}

// exportDirectoriesRule is the export-directory-relative rule: see checkExportDirectories.
// isPathSep reports whether b separates a directory's segments.
func isPathSep(b byte) bool { return b == '/' || b == '\\' }

var exportDirectoriesRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:  RuleExportDirectoryRelative,
		Fix: "Removes the leading `/` of an absolute directory (`/exports/photos` becomes `exports/photos`) (safe).",
		Fixes: []manifest.FixCase{
			{Finding: "an S3 export's `recoveryDirectory` or `targetDirectory` written as an absolute path (`/LostAndFound`)", Does: "the same path relative to the device's root", Applicability: manifest.Safe},
		},
		Severity: manifest.Error,
		Codes:    []manifest.Code{manifest.InvalidManifestField},
		Kinds:    []manifest.Kind{manifest.S3Export},
		Doc:      "In an S3 export, recoveryDirectory and operations[].targetDirectory must be relative directory names (no leading `/`, no `..`).",
		Decisions: []string{
			"The spec says so of recoveryDirectory only; targetDirectory is held to the same rule, as it too names a directory on the device (the guide's example is `myexport/stuff`) and an absolute or climbing path cannot mean anything else there. To export to the device's root, leave the field out.",
		},
		Example: manifest.Example{Lang: "yaml",
			Before: "fileSystem: NTFS\nrecoveryDirectory: /recovered",
			After:  "fileSystem: NTFS\nrecoveryDirectory: recovered",
		},
	},
	Check: checkExportDirectories,
}

// checkExportDirectories checks, in an S3 export, that recoveryDirectory
// (spec §4.3) and every operations[].targetDirectory are relative directory
// names on the device: no leading `/` (or `\`, or a drive letter), no `..`
// segment, not empty (targetDirectory: see the rule's Decisions).
func checkExportDirectories(c *Context) []manifest.Finding {
	var fs []manifest.Finding
	// op is the operations entry n is the targetDirectory of, or -1 for
	// recoveryDirectory: the path is built for a finding only.
	check := func(op int, n *yaml.Node) {
		v, ok := manifest.Text(n)
		if !ok {
			return
		}
		p := directoryProblem(v)
		if p == "" {
			return
		}
		path := "recoveryDirectory"
		if op >= 0 {
			path = opPath(op, "targetDirectory")
		}
		fix := "use a directory relative to the device's root (no leading `/`, no `..`), such as `LostAndFound` or `exports/photos`"
		var edit *manifest.Fix
		if v == "" {
			fix = "give a directory relative to the device's root (no leading `/`, no `..`), or remove the field to use the default"
		} else if trimmed := strings.TrimLeft(v, `/\`); strings.HasPrefix(p, "is an absolute path") && trimmed != "" && directoryProblem(trimmed) == "" {
			fix = fmt.Sprintf("write it relative to the root of the export device: `%s`", trimmed)
			edit = c.setValue(n, trimmed, manifest.Safe, "Write `"+trimmed+"`, relative to the device's root")
		}
		if i := strings.Index(p, " ("); i >= 0 {
			p = p[:i] // the value shows what it starts with
		}
		what := fmt.Sprintf("%s `%s` %s", path, v, p)
		if v == "" || len(what) > 48 {
			what = path + " " + p // the snippet shows the value, and the help the fix
		}
		fs = append(fs, c.Errorf(manifest.InvalidManifestField, c.Span(n), path, what).WithHelp(fix).WithFix(edit))
	}
	check(-1, manifest.Value(c.Root, "recoveryDirectory"))
	for _, o := range c.operations() {
		check(o.i, o.targetDirectory)
	}
	return fs
}

// emptyExportRangeRule is the empty-export-range rule: see checkEmptyExportRange.
var emptyExportRangeRule = Rule{
	Descriptor: manifest.Descriptor{
		ID:       RuleEmptyExportRange,
		Severity: manifest.Warning,
		Kinds:    []manifest.Kind{manifest.S3Export},
		Doc:      "Warns about an S3 export operation whose beginMarker is not below its endMarker: it exports nothing.",
		Example: manifest.Example{Lang: "yaml",
			Note:   "a warning: the range is legal but selects no keys",
			Before: "operations:\n  - exportBucket: my-bucket\n    beginMarker: logs/2024\n    endMarker: logs/2023",
			After:  "operations:\n  - exportBucket: my-bucket\n    beginMarker: logs/2023\n    endMarker: logs/2024",
		},
	},
	Check: checkEmptyExportRange,
}

// checkEmptyExportRange warns, in an S3 export, about an operation whose
// beginMarker is not below its endMarker (byte-wise, as S3 orders keys):
// the range selects no key, so the operation exports nothing (legal, but
// rarely meant). An empty endMarker is read as no end and never warns.
func checkEmptyExportRange(c *Context) []manifest.Finding {
	var fs []manifest.Finding
	for _, o := range c.operations() {
		i := o.i
		_, begin, ok1 := scalarText(o.beginMarker)
		en, end, ok2 := scalarText(o.endMarker)
		if !ok1 || !ok2 || end == "" || begin < end {
			continue
		}
		rel := "after"
		if begin == end {
			rel = "equal to"
		}
		path := opPath(i, "")
		fs = append(fs, c.Warnf(c.Span(en), manifest.JoinPath(path, "endMarker"),
			fmt.Sprintf("%s exports nothing (beginMarker is not before endMarker)", path)).
			WithHelp(fmt.Sprintf("beginMarker `%s` is %s endMarker `%s` (keys compare byte by byte), so the range holds no key: swap the markers, or set endMarker to a key after beginMarker",
				begin, rel, end)))
	}
	return fs
}
