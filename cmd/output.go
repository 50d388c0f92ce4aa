package cmd

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// Row is one output record: a struct with json tags for json and jsonl, and its cells,
// in header order, for table and csv.
type Row interface {
	Cells() []string
}

// RecordWriter writes records in one output format.
type RecordWriter interface {
	Write(r Row) error
	// Close finishes the output (a table is drawn, a JSON array closed).
	Close() error
}

// formats lists the --format values in the order the help shows them.
var formats = []string{"table", "csv", "json", "jsonl"}

// formatHelp is the help text of a --format flag that takes formats.
var formatHelp = "output format: " + strings.Join(formats, ", ")

func checkFormat(f string) error { return checkOneOf("format", f, formats) }

// checkOneOf checks the value v of an enum flag; the error lists the valid values.
func checkOneOf(what, v string, valid []string) error {
	if slices.Contains(valid, v) {
		return nil
	}
	return usagef("unknown %s %q (want %s)", what, v, strings.Join(valid, ", "))
}

// outputOptions choose how a command writes its records: its --format, --csv-raw and
// --wide.
type outputOptions struct {
	Format string
	CSVRaw bool     // csv: write cells as they are, formulas included
	Wide   bool     // table on a terminal: every column, whole cells
	Fields []string // --fields: only these fields of each record (mentions, comments)
}

// addOutputFlags adds --csv-raw and --wide to c.
func (o *outputOptions) addOutputFlags(c *cobra.Command) {
	c.Flags().BoolVar(&o.CSVRaw, "csv-raw", false, csvRawHelp)
	addWideFlag(c, &o.Wide)
}

// wideHelp is the help of --wide.
const wideHelp = "table on a terminal: show every column and whole cells (piped output is always complete)"

func addWideFlag(c *cobra.Command, wide *bool) {
	c.Flags().BoolVarP(wide, "wide", "w", false, wideHelp)
}

// newRecordWriter is the factory of writers, one file per format; view is what a
// table shows on a terminal.
func newRecordWriter(out outputOptions, streams *IO, header []string, view tableView) (RecordWriter, error) {
	format := out.Format
	switch format {
	case "table":
		view.Wide = out.Wide
		return newTableWriterView(streams, header, view), nil
	case "csv":
		return newCSVWriter(streams.Out, header, out.CSVRaw)
	case "json":
		return newJSONWriter(streams.Out, false), nil
	case "jsonl":
		return newJSONWriter(streams.Out, true), nil
	}
	return nil, fmt.Errorf("unknown format %q", format)
}

// writeAll writes rows with a new writer and closes it.
func writeAll(out outputOptions, streams *IO, header []string, rows []Row) error {
	w, err := newRecordWriter(out, streams, header, tableView{})
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	noteWriter(streams, w)
	return nil
}

// noteWriter tells how to see what w's terminal table left out, if it is a table.
func noteWriter(streams *IO, w RecordWriter) {
	if t, ok := w.(*tableWriter); ok {
		noteCompact(streams, t.Cut, t.Hidden)
	}
}
