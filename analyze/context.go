package analyze

import (
	"slices"

	"github.com/rxvoice/rxvoice/lexicon"
)

// Context is read ConText-style: trigger words before (or after) a mention, with a scope
// that ends at the clause boundary (punctuation, "but", "although"), and pseudo-triggers
// that look like triggers but are not ("not only", "no doubt", "not sure if").

// Experiencer values.
const (
	Self  = "self"
	Other = "other"
)

// Certainty values.
const (
	Reported     = "reported"
	Hypothetical = "hypothetical"
)

// Role values.
const (
	RoleAdverse    = "adverse"
	RoleIndication = "indication"
	RoleWithdrawal = "withdrawal"
	RoleOther      = "other"
)

// Drug status values.
const (
	StatusCurrent  = "current"
	StatusStopped  = "stopped"
	StatusTapering = "tapering"
	StatusPlanned  = "planned"
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	selfWords       = cue("selfWords")
	stopConnective  = cue("stopConnective")
	habitWords      = cue("habitWords")
	warnNegators    = cue("warnNegators")
	stopReasonWords = cue("stopReasonWords")
	reasonSlang     = cue("reasonSlang")
	warnedEffect    = cue("warnedEffect")
)

// clause returns the token range [from, to) of the clause holding tokens first..last,
// within the sentence [sFrom, sTo). cls marks the tokens that end a clause (wcBound).
func clause(cls []uint32, sFrom, sTo, first, last int) (int, int) {
	from := first
	for from > sFrom && cls[from-1]&wcBound == 0 {
		from--
	}
	to := last + 1
	for to < sTo && cls[to]&wcBound == 0 {
		to++
	}
	return from, to
}

// negated reports whether a mention at first..last is denied: a negation rule reaches it.
func negated(toks []lexicon.Token, cls []uint32, cFrom, cTo, first, last int) bool {
	// A term that says the lack itself ("can't sleep", "no appetite", "unable to focus")
	// is not denied by a trigger before it: "no appetite and can't sleep" is two symptoms.
	if engine.starts(cls[first], ctxNegation) || toks[first].Norm == "unable" {
		return false
	}
	return engine.any(toks, cls, first, last, cFrom, cTo, cFrom, cTo, 8, ctxNegation)
}

// experiencer says whose symptom or drug it is: the person named nearest before it in
// the sentence (the rule that ends nearest, the longer at a tie: "everyone I know" is
// others); the writer when none, except in an article.
func experiencer(toks []lexicon.Token, cls []uint32, sFrom, first int, article bool) string {
	var buf [8]ctxHit
	x := ctxText{toks: toks, cls: cls, sFrom: sFrom, sTo: first, mention: -1}
	best := ctxHit{to: -1}
	for i := first - 1; i >= sFrom && i >= best.from-3; i-- {
		if cls[i]&wcCue == 0 {
			continue
		}
		for _, h := range engine.matchAt(&x, i, first, ctxSelf|ctxOther, buf[:0]) {
			if h.to > best.to || h.to == best.to && h.from < best.from {
				best = h
			}
		}
	}
	switch {
	case best.rule != nil && best.rule.cat == ctxOther:
		return Other
	case best.rule != nil:
		return Self
	case article:
		return Other
	}
	return Self
}

// certainty is hypothetical where a hypothetical rule reaches the mention, or in a
// question.
//
// rules is false where no hypothetical rule can start in the sentence.
func certainty(toks []lexicon.Token, cls []uint32, sFrom, sTo, cFrom, cTo, first int, rules bool) string {
	hypo := false
	if rules {
		engine.find(toks, cls, first, first, cFrom, cTo, sFrom, sTo, 14, ctxHypothetical, func(h ctxHit) bool {
			w := toks[h.from].Norm
			if w == "would" && h.from > sFrom && (toks[h.from-1].Norm == "it" || toks[h.from-1].Norm == "drug") && hasAny(toks, sFrom, h.from, toldWords) {
				return true // "no one told me sertraline would give me night sweats": it did
			}
			hypo = true
			return false
		})
	}
	if hypo {
		return Hypothetical
	}
	for i := first - 1; i >= cFrom && i >= first-10; i-- {
		if habitWords[toks[i].Norm] && hasAny(toks, sFrom, i, genericPeople) {
			return Hypothetical // "patients sometimes feel"
		}
	}
	for i := sTo - 1; i >= sFrom && i >= sTo-3; i-- {
		if toks[i].Norm == "?" {
			// "Anyone else get vivid dreams on it?": the writer has them.
			for j := sFrom; j+1 < sTo; j++ {
				if (toks[j].Norm == "anyone" || toks[j].Norm == "anybody") && toks[j+1].Norm == "else" {
					return Reported
				}
			}
			return Hypothetical
		}
	}
	return Reported
}

