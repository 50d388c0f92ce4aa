package analyze

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// The context engine's trigger words live in cues.txt, one list per kind of cue with its
// category, direction and scope, the way ConText and NegEx keep their rules: reviewable
// data, not Go. A user file (--context FILE) adds to them or takes cues out.

//go:embed cues.txt
var cuesTXT string

// cueList is one list of cues and what its header says of it.
type cueList struct {
	name, category, direction, scope, about string
	words                                   map[string]bool
	phrases                                 []string // a rule list's rules (ctx:...), in file order
}

var (
	cueCategories = set("negation", "pseudo", "experiencer", "hypothetical", "history", "withdrawal",
		"indication", "relief", "adverse", "status", "idiom", "lab", "severity", "span", "other")
	cueDirections = set("before", "after", "both", "none")
	cueScopes     = set("clause", "list", "sentence", "window", "none")
)

// cueLists holds the embedded lists; the engine's sets are its maps, so a user file that
// changes a list changes what the engine reads.
var cueLists = func() map[string]*cueList {
	lists, err := parseCues(strings.NewReader(cuesTXT), "analyze/cues.txt", nil)
	if err != nil {
		panic(err) // a test reads the embedded file
	}
	return lists
}()

// engine is the context engine built from the rule lists.
var engine = func() *ctxEngine {
	e, err := buildEngine(cueLists)
	if err != nil {
		panic("analyze/cues.txt: " + err.Error()) // a test reads the embedded file
	}
	return e
}()

// cue returns the embedded list name.
func cue(name string) map[string]bool {
	l, ok := cueLists[name]
	if !ok {
		panic("analyze/cues.txt has no list " + name)
	}
	return l.words
}

// parseCues reads a cue file. With base nil it defines lists, and each header must give
// the category, direction and scope; with base it changes base's lists: a header names an
// existing list ("[ctx:negation]"), and a cue written "-word" is taken out. Errors name the
// file and line.
func parseCues(r io.Reader, name string, base map[string]*cueList) (map[string]*cueList, error) {
	lists := base
	if lists == nil {
		lists = map[string]*cueList{}
	}
	sc := bufio.NewScanner(r)
	var cur *cueList
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "[") {
			end := strings.Index(t, "]")
			if end < 0 {
				return nil, fmt.Errorf("%s:%d: a list header is written [name] category direction scope: what it is", name, line)
			}
			list := t[1:end]
			head, about, _ := strings.Cut(strings.TrimSpace(t[end+1:]), ":")
			f := strings.Fields(head)
			if base != nil {
				l, ok := lists[list]
				if !ok {
					return nil, fmt.Errorf("%s:%d: no list %q (the lists are in analyze/cues.txt)", name, line, list)
				}
				cur = l
				continue
			}
			if strings.HasPrefix(list, ruleListPrefix) && len(f) == 3 {
				if _, _, err := parseScope(f[2]); err != nil {
					return nil, fmt.Errorf("%s:%d: list %q: %w", name, line, list, err)
				}
				if _, ok := ctxCategories[f[0]]; !ok || f[1] == "none" || !cueDirections[f[1]] {
					return nil, fmt.Errorf("%s:%d: rule list %q: want a category (negation, pseudo, hypothetical, history, self, other), a direction (before, after, both) and a scope (clause or sentence, with an optional most tokens: clause8), got %q", name, line, list, head)
				}
			} else if len(f) != 3 || !cueCategories[f[0]] || !cueDirections[f[1]] || !cueScopes[f[2]] {
				return nil, fmt.Errorf("%s:%d: list %q: want a category (negation, pseudo, experiencer, ...), a direction (before, after, both, none) and a scope (clause, sentence, window, none), got %q", name, line, list, head)
			}
			if _, dup := lists[list]; dup {
				return nil, fmt.Errorf("%s:%d: list %q defined twice", name, line, list)
			}
			cur = &cueList{name: list, category: f[0], direction: f[1], scope: f[2], about: strings.TrimSpace(about), words: map[string]bool{}}
			lists[list] = cur
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("%s:%d: cue %q before any [list] header", name, line, t)
		}
		if w, ok := strings.CutPrefix(t, "-"); ok && base != nil {
			w = strings.Join(strings.Fields(w), " ")
			delete(cur.words, strings.ToLower(w))
			cur.phrases = slices.DeleteFunc(cur.phrases, func(p string) bool { return p == w })
			continue
		}
		if cur.phrases != nil || strings.HasPrefix(cur.name, ruleListPrefix) {
			// A rule: words, @lists and * between spaces.
			for _, w := range strings.Fields(t) {
				for _, a := range strings.Split(strings.TrimLeft(w, "!"), "|") {
					if a = strings.TrimLeft(a, "<~"); !strings.HasPrefix(a, "@") && a != strings.ToLower(a) {
						return nil, fmt.Errorf("%s:%d: rule %q: write words in lower case, as the tokenizer reads them (only a @list name may have capitals)", name, line, t)
					}
				}
			}
			t = strings.Join(strings.Fields(t), " ")
			if base != nil {
				// A user file's rules name lists that are all there: check them here,
				// where the line is known.
				if _, err := parseRule(t, lists); err != nil {
					return nil, fmt.Errorf("%s:%d: rule %q: %w", name, line, t, err)
				}
			}
			if !slices.Contains(cur.phrases, t) {
				cur.phrases = append(cur.phrases, t)
			}
			continue
		}
		if t != strings.ToLower(t) {
			return nil, fmt.Errorf("%s:%d: cue %q: write cues in lower case, as the tokenizer reads them", name, line, t)
		}
		cur.words[t] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return lists, nil
}

// LoadContextCues reads a user cue file and applies it to the engine's lists: for all
// analyzers in the process, so it is read once before any text is analyzed.
func LoadContextCues(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := parseCues(f, path, cueLists); err != nil {
		return err
	}
	e, err := buildEngine(cueLists)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	engine = e
	// The word classes, modifiers and trailers are built from the lists: build them again.
	wordClassOnce.Do(func() {})
	loadWordClass()
	modifiers, trailers, leaders = buildModifiers(), buildSequences("spanTrailers"), buildSequences("spanLeaders")
	return nil
}
