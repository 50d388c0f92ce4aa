package analyze

import (
	"sort"
	"strings"
	"testing"

	"github.com/rxvoice/rxvoice/corpus"
	"github.com/rxvoice/rxvoice/lexicon"
)

// On the sample page every drug in every comment is found with the right generic name,
// misspellings included, and no ordinary English word is tagged as a drug.
func TestSamplePageDrugs(t *testing.T) {
	a := analyzer(t)
	pages, err := corpus.ReadFile("../testdata/klonopin-immune-comments.txt", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// comment index -> "surface=concept" of every drug a reader would mark, in order.
	want := map[int][]string{
		0: {"klonapin=clonazepam"},
		2: {"Clonazepam=clonazepam", "Klonipin=clonazepam", "Clonazepam=clonazepam"},
		3: {"klon=clonazepam", "klon=clonazepam", "klon=clonazepam"},
		5: {"Klonopin=clonazepam", "Klonopin=clonazepam", "Klonopin=clonazepam", "Klonopin=clonazepam"},
		7: {"Klonopin=clonazepam", "Klonopin=clonazepam", "Klonopin=clonazepam", "Klonopin=clonazepam",
			"Klonopin=clonazepam", "Klonopin=clonazepam", "Klonopin=clonazepam", "KLONOPIN=clonazepam",
			"benzo=benzodiazepines", "Klonopin=clonazepam", "Magnesium Citrate=magnesium citrate",
			"Benadryl=diphenhydramine", "Phernergan=promethazine", "Klonopin=clonazepam", "Magnesium=magnesium"},
		9:  {"clonopin=clonazepam", "ambien=zolpidem", "clonopin=clonazepam", "clonopin=clonazepam", "ambien=zolpidem", "omeprozole=omeprazole", "plaquinil=hydroxychloroquine", "Gabapentin=gabapentin", "klonazepam=clonazepam"},
		11: {"Clonazepam=clonazepam", "Clonazepam=clonazepam"},
		12: {"clonazepam=clonazepam"},
		13: {"klonopin=clonazepam", "klonopin=clonazepam"},
		14: {"klonopin=clonazepam", "Klonopin=clonazepam"},
		15: {"Klonopin=clonazepam", "Klonopin=clonazepam", "Klonopin=clonazepam"},
	}
	got := map[int][]string{}
	for _, m := range a.Page(pages[0]) {
		if m.Type != TypeDrug || m.Section.Comment == nil {
			continue
		}
		got[m.Section.Comment.Index] = append(got[m.Section.Comment.Index], m.Text+"="+m.Concept)
		// No ordinary English word is a drug: a drug read from an English word must be a
		// substance or supplement named by that word.
		w := strings.ToLower(m.Text)
		if lexicon.IsEnglish(w) && !substanceWord[w] && !m.IsClass {
			t.Errorf("comment %d: English word %q tagged as %s", m.Section.Comment.Index, m.Text, m.Concept)
		}
	}
	for idx, w := range want {
		if missing := subtract(w, got[idx]); len(missing) > 0 {
			t.Errorf("comment %d: missing %q; got %q", idx, missing, got[idx])
		}
	}
}

// substanceWord lists English words that name a drug concept themselves (drug classes
// such as "opiates" or "antidepressants" are common nouns too, and allowed).
var substanceWord = map[string]bool{"magnesium": true, "magnesium citrate": true, "marijuana": true,
	"cannabis": true, "alcohol": true, "tobacco": true, "liquor": true, "medical marijuana": true}

// subtract returns the items of want not in got (as multisets).
func subtract(want, got []string) []string {
	n := map[string]int{}
	for _, g := range got {
		n[g]++
	}
	var out []string
	for _, w := range want {
		if n[w] > 0 {
			n[w]--
			continue
		}
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// The sample page's context, as a reader would mark it.
func TestSamplePageContext(t *testing.T) {
	a := analyzer(t)
	pages, err := corpus.ReadFile("../testdata/klonopin-immune-comments.txt", corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ms := a.Page(pages[0])
	in := func(comment int, typ, text string) []Mention {
		var out []Mention
		for _, m := range ms {
			if m.Section.Comment != nil && m.Section.Comment.Index == comment && m.Type == typ && m.Text == text {
				out = append(out, m)
			}
		}
		if len(out) == 0 {
			t.Errorf("comment %d: no %s %q", comment, typ, text)
		}
		return out
	}
	// Every duration of use is normalized and linked to clonazepam.
	for _, d := range []struct {
		comment int
		text    string
		iso     string
	}{
		{0, "for ten years", "P10Y"}, {2, "for 18 years", "P18Y"}, {3, "for 2 years", "P2Y"},
		{4, "for 6 years", "P6Y"}, {5, "for 16 years", "P16Y"}, {7, "about 6 or 7 years ago", "P6Y6M"},
		{9, "for 12 years", "P12Y"}, {11, "for six years", "P6Y"}, {12, "for only 6 months", "P6M"},
		{13, "for about 15 years", "P15Y"},
	} {
		for _, m := range in(d.comment, TypeDuration, d.text) {
			if m.Duration.ISO != d.iso || m.Drug != "clonazepam" {
				t.Errorf("comment %d %q: %s linked to %q, want %s and clonazepam", d.comment, d.text, m.Duration.ISO, m.Drug, d.iso)
			}
		}
	}
	// "since 1996", written in March 2022: about 26 years.
	for _, m := range in(15, TypeDuration, "since 1996") {
		if y := m.Duration.Days / 365.25; y < 25 || y > 26.5 || m.Duration.MinDays >= m.Duration.MaxDays || m.Drug != "clonazepam" {
			t.Errorf("since 1996: %.1f years (%g to %g days), drug %q", y, m.Duration.MinDays, m.Duration.MaxDays, m.Drug)
		}
	}
	// The sister's and the ex-husband's symptoms are someone else's.
	for _, text := range []string{"abcesses", "sore on his leg", "dependency", "paranoia"} {
		for _, m := range in(8, TypeSymptom, text) {
			if m.Experiencer != Other {
				t.Errorf("carol's %q: experiencer %s, want other", text, m.Experiencer)
			}
		}
	}
	// Reasons for the drug.
	for _, c := range []struct {
		comment int
		text    string
	}{{13, "restless leg syndrome"}, {14, "restless leg syndrome"}, {9, "cronic insomnia"}, {9, "anxiety attacks"}, {11, "insomnia"}} {
		for _, m := range in(c.comment, TypeSymptom, c.text) {
			if m.Role != RoleIndication {
				t.Errorf("comment %d %q: role %s, want indication", c.comment, c.text, m.Role)
			}
		}
	}
	// Patricia's symptoms after she started coming off clonazepam are withdrawal.
	for _, text := range []string{"nerve pain", "great fatigue", "musxle pain", "spasms", "couldnt sleep", "cpuldnt walk"} {
		m := in(9, TypeSymptom, text)
		if len(m) > 0 && m[0].Role != RoleWithdrawal {
			t.Errorf("Patricia's %q: role %s, want withdrawal", text, m[0].Role)
		}
	}
}
