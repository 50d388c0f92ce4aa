package cmd

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rxvoice/rxvoice/analyze"
)

// writeReportHTML writes the report as one self-contained HTML page: a header, three
// charts drawn here as inline SVG, and the report's tables. It loads nothing from the
// network, so the file can be mailed or archived as it is. Page text comes from
// untrusted comments; html/template escapes it wherever it lands, SVG labels included.
func writeReportHTML(w io.Writer, s *analyze.Summary, evidence bool) error {
	page := htmlReport{
		Title:  "rxvoice report",
		Meta:   reportMeta(s),
		Charts: []svgChart{symptomChart(s), heatmapChart(s), timelineChart(s)},
	}
	if len(s.Inputs) > 0 {
		page.Title += ": " + listSome(s.Inputs, 3)
	}
	for _, t := range reportTables(s, evidence, false) {
		if t.Name == "comments" && len(t.Rows) == 0 {
			continue
		}
		page.Tables = append(page.Tables, htmlTableOf(t.human()))
	}
	// Render to a buffer first so that a template error never leaves half a page.
	var b bytes.Buffer
	if err := reportHTMLTemplate.Execute(&b, page); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	_, err := w.Write(b.Bytes())
	return err
}

type htmlReport struct {
	Title  string
	Meta   []htmlMeta
	Charts []svgChart
	Tables []htmlTable
}

// htmlMeta is one item of the header line.
type htmlMeta struct{ Label, Value string }

type htmlTable struct {
	Name, Title string
	Note        string // a line under the title
	Header      []htmlCell
	Rows        []htmlRow
}

// htmlRow is a table row; a flagged row (a pair that meets the signal rule) has the
// class "signal" and is highlighted.
type htmlRow struct {
	Class string
	Cells []htmlCell
}

// htmlCell is a table cell. Its class is its column's: num (right-aligned), evidence
// (long text that may break anywhere) or none. A list cell ("a (3); b (1)") keeps its
// short items whole, so that a narrow column breaks between items, not inside "1 mg (4)".
type htmlCell struct {
	Text  string
	Class string
	Parts []htmlPart
}

type htmlPart struct {
	Text string
	Keep bool
}

func textCell(s, class string) htmlCell {
	c := htmlCell{Text: s, Class: class}
	if class != "" || !strings.Contains(s, "; ") {
		return c
	}
	for _, p := range strings.Split(s, "; ") {
		c.Parts = append(c.Parts, htmlPart{p, utf8.RuneCountInString(p) <= 14})
	}
	return c
}

func reportMeta(s *analyze.Summary) []htmlMeta {
	o := s.Overview
	read := fmt.Sprintf("%s, %s by %s, %s", pluralize(o.Pages, "page"), pluralize(o.Comments, "comment"),
		pluralize(o.Commenters, "commenter"), pluralize(o.Mentions, "mention"))
	if o.First != "" {
		read += fmt.Sprintf(", posted %s to %s", o.First, o.Last)
	}
	inputs := "none"
	if len(s.Inputs) > 0 {
		inputs = listSome(s.Inputs, 10)
	}
	return []htmlMeta{
		{"rxvoice", s.ToolVersion},
		{"lexicon", s.LexiconVersion},
		{"inputs", inputs},
		{"filters", filtersText(s.Filters)},
		{"read", read},
	}
}

func filtersText(f analyze.Filters) string {
	var parts []string
	if len(f.Drug) > 0 {
		parts = append(parts, "drug "+strings.Join(f.Drug, ", "))
	}
	if f.Since != "" {
		parts = append(parts, "since "+f.Since)
	}
	if f.Until != "" {
		parts = append(parts, "until "+f.Until)
	}
	if f.MinCount > 1 {
		parts = append(parts, "min count "+strconv.Itoa(f.MinCount))
	}
	if f.Top > 0 {
		parts = append(parts, "top "+strconv.Itoa(f.Top))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "; ")
}

