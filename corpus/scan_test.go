package corpus

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// testLines are the lines of every test page and of the pages under testdata, with
// lines made to trip the hand-written scanners: what they must read as the expressions
// they replace read it.
func testLines(t testing.TB, extra ...string) []string {
	t.Helper()
	files, err := Expand([]string{"../testdata"})
	if err != nil {
		t.Fatal(err)
	}
	lines := extra
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			lines = append(lines, l, strings.TrimSpace(l), stripBullet(l))
		}
	}
	return lines
}

// reAuthorDateSep is what authorDateSeps finds, as an expression.
var reAuthorDateSep = regexp.MustCompile(`\s+(?:[-–—|·•»]|on|at)\s+|,\s+|\s{2,}|\t`)

func TestAuthorDateSeps(t *testing.T) {
	lines := testLines(t, "Jane Doe - March 3, 2019", "Jane\t- \tx", "a\tb", "a \tb", "a\t\tb", "a , b", "a,b", "a,  b",
		"a on b", "a  on  b", "a online b", "a at", "a at ", " at b", "\ta", "a\t", "a -b", "a- b", "a » b", "a —  b",
		"a · b · c", "a •b", "a\r\n- b", "a \f b", "a\v b", "a \xff b", "a \xe2\x80 b", "x,\t", ",", " ", "  ", "a  -  ", "on at")
	found := 0
	for _, l := range lines {
		got, want := authorDateSeps(l), reAuthorDateSep.FindAllStringIndex(l, -1)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		found++
		if !reflect.DeepEqual(got, want) {
			t.Errorf("authorDateSeps(%q) = %v, want %v", l, got, want)
		}
	}
	if found < 100 {
		t.Errorf("only %d lines with a separator", found)
	}
}

func FuzzAuthorDateSeps(f *testing.F) {
	for _, s := range []string{"Jane Doe - March 3, 2019 at 7:15 pm", "a\t b", "a ,  on  b", "x · y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := authorDateSeps(s), reAuthorDateSep.FindAllStringIndex(s, -1)
		if (len(got) != 0 || len(want) != 0) && !reflect.DeepEqual(got, want) {
			t.Errorf("authorDateSeps(%q) = %v, want %v", s, got, want)
		}
	})
}

// mayDateVerb passes every line reDateVerb matches.
func TestMayDateVerb(t *testing.T) {
	lines := testLines(t, "Posted on March 3", "ANSWERED Mar 3", "aſked 3 days ago", "asked  x", "Reviewed in the United States on March 3, 2021",
		"Edited", "edited ", "Écrit le", "Commentary 3", "\u212Aasked x")
	matched := 0
	for _, l := range lines {
		if reDateVerb.MatchString(l) {
			matched++
			if !mayDateVerb(l) {
				t.Errorf("mayDateVerb(%q) = false, and reDateVerb matches it", l)
			}
		}
	}
	if matched < 5 {
		t.Errorf("reDateVerb matched only %d lines", matched)
	}
}

// refMoreWords is moreWords as it was: over strings.FieldsSeq.
func refMoreWords(s string, n int) bool {
	for range strings.FieldsSeq(s) {
		if n--; n < 0 {
			return true
		}
	}
	return false
}

// moreWords counts the words strings.Fields finds.
func TestMoreWords(t *testing.T) {
	lines := testLines(t, "", " ", "a", "a b", " a  b ", "a\u00a0b", "a\u0085b", "a\u2009b\u3000c", "a\xffb \xff", "\t\n\v\f\r", "a\x1cb", "é è")
	for _, l := range lines {
		k := len(strings.Fields(l))
		for _, n := range []int{0, 1, 2, 5, 7, 12, k - 1, k} {
			if got, want := moreWords(l, n), refMoreWords(l, n); got != want {
				t.Errorf("moreWords(%q, %d) = %v, want %v (%d words)", l, n, got, want, k)
			}
		}
	}
}

