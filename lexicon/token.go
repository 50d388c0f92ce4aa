package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind says what a token is.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters (and apostrophes inside words)
	Number                  // digits, with a decimal point or comma inside: 0.25, .5, 1,000
	Punct                   // anything else that is not space
)

// Token is one word, number or punctuation mark of a text, with its byte offsets.
type Token struct {
	Start, End int // byte offsets in the text: text[Start:End] is the token as written
	// Norm is the lowercased, folded form: curly quotes straightened, apostrophes
	// dropped ("can't" -> "cant"), a possessive "'s" removed, an auxiliary and "not"
	// merged ("could not" -> "couldnt", spanning both words).
	Norm string
	Kind TokenKind
	// Break is set on the first token after a line break (1) or a blank line (2).
	Break uint8
	// Joined is set when the token follows the previous one with a hyphen and no
	// space between ("anti-anxiety"), so that hyphenated compounds can match either way.
	Joined bool
	// keyed says how its key is made from Norm (keys): tokPrefixed, tokStemmed.
	keyed uint8
}

// Token.keyed bits.
const (
	tokPrefixed uint8 = 1 << iota // a part joined after a prefix of one or two letters ("i-drop"): keyed apart
	tokStemmed                    // stemmed whatever its kind: a compound joined while compiling
	// IsClauseBoundary's answer, worked out once by the tokenizer (the tagger asks it of
	// every token around every mention); a token made otherwise has it worked out each time.
	tokClauseKnown
	tokClause
)

// keys returns what the matcher compares: the stem of Norm for words, Norm otherwise, and
// the other reading of an ambiguous form ("aching": ach or ache; altE for the stem plus
// e). They are worked out when asked, once per distinct word by the matcher's word cache,
// not for every token.
func (t *Token) keys() (key, alt string) {
	if t.Kind == Word || t.keyed&tokStemmed != 0 {
		key, alt = stem(t.Norm)
	} else {
		key = t.Norm
	}
	if t.keyed&tokPrefixed != 0 {
		key = "-" + key
		if alt != "" && alt != altE {
			alt = "-" + alt
		}
	}
	return key, alt
}

// IsClauseBoundary reports whether the token ends a clause: punctuation that separates
// clauses, or a conjunction that turns the sentence ("but", "although").
func (t *Token) IsClauseBoundary() bool {
	if t.keyed&tokClauseKnown != 0 {
		return t.keyed&tokClause != 0
	}
	return t.isClauseBoundary()
}

func (t *Token) isClauseBoundary() bool {
	if t.Kind == Punct {
		switch t.Norm {
		case ",", ";", ":", ".", "!", "?", "(", ")", "[", "]", "\"", "…", "–", "—", "-", "/":
			return true
		}
		return false
	}
	switch t.Norm {
	case "but", "although", "though", "however", "except", "whereas", "yet", "because", "bc", "cuz", "while":
		return true
	}
	return false
}

// notAux maps an auxiliary to its merged negative form: "could" + "not" -> "couldnt".
var notAux = map[string]string{
	"can": "cant", "could": "couldnt", "do": "dont", "does": "doesnt", "did": "didnt",
	"will": "wont", "would": "wouldnt", "is": "isnt", "are": "arent", "was": "wasnt",
	"were": "werent", "have": "havent", "has": "hasnt", "had": "hadnt", "should": "shouldnt",
	"shall": "shant", "must": "mustnt", "need": "neednt", "ai": "aint",
}

// Tokenize splits text into tokens. It is the one tokenizer of rxvoice, used for the
// lexicon's terms and for the texts they are matched in, so both are normalized alike.
func Tokenize(text string) []Token {
	return TokenizeInto(make([]Token, 0, len(text)/4+1), text)
}

