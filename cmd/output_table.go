package cmd

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// tableWriter draws a table. On a terminal it fits the terminal's width, one line per
// record: the compact view's columns (all of them with --wide), cells cut at a word
// boundary with "…" (whole with --wide); piped, it is plain, stable and never
// truncated, with line breaks inside a cell written as `\n` so that each record stays
// on one line.
type tableWriter struct {
	streams *IO
	header  []string
	rows    [][]string
	view    tableView
	// Cut and Hidden say what the terminal view left out: cells cut, columns hidden.
	Cut    bool
	Hidden int
}

// tableView is what a table shows on a terminal.
type tableView struct {
	Wide bool // every column, whole cells
	// Cols are the columns of the compact view, in order (nil: all), with their
	// headers there (Labels, nil: the table's own).
	Cols   []int
	Labels []string
	// With HasGroup, column Group is written as a heading line over its rows in the
	// compact view (a page's name over its comments) instead of as a column.
	Group    int
	HasGroup bool
}

// newTableWriterView is a table writer; view is what it shows on a terminal.
func newTableWriterView(streams *IO, header []string, view tableView) *tableWriter {
	return &tableWriter{streams: streams, header: header, view: view}
}

func (t *tableWriter) Write(r Row) error {
	cells := r.Cells()
	if !t.streams.IsTTY || t.view.Wide {
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
	if t.streams.IsTTY {
		return t.drawTerminal()
	}
	tbl := tablewriter.NewTable(t.streams.Out,
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

// termGap is the space between columns on a terminal.
const termGap = 2

// defaultWidth is the width assumed for a terminal whose size is unknown.
const defaultWidth = 80

// drawTerminal writes the terminal view: upper-case headers, columns termGap apart,
// numbers aligned right, no borders (as gh and kubectl draw theirs).
func (t *tableWriter) drawTerminal() error {
	header, rows := t.header, t.rows
	group := -1
	if !t.view.Wide {
		header, rows = t.view.pick(header, rows)
		if t.view.HasGroup {
			group = t.view.Group
		}
		t.Hidden = len(t.header) - len(header)
	}
	var groups []string
	if group >= 0 {
		groups = make([]string, len(rows))
		for i := range rows {
			groups[i] = oneLine(t.rows[i][group])
		}
	}
	upper := make([]string, len(header)) // header may be a command's shared field list
	for i, h := range header {
		upper[i] = strings.ToUpper(h)
	}
	header = upper
	width := t.streams.Width
	if width <= 0 {
		width = defaultWidth
	}
	var widths []int
	shown := len(header)
	if t.view.Wide {
		widths, _ = fitColumns(header, rows, 1<<30, termGap)
	} else {
		for _, r := range rows {
			for i := range r {
				r[i] = oneLine(r[i])
			}
		}
		widths, shown = fitColumns(header, rows, width, termGap)
		t.Hidden += len(header) - shown
	}
	right := numericColumns(rows, shown)
	var b strings.Builder
	line := func(cells []string) {
		var l strings.Builder
		for i := 0; i < shown; i++ {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			if !t.view.Wide {
				var cut bool
				if c, cut = clipWords(c, widths[i]); cut {
					t.Cut = true
				}
			}
			if i > 0 {
				l.WriteString(strings.Repeat(" ", termGap))
			}
			pad := strings.Repeat(" ", max(widths[i]-cellWidth(c), 0))
			if right[i] {
				l.WriteString(pad + c)
			} else {
				l.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(l.String(), " "))
		b.WriteByte('\n')
	}
	line(header)
	for i, r := range rows {
		if groups != nil && (i == 0 || groups[i] != groups[i-1]) {
			g, cut := clipWords(groups[i], width)
			t.Cut = t.Cut || cut
			b.WriteString(g + "\n")
		}
		line(r)
	}
	_, err := io.WriteString(t.streams.Out, b.String())
	return err
}

// pick returns the compact view's header and rows (copies).
func (v tableView) pick(header []string, rows [][]string) ([]string, [][]string) {
	cols := v.Cols
	if cols == nil {
		for i := range header {
			if !v.HasGroup || i != v.Group {
				cols = append(cols, i)
			}
		}
	}
	h := make([]string, len(cols))
	for k, i := range cols {
		h[k] = header[i]
		if k < len(v.Labels) && v.Labels[k] != "" {
			h[k] = v.Labels[k]
		}
	}
	out := make([][]string, len(rows))
	for j, r := range rows {
		out[j] = make([]string, len(cols))
		for k, i := range cols {
			if i < len(r) {
				out[j][k] = r[i]
			}
		}
	}
	return h, out
}

// numericColumns says which of the first n columns hold numbers only (empty cells
// aside): they are aligned right.
func numericColumns(rows [][]string, n int) []bool {
	right := make([]bool, n)
	for i := range right {
		seen, num := false, true
		for _, r := range rows {
			if i >= len(r) || r[i] == "" {
				continue
			}
			seen = true
			if _, err := strconv.ParseFloat(r[i], 64); err != nil {
				num = false
				break
			}
		}
		right[i] = seen && num
	}
	return right
}

// noteCompact tells, on stderr, how to see what a terminal table left out.
func noteCompact(streams *IO, cut bool, hidden int) {
	switch {
	case hidden > 0:
		fmt.Fprintf(streams.ErrOut, "rxvoice: compact view, %s hidden: --wide shows all\n", pluralize(hidden, "column"))
	case cut:
		fmt.Fprintf(streams.ErrOut, "rxvoice: long text cut to fit: --wide shows it whole\n")
	}
}
