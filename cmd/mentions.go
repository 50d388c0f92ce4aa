package cmd

import (
	"strconv"
	"strings"

	"github.com/rxvoice/rxvoice/analyze"
	"github.com/rxvoice/rxvoice/corpus"
	"github.com/spf13/cobra"
)

// mentionsOptions are the flags of `rxvoice mentions`.
type mentionsOptions struct {
	inputOptions
	Format   string
	Concepts []string
	Types    []string
}

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
	Term      string `json:"term"`
	Fuzzy     int    `json:"fuzzy"`
	Corrected string `json:"corrected"`
}

var mentionHeader = []string{"source", "comment", "author", "posted", "type", "text", "start", "end",
	"sentence", "concept", "class", "category", "term", "fuzzy", "corrected"}

// Cells implements Row.
func (r MentionRecord) Cells() []string {
	return []string{r.Source, intOrEmpty(r.Comment), r.Author, r.Posted, r.Type, r.Text,
		strconv.Itoa(r.Start), strconv.Itoa(r.End), r.Sentence, r.Concept, r.Class, r.Category,
		r.Term, strconv.Itoa(r.Fuzzy), r.Corrected}
}

// mentionTableRow is the narrower row the terminal table shows.
type mentionTableRow struct{ MentionRecord }

var mentionTableHeader = []string{"comment", "author", "type", "text", "concept", "class/category", "sentence"}

func (r mentionTableRow) Cells() []string {
	cat := r.Class
	if cat == "" {
		cat = r.Category
	}
	return []string{intOrEmpty(r.Comment), r.Author, r.Type, r.Text, r.Concept, cat, r.Sentence}
}

func mentionRecord(m *analyze.Mention) MentionRecord {
	p := m.Section.Page
	r := MentionRecord{Source: p.Source, Type: m.Type, Text: m.Text, Start: m.Start, End: m.End,
		Sentence: m.Sentence, Concept: m.Concept, Class: m.Class, Category: m.Category,
		Term: m.Term, Fuzzy: m.Fuzzy, Corrected: m.Corrected}
	if c := m.Section.Comment; c != nil {
		idx := c.Index
		r.Comment, r.Author, r.Posted = &idx, c.Author, postedISO(c)
	}
	return r
}

var mentionTypes = []string{analyze.TypeDrug, analyze.TypeSymptom}

func newMentionsCmd(streams *IO, vocab *vocabOptions) *cobra.Command {
	opts := &mentionsOptions{}
	c := &cobra.Command{
		Use:   "mentions [inputs...]",
		Short: "List every drug and symptom mentioned, with the sentence it is in",
		Long: `List one record per mention of a drug or a symptom in the article and the comments
of each page: the exact text, its byte offsets in the section's text (as printed by
"rxvoice comments"; file offsets for a plain text file), the sentence, and the concept
it maps to (a drug's generic name and class, a symptom's canonical name and body system).
Misspellings are matched ("klonapin" -> clonazepam); fuzzy and corrected say so.`,
		Example: `  $ rxvoice mentions --type drug --format csv testdata/klonopin-immune-comments.txt | head -3
  source,comment,author,posted,type,text,start,end,sentence,concept,class,category,term,fuzzy,corrected
  testdata/klonopin-immune-comments.txt,,,,drug,benzodiazepines,4,19,The benzodiazepines are a class of drugs ...
  $ rxvoice mentions --concept clonazepam --format jsonl pages/`,
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			for _, t := range opts.Types {
				if t != analyze.TypeDrug && t != analyze.TypeSymptom {
					return usagef("unknown type %q (want %s)", t, strings.Join(mentionTypes, ", "))
				}
			}
			m, err := vocab.load()
			if err != nil {
				return err
			}
			return runMentions(streams, opts, analyze.New(m), args)
		},
	}
	c.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table, csv, json, jsonl")
	c.Flags().StringSliceVar(&opts.Concepts, "concept", nil, "only mentions of these concepts (generic or canonical `NAME`s, comma-separated)")
	c.Flags().StringSliceVar(&opts.Types, "type", nil, "only mentions of these types: drug, symptom")
	c.RegisterFlagCompletionFunc("format", formatCompletion)
	c.RegisterFlagCompletionFunc("type", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return mentionTypes, cobra.ShellCompDirectiveNoFileComp
	})
	opts.addFlags(c)
	return c
}

func runMentions(streams *IO, opts *mentionsOptions, a *analyze.Analyzer, args []string) error {
	header := mentionHeader
	table := opts.Format == "table"
	if table {
		header = mentionTableHeader
	}
	w, err := newRecordWriter(opts.Format, streams, header)
	if err != nil {
		return err
	}
	concepts := map[string]bool{}
	for _, c := range opts.Concepts {
		concepts[strings.ToLower(strings.TrimSpace(c))] = true
	}
	types := map[string]bool{}
	for _, t := range opts.Types {
		types[t] = true
	}
	readErr := eachPage(streams, args, opts.inputOptions, func(p *corpus.Page) error {
		for _, m := range a.Page(p) {
			if len(concepts) > 0 && !concepts[m.Concept] || len(types) > 0 && !types[m.Type] {
				continue
			}
			r := mentionRecord(&m)
			var row Row = r
			if table {
				row = mentionTableRow{r}
			}
			if err := w.Write(row); err != nil {
				return err
			}
		}
		return nil
	})
	if err := w.Close(); err != nil {
		return err
	}
	return readErr
}
