package analyze

import (
	"strings"
	"testing"

	"github.com/rxvoice/rxvoice/lexicon"
)

// TestEngine checks how a rule reaches a mention: its direction, its scope (clause or
// sentence, the most tokens), pseudo rules, and phrases with @lists and *.
func TestEngine(t *testing.T) {
	const rules = `
[fears] other none none: words for the test
afraid
scared

[ctx:neg] negation before clause4: test
no
not
@fears of

[ctx:negafter] negation after clause2: test
free
is * issue

[ctx:pseudo] pseudo both sentence: test
not only

[ctx:hypo] hypothetical before sentence: test
if
`
	lists, err := parseCues(strings.NewReader(rules), "rules.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	e, err := buildEngine(lists)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, mention string
		cats          ctxCat
		want          bool
	}{
		{"I had no nausea", "nausea", ctxNegation, true},
		{"no, I had nausea", "nausea", ctxNegation, false},               // the clause ends at the comma
		{"no one in my family had nausea", "nausea", ctxNegation, false}, // too far: 6 tokens
		{"not only nausea", "nausea", ctxNegation, false},                // pseudo
		{"I was scared of nausea", "nausea", ctxNegation, true},          // @list
		{"nausea free", "nausea", ctxNegation, true},                     // after
		{"nausea is no issue", "nausea", ctxNegation, true},              // * in a phrase
		{"nausea is a big issue", "nausea", ctxNegation, false},          // is * issue: one token only
		{"if I stop, nausea follows", "nausea", ctxHypothetical, true},   // sentence scope
		{"if I stop, nausea follows", "nausea", ctxNegation, false},
		{"nausea, no", "nausea", ctxNegation, false}, // a before rule does not reach back
	} {
		toks := lexicon.TokenizeInto(nil, tc.text)
		cls := make([]uint16, len(toks))
		first := -1
		for i, tk := range toks {
			if e.byFirst[tk.Norm] != nil {
				cls[i] = wcCue
			}
			if tk.Norm == tc.mention {
				first = i
			}
		}
		cFrom, cTo := clause(toks, 0, len(toks), first, first)
		if got := e.any(toks, cls, first, first, cFrom, cTo, 0, len(toks), 14, tc.cats); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestExperiencerNearest: the person named nearest before the symptom decides, and at a
// tie the longer rule ("everyone I know" is others; "anyone else" asks about the writer).
func TestExperiencerNearest(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"my sister has insomnia", Other},
		{"everyone I know has insomnia", Other},
		{"anyone else get insomnia", Self},
		{"some people get insomnia", Other},
		{"some days I get insomnia", Self},
		{"my husband says I have insomnia", Self},
	} {
		toks := lexicon.TokenizeInto(nil, tc.text)
		cls := wordClasses(nil, toks)
		first := len(toks) - 1
		if got := experiencer(toks, cls, 0, first, false); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.want)
		}
	}
}
