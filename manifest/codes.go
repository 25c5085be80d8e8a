package manifest

// Code is one of the error codes the AWS Import/Export service answers
// (docs/codes.md). Findings carry it verbatim so that a user can
// match manifestlint's output with the service's ErrorResponse.
type Code string

// The service's error codes, spelled as in the API model.
const (
	BucketPermission       Code = "BucketPermissionException"
	CanceledJobID          Code = "CanceledJobIdException"
	CreateJobQuotaExceeded Code = "CreateJobQuotaExceededException"
	ExpiredJobID           Code = "ExpiredJobIdException"
	InvalidAccessKeyID     Code = "InvalidAccessKeyIdException"
	InvalidAddress         Code = "InvalidAddressException"
	InvalidClientTokenID   Code = "InvalidClientTokenIdException"
	InvalidCustoms         Code = "InvalidCustomsException"
	InvalidFileSystem      Code = "InvalidFileSystemException"
	InvalidJobID           Code = "InvalidJobIdException"
	InvalidManifestField   Code = "InvalidManifestFieldException"
	InvalidParameter       Code = "InvalidParameterException"
	InvalidVersion         Code = "InvalidVersionException"
	MalformedManifest      Code = "MalformedManifestException"
	MissingCustoms         Code = "MissingCustomsException"
	MissingManifestField   Code = "MissingManifestFieldException"
	MissingParameter       Code = "MissingParameterException"
	MultipleRegions        Code = "MultipleRegionsException"
	NoSuchBucket           Code = "NoSuchBucketException"
	OptInRequired          Code = "OptInRequired"
	UnableToCancelJobID    Code = "UnableToCancelJobIdException"
	UnableToUpdateJobID    Code = "UnableToUpdateJobIdException"
	UnknownOperation       Code = "UnknownOperationException"
)

// Detection says whether manifestlint reports a code.
type Detection int

// The ways manifestlint can detect a code.
const (
	// Undetectable: the service decides it from what it knows beyond the
	// manifest (the account, the job's state, the request).
	Undetectable Detection = iota
	// Detected: the manifest and the flags are enough.
	Detected
	// WithInventory: only with a bucket inventory (config file `buckets`).
	WithInventory
	// WithOnline: only with --online, from the account's answers.
	WithOnline
)

// CodeInfo describes one error code: its HTTP status, the service's own
// message and whether manifestlint can detect it locally.
type CodeInfo struct {
	Code    Code
	Status  int
	Message string
	// Detect says whether manifestlint reports the code.
	Detect Detection
	// Local says, in codes.md's words, whether and how manifestlint detects
	// the code, or why it cannot ("no (needs the account)"): for people.
	Local string
}

// Detectable reports whether manifestlint can ever report the code.
func (i CodeInfo) Detectable() bool { return i.Detect != Undetectable }

// ErrorCodes is the catalog of every error code in codes.md, in its order.
var ErrorCodes = []CodeInfo{
	{BucketPermission, 400, "The account specified does not have the appropriate bucket permissions.", Undetectable, "no (needs the account)"},
	{CanceledJobID, 400, "The specified job ID has been canceled and is no longer valid.", Undetectable, "no (job state)"},
	{CreateJobQuotaExceeded, 400, "Each account can create only a certain number of jobs per day.", Undetectable, "no (needs the account)"},
	{ExpiredJobID, 400, "The specified job ID has expired.", Undetectable, "no (job state)"},
	{InvalidAccessKeyID, 400, "The AWS Access Key ID specified in the request did not match the manifest's accessKeyId value. The manifest and the request authentication must use the same AWS Access Key ID.", Detected, "yes: malformed accessKeyId, or one that differs from --access-key-id"},
	{InvalidAddress, 400, "The address specified in the manifest is invalid.", Detected, "yes"},
	{InvalidClientTokenID, 403, "The AWS access key does not exist.", WithOnline, "only with --online"},
	{InvalidCustoms, 400, "One or more customs parameters was invalid. Please correct and resubmit.", Detected, "yes"},
	{InvalidFileSystem, 400, "File system specified in export manifest is invalid.", Detected, "yes"},
	{InvalidJobID, 400, "The JOBID was missing, not found, or not associated with the AWS account.", Undetectable, "no (job state)"},
	{InvalidManifestField, 400, "One or more manifest fields was invalid. Please correct and resubmit.", Detected, "yes"},
	{InvalidParameter, 400, "One or more parameters had an invalid value.", Detected, "yes: a bad --job-type (usage error)"},
	{InvalidVersion, 400, "The client tool version is invalid.", Undetectable, "no (the client tool, not the manifest)"},
	{MalformedManifest, 400, "Your manifest is not well-formed.", Detected, "yes"},
	{MissingCustoms, 400, "One or more required customs parameters was missing from the manifest.", Detected, "yes (needs the job region for the whole-block case)"},
	{MissingManifestField, 400, "One or more required fields were missing from the manifest file. Please correct and resubmit.", Detected, "yes"},
	{MissingParameter, 400, "One or more required parameters was missing from the request.", Detected, "yes: empty manifest"},
	{MultipleRegions, 400, "Your manifest file contained buckets from multiple regions. A job is restricted to buckets from one region. Please correct and resubmit.", Detected, "yes for 3.0 operations regions; with a bucket inventory for buckets"},
	{NoSuchBucket, 400, "The specified bucket does not exist. Create the specified bucket or change the manifest's bucket, exportBucket, or logBucket field to a bucket that the account, as specified by the credentials file, has write permissions to.", WithInventory, "with a bucket inventory"},
	{OptInRequired, 403, "The AWS account needs a subscription to the AWS Import/Export service.", Undetectable, "no (needs the account)"},
	{UnableToCancelJobID, 400, "AWS Import/Export cannot cancel the job.", Undetectable, "no (job state)"},
	{UnableToUpdateJobID, 400, "AWS Import/Export cannot update the job.", Undetectable, "no (job state)"},
	{UnknownOperation, 403, "The specified operation was invalid.", Undetectable, "no (the request, not the manifest)"},
}

