package cmd

// CSV injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
// = + - or @ as a formula, and some also a cell that starts with a tab or a carriage
// return; comment text and author names are untrusted, so every CSV rxvoice writes
// neutralizes such cells by putting an apostrophe in front (spreadsheets then show the
// text as written), unless --csv-raw is given.
//
// A numeric cell is data, not a formula: a cell that is a plain decimal number ("-1.5",
// "-3e-2") is kept as it is whatever its column. That is the whole test: no list of
// numeric columns to keep in step with the writers, and a text cell that is just "-2"
// is as harmless as the number. Anything else that starts with "-" ("-2+3", "-x") is
// neutralized.

// csvRawHelp is the help of every --csv-raw flag.
const csvRawHelp = "write CSV cells as they are: do not neutralize cells that start with = + - @, a tab or a carriage return (spreadsheet formulas)"

// safeCell neutralizes one CSV cell.
func safeCell(c string) string {
	if c == "" {
		return c
	}
	switch c[0] {
	case '=', '+', '@', '\t', '\r':
	case '-':
		if isDecimal(c) {
			return c
		}
	default:
		return c
	}
	return "'" + c
}

// safeCells neutralizes a row of CSV cells, in a new slice.
func safeCells(r []string) []string {
	out := make([]string, len(r))
	for i, c := range r {
		out[i] = safeCell(c)
	}
	return out
}

// isDecimal reports whether s is a plain decimal number: an optional minus sign, digits
// with at most one point (at least one digit), and an optional exponent.
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}
