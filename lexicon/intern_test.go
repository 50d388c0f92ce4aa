package lexicon

import (
	"fmt"
	"testing"
)

// TestStrTable checks that strings are numbered in the order added, found again as
// strings and as bytes, through the table's growth, and that others are not found.
func TestStrTable(t *testing.T) {
	for _, n := range []int{1, 100, 5000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			tb := newStrTable(4) // far too small: it must grow
			words := []string{""}
			for i := 0; i < n; i++ {
				words = append(words, fmt.Sprintf("w%d", i), fmt.Sprintf("%dx", i))
			}
			for i, w := range words {
				if id := tb.add(w); id != int32(i) {
					t.Fatalf("add(%q) = %d, want %d", w, id, i)
				}
			}
			if tb.Len() != len(words) {
				t.Fatalf("Len() = %d, want %d", tb.Len(), len(words))
			}
			for i, w := range words {
				if id := tb.add(w); id != int32(i) {
					t.Errorf("add(%q) again = %d, want %d", w, id, i)
				}
				if id := tb.addBytes([]byte(w)); id != int32(i) {
					t.Errorf("addBytes(%q) again = %d, want %d", w, id, i)
				}
				if id := tb.find(w); id != int32(i) {
					t.Errorf("find(%q) = %d, want %d", w, id, i)
				}
				if id := tb.findBytes([]byte(w)); id != int32(i) {
					t.Errorf("findBytes(%q) = %d, want %d", w, id, i)
				}
				if s := tb.str(int32(i)); s != w {
					t.Errorf("str(%d) = %q, want %q", i, s, w)
				}
			}
			for _, w := range []string{"w", "x", fmt.Sprintf("w%d", n), "w0 ", "W0"} {
				if id := tb.find(w); id != -1 {
					t.Errorf("find(%q) = %d, want -1", w, id)
				}
				if id := tb.findBytes([]byte(w)); id != -1 {
					t.Errorf("findBytes(%q) = %d, want -1", w, id)
				}
			}
			if id := tb.addBytes([]byte("new")); id != int32(len(words)) || tb.find("new") != id {
				t.Errorf("addBytes(new) = %d, find = %d, want %d", id, tb.find("new"), len(words))
			}
		})
	}
}

// TestKeyIDs checks that every key of the compiled vocabulary is found under its own
// number, and that a token is keyed by its stem or its alternative as the lexicon has it.
func TestKeyIDs(t *testing.T) {
	m := defaultMatcher(t)
	for id := int32(0); int(id) < m.keys.Len(); id++ {
		if got := m.keys.find(m.keys.str(id)); got != id {
			t.Fatalf("key %q: find = %d, want %d", m.keys.str(id), got, id)
		}
	}
	for w, want := range map[string]string{"aching": "ache", "headaches": "headache", "rashes": "rash", "zzzzqx": "zzzzqx"} {
		tok := Tokenize(w)[0]
		if got := m.resolveKey(&tok); got != want {
			t.Errorf("resolveKey(%q) = %q, want %q", w, got, want)
		}
		if id := m.keyID(&tok); (id >= 0) != (w != "zzzzqx") {
			t.Errorf("keyID(%q) = %d", w, id)
		}
	}
}

// TestASCIIStrings checks the table of one-byte strings the tokenizer shares.
func TestASCIIStrings(t *testing.T) {
	for i, s := range asciiStrings {
		if s != string(rune(i)) {
			t.Errorf("asciiStrings[%d] = %q", i, s)
		}
	}
	for _, w := range []string{"I", "A", "X"} {
		if got := Tokenize(w)[0].Norm; got != string(w[0]+'a'-'A') {
			t.Errorf("Tokenize(%q) = %q", w, got)
		}
	}
}

// TestNodeTable checks the (node, key id) -> child table through its growth.
func TestNodeTable(t *testing.T) {
	tb := newNodeTable(1)
	key := func(i int) uint64 { return uint64(i%97)<<32 | uint64(i) }
	for i := 1; i <= 3000; i++ {
		if c, slot := tb.find(key(i)); c != 0 {
			t.Fatalf("find(%d) before put = %d", i, c)
		} else {
			tb.put(slot, key(i), int32(i))
		}
	}
	for i := 1; i <= 3000; i++ {
		if c, _ := tb.find(key(i)); c != int32(i) {
			t.Fatalf("find(%d) = %d", i, c)
		}
	}
	if c, _ := tb.find(key(3001)); c != 0 {
		t.Errorf("find(3001) = %d, want 0", c)
	}
}
