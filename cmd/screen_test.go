package cmd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rxvoice/rxvoice/analyze"
)

// runScreen runs rxvoice as on a terminal width columns wide, without colour unless
// color (NO_COLOR set otherwise).
func runScreen(t *testing.T, width int, color bool, args ...string) (string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	streams := &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, IsTTY: true, ErrIsTTY: true,
		Width: width, NoColor: !color, Now: func() time.Time { return time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC) }}
	if code := Run(args, streams); code != ExitOK {
		t.Fatalf("%v: exit %d: %s", args, code, errOut.String())
	}
	return out.String(), errOut.String()
}

// The screens of report, mentions and comments on the sample page at 80 and 120
// columns, reviewed as golden files: no line wider than the terminal, no word cut.
// The whole text each is checked against is the --wide output, itself checked by
// TestWideComplete.
func TestScreensGolden(t *testing.T) {
	for _, name := range []string{"report", "mentions", "comments"} {
		whole, _ := runScreen(t, 80, false, name, "--wide", samplePage)
		for _, width := range []int{80, 120} {
			t.Run(fmt.Sprintf("%s-%d", name, width), func(t *testing.T) {
				screen, errOut := runScreen(t, width, false, name, samplePage)
				checkGolden(t, fmt.Sprintf("screen-%s-%d.txt", name, width), screen)
				checkFits(t, screen, width)
				checkWholeWords(t, screen, whole)
				if !strings.Contains(errOut, "--wide") {
					t.Errorf("stderr %q does not say how to see the rest", errOut)
				}
			})
		}
	}
}

// checkFits fails on a line wider than width.
func checkFits(t *testing.T, screen string, width int) {
	t.Helper()
	for i, l := range strings.Split(screen, "\n") {
		if w := cellWidth(l); w > width {
			t.Errorf("line %d is %d columns wide, want at most %d: %q", i+1, w, width, l)
		}
	}
}

// checkWholeWords fails on a word cut on the screen. On a screen, columns are two or
// more spaces apart and a cell has no double space; where a cell was cut, "…" stands
// at a word boundary, so the text kept (next to "…") is in the whole text with a word
// boundary on its cut side: a space, a list's separator or the end of the line.
func checkWholeWords(t *testing.T, screen, whole string) {
	t.Helper()
	// A cell's line breaks are written \n in the whole text, and spaces on the screen.
	var w strings.Builder
	for _, l := range strings.Split(strings.ReplaceAll(whole, `\n`, " "), "\n") {
		w.WriteString(squash(l) + "\n")
	}
	whole = w.String()
	cuts := 0
	for _, l := range strings.Split(screen, "\n") {
		for _, cell := range regexp.MustCompile(`\s{2,}`).Split(strings.TrimSpace(l), -1) {
			if !strings.Contains(cell, ellipsis) {
				continue
			}
			for _, part := range strings.Split(cell, ellipsis) {
				part = strings.TrimSpace(part)
				if part == "" {
					continue
				}
				cuts++
				before := strings.HasPrefix(strings.TrimSpace(cell), ellipsis) && strings.HasPrefix(cell, ellipsis+part) ||
					strings.Contains(cell, ellipsis+part) || strings.Contains(cell, ellipsis+" "+part)
				after := strings.Contains(cell, part+ellipsis)
				re := regexp.QuoteMeta(part)
				if before {
					re = `(^|[\s(,;:.!?/-])` + re // a mention may follow "sweats," with no space
				}
				if after {
					re += `([\s;,:→]|$)`
				}
				if !regexp.MustCompile("(?m)" + re).MatchString(whole) {
					t.Errorf("cut inside a word: %q (cell %q)", part, cell)
				}
			}
		}
	}
	if cuts == 0 {
		t.Error("nothing was cut on the screen: the check checked nothing")
	}
}

