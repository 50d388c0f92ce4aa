package cmd

import (
	"fmt"

	"github.com/rxvoice/rxvoice/analyze"
)

// writeReportTable draws each table of the report with the table writer: boxed and
// fitted on a terminal, plain and never truncated when piped.
func writeReportTable(streams *IO, s *analyze.Summary, evidence bool) error {
	for i, t := range reportTables(s, evidence, false) {
		if t.Name == "comments" && len(t.Rows) == 0 {
			continue
		}
		t = t.brief()
		if i > 0 {
			fmt.Fprintln(streams.Out)
		}
		fmt.Fprintf(streams.Out, "%s\n", t.Title)
		tw := newTableWriter(streams, t.Header)
		for _, r := range t.Rows {
			tw.Write(cells(r))
		}
		if err := tw.Close(); err != nil {
			return err
		}
	}
	return nil
}

// cells is a row of text cells.
type cells []string

// Cells implements Row.
func (c cells) Cells() []string { return append([]string(nil), c...) }
