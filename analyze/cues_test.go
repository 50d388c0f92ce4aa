package analyze

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCuesFile(t *testing.T) {
	if len(cueLists) < 50 {
		t.Fatalf("analyze/cues.txt has %d lists", len(cueLists))
	}
	for name, l := range cueLists {
		if len(l.words) == 0 && len(l.phrases) == 0 {
			t.Errorf("list %s is empty", name)
		}
		if l.about == "" {
			t.Errorf("list %s does not say what it is", name)
		}
	}
	if !engine.starts(engine.vocab["no"], ctxNegation) || !engine.starts(engine.vocab["sister"], ctxOther) || engine.starts(engine.vocab["sister"], ctxNegation) {
		t.Error("the engine's rules are not the lists of cues.txt")
	}
}

// TestWordLists checks that the lists a drug's use is read from by word id are in
// cues.txt, and that the engine's bits for each hold its words and no other word of the
// vocabulary.
func TestWordLists(t *testing.T) {
	for k, name := range wordListNames {
		l := cueLists[name]
		if l == nil || len(l.words) == 0 {
			t.Errorf("cues.txt has no list %s", name)
			continue
		}
		for w, v := range engine.vocab {
			if got := has(engine.lists[k], v>>wcIDShift); got != l.words[w] {
				t.Errorf("list %s: word %q in the bits %v, in the list %v", name, w, got, l.words[w])
			}
		}
		for w := range l.words {
			if engine.vocab[w]>>wcIDShift == 0 {
				t.Errorf("list %s: word %q has no id", name, w)
			}
		}
	}
}

func TestParseCuesErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"no\n", "c.txt:1: cue \"no\" before any [list] header"},
		{"# x\n[neg negation before clause\n", "c.txt:2: a list header"},
		{"[neg] negation sideways clause: x\n", "c.txt:1: list \"neg\": want a category"},
		{"[neg] negation before clause: x\nNo\n", "c.txt:2: cue \"No\": write cues in lower case"},
		{"[neg] negation before clause: x\nno\n[neg] negation before clause: y\n", "c.txt:3: list \"neg\" defined twice"},
	} {
		_, err := parseCues(strings.NewReader(tc.text), "c.txt", nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.text, err, tc.want)
		}
	}
	for _, tc := range []struct{ text, want string }{
		{"[ctx:neg] negation before clause8x: x\nno\n", `c.txt:1: list "ctx:neg": scope "clause8x"`},
		{"[ctx:neg] severity before clause: x\nno\n", `c.txt:1: rule list "ctx:neg": want a category`},
		{"[ctx:neg] negation none clause: x\nno\n", `c.txt:1: rule list "ctx:neg": want a category`},
		{"[ctx:neg] negation before clause: x\nno @Other\n", ""},
		{"[ctx:neg] negation before clause: x\nNo more\n", `c.txt:2: rule "No more": write words in lower case`},
	} {
		_, err := parseCues(strings.NewReader(tc.text), "c.txt", nil)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%q: error %v, want %q", tc.text, err, tc.want)
		}
	}
	// A rule names a word list that is not there.
	lists, err := parseCues(strings.NewReader("[ctx:neg] negation before clause: x\nno @nowhere\n"), "c.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := buildEngine(lists); err == nil || !strings.Contains(err.Error(), `rule "no @nowhere": no word list "nowhere"`) {
		t.Errorf("unknown @list: %v", err)
	}
	if _, err := parseCues(strings.NewReader("[ctx:negation]\nno\nnary @nowhere\n"), "u.txt", cueLists); err == nil || !strings.Contains(err.Error(), `u.txt:3: rule "nary @nowhere": no word list "nowhere"`) {
		t.Errorf("unknown @list in a user file: %v", err)
	}
	if _, err := parseCues(strings.NewReader("[negPree]\nnary\n"), "u.txt", map[string]*cueList{}); err == nil || !strings.Contains(err.Error(), `u.txt:1: no list "negPree"`) {
		t.Errorf("unknown list in a user file: %v", err)
	}
}

// A user cue file changes what the engine reads: "nary" becomes a negation, then is
// taken out again.
func TestUserCueFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	negatedIn := func() bool {
		return mustFind(t, mentionsOf(t, "On Zoloft I had nary a headache."), "", "headache").Negated
	}
	if negatedIn() {
		t.Fatal("negated before the user file")
	}
	if err := LoadContextCues(write("add.txt", "# mine\n[ctx:negation]\nnary a\n")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		l := cueLists["ctx:negation"]
		l.phrases = slices.DeleteFunc(l.phrases, func(p string) bool { return p == "nary a" })
		engine, _ = buildEngine(cueLists)
		loadWordClass()
	})
	if !negatedIn() {
		t.Error("the user file did not make 'nary' a negation")
	}
	if err := LoadContextCues(write("remove.txt", "[ctx:negation]\n-nary  a\n")); err != nil {
		t.Fatal(err)
	}
	if negatedIn() {
		t.Error("'-nary' did not take the cue out")
	}
	// Severity words are cues too.
	text := "On Zoloft I had gnarly headaches."
	if m := mustFind(t, mentionsOf(t, text), text, "headaches"); m.Severity != "" {
		t.Fatalf("severity %q before the user file", m.Severity)
	}
	if err := LoadContextCues(write("sev.txt", "[severitySevere]\ngnarly\n")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { delete(cue("severitySevere"), "gnarly"); modifiers = buildModifiers() })
	if m := mustFind(t, mentionsOf(t, text), text, "gnarly headaches"); m.Severity != SeveritySevere {
		t.Errorf("'gnarly headaches': severity %q, want severe", m.Severity)
	}
	// The lists a drug's use is read from by word id follow the user file too.
	text = "I used Zoloft in bygone years."
	if m := mustFind(t, mentionsOf(t, text), text, "Zoloft"); m.use != useOwn {
		t.Fatalf("Zoloft: use %d before the user file, want %d", m.use, useOwn)
	}
	if err := LoadContextCues(write("use.txt", "[drugHistoryWords]\nbygone\n")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		delete(cue("drugHistoryWords"), "bygone")
		engine, _ = buildEngine(cueLists)
		loadWordClass()
	})
	if m := mustFind(t, mentionsOf(t, text), text, "Zoloft"); m.use != useHistory {
		t.Errorf("Zoloft in bygone years: use %d, want %d (history)", m.use, useHistory)
	}
}
