package analyze

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rxvoice/rxvoice/lexicon"
)

// Quantities (durations, doses, frequencies) are read by small parsers over the tokens,
// each anchored on its key word (a time or dose unit, "since", a frequency word), so a
// sentence without one costs a map lookup per token. (Regular expressions over the token
// stream were three times slower over the whole tagger.)

// Duration is a length of time a patient gives: "for ten years", "since 1996".
type Duration struct {
	Days    float64 // best estimate, in days
	MinDays float64 // a range's bounds ("6 or 7 years"); equal to Days otherwise
	MaxDays float64
	ISO     string // ISO 8601 duration of Days: P10Y, P6M, P2W, P3D
	Ago     bool   // "years ago": a point in the past, given as the time since
}

// Dose is an amount of a drug: "1 mg", ".5mg", "1/4 mg", "2 pills".
type Dose struct {
	Value    float64
	MaxValue float64 // a range's upper bound ("1-2 mg"); equal to Value otherwise
	Unit     string  // mg, mcg, g, ml, iu, unit, pill, drop, puff, patch, %; "" when not written
}

// Frequency is how often a drug is taken: "twice daily", "3 per day", "as needed".
type Frequency struct {
	PerDay float64 // doses per day; 0 for as needed
	Label  string  // normalized: "2/day", "1/day at night", "as needed", "1/week"
}

var numberWords = map[string]float64{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "half": 0.5, "couple": 2, "few": 3,
	"several": 3, "dozen": 12, "once": 1, "twice": 2, "thrice": 3,
}

// Cheap gates: a sentence is run through an expression only when it holds one of the
// words that expression needs, so most sentences cost one map lookup per token.
var (
	timeUnitWords = set("day", "days", "week", "weeks", "wk", "wks", "month", "months", "mo",
		"mos", "mth", "mths", "mnth", "mnths", "year", "years", "yr", "yrs", "decade", "decades",
		"hour", "hours", "hr", "hrs", "yera", "yeras", "yaer", "yaers", "yesr", "yesrs", "yeasr",
		"yeasrs", "monts", "mont", "moth", "moths", "weeek", "weeeks", "wek", "weks")
	doseUnitWords = set("mg", "mgs", "milligram", "milligrams", "mcg", "mcgs", "ug", "microgram",
		"micrograms", "g", "gram", "grams", "ml", "mls", "cc", "iu", "unit", "units", "meq", "%",
		"pill", "pills", "tablet", "tablets", "tab", "tabs", "capsule", "capsules", "caps", "drop",
		"drops", "puff", "puffs", "patch", "patches")
)

// unitDays is the length of a duration unit in days, after fixing common typos.
func unitDays(u string) (float64, string, bool) {
	u = strings.TrimSuffix(u, "s")
	switch {
	case u == "day" || u == "":
		return 1, "D", true
	case u == "week" || u == "wk" || u == "weeek" || u == "wek":
		return 7, "W", true
	case u == "month" || u == "mo" || u == "mth" || u == "mnth" || u == "mont" || u == "moth":
		return 30.4375, "M", true
	case u == "year" || u == "yr" || u == "yea" || u == "yesr" || u == "yera" || u == "yaer" || u == "yeasr" || u == "yer":
		return 365.25, "Y", true
	case u == "decade":
		return 3652.5, "Y", true
	case u == "hour" || u == "hr":
		return 1.0 / 24, "H", true
	}
	return 0, "", false
}

// ISODuration writes days as an ISO 8601 duration, in the largest unit that keeps it
// readable: P10Y, P6Y6M, P6M, P2W, P3D, PT5H.
func ISODuration(days float64) string {
	switch {
	case days <= 0:
		return "P0D"
	case days < 1:
		return fmt.Sprintf("PT%dH", int(math.Round(days*24)))
	case days >= 365:
		months := int(math.Round(days / 30.4375))
		y, m := months/12, months%12
		if m == 0 {
			return fmt.Sprintf("P%dY", y)
		}
		return fmt.Sprintf("P%dY%dM", y, m)
	case days >= 28:
		return fmt.Sprintf("P%dM", int(math.Round(days/30.4375)))
	case int(math.Round(days))%7 == 0:
		return fmt.Sprintf("P%dW", int(math.Round(days/7)))
	}
	return fmt.Sprintf("P%dD", int(math.Round(days)))
}

