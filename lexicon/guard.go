package lexicon

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// guardText is the drug context that a doubtful drug name needs (see guard.txt).
//
//go:embed guard.txt
var guardText string

// guardCues are the lists of guard.txt.
type guardCues struct {
	before, filler, after, sentence, never, unit map[string]bool
	// terms holds the ?TERMs of street slang with a context of their own ([term]).
	terms map[string]termCues
}

// termCues is the drug context of one ?TERM of the [term] list: the words that may stand
// right before it; a dose right beside it counts too.
type termCues struct {
	before map[string]bool
	line   int // in guard.txt, for the check that the term is a ?TERM of the lexicon
}

var loadGuard = sync.OnceValues(func() (*guardCues, error) {
	return parseGuard("lexicon/guard.txt", guardText)
})

// parseGuard reads guard cue lists: a "[name] what it is" header, then one word a line.
func parseGuard(file, text string) (*guardCues, error) {
	g := &guardCues{terms: map[string]termCues{}}
	lists := map[string]*map[string]bool{"before": &g.before, "filler": &g.filler, "after": &g.after,
		"sentence": &g.sentence, "never": &g.never, "unit": &g.unit}
	var cur map[string]bool
	inTerms := false
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' {
			continue
		}
		if l[0] == '[' {
			name, _, ok := strings.Cut(l[1:], "]")
			if inTerms = ok && name == "term"; inTerms {
				continue
			}
			p, known := lists[name]
			if !ok || !known {
				return nil, &Error{Pos{file, i + 1}, fmt.Sprintf("list header %q: want [before], [filler], [after], [sentence], [never], [unit] or [term]", l)}
			}
			if *p == nil {
				*p = map[string]bool{}
			}
			cur = *p
			continue
		}
		if inTerms {
			term, words, _ := strings.Cut(l, "\t")
			term = strings.TrimSpace(term)
			if term == "" || term != strings.ToLower(term) || strings.ContainsAny(term, " ") {
				return nil, &Error{Pos{file, i + 1}, fmt.Sprintf("[term] line %q: want a lowercase ?TERM of the lexicon, a TAB, the words that may stand right before it", l)}
			}
			if _, dup := g.terms[term]; dup {
				return nil, &Error{Pos{file, i + 1}, fmt.Sprintf("[term] %q listed twice", term)}
			}
			tc := termCues{before: map[string]bool{}, line: i + 1}
			for _, w := range strings.Fields(words) {
				if w != strings.ToLower(w) {
					return nil, &Error{Pos{file, i + 1}, fmt.Sprintf("[term] %q: cue %q: want lowercase words", term, w)}
				}
				tc.before[w] = true
			}
			g.terms[term] = tc
			continue
		}
		if cur == nil {
			return nil, &Error{Pos{file, i + 1}, fmt.Sprintf("%q before any [list] header", l)}
		}
		if strings.ContainsAny(l, " \t") || l != strings.ToLower(l) {
			return nil, &Error{Pos{file, i + 1}, fmt.Sprintf("cue %q: want one lowercase word", l)}
		}
		cur[l] = true
	}
	for _, name := range []string{"before", "filler", "after", "sentence", "never", "unit"} {
		if *lists[name] == nil {
			return nil, &Error{Pos{file, 1}, fmt.Sprintf("no [%s] list", name)}
		}
	}
	return g, nil
}

// adjacent reports drug context right around tokens [first, last] of idx: a [before]
// word just before (or, with filler, one [filler] word between), not a [never] word, or
// an [after] word or a number just after.
func (g *guardCues) adjacent(toks []Token, idx []int, first, last int, filler bool) bool {
	if first > 0 {
		p := &toks[idx[first-1]]
		if g.never[p.Norm] {
			return false
		}
		if p.Kind == Word && g.before[p.Norm] {
			return true
		}
		if filler && first > 1 && g.filler[p.Norm] && g.before[toks[idx[first-2]].Norm] {
			return true
		}
	}
	if last+1 < len(idx) {
		n := &toks[idx[last+1]]
		if n.Kind == Number || n.Kind == Word && g.after[n.Norm] {
			return true
		}
	}
	return false
}

// beside reports the drug context a ?TERM needs around tokens [first, last] of idx. A
// term of the [term] list has its own: one of its words right before it, or a dose
// right before or after it ("2mg bars", "subs 8mg"); any other, the general lists
// (adjacent). Never a possessive: "Roxy's".
func (g *guardCues) beside(text string, toks []Token, idx []int, first, last int, term string) bool {
	if t := &toks[idx[last]]; strings.HasSuffix(text[t.Start:t.End], "'s") || strings.HasSuffix(text[t.Start:t.End], "’s") {
		return false
	}
	own, ok := g.terms[term]
	if !ok {
		return g.adjacent(toks, idx, first, last, true)
	}
	if first > 0 {
		p := &toks[idx[first-1]]
		if p.Kind == Word && own.before[p.Norm] {
			return true
		}
		if first > 1 && p.Kind == Word && g.unit[p.Norm] && toks[idx[first-2]].Kind == Number {
			return true
		}
	}
	return last+2 < len(idx) && toks[idx[last+1]].Kind == Number && g.unit[toks[idx[last+2]].Norm]
}

// inSentence reports drug context around tokens [first, last] of idx: adjacent, or a
// [sentence] word within the sentence (up to 20 words each way).
func (g *guardCues) inSentence(toks []Token, idx []int, first, last int) bool {
	if g.adjacent(toks, idx, first, last, false) {
		return true
	}
	for j := first - 1; j >= 0 && j >= first-20; j-- {
		t := &toks[idx[j]]
		if sentenceEnd(t) {
			break
		}
		if g.sentence[t.Norm] {
			return true
		}
		if t.Break > 0 {
			break
		}
	}
	for j := last + 1; j < len(idx) && j <= last+20; j++ {
		t := &toks[idx[j]]
		if sentenceEnd(t) || t.Break > 0 {
			break
		}
		if g.sentence[t.Norm] {
			return true
		}
	}
	return false
}

func sentenceEnd(t *Token) bool {
	return t.Kind == Punct && (t.Norm == "." || t.Norm == "!" || t.Norm == "?")
}
