package corpus

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func readPage(t *testing.T, path string) *Page {
	t.Helper()
	pages, err := ReadFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("%s: %d pages, want 1", path, len(pages))
	}
	return pages[0]
}

// The sample page: 16 comments plus the article, each with its author and minute-exact
// time, in page order, and no text leaking between neighbours.
func TestSamplePage(t *testing.T) {
	p := readPage(t, "../testdata/klonopin-immune-comments.txt")
	if p.Format != FormatPageText {
		t.Fatalf("format %s, want text", p.Format)
	}
	if p.Title != "Studies Show Klonopin and Xanax May Impair Immune System" {
		t.Errorf("title %q", p.Title)
	}
	want := []struct{ author, posted, first, last string }{
		{"amy", "2014-04-09T00:45", "I have been taking klonapin", "liver enzymes that were off."},
		{"amy", "2014-04-09T00:46", "I also have recurring", "sinus infection."},
		{"Kimberly L", "2014-08-26T19:41", "I have an auto immune", "very frustrating."},
		{"LLB", "2019-04-17T16:31", "I know this is very late", "this crap away."},
		{"jmhp", "2019-06-26T05:06", "I like to know how", "regain my health"},
		{"Julie O.", "2020-04-15T12:35", "Dear Kimberly:", "Julie O."},
		{"Lisa", "2014-10-28T21:23", "I have been taking it a long time.", "Both are auto immune."},
		{"Debbie", "2014-12-09T15:46", "I have Chronic Fatigue", "this hellish nightmare."},
		{"carol", "2016-01-15T10:33", "Bless you all", "if you don’t give up!:)"},
		{"Patricia Z.", "2017-10-20T01:01", "Hi. I would loje", "This is h— on earth."},
		{"Patricia Z.", "2017-10-20T01:10", "Do glad I found this site.", "Do glad I found this site."},
		{"Sheila", "2017-10-22T18:48", "Took Clonazepam for six years", "started taking Clonazepam."},
		{"Shirley S", "2018-02-27T14:37", "Hi I have been on clonazepam", "to put things together."},
		{"Rebecca", "2019-10-07T09:09", "So scared after reading", "greatly appreciated."},
		{"michael", "2020-12-21T16:35", "I was prescribed klonopin", "with the results."},
		{"Lucy", "2022-03-28T17:01", "So sorry to hear", "resolution to all of this."},
	}
	if len(p.Comments) != len(want) {
		t.Fatalf("%d comments, want %d", len(p.Comments), len(want))
	}
	for i, w := range want {
		c := p.Comments[i]
		if c.Index != i || c.Author != w.author || c.Posted.Format("2006-01-02T15:04") != w.posted {
			t.Errorf("comment %d: index %d author %q posted %s, want %q %s", i, c.Index, c.Author, c.Posted.Format("2006-01-02T15:04"), w.author, w.posted)
		}
		if !strings.HasPrefix(c.Text, w.first) || !strings.HasSuffix(c.Text, w.last) {
			t.Errorf("comment %d (%s): text %.40q ... %q", i, w.author, c.Text, c.Text[max(0, len(c.Text)-40):])
		}
		if c.Parent != -1 {
			t.Errorf("comment %d: parent %d, want -1", i, c.Parent)
		}
	}
	if !strings.HasPrefix(p.Article, "The benzodiazepines are a class") || !strings.HasSuffix(p.Article, "a long-term prescription.") {
		t.Errorf("article %.60q ... ", p.Article)
	}
	if len(p.Warnings) != 0 {
		t.Errorf("warnings: %v", p.Warnings)
	}
}

