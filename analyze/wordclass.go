package analyze

import (
	"sync"

	"github.com/rxvoice/rxvoice/lexicon"
)

// Word classes: what a word can be to the context rules, as bits, so that a section's
// tokens are looked up once (wordClasses) and the rules that scan many tokens test bits
// instead of looking each word up in their own sets.
const (
	wcQuantity   = 0xff    // the quantity keys (keyDoseUnit, keyTimeUnit, ...)
	wcRelative   = 1 << 8  // relativeNouns: "sister", "husband"
	wcOther      = 1 << 9  // otherWords: "he", "people", "rats"
	wcSelf       = 1 << 10 // selfWords: "I", "my"
	wcWithdrawal = 1 << 11 // withdrawalWords and cueOnlyWords: "stopped", "off", "ran"
	wcHistory    = 1 << 12 // otherHistory and "before", "all", "whole"
	wcNegPre     = 1 << 13 // negPre: "no", "never", "without"
	wcNegAux     = 1 << 14 // negAux: "didnt", "havent"
	wcPerson     = wcRelative | wcOther | wcSelf
)

var (
	wordClassOnce sync.Once
	wordClass     map[string]uint16
)

func loadWordClass() {
	wordClass = map[string]uint16{}
	for w, k := range quantityKeys {
		wordClass[w] |= uint16(k)
	}
	for _, s := range []struct {
		words map[string]bool
		bit   uint16
	}{{relativeNouns, wcRelative}, {otherWords, wcOther}, {selfWords, wcSelf},
		{withdrawalWords, wcWithdrawal}, {cueOnlyWords, wcWithdrawal}, {otherHistory, wcHistory},
		{negPre, wcNegPre}, {negAux, wcNegAux}} {
		for w := range s.words {
			wordClass[w] |= s.bit
		}
	}
	for _, w := range []string{"before", "all", "whole"} {
		wordClass[w] |= wcHistory
	}
}

// wordClasses returns the class bits of each token, reusing buf's storage.
func wordClasses(buf []uint16, toks []lexicon.Token) []uint16 {
	wordClassOnce.Do(loadWordClass)
	if cap(buf) < len(toks) {
		buf = make([]uint16, len(toks))
	}
	buf = buf[:len(toks)]
	for i := range toks {
		buf[i] = wordClass[toks[i].Norm]
	}
	return buf
}
