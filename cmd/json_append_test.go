package cmd

import (
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
)

// appendJSONString writes what encoding/json writes (HTML not escaped), for plain text
// and for every kind of byte its eight-at-a-time scan must notice at any offset.
func TestAppendJSONString(t *testing.T) {
	want := func(s string) string {
		var sb strings.Builder
		enc := json.NewEncoder(&sb)
		enc.SetEscapeHTML(false)
		enc.Encode(s)
		return strings.TrimSuffix(sb.String(), "\n")
	}
	cases := []string{"", "a", "plain ascii text of some length, with <html> & more",
		"caf\u00e9 na\u00efve", "line\u2028sep", "para\u2029sep", "bad \xff utf8", "tab\there",
		"nul\x00", "\x1f", " ", "\x7f", "quote\"d", "back\\slash", "\u00e9\u00e9\u00e9\u00e9\u00e9"}
	specials := []string{"\"", "\\", "\n", "\x00", "\x1f", "\x20", "\x7f", "\u00e9", "\xff", "\u2028", "<", "!", "#", "]"}
	for _, sp := range specials {
		for at := 0; at < 20; at++ {
			cases = append(cases, strings.Repeat("x", at)+sp+strings.Repeat("y", 19-at))
		}
	}
	r := rand.New(rand.NewSource(1))
	for range 2000 {
		b := make([]byte, r.Intn(40))
		for i := range b {
			b[i] = byte(0x1e + r.Intn(0x62)) // around the space and the quote, up to 0x7f
			if r.Intn(30) == 0 {
				b[i] = byte(r.Intn(256))
			}
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		if got, w := string(appendJSONString(nil, s)), want(s); got != w {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, w)
		}
	}
}
