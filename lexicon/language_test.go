package lexicon

import "testing"

// TestNoDrugWhereNoMisspelling: a misspelling is not read as a drug in another language,
// in a web address or as a surname, nor a doubled consonant's -ing as a drug's word;
// the same words in patients' English still are.
func TestNoDrugWhereNoMisspelling(t *testing.T) {
	m := freshMatcher(t)
	for _, tc := range []struct{ text, want string }{
		// Other languages: German, French, Spanish.
		{"Das ist konkret die Frage, die wir uns stellen, und generell sind die kulturellen Unterschiede in der Region groß.", ""},
		{"Nous partons en vacances demain, et il faut seulement réserver les billets pour la semaine prochaine.", ""},
		{"El máximo órgano partidista analizará durante su pleno el proceso de consulta popular del código.", ""},
		// A misspelling (not a listed one) is read in English, not in German.
		{"I was on klonopinn for years and it helped with the panic.", "clonazepam"},
		{"Ich habe klonopinn seit Jahren genommen, und die Ärzte sagen, es ist gut für mich.", ""},
		// Addresses.
		{"Search with site:imgur.com dog to see the pictures I posted on the forum.", ""},
		{"I keep the pictures at i.imgur.com and on my own blog for the family to see.", ""},
		{"My cardiologist put me on imdur for the chest pain last year.", "isosorbide mononitrate"},
		// A surname after a first name.
		{"Amazon founder Jeff Bezos said last year that the program had grown.", ""},
		{"I have been on benzos for years and my doctor wants me off them.", "benzodiazepines"},
		// Another language has no mentions at all: German "wir" is not "wired", "Welt" no welt.
		{"Wir haben in der ganzen Welt gesucht, aber wir haben nichts gefunden, was uns gefallen hat.", ""},
		// A doubled consonant: win, not wine.
		{"We went to an award-winning restaurant for our anniversary dinner.", ""},
		{"A glass of wine with dinner makes my reflux worse.", "alcohol"},
	} {
		got := ""
		for _, x := range m.Match(tc.text) {
			if x.Concept.Kind == Drug {
				got = x.Concept.Name
				break
			}
		}
		if got != tc.want {
			t.Errorf("%q: drug %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestPastFormTerms: a one-word term written in the past form matches only an inflected
// word ("winded", not "wind"); -ing terms keep their nouns ("sweats" of "sweating").
func TestPastFormTerms(t *testing.T) {
	m := freshMatcher(t)
	for _, tc := range []struct{ text, want string }{
		{"I get winded climbing the stairs since I started the new pills.", "dyspnea"},
		{"The wind was so strong on the hill that we turned back early.", ""},
		{"I wake up with night sweats every night on this medication.", "night sweats"},
		{"Went clubbing last night and we danced until three in the morning.", ""},
		{"I had nosebleeds almost every day on the blood thinner.", "epistaxis"},
	} {
		got := ""
		for _, x := range m.Match(tc.text) {
			if x.Concept.Kind != Drug {
				got = x.Concept.Name
				break
			}
		}
		if got != tc.want {
			t.Errorf("%q: symptom %q, want %q", tc.text, got, tc.want)
		}
	}
}
