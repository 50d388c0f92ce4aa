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
type Matcher struct {
	lx    *Lexicon
	root  *node
	bases map[string]bool // keys of the lexicon's words written in an unambiguous form
	fuzzy *fuzzyIndex
	// ids numbers every token key used in a term, in the order first met; startOf is the
	// node each key id starts (root's child), if any.
	ids     map[string]int32
	startOf []*node
	// inSymptom marks the key ids used in symptom terms: such a word is never re-read as
	// a misspelled drug ("affective" of "seasonal affective disorder").
	inSymptom []bool
	// common marks the key ids used in the common terms of drugs (Term.Common).
	common []bool
	guard  *guardCues
}

type node struct {
	next map[string]*node // while compiling; then kids
	kids []edge           // children by key id, sorted
	gap  *node            // the words after a gap
	ends []*termEnd
}

// edge is a trie edge: the id of a token key and the node it leads to.
type edge struct {
	id int32
	n  *node
}

// child returns the node under key id, or nil.
func (n *node) child(id int32) *node {
	kids := n.kids
	if len(kids) <= 8 {
		for i := range kids {
			if kids[i].id == id {
				return kids[i].n
			}
		}
		return nil
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
		return kids[lo].n
	}
	return nil
}

// freeze turns the children maps of the trie under n into sorted edges on key ids.
func (m *Matcher) freeze(n *node) {
	for key, c := range n.next {
		n.kids = append(n.kids, edge{m.ids[key], c})
		m.freeze(c)
	}
	slices.SortFunc(n.kids, func(a, b edge) int { return int(a.id) - int(b.id) })
	n.next = nil
	if n.gap != nil {
		m.freeze(n.gap)
	}
}

type termEnd struct {
	concept *Concept
	term    *Term
	exact   []string // case-sensitive terms: each token as written
	order   int      // lexicon order, the last tie-breaker
}

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

// Compile builds the matcher for a lexicon.
func Compile(lx *Lexicon) *Matcher {
	m := &Matcher{lx: lx, root: &node{}, bases: map[string]bool{}, ids: map[string]int32{}}
	type entry struct {
		seq []*Token
		te  *termEnd
	}
	var entries []entry
	order := 0
	for _, c := range lx.Concepts {
		for i := range c.Terms {
			t := &c.Terms[i]
			for _, variant := range termVariants(t.Text, t.toks) {
				entries = append(entries, entry{variant, &termEnd{concept: c, term: t, order: order}})
				for _, tok := range variant {
					if tok != nil && tok.Kind == Word && tok.Alt == "" {
						m.bases[tok.Key] = true
					}
				}
			}
			order++
		}
	}
	vocab := map[string]string{}
	for _, e := range entries {
		for _, tok := range e.seq {
			if tok != nil {
				tok.Key = m.resolveKey(tok)
			}
		}
		m.insert(e.seq, e.te, vocab)
	}
	m.fuzzy = newFuzzyIndex(vocab)
	m.fuzzy.weigh = func(key string) bool { id, ok := m.ids[key]; return ok && !m.inSymptom[id] }
	m.guard, _ = loadGuard() // its error is Default's; without cues, doubtful words need what cannot be
	if m.guard == nil {
		m.guard = &guardCues{}
	}
	// The trie's edges become sorted slices on key ids: a match looks each token up once,
	// by its key, then walks on integers.
	m.freeze(m.root)
	return m
}

// start returns the trie node a token key starts, or nil.
func (m *Matcher) start(key string) *node {
	if id, ok := m.ids[key]; ok {
		return m.startOf[id]
	}
	return nil
}

// endsAlone reports a key that is a drug's term by itself ("acyclovir").
func (m *Matcher) endsAlone(key string) bool {
	n := m.start(key)
	if n == nil {
		return false
	}
	for _, e := range n.ends {
		if e.concept.Kind == Drug && e.exact == nil {
			return true
		}
	}
	return false
}

