package corpus

import (
	"fmt"
	"time"
)

// Format is how an input is laid out.
type Format string

// The input formats rxvoice reads.
const (
	FormatAuto     Format = "auto"
	FormatPageText Format = "text"  // saved page text: article, then comment blocks
	FormatHTML     Format = "html"  // a saved web page
	FormatJSON     Format = "json"  // a JSON array (or object with a comments array) of records
	FormatJSONL    Format = "jsonl" // one JSON record per line
	FormatPlain    Format = "plain" // no comment structure: the whole file is the article
)

// Formats lists the formats accepted by --input-format, auto first.
var Formats = []Format{FormatAuto, FormatPageText, FormatHTML, FormatJSON, FormatJSONL, FormatPlain}

// ParseFormat checks a --input-format value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown input format %q (want auto, text, html, json, jsonl, plain)", s)
}

// Page is one input document: an article followed by its comments.
type Page struct {
	Source   string // the path as given (or "-" for stdin)
	Format   Format // the detected or forced format
	Title    string // the page title, when there is one
	Article  string // the article's text; for plain text, the file's content byte for byte
	Comments []Comment
	Warnings []Warning // what could not be fully parsed, with where
	Layout   string    // how the page was read: the reader, the markup or header template, why
}

// Comment is one reader comment or forum post.
type Comment struct {
	Index     int       // 0-based, page order
	ID        string    // the page's own id for the comment, when it has one
	Author    string    // as written; empty when unknown
	Posted    time.Time // local time as written on the page; zero when unknown
	PostedRaw string    // the date as written
	Parent    int       // index of the comment this replies to, -1 when none or unknown
	Text      string
}

// Warning is a problem that did not stop a page from being read.
type Warning struct {
	Line    int // 1-based line in the input, 0 when not known
	Message string
}

// Section is the article (Comment == nil) or one comment of a page: the unit that
// mentions are found in, and whose text offsets refer to.
type Section struct {
	Page    *Page
	Comment *Comment // nil for the article
}

// Text is the section's text.
func (s Section) Text() string {
	if s.Comment == nil {
		return s.Page.Article
	}
	return s.Comment.Text
}

// Sections lists the article then each comment in page order.
func (p *Page) Sections() []Section {
	out := make([]Section, 0, len(p.Comments)+1)
	out = append(out, Section{Page: p})
	for i := range p.Comments {
		out = append(out, Section{Page: p, Comment: &p.Comments[i]})
	}
	return out
}

// Error is an input that could not be read at all. It carries the file and, when
// known, the line.
type Error struct {
	Source string
	Line   int
	Err    error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("corpus: %s:%d: %v", e.Source, e.Line, e.Err)
	}
	return fmt.Sprintf("corpus: %s: %v", e.Source, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }
