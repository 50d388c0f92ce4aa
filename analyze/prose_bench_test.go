package analyze

import (
	"testing"

	"github.com/jdkato/prose/v2"
)

// The prose benchmarks measure what the package doc of lexicon reports: prose/v2's
// tokenizer alone, and with its sentence segmenter, on the same pages as
// BenchmarkAnalyze, to decide what runs on the hot path.

func BenchmarkProseTokenize(b *testing.B) {
	benchSections(b, func(text string) error {
		_, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
		return err
	})
}

func BenchmarkProseSegment(b *testing.B) {
	benchSections(b, func(text string) error {
		_, err := prose.NewDocument(text, prose.WithTagging(false), prose.WithExtraction(false))
		return err
	})
}
