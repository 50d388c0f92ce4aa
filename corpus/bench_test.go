package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkReadPages reads the pages of $RXVOICE_CORPUS (or the test pages): the page
// reader alone, MB/s.
func BenchmarkReadPages(b *testing.B) {
	dir := os.Getenv("RXVOICE_CORPUS")
	if dir == "" {
		dir = "../testdata/pages"
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*"))
	var size int64
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil {
			size += fi.Size()
		}
	}
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		for _, p := range paths {
			ReadFile(p, Options{})
		}
	}
}

// BenchmarkStreamJSONLThreads reads a Pushshift-style dump of 200,000 comments in 5,000
// threads, made from the test pages' comments, thread by thread: MB/s, and B/op against
// the dump's size shows that pages are not held.
func BenchmarkStreamJSONLThreads(b *testing.B) {
	texts := testPageComments(b)
	path := filepath.Join(b.TempDir(), "dump.jsonl")
	var buf bytes.Buffer
	for n, i := 0, 0; n < 5000; n++ {
		fmt.Fprintf(&buf, "{\"id\":\"s%d\",\"title\":\"Thread %d\",\"selftext\":%q}\n", n, n, texts[n%len(texts)])
		for k := 0; k < 40; k++ {
			parent := fmt.Sprintf("t3_s%d", n)
			if k > 0 {
				parent = fmt.Sprintf("t1_c%d", i-1)
			}
			fmt.Fprintf(&buf, "{\"link_id\":\"t3_s%d\",\"id\":\"c%d\",\"parent_id\":%q,\"author\":\"u%d\",\"created_utc\":%d,\"body\":%q}\n",
				n, i, parent, i%997, 1546300800+i*60, texts[i%len(texts)])
			i++
		}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pages := 0
		if err := StreamFile(path, Options{}, func(*Page) error { pages++; return nil }); err != nil || pages != 5000 {
			b.Fatalf("%d pages, %v", pages, err)
		}
	}
}

// BenchmarkReadBigTextPage reads one page of text with 25,000 and with 100,000 comments
// (headers as on testdata/klonopin-immune-comments.txt, texts from the test pages): the
// time per comment (ns/comment) is the same at both sizes when the reader is linear.
func BenchmarkReadBigTextPage(b *testing.B) {
	texts := testPageComments(b)
	names := []string{"amy", "Kimberly L", "LLB", "jmhp", "Julie O.", "Lisa", "Debbie", "carol", "Tom R"}
	for _, n := range []int{25000, 100000} {
		var buf bytes.Buffer
		buf.WriteString("Patients on their medicines\n\nAn article about benzodiazepines.\n\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&buf, "  • %s\n\n    %s\n\n", names[i%len(names)], time.Date(2012, 1, 1+i%3000, i%24, i%60, 0, 0, time.UTC).Format("January 2, 2006 at 3:04 PM"))
			for _, l := range strings.Split(texts[i%len(texts)], "\n") {
				fmt.Fprintf(&buf, "    %s\n", l)
			}
			buf.WriteString("\n")
		}
		data := buf.Bytes()
		b.Run(fmt.Sprintf("comments=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for i := 0; i < b.N; i++ {
				pages, err := Parse("big.txt", data, FormatAuto)
				if err != nil || len(pages) != 1 || len(pages[0].Comments) != n {
					b.Fatalf("%d pages, %v", len(pages), err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/comment")
		})
	}
}

// testPageComments returns the texts of the comments of the test pages; it skips b when
// there are none.
func testPageComments(b *testing.B) []string {
	var texts []string
	paths, _ := filepath.Glob("../testdata/pages/*.txt")
	for _, p := range paths {
		pages, _ := ReadFile(p, Options{})
		for _, pg := range pages {
			for _, c := range pg.Comments {
				texts = append(texts, c.Text)
			}
		}
	}
	if len(texts) == 0 {
		b.Skip("no test pages")
	}
	return texts
}
