package analyze

import (
	"sort"

	"github.com/rxvoice/rxvoice/lexicon"
)

// drugUse is what a drug mention is to the writer: the drug they are on (or nothing says
// otherwise), or one named for another reason. Only a drug the writer is on takes the
// symptoms of sentences that name no drug; the others take a symptom only in its own
// clause or sentence.
type drugUse uint8

const (
	useOwn       drugUse = iota // the writer's drug, or nothing says otherwise
	useHistory                  // taken before: "in the past", "years ago", "tried", a list of drugs
	useAdjunct                  // taken besides the main drug: "I also take", "along with"
	useCompared                 // named to compare: "worse than heroin", "unlike Prozac"
	useTreatment                // given for what happened: "put me on", "so I took", "to help me sleep"
	usePlanned                  // to come: "I might try", "thinking of switching to"
	useOthers                   // someone else's: "my sister takes"
)

var (
	drugHistoryWords  = cue("drugHistoryWords")
	drugAdjunctWords  = cue("drugAdjunctWords")
	drugCompareWords  = cue("drugCompareWords")
	drugResponseWords = cue("drugResponseWords")
	drugTreatAfter    = cue("drugTreatAfter")
	drugDidAfter      = cue("drugDidAfter")
	drugGivenWords    = cue("drugGivenWords")
	drugSwitchWords   = cue("drugSwitchWords")
	// statusPlanned: the words that say a drug is planned ("going", "will", "want").
	statusPlannedWords = cue("statusPlanned")
)

// drugUses decides once, for every drug mention of the section, what the drug is to the
// writer. Experiencer and Status must be set. One pass in text order keeps what came
// before (symptoms told, drugs taken) so that no mention looks back over the section.
func (s *section) drugUses() {
	var u useState
	for i := range s.mentions {
		d := &s.mentions[i]
		switch d.Type {
		case TypeSymptom:
			if u.told == nil {
				u.told = map[string]bool{}
			}
			u.told[d.Concept] = true
		case TypeDrug:
			d.use = s.drugUse(i, &u)
			if !d.IsClass && (d.use == useOwn || d.use == useOthers) && len(u.taken) < 2 && (len(u.taken) == 0 || u.taken[0] != d.Concept) {
				u.taken = append(u.taken, d.Concept)
			}
		}
	}
}

// useState is what the section told before a drug mention.
type useState struct {
	told  map[string]bool // symptom concepts
	taken []string        // the first two drugs the writer (or someone) is on
}

// drugBefore reports another drug the writer is on named before d: what a drug given in
// response ("they put me on omeprazole") would answer. With none before, "I have AFib and
// was put on metoprolol" names the writer's own drug.
func (u *useState) drugBefore(d *Mention) bool {
	for _, c := range u.taken {
		if c != d.Concept {
			return true
		}
	}
	return false
}

// drugUse reads one drug mention's use from the words around it in its sentence.
func (s *section) drugUse(i int, u *useState) drugUse {
	d := &s.mentions[i]
	sFrom, sTo := 0, len(s.toks)
	if d.sent < len(s.sentTok) {
		sFrom, sTo = s.sentTok[d.sent][0], s.sentTok[d.sent][1]
	}
	switch {
	case s.treatment(sFrom, sTo, d, u) || givenInResponse(s.toks, sFrom, sTo, d.first, d.last) && u.drugBefore(d):
		return useTreatment // a remedy, whoever takes it
	case d.Experiencer == Other:
		return useOthers
	case d.Status == StatusPlanned || s.switchPlanned(sFrom, d):
		return usePlanned
	}
	if s.switchedFrom(sFrom, sTo, d) {
		return useHistory // "went from Effexor to Cymbalta"
	}
	for k := d.first - 1; k >= sFrom && k >= d.first-3; k-- {
		if drugCompareWords[s.toks[k].Norm] || s.toks[k].Norm == "like" && comparingLike(s.toks, sFrom, k) {
			return useCompared
		}
		if s.toks[k].IsClauseBoundary() {
			break
		}
	}
	for k := d.first - 1; k >= sFrom && k >= d.first-6; k-- {
		if drugAdjunctWords[s.toks[k].Norm] || s.toks[k].Norm == "top" && k > sFrom && s.toks[k-1].Norm == "on" {
			return useAdjunct
		}
	}
	if d.Status == StatusCurrent || d.Status == StatusTapering {
		return useOwn
	}
	for k := max(sFrom, d.first-8); k < sTo && k <= d.last+8; k++ {
		if drugHistoryWords[s.toks[k].Norm] {
			return useHistory
		}
	}
	if s.inDrugList(i) {
		return useHistory
	}
	return useOwn
}

// inDrugList reports a drug in a list of three or more drugs ("I've been on Prozac, Paxil,
// Celexa and Effexor", "(paxil cr, zoloft, prozac)"): the drugs a writer has been through.
func (s *section) inDrugList(j int) bool {
	d := &s.mentions[j]
	// Walk the chain of drug names joined only by commas, "and", "or", brackets.
	joined := func(from, to int) bool { // tokens between two drug names
		if to-from > 3 {
			return false
		}
		for k := from; k < to; k++ {
			switch s.toks[k].Norm {
			case ",", "and", "or", "(", ")", "/", "&", ";", "-", "then":
			default:
				return false
			}
		}
		return true
	}
	lo, hi := d, d
	n := 1
	for k := j - 1; k >= s.inSent[d.sent][0]; k-- {
		o := &s.mentions[k]
		if o.Type != TypeDrug || o.last >= lo.first {
			continue
		}
		if !joined(o.last+1, lo.first) {
			break
		}
		if o.Concept != lo.Concept {
			n++
		}
		lo = o
	}
	for k := j + 1; k < s.inSent[d.sent][1]; k++ {
		o := &s.mentions[k]
		if o.Type != TypeDrug || o.first <= hi.last {
			continue
		}
		if !joined(hi.last+1, o.first) {
			break
		}
		if o.Concept != hi.Concept {
			n++
		}
		hi = o
	}
	return n >= 3
}

