package lexicon

// rxvoice reads English: text in another language has no mentions ("wir" is not
// "wired", "konkret" is not Concerta, "Welt" is not a welt). In English, a misspelling is
// not read as a drug in a web address ("i.imgur.com" is not Imdur) or as a surname after
// a first name ("Jeff Bezos" is not benzos), and a one-word term written in the past form
// ("winded", "sectioned") matches only an inflected word ("wind" and "section" are other
// words; "sweats" and "shakes" are the symptoms of "sweating" and "shaking").

// readsEnglish reports whether a text is English, or has too few words to tell, from its
// first 200 words of three letters or more: words of them, english of those in the
// embedded word list or names (a list of symptoms is English too). At least half must be
// English: in German, French or Spanish prose most words are not ("konkret", "Frage",
// "vacances").
func readsEnglish(words, english int) bool {
	return words < 8 || english*2 >= words
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
// name list: a surname ("Jeff Bezos"). name(p) says whether token p's Norm is a name
// (isName).
func afterFirstName(text string, toks []Token, i int, name func(p int) bool) bool {
	if i == 0 || !capitalized(text, &toks[i]) {
		return false
	}
	p := &toks[i-1]
	return p.Kind == Word && p.End < toks[i].Start && capitalized(text, p) && name(i-1)
}

func capitalized(text string, t *Token) bool {
	c := text[t.Start]
	return c >= 'A' && c <= 'Z'
}

// pastForm reports a word ending in -ed (of four letters or more before it): a term
// written so ("winded", "sectioned", "wired") is an adjective the bare word is not.
func pastForm(w string) bool {
	return len(w) >= 6 && w[len(w)-2:] == "ed" && w[len(w)-3] != 'e' // not "nosebleed"
}

// inflected reports a word with an -ed or -ing ending.
func inflected(w string) bool {
	return pastForm(w) || len(w) >= 7 && w[len(w)-3:] == "ing"
}