func FuzzMoreWords(f *testing.F) {
	f.Add("Jane says: I took it\u00a0for two\u2009weeks", 3)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if got, want := moreWords(s, n), refMoreWords(s, n); got != want {
			t.Errorf("moreWords(%q, %d) = %v, want %v", s, n, got, want)
		}
	})
}

// saysMatch, replyingTo and handleName answer as the expressions they guard.
func TestGuardedExpressions(t *testing.T) {
	lines := testLines(t, "Jane ſays:", "JANE SAYS:", "Marie a écrit :", "Paul ha scritto:", "Hans hat geschrieben:", "Ana escribió",
		"REPLYING TO @jo", "Replying to @jo and @al", "replying  to @jo", "Rebecca Hale @beccahale_runs", "x @y", "@y", "Jane says: I agree")
	check := func(s string) {
		t.Helper()
		if got, want := saysMatch(s), reSays.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("saysMatch(%q) = %q, want %q", s, got, want)
		}
		if got, want := replyingTo(s), reReplyingTo.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("replyingTo(%q) = %q, want %q", s, got, want)
		}
		if got, want := handleName(s), reHandleName.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("handleName(%q) = %q, want %q", s, got, want)
		}
	}
	says := 0
	for _, l := range lines {
		check(l)
		if saysMatch(l) != nil {
			says++
		}
	}
	if says < 20 {
		t.Errorf("only %d lines read as \"Name says:\"", says)
	}
}

func FuzzGuardedExpressions(f *testing.F) {
	for _, s := range []string{"Jane says:", "Replying to @jo", "Rebecca Hale @beccahale_runs", "Jane ſays:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := saysMatch(s), reSays.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("saysMatch(%q) = %q, want %q", s, got, want)
		}
		if got, want := replyingTo(s), reReplyingTo.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("replyingTo(%q) = %q, want %q", s, got, want)
		}
		if got, want := handleName(s), reHandleName.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Errorf("handleName(%q) = %q, want %q", s, got, want)
		}
	})
}

// refTrimLine is splitLines's trim as it was: rune by rune.
func refTrimLine(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' })
}

// checkByteScans holds the byte-level scans to what they replace.
func checkByteScans(t *testing.T, s string) {
	t.Helper()
	if got, want := trimLine(s), refTrimLine(s); got != want {
		t.Errorf("trimLine(%q) = %q, want %q", s, got, want)
	}
	if got, want := hasDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
		t.Errorf("hasDigit(%q) = %v, want %v", s, got, want)
	}
	k := utf8.RuneCountInString(s)
	for _, n := range []int{0, 1, 40, 120, k - 1, k} {
		if got, want := runesOver(s, n), k > n; got != want {
			t.Errorf("runesOver(%q, %d) = %v, want %v (%d runes)", s, n, got, want, k)
		}
	}
	for _, w := range []string{"ago", "yesterday", "today", "just now", "edited"} {
		if got, want := containsFoldASCII(s, w), strings.Contains(strings.ToLower(s), w); got != want {
			t.Errorf("containsFoldASCII(%q, %q) = %v, want %v", s, w, got, want)
		}
	}
}

var byteScanLines = []string{"", " ", "\u00a0x\u00a0", "\u200b\ufeff a \u3000", "\ta\v", "\xff a \xff", " \u0085", "3 days AGO",
	"Yesterday", "JUST NOW", "a\u212Ago", "İago", "ædited", "Last EDITED", "٣ days", "é", "ééééé", "12"}

func TestByteScans(t *testing.T) {
	for _, l := range testLines(t, byteScanLines...) {
		checkByteScans(t, l)
	}
}

func FuzzByteScans(f *testing.F) {
	for _, s := range byteScanLines {
		f.Add(s)
	}
	f.Fuzz(checkByteScans)
}

// refIsCommentsHeader is isCommentsHeader before its second-letter test.
func refIsCommentsHeader(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return strings.ContainsRune("0123456789cCrRsSvVlLſ", r) && reCommentsHeader.MatchString(t)
}

