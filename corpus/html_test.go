package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// readTestHTML parses a test page by its file name in ../testdata/pages.
func readTestHTML(t *testing.T, name string) *Page {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../testdata/pages", name))
	if err != nil {
		t.Fatal(err)
	}
	return parseTestHTML(t, name, string(data))
}

// parseTestHTML parses a page that must parse.
func parseTestHTML(t *testing.T, source, text string) *Page {
	t.Helper()
	p, err := parseHTML(source, text)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkStructure checks what every parsed page must hold: indexes in page order and
// parents that point back to an earlier comment.
func checkStructure(t *testing.T, p *Page) {
	t.Helper()
	for i, c := range p.Comments {
		if c.Index != i {
			t.Fatalf("%s: comment %d has Index %d", p.Source, i, c.Index)
		}
		if c.Parent != -1 && (c.Parent < 0 || c.Parent >= i) {
			t.Fatalf("%s: comment %d has Parent %d", p.Source, i, c.Parent)
		}
	}
}

func TestHTMLGolden(t *testing.T) {
	for _, name := range []string{"wordpress.html", "schema-microdata.html", "jsonld.html"} {
		t.Run(name, func(t *testing.T) {
			p := readTestHTML(t, name)
			checkStructure(t, p)
			checkGolden(t, name, pageJSON(t, []*Page{p}))
		})
	}
}

// wantComment is what a test checks of a comment; Posted is "2006-01-02T15:04" or "".
type wantComment struct {
	author, posted, raw string
	parent              int
	textStart           string
}

// minute is a time as the tests write it, "2006-01-02T15:04", or "" for the zero time.
func minute(tm time.Time) string {
	if tm.IsZero() {
		return ""
	}
	return tm.Format("2006-01-02T15:04")
}

func checkComments(t *testing.T, p *Page, want []wantComment) {
	t.Helper()
	if len(p.Comments) != len(want) {
		for _, c := range p.Comments {
			t.Logf("%d %q %q", c.Index, c.Author, c.Text)
		}
		t.Fatalf("%d comments, want %d", len(p.Comments), len(want))
	}
	for i, w := range want {
		c := p.Comments[i]
		posted := minute(c.Posted)
		if c.Author != w.author || posted != w.posted || c.PostedRaw != w.raw || c.Parent != w.parent ||
			!strings.HasPrefix(c.Text, w.textStart) {
			t.Errorf("comment %d = {%q %q %q parent %d %.40q}, want {%q %q %q parent %d %.40q}", i,
				c.Author, posted, c.PostedRaw, c.Parent, c.Text, w.author, w.posted, w.raw, w.parent, w.textStart)
		}
	}
}

func TestWordPressPage(t *testing.T) {
	p := readTestHTML(t, "wordpress.html")
	if p.Title != "Sertraline side effects: what the first six weeks were like" {
		t.Errorf("title %q", p.Title)
	}
	checkComments(t, p, []wantComment{
		{"Tomek", "2019-03-03T19:15", "March 3, 2019 at 7:15 pm", -1, "Almost exactly my experience"},
		{"Maren", "2019-03-04T08:02", "March 4, 2019 at 8:02 am", 0, "Thank you Tomek."},
		// The datetime is -05:00: the clock stays as written.
		{"Priya S.", "2019-03-05T00:45", "March 5, 2019 at 12:45 am", -1, "I had the jaw clenching"},
		{"anonymous reader", "2019-03-09T14:30", "March 9, 2019 at 2:30 pm", -1, ""},
		{"Dr. Helen Okafor", "2019-03-12T11:05", "March 12, 2019 at 11:05 am", -1, "A note for readers"},
		{"Gus", "2019-04-01T21:48", "April 1, 2019 at 9:48 pm", -1, "Week 3 here. Sleeping"},
	})
	if p.Comments[3].Text != "" || len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0].Message, "comment 3 (id 1033)") {
		t.Errorf("empty comment: text %q, warnings %+v", p.Comments[3].Text, p.Warnings)
	}
	if p.Comments[0].ID != "1021" {
		t.Errorf("id %q, want 1021", p.Comments[0].ID)
	}
	for _, bad := range []string{"Home", "Skip to content", "Share this", "Twitter", "Related", "Posted in",
		"Leave a Reply", "Recent Comments", "Proudly powered", "Post navigation", "Tomek", "Pingback", "says:"} {
		if strings.Contains(p.Article, bad) {
			t.Errorf("article holds %q", bad)
		}
	}
	for _, c := range p.Comments {
		if strings.Contains(c.Text, "Reply") || strings.Contains(c.Text, "says:") || strings.Contains(c.Text, c.PostedRaw) && c.PostedRaw != "" {
			t.Errorf("comment %d holds page furniture: %q", c.Index, c.Text)
		}
	}
}

