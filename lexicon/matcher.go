package lexicon

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// MaxGap is how many words a gap (...) in a term lets stand between two words.
const MaxGap = 3

// Matcher finds the terms of a lexicon in text. It is compiled once from the lexicon (a
// trie over token keys, with gap edges) and is safe for concurrent use.
//
// It is made of integers: token keys are numbered in one string table, the trie is
// flat arrays of node numbers, and a term end is the number of a lexicon term. The
// garbage collector has little to mark in it, and a token is looked up once.
type Matcher struct {
	lx   *Lexicon
	keys *strTable // every token key used in a term, numbered in the order first met
	// Per key id: the node the key starts (a child of the root, 0 for none) and what
	// kind of word it is (keyBase, keyInSymptom, ...).
	startOf []int32
	flags   []uint8
	// The trie; node 0 is the root. Node n's children are edges[kidsOff[n]:kidsOff[n+1]],
	// sorted by key id; its terms ending there are ends[endsOff[n]:endsOff[n+1]], in
	// lexicon order; gap[n] is the node of the words after a gap (0 for none).
	kidsOff []int32
	edges   []edge
	endsOff []int32
	ends    []termEnd
	gap     []int32
	terms   []termRef // the lexicon's terms, in lexicon order
	exact   []int32   // start and end offsets in its term's text of each case-sensitive term's tokens
	fuzzy   *fuzzyIndex
	guard   *guardCues
	// scratch holds the working memory of AppendMatches, its word cache included: a
	// cache's answers are this matcher's, so the pool is too.
	scratch sync.Pool
}

// Flags of a key id.
const (
	keyBase      uint8 = 1 << iota // a word of the lexicon written in an unambiguous form
	keyInSymptom                   // used in a symptom term: never re-read as a misspelled drug ("affective")
	keyCommon                      // used in a common term of a drug (Term.Common)
	keyDrugAlone                   // a drug's term by itself ("acyclovir")
)

// edge is a trie edge: the id of a token key and the node it leads to.
type edge struct {
	id, to int32
}

// termEnd is a term ending at a trie node.
type termEnd struct {
	past   bool  // the term is one word in a past form (pastForm)
	ctx    bool  // it needs drug context beside it (Term.NeedsContext): read here, not from the term
	term   int32 // in Matcher.terms
	exact  int32 // the first of its tokens' spans in Matcher.exact, for a case-sensitive term
	nExact int32 // its number of tokens when case-sensitive, else 0
}

type termRef struct {
	concept *Concept
	term    *Term
}

