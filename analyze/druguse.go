package analyze

import (
	"sort"
	"strings"

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
	useSwitched                 // moved to, the writer's from then on: "switched to Luvox", "now on Celexa"
)

// in reports token k in list l, by its engine word id.
func (s *section) in(k int, l wordList) bool { return inList(s.cls[k], l) }

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
				if s.told == nil {
					s.told = map[string]bool{}
				}
				u.told = s.told // the section's, cleared when it goes back to the pool
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
	if s.example(sFrom, d) {
		return useHistory // "tried several other medications, such as: paxil and celexa"
	}
	switch {
	case s.treatment(sFrom, sTo, d, u) || s.givenInResponse(sFrom, sTo, d.first, d.last) && u.drugBefore(d) ||
		s.givenBefore(sFrom, d.first) && s.topicBefore(d.sent) ||
		len(u.told) > 0 && forThat(s.toks, sTo, d.last) ||
		s.needed(sFrom, d) || s.withBefore(sFrom, d) == "treat":
		return useTreatment // a remedy, whoever takes it
	case d.Experiencer == Other:
		return useOthers
	case d.Status == StatusPlanned || s.switchPlanned(sFrom, d) || s.heardOf(sFrom, d):
		return usePlanned
	}
	if s.switchedFrom(sFrom, sTo, d) {
		return useHistory // "went from Effexor to Cymbalta"
	}
	for k := d.first - 1; k >= sFrom && k >= d.first-3; k-- {
		if s.in(k, drugCompareWords) || s.toks[k].Norm == "like" && comparingLike(s.toks, sFrom, k) ||
			k == d.first-1 && s.toks[k].Norm == "as" && k-2 >= sFrom && s.toks[k-2].Norm == "as" || // "not nearly as bad as paxil"
			s.toks[k].Norm == "then" && k > sFrom && s.in(k-1, drugComparatives) { // "much better then Zoloft"
			return useCompared
		}
		if s.bound(k) {
			break
		}
	}
	if s.judgedBetter(sTo, d) {
		return useCompared // "Lyrica works so much better"
	}
	for k := d.first - 1; k >= sFrom && k >= d.first-8; k-- {
		if s.in(k, drugAdjunctWords) || s.toks[k].Norm == "top" && k > sFrom && s.toks[k-1].Norm == "on" {
			return useAdjunct
		}
	}
	if s.takenWith(sTo, d) || s.withBefore(sFrom, d) == "take" {
		return useAdjunct // "taking Ativan with it", "started taking it with a ginger capsule"
	}
	if use, ok := s.listedWith(i); ok {
		return use // "also on Topamax twice a day, and Seroquel at night"
	}
	if s.switchedTo(sFrom, d) || s.anotherMed(i, sFrom) {
		return useSwitched
	}
	if s.failed(sTo, d) {
		return useHistory // "Paxil didn't work anymore", "Prozac stopped working"
	}
	if d.Status == StatusCurrent || d.Status == StatusTapering {
		return useOwn
	}
	for k := max(sFrom, d.first-8); k < sTo && k <= d.last+8; k++ {
		if s.in(k, drugHistoryWords) {
			return useHistory
		}
	}
	if s.inDrugList(i) {
		return useHistory
	}
	return useOwn
}

// example reports a drug named as an example of others the writer took: "tried several
// other medications, such as: paxil and celexa", "(such as Lexapro and Prozac)". A list
// of drug names may stand between.
func (s *section) example(sFrom int, d *Mention) bool {
	for k := d.first - 1; k > sFrom && k >= d.first-10; k-- {
		switch w := s.toks[k].Norm; {
		case w == "as" && s.toks[k-1].Norm == "such":
			return true
		case w == ":" || w == "(" || w == "," || w == "and" || w == "or" || w == "&" || w == "/":
		default:
			if !s.inDrugName(d.sent, k) {
				return false
			}
		}
	}
	return false
}

// inDrugName reports a token of sentence si inside a drug mention ("Effexor XR").
func (s *section) inDrugName(si, k int) bool {
	for j := s.inSent[si][0]; j < s.inSent[si][1]; j++ {
		if m := &s.mentions[j]; m.Type == TypeDrug && m.first <= k && k <= m.last {
			return true
		}
	}
	return false
}