// refLinkFirstWord is isLinkLine's first-word test as it was.
func refLinkFirstWord(t string) bool {
	w := t
	if i := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		w = t[:i]
	}
	return linkFirstWords[strings.ToLower(w)]
}

// checkGuards holds each cheap test to what it guards: it passes every line its
// expression matches, and the guarded functions answer as before.
func checkGuards(t *testing.T, s string) {
	t.Helper()
	if reSays.MatchString(s) && !sayAtWordStart(s) {
		t.Errorf("sayAtWordStart(%q) = false, and reSays matches it", s)
	}
	if got, want := isCommentsHeader(s), refIsCommentsHeader(s); got != want {
		t.Errorf("isCommentsHeader(%q) = %v, want %v", s, got, want)
	}
	if reEdited.MatchString(s) && !mayEdited(s) {
		t.Errorf("mayEdited(%q) = false, and reEdited matches it", s)
	}
	if reRatingLine.MatchString(s) && !mayRating(s) {
		t.Errorf("mayRating(%q) = false, and reRatingLine matches it", s)
	}
	if reQAByline.MatchString(s) && s[0]|0x20 != 'a' {
		t.Errorf("reQAByline matches %q", s)
	}
	if reCondition.MatchString(s) && !strings.Contains(s, ":") {
		t.Errorf("reCondition matches %q", s)
	}
	if got, want := linkFirstWord(s), refLinkFirstWord(s); got != want {
		t.Errorf("linkFirstWord(%q) = %v, want %v", s, got, want)
	}
	for _, m := range []map[string]bool{roleBadges, footerFirstWords, linkFirstWords} {
		if got, want := inLower(m, s), m[strings.ToLower(s)]; got != want {
			t.Errorf("inLower(%q) = %v, want %v", s, got, want)
		}
	}
	if dateSeps(s) == nil {
		for _, sep := range bylineSeps {
			if strings.Contains(s, sep) {
				t.Errorf("dateSeps(%q) is nil, and it holds %q", s, sep)
			}
		}
	}
}

var guardLines = []string{"ſhow all comments", "Réactions", "RÉACTIONS", "Comments (3)", "reſponses", "LOAD ALL 3 COMMENTS",
	"View 12 comments", "Vos commentaires", "Leserkommentare", "12 Responses", "Paul a écrit :", "Hans hat geschrieben:",
	"X ha scritto:", "Jane ſays:", "JANE ÉCRIT", "Ana ESCRIBIÓ:", "Ana escribió:", "Jo\tsaid:", "Jo\u00a0said:", "said: x",
	"· edited 2 yr. ago", "  Last Edited", "Edited", "Overall rating: 4/5", "ſide effects ★★", "ANSWERED Mar 3, 2019 at 12:47",
	"Condition : x", "OP", "Original Poster", "Répondre", "REPLY", "Like · Reply · 3y", "Jane | March 3", "Jane — March 3",
	"Abcdefghijklmnopqrstuvwxyzabcdefghijkl", "\u212Aommentare"}

func TestGuards(t *testing.T) {
	for _, l := range testLines(t, guardLines...) {
		checkGuards(t, l)
	}
}

func FuzzGuards(f *testing.F) {
	for _, s := range guardLines {
		f.Add(s)
	}
	f.Fuzz(checkGuards)
}

// countWords counts what moreWords counts, and isVotes answers as reVotes.
func TestCountWordsAndVotes(t *testing.T) {
	for _, l := range testLines(t, "x12", "X 3 points", "12k likes", "x", "1.5k", "a b c d e f g h i", "a\u00a0b\u2009c") {
		k := len(strings.Fields(l))
		for _, n := range []int{1, 2, 7, 8} {
			if got, want := countWords(l, n), min(k, n); got != want {
				t.Errorf("countWords(%q, %d) = %d, want %d", l, n, got, want)
			}
		}
		if got, want := isVotes(l), reVotes.MatchString(l); got != want {
			t.Errorf("isVotes(%q) = %v, want %v", l, got, want)
		}
	}
}