var (
	toldWords     = cue("toldWords")
	genericPeople = cue("genericPeople")
)

// withdrawalCueAt returns the index of the sentence's cue that a drug is being stopped,
// cut or missed (the head of the first withdrawal rule that matches), or -1. A plan ("I
// am going to get off it") is not yet a withdrawal, but the noun is a cue wherever it
// stands ("I will say that withdrawal is unpleasant").
//
// drugs says cls marks the drug names (wcDrug: "stopped Zoloft").
func withdrawalCueAt(toks []lexicon.Token, cls []uint32, sFrom, sTo int, drugs bool) int {
	x := ctxText{toks: toks, cls: cls, sFrom: sFrom, sTo: sTo, drugs: drugs, mention: -1}
	var buf [8]ctxHit
	at := -1
	for i := sFrom; i < sTo && (at < 0 || i <= at); i++ {
		if !engine.mayStart(&x, i, ctxWithdrawal|ctxWithdrawalNoun) {
			continue
		}
		for _, h := range engine.matchAt(&x, i, sTo, ctxWithdrawal|ctxWithdrawalNoun, buf[:0]) {
			if at >= 0 && h.head >= at {
				continue
			}
			if h.rule.cat == ctxWithdrawal {
				if _, plan := engine.nearestBefore(&x, sFrom, h.head, 4, ctxPlanned); plan {
					continue
				}
			}
			at = h.head
		}
	}
	return at
}

// stopReason reports a symptom given as the reason a drug was stopped, or merely named
// before the stop, rather than one that followed: "the weight gain is the only reason I
// stopped", "the rash, so I quit", "I quit because of the rash".
func stopReason(toks []lexicon.Token, sFrom, cue, first, last int) bool {
	if last < cue {
		// Before the cue, a symptom follows the stop only when a connective says so: "brain
		// zaps after I stopped", "dizzy since I quit", "crying spells when going through
		// withdrawal"; "the side effects were too much and I weaned off" gives the reason.
		for j := cue - 1; j > last && j >= cue-6; j-- {
			if toks[j].Kind == lexicon.Punct {
				break
			}
			if stopConnective[toks[j].Norm] {
				return false
			}
		}
		return true
	}
	// "don't stop taking it at once because you get dizzy" warns of what follows.
	for j := cue - 1; j >= sFrom && j >= cue-2; j-- {
		if warnNegators[toks[j].Norm] {
			return false
		}
	}
	for j := cue + 1; j < first && j <= cue+8; j++ {
		switch w := toks[j].Norm; {
		case stopReasonWords[w]:
			// "because of the rash", "because I got a rash"; but "because you get dizzy",
			// "because it can cause a stroke" tell what stopping does.
			return !hasAny(toks, j+1, first, warnedEffect)
		case reasonSlang[w]: // "'cause I got a rash", not "can cause jitters"
			if j+1 < first && (selfWords[toks[j+1].Norm] || toks[j+1].Norm == "it" || toks[j+1].Norm == "of") {
				return true
			}
		case w == "of":
			if toks[j-1].Norm == "result" || toks[j-1].Norm == "because" {
				return true
			}
		}
	}
	return false
}

// startsDrug reports a sentence about starting a drug, where a start rule matches ("after
// starting Klonopin", "since I started taking it"): its symptoms are adverse effects
// rather than withdrawal; "I started having pain" is the onset of a symptom, not of a drug.
func startsDrug(toks []lexicon.Token, cls []uint32, sFrom, sTo int) bool {
	x := ctxText{toks: toks, cls: cls, sFrom: sFrom, sTo: sTo, mention: -1}
	var buf [4]ctxHit
	for i := sFrom; i < sTo; i++ {
		if cls[i]&wcCue != 0 && len(engine.matchAt(&x, i, sTo, ctxStart, buf[:0])) > 0 {
			return true
		}
	}
	return false
}

