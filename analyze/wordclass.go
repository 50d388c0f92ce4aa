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
	wcIDShift  = 12     // above these bits, the word's id in the engine's vocabulary (0: none)
)

var (
	wordClassOnce sync.Once
	wordClass     map[string]uint32
)

func loadWordClass() { wordClass = engine.vocab }

// wordClasses returns the class bits and engine word id of each token, reusing buf's
// storage.
func wordClasses(buf []uint32, toks []lexicon.Token) []uint32 {
	wordClassOnce.Do(loadWordClass)
	return classesIn(wordClass, buf, toks)
}

// classesIn is wordClasses with the vocabulary of one engine.
func classesIn(vocab map[string]uint32, buf []uint32, toks []lexicon.Token) []uint32 {
	if cap(buf) < len(toks) {
		buf = make([]uint32, len(toks))
	}
	buf = buf[:len(toks)]
	for i := range toks {
		buf[i] = vocab[toks[i].Norm]
	}
	return buf
}
