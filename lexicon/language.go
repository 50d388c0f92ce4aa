package lexicon

// Where a misspelling is not read as a drug at all, whatever it is near: text in another
// language ("konkret" is not Concerta, "vacances" not vaccines), a web address
// ("i.imgur.com" is not Imdur), and a surname after a first name ("Jeff Bezos" is not
// benzos). Exact terms are still matched there.

// englishWords are the commonest English function words: in English prose they are a
// third or more of the words; in German, French or Spanish only a few.
var englishWords = map[string]bool{
	"the": true, "and": true, "to": true, "of": true, "a": true, "i": true, "is": true,
	"it": true, "in": true, "that": true, "was": true, "for": true, "my": true, "you": true,
	"on": true, "with": true, "have": true, "but": true, "not": true, "be": true,
	"this": true, "me": true, "so": true, "are": true, "had": true, "at": true, "he": true,
	"she": true, "they": true, "we": true, "been": true, "from": true, "or": true,
	"as": true, "by": true, "an": true, "if": true, "do": true, "about": true, "what": true,
	"im": true, "ive": true, "dont": true, "didnt": true, "cant": true, "would": true,
	"just": true, "all": true, "after": true, "when": true, "which": true, "there": true,
	"their": true, "will": true, "can": true, "has": true, "were": true, "your": true,
	"our": true, "her": true, "his": true, "them": true, "than": true, "then": true,
	"also": true, "very": true, "some": true, "no": true, "any": true, "one": true,
}

// readsAsEnglish reports whether tokens are English prose, or too few words to tell: at
// least one word in eight is a common English function word.
func readsAsEnglish(toks []Token) bool {
	words, common := 0, 0
	for i := range toks {
		if toks[i].Kind != Word {
			continue
		}
		words++
		if englishWords[toks[i].Norm] {
			common++
		}
	}
	return words < 12 || common*8 >= words
}

// inAddress reports a word that is part of a web or mail address: joined to a dot, a
// slash or an @ on either side ("i.imgur.com", "site:imgur.com", "lipitor.com/info").
func inAddress(text string, t *Token) bool {
	if t.Start > 0 {
		switch text[t.Start-1] {
		case '.', '/', '@':
			return true
		}
	}
	if t.End+1 < len(text) {
		switch text[t.End] {
		case '/', '@':
			return true
		case '.':
			c := text[t.End+1]
			return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		}
	}
	return false
}

// afterFirstName reports a capitalized word right after a capitalized first name of the
// name list: a surname ("Jeff Bezos").
func afterFirstName(text string, toks []Token, i int) bool {
	if i == 0 || !capitalized(text, &toks[i]) {
		return false
	}
	p := &toks[i-1]
	return p.Kind == Word && p.End < toks[i].Start && capitalized(text, p) && isName(p.Norm)
}

func capitalized(text string, t *Token) bool {
	c := text[t.Start]
	return c >= 'A' && c <= 'Z'
}
