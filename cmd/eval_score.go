package cmd

import (
	"slices"
	"sort"

	"github.com/rxvoice/rxvoice/analyze"
)

// EvalResult is what `rxvoice eval` prints. The JSON names are a contract.
type EvalResult struct {
	Gold      string          `json:"gold"`
	Predicted string          `json:"predicted"`
	Documents int             `json:"documents"`
	Types     []EvalTypeScore `json:"types"`
	All       EvalTypeScore   `json:"all"` // micro totals over the types
	Ignored   []EvalLabel     `json:"ignored"`
	Roles     *EvalRoles      `json:"roles"` // null when no gold span has a role
}

// EvalTypeScore is the score of one type.
type EvalTypeScore struct {
	Type      string  `json:"type"`
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Exact     EvalPRF `json:"exact"`   // same start and end
	Overlap   EvalPRF `json:"overlap"` // any character in common
}

// EvalPRF is precision, recall and F1 with the counts they come from: precision is the
// share of predicted spans that match a gold span, recall the share of gold spans that a
// predicted span matches (each side counted on its own, as CADEC and PsyTAR are scored).
type EvalPRF struct {
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
	GoldFound      int     `json:"gold_found"`
	PredictedRight int     `json:"predicted_right"`
}

// EvalLabel is a gold label and how many spans carry it.
type EvalLabel struct {
	Label string `json:"label"`
	Spans int    `json:"spans"`
}

// EvalRoles is how the roles of gold spans that carry one were predicted: each gold span
// takes the role of the first predicted span of its type that overlaps it.
type EvalRoles struct {
	Spans     int            `json:"spans"` // gold spans with a role
	Found     int            `json:"found"` // of them, overlapped by a predicted span of their type
	Right     int            `json:"right"` // of those, given the gold role
	Accuracy  float64        `json:"accuracy"`
	Confusion []EvalRoleCell `json:"confusion"`
}

// EvalRoleCell counts gold spans of one role predicted as another ("none": a predicted
// span without a role; "missed": no predicted span overlaps it).
type EvalRoleCell struct {
	Gold      string `json:"gold"`
	Predicted string `json:"predicted"`
	Spans     int    `json:"spans"`
}

// scoreSets scores pred against gold over the given types, document by document (the
// gold set's documents; predicted documents not in it are not scored).
func scoreSets(gold, pred *annSet, types []string) *EvalResult {
	res := &EvalResult{Gold: gold.What, Predicted: pred.What, Documents: len(gold.Names)}
	counts := map[string]*evalCounts{}
	for _, t := range types {
		counts[t] = &evalCounts{}
	}
	roles := &EvalRoles{}
	cells := map[[2]string]int{}
	for _, name := range gold.Names {
		g := gold.Docs[name].Spans
		var p []annSpan
		if d := pred.Docs[name]; d != nil {
			p = d.Spans
		}
		for _, t := range types {
			gs, ps := ofType(g, t), ofType(p, t)
			c := counts[t]
			c.gold += len(gs)
			c.pred += len(ps)
			c.exactGold += matched(gs, ps, sameSpan)
			c.exactPred += matched(ps, gs, sameSpan)
			c.overlapGold += matched(gs, ps, overlap)
			c.overlapPred += matched(ps, gs, overlap)
			for _, a := range gs {
				if a.Role == "" {
					continue
				}
				roles.Spans++
				got := "missed"
				for _, b := range ps { // in text order
					if overlap(a, b) {
						got = b.Role
						if got == "" {
							got = "none"
						}
						roles.Found++
						if got == a.Role {
							roles.Right++
						}
						break
					}
				}
				cells[[2]string{a.Role, got}]++
			}
		}
	}
	var all evalCounts
	for _, t := range types {
		c := counts[t]
		res.Types = append(res.Types, c.score(t))
		all.add(c)
	}
	res.All = all.score("all")
	if roles.Spans > 0 {
		if roles.Found > 0 {
			roles.Accuracy = *rounded(float64(roles.Right) / float64(roles.Found))
		}
		for k, n := range cells {
			roles.Confusion = append(roles.Confusion, EvalRoleCell{Gold: k[0], Predicted: k[1], Spans: n})
		}
		sort.Slice(roles.Confusion, func(i, j int) bool {
			a, b := roles.Confusion[i], roles.Confusion[j]
			if a.Gold != b.Gold {
				return roleOrder(a.Gold) < roleOrder(b.Gold)
			}
			return roleOrder(a.Predicted) < roleOrder(b.Predicted)
		})
		res.Roles = roles
	}
	res.Ignored = []EvalLabel{}
	return res
}

// roleOrder sorts rxvoice's roles first, then other labels by name, then none and missed.
func roleOrder(r string) string {
	known := []string{analyze.RoleAdverse, analyze.RoleIndication, analyze.RoleWithdrawal, analyze.RoleOther}
	if i := slices.Index(known, r); i >= 0 {
		return string(rune('0' + i))
	}
	switch r {
	case "none":
		return "~1"
	case "missed":
		return "~2"
	}
	return "5" + r
}

type evalCounts struct{ gold, pred, exactGold, exactPred, overlapGold, overlapPred int }

func (c *evalCounts) add(o *evalCounts) {
	c.gold += o.gold
	c.pred += o.pred
	c.exactGold += o.exactGold
	c.exactPred += o.exactPred
	c.overlapGold += o.overlapGold
	c.overlapPred += o.overlapPred
}

func (c *evalCounts) score(t string) EvalTypeScore {
	return EvalTypeScore{Type: t, Gold: c.gold, Predicted: c.pred,
		Exact: prf(c.exactPred, c.pred, c.exactGold, c.gold), Overlap: prf(c.overlapPred, c.pred, c.overlapGold, c.gold)}
}

func prf(right, pred, found, gold int) EvalPRF {
	r := EvalPRF{GoldFound: found, PredictedRight: right}
	if pred > 0 {
		r.Precision = float64(right) / float64(pred)
	}
	if gold > 0 {
		r.Recall = float64(found) / float64(gold)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	r.Precision, r.Recall, r.F1 = *rounded(r.Precision), *rounded(r.Recall), *rounded(r.F1)
	return r
}

func ofType(sp []annSpan, t string) []annSpan {
	var out []annSpan
	for _, s := range sp {
		if s.Type == t {
			out = append(out, s)
		}
	}
	return out
}

func sameSpan(a, b annSpan) bool { return a.Sec == b.Sec && a.Start == b.Start && a.End == b.End }

func overlap(a, b annSpan) bool { return a.Sec == b.Sec && a.Start < b.End && b.Start < a.End }

// matched counts the spans of a that match some span of b.
func matched(a, b []annSpan, match func(x, y annSpan) bool) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if match(x, y) {
				n++
				break
			}
		}
	}
	return n
}

func sortByRole(rs []string) {
	sort.SliceStable(rs, func(i, j int) bool { return roleOrder(rs[i]) < roleOrder(rs[j]) })
}
