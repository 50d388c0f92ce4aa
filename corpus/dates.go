package corpus

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"
)

// monthNames are the month names and abbreviations pages write, in English and the
// other languages of the forums researchers read (German, French, Spanish, Italian,
// Dutch, Portuguese).
var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{}
	for i, names := range [12]string{
		"jan january januar janv janvier enero gennaio januari janeiro jän jänner",
		"feb february februar févr fevr février fevrier febrero febbraio februari fevereiro fev",
		"mar march märz maerz mars marzo maart março mrz",
		"apr april avr avril abril aprile abr",
		"may mai mayo maggio mei maio",
		"jun june juni juin junio giugno junho",
		"jul july juli juil juillet julio luglio julho",
		"aug august août aout agosto augustus ago",
		"sep sept september septembre septiembre setiembre settembre setembro set",
		"oct october okt oktober octobre octubre ottobre outubro out",
		"nov november novembre noviembre novembro",
		"dec december dez dezember déc dec décembre decembre diciembre dicembre dezembro dic",
	} {
		for _, n := range strings.Fields(names) {
			m[n] = time.Month(i + 1)
		}
	}
	return m
}()

// monthRe matches a word that may be a month's name; the word is looked up in monthNames
// after the match (an alternation of a hundred names made every expression slow).
const monthRe = `(\p{L}{3,10})\.?`

// weekdayRe is an optional weekday before a date: "Mon, ", "Tuesday ", "Montag, ", "le
// lundi ", "am ".
const weekdayRe = `(?:(?:le|am|on|el|il|op)\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mer|jeu|ven|sam|dim|lunes|martes|miércoles|jueves|viernes|sábado|domingo)[a-z]*\.?,?\s+)?`

// timeRe is an optional clock time after a date: "at 12:45 AM", ", 7:15 pm", " 08:22",
// "um 21:07 Uhr", "à 17h21".
const timeRe = `(?:\s*(?:,|at|@|-|–|/|\||um|à|a\s+las|alle|om|às|kl\.?)?\s*(\d{1,2})(?::|\s?h\s?|\.)(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?|uhr|h)?)?`

var (
	// April 9th, 2014 at 12:45 AM; March 3, 2019 at 7:15 pm; Apr 9 2014
	reMDY = mustAnchor(`(?i)^` + weekdayRe + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` + timeRe + `\s*$`)
	// 9 April 2014, 12:45; 9th of April, 2014
	reDMY = mustAnchor(`(?i)^` + weekdayRe + `(\d{1,2})(?:st|nd|rd|th|er|\.)?(?:\s+|-)(?:of\s+|de\s+)?` + monthRe + `,?(?:\s+|-)(?:de\s+)?(\d{4}|\d{2})` + timeRe + `\s*$`)
	// Jan 2022 (Discourse): the first of the month
	reMY = mustAnchor(`(?i)^` + monthRe + `\.?\s+(\d{4})$`)
	// A date and time without a year: "Jun 20th at 2:41 am", "Sat Apr 23 at 3:40 pm", "Le
	// 17 juillet à 22:09". settleDates takes the year from the page.
	reNoYear = mustAnchor(`(?i)^` + weekdayRe + `(?:` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+|of\s+)?` + monthRe + `)` + timeRe + `\s*$`)
	// Mar 3 (X/Twitter, this year): a date without its year, kept as written
	reMD = mustAnchor(`(?i)^` + monthRe + `\.?\s+(\d{1,2})$`)
	// 2019-03-05 08:22, 2019-03-05T08:22:00, 2019/03/05
	reISO = mustAnchor(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?\s*$`)
	// 05/03/2019, 5.3.2019 7:15 pm, 17.07, 2011 @ 13:04: ambiguous day and month
	reNum = mustAnchor(`(?i)^(\d{1,2})[/.-](\d{1,2})(?:[/.-]|,\s?)(\d{4}|\d{2})` + timeRe + `\s*$`)
	// Posted 3 days ago, 2 hours ago, yesterday
	// The verb before a date: "Posted on", "Answered", "Updated", "Edited".
	reDateVerb = mustAnchor(`(?i)^(?:posted|answered|updated|edited|commented|replied|asked|reviewed(?:\s+in\s+(?:the\s+)?[a-z][a-z ]{1,30}?\s+on)?|written|published)(?:\s+on)?\s+`)
	// A bare relative age: "3y", "2mo", "5d", "1w", "3h".
	// An age without "ago": "1 year", "3 months" (the whole string only).
	reAge        = mustAnchor(`(?i)^(?:\d{1,3}|an?|one)\s+(?:years?|months?|weeks?|days?|hours?|minutes?)$`)
	reCompactAgo = mustAnchor(`^\d{1,3}\s?(?:y|yr|yrs|mo|mos|w|wk|wks|d|h|hr|hrs|min|mins)$`)
	reRelative   = mustAnchor(`(?i)^(?:posted\s+|updated\s+|edited\s+)?(?:(?:\d+|an?|one|two|three|few)\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)\.?\s+ago|yesterday|today|just now` +
		`|vor\s+(?:\d+|einem|einer|zwei|drei|ein\s+paar)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)` +
		`|il\s+y\s+a\s+(?:\d+|une?|deux|trois|quelques)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?|années?)` +
		`|hace\s+(?:\d+|una?|dos|tres)\s+(?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)` +
		`|gestern|heute|aujourd'hui|ayer|hoy)\s*(?:\(edited\)|\*)?$`)
)

