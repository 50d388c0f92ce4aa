package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestWordCacheAnswers checks that the matcher's word cache changes no answer: forum
// posts (misspellings included) matched by a matcher whose cache has met them all, by
// one that meets them in the reverse order, and by one whose cache is emptied (a text
// of more distinct words than it holds) before each post, give the same matches.
func TestWordCacheAnswers(t *testing.T) {
	var texts []string
	for _, dir := range []string{"../testdata/eval/forum/text", "../testdata/eval/forum2/text"} {
		names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	if len(texts) < 10 {
		t.Fatalf("%d forum posts, want 10 or more", len(texts))
	}
	warm, reverse, emptied := freshMatcher(t), freshMatcher(t), freshMatcher(t)
	for _, s := range texts {
		warm.Match(s)
	}
	want := make([][]Match, len(texts))
	for i := len(texts) - 1; i >= 0; i-- {
		want[i] = reverse.Match(texts[i])
	}
	var many strings.Builder
	for i := range wordCacheMax + 10 {
		fmt.Fprintf(&many, "zq%s ", strings.Repeat(string(rune('a'+i%26)), 1+i/26%5)+fmt.Sprint(i))
	}
	filler := Tokenize(many.String())
	found := 0
	for i, s := range texts {
		emptied.MatchTokens(many.String(), filler)
		for name, got := range map[string][]Match{"warm": warm.Match(s), "emptied": emptied.Match(s)} {
			if !reflect.DeepEqual(got, want[i]) {
				t.Errorf("post %d, %s cache: %d matches %v, want %d %v", i, name, len(got), got, len(want[i]), want[i])
			}
		}
		for _, m := range want[i] {
			if m.Fuzzy > 0 {
				found++
			}
		}
	}
	if found == 0 {
		t.Error("no corrected match in the forum posts: the test does not reach the cached corrections")
	}
}
