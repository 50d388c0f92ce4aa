package analyze

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// SchemaVersion is the version of the Summary's JSON form; it changes when a field is
// renamed or removed.
const SchemaVersion = 1

// Summary is what a report shows: an overview, and drugs, symptoms and drug x symptom
// pairs counted by commenter, each row traceable to the comments behind it.
type Summary struct {
	SchemaVersion  int          `json:"schema_version"`
	ToolVersion    string       `json:"tool_version"`
	LexiconVersion string       `json:"lexicon_version"`
	Inputs         []string     `json:"inputs"`
	Filters        Filters      `json:"filters"`
	Overview       Overview     `json:"overview"`
	Drugs          []DrugRow    `json:"drugs"`
	Symptoms       []SymptomRow `json:"symptoms"`
	Pairs          []PairRow    `json:"pairs"`
	// Comments is empty in a Summary made by a Summarizer: its rows, one per comment
	// (SummaryOptions.KeepPosts), are made one at a time by EachComment, and the JSON
	// form writes them here.
	Comments []CommentRow `json:"comments"`
	rows     *commentRows
}

// NumComments is the number of comment rows: those of Comments, or of EachComment.
func (s *Summary) NumComments() int {
	if s.rows != nil {
		return s.rows.n
	}
	return len(s.Comments)
}

// EachComment calls fn with each comment row in the order the comments were added (the
// rows of Comments, for a Summary made otherwise); an error of fn stops it.
func (s *Summary) EachComment(fn func(CommentRow) error) error {
	for _, r := range s.Comments {
		if err := fn(r); err != nil {
			return err
		}
	}
	if s.rows == nil {
		return nil
	}
	return s.rows.each(fn)
}

// Filters are the report's filters, as given.
type Filters struct {
	Drug     []string `json:"drug,omitempty"`
	Since    string   `json:"since,omitempty"`
	Until    string   `json:"until,omitempty"`
	MinCount int      `json:"min_count,omitempty"`
	Top      int      `json:"top,omitempty"`
}

// Overview counts what was read.
type Overview struct {
	Pages      int         `json:"pages"`
	Comments   int         `json:"comments"`   // posts counted: comments, and plain-text documents
	Commenters int         `json:"commenters"` // distinct authors (an unnamed comment counts as one)
	First      string      `json:"first"`      // the earliest posted date (YYYY-MM-DD), empty when none is known
	Last       string      `json:"last"`
	Undated    int         `json:"undated"` // comments without a known date
	PerYear    []YearCount `json:"per_year"`
	Mentions   int         `json:"mentions"` // mentions in the counted comments
}

// YearCount is the number of comments posted in a year.
type YearCount struct {
	Year     int `json:"year"`
	Comments int `json:"comments"`
}

// Count is a label and how often it was seen.
type Count struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

// Evidence points at a comment and the sentence a row's figure came from.
type Evidence struct {
	Source   string `json:"source"`
	Comment  *int   `json:"comment"` // null for an article or plain-text document
	Author   string `json:"author"`
	Posted   string `json:"posted"`
	Text     string `json:"text"` // the mention as written
	Sentence string `json:"sentence"`
}

// DurationStats sums up durations of use, in days.
type DurationStats struct {
	N      int     `json:"n"`
	Median float64 `json:"median_days"`
	Min    float64 `json:"min_days"`
	Max    float64 `json:"max_days"`
}

// DrugRow is one drug concept.
type DrugRow struct {
	Concept    string        `json:"concept"`
	Class      string        `json:"class"`
	IsClass    bool          `json:"is_class"`
	Mentions   int           `json:"mentions"`
	Comments   int           `json:"comments"`
	Commenters int           `json:"commenters"`
	Surfaces   []Count       `json:"surfaces"` // forms seen, misspellings included, most frequent first
	Status     []Count       `json:"status"`   // current, stopped, tapering, planned: commenters
	Duration   DurationStats `json:"duration"`
	Doses      []Count       `json:"doses"` // "1 mg", "0.5 mg"
	Evidence   []Evidence    `json:"evidence,omitempty"`
}

