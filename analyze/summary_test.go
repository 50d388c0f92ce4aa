package analyze

import "testing"

// The 2x2 table of each pair is counted over the adverse reporters, by commenter.
func TestSummaryDisproportionCounts(t *testing.T) {
	drug := func(d string) Mention { return Mention{Type: TypeDrug, Concept: d, Experiencer: Self} }
	symptom := func(d, y, role string) Mention {
		return Mention{Type: TypeSymptom, Concept: y, Drug: d, Role: role, Experiencer: Self, Certainty: Reported}
	}
	negated := symptom("d1", "e1", RoleAdverse)
	negated.Negated = true
	posts := map[string][]Mention{
		"u1": {drug("d1"), symptom("d1", "e1", RoleAdverse), symptom("d1", "e2", RoleAdverse)},
		"u2": {drug("d1"), symptom("d1", "e1", RoleAdverse)},
		"u3": {drug("d1"), symptom("d1", "e2", RoleAdverse)},
		"u4": {drug("d2"), symptom("d2", "e1", RoleAdverse)},
		"u5": {drug("d1"), drug("d2"), symptom("d2", "e2", RoleAdverse)}, // mentions d1, attributes nothing to it
		"u6": {drug("d2"), symptom("d2", "e1", RoleWithdrawal)},          // not an adverse reporter
		"u7": {drug("d1"), negated},                                      // denies it: not counted
		// e1 of d2 and e3 of d1: counted with d1's reporters (b of d1 x e1), not in c.
		"u8": {drug("d1"), drug("d2"), symptom("d2", "e1", RoleAdverse), symptom("d1", "e3", RoleAdverse)},
	}
	sum := NewSummarizer(SummaryOptions{})
	for _, author := range []string{"u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8"} {
		sum.Add(&Post{Source: "page", Author: author, Mentions: posts[author]})
	}
	// Population: u1, u2, u3, u4, u5, u8 (6). d1's adverse reporters: u1, u2, u3, u8.
	want := map[[2]string][4]int{
		{"d1", "e1"}: {2, 2, 1, 1}, // a u1 u2; b u3 u8; c u4; d u5
		{"d2", "e1"}: {2, 1, 2, 1}, // a u4 u8; b u5; c u1 u2; d u3 (u6's withdrawal is not adverse)
		{"d1", "e2"}: {2, 2, 1, 1}, // a u1 u3; b u2 u8; c u5; d u4
		{"d1", "e3"}: {1, 3, 0, 2}, // no comparator
	}
	got := map[[2]string]PairRow{}
	for _, p := range sum.Summary().Pairs {
		got[[2]string{p.Drug, p.Symptom}] = p
	}
	for k, w := range want {
		p, ok := got[k]
		if !ok {
			t.Errorf("%v: no pair row", k)
			continue
		}
		if g := [4]int{p.A, p.B, p.C, p.D}; g != w {
			t.Errorf("%v: a b c d = %v, want %v", k, g, w)
		}
	}
	// d2 x e1 counts u6 among its commenters (any role), but not in a.
	if p := got[[2]string{"d2", "e1"}]; p.Commenters != 3 || p.PRR == nil || *p.PRR != 1 {
		t.Errorf("d2 x e1: %d commenters, PRR %v; want 3 and (2/3)/(2/3) = 1", p.Commenters, deref(p.PRR))
	}
	if p := got[[2]string{"d1", "e3"}]; p.PRR != nil || p.Signal {
		t.Errorf("d1 x e3 has no comparator, got PRR %v signal %v", deref(p.PRR), p.Signal)
	}
}
