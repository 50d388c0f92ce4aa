package cmd

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/rxvoice/rxvoice/analyze"
	"github.com/spf13/cobra"
)

// reportOptions are the flags of `rxvoice report`.
type reportOptions struct {
	inputOptions
	Format       string
	Table        string
	Out          string
	Drugs        []string
	Since, Until string
	MinCount     int
	Top          int
	Evidence     bool
	EvidenceMax  int
	Wide         bool
	CSVRaw       bool
	BOM          bool
	FromMentions string
	Jobs         int
	Inputs       []string
}

var reportFormats = []string{"table", "csv", "json", "markdown", "html"}

func newReportCmd(streams *IO, vocab *vocabOptions) *cobra.Command {
	opts := &reportOptions{}
	c := &cobra.Command{
		Use:   "report [inputs...]",
		Short: "Summarize drugs, symptoms and drug x symptom pairs over pages",
		Long: `Summarize what commenters report over one page or thousands: an overview, the drugs
(mentions, commenters, forms seen, status, duration of use, doses), the symptoms (commenters
who report them for themselves, split by role, plus negated and other-person counts, and the
drugs they are attributed to), and drug x symptom pairs. Counts are of commenters unless
said otherwise; --evidence adds the comments and sentences behind each row.

Pages are analyzed in parallel; output is the same whatever the number of jobs.
--from-mentions builds the same report from a saved "mentions --sections --format jsonl"
stream, so a large corpus can be tagged in shards and summarized once.`,
		Example: `  rxvoice report testdata/klonopin-immune-comments.txt
  rxvoice report --format html pages/ > report.html
  rxvoice report --format csv --table symptoms --evidence pages/
  rxvoice report --format csv --out tables/ pages/
  rxvoice mentions --sections --format jsonl pages/ | rxvoice report --from-mentions -`,
		RunE: func(c *cobra.Command, args []string) error {
			if err := opts.check(); err != nil {
				return err
			}
			opts.Inputs = args
			if opts.FromMentions == "" && len(args) == 0 {
				return usagef("no inputs: give files, directories, or - for standard input (or --from-mentions FILE)")
			}
			return runReport(streams, vocab, opts)
		},
	}
	f := c.Flags()
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(reportFormats, ", "))
	f.StringVar(&opts.Table, "table", "", "with csv: one table only ("+strings.Join(reportTableNames, ", ")+")")
	f.StringVar(&opts.Out, "out", "", "with csv: write one CSV file per table into `DIR`")
	f.StringSliceVar(&opts.Drugs, "drug", nil, "only comments that mention these drugs (any name: generic, brand, misspelled)")
	f.StringVar(&opts.Since, "since", "", "only comments posted on or after `DATE` (YYYY-MM-DD)")
	f.StringVar(&opts.Until, "until", "", "only comments posted before `DATE` (YYYY-MM-DD)")
	f.IntVar(&opts.MinCount, "min-count", 1, "drop rows with fewer commenters than `N`")
	f.IntVar(&opts.Top, "top", 0, "at most `N` rows per table (0: all)")
	f.BoolVar(&opts.Evidence, "evidence", false, "add the comments and sentences behind each row")
	f.IntVar(&opts.EvidenceMax, "evidence-max", 5, "with --evidence: at most `N` comments per row")
	f.BoolVar(&opts.CSVRaw, "csv-raw", false, csvRawHelp)
	addWideFlag(c, &opts.Wide)
	f.BoolVar(&opts.BOM, "bom", false, "start CSV output with a UTF-8 byte order mark (for Excel)")
	f.StringVar(&opts.FromMentions, "from-mentions", "", "build the report from a mentions jsonl `FILE` (- for standard input)")
	f.IntVar(&opts.Jobs, "jobs", runtime.NumCPU(), "pages analyzed in parallel")
	c.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return reportFormats, cobra.ShellCompDirectiveNoFileComp
	})
	c.RegisterFlagCompletionFunc("table", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return reportTableNames, cobra.ShellCompDirectiveNoFileComp
	})
	opts.addFlags(c)
	return c
}