// quantity is one quantity found in a sentence, before it becomes a Mention.
type quantity struct {
	kind        string // duration, dose, frequency
	first, last int    // token indexes
	dur         *Duration
	dose        *Dose
	freq        *Frequency
}

// findQuantities finds the durations, doses and frequencies of one sentence (tokens
// from..to). posted is the comment's date, for "since 1996"; zero when unknown. Each is
// read by a small parser anchored on its key word (a unit, "since", a frequency word),
// so a sentence without one costs a map lookup per token. They are written in out's
// storage.
func findQuantities(out []quantity, toks []lexicon.Token, cls []uint32, from, to int, posted time.Time) []quantity {
	out = out[:0]
	var used []bool
	var usedBuf [2*maxSentence + 8]bool // a sentence has at most 2*maxSentence tokens
	add := func(q quantity) {
		if used == nil {
			if to-from <= len(usedBuf) {
				used = usedBuf[:to-from]
			} else {
				used = make([]bool, to-from)
			}
		}
		for i := q.first; i <= q.last; i++ {
			if used[i-from] {
				return
			}
		}
		for i := q.first; i <= q.last; i++ {
			used[i-from] = true
		}
		out = append(out, q)
	}
	// One lookup per token: the anchors and what they can start.
	var anchors [16]int
	idx := anchors[:0]
	var kinds [16]uint8
	kk := kinds[:0]
	for i := from; i < to; i++ {
		t := &toks[i]
		k := uint8(cls[i] & wcQuantity)
		if k == 0 && t.Kind != lexicon.Number {
			continue
		}
		idx, kk = append(idx, i), append(kk, k)
	}
	for n, i := range idx {
		k := kk[n]
		if k&keyDoseUnit != 0 {
			if q, ok := parseDose(toks, from, i); ok {
				add(q)
			}
		}
		if k&keyTimeUnit != 0 {
			if q, ok := parseDuration(toks, from, to, i); ok {
				add(q)
			}
		}
		if k&keySince != 0 && !posted.IsZero() {
			if q, ok := parseSince(toks, to, i, posted); ok {
				add(q)
			}
		}
	}
	for n, i := range idx {
		t := &toks[i]
		if kk[n]&keyFrequency == 0 && t.Kind != lexicon.Number {
			continue
		}
		if q, ok := parseFrequency(toks, from, to, i); ok {
			add(q)
		} else if t.Kind == lexicon.Number && (used == nil || !used[i-from]) {
			if q, ok := parseBareDose(toks, from, to, i); ok {
				add(q)
			}
		}
	}
	// No two share a token (used), so the order is the same however they are sorted.
	slices.SortFunc(out, func(a, b quantity) int { return a.first - b.first })
	return out
}

// Kinds of key word, as bits of quantityKeys.
const (
	keyDoseUnit = 1 << iota
	keyTimeUnit
	keySince
	keyFrequency // a word a frequency phrase starts with
)

// quantityKeys maps each key word to what it can anchor; one lookup per token.
var quantityKeys = func() map[string]uint8 {
	m := map[string]uint8{"since": keySince}
	for w := range doseUnitWords {
		m[w] |= keyDoseUnit
	}
	for w := range timeUnitWords {
		m[w] |= keyTimeUnit
	}
	for _, p := range frequencyPhrases {
		m[p.words[0]] |= keyFrequency
	}
	for _, w := range []string{"once", "twice", "thrice", "every", "one", "two", "three", "four", "five", "six"} {
		m[w] |= keyFrequency
	}
	return m
}()

// number reads a number ending at token i: "18", ".5", "1 / 4", "ten", "a couple of",
// "half a". It returns the value and the index of its first token.
func number(toks []lexicon.Token, from, i int) (float64, int, bool) {
	if i < from {
		return 0, 0, false
	}
	t := &toks[i]
	if t.Kind == lexicon.Number {
		v, err := strconv.ParseFloat(t.Norm, 64)
		if err != nil {
			return 0, 0, false
		}
		// "1 / 4"
		if i-2 >= from && toks[i-1].Norm == "/" && toks[i-2].Kind == lexicon.Number && toks[i-1].Start == toks[i-2].End {
			if n, err := strconv.ParseFloat(toks[i-2].Norm, 64); err == nil && v != 0 {
				return n / v, i - 2, true
			}
		}
		return v, i, true
	}
	w := t.Norm
	if w == "of" && i-1 >= from && toks[i-1].Norm == "couple" { // "a couple of"
		i--
		w = "couple"
	}
	v, ok := numberWords[w]
	if !ok || w == "once" || w == "twice" || w == "thrice" {
		return 0, 0, false
	}
	first := i
	if (w == "couple" || w == "few" || w == "dozen") && i-1 >= from && toks[i-1].Norm == "a" {
		first = i - 1
	}
	if w == "a" && i-1 >= from && toks[i-1].Norm == "half" { // "half a"
		return 0.5, i - 1, true
	}
	return v, first, true
}

