package analyze

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rxvoice/rxvoice/lexicon"
)

// The context engine applies the rule lists of cues.txt (the lists named "ctx:..."), the
// way ConText does: each rule is a phrase ("no", "didnt @haveVerbs", "free of") with the
// category, direction and scope of its list. A rule matches where its phrase stands; a
// pseudo rule ("not only", "no doubt") that covers a trigger's first word undoes it; a
// trigger reaches a mention when the mention lies in its direction, within its scope
// (the clause or the sentence, at most n tokens away), and the trigger is not part of
// the mention. The Go code around it (negated, certainty, experiencer, isHistory) keeps
// only what is not a phrase: which category answers which question.

// Engine categories, as bits.
const (
	ctxNegation = 1 << iota
	ctxPseudo
	ctxHypothetical
	ctxHistory
	ctxSelf
	ctxOther
)

var ctxCategories = map[string]uint8{
	"negation": ctxNegation, "pseudo": ctxPseudo, "hypothetical": ctxHypothetical,
	"history": ctxHistory, "self": ctxSelf, "other": ctxOther,
}

const (
	dirBefore = 1 << iota // the trigger stands before the mention
	dirAfter
)

// ctxElem is one word of a rule's phrase: a word, any word of a list (@name), or any
// token (*).
type ctxElem struct {
	word string
	set  map[string]bool
}

func (e ctxElem) matches(w string) bool {
	switch {
	case e.set != nil:
		return e.set[w]
	case e.word == "*":
		return true
	}
	return e.word == w
}

// ctxRule is one line of a rule list.
type ctxRule struct {
	elems    []ctxElem
	cat      uint8
	dir      uint8
	sentence bool // the scope is the sentence, not the clause
	max      int  // at most this many tokens between trigger and mention; 0: no limit
	text     string
}

// ctxEngine holds the rules, indexed by the words a phrase can start with.
type ctxEngine struct {
	rules   []ctxRule
	byFirst map[string][]int32
}

// ctxHit is a rule matched over tokens [from, to).
type ctxHit struct {
	from, to int
	rule     *ctxRule
}

// ruleListPrefix names the lists the engine reads as rules.
const ruleListPrefix = "ctx:"

// buildEngine compiles the rule lists of lists. Its errors name the list and the rule.
func buildEngine(lists map[string]*cueList) (*ctxEngine, error) {
	e := &ctxEngine{byFirst: map[string][]int32{}}
	for name, l := range lists {
		if !strings.HasPrefix(name, ruleListPrefix) {
			continue
		}
		cat, ok := ctxCategories[l.category]
		if !ok {
			return nil, fmt.Errorf("cue list %q: the engine reads categories negation, pseudo, hypothetical, history, self, other; got %q", name, l.category)
		}
		var dir uint8
		switch l.direction {
		case "before":
			dir = dirBefore
		case "after":
			dir = dirAfter
		case "both":
			dir = dirBefore | dirAfter
		default:
			return nil, fmt.Errorf("cue list %q: a rule list's direction is before, after or both, got %q", name, l.direction)
		}
		sentence, max, err := parseScope(l.scope)
		if err != nil {
			return nil, fmt.Errorf("cue list %q: %w", name, err)
		}
		for _, phrase := range l.phrases {
			r := ctxRule{cat: cat, dir: dir, sentence: sentence, max: max, text: phrase}
			for _, w := range strings.Fields(phrase) {
				if ref, ok := strings.CutPrefix(w, "@"); ok {
					sub, ok := lists[ref]
					if !ok || strings.HasPrefix(ref, ruleListPrefix) {
						return nil, fmt.Errorf("cue list %q: rule %q: no word list %q", name, phrase, ref)
					}
					r.elems = append(r.elems, ctxElem{set: sub.words})
					continue
				}
				r.elems = append(r.elems, ctxElem{word: w})
			}
			if len(r.elems) == 0 || r.elems[0].word == "*" {
				return nil, fmt.Errorf("cue list %q: rule %q must start with a word or a @list", name, phrase)
			}
			e.rules = append(e.rules, r)
		}
	}
	for i := range e.rules {
		r := &e.rules[i]
		if r.elems[0].set != nil {
			for w := range r.elems[0].set {
				e.byFirst[w] = append(e.byFirst[w], int32(i))
			}
			continue
		}
		e.byFirst[r.elems[0].word] = append(e.byFirst[r.elems[0].word], int32(i))
	}
	return e, nil
}

