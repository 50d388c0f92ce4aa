// Command gen builds a large corpus of comment pages for benchmarks from the test pages:
// it reads every page under testdata, then writes pages that mix their articles and
// comments (with new authors and dates) until the corpus reaches the size asked for.
//
//	go run ./testdata/gen -out /tmp/corpus -mb 60
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rxvoice/rxvoice/corpus"
)

func main() {
	out := flag.String("out", "", "directory to write the corpus to")
	mb := flag.Int("mb", 50, "size of the corpus in MB")
	perPage := flag.Int("comments", 40, "comments per page")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out DIR is required")
		os.Exit(2)
	}
	if err := run(*out, *mb<<20, *perPage, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string, size, perPage int, seed uint64) error {
	files, errs := corpus.Expand([]string{"testdata/klonopin-immune-comments.txt", "testdata/pages"})
	if len(errs) > 0 {
		return errs[0]
	}
	var articles, comments []string
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
		return fmt.Errorf("no pages under testdata: run from the repository root")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	names := []string{"amy", "Kimberly L", "LLB", "jmhp", "Julie O.", "Lisa", "Debbie", "carol", "Patricia Z.", "Sheila", "Shirley S", "Rebecca", "michael", "Lucy", "Tom R", "dr_ellen", "sugarfree_sam"}
	start := time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)
	written := 0
	for n := 0; written < size; n++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Page %d: patients on their medicines\n\n%s\n\n", n, articles[rng.IntN(len(articles))])
		for i := 0; i < perPage; i++ {
			t := start.Add(time.Duration(rng.IntN(12*365*24*60)) * time.Minute)
			fmt.Fprintf(&b, "  • %s\n\n    %s\n\n", names[rng.IntN(len(names))], t.Format("January 2, 2006 at 3:04 PM"))
			for _, l := range strings.Split(comments[rng.IntN(len(comments))], "\n") {
				fmt.Fprintf(&b, "    %s\n", l)
			}
			b.WriteString("\n")
		}
		path := filepath.Join(out, fmt.Sprintf("page-%05d.txt", n))
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			return err
		}
		written += b.Len()
	}
	fmt.Fprintf(os.Stderr, "gen: wrote %d MB to %s\n", written>>20, out)
	return nil
}
