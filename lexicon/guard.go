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
	before, filler, after, sentence, never map[string]bool
}

var loadGuard = sync.OnceValues(func() (*guardCues, error) {
	return parseGuard("lexicon/guard.txt", guardText)
})

// parseGuard reads guard cue lists: a "[name] what it is" header, then one word a line.
func parseGuard(file, text string) (*guardCues, error) {
	g := &guardCues{}
	lists := map[string]*map[string]bool{"before": &g.before, "filler": &g.filler, "after": &g.after,
		"sentence": &g.sentence, "never": &g.never}
	var cur map[string]bool
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l[0] == '#' {
			continue
		}
		if l[0] == '[' {
			name, _, ok := strings.Cut(l[1:], "]")
			p, known := lists[name]
			if !ok || !known {
				return nil, &Error{Pos{file, i + 1}, fmt.Sprintf("list header %q: want [before], [filler], [after], [sentence] or [never]", l)}
			}
			if *p == nil {
				*p = map[string]bool{}
			}
			cur = *p
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
	for _, name := range []string{"before", "filler", "after", "sentence", "never"} {
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