// failed reports a drug said to have stopped working: "Paxil didn't work anymore",
// "Lexapro stopped working", "it wore off", "no longer seemed to work". The writer has
// moved on from it.
func (s *section) failed(sTo int, d *Mention) bool {
	for k := d.last + 1; k < sTo && k <= d.last+12; k++ {
		w := s.toks[k].Norm
		next := ""
		if k+1 < sTo {
			next = s.toks[k+1].Norm
		}
		switch {
		case w == "anymore" && k > 0 && s.in(k-1, drugWorkWords):
			return true // "didn't work anymore"
		case s.in(k, drugStopWords) && k+1 < sTo && s.in(k+1, drugWorkWords) && strings.HasSuffix(next, "ing"):
			return true // "stopped working"
		case s.in(k, drugWearWords) && next == "off":
			return true // "wore off"
		case w == "no" && next == "longer" && k+2 < sTo && (s.in(k+2, drugWorkWords) || s.toks[k+2].Norm == "seemed"):
			return true // "no longer seemed to work"
		case w == "no" && next == "avail":
			return true // "tried Lexipro - to no avail"
		case s.bound(k) && w != "," && w != "because":
			return false // "citalopram because the highest dose stopped working" goes on
		}
	}
	return false
}

// switchedTo reports the drug the writer moved to: "switched to Luvox", "I am now on
// Celexa", "going back to Wellbutrin". It is their drug from then on, not what the text
// before was about.
func (s *section) switchedTo(sFrom int, d *Mention) bool {
	for k := d.first - 1; k >= sFrom && k >= d.first-4; k-- {
		w := s.toks[k].Norm
		next := s.toks[k+1].Norm
		if w == "from" {
			return false // "switched to Cymbalta from Pristiq": Pristiq was left
		}
		if s.in(k, drugNowWords) || (w == "back" || w == "on") && (next == "on" || next == "to") ||
			s.in(k, drugSwitchWords) && (next == "to" || next == "me" || next == "over" ||
				next == "off" && k+2 < d.first && s.toks[k+2].Norm == "to") { // "switched off to Wellbutrin"
			return true
		}
		if s.bound(k) {
			break
		}
	}
	return false
}

// anotherMed reports the drug named right after the writer speaks of "another med" or
// "a different medication", at the end of the sentence before or just before it in its
// own: "made me opt for another med. Effexor XR has worked wonders". It is the drug they
// moved to.
func (s *section) anotherMed(i, sFrom int) bool {
	d := &s.mentions[i]
	if j := s.inSent[d.sent][0]; j < i {
		for ; j < i; j++ {
			if s.mentions[j].Type == TypeDrug {
				return false // not the first drug of its sentence
			}
		}
	}
	another := func(from, to int) bool {
		for k := max(from, to-4); k+1 < to; k++ {
			if s.in(k, anotherWords) && medWords[s.toks[k+1].Norm] {
				return true
			}
		}
		return false
	}
	if d.first-sFrom <= 3 && d.sent > 0 && d.sent-1 < len(s.sentTok) {
		if p := s.sentTok[d.sent-1]; another(p[0], p[1]) {
			return true
		}
	}
	return another(sFrom, d.first)
}

// judgedBetter reports a drug judged better or worse with nothing after to compare it
// with: "Lyrica works so much better", "Wellbutrin worked MUCH better!". In a post about
// another drug, it is the one compared with; "Zoloft works better than Paxil" compares
// Paxil.
func (s *section) judgedBetter(sTo int, d *Mention) bool {
	for k := d.last + 1; k < sTo && k <= d.last+4; k++ {
		switch {
		case s.in(k, drugComparatives):
			if k+1 < sTo {
				switch s.toks[k+1].Norm {
				case "than", "then", "that":
					return false // "Zoloft works better than Paxil"
				}
			}
			return true
		case !s.in(k, drugJudgeWords):
			return false // "Cymbalta made me worse" blames the drug
		}
	}
	return false
}

// takenWith reports a drug taken with the one the text is about: "taking Ativan with
// it", "sleeping pills with this".
func (s *section) takenWith(sTo int, d *Mention) bool {
	for k := d.last + 1; k+1 < sTo && k <= d.last+3; k++ {
		if s.toks[k].Norm == "with" && s.in(k+1, drugWithWhat) {
			return true
		}
		if s.bound(k) {
			return false
		}
	}
	return false
}

// withBefore reads "with" before a drug: "take" for a drug taken with the text's own
// ("started taking it with a ginger capsule"), "treat" for a remedy ("anxiety that I try
// to treat with Klonopin"), "" otherwise.
func (s *section) withBefore(sFrom int, d *Mention) string {
	k := d.first - 1
	for k > sFrom && (s.toks[k].Norm == "a" || s.toks[k].Norm == "an" || s.toks[k].Norm == "the" || s.toks[k].Norm == "some" || hasDigit(s.toks[k].Norm) || s.toks[k].Norm == "mg") {
		k-- // "with 3mg klon"
	}
	if k <= sFrom || s.toks[k].Norm != "with" {
		return ""
	}
	k--
	if k > sFrom && s.in(k, drugWithWhat) {
		k-- // "taking it with"
	}
	switch {
	case s.in(k, drugTakeWords):
		return "take"
	case s.in(k, drugTreatWith):
		return "treat"
	}
	// "I take 40mg a day with 3mg klon", "take lexapro with a klonopin combo": a verb of
	// taking a few words before, in the clause.
	for j := k - 1; j >= sFrom && j >= k-5; j-- {
		if s.bound(j) {
			break
		}
		if s.in(j, drugTakeWords) {
			return "take"
		}
	}
	return ""
}

