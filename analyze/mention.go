package analyze

import (
	"sort"
	"strings"

	"github.com/rxvoice/rxvoice/corpus"
	"github.com/rxvoice/rxvoice/lexicon"
)

// Mention types.
const (
	TypeDrug    = "drug"
	TypeSymptom = "symptom"
)

// Mention is one drug or symptom found in a section of a page.
type Mention struct {
	Section       corpus.Section
	Type          string // drug or symptom
	Text          string // the exact surface: section text[Start:End]
	Start, End    int    // byte offsets in the section's text
	Sentence      string // the sentence the mention is in
	SentenceIndex int    // 0-based within the section
	Concept       string // generic name or canonical symptom name
	Class         string // a drug's therapeutic class
	Category      string // a symptom's body system
	IsClass       bool   // a drug class ("benzos"), not one drug
	Term          string // the lexicon term that matched
	Fuzzy         int    // edit distance of misspelled words read as the term's (0: exact)
	Corrected     string // which words were read as which ("klonapin->klonopin")
}

// Analyzer tags texts with one compiled matcher. It is safe for concurrent use.
type Analyzer struct {
	m *lexicon.Matcher
}

// New returns an analyzer over a compiled matcher.
func New(m *lexicon.Matcher) *Analyzer { return &Analyzer{m: m} }

// Page returns the mentions of every section of a page, article first, in text order.
func (a *Analyzer) Page(p *corpus.Page) []Mention {
	var out []Mention
	for _, s := range p.Sections() {
		out = append(out, a.Section(s)...)
	}
	return out
}

// Section returns the mentions in one section.
func (a *Analyzer) Section(s corpus.Section) []Mention {
	text := s.Text()
	toks := lexicon.Tokenize(text)
	matches := a.m.MatchTokens(text, toks)
	if len(matches) == 0 {
		return nil
	}
	sents := Sentences(text, toks)
	out := make([]Mention, 0, len(matches))
	for _, m := range matches {
		si := sort.Search(len(sents), func(i int) bool { return sents[i].End > m.Start })
		mn := Mention{
			Section: s, Text: text[m.Start:m.End], Start: m.Start, End: m.End,
			Concept: m.Concept.Name, Term: m.Term.Text, Fuzzy: m.Fuzzy, Corrected: m.Corrected,
			SentenceIndex: si,
		}
		if si < len(sents) {
			sp := sents[si]
			mn.Sentence = strings.TrimSpace(text[sp.Start:max(sp.End, m.End)])
		}
		switch m.Concept.Kind {
		case lexicon.Drug:
			mn.Type, mn.Class, mn.IsClass = TypeDrug, m.Concept.Category, m.Concept.IsClass
		default:
			mn.Type, mn.Category = TypeSymptom, m.Concept.Category
		}
		out = append(out, mn)
	}
	return out
}
