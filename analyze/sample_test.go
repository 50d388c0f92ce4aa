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
