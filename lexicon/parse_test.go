package lexicon

import (
	"io/fs"
	"slices"
	"sort"
	"testing"
)

// sequential parses files in one pass, as parseFiles must match.
func sequential(names, texts []string) (*Lexicon, Errors) {
	lx := newLexicon()
	var errs Errors
	for i, n := range names {
		errs = append(errs, lx.add("lexicon/"+n, texts[i], false)...)
	}
	return lx, errs
}

// TestParseFilesAsOnePass checks that parsing drugs and symptoms apart gives the lexicon
// and the errors one pass gives: on the embedded files, and on files with mistakes in
// both kinds, a term shared across two drug files and a file without a header.
func TestParseFilesAsOnePass(t *testing.T) {
	names, err := fs.Glob(dataFS, "data/*.tsv")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	var texts []string
	for _, n := range names {
		b, err := dataFS.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	cases := map[string][2][]string{
		"embedded": {names, texts},
		"mistakes": {
			{"a.tsv", "b.tsv", "c.tsv", "d.tsv"},
			{
				"concept\tclass\tterms\nfoo\tx\tfooz|Bad\nbar\tx\tbarz\n",
				"# symptoms\nconcept\tsystem\tterms\nache\tgeneral\tachy|achy\nitch\tnowhere\titchy\n",
				"\ufeffconcept\tclass\tterms\nbaz\ty\tbarz\nfoo\ty\tfoo2\n",
				"concept\tsystem\tterms\nsore\tgeneral\tachy\n",
			},
		},
		"no header": {{"a.tsv", "b.tsv"}, {"concept\tclass\tterms\nfoo\tx\tfooz\n", "foo\tbar\n"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			want, wantErrs := sequential(c[0], c[1])
			got, gotErrs := parseFiles(c[0], c[1])
			if g, w := gotErrs.Error(), wantErrs.Error(); g != w {
				t.Errorf("errors:\n%s\nwant:\n%s", g, w)
			}
			if name == "mistakes" && len(wantErrs) < 4 {
				t.Errorf("only %d errors: %v", len(wantErrs), wantErrs)
			}
			want.finish()
			got.finish()
			if got.Version != want.Version {
				t.Errorf("Version %s, want %s", got.Version, want.Version)
			}
			concept := func(c *Concept) string { return string(c.Kind) + ":" + c.Name }
			g, w := make([]string, 0, len(got.Concepts)), make([]string, 0, len(want.Concepts))
			for _, c := range got.Concepts {
				g = append(g, concept(c))
			}
			for _, c := range want.Concepts {
				w = append(w, concept(c))
			}
			if !slices.Equal(g, w) {
				t.Errorf("concepts %v, want %v", g, w)
			}
			for _, k := range []Kind{Drug, Symptom} {
				if len(got.terms[k]) != len(want.terms[k]) || len(got.byName[k]) != len(want.byName[k]) {
					t.Errorf("%s: %d terms and %d names, want %d and %d", k, len(got.terms[k]), len(got.byName[k]), len(want.terms[k]), len(want.byName[k]))
				}
			}
		})
	}
}
