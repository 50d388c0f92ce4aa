package cmd

import (
	"fmt"
	"sync"

	"github.com/rxvoice/rxvoice/analyze"

	"github.com/rxvoice/rxvoice/corpus"
	"github.com/spf13/cobra"
)

// inputOptions are the flags every command that reads pages has.
type inputOptions struct {
	InputFormat string
	Verbose     bool // say on stderr how each page was read
}

func (o *inputOptions) addFlags(c *cobra.Command) {
	c.Flags().BoolVarP(&o.Verbose, "verbose", "v", false,
		"say on standard error how each page was read: the reader, the comment markup or header template, and why")
	c.Flags().StringVar(&o.InputFormat, "input-format", "auto",
		"input format: auto, text (saved page text), html, json, jsonl, plain")
	c.RegisterFlagCompletionFunc("input-format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"auto", "text", "html", "json", "jsonl", "plain"}, cobra.ShellCompDirectiveNoFileComp
	})
}

// eachPage reads every input in order and calls fn for each page (see analyzePages).
func eachPage(streams *IO, args []string, o inputOptions, fn func(*corpus.Page) error) error {
	return analyzePages(streams, args, o, 1, nil, func(p *corpus.Page, _ []analyze.Mention) error { return fn(p) })
}

// analyzePages reads the inputs and, with an analyzer, tags their pages, with jobs
// workers; fn gets each page and its mentions in input order, so output does not depend
// on scheduling, and at most a few pages per worker are in memory at once. Each input
// that cannot be read is reported on stderr, naming the file, and the rest are still
// read; the warnings of pages that were read are reported too. It returns an
// *inputError when any input failed, or the first error of fn.
func analyzePages(streams *IO, inputs []string, o inputOptions, jobs int, a *analyze.Analyzer, fn func(*corpus.Page, []analyze.Mention) error) error {
	format, err := corpus.ParseFormat(o.InputFormat)
	if err != nil {
		return &usageError{err}
	}
	jobs = max(jobs, 1) // --jobs 0 would start no worker and wait for ever
	if len(inputs) == 0 {
		return usagef("no inputs: give files, directories, or - for standard input")
	}
	files, errs := corpus.Expand(inputs)
	failed := len(errs)
	for _, e := range errs {
		fmt.Fprintln(streams.ErrOut, "rxvoice:", e)
	}
	type result struct {
		pages    []*corpus.Page
		mentions [][]analyze.Mention
		err      error
	}
	results := make([]chan result, len(files))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	next := make(chan int)
	inFlight := make(chan struct{}, 4*jobs) // files read but not yet handed to fn
	done := make(chan struct{})
	defer close(done)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				pages, err := corpus.ReadFile(files[i], corpus.Options{Format: format, Stdin: streams.In})
				r := result{pages: pages, err: err}
				if a != nil {
					for _, p := range pages {
						r.mentions = append(r.mentions, a.Page(p))
					}
				}
				results[i] <- r
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range files {
			select {
			case inFlight <- struct{}{}:
			case <-done:
				return
			}
			select {
			case next <- i:
			case <-done:
				return
			}
		}
	}()
	bar := newProgress(streams, len(files))
	defer bar.Finish()
	for i := range files {
		r := <-results[i]
		<-inFlight
		results[i] = nil
		bar.Add(1)
		if r.err != nil {
			failed++
			fmt.Fprintln(streams.ErrOut, "rxvoice:", r.err)
			continue
		}
		for k, p := range r.pages {
			if o.Verbose && p.Layout != "" {
				fmt.Fprintf(streams.ErrOut, "rxvoice: %s: %s\n", p.Source, p.Layout)
			}
			for _, w := range p.Warnings {
				if w.Line > 0 {
					fmt.Fprintf(streams.ErrOut, "rxvoice: warning: %s:%d: %s\n", p.Source, w.Line, w.Message)
				} else {
					fmt.Fprintf(streams.ErrOut, "rxvoice: warning: %s: %s\n", p.Source, w.Message)
				}
			}
			var ms []analyze.Mention
			if r.mentions != nil {
				ms = r.mentions[k]
			}
			if err := fn(p, ms); err != nil {
				return err
			}
		}
	}
	if failed > 0 {
		return &inputError{failed: failed, total: len(files) + len(errs)}
	}
	return nil
}
