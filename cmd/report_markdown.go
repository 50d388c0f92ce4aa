package cmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/rxvoice/rxvoice/analyze"
)

// writeReportMarkdown writes the report as GitHub-flavoured Markdown tables, to paste
// into a paper's notes or an issue.
func writeReportMarkdown(w io.Writer, s *analyze.Summary, evidence bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# rxvoice report\n\n")
	fmt.Fprintf(&b, "rxvoice %s, lexicon %s; inputs: %s\n", s.ToolVersion, s.LexiconVersion, mdEscape(strings.Join(s.Inputs, ", ")))
	for _, t := range reportTables(s, evidence, false) {
		if t.Name == "comments" && len(t.Rows) == 0 {
			continue
		}
		t = t.human()
		fmt.Fprintf(&b, "\n## %s\n\n", t.Title)
		b.WriteString("|")
		for _, h := range t.Header {
			b.WriteString(" " + mdEscape(h) + " |")
		}
		b.WriteString("\n|")
		for range t.Header {
			b.WriteString("---|")
		}
		b.WriteString("\n")
		for _, r := range t.Rows {
			b.WriteString("|")
			for _, c := range r {
				b.WriteString(" " + mdEscape(c) + " |")
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var mdEscaper = strings.NewReplacer("|", "\\|", "\n", " ", "\r", " ", "<", "&lt;", ">", "&gt;", "*", "\\*", "_", "\\_", "`", "\\`")

func mdEscape(s string) string { return mdEscaper.Replace(s) }