// numberRange reads "6 or 7", "6-7", "6 to 7", "1-2" ending at i; lo == hi for one number.
func numberRange(toks []lexicon.Token, from, i int) (lo, hi float64, first int, ok bool) {
	hi, first, ok = number(toks, from, i)
	if !ok {
		return 0, 0, 0, false
	}
	lo = hi
	if j := first - 1; j-1 >= from {
		switch toks[j].Norm {
		case "or", "to", "-":
			if v, f, ok := number(toks, from, j-1); ok && v < hi {
				lo, first = v, f
			}
		}
	}
	return lo, hi, first, true
}

var durationPrefix = set("for", "over", "about", "almost", "nearly", "around", "approximately",
	"roughly", "maybe", "another", "past", "last", "only", "just", "after", "within", "in", "the")

// parseDuration reads a length of time ending at the unit token u: "for ten years",
// "about 6 or 7 years ago", "30-plus years", "over a decade".
func parseDuration(toks []lexicon.Token, from, to, u int) (quantity, bool) {
	per, _, ok := unitDays(toks[u].Norm)
	if !ok {
		return quantity{}, false
	}
	j := u - 1
	for j >= from && (toks[j].Norm == "+" || toks[j].Norm == "plus" || toks[j].Norm == "-") {
		j-- // "6 + years", "30-plus years"
	}
	lo, hi, first, ok := numberRange(toks, from, j)
	if !ok || first > from && toks[first-1].Norm == "every" { // "every 6 hours" is a frequency
		return quantity{}, false
	}
	best := hi
	if lo != hi {
		best = (lo + hi) / 2
	}
	// "one and a half years", "2 and a half weeks"
	if toks[first].Norm == "half" && first-3 >= from && toks[first-1].Norm == "a" && toks[first-2].Norm == "and" {
		if v, f, ok := number(toks, from, first-3); ok && v >= 1 {
			lo, hi, best, first = v+0.5, v+0.5, v+0.5, f
		}
	} else if vlo, vbest, vhi, ok := vagueNumber(toks, first, j); ok && lo == hi {
		// "a couple of weeks", "a few months", "several years" are ranges
		lo, best, hi = vlo, vbest, vhi
	}
	last := u
	// "a year and a half", "6 months and a half"
	if u+3 < to && toks[u+1].Norm == "and" && toks[u+2].Norm == "a" && toks[u+3].Norm == "half" {
		lo, hi, best, last = lo+0.5, hi+0.5, best+0.5, u+3
	}
	ago := false
	if last+1 < to {
		switch toks[last+1].Norm {
		case "old": // "34 years old" is an age
			return quantity{}, false
		case "ago":
			ago, last = true, last+1
		}
	}
	start := first
	for start-1 >= from && durationPrefix[toks[start-1].Norm] {
		start--
	}
	for start < first && toks[start].Norm == "the" {
		start++
	}
	// "One day, you will" and "a day" alone are not lengths of time ("a couple of
	// weeks" and "a year and a half" are).
	if w := toks[first].Norm; (w == "one" || w == "a" || w == "an") && best == 1 && start == first && !ago {
		return quantity{}, false
	}
	d := &Duration{Days: best * per, MinDays: lo * per, MaxDays: hi * per, Ago: ago}
	d.ISO = ISODuration(d.Days)
	return quantity{kind: TypeDuration, first: start, last: last, dur: d}, true
}

// vagueNumbers are the counts people give as a range: low, best guess, high.
var vagueNumbers = map[string][3]float64{
	"couple":  {2, 2, 3},
	"few":     {2, 3, 4},
	"several": {3, 5, 7},
}

