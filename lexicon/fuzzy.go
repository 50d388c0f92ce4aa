package lexicon

import (
	"bytes"
	_ "embed"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// The English word list guards fuzzy matching: a word in it is never read as a
// misspelled term ("plain" is not "plavix"; "dosage" is not "dosage").
//
//go:embed english/words.txt
var englishText string

// Proper names and brand names from the same list: not ordinary words, but not
// misspellings either ("Rebecca" is not a typo of a drug).
//
//go:embed english/names.txt
var namesText string

// Ordinary words as patients misspell them ("weening" for weaning): not symptoms.
//
//go:embed english/misspellings.txt
var misspellingsText string

// Ordinary words and names the word list lacks ("lasik", "orthotics").
//
//go:embed english/extra.txt
var extraText string

var (
	englishOnce sync.Once
	englishSet  *strTable // string tables, not maps: nothing in them for the collector to mark
	namesSet    *strTable
)

func loadEnglish() {
	englishSet = newStrTableSize(strings.Count(englishText, "\n")+1, len(englishText))
	for l := range strings.SplitSeq(englishText, "\n") {
		if l != "" {
			englishSet.add(l)
		}
	}
	namesSet = newStrTable(strings.Count(namesText, "\n") + 128)
	for _, text := range []string{namesText, misspellingsText, extraText} {
		for l := range strings.SplitSeq(text, "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				namesSet.add(l)
			}
		}
	}
}

// isName reports whether a lowercase word is a proper name of the English word list.
func isName(w string) bool {
	englishOnce.Do(loadEnglish)
	return namesSet.find(w) >= 0
}

// IsEnglish reports whether a lowercase word of three or more letters is an ordinary
// English word (not a proper name).
func IsEnglish(w string) bool {
	return inEnglish(w, "s", "es", "ed", "d", "ing", "ly", "er")
}

// inEnglish reports a word of the English list, or one of its forms with a suffix of
// suffixes ("worsened", "tapering"; -ed and -ing also on a stem that ends in e).
func inEnglish(w string, suffixes ...string) bool {
	englishOnce.Do(loadEnglish)
	if englishSet.find(w) >= 0 {
		return true
	}
	var buf [64]byte
	for _, suf := range suffixes {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 3 {
			if englishSet.find(b) >= 0 {
				return true
			}
			if (suf == "ed" || suf == "ing") && englishSet.findBytes(append(append(buf[:0], b...), 'e')) >= 0 {
				return true
			}
		}
	}
	return false
}

// isWordForm reports a word of the English list or its plural, past or -ing form: the
// near words nearEnglish weighs ("increasing"), without IsEnglish's guesses at -er and
// -ly ("lipider" is not a word of "lipid").
func isWordForm(w string) bool {
	return inEnglish(w, "s", "es", "ed", "d", "ing")
}

