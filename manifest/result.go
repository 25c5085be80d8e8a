package manifest

// Result is the outcome of linting one manifest: what package validate
// returns and the output formats (package report) write.
type Result struct {
	// File is the name the manifest is reported under.
	File string
	// Doc is the parsed manifest (its Root is nil when it could not be read).
	Doc *Document
	// Parsed says that the manifest parsed, so that its rules and schema
	// were checked; it stays true when a caller drops Doc's tree.
	Parsed bool
	// Kind is the job kind the manifest was checked as.
	Kind Kind
	// KindEvidence says what decided Kind: --job-type or the fields.
	KindEvidence KindEvidence
	// Findings are sorted by line, then column; one per fault. A manifest
	// with more findings than the cap (validate's Options.MaxFindings)
	// keeps the first ones in this order, and OmittedErrors and
	// OmittedWarnings count the rest.
	Findings []Finding
	// OmittedErrors and OmittedWarnings count the findings left out of
	// Findings by the cap; Notes then holds NoteFindingsOmitted. They
	// count toward the summary and the exit status like listed ones.
	OmittedErrors, OmittedWarnings int
	// Notes name the checks that did not run for lack of context (spec
	// §6), so that a clean result is not read as "everything checked".
	Notes []Note
	// ReadError is set, by the caller, for a file that could not be read
	// or was over the size limit (validation never sets it): such a result
	// has no findings and was not checked, and every report format
	// records it so that the file does not silently vanish.
	ReadError string
}

// Note says that some checks did not run on a manifest, and why.
type Note struct {
	// ID is stable: NoteRegionUnknown, NoteNoInventory or
	// NoteFindingsOmitted.
	ID string `json:"id"`
	// Rules are the ids of the rules that did not run (for
	// NoteFindingsOmitted: of the findings not listed).
	Rules []string `json:"rules"`
	// Message says what was not checked and how to give the context.
	Message string `json:"message"`
	// Severity is Warning for a note that is a warning (a configuration
	// file skipped as untrusted: the SARIF notification's level, a github
	// ::warning); empty for a plain note.
	Severity Severity `json:"severity,omitempty"`
}

// The notes of Result.Notes.
const (
	// NoteRegionUnknown: no --region, no region in the config file, and
	// none in the manifest or the bucket inventory.
	NoteRegionUnknown = "region-unknown"
	// NoteNoInventory: no bucket inventory (the config file's buckets).
	NoteNoInventory = "no-bucket-inventory"
	// NoteFindingsOmitted: more findings than the cap; the first are
	// listed, the others only counted (Result.OmittedErrors and
	// OmittedWarnings).
	NoteFindingsOmitted = "findings-omitted"
)

// Errors returns the number of error findings, omitted ones included.
func (r Result) Errors() int { e, _ := r.Count(); return e }

// Count returns the number of error and warning findings, those the cap
// left out of Findings included: what a summary and the exit status count.
func (r Result) Count() (errors, warnings int) {
	e, w := Count(r.Findings)
	return e + r.OmittedErrors, w + r.OmittedWarnings
}