// givenInResponse reports a drug introduced as a treatment given for what happened:
// "put me on", "added", "gave me", "hydroxyzine that my GP had prescribed for exactly this".
func givenInResponse(toks []lexicon.Token, sFrom, sTo, first, last int) bool {
	for k := first - 1; k >= sFrom && k >= first-4; k-- {
		if drugSwitchWords[toks[k].Norm] {
			return false // "switched to Lexapro": the writer's drug from now on
		}
		if drugGivenWords[toks[k].Norm] {
			return true
		}
	}
	for k := last + 1; k+1 < sTo && k <= last+10; k++ {
		if toks[k].Norm != "for" && toks[k].Norm != "with" {
			continue
		}
		j := k + 1
		if toks[j].Norm == "exactly" || toks[j].Norm == "just" || toks[j].Norm == "precisely" {
			j++
		}
		if j < sTo {
			switch toks[j].Norm {
			case "this", "that", "it", "these", "those", "them":
				return true
			}
		}
	}
	return false
}

// switchPlanned reports "talking about switching to Abilify", "thinking of switching to",
// "we are switching to".
func (s *section) switchPlanned(sFrom int, d *Mention) bool {
	for k := d.first - 1; k > sFrom && k >= d.first-3; k-- {
		if drugSwitchWords[s.toks[k].Norm] {
			p := s.toks[k-1].Norm
			progressive := s.toks[k].Norm == "switching" && (p == "am" || p == "im" || p == "are" || p == "is" || p == "were")
			return statusPlannedWords[p] || p == "of" || progressive // "we are switching to"
		}
	}
	return false
}

// switchedFrom reports the drug left in "went from Effexor to Cymbalta", "switched from
// Paxil".
func (s *section) switchedFrom(sFrom, sTo int, d *Mention) bool {
	if d.first == sFrom || s.toks[d.first-1].Norm != "from" {
		return false
	}
	if d.first-2 >= sFrom && (drugSwitchWords[s.toks[d.first-2].Norm] || s.toks[d.first-2].Norm == "went") {
		return true // "switched from Coumadin because of the INR checks"
	}
	for k := d.last + 1; k < sTo && k <= d.last+3; k++ {
		if s.toks[k].Norm == "to" {
			return true
		}
	}
	return false
}

// treatment reports a drug given against something: "Xanax to battle the insomnia",
// "Trazodone at night to help me sleep", "so I took Benadryl", "Xanax controlled that".
func (s *section) treatment(sFrom, sTo int, d *Mention, u *useState) bool {
	for k := d.first - 1; k >= sFrom && k >= d.first-4; k-- {
		if drugResponseWords[s.toks[k].Norm] {
			return true
		}
		if s.toks[k].IsClauseBoundary() {
			break
		}
	}
	for k := d.last + 1; k < sTo && k <= d.last+4; k++ {
		w := s.toks[k].Norm
		if drugDidAfter[w] || w == "to" && k+1 < sTo && drugTreatAfter[s.toks[k+1].Norm] {
			return true
		}
		if w == "for" && s.remedyFor(k+1, sTo, u) {
			return true
		}
		if s.toks[k].IsClauseBoundary() {
			break
		}
	}
	return false
}

// remedyFor reports "for the muscle pain", "for this nausea" after a drug (from token k):
// a symptom already in the story, by its determiner or because the section told of it
// before, that the drug is taken against. "Zoloft for anxiety" names the drug's reason;
// "CoQ10 for the muscle pain" names a remedy for a side effect.
func (s *section) remedyFor(k, sTo int, u *useState) bool {
	known := false
	if k < sTo {
		switch s.toks[k].Norm {
		case "the", "this", "that", "these", "those":
			known = true
			k++
		}
	}
	if k >= sTo {
		return false
	}
	j := sort.Search(len(s.mentions), func(j int) bool { return s.mentions[j].first >= k })
	if j == len(s.mentions) || s.mentions[j].first != k || s.mentions[j].Type != TypeSymptom {
		return false
	}
	return known || u.told[s.mentions[j].Concept] // told of before the drug
}

// comparingLike reports a "like" at k that compares ("felt like on LSD", "just like
// Lexapro did") rather than one that likes ("I like Zoloft", "I don't like it").
func comparingLike(toks []lexicon.Token, sFrom, k int) bool {
	if k == sFrom {
		return true
	}
	if medWords[toks[k-1].Norm] {
		return false // "medications like Xanax": an example, not a comparison
	}
	switch toks[k-1].Norm {
	case "i", "we", "you", "they", "dont", "didnt", "doesnt", "really", "would", "do", "did", "also", "to":
		return false
	}
	return true
}

// ownDrug reports a drug mention that may take the symptoms of sentences that name no drug.
func ownDrug(d *Mention) bool {
	return d.Type == TypeDrug && !d.IsClass && d.use == useOwn
}
