package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// layoutWant is what a page of testdata/layouts should read as, written with the page
// before the reader ran on it.
type layoutWant struct {
	OPAuthor string `json:"op_author"`
	Comments []struct {
		Author    string   `json:"author"`
		Date      string   `json:"date"`
		Parent    *int     `json:"parent"`
		ParentAlt []any    `json:"parent_alt"` // an index, null, or "op" (the opening post)
		Starts    string   `json:"starts_with"`
		StartsAlt []string `json:"starts_alt"`
		Ends      string   `json:"ends_with"`
		EndsAlt   []string `json:"ends_alt"`
		Optional  bool     `json:"optional"`
	} `json:"comments"`
}

var reSpaces = regexp.MustCompile(`\s+`)

func normText(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u201c", `"`, "\u201d", `"`, "\u00a0", " ", "\u202f", " ").Replace(s)
	return strings.TrimSpace(reSpaces.ReplaceAllString(s, " "))
}

// TestBlindLayouts reads twelve saved pages in layouts we had not seen when they were
// written (Drugs.com, WebMD, patient.info, HealthUnlocked, Inspire, Disqus, WordPress,
// Blogger, phpBB, Reddit, a Facebook group, Quora): every comment is found, with its
// author, date, parent and exact text, and no furniture in it. A forum's opening post
// may be read as comment 0 rather than as the article.
func TestBlindLayouts(t *testing.T) {
	pages, _ := filepath.Glob("../testdata/layouts/pages/*")
	if len(pages) < 12 {
		t.Fatalf("%d layout pages", len(pages))
	}
	for _, path := range pages {
		name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("../testdata/layouts/expected", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var want layoutWant
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			p := readPage(t, path)
			matched := make([]int, len(want.Comments)) // expected -> comment index
			used := map[int]bool{}
			for i, w := range want.Comments {
				matched[i] = -1
				for _, start := range append([]string{w.Starts}, w.StartsAlt...) {
					for j, c := range p.Comments {
						if matched[i] < 0 && !used[j] && strings.Contains(normText(c.Text), normText(start)) {
							matched[i], used[j] = j, true
						}
					}
				}
				if matched[i] < 0 {
					if !w.Optional {
						t.Errorf("comment %q by %s: not found", w.Starts, w.Author)
					}
					continue
				}
				c := p.Comments[matched[i]]
				text := normText(c.Text)
				if c.Author != w.Author && !(w.Author == "[deleted]" && c.Author == "") {
					t.Errorf("comment %q: author %q, want %q", w.Starts, c.Author, w.Author)
				}
				if !strings.HasSuffix(normText(c.PostedRaw), normText(w.Date)) {
					t.Errorf("comment %q: date %q, want %q", w.Starts, c.PostedRaw, w.Date)
				}
				// A review's title or condition line may come first: it is the writer's too.
				firstLine, rest, _ := strings.Cut(c.Text, "\n")
				starts := func(s string) bool {
					for _, st := range append([]string{w.Starts}, w.StartsAlt...) {
						if strings.HasPrefix(s, normText(st)) {
							return true
						}
						// a field label: "Reason: Generalized anxiety"
						if _, after, ok := strings.Cut(s, ": "); ok && len(s)-len(after) <= 30 && strings.HasPrefix(after, normText(st)) {
							return true
						}
					}
					return false
				}
				if !starts(text) && !strings.HasPrefix(text, "For ") && !strings.HasPrefix(text, "Condition: ") &&
					!(len(firstLine) <= 100 && starts(normText(rest))) {
					t.Errorf("comment %q: text starts %.60q", w.Starts, text)
				}
				ends := false
				for _, e := range append([]string{w.Ends}, w.EndsAlt...) {
					ends = ends || strings.HasSuffix(strings.Trim(text, `"`), strings.Trim(normText(e), `"`))
				}
				if !ends {
					t.Errorf("comment %q: text ends %q, want %q", w.Starts, text[max(0, len(text)-60):], w.Ends)
				}
			}
			// Parents: the expected parent's comment, or an accepted alternative.
			for i, w := range want.Comments {
				if matched[i] < 0 {
					continue
				}
				got := p.Comments[matched[i]].Parent
				accept := []int{parentIndex(w.Parent, matched)}
				for _, alt := range w.ParentAlt {
					switch v := alt.(type) {
					case float64:
						n := int(v)
						accept = append(accept, parentIndex(&n, matched))
					case string: // "op": the opening post, when it is read as comment 0
						if len(p.Comments) > 0 && p.Comments[0].Author == want.OPAuthor {
							accept = append(accept, 0)
						}
					default:
						accept = append(accept, -1)
					}
				}
				if !slices.Contains(accept, got) {
					t.Errorf("comment %q: parent %d, want one of %v", w.Starts, got, accept)
				}
			}
			// Nothing else read as a comment, but a forum's opening post.
			for j, c := range p.Comments {
				if !used[j] && !(j == 0 && want.OPAuthor != "" && c.Author == want.OPAuthor) {
					t.Errorf("unexpected comment %d by %q: %.60q", j, c.Author, c.Text)
				}
			}
		})
	}
}

// parentIndex maps an expected parent (an index into the expected comments, or nil) to
// the comment index it was matched to.
func parentIndex(p *int, matched []int) int {
	if p == nil || *p < 0 || *p >= len(matched) {
		return -1
	}
	return matched[*p]
}
