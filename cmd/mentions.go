package cmd

import (
	"math"
	"runtime"
	"strconv"
	"strings"

	"github.com/rxvoice/rxvoice/analyze"
	"github.com/rxvoice/rxvoice/corpus"
	"github.com/spf13/cobra"
)

// mentionsOptions are the flags of `rxvoice mentions`.
type mentionsOptions struct {
	inputOptions
	outputOptions
	Concepts []string
	Types    []string
	Sections bool
	Jobs     int
	Out      string // --out: the folder --format brat writes to
	Color    string // --color: auto, always, never
}

var colorModes = []string{"auto", "always", "never"}

// useColor says whether the terminal view is painted: --color always, or auto on a
// terminal when NO_COLOR is not set.
func (o *mentionsOptions) useColor(streams *IO) bool {
	return o.Color == "always" || o.Color == "auto" && streams.IsTTY && !streams.NoColor
}

// mentionFormats are the --format values of mentions: the record formats and brat.
var mentionFormats = append(append([]string(nil), formats...), "brat")

// MentionRecord is one mention as `mentions` prints it. The JSON names are a contract.
type MentionRecord struct {
	Source    string `json:"source"`
	Comment   *int   `json:"comment"`
	Author    string `json:"author"`
	Posted    string `json:"posted"`
	Type      string `json:"type"`
	Text      string `json:"text"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Sentence  string `json:"sentence"`
	Concept   string `json:"concept"`
	Class     string `json:"class"`
	Category  string `json:"category"`
	IsClass   bool   `json:"is_class"` // drugs: a drug class ("benzos"), not one drug
	Term      string `json:"term"`
	Fuzzy     int    `json:"fuzzy"`
	Corrected string `json:"corrected"`

	Negated     *bool  `json:"negated"`     // symptoms
	Experiencer string `json:"experiencer"` // symptoms and drugs: self or other
	Certainty   string `json:"certainty"`   // symptoms: reported or hypothetical
	Role        string `json:"role"`        // symptoms: adverse, indication, withdrawal, other
	Severity    string `json:"severity"`    // symptoms: mild, moderate, severe as worded; "" when not said
	Core        string `json:"core"`        // symptoms: the words matched, when text takes in more
	Drug        string `json:"drug"`        // symptoms, doses, frequencies, durations: the drug it belongs to
	DrugVia     string `json:"drug_via"`    // clause, sentence, comment or page
	Status      string `json:"status"`      // drugs: current, stopped, tapering, planned

	Value     *float64 `json:"value"`     // doses
	MaxValue  *float64 `json:"max_value"` // doses given as a range
	Unit      string   `json:"unit"`      // doses: mg, mcg, ml, pill, ...
	PerDay    *float64 `json:"per_day"`   // frequencies: doses per day (0 for as needed)
	Frequency string   `json:"frequency"` // frequencies: normalized ("2/day", "as needed")
	Days      *float64 `json:"days"`      // durations, in days
	MinDays   *float64 `json:"min_days"`
	MaxDays   *float64 `json:"max_days"`
	ISO       string   `json:"iso"` // durations: ISO 8601 (P10Y)
	Ago       bool     `json:"ago"` // durations: "years ago", a point in the past
}

var mentionHeader = []string{"source", "comment", "author", "posted", "type", "text", "start", "end",
	"sentence", "concept", "class", "category", "is_class", "term", "fuzzy", "corrected",
	"negated", "experiencer", "certainty", "role", "severity", "core", "drug", "drug_via", "status",
	"value", "max_value", "unit", "per_day", "frequency", "days", "min_days", "max_days", "iso", "ago"}

// Cells implements Row.
func (r MentionRecord) Cells() []string {
	return []string{r.Source, intOrEmpty(r.Comment), r.Author, r.Posted, r.Type, r.Text,
		strconv.Itoa(r.Start), strconv.Itoa(r.End), r.Sentence, r.Concept, r.Class, r.Category,
		strconv.FormatBool(r.IsClass), r.Term, strconv.Itoa(r.Fuzzy), r.Corrected,
		boolCell(r.Negated), r.Experiencer, r.Certainty, r.Role, r.Severity, r.Core, r.Drug, r.DrugVia, r.Status,
		floatCell(r.Value), floatCell(r.MaxValue), r.Unit, floatCell(r.PerDay), r.Frequency,
		floatCell(r.Days), floatCell(r.MinDays), floatCell(r.MaxDays), r.ISO, strconv.FormatBool(r.Ago)}
}

func boolCell(b *bool) string {
	if b == nil {
		return ""
	}
	return strconv.FormatBool(*b)
}

func floatCell(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// rounded keeps a figure to 4 decimals, so output is stable and readable.
func rounded(v float64) *float64 {
	r := round4(v)
	return &r
}

func round4(v float64) float64 { return math.Round(v*10000) / 10000 }

// mentionTableRow is the narrower row of the table, and a line of the terminal view.
type mentionTableRow struct {
	MentionRecord
	At int // where Text starts in Sentence, in bytes (-1: not known)
}

var mentionTableHeader = []string{"comment", "author", "type", "text", "concept", "class/category", "context", "sentence"}

func (r mentionTableRow) Cells() []string {
	cat := r.Class
	if cat == "" {
		cat = r.Category
	}
	return []string{intOrEmpty(r.Comment), r.Author, r.Type, r.Text, r.Concept, cat, r.contextCell(), r.Sentence}
}

// contextCell sums up a mention's context in a few words for the table.
func (r mentionTableRow) contextCell() string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	switch r.Type {
	case "symptom", "effect":
		add(r.Role)
		add(r.Severity)
		if r.Negated != nil && *r.Negated {
			add("negated")
		}
		if r.Experiencer == "other" {
			add("other person")
		}
		if r.Certainty == "hypothetical" {
			add("hypothetical")
		}
	case "drug":
		add(r.Status)
		if r.Experiencer == "other" {
			add("other person")
		}
	case "dose":
		add(floatCell(r.Value) + " " + r.Unit)
	case "frequency":
		add(r.Frequency)
	case "duration":
		if r.Days != nil {
			d := humanDays(*r.Days)
			if r.Ago {
				d += " ago"
			}
			add(d)
		}
	}
	if r.Drug != "" {
		add("drug: " + r.Drug)
	}
	return strings.Join(parts, ", ")
}

// mentionRecord is the record of m; sec is the record of its section (sectionRecord),
// whose source and comment fields all of the section's mentions share.
func mentionRecord(sec *MentionRecord, m *analyze.Mention) MentionRecord {
	var r MentionRecord
	fillMentionRecord(&r, sec, m, nil)
	return r
}

// recordBuffer is one mention record reused for every mention, with the values its
// pointer fields point to, for writers that are done with a record when Write returns
// (JSON, CSV): writing a mention then allocates nothing.
type recordBuffer struct {
	rec  MentionRecord
	figs figures
}

// figures holds a record's negated flag and numbers.
type figures struct {
	negated bool
	value   [6]float64
}

// Where each number of a record is kept in figures.
const (
	figValue = iota
	figMaxValue
	figPerDay
	figDays
	figMinDays
	figMaxDays
)

// number returns v rounded, kept in f's slot i, or in a new variable when f is nil.
func (f *figures) number(i int, v float64) *float64 {
	if f == nil {
		return rounded(v)
	}
	f.value[i] = round4(v)
	return &f.value[i]
}

// fillMentionRecord sets every field of r to the record of m; the negated flag and the
// numbers are kept in figs (nil: in new variables, for a record that outlives the call).
func fillMentionRecord(r *MentionRecord, sec *MentionRecord, m *analyze.Mention, figs *figures) {
	*r = MentionRecord{Source: sec.Source, Comment: sec.Comment, Author: sec.Author, Posted: sec.Posted,
		Type: m.Type, Text: m.Text, Start: m.Start, End: m.End,
		Sentence: m.Sentence, Concept: m.Concept, Class: m.Class, Category: m.Category,
		IsClass: m.IsClass, Term: m.Term, Fuzzy: m.Fuzzy, Corrected: m.Corrected}
	r.Experiencer, r.Drug, r.DrugVia, r.Status = m.Experiencer, m.Drug, m.DrugVia, m.Status
	if m.Type == analyze.TypeSymptom || m.Type == analyze.TypeEffect {
		var neg *bool
		if figs != nil {
			figs.negated = m.Negated
			neg = &figs.negated
		} else {
			v := m.Negated
			neg = &v
		}
		r.Negated, r.Certainty, r.Role, r.Severity, r.Core = neg, m.Certainty, m.Role, m.Severity, m.Core
	}
	if d := m.Dose; d != nil {
		r.Value, r.Unit = figs.number(figValue, d.Value), d.Unit
		if d.MaxValue != d.Value {
			r.MaxValue = figs.number(figMaxValue, d.MaxValue)
		}
	}
	if f := m.Frequency; f != nil {
		r.PerDay, r.Frequency = figs.number(figPerDay, f.PerDay), f.Label
	}
	if d := m.Duration; d != nil {
		r.Days, r.ISO, r.Ago = figs.number(figDays, d.Days), d.ISO, d.Ago
		r.MinDays, r.MaxDays = figs.number(figMinDays, d.MinDays), figs.number(figMaxDays, d.MaxDays)
	}
}

var mentionTypes = analyze.Types

func newMentionsCmd(streams *IO, vocab *vocabOptions) *cobra.Command {
	opts := &mentionsOptions{}
	c := &cobra.Command{
		Use:   "mentions [inputs...]",
		Short: "List every drug and symptom mentioned, with the sentence it is in",
		Long: `List one record per mention of a drug or a symptom in the article and the comments
of each page: the exact text, its byte offsets in the section's text (as printed by
"rxvoice comments"; file offsets for a plain text file), the sentence, and the concept
it maps to (a drug's generic name and class, a symptom's canonical name and body system).
Misspellings are matched ("klonapin" -> clonazepam); fuzzy and corrected say so.

