package analyze

import (
	"slices"
	"strings"

	"github.com/rxvoice/rxvoice/lexicon"
)

// Severity of a symptom as the writer words it.
const (
	SeverityMild     = "mild"
	SeverityModerate = "moderate"
	SeveritySevere   = "severe"
)

// A modifier is a word that can stand before a symptom and belongs to its mention, as
// annotators of patient text mark it ("extreme weakness", "very nauseous", "some
// dizziness", "felt dizzy"). level is the severity it gives (0 none, 1 mild, 2 moderate,
// 3 severe); a degree adverb ("very", "really") raises the adjective after it by one.
type modifier struct {
	level  uint8
	adverb bool
}

const (
	levelNone uint8 = iota
	levelMild
	levelModerate
	levelSevere
)

var severityName = [...]string{"", SeverityMild, SeverityModerate, SeveritySevere}

// modifiers are built from the severity and span lists of cues.txt.
var modifiers = buildModifiers()

// buildModifiers reads the severity lists: a word's level, and whether it is an adverb.
func buildModifiers() map[string]modifier {
	m := map[string]modifier{}
	for _, l := range []struct {
		list   string
		level  uint8
		adverb bool
	}{{"spanModifiers", levelNone, false}, {"spanAdverbs", levelNone, true}, {"severityMild", levelMild, false}, {"severityMildAdverbs", levelMild, true},
		{"severityModerate", levelModerate, false}, {"degreeAdverbs", levelModerate, true},
		{"severitySevere", levelSevere, false}, {"severitySevereAdverbs", levelSevere, true}} {
		for w := range cue(l.list) {
			m[w] = modifier{l.level, l.adverb}
		}
	}
	return m
}

// misspeltFrom is the shortest modifier a misspelling is looked for: shorter words have
// too many real words one letter away ("bad", "weird").
const misspeltFrom = 6

// spelledModifiers are the modifiers of misspeltFrom letters or more, sorted, so that a
// misspelling matches the same one on every run.
var spelledModifiers = func() []string {
	var out []string
	for w := range modifiers {
		if len(w) >= misspeltFrom {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}()

// modifierOf is the modifier w is, or one letter away from when w is not a word of the
// lists: writers misspell the grading words as often as the symptoms ("severly", "sevre",
// "extremaly", "sligth", "occassional"). The first letter must agree.
func modifierOf(w string) (modifier, bool) {
	if md, ok := modifiers[w]; ok {
		return md, true
	}
	if len(w) < misspeltFrom-1 {
		return modifier{}, false
	}
	for _, c := range spelledModifiers {
		if c[0] == w[0] && oneEditApart(w, c) {
			return modifiers[c], true
		}
	}
	return modifier{}, false
}

// oneEditApart says whether a and b differ by one letter inserted, dropped, changed, or
// two neighbours swapped (optimal string alignment distance 1), and are not two forms of
// one word.
func oneEditApart(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return false // the same word
		}
		if a[i+1:] == b[i+1:] {
			return true // one changed
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) && strings.ContainsRune("dsy", rune(b[i])) {
			return false // another form of the word: "increase", "increased"
		}
		return a[i:] == b[i+1:]
	}
	return false
}

// feelVerbs stand before an adjective symptom and belong to its span ("felt dizzy").
var feelVerbs = cue("feelVerbs")

// bodyVerbs join a body part to the symptom after it: "my stomach was upset".
var bodyVerbs = cue("bodyVerbs")

// judgeVerbs join a symptom to a judgement of it: "the nausea was really bad".
var judgeVerbs = cue("judgeVerbs")