var codeIndex = func() map[Code]CodeInfo {
	m := make(map[Code]CodeInfo, len(ErrorCodes))
	for _, c := range ErrorCodes {
		m[c.Code] = c
	}
	return m
}()

// Info returns the catalog entry of c; ok is false for a code the service
// does not know.
func (c Code) Info() (CodeInfo, bool) {
	i, ok := codeIndex[c]
	return i, ok
}

// Status is the HTTP status the service answers with c (0 for no code).
func (c Code) Status() int { return codeIndex[c].Status }

// Message is the service's own sentence for c.
func (c Code) Message() string { return codeIndex[c].Message }

// CodeMeaning is one code the service reports about a job rather than a
// request (codes.md): a GetStatus progress or location code, or a status of
// the job's log file. manifestlint never reports these; `manifestlint
// codes` and `explain` list them so that every code of codes.md is at hand.
type CodeMeaning struct {
	Code string
	// Status is the numeric Status column of a log line (log status codes
	// only; 0 otherwise).
	Status  int
	Meaning string
}

// ProgressCodes are the ProgressCode values of GetStatus, in codes.md order.
var ProgressCodes = []CodeMeaning{
	{Code: "Pending", Meaning: "the job has not started"},
	{Code: "InProgress", Meaning: "data transfer is running"},
	{Code: "Complete", Meaning: "all data transferred; the log is in the log bucket"},
	{Code: "SuccessWithErrors", Meaning: "finished with errors; the log lists them (ErrorCount)"},
	{Code: "Canceled", Meaning: "the job was canceled"},
	{Code: "Expired", Meaning: "the job expired (30 days without a device)"},
	{Code: "DeviceError", Meaning: "aborted: the device did not work"},
	{Code: "InvalidSignature", Meaning: "aborted: the SIGNATURE file on the device is invalid"},
	{Code: "MissingSignature", Meaning: "aborted: the SIGNATURE file is missing"},
	{Code: "MissingDevice", Meaning: "aborted: device, power supply or connectors missing"},
	{Code: "UnsupportedDeviceType", Meaning: "aborted: connector or drive type not supported"},
	{Code: "UnsupportedFileFormat", Meaning: "aborted: file format not supported"},
	{Code: "UnsupportedPowerSupply", Meaning: "aborted: the power supply does not fit the region's mains"},
}

// LocationCodes are the LocationCode values of GetStatus, in codes.md order.
var LocationCodes = []CodeMeaning{
	{Code: "NotReceived", Meaning: "AWS has not received the device"},
	{Code: "AtAWS", Meaning: "the device is at AWS"},
	{Code: "Returned", Meaning: "the device was shipped back (carrier and tracking number are given)"},
}

// LogStatusCodes are the Status/Code pairs of a job log line (import-log-JOBID
// or export-log-JOBID in the log bucket under logPrefix): the one
// Import/Export status, then the S3 answers codes.md names. Any other S3
// status and code may appear in a log too.
var LogStatusCodes = []CodeMeaning{
	{Code: "Ignored", Status: 103, Meaning: "Import/Export skipped the file: it matched an `ignore` pattern, or it is the SIGNATURE file"},
	{Code: "OK", Status: 200, Meaning: "S3 stored (or, for an export, read) the object"},
	{Code: "InvalidArgument", Status: 400, Meaning: "an S3 error: S3 refused the object's key or metadata as invalid"},
	{Code: "AccessDenied", Status: 403, Meaning: "an S3 error: the account may not write (or read) the object in the bucket"},
}

// onlineDetection says, in codes.md's words, what `--online` adds for a
// code: which answer of the account reports it (docs/online.md).
var onlineDetection = map[Code]string{
	BucketPermission:     "no (no read-only call proves write access)",
	InvalidAccessKeyID:   "with --signer=current",
	InvalidClientTokenID: "yes: STS rejects the manifest's AKIA key",
	MultipleRegions:      "yes: HeadBucket's region",
	NoSuchBucket:         "yes: HeadBucket 404",
}

// Online says whether and how `--online` reports the code, in codes.md's
// words; "—" when the account's answers add nothing.
func (i CodeInfo) Online() string {
	if s, ok := onlineDetection[i.Code]; ok {
		return s
	}
	return "—"
}
