package lexicon

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

const testDrugs = "# test drugs\nconcept\tclass\tterms\tlevel\n" +
	"clonazepam\tbenzodiazepine\tklonopin|klon|rivotril\n" +
	"alprazolam\tbenzodiazepine\txanax|xannies\n" +
	"atorvastatin\tstatin\tlipitor\n" +
	"zaleplon\tz-drug hypnotic\t=Sonata\n" +
	"benzodiazepines\tbenzodiazepine\tbenzo|benzos\tclass\n"

const testSymptoms = "concept\tsystem\tterms\n" +
	"insomnia\tpsychiatric\tcan't sleep|trouble sleeping\n" +
	"palpitations\tcardiovascular\theart ... race|racing heart\n" +
	"myalgia\tmusculoskeletal\tmuscle pain|leg ... ache\n" +
	"pain\tgeneral\tache\n" +
	"sinusitis\tinfection and immune\tsinus infection\n" +
	"chronic sinusitis\tinfection and immune\tchronic sinus infection\n" +
	"leukopenia\tblood\tlow white blood cell count|white blood cell ... low\n" +
	"anxiety\tpsychiatric\tanxious|anti-anxiety\n" +
	"erectile dysfunction\tsexual and reproductive\t=ED\n"

func testMatcher(t *testing.T) *Matcher {
	t.Helper()
	lx, err := Parse("drugs.tsv", testDrugs)
	if err != nil {
		t.Fatal(err)
	}
	if err := lx.AddText("symptoms.tsv", testSymptoms); err != nil {
		t.Fatal(err)
	}
	if errs := lx.markCommon("common.tsv", "clonazepam\tklonopin\nalprazolam\txanax\natorvastatin\tlipitor\n"); len(errs) > 0 {
		t.Fatal(errs)
	}
	return Compile(lx)
}

