package cmd

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rxvoice/rxvoice/analyze"
)

// reportTable is one table of a report, flattened to text cells. The table, csv,
// markdown and html writers all draw these, so the formats agree cell for cell; json
// writes the Summary itself.
type reportTable struct {
	Name   string // overview, drugs, symptoms, pairs, comments: the --table names
	Title  string
	Header []string
	Rows   [][]string
	// Each, when set, gives more rows after Rows, one at a time: the comments table, one
	// row per comment read, is not held (only the CSV writer reads it).
	Each func(fn func([]string) error) error
	// Brief lists the columns the compact terminal table shows, in order (nil: all),
	// with their headers there (BriefLabels; "": the header); --wide and the other
	// formats show every column.
	Brief       []int
	BriefLabels []string
	// Days are the columns of lengths of time in days: tables, Markdown and HTML write
	// them for people ("7.5 y", see human), CSV and JSON keep the days.
	Days []int
	// Flagged marks the rows the html report highlights: the pairs that meet the signal
	// rule (nil: none).
	Flagged []bool
}

// reportTableNames lists the --table values in report order.
var reportTableNames = []string{"overview", "drugs", "symptoms", "pairs", "comments"}

// reportTables flattens a summary. With evidence, each row gets an evidence column:
// the comments (source#index) and sentences behind it. With stream, the comments table
// gives its rows through Each, for a writer that takes them one at a time.
func reportTables(s *analyze.Summary, evidence, stream bool) []reportTable {
	o := s.Overview
	years := make([]string, 0, len(o.PerYear))
	for _, y := range o.PerYear {
		years = append(years, fmt.Sprintf("%d: %d", y.Year, y.Comments))
	}
	overview := reportTable{Name: "overview", Title: "Overview", Header: []string{"measure", "value"},
		Rows: [][]string{
			{"pages", strconv.Itoa(o.Pages)},
			{"comments", strconv.Itoa(o.Comments)},
			{"commenters", strconv.Itoa(o.Commenters)},
			{"first comment", o.First},
			{"last comment", o.Last},
			{"undated comments", strconv.Itoa(o.Undated)},
			{"mentions", strconv.Itoa(o.Mentions)},
			{"comments per year", strings.Join(years, "; ")},
		}}

	drugs := reportTable{Name: "drugs", Title: "Drugs",
		Header:      []string{"drug", "class", "mentions", "comments", "commenters", "forms seen", "status (commenters)", "duration n", "duration median days", "duration min days", "duration max days", "doses"},
		Brief:       []int{0, 4, 6, 8, 11, 1, 5},
		BriefLabels: []string{"", "", "status", "median use", "", "", ""},
		Days:        []int{8, 9, 10}}
	for _, d := range s.Drugs {
		row := []string{d.Concept, d.Class, strconv.Itoa(d.Mentions), strconv.Itoa(d.Comments),
			strconv.Itoa(d.Commenters), counts(d.Surfaces), counts(d.Status)}
		if d.Duration.N > 0 {
			row = append(row, strconv.Itoa(d.Duration.N), num(d.Duration.Median), num(d.Duration.Min), num(d.Duration.Max))
		} else {
			row = append(row, "0", "", "", "")
		}
		row = append(row, counts(d.Doses))
		drugs.Rows = append(drugs.Rows, withEvidence(row, d.Evidence, evidence))
	}

	symptoms := reportTable{Name: "symptoms", Title: "Symptoms (commenters)",
		Header:      []string{"symptom", "body system", "self-reported", "adverse", "withdrawal", "indication", "other illness", "negated", "other person", "mentions", "severity", "drugs most attributed to"},
		Brief:       []int{0, 2, 3, 4, 5, 11},
		BriefLabels: []string{"", "self", "", "", "", "drugs"}}
	for _, y := range s.Symptoms {
		row := []string{y.Concept, y.System, strconv.Itoa(y.Self), strconv.Itoa(y.Adverse),
			strconv.Itoa(y.Withdrawal), strconv.Itoa(y.Indication), strconv.Itoa(y.Other),
			strconv.Itoa(y.Negated), strconv.Itoa(y.OtherPerson), strconv.Itoa(y.Mentions), counts(y.Severity), counts(y.Drugs)}
		symptoms.Rows = append(symptoms.Rows, withEvidence(row, y.Evidence, evidence))
	}

	pairs := reportTable{Name: "pairs", Title: "Drug x symptom (commenters)",
		Header: []string{"drug", "symptom", "role", "commenters", "drug commenters", "share",
			"a", "b", "c", "d", "PRR", "PRR 95% low", "PRR 95% high", "ROR", "ROR 95% low", "ROR 95% high", "chi2", "signal"},
		Brief:       []int{0, 1, 2, 3, 4, 5, 10, 17},
		BriefLabels: []string{"", "", "", "n", "drug n", "", "", ""}}
	for _, p := range s.Pairs {
		row := []string{p.Drug, p.Symptom, p.Role, strconv.Itoa(p.Commenters), strconv.Itoa(p.DrugCommenters),
			strconv.FormatFloat(p.Share, 'f', 3, 64),
			strconv.Itoa(p.A), strconv.Itoa(p.B), strconv.Itoa(p.C), strconv.Itoa(p.D),
			stat(p.PRR), stat(p.PRRLow), stat(p.PRRHigh), stat(p.ROR), stat(p.RORLow), stat(p.RORHigh), stat(p.Chi2),
			yesNo(p.Signal)}
		pairs.Rows = append(pairs.Rows, withEvidence(row, p.Evidence, evidence))
		pairs.Flagged = append(pairs.Flagged, p.Signal)
	}

	comments := reportTable{Name: "comments", Title: "Comments",
		Header: []string{"source", "comment", "author", "posted", "drugs", "symptoms"}}
	comments.Each = func(fn func([]string) error) error {
		return s.EachComment(func(c analyze.CommentRow) error {
			return fn([]string{c.Source, intOrEmpty(c.Comment), c.Author, c.Posted,
				strings.Join(c.Drugs, "; "), strings.Join(c.Symptoms, "; ")})
		})
	}
	if !stream { // the writers of whole documents take rows
		comments.Each(func(r []string) error {
			comments.Rows = append(comments.Rows, r)
			return nil
		})
		comments.Each = nil
	}
	if evidence {
		for _, t := range []*reportTable{&drugs, &symptoms, &pairs} {
			t.Header = append(t.Header, "evidence")
			if t.Brief != nil {
				t.Brief = append(t.Brief, len(t.Header)-1)
				t.BriefLabels = append(t.BriefLabels, "")
			}
		}
	}
	return []reportTable{overview, drugs, symptoms, pairs, comments}
}

