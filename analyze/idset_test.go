package analyze

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// An idSet holds what a map holds, before and after it turns into a bitmap, and with
// numbers past the bitmap's end.
func TestIDSet(t *testing.T) {
	for _, tc := range []struct {
		name  string
		maxID uint32 // commenters numbered when the adds start
		adds  int
		grow  bool // the numbers grow as they are added, as Summarizer gives them
	}{
		{"few", 100, 50, false},
		{"dense", 2000, 5000, false},
		{"sparse", 1 << 20, 3000, false},
		{"growing", 0, 20000, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			var s idSet
			want := map[uint32]bool{}
			maxID := tc.maxID
			for i := 0; i < tc.adds; i++ {
				var id uint32
				if tc.grow {
					maxID++
					id = uint32(rng.IntN(int(maxID)))
				} else {
					id = uint32(rng.IntN(int(maxID)))
				}
				s.add(id, maxID)
				want[id] = true
				if s.len() != len(want) {
					t.Fatalf("after %d adds: len %d, want %d", i+1, s.len(), len(want))
				}
			}
			for id := uint32(0); id < maxID+100; id++ {
				if s.has(id) != want[id] {
					t.Fatalf("has(%d) = %v, want %v", id, s.has(id), want[id])
				}
			}
			var got []uint32
			s.each(func(id uint32) { got = append(got, id) })
			slices.Sort(got)
			if len(got) != len(want) || slices.ContainsFunc(got, func(id uint32) bool { return !want[id] }) {
				t.Errorf("each gave %d ids, want %d", len(got), len(want))
			}
			if tc.name == "dense" && s.bits == nil || tc.name == "sparse" && s.bits != nil {
				t.Errorf("%s set: bitmap %v", tc.name, s.bits != nil)
			}
		})
	}
	var nilSet *idSet
	if nilSet.len() != 0 || nilSet.has(3) {
		t.Error("a nil set is not empty")
	}
}
