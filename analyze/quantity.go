package analyze

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/rxvoice/rxvoice/lexicon"
)

// Quantities (durations, doses, frequencies) are found by regular expressions over the
// section's normalized token stream (one space between tokens, numbers and words as the
// tokenizer folded them), run only on sentences that hold a number or a quantity word, so
// the cost stays off the common path. A match maps back to byte offsets through the
// tokens.

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

const (
	numRe  = `(?:\d+(?:\.\d+)?|\.\d+|\d+ / \d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|half|a couple(?: of)?|couple(?: of)?|a few|few|several|a dozen|dozen)`
	unitRe = `(days?|weeks?|wks?|wk|months?|mos?|mths?|mnths?|years?|yrs?|yeas?rs?|yesrs?|yeras?|yaers?|decades?|hours?|hrs?|monts?|moths?|weeeks?|weks?)`
)

var (
	reDuration = regexp.MustCompile(`(?:^| )((?:(?:for|over|about|almost|nearly|around|approximately|roughly|maybe|another|the past|the last|past|last|only|just|after|in) )*(` +
		numRe + `)(?: (?:or|to|-) (` + numRe + `))?(?: \+| plus| - plus)? ` + unitRe + `( ago)?)(?: (old))?(?: |$)`)
	reSinceYear  = regexp.MustCompile(`(?:^| )(since (?:about |around |early |late |mid )?((?:19|20)\d\d))(?: |$)`)
	reSinceMonth = regexp.MustCompile(`(?:^| )(since (?:last )?(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec))(?: |$)`)
	reDose       = regexp.MustCompile(`(?:^| )((\d+(?:\.\d+)?|\.\d+|\d+ / \d+|one|two|three|four|five|half a|half)(?: (?:-|to|or) (\d+(?:\.\d+)?|\.\d+))? (mg|mgs|milligrams?|mcg|mcgs|ug|micrograms?|g|grams?|ml|mls|cc|iu|units?|meq|%|pills?|tablets?|tabs?|capsules?|caps|drops?|puffs?|patch(?:es)?))(?: |$)`)
	reBareDose   = regexp.MustCompile(`(?:^| )(?:to|at|from|on|take|taking|took|dose of|down to) ((?:0?\.\d+|\d / \d))(?: |$)`)
	reFrequency  = regexp.MustCompile(`(?:^| )((?:(\d+|one|two|three|four|five|once|twice|thrice)(?: x| times)? (?:a|per|an|each|every|/) (day|night|week|month|morning|evening|hour)|(?:every|each) (other )?(day|night|morning|evening|week|month)|every (\d+)(?: (?:-|to) \d+)? (hours?|hrs?)|twice daily|once daily|three times daily|twice a day|(\d+) x daily|daily|nightly|weekly|monthly|at night|at bedtime|before bed|at nite|in the morning|in the mornings|morning and night|as needed|when needed|as required|prn|bid|tid|qid|qhs))(?: |$)`)
)

// quantityWords are the tokens that make a sentence worth running the quantity
// expressions on.
var quantityWords = map[string]bool{
	"daily": true, "nightly": true, "weekly": true, "monthly": true, "needed": true, "prn": true,
	"bid": true, "tid": true, "qid": true, "qhs": true, "night": true, "bedtime": true,
	"bed": true, "morning": true, "since": true, "required": true, "every": true, "each": true,
	"once": true, "twice": true,
}

func init() {
	for w := range numberWords {
		quantityWords[w] = true
	}
}

// stream is a sentence's tokens as one normalized string, with each token's position.
type stream struct {
	s     string
	pos   []int // byte offset in s of each token
	first int   // index in the section's tokens of the first token
}

func newStream(toks []lexicon.Token, from, to int) stream {
	var b strings.Builder
	st := stream{first: from, pos: make([]int, 0, to-from)}
	for i := from; i < to; i++ {
		if i > from {
			b.WriteByte(' ')
		}
		st.pos = append(st.pos, b.Len())
		b.WriteString(toks[i].Norm)
	}
	st.s = b.String()
	return st
}

