package analyze

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/rxvoice/rxvoice/lexicon"
)

// The context engine applies the rule lists of cues.txt (the lists named "ctx:..."), the
// way ConText does: each rule is a phrase ("no", "didnt @haveVerbs", "free of") with the
// category, direction and scope of its list. A rule matches where its phrase stands; a
// pseudo rule ("not only", "no doubt") that covers a negation trigger's first word undoes
// it; a trigger reaches a mention when the mention lies in its direction, within its
// scope (the clause, the list around it across commas, or the sentence, at most n tokens
// away), and the trigger's head is not inside the mention. The Go code around it
// (negated, certainty, experiencer, isHistory, withdrawalCueAt, drugStatus, adverseCue)
// keeps only what is not a phrase: which category answers which question.

// ctxCat is a set of engine categories, as bits.
type ctxCat uint32

// Engine categories.
const (
	ctxNegation ctxCat = 1 << iota
	ctxPseudo
	ctxHypothetical
	ctxHistory
	ctxSelf
	ctxOther
	ctxWithdrawal     // a drug being stopped, cut or missed
	ctxWithdrawalNoun // the word itself ("withdrawal", "detox"): a cue even in a plan
	ctxPlanned        // an intention ("want to", "going to"): a stop not yet made
	ctxCurrent        // a drug's status: taken now
	ctxStopped
	ctxTapering
	ctxStatusPlanned
	ctxAdverse // blamed on the drug or new with it
	// The reason a drug is taken, or what it made better (isIndication):
	ctxReason          // a strong cue ("prescribed for", "helped my")
	ctxReasonWeak      // a weak one ("for"), that a withdrawal cue outweighs
	ctxReasonProne     // strong, when the drug is commonly taken for the symptom ("before Zoloft", "free of")
	ctxReasonWeakProne // weak, when the drug is commonly taken for the symptom
	ctxReasonLessen    // "reduced my anxiety": strong when prone, within the clause, not inside another symptom
	ctxNotReason       // what "for" takes is not a reason ("for 6 years", "for me")
	ctxNotReasonHead   // nor after these ("hospitalized for", "late for a dose"), unless a drug or a verb of taking is nearer
	ctxStart           // the writer starts a drug ("since I started taking it")
)

var ctxCategories = map[string]ctxCat{
	"negation": ctxNegation, "pseudo": ctxPseudo, "hypothetical": ctxHypothetical,
	"history": ctxHistory, "self": ctxSelf, "other": ctxOther,
	"withdrawal": ctxWithdrawal, "withdrawal-noun": ctxWithdrawalNoun, "planned": ctxPlanned,
	"current": ctxCurrent, "stopped": ctxStopped, "tapering": ctxTapering, "status-planned": ctxStatusPlanned,
	"adverse": ctxAdverse,
	"reason":  ctxReason, "reason-weak": ctxReasonWeak, "reason-prone": ctxReasonProne,
	"reason-weak-prone": ctxReasonWeakProne, "reason-lessen": ctxReasonLessen,
	"not-reason": ctxNotReason, "not-reason-head": ctxNotReasonHead, "start": ctxStart,
}

// ctxCategoryNames lists the engine's categories for error messages.
const ctxCategoryNames = "negation, pseudo, hypothetical, history, self, other, withdrawal, withdrawal-noun, planned, current, stopped, tapering, status-planned, adverse, reason, reason-weak, reason-prone, reason-weak-prone, reason-lessen, not-reason, not-reason-head, start"

const (
	dirBefore = 1 << iota // the trigger stands before the mention
	dirAfter
)

// Kinds of phrase element beyond a word and a word list.
const (
	elWord    = iota
	elSet     // @list: any word of the list
	elAny     // *: any one token
	elDrug    // @drug: a drug name starts here
	elNumber  // @number: a number written in digits
	elCount   // @count: a number word above one ("two", "several")
	elPunct   // @punct: punctuation
	elStart   // ^: the sentence starts here (no token)
	elEnd     // $: the sentence ends here (no token)
	elAlt     // a|b: any of the alternatives
	elWordTok // ~: any token but punctuation
	elNotSet  // ~@list: any token but punctuation and the words of the list
	elMention // %: the mention starts here (no token)
	elEarlier // <@list: a word of the list stands earlier in the sentence (no token)
)