// severities widens each symptom's span over the modifiers before it and sets its
// severity from them, from the words of the match itself ("severe headache") and from a
// judgement after it ("the headache was unbearable"). A span never crosses its sentence
// or another mention.
func (s *section) severities() {
	text := s.sec.Text()
	prevEnd := 0
	var drop []bool
	for i := range s.mentions {
		m := &s.mentions[i]
		if m.Type != TypeSymptom {
			prevEnd = max(prevEnd, m.End)
			continue
		}
		sentFrom, sentTo := 0, len(s.toks)
		if m.sent < len(s.sentTok) {
			sentFrom, sentTo = s.sentTok[m.sent][0], s.sentTok[m.sent][1]
		}
		// A grading word read as a symptom of its own right before this one is its
		// modifier: "excruciating headaches" is one headache, not pain and a headache.
		if i > 0 {
			p := &s.mentions[i-1]
			if p.Type == TypeSymptom && p.first == p.last && p.last == m.first-1 && p.first >= sentFrom &&
				p.End == s.toks[p.last].End && (drop == nil || !drop[i-1]) {
				if _, ok := modifiers[s.toks[p.first].Norm]; ok {
					if drop == nil {
						drop = make([]bool, len(s.mentions))
					}
					drop[i-1] = true
					prevEnd = s.toks[p.first].Start
				}
			}
		}
		first := m.first
		var levels []modifier
		j := first - 1
		for j >= sentFrom && s.toks[j].Start >= prevEnd {
			// "a little", "a bit of", "a little bit of", "full-blown" (before "little"
			// alone, so that "a little nausea" keeps its "a")
			if n := multiModifier(s.toks, sentFrom, j, prevEnd); n > 0 {
				levels = append(levels, modifier{level: multiLevel(s.toks[j-n+1 : j+1])})
				first, j = j-n+1, j-n
				continue
			}
			if md, ok := modifierOf(s.toks[j].Norm); ok {
				levels = append(levels, md)
				first, j = j, j-1
				continue
			}
			// "severe and chronic pain", "vivid, weird dreams", "cold/hot flashes": a
			// modifier joined to the one after it
			if j > sentFrom && joiners[s.toks[j].Norm] && s.toks[j-1].Start >= prevEnd && isAdjective(s.toks[j+1].Norm) {
				if md, ok := modifierOf(s.toks[j-1].Norm); ok && !md.adverb {
					levels = append(levels, md)
					first, j = j-1, j-2
					continue
				}
			}
			// "a lot of", "periods of", "loss of", "tried to", "feel like a"
			if n := leader(s.toks, sentFrom, j, prevEnd); n > 0 {
				first, j = j-n+1, j-n
				continue
			}
			// "a lot of gas" where the vocabulary has "lot of gas"
			if s.toks[j].Norm == "a" && amountNouns[s.toks[j+1].Norm] {
				first, j = j, j-1
				continue
			}
			// "lower leg cramps" where the vocabulary has "leg cramps"
			if bodySides[s.toks[j].Norm] && bodyParts[s.toks[j+1].Norm] {
				first, j = j, j-1
				continue
			}
			// "heart palpitations", "lower back pain": the part a symptom is felt in
			if bodyParts[s.toks[j].Norm] && s.toks[j].End+1 >= s.toks[j+1].Start {
				first, j = j, j-1
				for j >= sentFrom && s.toks[j].Start >= prevEnd && bodySides[s.toks[j].Norm] {
					first, j = j, j-1
				}
				continue
			}
			break
		}
		if j >= sentFrom && s.toks[j].Start >= prevEnd && feelVerbs[s.toks[j].Norm] {
			first = j
		}
		// "my stomach was upset", "vision got blurry": the part the writer says it of,
		// and the verb that joins them
		if k := j - 1; k >= sentFrom && s.toks[k].Start >= prevEnd && bodyVerbs[s.toks[j].Norm] && bodyParts[s.toks[k].Norm] {
			first = k
			for k--; k >= sentFrom && s.toks[k].Start >= prevEnd && bodySides[s.toks[k].Norm]; k-- {
				first = k
			}
		}
		// The modifiers, nearest the symptom first, then the match's own words.
		lv := levelOf(levels)
		// ("severe headache" as a term grades it; "miserable" alone is the symptom.)
		for k := m.first; m.last > m.first && k <= m.last && k < len(s.toks); k++ {
			if md, ok := modifiers[s.toks[k].Norm]; ok && !md.adverb {
				lv = max(lv, md.level)
			}
		}
		if lv == levelNone {
			lv = judgement(s.toks, m.last+1, sentTo)
		}
		m.Severity = severityName[lv]
		// After the symptom: what kind of feeling, where and when ("zombie-like
		// feeling", "tingling fingers", "dry mouth at first"), up to the next mention.
		// A frequency or duration after it ("insomnia at night", "nausea for a week") is
		// a mention of its own, and annotators leave it out of the symptom's.
		nextStart := len(text)
		if i+1 < len(s.mentions) {
			nextStart = s.mentions[i+1].Start
		}
		last := m.last
		for range 3 {
			n := max(trailer(s.toks, last+1, sentTo, nextStart), bodyPhrase(s.toks, last+1, sentTo, nextStart))
			if n == 0 {
				break
			}
			last += n
		}
		if first < m.first || last > m.last {
			m.Core = m.Text
			m.Start, m.first = s.toks[first].Start, first
			m.End, m.last = s.toks[last].End, last
			m.Text = text[m.Start:m.End]
		}
		prevEnd = max(prevEnd, m.End)
	}
	if drop != nil {
		out := s.mentions[:0]
		for i := range s.mentions {
			if !drop[i] {
				out = append(out, s.mentions[i])
			}
		}
		s.mentions = out
	}
}