func TestHTMLArticleText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraphs and breaks", `<article><p>One<br>two</p><p>Three</p></article>`, "One\ntwo\n\nThree"},
		{"white space collapses", "<article><p>  a \n\t b  </p>   <div>c</div></article>", "a b\n\nc"},
		{"entities and nbsp", `<article><p>5&nbsp;mg &amp; 10&#160;mg &ldquo;ok&rdquo;</p></article>`, "5 mg & 10 mg “ok”"},
		{"inline elements join", `<article><p>Zo<b>loft</b> <i>50</i>mg</p></article>`, "Zoloft 50mg"},
		{"runs of br", `<article><p>a<br><br><br>b<br></p></article>`, "a\n\nb"},
		{"lists and headings", `<article><h2>H</h2><ul><li>x</li><li>y</li></ul></article>`, "H\n\nx\n\ny"},
		{"table rows", `<article><table><tr><td>dose</td><td>10 mg</td></tr><tr><td>when</td><td>night</td></tr></table></article>`, "dose 10 mg\n\nwhen night"},
		{"pre keeps lines", "<article><pre>line 1\nline   2</pre></article>", "line 1\nline 2"},
		{"furniture left out", `<body><nav>Menu</nav><article><header>By me</header><p>Text</p><script>x()</script><style>p{}</style><form>Search</form><aside>Ad</aside><footer>Tags</footer></article></body>`, "Text"},
		{"hidden left out", `<article><p>Seen</p><p style="display: none">Unseen</p><p hidden>Gone</p></article>`, "Seen"},
		{"entry content preferred", `<article><div class="entry-meta">Posted on May 1</div><div class="entry-content"><p>Body</p></div></article>`, "Body"},
		{"articleBody", `<div><p>Intro</p><div itemprop="articleBody"><p>Body</p></div></div>`, "Body"},
		{"post-content", `<div class="sidebar">Side</div><div class="post-content">Post</div>`, "Post"},
		{"main", `<header>Logo</header><main><p>Main text</p></main><footer>Foot</footer>`, "Main text"},
		{"body fallback", `<body><nav>Menu</nav><p>Only text</p></body>`, "Only text"},
		{"comment article is not the article", `<main><article class="comment" id="comment-1"><p>A comment</p></article><div class="entry-content">The post</div></main>`, "The post"},
		{"comments area left out", `<main><p>Post</p><div id="comments"><p>Talk</p></div><ol class="commentlist"><li>x</li></ol></main>`, "Post"},
		{"microdata comments left out", `<article><p>Post</p><div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><p itemprop="text">Hi</p></div></article>`, "Post"},
		{"empty article skipped", `<article></article><article><p>Second</p></article>`, "Second"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := parseTestHTML(t, "t.html", tc.in)
			if p.Article != tc.want {
				t.Errorf("article %q, want %q", p.Article, tc.want)
			}
		})
	}
}

func TestHTMLTitle(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"og:title first", `<head><title>T | Site</title><meta property="og:title" content=" OG  title "></head><article><h1>H</h1></article>`, "OG title"},
		{"h1 in article", `<head><title>T | Site</title></head><body><h1>Site name</h1><article><header><h1>Post  title</h1></header><p>x</p></article></body>`, "Post title"},
		{"h1 in main", `<title>T</title><main><h1>Main title</h1></main>`, "Main title"},
		{"title element", `<title> Page &amp; title </title><div><h1>Not this</h1></div>`, "Page & title"},
		{"none", `<p>x</p>`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := parseTestHTML(t, "t.html", tc.in)
			if p.Title != tc.want {
				t.Errorf("title %q, want %q", p.Title, tc.want)
			}
		})
	}
}