// vagueNumber finds a vague count among tokens first..last ("a couple of", "a few",
// "several").
func vagueNumber(toks []lexicon.Token, first, last int) (lo, best, hi float64, ok bool) {
	for i := first; i <= last; i++ {
		if r, ok := vagueNumbers[toks[i].Norm]; ok {
			return r[0], r[1], r[2], true
		}
	}
	return 0, 0, 0, false
}

// parseSince reads "since 1996" and "since March" at token i, against the posted date.
func parseSince(toks []lexicon.Token, to, i int, posted time.Time) (quantity, bool) {
	j := i + 1
	last := false
	for j < to && (toks[j].Norm == "about" || toks[j].Norm == "around" || toks[j].Norm == "early" || toks[j].Norm == "late" || toks[j].Norm == "mid" || toks[j].Norm == "last" || toks[j].Norm == "the") {
		last = last || toks[j].Norm == "last"
		j++
	}
	if j >= to {
		return quantity{}, false
	}
	t := &toks[j]
	if from, end, ok := sincePeriod(t.Norm, last, posted); ok {
		maxD := posted.Sub(from).Hours() / 24
		minD := math.Max(0, posted.Sub(end).Hours()/24)
		d := &Duration{MinDays: minD, MaxDays: maxD, Days: (minD + maxD) / 2}
		d.ISO = ISODuration(d.Days)
		return quantity{kind: TypeDuration, first: i, last: j, dur: d}, true
	}
	if t.Kind == lexicon.Number && len(t.Norm) == 4 {
		y, err := strconv.Atoi(t.Norm)
		if err != nil || y < 1900 || y > posted.Year() {
			return quantity{}, false
		}
		from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		end := time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		maxD := posted.Sub(from).Hours() / 24
		minD := math.Max(0, posted.Sub(end).Hours()/24)
		d := &Duration{MinDays: minD, MaxDays: maxD, Days: (minD + maxD) / 2}
		d.ISO = ISODuration(d.Days)
		return quantity{kind: TypeDuration, first: i, last: j, dur: d}, true
	}
	if mon, ok := monthNames[t.Norm]; ok {
		start := time.Date(posted.Year(), mon, 1, 0, 0, 0, 0, time.UTC)
		if !start.Before(posted) {
			start = start.AddDate(-1, 0, 0)
		}
		days := posted.Sub(start).Hours() / 24
		return quantity{kind: TypeDuration, first: i, last: j,
			dur: &Duration{Days: days, MinDays: days, MaxDays: days, ISO: ISODuration(days)}}, true
	}
	return quantity{}, false
}