// resolveKey picks between a token's stem and its alternative ("aching": ach or ache)
// the one that is a base form of the lexicon.
func (m *Matcher) resolveKey(t *Token) string {
	if t.Alt == "" || m.bases[t.Key] {
		return t.Key
	}
	if t.Alt == altE {
		var buf [64]byte
		b := append(append(buf[:0], t.Key...), 'e')
		if m.bases[string(b)] { // no allocation for the lookup
			return string(b)
		}
		return t.Key
	}
	if m.bases[t.Alt] {
		return t.Alt
	}
	return t.Key
}

// Lexicon returns the lexicon the matcher was compiled from.
func (m *Matcher) Lexicon() *Lexicon { return m.lx }

// termVariants lists the token sequences of a term: "..." marks a gap (nil), hyphenated
// and slashed compounds match both split ("anti anxiety") and joined ("antianxiety").
func termVariants(text string, cached []Token) [][]*Token {
	var seq []*Token
	joinable := false
	for pi, part := range strings.Split(text, "...") {
		if pi > 0 {
			seq = append(seq, nil)
		}
		toks := append([]Token(nil), cached...) // Compile rewrites keys: keep the lexicon's own
		if cached == nil {
			toks = Tokenize(part)
		}
		for k := range toks {
			t := &toks[k]
			if t.Kind == Punct && (t.Norm == "-" || t.Norm == "/") && k+1 < len(toks) && toks[k+1].Joined {
				joinable = true
				continue
			}
			if t.Kind == Punct && (t.Norm == "'" || t.Norm == ".") {
				continue
			}
			seq = append(seq, t)
		}
	}
	out := [][]*Token{seq}
	if joinable {
		var joined []*Token
		for _, t := range seq {
			if t != nil && t.Joined && len(joined) > 0 && joined[len(joined)-1] != nil {
				p := *joined[len(joined)-1]
				p.Norm += t.Norm
				p.Key, p.Alt = stem(p.Norm)
				p.End = t.End
				joined[len(joined)-1] = &p
				continue
			}
			joined = append(joined, t)
		}
		// "sam-e" joined is "same": a joined form that is an English word is left out.
		if !(len(joined) == 1 && joined[0] != nil && IsEnglish(joined[0].Norm)) {
			out = append(out, joined)
		}
	}
	return out
}

func (m *Matcher) insert(seq []*Token, te *termEnd, vocab map[string]string) {
	if len(seq) == 0 {
		return
	}
	exact := te.term.CaseSensitive
	n := m.root
	for i, t := range seq {
		if t == nil {
			if n.gap == nil {
				n.gap = &node{}
			}
			n = n.gap
			continue
		}
		if n.next == nil {
			n.next = map[string]*node{}
		}
		child := n.next[t.Key]
		if child == nil {
			child = &node{}
			n.next[t.Key] = child
		}
		n = child
		id, ok := m.ids[t.Key]
		if !ok {
			id = int32(len(m.startOf))
			m.ids[t.Key] = id
			m.startOf = append(m.startOf, nil)
			m.inSymptom = append(m.inSymptom, false)
			m.common = append(m.common, false)
		}
		if te.term.Common {
			m.common[id] = true
		}
		if i == 0 {
			m.startOf[id] = child
		}
		if t.Kind == Word && !exact {
			vocab[t.Norm] = t.Key
		}
		if te.concept.Kind != Drug {
			m.inSymptom[id] = true
		}
	}
	if exact {
		text := te.term.Text
		for _, t := range seq {
			if t != nil {
				te.exact = append(te.exact, text[t.Start:t.End])
			}
		}
	}
	n.ends = append(n.ends, te)
}

// Match tokenizes text and finds the terms in it: longest match first, no two matches of
// the same kind overlapping, in text order.
func (m *Matcher) Match(text string) []Match {
	return m.MatchTokens(text, Tokenize(text))
}

