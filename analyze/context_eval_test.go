package analyze

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// Floors for the labelled comments of testdata/eval/context: the share of target
// symptoms whose field is right.
var contextFloors = map[string]float64{
	"negated": 0.97, "experiencer": 0.95, "certainty": 0.93, "role": 0.90, "drug": 0.90,
}

// TestContextEvalSet checks the context of one target symptom in each of 150 short
// comments written and labelled for this project (README in testdata/eval/context).
func TestContextEvalSet(t *testing.T) {
	f, err := os.Open("../testdata/eval/context/cases.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	right := map[string]int{}
	total := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var c struct {
			ID          int     `json:"id"`
			Text        string  `json:"text"`
			Target      string  `json:"target"`
			Negated     bool    `json:"negated"`
			Experiencer string  `json:"experiencer"`
			Certainty   string  `json:"certainty"`
			Role        string  `json:"role"`
			Drug        *string `json:"drug"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		start := strings.Index(c.Text, c.Target)
		if start < 0 {
			t.Fatalf("case %d: target %q not in text", c.ID, c.Target)
		}
		end := start + len(c.Target)
		// The symptom mention overlapping the target most.
		var best *Mention
		bestOverlap := 0
		ms := mentionsOf(t, c.Text)
		for i := range ms {
			m := &ms[i]
			if m.Type != TypeSymptom {
				continue
			}
			if o := min(end, m.End) - max(start, m.Start); o > bestOverlap {
				best, bestOverlap = m, o
			}
		}
		total++
		if best == nil {
			t.Logf("case %d: %q not found", c.ID, c.Target)
			continue
		}
		want := ""
		if c.Drug != nil {
			want = strings.ToLower(*c.Drug)
		}
		got := strings.ToLower(best.Drug)
		checks := map[string]bool{
			"negated":     best.Negated == c.Negated,
			"experiencer": best.Experiencer == c.Experiencer,
			"certainty":   best.Certainty == c.Certainty,
			"role":        best.Role == c.Role,
			// a combination or a product name holds the generic ("levonorgestrel iud")
			"drug": got == want || want != "" && strings.Contains(got, want),
		}
		for field, ok := range checks {
			if ok {
				right[field]++
			} else if testing.Verbose() {
				t.Logf("case %d %q [%s]: %s wrong", c.ID, c.Text, c.Target, field)
			}
		}
	}
	for field, floor := range contextFloors {
		share := float64(right[field]) / float64(total)
		t.Logf("%s: %d/%d = %.3f (floor %.2f)", field, right[field], total, share, floor)
		if share < floor {
			t.Errorf("%s right for %.3f of the cases, below the floor %.2f", field, share, floor)
		}
	}
}
