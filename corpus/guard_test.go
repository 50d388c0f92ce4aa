package corpus

import (
	"regexp"
	"strings"
	"testing"
)

// anchoredTestLines are the test pages' lines with what the reader makes of them (trimmed, less
// a bullet, read as a date) and their word-by-word tails, and lines that only case folding
// matches ("ſ" is "s", "K" is "k").
func anchoredTestLines(t testing.TB) []string {
	lines := testLines(t, "ſhow more comments", "LEAVE A REPLY", "leave a ReplY", "Po\u017Fted by jane", "\u212Aommentar schreiben",
		"level 3", "  level 3", "Like · Reply · 3y", "LIKE · REPLY · 2 d", "12/08/2020 10:30", "#12", "@jane_doe", "[deleted]",
		"Commentaires", "COMMENTS (3)", "É", "écrit", "Reviewed by Jane", "Quote from jane:", "Junior Member", "Join Date: Jun 2011")
	// what the expressions read is short: a byline, a footer, a date
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if len(s) <= 100 && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, l := range lines {
		add(l)
		add(dateText(l))
		add(strings.ToUpper(l))
		for i, words := 0, 0; i < len(l) && words < 4; i++ {
			if l[i] == ' ' {
				add(l[i+1:])
				words++
			}
		}
	}
	return out
}

// TestAnchoredGuards holds each anchored expression's byte-level test to the expression:
// no text it matches is turned away.
func TestAnchoredGuards(t *testing.T) {
	lines := anchoredTestLines(t)
	turnedAway := 0
	for _, a := range allAnchored {
		for _, s := range lines {
			if !a.may(s) {
				turnedAway++
				if a.Regexp.MatchString(s) {
					t.Errorf("%.60s: %q matches, but the guard turns it away", a, s)
				}
			}
		}
	}
	// the guards must do something: most lines start with no byline's, footer's or
	// date's prefix
	if turnedAway < len(lines)*len(allAnchored)/2 {
		t.Errorf("the guards turned away %d of %d texts", turnedAway, len(lines)*len(allAnchored))
	}
}

func TestAnchoredPrefixes(t *testing.T) {
	for _, tc := range []struct {
		re   *anchored
		s    string
		want bool
	}{
		{reFooter, "Leave a Reply", true},
		{reFooter, "ſhow more comments", true},
		{reFooter, "I was on it for a week", false},
		{reFooter, "This drug helped", false},
		{reBy, "Posted by jane", true},
		{reBy, "Po\u017Fted by jane", true},
		{reBy, "Possibly", false},
		{reLevel, "  level 2", true},
		{reLevel, "lovely", false},
		{reActionDate, "• Lucy", false},
		{reActionDate, "Like · Reply · 3y", true},
		{reNum, "12/08/2020", true},
		{reNum, "March 3, 2019", false},
	} {
		if got := tc.re.may(tc.s); got != tc.want {
			t.Errorf("%s: may(%q) = %v, want %v", tc.re, tc.s, got, tc.want)
		}
		if tc.re.Regexp.MatchString(tc.s) && !tc.re.MatchString(tc.s) {
			t.Errorf("%s: %q matches the expression, not the guarded one", tc.re, tc.s)
		}
	}
}

// TestAnchoredRefusesUnanchored checks that an expression that may match past the start
// is refused: its guard would turn away what it matches.
func TestAnchoredRefusesUnanchored(t *testing.T) {
	for _, expr := range []string{`abc`, `(?m)^abc`, `^a|b`, `x?^a`} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("mustAnchor(%q) did not refuse it", expr)
				}
			}()
			a := &anchored{Regexp: regexp.MustCompile(expr)}
			a.may("x")
		}()
	}
}

func FuzzAnchoredGuards(f *testing.F) {
	for _, s := range []string{"Leave a Reply", "ſhow more", "level 3", "Like · Reply · 3y", "12/08/2020", "Posted by jane", "É",
		"March 3, 2019 at 7:15 pm", "yesterday", "Le 17 juillet à 22:09"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, a := range allAnchored {
			if !a.may(s) && a.Regexp.MatchString(s) {
				t.Errorf("%.60s: %q matches, but the guard turns it away", a, s)
			}
		}
		if tm, ok := ParseDate(s); ok && !tm.IsZero() && !hasDigit(s) {
			t.Errorf("ParseDate(%q) = %v, and it has no digit", s, tm)
		}
	})
}

// TestPlacedDatesHaveDigits holds the test authorDateLine puts before ParseDate: a date it
// places (a time that is not zero) has an ASCII digit.
func TestPlacedDatesHaveDigits(t *testing.T) {
	placed := 0
	for _, s := range anchoredTestLines(t) {
		if tm, ok := ParseDate(s); ok && !tm.IsZero() {
			placed++
			if !hasDigit(s) {
				t.Errorf("ParseDate(%q) = %v, and it has no digit", s, tm)
			}
		}
	}
	if placed < 100 {
		t.Errorf("only %d dates placed", placed)
	}
}