func TestHTMLComments(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     []wantComment
		ids      []string
		warnings int
	}{
		{
			name: "classic WordPress markup",
			in: `<ol class="commentlist"><li class="comment" id="li-comment-7"><div id="comment-7">
				<div class="comment-author vcard"><img src="a.png"><cite class="fn">Ann</cite> <span class="says">says:</span></div>
				<div class="comment-meta commentmetadata"><a href="#comment-7">April 9, 2014 at 12:45 am</a> <a class="comment-edit-link">(Edit)</a></div>
				<p>Prozac made me sleepy.</p><div class="reply"><a class="comment-reply-link">Reply</a></div></div>
				<ul class="children"><li class="comment" id="li-comment-8"><div id="comment-8">
				<div class="comment-author vcard">Bob says:</div>
				<div class="comment-meta commentmetadata"><a href="#comment-8">April 10, 2014 at 3:05 pm</a></div>
				<p>Me too.</p><div class="reply"><a>Reply</a></div></div></li></ul></li></ol>`,
			want: []wantComment{
				{"Ann", "2014-04-09T00:45", "April 9, 2014 at 12:45 am", -1, "Prozac made me sleepy."},
				{"Bob", "2014-04-10T15:05", "April 10, 2014 at 3:05 pm", 0, "Me too."},
			},
			ids: []string{"7", "8"},
		},
		{
			name: "div comments with replies in div.children",
			in: `<div class="comment" id="comment-1"><div class="comment-author"><span class="fn">Cy</span></div>
				<div class="comment-body"><p>One</p></div>
				<div class="children"><div class="comment" id="comment-2"><div class="comment-author"><span class="fn">Di</span></div>
				<div class="comment-body"><p>Two</p></div>
				<div class="children"><div class="comment" id="comment-3"><div class="comment-body">Three</div></div></div></div></div></div>
				<div class="comment" id="comment-4"><div class="comment-body">Four</div></div>`,
			want: []wantComment{
				{"Cy", "", "", -1, "One"}, {"Di", "", "", 0, "Two"}, {"", "", "", 1, "Three"}, {"", "", "", -1, "Four"},
			},
			ids: []string{"1", "2", "3", "4"},
		},
		{
			name: "time without text keeps the datetime as raw",
			in:   `<li class="comment" id="comment-9"><div class="comment-metadata"><time datetime="2020-02-29T23:59:00+09:00"></time></div><div class="comment-content">Leap day dose.</div></li>`,
			want: []wantComment{{"", "2020-02-29T23:59", "2020-02-29T23:59:00+09:00", -1, "Leap day dose."}},
			ids:  []string{"9"},
		},
		{
			name: "unreadable date is kept as written",
			in:   `<li class="comment" id="comment-9"><div class="comment-meta"><a href="#">the other day</a></div><div class="comment-content">Hm.</div></li>`,
			want: []wantComment{{"", "", "the other day", -1, "Hm."}},
			ids:  []string{"9"}, warnings: 1,
		},
		{
			name: "empty comment is kept with a warning",
			in:   `<li class="comment" id="comment-5"><div class="comment-author"><span class="fn">Eve</span></div><div class="comment-content"> &nbsp; </div><div class="reply"><a>Reply</a></div></li>`,
			want: []wantComment{{"Eve", "", "", -1, ""}},
			ids:  []string{"5"}, warnings: 1,
		},
		{
			name: "WordPress wins over microdata",
			in: `<li class="comment" id="comment-1" itemscope itemtype="https://schema.org/Comment"><div class="comment-author"><span class="fn" itemprop="author">Fay</span></div>
				<div class="comment-content" itemprop="text">Once only.</div></li>`,
			want: []wantComment{{"Fay", "", "", -1, "Once only."}},
			ids:  []string{"1"},
		},
		{
			name: "microdata with nested reply",
			in: `<div itemscope itemtype="http://schema.org/Comment" id="c1"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Gil</span></span>
				<time itemprop="dateCreated" datetime="2018-07-01T10:00">1 July 2018, 10:00</time><div itemprop="commentText"><p>Tramadol made me itch.</p></div>
				<div itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span itemprop="author">Hal</span><meta itemprop="datePublished" content="2018-07-02"><p itemprop="text">Ask about it.</p></div></div>`,
			want: []wantComment{
				{"Gil", "2018-07-01T10:00", "1 July 2018, 10:00", -1, "Tramadol made me itch."},
				{"Hal", "2018-07-02T00:00", "2018-07-02", 0, "Ask about it."},
			},
			ids: []string{"c1", ""},
		},
		{
			name: "JSON-LD comment list with replies and duplicates",
			in: `<script type="application/ld+json">{"@type":"BlogPosting","comment":[{"@type":"Comment","author":{"name":"Ida"},"dateCreated":"2017-05-05T05:05:05Z","text":"Aspirin daily.","comment":[{"author":"Jon","datePublished":"May 6, 2017","text":"Why?"}]}]}</script>
				<script type="application/ld+json">[{"@type":"Comment","author":"Ida","dateCreated":"2017-05-05T05:05:05Z","text":"Aspirin daily."},{"@type":"Comment","author":"Kay","text":"Ibuprofen &amp; food."}]</script>`,
			want: []wantComment{
				{"Ida", "2017-05-05T05:05", "2017-05-05T05:05:05Z", -1, "Aspirin daily."},
				{"Jon", "2017-05-06T00:00", "May 6, 2017", 0, "Why?"},
				{"Kay", "", "", -1, "Ibuprofen & food."},
			},
			ids: []string{"", "", ""},
		},
		{
			name:     "broken JSON-LD is reported",
			in:       `<script type="application/ld+json">{"@type":"Comment", "text": </script>`,
			warnings: 1,
		},
		{
			name: "no comments",
			in:   `<article><p>Only an article. Comments are closed.</p></article>`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := parseTestHTML(t, "t.html", tc.in)
			checkStructure(t, p)
			checkComments(t, p, tc.want)
			for i, id := range tc.ids {
				if i < len(p.Comments) && p.Comments[i].ID != id {
					t.Errorf("comment %d id %q, want %q", i, p.Comments[i].ID, id)
				}
			}
			if len(p.Warnings) != tc.warnings {
				t.Errorf("warnings %+v, want %d", p.Warnings, tc.warnings)
			}
			for _, c := range p.Comments {
				if strings.Contains(c.Text, "Reply") || strings.Contains(c.Text, "Edit") {
					t.Errorf("comment %d text %q holds links", c.Index, c.Text)
				}
			}
		})
	}
}