// reasonCats are the categories isIndication reads.
const reasonCats = ctxReason | ctxReasonWeak | ctxReasonProne | ctxReasonWeakProne | ctxReasonLessen | ctxNotReason | ctxNotReasonHead

// Strength of an indication cue. A weak one ("for", "because") gives way to a withdrawal
// cue in the same sentence: "ended up in the ER for a suicide attempt after I stopped".
const (
	noIndication = iota
	weakIndication
	strongIndication
)

// isIndication reads "prescribed for X", "I take it for X", "to help with X", "treats my X",
// "relief from X", "less anxious", "my X is much improved", "it took away my X", "I no
// longer have X": the symptom is why the drug is taken, or what it made better. The cues
// are the reason rules of cues.txt; the cue whose head is nearest before the symptom, in
// its reason scope, decides, else one after it.
//
// [cFrom, cTo) is the symptom's clause. prone says the symptom is one the drug is commonly
// taken for; only then does a symptom that ended ("my crying spells stopped") or that came
// before the drug ("before Zoloft I was confused") read as the indication. drugs says cls
// marks the drug names (wcDrug); covered reports a token inside another symptom and may
// be nil.
func isIndication(toks []lexicon.Token, cls []uint32, sFrom, sTo, cFrom, cTo, first, last int, prone, drugs bool, covered func(int) bool) int {
	const before = reasonCats
	lo, comma, newClause := reasonScope(toks, cls, sFrom, first)
	x := ctxText{toks: toks, cls: cls, sFrom: sFrom, sTo: sTo, drugs: drugs, mention: first}
	var buf [16]ctxHit
	hs := buf[:0]
	for i := first - 1; i >= sFrom && i >= lo-4; i-- {
		if engine.mayStart(&x, i, before) {
			hs = engine.matchAt(&x, i, first, before, hs)
		}
	}
	// Nearest head first; at one word, what says "not a reason" about the object of "for"
	// first, then the strong cues, then what says it about the word before "for".
	rank := func(c ctxCat) int {
		switch c {
		case ctxNotReason:
			return 0
		case ctxNotReasonHead:
			return 2
		case ctxReasonWeak, ctxReasonWeakProne:
			return 3
		}
		return 1
	}
	slices.SortStableFunc(hs, func(a, b ctxHit) int {
		if a.head != b.head {
			return b.head - a.head
		}
		return rank(a.rule.cat) - rank(b.rule.cat)
	})
	for _, h := range hs {
		if h.head < lo || h.rule.dir&dirBefore == 0 {
			continue
		}
		if toks[h.head].Norm == "for" && newClause > h.head {
			return noIndication // "Metoprolol for AFib, and the fatigue started"
		}
		switch h.rule.cat {
		case ctxNotReason, ctxNotReasonHead:
			return noIndication
		case ctxReason:
			return strongIndication
		case ctxReasonWeak:
			return weakIndication
		case ctxReasonProne:
			if prone {
				return strongIndication
			}
		case ctxReasonWeakProne:
			if prone {
				return weakIndication
			}
		case ctxReasonLessen:
			// "reduced my anxiety", but not across a comma ("much less pain, a little
			// headache") or from inside another symptom ("decreased libido and insomnia").
			if prone && h.head > comma && (covered == nil || !covered(h.head)) {
				return strongIndication
			}
		}
	}
	found := false
	// Only the rules after the symptom: those before it had their turn above.
	engine.findSides(toks, cls, first, last, cFrom, cTo, sFrom, sTo, 5, ctxReason|ctxReasonProne, dirAfter, func(h ctxHit) bool {
		found = h.rule.cat == ctxReason || prone
		return !found
	})
	if found {
		return strongIndication
	}
	return noIndication
}