// hasDigit reports a token with a digit: a number or a dose ("3mg").
func hasDigit(w string) bool {
	return strings.ContainsAny(w, "0123456789")
}

// needed reports a drug the writer had to take because of what happened: "had to take
// an Ibuprofen", "have to take Xanax in order to take Zoloft", "had to be put on valium".
func (s *section) needed(sFrom int, d *Mention) bool {
	for k := d.first - 1; k-2 >= sFrom && k >= d.first-4; k-- {
		w := s.toks[k].Norm
		if (w == "take" || w == "put") && (s.toks[k-1].Norm == "to" && s.in(k-2, drugNeedWords) ||
			k-3 >= sFrom && s.toks[k-1].Norm == "be" && s.toks[k-2].Norm == "to" && s.in(k-3, drugNeedWords)) {
			return true
		}
		if s.bound(k) {
			break
		}
	}
	return false
}

// listedWith reports the use of the drug listed just before in the sentence, joined by a
// comma, "and" or "or" with at most a dose or a bracket between: "also on Topamax twice a
// day, and Seroquel at night" lists two add-ons, "better than Paxil (made me gain weight)
// or Wellbutrin" two drugs compared.
func (s *section) listedWith(i int) (drugUse, bool) {
	d := &s.mentions[i]
	for j := i - 1; j >= 0 && s.mentions[j].sent == d.sent; j-- {
		o := &s.mentions[j]
		if o.Type != TypeDrug {
			continue
		}
		if o.IsClass || o.last >= d.first {
			return 0, false
		}
		from := o.last + 1
		if s.toks[from].Norm == "(" { // "Paxil (made me gain weight) or Wellbutrin"
			for k := from + 1; k < d.first && k <= from+15; k++ {
				if s.toks[k].Norm == ")" {
					from = k + 1
					break
				}
			}
		}
		if d.first-from > 6 {
			return 0, false
		}
		joined := false
		for k := from; k < d.first; k++ {
			switch w := s.toks[k].Norm; {
			case w == "," || w == "and" || w == "&" || w == "plus" || w == "or":
				joined = true
			case s.bound(k):
				return 0, false
			}
		}
		if joined && (o.use == useAdjunct || o.use == useTreatment || o.use == useCompared) {
			return o.use, true
		}
		return 0, false
	}
	return 0, false
}

// topicBefore reports a sentence before si that speaks of "this medication", or of "it"
// taken before any drug is named ("didn't sleep on it"): the drug the text is about,
// named or not, came before.
func (s *section) topicBefore(si int) bool {
	for k := 0; k < si && k < len(s.sentTok); k++ {
		tr := s.sentTok[k]
		if thisMedication(s.toks, tr[0], tr[1]) >= 0 {
			return true
		}
		for j := tr[0]; j+1 < tr[1]; j++ {
			// "didn't sleep on it", "after taking it": a drug not named yet
			if (s.in(j, drugTakeWords) || s.toks[j].Norm == "on") && s.toks[j+1].Norm == "it" && !s.drugNamedBefore(j) {
				return true
			}
		}
	}
	return false
}

// drugNamedBefore reports a drug named before token k.
func (s *section) drugNamedBefore(k int) bool {
	for i := range s.mentions {
		if m := &s.mentions[i]; m.Type == TypeDrug && m.first < k {
			return true
		}
	}
	return false
}

