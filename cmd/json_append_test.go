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

// A writer's records, written with its cache of the last source and sentence, are what
// encoding/json writes for each, whether the strings repeat (the same bytes in memory, or
// equal copies) or change, and whether or not they need escaping.
func TestMentionRecordJSONCached(t *testing.T) {
	want := func(r *MentionRecord) string {
		var sb strings.Builder
		enc := json.NewEncoder(&sb)
		enc.SetEscapeHTML(false)
		enc.Encode(r)
		return strings.TrimSuffix(sb.String(), "\n")
	}
	sentences := []string{"I took Zoloft and got headaches.", "quote \"d\" sentence", "caf\u00e9 line\u2028sep",
		"bad \xff byte", "", "I took Zoloft and got headaches!"}
	sources := []string{"a.txt", "b \"q\".txt", "c\u00e9.txt"}
	r := rand.New(rand.NewSource(2))
	var c jsonCache
	var buf []byte
	for i := range 500 {
		rec := MentionRecord{Source: sources[r.Intn(len(sources))], Type: "drug", Text: "Zoloft",
			Sentence: sentences[r.Intn(len(sentences))], Concept: "sertraline", Start: i}
		if r.Intn(3) == 0 {
			rec.Sentence = strings.Clone(rec.Sentence) // equal, not the same memory
		}
		for range 1 + r.Intn(3) { // a sentence's mentions one after the other
			buf = rec.appendJSONCached(buf[:0], &c)
			if got, w := string(buf), want(&rec); got != w {
				t.Fatalf("record %d: %s, want %s", i, got, w)
			}
			if got := string(rec.AppendJSON(nil)); got != want(&rec) {
				t.Fatalf("record %d: AppendJSON %s, want %s", i, got, want(&rec))
			}
		}
	}
}