func (o *reportOptions) check() error {
	if err := checkOneOf("format", o.Format, reportFormats); err != nil {
		return err
	}
	if o.Table != "" {
		if err := checkOneOf("table", o.Table, reportTableNames); err != nil {
			return err
		}
	}
	if (o.Table != "" || o.Out != "") && o.Format != "csv" {
		return usagef("--table and --out go with --format csv")
	}
	if o.Table != "" && o.Out != "" {
		return usagef("give --table or --out, not both")
	}
	for _, d := range []string{o.Since, o.Until} {
		if d != "" {
			if _, err := time.Parse("2006-01-02", d); err != nil {
				return usagef("bad date %q (want YYYY-MM-DD)", d)
			}
		}
	}
	if o.MinCount < 0 || o.Top < 0 || o.EvidenceMax < 1 {
		return usagef("--min-count and --top cannot be negative, --evidence-max must be at least 1")
	}
	return nil
}

func (o *reportOptions) summaryOptions() analyze.SummaryOptions {
	so := analyze.SummaryOptions{Drugs: o.Drugs, MinCount: o.MinCount, Top: o.Top,
		KeepPosts: o.Table == "comments" || o.Out != "" || o.Format == "json" && o.Evidence}
	if o.Evidence {
		so.Evidence = o.EvidenceMax
	}
	so.Since, _ = time.Parse("2006-01-02", o.Since)
	so.Until, _ = time.Parse("2006-01-02", o.Until)
	return so
}

func runReport(streams *IO, vocab *vocabOptions, opts *reportOptions) error {
	m, err := vocab.load()
	if err != nil {
		return err
	}
	opts.Drugs = conceptNames(m, opts.Drugs)
	sum := analyze.NewSummarizer(opts.summaryOptions())
	var readErr error
	if opts.FromMentions != "" {
		readErr = readMentionsStream(streams, opts.FromMentions, sum)
	} else {
		readErr = analyzePages(streams, opts.Inputs, opts.inputOptions, opts.Jobs, analyze.New(m), func(c *pageChunk) error {
			for _, post := range postsOf(c) {
				sum.Add(&post)
			}
			return nil
		})
	}
	if _, ok := readErr.(*inputError); readErr != nil && !ok {
		return readErr
	}
	s := sum.Summary()
	s.ToolVersion = Version()
	s.LexiconVersion = m.Lexicon().Version
	s.Inputs = opts.Inputs
	if opts.FromMentions != "" {
		s.Inputs = []string{"mentions:" + opts.FromMentions}
	}
	s.Filters = analyze.Filters{Drug: opts.Drugs, Since: opts.Since, Until: opts.Until, MinCount: opts.MinCount, Top: opts.Top}
	if err := writeReport(streams, s, opts); err != nil {
		return err
	}
	return readErr
}

// writeReport is the factory of report writers, one file per format.
func writeReport(streams *IO, s *analyze.Summary, opts *reportOptions) error {
	switch opts.Format {
	case "json":
		return writeReportJSON(streams.Out, s)
	case "csv":
		return writeReportCSV(streams, s, opts)
	case "markdown":
		return writeReportMarkdown(streams.Out, s, opts.Evidence)
	case "html":
		return writeReportHTML(streams.Out, s, opts.Evidence)
	}
	return writeReportTable(streams, s, opts.Evidence, opts.Wide)
}

// postsOf groups a chunk's mentions by comment: the posts a report counts are the
// comments, and the article of a page that has no comments (a forum post or plain text).
// A post's mentions are a part of the chunk's, not a copy.
func postsOf(c *pageChunk) []analyze.Post {
	p, ms := c.page, c.mentions
	if len(p.Comments) == 0 {
		return []analyze.Post{{Source: p.Source, Mentions: ms}}
	}
	var posts []analyze.Post
	k := 0
	for i := max(c.from, 1); i < c.to; i++ {
		cm := &p.Comments[i-1]
		for k < len(ms) && ms[k].Section.Comment == nil {
			k++ // the article's, not counted on a page with comments
		}
		from := k
		for k < len(ms) && ms[k].Section.Comment == cm {
			k++
		}
		idx := cm.Index
		posts = append(posts, analyze.Post{Source: p.Source, Author: cm.Author, Comment: &idx, Posted: cm.Posted, Mentions: ms[from:k:k]})
	}
	return posts
}