// MaxDistance is the edit distance allowed for a misspelled word of n letters: none
// below five letters, 1 up to seven, 2 from eight.
func MaxDistance(n int) int {
	switch {
	case n >= 8:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// fuzzyIndex finds the vocabulary word nearest a misspelled one. Words are compared by a
// sound-alike key (ph->f, c->k, y->i, doubled letters single) so that "klonapin",
// "clonopin" and "phernergan" are near "klonopin" and "phenergan". Candidates come from a
// deletion index (every key with one letter deleted), then are checked with the true
// Damerau-Levenshtein distance between keys.
//
// It is built of integers and two strings: the words and their keys end to end, the
// deletion index a string table with its lists of word numbers laid out flat.
type fuzzyIndex struct {
	once     sync.Once
	vocab    *strTable // the words of the terms
	vocabKey []int32   // each vocabulary word's token key id

	words   string  // the vocabulary's words of five letters or more, sorted, end to end
	wordOff []int32 // word i is words[wordOff[i]:wordOff[i+1]]
	wordKey []int32 // its token key id
	keys    string  // their sound-alike keys, likewise
	keyOff  []int32
	del     *strTable // every key, and every key with one letter deleted
	delOff  []int32   // the words of del string d are delIDs[delOff[d]:delOff[d+1]]
	delIDs  []int32
	triOff  []int32 // the long words with three-letter run t in their key: triIDs[triOff[t]:triOff[t+1]]
	triIDs  []int32

	cache      sync.Map // word -> correction
	otherCache sync.Map // word -> correction among the other words (correctOther)
	cached     atomic.Int64
	// weigh says which corrections nearEnglish is run for (a drug's words): set by Compile.
	weigh func(key int32) bool
}

func newFuzzyIndex(vocab *strTable, vocabKey []int32) *fuzzyIndex {
	return &fuzzyIndex{vocab: vocab, vocabKey: vocabKey}
}

// word and key return word i of the index and its sound-alike key.
func (f *fuzzyIndex) word(i int32) string { return f.words[f.wordOff[i]:f.wordOff[i+1]] }
func (f *fuzzyIndex) key(i int32) string  { return f.keys[f.keyOff[i]:f.keyOff[i+1]] }

// trigram numbers a run of three lowercase letters.
func trigram(s string) int { return (int(s[0]-'a')*26+int(s[1]-'a'))*26 + int(s[2]-'a') }

const trigrams = 26 * 26 * 26

func (f *fuzzyIndex) build() {
	var ids []int32
	for id := int32(0); int(id) < f.vocab.Len(); id++ {
		if w := f.vocab.get(id); len(w) >= 5 && isASCIILetters(string(w)) {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b int32) int { return bytes.Compare(f.vocab.get(a), f.vocab.get(b)) })
	words, keys := make([]byte, 0, len(f.vocab.arena)), make([]byte, 0, len(f.vocab.arena))
	f.wordOff = make([]int32, 1, len(ids)+1)
	f.keyOff = make([]int32, 1, len(ids)+1)
	f.wordKey = make([]int32, len(ids))
	for i, id := range ids {
		words = append(words, f.vocab.get(id)...)
		f.wordOff = append(f.wordOff, int32(len(words)))
		f.wordKey[i] = f.vocabKey[id]
		keys = appendSoundKey(keys, string(f.vocab.get(id)))
		f.keyOff = append(f.keyOff, int32(len(keys)))
	}
	f.words, f.keys = string(words), string(keys)
	// The (string, word) pairs of the deletion index and the (run, word) pairs of the
	// three-letter runs, in word order; each word once in a list.
	type pair struct{ of, word int32 }
	dels, tris := make([]pair, 0, len(ids)*10), make([]pair, 0, len(ids)*4)
	f.del = newStrTable(len(ids) * 9)
	var buf []byte
	var mine []int32
	for i := range ids {
		w, k := f.word(int32(i)), f.key(int32(i))
		dels = append(dels, pair{f.del.add(k), int32(i)})
		mine = mine[:0]
		for j := 0; j < len(k); j++ {
			buf = append(append(buf[:0], k[:j]...), k[j+1:]...)
			if d := f.del.addBytes(buf); !slices.Contains(mine, d) {
				mine = append(mine, d)
				dels = append(dels, pair{d, int32(i)})
			}
		}
		// Long words may be two edits off ("suidical", "irratibility"): they are also
		// found by the three-letter runs they share with the misspelling.
		if len(w) >= 8 {
			mine = mine[:0]
			for j := 0; j+3 <= len(k); j++ {
				if t := int32(trigram(k[j : j+3])); !slices.Contains(mine, t) {
					mine = append(mine, t)
					tris = append(tris, pair{t, int32(i)})
				}
			}
		}
	}
	flatten := func(pairs []pair, n int) (off, list []int32) {
		off = make([]int32, n+1)
		for _, p := range pairs {
			off[p.of+1]++
		}
		for i := 1; i <= n; i++ {
			off[i] += off[i-1]
		}
		list = make([]int32, len(pairs))
		fill := slices.Clone(off[:n])
		for _, p := range pairs {
			list[fill[p.of]] = p.word
			fill[p.of]++
		}
		return off, list
	}
	f.delOff, f.delIDs = flatten(dels, f.del.Len())
	f.triOff, f.triIDs = flatten(tris, trigrams)
}

// deleted returns the words listed under a string of the deletion index.
func (f *fuzzyIndex) deleted(s []byte) []int32 {
	d := f.del.findBytes(s)
	if d < 0 {
		return nil
	}
	return f.delIDs[f.delOff[d]:f.delOff[d+1]]
}

// fuzzyCacheMax bounds the cache of corrections: misspellings and names repeat, but
// memory must not grow with the corpus.
const fuzzyCacheMax = 200000

type correction struct {
	word    string
	key     int32 // the token key id of word
	dist    int
	english bool // an ordinary word or name is one edit from the misspelling
}

// correct returns the vocabulary word nearest w, its token key and the distance (0 when
// none is near enough, or w is an English word). Answers are cached.
func (f *fuzzyIndex) correct(w string) correction {
	return f.cachedLookup(&f.cache, w, nil)
}

// correctOther is correct for a word that is itself in the vocabulary, as part of longer
// terms only: the nearest other word whose key accept takes ("aciclovir" of "aciclovir
// cream" -> "acyclovir", a term alone). Answers are cached apart.
func (f *fuzzyIndex) correctOther(w string, accept func(key int32) bool) correction {
	return f.cachedLookup(&f.otherCache, w, accept)
}

// cachedLookup is lookupWhere through cache, while the caches hold fewer than
// fuzzyCacheMax answers in all.
func (f *fuzzyIndex) cachedLookup(cache *sync.Map, w string, accept func(key int32) bool) correction {
	if c, ok := cache.Load(w); ok {
		return c.(correction)
	}
	c := correction{}
	c.word, c.key, c.dist = f.lookupWhere(w, accept)
	if c.dist > 0 && (f.weigh == nil || f.weigh(c.key)) {
		c.english = f.nearEnglish(w)
	}
	if f.cached.Load() < fuzzyCacheMax {
		f.cached.Add(1)
		cache.Store(w, c)
	}
	return c
}

// nearEnglish reports whether an ordinary English word (not a name: "liptor" is not
// "Lipton" misspelled), other than a word of
// the vocabulary, is one edit (a letter dropped, added, changed or two swapped) from w:
// "incrasing" is "increasing" misspelled, "abilty" is "ability". Run once per unknown
// word that has a correction, and cached with it.
func (f *fuzzyIndex) nearEnglish(w string) bool {
	known := isWordForm
	b := make([]byte, 0, len(w)+1)
	for i := 0; i <= len(w); i++ {
		if i < len(w) && known(w[:i]+w[i+1:]) {
			return true
		}
		if i+1 < len(w) && w[i] != w[i+1] {
			b = append(append(append(b[:0], w[:i]...), w[i+1], w[i]), w[i+2:]...)
			if known(string(b)) {
				return true
			}
		}
		for c := byte('a'); c <= 'z'; c++ {
			if i < len(w) && c != w[i] {
				b = append(append(append(b[:0], w[:i]...), c), w[i+1:]...)
				if known(string(b)) {
					return true
				}
			}
			b = append(append(append(b[:0], w[:i]...), c), w[i:]...)
			if known(string(b)) {
				return true
			}
		}
	}
	return false
}

// lookupWhere finds the vocabulary word nearest w; with accept set, only other words
// whose key it takes.
func (f *fuzzyIndex) lookupWhere(w string, accept func(key int32) bool) (string, int32, int) {
	limit := MaxDistance(len(w))
	if limit == 0 || !isASCIILetters(w) || IsEnglish(w) || isName(w) {
		return "", -1, 0
	}
	f.once.Do(f.build)
	k := soundKey(w)
	best, bestD := -1, limit+1
	bestAlike := false // best's key is w's: a sound-alike spelling, nearer than a real edit
	try := func(ids []int32) {
		for _, id := range ids {
			cand := f.key(id)
			if cand[0] != k[0] {
				continue // patients rarely get the first sound wrong
			}
			if accept != nil && (strings.HasSuffix(f.word(id), w) || !accept(f.wordKey[id])) {
				continue // itself, or letters added before it ("citrate" in "kcitrate")
			}
			// damerau gives up at its limit: bestD+1, so that a real tie at bestD is
			// told apart from a word that is further off.
			d := damerau(k, cand, bestD+1)
			alike := d == 0
			if d == 0 {
				d = 1 // a sound-alike spelling is one edit, never an exact match
				if f.word(id) == w {
					d = 0
				}
			}
			// A tie goes to a sound-alike spelling, then to the word that begins as w does
			// for longer ("paxel": paxil, not panel; "stomack": stomach, not somac), then
			// to the first in order.
			if d < bestD || d == bestD && best >= 0 && (alike && !bestAlike || alike == bestAlike &&
				(commonPrefix(f.word(id), w) > commonPrefix(f.word(int32(best)), w) ||
					commonPrefix(f.word(id), w) == commonPrefix(f.word(int32(best)), w) && f.word(id) < f.word(int32(best)))) {
				best, bestD, bestAlike = int(id), d, alike
			}
		}
	}
	buf := make([]byte, 0, 64)
	try(f.deleted(append(buf, k...)))
	for j := 0; j < len(k); j++ {
		try(f.deleted(append(append(buf[:0], k[:j]...), k[j+1:]...)))
	}
	if limit >= 2 && bestD > 1 && len(k) >= 6 {
		// Two edits change at most six of the word's three-letter runs.
		shared := map[int32]int{}
		for j := 0; j+3 <= len(k); j++ {
			t := trigram(k[j : j+3])
			for _, id := range f.triIDs[f.triOff[t]:f.triOff[t+1]] {
				shared[id]++
			}
		}
		need := max(1, len(k)-2-6)
		var ids []int32
		for id, n := range shared {
			if n >= need {
				ids = append(ids, id)
			}
		}
		sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
		try(ids)
	}
	if best < 0 || bestD > limit || bestD == 0 {
		return "", -1, 0
	}
	// The distance allowed is measured on the word as written, against the nearest
	// spelling; a sound-alike swap (k for c) costs nothing beyond its one edit.
	return f.word(int32(best)), f.wordKey[best], bestD
}

// commonPrefix is the number of letters a and b begin with alike.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// soundKey folds the spellings patients confuse: ph->f, ck/c/q->k, y->i, z->s after a
// vowel, and doubled letters to one.
func soundKey(w string) string {
	return string(appendSoundKey(make([]byte, 0, len(w)), w))
}

// appendSoundKey appends the soundKey of w to b.
func appendSoundKey(b []byte, w string) []byte {
	start := len(b)
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == 'p' && i+1 < len(w) && w[i+1] == 'h':
			c = 'f'
			i++
		case c == 'c' && i+1 < len(w) && w[i+1] == 'k':
			c = 'k'
			i++
		case c == 'c' || c == 'q':
			c = 'k'
		case c == 'y':
			c = 'i'
		}
		if len(b) > start && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return b
}

// damerau is the optimal string alignment distance between a and b, giving up (returning
// limit) once it cannot be below limit.
func damerau(a, b string, limit int) int {
	la, lb := len(a), len(b)
	if la-lb >= limit || lb-la >= limit {
		return limit
	}
	prev2 := make([]int, lb+1)
	prev := make([]int, lb+1)
	cur := make([]int, lb+1)
	for j := 0; j <= lb; j++ {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin >= limit {
			return limit
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}
