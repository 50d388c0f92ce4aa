package cmd

import (
	"runtime/debug"
	"strings"
	"sync"

	"github.com/rxvoice/rxvoice/analyze"
	"github.com/rxvoice/rxvoice/lexicon"
	"github.com/spf13/cobra"
)

// vocabOptions is the --lexicon flag: user lexicon files added to the embedded one.
type vocabOptions struct {
	Files   []string
	Context []string // --context: user cue files for the context engine

	once    sync.Once
	matcher *lexicon.Matcher
	err     error
}

func (o *vocabOptions) addFlags(c *cobra.Command) {
	c.PersistentFlags().StringArrayVar(&o.Files, "lexicon", nil,
		"add or override lexicon entries from a TSV `FILE` (repeatable; see lexicon/FORMAT.md)")
	c.PersistentFlags().StringArrayVar(&o.Context, "context", nil,
		"add or take out context cues (negation, withdrawal, ...) from a `FILE` in the form of analyze/cues.txt (repeatable)")
}

// load builds the vocabulary and its matcher once.
func (o *vocabOptions) load() (*lexicon.Matcher, error) {
	o.once.Do(func() {
		// Loading makes many small objects that all stay live: collecting while it runs
		// is wasted work (a fifth of start-up).
		defer debug.SetGCPercent(debug.SetGCPercent(800))
		lx, err := lexicon.Default()
		if err != nil {
			o.err = err
			return
		}
		for _, f := range o.Files {
			if err := lx.AddFile(f); err != nil {
				o.err = &usageError{err}
				return
			}
		}
		for _, f := range o.Context {
			if err := analyze.LoadContextCues(f); err != nil {
				o.err = &usageError{err}
				return
			}
		}
		o.matcher = lexicon.Compile(lx)
	})
	return o.matcher, o.err
}

// conceptNames maps what a user typed (a generic, a brand, a misspelling: "Klonopin")
// to concept names through the vocabulary, so filters accept any name patients use.
func conceptNames(m *lexicon.Matcher, typed []string) []string {
	var out []string
	for _, t := range typed {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		name := strings.ToLower(t)
		for _, x := range m.Match(t) {
			if x.Start == 0 && x.End == len(t) {
				name = x.Concept.Name
				break
			}
		}
		out = append(out, name)
	}
	return out
}
