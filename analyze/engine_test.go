package analyze

import (
	"os"
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
		cls := classesIn(e.vocab, nil, toks)
		first := -1
		for i, tk := range toks {
			if tk.Norm == tc.mention {
				first = i
			}
		}
		cFrom, cTo := clause(cls, 0, len(toks), first, first)
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

// TestEnginePhrases checks each element of the phrase language on its own: where a rule
// matches and which token is its head.
func TestEnginePhrases(t *testing.T) {
	const lists = `
[units] other none none: test
days
weeks

[stops] other none none: test
i
it
`
	for _, tc := range []struct {
		rule, text string
		mention    int // token the mention starts at, for %; -1 none
		drug       int // token a drug starts at; -1 none
		head       int // the head of the first match, -1 when the rule does not match
	}{
		{"no", "no pain", -1, -1, 0},
		{"didnt !feel", "didnt feel sick", -1, -1, 1},
		{"for @units", "for days", -1, -1, 0},
		{"for @units", "for ages", -1, -1, -1},
		{"stop @drug", "stop zoloft", -1, 1, 0},
		{"stop @drug", "stop now", -1, -1, -1},
		{"ran out $", "ran out", -1, -1, 0},
		{"ran out $", "ran out of it", -1, -1, -1},
		{"^ stopping", "stopping hurts", -1, -1, 0},
		{"was|were !on", "were on it", -1, -1, 1},
		{"cut down? @number", "cut 10", -1, -1, 0},
		{"cut down? @number", "cut down 10", -1, -1, 0},
		{"cut down? @number", "cut back 10", -1, -1, -1},
		{"late * @units", "late two days", -1, -1, 0},
		{"took !away ~@stops? %", "took away my pain", 3, -1, 1},
		{"took !away ~@stops? %", "took away it pain", 3, -1, -1}, // "it" starts a clause
		{"took !away ~? %", "took away , pain", 3, -1, -1},        // ~ is not punctuation
		{"<@units !because", "days later because", -1, -1, 2},
		{"<@units !because", "because", -1, -1, -1},
		{"missed @count", "missed two", -1, -1, 0},
		{"missed @count", "missed one", -1, -1, -1}, // one dose is a count, not a number above one
	} {
		l, err := parseCues(strings.NewReader(lists+"\n[ctx:t] negation before clause: test\n"+tc.rule+"\n"), "t.txt", nil)
		if err != nil {
			t.Fatalf("%q: %v", tc.rule, err)
		}
		e, err := buildEngine(l)
		if err != nil {
			t.Fatalf("%q: %v", tc.rule, err)
		}
		toks := lexicon.TokenizeInto(nil, tc.text)
		cls := classesIn(e.vocab, nil, toks)
		for i := range toks {
			if i == tc.drug {
				cls[i] |= wcDrug
			}
		}
		x := ctxText{toks: toks, cls: cls, sTo: len(toks), mention: tc.mention, drugs: true}
		head := -1
		for i := range toks {
			if hs := e.matchAt(&x, i, len(toks), ctxNegation, nil); len(hs) > 0 {
				head = hs[0].head
				break
			}
		}
		if head != tc.head {
			t.Errorf("%q on %q: head %d, want %d", tc.rule, tc.text, head, tc.head)
		}
	}
}

func TestParseRuleErrors(t *testing.T) {
	for _, tc := range []struct{ rule, want string }{
		{"!a !b", "more than one head"},
		{"a !b?", "the head (!) must stand at a token"},
		{"* a", "a rule starts with"},
		{"a? b", "a rule starts with"},
		{"a ^|b", "cannot be alternatives"},
		{"a @nowhere", `no word list "nowhere"`},
		{"a ~@nowhere", `no word list "nowhere"`},
	} {
		_, err := parseRule(tc.rule, map[string]*cueList{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.rule, err, tc.want)
		}
	}
}

// The table wordClasses looks words up in gives what the engine's vocabulary map gives,
// for its own words and for the words of real text, most of which it does not hold.
func TestWordTable(t *testing.T) {
	wordClassOnce.Do(loadWordClass)
	for w, v := range engine.vocab {
		if got, gotB := wordClass.get(w), wordClass.getBytes([]byte(w)); got != v || gotB != v {
			t.Fatalf("get(%q) = %#x, getBytes %#x, want %#x", w, got, gotB, v)
		}
	}
	// The role model's features, looked up by their bytes, have their weights.
	rm, err := DefaultRoleModel()
	if err != nil || rm == nil || len(rm.weights) == 0 {
		t.Fatalf("no role model: %v", err)
	}
	for f, w := range rm.weights {
		if j := rm.index.getBytes([]byte(f)); j == 0 || rm.featW[j-1] != w {
			t.Fatalf("feature %q: index %d", f, j)
		}
	}
	if j := rm.index.getBytes([]byte("S:no-such-word-anywhere")); j != 0 {
		t.Errorf("an unknown feature has index %d", j)
	}
	text, err := os.ReadFile("../testdata/klonopin-immune-comments.txt")
	if err != nil {
		t.Fatal(err)
	}
	toks := lexicon.TokenizeInto(nil, string(text))
	cls := wordClasses(nil, toks)
	in := 0
	for i := range toks {
		want := engine.vocab[toks[i].Norm]
		if toks[i].IsClauseBoundary() {
			want |= wcBound
		}
		if cls[i] != want {
			t.Fatalf("token %q: %#x, want %#x", toks[i].Norm, cls[i], want)
		}
		if want&^wcBound != 0 {
			in++
		}
	}
	if in == 0 || in == len(toks) {
		t.Errorf("%d of %d tokens in the vocabulary: the test reads too little", in, len(toks))
	}
	for _, w := range []string{"", "zzzzqx", "not-a-cue-word"} {
		if got := wordClass.get(w); got != engine.vocab[w] {
			t.Errorf("get(%q) = %#x, want %#x", w, got, engine.vocab[w])
		}
	}
}

// TestMatchAtIndex checks the engine's indexes (rules by first word, the anywhere rules'
// leads, the heads), mayStart, tokenCats and sentenceCats against trying every rule at
// every token: matchAt finds the same hits, and mayStart and sentenceCats are true
// wherever a rule of the categories matches.
func TestMatchAtIndex(t *testing.T) {
	text, err := os.ReadFile("../testdata/klonopin-immune-comments.txt")
	if err != nil {
		t.Fatal(err)
	}
	toks := lexicon.TokenizeInto(nil, string(text))
	cls := wordClasses(nil, toks)
	for i := range cls {
		if i%7 == 3 {
			cls[i] |= wcDrug // some tokens as drug names, for the @drug rules
		}
	}
	sents := Sentences(string(text), toks)
	k, hits := 0, 0
	for _, sp := range sents {
		from := k
		for k < len(toks) && toks[k].End <= sp.End {
			k++
		}
		x := ctxText{toks: toks, cls: cls, sFrom: from, sTo: k, drugs: true, mention: -1}
		for i := from; i < k; i++ {
			for c := ctxCat(1); c <= ctxStart; c <<= 1 {
				var want []ctxHit
				for ri := range engine.rules {
					r := &engine.rules[ri]
					if r.cat != c {
						continue
					}
					if end, head, ok := x.match(r.elems, i, k, -1); ok {
						want = append(want, ctxHit{from: i, to: end, head: head, rule: r})
					}
				}
				got := engine.matchAt(&x, i, k, c, nil)
				if len(want) > 0 && (!engine.mayStart(&x, i, c) || engine.tokenCats(cls[i])&c == 0) {
					t.Fatalf("token %d %q: a rule of category %b matches where mayStart or tokenCats says none can", i, toks[i].Norm, c)
				}
				if len(want) > 0 && engine.sentenceCats(cls[from:k])&c == 0 {
					t.Fatalf("token %d %q: a rule of category %b matches in a sentence where sentenceCats says none can", i, toks[i].Norm, c)
				}
				for _, w := range want {
					if (engine.headIDs[cls[w.head]>>wcIDShift]|engine.headFree)&c == 0 {
						t.Fatalf("token %d %q: rule %q has its head at %q, which headIDs does not give it", i, toks[i].Norm, w.rule.text, toks[w.head].Norm)
					}
				}
				if len(got) != len(want) {
					t.Fatalf("token %d %q, category %b: %d hits, want %d", i, toks[i].Norm, c, len(got), len(want))
				}
				for _, w := range want {
					found := false
					for _, g := range got {
						found = found || g == w
					}
					if !found {
						t.Fatalf("token %d %q: rule %q not found", i, toks[i].Norm, w.rule.text)
					}
				}
				hits += len(want)
			}
		}
	}
	if hits == 0 {
		t.Error("no rule matched the sample: the test reads nothing")
	}
}
