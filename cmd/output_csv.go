package cmd

import (
	"encoding/csv"
	"io"
)

// csvWriter writes RFC 4180 CSV with a header row.
type csvWriter struct {
	w *csv.Writer
}

func newCSVWriter(out io.Writer, header []string) (*csvWriter, error) {
	w := csv.NewWriter(out)
	if err := w.Write(header); err != nil {
		return nil, err
	}
	return &csvWriter{w: w}, nil
}

func (c *csvWriter) Write(r Row) error { return c.w.Write(r.Cells()) }

func (c *csvWriter) Close() error {
	c.w.Flush()
	return c.w.Error()
}