// multiModifier is the length of a modifier of several words ending at token j, or 0.
func multiModifier(toks []lexicon.Token, from, j, prevEnd int) int {
	ok := func(k int) bool { return k >= from && toks[k].Start >= prevEnd }
	w := toks[j].Norm
	switch {
	case w == "little" && ok(j-1) && toks[j-1].Norm == "a": // "a little"
		return 2
	case w == "blown" && ok(j-1) && toks[j-1].Norm == "full": // "full blown"
		return 2
	case w == "blown" && ok(j-2) && toks[j-1].Norm == "-" && toks[j-2].Norm == "full":
		return 3
	case w == "of" && ok(j-2) && toks[j-1].Norm == "bit" && toks[j-2].Norm == "a": // "a bit of"
		return 3
	case w == "bit" && ok(j-2) && toks[j-1].Norm == "little" && toks[j-2].Norm == "a": // "a little bit"
		return 3
	case w == "bit" && ok(j-1) && (toks[j-1].Norm == "a" || toks[j-1].Norm == "little"): // "a bit tense"
		return 2
	case w == "of" && ok(j-3) && toks[j-1].Norm == "bit" && toks[j-2].Norm == "little" && toks[j-3].Norm == "a":
		return 4 // "a little bit of"
	}
	return 0
}

// multiLevel is the severity of a modifier of several words.
func multiLevel(toks []lexicon.Token) uint8 {
	switch toks[0].Norm {
	case "a", "little":
		return levelMild
	case "full":
		return levelSevere
	}
	return levelNone
}

// levelOf is the severity the modifiers before a symptom give, nearest first: a mild
// word wins ("very mild"), a degree adverb raises the adjective after it ("really bad"
// is severe), and adverbs alone are moderate ("very tired").
func levelOf(mods []modifier) uint8 {
	lv, adj := levelNone, false
	for _, md := range mods {
		switch {
		case md.level == levelMild:
			return levelMild
		case !md.adverb:
			lv, adj = max(lv, md.level), adj || md.level != levelNone
		case adj && md.level == levelModerate:
			lv = min(levelSevere, lv+1)
		default:
			lv = max(lv, md.level)
		}
	}
	return lv
}

// judgement is the severity a sentence gives a symptom after it: "the headache was
// really bad", "nausea is mild". It reads a link verb, then modifiers, and stops at
// anything else.
func judgement(toks []lexicon.Token, from, to int) uint8 {
	k := from
	if k < to && toks[k].Norm == "has" || k < to && toks[k].Norm == "have" {
		k++
	}
	if k >= to || !judgeVerbs[toks[k].Norm] {
		return levelNone
	}
	k++
	var mods []modifier
	for ; k < to; k++ {
		md, ok := modifiers[toks[k].Norm]
		if !ok || md.level == levelNone {
			break
		}
		mods = append(mods, md)
	}
	// levelOf reads nearest the symptom first; here the adjective comes last.
	for a, b := 0, len(mods)-1; a < b; a, b = a+1, b-1 {
		mods[a], mods[b] = mods[b], mods[a]
	}
	if len(mods) == 0 || mods[0].adverb {
		return levelNone // "the nausea was so", "was very much"
	}
	return levelOf(mods)
}

// leaders are the phrases before a symptom that annotators keep in its span and that do
// not grade it: an amount ("a lot of"), a spell ("bouts of"), a loss ("loss of", "inability
// to"), a try or an urge ("tried to", "wanted to") and a likeness ("feel like a").
var leaders = buildSequences("spanLeaders")

// joiners join two modifiers of one symptom: "severe and chronic".
var joiners = set("and", ",", "&", "/")

// amountNouns take "a" before them: "a lot of", "a bit of".
var amountNouns = set("lot", "bit", "little", "ton", "total")

// isAdjective says whether w is a modifier that is not an adverb: "vivid" in "vivid,
// bizarre dreams" may join one before it, "very" may not.
func isAdjective(w string) bool {
	md, ok := modifiers[w]
	return ok && !md.adverb
}

// bodySides are the words before a body part that name which one ("lower back").
var bodySides = cue("bodySides")