// TokenizeInto tokenizes text like Tokenize into buf's storage (its contents are
// overwritten): a caller that reuses its buffer tokenizes without allocating.
func TokenizeInto(buf []Token, text string) []Token {
	toks := buf[:0]
	var brk uint8
	i := 0
	for i < len(text) {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == '\n':
			if brk < 2 {
				brk++
			}
			i += n
			continue
		case r == ' ' || r >= '\t' && r <= '\r' || r >= utf8.RuneSelf && (unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'):
			i += n
			continue
		}
		start := i
		var kind TokenKind
		lower := false // a word of the letters a-z alone
		switch {
		case isLetter(r):
			kind = Word
			i, lower = scanWord(text, i)
		case isDigit(r) || (r == '.' && i+1 < len(text) && isDigit(rune(text[i+1])) && (i == 0 || !isDigit(lastRune(text[:i])))):
			kind = Number
			i = scanNumber(text, i)
		default:
			kind = Punct
			i += n
		}
		t := Token{Start: start, End: i, Kind: kind, Break: brk}
		brk = 0
		raw := text[start:i]
		switch kind {
		case Word:
			if lower {
				t.Norm = fixWord(raw)
			} else {
				t.Norm = normWord(raw)
			}
		case Number:
			t.Norm = strings.ReplaceAll(raw, ",", "")
		default:
			t.Norm = foldPunct(r)
		}
		// A hyphen or slash between two words joins them: "anti-anxiety", "ME/CFS".
		if kind != Punct && len(toks) >= 2 {
			p := &toks[len(toks)-1]
			if p.Kind == Punct && (p.Norm == "-" || p.Norm == "/") && p.Start == toks[len(toks)-2].End && p.End == start && toks[len(toks)-2].Kind != Punct {
				t.Joined = true
			}
		}
		// Letters and digits written together split: "10mg" -> 10 mg, "coq10" -> coq 10.
		if kind == Word && len(toks) > 0 && toks[len(toks)-1].End == start && toks[len(toks)-1].Kind == Number {
			t.Joined = true
		}
		toks = append(toks, t)
		// A contraction written with spaces, as tokenized text often has it: "don ' t",
		// "I ' m" read as "don't", "I'm".
		if n := len(toks); kind == Word && n >= 3 && toks[n-2].Kind == Punct && (t.Norm == "t" || contractionTail(t.Norm)) {
			ap, w := &toks[n-2], &toks[n-3]
			if ap.End-ap.Start <= 3 && isApostrophe(lastRune(text[ap.Start:ap.End])) && w.Kind == Word &&
				ap.Start-w.End <= 1 && start-ap.End <= 1 && (ap.Start > w.End || start > ap.End) &&
				(t.Norm != "t" || strings.HasSuffix(w.Norm, "n")) {
				w.Norm = normWord(text[w.Start:w.End] + "'" + raw)
				w.End = t.End
				toks = toks[:n-2]
				continue
			}
		}
		// "could not" -> "couldnt"; "could barely", "can hardly" read the same way: the
		// writer can all but not ("I could barely walk").
		if kind == Word && (t.Norm == "barely" || t.Norm == "hardly" || t.Norm == "scarcely") && len(toks) >= 2 {
			if p := &toks[len(toks)-2]; p.Kind == Word && (p.Norm == "can" || p.Norm == "could") {
				p.End, p.Norm = t.End, notAux[p.Norm]
				toks = toks[:len(toks)-1]
			}
		}
		if kind == Word && t.Norm == "not" && len(toks) >= 2 {
			p := &toks[len(toks)-2]
			if neg, ok := notAux[p.Norm]; ok && p.Kind == Word {
				p.End, p.Norm = t.End, neg
				toks = toks[:len(toks)-1]
			}
		}
	}
	for k := range toks {
		if t := &toks[k]; t.isClauseBoundary() {
			t.keyed |= tokClauseKnown | tokClause
		} else {
			t.keyed |= tokClauseKnown
		}
		// After a prefix of one or two letters ("i-drop", "b12", "d3"), a joined part is
		// keyed apart, so that "I drop" and "b 12" are not read as those compounds.
		if t := &toks[k]; t.Joined && k > 0 {
			prev := &toks[k-1]
			if prev.Kind == Punct && k > 1 {
				prev = &toks[k-2]
			}
			if prev.Kind == Word && len(prev.Norm) <= 2 {
				t.keyed |= tokPrefixed
			}
		}
	}
	return toks
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' }

// scanWord reads letters, with apostrophes and periods of abbreviations inside; lower
// reports a word of the letters a-z alone, its own normal form but for fixWord's.
func scanWord(text string, i int) (end int, lower bool) {
	start := i
	for i < len(text) && 'a' <= text[i] && text[i] <= 'z' {
		i++
	}
	if i == len(text) || !isWordByte(text[i]) {
		return i, i > start
	}
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				i++
				continue
			}
			if c != '\'' {
				break
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if isLetter(r) {
			i += n
			continue
		}
		if isApostrophe(r) && i+n < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[i+n:])
			if isLetter(r2) {
				i += n
				continue
			}
		}
		break
	}
	return i, false
}

