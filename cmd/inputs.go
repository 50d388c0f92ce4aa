package cmd

import (
	"fmt"

	"github.com/rxvoice/rxvoice/corpus"
	"github.com/spf13/cobra"
)

// inputOptions are the flags every command that reads pages has.
type inputOptions struct {
	InputFormat string
}

func (o *inputOptions) addFlags(c *cobra.Command) {
	c.Flags().StringVar(&o.InputFormat, "input-format", "auto",
		"input format: auto, text (saved page text), html, json, jsonl, plain")
	c.RegisterFlagCompletionFunc("input-format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"auto", "text", "html", "json", "jsonl", "plain"}, cobra.ShellCompDirectiveNoFileComp
	})
}

// eachPage reads every input in order and calls fn for each page. Each input that cannot
// be read is reported on stderr, naming the file, and the rest are still read; the
// warnings of pages that were read are reported too. It returns an *inputError when any
// input failed.
func eachPage(streams *IO, args []string, o inputOptions, fn func(*corpus.Page) error) error {
	format, err := corpus.ParseFormat(o.InputFormat)
	if err != nil {
		return &usageError{err}
	}
	if len(args) == 0 {
		return usagef("no inputs: give files, directories, or - for standard input")
	}
	files, errs := corpus.Expand(args)
	failed := len(errs)
	for _, e := range errs {
		fmt.Fprintln(streams.ErrOut, "rxvoice:", e)
	}
	for _, f := range files {
		pages, err := corpus.ReadFile(f, corpus.Options{Format: format, Stdin: streams.In})
		if err != nil {
			failed++
			fmt.Fprintln(streams.ErrOut, "rxvoice:", err)
			continue
		}
		for _, p := range pages {
			for _, w := range p.Warnings {
				if w.Line > 0 {
					fmt.Fprintf(streams.ErrOut, "rxvoice: warning: %s:%d: %s\n", p.Source, w.Line, w.Message)
				} else {
					fmt.Fprintf(streams.ErrOut, "rxvoice: warning: %s: %s\n", p.Source, w.Message)
				}
			}
			if err := fn(p); err != nil {
				return err
			}
		}
	}
	if failed > 0 {
		return &inputError{failed: failed, total: len(files) + len(errs)}
	}
	return nil
}
