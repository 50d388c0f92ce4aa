package analyze

import (
	"testing"

	"github.com/jdkato/prose/v2"
)

// The prose benchmarks measure what the package doc of lexicon reports: prose/v2's
// tokenizer alone, and with its sentence segmenter, on the same pages as
// BenchmarkAnalyze, to decide what runs on the hot path.

func BenchmarkProseTokenize(b *testing.B) {
	pages, size := benchPages(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			for _, s := range p.Sections() {
				if _, err := prose.NewDocument(s.Text(), prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false)); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}

func BenchmarkProseSegment(b *testing.B) {
	pages, size := benchPages(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			for _, s := range p.Sections() {
				if _, err := prose.NewDocument(s.Text(), prose.WithTagging(false), prose.WithExtraction(false)); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}
