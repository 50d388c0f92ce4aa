package analyze

import "math/bits"

// idSet is a set of commenters, by their dense number (Summarizer.commenter). A report
// keeps a few sets per drug, symptom and pair, so over a dump of many commenters the
// sets are most of its memory: a set is a map while it is small and turns into a bitmap
// (a bit for every commenter numbered so far) once that is the smaller.
type idSet struct {
	small map[uint32]struct{}
	bits  []uint64
	n     int
}

// toBitmap is the size from which a set may become a bitmap: below it the map is small
// whatever the numbers.
const toBitmap = 512

// add puts id in the set; maxID is the highest number given so far.
func (s *idSet) add(id, maxID uint32) {
	if s.bits != nil {
		w := int(id / 64)
		if w >= len(s.bits) {
			s.bits = append(s.bits, make([]uint64, w+1-len(s.bits))...)
		}
		if s.bits[w]&(1<<(id%64)) == 0 {
			s.bits[w] |= 1 << (id % 64)
			s.n++
		}
		return
	}
	if s.small == nil {
		s.small = map[uint32]struct{}{}
	}
	if _, ok := s.small[id]; ok {
		return
	}
	s.small[id] = struct{}{}
	s.n++
	// A map entry takes about 8 bytes, a bitmap a bit per commenter.
	if s.n >= toBitmap && uint64(s.n)*64 >= uint64(maxID) {
		s.bits = make([]uint64, maxID/64+1)
		for k := range s.small {
			s.bits[k/64] |= 1 << (k % 64)
		}
		s.small = nil
	}
}

// has reports whether id is in the set.
func (s *idSet) has(id uint32) bool {
	if s == nil {
		return false
	}
	if s.bits != nil {
		w := int(id / 64)
		return w < len(s.bits) && s.bits[w]&(1<<(id%64)) != 0
	}
	_, ok := s.small[id]
	return ok
}

// len is the number of commenters in the set; 0 for a nil set.
func (s *idSet) len() int {
	if s == nil {
		return 0
	}
	return s.n
}

// each calls fn for every id in the set, in no particular order.
func (s *idSet) each(fn func(uint32)) {
	if s == nil {
		return
	}
	if s.bits == nil {
		for id := range s.small {
			fn(id)
		}
		return
	}
	for w, word := range s.bits {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			fn(uint32(w*64 + b))
			word &= word - 1
		}
	}
}
