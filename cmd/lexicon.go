package cmd

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rxvoice/rxvoice/lexicon"
	"github.com/spf13/cobra"
)

func newLexiconCmd(streams *IO, vocab *vocabOptions) *cobra.Command {
	c := &cobra.Command{
		Use:   "lexicon",
		Short: "Inspect, check and export the vocabulary of drugs and symptoms",
		Long: `The vocabulary is embedded in rxvoice and can be extended with --lexicon FILE
(TSV, the format of lexicon/FORMAT.md).`,
		Example: `  rxvoice lexicon stats
  rxvoice lexicon lookup klonapin
  rxvoice lexicon check my-terms.tsv
  rxvoice lexicon export --format csv > vocabulary.csv`,
	}
	c.AddCommand(newLexiconStatsCmd(streams, vocab), newLexiconLookupCmd(streams, vocab),
		newLexiconCheckCmd(streams), newLexiconExportCmd(streams, vocab))
	return c
}

// writeVocab checks the format against valid, then loads the vocabulary and writes the
// rows that build makes of it.
func writeVocab(streams *IO, vocab *vocabOptions, out outputOptions, valid, header []string, build func(*lexicon.Matcher) []Row) error {
	if err := checkOneOf("format", out.Format, valid); err != nil {
		return err
	}
	m, err := vocab.load()
	if err != nil {
		return err
	}
	return writeAll(out, streams, header, build(m))
}

type statsRow struct {
	Kind     string `json:"kind"`
	Category string `json:"category"`
	Concepts int    `json:"concepts"`
	Terms    int    `json:"terms"`
}

func (r statsRow) Cells() []string {
	return []string{r.Kind, r.Category, strconv.Itoa(r.Concepts), strconv.Itoa(r.Terms)}
}

func newLexiconStatsCmd(streams *IO, vocab *vocabOptions) *cobra.Command {
	out := outputOptions{Format: "table"}
	c := &cobra.Command{
		Use:   "stats",
		Short: "Count concepts and terms by kind and class or body system",
		Example: `  $ rxvoice lexicon stats --format csv | head -3
  kind,category,concepts,terms
  drug,ALL,2306,13767
  symptom,ALL,1282,18954`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			return writeVocab(streams, vocab, out, formats, []string{"kind", "category", "concepts", "terms"}, statsRows)
		},
	}
	c.Flags().StringVarP(&out.Format, "format", "f", "table", formatHelp)
	out.addOutputFlags(c)
	return c
}

// statsRows are the totals of each kind, then the counts by class or body system.
func statsRows(m *lexicon.Matcher) []Row {
	var rows []Row
	total := map[lexicon.Kind]*statsRow{}
	var detail []Row
	for _, s := range m.Lexicon().Stats() {
		t := total[s.Kind]
		if t == nil {
			t = &statsRow{Kind: string(s.Kind), Category: "ALL"}
			total[s.Kind] = t
		}
		t.Concepts += s.Concepts
		t.Terms += s.Terms
		detail = append(detail, statsRow{string(s.Kind), s.Category, s.Concepts, s.Terms})
	}
	for _, k := range []lexicon.Kind{lexicon.Drug, lexicon.Symptom} {
		if t := total[k]; t != nil {
			rows = append(rows, *t)
		}
	}
	return append(rows, detail...)
}

type lookupRow struct {
	Query     string `json:"query"`
	Text      string `json:"text"`
	Kind      string `json:"kind"`
	Concept   string `json:"concept"`
	Category  string `json:"category"`
	Term      string `json:"term"`
	Fuzzy     int    `json:"fuzzy"`
	Corrected string `json:"corrected"`
	Defined   string `json:"defined"`
}

func (r lookupRow) Cells() []string {
	return []string{r.Query, r.Text, r.Kind, r.Concept, r.Category, r.Term, strconv.Itoa(r.Fuzzy), r.Corrected, r.Defined}
}