// tokenRange maps a byte range of the stream to the indexes of its first and last token.
func (st stream) tokenRange(a, b int) (int, int) {
	first, last := -1, -1
	for k, p := range st.pos {
		if p >= a && first < 0 {
			first = k
		}
		if p < b {
			last = k
		}
	}
	if first < 0 || last < first {
		return -1, -1
	}
	return st.first + first, st.first + last
}

func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, " / ") {
		a, b, _ := strings.Cut(s, " / ")
		x, err1 := strconv.ParseFloat(a, 64)
		y, err2 := strconv.ParseFloat(b, 64)
		if err1 != nil || err2 != nil || y == 0 {
			return 0, false
		}
		return x / y, true
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return v, true
	}
	s = strings.TrimPrefix(strings.TrimSuffix(s, " of"), "a ")
	if s == "half a" {
		return 0.5, true
	}
	v, ok := numberWords[s]
	return v, ok
}

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

// findQuantities finds the durations, doses and frequencies of one sentence. posted is
// the comment's date, for "since 1996"; zero when unknown.
func findQuantities(toks []lexicon.Token, from, to int, posted time.Time) []quantity {
	worth := false
	for i := from; i < to && !worth; i++ {
		worth = toks[i].Kind == lexicon.Number || quantityWords[toks[i].Norm]
	}
	if !worth {
		return nil
	}
	st := newStream(toks, from, to)
	var out []quantity
	used := map[int]bool{}
	add := func(q quantity) {
		if q.first < 0 {
			return
		}
		for i := q.first; i <= q.last; i++ {
			if used[i] {
				return
			}
		}
		for i := q.first; i <= q.last; i++ {
			used[i] = true
		}
		out = append(out, q)
	}
	for _, m := range reDose.FindAllStringSubmatchIndex(st.s, -1) {
		v, ok := parseNumber(st.s[m[4]:m[5]])
		if !ok {
			continue
		}
		d := &Dose{Value: v, MaxValue: v, Unit: normUnit(st.s[m[8]:m[9]])}
		if m[6] >= 0 {
			if hi, ok := parseNumber(st.s[m[6]:m[7]]); ok && hi > v {
				d.MaxValue = hi
			}
		}
		a, b := st.tokenRange(m[2], m[3])
		add(quantity{kind: TypeDose, first: a, last: b, dose: d})
	}
	for _, m := range reBareDose.FindAllStringSubmatchIndex(st.s, -1) {
		if v, ok := parseNumber(st.s[m[2]:m[3]]); ok && v > 0 && v < 10 {
			a, b := st.tokenRange(m[2], m[3])
			add(quantity{kind: TypeDose, first: a, last: b, dose: &Dose{Value: v, MaxValue: v}})
		}
	}
	for _, m := range reFrequency.FindAllStringSubmatchIndex(st.s, -1) {
		f := frequencyOf(st.s[m[2]:m[3]])
		a, b := st.tokenRange(m[2], m[3])
		add(quantity{kind: TypeFrequency, first: a, last: b, freq: &f})
	}
	for _, m := range reDuration.FindAllStringSubmatchIndex(st.s, -1) {
		if m[12] >= 0 { // "34 years old" is an age
			continue
		}
		v, ok := parseNumber(st.s[m[4]:m[5]])
		per, _, okU := unitDays(st.s[m[8]:m[9]])
		if !ok || !okU {
			continue
		}
		// "One day, you will" and "a day" alone are not lengths of time.
		if num := st.s[m[4]:m[5]]; (num == "one" || num == "a" || num == "an") && m[2] == m[4] && m[10] < 0 {
			continue
		}
		d := &Duration{Days: v * per, MinDays: v * per, MaxDays: v * per, Ago: m[10] >= 0}
		if m[6] >= 0 {
			if hi, ok := parseNumber(st.s[m[6]:m[7]]); ok && hi > v {
				d.MaxDays = hi * per
				d.Days = (d.MinDays + d.MaxDays) / 2
			}
		}
		d.ISO = ISODuration(d.Days)
		a, b := st.tokenRange(m[2], m[3])
		add(quantity{kind: TypeDuration, first: a, last: b, dur: d})
	}
	if !posted.IsZero() {
		for _, m := range reSinceYear.FindAllStringSubmatchIndex(st.s, -1) {
			y, _ := strconv.Atoi(st.s[m[4]:m[5]])
			from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			to := time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
			if from.After(posted) {
				continue
			}
			maxD := posted.Sub(from).Hours() / 24
			minD := math.Max(0, posted.Sub(to).Hours()/24)
			d := &Duration{MinDays: minD, MaxDays: maxD, Days: (minD + maxD) / 2}
			d.ISO = ISODuration(d.Days)
			a, b := st.tokenRange(m[2], m[3])
			add(quantity{kind: TypeDuration, first: a, last: b, dur: d})
		}
		for _, m := range reSinceMonth.FindAllStringSubmatchIndex(st.s, -1) {
			mon := monthIndex(st.s[m[4]:m[5]])
			start := time.Date(posted.Year(), mon, 1, 0, 0, 0, 0, time.UTC)
			if !start.Before(posted) {
				start = start.AddDate(-1, 0, 0)
			}
			days := posted.Sub(start).Hours() / 24
			d := &Duration{Days: days, MinDays: days, MaxDays: days, ISO: ISODuration(days)}
			a, b := st.tokenRange(m[2], m[3])
			add(quantity{kind: TypeDuration, first: a, last: b, dur: d})
		}
	}
	return out
}

