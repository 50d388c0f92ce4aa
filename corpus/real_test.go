package corpus

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// realWant is what a page of testdata/real should read as. The expectations were written
// from the saved pages by people who did not run the reader on them.
type realWant struct {
	SourceURL   string   `json:"source_url"`
	Site        string   `json:"site"`
	Kind        string   `json:"kind"` // "comments" or "article"
	OPAuthor    string   `json:"op_author"`
	ArticleFrom string   `json:"article_starts_with"`
	ArticleHas  []string `json:"article_contains"`
	Comments    []struct {
		Author   string `json:"author"`
		Date     string `json:"date"`
		Posted   string `json:"posted"`
		Parent   *int   `json:"parent"`
		Starts   string `json:"starts_with"`
		Ends     string `json:"ends_with"`
		Optional bool   `json:"optional"`
	} `json:"comments"`
}

// realScore is what TestRealPages counts.
type realScore struct {
	pages, commentPages, articlePages int
	want, found, author, text, whole  int // expected comments; found; right author; right start and end; all three
	dates, datesRight                 int // expected comments with a shown date; right
	extra                             int // comments read that no expectation matches
	articlesWithComments              int // article pages given any comment
	articleLost                       int // article sentences not in the article
	proseLines, proseLost             int // sentence lines of text fixtures; not found in any text
}

