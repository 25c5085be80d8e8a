package manifest

// SourceKind says where a piece of context (the job region, the signing
// key, the job type) came from.
type SourceKind int

// The kinds of Source.
const (
	// SourceNone: not given (the zero value).
	SourceNone SourceKind = iota
	// SourceFlag: a command-line flag; Name is the flag ("--region"),
	// Detail its value where messages show it ("export").
	SourceFlag
	// SourceConfig: the configuration file; Name is the file as messages
	// show it, Detail the entry when the key alone is not enough
	// ("jobTypes `imports/**`").
	SourceConfig
	// SourceEnv: an environment variable; Name is the variable.
	SourceEnv
	// SourceManifest: the manifest itself; Name is the field path
	// ("operations[].region").
	SourceManifest
	// SourceInventory: the config file's bucket inventory; Name is the
	// bucket whose entry gave it.
	SourceInventory
)

// Source says where a piece of context came from, for messages and for the
// rules that must tell a value the user gave from one they inferred.
type Source struct {
	Kind   SourceKind
	Name   string
	Detail string
}

// Given reports a value the user gave (flag, config file or environment),
// not one inferred from the manifest or the inventory.
func (s Source) Given() bool {
	return s.Kind == SourceFlag || s.Kind == SourceConfig || s.Kind == SourceEnv
}

// String is the source as messages name it: "--region", "--job-type
// export", "config file .manifestlint.yaml", "jobTypes `imports/**` in
// .manifestlint.yaml", "$AWS_ACCESS_KEY_ID", "operations[].region", "the
// bucket inventory's entry for my-bucket"; "" for SourceNone.
func (s Source) String() string {
	switch s.Kind {
	case SourceFlag:
		if s.Detail != "" {
			return s.Name + " " + s.Detail
		}
		return s.Name
	case SourceConfig:
		if s.Detail != "" {
			return s.Detail + " in " + s.Name
		}
		return "config file " + s.Name
	case SourceEnv:
		return "$" + s.Name
	case SourceManifest:
		return s.Name
	case SourceInventory:
		return "the bucket inventory's entry for " + s.Name
	}
	return ""
}