// child returns the node under key id from node n, or 0.
func (m *Matcher) child(n, id int32) int32 {
	kids := m.edges[m.kidsOff[n]:m.kidsOff[n+1]]
	if len(kids) <= 8 {
		for i := range kids {
			if kids[i].id == id {
				return kids[i].to
			}
		}
		return 0
	}
	lo, hi := 0, len(kids)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if kids[mid].id < id {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(kids) && kids[lo].id == id {
		return kids[lo].to
	}
	return 0
}

// hasKids reports a node with children.
func (m *Matcher) hasKids(n int32) bool { return m.kidsOff[n+1] > m.kidsOff[n] }

// hasEnds reports a node where terms end.
func (m *Matcher) hasEnds(n int32) bool { return m.endsOff[n+1] > m.endsOff[n] }

// Match is one term found in a text.
type Match struct {
	Concept    *Concept
	Term       *Term // the lexicon term that matched
	Start, End int   // byte offsets in the text
	// Tokens are the indexes in the token slice of the first and last token matched.
	FirstToken, LastToken int
	Gapped                bool // words stood in a gap of the term
	// Fuzzy is the total edit distance of misspelled words that were read as a term's
	// words (0 for an exact match); Corrected says which ("klonapin->klonopin").
	Fuzzy     int
	Corrected string
}

// gapKind marks a gap (...) in the token sequence of a term while compiling.
const gapKind TokenKind = 255

// Compile builds the matcher for a lexicon.
func Compile(lx *Lexicon) *Matcher {
	m := &Matcher{lx: lx, keys: newStrTable(16384)}
	// The token sequences of all terms' variants, end to end: seqEnd[i] ends sequence i,
	// of term seqTerm[i].
	size, terms := 0, 0
	for _, c := range lx.Concepts {
		for i := range c.Terms {
			size += len(c.Terms[i].Text)
		}
		terms += len(c.Terms)
	}
	// Sized for the tokens of all terms and their joined forms: growing a slice of
	// tokens copies it all.
	flat, tmp := make([]Token, 0, size/5+16), []Token(nil)
	seqEnd, seqTerm := make([]int32, 0, terms+terms/8), make([]int32, 0, terms+terms/8)
	m.terms = make([]termRef, 0, terms)
	for _, c := range lx.Concepts {
		for i := range c.Terms {
			t := &c.Terms[i]
			n := len(seqEnd)
			flat, seqEnd, tmp = appendVariants(flat, seqEnd, t.Text, tmp)
			for range len(seqEnd) - n {
				seqTerm = append(seqTerm, int32(len(m.terms)))
			}
			m.terms = append(m.terms, termRef{c, t})
		}
	}
	for i := range flat {
		if t := &flat[i]; t.Kind == Word {
			if key, alt := t.keys(); alt == "" {
				m.keyFlags(m.keys.add(key), keyBase)
			}
		}
	}
	b := trieBuilder{m: m, kids: newNodeTable(len(flat)), vocab: newStrTable(len(flat) / 4),
		edges: make([]edgeFrom, 0, len(flat)), ends: make([]endAt, 0, len(seqEnd)), gap: make([]int32, 0, len(flat)+1)}
	b.newNode() // the root
	start := int32(0)
	for i, end := range seqEnd {
		b.insert(flat[start:end], seqTerm[i])
		start = end
	}
	b.freeze()
	for id, n := range m.startOf {
		if n == 0 {
			continue
		}
		for _, e := range m.ends[m.endsOff[n]:m.endsOff[n+1]] {
			if m.terms[e.term].concept.Kind == Drug && e.nExact == 0 {
				m.flags[id] |= keyDrugAlone
			}
		}
	}
	m.fuzzy = newFuzzyIndex(b.vocab, b.vocabKey)
	m.fuzzy.weigh = func(id int32) bool { return m.flags[id]&keyInSymptom == 0 }
	m.guard, _ = loadGuard() // its error is Default's; without cues, doubtful words need what cannot be
	if m.guard == nil {
		m.guard = &guardCues{}
	}
	return m
}

// keyFlags sets flags on key id, growing the per-key arrays to it.
func (m *Matcher) keyFlags(id int32, f uint8) {
	for int(id) >= len(m.flags) {
		m.flags = append(m.flags, 0)
		m.startOf = append(m.startOf, 0)
	}
	m.flags[id] |= f
}

// keyID returns the id of a token's key, or -1: between its stem and its alternative
// ("aching": ach or ache), the one that is a base form of the lexicon.
func (m *Matcher) keyID(t *Token) int32 {
	key, altKey := t.keys()
	id := m.keys.find(key)
	if altKey == "" || id >= 0 && m.flags[id]&keyBase != 0 {
		return id
	}
	var alt int32
	if altKey == altE {
		var buf [64]byte
		alt = m.keys.findBytes(append(append(buf[:0], key...), 'e')) // no allocation for the lookup
	} else {
		alt = m.keys.find(altKey)
	}
	if alt >= 0 && m.flags[alt]&keyBase != 0 {
		return alt
	}
	return id
}

// resolveKey is the key keyID picks, as a string (for tests).
func (m *Matcher) resolveKey(t *Token) string {
	if id := m.keyID(t); id >= 0 {
		return m.keys.str(id)
	}
	key, _ := t.keys()
	return key
}

// Lexicon returns the lexicon the matcher was compiled from.
func (m *Matcher) Lexicon() *Lexicon { return m.lx }

// appendVariants appends to flat the token sequences of a term, ending each in seqEnd:
// "..." marks a gap (a token of gapKind), hyphenated and slashed compounds match both
// split ("anti anxiety") and joined ("antianxiety"). tmp is scratch for tokenizing.
func appendVariants(flat []Token, seqEnd []int32, text string, tmp []Token) ([]Token, []int32, []Token) {
	first := len(flat)
	joinable := false
	for pi := 0; ; pi++ {
		part, rest, more := strings.Cut(text, "...")
		if pi > 0 {
			flat = append(flat, Token{Kind: gapKind})
		}
		tmp = TokenizeInto(tmp, part)
		for k := range tmp {
			t := &tmp[k]
			if t.Kind == Punct && (t.Norm == "-" || t.Norm == "/") && k+1 < len(tmp) && tmp[k+1].Joined {
				joinable = true
				continue
			}
			if t.Kind == Punct && (t.Norm == "'" || t.Norm == ".") {
				continue
			}
			flat = append(flat, *t)
		}
		if !more {
			break
		}
		text = rest
	}
	seqEnd = append(seqEnd, int32(len(flat)))
	if !joinable {
		return flat, seqEnd, tmp
	}
	joined := len(flat)
	for i := first; i < joined; i++ {
		t := flat[i]
		if t.Kind != gapKind && t.Joined && len(flat) > joined && flat[len(flat)-1].Kind != gapKind {
			p := &flat[len(flat)-1]
			p.Norm += t.Norm
			p.keyed = tokStemmed // the stem of the joined word, whatever the first part was
			p.End = t.End
			continue
		}
		flat = append(flat, t)
	}
	// "sam-e" joined is "same": a joined form that is an English word is left out.
	if len(flat)-joined == 1 && flat[joined].Kind != gapKind && IsEnglish(flat[joined].Norm) {
		return flat[:joined], seqEnd, tmp
	}
	return flat, append(seqEnd, int32(len(flat))), tmp
}

// trieBuilder builds a Matcher's trie: children are found through one map on (node,
// key id) while inserting, then laid out in flat arrays.
type trieBuilder struct {
	m        *Matcher
	kids     nodeTable // (node, key id) -> child
	edges    []edgeFrom
	ends     []endAt
	gap      []int32
	vocab    *strTable // the words of the terms (not case-sensitive ones), for corrections
	vocabKey []int32   // each word's key id
}

type edgeFrom struct {
	from int32
	edge
}

type endAt struct {
	node int32
	termEnd
}

// nodeTable maps (node, key id) packed in a uint64 to a child node while building: open
// addressing on integers, cheaper than a map for the trie's tens of thousands of edges.
type nodeTable struct {
	keys  []uint64 // key+1, 0: empty
	nodes []int32
	n     int
	shift uint
}

func newNodeTable(n int) nodeTable {
	bits := uint(4)
	for 1<<bits < 2*n {
		bits++
	}
	return nodeTable{keys: make([]uint64, 1<<bits), nodes: make([]int32, 1<<bits), shift: 64 - bits}
}

// find returns the child under k (0 for none) and the slot where it is or would go.
func (t *nodeTable) find(k uint64) (int32, int) {
	mask := len(t.keys) - 1
	for i := int((k * 0x9e3779b97f4a7c15) >> t.shift); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case 0:
			return 0, i
		case k + 1:
			return t.nodes[i], i
		}
	}
}