// reasonScope returns where the reason rules reach back to from a symptom at first: to
// punctuation other than a comma, "&", "/" or "-" (which may hold "Condition:"), past a
// verb that blames ("made"), a word that turns the sentence ("but"; not "because" or
// "while"), "without" or "free", at most 7 tokens. comma is the nearest comma (or other
// such punctuation) before the symptom, newClause the nearest "and the" or "and then",
// each -1 when none.
func reasonScope(toks []lexicon.Token, cls []uint32, sFrom, first int) (lo, comma, newClause int) {
	comma, newClause = -1, -1
	for i := first - 1; i >= sFrom && i >= first-7; i-- {
		t := &toks[i]
		w := t.Norm
		switch {
		case t.Kind == lexicon.Punct && w != "," && w != "&" && w != "/" && w != "-":
			return i, comma, newClause
		case t.Kind == lexicon.Punct:
			comma = max(comma, i)
		case inList(cls[i], adverseVerbs), w == "without", w == "free",
			cls[i]&wcBound != 0 && w != "because" && w != "bc" && w != "cuz" && w != "while":
			return i + 1, comma, newClause
		case w == "and" && i+1 < first && (toks[i+1].Norm == "the" || toks[i+1].Norm == "then"):
			newClause = max(newClause, i)
		}
	}
	return max(sFrom, first-7), comma, newClause
}

// adverseCue reads a symptom blamed on the drug or new with it: an adverse rule reaches
// it ("it made me anxious", "gave me headaches", "I developed insomnia", "the side
// effects are nausea").
func adverseCue(toks []lexicon.Token, cls []uint32, sFrom, sTo, cFrom, cTo, first, last int) bool {
	return engine.any(toks, cls, first, last, cFrom, cTo, sFrom, sTo, 10, ctxAdverse)
}

// hasAny reports whether a token in [from, to) is one of words.
func hasAny(toks []lexicon.Token, from, to int, words map[string]bool) bool {
	for i := from; i < to; i++ {
		if words[toks[i].Norm] {
			return true
		}
	}
	return false
}

// isHistory reads a symptom as a comorbidity or past illness: a history rule in its
// sentence ("since childhood", "history of", "before I started").
func isHistory(toks []lexicon.Token, cls []uint32, sFrom, sTo int) bool {
	var buf [8]ctxHit
	x := ctxText{toks: toks, cls: cls, sFrom: sFrom, sTo: sTo, mention: -1}
	for i := sFrom; i < sTo; i++ {
		if cls[i]&wcCue != 0 && len(engine.matchAt(&x, i, sTo, ctxHistory, buf[:0])) > 0 {
			return true
		}
	}
	return false
}

// drugStatus reads what the text says of a drug: current, stopped, tapering, planned.
// The status rule nearest before the drug says it ("my level was 12 so I take vitamin D":
// current), with the tense of its verb ("was taking", "had been on": stopped); else a
// rule after it ("Lexapro daily").
func drugStatus(toks []lexicon.Token, cls []uint32, cFrom, cTo, first, last int) string {
	const statuses = ctxCurrent | ctxStopped | ctxTapering | ctxStatusPlanned
	x := ctxText{toks: toks, cls: cls, sFrom: cFrom, sTo: cTo, mention: -1}
	h, ok := engine.nearestBefore(&x, cFrom, first, 6, statuses)
	if !ok {
		engine.find(toks, cls, first, last, cFrom, cTo, cFrom, cTo, 3, statuses, func(a ctxHit) bool {
			h, ok = a, a.from > last
			return !ok
		})
	}
	if !ok {
		return ""
	}
	switch h.rule.cat {
	case ctxStopped:
		return StatusStopped
	case ctxTapering:
		return StatusTapering
	case ctxStatusPlanned:
		return StatusPlanned
	}
	return StatusCurrent
}

// Figures of speech that name a symptom without reporting one.
var (
	idiomConcepts = cue("idiomConcepts")
	copulas       = cue("copulas")
	idiomAdverbs  = cue("idiomAdverbs")
	exhaustedWhat = cue("exhaustedWhat")
	idiomToDeath  = cue("idiomToDeath")
	idiomAdjs     = cue("idiomAdjs")
	// "confusing", "debilitating": what a thing is like, not a feeling
	causeAdjectives = cue("causeAdjectives")
	// "the main side effect was a headache": a subject that is a symptom keeps it literal.
	literalSubjects = cue("literalSubjects")
)