// ParseDate reads a date as pages write it. It returns the local time as written (no
// zone conversion: "12:45 AM" stays 00:45) and whether the whole string was a date.
// A relative date ("3 days ago") is recognized as a date but has no time: ok is true and
// the time is zero, so callers keep it as written.
func ParseDate(raw string) (time.Time, bool) {
	if len(raw) > 80 {
		return time.Time{}, false
	}
	// The same strings are asked again and again (a page's date lines by each reading
	// of it): the answers are kept, up to a bound.
	// The commonest forms are read faster than looked up.
	if s := dateText(raw); len(s) >= 6 && len(s) <= 60 {
		if t, ok, sure := quickMDY(s); sure {
			return t, ok
		}
		if t, ok, sure := quickISO(s); sure {
			return t, ok
		}
	}
	if d, ok := dateCache.get(raw); ok {
		return d.t, d.ok
	}
	t, ok := parseDate(raw, orderUnknown)
	dateCache.put(raw, cachedDate{t, ok})
	return t, ok
}

type cachedDate struct {
	t  time.Time
	ok bool
}

var dateCache = boundedCache[cachedDate]{max: 20_000}

// dateOrder is how a page writes numeric dates: month first (US), day first, or not known
// (month first unless only day first makes sense, day first for dotted dates).
type dateOrder int

const (
	orderUnknown dateOrder = iota
	orderDayFirst
)

// dateText is a date as written less the verb and "on" before it.
func dateText(raw string) string {
	s := strings.TrimRight(strings.TrimSpace(strings.ReplaceAll(raw, "\u00a0", " ")), ":")
	if mayDateVerb(s) {
		s = reDateVerb.ReplaceAllString(s, "")
	}
	// "on", "Le", "am", "el", "op": the word before a date in the languages read
	if len(s) > 3 && s[2] == ' ' {
		switch strings.ToLower(s[:3]) {
		case "on ", "le ", "am ", "el ", "op ":
			s = s[3:]
		}
	}
	return s
}

// dateVerbStarts are the first four letters of reDateVerb's verbs.
var dateVerbStarts = map[string]bool{"post": true, "answ": true, "upda": true, "edit": true, "comm": true,
	"repl": true, "aske": true, "revi": true, "writ": true, "publ": true}

