package analyze

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/rxvoice/rxvoice/corpus"
	"github.com/rxvoice/rxvoice/lexicon"
)

// Mention types.
const (
	TypeDrug      = "drug"
	TypeSymptom   = "symptom"
	TypeDose      = "dose"
	TypeFrequency = "frequency"
	TypeDuration  = "duration"
	// TypeEffect is what a drug did or failed to do for the writer ("didn't work",
	// "stopped working"): a concept of the lexicon's drug effect system. It is read with
	// a symptom's context (negation, role, drug) but is not a symptom.
	TypeEffect = "effect"
)

// Types lists the mention types in the order the help shows them.
var Types = []string{TypeDrug, TypeSymptom, TypeEffect, TypeDose, TypeFrequency, TypeDuration}

// Mention is one drug, symptom, effect, dose, frequency or duration found in a section of a page.
type Mention struct {
	Section       corpus.Section
	Type          string // drug, symptom, effect, dose, frequency or duration
	Text          string // the exact surface: section text[Start:End]
	Start, End    int    // byte offsets in the section's text
	Sentence      string // the sentence the mention is in
	SentenceIndex int    // 0-based within the section
	Concept       string // generic name or canonical symptom name (drugs and symptoms)
	Class         string // a drug's therapeutic class
	Category      string // a symptom's body system
	IsClass       bool   // a drug class ("benzos"), not one drug
	Term          string // the lexicon term that matched
	Fuzzy         int    // edit distance of misspelled words read as the term's (0: exact)
	Corrected     string // which words were read as which ("klonapin->klonopin")

	// Context of symptoms (and the experiencer of drugs).
	Negated     bool
	use         drugUse // a drug's use to the writer (druguse.go); here, where it packs beside Negated
	Experiencer string  // self or other
	Certainty   string  // reported or hypothetical
	Role        string  // adverse, indication, withdrawal or other
	Severity    string  // mild, moderate or severe, as the writer words it; "" when not said
	// Core is the words the vocabulary matched when Text takes in more ("headache" in
	// "really bad headache at night"); "" when Text is just that.
	Core string
	// Drug is the drug a symptom, dose, frequency or duration belongs to (its generic
	// name), and DrugVia how it was found: clause, sentence, comment or page.
	Drug, DrugVia string
	Status        string // a drug's status where the text says it: current, stopped, tapering, planned

	Duration  *Duration
	Dose      *Dose
	Frequency *Frequency

	first, last int // token indexes
	sent        int
	example     *roleExample // the role features and basis, kept only for RoleExamples
}

// ruled is what the rules read of a symptom's role that the model reads after them: the
// linked drug's class and which rule decided.
type ruled struct {
	class, basis string
	adverse      bool // an adverse cue reaches it (adverseCue), which the model reads too
}

// roleExample is what RoleExamples keeps of a symptom: the role model's features and
// which rule decided the role. It hangs off a Mention by pointer, so that the mentions of
// an ordinary run do not carry it.
type roleExample struct {
	feats []string
	basis string
}

// Analyzer tags texts with one compiled matcher. It is safe for concurrent use.
type Analyzer struct {
	m       *lexicon.Matcher
	roles   *RoleModel // nil: roles from the rules alone
	collect bool       // keep each symptom's role features (RoleExamples)
}

// New returns an analyzer over a compiled matcher, with the embedded role model.
func New(m *lexicon.Matcher) *Analyzer {
	rm, _ := DefaultRoleModel() // a test checks that it parses
	return &Analyzer{m: m, roles: rm}
}

// WithRoleModel returns a copy of the analyzer that decides roles with rm; nil leaves
// them to the rules alone.
func (a *Analyzer) WithRoleModel(rm *RoleModel) *Analyzer {
	b := *a
	b.roles = rm
	return &b
}

// Matcher returns the matcher the analyzer tags with.
func (a *Analyzer) Matcher() *lexicon.Matcher { return a.m }

// Token buffers are reused across sections: mentions keep offsets, not tokens.
var tokenPool = sync.Pool{New: func() any { return new([]lexicon.Token) }}

// Matches are found into a reused buffer too: a section's are read into its mentions at
// once.
var matchPool = sync.Pool{New: func() any { return new([]lexicon.Match) }}

// Mentions are found in a buffer of the pool: found in a slice of their own, each
// section's grew by doubling (a mention is a few hundred bytes). PageChunks lends the
// buffer to its caller, who gives it back once the page is written; Page, PageSections
// and Section copy the mentions, exact size, to a slice of the caller's.
var mentionPool = sync.Pool{New: func() any { return new([]Mention) }}

func mentionBuffer() []Mention { return *mentionPool.Get().(*[]Mention) }

func releaseMentions(ms []Mention) {
	if cap(ms) <= 1<<16 {
		clear(ms[:cap(ms)]) // the pages they point to may go
		ms = ms[:0]
		mentionPool.Put(&ms)
	}
}

// exact moves the mentions of secs (each still in the buffer it was found in) to one
// slice of their total size, each section's a part of it in order, and returns it.
func exact(secs ...*section) []Mention {
	n := 0
	for _, s := range secs {
		n += len(s.mentions)
	}
	if n == 0 {
		for _, s := range secs {
			s.mentions = nil
		}
		return nil
	}
	all := make([]Mention, n)
	k := 0
	for _, s := range secs {
		m := copy(all[k:], s.mentions)
		s.mentions = all[k : k+m : k+m]
		k += m
	}
	return all
}

// Class buffers likewise: a section's are read only until its context is complete.
var classPool = sync.Pool{New: func() any { return new([]uint32) }}

// Sections come from a pool too, with the storage of their per-sentence slices: each
// page has one per comment.
var sectionPool = sync.Pool{New: func() any { return new(section) }}