// leader is the length of the longest leader ending at token j, from token from on and
// after the byte offset prevEnd, or 0.
func leader(toks []lexicon.Token, from, j, prevEnd int) int {
	best := 0
	for _, p := range leaders {
		k := j - len(p) + 1
		if len(p) <= best || k < from || toks[k].Start < prevEnd {
			continue
		}
		ok := true
		for x, w := range p {
			if toks[k+x].Norm != w {
				ok = false
				break
			}
		}
		if ok {
			best = len(p)
		}
	}
	return best
}

// trailers are the words after a symptom that annotators keep in its span: the kind of
// feeling ("zombie-like state"), when it comes ("at first", "every day") and where
// ("tingling fingers", "pain in my wrists"). Each is a sequence of words; "<body>" is a
// body part.
var trailers = buildSequences("spanTrailers")

// trailersByFirst are the trailers by their first word, those that start with a body
// part under "<body>": trailer tries only those that can start at a token.
var trailersByFirst = func() map[string][][]string {
	m := map[string][][]string{}
	for _, p := range trailers {
		m[p[0]] = append(m[p[0]], p)
	}
	return m
}()

// buildSequences reads a list whose cues are sequences of words.
func buildSequences(list string) [][]string {
	var out [][]string
	for p := range cue(list) {
		out = append(out, strings.Fields(p))
	}
	return out
}

// bodyParts are the parts a symptom is felt in, as trailers name them.
var bodyParts = cue("bodyParts")

// trailer is the length of the longest trailer starting at token k, ending before token
// to and before the byte offset stop (the next mention), or 0. "like" alone only after a
// hyphen ("zombie-like").
func trailer(toks []lexicon.Token, k, to, stop int) int {
	if k >= to {
		return 0 // no trailer fits
	}
	best := 0
	// The longest that matches: the order they are tried in does not matter.
	first := toks[k].Norm
	for _, ps := range [2][][]string{trailersByFirst[first], bodyTrailers(first)} {
		for _, p := range ps {
			if n := trailerAt(toks, k, to, stop, p, best); n > best {
				best = n
			}
		}
	}
	return best
}

// bodyTrailers are the trailers that start with a body part, when word is one.
func bodyTrailers(word string) [][]string {
	if bodyParts[word] {
		return trailersByFirst["<body>"]
	}
	return nil
}

// trailerAt is the length of trailer p at token k, when it is there and longer than
// best, else 0.
func trailerAt(toks []lexicon.Token, k, to, stop int, p []string, best int) int {
	if len(p) <= best || k+len(p) > to || toks[k+len(p)-1].End > stop {
		return 0
	}
	for x, w := range p {
		t := toks[k+x].Norm
		if w == "<body>" && !bodyParts[t] || w != "<body>" && t != w {
			return 0
		}
	}
	switch {
	case len(p) == 1 && p[0] == "<body>" && k+1 < to && toks[k+1].Kind != lexicon.Punct:
		// "tingling fingers," but not "dizziness heart palpitations" (the part is the
		// next symptom's) or "recurring ear infections"
		return 0
	case p[0] == "like" && len(p) == 1:
		return 0 // "nausea like I never had"
	case p[0] == "-" && toks[k].Start != toks[k-1].End:
		return 0 // a dash between words is punctuation, not "-like"
	}
	return len(p)
}

// bodyPlaces are the prepositions of where a symptom is felt ("in", "throughout"), and
// bodyDeterminers the words between one and the part ("my", "whole", "left").
var (
	bodyPlaces      = cue("bodyPlaces")
	bodyDeterminers = cue("bodyDeterminers")
)

// bodyPhrase is the length of the place phrase starting at token k ("in my hands and
// feet", "throughout my whole body", "of hands & feet"), ending before token to and the
// byte offset stop, or 0. A place phrase names a body part; "in the morning" is not one.
func bodyPhrase(toks []lexicon.Token, k, to, stop int) int {
	fits := func(i int) bool { return i < to && toks[i].End <= stop }
	i := k
	switch {
	case fits(i+1) && toks[i].Norm == "all" && toks[i+1].Norm == "over",
		fits(i+1) && toks[i].Norm == "through" && toks[i+1].Norm == "out":
		i += 2
	case fits(i) && bodyPlaces[toks[i].Norm]:
		i++
	default:
		return 0
	}
	n := 0
	for {
		for fits(i) && bodyDeterminers[toks[i].Norm] {
			i++
		}
		if !fits(i) || !bodyParts[toks[i].Norm] {
			return n
		}
		i++
		n = i - k
		// "hands and feet", "mouth & jaw"
		if !fits(i+1) || !joiners[toks[i].Norm] || toks[i].Norm == "," {
			return n
		}
		i++
	}
}
