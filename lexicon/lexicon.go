package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.tsv common/top200.tsv
var dataFS embed.FS

// Kind is what a concept is.
type Kind string

// Concept kinds.
const (
	Drug    Kind = "drug"
	Symptom Kind = "symptom"
)

// Systems are the body systems a symptom concept may have, and DrugEffect.
var Systems = []string{
	"psychiatric", "nervous system", "gastrointestinal", "musculoskeletal",
	"infection and immune", "skin", "cardiovascular", "respiratory",
	"endocrine and metabolic", "sexual and reproductive", "renal and urinary",
	"eye and ear", "blood", "general", DrugEffect,
}

// DrugEffect is the system of the concepts that say what a drug did or failed to do for
// the writer ("didn't work", "stopped working", "wears off"): outcomes of the treatment,
// not signs or symptoms of the writer's body, so they are tagged as effects, apart from
// the symptoms (no annotated set we measure on, PsyTAR, CADEC or our forum sets, marks
// them as symptoms).
const DrugEffect = "drug effect"

// Concept is one drug or symptom with the ways people write it.
type Concept struct {
	Kind     Kind
	Name     string // the generic name (drugs) or canonical name (symptoms), lowercase
	Category string // the therapeutic class (drugs) or body system (symptoms)
	IsClass  bool   // a drug-class concept ("benzodiazepines")
	// Common is set for the drugs most prescribed (common/top200.tsv): a misspelling of
	// their names is read with less evidence than one of a rare brand's.
	Common bool
	Terms  []Term // the name itself first
	Pos    Pos    // where it was defined
	keys   []string
}

// Term is one way of writing a concept.
type Term struct {
	Text          string // as written in the lexicon, without the "=" prefix
	CaseSensitive bool   // matches only as written ("=Sonata")
	// Common is set for the generic name and the brands of a common drug (Concept.Common)
	// and the misspellings of them the lexicon lists: not its rarer brands ("somac").
	Common bool
	// NeedsContext is set for a term written "?pcp": also an ordinary abbreviation or word,
	// it counts only with drug context right around it ("smoked PCP", not "my PCP").
	NeedsContext bool
	Pos          Pos
}

// Pos is a place in a lexicon file.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Lexicon is a validated vocabulary.
type Lexicon struct {
	Concepts []*Concept // drugs then symptoms, each in file order
	Version  string     // a short digest of the vocabulary, for reports
	byName   map[Kind]map[string]*Concept
	terms    map[Kind]map[string]*Concept // term key -> concept
}

// Error is a problem in a lexicon file, at a line.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return fmt.Sprintf("lexicon: %s: %s", e.Pos, e.Msg) }

// Errors is every problem found in a lexicon, in file order.
type Errors []*Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Default loads the embedded vocabulary.
func Default() (*Lexicon, error) {
	// The English word list is needed to compile and to match: it loads on the other
	// core while the vocabulary is parsed.
	go englishOnce.Do(loadEnglish)
	names, err := fs.Glob(dataFS, "data/*.tsv")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	texts := make([]string, len(names))
	for i, n := range names {
		b, err := dataFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		texts[i] = string(b)
	}
	lx, errs := parseFiles(names, texts)
	if len(errs) > 0 {
		return nil, errs
	}
	b, err := dataFS.ReadFile("common/top200.tsv")
	if err != nil {
		return nil, err
	}
	if errs := lx.markCommon("lexicon/common/top200.tsv", string(b)); len(errs) > 0 {
		return nil, errs
	}
	g, err := loadGuard()
	if err != nil {
		return nil, err
	}
	if errs := lx.checkTermCues("lexicon/guard.txt", g); len(errs) > 0 {
		return nil, errs
	}
	lx.finish()
	return lx, nil
}

// parseFiles parses the embedded vocabulary files (names and texts, in order). Drugs and
// symptoms never meet while parsing (a term is checked against the concepts of its own
// kind), so the drug files and the symptom files are parsed on two cores and the halves
// joined: the same lexicon and the same errors, in file order, as one pass would give.
func parseFiles(names, texts []string) (*Lexicon, Errors) {
	var byKind [2][]int // the files of drugs and of symptoms, in order
	for i, text := range texts {
		switch headerKind(text) {
		case Drug:
			byKind[0] = append(byKind[0], i)
		case Symptom:
			byKind[1] = append(byKind[1], i)
		default: // a header add reports: one pass, for its errors
			lx := newLexicon()
			var errs Errors
			for i, n := range names {
				errs = append(errs, lx.add("lexicon/"+n, texts[i], false)...)
			}
			return lx, errs
		}
	}
	fileErrs := make([]Errors, len(names))
	var parts [2]*Lexicon
	var wg sync.WaitGroup
	for k, files := range byKind {
		part := newLexicon()
		parts[k] = part
		wg.Go(func() {
			for _, i := range files {
				fileErrs[i] = part.add("lexicon/"+names[i], texts[i], false)
			}
		})
	}
	wg.Wait()
	lx := &Lexicon{
		Concepts: append(parts[0].Concepts, parts[1].Concepts...),
		byName:   map[Kind]map[string]*Concept{Drug: parts[0].byName[Drug], Symptom: parts[1].byName[Symptom]},
		terms:    map[Kind]map[string]*Concept{Drug: parts[0].terms[Drug], Symptom: parts[1].terms[Symptom]},
	}
	var errs Errors
	for _, e := range fileErrs {
		errs = append(errs, e...)
	}
	return lx, errs
}

// headerKind is the kind of concepts a lexicon file's header line declares (a class
// column: drugs; a system column: symptoms), or "" when it declares neither or both.
func headerKind(text string) Kind {
	text = strings.TrimPrefix(text, "\ufeff")
	for line := range strings.Lines(text) {
		if l := strings.TrimSpace(line); l == "" || l[0] == '#' {
			continue
		}
		var class, system bool
		for f := range strings.SplitSeq(strings.TrimRight(line, "\r\n"), "\t") {
			class = class || strings.TrimSpace(f) == "class"
			system = system || strings.TrimSpace(f) == "system"
		}
		switch {
		case class && !system:
			return Drug
		case system && !class:
			return Symptom
		}
		return ""
	}
	return ""
}

// checkTermCues reports a [term] of the guard cues that is no ?TERM of lx: its own
// context would never be asked for.
func (lx *Lexicon) checkTermCues(file string, g *guardCues) Errors {
	doubtful := map[string]bool{}
	for _, c := range lx.byName[Drug] {
		for _, t := range c.Terms {
			if t.NeedsContext {
				doubtful[strings.ToLower(t.Text)] = true
			}
		}
	}
	var errs Errors
	for term, tc := range g.terms {
		if !doubtful[term] {
			errs = append(errs, &Error{Pos{file, tc.line}, fmt.Sprintf("[term] %q is not a ?TERM of a drug in the lexicon (write it as in lexicon/data, without the ?)", term)})
		}
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Pos.Line < errs[j].Pos.Line })
	return errs
}

// markCommon reads a list of common drugs (concept TAB brands, see common/top200.tsv)
// and marks them Common. Every concept must be a drug of lx, every brand one of its terms.
func (lx *Lexicon) markCommon(file, text string) Errors {
	var errs Errors
	for i, l := range strings.Split(text, "\n") {
		if l = strings.TrimRight(l, "\r"); strings.TrimSpace(l) == "" || l[0] == '#' {
			continue
		}
		pos := Pos{file, i + 1}
		name, brands, _ := strings.Cut(l, "\t")
		c := lx.byName[Drug][name]
		if c == nil {
			errs = append(errs, &Error{pos, fmt.Sprintf("%q is not a drug concept of the lexicon (write its concept name)", name)})
			continue
		}
		c.Common = true
		names := []string{name}
		for _, b := range strings.Split(brands, "|") {
			if b == "" {
				continue
			}
			// A brand that is also a word is written as it is cased ("=Bayer").
			if !slices.ContainsFunc(c.Terms, func(t Term) bool { return strings.EqualFold(t.Text, b) }) {
				errs = append(errs, &Error{pos, fmt.Sprintf("%q is not a term of %q (add it to the concept's terms)", b, name)})
			}
			names = append(names, strings.ToLower(b))
		}
		for i := range c.Terms {
			t := &c.Terms[i]
			lt := strings.ToLower(t.Text)
			for _, n := range names {
				// The name or a brand, in any form ("toprol xl"), or a misspelling of it.
				if strings.HasPrefix(lt, n) || damerau(soundKey(lt), soundKey(n), 3) <= 2 {
					t.Common = true
					break
				}
			}
		}
	}
	return errs
}

// Parse reads one lexicon text on its own (no embedded vocabulary), strictly.
func Parse(name, text string) (*Lexicon, error) {
	lx := newLexicon()
	if errs := lx.add(name, text, false); len(errs) > 0 {
		return nil, errs
	}
	lx.finish()
	return lx, nil
}

// AddFile adds a user lexicon file to lx. An entry naming an existing concept overrides
// its class or system and adds its terms; a term that belonged to another concept moves
// to the user's.
func (lx *Lexicon) AddFile(name string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("lexicon: %s: %w", name, err)
	}
	return lx.AddText(name, string(b))
}

// AddText adds lexicon text read from name (see AddFile).
func (lx *Lexicon) AddText(name, text string) error {
	if errs := lx.add(name, text, true); len(errs) > 0 {
		return errs
	}
	lx.finish()
	return nil
}

// Check validates a lexicon file on its own and against the default vocabulary.
func Check(name string) error {
	lx, err := Default()
	if err != nil {
		return err
	}
	return lx.AddFile(name)
}

func newLexicon() *Lexicon {
	return &Lexicon{
		byName: map[Kind]map[string]*Concept{Drug: make(map[string]*Concept, 4096), Symptom: make(map[string]*Concept, 2048)},
		terms:  map[Kind]map[string]*Concept{Drug: make(map[string]*Concept, 16384), Symptom: make(map[string]*Concept, 24576)},
	}
}

// Concept returns the concept of a kind by name.
func (lx *Lexicon) Concept(k Kind, name string) *Concept { return lx.byName[k][name] }

func (lx *Lexicon) finish() {
	sort.SliceStable(lx.Concepts, func(i, j int) bool {
		return lx.Concepts[i].Kind == Drug && lx.Concepts[j].Kind == Symptom
	})
	h := fnv.New32a()
	var buf []byte // a concept's text, hashed in one write
	for _, c := range lx.Concepts {
		buf = append(append(buf[:0], c.Name...), c.Category...)
		for _, t := range c.Terms {
			buf = append(buf, t.Text...)
		}
		h.Write(buf)
	}
	lx.Version = fmt.Sprintf("%d-%08x", len(lx.Concepts), h.Sum32())
}

var columns = map[string]bool{"concept": true, "class": true, "system": true, "terms": true, "level": true}

// add parses one TSV file into lx, validating it. Within a file, a concept or term
// defined twice is an error; with override, entries may extend or take over the
// vocabulary already loaded.
func (lx *Lexicon) add(file, text string, override bool) Errors {
	var errs Errors
	fail := func(line int, format string, a ...any) {
		errs = append(errs, &Error{Pos{file, line}, fmt.Sprintf(format, a...)})
	}
	var kind Kind
	var col map[string]int
	seenConcept := map[string]int{}
	seenTerm := make(map[string]termOwner, len(text)/24)
	var toks []Token // scratch for termKey
	text = strings.TrimPrefix(text, "\ufeff")
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, raw := range lines {
		n := i + 1
		if line := strings.TrimSpace(raw); line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Split(raw, "\t")
		if col == nil {
			col = map[string]int{}
			for j, f := range fields {
				f = strings.TrimSpace(f)
				if !columns[f] {
					fail(n, "unknown column %q in header (want concept, class or system, terms, and optionally level)", f)
					continue
				}
				if _, dup := col[f]; dup {
					fail(n, "column %q twice in header", f)
				}
				col[f] = j
			}
			_, hasClass := col["class"]
			_, hasSystem := col["system"]
			_, hasConcept := col["concept"]
			_, hasLevel := col["level"]
			switch {
			case !hasConcept:
				fail(n, "header has no concept column")
			case hasClass && hasSystem:
				fail(n, "header has both class and system: drugs have a class, symptoms a system")
			case hasClass:
				kind = Drug
			case hasSystem:
				kind = Symptom
			default:
				fail(n, "header needs a class column (drugs) or a system column (symptoms)")
			}
			if kind == Symptom && hasLevel {
				fail(n, "column level is for drugs only")
			}
			if len(errs) > 0 {
				return errs
			}
			continue
		}
		if len(fields) > len(col) {
			fail(n, "%d fields, header has %d columns (a stray tab?)", len(fields), len(col))
			continue
		}
		get := func(name string) string {
			j, ok := col[name]
			if !ok || j >= len(fields) {
				return ""
			}
			return strings.TrimSpace(fields[j])
		}
		kindTerms := lx.terms[kind] // looked up once a line, not once a term
		name := get("concept")
		if name == "" {
			fail(n, "empty concept name")
			continue
		}
		if name != strings.ToLower(name) {
			fail(n, "concept %q must be lowercase", name)
			continue
		}
		if prev, dup := seenConcept[name]; dup {
			fail(n, "concept %q already defined at line %d", name, prev)
			continue
		}
		seenConcept[name] = n
		cat := get("class")
		if kind == Symptom {
			cat = get("system")
			if !slices.Contains(Systems, cat) {
				fail(n, "system %q of %q is not one of: %s", cat, name, strings.Join(Systems, ", "))
				continue
			}
		} else if cat == "" {
			fail(n, "drug %q has no class", name)
			continue
		}
		isClass := false
		switch lv := get("level"); lv {
		case "", "drug":
		case "class":
			isClass = true
		default:
			fail(n, "level %q of %q must be drug or class", lv, name)
			continue
		}
		c := &Concept{Kind: kind, Name: name, Category: cat, IsClass: isClass, Pos: Pos{file, n}}
		terms := []string{name}
		if t := get("terms"); t != "" {
			terms = append(terms, strings.Split(t, "|")...)
		}
		for k, t := range terms {
			t = strings.TrimSpace(t)
			term := Term{Text: t, Pos: Pos{file, n}}
			if rest, ok := strings.CutPrefix(t, "?"); ok {
				t, term.Text, term.NeedsContext = rest, rest, true
			}
			if strings.HasPrefix(t, "=") {
				term.Text, term.CaseSensitive = strings.TrimSpace(t[1:]), true
			} else if t != strings.ToLower(t) {
				fail(n, "term %q of %q must be lowercase, or start with = to match only as written", t, name)
				continue
			}
			if term.Text == "" {
				if k > 0 {
					fail(n, "empty term in the terms of %q (two | in a row?)", name)
				}
				continue
			}
			if msg := checkPattern(term.Text); msg != "" {
				fail(n, "term %q of %q: %s", t, name, msg)
				continue
			}
			var key string
			key, toks = termKey(term, toks)
			if o, dup := seenTerm[key]; dup {
				if o.concept == name {
					// The same term twice is a slip; a spelling that normalizes to another
					// term of the concept ("fluoxetin") is harmless and skipped.
					if k > 0 && slices.ContainsFunc(c.Terms, func(o Term) bool { return o.Text == term.Text }) {
						fail(n, "term %q listed twice for %q", t, name)
					}
				} else {
					fail(n, "term %q of %q is already a term of %q at line %d", t, name, o.concept, o.line)
				}
				continue
			}
			seenTerm[key] = termOwner{name, n}
			if o, ok := kindTerms[key]; ok && o.Name != name {
				if !override {
					fail(n, "term %q of %q is already a term of %q at %s", t, name, o.Name, o.Pos)
					continue
				}
				o.removeTerm(key)
			}
			c.Terms = append(c.Terms, term)
			c.keys = append(c.keys, key)
		}
		if len(c.Terms) == 0 {
			fail(n, "concept %q has no term that can match (its name is not a word)", name)
			continue
		}
		if old := lx.byName[kind][name]; old != nil {
			if !override {
				fail(n, "concept %q already defined at %s", name, old.Pos)
				continue
			}
			old.Category, old.IsClass = c.Category, c.IsClass
			for i, t := range c.Terms {
				if kindTerms[c.keys[i]] != old {
					old.Terms = append(old.Terms, t)
					old.keys = append(old.keys, c.keys[i])
					kindTerms[c.keys[i]] = old
				}
			}
			continue
		}
		for _, k := range c.keys {
			kindTerms[k] = c
		}
		lx.byName[kind][name] = c
		lx.Concepts = append(lx.Concepts, c)
	}
	if col == nil {
		fail(1, "no header line (want concept<TAB>class<TAB>terms or concept<TAB>system<TAB>terms)")
	}
	return errs
}

type termOwner struct {
	concept string
	line    int
}

// termKey is the identity of a term for duplicate checks: its normalized tokens, and its
// exact text when it is case-sensitive. toks is scratch for tokenizing, returned for reuse.
func termKey(t Term, toks []Token) (string, []Token) {
	if t.CaseSensitive {
		return "=" + t.Text, toks
	}
	toks = TokenizeInto(toks, t.Text)
	switch len(toks) {
	case 0:
		return "", toks
	case 1:
		key, _ := toks[0].keys()
		return key, toks
	}
	b := make([]byte, 0, len(t.Text)+len(toks)) // a key is its word's length, or one more
	for i := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		key, _ := toks[i].keys()
		b = append(b, key...)
	}
	return string(b), toks
}

func (c *Concept) removeTerm(key string) {
	terms, keys := c.Terms[:0], c.keys[:0]
	for i, t := range c.Terms {
		if c.keys[i] != key {
			terms, keys = append(terms, t), append(keys, c.keys[i])
		}
	}
	c.Terms, c.keys = terms, keys
}

// checkPattern validates a term's gap markers.
func checkPattern(t string) string {
	if !strings.Contains(t, "..") {
		if strings.TrimSpace(t) == "" {
			return "no words"
		}
		return ""
	}
	f := strings.Fields(t)
	if len(f) == 0 {
		return "no words"
	}
	if f[0] == "..." || f[len(f)-1] == "..." {
		return "a gap (...) must stand between two words"
	}
	for i := 1; i < len(f); i++ {
		if f[i] == "..." && f[i-1] == "..." {
			return "two gaps in a row"
		}
	}
	if strings.Contains(strings.ReplaceAll(t, "...", ""), "..") {
		return "stray dots"
	}
	return ""
}

// Stats counts concepts and terms by kind and category.
type Stats struct {
	Kind     Kind
	Category string
	Concepts int
	Terms    int
}

// Stats lists the counts by kind and category, largest first.
func (lx *Lexicon) Stats() []Stats {
	m := map[[2]string]*Stats{}
	for _, c := range lx.Concepts {
		k := [2]string{string(c.Kind), c.Category}
		s := m[k]
		if s == nil {
			s = &Stats{Kind: c.Kind, Category: c.Category}
			m[k] = s
		}
		s.Concepts++
		s.Terms += len(c.Terms)
	}
	out := make([]Stats, 0, len(m))
	for _, s := range m {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		if out[i].Concepts != out[j].Concepts {
			return out[i].Concepts > out[j].Concepts
		}
		return out[i].Category < out[j].Category
	})
	return out
}