// free gives the section back to the pool once nothing reads it (its mentions are not
// its own: they stay where they are). Storage grown for a huge section is not kept.
func (s *section) free() {
	if s.toksOf != nil {
		s.release()
	}
	if cap(s.sents) > 1<<12 || cap(s.ruled) > 1<<14 || cap(s.merge) > 1<<10 {
		return
	}
	clear(s.substances)
	clear(s.told)
	clear(s.quants[:cap(s.quants)]) // their durations and doses are the mentions' now
	if len(s.feats.b) > 1<<14 {
		s.feats = roleFeats{}
	}
	*s = section{sents: s.sents[:0], sentTok: s.sentTok[:0], inSent: s.inSent[:0], cue: s.cue[:0],
		ruled: s.ruled[:0], course: s.course[:0], sentRules: s.sentRules[:0], sentCats: s.sentCats[:0], substances: s.substances,
		feats: s.feats, told: s.told, quants: s.quants[:0], merge: s.merge[:0]}
	sectionPool.Put(s)
}

// release gives the section's token and class buffers back once its mentions are
// complete.
func (s *section) release() {
	if cap(s.toks) <= 1<<20 { // a 20 MB line is not kept
		*s.toksOf = s.toks[:0] // the pool's pointer back, not a new one: no allocation
		tokenPool.Put(s.toksOf)
	}
	if cap(s.cls) <= 1<<20 {
		*s.clsOf = s.cls[:0]
		classPool.Put(s.clsOf)
	}
	s.toks, s.cls, s.toksOf, s.clsOf = nil, nil, nil, nil
}

// section is one section's tokens, sentences and mentions.
type section struct {
	sec      corpus.Section
	toks     []lexicon.Token
	cls      []uint32         // word class bits of each token
	toksOf   *[]lexicon.Token // the pool's pointers to toks's and cls's storage
	clsOf    *[]uint32
	sents    []Span
	sentTok  [][2]int // token range of each sentence
	mentions []Mention
	article  bool
	cue      []int    // per sentence, the token that says a drug is being stopped or cut, or -1
	inSent   [][2]int // per sentence, the range of its mentions in mentions
	// substances counts how often each substance (alcohol, cannabis) is named.
	substances map[string]int
	// withdrawalFrom is the first sentence where the writer says so, withdrawalDrug the
	// drug they are coming off (its name in that sentence, or before it).
	withdrawalFrom int
	withdrawalDrug string
	mainDrug       string  // the drug the section names most as the writer's own
	mainClass      string  // its class
	ruled          []ruled // per mention: what the rules read of a symptom's role, for the model
	drugsMarked    bool    // cls marks where a drug name (not a class) starts (wcDrug)
	roles          *RoleModel
	collect        bool
	course         []string        // per sentence, the writer's course (courseStates), made when first read
	courseRead     bool            // course is made
	feats          roleFeats       // a symptom's role features, reused
	told           map[string]bool // drugUses' symptoms told, reused
	quants         []quantity      // a sentence's quantities, reused
	merge          []Mention       // sortByStart's copy of the quantities, reused
	// namesOwn: the section names a drug the writer is on, even where its topic is the
	// page's unnamed drug; another person's drug then takes only their symptoms.
	namesOwn bool
	unnamed  bool // its topic is a drug it does not name (unnamedTopic)
	// sentRules holds, per sentence, what the sentence-wide rules (isHistory, startsDrug)
	// answered, read by each of its symptoms: sentHistory|sentStarts bits, each with its
	// ...Known bit once asked.
	sentRules []uint8
	// sentCats holds, per sentence, the categories of the rules that may match in it, a
	// token to start at and one to be the head (ctxEngine.sentenceCats): a symptom's
	// scans for another category are skipped. Made in context once the drug names are
	// marked.
	sentCats []ctxCat
}

// mayIn reports whether a rule of cats may match in sentence si.
func (s *section) mayIn(si int, cats ctxCat) bool {
	return si >= len(s.sentCats) || s.sentCats[si]&cats != 0
}

// Bits of section.sentRules.
const (
	sentHistoryKnown uint8 = 1 << iota
	sentHistory
	sentStartsKnown
	sentStarts
)

// sentenceRule returns rule's answer for the sentence of tr (index si), asked once per
// sentence: known marks it asked, yes holds the answer.
func (s *section) sentenceRule(si int, tr [2]int, known, yes uint8, rule func([]lexicon.Token, []uint32, int, int) bool) bool {
	if si >= len(s.sentRules) {
		return rule(s.toks, s.cls, tr[0], tr[1])
	}
	if f := s.sentRules[si]; f&known != 0 {
		return f&yes != 0
	}
	s.sentRules[si] |= known
	if rule(s.toks, s.cls, tr[0], tr[1]) {
		s.sentRules[si] |= yes
		return true
	}
	return false
}

// Page returns the mentions of every section of a page, article first, each in text
// order, with their context.
func (a *Analyzer) Page(p *corpus.Page) []Mention {
	var out []Mention
	a.PageSections(p, func(_ corpus.Section, ms []Mention) error {
		out = append(out, ms...)
		return nil
	})
	return out
}

// onePassText is the most text a page may have to be read in one pass, every section's
// tokens held until the page's drug is known (they take about 60 times the text). A
// larger page is read twice: once for its drug, then section by section, so that its
// tokens are never held at once: a page of 200,000 comments took 1.6 GB in one pass.
const onePassText = 256 << 10

// PageSections is Page handing each section's mentions (article first, each in text
// order, with their context; the slice is fn's) to fn as soon as they are complete, so
// that a caller need not hold the page's mentions either. An error of fn stops the
// reading and is returned.
func (a *Analyzer) PageSections(p *corpus.Page, fn func(corpus.Section, []Mention) error) error {
	secs := p.Sections()
	return a.pageSections(p, pageText(p) > onePassText, false, func(i int, all []Mention, from, to int, _ func()) error {
		return fn(secs[i], all[from:to:to])
	})
}

// PageChunks is PageSections handing on runs of whole sections: fn gets the sections
// [from, to) of the page (0 the article, i+1 comment i, as Page.Sections lists them) and
// their mentions in one slice, in section order, once the run holds at least most
// mentions, or the page ends.
//
// The mentions are lent, not given: they stay in the analyzer's buffers, which are
// reused for later pages (a page's mentions were copied to a slice of their own, a
// third of what the tagger allocated). done, when not nil, gives back the buffer of this
// run and of the page's earlier runs: call it once they have been read (it may be
// called from another goroutine), and keep none of them, nor pointers into them, after
// (copy a Mention to keep it). A caller that never calls done leaves the buffers to the
// collector: that is always safe.
func (a *Analyzer) PageChunks(p *corpus.Page, most int, fn func(from, to int, ms []Mention, done func()) error) error {
	return a.pageChunks(p, pageText(p) > onePassText, most, fn)
}

