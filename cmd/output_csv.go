package cmd

import (
	"encoding/csv"
	"io"
)

// csvWriter writes RFC 4180 CSV with a header row. Cells a spreadsheet would run as
// formulas are neutralized (see safeCell) unless raw.
type csvWriter struct {
	w   *csv.Writer
	raw bool
}

func newCSVWriter(out io.Writer, header []string, raw bool) (*csvWriter, error) {
	c := &csvWriter{w: csv.NewWriter(out), raw: raw}
	if err := c.write(header); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *csvWriter) Write(r Row) error { return c.write(r.Cells()) }

func (c *csvWriter) write(cells []string) error {
	if !c.raw {
		cells = safeCells(cells)
	}
	return c.w.Write(cells)
}

func (c *csvWriter) Close() error {
	c.w.Flush()
	return c.w.Error()
}