// mayDateVerb is a cheap test that reDateVerb could match s: its first four bytes are a
// verb's first four letters in either case. When they are not all ASCII the expression
// decides ("aſked" folds to "asked").
func mayDateVerb(s string) bool {
	if len(s) < 5 {
		return false // the shortest verb, "asked", and a space
	}
	var b [4]byte
	for i := range b {
		c := s[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return dateVerbStarts[string(b[:])]
}

func parseDate(raw string, order dateOrder) (time.Time, bool) {
	s := dateText(raw)
	if len(s) > 80 {
		return time.Time{}, false
	}
	// The commonest forms are read by hand, without the expressions: "April 9th, 2014 at
	// 12:45 AM", "2019-03-05T08:22:00". No form the expressions read first matches them.
	if len(s) >= 6 && len(s) <= 60 {
		if t, ok, sure := quickMDY(s); sure {
			return t, ok
		}
		if t, ok, sure := quickISO(s); sure {
			return t, ok
		}
	}
	// The expressions are costly (a hundred month names): each runs only when the
	// string has what it needs, a digit or a month's name, and the first or last byte
	// it must have.
	digit, month := strings.ContainsAny(s, "0123456789"), hasMonthName(s)
	if mayAge(s) && reAge.MatchString(s) {
		return time.Time{}, true // "1 year", "3 months": an age, as some themes print it
	}
	if !digit {
		if reRelative.MatchString(s) {
			return time.Time{}, true
		}
		return time.Time{}, false
	}
	if s[0] >= '0' && s[0] <= '9' && reCompactAgo.MatchString(s) ||
		month && endsInDigit(s) && monthMatch(reMD, s, 1) {
		return time.Time{}, true // "3y", "2mo" (Facebook, Quora), "Mar 3" (X)
	}
	year := hasYear(s)
	clock := strings.ContainsRune(s, ':') || strings.ContainsRune(s, 'h') || strings.ContainsRune(s, 'H')
	if month && !year && clock && noYear(s) != nil {
		return time.Time{}, true // "Jun 20th at 2:41 am": the page's year is found later
	}
	if len(s) < 6 || len(s) > 60 {
		if reRelative.MatchString(s) {
			return time.Time{}, true
		}
		return time.Time{}, false
	}
	// a month's name with a year: four digits, or two after a dash ("12-Mar-23")
	if !month || !year {
		return parseNumericDate(s, order)
	}
	if m := reMDY.FindStringSubmatch(s); m != nil && monthNames[strings.ToLower(m[1])] != 0 {
		return build(m[3], monthNames[strings.ToLower(m[1])], m[2], m[4], m[5], m[6], m[7])
	}
	if m := reDMY.FindStringSubmatch(s); m != nil && monthNames[strings.ToLower(m[2])] != 0 {
		year := m[3]
		if len(year) == 2 {
			year = "20" + year // Mumsnet: "Sun 12-Mar-23 21:04:18"
		}
		return build(year, monthNames[strings.ToLower(m[2])], m[1], m[4], m[5], m[6], m[7])
	}
	if m := reMY.FindStringSubmatch(s); m != nil && monthNames[strings.ToLower(m[1])] != 0 {
		return build(m[2], monthNames[strings.ToLower(m[1])], "1", "", "", "", "")
	}
	return parseNumericDate(s, order)
}

// parseNumericDate reads the dates without a month's name: ISO, numeric, relative.
func parseNumericDate(s string, order dateOrder) (time.Time, bool) {
	if m := reISO.FindStringSubmatch(s); m != nil {
		mo, _ := strconv.Atoi(m[2])
		return build(m[1], time.Month(mo), m[3], m[4], m[5], m[6], "")
	}
	if m := reNum.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		year := m[3]
		// "2.4.10" is a version more often than a date: a dotted date with a short year
		// writes its day and month with two digits ("02.04.10")
		if len(year) == 2 && strings.Contains(s[:len(m[1])+1], ".") && (len(m[1]) < 2 || len(m[2]) < 2) {
			return time.Time{}, false
		}
		if len(year) == 2 {
			year = "20" + year
		}
		// Month first, as on the US forums most patient comments come from, unless only
		// day first makes sense (25/12/2019), the date is dotted (European: 11.09.2011) or
		// the page writes day first. posted_raw keeps the date as written.
		day, mon := b, a
		if a > 12 && b <= 12 || b <= 12 && (order == orderDayFirst || strings.Contains(s[:len(m[1])+1], ".")) {
			day, mon = a, b
		}
		return build(year, time.Month(mon), strconv.Itoa(day), m[4], m[5], m[6], m[7])
	}
	if reRelative.MatchString(s) {
		return time.Time{}, true
	}
	return time.Time{}, false
}

func build(year string, mon time.Month, day, hh, mm, ss, ampm string) (time.Time, bool) {
	y, err := strconv.Atoi(year)
	if err != nil || y < 1900 || y > 2200 || mon < 1 || mon > 12 {
		return time.Time{}, false
	}
	d, err := strconv.Atoi(day)
	if err != nil || d < 1 || d > 31 {
		return time.Time{}, false
	}
	h, mi, se := 0, 0, 0
	if hh != "" {
		h, _ = strconv.Atoi(hh)
		mi, _ = strconv.Atoi(mm)
		if ss != "" {
			se, _ = strconv.Atoi(ss)
		}
		ap := strings.ToLower(strings.ReplaceAll(ampm, ".", ""))
		switch {
		case ap == "pm" && h < 12:
			h += 12
		case ap == "am" && h == 12:
			h = 0
		}
		if h > 23 || mi > 59 || se > 59 {
			return time.Time{}, false
		}
	}
	t := time.Date(y, mon, d, h, mi, se, 0, time.UTC)
	if t.Day() != d { // 31 February
		return time.Time{}, false
	}
	return t, true
}

// settleDates places the dates of a page's comments that ParseDate could not place
// alone: numeric dates are read day first when any date of the page can only be read
// so (13/08/2020), and a date without a year ("Jun 20th at 2:41 am") takes the year of
// the comment before it, or of the page's own date.
func settleDates(p *Page) {
	order := orderUnknown
	for _, c := range p.Comments {
		if m := reNum.FindStringSubmatch(dateText(c.PostedRaw)); m != nil {
			a, _ := strconv.Atoi(m[1])
			b, _ := strconv.Atoi(m[2])
			if a > 12 && b <= 12 {
				order = orderDayFirst
				break
			}
		}
	}
	year := -1               // the page's year, looked for once
	last := 0                // the year of the last dated comment
	var lastMonth time.Month // and its month
	for i := range p.Comments {
		c := &p.Comments[i]
		if order == orderDayFirst && reNum.MatchString(dateText(c.PostedRaw)) {
			c.Posted, _ = parseDate(c.PostedRaw, order)
		}
		if c.Posted.IsZero() && c.PostedRaw != "" {
			if m := noYear(dateText(c.PostedRaw)); m != nil {
				if last == 0 && year < 0 {
					year = pageYear(p)
				}
				y := last
				if y == 0 {
					y = year
				}
				name, day := m[1], m[2]
				if name == "" {
					name, day = m[4], m[3]
				}
				mon := monthNames[strings.ToLower(name)]
				// the year turns between two comments: December, then January (or back,
				// newest first)
				switch {
				case last > 0 && lastMonth-mon >= 6:
					y++
				case last > 0 && mon-lastMonth >= 6:
					y--
				}
				if y > 0 {
					c.Posted, _ = build(strconv.Itoa(y), mon, day, m[5], m[6], m[7], m[8])
				}
			}
		}
		if !c.Posted.IsZero() {
			last, lastMonth = c.Posted.Year(), c.Posted.Month()
		}
	}
}

// pageYear is the year of the first full date in the page's title or article, or 0.
func pageYear(p *Page) int {
	for _, l := range strings.Split(p.Title+"\n"+p.Article, "\n") {
		if len(l) > 120 || !strings.ContainsAny(l, "0123456789") {
			continue
		}
		if _, _, raw := dateSpan(strings.Fields(l)); raw != "" {
			if t, _ := ParseDate(raw); !t.IsZero() {
				return t.Year()
			}
		}
	}
	return 0
}

// hasMonthName reports a word of s that is a month's name or abbreviation.
func hasMonthName(s string) bool {
	if isASCII(s) {
		// the words are the runs of ASCII letters, lowered in a buffer: no allocation
		var buf [maxMonthName]byte
		for i := 0; i < len(s); {
			j := i
			for j < len(s) && isASCIILetter(s[j]) {
				j++
			}
			if n := j - i; n >= 3 && n <= 10 && n <= maxMonthName {
				for k := 0; k < n; k++ {
					buf[k] = s[i+k] | 0x20
				}
				if monthNames[string(buf[:n])] != 0 {
					return true
				}
			}
			if j == i {
				j++
			}
			i = j
		}
		return false
	}
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 3 && len(w) <= 10 && monthNames[strings.ToLower(w)] != 0 {
			return true
		}
	}
	return false
}

