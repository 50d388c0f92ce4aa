package analyze

import (
	"sync"

	"github.com/rxvoice/rxvoice/lexicon"
)

// Word classes: what a word can be to the context rules, as bits, so that a section's
// tokens are looked up once (wordClasses) and the rules that scan many tokens test bits
// instead of looking each word up in their own sets.
const (
	wcQuantity = 0xff   // the quantity keys (keyDoseUnit, keyTimeUnit, ...)
	wcCue      = 1 << 8 // a word that can start a rule of the context engine
	wcDrug     = 1 << 9 // a drug name (not a class) starts here: set once a section's mentions are found
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
	for w := range engine.byFirst {
		wordClass[w] |= wcCue
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