func newLexiconLookupCmd(streams *IO, vocab *vocabOptions) *cobra.Command {
	out := outputOptions{Format: "table"}
	c := &cobra.Command{
		Use:   "lookup TERM...",
		Short: "Show what a word or phrase maps to, fuzzy matches included",
		Example: `  $ rxvoice lexicon lookup klonapin "my heart was racing" liptor
  query                text              kind     concept       category        term            fuzzy  corrected        defined
  klonapin             klonapin          drug     clonazepam    benzodiazepine  klonapin        0                       lexicon/data/drugs_neuro.tsv:121
  my heart was racing  heart was racing  symptom  palpitations  cardiovascular  heart ... race  0                       lexicon/data/symptoms_body.tsv:380
  liptor               liptor            drug     atorvastatin  statin          lipitor         1      liptor->lipitor  lexicon/data/drugs_body.tsv:172`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			header := []string{"query", "text", "kind", "concept", "category", "term", "fuzzy", "corrected", "defined"}
			return writeVocab(streams, vocab, out, formats, header, func(m *lexicon.Matcher) []Row {
				var rows []Row
				for _, q := range args {
					found := m.Match(q)
					if len(found) == 0 {
						fmt.Fprintf(streams.ErrOut, "rxvoice: %q matches no term\n", q)
					}
					for _, x := range found {
						rows = append(rows, lookupRow{Query: q, Text: q[x.Start:x.End], Kind: string(x.Concept.Kind),
							Concept: x.Concept.Name, Category: x.Concept.Category, Term: x.Term.Text,
							Fuzzy: x.Fuzzy, Corrected: x.Corrected, Defined: x.Term.Pos.String()})
					}
				}
				return rows
			})
		},
	}
	c.Flags().StringVarP(&out.Format, "format", "f", "table", formatHelp)
	out.addOutputFlags(c)
	return c
}

func newLexiconCheckCmd(streams *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE...",
		Short: "Validate user lexicon files against the format and the embedded vocabulary",
		Example: `  $ rxvoice lexicon check street-names.tsv
  street-names.tsv: ok (0 new concepts, 3588 in all)`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			failed := 0
			for _, f := range args {
				lx, err := lexicon.Default()
				if err != nil {
					return err
				}
				before := len(lx.Concepts)
				if err := lx.AddFile(f); err != nil {
					fmt.Fprintln(streams.ErrOut, err)
					failed++
					continue
				}
				fmt.Fprintf(streams.Out, "%s: ok (%d new concepts, %d in all)\n", f, len(lx.Concepts)-before, len(lx.Concepts))
			}
			if failed > 0 {
				return &inputError{failed: failed, total: len(args)}
			}
			return nil
		},
	}
}

type exportRow struct {
	Kind          string `json:"kind"`
	Concept       string `json:"concept"`
	Category      string `json:"category"`
	Level         string `json:"level,omitempty"`
	Term          string `json:"term"`
	CaseSensitive bool   `json:"case_sensitive"`
	Defined       string `json:"defined"`
}

func (r exportRow) Cells() []string {
	return []string{r.Kind, r.Concept, r.Category, r.Level, r.Term, strconv.FormatBool(r.CaseSensitive), r.Defined}
}

// exportFormats are the --format values of lexicon export (it has no table).
var exportFormats = []string{"jsonl", "csv", "json"}

func newLexiconExportCmd(streams *IO, vocab *vocabOptions) *cobra.Command {
	out := outputOptions{Format: "jsonl"}
	c := &cobra.Command{
		Use:   "export",
		Short: "Write the compiled vocabulary, one row per term",
		Example: `  $ rxvoice lexicon export --format csv | head -2
  kind,concept,category,level,term,case_sensitive,defined
  drug,metoprolol,beta blocker,drug,metoprolol,false,lexicon/data/drugs_body.tsv:3`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			return writeVocab(streams, vocab, out, exportFormats, []string{"kind", "concept", "category", "level", "term", "case_sensitive", "defined"}, exportRows)
		},
	}
	c.Flags().StringVarP(&out.Format, "format", "f", "jsonl", "output format: "+strings.Join(exportFormats, ", "))
	out.addOutputFlags(c)
	return c
}

// exportRows are the compiled vocabulary's terms, one row each.
func exportRows(m *lexicon.Matcher) []Row {
	var rows []Row
	for _, cn := range m.Lexicon().Concepts {
		level := ""
		if cn.Kind == lexicon.Drug {
			level = "drug"
			if cn.IsClass {
				level = "class"
			}
		}
		for _, t := range cn.Terms {
			rows = append(rows, exportRow{string(cn.Kind), cn.Name, cn.Category, level, t.Text, t.CaseSensitive, t.Pos.String()})
		}
	}
	return rows
}