func TestParseWallClock(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for not a timestamp
	}{
		{"2014-04-09T00:45:00+00:00", "2014-04-09 00:45:00"},
		{"2014-04-09T00:45:00-05:00", "2014-04-09 00:45:00"},
		{"2014-04-09T23:45:00+09:30", "2014-04-09 23:45:00"},
		{"2014-04-09T00:45:00Z", "2014-04-09 00:45:00"},
		{"2014-04-09T00:45:00.123Z", "2014-04-09 00:45:00"},
		{"2014-04-09T00:45:00", "2014-04-09 00:45:00"},
		{"2014-04-09T00:45", "2014-04-09 00:45:00"},
		{"2014-04-09", "2014-04-09 00:00:00"},
		{"April 9, 2014", ""},
		{"", ""},
		{"2014-13-09T00:45:00", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			tm, ok := parseWallClock(tc.in)
			got := ""
			if ok {
				got = tm.Format(time.DateTime)
				if tm.Location() != time.UTC {
					t.Errorf("location %v, want UTC", tm.Location())
				}
			}
			if got != tc.want {
				t.Errorf("parseWallClock(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// The x/net/html parser refuses nesting deeper than 512 elements; such a page is still read.
func TestHTMLTooDeep(t *testing.T) {
	comments := `<ol class="commentlist"><li class="comment" id="comment-1"><div class="comment-content">Still read.</div></li></ol>`
	tests := []struct {
		name, in, article, warning string
		comments                   int
	}{
		{"unclosed tags", "<article>" + strings.Repeat("<div><font>", 2000) + "<p>Deep &amp; down</p></article>" + comments,
			"Deep & down", "never closed", 1},
		{"deep but closed", strings.Repeat("<div>", 600) + "<p>Deep &amp; down</p>" + strings.Repeat("</div>", 600) + comments,
			"Deep & down", "deeper than 200", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := parseTestHTML(t, "deep.html", tc.in)
			if p.Article != tc.article {
				t.Errorf("article %q, want %q", p.Article, tc.article)
			}
			if len(p.Comments) != tc.comments || p.Comments[0].Text != "Still read." {
				t.Errorf("comments %+v", p.Comments)
			}
			if len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0].Message, tc.warning) {
				t.Errorf("warnings %+v, want one with %q", p.Warnings, tc.warning)
			}
		})
	}
}

// Anything decoded to text is read without error or panic.
func TestHTMLOddInput(t *testing.T) {
	for _, in := range []string{
		"", "<", "plain words", "<li class=comment>", "<ol class=children><li class=comment id=comment-1>",
		`<div itemscope itemtype="schema.org/Comment"><div itemprop="comment" itemscope itemtype="schema.org/Comment">`,
		`<script type="application/ld+json">[[[[{"comment":[{"comment":[{"comment":"x"}]}]}]]]]</script>`,
		`<script type="application/ld+json">{"@type":["Thing","Comment"],"author":[1,{"name":2}],"text":5}</script>`,
		strings.Repeat("<div>", 5000) + "deep" + strings.Repeat("</div>", 10),
		"\x00\xff<p>bad bytes</p>",
	} {
		p, err := parseHTML("odd.html", in)
		if err != nil {
			t.Errorf("%.40q: %v", in, err)
			continue
		}
		checkStructure(t, p)
	}
}

func FuzzParseHTML(f *testing.F) {
	for _, name := range []string{"wordpress.html", "schema-microdata.html", "jsonld.html"} {
		if b, err := os.ReadFile(filepath.Join("../testdata/pages", name)); err == nil {
			f.Add(string(b))
		}
	}
	f.Add(`<li class="comment" id="comment-1"><ol class="children"><li class="comment" id="comment-1"></li></ol></li>`)
	f.Add(`<script type="application/ld+json">{"comment":[{"text":"a","comment":{"text":"b"}}]}</script>`)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parseHTML("fuzz.html", s)
		if err != nil {
			return
		}
		if p.Format != FormatHTML {
			t.Fatalf("format %q", p.Format)
		}
		checkStructure(t, p)
	})
}

