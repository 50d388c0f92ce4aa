package cmd

import (
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/rxvoice/rxvoice/analyze"
	"github.com/rxvoice/rxvoice/corpus"
	"github.com/spf13/cobra"
)

// evalOptions are the flags of `rxvoice eval`.
type evalOptions struct {
	inputOptions
	Pred   []string
	Map    []string
	Format string
	Jobs   int
	Wide   bool
}

var evalFormats = []string{"table", "json"}

// evalTarget is what --map makes of a gold label: an rxvoice type and, when given, a role.
type evalTarget struct{ Type, Role string }

func newEvalCmd(streams *IO, vocab *vocabOptions) *cobra.Command {
	opts := &evalOptions{}
	c := &cobra.Command{
		Use:   "eval GOLD... [--pred PRED...]",
		Short: "Score rxvoice (or another annotation set) against a team's own annotations",
		Long: `Score mentions against gold annotations: precision, recall and F1 per type, exact
(same start and end) and overlapping (any character in common), with micro totals, and a
table of roles when gold spans carry one.

GOLD and PRED are files or folders of:
  brat standoff   NAME.ann with NAME.txt beside it (offsets in characters, as brat and
                  INCEpTION count them; a span in fragments counts from its first start to
                  its last end; an attribute "Role" gives a span its role)
  CoNLL BIO       .conll, .bio or .iob: a token a line, the tag (B-TYPE, I-TYPE, O) in
                  the last column, a blank line between sentences; each sentence is a
                  document whose text is its tokens joined by spaces
  rxvoice JSONL   .jsonl, as "rxvoice mentions --format jsonl" prints it (or a corrected
                  copy): documents are the sources it names, offsets are in each article's
                  or comment's text
Documents are matched by name: NAME for NAME.ann and for a JSON Lines source NAME.txt (a
source page.html is page.html), the sentence's number for CoNLL.

Without --pred, rxvoice itself is scored: it reads each gold NAME.txt (as --input-format
says; CoNLL sentences as plain text), or each source a JSON Lines set names, and tags it.

--map GOLD=TYPE[:ROLE] maps a gold label to an rxvoice type (drug, symptom, effect,
dose, frequency, duration) and, optionally, a role (adverse, indication, withdrawal, other);
it applies to brat and CoNLL labels, on both sides. With --map, only mapped labels are
scored (the others are listed as ignored); without it, labels are scored as they are.
A span's role is its Role attribute, else the role its label maps to.`,
		Example: `  $ rxvoice mentions --format brat --out annotated/ posts/   # correct in brat, then:
  $ rxvoice eval annotated/
  $ rxvoice eval --map Drug=drug,ADR=symptom:adverse,Symptom=symptom:indication,Disease=symptom,Finding=symptom cadec/
  $ rxvoice eval --map ADR=symptom:adverse,WD=symptom:withdrawal,DI=symptom:indication,SSI=symptom dev.conll
  $ rxvoice eval --pred other-tool/ annotated/`,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkOneOf("format", opts.Format, evalFormats); err != nil {
				return err
			}
			if _, err := corpus.ParseFormat(opts.InputFormat); err != nil {
				return &usageError{err}
			}
			if len(args) == 0 {
				return usagef("no gold annotations: give brat folders or .ann files, CoNLL files or rxvoice JSON Lines")
			}
			m, err := parseEvalMap(opts.Map)
			if err != nil {
				return err
			}
			var a *analyze.Analyzer
			if len(opts.Pred) == 0 {
				mt, err := vocab.load()
				if err != nil {
					return err
				}
				a = analyze.New(mt)
			}
			return runEval(streams, opts, m, a, args)
		},
	}
	c.Flags().StringSliceVar(&opts.Pred, "pred", nil, "score these annotations (`FILE`s or folders, as GOLD) instead of rxvoice's own mentions")
	c.Flags().StringSliceVar(&opts.Map, "map", nil, "map a gold label to an rxvoice type and role: `LABEL=TYPE[:ROLE]`, comma-separated or repeated")
	c.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(evalFormats, ", "))
	c.Flags().IntVar(&opts.Jobs, "jobs", runtime.NumCPU(), "documents tagged in parallel")
	addWideFlag(c, &opts.Wide)
	c.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return evalFormats, cobra.ShellCompDirectiveNoFileComp
	})
	opts.addFlags(c)
	return c
}

