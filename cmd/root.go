package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// ExitCode is the process exit status.
type ExitCode int

// The exit codes, chosen in one place (Main).
const (
	ExitOK          ExitCode = 0 // everything read and written
	ExitInputFailed ExitCode = 1 // some input could not be read; the others were processed
	ExitUsage       ExitCode = 2 // bad flags or arguments
)

// IO is what a command reads and writes, injected so tests can run commands against
// buffers with a fixed clock.
type IO struct {
	In       io.Reader
	Out      io.Writer // data
	ErrOut   io.Writer // warnings, progress, timings
	IsTTY    bool      // Out is a terminal: tables may be pretty and fit its width
	ErrIsTTY bool      // ErrOut is a terminal: a progress bar may be drawn
	Width    int       // terminal width when IsTTY
	NoColor  bool
	Now      func() time.Time
}

// SystemIO is the process's own standard streams.
func SystemIO() *IO {
	io := &IO{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Now: time.Now}
	if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
		io.IsTTY = true
		if w, _, err := term.GetSize(fd); err == nil && w > 0 {
			io.Width = w
		}
	}
	io.ErrIsTTY = term.IsTerminal(int(os.Stderr.Fd()))
	_, io.NoColor = os.LookupEnv("NO_COLOR")
	return io
}

// usageError is a bad flag or argument: exit code 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return &usageError{fmt.Errorf(format, a...)} }

// inputError means some inputs failed (each already reported on stderr): exit code 1.
type inputError struct{ failed, total int }

func (e *inputError) Error() string {
	return fmt.Sprintf("%d of %d inputs could not be read", e.failed, e.total)
}

// Main runs the command line and returns the exit code.
func Main() ExitCode {
	return Run(os.Args[1:], SystemIO())
}

// Run runs rxvoice with args against the given streams.
func Run(args []string, streams *IO) ExitCode {
	root := NewRootCmd(streams)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	fmt.Fprintln(streams.ErrOut, "rxvoice:", err)
	var ie *inputError
	if errors.As(err, &ie) {
		return ExitInputFailed
	}
	var ue *usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		return ExitUsage
	}
	return ExitInputFailed
}

// isCobraUsage recognizes cobra's own command and argument errors, which are plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag",
		"flag needs an argument", "invalid argument", "accepts ", "requires at least"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// Version is the module version from the build info ("(devel)" for a local build).
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}

// NewRootCmd builds the command tree.
func NewRootCmd(streams *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "rxvoice",
		Short: "Extract what patients report about their medicines from comment pages",
		Long: `rxvoice reads web pages where patients talk about their medicines (an article
followed by reader comments, or forum posts) and extracts what they report: the drugs
they take, doses and durations, and the symptoms they describe, with context.`,
		Example: `  rxvoice report testdata/klonopin-immune-comments.txt
  rxvoice report --format html pages/ > report.html
  rxvoice mentions --type symptom --format csv pages/ > symptoms.csv
  rxvoice comments --format jsonl pages/ > comments.jsonl`,
		Version:       Version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.ErrOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{err}
	})
	vocab := &vocabOptions{}
	vocab.addFlags(root)
	addProfileFlags(root)
	root.AddCommand(newCommentsCmd(streams), newMentionsCmd(streams, vocab), newReportCmd(streams, vocab), newLexiconCmd(streams, vocab), newEvalCmd(streams, vocab))
	return root
}