func (a *Analyzer) pageChunks(p *corpus.Page, twoPass bool, most int, fn func(from, to int, ms []Mention, done func()) error) error {
	from, k := 0, 0    // the run's first section and, in one pass, its first mention in all
	var held []Mention // in two passes, the run's mentions so far, in a buffer of the pool
	return a.pageSections(p, twoPass, true, func(i int, all []Mention, from1, to int, done func()) error {
		var ms []Mention
		if twoPass {
			if held == nil {
				held = mentionBuffer()
			}
			held = append(held, all[from1:to]...) // all is the scan's buffer, reused for the next section
			ms = held[:len(held):len(held)]
		} else {
			ms = all[k:to:to]
		}
		if len(ms) < most && i < len(p.Comments) {
			return nil
		}
		if twoPass {
			run := held
			done = func() { releaseMentions(run) }
		}
		err := fn(from, i+1, ms, done)
		from, k, held = i+1, to, nil
		return err
	})
}

// pageText is the size of a page's text: the article and the comments.
func pageText(p *corpus.Page) int {
	size := len(p.Article)
	for i := range p.Comments {
		size += len(p.Comments[i].Text)
	}
	return size
}

// pageSections reads a page in one pass (every section held) or in two (twoPass); the
// mentions are the same. fn gets section i's mentions as all[from:to]: in one pass all is
// the page's, the same slice for every section; in two it is the section's own.
//
// Unless lend, all is fn's to keep. With lend, all is the buffer the mentions were found
// in: in two passes it is reused for the next section once fn returns; in one pass it is
// the page's, and fn gets with the last section done, which gives it back to the pool.
func (a *Analyzer) pageSections(p *corpus.Page, twoPass, lend bool, fn func(i int, all []Mention, from, to int, done func()) error) error {
	// A review page names its drug in the title: "Atorvastatin user reviews".
	var titleDrug drugRef
	if p.Title != "" {
		for _, m := range a.m.Match(p.Title) {
			if m.Concept.Kind == lexicon.Drug && !m.Concept.IsClass {
				titleDrug = drugRef{m.Concept.Name, m.Concept.Category}
				break
			}
		}
	}
	buf := mentionBuffer()
	lent := false // buf is handed on with the page's mentions
	defer func() {
		if !lent {
			releaseMentions(buf)
		}
	}()
	finish := func(s *section, pageDrug drugRef, namedIn int) {
		s.context(pageDrug, titleDrug, namedIn)
		s.severities()
		s.effects()
		s.release()
	}
	if twoPass {
		var named pageNames
		for _, sc := range p.Sections() {
			var s *section
			s, buf = a.scan(sc, buf[:0])
			s.drugContext()
			named.add(s)
			s.free()
		}
		pageDrug := named.mostNamed()
		if pageDrug.name == "" {
			pageDrug = titleDrug
		}
		namedIn := named.sections[pageDrug.name]
		for i, sc := range p.Sections() {
			var s *section
			s, buf = a.scan(sc, buf[:0])
			all := s.mentions
			if !lend {
				all = exact(s)
			}
			s.drugContext()
			finish(s, pageDrug, namedIn)
			// severities may have dropped some: s.mentions is the start of all
			n := len(s.mentions)
			s.free()
			if err := fn(i, all, 0, n, nil); err != nil {
				return err
			}
		}
		return nil
	}
	secs := make([]*section, 0, len(p.Comments)+1)
	for _, sc := range p.Sections() {
		var s *section
		s, buf = a.scan(sc, buf)
		secs = append(secs, s)
	}
	var all []Mention
	if lend {
		// The sections' mentions lie in buf one after another; those of the first ones
		// were found before buf last grew.
		k := 0
		for _, s := range secs {
			n := len(s.mentions)
			s.mentions = buf[k : k+n : k+n]
			k += n
		}
		all, lent = buf[:k], true
	} else {
		all = exact(secs...)
	}
	var done func()
	if lend {
		done = func() { releaseMentions(buf) }
	}
	for _, s := range secs {
		s.drugContext()
	}
	pageDrug := mostNamed(useOwn, secs...) // the page's main drug: the one its comments name most
	if pageDrug.name == "" {
		pageDrug = titleDrug
	}
	namedIn := 0 // how many sections name the page's drug
	for _, s := range secs {
		if s.names(pageDrug.name) {
			namedIn++
		}
	}
	k := 0
	for i, s := range secs {
		finish(s, pageDrug, namedIn)
		// severities may have dropped some of the section's mentions, at the end of its
		// part of all: the next sections' move up over the gap.
		n := copy(all[k:], s.mentions)
		var last func()
		if i == len(secs)-1 {
			last = done
		}
		s.free()
		secs[i] = nil
		if err := fn(i, all, k, k+n, last); err != nil {
			for _, s := range secs[i+1:] {
				s.free()
			}
			return err
		}
		k += n
	}
	return nil
}

// pageNames is what the first pass over a large page keeps of each section: what
// mostNamed(useOwn, ...) and names read, by drug, in the memory of the drugs named.
type pageNames struct {
	order    []drugRef      // the drugs the writers are on, in the order first named
	counts   map[string]int // drug -> its own-use mentions
	sections map[string]int // drug -> the sections that name it as the writer's
}

func (n *pageNames) add(s *section) {
	if n.counts == nil {
		n.counts, n.sections = map[string]int{}, map[string]int{}
	}
	var seen map[string]bool
	for i := range s.mentions {
		m := &s.mentions[i]
		if m.Type != TypeDrug || m.IsClass || m.use != useOwn {
			continue
		}
		if n.counts[m.Concept] == 0 {
			n.order = append(n.order, drugRef{m.Concept, m.Class})
		}
		n.counts[m.Concept]++
		if m.Concept != "" && !seen[m.Concept] { // ownDrug(m), as names checks
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[m.Concept] = true
			n.sections[m.Concept]++
		}
	}
}