// parseEvalMap reads the --map values.
func parseEvalMap(list []string) (map[string]evalTarget, error) {
	m := map[string]evalTarget{}
	roles := []string{analyze.RoleAdverse, analyze.RoleIndication, analyze.RoleWithdrawal, analyze.RoleOther}
	for _, kv := range list {
		label, target, ok := strings.Cut(kv, "=")
		label = strings.TrimSpace(label)
		if !ok || label == "" {
			return nil, usagef("--map %q: want LABEL=TYPE or LABEL=TYPE:ROLE, e.g. ADR=symptom:adverse", kv)
		}
		typ, role, _ := strings.Cut(strings.TrimSpace(target), ":")
		if err := checkOneOf("type in --map "+kv+":", typ, analyze.Types); err != nil {
			return nil, err
		}
		if role != "" {
			if err := checkOneOf("role in --map "+kv+":", role, roles); err != nil {
				return nil, err
			}
		}
		if old, dup := m[label]; dup && old != (evalTarget{typ, role}) {
			return nil, usagef("--map maps %s twice", label)
		}
		m[label] = evalTarget{typ, role}
	}
	return m, nil
}

func runEval(streams *IO, opts *evalOptions, labels map[string]evalTarget, a *analyze.Analyzer, args []string) error {
	failed, total := 0, 0
	report := func(errs []error) error {
		for _, e := range errs {
			var ue *usageError
			if errors.As(e, &ue) {
				return e
			}
			fmt.Fprintln(streams.ErrOut, "rxvoice:", e)
			failed++
		}
		return nil
	}
	gold, errs := readAnnSet(args)
	if err := report(errs); err != nil {
		return err
	}
	total += len(gold.Docs) + len(errs)
	var pred *annSet
	if a != nil {
		pred, errs = tagDocs(gold, a, opts)
	} else {
		pred, errs = readAnnSet(opts.Pred)
		total += len(pred.Docs) + len(errs)
	}
	if err := report(errs); err != nil {
		return err
	}
	ignored := mapLabels(gold, labels)
	mapLabels(pred, labels)
	// Both sides count in the same text: JSON Lines offsets are carried into the brat or
	// CoNLL side's document texts.
	errs = nil
	if gold.Sections && !pred.Sections {
		errs = toDocText(gold, pred, opts)
	} else if pred.Sections && !gold.Sections {
		errs = toDocText(pred, gold, opts)
	}
	if err := report(errs); err != nil {
		return err
	}
	var missing []string
	for _, name := range gold.Names {
		if pred.Docs[name] == nil && a == nil {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(streams.ErrOut, "rxvoice: eval: %d gold documents have no predicted annotations (scored as empty): %s\n", len(missing), clipList(missing, 5))
	}
	types := evalTypes(gold, labels)
	for _, s := range []*annSet{gold, pred} {
		for _, d := range s.Docs {
			sortSpans(d.Spans)
		}
	}
	res := scoreSets(gold, pred, types)
	res.Ignored = ignored
	if len(ignored) > 0 {
		var parts []string
		for _, l := range ignored {
			parts = append(parts, fmt.Sprintf("%s %d", l.Label, l.Spans))
		}
		fmt.Fprintf(streams.ErrOut, "rxvoice: eval: gold labels not in --map, not scored: %s\n", strings.Join(parts, ", "))
	}
	var err error
	switch opts.Format {
	case "json":
		err = writeEvalJSON(streams.Out, res)
	default:
		err = writeEvalTable(streams, res, opts.Wide)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return &inputError{failed: failed, total: total}
	}
	return nil
}

func clipList(names []string, n int) string {
	if len(names) > n {
		return strings.Join(names[:n], ", ") + fmt.Sprintf(" and %d more", len(names)-n)
	}
	return strings.Join(names, ", ")
}

// mapLabels applies --map to a set of an annotator's labels: a mapped label takes its
// type, and its role when the span has no Role attribute; with a map, the other labels are taken out and counted.
func mapLabels(s *annSet, m map[string]evalTarget) []EvalLabel {
	out := []EvalLabel{}
	if !s.Labels || len(m) == 0 {
		return out
	}
	dropped := map[string]int{}
	for _, d := range s.Docs {
		kept := d.Spans[:0]
		for _, sp := range d.Spans {
			t, ok := m[sp.Type]
			if !ok {
				dropped[sp.Type]++
				continue
			}
			sp.Type = t.Type
			if sp.Role == "" { // a span's own Role attribute says more than its label
				sp.Role = t.Role
			}
			kept = append(kept, sp)
		}
		d.Spans = kept
	}
	for l, n := range dropped {
		out = append(out, EvalLabel{Label: l, Spans: n})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Label < out[j].Label })
	return out
}

// evalTypes are the types scored: those --map maps to, else every gold type; rxvoice's
// types first, in their order, then others by name.
func evalTypes(gold *annSet, m map[string]evalTarget) []string {
	seen := map[string]bool{}
	if len(m) > 0 {
		for _, t := range m {
			seen[t.Type] = true
		}
	} else {
		for _, d := range gold.Docs {
			for _, s := range d.Spans {
				seen[s.Type] = true
			}
		}
	}
	var out, other []string
	for _, t := range analyze.Types {
		if seen[t] {
			out = append(out, t)
		}
	}
	for t := range seen {
		if !slices.Contains(analyze.Types, t) {
			other = append(other, t)
		}
	}
	sort.Strings(other)
	return append(out, other...)
}