// SymptomRow is one symptom concept, counted by commenter.
type SymptomRow struct {
	Concept string `json:"concept"`
	System  string `json:"system"`
	// Self is the number of commenters who report it for themselves, not negated.
	Self        int     `json:"self"`
	Adverse     int     `json:"adverse"`
	Withdrawal  int     `json:"withdrawal"`
	Indication  int     `json:"indication"`
	Other       int     `json:"other"`        // comorbidity or history
	Negated     int     `json:"negated"`      // commenters who deny it
	OtherPerson int     `json:"other_person"` // commenters who report it of someone else
	Mentions    int     `json:"mentions"`
	Drugs       []Count `json:"drugs"` // the drugs it is most often attributed to: commenters
	// Severity counts the self-reporting commenters by the severity they word it with
	// (severe, moderate, mild; a commenter who words it both ways counts in both).
	Severity []Count    `json:"severity"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// PairRow is a drug and a symptom that commenters report about it.
type PairRow struct {
	Drug       string `json:"drug"`
	Symptom    string `json:"symptom"`
	Role       string `json:"role"` // the commonest role
	Commenters int    `json:"commenters"`
	// Share is Commenters over the commenters who mention the drug.
	Share          float64 `json:"share"`
	DrugCommenters int     `json:"drug_commenters"`
	// Disproportionality screens the pair as an adverse effect, over the commenters who
	// attribute at least one adverse symptom to a drug (the "adverse reporters"): A
	// attribute this symptom to this drug, B other adverse symptoms to this drug but not
	// this one, C this symptom to other drugs but nothing to this drug, D other symptoms to
	// other drugs only. Its fields are flattened into the pair's JSON.
	Disproportionality
	Evidence []Evidence `json:"evidence,omitempty"`
}

// CommentRow is one comment's tally, for tracing figures back to comments.
type CommentRow struct {
	Source   string   `json:"source"`
	Comment  *int     `json:"comment"`
	Author   string   `json:"author"`
	Posted   string   `json:"posted"`
	Drugs    []string `json:"drugs"`
	Symptoms []string `json:"symptoms"` // self-reported, not negated
}

// Post is one comment (or plain-text document) and its mentions, as a report reads it:
// from pages directly or from a saved mentions stream.
type Post struct {
	Source, Author string
	Comment        *int
	Posted         time.Time
	Mentions       []Mention
}

// SummaryOptions filters and limits a summary.
type SummaryOptions struct {
	Drugs       []string  // only comments that mention one of these drugs (generic names)
	Since       time.Time // only comments posted at or after (zero: no bound)
	Until       time.Time // only comments posted before (zero: no bound)
	MinCount    int       // rows with fewer commenters are dropped
	Top         int       // at most this many rows per table (0: all)
	Evidence    int       // evidence items kept per row (0: none)
	KeepPosts   bool      // keep a CommentRow per comment (memory grows with the corpus)
	MaxDuration int       // durations kept per drug for the median (0: 10000)
}

// Summarizer accumulates posts into a summary. Its memory grows with the number of
// distinct concepts and commenters, not with the text read (unless KeepPosts).
type Summarizer struct {
	opt        SummaryOptions
	pages      map[string]bool
	commenters map[uint64]uint32 // commenterID -> the commenter's number, from 0
	posts      int
	undated    int
	first      time.Time
	last       time.Time
	perYear    map[int]int
	mentions   int
	drugs      map[string]*drugAcc
	symptoms   map[string]*symptomAcc
	pairs      map[[2]string]*pairAcc
	comments   commentRows // when KeepPosts
	// Adverse reporters: commenters who attribute an adverse symptom to a drug, in all
	// and by drug and by symptom (the margins of each pair's 2x2 table).
	adverse        idSet
	adverseDrug    map[string]*idSet
	adverseSymptom map[string]*idSet
	drugFilter     map[string]bool
}

type drugAcc struct {
	row        DrugRow
	comments   int
	commenters idSet
	surfaces   map[string]int
	status     map[string]*idSet
	durations  []float64
	doses      map[string]int
}

type symptomAcc struct {
	row     SymptomRow
	self    idSet
	role    map[string]*idSet
	negated idSet
	other   idSet
	drugs   map[string]*idSet
	sev     map[string]*idSet
}

type pairAcc struct {
	commenters idSet
	adverse    idSet // commenters who attribute the symptom to the drug as adverse
	roles      map[string]int
	evidence   []Evidence
}

// NewSummarizer starts an empty summary.
func NewSummarizer(opt SummaryOptions) *Summarizer {
	if opt.MaxDuration == 0 {
		opt.MaxDuration = 10000
	}
	s := &Summarizer{opt: opt, pages: map[string]bool{}, commenters: map[uint64]uint32{},
		perYear: map[int]int{}, drugs: map[string]*drugAcc{}, symptoms: map[string]*symptomAcc{},
		pairs: map[[2]string]*pairAcc{}, adverseDrug: map[string]*idSet{}, adverseSymptom: map[string]*idSet{}}
	if len(opt.Drugs) > 0 {
		s.drugFilter = map[string]bool{}
		for _, d := range opt.Drugs {
			s.drugFilter[strings.ToLower(strings.TrimSpace(d))] = true
		}
	}
	return s
}

// commenterID identifies a commenter: the author's name, or the comment itself when it
// has none.
func commenterID(p *Post) uint64 {
	h := fnv.New64a()
	if a := strings.ToLower(strings.TrimSpace(p.Author)); a != "" {
		h.Write([]byte("author\x00" + a))
	} else {
		c := "doc"
		if p.Comment != nil {
			c = strconv.Itoa(*p.Comment)
		}
		h.Write([]byte("anon\x00" + p.Source + "\x00" + c))
	}
	return h.Sum64()
}

// Add counts one post. Posts outside the date range, or not naming a --drug, are skipped.
func (s *Summarizer) Add(p *Post) {
	s.pages[p.Source] = true
	if !s.opt.Since.IsZero() && (p.Posted.IsZero() || p.Posted.Before(s.opt.Since)) {
		return
	}
	if !s.opt.Until.IsZero() && (p.Posted.IsZero() || !p.Posted.Before(s.opt.Until)) {
		return
	}
	if s.drugFilter != nil {
		if !slices.ContainsFunc(p.Mentions, func(m Mention) bool { return m.Type == TypeDrug && s.drugFilter[m.Concept] }) {
			return
		}
	}
	key := commenterID(p)
	id, ok := s.commenters[key]
	if !ok {
		id = uint32(len(s.commenters))
		s.commenters[key] = id
	}
	mark := func(sets map[string]*idSet, k string) { s.mark(sets, k, id) }
	add := func(set *idSet) { set.add(id, uint32(len(s.commenters))) }
	s.posts++
	if p.Posted.IsZero() {
		s.undated++
	} else {
		if s.first.IsZero() || p.Posted.Before(s.first) {
			s.first = p.Posted
		}
		if p.Posted.After(s.last) {
			s.last = p.Posted
		}
		s.perYear[p.Posted.Year()]++
	}
	s.mentions += len(p.Mentions)
	seenDrug := map[string]bool{}
	var rowDrugs, rowSymptoms []string // the comment's row, when KeepPosts
	for i := range p.Mentions {
		m := &p.Mentions[i]
		switch m.Type {
		case TypeDrug:
			d := s.drug(m.Concept, m.Class, m.IsClass)
			d.row.Mentions++
			d.surfaces[m.Text]++
			if !seenDrug[m.Concept] {
				seenDrug[m.Concept] = true
				d.comments++
				if s.opt.KeepPosts {
					rowDrugs = append(rowDrugs, m.Concept)
				}
			}
			add(&d.commenters)
			if m.Status != "" && m.Experiencer != Other {
				mark(d.status, m.Status)
			}
			s.evidence(&d.row.Evidence, p, m)
		case TypeDuration:
			// Durations of use: days or longer, not "years ago" (a point in time).
			if m.Drug != "" && m.Duration != nil && !m.Duration.Ago && m.Duration.Days >= 1 {
				d := s.drugs[m.Drug]
				if d != nil && len(d.durations) < s.opt.MaxDuration {
					d.durations = append(d.durations, m.Duration.Days)
				}
			}
		case TypeDose:
			if m.Drug != "" && m.Dose != nil {
				if d := s.drugs[m.Drug]; d != nil {
					d.doses[doseLabel(m.Dose)]++
				}
			}
		case TypeSymptom, TypeEffect: // the report counts what drugs did with the symptoms, as before
			y := s.symptom(m.Concept, m.Category)
			y.row.Mentions++
			switch {
			case m.Negated:
				add(&y.negated)
			case m.Experiencer == Other:
				add(&y.other)
			case m.Certainty == Hypothetical:
			default:
				add(&y.self)
				mark(y.role, m.Role)
				if m.Severity != "" {
					mark(y.sev, m.Severity)
				}
				if m.Drug != "" {
					mark(y.drugs, m.Drug)
					pa := s.pairs[[2]string{m.Drug, m.Concept}]
					if pa == nil {
						pa = &pairAcc{roles: map[string]int{}}
						s.pairs[[2]string{m.Drug, m.Concept}] = pa
					}
					add(&pa.commenters)
					if m.Role == RoleAdverse {
						add(&pa.adverse)
						add(&s.adverse)
						mark(s.adverseDrug, m.Drug)
						mark(s.adverseSymptom, m.Concept)
					}
					pa.roles[m.Role]++
					s.evidence(&pa.evidence, p, m)
				}
				if s.opt.KeepPosts {
					rowSymptoms = append(rowSymptoms, m.Concept)
				}
				s.evidence(&y.row.Evidence, p, m)
			}
		}
	}
	if s.opt.KeepPosts {
		s.comments.add(CommentRow{Source: p.Source, Comment: p.Comment, Author: p.Author, Posted: iso(p.Posted)}, rowDrugs, rowSymptoms)
	}
}

// mark adds commenter id to the set under key k.
func (s *Summarizer) mark(sets map[string]*idSet, k string, id uint32) {
	set := sets[k]
	if set == nil {
		set = &idSet{}
		sets[k] = set
	}
	set.add(id, uint32(len(s.commenters)))
}

func (s *Summarizer) drug(name, class string, isClass bool) *drugAcc {
	d := s.drugs[name]
	if d == nil {
		d = &drugAcc{row: DrugRow{Concept: name, Class: class, IsClass: isClass},
			surfaces: map[string]int{}, status: map[string]*idSet{}, doses: map[string]int{}}
		s.drugs[name] = d
	}
	return d
}

func (s *Summarizer) symptom(name, system string) *symptomAcc {
	y := s.symptoms[name]
	if y == nil {
		y = &symptomAcc{row: SymptomRow{Concept: name, System: system},
			role: map[string]*idSet{}, drugs: map[string]*idSet{}, sev: map[string]*idSet{}}
		s.symptoms[name] = y
	}
	return y
}

func (s *Summarizer) evidence(list *[]Evidence, p *Post, m *Mention) {
	if len(*list) >= s.opt.Evidence {
		return
	}
	// copies, not the page's text they are cut from, which a report keeps no longer
	*list = append(*list, Evidence{Source: strings.Clone(p.Source), Comment: p.Comment, Author: strings.Clone(p.Author),
		Posted: isoTime(p.Posted), Text: strings.Clone(m.Text), Sentence: strings.Clone(m.Sentence)})
}

func doseLabel(d *Dose) string {
	v := strconv.FormatFloat(d.Value, 'f', -1, 64)
	if d.MaxValue != d.Value {
		v += "-" + strconv.FormatFloat(d.MaxValue, 'f', -1, 64)
	}
	if d.Unit != "" {
		v += " " + d.Unit
	}
	return v
}

func iso(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func isoTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02T15:04:05")
}

// Summary returns the summary of everything added so far. Rows are sorted by commenters
// (then mentions, then name), so output is deterministic.
func (s *Summarizer) Summary() *Summary {
	out := &Summary{SchemaVersion: SchemaVersion}
	out.Overview = Overview{Pages: len(s.pages), Comments: s.posts, Commenters: len(s.commenters),
		First: iso(s.first), Last: iso(s.last), Undated: s.undated, Mentions: s.mentions}
	for y, n := range s.perYear {
		out.Overview.PerYear = append(out.Overview.PerYear, YearCount{y, n})
	}
	sort.Slice(out.Overview.PerYear, func(i, j int) bool { return out.Overview.PerYear[i].Year < out.Overview.PerYear[j].Year })

	drugCommenters := map[string]int{}
	for name, d := range s.drugs {
		r := d.row
		r.Comments, r.Commenters = d.comments, d.commenters.len()
		drugCommenters[name] = r.Commenters
		r.Surfaces = topCounts(d.surfaces, 0)
		for _, st := range []string{StatusCurrent, StatusStopped, StatusTapering, StatusPlanned} {
			if n := d.status[st].len(); n > 0 {
				r.Status = append(r.Status, Count{st, n})
			}
		}
		r.Duration = durationStats(d.durations)
		r.Doses = topCounts(d.doses, 10)
		if r.Commenters >= s.opt.MinCount {
			out.Drugs = append(out.Drugs, r)
		}
	}
	slices.SortFunc(out.Drugs, func(a, b DrugRow) int {
		return cmp.Or(cmp.Compare(b.Commenters, a.Commenters), cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.Concept, b.Concept))
	})
	out.Drugs = top(out.Drugs, s.opt.Top)

	for _, y := range s.symptoms {
		r := y.row
		r.Self, r.Negated, r.OtherPerson = y.self.len(), y.negated.len(), y.other.len()
		r.Adverse, r.Withdrawal = y.role[RoleAdverse].len(), y.role[RoleWithdrawal].len()
		r.Indication, r.Other = y.role[RoleIndication].len(), y.role[RoleOther].len()
		counts := map[string]int{}
		for d, set := range y.drugs {
			counts[d] = set.len()
		}
		r.Drugs = topCounts(counts, 3)
		r.Severity = []Count{}
		for _, sv := range []string{SeveritySevere, SeverityModerate, SeverityMild} {
			if n := y.sev[sv].len(); n > 0 {
				r.Severity = append(r.Severity, Count{sv, n})
			}
		}
		if r.Self+r.Negated+r.OtherPerson >= max(s.opt.MinCount, 1) {
			out.Symptoms = append(out.Symptoms, r)
		}
	}
	slices.SortFunc(out.Symptoms, func(a, b SymptomRow) int {
		return cmp.Or(cmp.Compare(b.Self, a.Self), cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.Concept, b.Concept))
	})
	out.Symptoms = top(out.Symptoms, s.opt.Top)

	for k, pa := range s.pairs {
		r := PairRow{Drug: k[0], Symptom: k[1], Commenters: pa.commenters.len(),
			DrugCommenters: drugCommenters[k[0]], Evidence: pa.evidence}
		if r.DrugCommenters > 0 {
			r.Share = math.Round(float64(r.Commenters)/float64(r.DrugCommenters)*1000) / 1000
		}
		r.Role = topCounts(pa.roles, 1)[0].Label
		r.Disproportionality = s.disproportion(k[0], k[1], pa)
		if r.Commenters >= s.opt.MinCount {
			out.Pairs = append(out.Pairs, r)
		}
	}
	slices.SortFunc(out.Pairs, func(a, b PairRow) int {
		return cmp.Or(cmp.Compare(b.Commenters, a.Commenters), strings.Compare(a.Drug, b.Drug), strings.Compare(a.Symptom, b.Symptom))
	})
	out.Pairs = top(out.Pairs, s.opt.Top)
	out.rows = &s.comments
	return out
}

// disproportion fills in the 2x2 table of a pair over the adverse reporters and its
// statistics, rounded to 3 decimals.
func (s *Summarizer) disproportion(drug, symptom string, pa *pairAcc) Disproportionality {
	a := pa.adverse.len()
	ab := s.adverseDrug[drug].len()
	c := 0
	s.adverseSymptom[symptom].each(func(id uint32) {
		if !s.adverseDrug[drug].has(id) {
			c++
		}
	})
	return Disproportion(a, ab-a, c, s.adverse.len()-ab-c).rounded(3)
}

func top[T any](rows []T, n int) []T {
	if n > 0 && len(rows) > n {
		return rows[:n]
	}
	return rows
}

// topCounts sorts a tally, most frequent first, then by label; n limits it (0: all).
func topCounts(m map[string]int, n int) []Count {
	out := make([]Count, 0, len(m))
	for k, v := range m {
		out = append(out, Count{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Label < out[j].Label
	})
	return top(out, n) // never nil: an empty tally is [] in JSON
}

func durationStats(v []float64) DurationStats {
	if len(v) == 0 {
		return DurationStats{}
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	r := func(x float64) float64 { return math.Round(x*10) / 10 }
	return DurationStats{N: len(s), Median: r(med), Min: r(s[0]), Max: r(s[len(s)-1])}
}