func TestPageTextLayouts(t *testing.T) {
	type want struct {
		author, posted, raw, text string
	}
	tests := []struct {
		file     string
		title    string
		article  string
		comments []want
		warnings int
	}{
		{
			file:    "says-layout.txt",
			title:   "Living With Statins: What Readers Told Us About Muscle Pain",
			article: "By the Editors\n\nStatins such as",
			comments: []want{
				{"Margaret W.", "2019-03-03T19:15", "March 3, 2019 at 7:15 pm", "I was on Lipitor 20 mg for three years. My legs ached so badly at night that I could not\nclimb the stairs.\n\nMy doctor switched me to pravastatin and the aches went away within a month."},
				{"Tom R", "2019-03-05T08:02", "March 5, 2019 at 8:02 am", "No problems at all on simvastatin. Cholesterol went from 260 to 180."},
				{"dr_ellen", "2019-03-09T23:40", "March 9, 2019 at 11:40 PM", "Please don't stop a statin without talking to your doctor. CoQ10 helps some people with the muscle pain."},
			},
		},
		{
			file:    "forum-inline.txt",
			title:   "Metformin and stomach trouble - forum thread",
			article: "Started by admin. Share what worked for you.",
			comments: []want{
				{"sugarfree_sam", "2019-03-05T08:22", "2019-03-05 08:22", "Been on metformin 500mg twice daily since March. The diarrhea was awful the first two weeks.\nSwitching to the ER version fixed it."},
				{"Linda K.", "2019-05-03T00:00", "05/03/2019", "ER helped me too. Take it with food!"},
				{"", "", "Posted 3 days ago", "Anyone else get a metallic taste?"},
				{"grandpa joe", "2019-03-07T00:00", "March 7, 2019", "Yes! Metallic taste for about a month, then it faded."},
			},
			warnings: 1, // the comment without an author
		},
		{
			file:    "phpbb-thread.txt",
			title:   "Coming off Lexapro - symptoms thread",
			article: "Board index » Antidepressants » Lexapro",
			comments: []want{
				{"rainyday", "2019-03-04T20:22", "Mon Mar 04, 2019 8:22 pm", "I went from 10mg to 5mg two weeks ago. The brain zaps are constant and I feel dizzy when I turn my head."},
				{"Greg_W", "2019-03-05T06:03", "Tue Mar 05, 2019 6:03 am", "Same here. Took me 3 months to taper. Crying spells for the first month, then it settled."},
				{"rainyday", "2019-03-05T23:47", "Tue Mar 05, 2019 11:47 pm", "Thanks Greg. My doctor wants me to go slower."},
			},
		},
		{
			file:    "disqus-thread.txt",
			title:   "Metoprolol and fatigue: what to expect",
			article: "Beta blockers like metoprolol",
			comments: []want{
				{"Karen M", "", "3 years ago", "I have been on Toprol XL 50 mg for 2 years. The first month I was exhausted and my hands were always cold."},
				{"Dennis", "", "2 yr. ago", "No fatigue at all for me, but I get dizzy if I stand up too fast."},
				{"Karen M", "", "2 yr. ago", "@Dennis that happens to me too!"},
				{"Guest", "", "a year ago", "My husband takes metoprolol for afib and says he sleeps badly."},
			},
		},
		{
			file:    "reddit-thread.txt",
			title:   "r/antidepressants",
			article: "Posted by u/nightowl_22",
			comments: []want{
				{"u/quietfern", "", "3 yr. ago", "Week 3 was the worst for me too. The fatigue lifted around week 5 and the anxiety got much better."},
				{"u/nightowl_22", "", "3 yr. ago", "Thanks, that gives me hope."},
				{"bluejay_88", "", "2 yr. ago", "I had to switch to Lexapro because of the nausea. No regrets."},
			},
		},
		{
			file:    "reviews-text-first.txt",
			title:   "Atorvastatin User Reviews for High Cholesterol",
			article: "Also known as: Lipitor",
			comments: []want{
				{"Anonymous", "2021-03-14T00:00", "March 14, 2021", "\"I was on Lipitor 20 mg for about a year. My cholesterol dropped nicely but my legs ached all the time and I could barely climb the stairs at work. Switched to pravastatin and the aches went away.\""},
				{"Rich", "2020-01-02T00:00", "January 2, 2020", "\"No side effects at all for me. LDL went from 190 to 95.\""},
				{"Kay_M", "2019-11-23T00:00", "November 23, 2019", "\"Terrible memory fog and insomnia on 40mg. Stopped after 3 weeks.\""},
			},
		},
		{
			file:  "replies-named.txt",
			title: "Amlodipine and swollen ankles",
			comments: []want{
				{"sunnyday72", "", "Posted 4 years ago", "I started amlodipine 5mg in January and within two weeks my ankles were so swollen I couldn't get my shoes on. Anyone else?"},
				{"george_h", "", "4 years ago", "Same here. My doctor switched me to losartan and the swelling went down in a week."},
				{"marie_b", "", "4 years ago", "I get flushing and headaches on it but no swelling."},
			},
		},
		{
			file:  "medhelp-style.txt",
			title: "Gabapentin dizziness",
			comments: []want{
				{"jdoe1955", "2015-03-12T10:21", "Posted on 03/12/2015 at 10:21 am", "I take gabapentin 300mg three times a day for neuropathy in my feet. The dizziness is awful, I feel drunk."},
				{"nurse_kim", "2015-03-13T08:02", "03/13/2015 at 8:02 am", "Dizziness is common in the first weeks. Talk to your doctor about a lower dose."},
			},
		},
		{
			file:  "vbulletin-thread.txt",
			title: "Celebrex and stomach pain",
			comments: []want{
				{"arthritic_anne", "2011-06-21T21:14", "06-21-2011, 09:14 PM", "I've been on Celebrex 200mg for my knees for 2 months and now I have burning in my stomach every night. Is this normal?"},
				{"bob_in_ohio", "2011-06-22T07:45", "06-22-2011, 07:45 AM", "Yes, NSAIDs can do that. I take omeprazole with mine."},
			},
		},
		{
			file:    "review-bylines.txt",
			title:   "Lisinopril reviews",
			article: "User reviews for lisinopril, newest first.",
			comments: []want{
				{"MaryB", "2019-03-03T00:00", "March 3, 2019", "For High Blood Pressure: \"My blood pressure came down in two weeks but I have had a dry tickly cough ever since.\""},
				{"Anonymous", "2019-01-20T00:00", "January 20, 2019", "For Heart Failure: \"No side effects at all. Ankles less swollen.\""},
			},
		},
		{
			file:  "webmd-style.txt",
			title: "Atorvastatin user reviews",
			comments: []want{
				{"Frank", "2019-03-04T20:22", "3/4/2019 8:22:01 PM", "Condition: High Cholesterol\nMy legs ached so badly I could barely walk. Stopped after a year and the pain went away."},
				{"Ellen", "2019-01-15T10:05", "1/15/2019 10:05:44 AM", "Condition: Coronary Artery Disease\nNo problems at all, cholesterol is down."},
			},
		},
		{
			file:  "crlf-nbsp.txt",
			title: "Night sweats on venlafaxine",
			comments: []want{
				{"Rosa", "2021-06-01T21:05", "June 1st, 2021 at 9:05 PM", "Effexor gave me drenching night sweats."},
				{"Ben", "2021-06-02T10:15", "June 2nd, 2021 at 10:15 AM", "Same here, for the first 6 weeks."},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			p := readPage(t, filepath.Join("../testdata/pages", tc.file))
			if p.Title != tc.title {
				t.Errorf("title %q, want %q", p.Title, tc.title)
			}
			if !strings.HasPrefix(p.Article, tc.article) {
				t.Errorf("article %q, want prefix %q", p.Article, tc.article)
			}
			if len(p.Comments) != len(tc.comments) {
				t.Fatalf("%d comments, want %d: %+v", len(p.Comments), len(tc.comments), p.Comments)
			}
			for i, w := range tc.comments {
				c := p.Comments[i]
				posted := minute(c.Posted)
				if c.Author != w.author || posted != w.posted || c.PostedRaw != w.raw || c.Text != w.text {
					t.Errorf("comment %d:\n got %q %q %q %q\nwant %q %q %q %q", i, c.Author, posted, c.PostedRaw, c.Text, w.author, w.posted, w.raw, w.text)
				}
			}
			if len(p.Warnings) != tc.warnings {
				t.Errorf("warnings %v, want %d", p.Warnings, tc.warnings)
			}
		})
	}
}

