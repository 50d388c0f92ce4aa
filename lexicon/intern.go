package lexicon

import "hash/maphash"

// strTable numbers a set of strings (0, 1, 2, ... in the order they are added) and finds
// a string's number with one hash probe sequence. It holds no pointers but its three
// slices: the strings sit end to end in one byte arena and the hash slots are integers,
// so the garbage collector has nothing inside it to mark, unlike a map of strings.
type strTable struct {
	arena []byte
	off   []uint32 // string id spans arena[off[id]:off[id+1]]
	// slots hold the upper 32 bits of a string's hash and its id+1 (0: empty): a probe
	// compares strings only when their hashes agree.
	slots []uint64
	mask  uint64
}

// seed is the hash seed of every string table: lookups only, nothing is ordered by hash.
var seed = maphash.MakeSeed()

// newStrTable returns a table sized for about n strings of about 8 bytes.
func newStrTable(n int) *strTable { return newStrTableSize(n, n*8) }

// newStrTableSize returns a table sized for n strings of size bytes in all.
func newStrTableSize(n, size int) *strTable {
	slots := 16
	for slots < 3*n {
		slots <<= 1
	}
	return &strTable{off: make([]uint32, 1, n+1), slots: make([]uint64, slots), mask: uint64(slots - 1), arena: make([]byte, 0, size)}
}

// Len is the number of strings in the table.
func (t *strTable) Len() int { return len(t.off) - 1 }

// str returns string id (a new string: for building and tests, not the hot path).
func (t *strTable) str(id int32) string { return string(t.get(id)) }

// get returns string id as a view of the arena, valid while nothing is added.
func (t *strTable) get(id int32) []byte { return t.arena[t.off[id]:t.off[id+1]] }

// find returns the id of s, or -1.
func (t *strTable) find(s string) int32 { return t.lookup(s, maphash.String(seed, s)) }

// findBytes is find for a string held in bytes.
func (t *strTable) findBytes(s []byte) int32 { return t.lookupBytes(s, maphash.Bytes(seed, s)) }

func (t *strTable) lookup(s string, h uint64) int32 {
	tag := h &^ 0xffffffff
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			return -1
		}
		if v&^0xffffffff == tag {
			if id := int32(uint32(v)) - 1; string(t.arena[t.off[id]:t.off[id+1]]) == s {
				return id
			}
		}
	}
}

func (t *strTable) lookupBytes(s []byte, h uint64) int32 {
	tag := h &^ 0xffffffff
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		v := t.slots[i]
		if v == 0 {
			return -1
		}
		if v&^0xffffffff == tag {
			if id := int32(uint32(v)) - 1; string(t.arena[t.off[id]:t.off[id+1]]) == string(s) {
				return id
			}
		}
	}
}

// add returns the id of s, adding it when it is new.
func (t *strTable) add(s string) int32 {
	h := maphash.String(seed, s)
	if id := t.lookup(s, h); id >= 0 {
		return id
	}
	t.arena = append(t.arena, s...)
	return t.added(h)
}

// addBytes is add for a string held in bytes: nothing is allocated but the arena's growth.
func (t *strTable) addBytes(s []byte) int32 {
	h := maphash.Bytes(seed, s)
	if id := t.lookupBytes(s, h); id >= 0 {
		return id
	}
	t.arena = append(t.arena, s...)
	return t.added(h)
}

// added numbers the string just appended to the arena, of hash h.
func (t *strTable) added(h uint64) int32 {
	id := int32(t.Len())
	t.off = append(t.off, uint32(len(t.arena)))
	t.put(h, id)
	if 2*t.Len() > len(t.slots) {
		t.rehash()
	}
	return id
}

func (t *strTable) put(h uint64, id int32) {
	i := h & t.mask
	for t.slots[i] != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = h&^0xffffffff | uint64(id+1)
}

func (t *strTable) rehash() {
	t.slots = make([]uint64, 2*len(t.slots))
	t.mask = uint64(len(t.slots) - 1)
	for id := int32(0); int(id) < t.Len(); id++ {
		t.put(maphash.Bytes(seed, t.get(id)), id)
	}
}
