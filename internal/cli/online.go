package cli

// This file is --online: the flags, the checker of a run, the facts handed
// to each manifest's lint, and the run's online notes and counts.

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/manifestlint/manifestlint/internal/escape"
	"github.com/manifestlint/manifestlint/internal/online"
	"github.com/manifestlint/manifestlint/manifest"
	"github.com/manifestlint/manifestlint/validate"
	"github.com/spf13/pflag"
)

// onlineEnv turns --online on from the environment (1, true, strict);
// the configuration file never can.
const onlineEnv = "MANIFESTLINT_ONLINE"

// onlineOptions are the flags of --online.
type onlineOptions struct {
	mode        string // "", on, strict
	timeout     time.Duration
	profile     string
	endpointURL string
	signer      string
	imds        bool
	// checker asks the account during the run; nil when offline.
	checker *online.Checker
}

// addOnlineFlags defines the flags of --online on fl.
func addOnlineFlags(fl *pflag.FlagSet, o *onlineOptions) {
	fl.StringVar(&o.mode, "online", "", "also ask the AWS account (read-only: STS GetCallerIdentity, S3 HeadBucket) whether buckets exist and where; =strict exits 2 when a check could not run (default $"+onlineEnv+"; see docs/online.md)")
	fl.Lookup("online").NoOptDefVal = "on"
	fl.DurationVar(&o.timeout, "online-timeout", online.DefaultTimeout, "with --online, the total time the online checks may take; each call gets at most "+online.DefaultCallTimeout.String())
	fl.StringVar(&o.profile, "profile", "", "with --online or inventory, the AWS profile to use (default $AWS_PROFILE)")
	fl.StringVar(&o.endpointURL, "endpoint-url", "", "with --online or inventory, the `URL` of S3 and STS (an S3-compatible store, a test double); $AWS_ENDPOINT_URL, $AWS_ENDPOINT_URL_S3 and $AWS_ENDPOINT_URL_STS work too")
	fl.StringVar(&o.signer, "signer", "", "with --online, `current` says the credentials in use will sign CreateJob: a different manifest accessKeyId is then an error, not a note")
	boolVar(fl, &o.imds, "online-imds", "", "with --online, let the credential chain ask the EC2 instance metadata service (off by default)")
}

// resolveOnline checks the --online flags (and $MANIFESTLINT_ONLINE) and
// starts the run's checker when online.
func (o *onlineOptions) resolve(getenv func(string) string) error {
	mode := o.mode
	if mode == "" {
		mode = getenv(onlineEnv)
	}
	switch strings.ToLower(mode) {
	case "", "0", "false", "off", "no":
		o.mode = ""
	case "1", "true", "on", "yes":
		o.mode = "on"
	case "strict":
		o.mode = "strict"
	default:
		return fmt.Errorf("--online is %q; use --online, --online=strict or --online=false", escape.Line(mode))
	}
	if o.timeout <= 0 {
		return fmt.Errorf("--online-timeout must be positive")
	}
	switch o.signer {
	case "", "current":
	default:
		return fmt.Errorf("--signer is %q; the one value is current (the credentials in use sign CreateJob)", escape.Line(o.signer))
	}
	if o.mode == "" {
		return nil
	}
	o.checker = online.New(online.Config{Profile: o.profile, EndpointURL: o.endpointURL, Timeout: o.timeout, IMDS: o.imds, Getenv: getenv})
	return nil
}

// facts asks about the buckets of one manifest (each bucket once per run)
// and sets them in opts, with the identity; with --signer=current and a
// long-term key, that key becomes the one the manifest must name.
func (o *onlineOptions) facts(name string, data []byte, opts *validate.Options) {
	if o.checker == nil {
		return
	}
	f := o.checker.Facts(validate.BucketNames(name, data))
	if o.signer == "current" {
		f.Signer = true
		if id := f.Identity; id != nil && strings.HasPrefix(id.KeyID, "AKIA") && opts.AccessKeySource.Kind != manifest.SourceFlag {
			opts.AccessKeyID, opts.AccessKeySource = id.KeyID, manifest.Source{Kind: manifest.SourceFlag, Name: "--signer=current"}
		}
	}
	opts.Online = f
}

// finish prints the run's online lines on stderr: the credentials'
// source (--verbose), why checks did not run (one note), and the count of
// checks run and not run. It returns true when --online=strict must fail
// the run because a check did not run.
func (o *onlineOptions) finish(w io.Writer, verbose, quiet bool) (failClosed bool) {
	c := o.checker
	if c == nil {
		return false
	}
	c.Close()
	run, notRun := c.Counts()
	if !quiet {
		if src, key := c.Source(); verbose && src != "" {
			acct := ""
			if id := c.Identity(); id != nil && id.Account != "" {
				acct = ", account " + id.Account
			}
			fmt.Fprintf(w, "manifestlint: online: credentials from %s (key %s%s)\n", escape.Line(src), escape.Line(key), acct)
		}
		if id := c.Identity(); id != nil && o.signer == "current" && id.KeyID != "" && !strings.HasPrefix(id.KeyID, "AKIA") {
			fmt.Fprintf(w, "manifestlint: note: --signer=current: the online credentials are temporary (%s); CreateJob is signed with a long-term key, so accessKeyId was not compared with them\n", escape.Line(id.KeyID))
		}
		if rs := c.Reasons(); len(rs) > 0 {
			fmt.Fprintf(w, "manifestlint: note: online checks not run: %s\n", escape.Line(strings.Join(rs, "; ")))
		}
		fmt.Fprintf(w, "manifestlint: online: %s run, %d not run\n", manifest.Plural(run, "check"), notRun)
	}
	return o.mode == "strict" && notRun > 0
}

// onlineGetenv reads $MANIFESTLINT_ONLINE and the like (a variable for tests).
var onlineGetenv = os.Getenv