// MatchTokens is Match on text already tokenized with Tokenize.
func (m *Matcher) MatchTokens(text string, toks []Token) []Match {
	sc := scratchPool.Get().(*scratch)
	// The words the trie walks: joining hyphens and slashes are transparent.
	idx := sc.idx[:0]
	for i := range toks {
		t := &toks[i]
		if t.Kind == Punct && (t.Norm == "-" || t.Norm == "/" || t.Norm == "'") && i+1 < len(toks) && toks[i+1].Joined {
			continue
		}
		idx = append(idx, i)
	}
	ids := grow(sc.ids, len(idx))
	starts := grow(sc.starts, len(idx))
	dist := grow(sc.dist, len(idx))
	// needCtx marks a corrected word that is read as a drug only in a sentence with
	// drug context (doubt).
	needCtx := grow(sc.needCtx, len(idx))
	defer func() {
		sc.idx, sc.ids, sc.starts, sc.dist, sc.needCtx = idx[:0], ids[:0], starts[:0], dist[:0], needCtx[:0]
		scratchPool.Put(sc)
	}()
	var corrected []string
	// A word known only inside longer terms ("aciclovir" of "aciclovir cream") may still
	// be a misspelling of a one-word term ("acyclovir"): its correction is tried as
	// another start.
	type altStart struct {
		k    int
		node *node
		d    int8
		fix  string
		ctx  bool
	}
	var alts []altStart
	english := readsAsEnglish(toks)
	if !english {
		return nil // rxvoice reads English: a German or French comment has no mentions
	}
	for k, i := range idx {
		t := &toks[i]
		key := m.resolveKey(t)
		id, known := m.ids[key]
		var start *node
		if known {
			start = m.startOf[id]
		} else {
			id = -1
		}
		ids[k], starts[k] = id, start
		fuzzy := english && t.Kind == Word && len(t.Norm) >= 5 && !inAddress(text, t) && !afterFirstName(text, toks, i)
		if fuzzy && !known {
			if c := m.fuzzy.correct(t.Norm); c.dist > 0 {
				cid := m.ids[c.key]
				reject, ctx := m.doubt(t.Norm, c, cid)
				if !reject {
					ids[k], dist[k], starts[k], needCtx[k] = cid, int8(c.dist), m.startOf[cid], ctx
					if corrected == nil {
						corrected = make([]string, len(idx))
					}
					corrected[k] = t.Norm + "->" + c.word
				}
			}
		} else if fuzzy && known && (start == nil || len(start.ends) == 0) && !m.inSymptom[id] {
			if c := m.fuzzy.correctOther(t.Norm, m.endsAlone); c.dist > 0 && c.key != key {
				if n := m.start(c.key); n != nil && len(n.ends) > 0 {
					if reject, ctx := m.doubt(t.Norm, c, m.ids[c.key]); !reject {
						alts = append(alts, altStart{k, n, int8(c.dist), t.Norm + "->" + c.word, ctx})
					}
				}
			}
		}
	}
	var cands []Match
	var walk func(n *node, k, first int, gapped bool, fz int)
	walk = func(n *node, k, first int, gapped bool, fz int) {
		for _, te := range n.ends {
			if te.exact != nil && !exactOK(text, toks, idx, first, k, te.exact) {
				continue
			}
			if k-first == 1 && fz == 0 && pastForm(te.term.Text) && !inflected(toks[idx[first]].Norm) {
				continue // "winded" is not "wind", "sectioned" not "section"
			}
			if te.term.NeedsContext && !m.guard.beside(text, toks, idx, first, k-1, strings.ToLower(te.term.Text)) {
				continue // "my PCP", not "smoked PCP"; "lean meat", not "sipping lean"
			}
			if fz > 0 && slices.Contains(needCtx[first:k], true) && !m.guard.inSentence(toks, idx, first, k-1) {
				continue // "we eat paleo", not "I was prescribed paleo"
			}
			mt := Match{Concept: te.concept, Term: te.term, FirstToken: idx[first], LastToken: idx[k-1],
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
		if k < len(idx) && len(n.kids) > 0 && ids[k] >= 0 {
			if c := n.child(ids[k]); c != nil {
				walk(c, k+1, first, gapped, fz+int(dist[k]))
			}
		}
		if g := n.gap; g != nil && len(g.kids) > 0 {
			for skip := 1; skip <= MaxGap && k+skip < len(idx); skip++ {
				if isGapStop(&toks[idx[k+skip-1]]) {
					break
				}
				if c := g.child(ids[k+skip]); c != nil {
					walk(c, k+skip+1, first, true, fz+int(dist[k+skip]))
				}
			}
			// zero words in the gap
			if k < len(idx) {
				if c := g.child(ids[k]); c != nil {
					walk(c, k+1, first, gapped, fz+int(dist[k]))
				}
			}
		}
	}
	for k, c := range starts {
		if c != nil {
			walk(c, k+1, k, false, int(dist[k]))
		}
	}
	for _, a := range alts {
		if corrected == nil {
			corrected = make([]string, len(idx))
		}
		dist[a.k], corrected[a.k], needCtx[a.k] = a.d, a.fix, a.ctx
		walk(a.node, a.k+1, a.k, false, int(a.d))
		dist[a.k], corrected[a.k], needCtx[a.k] = 0, "", false
	}
	return resolve(cands)
}

// scratch is the per-call working memory of MatchTokens, reused through a pool.
type scratch struct {
	idx     []int
	ids     []int32
	starts  []*node
	dist    []int8
	needCtx []bool
}

// doubt weighs a misspelled word's correction to a drug's word. It is rejected when an
// ordinary word is nearer than the drug ("incrasing": one edit from "increasing", two
// from "incresync"); it needs drug context in its sentence when an ordinary word is as
// near ("abilty": "ability" or "abilfy") unless it is a long word of a common drug, or when it is read as a rare brand's word and is
// short or two edits off ("paleo" -> "pazeo", "orthotics" -> "orthovisc"). A word of a
// symptom term is read as before.
func (m *Matcher) doubt(w string, c correction, id int32) (reject, needCtx bool) {
	if id < 0 || int(id) >= len(m.inSymptom) || m.inSymptom[id] {
		return false, false
	}
	if c.english {
		// As near an ordinary word as a drug's: a long misspelling of a common drug is
		// still the drug ("cymbalt" of "cymbal" or "cymbalta"), others need context.
		return c.dist >= 2, !(m.common[id] && len(w) >= 7)
	}
	return false, !m.common[id] && (len(w) < 8 || c.dist >= 2)
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

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

func exactOK(text string, toks []Token, idx []int, first, k int, exact []string) bool {
	if k-first != len(exact) {
		return false
	}
	for j := first; j < k; j++ {
		t := toks[idx[j]]
		if text[t.Start:t.End] != exact[j-first] {
			return false
		}
	}
	// An acronym in capitals ("ED", "BED", "RID") is not one inside text written all in
	// capitals ("I STAYED IN BED", "GET RID OF IT").
	if isUpperWord(exact[0]) {
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

// resolve keeps, for each kind (drug, symptom, drug effect), the longest matches that do not overlap: longer span
// first, then exact before fuzzy, ungapped before gapped, earlier start, lexicon order.
func resolve(c []Match) []Match {
	if len(c) <= 1 {
		return c
	}
	slices.SortStableFunc(c, func(a, b Match) int {
		return cmp.Or(
			cmp.Compare(b.LastToken-b.FirstToken, a.LastToken-a.FirstToken),
			cmp.Compare(a.Fuzzy, b.Fuzzy),
			cmp.Compare(boolInt(a.Gapped), boolInt(b.Gapped)),
			cmp.Compare(a.Start, b.Start),
			cmp.Compare(a.Concept.Pos.Line, b.Concept.Pos.Line),
			strings.Compare(a.Concept.Pos.File, b.Concept.Pos.File))
	})
	// Tokens already taken, for drugs, for symptoms and for drug effects: linear in the
	// text, however many matches a long text has. An effect does not take a symptom's
	// tokens ("made my anxiety worse" is an effect and, inside it, anxiety), but a
	// symptom as long or longer takes an effect's ("my memory got worse" is memory
	// impairment alone).
	n := 0
	for _, m := range c {
		n = max(n, m.LastToken+1)
	}
	taken := [3][]bool{make([]bool, n), make([]bool, n), make([]bool, n)}
	out := c[:0:0]
	for _, m := range c {
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
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(a, b Match) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), strings.Compare(string(a.Concept.Kind), string(b.Concept.Kind)))
	})
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
