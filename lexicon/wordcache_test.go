package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestWordCacheAnswers checks that the matcher's word cache changes no answer: forum
// posts (misspellings included) matched by a matcher whose cache has met them all, by
// one that meets them in the reverse order, and by one whose cache is emptied (a text
// of more distinct words than it holds) before each post, give the same matches.
func TestWordCacheAnswers(t *testing.T) {
	texts := forumPosts(t)
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

// TestWordCacheConcurrent matches the forum posts from four goroutines at once with one
// matcher (each worker its own cache, from the matcher's pool): the matches are those of
// one goroutine alone. Run with -race.
func TestWordCacheConcurrent(t *testing.T) {
	texts := forumPosts(t)
	m := freshMatcher(t)
	want := make([][]Match, len(texts))
	for i, s := range texts {
		want[i] = m.Match(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(texts))
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range texts {
				i := (j + g*len(texts)/4) % len(texts)
				if got := m.Match(texts[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("goroutine %d, post %d: %v, want %v", g, i, got, want[i])
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// forumPosts are the texts of testdata/eval's forum posts.
func forumPosts(t *testing.T) []string {
	t.Helper()
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
	return texts
}
