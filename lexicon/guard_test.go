package lexicon

import (
	"strings"
	"testing"
)

// drugsIn matches text with the default vocabulary and returns the drug concepts found.
func drugsIn(m *Matcher, text string) []string {
	var out []string
	for _, x := range m.Match(text) {
		if x.Concept.Kind == Drug {
			out = append(out, x.Concept.Name)
		}
	}
	return out
}

// TestAbbreviationNeedsContext: a ?TERM (an abbreviation or word that is also ordinary)
// is a drug only with a [before] word right before it or an [after] word or number right
// after, never after a possessive. One case each way per rule.
func TestAbbreviationNeedsContext(t *testing.T) {
	m := defaultMatcher(t)
	tests := []struct {
		text string
		want string // "" when no drug may be found
	}{
		{"My PCP told me to rest.", ""},                      // a possessive: the doctor
		{"The PCP referred me to a specialist.", ""},         // no drug word around it
		{"I saw my PCP and she said to take it easy.", ""},   // "take" in the sentence is not enough
		{"He was high on PCP all weekend.", "phencyclidine"}, // [before] "on"
		{"He smoked PCP once.", "phencyclidine"},             // [before] "smoked"
		{"I took some PCP at a party.", "phencyclidine"},     // [filler] "some" between
		{"I took the kids to Home Depo.", ""},
		{"I got the depo shot in May.", "medroxyprogesterone"}, // the term "depo shot"
		{"I was on depo for two years.", "medroxyprogesterone"},
		{"The game has a nitro boost.", ""},
		{"I keep a nitro in my pocket.", "nitroglycerin"},
		{"nitro 0.4 under the tongue", "nitroglycerin"}, // a number after
		{"He installed a nitrous kit in his car.", ""},
		{"The dentist gave me nitrous for the filling.", "nitrous oxide"},
		{"The broccoli was mushy.", ""},
		{"We took mushies at the festival.", "psilocybin"},
	}
	for _, tc := range tests {
		got := drugsIn(m, tc.text)
		if tc.want == "" && len(got) > 0 || tc.want != "" && (len(got) != 1 || got[0] != tc.want) {
			t.Errorf("%q: drugs %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestSlangNeedsItsOwnContext: a ?TERM of the [term] list counts only with one of its
// own words right before it or a dose beside it; the general lists do not apply to it.
func TestSlangNeedsItsOwnContext(t *testing.T) {
	m := defaultMatcher(t)
	tests := []struct {
		text string
		want string // "" when no drug may be found
	}{
		{"I was taking 2mg bars daily.", "alprazolam"},                 // a dose right before
		{"I was taking 2 mg bars daily.", "alprazolam"},                // the unit apart
		{"I was on bars for a year.", "alprazolam"},                    // its own word right before
		{"He did pull-ups on the bars.", ""},                           // no filler between
		{"We went to the bars.", ""},                                   // no word of its own
		{"I had no bars on my phone.", ""},                             // "no" is no cue
		{"subs 8mg twice a day", "buprenorphine and naloxone"},         // a dose right after
		{"subs 8 dollars each", ""},                                    // a number, but no unit
		{"sipping lean all night", "promethazine and codeine"},         // its own word
		{"I keep lean by walking.", ""},                                // "keep" is a general cue only
		{"Focus on lean protein.", ""},                                 // "on" is not one of lean's
		{"I was popping blues.", "oxycodone"},                          // its own word, written as listed
		{"I took blue pills for a week.", ""},                          // =blues: not its stem "blue"
		{"I was on roxy for months.", "oxycodone"},                     // lowercase: the slang
		{"We took Roxy to the vet.", ""},                               // capitalized: a name
		{"I was on roxy's side.", ""},                                  // a possessive: a person
		{"I took 120mg beans.", "mdma"},                                // beans: a dose only
		{"We lived on beans and toast.", ""},                           // no word counts for beans
		{"He was popping beans into his mouth.", ""},                   // not even "popping"
		{"I took percs after surgery.", "oxycodone and acetaminophen"}, // the general lists
		{"The percs of the job are great.", ""},
	}
	for _, tc := range tests {
		got := drugsIn(m, tc.text)
		if tc.want == "" && len(got) > 0 || tc.want != "" && (len(got) != 1 || got[0] != tc.want) {
			t.Errorf("%q: drugs %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestCorrectionNeedsEvidence: a misspelling is read as a drug only with evidence. Each
// rule of doubt, with a case it rejects and one it keeps.
func TestCorrectionNeedsEvidence(t *testing.T) {
	m := defaultMatcher(t)
	tests := []struct {
		rule, text, want string
	}{
		// An ordinary word nearer than the drug: never the drug, whatever the context.
		{"english nearer", "I was incrasing the dose slowly.", ""},
		// As near an ordinary word as a drug: the drug only with drug context...
		{"english tie", "She has the abilty to make anyone laugh.", ""},
		{"english tie", "I was prescribed abilty for depression.", "aripiprazole"},
		// ...unless it is a long misspelling of a common drug's name.
		{"english tie, common", "cymbalt made me sweat", "duloxetine"},
		// A rare brand read from a short or twice-misspelled word needs drug context.
		{"rare brand", "We eat paleo now.", ""},
		{"rare brand", "My new orthotix hurt my feet.", ""},
		{"rare brand", "I was prescribed pazzeo drops for my eyes.", "olopatadine"},
		// A common drug's misspelling needs none.
		{"common", "liptor made my legs ache", "atorvastatin"},
		{"common", "seroquil knocked me out", "quetiapine"},
		// Ties go to the word that begins like the misspelling.
		{"tie", "my stomack hurts", ""},
		{"tie", "I took paxel for anxiety.", "paroxetine"},
		// Words the SCOWL list lacks are not misspellings.
		{"extra words", "I had lasik surgery.", ""},
	}
	for _, tc := range tests {
		got := drugsIn(m, tc.text)
		if tc.want == "" && len(got) > 0 || tc.want != "" && (len(got) != 1 || got[0] != tc.want) {
			t.Errorf("%s: %q: drugs %q, want %q", tc.rule, tc.text, got, tc.want)
		}
	}
}

// TestCommonDrugsRecall: every drug of common/top200.tsv is found by its generic name
// and by each brand listed, in a sentence.
func TestCommonDrugsRecall(t *testing.T) {
	m := defaultMatcher(t)
	b, err := dataFS.ReadFile("common/top200.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n, found := 0, 0
	for _, l := range strings.Split(string(b), "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		name, brands, _ := strings.Cut(l, "\t")
		for i, w := range append([]string{name}, strings.Split(brands, "|")...) {
			if i > 0 { // brands as people write them: capitalized
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			n++
			text := "My doctor switched me to " + w + " last year."
			if got := drugsIn(m, text); len(got) == 1 && got[0] == name {
				found++
			} else {
				t.Errorf("%q: drugs %q, want %q", text, got, name)
			}
		}
	}
	if n < 400 {
		t.Errorf("%d names in top200.tsv, want the generic and brands of about 200 drugs", n)
	}
	t.Logf("%d of %d generic and brand names found", found, n)
}

// The guard cues' loader names the file and line of a bad list.
func TestParseGuardErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"[before]\non\n[nonsense]\n", "g.txt:3: list header"},
		{"stray\n", "g.txt:1: \"stray\" before any [list] header"},
		{"[before]\ntwo words\n", "g.txt:2: cue \"two words\""},
		{"[before]\non\n", "no [filler] list"},
		{"[term]\nBars\ton\n", "g.txt:2: [term] line \"Bars\\ton\""},
		{"[term]\nbars\ton\nbars\ttook\n", "g.txt:3: [term] \"bars\" listed twice"},
		{"[term]\nbars\tOn\n", "g.txt:2: [term] \"bars\": cue \"On\""},
		{"[before]\non\n[filler]\na\n[after]\nmg\n[sentence]\nmg\n[never]\nmy\n", "no [unit] list"},
	} {
		_, err := parseGuard("g.txt", tc.text)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parseGuard(%q) = %v, want an error with %q", tc.text, err, tc.want)
		}
	}
}

// A [term] of the guard cues must be a ?TERM of the lexicon, or its context is dead data.
func TestCheckTermCues(t *testing.T) {
	lx, err := Parse("drugs.tsv", "concept\tclass\tterms\nalprazolam\tbenzodiazepine\txanax|?=bars|bar\n")
	if err != nil {
		t.Fatal(err)
	}
	g, err := parseGuard("g.txt", "[before]\non\n[filler]\na\n[after]\nmg\n[sentence]\nmg\n[never]\nmy\n[unit]\nmg\n[term]\nbars\ton\nxanax\ton\nbar\ton\n")
	if err != nil {
		t.Fatal(err)
	}
	errs := lx.checkTermCues("g.txt", g)
	if len(errs) != 2 || !strings.Contains(errs.Error(), "g.txt:15: [term] \"xanax\" is not a ?TERM") ||
		!strings.Contains(errs.Error(), "g.txt:16: [term] \"bar\" is not a ?TERM") {
		t.Errorf("errors %v", errs)
	}
}

// markCommon names the line of a concept or brand that is not in the lexicon.
func TestMarkCommonErrors(t *testing.T) {
	lx, err := Parse("drugs.tsv", testDrugs)
	if err != nil {
		t.Fatal(err)
	}
	errs := lx.markCommon("c.tsv", "# comment\nclonazepam\tklonopin|nosuchbrand\nnosuchdrug\tx\n")
	if len(errs) != 2 || !strings.Contains(errs.Error(), "c.tsv:2: \"nosuchbrand\" is not a term of \"clonazepam\"") ||
		!strings.Contains(errs.Error(), "c.tsv:3: \"nosuchdrug\" is not a drug concept") {
		t.Errorf("errors %v", errs)
	}
}
