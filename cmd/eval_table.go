package cmd

import (
	"fmt"
	"strconv"
)

// writeEvalTable draws the scores per type and, when gold spans have roles, the table of
// roles, with the table writer.
func writeEvalTable(streams *IO, r *EvalResult, wide bool) error {
	fmt.Fprintf(streams.Out, "%d documents: %s scored against %s\n", r.Documents, r.Predicted, r.Gold)
	view := tableView{Wide: wide}
	tw := newTableWriterView(streams, []string{"type", "gold", "predicted",
		"exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1"}, view)
	for _, t := range append(append([]EvalTypeScore(nil), r.Types...), r.All) {
		tw.Write(cells{t.Type, strconv.Itoa(t.Gold), strconv.Itoa(t.Predicted),
			score(t.Exact.Precision), score(t.Exact.Recall), score(t.Exact.F1),
			score(t.Overlap.Precision), score(t.Overlap.Recall), score(t.Overlap.F1)})
	}
	if err := tw.Close(); err != nil {
		return err
	}
	ro := r.Roles
	if ro == nil {
		noteCompact(streams, tw.Cut, tw.Hidden)
		return nil
	}
	cut, hidden := tw.Cut, tw.Hidden
	fmt.Fprintf(streams.Out, "\nroles: the role of the first predicted span over each gold span; right %d of %d found (%s), %d gold spans with a role\n",
		ro.Right, ro.Found, score(ro.Accuracy), ro.Spans)
	var golds, preds []string
	seen := map[string]bool{}
	count := map[[2]string]int{}
	for _, c := range ro.Confusion {
		if !seen["g"+c.Gold] {
			seen["g"+c.Gold] = true
			golds = append(golds, c.Gold)
		}
		count[[2]string{c.Gold, c.Predicted}] = c.Spans
	}
	for _, c := range sortedRoles(ro.Confusion) {
		if !seen["p"+c] {
			seen["p"+c] = true
			preds = append(preds, c)
		}
	}
	tw = newTableWriterView(streams, append([]string{"gold \\ predicted"}, preds...), view)
	for _, g := range golds {
		row := cells{g}
		for _, p := range preds {
			row = append(row, strconv.Itoa(count[[2]string{g, p}]))
		}
		tw.Write(row)
	}
	if err := tw.Close(); err != nil {
		return err
	}
	noteCompact(streams, cut || tw.Cut, hidden+tw.Hidden)
	return nil
}

// sortedRoles are the predicted roles of the cells in roleOrder.
func sortedRoles(cs []EvalRoleCell) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Predicted)
	}
	sortByRole(out)
	return out
}

func score(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }
