package analyze

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/rxvoice/rxvoice/corpus"
)

// The role of a symptom (adverse effect, withdrawal symptom or the reason the drug is
// taken) is first decided by the rules in role; a multinomial logistic regression then
// reads the rules' answer with the words around the mention, the writer's course and
// whether the drug's class is taken for the symptom, and overrides the rules where it is
// sure. Its weights are trained by `go run ./analyze/train` on the PsyTAR whole posts
// (CC BY 4.0, see rolemodel.tsv) and embedded.

// roleClasses are the roles the model decides between; RoleOther stays with the rules.
var roleClasses = [3]string{RoleAdverse, RoleWithdrawal, RoleIndication}

// RoleModel is a multinomial logistic regression over named features.
type RoleModel struct {
	Threshold float64 // the model's answer is kept when its probability reaches this
	// KeepWithdrawal is the probability the model needs to undo the rules' withdrawal
	// (the writer's course often runs on past the stop; the rules' cues are good).
	KeepWithdrawal float64
	weights        map[string][3]float64
	bias           [3]float64
	// domain holds the drug classes ("ssri", "" for no drug) the model saw
	// enough examples of; elsewhere it is unsure and the rules decide.
	domain map[string]bool
	// index finds a feature's weights (featW[i-1] for its value i) by the feature's bytes:
	// a symptom the model decides has a hundred features. Built with the weights.
	index *wordTable
	featW [][3]float64
}

// buildIndex makes index and featW from weights.
func (m *RoleModel) buildIndex() {
	ids := make(map[string]uint32, len(m.weights))
	m.featW = make([][3]float64, 0, len(m.weights))
	for f, w := range m.weights {
		m.featW = append(m.featW, w)
		ids[f] = uint32(len(m.featW))
	}
	m.index = newWordTable(ids)
}

//go:embed rolemodel.tsv
var roleModelTSV string

var (
	roleModelOnce sync.Once
	roleModel     *RoleModel
	roleModelErr  error
)

// DefaultRoleModel returns the embedded model (nil when none is embedded).
func DefaultRoleModel() (*RoleModel, error) {
	roleModelOnce.Do(func() {
		if strings.TrimSpace(roleModelTSV) == "" {
			return
		}
		roleModel, roleModelErr = ParseRoleModel(strings.NewReader(roleModelTSV), "analyze/rolemodel.tsv")
	})
	return roleModel, roleModelErr
}

// ParseRoleModel reads a model written by WriteTo: comment lines (#), a "threshold" line,
// a "bias" line, then one line per feature: name and three weights, tab-separated.
func ParseRoleModel(r io.Reader, name string) (*RoleModel, error) {
	m := &RoleModel{weights: map[string][3]float64{}, Threshold: 0.5, domain: map[string]bool{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		if p := map[string]*float64{"threshold": &m.Threshold, "keep-withdrawal": &m.KeepWithdrawal}[f[0]]; p != nil && len(f) == 2 {
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil || v < 0 || v > 1 {
				return nil, fmt.Errorf("%s:%d: %s must be a number from 0 to 1", name, line, f[0])
			}
			*p = v
			continue
		}
		if f[0] == "domain" && len(f) == 2 {
			m.domain[strings.TrimPrefix(f[1], "class=")] = true
			continue
		}
		if len(f) != 4 {
			return nil, fmt.Errorf("%s:%d: want a feature and 3 weights, got %d fields", name, line, len(f))
		}
		var w [3]float64
		for k := range w {
			v, err := strconv.ParseFloat(f[k+1], 64)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: weight %q is not a number", name, line, f[k+1])
			}
			w[k] = v
		}
		if f[0] == "bias" {
			m.bias = w
		} else {
			m.weights[f[0]] = w
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	m.buildIndex()
	return m, nil
}

// WriteTo writes the model in the form ParseRoleModel reads, features sorted, after the
// header lines given.
func (m *RoleModel) WriteTo(w io.Writer, header ...string) error {
	bw := bufio.NewWriter(w)
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
	fmt.Fprintf(bw, "threshold\t%g\n", m.Threshold)
	fmt.Fprintf(bw, "keep-withdrawal\t%g\n", m.KeepWithdrawal)
	doms := make([]string, 0, len(m.domain))
	for d := range m.domain {
		doms = append(doms, d)
	}
	sort.Strings(doms)
	for _, d := range doms {
		fmt.Fprintf(bw, "domain\tclass=%s\n", d)
	}
	fmt.Fprintf(bw, "bias\t%.4f\t%.4f\t%.4f\n", m.bias[0], m.bias[1], m.bias[2])
	names := make([]string, 0, len(m.weights))
	for f := range m.weights {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		w := m.weights[f]
		fmt.Fprintf(bw, "%s\t%.4f\t%.4f\t%.4f\n", f, w[0], w[1], w[2])
	}
	return bw.Flush()
}

// roleFeats is a list of feature names written into one byte buffer, so that the
// features of each symptom the model decides are neither built as strings nor kept:
// the model looks each up by its bytes.
type roleFeats struct {
	b    []byte
	ends []int
}

func (f *roleFeats) reset() { f.b, f.ends = f.b[:0], f.ends[:0] }

// add appends one feature, the concatenation of parts.
func (f *roleFeats) add(parts ...string) {
	for _, p := range parts {
		f.b = append(f.b, p...)
	}
	f.ends = append(f.ends, len(f.b))
}

func (f *roleFeats) len() int { return len(f.ends) }

// at is feature i.
func (f *roleFeats) at(i int) []byte {
	from := 0
	if i > 0 {
		from = f.ends[i-1]
	}
	return f.b[from:f.ends[i]]
}

// strings returns the features as strings (RoleExamples keeps them).
func (f *roleFeats) strings() []string {
	out := make([]string, f.len())
	for i := range out {
		out[i] = string(f.at(i))
	}
	return out
}

func featsOf(feats []string) *roleFeats {
	f := &roleFeats{}
	for _, s := range feats {
		f.add(s)
	}
	return f
}

// Probs returns the probability of each of adverse, withdrawal and indication.
func (m *RoleModel) Probs(feats []string) [3]float64 { return m.probs(featsOf(feats)) }

func (m *RoleModel) probs(f *roleFeats) [3]float64 {
	z := m.bias
	for i := range f.len() {
		var w [3]float64
		switch {
		case m.index != nil:
			j := m.index.getBytes(f.at(i))
			if j == 0 {
				continue
			}
			w = m.featW[j-1]
		default:
			var ok bool
			if w, ok = m.weights[string(f.at(i))]; !ok {
				continue
			}
		}
		for k := range z {
			z[k] += w[k]
		}
	}
	return softmax(z)
}

// InDomain tells whether the model was trained on enough examples of a drug class ("" for
// symptoms linked to no drug) to decide their roles: the linked drug's class, or the
// class of the section's own drug when it names one.
func (m *RoleModel) InDomain(class, mainClass string) bool {
	return m.domain[class] || mainClass != "" && m.domain[mainClass]
}

// Decide returns the model's role and true when it is sure enough to override the rules:
// its probability reaches the threshold and the drug's class is one it was trained on.
func (m *RoleModel) Decide(feats []string) (string, bool) { return m.decide(featsOf(feats)) }

func (m *RoleModel) decide(feats *roleFeats) (string, bool) {
	inDomain, keepWithdrawal := false, false
	for i := range feats.len() {
		f := feats.at(i)
		if c, ok := bytes.CutPrefix(f, []byte("class=")); ok {
			inDomain = inDomain || m.domain[string(c)]
		}
		// A drug named in passing in a section about a drug of the domain ("Klonopin"
		// in a review of Lexapro).
		if c, ok := bytes.CutPrefix(f, []byte("main-class=")); ok && len(c) > 0 {
			inDomain = inDomain || m.domain[string(c)]
		}
		keepWithdrawal = keepWithdrawal || string(f) == "rule="+RoleWithdrawal
	}
	if !inDomain {
		return "", false
	}
	p := m.probs(feats)
	best := 0
	for k := 1; k < 3; k++ {
		if p[k] > p[best] {
			best = k
		}
	}
	th := m.Threshold
	if roleClasses[best] != RoleWithdrawal && keepWithdrawal {
		th = max(th, m.KeepWithdrawal)
	}
	return roleClasses[best], p[best] >= th
}

func softmax(z [3]float64) [3]float64 {
	mx := math.Max(z[0], math.Max(z[1], z[2]))
	var p [3]float64
	sum := 0.0
	for k := range z {
		p[k] = math.Exp(z[k] - mx)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
	return p
}

// modelBases are the rules' answers the model may override within its domain: all but
// a symptom given as the reason for stopping ("the weight gain is why I quit"), which the
// rules read well and the model, with few such examples, does not.
var modelBases = set("default", "course", "class-indication", "weak-indication", "history-indicated",
	"gone", "adverse-cue", "indication-cue", "stop-cue", "withdrawal-concept")

// ModelDecides tells whether the role model may override the rules' answer reached on
// basis.
func ModelDecides(basis string) bool { return modelBases[basis] }

// RoleIndex is the class index of a role the model decides, or -1.
func RoleIndex(role string) int {
	for k, r := range roleClasses {
		if r == role {
			return k
		}
	}
	return -1
}

// TrainOptions are the settings of TrainRoleModel.
type TrainOptions struct {
	Epochs         int     // passes of full-batch gradient descent
	L2             float64 // weight decay
	L2Words        float64 // weight decay of the words around a mention (L:, R:, S:, P:, ...); 0: L2
	Rate           float64 // AdaGrad learning rate
	MinCount       int     // features seen in fewer examples are left out
	Threshold      float64
	KeepWithdrawal float64 // see RoleModel
	MinDomain      int     // a drug class needs this many examples to be in the model's domain
}

// TrainRoleModel fits the model to examples (feature lists) and their class indexes,
// weighting each class by the inverse of its frequency so that the rare roles
// (withdrawal, indication) count as much as adverse effects. It is deterministic.
func TrainRoleModel(xs [][]string, ys []int, opt TrainOptions) *RoleModel {
	count := map[string]int{}
	for _, x := range xs {
		for _, f := range dedupe(x) {
			count[f]++
		}
	}
	names := make([]string, 0, len(count))
	for f, n := range count {
		if n >= opt.MinCount {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	index := make(map[string]int, len(names))
	for i, f := range names {
		index[f] = i
	}
	enc := make([][]int, len(xs))
	for i, x := range xs {
		for _, f := range dedupe(x) {
			if j, ok := index[f]; ok {
				enc[i] = append(enc[i], j)
			}
		}
	}
	var perClass [3]float64
	for _, y := range ys {
		perClass[y]++
	}
	var cw [3]float64
	for k := range cw {
		if perClass[k] > 0 {
			cw[k] = float64(len(ys)) / (3 * perClass[k])
		}
	}
	// The words around a mention are many and each is rare: they may get their own decay.
	l2 := make([]float64, len(names))
	for j, f := range names {
		l2[j] = opt.L2
		if opt.L2Words > 0 && len(f) > 2 && (f[1] == ':' || f[2] == ':') && !strings.HasPrefix(f, "C:") {
			l2[j] = opt.L2Words
		}
	}
	w := make([][3]float64, len(names))
	g2 := make([][3]float64, len(names))
	var b, gb2 [3]float64
	n := float64(len(ys))
	for ep := 0; ep < opt.Epochs; ep++ {
		grad := make([][3]float64, len(names))
		var gb [3]float64
		for i, x := range enc {
			z := b
			for _, j := range x {
				for k := range z {
					z[k] += w[j][k]
				}
			}
			p := softmax(z)
			for k := range p {
				d := p[k] * cw[ys[i]]
				if k == ys[i] {
					d -= cw[ys[i]]
				}
				gb[k] += d / n
				for _, j := range x {
					grad[j][k] += d / n
				}
			}
		}
		for j := range w {
			for k := 0; k < 3; k++ {
				g := grad[j][k] + l2[j]*w[j][k]
				g2[j][k] += g * g
				if g2[j][k] > 0 {
					w[j][k] -= opt.Rate * g / math.Sqrt(g2[j][k])
				}
			}
		}
		for k := range b {
			gb2[k] += gb[k] * gb[k]
			if gb2[k] > 0 {
				b[k] -= opt.Rate * gb[k] / math.Sqrt(gb2[k])
			}
		}
	}
	m := &RoleModel{weights: make(map[string][3]float64, len(names)), bias: b, Threshold: opt.Threshold,
		KeepWithdrawal: opt.KeepWithdrawal, domain: map[string]bool{}}
	for f, n := range count {
		if strings.HasPrefix(f, "class=") && n >= opt.MinDomain {
			m.domain[f[len("class="):]] = true
		}
	}
	for j, f := range names {
		if w[j] != [3]float64{} {
			m.weights[f] = w[j]
		}
	}
	m.buildIndex()
	return m
}

func dedupe(x []string) []string {
	seen := make(map[string]bool, len(x))
	out := x[:0:0]
	for _, f := range x {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// RoleExample is a symptom mention with what the role model reads of it.
type RoleExample struct {
	Start, End int    // offsets in the section's text
	Section    int    // index of the section in the page: 0 the article, 1.. the comments
	RuleRole   string // what the rules said
	Basis      string // which rule said it: "default", "course", "indication-cue", ...
	Features   []string
	// Text, Sentence, Drug and DrugVia are the mention's, for reading the errors.
	Text, Sentence, Drug, DrugVia string
}

// RoleExamples analyzes a page with the rules alone and returns each symptom mention's
// features, for training the role model.
func (a *Analyzer) RoleExamples(p *corpus.Page) []RoleExample {
	b := &Analyzer{m: a.m, collect: true}
	var out []RoleExample
	secOf := map[*corpus.Comment]int{}
	for i := range p.Comments {
		secOf[&p.Comments[i]] = i + 1
	}
	for _, m := range b.Page(p) {
		if m.Type != TypeSymptom || m.example == nil {
			continue
		}
		out = append(out, RoleExample{Start: m.Start, End: m.End, Section: secOf[m.Section.Comment],
			RuleRole: m.Role, Basis: m.example.basis, Features: m.example.feats,
			Text: m.Text, Sentence: m.Sentence, Drug: m.Drug, DrugVia: m.DrugVia})
	}
	return out
}

// roleFeatures are what the role model reads of a symptom mention: the rules' role and
// cues, the symptom's concept (within the model's drug classes, "depression" is mostly
// the reason), the writer's course, whether the drug's class is taken for it, and the words
// around it (by side) and in its sentence. They replace f's. adverse is role's
// adverseCue.
func (s *section) roleFeatures(f *roleFeats, m *Mention, tr [2]int, drugClass, rule, basis string, adverse bool) {
	f.reset()
	f.add("class=", drugClass)
	f.add("main-class=", s.mainClass)
	f.add("C:", m.Concept)
	f.add("rule=", rule)
	f.add("basis=", basis)
	f.add("via=", m.DrugVia)
	f.add("exp=", m.Experiencer)
	f.add("cert=", m.Certainty)
	f.add("cat=", m.Category)
	if m.Negated {
		f.add("negated")
		f.add("negated+rule=", rule)
	}
	if indicatedFor(drugClass, m.Concept) {
		f.add("class-indication")
	}
	if commonIndication(m.Concept) {
		f.add("common-indication")
	}
	if withdrawalConcepts[m.Concept] {
		f.add("withdrawal-concept")
	}
	if m.sent < len(s.cue) && s.cue[m.sent] >= 0 {
		f.add("stop-cue-in-sentence")
		f.add("stop-cue:", s.toks[s.cue[m.sent]].Norm)
	}
	switch {
	case m.sent > s.withdrawalFrom:
		// How far into the course, and what began it: "withdrawal", "off", "missed".
		f.add("after-coming-off")
		f.add("course-cue:", s.toks[s.cue[s.withdrawalFrom]].Norm)
		switch d := m.sent - s.withdrawalFrom; {
		case d == 1:
			f.add("course-next-sentence")
		case d <= 3:
			f.add("course-2-3-sentences")
		default:
			f.add("course-later")
		}
	case m.sent == s.withdrawalFrom:
		f.add("where-coming-off")
	}
	// The writer's course at this sentence, and a stop told only later in the section
	// (what comes before it is mostly the drug's effects).
	if st := s.courseStates(); m.sent < len(st) {
		f.add("state=", st[m.sent])
		for si := m.sent + 1; si < len(s.cue); si++ {
			if s.cue[si] >= 0 {
				f.add("stop-later")
				break
			}
		}
	}
	// What the rules made of the other symptoms of the sentence: a list shares its role.
	var seen []string // a sentence has a few
	for j := s.inSent[m.sent][0]; j < s.inSent[m.sent][1]; j++ {
		if o, b := &s.mentions[j], s.ruled[j].basis; o.Type == TypeSymptom && o != m && b != "" && !slices.Contains(seen, b) {
			seen = append(seen, b)
			f.add("sib=", b)
		}
	}
	// A cue of relief the rules heed only for what the drug's class is taken for ("no
	// longer obsess", "the pain subsided").
	if !indicatedFor(drugClass, m.Concept) && !(m.Drug == "" && commonIndication(m.Concept)) {
		cFrom, cTo := clause(s.cls, tr[0], tr[1], m.first, m.last)
		if s.mayIn(m.sent, reasonCats) && isIndication(s.toks, s.cls, tr[0], tr[1], cFrom, cTo, m.first, m.last, true, s.drugsMarked, nil) != noIndication {
			f.add("relief-unprone")
			f.add("relief-unprone+cat=", m.Category)
		}
	}
	if m.sent == len(s.sentTok)-1 && m.sent > 0 {
		f.add("last-sentence")
	}
	if m.sent == 0 {
		f.add("first-sentence")
	}
	if adverse {
		f.add("adverse-cue")
	}
	for k := max(tr[0], m.first-6); k < m.first; k++ {
		f.add("L:", s.toks[k].Norm)
	}
	if m.first-1 >= tr[0] {
		f.add("L1:", s.toks[m.first-1].Norm)
	}
	for k := m.last + 1; k < tr[1] && k <= m.last+6; k++ {
		f.add("R:", s.toks[k].Norm)
	}
	if m.last+1 < tr[1] {
		f.add("R1:", s.toks[m.last+1].Norm)
	}
	for k := tr[0]; k < tr[1] && k < tr[0]+60; k++ {
		f.add("S:", s.toks[k].Norm)
	}
	// The previous sentence: "I stopped taking it. Dizzy, tired."
	if m.sent > 0 && m.sent-1 < len(s.sentTok) {
		pr := s.sentTok[m.sent-1]
		for k := pr[0]; k < pr[1] && k < pr[0]+40; k++ {
			f.add("P:", s.toks[k].Norm)
		}
	}
}

// courseStates returns, per sentence, the writer's course as the section has told it so
// far: "none", "stopping-KIND" where they say they stop, taper, miss a dose or name
// withdrawal (KIND stop, taper, miss, noun), "after-KIND" in the sentences after it,
// "back-on" once they start or move to a drug again, and "after-earlier-paragraph" when
// a new paragraph follows a stop.
func (s *section) courseStates() []string {
	if s.courseRead || len(s.cue) == 0 {
		return s.course
	}
	s.courseRead = true
	s.course = slices.Grow(s.course[:0], len(s.sentTok))[:len(s.sentTok)]
	state := "none"
	for si, tr := range s.sentTok {
		if si > 0 && tr[0] < len(s.toks) && s.toks[tr[0]].Break > 0 && strings.HasPrefix(state, "after-") {
			state = "after-earlier-paragraph"
		}
		if state != "none" && state != "back-on" {
			back := s.sentenceRule(si, tr, sentStartsKnown, sentStarts, startsDrug)
			for j := s.inSent[si][0]; j < s.inSent[si][1] && !back; j++ {
				back = s.mentions[j].Type == TypeDrug && s.mentions[j].use == useSwitched
			}
			if back {
				state = "back-on"
			}
		}
		at := -1
		if si < len(s.cue) {
			at = s.cue[si]
		}
		if at < 0 || s.article || experiencer(s.toks, s.cls, tr[0], at, false) != Self {
			s.course[si] = state
			continue
		}
		kind := courseKind(s.toks[at].Norm)
		s.course[si] = "stopping-" + kind
		state = "after-" + kind
		// "the discontinuation of Effexor and immediately on to Cymbalta": the writer
		// moves to a drug, or to the one the section is about.
		for j := s.inSent[si][0]; j < s.inSent[si][1]; j++ {
			if d := &s.mentions[j]; d.Type == TypeDrug && d.first > at && (d.use == useSwitched || d.use == useOwn && d.Concept == s.mainDrug && d.Concept != s.withdrawalDrug) {
				state = "back-on"
			}
		}
	}
	return s.course
}

var (
	courseTaper = union(cue("statusTaperingOnly"), cue("cutWords"), cue("cutShort"))
	courseMiss  = union(cue("missWords"), cue("runWords"), cue("wearWords"), set("late", "without"))
)

// courseKind is what a withdrawal cue's word says the writer does: stop, taper, miss (a
// dose) or noun (the word withdrawal).
func courseKind(w string) string {
	switch {
	case courseTaper[w]:
		return "taper"
	case courseMiss[w]:
		return "miss"
	case strings.HasPrefix(w, "withdraw"):
		return "noun"
	}
	return "stop"
}

func union(ms ...map[string]bool) map[string]bool {
	u := map[string]bool{}
	for _, m := range ms {
		for w := range m {
			u[w] = true
		}
	}
	return u
}