// parseScope reads "clause", "clause8", "sentence" or "sentence14".
func parseScope(s string) (sentence bool, max int, err error) {
	rest, ok := strings.CutPrefix(s, "clause")
	if !ok {
		rest, ok = strings.CutPrefix(s, "sentence")
		sentence = true
	}
	if !ok {
		return false, 0, fmt.Errorf("a rule list's scope is clause or sentence, with an optional most tokens (clause8), got %q", s)
	}
	if rest != "" {
		if max, err = strconv.Atoi(rest); err != nil || max <= 0 {
			return false, 0, fmt.Errorf("scope %q: the most tokens must be a positive number", s)
		}
	}
	return sentence, max, nil
}

// starts reports whether a rule of cats can start with word w.
func (e *ctxEngine) starts(w string, cats uint8) bool {
	for _, ri := range e.byFirst[w] {
		if e.rules[ri].cat&cats != 0 {
			return true
		}
	}
	return false
}

// matchAt appends the rules of cats whose phrase matches at token i, ending by to.
func (e *ctxEngine) matchAt(toks []lexicon.Token, i, to int, cats uint8, out []ctxHit) []ctxHit {
next:
	for _, ri := range e.byFirst[toks[i].Norm] {
		r := &e.rules[ri]
		if r.cat&cats == 0 || i+len(r.elems) > to {
			continue
		}
		for k := 1; k < len(r.elems); k++ {
			if !r.elems[k].matches(toks[i+k].Norm) {
				continue next
			}
		}
		out = append(out, ctxHit{from: i, to: i + len(r.elems), rule: r})
	}
	return out
}

// pseudoAt reports a pseudo rule over token i: "not only" over "not".
func (e *ctxEngine) pseudoAt(toks []lexicon.Token, cls []uint16, i, sFrom, sTo int) bool {
	var buf [4]ctxHit
	for j := i; j >= sFrom && j >= i-3; j-- {
		if cls[j]&wcCue == 0 {
			continue
		}
		for _, h := range e.matchAt(toks, j, sTo, ctxPseudo, buf[:0]) {
			if h.to > i {
				return true
			}
		}
	}
	return false
}

// reaches reports whether hit h reaches the mention first..last: in its direction, in its
// scope, not overlapping the mention.
func (h ctxHit) reaches(first, last, cFrom, cTo, sFrom, sTo int) bool {
	r := h.rule
	lo, hi := cFrom, cTo
	if r.sentence {
		lo, hi = sFrom, sTo
	}
	switch {
	case h.to <= first && r.dir&dirBefore != 0:
		return h.from >= lo && (r.max == 0 || first-h.from <= r.max)
	case h.from > last && r.dir&dirAfter != 0:
		return h.to <= hi && (r.max == 0 || h.from-last <= r.max)
	}
	return false
}

// find calls visit for each hit of cats that reaches the mention first..last, nearest
// first on each side (before, then after), until visit returns false. The search looks
// window tokens each way.
func (e *ctxEngine) find(toks []lexicon.Token, cls []uint16, first, last, cFrom, cTo, sFrom, sTo, window int, cats uint8, visit func(ctxHit) bool) {
	var buf [8]ctxHit
	for i := first - 1; i >= sFrom && i >= first-window; i-- {
		if cls[i]&wcCue == 0 {
			continue
		}
		hs := e.matchAt(toks, i, first, cats, buf[:0])
		if len(hs) == 0 || e.pseudoAt(toks, cls, i, sFrom, sTo) {
			continue
		}
		for _, h := range longestFirst(hs) {
			if h.reaches(first, last, cFrom, cTo, sFrom, sTo) && !visit(h) {
				return
			}
		}
	}
	for i := last + 1; i < sTo && i <= last+window; i++ {
		if cls[i]&wcCue == 0 {
			continue
		}
		hs := e.matchAt(toks, i, sTo, cats, buf[:0])
		if len(hs) == 0 || e.pseudoAt(toks, cls, i, sFrom, sTo) {
			continue
		}
		for _, h := range longestFirst(hs) {
			if h.reaches(first, last, cFrom, cTo, sFrom, sTo) && !visit(h) {
				return
			}
		}
	}
}

// longestFirst orders hits at one token longest first (there are few).
func longestFirst(hs []ctxHit) []ctxHit {
	for i := 1; i < len(hs); i++ {
		for j := i; j > 0 && hs[j].to > hs[j-1].to; j-- {
			hs[j], hs[j-1] = hs[j-1], hs[j]
		}
	}
	return hs
}

// any reports whether a hit of cats reaches the mention.
func (e *ctxEngine) any(toks []lexicon.Token, cls []uint16, first, last, cFrom, cTo, sFrom, sTo, window int, cats uint8) bool {
	found := false
	e.find(toks, cls, first, last, cFrom, cTo, sFrom, sTo, window, cats, func(ctxHit) bool {
		found = true
		return false
	})
	return found
}
