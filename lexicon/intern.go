package lexicon

// strTable numbers a set of strings (0, 1, 2, ... in the order they are added) and finds
// a string's number with one hash probe sequence. It holds no pointers but its two
// slices: the strings sit end to end in one byte arena and the hash slots are integers,
// so the garbage collector has nothing inside it to mark, unlike a map of strings.
type strTable struct {
	arena []byte
	off   []uint32 // string id spans arena[off[id]:off[id+1]]
	slots []int32  // id+1 of the string hashed there, 0 when empty
	mask  uint32
}

// newStrTable returns a table sized for about n strings.
func newStrTable(n int) *strTable {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return &strTable{off: make([]uint32, 1, n+1), slots: make([]int32, size), mask: uint32(size - 1), arena: make([]byte, 0, n*8)}
}

// hashString is FNV-1a: short keys, no seed, the same for a string and its bytes.
func hashString[S ~string | ~[]byte](s S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// Len is the number of strings in the table.
func (t *strTable) Len() int { return len(t.off) - 1 }

// str returns string id (a new string: for building and tests, not the hot path).
func (t *strTable) str(id int32) string { return string(t.arena[t.off[id]:t.off[id+1]]) }

// find returns the id of s, or -1.
func (t *strTable) find(s string) int32 {
	for i := hashString(s) & t.mask; ; i = (i + 1) & t.mask {
		id := t.slots[i] - 1
		if id < 0 {
			return -1
		}
		if string(t.arena[t.off[id]:t.off[id+1]]) == s {
			return id
		}
	}
}

// findBytes is find for a string held in bytes.
func (t *strTable) findBytes(s []byte) int32 {
	for i := hashString(s) & t.mask; ; i = (i + 1) & t.mask {
		id := t.slots[i] - 1
		if id < 0 {
			return -1
		}
		if string(t.arena[t.off[id]:t.off[id+1]]) == string(s) {
			return id
		}
	}
}

// add returns the id of s, adding it when it is new.
func (t *strTable) add(s string) int32 {
	i := hashString(s) & t.mask
	for ; ; i = (i + 1) & t.mask {
		id := t.slots[i] - 1
		if id < 0 {
			break
		}
		if string(t.arena[t.off[id]:t.off[id+1]]) == s {
			return id
		}
	}
	id := int32(t.Len())
	t.arena = append(t.arena, s...)
	t.off = append(t.off, uint32(len(t.arena)))
	t.slots[i] = id + 1
	if 4*t.Len() > 3*len(t.slots) {
		t.rehash()
	}
	return id
}

func (t *strTable) rehash() {
	t.slots = make([]int32, 2*len(t.slots))
	t.mask = uint32(len(t.slots) - 1)
	for id := int32(0); int(id) < t.Len(); id++ {
		i := hashString(t.arena[t.off[id]:t.off[id+1]]) & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = id + 1
	}
}

// addBytes is add for a string held in bytes: nothing is allocated but the arena's growth.
func (t *strTable) addBytes(s []byte) int32 {
	i := hashString(s) & t.mask
	for ; ; i = (i + 1) & t.mask {
		id := t.slots[i] - 1
		if id < 0 {
			break
		}
		if string(t.arena[t.off[id]:t.off[id+1]]) == string(s) {
			return id
		}
	}
	id := int32(t.Len())
	t.arena = append(t.arena, s...)
	t.off = append(t.off, uint32(len(t.arena)))
	t.slots[i] = id + 1
	if 4*t.Len() > 3*len(t.slots) {
		t.rehash()
	}
	return id
}

// get returns string id as a view of the arena, valid while nothing is added.
func (t *strTable) get(id int32) []byte { return t.arena[t.off[id]:t.off[id+1]] }