// monthMatch reports whether re matches s with a month's name in group g.
func monthMatch(re *anchored, s string, g int) bool {
	m := re.FindStringSubmatch(s)
	return m != nil && monthNames[strings.ToLower(m[g])] != 0
}

// noYear matches a date and time without a year ("Jun 20th at 2:41 am", "Le 17 juillet à
// 22:09"): the groups of reNoYear, or nil.
func noYear(s string) []string {
	m := reNoYear.FindStringSubmatch(s)
	if m == nil || monthNames[strings.ToLower(m[1]+m[4])] == 0 {
		return nil
	}
	return m
}

// hasYear reports a run of four digits, or two digits after a dash.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			if run++; run == 4 || run == 2 && i >= 2 && s[i-2] == '-' {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// boundedCache keeps the answers of a costly test of strings that repeat across pages
// (short lines, dates), up to max of them: safe for the readers' goroutines.
type boundedCache[V any] struct {
	m   sync.Map
	n   atomic.Int64
	max int64
}

func (c *boundedCache[V]) get(k string) (V, bool) {
	v, ok := c.m.Load(k)
	if !ok {
		var zero V
		return zero, false
	}
	return v.(V), true
}

func (c *boundedCache[V]) put(k string, v V) {
	if c.n.Add(1) <= c.max {
		// a copy: the key is a piece of a page's text, which must not be kept alive by it
		c.m.Store(strings.Clone(k), v)
	}
}

