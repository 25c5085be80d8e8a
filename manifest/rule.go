package manifest

// Descriptor describes one rule: every source of findings (the parser, the
// schema, the suppression comments, each check of package rules, whose
// rules.Rule pairs a Descriptor with its check) has one Descriptor per rule
// id, and makes its findings with its Errorf or Warnf, which stamp the id
// and the severity. The registry (validate.Rules) is an
// explicit list of them; `explain`, SARIF's rule list and the tests read
// everything about a rule from here.
type Descriptor struct {
	// ID is stable across releases: it names the rule in output, in
	// suppressions and in SARIF.
	ID string
	// Severity is the severity of the rule's findings: Error for a rule
	// that reports a service code, Warning for a fault the service accepted.
	Severity Severity
	// Codes are the service codes the rule can emit (none for a warning).
	Codes []Code
	// Kinds are the job kinds the rule applies to; nil for every kind.
	Kinds []Kind
	// Doc is a one-line description of what the rule checks.
	Doc string
	// Example is a fragment the rule reports, and its fix.
	Example Example
	// Fix says in one sentence which fix the rule's findings carry, if any
	// (what it writes, and whether it is safe or unsafe, in parentheses);
	// empty when the rule has none. `explain` and docs/rules.md print it.
	Fix string
	// Fixes are the cases the rule's fix repairs, each with its
	// applicability: docs/fixes.md's table, and what `explain` says of the
	// flags that apply them. A test checks them against Fix and against
	// the fixes the findings really carry.
	Fixes []FixCase
	// Decisions are the readings the rule takes where the spec is silent,
	// one line each (the strictest reading the real examples pass);
	// `explain` and docs/rules.md list them.
	Decisions []string
}

// FixCase is one kind of finding a rule's fix repairs, as ruff's
// Applicability is a fix's: a row of docs/fixes.md.
type FixCase struct {
	// Finding says which findings carry the fix; Does what it writes.
	Finding, Does string
	// Applicability is Safe or Unsafe.
	Applicability Applicability
	// Why qualifies the applicability (why it is unsafe); "" for nothing.
	Why string
}

// FixApplicabilities reports whether the rule has safe fixes, and unsafe
// ones (Fixes).
func (r *Descriptor) FixApplicabilities() (safe, unsafe bool) {
	for _, c := range r.Fixes {
		safe = safe || c.Applicability == Safe
		unsafe = unsafe || c.Applicability == Unsafe
	}
	return safe, unsafe
}

// Example shows a rule at work, as staticcheck's Doc{Before, After}: Before
// draws a finding of the rule, After does not.
type Example struct {
	// Lang is "yaml" for manifest text, "sh" for a command line.
	Lang string
	// Note says what the example assumes, in words.
	Note string
	// Before is the text the rule reports; After is its fix.
	Before, After string
	// Region and Buckets are what the linter must be told for Before to
	// draw the finding: the job region (--region) and the config file's
	// bucket inventory; empty when nothing is needed.
	Region  string
	Buckets map[string]string
	// AccessKeyID is the key that signs the request (--access-key-id),
	// when the rule compares with it.
	AccessKeyID string
}

// AppliesTo reports whether the rule checks manifests of kind k.
func (r *Descriptor) AppliesTo(k Kind) bool {
	if r.Kinds == nil {
		return true
	}
	for _, rk := range r.Kinds {
		if rk == k {
			return true
		}
	}
	return false
}

// Declares reports whether code is one of the rule's codes.
func (r *Descriptor) Declares(code Code) bool {
	for _, c := range r.Codes {
		if c == code {
			return true
		}
	}
	return false
}

// Errorf builds a finding of the rule with the service code code over the
// range at (see Document.Span): the rule's id and severity are stamped on
// it. detail, the finding's Message, says what was found and how to fix it.
func (r *Descriptor) Errorf(code Code, at Span, path, detail string) Finding {
	return Finding{Code: code, Severity: r.Severity, Rule: r.ID, Path: path, Span: at, Message: detail}
}

// Warnf builds a finding of the rule without a service code over the range
// at: a fault the service accepted but a user will want to know about.
func (r *Descriptor) Warnf(at Span, path, detail string) Finding {
	return Finding{Severity: r.Severity, Rule: r.ID, Path: path, Span: at, Message: detail}
}
