package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pageSummary is a page in one line: source, title, article, then each comment's text
// with the index of its parent after a slash.
func pageSummary(p *Page) string {
	var cs []string
	for _, c := range p.Comments {
		s := c.Text
		if c.Parent >= 0 {
			s += fmt.Sprintf("/%d", c.Parent)
		}
		cs = append(cs, s)
	}
	return fmt.Sprintf("%s title=%q article=%q [%s]", p.Source, p.Title, p.Article, strings.Join(cs, " "))
}

func TestJSONThreads(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		pageKey  string
		want     []string // pageSummary of each page
		warnings []string // "page: line: text it contains", page and line as numbers
	}{
		{
			name: "two Reddit threads, replies linked by parent_id",
			in: `{"link_id":"t3_a","id":"c1","parent_id":"t3_a","body":"one"}
{"link_id":"t3_a","id":"c2","parent_id":"t1_c1","body":"two"}
{"link_id":"t3_a","id":"c3","parent_id":"t3_a","body":"three"}
{"link_id":"t3_b","id":"d1","parent_id":"t3_b","body":"four"}
{"link_id":"t3_b","id":"d2","parent_id":"t1_d1","body":"five"}
{"link_id":"t3_b","id":"d3","parent_id":"t1_d2","body":"six"}`,
			want: []string{
				`dump.jsonl#a title="" article="" [one two/0 three]`,
				`dump.jsonl#b title="" article="" [four five/0 six/1]`,
			},
		},
		{
			name: "Pushshift submissions become the article",
			in: `{"id":"a","title":"Off Zoloft","selftext":"Week two and dizzy.","url":"https://www.reddit.com/r/zoloft/comments/a/","author":"op"}
{"link_id":"t3_a","id":"c1","parent_id":"t3_a","body":"Same here"}
{"id":"b","name":"t3_b","title":"Lexapro and sleep","selftext":"","url":"https://i.redd.it/x.jpg"}
{"link_id":"t3_b","id":"d1","parent_id":"t3_b","body":"Take it in the morning"}`,
			want: []string{
				`dump.jsonl#a title="Off Zoloft" article="Week two and dizzy." [Same here]`,
				`dump.jsonl#b title="Lexapro and sleep" article="" [Take it in the morning]`,
			},
		},
		{
			name: "ids that look like Reddit names",
			in: `{"link_id":"t3_t1","id":"t1_0","parent_id":"t3_t1","body":"one"}
{"link_id":"t3_t1","id":"t1_1","parent_id":"t1_t1_0","body":"two"}`,
			want: []string{`dump.jsonl title="" article="" [one two/0]`},
		},
		{
			name: "a submission after its comments",
			in: `{"link_id":"t3_a","id":"c1","parent_id":"t3_a","body":"first"}
{"id":"a","title":"T","selftext":"the post"}
{"link_id":"t3_a","id":"c2","parent_id":"t1_c1","body":"second"}`,
			want: []string{`dump.jsonl title="T" article="the post" [first second/0]`},
		},
		{
			name: "one thread keeps the input's name",
			in: `{"link_id":"t3_a","id":"c1","body":"one","parent_id":"t3_a"}
{"link_id":"t3_a","id":"c2","body":"two","parent_id":"t1_c1"}`,
			want: []string{`dump.jsonl title="" article="" [one two/0]`},
		},
		{
			name: "Disqus posts with the thread as an object",
			in: `{"id":"1","thread":{"id":"42","title":"Statins"},"parent":null,"message":"a","author":{"name":"x"}}
{"id":"2","thread":{"id":"42"},"parent":1,"message":"b"}
{"id":"3","thread":"43","parent":null,"message":"c"}`,
			want: []string{
				`dump.jsonl#42 title="" article="" [a b/0]`,
				`dump.jsonl#43 title="" article="" [c]`,
			},
		},
		{
			name: "a forum export's first titled post is the article",
			in: `{"thread_id":7,"id":70,"title":"Metformin and B12","text":"Has anyone been tested?"}
{"thread_id":7,"id":71,"title":"Re: Metformin and B12","text":"Yes, low.","parent":70}
{"thread_id":8,"id":80,"text":"No title here"}
{"thread_id":8,"id":81,"title":"A later title","text":"not first"}`,
			want: []string{
				`dump.jsonl#7 title="Metformin and B12" article="Has anyone been tested?" [Yes, low.]`,
				`dump.jsonl#8 title="A later title" article="" [No title here not first]`,
			},
		},
		{
			name: "the thread's own id is its submission",
			in: `{"thread_id":"q1","id":"q1","text":"question"}
{"thread_id":"q1","id":"r1","parent":"q1","text":"answer"}`,
			want: []string{`dump.jsonl title="" article="question" [answer]`},
		},
		{
			name: "records with titles but no thread stay on one page",
			in: `{"id":1,"title":"Great for my back","text":"a","author":"x"}
{"id":2,"title":"Made me sleepy","text":"b","author":"y"}`,
			want: []string{`dump.jsonl title="Great for my back" article="" [a b]`},
		},
		{
			name: "records of a page URL are one page each URL",
			in: `{"url":"https://f.example/t/1","id":1,"title":"Page one","text":"a"}
{"url":"https://f.example/t/1","id":2,"title":"Page one","text":"b"}
{"url":"https://f.example/t/2","id":3,"text":"c"}`,
			want: []string{
				`dump.jsonl#https://f.example/t/1 title="Page one" article="" [a b]`,
				`dump.jsonl#https://f.example/t/2 title="" article="" [c]`,
			},
		},
		{
			name:    "--page-key picks the field",
			pageKey: "subreddit",
			in: `{"subreddit":"zoloft","link_id":"t3_a","id":"c1","body":"one"}
{"subreddit":"zoloft","link_id":"t3_b","id":"c2","body":"two"}
{"subreddit":"lexapro","link_id":"t3_c","id":"c3","body":"three"}
{"link_id":"t3_d","id":"c4","body":"no subreddit"}`,
			want: []string{
				`dump.jsonl#zoloft title="" article="" [one two]`,
				`dump.jsonl#lexapro title="" article="" [three]`,
				`dump.jsonl title="" article="" [no subreddit]`,
			},
		},
		{
			name:    "--page-key over rxvoice's own records",
			pageKey: "author",
			in: `{"source":"p1.txt","comment":0,"author":"amy","text":"x"}
{"source":"p2.txt","comment":0,"author":"amy","text":"y"}`,
			want: []string{`dump.jsonl title="" article="" [x y]`},
		},
		{
			name: "a thread that comes back is another page, with a warning",
			in: `{"link_id":"t3_a","id":"c1","body":"one"}
{"link_id":"t3_b","id":"d1","body":"two"}
{"link_id":"t3_a","id":"c2","parent_id":"t1_c1","body":"three"}`,
			want: []string{
				`dump.jsonl#a title="" article="" [one]`,
				`dump.jsonl#b title="" article="" [two]`,
				`dump.jsonl#a title="" article="" [three]`,
			},
			warnings: []string{
				"2: 3: thread a comes back after other records (first read at line 1): read as another page",
				"2: 3: comment 0: parent \"t1_c1\" is not a comment on this page",
			},
		},
		{
			name: "rxvoice's own records by source",
			in: `{"source":"a.txt","comment":null,"text":"art"}
{"source":"a.txt","comment":0,"parent":null,"text":"x"}
{"source":"b.txt","comment":0,"parent":null,"text":"y"}
{"source":"b.txt","comment":1,"parent":0,"text":"z"}`,
			want: []string{
				`a.txt title="" article="art" [x]`,
				`b.txt title="" article="" [y z/0]`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var pages []*Page
			err := readJSON("dump.jsonl", tc.in, true, tc.pageKey, func(p *Page) error {
				pages = append(pages, p)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range pages {
				checkStructure(t, p)
				got = append(got, pageSummary(p))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("pages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			var warns []string
			for i, p := range pages {
				for _, w := range p.Warnings {
					warns = append(warns, fmt.Sprintf("%d: %d: %s", i, w.Line, w.Message))
				}
			}
			if len(warns) != len(tc.warnings) {
				t.Fatalf("warnings:\n%s\nwant %q", strings.Join(warns, "\n"), tc.warnings)
			}
			for i, w := range tc.warnings {
				if !strings.HasPrefix(warns[i], w) {
					t.Errorf("warning %s, want %s", warns[i], w)
				}
			}
		})
	}
}

// A dump in time order interleaves its threads: past the first few, the threads that come
// back are counted in one warning rather than one each.
func TestJSONThreadsInterleaved(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 10; i++ {
		fmt.Fprintf(&b, "{\"link_id\":\"t3_%c\",\"body\":\"c%d\"}\n", 'a'+i%2, i)
	}
	pages, err := parseJSON("dump.jsonl", b.String(), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 10 {
		t.Fatalf("%d pages, want 10", len(pages))
	}
	var warns []string
	for _, p := range pages {
		for _, w := range p.Warnings {
			warns = append(warns, w.Message)
		}
	}
	if len(warns) != maxSplitWarnings+1 || !strings.HasPrefix(warns[maxSplitWarnings], "3 more threads came back") {
		t.Errorf("warnings %q", warns)
	}
}

// The pages are handed on as their threads end, and an error of the receiver stops the
// reading.
func TestJSONThreadsStream(t *testing.T) {
	in := "{\"link_id\":\"a\",\"text\":\"1\"}\n{\"link_id\":\"b\",\"text\":\"2\"}\n{\"link_id\":\"c\",\"text\":\"3\"}\n"
	stop := fmt.Errorf("enough")
	var got []string
	err := readJSON("d.jsonl", in, true, "", func(p *Page) error {
		got = append(got, p.Source)
		if len(got) == 2 {
			return stop
		}
		return nil
	})
	if err != stop || strings.Join(got, " ") != "d.jsonl#a d.jsonl#b" {
		t.Errorf("err %v, pages %q", err, got)
	}
}

// A JSON Lines file is read line by line: the pages are the ones Parse gives from the
// whole bytes, and bytes that are not UTF-8 are repaired on their line.
func TestStreamFileJSONL(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		data string
		opt  Options
		warn string // a warning of the streamed pages
	}{
		{name: "comments.jsonl", data: string(mustRead(t, "../testdata/pages/comments.jsonl"))},
		{name: "threads.jsonl", data: "\ufeff{\"link_id\":\"t3_a\",\"body\":\"x\"}\n{\"link_id\":\"t3_b\",\"body\":\"y\"}\n"},
		{name: "page-key.jsonl", data: "{\"sub\":\"a\",\"link_id\":\"t3_a\",\"body\":\"x\"}\n{\"sub\":\"a\",\"link_id\":\"t3_b\",\"body\":\"y\"}\n",
			opt: Options{PageKey: "sub"}},
		{name: "forced.txt", data: "{\"link_id\":\"t3_a\",\"body\":\"x\"}\n", opt: Options{Format: FormatJSONL}},
		{name: "badutf8.jsonl", data: "{\"link_id\":\"a\",\"body\":\"caf\xc3\xa9 \xff\"}\n", warn: "1: invalid UTF-8"},
		{name: "cp1252.jsonl", data: "{\"link_id\":\"a\",\"body\":\"it\x92s\"}\n", warn: "1: not UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			var streamed []*Page
			err := StreamFile(path, tc.opt, func(p *Page) error {
				streamed = append(streamed, p)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			whole, err := parse(path, []byte(tc.data), tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(streamed) != len(whole) {
				t.Fatalf("%d pages streamed, %d parsed", len(streamed), len(whole))
			}
			for i := range whole {
				if g, w := pageSummary(streamed[i]), pageSummary(whole[i]); g != w {
					t.Errorf("page %d streamed %s\nparsed %s", i, g, w)
				}
			}
			if tc.warn != "" {
				var ws []string
				for _, w := range streamed[0].Warnings {
					ws = append(ws, fmt.Sprintf("%d: %s", w.Line, w.Message))
				}
				if !strings.Contains(strings.Join(ws, "\n"), tc.warn) {
					t.Errorf("warnings %q, want %q", ws, tc.warn)
				}
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