func withEvidence(row []string, ev []analyze.Evidence, on bool) []string {
	if !on {
		return row
	}
	parts := make([]string, 0, len(ev))
	for _, e := range ev {
		parts = append(parts, fmt.Sprintf("%s#%s: %s", e.Source, intOrEmpty(e.Comment), e.Sentence))
	}
	return append(row, strings.Join(parts, " | "))
}

// counts writes a tally as "a (3); b (1)".
func counts(cs []analyze.Count) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%s (%d)", c.Label, c.Count))
	}
	return strings.Join(parts, "; ")
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// stat writes a statistic with 3 decimals; an undefined one is an empty cell.
func stat(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', 3, 64)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// view is what the table shows on a terminal.
func (t reportTable) view(wide bool) tableView {
	return tableView{Wide: wide, Cols: t.Brief, Labels: t.BriefLabels}
}

// human returns the table with its Days columns written for people ("7.5 y") and " days"
// taken out of their headers.
func (t reportTable) human() reportTable {
	if len(t.Days) == 0 {
		return t
	}
	h := t
	h.Header = append([]string(nil), t.Header...)
	h.Rows = make([][]string, len(t.Rows))
	for _, i := range t.Days {
		h.Header[i] = strings.TrimSuffix(h.Header[i], " days")
	}
	for k, r := range t.Rows {
		r = append([]string(nil), r...)
		for _, i := range t.Days {
			if d, err := strconv.ParseFloat(r[i], 64); err == nil {
				r[i] = humanDays(d)
			}
		}
		h.Rows[k] = r
	}
	return h
}
