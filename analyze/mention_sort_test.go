package analyze

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortByStart checks the merge of the lexicon's mentions and the quantities against a
// stable sort: runs in order, with ties between and within them, and runs out of order.
func TestSortByStart(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var scratch []Mention
	for n := 0; n < 400; n++ {
		lex, quant := r.IntN(12), r.IntN(5)
		ms := make([]Mention, lex+quant)
		for k := range ms {
			ms[k] = Mention{Start: r.IntN(20), Text: string(rune('a' + k))}
		}
		if n%4 != 0 { // most runs in order, as scan gives them
			slices.SortStableFunc(ms[:lex], func(a, b Mention) int { return a.Start - b.Start })
			slices.SortStableFunc(ms[lex:], func(a, b Mention) int { return a.Start - b.Start })
		}
		want := slices.Clone(ms)
		slices.SortStableFunc(want, func(a, b Mention) int { return a.Start - b.Start })
		scratch = sortByStart(ms, lex, scratch)
		for k := range ms {
			if ms[k].Start != want[k].Start || ms[k].Text != want[k].Text {
				t.Fatalf("case %d (%d + %d): at %d got %d %q, want %d %q", n, lex, quant, k, ms[k].Start, ms[k].Text, want[k].Start, want[k].Text)
			}
		}
		if len(scratch) != 0 {
			t.Fatalf("case %d: scratch has %d mentions", n, len(scratch))
		}
	}
}