// put stores child under k in the slot find gave, growing the table when half full.
func (t *nodeTable) put(slot int, k uint64, child int32) {
	t.keys[slot], t.nodes[slot] = k+1, child
	if t.n++; 2*t.n <= len(t.keys) {
		return
	}
	old, oldNodes := t.keys, t.nodes
	*t = newNodeTable(len(old))
	for i, k := range old {
		if k != 0 {
			_, s := t.find(k - 1)
			t.put(s, k-1, oldNodes[i])
		}
	}
}

func (b *trieBuilder) newNode() int32 {
	b.gap = append(b.gap, 0)
	return int32(len(b.gap) - 1)
}

func (b *trieBuilder) insert(seq []Token, term int32) {
	if len(seq) == 0 {
		return
	}
	m := b.m
	ref := m.terms[term]
	exact := ref.term.CaseSensitive
	n := int32(0)
	for i := range seq {
		t := &seq[i]
		if t.Kind == gapKind {
			if b.gap[n] == 0 {
				g := b.newNode()
				b.gap[n] = g
			}
			n = b.gap[n]
			continue
		}
		id := m.keyID(t) // the stem or its alternative, whichever is a base form
		if id < 0 {
			key, _ := t.keys()
			id = m.keys.add(key)
		}
		m.keyFlags(id, 0)
		k := uint64(n)<<32 | uint64(id)
		child, slot := b.kids.find(k)
		if child == 0 {
			child = b.newNode()
			b.kids.put(slot, k, child)
			b.edges = append(b.edges, edgeFrom{n, edge{id, child}})
		}
		n = child
		if ref.term.Common {
			m.flags[id] |= keyCommon
		}
		if i == 0 {
			m.startOf[id] = child
		}
		if t.Kind == Word && !exact {
			w := b.vocab.add(t.Norm)
			if int(w) == len(b.vocabKey) {
				b.vocabKey = append(b.vocabKey, 0)
			}
			b.vocabKey[w] = id
		}
		if ref.concept.Kind != Drug {
			m.flags[id] |= keyInSymptom
		}
	}
	te := termEnd{term: term, past: pastForm(ref.term.Text), ctx: ref.term.NeedsContext}
	if exact {
		te.exact = int32(len(m.exact) / 2)
		for i := range seq {
			if t := &seq[i]; t.Kind != gapKind {
				m.exact = append(m.exact, int32(t.Start), int32(t.End))
				te.nExact++
			}
		}
	}
	b.ends = append(b.ends, endAt{n, te})
}