// mostNamed is mostNamed(useOwn, ...) over the sections added: the first drug named to
// reach the top count, a substance only when named more than once. (A drug's later
// mentions cannot win where its first did not: the top count only grows.)
func (n *pageNames) mostNamed() drugRef {
	best, bestN := drugRef{}, 0
	for _, d := range n.order {
		if c := n.counts[d.name]; c > bestN && (d.class != substanceClass || c > 1) {
			best, bestN = d, c
		}
	}
	return best
}

// Section returns the mentions in one section, read on its own.
func (a *Analyzer) Section(s corpus.Section) []Mention {
	sec, buf := a.scan(s, mentionBuffer())
	exact(sec)
	releaseMentions(buf)
	sec.drugContext()
	sec.context(drugRef{}, drugRef{}, 0)
	sec.severities()
	sec.effects()
	ms := sec.mentions
	sec.free()
	return ms
}

// effects retypes the symptoms of the drug effect system as effects, once their context
// is read: until then they are read as symptoms are (and a symptom's context reads them
// so), and only what is printed changes.
func (s *section) effects() {
	for i := range s.mentions {
		if m := &s.mentions[i]; m.Type == TypeSymptom && m.Category == lexicon.DrugEffect {
			m.Type = TypeEffect
		}
	}
}

// mostNamed returns the drug (not a class) of the given use (the writers' own, or other
// people's) named most often in secs; the first to reach the top count wins a tie. Drugs
// named only as a history, a comparison, an adjunct or a treatment do not count
// (druguse.go).
func mostNamed(use drugUse, secs ...*section) drugRef {
	return mostNamedCounting(use, func(*Mention) bool { return true }, secs...)
}

// mostNamedCounting is mostNamed counting only the mentions that count reports true of;
// a tie still goes to the drug named first.
func mostNamedCounting(use drugUse, count func(*Mention) bool, secs ...*section) drugRef {
	counts := map[string]int{}
	for _, s := range secs {
		for i := range s.mentions {
			m := &s.mentions[i]
			if m.Type == TypeDrug && !m.IsClass && m.use == use && count(m) && !s.namedAgain(i) {
				counts[m.Concept]++
			}
		}
	}
	best, bestN := drugRef{}, 0
	for _, s := range secs {
		for i := range s.mentions {
			m := &s.mentions[i]
			// Alcohol, caffeine or heroin named once is a comparison or a habit, not
			// what the text is about ("worse than heroin", "no alcohol").
			if m.Type == TypeDrug && !m.IsClass && m.use == use && counts[m.Concept] > bestN &&
				(m.Class != substanceClass || counts[m.Concept] > 1) {
				best, bestN = drugRef{m.Concept, m.Class}, counts[m.Concept]
			}
		}
	}
	return best
}

// sortByStart orders ms by Start, stably. ms is two runs, the lexicon's mentions and
// then the quantities (from q), each in order already as a rule: a merge moves each
// mention once where a sort moves a large struct many times. It returns scratch (a copy
// of the quantities), cleared, for reuse.
func sortByStart(ms []Mention, q int, scratch []Mention) []Mention {
	for k := 1; k < len(ms); k++ {
		if k != q && ms[k].Start < ms[k-1].Start {
			slices.SortStableFunc(ms, func(a, b Mention) int { return a.Start - b.Start })
			return scratch
		}
	}
	scratch = append(scratch[:0], ms[q:]...)
	i, j := q-1, len(scratch)-1
	for k := len(ms) - 1; j >= 0; k-- {
		if i >= 0 && ms[i].Start > scratch[j].Start { // on a tie the lexicon's comes first
			ms[k] = ms[i]
			i--
		} else {
			ms[k] = scratch[j]
			j--
		}
	}
	clear(scratch) // no pointers kept into the page
	return scratch[:0]
}

// scan finds the mentions of a section without their links, appending them to buf; the
// section's mentions are the part of the buffer it returns from the old length on, until
// the buffer grows again (exact moves them out).
func (a *Analyzer) scan(s corpus.Section, buf []Mention) (*section, []Mention) {
	text := s.Text()
	sec := sectionPool.Get().(*section)
	sec.toksOf, sec.clsOf = tokenPool.Get().(*[]lexicon.Token), classPool.Get().(*[]uint32)
	sec.sec, sec.toks, sec.roles, sec.collect = s, lexicon.TokenizeInto(*sec.toksOf, text), a.roles, a.collect
	sec.cls = wordClasses(*sec.clsOf, sec.toks)
	sec.article = s.Comment == nil && s.Page != nil && s.Page.Format != corpus.FormatPlain
	mbuf := matchPool.Get().(*[]lexicon.Match)
	matches := a.m.AppendMatches((*mbuf)[:0], text, sec.toks)
	sec.sents = appendSentences(sec.sents[:0], text, sec.toks)
	sec.sentTok = slices.Grow(sec.sentTok[:0], len(sec.sents))[:len(sec.sents)]
	k := 0
	for si, sp := range sec.sents {
		for k < len(sec.toks) && sec.toks[k].Start < sp.Start {
			k++
		}
		from := k
		for k < len(sec.toks) && sec.toks[k].End <= sp.End {
			k++
		}
		sec.sentTok[si] = [2]int{from, k}
	}
	sentOf := func(tok int) int {
		return sort.Search(len(sec.sentTok), func(i int) bool { return sec.sentTok[i][1] > tok })
	}
	at := len(buf)
	sec.mentions = buf
	for _, m := range matches {
		if m.Concept.Kind != lexicon.Drug && idiom(sec.toks, m.FirstToken, m.LastToken, m.Concept.Name) {
			continue // "dealing with insurance is a headache", "tired of waiting"
		}
		if m.Concept.Kind == lexicon.Drug && labValue(sec.toks, m.FirstToken, m.LastToken, m.Concept.Category) {
			continue // "vitamin D level was 12", "low testosterone", "B12 deficiency"
		}
		mn := Mention{Section: s, Start: m.Start, End: m.End, Text: text[m.Start:m.End],
			Concept: m.Concept.Name, Term: m.Term.Text, Fuzzy: m.Fuzzy, Corrected: m.Corrected,
			first: m.FirstToken, last: m.LastToken}
		switch m.Concept.Kind {
		case lexicon.Drug:
			mn.Type, mn.Class, mn.IsClass = TypeDrug, m.Concept.Category, m.Concept.IsClass
		default:
			mn.Type, mn.Category = TypeSymptom, m.Concept.Category
		}
		mn.sent = sentOf(m.FirstToken)
		sec.mentions = append(sec.mentions, mn)
	}
	if cap(matches) <= 1<<12 { // read into mentions: the buffer goes back to the pool
		clear(matches)
		*mbuf = matches[:0]
		matchPool.Put(mbuf)
	}
	var posted time.Time // "since 1996" is read against the comment's date
	if s.Comment != nil {
		posted = s.Comment.Posted
	}
	q := len(sec.mentions) - at // the quantities follow the lexicon's mentions
	for si, tr := range sec.sentTok {
		sec.quants = findQuantities(sec.quants, sec.toks, sec.cls, tr[0], tr[1], posted)
		for _, x := range sec.quants {
			st, en := sec.toks[x.first].Start, sec.toks[x.last].End
			sec.mentions = append(sec.mentions, Mention{Section: s, Type: x.kind, Start: st, End: en,
				Text: text[st:en], Duration: x.dur, Dose: x.dose, Frequency: x.freq,
				first: x.first, last: x.last, sent: si})
		}
	}
	buf = sec.mentions
	sec.mentions = buf[at:]
	sec.merge = sortByStart(sec.mentions, q, sec.merge)
	sec.mentions = dropInner(sec.mentions)
	buf = buf[:at+len(sec.mentions)]
	for i := range sec.mentions {
		m := &sec.mentions[i]
		m.SentenceIndex = m.sent
		if m.sent < len(sec.sents) {
			sp := sec.sents[m.sent]
			m.Sentence = strings.TrimSpace(text[sp.Start:max(sp.End, m.End)])
		}
	}
	return sec, buf
}

// drugContext fills in the experiencer, status and use of every drug mention, which the
// links of the page's symptoms read.
func (s *section) drugContext() {
	// The drugs of each sentence, so that linking looks only there (a 20 MB line has
	// hundreds of thousands of mentions).
	// Mentions are in text order, so each sentence's are a range.
	s.inSent = slices.Grow(s.inSent[:0], len(s.sentTok)+1)[:len(s.sentTok)+1]
	clear(s.inSent)
	for j := range s.mentions {
		si := min(s.mentions[j].sent, len(s.sentTok))
		if s.inSent[si][1] == 0 {
			s.inSent[si][0] = j
		}
		s.inSent[si][1] = j + 1
	}
	for i := range s.mentions {
		m := &s.mentions[i]
		if m.Type != TypeDrug {
			continue
		}
		tr := [2]int{0, len(s.toks)}
		if m.sent < len(s.sentTok) {
			tr = s.sentTok[m.sent]
		}
		cFrom, cTo := clause(s.cls, tr[0], tr[1], m.first, m.last)
		m.Experiencer = experiencer(s.toks, s.cls, tr[0], m.first, s.article)
		m.Status = drugStatus(s.toks, s.cls, cFrom, cTo, m.first, m.last)
		if m.Class == substanceClass && !s.namedAgain(i) {
			if s.substances == nil {
				s.substances = map[string]int{}
			}
			s.substances[m.Concept]++
		}
	}
	s.drugUses()
}

// context fills in the context of every mention: negation, experiencer, certainty and
// role of symptoms; the drug each symptom and quantity belongs to. drugContext comes
// first.
func (s *section) context(pageDrug, titleDrug drugRef, namedIn int) {
	sectionDrug := s.principalDrug()
	othersDrug := mostNamed(useOthers, s) // "my son takes Ritalin": the drug of his symptoms
	s.namesOwn = sectionDrug.name != ""
	s.mainDrug, s.mainClass = sectionDrug.name, sectionDrug.class
	if s.unnamed = s.unnamedTopic(); s.unnamed {
		// "I started taking this medication when Prozac stopped working": the text is
		// about a drug it does not name, the page's (its title's, or the one the other
		// comments name), not the one it names in passing.
		sectionDrug = titleDrug
		if sectionDrug.name == "" && (namedIn > 1 || namedIn == 1 && !s.names(pageDrug.name)) {
			sectionDrug = pageDrug // named in other sections, not only here in passing
		}
		pageDrug = sectionDrug
	}
	// Once the writer says they are coming off a drug, the symptoms they go on to report
	// are read as withdrawal unless a sentence says otherwise.
	s.withdrawalFrom = len(s.sentTok)
	s.sentCats = s.sentCats[:0]
	lastSymptom := -1
	for i := len(s.mentions) - 1; i >= 0; i-- {
		if s.mentions[i].Type == TypeSymptom {
			lastSymptom = s.mentions[i].sent // mentions are in text order
			break
		}
	}
	if lastSymptom >= 0 {
		for k := range s.mentions {
			if d := &s.mentions[k]; d.Type == TypeDrug && !d.IsClass {
				s.cls[d.first] |= wcDrug
			}
		}
		s.drugsMarked = true
		s.sentCats = slices.Grow(s.sentCats[:0], len(s.sentTok))[:len(s.sentTok)]
		for si, tr := range s.sentTok {
			s.sentCats[si] = engine.sentenceCats(s.cls[tr[0]:tr[1]])
		}
		s.cue = slices.Grow(s.cue[:0], len(s.sentTok))[:len(s.sentTok)]
		for si := range s.cue {
			s.cue[si] = -1
		}
		for si := 0; si <= lastSymptom && si < len(s.sentTok); si++ {
			tr := s.sentTok[si]
			at := -1
			if s.mayIn(si, ctxWithdrawal|ctxWithdrawalNoun) {
				at = withdrawalCueAt(s.toks, s.cls, tr[0], tr[1], s.drugsMarked)
			}
			s.cue[si] = at
			// The writer's own course starts where they say they are coming off a drug,
			// not where their sister is ("my sister IS trying to detox").
			if at >= 0 && !s.article && s.withdrawalFrom == len(s.sentTok) && experiencer(s.toks, s.cls, tr[0], at, false) == Self {
				s.withdrawalFrom = si
				for k := range s.mentions {
					d := &s.mentions[k]
					// The last one named up to the cue, not one named to compare or
					// given in response ("had to be put on Valium").
					if d.Type == TypeDrug && !d.IsClass && d.sent <= si && d.use != useCompared && d.use != useTreatment && d.use != useOthers {
						s.withdrawalDrug = d.Concept
					}
				}
			}
		}
	}
	s.ruled = slices.Grow(s.ruled[:0], len(s.mentions))[:len(s.mentions)]
	clear(s.ruled)
	s.sentRules = slices.Grow(s.sentRules[:0], len(s.sentTok))[:len(s.sentTok)]
	clear(s.sentRules)
	for i := range s.mentions {
		m := &s.mentions[i]
		tr := [2]int{0, len(s.toks)}
		if m.sent < len(s.sentTok) {
			tr = s.sentTok[m.sent]
		}
		cFrom, cTo := clause(s.cls, tr[0], tr[1], m.first, m.last)
		switch m.Type {
		case TypeDrug:
			continue // drugContext
		case TypeSymptom:
			m.Negated = s.mayIn(m.sent, ctxNegation) && negated(s.toks, s.cls, cFrom, cTo, m.first, m.last)
			m.Experiencer = experiencer(s.toks, s.cls, tr[0], m.first, s.article)
			m.Certainty = certainty(s.toks, s.cls, tr[0], tr[1], cFrom, cTo, m.first, s.mayIn(m.sent, ctxHypothetical))
		}
		var class string
		m.Drug, class, m.DrugVia = s.linkDrug(i, cFrom, cTo, sectionDrug, othersDrug, pageDrug, titleDrug)
		if m.Type == TypeSymptom {
			var basis string
			var adverse bool
			m.Role, basis, adverse = s.role(m, tr, [2]int{cFrom, cTo}, class)
			s.ruled[i] = ruled{class, basis, adverse}
		}
	}
	// The model reads the rules' answers for the other symptoms of the sentence too (a
	// list of withdrawal symptoms), so it runs once the rules have read them all.
	for i := range s.mentions {
		m := &s.mentions[i]
		if m.Type != TypeSymptom {
			continue
		}
		tr := [2]int{0, len(s.toks)}
		if m.sent < len(s.sentTok) {
			tr = s.sentTok[m.sent]
		}
		r := s.ruled[i]
		switch {
		case m.Role == RoleOther:
		case s.collect:
			s.roleFeatures(&s.feats, m, tr, r.class, m.Role, r.basis, r.adverse)
			m.example = &roleExample{s.feats.strings(), r.basis}
		case s.roles != nil && ModelDecides(r.basis) && s.roles.InDomain(r.class, s.mainClass):
			s.roleFeatures(&s.feats, m, tr, r.class, m.Role, r.basis, r.adverse) // read only by decide: reused
			if role, sure := s.roles.decide(&s.feats); sure {
				m.Role = role
			}
		}
		if m.Role == RoleOther && m.DrugVia != "clause" {
			m.Drug, m.DrugVia = "", "" // another illness belongs to no drug
		}
	}
}

// linkDrug finds the drug a mention belongs to (its name, class and how it was found):
// the nearest in its clause, else in its sentence; else, for "this medication", the
// page's own drug (its title's) or the section's; else the drug the writer is on named
// in the last two sentences, else the section's main drug, else the page's. Another
// person's symptom goes with the drug said to be theirs. A drug named
// to compare, given in response or taken by someone else takes a symptom only in its
// own clause; one named as a history or an adjunct only in its own sentence (druguse.go).
func (s *section) linkDrug(i, cFrom, cTo int, sectionDrug, othersDrug, pageDrug, titleDrug drugRef) (string, string, string) {
	m := &s.mentions[i]
	if m.Experiencer == Other && othersDrug.name != "" || sectionDrug.name == "" && !s.namesOwn {
		sectionDrug = othersDrug // another person's symptom goes with their drug
	}
	best, bestD, via := drugRef{}, 1<<30, ""
	for j := s.inSent[m.sent][0]; j < s.inSent[m.sent][1]; j++ {
		d := &s.mentions[j]
		if d.Type != TypeDrug {
			continue
		}
		dist := m.first - d.last
		if d.first > m.last {
			dist = (d.first - m.last) * 2 // a drug before is likelier than one after
		}
		v := "sentence"
		// "the beta blocker (metoprolol)", "my anxiety med (Xanax)": a drug in brackets
		// right after the clause names what the clause speaks of.
		bracketed := d.first > m.last && d.first == cTo+1 && s.toks[cTo].Norm == "(" &&
			d.last+1 < len(s.toks) && s.toks[d.last+1].Norm == ")"
		switch {
		case bracketed && d.first-m.last <= 8:
			v = "clause"
			dist -= 1000
		case d.first > m.last && (d.first >= cTo || d.first-m.last > 4 && !(d.first-m.last <= 8 && attributes(s.toks, m.last+1, d.first))):
			continue // a drug after counts only close by, in the clause: "nausea from Zoloft", "collapse from the nasty drug (Xanax)"
		case d.first > m.last && d.use == useTreatment && m.Type == TypeSymptom:
			continue // "had insomnia so I took Benadryl": the remedy, not the cause
		case d.first >= cFrom && d.last < cTo:
			v = "clause"
			dist -= 1000
		}
		if m.Type == TypeSymptom && d.last < m.first && (d.use == useSwitched || d.use == usePlanned) && reasonBetween(s.toks, d.last+1, m.first) {
			continue // "switched me to Wellbutrin because I had gained 18 pounds": the reason to leave the drug before
		}
		if v != "clause" && m.Type == TypeSymptom && (d.use == useCompared || d.use == useTreatment || d.use == useOthers && m.Experiencer != Other) {
			continue // "worse than heroin, uncontrollable rage"
		}
		if m.Type == TypeSymptom && d.Class == substanceClass && (aboutSubstance(s.toks, m, d) || v != "clause" && s.namedOnce(d)) {
			continue // "craving for alcohol", "caffeine intolerant": what the symptom is about, not its cause
		}
		if d.IsClass {
			if v != "clause" {
				continue // "unable to take any thyroid meds, developed an infection"
			}
			dist += 500
		}
		if dist < bestD {
			best, bestD, via = drugRef{d.Concept, d.Class}, dist, v
		}
	}
	if best.name != "" {
		return best.name, best.class, via
	}
	tr := s.sentTok[min(m.sent, len(s.sentTok)-1)]
	if thisMedication(s.toks, tr[0], tr[1]) >= 0 {
		// "this medication" is the drug the page or the comment is about, not the
		// one named in passing.
		switch {
		case titleDrug.name != "":
			return titleDrug.name, titleDrug.class, "page"
		case sectionDrug.name != "":
			return sectionDrug.name, sectionDrug.class, "comment"
		case pageDrug.name != "":
			return pageDrug.name, pageDrug.class, "page"
		}
		return "", "", ""
	}
	// The drug the writer is on named in the last two sentences: a comment about several
	// drugs talks of them in turn.
	for j := i - 1; j >= 0; j-- {
		d := &s.mentions[j]
		if d.Type != TypeDrug || d.sent >= m.sent {
			continue
		}
		if m.sent-d.sent > 2 {
			if d.use == useSwitched && !d.IsClass {
				return d.Concept, d.Class, "comment" // the writer's drug from then on
			}
			continue
		}
		if d.Class == substanceClass && s.namedOnce(d) {
			continue // a habit named in passing ("quit drinking alcohol") is no drug of later symptoms
		}
		// A story of a past drug goes on where "it" refers back to it: "I was prescribed
		// gabapentin years ago. Since I stopped it I have had insomnia."
		if ownDrug(d) && !(s.unnamed && d.Status == StatusStopped) || d.use == useSwitched && !d.IsClass || !d.IsClass && (d.use == useHistory && refersBack(s.toks, tr[0], tr[1]) || d.use == useOthers && m.Experiencer == Other) {
			return d.Concept, d.Class, "comment"
		}
	}
	if sectionDrug.name != "" {
		return sectionDrug.name, sectionDrug.class, "comment"
	}
	if pageDrug.name != "" {
		return pageDrug.name, pageDrug.class, "page"
	}
	return "", "", ""
}

