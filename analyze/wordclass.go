package analyze

import (
	"sync"

	"github.com/rxvoice/rxvoice/lexicon"
)

// Word classes: what a word can be to the context rules, as bits, so that a section's
// tokens are looked up once (wordClasses) and the rules that scan many tokens test bits
// instead of looking each word up in their own sets.
const (
	wcQuantity = 0xff    // the quantity keys (keyDoseUnit, keyTimeUnit, ...)
	wcCue      = 1 << 8  // a word that can start a rule of the context engine
	wcDrug     = 1 << 9  // a drug name (not a class) starts here: set once a section's mentions are found
	wcBound    = 1 << 10 // the token ends a clause (Token.IsClauseBoundary): clause and the scopes ask it of a token many times
	wcIDShift  = 12      // above these bits, the word's id in the engine's vocabulary (0: none)
)

var (
	wordClassOnce sync.Once
	wordClass     *wordTable
)

func loadWordClass() { wordClass = newWordTable(engine.vocab) }

// wordClasses returns the class bits and engine word id of each token, reusing buf's
// storage.
func wordClasses(buf []uint32, toks []lexicon.Token) []uint32 {
	wordClassOnce.Do(loadWordClass)
	if cap(buf) < len(toks) {
		buf = make([]uint32, len(toks))
	}
	buf = buf[:len(toks)]
	for i := range toks {
		buf[i] = wordClass.get(toks[i].Norm) | boundBit(&toks[i])
	}
	return buf
}

// wordTable is the engine's vocabulary (and the role model's features) as an
// open-addressed table: every token of every section is looked up in it, and most are
// short words, which a small hash and one comparison of lengths settle faster than a map.
type wordTable struct {
	keys  []string // "" marks an empty slot
	vals  []uint32
	mask  uint32
	empty uint32 // the value of "", kept apart
}

func newWordTable(vocab map[string]uint32) *wordTable {
	n := 1
	for n < 4*len(vocab) { // at most a quarter full: few probes for a word not in it
		n *= 2
	}
	t := &wordTable{keys: make([]string, n), vals: make([]uint32, n), mask: uint32(n - 1)}
	for w, v := range vocab {
		if w == "" {
			t.empty = v
			continue
		}
		i := wordHash(w) & t.mask
		for t.keys[i] != "" {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.vals[i] = w, v
	}
	return t
}

// wordHash is 32-bit FNV-1a.
func wordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// getBytes is get of string(b).
func (t *wordTable) getBytes(b []byte) uint32 {
	if len(b) == 0 {
		return t.empty
	}
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch k := t.keys[i]; {
		case k == "":
			return 0
		case k == string(b):
			return t.vals[i]
		}
	}
}

// get returns w's value (the class bits and id of a word), 0 when the table has no w.
func (t *wordTable) get(w string) uint32 {
	if w == "" {
		return t.empty
	}
	for i := wordHash(w) & t.mask; ; i = (i + 1) & t.mask {
		switch k := t.keys[i]; {
		case k == "":
			return 0
		case k == w:
			return t.vals[i]
		}
	}
}

// classesIn is wordClasses with the vocabulary of one engine.
func classesIn(vocab map[string]uint32, buf []uint32, toks []lexicon.Token) []uint32 {
	if cap(buf) < len(toks) {
		buf = make([]uint32, len(toks))
	}
	buf = buf[:len(toks)]
	for i := range toks {
		buf[i] = vocab[toks[i].Norm] | boundBit(&toks[i])
	}
	return buf
}

// boundBit is wcBound when t ends a clause.
func boundBit(t *lexicon.Token) uint32 {
	if t.IsClauseBoundary() {
		return wcBound
	}
	return 0
}

// The cue lists read by word id, not as maps: the engine's vocabulary has their words and
// keeps each list as bits (ctxEngine.lists), so a look at a word tests a bit of the
// token's class instead of looking its text up. The lists a drug mention's use is read
// from, and those read at every symptom.
const (
	drugHistoryWords wordList = iota
	drugAdjunctWords
	drugCompareWords
	drugResponseWords
	drugTreatAfter
	drugDidAfter
	drugGivenWords
	drugSwitchWords
	drugNowWords
	drugWithWhat
	drugComparatives
	drugNeedWords
	drugJudgeWords
	drugTakeWords
	drugHeardWords
	drugTreatWith
	drugWorkWords
	drugStopWords
	drugWearWords
	statusPlannedWords // the words that say a drug is planned ("going", "will", "want")
	anotherWords
	adverseVerbs // "made", "caused": a reason's scope ends there
	nWordLists
)

// wordList names a cue list read by word id (inList, section.in).
type wordList uint8

// wordListNames are the cue lists of the wordList constants, in their order.
var wordListNames = [nWordLists]string{
	"drugHistoryWords",
	"drugAdjunctWords",
	"drugCompareWords",
	"drugResponseWords",
	"drugTreatAfter",
	"drugDidAfter",
	"drugGivenWords",
	"drugSwitchWords",
	"drugNowWords",
	"drugWithWhat",
	"drugComparatives",
	"drugNeedWords",
	"drugJudgeWords",
	"drugTakeWords",
	"drugHeardWords",
	"drugTreatWith",
	"drugWorkWords",
	"drugStopWords",
	"drugWearWords",
	"statusPlanned",
	"anotherWords",
	"adverseVerbs",
}

// inList reports a token of classes c in list l.
func inList(c uint32, l wordList) bool { return has(engine.lists[l], c>>wcIDShift) }