// listSome joins the first n items and says how many more there are: a report over a
// large corpus can have thousands of inputs.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}

func pluralize(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// htmlTableOf classes the columns: numeric ones (whose non-empty cells are all numbers)
// and the evidence column.
func htmlTableOf(t reportTable) htmlTable {
	class := make([]string, len(t.Header))
	numeric := numericColumns(t.Rows, len(t.Header))
	for i, name := range t.Header {
		switch {
		case name == "evidence":
			class[i] = "evidence"
		case numeric[i] || slices.Contains(t.Days, i):
			class[i] = "num"
		}
	}
	h := htmlTable{Name: t.Name, Title: t.Title}
	if t.Name == "pairs" {
		h.Note = "a, b, c, d: the 2x2 table of adverse reporters (commenters who attribute an adverse symptom to a drug). " +
			"Highlighted rows meet the signal rule of Evans et al. (2001): PRR ≥ 2, chi-square ≥ 4 and a ≥ 3. " +
			"A screen of what commenters write, not a measure of incidence or causation."
	}
	for i, c := range t.Header {
		h.Header = append(h.Header, htmlCell{Text: c, Class: class[i]})
	}
	for k, r := range t.Rows {
		row := htmlRow{Cells: make([]htmlCell, len(r))}
		if k < len(t.Flagged) && t.Flagged[k] {
			row.Class = "signal"
		}
		for i, c := range r {
			cl := ""
			if i < len(class) {
				cl = class[i]
			}
			if t.Name == "pairs" && t.Header[i] == "signal" && c == "yes" {
				cl = "flag"
			}
			row.Cells[i] = textCell(c, cl)
		}
		h.Rows = append(h.Rows, row)
	}
	return h
}

// svgChart is one inline SVG chart, laid out in Go so that the template only places
// shapes (and escapes their labels).
type svgChart struct {
	Class   string // chart-symptoms, chart-heatmap, chart-timeline
	Heading string
	Title   string // the SVG <title>, read out by screen readers
	Desc    string
	Caption string
	Empty   string // when set, the chart has no data and this is said instead
	Width   float64
	Height  float64
	Groups  []svgGroup
}

// svgGroup is a <g>: a bar, a row, an axis. Its title shows as a tooltip.
type svgGroup struct {
	Class string
	Title string
	Items []svgItem
}

// svgItem is a rect, a text or a line.
type svgItem struct {
	Kind       string
	Class      string
	X, Y, W, H float64 // rect
	X2, Y2     float64 // line: from (X, Y) to (X2, Y2)
	Fill       string  // rect: overrides the class's fill
	Text       string
	Anchor     string  // text: start (default), middle, end
	Rotate     float64 // text: degrees about (X, Y)
	Title      string
}

func rectItem(class string, x, y, w, h float64) svgItem {
	return svgItem{Kind: "rect", Class: class, X: x, Y: y, W: w, H: h}
}

func textItem(class string, x, y float64, anchor, s string) svgItem {
	return svgItem{Kind: "text", Class: class, X: x, Y: y, Anchor: anchor, Text: s}
}

func lineItem(class string, x, y, x2, y2 float64) svgItem {
	return svgItem{Kind: "line", Class: class, X: x, Y: y, X2: x2, Y2: y2}
}

// Text is not measured in SVG without a browser; labels are sized on an average glyph
// width and clipped to a rune budget, with the full label in a tooltip.
const (
	svgFontSize = 12.0
	svgGlyphW   = 0.6 * svgFontSize
	svgMaxLabel = 30
)

func textWidth(s string) float64 { return float64(utf8.RuneCountInString(s)) * svgGlyphW }

func clipLabel(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// symptomRole is a column of the symptom chart.
type symptomRole struct {
	Key, Label string
	count      func(analyze.SymptomRow) int
}

var symptomRoles = []symptomRole{
	{"self", "self-reported", func(y analyze.SymptomRow) int { return y.Self }},
	{analyze.RoleAdverse, "adverse", func(y analyze.SymptomRow) int { return y.Adverse }},
	{analyze.RoleWithdrawal, "withdrawal", func(y analyze.SymptomRow) int { return y.Withdrawal }},
	{analyze.RoleIndication, "indication", func(y analyze.SymptomRow) int { return y.Indication }},
	{analyze.RoleOther, "other illness", func(y analyze.SymptomRow) int { return y.Other }},
}

// topSymptoms are the n symptoms most commenters report for themselves (the summary's
// rows come sorted that way).
func topSymptoms(s *analyze.Summary, n int) []analyze.SymptomRow {
	return firstN(s.Symptoms, n, func(y analyze.SymptomRow) bool { return y.Self > 0 })
}

// topDrugs are the n drugs with the most commenters (the summary's rows come sorted that
// way).
func topDrugs(s *analyze.Summary, n int) []analyze.DrugRow {
	return firstN(s.Drugs, n, func(d analyze.DrugRow) bool { return d.Commenters > 0 })
}

// firstN keeps the first n rows that keep accepts.
func firstN[T any](rows []T, n int, keep func(T) bool) []T {
	var out []T
	for _, r := range rows {
		if len(out) == n {
			break
		}
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}

// symptomChart splits each symptom's bar by role: the self-reported total, then one
// panel per role on the same scale. A commenter can report a symptom in two roles (as
// the reason for a drug, and as its withdrawal effect), so the roles are shown side by
// side rather than stacked: stacked, they would add up to more than the total.
func symptomChart(s *analyze.Summary) svgChart {
	ys := topSymptoms(s, 20)
	c := svgChart{
		Class:   "chart-symptoms",
		Heading: "Symptoms",
		Title:   fmt.Sprintf("Top %d symptoms by commenters who report them for themselves, by role", len(ys)),
		Caption: "Commenters who report each symptom for themselves (not negated, not of someone else), " +
			"and those who report it as an adverse effect, a withdrawal effect, the reason for a drug (indication) " +
			"or another illness. One commenter can report a symptom in more than one role.",
	}
	if len(ys) == 0 {
		c.Empty = "No symptoms reported by commenters for themselves."
		return c
	}
	const (
		rowH, barH, top  = 22.0, 14.0, 40.0
		panelW, panelGap = 140.0, 16.0
		numW             = 26.0
		barMax           = panelW - numW
		pad              = 8.0
	)
	labelW := 0.0
	for _, y := range ys {
		labelW = math.Max(labelW, textWidth(clipLabel(y.Concept, svgMaxLabel)))
	}
	labelW += 2 * pad
	most := ys[0].Self
	c.Width = labelW + float64(len(symptomRoles))*(panelW+panelGap)
	c.Height = top + float64(len(ys))*rowH + pad
	c.Desc = fmt.Sprintf("%s, %d commenters: the most self-reported.", ys[0].Concept, most)

	legend := svgGroup{Class: "legend"}
	for k, r := range symptomRoles {
		x := labelW + float64(k)*(panelW+panelGap)
		legend.Items = append(legend.Items,
			rectItem("swatch role-"+r.Key, x, 14, 11, 11),
			textItem("legend-label", x+16, 24, "", r.Label),
			lineItem("axis", x, top-6, x, c.Height-pad/2))
	}
	c.Groups = append(c.Groups, legend)

	for i, y := range ys {
		rowY := top + float64(i)*rowH
		g := svgGroup{Class: "symptom"}
		var tip []string
		if i%2 == 1 {
			g.Items = append(g.Items, rectItem("band", 0, rowY, c.Width, rowH))
		}
		g.Items = append(g.Items, textItem("label", labelW-pad, rowY+rowH/2+4, "end", clipLabel(y.Concept, svgMaxLabel)))
		for k, r := range symptomRoles {
			n := r.count(y)
			tip = append(tip, fmt.Sprintf("%s %d", r.Label, n))
			if n == 0 {
				continue
			}
			x := labelW + float64(k)*(panelW+panelGap)
			w := math.Max(barMax*float64(n)/float64(most), 2)
			g.Items = append(g.Items,
				rectItem("bar role-"+r.Key, x, rowY+(rowH-barH)/2, w, barH),
				textItem("value", x+w+4, rowY+rowH/2+4, "", strconv.Itoa(n)))
		}
		g.Title = fmt.Sprintf("%s: %s (commenters)", y.Concept, strings.Join(tip, ", "))
		c.Groups = append(c.Groups, g)
	}
	return c
}

// heatmapChart shades each drug x symptom cell by the share of the drug's commenters
// who report the symptom about it, and writes those commenters in the cell. Shades are
// relative to the largest share shown, with a key; a blank cell has no pair row (none
// reported, or dropped by --min-count or --top).
func heatmapChart(s *analyze.Summary) svgChart {
	ds := topDrugs(s, 10)
	ys := topSymptoms(s, 15)
	c := svgChart{
		Class:   "chart-heatmap",
		Heading: "Drugs x symptoms",
		Title:   fmt.Sprintf("Heat map of the top %d drugs by the top %d symptoms", len(ds), len(ys)),
		Caption: "Rows: the drugs with the most commenters (their number in brackets). Columns: the symptoms most " +
			"commenters report for themselves. Each cell gives the commenters who report the symptom about the drug; " +
			"its shade is their share of the drug's commenters. A blank cell has no such commenters in the report; " +
			"an outlined cell is a pair that meets the signal rule (see the pairs table).",
	}
	if len(ds) == 0 || len(ys) == 0 {
		c.Empty = "No drugs and symptoms to cross."
		return c
	}
	pairs := map[[2]string]analyze.PairRow{}
	maxShare := 0.0
	for _, p := range s.Pairs {
		pairs[[2]string{p.Drug, p.Symptom}] = p
	}
	for _, d := range ds {
		for _, y := range ys {
			if p, ok := pairs[[2]string{d.Concept, y.Concept}]; ok {
				maxShare = math.Max(maxShare, pairShare(p))
			}
		}
	}
	const (
		cellW, cellH = 46.0, 26.0
		pad          = 8.0
		sin45        = 0.7071
		keyH         = 44.0
	)
	labelW, colLabel := 0.0, 0.0
	drugLabel := func(d analyze.DrugRow) string {
		return fmt.Sprintf("%s (%d)", clipLabel(d.Concept, svgMaxLabel), d.Commenters)
	}
	for _, d := range ds {
		labelW = math.Max(labelW, textWidth(drugLabel(d)))
	}
	for _, y := range ys {
		colLabel = math.Max(colLabel, textWidth(clipLabel(y.Concept, svgMaxLabel)))
	}
	labelW += 2 * pad
	top := colLabel*sin45 + 2*pad
	gridW := float64(len(ys)) * cellW
	c.Width = labelW + gridW + math.Max(colLabel*sin45-cellW/2, 0) + pad
	c.Width = math.Max(c.Width, labelW+300)
	c.Height = top + float64(len(ds))*cellH + keyH

	cols := svgGroup{Class: "columns"}
	for j, y := range ys {
		x := labelW + float64(j)*cellW + cellW/2
		t := textItem("col-label", x, top-pad, "", clipLabel(y.Concept, svgMaxLabel))
		t.Rotate = -45
		t.Title = y.Concept
		cols.Items = append(cols.Items, t)
	}
	c.Groups = append(c.Groups, cols)

	for i, d := range ds {
		rowY := top + float64(i)*cellH
		row := svgGroup{Class: "drug", Title: d.Concept}
		row.Items = append(row.Items, textItem("label", labelW-pad, rowY+cellH/2+4, "end", drugLabel(d)))
		for j, y := range ys {
			x := labelW + float64(j)*cellW
			cell := rectItem("cell cell-empty", x, rowY, cellW, cellH)
			cell.Title = fmt.Sprintf("%s x %s: no commenters", d.Concept, y.Concept)
			p, ok := pairs[[2]string{d.Concept, y.Concept}]
			if !ok {
				row.Items = append(row.Items, cell)
				continue
			}
			share := pairShare(p)
			t := 1.0
			if maxShare > 0 {
				t = share / maxShare
			}
			cell.Class, cell.Fill = "cell", heatShade(t)
			cell.Title = fmt.Sprintf("%s x %s: %d of %d commenters (%s), mostly %s",
				d.Concept, y.Concept, p.Commenters, p.DrugCommenters, sharePercent(share), p.Role)
			if p.Signal {
				cell.Class += " cell-signal"
				cell.Title += fmt.Sprintf("; a signal (PRR %s, chi-square %s)", stat(p.PRR), stat(p.Chi2))
			}
			valueClass := "cell-value"
			if t > 0.55 {
				valueClass += " on-dark"
			}
			row.Items = append(row.Items, cell,
				textItem(valueClass, x+cellW/2, rowY+cellH/2+4, "middle", strconv.Itoa(p.Commenters)))
		}
		c.Groups = append(c.Groups, row)
	}

	key := svgGroup{Class: "legend"}
	keyY := top + float64(len(ds))*cellH + 14
	key.Items = append(key.Items, textItem("legend-label", labelW+5*cellW+pad, keyY+11, "", "share of the drug's commenters"))
	for k := 1; k <= 5; k++ {
		t := float64(k) / 5
		x := labelW + float64(k-1)*cellW
		r := rectItem("swatch", x, keyY, cellW, 14)
		r.Fill = heatShade(t)
		key.Items = append(key.Items, r, textItem("legend-label", x+cellW/2, keyY+28, "middle", sharePercent(t*maxShare)))
	}
	c.Groups = append(c.Groups, key)
	c.Desc = fmt.Sprintf("The largest share shown is %s.", sharePercent(maxShare))
	return c
}

func pairShare(p analyze.PairRow) float64 {
	if p.DrugCommenters == 0 {
		return 0
	}
	return float64(p.Commenters) / float64(p.DrugCommenters)
}

func sharePercent(f float64) string { return strconv.Itoa(int(math.Round(f*100))) + "%" }

// heatShade runs from a pale to a dark blue; t is in [0, 1]. A present pair is never
// as pale as a blank cell.
func heatShade(t float64) string {
	t = 0.12 + 0.88*math.Min(math.Max(t, 0), 1)
	lo, hi := [3]float64{222, 235, 247}, [3]float64{8, 48, 107}
	var rgb [3]int
	for i := range rgb {
		rgb[i] = int(math.Round(lo[i] + (hi[i]-lo[i])*t))
	}
	return fmt.Sprintf("#%02x%02x%02x", rgb[0], rgb[1], rgb[2])
}

// timelineChart draws comments per year, with a slot for every year in the range so
// that gaps show as gaps.
func timelineChart(s *analyze.Summary) svgChart {
	o := s.Overview
	c := svgChart{
		Class:   "chart-timeline",
		Heading: "Comments over time",
		Title:   "Comments per year",
		Caption: "Comments per year of posting.",
	}
	if o.Undated > 0 {
		c.Caption += fmt.Sprintf(" %s without a date are not shown.", pluralize(o.Undated, "comment"))
	}
	perYear := map[int]int{}
	lo, hi, most := 0, 0, 0
	for i, y := range o.PerYear {
		perYear[y.Year] += y.Comments
		if i == 0 || y.Year < lo {
			lo = y.Year
		}
		if i == 0 || y.Year > hi {
			hi = y.Year
		}
	}
	for _, n := range perYear {
		most = max(most, n)
	}
	if len(o.PerYear) == 0 || most == 0 {
		c.Empty = "No dated comments."
		return c
	}
	n := hi - lo + 1
	const (
		plotW, plotH = 720.0, 160.0
		left, top    = 16.0, 22.0
		bottom       = 28.0
	)
	slot := math.Min(math.Max(plotW/float64(n), 8), 56)
	barW := slot * 0.72
	every := int(math.Ceil(36 / slot)) // a year label is about 36px wide
	c.Width = math.Max(left*2+float64(n)*slot, 320)
	c.Height = top + plotH + bottom
	c.Desc = fmt.Sprintf("From %d to %d; at most %d comments in a year.", lo, hi, most)
	base := top + plotH
	c.Groups = append(c.Groups, svgGroup{Class: "axis", Items: []svgItem{lineItem("axis", left/2, base, c.Width-left/2, base)}})
	for k := 0; k < n; k++ {
		year := lo + k
		count := perYear[year]
		x := left + float64(k)*slot + (slot-barW)/2
		g := svgGroup{Class: "year", Title: fmt.Sprintf("%d: %s", year, pluralize(count, "comment"))}
		h := plotH * float64(count) / float64(most)
		if count > 0 {
			g.Items = append(g.Items, rectItem("bar", x, base-h, barW, h))
		}
		if slot >= 16 {
			g.Items = append(g.Items, textItem("value", x+barW/2, base-h-5, "middle", strconv.Itoa(count)))
		}
		if k%every == 0 {
			g.Items = append(g.Items, textItem("label", x+barW/2, base+17, "middle", strconv.Itoa(year)))
		}
		c.Groups = append(c.Groups, g)
	}
	return c
}

// px writes a coordinate with at most one decimal.
func px(f float64) string { return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64) }

var reportHTMLTemplate = template.Must(template.New("report").Funcs(template.FuncMap{"px": px}).Parse(reportHTMLSource))

const reportHTMLSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rxvoice">
<title>{{.Title}}</title>
<style>
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1b1b1b; background: #fff; margin: 0 auto; padding: 24px 24px 48px; max-width: 1240px; }
h1 { font-size: 22px; margin: 0 0 6px; }
h2 { font-size: 17px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid #ddd; }
h2 .rows { font-weight: normal; color: #666; font-size: 13px; margin-left: 6px; }
.meta { color: #444; margin: 0 0 8px; }
.meta span { white-space: nowrap; margin-right: 14px; }
.meta b { color: #1b1b1b; font-weight: 600; margin-right: 4px; }
nav { font-size: 13px; margin-bottom: 8px; }
nav a { color: #0b5cad; margin-right: 12px; text-decoration: none; }
figure { margin: 0 0 24px; break-inside: avoid; page-break-inside: avoid; }
figcaption { color: #555; font-size: 13px; margin-top: 6px; max-width: 900px; }
svg { max-width: 100%; height: auto; display: block; }
svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; fill: #1b1b1b; }
svg .value, svg .legend-label { fill: #444; }
svg .axis { stroke: #bbb; stroke-width: 1; }
svg .band { fill: #f5f6f8; }
svg .bar { fill: #4a6fa5; }
svg .role-self { fill: #4d4d4d; }
svg .role-adverse { fill: #d55e00; }
svg .role-withdrawal { fill: #0072b2; }
svg .role-indication { fill: #009e73; }
svg .role-other { fill: #cc79a7; }
svg .cell { stroke: #fff; stroke-width: 1; }
svg .cell-empty { fill: #f4f4f4; }
svg .cell-signal { stroke: #d55e00; stroke-width: 3; }
svg .cell-value { fill: #1b1b1b; font-size: 11px; }
svg .cell-value.on-dark { fill: #fff; }
.no-data { color: #666; font-style: italic; border: 1px dashed #ccc; padding: 16px; margin: 0; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 12.5px; margin-bottom: 8px; }
th, td { border: 1px solid #d8d8d8; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f0f2f5; font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafbfc; }
td { overflow-wrap: break-word; max-width: 520px; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, .nw { white-space: nowrap; }
td.evidence { overflow-wrap: anywhere; min-width: 16em; font-size: 12px; color: #333; }
p.note { color: #555; font-size: 13px; margin: 0 0 8px; max-width: 900px; }
tbody tr.signal td, tbody tr.signal:nth-child(even) td { background: #fde8d7; }
tbody tr.signal td:first-child { box-shadow: inset 4px 0 0 #d55e00; }
td.flag { color: #8a3300; font-weight: 700; }
td.flag::before { content: "\25B2\00A0"; }
@media print {
  body { padding: 0; max-width: none; font-size: 11px; }
  nav { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .table-wrap { overflow: visible; }
  td, th { overflow-wrap: anywhere; }
  .nw { white-space: normal; }
  td.evidence { min-width: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
}
</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
<p class="meta">{{range .Meta}}<span><b>{{.Label}}</b>{{.Value}}</span> {{end}}</p>
<nav><a href="#charts">Charts</a>{{range .Tables}}<a href="#table-{{.Name}}">{{.Title}}</a>{{end}}</nav>
</header>
<main>
<section id="charts">
{{range .Charts}}{{template "chart" .}}{{end}}</section>
{{range .Tables}}<section id="table-{{.Name}}">
<h2>{{.Title}}<span class="rows">{{len .Rows}} rows</span></h2>
{{with .Note}}<p class="note">{{.}}</p>
{{end}}<div class="table-wrap"><table class="table-{{.Name}}">
<thead><tr>{{range .Header}}<th{{with .Class}} class="{{.}}"{{end}}>{{.Text}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr{{with .Class}} class="{{.}}"{{end}}>{{range .Cells}}<td{{with .Class}} class="{{.}}"{{end}}>{{with .Parts}}{{range $i, $p := .}}{{if $i}}; {{end}}{{if $p.Keep}}<span class="nw">{{$p.Text}}</span>{{else}}{{$p.Text}}{{end}}{{end}}{{else}}{{.Text}}{{end}}</td>{{end}}</tr>
{{end}}</tbody>
</table></div>
</section>
{{end}}</main>
</body>
</html>
{{define "chart"}}<h2>{{.Heading}}</h2>
<figure class="chart {{.Class}}">
{{if .Empty}}<p class="no-data">{{.Empty}}</p>
{{else}}<svg class="{{.Class}}" width="{{px .Width}}" height="{{px .Height}}" viewBox="0 0 {{px .Width}} {{px .Height}}" role="img" aria-labelledby="{{.Class}}-title {{.Class}}-desc">
<title id="{{.Class}}-title">{{.Title}}</title>
<desc id="{{.Class}}-desc">{{.Desc}}</desc>
{{range .Groups}}<g class="{{.Class}}">{{with .Title}}<title>{{.}}</title>{{end}}
{{range .Items}}{{template "item" .}}{{end}}</g>
{{end}}</svg>
{{end}}<figcaption>{{.Caption}}</figcaption>
</figure>
{{end}}
{{define "item"}}{{if eq .Kind "rect"}}<rect class="{{.Class}}" x="{{px .X}}" y="{{px .Y}}" width="{{px .W}}" height="{{px .H}}"{{with .Fill}} fill="{{.}}"{{end}}>{{with .Title}}<title>{{.}}</title>{{end}}</rect>
{{else if eq .Kind "line"}}<line class="{{.Class}}" x1="{{px .X}}" y1="{{px .Y}}" x2="{{px .X2}}" y2="{{px .Y2}}"/>
{{else}}<text class="{{.Class}}" x="{{px .X}}" y="{{px .Y}}"{{with .Anchor}} text-anchor="{{.}}"{{end}}{{if .Rotate}} transform="rotate({{px .Rotate}} {{px .X}} {{px .Y}})"{{end}}>{{with .Title}}<title>{{.}}</title>{{end}}{{.Text}}</text>
{{end}}{{end}}`
