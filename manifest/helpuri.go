package manifest

// RulesDocURI is the address of docs/rules.md, the page that documents every
// rule (generated from the registry by `go generate ./internal/explain`).
const RulesDocURI = "https://github.com/manifestlint/manifestlint/blob/main/docs/rules.md"

// HelpURI returns the address of the rule's section of docs/rules.md: SARIF
// rules carry it as helpUri, language-server diagnostics as
// codeDescription.href, and `manifestlint explain RULE` prints it.
func (r *Descriptor) HelpURI() string { return RulesDocURI + "#" + r.ID }