// isWordByte reports a byte that may go on a word after lowercase letters: a capital, an
// apostrophe or the first byte of a letter outside ASCII.
func isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' || c == '\''
}

func scanNumber(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if isDigit(rune(c)) {
			i++
			continue
		}
		if (c == '.' || c == ',') && i+1 < len(text) && isDigit(rune(text[i+1])) {
			i++
			continue
		}
		break
	}
	return i
}

// normWord lowercases a word, drops apostrophes and a possessive "'s".
func normWord(raw string) string {
	ascii, upper := true, false
	for i := 0; i < len(raw); i++ {
		if raw[i] >= utf8.RuneSelf || raw[i] == '\'' {
			ascii = false
			break
		}
		if 'A' <= raw[i] && raw[i] <= 'Z' {
			upper = true
		}
	}
	var s string
	switch {
	case ascii && !upper:
		s = raw
	case ascii && len(raw) == 1:
		s = asciiStrings[raw[0]|0x20] // "I" -> "i", without allocating
	case ascii:
		var buf [32]byte
		b := buf[:0]
		for i := 0; i < len(raw); i++ {
			c := raw[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		s = string(b)
	default:
		var b strings.Builder
		b.Grow(len(raw))
		rs := []rune(raw)
		for k, r := range rs {
			if isApostrophe(r) {
				// A possessive or a contraction other than n't is dropped:
				// "hashimoto's" -> "hashimoto", "he'd" -> "he", "I'm" -> "i".
				if tail := strings.ToLower(string(rs[k+1:])); contractionTail(tail) && k > 0 && !(tail == "t" && unicode.ToLower(rs[k-1]) == 'n') {
					break
				}
				continue
			}
			b.WriteRune(foldLetter(unicode.ToLower(r)))
		}
		s = b.String()
	}
	return fixWord(s)
}

// fixWord respells the few words normWord writes the usual way.
func fixWord(s string) string {
	if len(s) < 4 || len(s) > 6 {
		return s
	}
	switch s { // a switch: no hashing on the hot path
	case "cannot":
		return "cant"
	case "thru":
		return "through"
	case "nite":
		return "night"
	}
	return s
}

// contractionTail reports the endings after an apostrophe that normWord drops (a switch:
// no hashing for every word after a punctuation mark).
func contractionTail(s string) bool {
	switch s {
	case "s", "d", "ll", "re", "ve", "m":
		return true
	}
	return false
}

// foldLetter removes the accents patients' keyboards add or drop: é -> e.
func foldLetter(r rune) rune {
	if r < 0xC0 {
		return r
	}
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å':
		return 'a'
	case 'ç':
		return 'c'
	case 'è', 'é', 'ê', 'ë':
		return 'e'
	case 'ì', 'í', 'î', 'ï':
		return 'i'
	case 'ñ':
		return 'n'
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø':
		return 'o'
	case 'ù', 'ú', 'û', 'ü':
		return 'u'
	case 'ý', 'ÿ':
		return 'y'
	}
	return r
}

func foldPunct(r rune) string {
	switch r {
	case '“', '”', '„', '«', '»':
		return "\""
	case '‘', '’', '`', '´':
		return "'"
	case '–', '—', '−', '‐', '‑':
		return "-"
	}
	if r < utf8.RuneSelf {
		return asciiStrings[r]
	}
	return string(r)
}

// asciiStrings holds the one-byte strings, so that a punctuation mark or a one-letter
// word is not a new string each time.
var asciiStrings = func() (a [utf8.RuneSelf]string) {
	const all = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
		" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f"
	for i := range a {
		a[i] = all[i : i+1]
	}
	return a
}()

// Stem reduces a lowercase word to a light stem so that inflections meet: aches, aching,
// ached -> ache; legs -> leg; racing, races -> race; dizziness, dizzy -> dizzi. It is not
// a full Porter stemmer: it only has to map the forms patients write onto one key, the
// same way for the lexicon and the text, and it must be cheap because it runs on every
// word. Where the form is ambiguous ("aching" from ache, "sleeping" from sleep; "aches"
// from ache, "itches" from itch) Stem gives its first guess; the matcher picks between
// it and the alternative (see stem) by which is a base form in the lexicon.
func Stem(w string) string {
	s, _ := stem(w)
	return s
}

// irregularBase maps irregular verb forms patients use in symptom phrases to their base.
func irregularBase(w string) string {
	switch w {
	case "became":
		return "become"
	case "began", "begun":
		return "begin"
	case "bit", "bitten":
		return "bite"
	case "bled":
		return "bleed"
	case "blew":
		return "blow"
	case "broke", "broken":
		return "break"
	case "burnt":
		return "burn"
	case "dreamt":
		return "dream"
	case "drank", "drunk":
		return "drink"
	case "ate", "eaten":
		return "eat"
	case "fallen", "fell":
		return "fall"
	case "felt":
		return "feel"
	case "forgot", "forgotten":
		return "forget"
	case "froze", "frozen":
		return "freeze"
	case "gave", "given":
		return "give"
	case "grew", "grown":
		return "grow"
	case "hid":
		return "hide"
	case "kept":
		return "keep"
	case "lost":
		return "lose"
	case "ran":
		return "run"
	case "shaken", "shook":
		return "shake"
	case "sank", "sunk":
		return "sink"
	case "slept":
		return "sleep"
	case "spun":
		return "spin"
	case "stung":
		return "sting"
	case "struck":
		return "strike"
	case "swollen":
		return "swell"
	case "threw", "thrown":
		return "throw"
	case "woke", "woken":
		return "wake"
	case "wept":
		return "weep"
	}
	return w
}

// altE is the alternative "the stem plus e" ("aching": ach or ache), spelled out only
// when the matcher needs it, so that stemming allocates nothing.
const altE = "+e"

// stem returns the stem and, for an ambiguous form, an alternative (or altE).
func stem(w string) (string, string) {
	w = irregularBase(w)
	n := len(w)
	if n <= 3 {
		return w, ""
	}
	for i := 0; i < n; i++ {
		if w[i] >= utf8.RuneSelf {
			return w, ""
		}
	}
	alt := ""
	switch {
	case strings.HasSuffix(w, "iness") && n > 7:
		w = w[:n-5] + "i"
	case strings.HasSuffix(w, "ness") && n > 7: // numbness -> numb, but redness stays
		w = w[:n-4]
	case strings.HasSuffix(w, "ies") && n > 4:
		w = w[:n-3] + "i"
	case strings.HasSuffix(w, "sses"):
		w = w[:n-2]
	case strings.HasSuffix(w, "es") && n > 4 && strings.ContainsRune("hsxz", rune(w[n-3])):
		// aches (ache) or itches, rashes, boxes (itch, rash, box)
		return w[:n-1], w[:n-2]
	case w[n-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ous"):
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case strings.HasSuffix(w, "ing") && n > 5 && hasVowel(w[:n-3]):
		// A doubled consonant is a short vowel's: "winning" is win, never wine.
		if w = undouble(w[:n-3]); len(w) == n-3 {
			alt = altE
		}
	case strings.HasSuffix(w, "ied") && n > 4:
		w = w[:n-3] + "i"
	case strings.HasSuffix(w, "eed") && n > 4:
		w = w[:n-1]
	case strings.HasSuffix(w, "ed") && n > 4 && hasVowel(w[:n-2]):
		if w = undouble(w[:n-2]); len(w) == n-2 {
			alt = altE
		}
	}
	if n = len(w); n > 3 && w[n-1] == 'y' {
		w = w[:n-1] + "i"
	}
	return w, alt
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

// undouble turns "stopp" into "stop" (stopped, stopping) but keeps "ll", "ss", "zz".
func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("lsz", rune(w[n-1])) && !strings.ContainsRune("aeiou", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}