// freeze lays the trie out in the Matcher's flat arrays: each node's edges sorted by
// key id, its term ends in the order they were inserted.
func (b *trieBuilder) freeze() {
	m := b.m
	nodes := len(b.gap)
	m.gap = b.gap
	m.kidsOff = make([]int32, nodes+1)
	for _, e := range b.edges {
		m.kidsOff[e.from+1]++
	}
	for i := 1; i <= nodes; i++ {
		m.kidsOff[i] += m.kidsOff[i-1]
	}
	// The edges are put in key id order first (a counting sort), then dealt out to their
	// nodes in that order: each node's edges come out sorted, with no sort per node.
	byID := make([]int32, m.keys.Len()+1)
	for _, e := range b.edges {
		byID[e.id+1]++
	}
	for i := 1; i < len(byID); i++ {
		byID[i] += byID[i-1]
	}
	sorted := make([]edgeFrom, len(b.edges))
	for _, e := range b.edges {
		sorted[byID[e.id]] = e
		byID[e.id]++
	}
	m.edges = make([]edge, len(b.edges))
	fill := slices.Clone(m.kidsOff[:nodes])
	for _, e := range sorted {
		m.edges[fill[e.from]] = e.edge
		fill[e.from]++
	}
	m.endsOff = make([]int32, nodes+1)
	for _, e := range b.ends {
		m.endsOff[e.node+1]++
	}
	for i := 1; i <= nodes; i++ {
		m.endsOff[i] += m.endsOff[i-1]
	}
	m.ends = make([]termEnd, len(b.ends))
	copy(fill, m.endsOff[:nodes])
	for _, e := range b.ends {
		m.ends[fill[e.node]] = e.termEnd
		fill[e.node]++
	}
}

// Match tokenizes text and finds the terms in it: longest match first, no two matches of
// the same kind overlapping, in text order.
func (m *Matcher) Match(text string) []Match {
	return m.MatchTokens(text, Tokenize(text))
}

// MatchTokens is Match on text already tokenized with Tokenize.
func (m *Matcher) MatchTokens(text string, toks []Token) []Match {
	return m.AppendMatches(nil, text, toks)
}