// seasons are the northern meteorological seasons: the month each starts in.
var seasons = map[string]time.Month{"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

// sincePeriod is the span a named period covers, for "since last spring", "since
// summer", "since last year", "since last month": the most recent one that has ended
// when last is true, the most recent one that has begun otherwise.
func sincePeriod(w string, last bool, posted time.Time) (from, end time.Time, ok bool) {
	day := time.Date(posted.Year(), posted.Month(), posted.Day(), 0, 0, 0, 0, time.UTC)
	if m, ok := seasons[w]; ok {
		from = time.Date(posted.Year(), m, 1, 0, 0, 0, 0, time.UTC)
		for {
			end = from.AddDate(0, 3, 0)
			if last && !end.After(day) || !last && !from.After(day) {
				return from, end, true
			}
			from = from.AddDate(-1, 0, 0)
		}
	}
	if !last {
		return from, end, false
	}
	switch w {
	case "year":
		from = time.Date(posted.Year()-1, 1, 1, 0, 0, 0, 0, time.UTC)
		return from, from.AddDate(1, 0, 0), true
	case "month":
		from = time.Date(posted.Year(), posted.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
		return from, from.AddDate(0, 1, 0), true
	case "week":
		from = day.AddDate(0, 0, -7-int(day.Weekday()+6)%7) // Monday of the week before
		return from, from.AddDate(0, 0, 7), true
	}
	return from, end, false
}

var monthNames = map[string]time.Month{"january": 1, "february": 2, "march": 3, "april": 4,
	"may": 5, "june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
	"december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

// parseDose reads an amount ending at the unit token u: "1 mg", ".5mg", "1/4 mg",
// "1-2 mg", "2 pills", "half a pill".
func parseDose(toks []lexicon.Token, from, u int) (quantity, bool) {
	lo, hi, first, ok := numberRange(toks, from, u-1)
	if !ok {
		return quantity{}, false
	}
	if w := toks[first].Norm; w == "a" || w == "an" || w == "couple" || w == "few" || w == "several" || w == "dozen" {
		if toks[u].Norm != "pill" && toks[u].Norm != "pills" {
			return quantity{}, false
		}
	}
	return quantity{kind: TypeDose, first: first, last: u,
		dose: &Dose{Value: lo, MaxValue: hi, Unit: normUnit(toks[u].Norm)}}, true
}

var bareDoseBefore = set("to", "at", "from", "take", "taking", "took", "of", "on")

// parseBareDose reads a dose written without its unit after a verb of taking or a taper
// step: "By the time I got to .25", "down to 0.5". Only small decimals and fractions.
func parseBareDose(toks []lexicon.Token, from, to, i int) (quantity, bool) {
	end := i
	if i+2 < to && toks[i+1].Norm == "/" && toks[i+2].Kind == lexicon.Number && toks[i+1].Start == toks[i].End {
		end = i + 2
	}
	v, first, ok := number(toks, from, end)
	if !ok || first != i || v <= 0 || v >= 10 {
		return quantity{}, false
	}
	if end == i && !strings.Contains(toks[i].Norm, ".") {
		return quantity{}, false
	}
	if i-1 < from || !bareDoseBefore[toks[i-1].Norm] {
		return quantity{}, false
	}
	if end+1 < to && (timeUnitWords[toks[end+1].Norm] || toks[end+1].Norm == "%") {
		return quantity{}, false
	}
	return quantity{kind: TypeDose, first: i, last: end, dose: &Dose{Value: v, MaxValue: v}}, true
}

// frequency phrases by their words, longest first.
var frequencyPhrases = []struct {
	words []string
	f     Frequency
}{
	{[]string{"three", "times", "a", "day"}, Frequency{3, "3/day"}},
	{[]string{"three", "times", "daily"}, Frequency{3, "3/day"}},
	{[]string{"four", "times", "a", "day"}, Frequency{4, "4/day"}},
	{[]string{"every", "other", "day"}, Frequency{0.5, "1/2 days"}},
	{[]string{"morning", "and", "night"}, Frequency{2, "2/day"}},
	{[]string{"twice", "a", "day"}, Frequency{2, "2/day"}},
	{[]string{"twice", "daily"}, Frequency{2, "2/day"}},
	{[]string{"twice", "a", "week"}, Frequency{2.0 / 7, "2/week"}},
	{[]string{"once", "a", "day"}, Frequency{1, "1/day"}},
	{[]string{"once", "daily"}, Frequency{1, "1/day"}},
	{[]string{"once", "a", "week"}, Frequency{1.0 / 7, "1/week"}},
	{[]string{"once", "a", "month"}, Frequency{1.0 / 30.4375, "1/month"}},
	{[]string{"once", "a", "night"}, Frequency{1, "1/day at night"}},
	{[]string{"as", "needed"}, Frequency{0, "as needed"}},
	{[]string{"when", "needed"}, Frequency{0, "as needed"}},
	{[]string{"as", "required"}, Frequency{0, "as needed"}},
	{[]string{"every", "day"}, Frequency{1, "1/day"}},
	{[]string{"each", "day"}, Frequency{1, "1/day"}},
	{[]string{"every", "night"}, Frequency{1, "1/day at night"}},
	{[]string{"each", "night"}, Frequency{1, "1/day at night"}},
	{[]string{"at", "night"}, Frequency{1, "1/day at night"}},
	{[]string{"at", "bedtime"}, Frequency{1, "1/day at night"}},
	{[]string{"before", "bed"}, Frequency{1, "1/day at night"}},
	{[]string{"every", "morning"}, Frequency{1, "1/day in the morning"}},
	{[]string{"in", "the", "morning"}, Frequency{1, "1/day in the morning"}},
	{[]string{"every", "evening"}, Frequency{1, "1/day in the evening"}},
	{[]string{"every", "week"}, Frequency{1.0 / 7, "1/week"}},
	{[]string{"every", "month"}, Frequency{1.0 / 30.4375, "1/month"}},
	{[]string{"daily"}, Frequency{1, "1/day"}},
	{[]string{"nightly"}, Frequency{1, "1/day at night"}},
	{[]string{"weekly"}, Frequency{1.0 / 7, "1/week"}},
	{[]string{"monthly"}, Frequency{1.0 / 30.4375, "1/month"}},
	{[]string{"prn"}, Frequency{0, "as needed"}},
	{[]string{"bid"}, Frequency{2, "2/day"}},
	{[]string{"tid"}, Frequency{3, "3/day"}},
	{[]string{"qid"}, Frequency{4, "4/day"}},
	{[]string{"qhs"}, Frequency{1, "1/day at night"}},
}

var perUnit = map[string]struct {
	perDay float64
	label  string
}{
	"day": {1, "/day"}, "daily": {1, "/day"}, "night": {1, "/day at night"},
	"morning": {1, "/day in the morning"}, "evening": {1, "/day in the evening"},
	"week": {1.0 / 7, "/week"}, "month": {1.0 / 30.4375, "/month"},
}

// parseFrequency reads how often, starting at token i: "3 per day", "2x a day",
// "three times a week", "every 4 hours", "twice daily", "at night", "as needed".
func parseFrequency(toks []lexicon.Token, from, to, i int) (quantity, bool) {
	// "N (x|times)? (a|per|an|each|every|/) UNIT"
	if v, first, ok := number(toks, from, i); ok && first == i || toks[i].Norm == "once" || toks[i].Norm == "twice" || toks[i].Norm == "thrice" {
		if !ok {
			v = numberWords[toks[i].Norm]
		}
		j := i + 1
		if j < to && (toks[j].Norm == "x" || toks[j].Norm == "times" || toks[j].Norm == "time") {
			j++
		}
		if j+1 < to && (toks[j].Norm == "a" || toks[j].Norm == "per" || toks[j].Norm == "an" || toks[j].Norm == "each" || toks[j].Norm == "every" || toks[j].Norm == "/") {
			if u, ok := perUnit[toks[j+1].Norm]; ok && (j > i+1 || toks[i].Kind == lexicon.Number || toks[j].Norm == "per") {
				return quantity{kind: TypeFrequency, first: i, last: j + 1,
					freq: &Frequency{v * u.perDay, strconv.FormatFloat(v, 'f', -1, 64) + u.label}}, true
			}
		}
		if j < to && j > i+1 && toks[j].Norm == "daily" {
			return quantity{kind: TypeFrequency, first: i, last: j, freq: &Frequency{v, strconv.FormatFloat(v, 'f', -1, 64) + "/day"}}, true
		}
	}
	// "every 4 hours", "every 4-6 hours"
	if toks[i].Norm == "every" && i+2 < to && toks[i+1].Kind == lexicon.Number {
		j := i + 2
		if j+1 < to && (toks[j].Norm == "-" || toks[j].Norm == "to") && toks[j+1].Kind == lexicon.Number {
			j += 2
		}
		if j < to && (toks[j].Norm == "hours" || toks[j].Norm == "hrs" || toks[j].Norm == "hour" || toks[j].Norm == "hr") {
			if n, err := strconv.ParseFloat(toks[i+1].Norm, 64); err == nil && n > 0 {
				return quantity{kind: TypeFrequency, first: i, last: j, freq: &Frequency{24 / n, "every " + toks[i+1].Norm + " hours"}}, true
			}
		}
	}
	for _, p := range frequencyPhrases {
		if i+len(p.words) > to {
			continue
		}
		match := true
		for k, w := range p.words {
			if toks[i+k].Norm != w {
				match = false
				break
			}
		}
		if match {
			f := p.f
			return quantity{kind: TypeFrequency, first: i, last: i + len(p.words) - 1, freq: &f}, true
		}
	}
	return quantity{}, false
}

func normUnit(u string) string {
	switch strings.TrimSuffix(u, "s") {
	case "mg", "milligram":
		return "mg"
	case "mcg", "ug", "microgram":
		return "mcg"
	case "g", "gram":
		return "g"
	case "ml", "cc":
		return "ml"
	case "iu":
		return "iu"
	case "unit":
		return "unit"
	case "meq":
		return "meq"
	case "pill", "tablet", "tab", "capsule", "cap":
		return "pill"
	case "drop":
		return "drop"
	case "puff":
		return "puff"
	case "patch", "patche":
		return "patch"
	}
	return u
}
