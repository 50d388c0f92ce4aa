package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func readTestJSON(t *testing.T, name string, lines bool) []*Page {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../testdata/pages", name))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := parseJSON(name, string(data), lines)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func TestJSONGolden(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines bool
	}{{"comments.json", false}, {"comments.jsonl", true}} {
		t.Run(tc.name, func(t *testing.T) {
			pages := readTestJSON(t, tc.name, tc.lines)
			for _, p := range pages {
				checkStructure(t, p)
			}
			checkGolden(t, tc.name, pageJSON(t, pages))
		})
	}
}

func TestJSONTestPages(t *testing.T) {
	t.Run("comments.json", func(t *testing.T) {
		pages := readTestJSON(t, "comments.json", false)
		if len(pages) != 1 {
			t.Fatalf("%d pages, want 1", len(pages))
		}
		p := pages[0]
		if p.Format != FormatJSON || p.Title != "Gabapentin for nerve pain: your experiences" || !strings.HasPrefix(p.Article, "Gabapentin (Neurontin)") {
			t.Errorf("page %q %q %.30q", p.Format, p.Title, p.Article)
		}
		checkComments(t, p, []wantComment{
			{"walt_in_tucson", "2020-11-02T16:20", "2020-11-02T16:20:00-07:00", -1, "300 mg three times"},
			{"Bea R.", "2020-11-03T09:05", "Nov 3, 2020 at 9:05 am", 0, "The fog lifted"}, // parent by numeric id
			{"Sunil", "2020-11-04T22:47", "2020-11-04 22:47", -1, "Didn't help"},
			{"walt_in_tucson", "", "a week ago", 2, ""}, // parent by string id; no text
			{"", "2020-11-11T00:00", "1605052800", -1, "Make sure you taper"},
		})
		if len(p.Warnings) != 1 || p.Warnings[0].Line != 25 {
			t.Errorf("warnings %+v, want one at line 25", p.Warnings)
		}
	})
	t.Run("comments.jsonl", func(t *testing.T) {
		pages := readTestJSON(t, "comments.jsonl", true)
		var sources []string
		for _, p := range pages {
			sources = append(sources, p.Source)
		}
		if got := strings.Join(sources, " "); got != "pages/lisinopril-cough.html pages/atorvastatin.txt comments.jsonl" {
			t.Fatalf("sources %s", got)
		}
		p := pages[0]
		if !strings.HasPrefix(p.Article, "Why does lisinopril") {
			t.Errorf("article %q", p.Article)
		}
		checkComments(t, p, []wantComment{
			{"Marty", "2014-04-09T00:45", "April 9th, 2014 at 12:45 AM", -1, "Had the cough"},
			{"joan", "2014-04-10T07:30", "04/10/2014 7:30 am", 0, "Same!"},
			{"", "", "3 days ago", -1, "Is it safe"},
			{"Marty", "", "", 2, "Don't stop"},
		})
		// The broken line 7 is reported on the page being read, naming the input file.
		if len(p.Warnings) != 1 || !strings.HasPrefix(p.Warnings[0].Message, "comments.jsonl:7: ") {
			t.Errorf("warnings %+v", p.Warnings)
		}
		if len(pages[1].Comments) != 2 || pages[1].Comments[1].Parent != 0 || len(pages[2].Comments) != 1 {
			t.Errorf("pages %+v %+v", pages[1], pages[2])
		}
	})
}

// commentRecord is a record as `rxvoice comments --format jsonl` writes it.
type commentRecord struct {
	Source    string `json:"source"`
	Comment   *int   `json:"comment"`
	Author    string `json:"author"`
	Posted    string `json:"posted"`
	PostedRaw string `json:"posted_raw"`
	Parent    *int   `json:"parent"`
	Text      string `json:"text"`
}

func writeRecords(t *testing.T, pages []*Page) []commentRecord {
	t.Helper()
	var out []commentRecord
	for _, p := range pages {
		for _, s := range p.Sections() {
			r := commentRecord{Source: p.Source, Text: s.Text()}
			if c := s.Comment; c != nil {
				idx := c.Index
				r.Comment = &idx
				r.Author, r.PostedRaw = c.Author, c.PostedRaw
				if !c.Posted.IsZero() {
					r.Posted = c.Posted.Format("2006-01-02T15:04:05")
				}
				if c.Parent >= 0 {
					parent := c.Parent
					r.Parent = &parent
				}
			}
			out = append(out, r)
		}
	}
	return out
}

// Reading back what rxvoice writes gives the same pages.
func TestJSONRoundTrip(t *testing.T) {
	var pages []*Page
	for _, name := range []string{"wordpress.html", "schema-microdata.html", "jsonld.html"} {
		pages = append(pages, readTestHTML(t, name))
	}
	pages = append(pages, readTestJSON(t, "comments.json", false)...)
	pages = append(pages, readTestJSON(t, "comments.jsonl", true)...)
	pages = append(pages, &Page{Source: "empty.txt", Article: ""},
		&Page{Source: "with \"quotes\" and ünïcode.txt", Article: "  keeps\n\nspaces  ", Comments: []Comment{
			{Index: 0, Author: " spaced ", Text: "a\r\nb", Parent: -1},
			{Index: 1, Parent: 0, Text: "reply"},
			{Index: 2, Parent: 0, Text: "another reply", PostedRaw: "yesterday"},
		}})
	records := writeRecords(t, pages)

	var jsonl bytes.Buffer
	enc := json.NewEncoder(&jsonl)
	for _, r := range records {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	array, err := json.MarshalIndent(records, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		text  string
		lines bool
	}{{"jsonl", jsonl.String(), true}, {"json array", string(array), false}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseJSON("out."+tc.name, tc.text, tc.lines)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(pages) {
				t.Fatalf("%d pages, want %d", len(got), len(pages))
			}
			for i, want := range pages {
				g := got[i]
				if g.Source != want.Source || g.Article != want.Article || len(g.Comments) != len(want.Comments) {
					t.Errorf("page %d: %q %.30q %d comments, want %q %.30q %d", i, g.Source, g.Article, len(g.Comments),
						want.Source, want.Article, len(want.Comments))
					continue
				}
				for j, wc := range want.Comments {
					gc := g.Comments[j]
					if gc.Index != wc.Index || gc.Author != wc.Author || !gc.Posted.Equal(wc.Posted) ||
						gc.PostedRaw != wc.PostedRaw || gc.Parent != wc.Parent || gc.Text != wc.Text {
						t.Errorf("%s comment %d:\n got %+v\nwant %+v", want.Source, j, gc, wc)
					}
				}
				// Only what the input lost may be warned about: comments without text.
				for _, w := range g.Warnings {
					if !strings.Contains(w.Message, "empty text") {
						t.Errorf("%s: unexpected warning %+v", want.Source, w)
					}
				}
			}
		})
	}
}

func TestJSONRecords(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		lines    bool
		want     []wantComment
		article  string
		warnings []string // each "line: text it contains"
	}{
		{
			name:  "array of plain records",
			in:    `[{"text":"a","author":"x","posted":"2020-01-02T03:04:05+05:00"},{"text":"b","date":"Jan 3, 2020","parent":0}]`,
			want:  []wantComment{{"x", "2020-01-02T03:04", "2020-01-02T03:04:05+05:00", -1, "a"}, {"", "2020-01-03T00:00", "Jan 3, 2020", 0, "b"}},
			lines: false,
		},
		{
			name: "object with comments and text as the article",
			in:   `{"text":"The article.","comments":[{"text":"c"}]}`,
			want: []wantComment{{"", "", "", -1, "c"}}, article: "The article.",
		},
		{
			name: "a single record",
			in:   `{"text":"only one","author":"z"}`,
			want: []wantComment{{"z", "", "", -1, "only one"}},
		},
		{
			name:  "parents by id, string and number, and by index",
			in:    "{\"id\":\"a1\",\"text\":\"1\"}\n{\"id\":7,\"text\":\"2\",\"parent\":\"a1\"}\n{\"text\":\"3\",\"parent\":7}\n{\"text\":\"4\",\"parent\":\"7\"}\n",
			lines: true,
			want:  []wantComment{{"", "", "", -1, "1"}, {"", "", "", 0, "2"}, {"", "", "", 1, "3"}, {"", "", "", 1, "4"}},
		},
		{
			name:     "parent that is not earlier",
			in:       "{\"text\":\"1\",\"parent\":1}\n{\"text\":\"2\",\"parent\":\"nope\"}\n",
			lines:    true,
			want:     []wantComment{{"", "", "", -1, "1"}, {"", "", "", -1, "2"}},
			warnings: []string{"1: does not come before", "2: not a comment on this page"},
		},
		{
			name:     "bad lines are reported and skipped",
			in:       "{\"text\":\"1\"}\n\n{oops}\n[1]\n   \n{\"text\":\"2\"}\r\n{\"author\":\"q\"}\n",
			lines:    true,
			want:     []wantComment{{"", "", "", -1, "1"}, {"", "", "", -1, "2"}, {"q", "", "", -1, ""}},
			warnings: []string{"3: not a JSON record", "4: not a JSON object", "7: no \"text\""},
		},
		{
			name:     "bad first line is kept for the first page",
			in:       "nope\n{\"text\":\"1\"}\n",
			lines:    true,
			want:     []wantComment{{"", "", "", -1, "1"}},
			warnings: []string{"1: not a JSON record"},
		},
		{
			name:     "unreadable date",
			in:       `[{"text":"t","posted":"sometime in spring"}]`,
			want:     []wantComment{{"", "", "sometime in spring", -1, "t"}},
			warnings: []string{"1: cannot read the date"},
		},
		{
			name:     "array that breaks off keeps what was read",
			in:       "[\n{\"text\":\"1\"},\n{\"text\":\"2\"},\n{\"text\":",
			want:     []wantComment{{"", "", "", -1, "1"}, {"", "", "", -1, "2"}},
			warnings: []string{"4: JSON breaks off"},
		},
		{
			name:     "records that are not objects",
			in:       "[1, {\"text\":\"x\"}, \"s\"]",
			want:     []wantComment{{"", "", "", -1, "x"}},
			warnings: []string{"1: not a JSON object", "1: not a JSON object"},
		},
		{
			name: "JSON Lines read as JSON",
			in:   "{\"text\":\"1\"}\n{\"text\":\"2\",\"parent\":0}\n",
			want: []wantComment{{"", "", "", -1, "1"}, {"", "", "", 0, "2"}},
		},
		{
			name:     "text after the array",
			in:       "[{\"text\":\"1\"}]\n]",
			want:     []wantComment{{"", "", "", -1, "1"}},
			warnings: []string{"2: text after the JSON value"},
		},
		{
			name:     "no records",
			in:       "[]",
			warnings: []string{"0: no records"},
		},
		{
			name:     "empty lines",
			in:       "\n\n",
			lines:    true,
			warnings: []string{"0: no records"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pages, err := parseJSON("in.json", tc.in, tc.lines)
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != 1 {
				t.Fatalf("%d pages, want 1", len(pages))
			}
			p := pages[0]
			checkStructure(t, p)
			checkComments(t, p, tc.want)
			if p.Article != tc.article {
				t.Errorf("article %q, want %q", p.Article, tc.article)
			}
			if len(p.Warnings) != len(tc.warnings) {
				t.Fatalf("warnings %+v, want %q", p.Warnings, tc.warnings)
			}
			for i, w := range tc.warnings {
				line, text, _ := strings.Cut(w, ": ")
				got := p.Warnings[i]
				if strings.TrimSpace(line) != strconv.Itoa(got.Line) || !strings.Contains(got.Message, text) {
					t.Errorf("warning %d = %d: %s, want %s", i, got.Line, got.Message, w)
				}
			}
		})
	}
}

func TestJSONErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		want     string
	}{
		{"not JSON", "hello", 1, "not valid JSON"},
		{"a scalar", "42", 1, "want a JSON array"},
		{"broken object", "{\n\"title\": \"x\",\n\"comments\": [\n{\"text\": }]}", 4, "not valid JSON"},
		{"comments not a list", `{"comments": {"text":"x"}}`, 1, `"comments" is not an array`},
		{"array broken at the start", "[\n{\"text\"", 2, "not valid JSON"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseJSON("bad.json", tc.in, false)
			var e *Error
			if err == nil || !errors.As(err, &e) {
				t.Fatalf("err %v, want a *Error", err)
			}
			if e.Source != "bad.json" || e.Line != tc.line || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %q (line %d), want line %d and %q", err, e.Line, tc.line, tc.want)
			}
		})
	}
}

func FuzzParseJSON(f *testing.F) {
	for _, tc := range []struct {
		name  string
		lines bool
	}{{"comments.json", false}, {"comments.jsonl", true}} {
		if b, err := os.ReadFile(filepath.Join("../testdata/pages", tc.name)); err == nil {
			f.Add(string(b), tc.lines)
		}
	}
	f.Add(`[{"text":"a","id":1},{"text":"b","parent":1,"comment":5}]`, false)
	f.Add("{\"comment\":null,\"text\":\"x\"}\n{\"comment\":0,\"parent\":0,\"text\":\"y\"}\n", true)
	f.Add("{\"id\":\"a\",\"title\":\"T\",\"selftext\":\"s\"}\n{\"link_id\":\"t3_a\",\"id\":\"c\",\"parent_id\":\"t3_a\",\"body\":\"x\"}\n"+
		"{\"link_id\":\"t3_b\",\"id\":\"d\",\"parent_id\":\"t1_c\",\"body\":\"y\"}\n{\"link_id\":\"t3_a\",\"body\":\"z\"}\n", true)
	f.Add(`[{"thread":{"id":7},"id":1,"title":"t","text":"a"},{"thread":7,"id":2,"parent":1,"text":"b"}]`, false)
	f.Fuzz(func(t *testing.T, s string, lines bool) {
		pages, err := parseJSON("fuzz.json", s, lines)
		if err != nil {
			return
		}
		if len(pages) == 0 {
			t.Fatal("no pages and no error")
		}
		for _, p := range pages {
			if p.Format != FormatJSON && p.Format != FormatJSONL {
				t.Fatalf("format %q", p.Format)
			}
			checkStructure(t, p)
		}
	})
}
