// Command gen builds a large corpus of comment pages for benchmarks from the test pages:
// it reads every page under testdata, then writes pages that mix their articles and
// comments (with new authors and dates) until the corpus reaches the size asked for.
// With -jsonl it writes one Pushshift-style dump instead: per thread a submission and its
// comments, replies linked by parent_id. With -page it writes one text page of -comments
// comments to the file -out (-mb is not used), to measure the reader inside one big input.
// -authors sets how many distinct commenters there are (names beyond the built-in ones
// are numbered), as a real dump has many.
//
//	go run ./testdata/gen -out /tmp/corpus -mb 60
//	go run ./testdata/gen -jsonl -out /tmp/dump.jsonl -mb 100 -authors 200000
//	go run ./testdata/gen -page -comments 100000 -out /tmp/big.txt
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/rxvoice/rxvoice/corpus"
)

// nAuthors is -authors: how many distinct names author picks from.
var nAuthors = len(names)

// author picks a commenter: one of names, or a numbered one past them.
func author(rng *rand.Rand) string {
	i := rng.IntN(nAuthors)
	if i < len(names) {
		return names[i]
	}
	return "user" + strconv.Itoa(i)
}

var names = []string{"amy", "Kimberly L", "LLB", "jmhp", "Julie O.", "Lisa", "Debbie", "carol", "Patricia Z.", "Sheila", "Shirley S", "Rebecca", "michael", "Lucy", "Tom R", "dr_ellen", "sugarfree_sam"}

func main() {
	out := flag.String("out", "", "directory to write the corpus to")
	mb := flag.Int("mb", 50, "size of the corpus in MB")
	perPage := flag.Int("comments", 40, "comments per page")
	seed := flag.Uint64("seed", 1, "random seed")
	jsonl := flag.Bool("jsonl", false, "write one JSON Lines dump of threads to the file -out")
	page := flag.Bool("page", false, "write one text page of -comments comments to the file -out")
	authors := flag.Int("authors", len(names), "distinct commenters")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out DIR is required")
		os.Exit(2)
	}
	if *authors < 1 {
		fmt.Fprintln(os.Stderr, "gen: -authors must be at least 1")
		os.Exit(2)
	}
	nAuthors = *authors
	write := run
	switch {
	case *jsonl && *page:
		fmt.Fprintln(os.Stderr, "gen: give -jsonl or -page, not both")
		os.Exit(2)
	case *jsonl:
		write = runJSONL
	case *page:
		write = runPage
	}
	if err := write(*out, *mb<<20, *perPage, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// texts reads the articles and comment texts of the test pages.
func texts() (articles, comments []string, err error) {
	files, errs := corpus.Expand([]string{"testdata/klonopin-immune-comments.txt", "testdata/pages"})
	if len(errs) > 0 {
		return nil, nil, errs[0]
	}
	for _, f := range files {
		pages, err := corpus.ReadFile(f, corpus.Options{})
		if err != nil {
			continue
		}
		for _, p := range pages {
			if p.Article != "" {
				articles = append(articles, p.Article)
			}
			for _, c := range p.Comments {
				if c.Text != "" {
					comments = append(comments, c.Text)
				}
			}
		}
	}
	if len(articles) == 0 || len(comments) == 0 {
		return nil, nil, fmt.Errorf("no pages under testdata: run from the repository root")
	}
	return articles, comments, nil
}

func run(out string, size, perPage int, seed uint64) error {
	articles, comments, err := texts()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	written := 0
	for n := 0; written < size; n++ {
		var b strings.Builder
		writePage(&b, rng, n, perPage, articles, comments)
		path := filepath.Join(out, fmt.Sprintf("page-%05d.txt", n))
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			return err
		}
		written += b.Len()
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %d MB to %s\n", written>>20, out)
	return nil
}

// runPage writes one text page with perPage comments to the file out.
func runPage(out string, _, perPage int, seed uint64) error {
	articles, comments, err := texts()
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	writePage(&b, rng, 0, perPage, articles, comments)
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %d comments (%d MB) to %s\n", perPage, b.Len()>>20, out)
	return nil
}

// writePage writes page n: an article and perPage comments under headers like those of
// testdata/klonopin-immune-comments.txt.
func writePage(b *strings.Builder, rng *rand.Rand, n, perPage int, articles, comments []string) {
	start := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)
	fmt.Fprintf(b, "Page %d: patients on their medicines\n\n%s\n\n", n, articles[rng.IntN(len(articles))])
	for i := 0; i < perPage; i++ {
		t := start.Add(time.Duration(rng.IntN(12*365*24*60)) * time.Minute)
		fmt.Fprintf(b, "  • %s\n\n    %s\n\n", author(rng), t.Format("January 2, 2006 at 3:04 PM"))
		for _, l := range strings.Split(comments[rng.IntN(len(comments))], "\n") {
			fmt.Fprintf(b, "    %s\n", l)
		}
		b.WriteString("\n")
	}
}

// runJSONL writes a dump of threads to the file out: each thread a submission (id, title,
// selftext) then perThread comments (link_id, parent_id: the submission or an earlier
// comment), as Pushshift gives them.
func runJSONL(out string, size, perThread int, seed uint64) error {
	articles, comments, err := texts()
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	start := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	written := 0
	for n := 0; written < size; n++ {
		thread := strconv.FormatInt(int64(n), 36)
		t := start + rng.Int64N(12*365*24*3600)
		recs := []map[string]any{{"id": thread, "title": fmt.Sprintf("Thread %d: patients on their medicines", n),
			"selftext": articles[rng.IntN(len(articles))], "author": author(rng), "created_utc": t}}
		for i := 0; i < perThread; i++ {
			parent := "t3_" + thread
			if i > 0 && rng.IntN(2) == 0 {
				parent = fmt.Sprintf("t1_%s_%d", thread, rng.IntN(i))
			}
			t += rng.Int64N(24 * 3600)
			recs = append(recs, map[string]any{"link_id": "t3_" + thread, "id": fmt.Sprintf("%s_%d", thread, i),
				"parent_id": parent, "author": author(rng), "created_utc": t,
				"body": comments[rng.IntN(len(comments))]})
		}
		for _, r := range recs {
			b, err := json.Marshal(r)
			if err != nil {
				return err
			}
			n, _ := w.Write(append(b, '\n'))
			written += n
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %d MB to %s\n", written>>20, out)
	return nil
}