func monthIndex(s string) time.Month {
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(s, m) {
			return time.Month(i + 1)
		}
	}
	return time.January
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

// frequencyOf normalizes a frequency phrase.
func frequencyOf(s string) Frequency {
	switch s {
	case "as needed", "when needed", "as required", "prn":
		return Frequency{0, "as needed"}
	case "daily", "once daily", "every day", "each day", "qd":
		return Frequency{1, "1/day"}
	case "twice daily", "twice a day", "bid", "morning and night":
		return Frequency{2, "2/day"}
	case "three times daily", "tid":
		return Frequency{3, "3/day"}
	case "qid":
		return Frequency{4, "4/day"}
	case "nightly", "at night", "at nite", "every night", "each night", "at bedtime", "before bed", "qhs":
		return Frequency{1, "1/day at night"}
	case "in the morning", "in the mornings", "every morning", "each morning":
		return Frequency{1, "1/day in the morning"}
	case "every evening", "each evening":
		return Frequency{1, "1/day in the evening"}
	case "weekly", "every week", "each week":
		return Frequency{1.0 / 7, "1/week"}
	case "monthly", "every month", "each month":
		return Frequency{1.0 / 30.4375, "1/month"}
	case "every other day":
		return Frequency{0.5, "1/2 days"}
	}
	f := strings.Fields(s)
	if strings.HasPrefix(s, "every ") && len(f) >= 3 { // every 4 hours
		if n, err := strconv.ParseFloat(f[1], 64); err == nil && n > 0 {
			return Frequency{24 / n, fmt.Sprintf("every %g hours", n)}
		}
	}
	if len(f) >= 3 {
		n, ok := parseNumber(f[0])
		if !ok {
			n = 1
		}
		switch f[len(f)-1] {
		case "day", "daily":
			return Frequency{n, fmt.Sprintf("%g/day", n)}
		case "night":
			return Frequency{n, fmt.Sprintf("%g/day at night", n)}
		case "morning":
			return Frequency{n, fmt.Sprintf("%g/day in the morning", n)}
		case "evening":
			return Frequency{n, fmt.Sprintf("%g/day in the evening", n)}
		case "week":
			return Frequency{n / 7, fmt.Sprintf("%g/week", n)}
		case "month":
			return Frequency{n / 30.4375, fmt.Sprintf("%g/month", n)}
		case "hour":
			return Frequency{n * 24, fmt.Sprintf("%g/hour", n)}
		}
	}
	return Frequency{0, s}
}
