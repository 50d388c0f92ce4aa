package lexicon

import "hash/maphash"

// wordCache interns the tokens a worker's calls to MatchTokens meet: a word is hashed and
// compared once per call, and what the matcher asks of it (its key id, whether it ends a
// gap, is English or a name, its correction) is worked out the first time it is met and
// kept with it. Most words of a page repeat, and its pages share most of their words, so
// the string tables, the English list and the corrections' cache are asked once per word
// per worker instead of once per token.
//
// Every answer is a function of the token's kind, normal form and keyed bits alone (its
// key and alternative are made from them: Token.keys), so a cached answer is the answer.
// The cache is emptied between calls when it holds wordCacheMax words: its memory is
// bounded, whatever the corpus.
type wordCache struct {
	slots []int32 // an entry's index+1, 0: empty; open addressing on the hash
	mask  uint64
	ents  []wordEntry
	arena []byte // the entries' normal forms end to end
}

// wordCacheMax is the number of words after which the cache starts again.
const wordCacheMax = 1 << 15

type wordEntry struct {
	hash     uint64
	off, end uint32 // its normal form is arena[off:end]
	kind     TokenKind
	keyed    uint8 // Token.keyed: its key is made from its normal form with these
	bits     uint8 // wordGapStop, and which lazy answers are known
	id       int32 // Matcher.keyID
	// The correction of a word that is not a key (fix, wordFixKnown), and of a key that
	// starts no term of its own (other, wordOtherKnown).
	fix, other fixInfo
}

// fixInfo is a correction weighed by Matcher.doubt: to key id (fix) or to the start node
// of a one-word term (other); dist 0 when there is none or it is rejected.
type fixInfo struct {
	to   int32
	dist int8
	ctx  bool   // it needs drug context in its sentence
	text string // "klonapin->klonopin"
}

// wordEntry bits.
const (
	wordGapStop      uint8 = 1 << iota // isGapStop
	wordEnglishKnown                   // wordEnglish is set
	wordEnglish                        // IsEnglish or isName
	wordNameKnown                      // wordName is set
	wordName                           // isName
	wordFixKnown                       // fix is set
	wordOtherKnown                     // other is set
)

// begin readies the cache for a call of n tokens, emptying it when it is full: an
// entry's index stays valid to the end of the call.
func (c *wordCache) begin(n int) {
	if c.slots == nil {
		c.slots = make([]int32, 1024)
		c.mask = 1023
	}
	if len(c.ents) > 0 && len(c.ents)+n > wordCacheMax {
		clear(c.slots)
		clear(c.ents) // the correction texts may go
		c.ents, c.arena = c.ents[:0], c.arena[:0]
	}
}

// intern returns the index of token t's entry, adding it when its word is new.
func (c *wordCache) intern(m *Matcher, t *Token) int32 {
	h := maphash.String(seed, t.Norm)
	i := h & c.mask
	for ; ; i = (i + 1) & c.mask {
		s := c.slots[i]
		if s == 0 {
			break
		}
		if e := &c.ents[s-1]; e.hash == h && e.kind == t.Kind && e.keyed == t.keyed && string(c.arena[e.off:e.end]) == t.Norm {
			return s - 1
		}
	}
	e := wordEntry{hash: h, off: uint32(len(c.arena)), kind: t.Kind, keyed: t.keyed, id: m.keyID(t)}
	c.arena = append(c.arena, t.Norm...)
	e.end = uint32(len(c.arena))
	if isGapStop(t) {
		e.bits |= wordGapStop
	}
	c.ents = append(c.ents, e)
	id := int32(len(c.ents) - 1)
	c.slots[i] = id + 1
	if 2*len(c.ents) > len(c.slots) {
		c.rehash()
	}
	return id
}

func (c *wordCache) rehash() {
	c.slots = make([]int32, 2*len(c.slots))
	c.mask = uint64(len(c.slots) - 1)
	for k := range c.ents {
		i := c.ents[k].hash & c.mask
		for c.slots[i] != 0 {
			i = (i + 1) & c.mask
		}
		c.slots[i] = int32(k) + 1
	}
}

// english reports IsEnglish(w) || isName(w) for entry e of word w.
func (c *wordCache) english(e int32, w string) bool {
	x := &c.ents[e]
	if x.bits&wordEnglishKnown == 0 {
		x.bits |= wordEnglishKnown
		if IsEnglish(w) || c.name(e, w) {
			x.bits |= wordEnglish
		}
	}
	return x.bits&wordEnglish != 0
}

// name reports isName(w) for entry e of word w.
func (c *wordCache) name(e int32, w string) bool {
	x := &c.ents[e]
	if x.bits&wordNameKnown == 0 {
		x.bits |= wordNameKnown
		if isName(w) {
			x.bits |= wordName
		}
	}
	return x.bits&wordName != 0
}

// fix returns the weighed correction of entry e's word w, which is not a key.
func (c *wordCache) fix(m *Matcher, e int32, w string) *fixInfo {
	x := &c.ents[e]
	if x.bits&wordFixKnown == 0 {
		x.bits |= wordFixKnown
		if cr := m.fuzzy.correct(w); cr.dist > 0 {
			if reject, ctx := m.doubt(w, cr, cr.key); !reject {
				x.fix = fixInfo{to: cr.key, dist: int8(cr.dist), ctx: ctx, text: w + "->" + cr.word}
			}
		}
	}
	return &x.fix
}

// other returns the weighed correction of entry e's word w, a key, to another word that
// is a drug's term by itself: the start node of that term in other.to.
func (c *wordCache) otherFix(m *Matcher, e int32, w string) *fixInfo {
	x := &c.ents[e]
	if x.bits&wordOtherKnown == 0 {
		x.bits |= wordOtherKnown
		if cr := m.fuzzy.correctOther(w, m.drugAlone); cr.dist > 0 && cr.key != x.id {
			if n := m.startOf[cr.key]; n != 0 && m.hasEnds(n) {
				if reject, ctx := m.doubt(w, cr, cr.key); !reject {
					x.other = fixInfo{to: n, dist: int8(cr.dist), ctx: ctx, text: w + "->" + cr.word}
				}
			}
		}
	}
	return &x.other
}