// docPage reads a document's text as rxvoice reads an input, and places its sections in
// the text.
func docPage(d *annDoc, opts *evalOptions) (*corpus.Page, *placement, error) {
	format := corpus.Format(opts.InputFormat)
	if d.Plain {
		format = corpus.FormatPlain
	}
	// named as the text file it is, so that "page.html.txt" is not read as HTML
	pages, err := corpus.Parse(d.Name+".txt", []byte(d.Text), format)
	if err != nil {
		return nil, nil, fmt.Errorf("eval: %s: %w", d.Path, err)
	}
	if len(pages) != 1 {
		return nil, nil, fmt.Errorf("eval: %s: the text reads as %d pages: give --input-format plain", d.Path, len(pages))
	}
	pl, ok := placePage(pages[0], d.Text)
	if !ok {
		return nil, nil, fmt.Errorf("eval: %s: rxvoice reads the text as a page whose comments are not in it as written (%s): give --input-format plain", d.Path, pages[0].Layout)
	}
	return pages[0], pl, nil
}

// tagDocs runs rxvoice on the gold set's documents: their texts (brat, CoNLL) or the
// sources their records name (JSON Lines).
func tagDocs(gold *annSet, a *analyze.Analyzer, opts *evalOptions) (*annSet, []error) {
	pred := newAnnSet("rxvoice")
	pred.Sections = gold.Sections
	docs := make([]*annDoc, len(gold.Names))
	errs := make([]error, len(gold.Names))
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(opts.Jobs, 1))
	for i, name := range gold.Names {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			docs[i], errs[i] = tagDoc(gold.Docs[name], a, opts)
		}()
	}
	wg.Wait()
	var out []error
	for i, d := range docs {
		if errs[i] != nil {
			out = append(out, errs[i])
			continue
		}
		if err := pred.add(d); err != nil {
			out = append(out, err)
		}
	}
	return pred, out
}

func tagDoc(g *annDoc, a *analyze.Analyzer, opts *evalOptions) (*annDoc, error) {
	d := &annDoc{Name: g.Name, Path: g.Path, Text: g.Text, Source: g.Source}
	if g.Source != "" {
		pages, err := corpus.ReadFile(g.Source, corpus.Options{Format: corpus.Format(opts.InputFormat), PageKey: opts.PageKey})
		if err != nil {
			return nil, fmt.Errorf("eval: the source of %s: %w", g.Path, err)
		}
		for _, p := range pages {
			for _, m := range a.Page(p) {
				sec := -1
				if m.Section.Comment != nil {
					sec = m.Section.Comment.Index
				}
				d.Spans = append(d.Spans, annSpan{Sec: sec, Start: m.Start, End: m.End, Type: m.Type, Role: m.Role})
			}
		}
		return d, nil
	}
	p, pl, err := docPage(g, opts)
	if err != nil {
		return nil, err
	}
	for _, m := range a.Page(p) {
		sec := -1
		if m.Section.Comment != nil {
			sec = m.Section.Comment.Index
		}
		s, e, ok := pl.span(sec, m.Start, m.End)
		if !ok {
			return nil, fmt.Errorf("eval: %s: mention %q is outside its section", g.Path, m.Text)
		}
		d.Spans = append(d.Spans, annSpan{Start: s, End: e, Type: m.Type, Role: m.Role})
	}
	return d, nil
}

// toDocText carries the spans of a JSON Lines set (offsets in each section's text) into
// the texts of the other set's documents of the same names, read as rxvoice reads them.
// A document the other set does not have is left out.
func toDocText(sec, texts *annSet, opts *evalOptions) []error {
	var errs []error
	var names []string
	for _, name := range sec.Names {
		t := texts.Docs[name]
		d := sec.Docs[name]
		if t == nil || t.Text == "" {
			delete(sec.Docs, name)
			continue
		}
		_, pl, err := docPage(t, opts)
		if err != nil {
			errs = append(errs, err)
			delete(sec.Docs, name)
			continue
		}
		for i, sp := range d.Spans {
			s, e, ok := pl.span(sp.Sec, sp.Start, sp.End)
			if !ok {
				errs = append(errs, &annError{Path: d.Path, Msg: fmt.Sprintf("a span of %s at %d-%d (comment %d) is not in %s's text as rxvoice reads it", d.Source, sp.Start, sp.End, sp.Sec, t.Path)})
				delete(sec.Docs, name)
				break
			}
			d.Spans[i] = annSpan{Start: s, End: e, Type: sp.Type, Role: sp.Role}
		}
		if sec.Docs[name] != nil {
			names = append(names, name)
		}
	}
	sec.Names, sec.Sections = names, false
	return errs
}
