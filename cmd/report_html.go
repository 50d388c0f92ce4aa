package cmd

import (
	"io"

	"github.com/rxvoice/rxvoice/analyze"
)

// writeReportHTML is being written (placeholder so the package builds).
func writeReportHTML(w io.Writer, s *analyze.Summary, evidence bool) error {
	return writeReportMarkdown(w, s, evidence)
}
