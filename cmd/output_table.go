package cmd

import (
	"sort"
	"strings"

	"github.com/clipperhouse/displaywidth"

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
			tablewriter.WithRowAutoWrap(tw.WrapBreak),
			tablewriter.WithHeaderAutoWrap(tw.WrapNormal),
			tablewriter.WithHeaderAutoFormat(tw.Off),
		)
		caps := fitColumns(t.header, t.rows, width)
		opts = append(opts, func(tbl *tablewriter.Table) {
			tbl.Configure(func(cfg *tablewriter.Config) {
				cfg.Row.ColMaxWidths.PerColumn = caps
				cfg.Header.ColMaxWidths.PerColumn = caps
			})
		})
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

func longestWord(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		n = max(n, displaywidth.String(f))
	}
	return n
}

// fitColumns caps column widths so that a boxed table fits the terminal: the widest
// columns share what the narrow ones leave, none below 8 cells (or its header).
func fitColumns(header []string, rows [][]string, width int) tw.Mapper[int, int] {
	w := make([]int, len(header))
	for i, h := range header {
		w[i] = displaywidth.String(h)
	}
	for _, r := range rows {
		for i, c := range r {
			if i < len(w) {
				for _, line := range strings.Split(c, "\n") {
					w[i] = max(w[i], displaywidth.String(line))
				}
			}
		}
	}
	// Max-min fair shares: narrow columns keep their width, wide ones split the rest.
	budget := width - (3*len(w) + 1) // borders and padding
	order := make([]int, len(w))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return w[order[a]] < w[order[b]] })
	for k, i := range order {
		share := budget / (len(w) - k)
		w[i] = max(min(w[i], share), min(w[i], 8), longestWord(header[i]))
		budget -= w[i]
	}
	// tablewriter's widths take in the cell's padding, one space each side.
	caps := tw.NewMapper[int, int]()
	for i, x := range w {
		caps.Set(i, x+2)
	}
	return caps
}