// quickMDY reads the most common date of English pages without the expressions: "April
// 9th, 2014 at 12:45 AM", "March 3, 2019, 7:15 pm", "Apr 9 2014". sure is false when s
// has another form, for the expressions to read. It runs on most date lines, so an ASCII
// line is split and lowered without allocating.
func quickMDY(s string) (t time.Time, ok, sure bool) {
	var fields [7]string
	f := fields[:0]
	if isASCII(s) {
		for i := 0; i < len(s); {
			for i < len(s) && isASCIISpace(s[i]) {
				i++
			}
			j := i
			for j < len(s) && !isASCIISpace(s[j]) {
				j++
			}
			if j > i {
				if len(f) == len(fields) {
					return t, false, false
				}
				f = append(f, s[i:j])
			}
			i = j
		}
	} else {
		f = strings.Fields(s)
	}
	if len(f) < 3 || len(f) > 6 {
		return t, false, false
	}
	mon := monthByName(strings.TrimSuffix(f[0], "."))
	day := strings.TrimSuffix(f[1], ",")
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		day = strings.TrimSuffix(day, suf)
	}
	year := strings.TrimSuffix(f[2], ",")
	if mon == 0 || len(day) == 0 || len(day) > 2 || !allDigits(day) || len(year) != 4 || !allDigits(year) {
		return t, false, false
	}
	rest := f[3:]
	if len(rest) > 0 && (rest[0] == "at" || rest[0] == "@" || rest[0] == "-" || rest[0] == "–") {
		rest = rest[1:]
	}
	hh, mm, ss, ampm := "", "", "", ""
	switch {
	case len(rest) == 0:
	case len(rest) <= 2:
		// H:MM or H:MM:SS
		c := rest[0]
		i := strings.IndexByte(c, ':')
		if i < 0 {
			return t, false, false
		}
		hh, mm = c[:i], c[i+1:]
		if k := strings.IndexByte(mm, ':'); k >= 0 {
			mm, ss = mm[:k], mm[k+1:]
			if strings.IndexByte(ss, ':') >= 0 || len(ss) != 2 || !allDigits(ss) {
				return t, false, false
			}
		}
		if !allDigits(hh) || len(hh) > 2 || len(mm) != 2 || !allDigits(mm) {
			return t, false, false
		}
		if len(rest) == 2 {
			ampm = amPM(rest[1])
			if ampm == "" {
				return t, false, false
			}
		}
	default:
		return t, false, false
	}
	t, ok = build(year, mon, day, hh, mm, ss, ampm)
	return t, ok, true
}

