package cmd

import (
	"strconv"

	"github.com/rxvoice/rxvoice/corpus"
	"github.com/spf13/cobra"
)

// commentsOptions are the flags of `rxvoice comments`.
type commentsOptions struct {
	inputOptions
	outputOptions
}

// CommentRecord is one section of a page as `comments` prints it: the article
// (Comment == nil) or one comment. The JSON names are a contract.
type CommentRecord struct {
	Source    string `json:"source"`
	Comment   *int   `json:"comment"`
	Author    string `json:"author"`
	Posted    string `json:"posted"`
	PostedRaw string `json:"posted_raw"`
	Parent    *int   `json:"parent"`
	Text      string `json:"text"`
}

var commentHeader = []string{"source", "comment", "author", "posted", "posted_raw", "parent", "text"}

// Cells implements Row.
func (r CommentRecord) Cells() []string {
	return []string{r.Source, intOrEmpty(r.Comment), r.Author, r.Posted, r.PostedRaw, intOrEmpty(r.Parent), r.Text}
}

func intOrEmpty(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// postedISO formats a posted time as ISO 8601 local time, empty when unknown.
func postedISO(c *corpus.Comment) string {
	if c == nil || c.Posted.IsZero() {
		return ""
	}
	return c.Posted.Format("2006-01-02T15:04:05")
}

// commentRecords lists a page's sections.
func commentRecords(p *corpus.Page) []CommentRecord {
	out := make([]CommentRecord, 0, len(p.Comments)+1)
	for _, s := range p.Sections() {
		r := CommentRecord{Source: p.Source, Text: s.Text()}
		if c := s.Comment; c != nil {
			idx := c.Index
			r.Comment = &idx
			r.Author, r.Posted, r.PostedRaw = c.Author, postedISO(c), c.PostedRaw
			if c.Parent >= 0 {
				parent := c.Parent
				r.Parent = &parent
			}
		}
		out = append(out, r)
	}
	return out
}

func newCommentsCmd(streams *IO) *cobra.Command {
	opts := &commentsOptions{}
	c := &cobra.Command{
		Use:   "comments [inputs...]",
		Short: "Print the article and each comment of the pages read",
		Long: `Print one record per section of each page: the article (comment empty or null)
and each comment in page order, with its author, the time it was posted (ISO 8601 local
time, empty when unknown), the date as written, the comment it replies to, and its text.

Inputs are files, directories (read recursively in sorted order) and - for standard
input. Formats are detected from the extension and content: saved page text, HTML, JSON,
JSON Lines (including this command's own jsonl output) and plain text.`,
		Example: `  $ rxvoice comments --format csv testdata/klonopin-immune-comments.txt | head -3
  source,comment,author,posted,posted_raw,parent,text
  testdata/klonopin-immune-comments.txt,,,,,,"The benzodiazepines are a class of drugs ...
  testdata/klonopin-immune-comments.txt,0,amy,2014-04-09T00:45:00,"April 9th, 2014 at 12:45 AM",,I have been taking klonapin for ten years ...`,
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			return runComments(streams, opts, args)
		},
	}
	c.Flags().StringVarP(&opts.Format, "format", "f", "table", formatHelp)
	opts.addOutputFlags(c)
	opts.addFieldsFlag(c, commentHeader)
	c.RegisterFlagCompletionFunc("format", formatCompletion)
	opts.addFlags(c)
	return c
}

func formatCompletion(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return formats, cobra.ShellCompDirectiveNoFileComp
}

func runComments(streams *IO, opts *commentsOptions, args []string) error {
	// On a terminal: each page's name over its comments, then the comment's number,
	// author, time and text.
	var w RecordWriter
	var err error
	if len(opts.Fields) > 0 {
		w, err = newFieldsWriter(opts.outputOptions, streams, commentHeader)
	} else {
		w, err = newRecordWriter(opts.outputOptions, streams, commentHeader,
			tableView{Cols: []int{1, 2, 3, 6}, Group: 0, HasGroup: true})
	}
	if err != nil {
		return err
	}
	readErr := eachPage(streams, args, opts.inputOptions, func(p *corpus.Page) error {
		for _, r := range commentRecords(p) {
			if err := w.Write(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err := w.Close(); err != nil {
		return err
	}
	noteWriter(streams, w)
	return readErr
}