// idiom reports a symptom term used as a figure of speech: "climbing stairs is a
// nightmare", "insurance is a real headache", "my boss is a pain in the neck", "I'm tired
// of waiting". A symptom that is the subject's own ("the side effect was a headache", "it
// was a headache that lasted all day") stays.
func idiom(toks []lexicon.Token, first, last int, concept string) bool {
	next, prev := "", ""
	if last+1 < len(toks) {
		next = toks[last+1].Norm
	}
	if first > 0 {
		prev = toks[first-1].Norm
	}
	if first == last && causeAdjectives[toks[first].Norm] {
		return true
	}
	switch concept {
	case "malaise":
		// "so sick of the side effects": weary of, not ill
		return toks[last].Norm == "sick" && next == "of"
	case "agitation":
		// "worked up to 30 mg", "worked up to a full dose": a titration, not agitation
		return toks[last].Norm == "up" && next == "to"
	case "fatigue":
		switch toks[last].Norm {
		case "tired":
			// "tired of waiting"; "tired it for four months" is a typo of "tried"
			return next == "of" || first == last && (next == "it" || next == "this" || next == "them" || next == "these")
		case "exhausted":
			// "exhausted all hope", "exhausted every option"; not "exhausted all day"
			return (next == "all" || next == "every" || next == "my") && last+2 < len(toks) && exhaustedWhat[toks[last+2].Norm]
		}
	case "death":
		// "scared to death", "bored to death"
		return prev == "to" && first >= 2 && idiomToDeath[toks[first-2].Norm]
	case "spotting":
		// "the sweet spot", "a red spot": only "spotting" is the bleeding
		return first == last && (toks[first].Norm == "spot" || toks[first].Norm == "spots")
	case "nightmare":
		if prev == "total" || prev == "absolute" || prev == "complete" || prev == "living" || prev == "logistical" {
			return true
		}
	}
	if !idiomConcepts[concept] {
		return false
	}
	i := first - 1
	for i >= 0 && idiomAdjs[toks[i].Norm] && i >= first-3 {
		i--
	}
	if i < 1 || (toks[i].Norm != "a" && toks[i].Norm != "an") {
		return false
	}
	c := i - 1
	for c > 0 && c >= i-3 && idiomAdverbs[toks[c].Norm] {
		c-- // "was also a pain", "is just such a headache"
	}
	if !copulas[toks[c].Norm] {
		return false
	}

	// "that lasted", "from hell": a headache described as one.
	if last+1 < len(toks) && (toks[last+1].Norm == "that" || toks[last+1].Norm == "which") {
		return false
	}
	for j := c - 1; j >= 0 && j >= c-4; j-- {
		if literalSubjects[toks[j].Norm] {
			return false
		}
		if toks[j].Kind == lexicon.Punct {
			break
		}
	}
	return true
}

var (
	// After a substance the body also makes or holds: it is measured, not taken.
	labNext  = cue("labNext")
	labPrev  = cue("labPrev")
	labState = cue("labState")
	labClass = cue("labClasses")
)

// labValue reports a drug name that stands for a lab value: "vitamin D level was 12",
// "B12 deficiency", "low testosterone", "my calcium was high".
func labValue(toks []lexicon.Token, first, last int, class string) bool {
	next := ""
	if last+1 < len(toks) {
		next = toks[last+1].Norm
	}
	if labNext[next] {
		return true
	}
	if first > 0 && labPrev[toks[first-1].Norm] {
		return true
	}
	// "my calcium was high", "potassium came back at 5.4"; a bare number after the name is
	// a dose ("Coreg 6.25", "xanex 0.5").
	// Only a drug that is also a lab value has a result: "Zoloft is fine" is the drug.
	if !labClass[class] {
		return false
	}
	if next == "was" || next == "is" || next == "were" || next == "came" || next == "went" {
		for j := last + 2; j < len(toks) && j <= last+4; j++ {
			if w := toks[j].Norm; labState[w] || toks[j].Kind == lexicon.Number {
				return w != "off" || j == last+2 // "went off" is the drug stopped
			}
			if toks[j].Kind == lexicon.Punct {
				break
			}
		}
	}
	return false
}
