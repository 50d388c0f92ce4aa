package cmd

import (
	"github.com/schollz/progressbar/v3"
)

// progress is a progress bar on stderr when it is a terminal, and nothing otherwise.
type progress struct{ bar *progressbar.ProgressBar }

func newProgress(streams *IO, total int) progress {
	if !streams.ErrIsTTY || total < 2 {
		return progress{}
	}
	return progress{progressbar.NewOptions(total,
		progressbar.OptionSetWriter(streams.ErrOut),
		progressbar.OptionSetDescription("analyzing"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetItsString("pages"),
		progressbar.OptionShowIts(),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionEnableColorCodes(!streams.NoColor),
	)}
}

func (p progress) Add(n int) {
	if p.bar != nil {
		p.bar.Add(n)
	}
}

func (p progress) Finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