// heardOf reports a drug the writer only knows of: "I learned about Trazodone", "I have
// read about Pristiq", "heard of Remeron".
func (s *section) heardOf(sFrom int, d *Mention) bool {
	k := d.first - 1
	return k-1 >= sFrom && (s.toks[k].Norm == "about" || s.toks[k].Norm == "of") && s.in(k-1, drugHeardWords)
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
func (s *section) givenInResponse(sFrom, sTo, first, last int) bool {
	toks := s.toks
	if s.givenBefore(sFrom, first) {
		return true
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

// forThat reports "for that", "for this" right after a drug: "I take a low dose of
// Klonopin for that" answers a symptom told before.
func forThat(toks []lexicon.Token, sTo, last int) bool {
	k := last + 1
	return k+1 < sTo && toks[k].Norm == "for" && (toks[k+1].Norm == "that" || toks[k+1].Norm == "this")
}

// givenBefore reports a verb of giving before a drug: "put me on", "added", "gave me".
func (s *section) givenBefore(sFrom, first int) bool {
	for k := first - 1; k >= sFrom && k >= first-4; k-- {
		if s.in(k, drugSwitchWords) {
			return false // "switched to Lexapro": the writer's drug from then on
		}
		if s.in(k, drugGivenWords) {
			return true
		}
	}
	return false
}

// switchPlanned reports "talking about switching to Abilify", "thinking of switching to",
// "we are switching to".
func (s *section) switchPlanned(sFrom int, d *Mention) bool {
	for k := d.first - 1; k > sFrom && k >= d.first-3; k-- {
		if s.in(k, drugSwitchWords) {
			j := k - 1
			for j > sFrom && (s.toks[j].Norm == "now" || s.toks[j].Norm == "to") {
				j-- // "wants to now switch me to Zoloft"
			}
			p := s.toks[j].Norm
			progressive := s.toks[k].Norm == "switching" && (p == "am" || p == "im" || p == "are" || p == "is" || p == "were")
			return s.in(j, statusPlannedWords) || p == "of" || progressive // "we are switching to"
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
	for k := d.first - 2; k >= sFrom && k >= d.first-6; k-- {
		if s.in(k, drugSwitchWords) || k == d.first-2 && s.toks[k].Norm == "went" {
			return true // "switched from Coumadin because of the INR checks", "switched to Cymbalta from Effexor"
		}
		if s.bound(k) {
			break
		}
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
		if s.in(k, drugResponseWords) {
			return true
		}
		if s.bound(k) {
			break
		}
	}
	for k := d.last + 1; k < sTo && k <= d.last+4; k++ {
		w := s.toks[k].Norm
		if s.in(k, drugDidAfter) || w == "to" && k+1 < sTo && s.in(k+1, drugTreatAfter) {
			return true
		}
		if w == "for" && s.remedyFor(k+1, sTo, u) {
			return true
		}
		if s.bound(k) && !(w == "," && k+1 < sTo && s.toks[k+1].Norm == "which") {
			break // "Wellbutrin, which counteracts the sleepiness" goes on
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

// substanceClass is the lexicon category of alcohol, caffeine, tobacco, cannabis and
// street drugs: habits and comparisons more often than what a text reports on.
const substanceClass = "substance"

// principalDrug returns the drug the section is about, which takes the symptoms of the
// sentences that name none: the own drug it names most, counting only drugs the writer is
// not said to have stopped or taken in the past ("Was on Prozac back then but stopped it
// after 3 months. Just recently started Zoloft" is about Zoloft); when every own drug is
// one they stopped, the drug they moved to, else the stopped one.
func (s *section) principalDrug() drugRef {
	if d := mostNamedCounting(useOwn, func(m *Mention) bool { return m.Status != StatusStopped }, s); d.name != "" {
		return d
	}
	// Every own drug is one the writer stopped: the one they moved to, if any, is theirs
	// now ("Was taking Lexapro which was like taking nothing. Switched to Effexor.").
	own := mostNamed(useOwn, s)
	if own.name != "" {
		if d := mostNamed(useSwitched, s); d.name != "" {
			return d
		}
	}
	return own
}

// namedAgain reports a drug mention that goes on naming the drug of the mention right
// before it ("edible medical cannabis" read as "edible" and "medical cannabis"): one
// naming, counted once.
func (s *section) namedAgain(i int) bool {
	m := &s.mentions[i]
	for j := i - 1; j >= 0 && s.mentions[j].last >= m.first-1; j-- {
		if o := &s.mentions[j]; o.Type == TypeDrug && o.Concept == m.Concept && o.last == m.first-1 {
			return true
		}
	}
	return false
}

// aboutSubstance reports a substance that a symptom m is about rather than caused by:
// one inside it or right by it ("caffeine intolerant", "alcohol craving", "cravings for
// alcohol") or after "for", "to", "of", "with" ("reaction to alcohol").
func aboutSubstance(toks []lexicon.Token, m, d *Mention) bool {
	switch {
	case d.first >= m.first && d.last <= m.last, d.last+1 == m.first, d.first == m.last+1:
		return true
	case d.first == m.last+2:
		switch toks[m.last+1].Norm {
		case "for", "to", "of", "with":
			return true
		}
	}
	return false
}

// namedOnce reports a substance the section names only once: a habit or a comparison in
// passing ("I quit drinking alcohol"), not what the text reports on.
func (s *section) namedOnce(d *Mention) bool {
	return s.substances[d.Concept] < 2
}

// bound reports a token that ends a clause, from its class bits (wcBound).
func (s *section) bound(k int) bool { return s.cls[k]&wcBound != 0 }
