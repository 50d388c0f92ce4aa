package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchTexts are the forum posts of testdata/eval (real patients' writing, misspellings
// included).
func benchTexts(b *testing.B) ([]string, int) {
	b.Helper()
	var texts []string
	size := 0
	for _, dir := range []string{"../testdata/eval/forum/text", "../testdata/eval/forum2/text"} {
		var n int
		texts, n = appendTexts(b, texts, dir, 1<<62)
		size += n
	}
	if len(texts) == 0 {
		b.Skip("no forum posts")
	}
	return texts, size
}

// appendTexts appends the .txt files of dir to texts, stopping once most bytes are read,
// and returns them with the bytes read.
func appendTexts(b *testing.B, texts []string, dir string, most int) ([]string, int) {
	b.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, n := range names {
		if size >= most {
			break
		}
		t, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		size += len(t)
	}
	return texts, size
}

func freshMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	lx, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return Compile(lx)
}

// BenchmarkMatch matches the default vocabulary in the forum posts, corrections cached as
// in a long run: MB/s per core.
func BenchmarkMatch(b *testing.B) {
	b.ReportAllocs()
	m := freshMatcher(b)
	texts, size := benchTexts(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			m.Match(t)
		}
	}
}

// BenchmarkMatchCold is BenchmarkMatch with the corrections' cache emptied before each
// pass: every unknown word is looked up afresh, as in a first page.
func BenchmarkMatchCold(b *testing.B) {
	b.ReportAllocs()
	m := freshMatcher(b)
	texts, size := benchTexts(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.fuzzy.cache.Clear()
		m.fuzzy.otherCache.Clear()
		m.fuzzy.cached.Store(0)
		for _, t := range texts {
			m.Match(t)
		}
	}
}

// BenchmarkDefault loads the embedded vocabulary: the first half of start-up.
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompile compiles the embedded vocabulary into a matcher: the second half of
// start-up.
func BenchmarkCompile(b *testing.B) {
	lx, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Compile(lx)
	}
}

// BenchmarkFuzzyBuild builds the corrections' index, on the first misspelling met.
func BenchmarkFuzzyBuild(b *testing.B) {
	m := freshMatcher(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f := newFuzzyIndex(m.fuzzy.vocab, m.fuzzy.vocabKey)
		f.build()
	}
}

// BenchmarkMatchTokens is BenchmarkMatch on texts already tokenized, as the analyzer
// calls it: the matcher alone, its allocations with -benchmem.
func BenchmarkMatchTokens(b *testing.B) {
	m := freshMatcher(b)
	texts, size := benchTexts(b)
	toks := make([][]Token, len(texts))
	for i, t := range texts {
		toks[i] = Tokenize(t)
	}
	b.ReportAllocs()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, t := range texts {
			m.MatchTokens(t, toks[j])
		}
	}
}

// benchSections are texts cut into paragraphs, as the analyzer hands the matcher one
// comment or section at a time: the pages of $RXVOICE_CORPUS (a folder of .txt pages, its
// first 4 MB; `go run ./testdata/gen -out DIR -mb 20`), else the forum posts.
func benchSections(b *testing.B) ([]string, int) {
	b.Helper()
	var texts []string
	if dir := os.Getenv("RXVOICE_CORPUS"); dir != "" {
		texts, _ = appendTexts(b, texts, dir, 4<<20)
		if len(texts) == 0 {
			b.Fatalf("no .txt pages in RXVOICE_CORPUS=%s", dir)
		}
	} else {
		texts, _ = benchTexts(b)
	}
	var secs []string
	size := 0
	for _, t := range texts {
		for p := range strings.SplitSeq(t, "\n\n") {
			if strings.TrimSpace(p) != "" {
				secs = append(secs, p)
				size += len(p)
			}
		}
	}
	return secs, size
}

// BenchmarkTokenizeSections tokenizes paragraph by paragraph into one reused buffer, as
// the analyzer does: MB/s per core and allocations per paragraph.
func BenchmarkTokenizeSections(b *testing.B) {
	secs, size := benchSections(b)
	var buf []Token
	b.ReportAllocs()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range secs {
			buf = TokenizeInto(buf, s)
		}
	}
}

// BenchmarkMatchSections tokenizes and matches paragraph by paragraph, one reused token
// buffer, as the analyzer does (a comment is a few hundred bytes): the matcher's cost per
// call as the commands pay it, with the tokenizer's (BenchmarkTokenizeSections alone).
func BenchmarkMatchSections(b *testing.B) {
	m := freshMatcher(b)
	secs, size := benchSections(b)
	var buf []Token
	b.ReportAllocs()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range secs {
			buf = TokenizeInto(buf, s)
			m.MatchTokens(s, buf)
		}
	}
}
