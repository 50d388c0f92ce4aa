package corpus

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// anchored is an expression anchored at the start of the text (^, without (?m)) with a
// byte-level test in front: the literal prefixes every match starts with, read from the
// expression itself, so that a line that starts with none of them is answered without
// running the expression. Most lines of a page start with none ("I was on it for ..."),
// and the expressions' alternatives of phrases ("leave a reply|post a comment|...") are
// the costly part of the reader. Answers are the expression's, always.
type anchored struct {
	*regexp.Regexp
	once    sync.Once        // the prefixes are read at the first use (start-up stays short)
	all     bool             // some match may start with anything: no test
	byFirst [256][]prefixLit // the prefixes by the first byte a text starting with them has
}

// allAnchored lists the package's anchored expressions, for the tests.
var allAnchored []*anchored

// prefixLit is a literal every match of an alternative starts with; fold: under simple
// case folding (the expression's (?i)), s then lower case where a letter folds to ASCII.
type prefixLit struct {
	s    string
	fold bool
}

// mustAnchor compiles an expression that must start with ^ (its first use panics
// otherwise: a program error, as regexp.MustCompile's; the tests use every one).
func mustAnchor(expr string) *anchored {
	a := &anchored{Regexp: regexp.MustCompile(expr)}
	allAnchored = append(allAnchored, a)
	return a
}

// readPrefixes fills the test in front of a's expression.
func (a *anchored) readPrefixes() {
	parsed, err := syntax.Parse(a.String(), syntax.Perl)
	if err != nil {
		panic("corpus: " + err.Error()) // compiled: cannot happen
	}
	lits, ok := anchoredPrefixes(parsed)
	if !ok {
		panic("corpus: expression not anchored at the start of the text: " + a.String())
	}
	for _, l := range lits {
		if l.s == "" {
			a.all = true
			return
		}
	}
	for _, l := range lits {
		r, n := utf8.DecodeRuneInString(l.s)
		if !l.fold || n == 0 {
			a.byFirst[l.s[0]] = append(a.byFirst[l.s[0]], l)
			continue
		}
		foldFirstBytes(r, func(b byte) { a.byFirst[b] = append(a.byFirst[b], l) })
	}
}

// anchoredPrefixes is prefixesOf what follows the ^ of re, each alternative's when re is
// a choice of anchored expressions; false when some match is not anchored.
func anchoredPrefixes(re *syntax.Regexp) ([]prefixLit, bool) {
	switch re.Op {
	case syntax.OpConcat:
		if len(re.Sub) > 0 && re.Sub[0].Op == syntax.OpBeginText {
			lits, _ := prefixesOf(re.Sub[1:])
			return lits, true
		}
		if len(re.Sub) > 0 && (re.Sub[0].Op == syntax.OpAlternate || re.Sub[0].Op == syntax.OpCapture) {
			lits, ok := anchoredPrefixes(re.Sub[0])
			return lits, ok // (what follows the choice does not shorten its prefixes)
		}
	case syntax.OpCapture:
		return anchoredPrefixes(re.Sub[0])
	case syntax.OpAlternate:
		var out []prefixLit
		for _, sub := range re.Sub {
			lits, ok := anchoredPrefixes(sub)
			if !ok {
				return nil, false
			}
			out = append(out, lits...)
		}
		return out, true
	case syntax.OpBeginText:
		return []prefixLit{{}}, true
	}
	return nil, false
}

// maxPrefixes bounds the prefixes kept of an expression: past it they stay shorter.
const maxPrefixes = 512

// prefixesOf is what a match of the expressions in seq, one after another, starts with:
// literal prefixes, and whether each is a whole match (so that what follows extends it).
// A prefix "" means a match may start with anything.
func prefixesOf(seq []*syntax.Regexp) ([]prefixLit, bool) {
	acc := []prefixLit{{}}
	for i, re := range seq {
		if re.Op == syntax.OpQuest || re.Op == syntax.OpStar || re.Op == syntax.OpRepeat && re.Min == 0 {
			// x? then the rest: x and the rest, or the rest alone; x* the same, x's
			// prefixes not extended
			// (the rest's prefixes found once: twice made nested options exponential)
			without, wholeWithout := prefixesOf(seq[i+1:])
			with, wholeWith := prefixesOfOne(re.Sub[0])
			if joined, ok := crossPrefixes(with, without); ok && wholeWith && re.Op == syntax.OpQuest {
				with, wholeWith = joined, wholeWithout
			} else {
				wholeWith = false
			}
			either := append(with[:len(with):len(with)], without...)
			if len(either) > maxPrefixes {
				either, wholeWith = shorten(either), false
			}
			joined, ok := crossPrefixes(acc, either)
			if !ok {
				return acc, false
			}
			return joined, wholeWith && wholeWithout
		}
		next, whole := prefixesOfOne(re)
		joined, ok := crossPrefixes(acc, next)
		if !ok {
			return acc, false
		}
		acc = joined
		if !whole {
			return acc, false
		}
	}
	return acc, true
}

