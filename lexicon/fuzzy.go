package lexicon

import (
	_ "embed"
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
	englishSet  map[string]struct{}
	namesSet    map[string]struct{}
)

func loadEnglish() {
	englishSet = make(map[string]struct{}, 75000)
	for _, l := range strings.Split(englishText, "\n") {
		if l != "" {
			englishSet[l] = struct{}{}
		}
	}
	namesSet = make(map[string]struct{}, 20000)
	for _, text := range []string{namesText, misspellingsText, extraText} {
		for _, l := range strings.Split(text, "\n") {
			if l != "" && !strings.HasPrefix(l, "#") {
				namesSet[l] = struct{}{}
			}
		}
	}
}

// isName reports whether a lowercase word is a proper name of the English word list.
func isName(w string) bool {
	englishOnce.Do(loadEnglish)
	_, ok := namesSet[w]
	return ok
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
	if _, ok := englishSet[w]; ok {
		return true
	}
	for _, suf := range suffixes {
		if b, ok := strings.CutSuffix(w, suf); ok && len(b) >= 3 {
			if _, ok := englishSet[b]; ok {
				return true
			}
			if _, ok := englishSet[b+"e"]; ok && (suf == "ed" || suf == "ing") {
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
type fuzzyIndex struct {
	once  sync.Once
	vocab map[string]string // word -> token key
	words []string
	keys  []string
	del   map[string][]int32
	tri   map[string][]int32 // three-letter runs of long words' keys

	cache      sync.Map // word -> correction
	otherCache sync.Map // word -> correction among the other words (correctOther)
	cached     atomic.Int64
	// weigh says which corrections nearEnglish is run for (a drug's words): set by Compile.
	weigh func(key string) bool
}

func newFuzzyIndex(vocab map[string]string) *fuzzyIndex {
	return &fuzzyIndex{vocab: vocab}
}

func (f *fuzzyIndex) build() {
	for w := range f.vocab {
		if len(w) >= 5 && isASCIILetters(w) {
			f.words = append(f.words, w)
		}
	}
	sort.Strings(f.words)
	f.keys = make([]string, len(f.words))
	f.del = make(map[string][]int32, len(f.words)*8)
	f.tri = make(map[string][]int32, len(f.words))
	for i, w := range f.words {
		k := soundKey(w)
		f.keys[i] = k
		f.del[k] = append(f.del[k], int32(i))
		for j := 0; j < len(k); j++ {
			d := k[:j] + k[j+1:]
			f.del[d] = appendOnce(f.del[d], int32(i))
		}
		// Long words may be two edits off ("suidical", "irratibility"): they are also
		// found by the three-letter runs they share with the misspelling.
		if len(w) >= 8 {
			for j := 0; j+3 <= len(k); j++ {
				t := k[j : j+3]
				f.tri[t] = appendOnce(f.tri[t], int32(i))
			}
		}
	}
}

func appendOnce(ids []int32, id int32) []int32 {
	if n := len(ids); n > 0 && ids[n-1] == id {
		return ids
	}
	return append(ids, id)
}

// fuzzyCacheMax bounds the cache of corrections: misspellings and names repeat, but
// memory must not grow with the corpus.
const fuzzyCacheMax = 200000

type correction struct {
	word, key string
	dist      int
	english   bool // an ordinary word or name is one edit from the misspelling
}

// correct returns the vocabulary word nearest w, its token key and the distance (0 when
// none is near enough, or w is an English word). Answers are cached.
func (f *fuzzyIndex) correct(w string) correction {
	return f.cachedLookup(&f.cache, w, nil)
}

// correctOther is correct for a word that is itself in the vocabulary, as part of longer
// terms only: the nearest other word whose key accept takes ("aciclovir" of "aciclovir
// cream" -> "acyclovir", a term alone). Answers are cached apart.
func (f *fuzzyIndex) correctOther(w string, accept func(key string) bool) correction {
	return f.cachedLookup(&f.otherCache, w, accept)
}

// cachedLookup is lookupWhere through cache, while the caches hold fewer than
// fuzzyCacheMax answers in all.
func (f *fuzzyIndex) cachedLookup(cache *sync.Map, w string, accept func(key string) bool) correction {
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
func (f *fuzzyIndex) lookupWhere(w string, accept func(key string) bool) (string, string, int) {
	limit := MaxDistance(len(w))
	if limit == 0 || !isASCIILetters(w) || IsEnglish(w) || isName(w) {
		return "", "", 0
	}
	f.once.Do(f.build)
	k := soundKey(w)
	best, bestD := -1, limit+1
	bestAlike := false // best's key is w's: a sound-alike spelling, nearer than a real edit
	try := func(ids []int32) {
		for _, id := range ids {
			cand := f.keys[id]
			if cand[0] != k[0] {
				continue // patients rarely get the first sound wrong
			}
			if accept != nil && (strings.HasSuffix(f.words[id], w) || !accept(f.vocab[f.words[id]])) {
				continue // itself, or letters added before it ("citrate" in "kcitrate")
			}
			// damerau gives up at its limit: bestD+1, so that a real tie at bestD is
			// told apart from a word that is further off.
			d := damerau(k, cand, bestD+1)
			alike := d == 0
			if d == 0 {
				d = 1 // a sound-alike spelling is one edit, never an exact match
				if f.words[id] == w {
					d = 0
				}
			}
			// A tie goes to a sound-alike spelling, then to the word that begins as w does
			// for longer ("paxel": paxil, not panel; "stomack": stomach, not somac), then
			// to the first in order.
			if d < bestD || d == bestD && best >= 0 && (alike && !bestAlike || alike == bestAlike &&
				(commonPrefix(f.words[id], w) > commonPrefix(f.words[best], w) ||
					commonPrefix(f.words[id], w) == commonPrefix(f.words[best], w) && f.words[id] < f.words[best])) {
				best, bestD, bestAlike = int(id), d, alike
			}
		}
	}
	try(f.del[k])
	for j := 0; j < len(k); j++ {
		try(f.del[k[:j]+k[j+1:]])
	}
	if limit >= 2 && bestD > 1 && len(k) >= 6 {
		// Two edits change at most six of the word's three-letter runs.
		shared := map[int32]int{}
		for j := 0; j+3 <= len(k); j++ {
			for _, id := range f.tri[k[j:j+3]] {
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
		return "", "", 0
	}
	// The distance allowed is measured on the word as written, against the nearest
	// spelling; a sound-alike swap (k for c) costs nothing beyond its one edit.
	return f.words[best], f.vocab[f.words[best]], bestD
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
	b := make([]byte, 0, len(w))
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
		if len(b) > 0 && b[len(b)-1] == c {
			continue
		}
		b = append(b, c)
	}
	return string(b)
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
