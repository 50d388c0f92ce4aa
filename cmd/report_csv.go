package cmd

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/rxvoice/rxvoice/analyze"
)

// writeReportCSV writes one table (--table, default drugs... all tables in turn
// separated by a blank line when none is chosen), or with --out one file per table.
func writeReportCSV(streams *IO, s *analyze.Summary, opts *reportOptions) error {
	tables := reportTables(s, opts.Evidence, true)
	if opts.Out != "" {
		if err := os.MkdirAll(opts.Out, 0o755); err != nil {
			return fmt.Errorf("--out: %w", err)
		}
		for _, t := range tables {
			err := writeFileAtomic(filepath.Join(opts.Out, t.Name+".csv"), func(w io.Writer) error {
				return writeCSVTable(w, t, opts)
			})
			if err != nil {
				return err
			}
		}
		fmt.Fprintf(streams.ErrOut, "rxvoice: wrote %d tables to %s\n", len(tables), opts.Out)
		return nil
	}
	for i, t := range tables {
		if opts.Table != "" && t.Name != opts.Table {
			continue
		}
		if opts.Table == "" {
			if i > 0 {
				fmt.Fprintln(streams.Out)
			}
			fmt.Fprintf(streams.Out, "# %s\n", t.Name)
		}
		if err := writeCSVTable(streams.Out, t, opts); err != nil {
			return err
		}
		opts.BOM = false // one byte order mark, at the start
	}
	return nil
}

func writeCSVTable(w io.Writer, t reportTable, opts *reportOptions) error {
	if opts.BOM {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	write := func(r []string) error {
		if !opts.CSVRaw {
			r = safeCells(r)
		}
		return cw.Write(r)
	}
	for _, r := range append([][]string{t.Header}, t.Rows...) {
		if err := write(r); err != nil {
			return err
		}
	}
	if t.Each != nil {
		if err := t.Each(write); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeFileAtomic writes a file through a temporary file in the same folder and a
// rename, so a reader never sees it half-written; write writes its content.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	bw := bufio.NewWriter(f)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