// readMentionsStream reads a mentions jsonl stream (with the section records of
// "mentions --sections") into the summarizer, one post per section, in the order the
// direct run adds them: a page's comments, or its article when it has no comments.
func readMentionsStream(streams *IO, name string, sum *analyze.Summarizer) error {
	var in io.Reader
	if name == "-" {
		in = streams.In
	} else {
		f, err := os.Open(name)
		if err != nil {
			return &usageError{fmt.Errorf("--from-mentions: %w", err)}
		}
		defer f.Close()
		in = f
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var (
		post        *analyze.Post // the section being read
		postKey     string
		page        string        // the page being read
		article     *analyze.Post // its article, added only if the page has no comments
		hasComments bool
		sections    bool
		line, bad   int
	)
	endPost := func() {
		if post != nil && post.Comment != nil {
			sum.Add(post)
		}
		post = nil
	}
	endPage := func() {
		endPost()
		if article != nil && !hasComments {
			sum.Add(article)
		}
		article, hasComments = nil, false
	}
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		var r MentionRecord
		if err := json.Unmarshal(b, &r); err != nil {
			bad++
			fmt.Fprintf(streams.ErrOut, "rxvoice: warning: %s:%d: not a mention record: %v\n", name, line, err)
			continue
		}
		if r.Source != page {
			endPage()
			page = r.Source
		}
		if key := intOrEmpty(r.Comment); post == nil || key != postKey {
			endPost()
			posted, _ := time.Parse("2006-01-02T15:04:05", r.Posted)
			post, postKey = &analyze.Post{Source: r.Source, Author: r.Author, Comment: r.Comment, Posted: posted}, key
			if r.Comment == nil {
				if article == nil {
					article = post
				} else {
					post = article // the article's records resume
				}
			} else {
				hasComments = true
			}
		}
		if r.Type == "section" {
			sections = true
			continue
		}
		post.Mentions = append(post.Mentions, mentionFromRecord(&r))
	}
	endPage()
	if err := sc.Err(); err != nil {
		return fmt.Errorf("--from-mentions: %s: %w", name, err)
	}
	if !sections {
		fmt.Fprintf(streams.ErrOut, "rxvoice: warning: %s has no section records: comments without mentions are not counted (write it with mentions --sections)\n", name)
	}
	if bad > 0 {
		return &inputError{failed: bad, total: line}
	}
	return nil
}

// mentionFromRecord turns a saved mention back into what the summarizer reads.
func mentionFromRecord(r *MentionRecord) analyze.Mention {
	m := analyze.Mention{Type: r.Type, Text: r.Text, Start: r.Start, End: r.End, Sentence: r.Sentence,
		Concept: r.Concept, Class: r.Class, Category: r.Category, Term: r.Term,
		Experiencer: r.Experiencer, Certainty: r.Certainty, Role: r.Role, Severity: r.Severity, Core: r.Core, Drug: r.Drug,
		DrugVia: r.DrugVia, Status: r.Status, IsClass: r.IsClass}
	if r.Negated != nil {
		m.Negated = *r.Negated
	}
	switch r.Type {
	case analyze.TypeDose:
		if r.Value != nil {
			d := &analyze.Dose{Value: *r.Value, MaxValue: *r.Value, Unit: r.Unit}
			if r.MaxValue != nil {
				d.MaxValue = *r.MaxValue
			}
			m.Dose = d
		}
	case analyze.TypeDuration:
		if r.Days != nil {
			d := &analyze.Duration{Days: *r.Days, MinDays: *r.Days, MaxDays: *r.Days, ISO: r.ISO, Ago: r.Ago}
			if r.MinDays != nil {
				d.MinDays = *r.MinDays
			}
			if r.MaxDays != nil {
				d.MaxDays = *r.MaxDays
			}
			m.Duration = d
		}
	case analyze.TypeFrequency:
		if r.PerDay != nil {
			m.Frequency = &analyze.Frequency{PerDay: *r.PerDay, Label: r.Frequency}
		}
	}
	return m
}