func TestStem(t *testing.T) {
	groups := [][]string{
		{"ache", "aches", "aching", "ached"},
		{"leg", "legs"},
		{"race", "racing", "raced", "races"},
		{"dizzy", "dizziness"},
		{"sleep", "sleeping", "sleeps"},
		{"stop", "stopped", "stopping", "stops"},
		{"allergy", "allergies"},
		{"rash", "rashes"},
		{"itch", "itches", "itching", "itched"},
		{"vomit", "vomiting", "vomited", "vomits"},
		{"swell", "swelling", "swelled"},
		{"anxiety", "anxieties"},
		{"fatigue", "fatigued"},
		{"hive", "hives"},
	}
	var base []string
	for _, g := range groups {
		base = append(base, g[0])
	}
	lx, err := Parse("t.tsv", "concept\tsystem\tterms\nx\tgeneral\t"+strings.Join(base, "|")+"|hiv|sinus|nausea|sleepy|note|can\n")
	if err != nil {
		t.Fatal(err)
	}
	m := Compile(lx)
	key := func(w string) string { return m.resolveKey(&Tokenize(w)[0]) }
	for _, g := range groups {
		want := key(g[0])
		for _, w := range g[1:] {
			if got := key(w); got != want {
				t.Errorf("key(%q) = %q, want %q like %q", w, got, want, g[0])
			}
		}
	}
	// Words that must stay apart.
	for _, pair := range [][2]string{{"sinusitis", "sinus"}, {"nauseous", "nausea"}, {"sleepy", "sleep"}, {"hives", "hiv"}, {"note", "not"}, {"cane", "can"}} {
		if key(pair[0]) == key(pair[1]) {
			t.Errorf("key(%q) == key(%q) = %q", pair[0], pair[1], key(pair[0]))
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // the tokens' Norm joined by spaces
	}{
		{"I couldn't sleep", "i couldnt sleep"},
		{"I could not sleep", "i couldnt sleep"},
		{"I could barely walk", "i couldnt walk"},
		{"I cannot sleep, can't sleep", "i cant sleep , cant sleep"},
		{"Hashimoto’s disease", "hashimoto disease"},
		{"took .5mg and 0.25 mg", "took .5 mg and 0.25 mg"},
		{"CoQ10 and coq 10", "coq 10 and coq 10"},
		{"anti-anxiety", "anti - anxiety"},
		{"“quoted”", "\" quoted \""},
		{"Café naïve", "cafe naive"},
		{"1,000 mg", "1000 mg"},
		// Lowercase words take a fast path; what follows their letters sends them back.
		{"nite thru cannot nites", "night through cant nites"},
		{"sleepLess o'clock naïve déjà", "sleepless oclock naive deja"},
		{"tab\tvt\vff\fcr\rnbsp\u00a0zw\u200bbom\ufeffend", "tab vt ff cr nbsp zw bom end"},
		{"x\u0085y\u2003z", "x y z"},
		{"abc.def abc1 abc-def", "abc . def abc 1 abc - def"},
	}
	for _, tc := range tests {
		toks := Tokenize(tc.in)
		var norms []string
		for _, tk := range toks {
			norms = append(norms, tk.Norm)
			if tk.Start < 0 || tk.End > len(tc.in) || tk.Start >= tk.End {
				t.Errorf("%q: bad offsets %d:%d", tc.in, tk.Start, tk.End)
			}
		}
		if got := strings.Join(norms, " "); got != tc.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLoaderErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"unknown column", "concept\tclass\tterms\tcolour\n", "x.tsv:1: unknown column \"colour\""},
		{"no header kind", "concept\tterms\nfoo\tbar\n", "x.tsv:1: header needs a class column"},
		{"empty name", "concept\tclass\tterms\n\tssri\tfoo\n", "x.tsv:2: empty concept name"},
		{"uppercase name", "concept\tclass\tterms\nProzac\tssri\t\n", "x.tsv:2: concept \"Prozac\" must be lowercase"},
		{"duplicate concept", "concept\tclass\tterms\nfluoxetine\tssri\tprozac\n\nfluoxetine\tssri\tsarafem\n", "x.tsv:4: concept \"fluoxetine\" already defined at line 2"},
		{"conflicting term", "concept\tclass\tterms\nfluoxetine\tssri\tprozac\nsertraline\tssri\tzoloft|prozac\n", "x.tsv:3: term \"prozac\" of \"sertraline\" is already a term of \"fluoxetine\" at line 2"},
		{"term twice", "concept\tclass\tterms\nfluoxetine\tssri\tprozac|prozac\n", "x.tsv:2: term \"prozac\" listed twice"},
		{"empty term", "concept\tclass\tterms\nfluoxetine\tssri\tprozac||sarafem\n", "x.tsv:2: empty term"},
		{"bad system", "concept\tsystem\tterms\nnausea\tstomach\tqueasy\n", "x.tsv:2: system \"stomach\" of \"nausea\" is not one of"},
		{"bad level", "concept\tclass\tterms\tlevel\nssris\tssri\tssri\tgroup\n", "x.tsv:2: level \"group\""},
		{"uppercase term", "concept\tclass\tterms\nzaleplon\thypnotic\tSonata\n", "x.tsv:2: term \"Sonata\" of \"zaleplon\" must be lowercase"},
		{"gap at edge", "concept\tsystem\tterms\npalpitations\tcardiovascular\t... racing\n", "x.tsv:2: term \"... racing\" of \"palpitations\": a gap"},
		{"stray tab", "concept\tclass\tterms\nfluoxetine\tssri\tprozac\textra\n", "x.tsv:2: 4 fields, header has 3 columns"},
		{"no class", "concept\tclass\tterms\nfluoxetine\t\tprozac\n", "x.tsv:2: drug \"fluoxetine\" has no class"},
		{"no header", "# only a comment\n", "x.tsv:1: no header line"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.tsv", tc.text)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestOverride(t *testing.T) {
	lx, err := Parse("drugs.tsv", testDrugs)
	if err != nil {
		t.Fatal(err)
	}
	// A new street name for an existing drug, and a term taken over from another concept.
	if err := lx.AddText("user.tsv", "concept\tclass\tterms\nclonazepam\tbenzodiazepine\tk-pins|kpins\nalprazolam\tbenzodiazepine\tklon\n"); err != nil {
		t.Fatal(err)
	}
	m := Compile(lx)
	for q, want := range map[string]string{"k-pins": "clonazepam", "kpins": "clonazepam", "klon": "alprazolam", "klonopin": "clonazepam"} {
		got := m.Match(q)
		if len(got) != 1 || got[0].Concept.Name != want {
			t.Errorf("%q matched %v, want %s", q, got, want)
		}
	}
}

func TestMatch(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		text string
		want []string // "surface=concept"
	}{
		{"I have been taking klonapin for ten years", []string{"klonapin=clonazepam"}},
		{"Clonopin and Klonipin, then Xanax", []string{"Clonopin=clonazepam", "Klonipin=clonazepam", "Xanax=alprazolam"}},
		{"my doctor put me on liptor", []string{"liptor=atorvastatin"}},
		{"my heart was racing all night", []string{"heart was racing=palpitations"}},
		{"heart racing", []string{"heart racing=palpitations"}},
		{"my heart, and then racing thoughts", nil}, // a gap stops at a comma
		{"my legs ached so badly", []string{"legs ached=myalgia"}},
		{"an aching leg", []string{"aching=pain"}},
		{"I couldn't sleep. I could not sleep. I can't sleep", []string{"can't sleep=insomnia"}},
		{"I cannot sleep", []string{"cannot sleep=insomnia"}},
		{"chronic sinus infection", []string{"chronic sinus infection=chronic sinusitis"}},
		{"sinusitus again", []string{"sinusitus=sinusitis"}},
		{"very low white blood cell count", []string{"low white blood cell count=leukopenia"}},
		{"my white blood cell count was low", []string{"white blood cell count was low=leukopenia"}},
		{"anti-anxiety and antianxiety pills", []string{"anti-anxiety=anxiety", "antianxiety=anxiety"}},
		{"she liked the sonata, took Sonata", []string{"Sonata=zaleplon"}},
		{"ED meds; he ed the line", []string{"ED=erectile dysfunction"}},
		{"I TOLD HIM ABOUT THE ED ISSUE", nil}, // capitals all along are shouting, not an acronym
		{"benzos are a class", []string{"benzos=benzodiazepines"}},
		{"the planet and plain words stay words", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			for _, x := range m.Match(tc.text) {
				if tc.text[x.Start:x.End] == "" {
					t.Fatalf("empty match")
				}
				got = append(got, tc.text[x.Start:x.End]+"="+x.Concept.Name)
			}
			if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFuzzyDistance(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		word    string
		concept string // "" when it must not match
		dist    int
	}{
		{"klonapin", "clonazepam", 1},   // vowel slip in an 8-letter name
		{"clonopin", "clonazepam", 1},   // c for k
		{"klonopinn", "clonazepam", 1},  // doubled letter
		{"xannax", "alprazolam", 1},     // doubled letter in a short name
		{"liptor", "atorvastatin", 1},   // a dropped letter
		{"lipiter", "atorvastatin", 1},  // a swapped vowel
		{"klonzpam", "clonazepam", 2},   // two letters dropped from a long name
		{"kxqzpamt", "", 0},             // too far from anything
		{"klonopinzwzw", "", 0},         // four edits: a near word must not win a tie by its spelling
		{"rivotrill", "clonazepam", 1},  // near rivotril
		{"zanaxx", "", 0},               // two edits from a 5-letter name
		{"sinusitus", "sinusitis", 1},   // symptoms too
		{"planet", "", 0},               // an English word is never a drug
		{"lipitors", "atorvastatin", 0}, // a plural is an inflection, not a typo
	}
	for _, tc := range tests {
		got := m.Match(tc.word)
		switch {
		case tc.concept == "" && len(got) > 0:
			t.Errorf("%q matched %s", tc.word, got[0].Concept.Name)
		case tc.concept != "" && (len(got) != 1 || got[0].Concept.Name != tc.concept || got[0].Fuzzy != tc.dist):
			t.Errorf("%q matched %+v, want %s at distance %d", tc.word, got, tc.concept, tc.dist)
		}
	}
}

func TestDefaultLexicon(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := map[Kind]int{}
	for _, c := range lx.Concepts {
		n[c.Kind]++
	}
	if n[Drug] < 1500 || n[Symptom] < 1200 {
		t.Errorf("%d drug and %d symptom concepts, want at least 1500 and 1200", n[Drug], n[Symptom])
	}
	for _, c := range lx.Concepts {
		if c.Kind == Symptom && !slices.Contains(Systems, c.Category) {
			t.Errorf("%s: %s has system %q", c.Pos, c.Name, c.Category)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(testDrugs)
	f.Add(testSymptoms)
	f.Add("concept\tclass\tterms\n=\t\t|||\n")
	f.Fuzz(func(t *testing.T, text string) {
		lx, err := Parse("fuzz.tsv", text)
		if err != nil {
			return
		}
		m := Compile(lx)
		for _, c := range lx.Concepts {
			if c.Name == "" || len(c.Terms) == 0 {
				t.Fatalf("concept %+v accepted", c)
			}
			for _, tm := range c.Terms {
				m.Match(tm.Text)
			}
		}
	})
}

func FuzzMatch(f *testing.F) {
	f.Add("my heart was racing and I couldn't sleep on klonapin")
	f.Add("anti-anxiety 1/4 mg .5mg coq10 ... – —")
	lx, err := Parse("drugs.tsv", testDrugs)
	if err != nil {
		f.Fatal(err)
	}
	lx.AddText("symptoms.tsv", testSymptoms)
	m := Compile(lx)
	f.Fuzz(func(t *testing.T, text string) {
		prev := -1
		for _, x := range m.Match(text) {
			if x.Start < 0 || x.End > len(text) || x.Start >= x.End || x.Start < prev {
				t.Fatalf("bad match %+v in %q", x, text)
			}
			prev = x.Start
		}
	})
}

// drugWords are in the English word list but name nothing but the drug.
var drugWords = map[string]bool{"laudanum": true}

// A drug term that is an ordinary English word would tag ordinary text as a drug: it must
// be case-sensitive (=Sonata), or need drug context right beside it (?lean, see
// guard.txt), or name a substance or supplement by that word ("alcohol", "magnesium"), or
// a drug class ("steroids").
func TestDrugTermsAreNotEnglishWords(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	plainWordClasses := map[string]bool{"substance": true, "supplement": true, "vitamin": true,
		"mineral": true, "herbal": true}
	for _, c := range lx.Concepts {
		if c.Kind != Drug || c.IsClass || plainWordClasses[c.Category] {
			continue
		}
		for _, tm := range c.Terms {
			if tm.CaseSensitive || tm.NeedsContext || strings.ContainsAny(tm.Text, " -/0123456789") {
				continue
			}
			if IsEnglish(tm.Text) && tm.Text != c.Name && !drugWords[tm.Text] {
				t.Errorf("%s: drug term %q of %s is an English word: write it =Capitalized or drop it", tm.Pos, tm.Text, c.Name)
			}
		}
	}
}

// A misspelling that the vocabulary holds only inside a longer term ("aciclovir" of
// "aciclovir cream") is still read as the one-word drug it is nearest; a word of a
// symptom term ("affective") is not.
func TestMisspellingKnownInsideLongerTerm(t *testing.T) {
	m := defaultMatcher(t)
	for text, want := range map[string]string{
		"I put aciclovir on the cold sore": "acyclovir",
		"started letrozol last spring":     "letrozole",
		"had my prevenar jab":              "pneumococcal vaccine",
		"a seasonal affective thing":       "",
		"the wellness program at work":     "",
		"switched to the citrate version":  "",
	} {
		got := ""
		for _, x := range m.Match(text) {
			if x.Concept.Kind == Drug {
				got = x.Concept.Name
			}
		}
		if got != want {
			t.Errorf("%q: drug %q, want %q", text, got, want)
		}
	}
}

// defaultMatcher is the embedded vocabulary compiled once for all the tests that match
// phrases against it.
func defaultMatcher(t testing.TB) *Matcher {
	t.Helper()
	m, err := compiledDefault()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var compiledDefault = sync.OnceValues(func() (*Matcher, error) {
	lx, err := Default()
	if err != nil {
		return nil, err
	}
	return Compile(lx), nil
})

// matches lists what matching text yields, as "surface=concept".
func matches(m *Matcher, text string) []string {
	var got []string
	for _, x := range m.Match(text) {
		got = append(got, text[x.Start:x.End]+"="+x.Concept.Name)
	}
	return got
}

// expectMatch checks that matching text yields surface tagged with concept.
func expectMatch(t *testing.T, m *Matcher, text, surface, concept string) {
	t.Helper()
	for _, x := range m.Match(text) {
		if text[x.Start:x.End] == surface && x.Concept.Name == concept {
			return
		}
	}
	t.Errorf("got %q, want %q=%s", matches(m, text), surface, concept)
}

// expectConcept checks that matching text yields concept, whatever the surface.
func expectConcept(t *testing.T, m *Matcher, text, concept string) {
	t.Helper()
	for _, x := range m.Match(text) {
		if x.Concept.Name == concept {
			return
		}
	}
	t.Errorf("%q: no match of %s; got %q", text, concept, matches(m, text))
}

// expectNoConcept checks that matching text yields nothing tagged with concept.
func expectNoConcept(t *testing.T, m *Matcher, text, concept string) {
	t.Helper()
	for _, x := range m.Match(text) {
		if x.Concept.Name == concept {
			t.Errorf("%q: %q read as %s", text, text[x.Start:x.End], concept)
		}
	}
}

// TestEffectLane checks that a drug effect does not take the tokens of a symptom inside
// it, and that a symptom as long or longer takes an effect's.
func TestEffectLane(t *testing.T) {
	m := defaultMatcher(t)
	tests := []struct {
		text string
		want []string // surface=concept, in text order
	}{
		{"it made my anxiety worse", []string{"made my anxiety worse=condition worsened", "anxiety=anxiety"}},
		{"the nausea got worse every day", []string{"nausea=nausea", "got worse=condition worsened"}},
		{"my memory got worse on it", []string{"memory got worse=memory impairment"}},
		{"it just made it worse", []string{"made it worse=condition worsened"}},
		{"it stopped working after a year", []string{"stopped working=drug tolerance"}},
		// the effect is wearing off, and the pain is the writer's own
		{"pain came back after 4 hours", []string{"pain came back after=wearing off", "pain=pain"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			for _, x := range m.Match(tc.text) {
				got = append(got, tc.text[x.Start:x.End]+"="+x.Concept.Name)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestClauseBoundary checks the tokenizer's stored answer against the one worked out
// for a token made by hand, and a few answers.
func TestClauseBoundary(t *testing.T) {
	text := "I took it, but though however; the pain (bad) - yet: cuz… whereas/while — it's fine! because bc except although"
	want := map[string]bool{",": true, "but": true, "though": true, "pain": false, "took": false, "(": true,
		"…": true, "—": true, "-": true, "/": true, "bc": true, "it": false, "i": false}
	seen := 0
	for _, tk := range Tokenize(text) {
		made := Token{Start: tk.Start, End: tk.End, Kind: tk.Kind, Norm: tk.Norm}
		if tk.IsClauseBoundary() != made.IsClauseBoundary() {
			t.Errorf("%q: tokenized %v, made by hand %v", tk.Norm, tk.IsClauseBoundary(), made.IsClauseBoundary())
		}
		if w, ok := want[tk.Norm]; ok {
			seen++
			if tk.IsClauseBoundary() != w {
				t.Errorf("%q: IsClauseBoundary() = %v, want %v", tk.Norm, tk.IsClauseBoundary(), w)
			}
		}
	}
	if seen < len(want) {
		t.Errorf("%d of the %d words checked were tokens", seen, len(want))
	}
}