// --wide on a terminal and piped output show every column and whole cells.
func TestWideComplete(t *testing.T) {
	var s analyze.Summary
	out, _, _ := run(t, false, "", "report", "--format", "json", samplePage)
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	wide, errOut := runScreen(t, 80, false, "report", "--wide", samplePage)
	piped, _, _ := run(t, false, "", "report", samplePage)
	if strings.Contains(errOut, "--wide") {
		t.Errorf("--wide still says something was left out: %q", errOut)
	}
	for name, table := range map[string]string{"wide": wide, "piped": piped} {
		lines := strings.Split(table, "\n")
		row := func(key string) string {
			for _, l := range lines {
				if strings.HasPrefix(strings.TrimSpace(l), key+"  ") {
					return l
				}
			}
			return ""
		}
		for _, d := range s.Drugs {
			l := row(d.Concept)
			want := []string{d.Class, counts(d.Surfaces), counts(d.Status), counts(d.Doses)}
			if d.Duration.N > 0 {
				want = append(want, humanDays(d.Duration.Median), humanDays(d.Duration.Max))
			}
			for _, w := range want {
				if !strings.Contains(l, w) {
					t.Errorf("%s: drug %s: %q not in %q", name, d.Concept, w, l)
				}
			}
		}
		for _, y := range s.Symptoms {
			if l := row(y.Concept); !strings.Contains(l, y.System) || !strings.Contains(l, counts(y.Drugs)) {
				t.Errorf("%s: symptom %s: %q", name, y.Concept, l)
			}
		}
		rors := 0
		for _, l := range lines {
			if strings.Contains(strings.ToLower(l), "ror 95% high") {
				rors++
			}
		}
		if rors != 1 {
			t.Errorf("%s: the pairs table has no ROR column", name)
		}
	}
	// mentions --wide: each line has the mention's source:comment and its whole
	// sentence, the mention between [ ].
	recs := decodeJSONL[MentionRecord](t, mustRun(t, "mentions", "--format", "jsonl", samplePage))
	wideM, _ := runScreen(t, 80, false, "mentions", "--wide", samplePage)
	lines := strings.Split(strings.TrimSuffix(wideM, "\n"), "\n")
	if len(lines) != len(recs) {
		t.Fatalf("mentions --wide: %d lines for %d mentions", len(lines), len(recs))
	}
	for i, r := range recs {
		l := lines[i]
		where := "article"
		if r.Comment != nil {
			where = intOrEmpty(r.Comment)
		}
		plain := strings.Replace(l, "["+oneLine(r.Text)+"]", oneLine(r.Text), 1)
		if !strings.HasPrefix(l, r.Source+":"+where+":") || !strings.Contains(plain, oneLine(r.Sentence)) || plain == l {
			t.Errorf("mentions --wide line %d %q lacks %s:%s: or the whole sentence %q with [%s]", i+1, l, r.Source, where, r.Sentence, r.Text)
		}
	}
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := run(t, false, "", args...)
	if code != ExitOK {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out
}

// --color: auto paints on a terminal unless NO_COLOR is set, always paints (also
// piped: the one-line view, whole), never does not; piped output is the table.
func TestMentionsColor(t *testing.T) {
	painted := func(s string) bool { return strings.Contains(s, sgrMatch) && strings.Contains(s, sgrReset) }
	auto, _ := runScreen(t, 80, true, "mentions", samplePage)
	noColor, _ := runScreen(t, 80, false, "mentions", samplePage)
	always, _ := runScreen(t, 80, false, "mentions", "--color", "always", samplePage)
	never, _ := runScreen(t, 80, true, "mentions", "--color", "never", samplePage)
	piped := mustRun(t, "mentions", samplePage)
	pipedAlways := mustRun(t, "mentions", "--color", "always", samplePage)
	for _, tc := range []struct {
		name  string
		out   string
		paint bool
	}{{"auto", auto, true}, {"NO_COLOR", noColor, false}, {"always over NO_COLOR", always, true},
		{"never", never, false}, {"piped", piped, false}, {"piped always", pipedAlways, true}} {
		if painted(tc.out) != tc.paint {
			t.Errorf("%s: painted %v, want %v", tc.name, !tc.paint, tc.paint)
		}
	}
	// Without colour the mention is marked [ ]; with colour the text is the same.
	strip := regexp.MustCompile("\x1b\\[[0-9;]*m")
	if strings.ReplaceAll(strings.ReplaceAll(noColor, "[", ""), "]", "") == noColor {
		t.Error("without colour no mention is marked")
	}
	if got := strip.ReplaceAllString(auto, ""); cellWidth(got) == 0 || strings.Contains(got, "\x1b") {
		t.Error("colour codes not stripped")
	}
	checkFits(t, strip.ReplaceAllString(auto, ""), 80)
	if !strings.HasPrefix(piped, " comment ") || strings.Contains(pipedAlways, " comment ") ||
		!strings.HasPrefix(strip.ReplaceAllString(pipedAlways, ""), "../testdata/klonopin-immune-comments.txt:article:  The benzodiazepines are a class of drugs typically prescribed") {
		t.Errorf("piped: want the table, and with --color always the whole one-line view:\n%s\n%s", clip(piped, 200), clip(pipedAlways, 200))
	}
	_, errOut, code := run(t, false, "", "mentions", "--color", "sometimes", samplePage)
	if code != ExitUsage || !strings.Contains(errOut, `unknown color "sometimes" (want auto, always, never)`) {
		t.Errorf("bad --color: exit %d, %q", code, errOut)
	}
}

func TestClipWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want string
	}{
		{"clonazepam", 10, "clonazepam"},
		{"general physical health deterioration", 20, "general physical…"},
		{"general physical health deterioration", 17, "general physical…"},
		{"general physical health deterioration", 16, "general…"},
		{"current (8); stopped (7); tapering (3)", 30, "current (8); stopped (7)…"},
		{"current (8); stopped (7); tapering (3)", 24, "current (8)…"}, // a whole item, not "stopped" alone
		{"current (8); stopped (7); tapering (3)", 12, "current (8)…"},
		{"current (8); stopped (7); tapering (3)", 9, "current…"},
		{"a, b", 3, "a…"},
		{"clonazepam", 6, "clona…"}, // no word fits: the last resort
		{"Ω clonazepam", 3, "Ω…"},
		{"頭痛 ひどい", 5, "頭痛…"}, // wide characters count two cells
		{"x", 0, ""},
	} {
		got, cut := clipWords(tc.in, tc.w)
		if got != tc.want || cut != (got != tc.in) || cellWidth(got) > max(tc.w, 0) {
			t.Errorf("clipWords(%q, %d) = %q, %v; want %q", tc.in, tc.w, got, cut, tc.want)
		}
	}
	for _, tc := range []struct {
		in   string
		w    int
		want string
	}{
		{"I have been taking", 18, "I have been taking"},
		{"I have been taking", 12, "…been taking"},
		{"I have been taking", 7, "…taking"},
		{"I have been taking", 5, "…"},
	} {
		if got, _ := clipWordsLeft(tc.in, tc.w); got != tc.want {
			t.Errorf("clipWordsLeft(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
}

func TestFitColumns(t *testing.T) {
	header := []string{"drug", "n", "status"}
	rows := [][]string{{"hydroxychloroquine", "12", "current (8); stopped (7); tapering (3)"}, {"x", "1", ""}}
	for _, tc := range []struct {
		width int
		want  []int
	}{
		{200, []int{18, 2, 38}},    // all whole
		{40, []int{18, 2, 16}},     // the list takes what is left
		{36, []int{18, 2, 12}},     // its first item
		{30, []int{18, 2}},         // not even that: the column is left out
		{10, []int{18}},            // one column wider than the terminal
		{0, []int{18}},             // no width: still no panic
		{-5, []int{18}},            // nor below
		{58 + 4, []int{18, 2, 38}}, // exactly
		{58 + 3, []int{18, 2, 37}}, // one short
	} {
		got, shown := fitColumns(header, rows, tc.width, termGap)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) && !(len(tc.want) == 1 && shown == 1) || shown != len(tc.want) {
			t.Errorf("width %d: %v (%d shown), want %v", tc.width, got, shown, tc.want)
		}
	}
}

func TestHumanDays(t *testing.T) {
	for _, tc := range []struct {
		days float64
		want string
	}{
		{0, "0 min"}, {2.5 / 24, "2.5 h"}, {0.5 / 24, "30 min"}, {1, "1 d"}, {4, "4 d"}, {13, "13 d"}, {14, "2 wk"}, {21, "3 wk"}, {59, "8.4 wk"},
		{60, "2 mo"}, {182.6, "6 mo"}, {350, "11 mo"}, {360, "1 y"}, {365.25, "1 y"}, {547.9, "1.5 y"},
		{2739.4, "7.5 y"}, {3652.5, "10 y"}, {10957.5, "30 y"}, {-21, "-3 wk"},
	} {
		if got := humanDays(tc.days); got != tc.want {
			t.Errorf("humanDays(%v) = %q, want %q", tc.days, got, tc.want)
		}
	}
}

// FuzzClipWords: a cut text fits, ends in "…", and keeps leading whole words of the
// cell unless not even the first word fits.
func FuzzClipWords(f *testing.F) {
	for _, s := range []string{"current (8); stopped (7); tapering (3)", "general physical health deterioration",
		", Osteoarthritis, and", "頭痛 ひどい", "a  b\n c", "https://example.com/a/very/long/address/that/goes/on and on"} {
		f.Add(s, 12)
	}
	f.Fuzz(func(t *testing.T, s string, w int) {
		s, w = oneLine(strings.ToValidUTF8(s, "")), w%200
		got, cut := clipWords(s, w)
		if !cut {
			if got != s || cellWidth(s) > w {
				t.Fatalf("clipWords(%q, %d) = %q not cut", s, w, got)
			}
			return
		}
		if w <= 0 {
			if got != "" {
				t.Fatalf("clipWords(%q, %d) = %q, want nothing", s, w, got)
			}
			return
		}
		if cellWidth(got) > w || got != "" && !strings.HasSuffix(got, ellipsis) {
			t.Fatalf("clipWords(%q, %d) = %q: too wide or no …", s, w, got)
		}
		first, _, _ := strings.Cut(s, " ")
		if cellWidth(strings.TrimRight(first, listPunct))+cellWidth(ellipsis) > w {
			return // the first word does not fit: the last resort may cut it
		}
		body := strings.TrimSuffix(got, ellipsis)
		rest, ok := strings.CutPrefix(s, body)
		if !ok || body != "" && rest != "" && !strings.ContainsAny(rest[:1], " "+listPunct) {
			t.Fatalf("clipWords(%q, %d) = %q: not whole words of the cell", s, w, got)
		}
	})
}
