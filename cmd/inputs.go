package cmd

import (
	"errors"
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
	PageKey     string
}

func (o *inputOptions) addFlags(c *cobra.Command) {
	c.Flags().BoolVarP(&o.Verbose, "verbose", "v", false,
		"say on standard error how each page was read: the reader, the comment markup or header template, and why")
	c.Flags().StringVar(&o.InputFormat, "input-format", "auto",
		"input format: auto, text (saved page text), html, json, jsonl, plain")
	c.RegisterFlagCompletionFunc("input-format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"auto", "text", "html", "json", "jsonl", "plain"}, cobra.ShellCompDirectiveNoFileComp
	})
	c.Flags().StringVar(&o.PageKey, "page-key", "",
		"JSON and JSON Lines: the record field that names a record's thread (page), e.g. link_id")
}

// errStopped tells a reader that no one takes its pages any more.
var errStopped = errors.New("stopped")

// eachPage reads every input in order and calls fn for each page (see analyzePages).
func eachPage(streams *IO, args []string, o inputOptions, fn func(*corpus.Page) error) error {
	return analyzePages(streams, args, o, 1, nil, func(c *pageChunk) error { return fn(c.page) })
}

// pageChunk is a run of a page's sections with their mentions, as analyzePages hands them
// on: a page of 200,000 comments comes in many, so that its mentions are never held at
// once. Without an analyzer a page is one chunk.
type pageChunk struct {
	page     *corpus.Page
	from, to int               // the sections [from, to): 0 the article, i+1 comment i
	mentions []analyze.Mention // the mentions of those sections, in section order
	// done, when not nil, gives the memory of mentions, and of the page's earlier chunks,
	// back to the analyzer (PageChunks): analyzePages calls it once fn has returned.
	done func()
}

// section is the page's section i (0 the article, i+1 comment i), as Page.Sections has it.
func (c *pageChunk) section(i int) corpus.Section {
	if i == 0 {
		return corpus.Section{Page: c.page}
	}
	return corpus.Section{Page: c.page, Comment: &c.page.Comments[i-1]}
}

// last reports whether the chunk ends its page.
func (c *pageChunk) last() bool { return c.to == len(c.page.Comments)+1 }

// chunkMentions is about how many mentions a chunk holds before it is handed on (a
// variable for the test that hands on every section alone).
var chunkMentions = 4096

// analyzePages reads the inputs and, with an analyzer, tags their pages, with jobs
// workers; fn gets each page's sections and their mentions, in chunks, in input order,
// so output does not depend on scheduling, and at most a few pages per worker, and a
// few chunks of a large page, are in memory at once. fn must not keep a chunk's
// mentions after it returns (their memory is reused): it copies what it keeps. Each input that cannot be read is
// reported on stderr, naming the file, and the rest are still read; the warnings of
// pages that were read are reported too, before their first chunk. It returns an
// *inputError when any input failed, or the first error of fn.
func analyzePages(streams *IO, inputs []string, o inputOptions, jobs int, a *analyze.Analyzer, fn func(*pageChunk) error) error {
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
	// Each file's chunks come through its own channel, in order, as the file is read: a
	// JSON Lines dump is handed on thread by thread, never held whole.
	type result struct {
		chunk *pageChunk
		err   error
	}
	results := make([]chan result, len(files))
	for i := range results {
		results[i] = make(chan result, 4)
	}
	next := make(chan int)
	inFlight := make(chan struct{}, 4*jobs) // files read but not yet handed to fn
	done := make(chan struct{})
	defer close(done)
	opt := corpus.Options{Format: format, Stdin: streams.In, PageKey: o.PageKey}
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				send := func(r result) error {
					select {
					case results[i] <- r:
						return nil
					case <-done:
						return errStopped
					}
				}
				err := corpus.StreamFile(files[i], opt, func(p *corpus.Page) error {
					if a == nil {
						return send(result{chunk: &pageChunk{page: p, to: len(p.Comments) + 1}})
					}
					return a.PageChunks(p, chunkMentions, func(from, to int, ms []analyze.Mention, done func()) error {
						return send(result{chunk: &pageChunk{page: p, from: from, to: to, mentions: ms, done: done}})
					})
				})
				if err != nil && err != errStopped {
					send(result{err: err})
				}
				close(results[i])
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
		for r := range results[i] {
			if r.err != nil {
				failed++
				fmt.Fprintln(streams.ErrOut, "rxvoice:", r.err)
				continue
			}
			if p := r.chunk.page; r.chunk.from == 0 { // a page's first chunk: say how it was read
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
			}
			if err := fn(r.chunk); err != nil {
				return err
			}
			if r.chunk.done != nil {
				r.chunk.done() // fn keeps no mention: the writers copy what they keep
			}
		}
		<-inFlight
		results[i] = nil
		bar.Add(1)
	}
	if failed > 0 {
		return &inputError{failed: failed, total: len(files) + len(errs)}
	}
	return nil
}