// AppendMatches is MatchTokens appending the matches to dst: a caller that reuses its
// buffer matches without allocating for them.
func (m *Matcher) AppendMatches(dst []Match, text string, toks []Token) []Match {
	sc, _ := m.scratch.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	wc := &sc.words
	wc.begin(len(toks))
	// Each token's word in the cache; the words the trie walks: joining hyphens and
	// slashes are transparent.
	ent := grow(sc.ent, len(toks))
	idx := sc.idx[:0]
	words, english := 0, 0 // of the first 200 words of three letters or more (readsEnglish)
	for i := range toks {
		t := &toks[i]
		ent[i] = wc.intern(m, t)
		if t.Kind == Word && len(t.Norm) >= 3 && words < 200 {
			words++
			if wc.english(ent[i], t.Norm) {
				english++
			}
		}
		if t.Kind == Punct && (t.Norm == "-" || t.Norm == "/" || t.Norm == "'") && i+1 < len(toks) && toks[i+1].Joined {
			continue
		}
		idx = append(idx, i)
	}
	ids := grow(sc.ids, len(idx))
	starts := grow(sc.starts, len(idx)) // the node each word starts, 0 for none
	dist := grow(sc.dist, len(idx))
	// needCtx marks a corrected word that is read as a drug only in a sentence with
	// drug context (doubt).
	needCtx := grow(sc.needCtx, len(idx))
	cands := sc.cands[:0]
	var corrected []string
	defer func() {
		clear(cands) // no pointers kept alive in the pool
		clear(corrected)
		sc.ent, sc.idx, sc.ids, sc.starts, sc.dist, sc.needCtx, sc.cands = ent[:0], idx[:0], ids[:0], starts[:0], dist[:0], needCtx[:0], cands[:0]
		if corrected != nil {
			sc.corrected = corrected[:0]
		}
		m.scratch.Put(sc)
	}()
	// A word known only inside longer terms ("aciclovir" of "aciclovir cream") may still
	// be a misspelling of a one-word term ("acyclovir"): its correction is tried as
	// another start.
	type altStart struct {
		k   int
		fix *fixInfo
	}
	var alts []altStart
	if !readsEnglish(words, english) {
		return dst // rxvoice reads English: a German or French comment has no mentions
	}
	for k, i := range idx {
		t := &toks[i]
		e := ent[i]
		id := wc.ents[e].id
		known := id >= 0
		var start int32
		if known {
			start = m.startOf[id]
		}
		ids[k], starts[k] = id, start
		if t.Kind != Word || len(t.Norm) < 5 {
			continue
		}
		// The word's correction (the cache's, once per word) is asked before the text
		// around it is read: most words have none.
		var f *fixInfo
		switch {
		case !known:
			f = wc.fix(m, e, t.Norm)
		case (start == 0 || !m.hasEnds(start)) && m.flags[id]&keyInSymptom == 0:
			f = wc.otherFix(m, e, t.Norm)
		default:
			continue
		}
		if f.dist == 0 || inAddress(text, t) || afterFirstName(text, toks, i, func(p int) bool { return wc.name(ent[p], toks[p].Norm) }) {
			continue
		}
		if known {
			alts = append(alts, altStart{k, f})
			continue
		}
		ids[k], dist[k], starts[k], needCtx[k] = f.to, f.dist, m.startOf[f.to], f.ctx
		if corrected == nil {
			corrected = grow(sc.corrected, len(idx))
		}
		corrected[k] = f.text
	}
	var walk func(n int32, k, first int, gapped bool, fz int)
	walk = func(n int32, k, first int, gapped bool, fz int) {
		for e := m.endsOff[n]; e < m.endsOff[n+1]; e++ {
			te := &m.ends[e]
			ref := &m.terms[te.term]
			if te.nExact > 0 && !exactOK(text, toks, idx, first, k, ref.term.Text, m.exact[2*te.exact:2*(te.exact+te.nExact)]) {
				continue
			}
			if k-first == 1 && fz == 0 && te.past && !inflected(toks[idx[first]].Norm) {
				continue // "winded" is not "wind", "sectioned" not "section"
			}
			if te.ctx && !m.guard.beside(text, toks, idx, first, k-1, strings.ToLower(ref.term.Text)) {
				continue // "my PCP", not "smoked PCP"; "lean meat", not "sipping lean"
			}
			if fz > 0 && slices.Contains(needCtx[first:k], true) && !m.guard.inSentence(toks, idx, first, k-1) {
				continue // "we eat paleo", not "I was prescribed paleo"
			}
			mt := Match{Concept: ref.concept, Term: ref.term, FirstToken: idx[first], LastToken: idx[k-1],
				Start: toks[idx[first]].Start, End: toks[idx[k-1]].End, Gapped: gapped, Fuzzy: fz}
			if fz > 0 {
				var cs []string
				for j := first; j < k; j++ {
					if dist[j] > 0 {
						cs = append(cs, corrected[j])
					}
				}
				mt.Corrected = strings.Join(cs, " ")
			}
			cands = append(cands, mt)
		}
		if k < len(idx) && ids[k] >= 0 && m.hasKids(n) {
			if c := m.child(n, ids[k]); c != 0 {
				walk(c, k+1, first, gapped, fz+int(dist[k]))
			}
		}
		if g := m.gap[n]; g != 0 && m.hasKids(g) {
			for skip := 1; skip <= MaxGap && k+skip < len(idx); skip++ {
				if wc.ents[ent[idx[k+skip-1]]].bits&wordGapStop != 0 {
					break
				}
				if c := m.child(g, ids[k+skip]); c != 0 {
					walk(c, k+skip+1, first, true, fz+int(dist[k+skip]))
				}
			}
			// zero words in the gap
			if k < len(idx) {
				if c := m.child(g, ids[k]); c != 0 {
					walk(c, k+1, first, gapped, fz+int(dist[k]))
				}
			}
		}
	}
	for k, c := range starts {
		if c != 0 {
			walk(c, k+1, k, false, int(dist[k]))
		}
	}
	for _, a := range alts {
		if corrected == nil {
			corrected = grow(sc.corrected, len(idx))
		}
		dist[a.k], corrected[a.k], needCtx[a.k] = a.fix.dist, a.fix.text, a.fix.ctx
		walk(a.fix.to, a.k+1, a.k, false, int(a.fix.dist))
		dist[a.k], corrected[a.k], needCtx[a.k] = 0, "", false
	}
	return resolve(dst, cands, sc)
}

