package analyze

import (
	"fmt"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rxvoice/rxvoice/corpus"
	"github.com/rxvoice/rxvoice/lexicon"
)

var (
	defaultOnce     sync.Once
	defaultAnalyzer *Analyzer
	defaultErr      error
)

func analyzer(tb testing.TB) *Analyzer {
	tb.Helper()
	defaultOnce.Do(func() {
		lx, err := lexicon.Default()
		if err != nil {
			defaultErr = err
			return
		}
		defaultAnalyzer = New(lexicon.Compile(lx))
	})
	if defaultErr != nil {
		tb.Fatal(defaultErr)
	}
	return defaultAnalyzer
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"I took it. It helped! Did it?", []string{"I took it.", "It helped!", "Did it?"}},
		{"Dr. Smith gave me 0.5 mg. Then 1 mg.", []string{"Dr. Smith gave me 0.5 mg.", "Then 1 mg."}},
		{"First line\nSecond line", []string{"First line", "Second line"}},
		{"wrapped line that goes\non here", []string{"wrapped line that goes\non here"}},
		{"Para one\n\npara two", []string{"Para one", "para two"}},
		{"Really?! Yes...", []string{"Really?!", "Yes..."}},
		{"e.g. this stays", []string{"e.g. this stays"}},
		{"", nil},
	}
	for _, tc := range tests {
		toks := lexicon.Tokenize(tc.text)
		var got []string
		for _, s := range Sentences(tc.text, toks) {
			got = append(got, tc.text[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Sentences(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// Every mention's text is its section's text at its offsets, and lies in its sentence.
func TestMentionOffsets(t *testing.T) {
	a := analyzer(t)
	files, _ := corpus.Expand([]string{"../testdata/klonopin-immune-comments.txt", "../testdata/pages"})
	n := 0
	for _, f := range files {
		pages, err := corpus.ReadFile(f, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			for _, m := range a.Page(p) {
				n++
				text := m.Section.Text()
				if text[m.Start:m.End] != m.Text {
					t.Errorf("%s: %q at %d:%d is %q", f, m.Text, m.Start, m.End, text[m.Start:m.End])
				}
				if !strings.Contains(m.Sentence, m.Text) {
					t.Errorf("%s: %q not in its sentence %q", f, m.Text, m.Sentence)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d mentions in the test pages", n)
	}
}

func benchPages(b *testing.B) ([]*corpus.Page, int) {
	dir := os.Getenv("RXVOICE_CORPUS") // a corpus from: go run ./testdata/gen -out DIR -mb 50
	paths := []string{"../testdata/klonopin-immune-comments.txt", "../testdata/pages"}
	if dir != "" {
		paths = []string{dir}
	}
	files, _ := corpus.Expand(paths)
	var pages []*corpus.Page
	size := 0
	for _, f := range files {
		ps, err := corpus.ReadFile(f, corpus.Options{})
		if err != nil {
			continue
		}
		for _, p := range ps {
			pages = append(pages, p)
			for _, s := range p.Sections() {
				size += len(s.Text())
			}
		}
	}
	if len(pages) == 0 {
		b.Skip("no pages")
	}
	return pages, size
}

// BenchmarkAnalyze tags the test pages (or the corpus in $RXVOICE_CORPUS): MB/s per core.
func BenchmarkAnalyze(b *testing.B) {
	a := analyzer(b)
	pages, size := benchPages(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			a.Page(p)
		}
	}
}

// BenchmarkPageChunks tags the pages as the commands do, in runs of sections (PageChunks):
// MB/s per core, and alloc-B/B, the bytes allocated per byte of text.
func BenchmarkPageChunks(b *testing.B) {
	a := analyzer(b)
	pages, size := benchPages(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	n := 0
	b.ResetTimer()
	allocs := allocated()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			a.PageChunks(p, 4096, func(_, _ int, ms []Mention, done func()) error {
				n += len(ms)
				if done != nil {
					done()
				}
				return nil
			})
		}
	}
	b.ReportMetric(float64(allocated()-allocs)/float64(b.N)/float64(size), "alloc-B/B")
	if n == 0 {
		b.Fatal("no mentions")
	}
}

// allocated is the bytes allocated so far.
func allocated() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

// benchSections runs fn on the text of every section of the benchmark pages, b.N times.
func benchSections(b *testing.B, fn func(text string) error) {
	pages, size := benchPages(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			for _, s := range p.Sections() {
				if err := fn(s.Text()); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

// BenchmarkTokenize is the tokenizer alone, for comparison with prose's.
func BenchmarkTokenize(b *testing.B) {
	benchSections(b, func(text string) error { lexicon.Tokenize(text); return nil })
}

// Every class and symptom named in indications.tsv exists in the lexicon.
func TestIndicationsTable(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	classes := map[string]bool{"*": true}
	for _, c := range lx.Concepts {
		if c.Kind == lexicon.Drug {
			classes[c.Category] = true
		}
	}
	indicationsOnce.Do(loadIndications)
	if len(indications) < 40 {
		t.Fatalf("%d classes in indications.tsv", len(indications))
	}
	for class, set := range indications {
		if !classes[class] {
			t.Errorf("indications.tsv: class %q is no drug's class", class)
		}
		for c := range set {
			if lx.Concept(lexicon.Symptom, c) == nil {
				t.Errorf("indications.tsv: %s: %q is not a symptom concept", class, c)
			}
		}
	}
}

// BenchmarkLongSection tags one 1 MB section (a file saved as a single line): the cost per
// byte must stay that of ordinary pages, with no work that grows with the square of the
// mentions in a section.
func BenchmarkLongSection(b *testing.B) {
	a := analyzer(b)
	text := strings.Repeat("I took Zoloft for 2 years and had nausea and headaches but no weight gain. ", 1<<20/76)
	p := &corpus.Page{Source: "long", Format: corpus.FormatPlain, Article: text}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Page(p)
	}
}

// A large page is read in two passes (PageSections); its mentions must be those of one.
func TestTwoPassPage(t *testing.T) {
	a := analyzer(t)
	files, _ := corpus.Expand([]string{"../testdata/klonopin-immune-comments.txt", "../testdata/pages"})
	var pages []*corpus.Page
	merged := &corpus.Page{Source: "merged", Format: corpus.FormatPageText, Title: "Klonopin user reviews"}
	for _, f := range files {
		ps, err := corpus.ReadFile(f, corpus.Options{})
		if err != nil {
			continue // the test pages include inputs that must fail
		}
		for _, p := range ps {
			pages = append(pages, p)
			for _, c := range p.Comments {
				c.Index = len(merged.Comments)
				merged.Comments = append(merged.Comments, c)
			}
		}
	}
	pages = append(pages, merged) // one page of many sections, whose drug and title matter
	read := func(p *corpus.Page, twoPass bool) []Mention {
		var out []Mention
		secs := p.Sections()
		a.pageSections(p, twoPass, false, func(k int, all []Mention, from, to int, _ func()) error {
			s, ms := secs[k], all[from:to]
			for i := range ms {
				if ms[i].Section != s {
					t.Fatalf("%s: a mention of another section", p.Source)
				}
			}
			out = append(out, ms...)
			return nil
		})
		return out
	}
	n := 0
	for _, p := range pages {
		one, two := read(p, false), read(p, true)
		n += len(one)
		if len(one) != len(two) {
			t.Errorf("%s: %d mentions in one pass, %d in two", p.Source, len(one), len(two))
			continue
		}
		for i := range one {
			if !reflect.DeepEqual(one[i], two[i]) {
				t.Errorf("%s: mention %d differs:\none pass  %+v\ntwo passes %+v", p.Source, i, one[i], two[i])
				break
			}
		}
	}
	if len(merged.Comments) < 100 || n < 1000 {
		t.Errorf("only %d comments merged, %d mentions: the test reads too little", len(merged.Comments), n)
	}
}

// PageChunks hands on the mentions of PageSections, in runs of whole sections of at least
// most mentions (the last run of a page may hold fewer), in one pass and in two.
func TestPageChunks(t *testing.T) {
	a := analyzer(t)
	files, _ := corpus.Expand([]string{"../testdata/klonopin-immune-comments.txt", "../testdata/pages"})
	pages := 0
	for _, f := range files {
		ps, err := corpus.ReadFile(f, corpus.Options{})
		if err != nil {
			continue // the test pages include inputs that must fail
		}
		for _, p := range ps {
			pages++
			want := a.Page(p)
			secs := p.Sections()
			for _, twoPass := range []bool{false, true} {
				for _, most := range []int{0, 7, 1 << 30} {
					var got []Mention
					var lent [][]Mention // the runs as lent, read again once the page is done
					var dones []func()
					next := 0
					a.pageChunks(p, twoPass, most, func(from, to int, ms []Mention, done func()) error {
						if from != next || to <= from || to > len(secs) {
							t.Fatalf("%s: sections [%d, %d) after %d of %d", p.Source, from, to, next, len(secs))
						}
						if to < len(secs) && len(ms) < most {
							t.Errorf("%s: a run of %d mentions before the page ends (most %d)", p.Source, len(ms), most)
						}
						for i := range ms {
							in := false
							for _, s := range secs[from:to] {
								in = in || ms[i].Section == s
							}
							if !in {
								t.Fatalf("%s: a mention of a section outside [%d, %d)", p.Source, from, to)
							}
						}
						next = to
						got = append(got, ms...)
						lent = append(lent, ms)
						if done != nil {
							dones = append(dones, done)
						}
						return nil
					})
					if next != len(secs) {
						t.Errorf("%s: the runs end at section %d of %d", p.Source, next, len(secs))
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s (two passes %v, most %d): %d mentions, Page has %d", p.Source, twoPass, most, len(got), len(want))
					}
					// The lent runs hold until done is called: no later run of the page reused them.
					if all := slices.Concat(lent...); len(all) > 0 && !reflect.DeepEqual(all, want) {
						t.Errorf("%s (two passes %v, most %d): the runs changed before done", p.Source, twoPass, most)
					}
					if len(dones) == 0 || !twoPass && len(dones) != 1 || twoPass && len(dones) != len(lent) {
						t.Errorf("%s (two passes %v, most %d): %d done for %d runs", p.Source, twoPass, most, len(dones), len(lent))
					}
					for _, done := range dones {
						done() // the next pages are read into these buffers
					}
				}
			}
		}
	}
	if pages < 5 {
		t.Errorf("only %d pages read", pages)
	}
}

// A symptom that severities folds into the next one ("excruciating headaches" is one
// headache) leaves its section with fewer mentions than it was found with: every
// section must still hand on its own mentions, each once, in one pass and in two.
func TestDroppedMentionPage(t *testing.T) {
	a := analyzer(t)
	p := &corpus.Page{Source: "drop", Format: corpus.FormatPageText, Comments: []corpus.Comment{
		{Index: 0, Author: "anna", Text: "I took Zoloft and had excruciating headaches and nausea."},
		{Index: 1, Author: "bob", Text: "Zoloft gave me insomnia and dizziness and dry mouth."},
	}}
	want := []string{"0 Zoloft", "0 excruciating headaches", "0 nausea",
		"1 Zoloft", "1 insomnia", "1 dizziness", "1 dry mouth"}
	secs := p.Sections()
	for _, twoPass := range []bool{false, true} {
		var got []string
		a.pageChunks(p, twoPass, 1, func(from, to int, ms []Mention, _ func()) error {
			for i := range ms {
				m := &ms[i]
				in := false
				for _, s := range secs[from:to] {
					in = in || m.Section == s
				}
				if !in {
					t.Errorf("two passes %v: %q of a section outside [%d, %d)", twoPass, m.Text, from, to)
				}
				got = append(got, fmt.Sprintf("%d %s", m.Section.Comment.Index, m.Text))
			}
			return nil
		})
		if !slices.Equal(got, want) {
			t.Errorf("two passes %v:\ngot  %q\nwant %q", twoPass, got, want)
		}
	}
}