// ctxElem is one element of a rule's phrase. An optional element (written with a
// trailing ?) may be left out; the head (written with a leading !) is the token the cue
// stands at, the first element when none is marked.
type ctxElem struct {
	kind     uint8
	optional bool
	head     bool
	word     string
	set      map[string]bool
	list     string // the name of set's list ("@count": the number words above one)
	alts     []ctxElem
	// Compiled: the word's id, or the set's words as bits by id (buildEngine).
	id   uint32
	bits []uint64
}

// ctxRule is one line of a rule list.
type ctxRule struct {
	elems []ctxElem
	cat   ctxCat
	dir   uint8
	scope uint8 // scopeClause, scopeList or scopeSentence
	max   int   // at most this many tokens between trigger and mention; 0: no limit
	text  string
}

// Scopes: how far a trigger reaches.
const (
	scopeClause   = iota // to the clause's ends (punctuation, "but", "because")
	scopeList            // across the commas of a list, to other punctuation or "but"
	scopeSentence        // the whole sentence
	scopeReason          // the reason scope isIndication computes (a verb that blames, "but", a full stop end it)
)

// ctxEngine holds the rules, indexed by the words a phrase can start with; rules that
// start with ^, @drug, @number, @count or @punct are tried everywhere.
type ctxEngine struct {
	rules     []ctxRule
	byFirst   map[string][]int32
	first     [][]firstRule // byFirst by word id
	firstCats []ctxCat      // by word id, the categories of the rules in first
	// vocab gives each word the rules read its class bits (wcQuantity, wcCue) and its id
	// (from 1; 0 is any other word) above wcIDShift: a section's tokens are looked up
	// once (wordClasses), and the rules compare ids and test bits instead of looking
	// each word up in their own sets.
	vocab map[string]uint32
	// lists are the wordList cue lists as bits by word id: their words are in vocab.
	lists        [nWordLists][]uint64
	anywhere     []int32
	anywhereCats ctxCat // the categories of the rules in anywhere
	// anyRules is anywhere with what matchAt reads of each rule before trying it, and
	// the categories of those that start at the sentence's start (^), at a drug
	// (@drug) and elsewhere: most tokens start none of the few rules of a category.
	anyRules                               []anyRule
	anyStartCats, anyDrugCats, anyElseCats ctxCat
	// What the anywhere rules' leads accept, as categories: anyLeadIDs by word id, the
	// categories whose lead accepts a drug name (anyLeadDrug), and those of rules with no
	// lead or one of another kind (anyLeadFree). Most tokens are the lead of no anywhere
	// rule of the categories asked for, which one look-up tells (anyLeadCats).
	anyLeadIDs               []ctxCat
	anyLeadDrug, anyLeadFree ctxCat
	listCats                 ctxCat // the categories that have rules of list scope
	// headIDs holds, by word id, the categories of the rules whose head (the cue's
	// token) may be the word; headFree the categories with a rule whose head is not a
	// word of the rules (a drug name, a number, any token). A sentence with no token that
	// may head a category's rules has no hit of it (sentenceCats).
	headIDs  []ctxCat
	headFree ctxCat
}

// firstRule is a rule of ctxEngine.first: its index, its category and its second
// element when that stands at a token and is not optional (tested before the rule is
// tried: most rules that start with a common word fail there), else nil.
type firstRule struct {
	ri     int32
	cat    ctxCat
	second *ctxElem
}

// anyRule is a rule of ctxEngine.anywhere: its index, category and first element's kind.
type anyRule struct {
	ri   int32
	cat  ctxCat
	kind uint8
	// lead is the rule's first element that stands at a token, when only ^, <@list and
	// the like come before it and it is not optional: the token the rule starts at must
	// be what it asks for, tested before the rule is tried. nil when there is none.
	lead *ctxElem
}

// ctxHit is a rule matched over tokens [from, to), its head at head.
type ctxHit struct {
	from, to, head int
	rule           *ctxRule
}