// scratch is the per-call working memory of MatchTokens, reused through a pool.
type scratch struct {
	words     wordCache
	ent       []int32 // each token's entry in words
	corrected []string
	idx       []int
	ids       []int32
	starts    []int32
	dist      []int8
	needCtx   []bool
	cands     []Match
	order     []int32 // the candidates' numbers, as resolve sorts them
	taken     []bool
}

// drugAlone reports a key id that is a drug's term by itself ("acyclovir").
func (m *Matcher) drugAlone(id int32) bool { return m.flags[id]&keyDrugAlone != 0 }

// doubt weighs a misspelled word's correction to a drug's word. It is rejected when an
// ordinary word is nearer than the drug ("incrasing": one edit from "increasing", two
// from "incresync"); it needs drug context in its sentence when an ordinary word is as
// near ("abilty": "ability" or "abilfy") unless it is a long word of a common drug, or when it is read as a rare brand's word and is
// short or two edits off ("paleo" -> "pazeo", "orthotics" -> "orthovisc"). A word of a
// symptom term is read as before.
func (m *Matcher) doubt(w string, c correction, id int32) (reject, needCtx bool) {
	if id < 0 || int(id) >= len(m.flags) || m.flags[id]&keyInSymptom != 0 {
		return false, false
	}
	if c.english {
		// As near an ordinary word as a drug's: a long misspelling of a common drug is
		// still the drug ("cymbalt" of "cymbal" or "cymbalta"), others need context.
		return c.dist >= 2, !(m.flags[id]&keyCommon != 0 && len(w) >= 7)
	}
	return false, m.flags[id]&keyCommon == 0 && (len(w) < 8 || c.dist >= 2)
}

// grow returns s resized to n zeroed elements, reusing its storage when it can.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// isGapStop reports whether a token ends a gap: punctuation, a line break, or a word
// that starts a new clause.
func isGapStop(t *Token) bool {
	return t.Kind == Punct || t.IsClauseBoundary() || t.Norm == "and" || t.Norm == "or"
}