// thisMedication returns where a sentence says "this medication", "this drug", "these
// pills": the drug the text is about, named or not; -1 when it does not.
func thisMedication(toks []lexicon.Token, sFrom, sTo int) int {
	for k := sFrom; k+1 < sTo; k++ {
		switch toks[k].Norm {
		case "this", "these":
			if medWords[toks[k+1].Norm] {
				return k
			}
		}
	}
	return -1
}

var medWords = cue("medWords")

// names reports an own mention of drug in the section.
func (s *section) names(drug string) bool {
	for i := range s.mentions {
		if m := &s.mentions[i]; drug != "" && m.Concept == drug && ownDrug(m) {
			return true
		}
	}
	return false
}

// unnamedTopic reports a section that speaks of "this medication" before it names a
// drug the writer is on, or of "it" taken before a drug named in the same sentence
// ("Started taking it after Prozac made my stomach hurt"): its drug is the page's, which
// it need not name.
func (s *section) unnamedTopic() bool {
	for si, tr := range s.sentTok {
		at := thisMedication(s.toks, tr[0], tr[1])
		if it := takenIt(s.toks, tr[0], tr[1]); it >= 0 && (at < 0 || it < at) && s.drugAfter(si, it) {
			at = it
		}
		for j := s.inSent[si][0]; j < s.inSent[si][1]; j++ {
			if d := &s.mentions[j]; ownDrug(d) && (at < 0 || d.first < at) {
				return false
			}
		}
		if at >= 0 {
			return true
		}
	}
	return false
}

// drugAfter reports a drug (not a class) named in sentence si after token k.
func (s *section) drugAfter(si, k int) bool {
	for j := s.inSent[si][0]; j < s.inSent[si][1]; j++ {
		if d := &s.mentions[j]; d.Type == TypeDrug && !d.IsClass && d.first > k {
			return true
		}
	}
	return false
}

// takenIt returns where a sentence speaks of "it" as a drug taken: "taking it", "on it",
// "start it"; -1 when it does not.
func takenIt(toks []lexicon.Token, sFrom, sTo int) int {
	for k := sFrom; k+1 < sTo; k++ {
		if toks[k+1].Norm == "it" && drugItVerbs[toks[k].Norm] {
			return k
		}
	}
	return -1
}

var drugItVerbs = cue("drugItVerbs")

// refersBack reports a pronoun for a drug named before: "stopped taking it", "on them".
func refersBack(toks []lexicon.Token, sFrom, sTo int) bool {
	for k := sFrom; k < sTo; k++ {
		switch toks[k].Norm {
		case "it", "them":
			return true
		}
	}
	return false
}

// reasonBetween reports a word that gives a reason ("because", "due to") between from
// and to.
func reasonBetween(toks []lexicon.Token, from, to int) bool {
	for k := from; k < to; k++ {
		if reasonWords[toks[k].Norm] {
			return true
		}
	}
	return false
}

var reasonWords = cue("reasonWords")

var blameWords = cue("blameWords")

// attributes reports a word that blames what follows: "from", "caused by", "due to".
func attributes(toks []lexicon.Token, from, to int) bool {
	return hasAny(toks, from, to, blameWords)
}

// drugRef is a drug concept and its class.
type drugRef struct{ name, class string }

