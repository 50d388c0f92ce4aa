package analyze

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/rxvoice/rxvoice/corpus"
)

func TestDefaultRoleModelParses(t *testing.T) {
	m, err := DefaultRoleModel()
	if err != nil {
		t.Fatal(err)
	}
	if m == nil || len(m.weights) < 100 || len(m.domain) == 0 {
		t.Fatalf("embedded role model is empty or has no domain")
	}
	if !strings.Contains(roleModelTSV, "CC BY 4.0") {
		t.Error("rolemodel.tsv does not credit PsyTAR's licence")
	}
}

func TestParseRoleModelErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"threshold\t2\n", "m.tsv:1: threshold"},
		{"# c\nbias\t0\t0\t0\nS:x\t1\tx\t0\n", "m.tsv:3: weight \"x\""},
		{"S:x\t1\t2\n", "m.tsv:1: want a feature and 3 weights"},
	} {
		_, err := ParseRoleModel(strings.NewReader(tc.text), "m.tsv")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.text, err, tc.want)
		}
	}
}

// A model trained on examples whose words tell their class learns them, writes and
// reads back the same.
func TestTrainRoleModel(t *testing.T) {
	var xs [][]string
	var ys []int
	for i := 0; i < 30; i++ {
		xs = append(xs, []string{"class=ssri", "S:nausea"}, []string{"class=ssri", "S:stopped"}, []string{"class=ssri", "S:for"})
		ys = append(ys, 0, 1, 2)
	}
	m := TrainRoleModel(xs, ys, TrainOptions{Epochs: 300, L2: 0.001, Rate: 0.5, MinCount: 1, Threshold: 0.5, MinDomain: 10})
	for i, want := range []string{RoleAdverse, RoleWithdrawal, RoleIndication} {
		if got, sure := m.Decide(xs[i]); got != want || !sure {
			t.Errorf("%v: %s (sure %v), want %s", xs[i], got, sure, want)
		}
	}
	if _, sure := m.Decide([]string{"class=statin", "S:stopped"}); sure {
		t.Error("decided for a drug class it never saw")
	}
	var buf bytes.Buffer
	if err := m.WriteTo(&buf, "test"); err != nil {
		t.Fatal(err)
	}
	back, err := ParseRoleModel(&buf, "m.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := back.Decide(xs[1]); got != RoleWithdrawal {
		t.Errorf("read back: %s, want withdrawal", got)
	}
}

// The model overrides the rules for the drug classes it was trained on, where it is sure,
// and leaves other classes to the rules.
func TestRoleModelOverridesInDomain(t *testing.T) {
	m, err := ParseRoleModel(strings.NewReader("threshold\t0.5\ndomain\tclass=ssri\nbias\t0\t0\t0\nS:zzz\t-5\t5\t-5\n"), "m.tsv")
	if err != nil {
		t.Fatal(err)
	}
	a := analyzer(t).WithRoleModel(m)
	role := func(text string) string {
		for _, x := range a.Section(mentionsOf(t, text)[0].Section) {
			if x.Type == TypeSymptom {
				return x.Role
			}
		}
		return ""
	}
	if got := role("On Zoloft I had headaches zzz."); got != RoleWithdrawal {
		t.Errorf("ssri: role %s, want withdrawal (the model's)", got)
	}
	if got := role("On Lipitor I had headaches zzz."); got != RoleAdverse {
		t.Errorf("statin: role %s, want adverse (the rules')", got)
	}
	// A drug of another class named in a section about one of the model's.
	if got := role("I take Zoloft daily and Zoloft works. On Lipitor I had headaches zzz."); got != RoleWithdrawal {
		t.Errorf("statin in a section about an ssri: role %s, want withdrawal (the model's)", got)
	}
	if got := role("On Zoloft I had headaches."); got != RoleAdverse {
		t.Errorf("ssri without the word: role %s, want adverse", got)
	}
}

// The role model reads the writer's course: where they taper, the symptoms after it
// (with the rules' answer for the other symptoms of the sentence), and once they are
// moved to another drug, which the rules no longer read as withdrawal.
func TestRoleFeaturesCourse(t *testing.T) {
	p := &corpus.Page{Source: "t", Format: corpus.FormatPageText, Comments: []corpus.Comment{{Index: 0,
		Author: "x", Parent: -1, Text: "I took Zoloft for a year. Last month I started tapering off Zoloft. " +
			"Since then I have been dizzy and nauseous. Then my doctor switched me to Lexapro. Now I get headaches."}}}
	want := map[string]struct {
		feats []string
		rule  string
	}{
		"dizzy":     {[]string{"state=after-taper", "sib=course", "after-coming-off"}, RoleWithdrawal},
		"headaches": {[]string{"state=back-on"}, RoleAdverse},
	}
	found := 0
	for _, e := range analyzer(t).RoleExamples(p) {
		w, ok := want[e.Text]
		if !ok {
			continue
		}
		found++
		for _, f := range w.feats {
			if !slices.Contains(e.Features, f) {
				t.Errorf("%q: no feature %s in %v", e.Text, f, e.Features)
			}
		}
		if e.RuleRole != w.rule {
			t.Errorf("%q: rules' role %s, want %s", e.Text, e.RuleRole, w.rule)
		}
	}
	if found != len(want) {
		t.Errorf("found %d of the %d symptoms", found, len(want))
	}
}