// exactOK reports whether tokens [first, k) of idx are written as the case-sensitive
// term's: spans holds the start and end of each of its tokens in term.
func exactOK(text string, toks []Token, idx []int, first, k int, term string, spans []int32) bool {
	if 2*(k-first) != len(spans) {
		return false
	}
	for j := first; j < k; j++ {
		t := &toks[idx[j]]
		if text[t.Start:t.End] != term[spans[2*(j-first)]:spans[2*(j-first)+1]] {
			return false
		}
	}
	exact0 := term[spans[0]:spans[1]]
	// An acronym in capitals ("ED", "BED", "RID") is not one inside text written all in
	// capitals ("I STAYED IN BED", "GET RID OF IT").
	if isUpperWord(exact0) {
		for _, n := range []int{idx[first] - 1, idx[k-1] + 1} {
			if n >= 0 && n < len(toks) && toks[n].Kind == Word && toks[n].End-toks[n].Start >= 2 && isUpperWord(text[toks[n].Start:toks[n].End]) {
				return false
			}
		}
	}
	return true
}

// isUpperWord reports a word of two or more letters, all capitals.
func isUpperWord(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// resolve keeps, for each kind (drug, symptom, drug effect), the longest matches that do
// not overlap: longer span first, then exact before fuzzy, ungapped before gapped, earlier
// start, lexicon order. It appends them to dst in text order.
func resolve(dst, c []Match, sc *scratch) []Match {
	switch len(c) {
	case 0:
		return dst
	case 1:
		return append(dst, c[0])
	}
	// The candidates' numbers are sorted, not the matches: moving a match is moving its
	// pointers, with the collector's write barriers. The comparison returns at the
	// first difference (cmp.Or would work out all six).
	order := sc.order[:0]
	for i := range c {
		order = append(order, int32(i))
	}
	slices.SortStableFunc(order, func(i, j int32) int {
		a, b := &c[i], &c[j]
		if la, lb := a.LastToken-a.FirstToken, b.LastToken-b.FirstToken; la != lb {
			return cmp.Compare(lb, la)
		}
		if a.Fuzzy != b.Fuzzy {
			return cmp.Compare(a.Fuzzy, b.Fuzzy)
		}
		if a.Gapped != b.Gapped {
			return cmp.Compare(boolInt(a.Gapped), boolInt(b.Gapped))
		}
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		if a.Concept.Pos.Line != b.Concept.Pos.Line {
			return cmp.Compare(a.Concept.Pos.Line, b.Concept.Pos.Line)
		}
		return strings.Compare(a.Concept.Pos.File, b.Concept.Pos.File)
	})
	// Tokens already taken, for drugs, for symptoms and for drug effects: linear in the
	// text, however many matches a long text has. An effect does not take a symptom's
	// tokens ("made my anxiety worse" is an effect and, inside it, anxiety), but a
	// symptom as long or longer takes an effect's ("my memory got worse" is memory
	// impairment alone).
	n := 0
	for i := range c {
		n = max(n, c[i].LastToken+1)
	}
	all := grow(sc.taken, 3*n)
	taken := [3][]bool{all[:n], all[n : 2*n], all[2*n:]}
	kept := order[:0] // kept numbers overwrite the order's as it is read
	for _, i := range order {
		m := &c[i]
		k := 0
		switch {
		case m.Concept.Kind == Symptom && m.Concept.Category == DrugEffect:
			k = 2
			if slices.Contains(taken[1][m.FirstToken:m.LastToken+1], true) {
				continue
			}
		case m.Concept.Kind == Symptom:
			k = 1
		}
		if slices.Contains(taken[k][m.FirstToken:m.LastToken+1], true) {
			continue
		}
		for t := m.FirstToken; t <= m.LastToken; t++ {
			taken[k][t] = true
		}
		kept = append(kept, i)
	}
	slices.SortStableFunc(kept, func(i, j int32) int {
		a, b := &c[i], &c[j]
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return strings.Compare(string(a.Concept.Kind), string(b.Concept.Kind))
	})
	dst = slices.Grow(dst, len(kept))
	for _, i := range kept {
		dst = append(dst, c[i])
	}
	sc.order, sc.taken = order[:0], all[:0]
	return dst
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
