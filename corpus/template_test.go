package corpus

import (
	"strings"
	"testing"
	"time"
)

// Comment pages whose headers the reader knows no rule for: the template is found from
// what repeats. Each case is a layout class seen on real sites, written for this test.
func TestInducedTemplates(t *testing.T) {
	type want struct{ author, posted, starts string }
	cases := []struct {
		name string
		page string
		want []want
	}{
		{"trailing dots, date under the text", `Weaning off Lexapro, week six

Six weeks in and the brain zaps are finally fading.

4 comments:

Marla said...
The zaps lasted two months for me, hang in there.
November 3, 2011 2:53 PM

Tom R. said...
Did you taper by liquid or by cutting pills?
November 4, 2011 9:10 AM
`, []want{{"Marla", "2011-11-03T14:53", "The zaps lasted"}, {"Tom R.", "2011-11-04T09:10", "Did you taper"}}},
		{"numbered bylines under their dates", `Statins and sleep

Some readers report vivid dreams on statins.

March 3, 2019 at 7:15 pm
(1) Carl says:
I tried simvastatin for a month and dreamt every night.

March 4, 2019 at 8:00 am
(2) Dana says:
Same here, until I switched to pravastatin.
`, []want{{"Carl", "2019-03-03T19:15", "I tried simvastatin"}, {"Dana", "2019-03-04T08:00", "Same here"}}},
		{"profile image lines, no dates", `Leg cramps on atorvastatin

Dan5795 profile image
Dan5795
Has anyone had leg cramps at night on atorvastatin? They wake me up.

SeasideSusie profile image
SeasideSusie
Yes, ask for your vitamin D and magnesium to be tested first.

Dan5795 profile image
Dan5795 in reply to SeasideSusie
Thanks, I will ask at my next appointment.
`, []want{{"Dan5795", "", "Has anyone had"}, {"SeasideSusie", "", "Yes, ask for"}, {"Dan5795", "", "Thanks, I will"}}},
		{"avatar line over the name, helpful counts", `Patch withdrawal

I stopped the nicotine patch and feel awful.

Avatar universal
jenny_b
I stopped the patch last week and the headaches are easing.
Helpful - 0

Avatar universal
mark1960
Give it another week, it gets better.
Helpful - 1
`, []want{{"jenny_b", "", "I stopped the patch"}, {"mark1960", "", "Give it another"}}},
		{"post counts beside the name", `Metformin and B12

LAT1963 Posts: 1,375 Member
My B12 was low after five years on metformin.

Grace_W Posts: 88 Member
Mine too. The injections helped within a month.
`, []want{{"LAT1963", "", "My B12 was low"}, {"Grace_W", "", "Mine too."}}},
		{"bylines under the answers", `Can ibuprofen raise blood pressure?

I take 800 mg a day for my back.

Yes, NSAIDs can raise blood pressure in some people.
answered Jun 2, 2012 by pharmageek (1,910 points)

It also depends on your kidneys, ask your doctor to check them.
answered Jun 3, 2012 by nurse_ann (320 points)
`, []want{{"pharmageek", "2012-06-02", "Yes, NSAIDs"}, {"nurse_ann", "2012-06-03", "It also depends"}}},
		{"German bylines with day-first dates", `Erfahrungen mit Ibuprofen

Ich nehme seit Jahren Ibuprofen gegen Migräne.

Betina sagt: 23.05.2019 - 09:05
Bei mir hilft es auch, aber der Magen leidet.

Klaus sagt: 24.05.2019 - 18:40
Ich nehme es nur mit Essen.
`, []want{{"Betina", "2019-05-23T09:05", "Bei mir hilft"}, {"Klaus", "2019-05-24T18:40", "Ich nehme es nur"}}},
		{"French bylines", `Le paracétamol et le foie

J'en prends tous les jours contre le mal de dos.

Paul a écrit :
Le 11 septembre 2018 à 12:57
Attention à la dose, pas plus de trois grammes par jour.

Claire a écrit :
Le 12 septembre 2018 à 08:05
Mon médecin m'a dit la même chose.
`, []want{{"Paul", "2018-09-11T12:57", "Attention à la dose"}, {"Claire", "2018-09-12T08:05", "Mon médecin"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := parsePageText("t.txt", c.page)
			if len(p.Comments) != len(c.want) {
				t.Fatalf("%d comments, want %d (%s):\n%+v", len(p.Comments), len(c.want), p.Layout, p.Comments)
			}
			for k, w := range c.want {
				got := p.Comments[k]
				posted := ""
				if !got.Posted.IsZero() {
					posted = got.Posted.Format("2006-01-02T15:04")
				}
				if got.Author != w.author || !strings.HasPrefix(posted, w.posted) || !strings.HasPrefix(got.Text, w.starts) {
					t.Errorf("comment %d: %q %q %.40q, want %q %q %q (%s)", k, got.Author, posted, got.Text, w.author, w.posted, w.starts, p.Layout)
				}
			}
		})
	}
}

// A sentence that begins with a date or a relative time is prose, never a header: it
// stays in its comment's text.
func TestDateSentencesStayProse(t *testing.T) {
	page := `My story with Lexapro

I have been on it for a while.

3 Comments

Jane
March 3, 2019 at 7:15 pm
I started on 10 mg.
Two weeks ago it got so bad that I stopped.
Today I got my test results back.
3 years ago.
4 months ago my heart stopped and they said I have high blood press.

Bob
March 4, 2019 at 8:00 am
Thanks for sharing.
`
	p := parsePageText("t.txt", page)
	if len(p.Comments) != 2 {
		t.Fatalf("%d comments, want 2: %+v", len(p.Comments), p.Comments)
	}
	for _, s := range []string{"Two weeks ago it got so bad", "Today I got my test results back.", "3 years ago.", "4 months ago my heart stopped"} {
		if !strings.Contains(p.Comments[0].Text, s) {
			t.Errorf("%q lost from %q", s, p.Comments[0].Text)
		}
	}
}

// Dates as pages in other languages write them: the month's name, "um ... Uhr", "à 17h21".
func TestParseDateLanguages(t *testing.T) {
	for raw, want := range map[string]string{
		"23. Juni 2016 um 17:21 Uhr":   "2016-06-23T17:21",
		"26. Mai 2008 um 21:07":        "2008-05-26T21:07",
		"März 7, 2018":                 "2018-03-07T00:00",
		"Le 11 septembre 2018 à 12:57": "2018-09-11T12:57",
		"11 févr. 2019 à 9h05":         "2019-02-11T09:05",
		"3 de marzo de 2019":           "2019-03-03T00:00",
		"Montag, 3. März 2014, 08:15":  "2014-03-03T08:15",
	} {
		got, ok := ParseDate(raw)
		if !ok || got.Format("2006-01-02T15:04") != want {
			t.Errorf("ParseDate(%q) = %v %v, want %s", raw, got, ok, want)
		}
	}
	for _, raw := range []string{"vor 3 Tagen", "il y a 2 jours", "gestern", "1 year"} {
		if _, ok := ParseDate(raw); !ok {
			t.Errorf("ParseDate(%q): not a date", raw)
		}
	}
	for _, prose := range []string{"Vor 3 Tagen habe ich aufgehört.", "Marzo fue duro."} {
		if _, ok := ParseDate(prose); ok {
			t.Errorf("ParseDate(%q): read as a date", prose)
		}
	}
}

// A page's dates are placed together: day first when one date can only be read so, and
// the year of a date without one from the comment before it or the page's own date.
func TestSettleDates(t *testing.T) {
	page := `Summer recipes

Posted on June 3, 2019

3 Comments

Anna
02/07/2019 10:15
Lovely, thank you.

Ben
13/07/2019 08:00
Made it twice already.

Cleo
Jul 20th at 2:41 pm
Added lime, even better.
`
	p := parsePageText("t.txt", page)
	want := []string{"2019-07-02T10:15", "2019-07-13T08:00", "2019-07-20T14:41"}
	if len(p.Comments) != len(want) {
		t.Fatalf("%d comments: %+v", len(p.Comments), p.Comments)
	}
	for i, w := range want {
		if got := p.Comments[i].Posted.Format("2006-01-02T15:04"); got != w {
			t.Errorf("comment %d (%q): %s, want %s", i, p.Comments[i].PostedRaw, got, w)
		}
	}
}

// A forum post that quotes another over its reply: the quote, up to the forum's "Click
// to expand...", is the other writer's and leaves the text.
func TestDropQuotes(t *testing.T) {
	for _, c := range []struct{ name, body, want string }{
		{"quote folded", "nurse_jo said:\nAsk about switching to a lower dose.\nClick to expand...\n\nI did, and the swelling went down.", "I did, and the swelling went down."},
		{"German", "Pepemaus hat gesagt.:\nDie Ohren sind sauber.\nZum Vergrößern anklicken....\n\nDann sind es wohl Flöhe.", "Dann sind es wohl Flöhe."},
		{"quoted post not on the page: kept", "Tom said:\nNever heard of it.\nClick to expand...\n\nMe neither.", "Tom said:\nNever heard of it.\nClick to expand...\n\nMe neither."},
		{"no end shown, the quoted post on the page: dropped", "Zitat von Tom\nSeit drei Tagen Kopfschmerzen.\n\nBei mir auch.", "Bei mir auch."},
		{"no end shown, the quoted post elsewhere: kept", "Zitat von Ann\nIch nehme seit Montag Ibuprofen.\n\nBei mir auch.", "Zitat von Ann\nIch nehme seit Montag Ibuprofen.\n\nBei mir auch."},
		{"said in prose: kept", "My doctor said:\nno more than 20 mg a day.", "My doctor said:\nno more than 20 mg a day."},
	} {
		t.Run(c.name, func(t *testing.T) {
			// the quoted post is on the page: its first line stands there too
			page := c.body + "\nAsk about switching to a lower dose.\nDie Ohren sind sauber.\nSeit drei Tagen Kopfschmerzen."
			if got := joinParagraphs(dropQuotes(splitLines(c.body), page)); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// Article pages without reader comments get none: the reader's furniture that looks
// like bylines (related-story cards, the article's own byline, metadata, several articles
// under their bylines, an archive) stays in the article. Each page is written for this
// test after a class seen on real pages.
func TestArticlesGetNoComments(t *testing.T) {
	cases := map[string]string{
		"related cards": `Why statins make some legs ache

By Ana Ruiz
March 3, 2019

Muscle pain is the side effect patients mention most. Doctors say it is often mild and
goes away when the dose is lowered, but a few people stop the drug altogether.

Related stories

Henry Gilbert • February 15, 2017
What your cholesterol numbers mean

Laura Bliss • Apr 29, 2019
Ten foods that lower LDL

John Metcalfe • Oct 20, 2015
The truth about fish oil
`,
		"the article's own byline": `New rules for opioid prescriptions

Evan Halper
Staff Writer
Jan 23, 2020 4 AM

The state will cap first prescriptions at seven days from March. Pharmacists will be asked to check a
registry before dispensing, and doctors who prescribe more will have to record why. Patient groups said
the rules could leave people with chronic pain without treatment, while addiction specialists welcomed
them as overdue. The health department expects the number of pills in circulation to fall by a third in
the first year, and will publish figures every quarter so that the effect can be followed.
`,
		"metadata": `Paxlovid: what you need to know

Published: 2022-01-28
Updated: 2022-02-03
Reviewed by: Dr. Brit Weirich

Paxlovid is an antiviral taken for five days. It interacts with many common drugs, so tell your
doctor everything you take before you start.
`,
		"an archive": `About this blog

I write about living with migraine.

Archive
Oktober 2012
September 2012
August 2012

Comments
`,
	}
	for name, page := range cases {
		t.Run(name, func(t *testing.T) {
			pages, err := Parse("t.txt", []byte(page), FormatAuto)
			if err != nil || len(pages) != 1 {
				t.Fatalf("%d pages, %v", len(pages), err)
			}
			p := pages[0]
			if len(p.Comments) != 0 {
				t.Errorf("%d comments (%s), the first by %q: %.60q", len(p.Comments), p.Layout, p.Comments[0].Author, p.Comments[0].Text)
			}
			// nothing lost: the page's last line is in the article
			lines := strings.Split(strings.TrimSpace(page), "\n")
			if last := lines[len(lines)-1]; !strings.Contains(p.Title+"\n"+p.Article, last) {
				t.Errorf("article lacks %q", last)
			}
		})
	}
}

// A theme that prints the byline under the comment: "Comment by X — 17.07, 2011 @ 13:04".
func TestBylinesUnderComments(t *testing.T) {
	page := `Magnesium for night cramps

My calves cramped every night for a month until I tried this.

2 Comments

Great tips, I will try the magnesium first.
Comment by Marta — 17.07, 2011 @ 13:04

Did not work for me, sadly. The cramps stayed.
Comment by Jo — 18.07, 2011 @ 09:30
`
	p := parsePageText("t.txt", page)
	want := []commentText{
		{"Marta", "2011-07-17T13:04", "Great tips, I will try the magnesium first."},
		{"Jo", "2011-07-18T09:30", "Did not work for me, sadly. The cramps stayed."},
	}
	checkCommentTexts(t, p, want)
}

// A blog owner's reply printed under its text inside the comment it answers, with its
// own byline ("owner 於 date 回覆"): a comment of its own, answering that one.
func TestRepliesUnderTheirText(t *testing.T) {
	page := `營地遊記

這次去了山上的營地，楓葉正紅，天氣很冷。

#1  小明  於 2013/12/28 10:28

好美的地方，下次也想去看看。

謝謝小明的來訪！冬天要多穿一點。

阿山 於 2014/01/01 20:31 回覆

#2  阿花  於 2013/12/29 09:15

我也去過那裡，晚上真的很冷，睡袋要準備好。

阿山 於 2014/01/01 20:40 回覆
`
	p := parsePageText("t.txt", page)
	want := []struct {
		author string
		parent int
		starts string
	}{{"小明", -1, "好美的地方"}, {"阿山", 0, "謝謝小明的來訪"}, {"阿花", -1, "我也去過那裡"}}
	if len(p.Comments) != len(want) {
		t.Fatalf("%d comments (%s): %+v", len(p.Comments), p.Layout, p.Comments)
	}
	for i, w := range want {
		c := p.Comments[i]
		if c.Index != i || c.Author != w.author || c.Parent != w.parent || !strings.HasPrefix(c.Text, w.starts) {
			t.Errorf("comment %d: %d %q parent %d %q, want %q parent %d %q", i, c.Index, c.Author, c.Parent, c.Text, w.author, w.parent, w.starts)
		}
	}
}

// Flat replies that say whom they answer ("Antwort auf #1 von Betina", "in reply to
// Klaus") get that comment as their parent.
func TestFlatRepliesNameTheirParent(t *testing.T) {
	page := `Ibuprofen und Magen

Ich nehme seit Jahren Ibuprofen gegen Migräne.

3 Kommentare

Betina sagt: 23.05.2019 - 09:05
Bei mir hilft es auch, aber der Magen leidet.

Klaus sagt: 24.05.2019 - 18:40
Antwort auf #1 von Betina
Nimm es mit Essen, dann geht es.

Marta sagt: 25.05.2019 - 07:10
Ich vertrage es gar nicht.
`
	p := parsePageText("t.txt", page)
	want := []struct {
		author string
		parent int
		text   string
	}{{"Betina", -1, "Bei mir hilft es auch, aber der Magen leidet."}, {"Klaus", 0, "Nimm es mit Essen, dann geht es."}, {"Marta", -1, "Ich vertrage es gar nicht."}}
	if len(p.Comments) != len(want) {
		t.Fatalf("%d comments (%s): %+v", len(p.Comments), p.Layout, p.Comments)
	}
	for i, w := range want {
		c := p.Comments[i]
		if c.Author != w.author || c.Parent != w.parent || c.Text != w.text {
			t.Errorf("comment %d: %q parent %d %q, want %q parent %d %q", i, c.Author, c.Parent, c.Text, w.author, w.parent, w.text)
		}
	}
}

// An age ends a byline; a duration in a sentence is no date.
func TestAgeOrDuration(t *testing.T) {
	for line, want := range map[string]string{
		"Ed Erhart 1 year":                       "1 year",
		"Taken for 3 months":                     "",
		"I felt better after 2 weeks":            "",
		"Two classics as relevant today as ever": "",
	} {
		if _, _, raw := dateSpan(strings.Fields(line)); raw != want {
			t.Errorf("dateSpan(%q) = %q, want %q", line, raw, want)
		}
	}
}

// The quick reading of "April 9th, 2014 at 12:45 AM" agrees with the expressions.
func TestQuickMDYAgrees(t *testing.T) {
	for _, s := range []string{"April 9th, 2014 at 12:45 AM", "March 3, 2019 at 7:15 pm", "Apr 9 2014", "Sept. 12, 2020, 08:05",
		"May 31, 2019 at 23:59:30", "February 30, 2019", "March 3, 2019 at 25:00", "March 3, 2019 at 7:15 p.m."} {
		q, qok, sure := quickMDY(s)
		m := reMDY.FindStringSubmatch(s)
		var r time.Time
		rok := false
		if m != nil && monthNames[strings.ToLower(m[1])] != 0 {
			r, rok = build(m[3], monthNames[strings.ToLower(m[1])], m[2], m[4], m[5], m[6], m[7])
		}
		if sure && (qok != rok || !q.Equal(r)) {
			t.Errorf("%q: quick %v %v, expressions %v %v", s, q, qok, r, rok)
		}
	}
}

// A blog named "... sagt" over its article, and a sidebar (an archive's months) after the
// last comment: neither is a comment, and the last comment's text stops before the
// sidebar.
func TestSiteTitleAndSidebar(t *testing.T) {
	page := `Toggle navigation Frau Mia sagt
Startseite
Frau Mia sagt
Der Blog über Gesundheit

Mein Jahr ohne Zucker

Seit Januar esse ich keinen Zucker mehr, und mein Blutdruck ist gesunken.

2 Gedanken zu „Mein Jahr ohne Zucker“
Gabi sagt:
17. Februar 2020 um 12:47 Uhr
Toll! Bei mir hat es auch geholfen.
Ines sagt:
18. Februar 2020 um 08:10 Uhr
Ich schaffe das leider nicht, aber ich versuche es weiter.

Monat auswählen
Februar 2020
Archiv
Januar 2020
`
	p := parsePageText("t.txt", page)
	if len(p.Comments) != 2 || p.Comments[0].Author != "Gabi" || p.Comments[1].Author != "Ines" {
		t.Fatalf("%s: %+v", p.Layout, p.Comments)
	}
	if last := p.Comments[1].Text; last != "Ich schaffe das leider nicht, aber ich versuche es weiter." {
		t.Errorf("last comment %q", last)
	}
}

// commentText is a comment a test expects whole: its author, posted time
// (2006-01-02T15:04) and exact text (checkComments compares a text's start).
type commentText struct{ author, posted, text string }

// checkCommentTexts compares a page's comments with those expected, texts exactly.
func checkCommentTexts(t *testing.T, p *Page, want []commentText) {
	t.Helper()
	if len(p.Comments) != len(want) {
		t.Fatalf("%d comments (%s): %+v", len(p.Comments), p.Layout, p.Comments)
	}
	for i, w := range want {
		c := p.Comments[i]
		if c.Author != w.author || minute(c.Posted) != w.posted || c.Text != w.text {
			t.Errorf("comment %d: %q %s %q, want %q %s %q", i, c.Author, minute(c.Posted), c.Text, w.author, w.posted, w.text)
		}
	}
}
