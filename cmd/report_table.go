package cmd

import (
	"fmt"

	"github.com/rxvoice/rxvoice/analyze"
)

// writeReportTable draws each table of the report with the table writer: on a
// terminal the compact view fitted to its width (every column and whole cells with
// wide), plain and never truncated when piped.
func writeReportTable(streams *IO, s *analyze.Summary, evidence, wide bool) error {
	cut, hidden := false, 0
	for i, t := range reportTables(s, evidence, false) {
		if t.Name == "comments" && len(t.Rows) == 0 {
			continue
		}
		t = t.human()
		if i > 0 {
			fmt.Fprintln(streams.Out)
		}
		fmt.Fprintf(streams.Out, "%s\n", t.Title)
		tw := newTableWriterView(streams, t.Header, t.view(wide))
		for _, r := range t.Rows {
			tw.Write(cells(r))
		}
		if err := tw.Close(); err != nil {
			return err
		}
		cut, hidden = cut || tw.Cut, hidden+tw.Hidden
	}
	noteCompact(streams, cut, hidden)
	return nil
}

// cells is a row of text cells.
type cells []string

// Cells implements Row.
func (c cells) Cells() []string { return append([]string(nil), c...) }