--format brat --out DIR writes brat standoff for each input: DIR/NAME.ann, where NAME
is the input's file name less .txt ("post.txt" -> post.ann, "page.html" -> page.html.ann),
(one T line per mention in code points, as brat and INCEpTION count; attributes Role,
Negated, Experiencer, Certainty, Severity, Status; a note with the concept and drug)
and DIR/NAME.txt, the text the offsets count in, plus DIR/annotation.conf when there is
none. For plain text and pages of text, NAME.txt is the input's text and the offsets are
the input file's. For HTML, JSON, JSON Lines and standard input (and a page of text
whose comments were rebuilt from the file), NAME.txt is the text rxvoice read: the
article and each comment, in page order, separated by a blank line. Correct the
annotations in brat or INCEpTION and score rxvoice against them with "rxvoice eval DIR".`,
		Example: `  $ rxvoice mentions --type drug testdata/pages/matcher-cases.txt | head -3
   comment  author             type  text        concept       class/category  context  sentence
   0        sleepless_in_ohio  drug  klonapin    clonazepam    benzodiazepine  stopped  I was on klonapin and then Klonipin for years, ...
   0        sleepless_in_ohio  drug  Klonipin    clonazepam    benzodiazepine  stopped  I was on klonapin and then Klonipin for years, ...
  $ rxvoice mentions --concept Klonopin --format jsonl pages/ > clonazepam.jsonl
  $ rxvoice mentions --format brat --out annotated/ posts/`,
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkOneOf("format", opts.Format, mentionFormats); err != nil {
				return err
			}
			if err := checkOneOf("color", opts.Color, colorModes); err != nil {
				return err
			}
			if (opts.Format == "brat") != (opts.Out != "") {
				return usagef("--format brat writes files into the folder given with --out, and --out is only for brat")
			}
			if opts.Format == "brat" && len(opts.Fields) > 0 {
				return usagef("--fields goes with table, csv, json and jsonl, not brat")
			}
			if _, err := fieldIndexes(opts.Fields, mentionHeader); err != nil {
				return err
			}
			for _, t := range opts.Types {
				if err := checkOneOf("type", t, mentionTypes); err != nil {
					return err
				}
			}
			m, err := vocab.load()
			if err != nil {
				return err
			}
			return runMentions(streams, opts, analyze.New(m), args)
		},
	}
	c.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(mentionFormats, ", "))
	opts.addOutputFlags(c)
	opts.addFieldsFlag(c, mentionHeader)
	c.Flags().StringVar(&opts.Color, "color", "auto", "highlight mentions on a terminal: auto (unless NO_COLOR is set), always (also when piped, for less -R), never")
	c.RegisterFlagCompletionFunc("color", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return colorModes, cobra.ShellCompDirectiveNoFileComp
	})
	c.Flags().StringVar(&opts.Out, "out", "", "with --format brat: the `DIR` to write NAME.ann and NAME.txt into, for each input")
	c.Flags().StringSliceVar(&opts.Concepts, "concept", nil, "only mentions of these concepts (`NAME`s: a generic or canonical name, or any term of it)")
	c.Flags().StringSliceVar(&opts.Types, "type", nil, "only mentions of these types: "+strings.Join(mentionTypes, ", "))
	c.Flags().IntVar(&opts.Jobs, "jobs", runtime.NumCPU(), "pages analyzed in parallel (output order does not change)")
	c.Flags().BoolVar(&opts.Sections, "sections", false, `also write a record of type "section" for each article and comment, before its mentions (for report --from-mentions)`)
	c.RegisterFlagCompletionFunc("format", formatCompletion)
	c.RegisterFlagCompletionFunc("type", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return mentionTypes, cobra.ShellCompDirectiveNoFileComp
	})
	c.MarkFlagDirname("out")
	opts.addFlags(c)
	return c
}

func runMentions(streams *IO, opts *mentionsOptions, a *analyze.Analyzer, args []string) error {
	if opts.Format == "brat" {
		return runMentionsBrat(streams, opts, a, args)
	}
	header := mentionHeader
	table := opts.Format == "table"
	if table {
		header = mentionTableHeader
	}
	var w RecordWriter
	var grep *grepWriter
	color := opts.useColor(streams)
	if len(opts.Fields) > 0 {
		// The chosen fields of the whole record, in any format.
		table = false
		var err error
		if w, err = newFieldsWriter(opts.outputOptions, streams, mentionHeader); err != nil {
			return err
		}
	} else if table && (streams.IsTTY || color) {
		// The terminal view; with --color always also when piped (into less -R), then
		// whole, as with --wide.
		grep = newGrepWriter(streams.Out, streams.Width, streams.IsTTY && !opts.Wide, color)
		w = grep
	} else {
		var err error
		if w, err = newRecordWriter(opts.outputOptions, streams, header, tableView{}); err != nil {
			return err
		}
	}
	keep := mentionFilter(a, opts)
	var buf recordBuffer
	readErr := analyzePages(streams, args, opts.inputOptions, opts.Jobs, a, func(c *pageChunk) error {
		ms, k := c.mentions, 0
		for i := c.from; i < c.to; i++ {
			sec := c.section(i)
			head := sectionRecord(sec)
			if opts.Sections {
				if err := w.Write(head); err != nil {
					return err
				}
			}
			for ; k < len(ms) && ms[k].Section.Comment == sec.Comment; k++ {
				m := &ms[k]
				if !keep(m) {
					continue
				}
				if err := w.Write(mentionRow(&buf, &head, m, table)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err := w.Close(); err != nil {
		return err
	}
	if grep != nil {
		noteCompact(streams, grep.Cut, 0)
	}
	return readErr
}

// sectionRecord marks the start of an article or comment in a --sections stream.
func sectionRecord(s corpus.Section) MentionRecord {
	r := MentionRecord{Source: s.Page.Source, Type: "section"}
	if c := s.Comment; c != nil {
		idx := c.Index
		r.Comment, r.Author, r.Posted = &idx, c.Author, postedISO(c)
	}
	return r
}

// mentionRow is the row of m: a table's keeps its own record (the table and the
// terminal view hold their rows until the end); the others are buf's record, rewritten
// for each mention.
func mentionRow(buf *recordBuffer, sec *MentionRecord, m *analyze.Mention, table bool) Row {
	if table {
		return mentionTableRow{mentionRecord(sec, m), sentenceOffset(m)}
	}
	fillMentionRecord(&buf.rec, sec, m, &buf.figs)
	return &buf.rec
}

// sentenceOffset is where m's text starts in its sentence, in bytes, or -1.
func sentenceOffset(m *analyze.Mention) int {
	text := m.Section.Text()
	if m.Sentence == "" || m.End > len(text) {
		return -1
	}
	// The sentence is a span of the section's text around the mention.
	for from := max(m.End-len(m.Sentence), 0); from <= m.Start; {
		i := strings.Index(text[from:], m.Sentence)
		if i < 0 {
			break
		}
		if at := from + i; at <= m.Start && at+len(m.Sentence) >= m.End {
			return m.Start - at
		}
		from += i + 1
	}
	return strings.Index(m.Sentence, m.Text)
}

// mentionFilter is --concept and --type: whether a mention is written.
func mentionFilter(a *analyze.Analyzer, opts *mentionsOptions) func(*analyze.Mention) bool {
	concepts := map[string]bool{}
	for _, c := range conceptNames(a.Matcher(), opts.Concepts) {
		concepts[c] = true
	}
	types := map[string]bool{}
	for _, t := range opts.Types {
		types[t] = true
	}
	return func(m *analyze.Mention) bool {
		return (len(concepts) == 0 || concepts[m.Concept]) && (len(types) == 0 || types[m.Type])
	}
}

// runMentionsBrat writes each input's mentions as brat standoff into opts.Out.
func runMentionsBrat(streams *IO, opts *mentionsOptions, a *analyze.Analyzer, args []string) error {
	if err := checkBratNames(args); err != nil {
		return err
	}
	w, err := newBratWriter(streams, opts.Out)
	if err != nil {
		return err
	}
	keep := mentionFilter(a, opts)
	var kept []analyze.Mention // the page's, over its chunks: a brat file is written whole
	readErr := analyzePages(streams, args, opts.inputOptions, opts.Jobs, a, func(c *pageChunk) error {
		for i := range c.mentions {
			if keep(&c.mentions[i]) {
				kept = append(kept, c.mentions[i])
			}
		}
		if !c.last() {
			return nil
		}
		page := kept
		kept = nil
		return w.Add(c.page, page)
	})
	if err := w.Close(); err != nil {
		return err
	}
	return readErr
}