// A theme that prints the commenter's name in a heading of the comment.
func TestHTMLNameInHeading(t *testing.T) {
	page := `<html><body><article><h1>Night cramps</h1><p>Magnesium helped me.</p></article>
<ol class="commentlist">
<li class="comment" id="comment-1"><div class="comment-body"><h4>Marta</h4><time datetime="2019-03-03T19:15:00">March 3, 2019</time><div class="comment-content"><p>Same here, it took a week.</p></div></div></li>
<li class="comment" id="comment-2"><div class="comment-body"><h4>Jo</h4><time datetime="2019-03-04T08:00:00">March 4, 2019</time><div class="comment-content"><p>Did nothing for me.</p></div></div></li>
</ol></body></html>`
	p, err := parseHTML("t.html", page)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Comments) != 2 || p.Comments[0].Author != "Marta" || p.Comments[1].Author != "Jo" {
		t.Fatalf("comments %+v", p.Comments)
	}
}

// A page without comment markup (class names a build tool made up) whose text reads as
// comments, with a sidebar archive, a newsletter pop-up and a related-story card that
// must not be read as comments or as the article.
func TestHTMLUnknownSite(t *testing.T) {
	page := `<html><body>
<div class="x1a2"><div class="newsletter-popup"><p>Subscribe to our newsletter for weekly health tips and more from our team.</p></div>
<div class="k9z"><h1>Erfahrungen mit Ibuprofen</h1>
<p>Ich nehme seit Jahren Ibuprofen gegen Migräne. Meist reichen 400 mg, wenn ich es früh genug nehme.</p></div>
<div class="q7"><div class="c3"><span>Betina sagt:</span> <span>23.05.2019 - 09:05</span></div><div class="c4"><p>Bei mir hilft es auch, aber der Magen leidet.</p></div></div>
<div class="q7"><div class="c3"><span>Klaus sagt:</span> <span>24.05.2019 - 18:40</span></div><div class="c4"><p>Ich nehme es nur mit Essen, dann geht es gut.</p></div></div>
<div class="related-stories"><div>Henry Gilbert • February 15, 2017</div><div>Why statins make legs ache</div></div>
<div class="sidebar-archive widget"><ul><li><a href="/2019/05">Mai 2019</a></li><li><a href="/2019/04">April 2019</a></li><li><a href="/2019/03">März 2019</a></li></ul></div>
</div></body></html>`
	p, err := parseHTML("t.html", page)
	if err != nil {
		t.Fatal(err)
	}
	want := []commentText{
		{"Betina", "2019-05-23T09:05", "Bei mir hilft es auch, aber der Magen leidet."},
		{"Klaus", "2019-05-24T18:40", "Ich nehme es nur mit Essen, dann geht es gut."},
	}
	checkCommentTexts(t, p, want)
	if !strings.Contains(p.Article, "Meist reichen 400 mg") {
		t.Errorf("article %q", p.Article)
	}
}
