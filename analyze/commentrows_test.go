package analyze

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
)

// The packed rows give back each row as it was added, in order, across chunks.
func TestCommentRows(t *testing.T) {
	var c commentRows
	var want []CommentRow
	for i := 0; i < 150_000; i++ { // more than one chunk
		r := CommentRow{Source: fmt.Sprintf("dump.jsonl#t%d", i/40), Author: fmt.Sprintf("u%d", i%997),
			Posted: fmt.Sprintf("2019-01-%02d", 1+i%28)}
		if i%5 != 0 {
			n := []int{i, 0, 1 << 30, 127, 128}[i%5]
			r.Comment = &n
		}
		if i%3 == 0 {
			r.Drugs = []string{"diazepam", fmt.Sprintf("drug%d", i%300)}
		}
		if i%7 == 0 {
			r.Symptoms = []string{"insomnia"}
		}
		if i == 42 {
			r.Author, r.Posted = "", ""
			r.Symptoms = make([]string, 300)
			for k := range r.Symptoms {
				r.Symptoms[k] = fmt.Sprintf("s%d", k)
			}
		}
		c.add(r, r.Drugs, r.Symptoms)
		want = append(want, r)
	}
	if len(c.chunks) < 2 {
		t.Fatalf("%d chunks, want several", len(c.chunks))
	}
	if c.n != len(want) {
		t.Fatalf("%d rows, want %d", c.n, len(want))
	}
	i := 0
	err := c.each(func(r CommentRow) error {
		if !reflect.DeepEqual(r, want[i]) {
			t.Fatalf("row %d = %+v, want %+v", i, r, want[i])
		}
		i++
		return nil
	})
	if err != nil || i != len(want) {
		t.Fatalf("each gave %d rows, %v", i, err)
	}
	stop := errors.New("stop")
	if err := c.each(func(CommentRow) error { return stop }); err != stop {
		t.Errorf("each returned %v, want fn's error", err)
	}
}