func TestPageTextGolden(t *testing.T) {
	for _, name := range []string{"says-layout.txt", "forum-inline.txt", "crlf-nbsp.txt", "plain-note.txt", "phpbb-thread.txt", "disqus-thread.txt", "forum-thread.html", "reddit-thread.txt", "review-bylines.txt", "webmd-style.txt", "xenforo-thread.html", "oldreddit-thread.html", "discourse-thread.html",
		"reviews-text-first.txt", "replies-named.txt", "medhelp-style.txt", "vbulletin-thread.txt", "phpbb-thread.html", "reviews.html", "shreddit-thread.html"} {
		t.Run(name, func(t *testing.T) {
			p := readPage(t, filepath.Join("../testdata/pages", name))
			checkGolden(t, name, pageJSON(t, []*Page{p}))
		})
	}
}

// An HTML forum page without comment markup is read from its text layout.
func TestHTMLForumWithoutMarkup(t *testing.T) {
	p := readPage(t, "../testdata/pages/forum-thread.html")
	want := []struct{ author, posted, first string }{
		{"hurting_hank", "2019-01-12T21:14", "My neurologist started me on gabapentin"},
		{"Marisol", "2019-01-13T07:02", "The dizziness went away"},
		{"hurting_hank", "2019-01-13T20:30", "Thanks. Going to ask about Lyrica instead."},
	}
	if p.Title != "Gabapentin for nerve pain - Health Forum" || len(p.Comments) != len(want) {
		t.Fatalf("title %q, %d comments", p.Title, len(p.Comments))
	}
	for i, w := range want {
		c := p.Comments[i]
		if c.Author != w.author || c.Posted.Format("2006-01-02T15:04") != w.posted || !strings.HasPrefix(c.Text, w.first) {
			t.Errorf("comment %d: %q %s %.40q", i, c.Author, c.Posted.Format("2006-01-02T15:04"), c.Text)
		}
		if strings.Contains(c.Text, "Powered by") || strings.Contains(c.Text, "Post by") {
			t.Errorf("comment %d has page furniture: %q", i, c.Text)
		}
	}
}

// Forum engines' own markup: posts found by their shared shape.
func TestHTMLForumEngines(t *testing.T) {
	tests := []struct {
		file string
		want []string // "author|posted|parent|text prefix"
	}{
		{"xenforo-thread.html", []string{"Bob62|2021-06-01T09:15|-1|Started amlodipine", "nurse_jo|2021-06-01T13:40|-1|Very common with amlodipine."}},
		{"oldreddit-thread.html", []string{"sore_all_over|2019-02-10T18:30|-1|Cymbalta 60 mg", "gentle_giant|2019-02-11T07:05|0|The sweating stopped", "night_owl|2019-02-12T23:59|-1|Savella worked better"}},
		{"discourse-thread.html", []string{"gluco_gary|2021-06-01T09:15|-1|Metformin gives me diarrhea", "DiabeticDana|2021-06-02T19:02|-1|Yes, the extended release"}},
		// phpBB alternates "post bg1" and "post bg2"; the message is "content" inside "postbody".
		{"phpbb-thread.html", []string{"tired_tom|2018-04-02T19:20|-1|Started metoprolol 25mg", "cardio_carol|2018-04-03T08:05|-1|The tiredness usually eases"}},
		// New Reddit: custom elements carry the author and time; the post itself is comment 0.
		{"shreddit-thread.html", []string{"moodswing_mel|2023-05-01T14:02|-1|Started Lamictal 25mg", "pharm_pete|2023-05-01T15:10|-1|Call your doctor today.", "moodswing_mel|2023-05-01T16:45|1|Thanks, they told me", "bp2_bri|2023-05-02T09:00|-1|Same happened to me"}},
		{"reviews.html", []string{"linda_k|2022-08-12T00:00|-1|For Osteoarthritis: \"Works well", "Anonymous|2022-07-03T00:00|-1|For Back Pain:"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			p := readPage(t, filepath.Join("../testdata/pages", tc.file))
			if len(p.Comments) != len(tc.want) {
				t.Fatalf("%d comments, want %d: %+v", len(p.Comments), len(tc.want), p.Comments)
			}
			for i, w := range tc.want {
				c := p.Comments[i]
				f := strings.SplitN(w, "|", 4)
				if c.Author != f[0] || c.Posted.Format("2006-01-02T15:04") != f[1] || strconv.Itoa(c.Parent) != f[2] || !strings.HasPrefix(c.Text, f[3]) {
					t.Errorf("comment %d: %q %s %d %.40q, want %s", i, c.Author, c.Posted.Format("2006-01-02T15:04"), c.Parent, c.Text, w)
				}
				for _, junk := range []string{"permalink", "reply", "#1", "Member", "Like"} {
					if strings.Contains(c.Text, junk) {
						t.Errorf("comment %d has %q in its text: %q", i, junk, c.Text)
					}
				}
			}
		})
	}
}

