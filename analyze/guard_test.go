package analyze

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/rxvoice/rxvoice/corpus"
)

// guardLines reads a guard file of testdata/guard: one case a line, # lines and blank
// lines skipped.
func guardLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open("../testdata/guard/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && l[0] != '#' {
			out = append(out, l)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// guardDrugs analyzes one sentence as a page of its own and returns the drug mentions.
func guardDrugs(a *Analyzer, text string) []Mention {
	p := &corpus.Page{Format: corpus.FormatPlain, Article: text}
	var out []Mention
	for _, m := range a.Page(p) {
		if m.Type == TypeDrug {
			out = append(out, m)
		}
	}
	return out
}

// TestGuardOrdinary: ordinary sentences, with the misspellings and abbreviations people
// write ("my PCP", "incrasing", "stomack", "paleo", "orthotics"), name no drug.
func TestGuardOrdinary(t *testing.T) {
	a := analyzer(t)
	lines := guardLines(t, "ordinary.txt")
	if len(lines) < 300 {
		t.Fatalf("guard set has %d sentences, want at least 300", len(lines))
	}
	bad := 0
	for _, l := range lines {
		for _, m := range guardDrugs(a, l) {
			bad++
			t.Errorf("%q: drug %q (%s) from %q %s", l, m.Concept, m.Class, m.Text, m.Corrected)
		}
	}
	t.Logf("%d ordinary sentences, %d false drugs", len(lines), bad)
}

// TestGuardPositive: patients' misspellings, brands and generics, with or without drug
// context around them, still name their drug.
func TestGuardPositive(t *testing.T) {
	a := analyzer(t)
	lines := guardLines(t, "positive.txt")
	found := 0
	for _, l := range lines {
		want, text, ok := strings.Cut(l, "\t")
		if !ok {
			t.Fatalf("positive.txt: %q has no TAB between the drug and the sentence", l)
		}
		var got []string
		hit := false
		for _, m := range guardDrugs(a, text) {
			got = append(got, m.Concept)
			hit = hit || m.Concept == want
		}
		if hit {
			found++
		} else {
			t.Errorf("%q: drugs %q, want %q", text, got, want)
		}
	}
	t.Logf("%d of %d positive sentences name their drug", found, len(lines))
}
