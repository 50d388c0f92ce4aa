package corpus

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
)

// The date parser as it was before the hand-written scanners (quickMDY's allocation-free
// rewrite, quickISO, the byte-level prefilters): TestDateScannersAgree and FuzzDateScanners
// hold the new parser to it.

func refParseDate(raw string, order dateOrder) (time.Time, bool) {
	s := dateText(raw)
	if len(s) > 80 {
		return time.Time{}, false
	}
	// The expressions are costly (a hundred month names): each runs only when the
	// string has what it needs, a digit or a month's name.
	digit, month := strings.ContainsAny(s, "0123456789"), refHasMonthName(s)
	if reAge.Regexp.MatchString(s) {
		return time.Time{}, true // "1 year", "3 months": an age, as some themes print it
	}
	if !digit {
		if reRelative.Regexp.MatchString(s) {
			return time.Time{}, true
		}
		return time.Time{}, false
	}
	if reCompactAgo.Regexp.MatchString(s) || month && refMonthMatch(reMD.Regexp, s, 1) {
		return time.Time{}, true // "3y", "2mo" (Facebook, Quora), "Mar 3" (X)
	}
	year := hasYear(s)
	clock := strings.ContainsRune(s, ':') || strings.ContainsRune(s, 'h') || strings.ContainsRune(s, 'H')
	if month && !year && clock && noYear(s) != nil {
		return time.Time{}, true // "Jun 20th at 2:41 am": the page's year is found later
	}
	if len(s) < 6 || len(s) > 60 {
		if reRelative.Regexp.MatchString(s) {
			return time.Time{}, true
		}
		return time.Time{}, false
	}
	// a month's name with a year: four digits, or two after a dash ("12-Mar-23")
	if !month || !year {
		return parseNumericDate(s, order)
	}
	if t, ok, sure := refQuickMDY(s); sure {
		return t, ok
	}
	if m := reMDY.Regexp.FindStringSubmatch(s); m != nil && monthNames[strings.ToLower(m[1])] != 0 {
		return build(m[3], monthNames[strings.ToLower(m[1])], m[2], m[4], m[5], m[6], m[7])
	}
	if m := reDMY.Regexp.FindStringSubmatch(s); m != nil && monthNames[strings.ToLower(m[2])] != 0 {
		year := m[3]
		if len(year) == 2 {
			year = "20" + year // Mumsnet: "Sun 12-Mar-23 21:04:18"
		}
		return build(year, monthNames[strings.ToLower(m[2])], m[1], m[4], m[5], m[6], m[7])
	}
	if m := reMY.Regexp.FindStringSubmatch(s); m != nil && monthNames[strings.ToLower(m[1])] != 0 {
		return build(m[2], monthNames[strings.ToLower(m[1])], "1", "", "", "", "")
	}
	return parseNumericDate(s, order)
}

func refQuickMDY(s string) (t time.Time, ok, sure bool) {
	f := strings.Fields(s)
	if len(f) < 3 || len(f) > 6 {
		return t, false, false
	}
	mon := monthNames[strings.ToLower(strings.TrimSuffix(f[0], "."))]
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
		clock := strings.Split(rest[0], ":")
		if len(clock) < 2 || len(clock) > 3 || !allDigits(clock[0]) || len(clock[0]) > 2 || len(clock[1]) != 2 || !allDigits(clock[1]) {
			return t, false, false
		}
		hh, mm = clock[0], clock[1]
		if len(clock) == 3 {
			if len(clock[2]) != 2 || !allDigits(clock[2]) {
				return t, false, false
			}
			ss = clock[2]
		}
		if len(rest) == 2 {
			ampm = strings.ToLower(strings.ReplaceAll(rest[1], ".", ""))
			if ampm != "am" && ampm != "pm" {
				return t, false, false
			}
		}
	default:
		return t, false, false
	}
	t, ok = build(year, mon, day, hh, mm, ss, ampm)
	return t, ok, true
}

func refHasMonthName(s string) bool {
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) >= 3 && len(w) <= 10 && monthNames[strings.ToLower(w)] != 0 {
			return true
		}
	}
	return false
}

func refMonthMatch(re *regexp.Regexp, s string, g int) bool {
	m := re.FindStringSubmatch(s)
	return m != nil && monthNames[strings.ToLower(m[g])] != 0
}