// monthByName is monthNames[strings.ToLower(w)], lowering an ASCII w in a buffer.
func monthByName(w string) time.Month {
	if len(w) > maxMonthName || !isASCII(w) {
		return monthNames[strings.ToLower(w)]
	}
	var buf [maxMonthName]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return monthNames[string(buf[:len(w)])]
}

// maxMonthName is the most bytes hasMonthName and monthByName lower in a buffer; a
// longer word is no month's name (the longest, "septiembre", has 10).
const maxMonthName = 12

// amPM is "am" or "pm" for a word that is one less its dots, in either case ("P.M."),
// or "".
func amPM(w string) string {
	var b [2]byte
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == '.' {
			continue
		}
		if n == 2 {
			return ""
		}
		b[n] = c | 0x20
		n++
	}
	switch {
	case n == 2 && b[1] == 'm' && b[0] == 'a' && asciiFold(w):
		return "am"
	case n == 2 && b[1] == 'm' && b[0] == 'p' && asciiFold(w):
		return "pm"
	}
	return ""
}

// asciiFold reports that w, less its dots, is letters of ASCII (c | 0x20 lowers only them).
func asciiFold(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] != '.' && !isASCIILetter(w[i]) {
			return false
		}
	}
	return true
}

// quickISO reads an ISO date and time without the expression: "2019-03-05",
// "2019-03-05T08:22:00", "2019/03/05 08:22". sure is false for any other form (a zone, a
// fraction, more spaces), for reISO to read.
func quickISO(s string) (t time.Time, ok, sure bool) {
	n := func(i, min, max int) int { // the end of a run of min to max digits at i, or -1
		j := i
		for j < len(s) && j-i < max && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if j-i < min {
			return -1 // (a longer run fails on the separator its caller wants next)
		}
		return j
	}
	dateSep := func(i int) bool { return i < len(s) && (s[i] == '-' || s[i] == '/' || s[i] == '.') }
	y := n(0, 4, 4)
	if y < 0 || !dateSep(y) {
		return t, false, false
	}
	m := n(y+1, 1, 2)
	if m < 0 || !dateSep(m) {
		return t, false, false
	}
	d := n(m+1, 1, 2)
	if d < 0 {
		return t, false, false
	}
	hh, mm, ss := "", "", ""
	if d < len(s) {
		if s[d] != 'T' && s[d] != ' ' {
			return t, false, false
		}
		h := n(d+1, 1, 2)
		if h < 0 || h >= len(s) || s[h] != ':' {
			return t, false, false
		}
		mi := n(h+1, 2, 2)
		if mi < 0 {
			return t, false, false
		}
		end := mi
		if mi < len(s) {
			if s[mi] != ':' {
				return t, false, false
			}
			if end = n(mi+1, 2, 2); end < 0 {
				return t, false, false
			}
			ss = s[mi+1 : end]
		}
		if end != len(s) {
			return t, false, false
		}
		hh, mm = s[d+1:h], s[h+1:mi]
	}
	mo, _ := strconv.Atoi(s[y+1 : m])
	t, ok = build(s[:y], time.Month(mo), s[m+1:d], hh, mm, ss, "")
	return t, ok, true
}

// mayAge is a cheap test that reAge could match s: it starts with a digit, "a" or "one".
func mayAge(s string) bool {
	if s == "" {
		return false
	}
	c := s[0] | 0x20
	return '0' <= s[0] && s[0] <= '9' || c == 'a' || c == 'o'
}

// endsInDigit reports that s ends with an ASCII digit, as reMD's "Mar 3" does.
func endsInDigit(s string) bool {
	return s != "" && '0' <= s[len(s)-1] && s[len(s)-1] <= '9'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isASCIISpace is unicode.IsSpace for a byte below utf8.RuneSelf.
func isASCIISpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}