func prefixesOfOne(re *syntax.Regexp) ([]prefixLit, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []prefixLit{{}}, true
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		var b strings.Builder
		for _, r := range re.Rune {
			if fold {
				r = foldRep(r)
			}
			b.WriteRune(r)
		}
		return []prefixLit{{s: b.String(), fold: fold}}, true
	case syntax.OpCharClass:
		return classPrefixes(re.Rune)
	case syntax.OpCapture:
		return prefixesOfOne(re.Sub[0])
	case syntax.OpConcat:
		return prefixesOf(re.Sub)
	case syntax.OpAlternate:
		var out []prefixLit
		whole := true
		for _, sub := range re.Sub {
			p, w := prefixesOfOne(sub)
			out = append(out, p...)
			whole = whole && w
		}
		if len(out) > maxPrefixes {
			return shorten(out), false
		}
		return out, whole
	case syntax.OpQuest:
		p, whole := prefixesOfOne(re.Sub[0])
		return append(p, prefixLit{}), whole
	case syntax.OpPlus:
		p, _ := prefixesOfOne(re.Sub[0])
		return p, false
	case syntax.OpRepeat:
		if re.Min >= 1 {
			p, whole := prefixesOfOne(re.Sub[0])
			return p, whole && re.Min == 1 && re.Max == 1
		}
	}
	return []prefixLit{{}}, false // anything may come first
}

// shorten cuts prefixes, too many, to their first runes, as many as keep them few
// enough: shorter, they still start every match.
func shorten(lits []prefixLit) []prefixLit {
	for n := 8; n > 0; n-- {
		seen := map[prefixLit]bool{}
		var out []prefixLit
		for _, l := range lits {
			if i := runeOffset(l.s, n); i < len(l.s) {
				l.s = l.s[:i]
			}
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
		if len(out) <= maxPrefixes {
			return out
		}
	}
	return []prefixLit{{}}
}

// runeOffset is the offset of s's rune n, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// classPrefixes reads a small character class as its letters: one prefix a letter, folded
// when the class holds each letter's whole folding orbit (what (?i) makes of a letter).
func classPrefixes(ranges []rune) ([]prefixLit, bool) {
	var runes []rune
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i+1]-ranges[i] > 16 || len(runes) > 32 {
			return []prefixLit{{}}, false
		}
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			runes = append(runes, r)
		}
	}
	in := func(r rune) bool {
		for _, x := range runes {
			if x == r {
				return true
			}
		}
		return false
	}
	closed := true
	for _, r := range runes {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			closed = closed && in(f)
		}
	}
	var out []prefixLit
	seen := map[rune]bool{}
	for _, r := range runes {
		if closed {
			r = foldRep(r)
		}
		if !seen[r] {
			seen[r] = true
			out = append(out, prefixLit{s: string(r), fold: closed})
		}
	}
	return out, true
}

// foldRep is the member of r's folding orbit a folded prefix holds: the lower-case ASCII
// letter when the orbit has one (foldPrefix compares ASCII bytes so), else r.
func foldRep(r rune) rune {
	for f := unicode.SimpleFold(r); ; f = unicode.SimpleFold(f) {
		if 'a' <= f && f <= 'z' {
			return f
		}
		if f == r {
			return r
		}
	}
}

// crossPrefixes is each of a followed by each of b, or false when that would be more
// than maxPrefixes or join a folded prefix to an exact one.
func crossPrefixes(a, b []prefixLit) ([]prefixLit, bool) {
	if len(a)*len(b) > maxPrefixes {
		return nil, false
	}
	out := make([]prefixLit, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			switch {
			case x.s == "":
				out = append(out, y)
			case y.s == "":
				out = append(out, x)
			case x.fold == y.fold || caseless(y.s):
				out = append(out, prefixLit{s: x.s + y.s, fold: x.fold})
			case caseless(x.s):
				out = append(out, prefixLit{s: x.s + y.s, fold: y.fold})
			default:
				return nil, false
			}
		}
	}
	return out, true
}

// caseless reports whether no rune of s folds to another (" ", "·", digits): folded or
// not, it matches only itself.
func caseless(s string) bool {
	for _, r := range s {
		if unicode.SimpleFold(r) != r {
			return false
		}
	}
	return true
}

// may reports whether a match of the expression may start s: false means none does.
func (a *anchored) may(s string) bool {
	a.once.Do(a.readPrefixes)
	if a.all || s == "" {
		return true
	}
	for _, l := range a.byFirst[s[0]] {
		if l.fold && foldPrefix(s, l.s) || !l.fold && strings.HasPrefix(s, l.s) {
			return true
		}
	}
	return false
}

// MatchString is regexp's, answered without the expression when no prefix starts s.
func (a *anchored) MatchString(s string) bool {
	return a.may(s) && a.Regexp.MatchString(s)
}

// FindStringSubmatch is regexp's, answered without the expression when no prefix starts s.
func (a *anchored) FindStringSubmatch(s string) []string {
	if !a.may(s) {
		return nil
	}
	return a.Regexp.FindStringSubmatch(s)
}

// FindStringIndex is regexp's, answered without the expression when no prefix starts s.
func (a *anchored) FindStringIndex(s string) []int {
	if !a.may(s) {
		return nil
	}
	return a.Regexp.FindStringIndex(s)
}

// ReplaceAllString is regexp's: an anchored expression matches at the start or nowhere.
func (a *anchored) ReplaceAllString(s, repl string) string {
	if !a.may(s) {
		return s
	}
	return a.Regexp.ReplaceAllString(s, repl)
}
