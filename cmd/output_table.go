package cmd

import (
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// tableWriter draws a table. On a terminal it is boxed and fits the terminal's width,
// wrapping long cells; piped, it is plain, stable and never truncated, with line breaks
// inside a cell written as `\n` so that each record stays on one line.
type tableWriter struct {
	streams *IO
	header  []string
	rows    [][]string
}

func newTableWriter(streams *IO, header []string) *tableWriter {
	return &tableWriter{streams: streams, header: header}
}

func (t *tableWriter) Write(r Row) error {
	cells := r.Cells()
	if !t.streams.IsTTY {
		for i, c := range cells {
			cells[i] = escapeCell(c)
		}
	}
	t.rows = append(t.rows, cells)
	return nil
}

var cellEscaper = strings.NewReplacer("\\", "\\\\", "\r\n", "\\n", "\n", "\\n", "\r", "\\n", "\t", " ")

func escapeCell(s string) string { return cellEscaper.Replace(s) }

func (t *tableWriter) Close() error {
	var opts []tablewriter.Option
	if t.streams.IsTTY {
		width := t.streams.Width
		if width <= 0 {
			width = 100
		}
		opts = append(opts,
			tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
			tablewriter.WithMaxWidth(width),
			tablewriter.WithRowAutoWrap(tw.WrapNormal),
			tablewriter.WithHeaderAutoFormat(tw.Off),
		)
	} else {
		opts = append(opts,
			tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
				Borders: tw.BorderNone,
				Symbols: tw.NewSymbols(tw.StyleNone),
				Settings: tw.Settings{
					Separators: tw.Separators{BetweenRows: tw.Off, BetweenColumns: tw.On},
					Lines:      tw.Lines{ShowHeaderLine: tw.Off},
				},
			})),
			tablewriter.WithRowAutoWrap(tw.WrapNone),
			tablewriter.WithHeaderAutoWrap(tw.WrapNone),
			tablewriter.WithHeaderAutoFormat(tw.Off),
			tablewriter.WithHeaderAlignment(tw.AlignLeft),
			tablewriter.WithRowAlignment(tw.AlignLeft),
			tablewriter.WithTrimSpace(tw.Off),
		)
	}
	tbl := tablewriter.NewTable(t.streams.Out, opts...)
	hdr := make([]any, len(t.header))
	for i, h := range t.header {
		hdr[i] = h
	}
	tbl.Header(hdr...)
	if err := tbl.Bulk(t.rows); err != nil {
		return err
	}
	return tbl.Render()
}