func TestPlainTextIsFileBytes(t *testing.T) {
	path := "../testdata/pages/plain-note.txt"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := readPage(t, path)
	if p.Format != FormatPlain || p.Article != string(data) || len(p.Comments) != 0 {
		t.Errorf("format %s, %d comments, article equal to file: %v", p.Format, len(p.Comments), p.Article == string(data))
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when not a date; "relative" for a date without a time
	}{
		{"April 9th, 2014 at 12:45 AM", "2014-04-09T00:45"},
		{"August 26th, 2014 at 7:41 PM", "2014-08-26T19:41"},
		{"March 3, 2019 at 7:15 pm", "2019-03-03T19:15"},
		{"Mar. 3, 2019", "2019-03-03T00:00"},
		{"3 March 2019, 19:15", "2019-03-03T19:15"},
		{"2019-03-05 08:22", "2019-03-05T08:22"},
		{"2019-03-05T08:22:10Z", "2019-03-05T08:22"},
		{"05/03/2019", "2019-05-03T00:00"},
		{"25/12/2019 10:00 pm", "2019-12-25T22:00"},
		{"Posted 3 days ago", "relative"},
		{"2 yr. ago", "relative"},
		{"• a year ago", ""},
		{"an hour ago", "relative"},
		{"yesterday", "relative"},
		{"February 30, 2019", ""},
		{"12 Responses", ""},
		{"amy", ""},
		{"I took it on March 3, 2019 at night", ""},
		{"2019-13-01", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			tm, ok := ParseDate(tc.in)
			got := ""
			switch {
			case ok && tm.IsZero():
				got = "relative"
			case ok:
				got = tm.Format("2006-01-02T15:04")
			}
			if got != tc.want {
				t.Errorf("ParseDate(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzParsePageText(f *testing.F) {
	for _, p := range []string{"../testdata/klonopin-immune-comments.txt", "../testdata/pages/says-layout.txt", "../testdata/pages/forum-inline.txt", "../testdata/pages/crlf-nbsp.txt",
		"../testdata/pages/reddit-thread.txt", "../testdata/pages/replies-named.txt", "../testdata/pages/reviews-text-first.txt", "../testdata/pages/vbulletin-thread.txt"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("a\n\nJune 1, 2020\n\nb")
	// the real pages' text forms: the header templates, member boxes, quotes, replies under
	// their texts
	real, _ := filepath.Glob("../testdata/real/pages/*.txt")
	for i, p := range real {
		if b, err := os.ReadFile(p); err == nil && i%6 == 0 && len(b) < 12000 {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := parsePageText("fuzz", s)
		for i, c := range p.Comments {
			if c.Index != i || c.Parent < -1 || c.Parent >= i {
				t.Fatalf("comment %d: index %d parent %d (a parent comes before its reply)", i, c.Index, c.Parent)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"April 9th, 2014 at 12:45 AM", "2019-03-05 08:22", "05/03/2019", "Posted 3 days ago"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if tm, ok := ParseDate(s); ok && !tm.IsZero() && (tm.Year() < 1900 || tm.Year() > 2200) {
			t.Fatalf("ParseDate(%q) = %v", s, tm)
		}
	})
}

// A Reddit copy's "level N" lines give each comment's place in the thread.
func TestRedditLevels(t *testing.T) {
	text := "r/ChronicPain\nPosted by u/achy_joints\nTramadol and sleep\n\nDoes it keep anyone else up?\n\n" +
		"level 1\nu/first_reply\n·\n2 yr. ago\n\nYes, I take it before noon now.\n\n" +
		"level 2\nOP · 2 yr. ago\nu/achy_joints\n\nGood idea, thanks.\n\n" +
		"level 3\nu/first_reply\n·\n2 yr. ago\n\nNo problem.\n\n" +
		"level 2\nu/side_note\n·\n1 yr. ago\n\nSame here.\n\n" +
		"level 1\nu/new_thread\n·\n1 yr. ago\n\nNever had that issue.\n"
	p := parsePageText("t.txt", text)
	want := []struct {
		author string
		parent int
	}{{"u/first_reply", -1}, {"u/achy_joints", 0}, {"u/first_reply", 1}, {"u/side_note", 0}, {"u/new_thread", -1}}
	if len(p.Comments) != len(want) {
		t.Fatalf("%d comments, want %d: %+v", len(p.Comments), len(want), p.Comments)
	}
	for i, w := range want {
		if c := p.Comments[i]; c.Author != w.author || c.Parent != w.parent {
			t.Errorf("comment %d: %q parent %d, want %q parent %d", i, c.Author, c.Parent, w.author, w.parent)
		}
	}
	if strings.Contains(p.Article, "level") {
		t.Errorf("article keeps a level line: %q", p.Article)
	}
}

// A date on the first line of a page has no line above it to read a name from.
func TestDateOnFirstLine(t *testing.T) {
	for _, text := range []string{"12/03/2019\nhello\n", "Answered 3 years ago\nfoo", "March 3, 2019"} {
		p := parsePageText("t.txt", text)
		if p == nil {
			t.Fatalf("%q: no page", text)
		}
	}
}

// "Name says:" is read whatever its case.
func TestSaysAnyCase(t *testing.T) {
	p := parsePageText("t.txt", "Title\n\nArticle text.\n\nJOHN SAID: March 3, 2019 at 7:15 pm\nNo side effects for me.\n\nJane Writes: March 4, 2019 at 8:00 am\nDizzy on day two.\n")
	if len(p.Comments) != 2 || p.Comments[0].Author != "JOHN" || p.Comments[1].Author != "Jane" {
		t.Errorf("comments %+v", p.Comments)
	}
}

// TestAuthorIndex checks the index the comment loop asks against the scans it replaced.
func TestAuthorIndex(t *testing.T) {
	authors := []string{"amy", "@Hankm", "george_h", "Lorna B.", "", "amy", "KELVIN", "straße", "ſam"}
	// the index of an earlier page, reset: none of its names is found on this one
	x := new(authorIndex)
	for i, a := range []string{"nobody", "Zed", "lorna", "B."} {
		x.add(a, i+40)
	}
	if x.lastFold("zed") != 41 {
		t.Fatalf("lastFold(zed) on the earlier page = %d, want 41", x.lastFold("zed"))
	}
	x.reset()
	for i, a := range authors {
		x.add(a, i)
	}
	scanBy := func(name string) int {
		for i := len(authors) - 1; i >= 0; i-- {
			if authors[i] == name {
				return i
			}
		}
		return -1
	}
	scanFold := func(name string) int {
		for i := len(authors) - 1; i >= 0; i-- {
			if a := strings.TrimPrefix(authors[i], "@"); a != "" && strings.EqualFold(a, name) {
				return i
			}
		}
		return -1
	}
	scanSuffix := func(author string) (int, string) {
		for i := len(authors) - 1; i >= 0; i-- {
			if prior := authors[i]; prior != "" && len(author) > len(prior)+1 && strings.HasSuffix(author, " "+prior) {
				return i, prior
			}
		}
		return -1, ""
	}
	for _, q := range []string{"amy", "AMY", "hankm", "@Hankm", "\u212Aelvin", "STRASSE", "strasse", "Straße", "SAM", "sam", "", "nobody",
		"sunny amy", "x george_h", "Lorna B.", "bob Lorna B.", " amy", "amy ", "a b amy", "bob @Hankm"} {
		t.Run(q, func(t *testing.T) {
			if got, want := x.lastBy(q), scanBy(q); got != want {
				t.Errorf("lastBy(%q) = %d, want %d", q, got, want)
			}
			if got, want := x.lastFold(q), scanFold(q); got != want {
				t.Errorf("lastFold(%q) = %d, want %d", q, got, want)
			}
			gi, gp := x.lastSuffix(q)
			wi, wp := scanSuffix(q)
			if gi != wi || gp != wp {
				t.Errorf("lastSuffix(%q) = %d %q, want %d %q", q, gi, gp, wi, wp)
			}
		})
	}
	// Comments added after the first case-folded look-up are found too.
	x.add("@Zed", len(authors))
	x.add("AMY", len(authors)+1)
	if got := x.lastFold("zed"); got != len(authors) {
		t.Errorf("lastFold(zed) = %d after it was added, want %d", got, len(authors))
	}
	if got := x.lastFold("amy"); got != len(authors)+1 {
		t.Errorf("lastFold(amy) = %d after AMY was added, want %d", got, len(authors)+1)
	}
}

// hasSayWord's one pass finds what the search of each word in the lowered line finds, on
// every line of the test pages and on lines made to trip it.
func TestHasSayWord(t *testing.T) {
	lines := []string{"Jane says:", "JOHN SAID:", "kestrel wrote:", "Marie a écrit :", "ESCRIBİ", "escribİ",
		"Ana dijo", "SCHREEF", "Pedro COMENTÓ", "ZEGT", "nothing here", "", "s", "DI", "Dit", "sAy", "ÉCRIT", "\u212Aelvin said"}
	files, _ := Expand([]string{"../testdata/pages", "../testdata/klonopin-immune-comments.txt"})
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(data), "\n")...)
	}
	found := 0
	for _, l := range lines {
		got, want := hasSayWord(l), hasSayWordSlow(l)
		if got != want {
			t.Errorf("hasSayWord(%q) = %v, want %v", l, got, want)
		}
		if got {
			found++
		}
	}
	if found < 50 {
		t.Errorf("only %d lines with a byline verb", found)
	}
}

// TestJoinIn checks that a text sliced out of the page equals the joined copy it replaces,
// for every run of lines, and that a plain paragraph run is sliced, not copied.
func TestJoinIn(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		sliced     bool // the whole page's join is a slice of the page
	}{
		{"paragraphs", "one\ntwo\n\nthree", true},
		{"blank ends", "\n\none\n\ntwo\n\n", true},
		{"one line", "only", true},
		{"indented", "    one\n    two", false},
		{"two blanks", "one\n\n\ntwo", false},
		{"white blank", "one\n  \ntwo", false},
		{"trailing space", "one \ntwo", false},
		{"crlf", "one\r\ntwo\r\n\r\nthree", true},
		{"nbsp", "one\u00a0two\nthree", true},
		{"unicode space", "one\u2003\ntwo", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines, base := splitLinesInto(nil, tc.text)
			for i := 0; i <= len(lines); i++ {
				for j := i; j <= len(lines); j++ {
					if got, want := joinIn(base, lines[i:j]), joinParagraphs(lines[i:j]); got != want {
						t.Errorf("lines %d-%d: joinIn %q, want %q", i, j, got, want)
					}
				}
			}
			_, sliced := offsetIn(base, joinIn(base, lines))
			if sliced != tc.sliced {
				t.Errorf("sliced = %v, want %v", sliced, tc.sliced)
			}
			// a line's text that is not the page's (rewritten by the reader) is copied
			if len(lines) > 1 {
				lines[0].text = strings.ToUpper(lines[0].text)
				if got, want := joinIn(base, lines), joinParagraphs(lines); got != want {
					t.Errorf("rewritten line: joinIn %q, want %q", got, want)
				}
			}
		})
	}
}