// ctxText is the text a rule is matched in: the tokens, their classes, the sentence and
// whether the classes mark where drug names start (wcDrug).
type ctxText struct {
	toks       []lexicon.Token
	cls        []uint32
	sFrom, sTo int
	drugs      bool // cls marks the drug names (wcDrug); @drug matches nothing when false
	mention    int  // the token the mention starts at, for %; -1 when none
}

// drugAt reports a drug name starting at token i: a bit, not a call through a func
// value, as every token of a scan may ask it.
func (x *ctxText) drugAt(i int) bool { return x.drugs && x.cls[i]&wcDrug != 0 }

// ruleListPrefix names the lists the engine reads as rules.
const ruleListPrefix = "ctx:"

// buildEngine compiles the rule lists of lists. Its errors name the list and the rule.
func buildEngine(lists map[string]*cueList) (*ctxEngine, error) {
	e := &ctxEngine{byFirst: map[string][]int32{}}
	names := make([]string, 0, len(lists))
	for name := range lists {
		names = append(names, name)
	}
	sort.Strings(names) // the same rule order, hence the same hits, on every run
	for _, name := range names {
		l := lists[name]
		if !strings.HasPrefix(name, ruleListPrefix) {
			continue
		}
		cat, ok := ctxCategories[l.category]
		if !ok {
			return nil, fmt.Errorf("cue list %q: the engine reads categories %s; got %q", name, ctxCategoryNames, l.category)
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
		scope, max, err := parseScope(l.scope)
		if err != nil {
			return nil, fmt.Errorf("cue list %q: %w", name, err)
		}
		for _, phrase := range l.phrases {
			r, err := parseRule(phrase, lists)
			if err != nil {
				return nil, fmt.Errorf("cue list %q: rule %q: %w", name, phrase, err)
			}
			r.cat, r.dir, r.scope, r.max = cat, dir, scope, max
			e.rules = append(e.rules, r)
			if scope == scopeList {
				e.listCats |= cat
			}
		}
	}
	for i := range e.rules {
		first := e.rules[i].elems[0]
		switch first.kind {
		case elSet:
			for w := range first.set {
				e.byFirst[w] = append(e.byFirst[w], int32(i))
			}
		case elWord:
			e.byFirst[first.word] = append(e.byFirst[first.word], int32(i))
		case elAlt:
			// Alternatives of words and lists are indexed by each of their words.
			words := true
			for _, a := range first.alts {
				words = words && (a.kind == elWord || a.kind == elSet)
			}
			if !words {
				e.anywhere = append(e.anywhere, int32(i))
				e.anywhereCats |= e.rules[i].cat
				continue
			}
			for _, a := range first.alts {
				if a.kind == elWord {
					e.byFirst[a.word] = append(e.byFirst[a.word], int32(i))
					continue
				}
				for w := range a.set {
					e.byFirst[w] = append(e.byFirst[w], int32(i))
				}
			}
		default:
			e.anywhere = append(e.anywhere, int32(i))
			e.anywhereCats |= e.rules[i].cat
		}
	}
	e.compile(lists)
	return e, nil
}

// compile gives each word of the rules an id, each set its words as bits by id, and
// indexes the rules by the id of their first word.
func (e *ctxEngine) compile(lists map[string]*cueList) {
	e.vocab = map[string]uint32{}
	for w, k := range quantityKeys {
		e.vocab[w] |= uint32(k)
	}
	n := uint32(1)
	id := func(w string) uint32 {
		v := e.vocab[w]
		if v>>wcIDShift == 0 {
			v |= n << wcIDShift
			n++
			e.vocab[w] = v
		}
		return v >> wcIDShift
	}
	sets := map[string]map[string]bool{}
	var walk func(els []ctxElem, fn func(el *ctxElem))
	walk = func(els []ctxElem, fn func(el *ctxElem)) {
		for i := range els {
			fn(&els[i])
			walk(els[i].alts, fn)
		}
	}
	words := make([]string, 0, 1024)
	for i := range e.rules {
		walk(e.rules[i].elems, func(el *ctxElem) {
			switch {
			case el.kind == elWord:
				words = append(words, el.word)
			case el.kind == elCount:
				el.list = "@count"
				if sets[el.list] == nil {
					sets[el.list] = map[string]bool{}
					for w, v := range numberWords {
						if v > 1 {
							sets[el.list][w] = true
						}
					}
				}
			case el.set != nil:
				sets[el.list] = el.set
			}
		})
	}
	for _, set := range sets {
		for w := range set {
			words = append(words, w)
		}
	}
	for _, name := range wordListNames {
		if l := lists[name]; l != nil { // a test's engine may have none
			for w := range l.words {
				words = append(words, w)
			}
		}
	}
	slices.Sort(words) // the same ids on every run
	for _, w := range words {
		id(w)
	}
	bits := map[string][]uint64{}
	for name, set := range sets {
		b := make([]uint64, (n+63)/64)
		for w := range set {
			i := id(w)
			b[i/64] |= 1 << (i % 64)
		}
		bits[name] = b
	}
	for k, name := range wordListNames {
		b := make([]uint64, (n+63)/64)
		if l := lists[name]; l != nil {
			for w := range l.words {
				i := id(w)
				b[i/64] |= 1 << (i % 64)
			}
		}
		e.lists[k] = b
	}
	for i := range e.rules {
		walk(e.rules[i].elems, func(el *ctxElem) {
			if el.kind == elWord {
				el.id = id(el.word)
			}
			if el.list != "" {
				el.bits = bits[el.list]
			}
		})
	}
	for _, ri := range e.anywhere {
		r := &e.rules[ri]
		a := anyRule{ri: ri, cat: r.cat, kind: r.elems[0].kind}
		for k := range r.elems {
			if el := &r.elems[k]; !zeroWidth(el.kind) {
				if !el.optional {
					a.lead = el
				}
				break
			}
		}
		e.anyRules = append(e.anyRules, a)
		switch a.kind {
		case elStart:
			e.anyStartCats |= a.cat
		case elDrug:
			e.anyDrugCats |= a.cat
		default:
			e.anyElseCats |= a.cat
		}
	}
	e.anyLeadIDs = make([]ctxCat, n)
	for _, a := range e.anyRules {
		if a.lead == nil {
			e.anyLeadFree |= a.cat
			continue
		}
		markWords(e.anyLeadIDs, a.lead, a.cat, &e.anyLeadDrug, &e.anyLeadFree)
	}
	e.first, e.firstCats = make([][]firstRule, n), make([]ctxCat, n)
	for w, rs := range e.byFirst {
		e.vocab[w] |= wcCue
		i := id(w)
		e.first[i] = make([]firstRule, len(rs))
		for k, ri := range rs {
			r := &e.rules[ri]
			f := firstRule{ri: ri, cat: r.cat}
			if len(r.elems) > 1 && !zeroWidth(r.elems[1].kind) && !r.elems[1].optional {
				f.second = &r.elems[1]
			}
			e.first[i][k] = f
			e.firstCats[i] |= r.cat
		}
	}
	e.headIDs = make([]ctxCat, n)
	for i := range e.rules {
		r := &e.rules[i]
		for k := range r.elems {
			if r.elems[k].head {
				markWords(e.headIDs, &r.elems[k], r.cat, &e.headFree, &e.headFree)
			}
		}
	}
}

// markWords adds cat to ids[w] for each word w the element may read; to drug where it
// reads a drug name, to free where it may read any word.
func markWords(ids []ctxCat, el *ctxElem, cat ctxCat, drug, free *ctxCat) {
	switch el.kind {
	case elWord:
		ids[el.id] |= cat
	case elSet, elCount:
		for i := range ids {
			if has(el.bits, uint32(i)) {
				ids[i] |= cat
			}
		}
	case elDrug:
		*drug |= cat
	case elAlt:
		for k := range el.alts {
			markWords(ids, &el.alts[k], cat, drug, free)
		}
	default:
		*free |= cat
	}
}

// sentenceCats returns the categories of the rules that may match in a sentence whose
// tokens have classes cls: a rule needs a token it may start at (tokenCats) and a token
// that may be its head, and most sentences have no head of most categories' rules.
func (e *ctxEngine) sentenceCats(cls []uint32) ctxCat {
	var starts, heads ctxCat
	for _, c := range cls {
		starts |= e.tokenCats(c)
		heads |= e.headIDs[c>>wcIDShift]
	}
	return starts & (heads | e.headFree)
}

// has reports whether the word of id is in the set of bits.
func has(bits []uint64, id uint32) bool {
	return id != 0 && int(id/64) < len(bits) && bits[id/64]&(1<<(id%64)) != 0
}

// parseRule reads a phrase: words, @lists, @drug, @number, @count, @punct, *, ^ and $,
// each optional with a trailing ?, the head marked with a leading !.
func parseRule(phrase string, lists map[string]*cueList) (ctxRule, error) {
	r := ctxRule{text: phrase}
	heads := 0
	for _, w := range strings.Fields(phrase) {
		var el ctxElem
		if rest, ok := strings.CutPrefix(w, "!"); ok {
			el.head, w = true, rest
			heads++
		}
		if rest, ok := strings.CutSuffix(w, "?"); ok && rest != "" {
			el.optional, w = true, rest
		}
		if strings.Contains(w, "|") {
			el.kind = elAlt
			for _, a := range strings.Split(w, "|") {
				alt, err := parseElem(a, lists)
				if err != nil {
					return r, err
				}
				if zeroWidth(alt.kind) {
					return r, fmt.Errorf("^, $, %% and <@list cannot be alternatives")
				}
				el.alts = append(el.alts, alt)
			}
		} else {
			e, err := parseElem(w, lists)
			if err != nil {
				return r, err
			}
			el.kind, el.word, el.set, el.list = e.kind, e.word, e.set, e.list
		}
		r.elems = append(r.elems, el)
	}
	switch {
	case len(r.elems) == 0:
		return r, fmt.Errorf("an empty rule")
	case heads > 1:
		return r, fmt.Errorf("more than one head (!)")
	case r.elems[0].kind == elAny || r.elems[0].kind == elWordTok || r.elems[0].kind == elNotSet || r.elems[0].kind == elMention || r.elems[0].optional:
		return r, fmt.Errorf("a rule starts with a word, a @list, <@list, ^ or a kind of token, and not an optional one")
	}
	if heads == 0 {
		// The head is the first element that stands at a token (not ^).
		for i := range r.elems {
			if !zeroWidth(r.elems[i].kind) {
				r.elems[i].head = true
				break
			}
		}
	}
	for _, el := range r.elems {
		if el.head && (zeroWidth(el.kind) || el.optional) {
			return r, fmt.Errorf("the head (!) must stand at a token that is always there")
		}
	}
	return r, nil
}

// zeroWidth reports an element that stands at no token.
func zeroWidth(kind uint8) bool {
	return kind == elStart || kind == elEnd || kind == elMention || kind == elEarlier
}

// parseElem reads one element without its marks.
func parseElem(w string, lists map[string]*cueList) (ctxElem, error) {
	switch w {
	case "":
		return ctxElem{}, fmt.Errorf("an empty element")
	case "*":
		return ctxElem{kind: elAny}, nil
	case "^":
		return ctxElem{kind: elStart}, nil
	case "$":
		return ctxElem{kind: elEnd}, nil
	case "@drug":
		return ctxElem{kind: elDrug}, nil
	case "@number":
		return ctxElem{kind: elNumber}, nil
	case "@count":
		return ctxElem{kind: elCount}, nil
	case "@punct":
		return ctxElem{kind: elPunct}, nil
	case "~":
		return ctxElem{kind: elWordTok}, nil
	case "%":
		return ctxElem{kind: elMention}, nil
	}
	for _, k := range []struct {
		prefix string
		kind   uint8
	}{{"~@", elNotSet}, {"<@", elEarlier}} {
		if ref, ok := strings.CutPrefix(w, k.prefix); ok {
			sub, ok := lists[ref]
			if !ok || strings.HasPrefix(ref, ruleListPrefix) {
				return ctxElem{}, fmt.Errorf("no word list %q", ref)
			}
			return ctxElem{kind: k.kind, set: sub.words, list: ref}, nil
		}
	}
	if ref, ok := strings.CutPrefix(w, "@"); ok {
		sub, ok := lists[ref]
		if !ok || strings.HasPrefix(ref, ruleListPrefix) {
			return ctxElem{}, fmt.Errorf("no word list %q", ref)
		}
		return ctxElem{kind: elSet, set: sub.words, list: ref}, nil
	}
	return ctxElem{kind: elWord, word: w}, nil
}

// parseScope reads "clause", "list", "sentence", each with an optional most tokens
// ("clause8").
func parseScope(s string) (scope uint8, max int, err error) {
	rest := ""
	switch {
	case strings.HasPrefix(s, "clause"):
		scope, rest = scopeClause, s[len("clause"):]
	case strings.HasPrefix(s, "list"):
		scope, rest = scopeList, s[len("list"):]
	case strings.HasPrefix(s, "sentence"):
		scope, rest = scopeSentence, s[len("sentence"):]
	case s == "reason":
		scope = scopeReason
	default:
		return 0, 0, fmt.Errorf("a rule list's scope is clause, list, sentence (each with an optional most tokens: clause8) or reason, got %q", s)
	}
	if rest != "" {
		if max, err = strconv.Atoi(rest); err != nil || max <= 0 {
			return 0, 0, fmt.Errorf("scope %q: the most tokens must be a positive number", s)
		}
	}
	return scope, max, nil
}

// starts reports whether a rule of cats can start with the word of class bits c (its
// wordClasses entry).
func (e *ctxEngine) starts(c uint32, cats ctxCat) bool {
	return c&wcCue != 0 && e.firstCats[c>>wcIDShift]&cats != 0
}

// mayStart reports whether a rule of cats may start at token i: matchAt finds nothing
// where it does not, and most tokens start no rule of the categories asked for.
func (e *ctxEngine) mayStart(x *ctxText, i int, cats ctxCat) bool {
	if c := x.cls[i]; c&wcCue != 0 && e.firstCats[c>>wcIDShift]&cats != 0 {
		return true
	}
	return e.anywhereCats&cats != 0 && (e.anyElseCats&cats != 0 || i == x.sFrom && e.anyStartCats&cats != 0 ||
		e.anyDrugCats&cats != 0 && x.drugAt(i)) && e.anyLeadCats(x, i)&cats != 0
}

// tokenCats returns the categories of the rules that may start at a token of classes c,
// in any sentence or clause: what mayStart can answer true for there. A sentence none of
// whose tokens may start a category's rules has no hit of it.
func (e *ctxEngine) tokenCats(c uint32) ctxCat {
	var cats ctxCat
	id := c >> wcIDShift
	if c&wcCue != 0 {
		cats = e.firstCats[id]
	}
	kinds, lead := e.anyElseCats|e.anyStartCats, e.anyLeadFree|e.anyLeadIDs[id]
	if c&wcDrug != 0 {
		kinds, lead = kinds|e.anyDrugCats, lead|e.anyLeadDrug
	}
	return cats | kinds&lead
}

// anyLeadCats returns the categories of the anywhere rules whose lead may accept token
// i: a rule of no other category is tried there.
func (e *ctxEngine) anyLeadCats(x *ctxText, i int) ctxCat {
	c := e.anyLeadFree | e.anyLeadIDs[x.cls[i]>>wcIDShift]
	if e.anyLeadDrug != 0 && x.drugAt(i) {
		c |= e.anyLeadDrug
	}
	return c
}

// matchAt appends the rules of cats whose phrase matches from token i, ending by to.
func (e *ctxEngine) matchAt(x *ctxText, i, to int, cats ctxCat, out []ctxHit) []ctxHit {
	try := func(ri int32) {
		r := &e.rules[ri]
		if r.cat&cats == 0 {
			return
		}
		if end, head, ok := x.match(r.elems, i, to, -1); ok {
			out = append(out, ctxHit{from: i, to: end, head: head, rule: r})
		}
	}
	if c := x.cls[i]; c&wcCue != 0 && e.firstCats[c>>wcIDShift]&cats != 0 {
		for _, f := range e.first[c>>wcIDShift] {
			if f.cat&cats == 0 || f.second != nil && (i+1 >= to || !x.matchToken(f.second, i+1)) {
				continue
			}
			try(f.ri)
		}
	}
	if e.anywhereCats&cats != 0 && (e.anyElseCats&cats != 0 || i == x.sFrom && e.anyStartCats&cats != 0 ||
		e.anyDrugCats&cats != 0 && x.drugAt(i)) {
		lc := e.anyLeadCats(x, i) & cats
		for _, a := range e.anyRules {
			if a.cat&lc == 0 {
				continue
			}
			switch a.kind {
			case elStart:
				if i != x.sFrom {
					continue
				}
			case elDrug:
				if !x.drugAt(i) {
					continue
				}
			}
			if a.lead != nil && (i >= to || !x.matchToken(a.lead, i)) {
				continue
			}
			try(a.ri)
		}
	}
	return out
}

// match matches elems from token k, ending by to; it returns the end and the head.
func (x *ctxText) match(elems []ctxElem, k, to, head int) (int, int, bool) {
	if len(elems) == 0 {
		return k, head, true
	}
	el := &elems[0]
	if el.optional {
		if end, h, ok := x.match(elems[1:], k, to, head); ok {
			return end, h, true
		}
	}
	switch el.kind {
	case elStart:
		if k != x.sFrom {
			return 0, 0, false
		}
		return x.match(elems[1:], k, to, head)
	case elEnd:
		if k < x.sTo {
			return 0, 0, false
		}
		return x.match(elems[1:], k, to, head)
	case elMention:
		if k != x.mention {
			return 0, 0, false
		}
		return x.match(elems[1:], k, to, head)
	case elEarlier:
		// The rest first: it is seldom there, and the word is looked for back to the
		// sentence's start.
		end, h, ok := x.match(elems[1:], k, to, head)
		if !ok {
			return 0, 0, false
		}
		for j := x.sFrom; j < k; j++ {
			if has(el.bits, x.cls[j]>>wcIDShift) {
				return end, h, true
			}
		}
		return 0, 0, false
	}
	if k >= to {
		return 0, 0, false
	}
	if !x.matchToken(el, k) {
		return 0, 0, false
	}
	if el.head {
		head = k
	}
	return x.match(elems[1:], k+1, to, head)
}

// matchToken reports whether token k is what el asks for.
func (x *ctxText) matchToken(el *ctxElem, k int) bool {
	t := &x.toks[k]
	id := x.cls[k] >> wcIDShift
	switch el.kind {
	case elWord:
		return id == el.id && id != 0
	case elSet, elCount:
		return has(el.bits, id)
	case elAny:
		return true
	case elDrug:
		return x.drugAt(k)
	case elNumber:
		return t.Kind == lexicon.Number
	case elPunct:
		return t.Kind == lexicon.Punct
	case elWordTok:
		return t.Kind != lexicon.Punct
	case elNotSet:
		return t.Kind != lexicon.Punct && !has(el.bits, id)
	case elAlt:
		for i := range el.alts {
			if x.matchToken(&el.alts[i], k) {
				return true
			}
		}
	}
	return false
}

// pseudoAt reports a pseudo rule over token i: "not only" over "not".
func (e *ctxEngine) pseudoAt(x *ctxText, i int) bool {
	var buf [4]ctxHit
	for j := i; j >= x.sFrom && j >= i-3; j-- {
		if !e.mayStart(x, j, ctxPseudo) {
			continue
		}
		for _, h := range e.matchAt(x, j, x.sTo, ctxPseudo, buf[:0]) {
			if h.to > i {
				return true
			}
		}
	}
	return false
}

// ctxSpan is a mention and the ranges around it that rules reach over.
type ctxSpan struct {
	first, last int
	cFrom, cTo  int // its clause
	lFrom, lTo  int // its list: the clause widened over commas
	sFrom, sTo  int // its sentence
}

// listAround returns the list holding tokens first..last: back and forth to punctuation
// other than a comma, "&" or "/", or to a word that turns the sentence ("but").
func listAround(toks []lexicon.Token, cls []uint32, sFrom, sTo, first, last int) (int, int) {
	stop := func(i int) bool {
		if t := &toks[i]; t.Kind == lexicon.Punct {
			return t.Norm != "," && t.Norm != "&" && t.Norm != "/"
		}
		return cls[i]&wcBound != 0
	}
	from := first
	for from > sFrom && !stop(from-1) {
		from--
	}
	to := last + 1
	for to < sTo && !stop(to) {
		to++
	}
	return from, to
}

// reaches reports whether hit h reaches the mention: in its direction, in its scope; a
// trigger does not stand inside the mention.
func (h ctxHit) reaches(m *ctxSpan) bool {
	r := h.rule
	lo, hi := m.cFrom, m.cTo
	switch r.scope {
	case scopeList:
		lo, hi = m.lFrom, m.lTo
	case scopeSentence:
		lo, hi = m.sFrom, m.sTo
	}
	switch {
	case h.head < m.first && h.from < m.first && r.dir&dirBefore != 0:
		// The phrase may run into the mention: "didn't feel" before "feel drugged".
		return h.from >= lo && (r.max == 0 || m.first-h.from <= r.max)
	case h.from > m.last && r.dir&dirAfter != 0:
		return h.to <= hi && (r.max == 0 || h.from-m.last <= r.max)
	}
	return false
}

// find calls visit for each hit of cats that reaches the mention first..last, nearest
// first on each side (before, then after), until visit returns false. The search looks
// window tokens each way.
func (e *ctxEngine) find(toks []lexicon.Token, cls []uint32, first, last, cFrom, cTo, sFrom, sTo, window int, cats ctxCat, visit func(ctxHit) bool) {
	e.findSides(toks, cls, first, last, cFrom, cTo, sFrom, sTo, window, cats, dirBefore|dirAfter, visit)
}

// findSides is find on the sides of the mention asked (dirBefore, dirAfter): a caller
// that reads only the hits after it need not match the rules before it.
func (e *ctxEngine) findSides(toks []lexicon.Token, cls []uint32, first, last, cFrom, cTo, sFrom, sTo, window int, cats ctxCat, sides uint8, visit func(ctxHit) bool) {
	x := ctxText{toks: toks, cls: cls, sFrom: sFrom, sTo: sTo, mention: first}
	m := ctxSpan{first: first, last: last, cFrom: cFrom, cTo: cTo, sFrom: sFrom, sTo: sTo}
	if e.listCats&cats != 0 {
		m.lFrom, m.lTo = listAround(toks, cls, sFrom, sTo, first, last)
	}
	var buf [8]ctxHit
	// at tries the rules starting at token i, their phrases ending by to; false stops.
	at := func(i, to int) bool {
		if !e.mayStart(&x, i, cats) {
			return true
		}
		hs := e.matchAt(&x, i, to, cats, buf[:0])
		if len(hs) == 0 || cats&ctxNegation != 0 && e.pseudoAt(&x, i) {
			return true
		}
		for _, h := range longestFirst(hs) {
			if h.reaches(&m) && !visit(h) {
				return false
			}
		}
		return true
	}
	for i := first - 1; sides&dirBefore != 0 && i >= sFrom && i >= first-window; i-- {
		if !at(i, last+1) {
			return
		}
	}
	for i := last + 1; sides&dirAfter != 0 && i < sTo && i <= last+window; i++ {
		if !at(i, sTo) {
			return
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
func (e *ctxEngine) any(toks []lexicon.Token, cls []uint32, first, last, cFrom, cTo, sFrom, sTo, window int, cats ctxCat) bool {
	found := false
	e.find(toks, cls, first, last, cFrom, cTo, sFrom, sTo, window, cats, func(ctxHit) bool {
		found = true
		return false
	})
	return found
}

// nearestBefore returns the hit of cats whose head is nearest before token at, within
// [from, at) and at most max tokens away, the longer at a tie; ok is false when none.
func (e *ctxEngine) nearestBefore(x *ctxText, from, at, most int, cats ctxCat) (ctxHit, bool) {
	var buf [8]ctxHit
	best := ctxHit{head: -1}
	lo := max(from, at-most)
	for i := at - 1; i >= x.sFrom && i >= lo-4; i-- {
		if !e.mayStart(x, i, cats) {
			continue
		}
		for _, h := range e.matchAt(x, i, at, cats, buf[:0]) {
			if h.head < lo || h.from < x.sFrom {
				continue
			}
			if h.head > best.head || h.head == best.head && h.to-h.from > best.to-best.from {
				best = h
			}
		}
	}
	return best, best.rule != nil
}
