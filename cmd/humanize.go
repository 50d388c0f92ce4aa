package cmd

import (
	"math"
	"strconv"
)

// Average lengths in days, as the tagger counts them.
const (
	daysPerWeek  = 7
	daysPerMonth = 365.25 / 12
	daysPerYear  = 365.25
)

// humanDays writes a length of time given in days the way people say it: "2.5 h",
// "4 d", "3 wk", "6 mo", "7.5 y". Under 10 of a unit it keeps one decimal ("1.5 y"),
// from 10 none ("18 mo"); minutes under an hour, hours under a day, days under 2 weeks,
// weeks under 2 months, months under a year, then years. Tables, Markdown and HTML show these; CSV and JSON keep the days.
func humanDays(days float64) string {
	if math.IsNaN(days) || math.IsInf(days, 0) {
		return ""
	}
	a := math.Abs(days)
	var v float64
	var unit string
	switch {
	case a < 1.0/24:
		v, unit = days*24*60, "min"
	case a < 1:
		v, unit = days*24, "h"
	case a < 2*daysPerWeek:
		v, unit = days, "d"
	case a < 60:
		v, unit = days/daysPerWeek, "wk"
	case math.Round(a/daysPerMonth) < 12:
		v, unit = days/daysPerMonth, "mo"
	default:
		v, unit = days/daysPerYear, "y"
	}
	return roundTo(v) + " " + unit
}

// roundTo writes v with one decimal under 10 and none from 10, without a trailing ".0".
func roundTo(v float64) string {
	if math.Abs(v) >= 9.95 {
		return strconv.FormatFloat(math.Round(v), 'f', -1, 64)
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}