// dateSamples are the date lines of the test pages and dates made in many forms, with
// near misses: what the scanners read and what they leave to the expressions.
func dateSamples(t testing.TB) []string {
	var samples []string
	for _, l := range testLines(t) {
		if len(l) <= 120 {
			samples = append(samples, l)
		}
	}
	months := []string{"April", "apr", "Apr.", "APRIL", "Sept.", "sept", "Mai", "märz", "Déc.", "O\u212Atober", "Aprill", "Foo", "a", "one", "Mar"}
	days := []string{"9", "9th", "09,", "31st,", "1stnd", "32", "0", "123", "3rd", "22nd,"}
	years := []string{"2014", "2014,", "14", "1899", "2201", "20145", "２０１４"}
	clocks := []string{"", " at 12:45 AM", " 7:15 p.m.", ", 23:59:30", " @ 25:00", " 7:5", " 12:45:6", " - 7:15 PM",
		" at 12:45 am.", " 12:45 xm", " 1:2:3:4", " at 12:45 AM extra", "\t8:22", " 8:22:61", " 12:60 pm", " à 17h21", " um 10:23 Uhr"}
	for _, m := range months {
		for _, d := range days {
			for _, y := range years {
				for _, c := range clocks {
					samples = append(samples, m+" "+d+" "+y+c, d+" "+m+" "+y+c, "Mon, "+m+" "+d+" "+y+c)
				}
			}
		}
	}
	for _, d := range []string{"2019-03-05", "2019/3/5", "2019.03.05", "2019-13-05", "2019-02-30", "20190-3-5", "2019-003-05", "2019-03-005", "1899-01-01", "219-03-05"} {
		for _, c := range []string{"", "T08:22", "T08:22:00", " 08:22", " 8:22", "T08:22:00Z", "T08:22:00.123", "  08:22", "T08:2", "T08:222", "T24:00", "T08:22:", " 08:22 +01:00", "T08:22:60", "x"} {
			samples = append(samples, d+c)
		}
	}
	samples = append(samples, "3 days ago", "1 year", "an hour ago", "3y", "2mo", "Mar 3", "Jun 20th at 2:41 am", "05/03/2019",
		"25/12/2019 7:15 pm", "17.07, 2011 @ 13:04", "Posted on April 9th, 2014 at 12:45 AM", "on Mar 3, 2019", "Jan 2022",
		"12-Mar-23 21:04:18", "Sun 12-Mar-23 21:04:18", "", " ", "a", "2.4.10", "yesterday", "Answered Mar 3, 2019")
	return samples
}

// The hand-written scanners and the byte-level tests before the expressions change no
// reading: the parser reads every sample as the parser before them did, in either order.
func TestDateScannersAgree(t *testing.T) {
	quick := 0
	for _, s := range dateSamples(t) {
		for _, order := range []dateOrder{orderUnknown, orderDayFirst} {
			got, gok := parseDate(s, order)
			want, wok := refParseDate(s, order)
			if gok != wok || !got.Equal(want) {
				t.Errorf("parseDate(%q, %d) = %v %v, before %v %v", s, order, got, gok, want, wok)
			}
		}
		if got, want := hasMonthName(s), refHasMonthName(s); got != want {
			t.Errorf("hasMonthName(%q) = %v, before %v", s, got, want)
		}
		d := dateText(s)
		if got, gok, gsure := quickMDY(d); true {
			want, wok, wsure := refQuickMDY(d)
			if gsure != wsure || gok != wok || !got.Equal(want) {
				t.Errorf("quickMDY(%q) = %v %v %v, before %v %v %v", d, got, gok, gsure, want, wok, wsure)
			}
		}
		if _, _, sure := quickMDY(d); sure {
			quick++
		} else if _, _, sure := quickISO(d); sure {
			quick++
		}
	}
	if quick < 1000 {
		t.Errorf("the scanners read only %d samples", quick)
	}
}

func FuzzDateScanners(f *testing.F) {
	for _, s := range []string{"April 9th, 2014 at 12:45 AM", "2019-03-05T08:22:00", "Sept. 12, 2020, 08:05", "2019/3/5 8:22", "9 April 2014", "3 days ago"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gok := parseDate(s, orderUnknown)
		want, wok := refParseDate(s, orderUnknown)
		if gok != wok || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v %v, before %v %v", s, got, gok, want, wok)
		}
		if got, want := hasMonthName(s), refHasMonthName(s); got != want {
			t.Errorf("hasMonthName(%q) = %v, before %v", s, got, want)
		}
		if reDateVerb.Regexp.MatchString(s) && !mayDateVerb(s) {
			t.Errorf("mayDateVerb(%q) = false, and reDateVerb matches it", s)
		}
	})
}