// role says why a symptom is reported: the reason for the drug (indication), a
// withdrawal symptom, another illness (other), or an adverse effect. tr is its
// sentence's tokens, cl its clause's. Local cues come
// first; then what the drug's class is taken for; then the comment's course. adverse
// is whether an adverse cue reaches the symptom (adverseCue), which the model reads too.
func (s *section) role(m *Mention, tr, cl [2]int, drugClass string) (string, string, bool) {
	cue := -1
	if m.sent < len(s.cue) {
		cue = s.cue[m.sent]
	}
	adverse := s.mayIn(m.sent, ctxAdverse) && adverseCue(s.toks, s.cls, tr[0], tr[1], cl[0], cl[1], m.first, m.last)
	prone := indicatedFor(drugClass, m.Concept) || m.Drug == "" && commonIndication(m.Concept)
	covered := func(i int) bool {
		for j := s.inSent[m.sent][0]; j < s.inSent[m.sent][1]; j++ {
			if o := &s.mentions[j]; o.Type == TypeSymptom && o.first <= i && i <= o.last && o.first != m.first {
				return true
			}
		}
		return false
	}
	ind := noIndication
	if s.mayIn(m.sent, reasonCats) {
		ind = isIndication(s.toks, s.cls, tr[0], tr[1], cl[0], cl[1], m.first, m.last, prone, s.drugsMarked, covered)
	}
	switch {
	case ind == strongIndication:
		return RoleIndication, "indication-cue", adverse
	case withdrawalConcepts[m.Concept] && !adverse:
		return RoleWithdrawal, "withdrawal-concept", adverse
	case cue >= 0 && stopReason(s.toks, tr[0], cue, m.first, m.last):
		return RoleAdverse, "stop-reason", adverse // "the weight gain is the reason I stopped", "I quit because of the rash"
	case cue >= 0:
		// "totally off the clonopin and on the ambien I started having reflux": the
		// drug being stopped, not the one the symptom stands next to.
		for j := cue + 1; j < tr[1] && j <= cue+3; j++ {
			if d := s.drugNamedAt(j); d != "" {
				m.Drug, m.DrugVia = d, "sentence"
				break
			}
		}
		return RoleWithdrawal, "stop-cue", adverse
	case ind == weakIndication:
		return RoleIndication, "weak-indication", adverse
	case s.sentenceRule(m.sent, tr, sentHistoryKnown, sentHistory, isHistory):
		if prone {
			return RoleIndication, "history-indicated", adverse // "I was suicidal before I started taking it"
		}
		return RoleOther, "history", adverse
	case m.Negated && prone && !adverse && !hasAny(s.toks, tr[0], tr[1], untilWords):
		return RoleIndication, "gone", adverse // "no more panic attacks", "I don't get angry as easily"
	case adverse:
		return RoleAdverse, "adverse-cue", adverse
	case s.inWithdrawalCourse(m, tr):
		if m.DrugVia != "clause" && m.DrugVia != "sentence" && s.withdrawalDrug != "" {
			m.Drug, m.DrugVia = s.withdrawalDrug, "comment" // the drug being stopped, not merely the last named
		}
		return RoleWithdrawal, "course", adverse
	case indicatedFor(drugClass, m.Concept):
		return RoleIndication, "class-indication", adverse
	}
	return RoleAdverse, "default", adverse
}

// inWithdrawalCourse reports a symptom the writer reports after saying they are coming
// off a drug, in the same paragraph, not tied in its own sentence to another drug.
func (s *section) inWithdrawalCourse(m *Mention, tr [2]int) bool {
	if m.sent <= s.withdrawalFrom || m.Experiencer != Self || s.sentenceRule(m.sent, tr, sentStartsKnown, sentStarts, startsDrug) {
		return false
	}
	if st := s.courseStates(); m.sent < len(st) && st[m.sent] == "back-on" {
		return false // the writer is on a drug again: "went back on it", "switched to Cymbalta"
	}
	if (m.DrugVia == "clause" || m.DrugVia == "sentence") && s.withdrawalDrug != "" && m.Drug != s.withdrawalDrug {
		return false
	}
	// A new paragraph (a line break) is a new story: "Stopped Lipitor" does not carry
	// over to the next post about Arthrotec.
	for si := s.withdrawalFrom + 1; si <= m.sent && si < len(s.sentTok); si++ {
		if first := s.sentTok[si][0]; first < len(s.toks) && s.toks[first].Break > 0 {
			return false
		}
	}
	return true
}

// untilWords: "never had a panic attack until I took it" denies the symptom only before.
var untilWords = set("until", "til", "till", "untill")

// withdrawalConcepts are symptoms reported mostly on stopping a drug.
var withdrawalConcepts = map[string]bool{"withdrawal syndrome": true, "brain zaps": true,
	"electric shock sensation": true, "benzodiazepine dependence": true, "drug craving": true,
	"rebound insomnia": true, "rebound anxiety": true, "discontinuation syndrome": true,
	"addiction": true, "drug dependence": true}

// dropInner removes a symptom inside a drug's name ("MS Contin", "Tylenol Arthritis")
// and a frequency inside a symptom ("can't sleep at night"). ms is sorted by Start.
func dropInner(ms []Mention) []Mention {
	var drop []bool
	var open []int // mentions that may still hold the next ones
	for i := range ms {
		m := &ms[i]
		k := 0
		for _, j := range open {
			if ms[j].End > m.Start {
				open[k] = j
				k++
			}
		}
		open = open[:k]
		for _, j := range open {
			o := &ms[j]
			if o.End >= m.End && (o.Type == TypeDrug && m.Type == TypeSymptom || o.Type == TypeSymptom && m.Type == TypeFrequency) {
				if drop == nil {
					drop = make([]bool, len(ms))
				}
				drop[i] = true
				break
			}
		}
		open = append(open, i)
	}
	if drop == nil {
		return ms
	}
	out := ms[:0]
	for i := range ms {
		if !drop[i] {
			out = append(out, ms[i])
		}
	}
	return out
}

// drugNamedAt returns the drug (not a class) whose name starts at token i, or "".
func (s *section) drugNamedAt(i int) string {
	k := sort.Search(len(s.mentions), func(k int) bool { return s.mentions[k].first >= i })
	for ; k < len(s.mentions) && s.mentions[k].first == i; k++ {
		if m := &s.mentions[k]; m.Type == TypeDrug && !m.IsClass {
			return m.Concept
		}
	}
	return ""
}