func (s realScore) String() string {
	pct := func(a, b int) string {
		if b == 0 {
			return "-"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
	}
	return fmt.Sprintf("%d pages (%d with comments, %d articles)\n"+
		"comments: %d expected, %d found (%s), right author %s, right text %s, all right %s; %d read that are not comments\n"+
		"shown dates right: %d/%d (%s)\n"+
		"article pages given a comment: %d/%d (%s); article sentences not in the article: %d\n"+
		"sentence lines lost (text pages): %d/%d",
		s.pages, s.commentPages, s.articlePages,
		s.want, s.found, pct(s.found, s.want), pct(s.author, s.want), pct(s.text, s.want), pct(s.whole, s.want), s.extra,
		s.datesRight, s.dates, pct(s.datesRight, s.dates),
		s.articlesWithComments, s.articlePages, pct(s.articlesWithComments, s.articlePages), s.articleLost,
		s.proseLost, s.proseLines)
}

// TestRealPages reads the real saved pages of testdata/real (forums, blogs, news and Q&A
// sites, and article pages without comments) and scores them against expectations
// written before the reader ran. Every mismatch is logged with -v; the test fails below
// the floors. `go test ./corpus -run TestRealPages -v` prints the figures.
func TestRealPages(t *testing.T) {
	// RXVOICE_REAL_PREFIX=h- scores one set alone (the second blind set: h-)
	paths, _ := filepath.Glob("../testdata/real/pages/" + os.Getenv("RXVOICE_REAL_PREFIX") + "*")
	sort.Strings(paths)
	if len(paths) == 0 {
		t.Skip("no real pages")
	}
	var s realScore
	for _, path := range paths {
		base := filepath.Base(path)
		ext := filepath.Ext(base)
		name := strings.TrimSuffix(base, ext) + "-" + strings.TrimPrefix(ext, ".")
		b, err := os.ReadFile(filepath.Join("../testdata/real/expected", name+".json"))
		if err != nil {
			t.Errorf("%s: no expectation: %v", base, err)
			continue
		}
		var want realWant
		if err := json.Unmarshal(b, &want); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		pages, err := ReadFile(path, Options{})
		if err != nil || len(pages) != 1 {
			t.Errorf("%s: %d pages, %v", base, len(pages), err)
			continue
		}
		scoreReal(t, base, path, pages[0], want, &s)
	}
	t.Logf("real pages:\n%s", s)
	floors := []struct {
		what      string
		got, want float64
	}{
		{"comments all right", ratio(s.whole, s.want), realFloorComments},
		{"shown dates right", ratio(s.datesRight, s.dates), realFloorDates},
		{"article pages with no comment", ratio(s.articlePages-s.articlesWithComments, s.articlePages), realFloorArticles},
	}
	for _, f := range floors {
		if f.got < f.want {
			t.Errorf("%s: %.3f, floor %.3f", f.what, f.got, f.want)
		}
	}
	if s.proseLost > realMaxLost {
		t.Errorf("%d sentence lines lost (at most %d)", s.proseLost, realMaxLost)
	}
}

// The floors of TestRealPages, a little under the figures reached on both sets together
// (README, Accuracy): comments with the right author and text 0.901, shown dates 0.959,
// article pages without a comment 1.0, 6 sentence lines not in any text (comment-form and
// sidebar lines among the comments). The targets are 0.90, 0.95, 0.98, none.
const (
	realFloorComments = 0.89
	realFloorDates    = 0.95
	realFloorArticles = 0.98
	realMaxLost       = 6
)

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func scoreReal(t *testing.T, base, path string, p *Page, want realWant, s *realScore) {
	before := *s
	defer func() {
		t.Logf("PAGE %-50s want %3d found %3d right %3d dates %3d/%3d extra %2d lost %2d | %s", base,
			s.want-before.want, s.found-before.found, s.whole-before.whole, s.datesRight-before.datesRight,
			s.dates-before.dates, s.extra-before.extra+s.articlesWithComments-before.articlesWithComments,
			s.proseLost-before.proseLost, p.Layout)
	}()
	s.pages++
	// A forum's opening post may be read as comment 0 rather than as the article.
	comments := p.Comments
	article := normText(p.Title + "\n" + p.Article)
	if want.OPAuthor != "" && len(comments) > 0 && comments[0].Author == want.OPAuthor &&
		(want.ArticleFrom == "" || strings.Contains(normText(comments[0].Text), normText(want.ArticleFrom))) {
		article += " " + normText(comments[0].Text)
		comments = comments[1:]
	}
	if want.Kind == "article" {
		s.articlePages++
		if len(comments) > 0 {
			s.articlesWithComments++
			t.Logf("%s: article page read with %d comments, the first by %q: %.80q", base, len(comments), comments[0].Author, comments[0].Text)
		}
		for _, sent := range append([]string{want.ArticleFrom}, want.ArticleHas...) {
			if sent != "" && !strings.Contains(article, normText(sent)) {
				s.articleLost++
				t.Logf("%s: article lacks %.80q", base, sent)
			}
		}
	} else {
		s.commentPages++
		if want.ArticleFrom != "" && !strings.Contains(article, normText(want.ArticleFrom)) {
			t.Logf("%s: article does not have %.60q; it starts %.80q", base, want.ArticleFrom, article)
		}
	}
	used := map[int]bool{}
	for _, w := range want.Comments {
		if w.Optional {
			continue
		}
		s.want++
		if w.Posted != "" {
			s.dates++
		}
		j := -1
		for k, c := range comments {
			if !used[k] && strings.Contains(normText(c.Text), normText(w.Starts)) {
				j = k
				break
			}
		}
		if j < 0 {
			t.Logf("%s: comment by %q not found: %.60q", base, w.Author, w.Starts)
			continue
		}
		used[j] = true
		s.found++
		c := comments[j]
		text := normText(c.Text)
		okAuthor := normText(c.Author) == normText(w.Author)
		// a comment's own title line may come first ("Wo und wie gestorben wird")
		first, rest, _ := strings.Cut(c.Text, "\n")
		okStart := strings.HasPrefix(text, normText(w.Starts)) || len(first) <= 100 && strings.HasPrefix(normText(rest), normText(w.Starts))
		okText := okStart && strings.HasSuffix(strings.TrimRight(text, " "), normText(w.Ends))
		if okAuthor {
			s.author++
		} else {
			t.Logf("%s: comment %.40q: author %q, want %q", base, w.Starts, c.Author, w.Author)
		}
		if okText {
			s.text++
		} else {
			t.Logf("%s: comment by %q: text %.50q ... %q, want %.50q ... %q", base, w.Author, text, text[max(0, len(text)-50):], w.Starts, w.Ends)
		}
		if okAuthor && okText {
			s.whole++
		}
		if w.Posted != "" {
			got := ""
			if !c.Posted.IsZero() {
				got = c.Posted.Format("2006-01-02T15:04")
			}
			if strings.HasPrefix(got, w.Posted) {
				s.datesRight++
			} else {
				t.Logf("%s: comment by %q: posted %q (%q), want %q (%q)", base, w.Author, got, c.PostedRaw, w.Posted, w.Date)
			}
		}
	}
	for k, c := range comments {
		if used[k] {
			continue
		}
		optional := false
		for _, w := range want.Comments {
			optional = optional || w.Optional && strings.Contains(normText(c.Text), normText(w.Starts))
		}
		if !optional && want.Kind != "article" {
			s.extra++
			t.Logf("%s: unexpected comment %d by %q: %.80q", base, k, c.Author, c.Text)
		}
	}
	// Nothing is lost: every sentence line of a text page is in the title, the article or
	// a comment (a line may be split over paragraphs, so spaces are folded).
	if strings.HasSuffix(path, ".txt") {
		all := normText(p.Title + " " + p.Article)
		for _, c := range p.Comments {
			all += " " + normText(c.Text)
		}
		data, _ := os.ReadFile(path)
		// The page's content runs from the article's first words to the last expected
		// comment's (or article sentence's) last words: navigation over it and the
		// sidebar, cookie notice and footer under it are furniture.
		ls := strings.Split(string(data), "\n")
		from, to := 0, len(ls)
		// the first line at or after line at that holds s, or -1
		find := func(s string, at int) int {
			for i := max(at, 0); i < len(ls); i++ {
				if s != "" && strings.Contains(normText(ls[i]), normText(s)) {
					return i
				}
			}
			return -1
		}
		if i := find(want.ArticleFrom, 0); i >= 0 {
			from = i
		}
		// the end: the last expected comment's last words, after its first words (a
		// "recent comments" widget may repeat them elsewhere)
		start, end := "", ""
		for _, w := range want.Comments {
			start, end = w.Starts, w.Ends
		}
		if end == "" && len(want.ArticleHas) > 0 {
			end = want.ArticleHas[len(want.ArticleHas)-1]
		}
		s0 := find(start, from)
		if i := find(end, s0); i >= from && (s0 < 0 || i-s0 <= 60) {
			to = i + 1
		} else if s0 >= 0 {
			to = s0 + 1
		}
		for _, l := range ls[from:to] {
			if !readsAsSentence(l) {
				continue
			}
			s.proseLines++
			if !strings.Contains(all, normText(l)) {
				s.proseLost++
				t.Logf("%s: sentence lost: %.100q", base, strings.TrimSpace(l))
			}
		}
	}
}

// readsAsSentence reports a line of prose: eight words or more, ending as a sentence does.
func readsAsSentence(l string) bool {
	l = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " "))
	if len(strings.Fields(l)) < 8 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	return strings.ContainsRune(".!?", last)
}
