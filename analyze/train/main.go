// Command train fits the role model (adverse, withdrawal, indication) on annotated whole
// posts and writes its weights for embedding:
//
//	go run ./analyze/train -dir ../shared/eval/psytar-reviews -out analyze/rolemodel.tsv
//
// DIR holds NAME.txt posts and gold.jsonl (spans labelled ADR, WD, DI, SSI, as
// ../shared/eval/reviewscore.py reads them). Before writing the model fitted on every
// post, it prints k-fold cross-validated figures (split by post): for each label, the
// share of gold spans found whose printed role is right, with the rules alone and with
// the model. Those, not the fit, are the figures to report.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rxvoice/rxvoice/analyze"
	"github.com/rxvoice/rxvoice/corpus"
	"github.com/rxvoice/rxvoice/lexicon"
)

type goldPost struct {
	File  string  `json:"file"`
	Spans [][]any `json:"spans"`
}

type span struct {
	start, end int
	class      int // the role class of its label: ADR, WD or DI (DI wins over WD, WD over ADR, as the scorer reads them)
}

// labelRole is the role each gold label stands for.
var labelRole = map[string]string{"ADR": analyze.RoleAdverse, "WD": analyze.RoleWithdrawal, "DI": analyze.RoleIndication}

// post is one annotated post with its symptom mentions' features.
type post struct {
	file  string
	gold  []span
	ex    []analyze.RoleExample
	label []int // per example: the class of the gold span it overlaps, or -1
}

func main() {
	dir := flag.String("dir", "../shared/eval/psytar-reviews", "annotated posts and gold.jsonl")
	out := flag.String("out", "", "write the model fitted on all posts here (analyze/rolemodel.tsv)")
	folds := flag.Int("folds", 5, "cross-validation folds, split by post")
	flag.Uint64Var(&splitSeed, "seed", 0, "split posts into folds by a shuffle with this seed (0: post i in fold i mod folds), to see how much the figures move with the split")
	opt := analyze.TrainOptions{}
	flag.IntVar(&opt.Epochs, "epochs", 1000, "passes of gradient descent")
	flag.Float64Var(&opt.L2, "l2", 0.005, "weight decay")
	flag.Float64Var(&opt.L2Words, "l2-words", 0.015, "weight decay of the words around a mention (0: as -l2)")
	flag.Float64Var(&opt.Rate, "rate", 0.5, "AdaGrad learning rate")
	flag.IntVar(&opt.MinCount, "min-count", 3, "leave out features seen in fewer examples")
	flag.IntVar(&opt.MinDomain, "min-domain", 100, "examples a drug class needs for the model to decide its roles")
	flag.Float64Var(&opt.KeepWithdrawal, "keep-withdrawal", 0.6, "probability needed to undo the rules' withdrawal")
	flag.Float64Var(&opt.Threshold, "threshold", 0.5, "keep the model's role when its probability reaches this")
	flag.StringVar(&dumpFile, "dump", "", "write each labelled example's cross-validated prediction here (TSV, for error analysis)")
	drop := flag.String("drop", "", "leave out features with these comma-separated prefixes (ablation)")
	flag.Parse()
	if *drop != "" {
		dropPrefixes = strings.Split(*drop, ",")
	}
	if err := run(*dir, *out, *folds, opt); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(dir, out string, folds int, opt analyze.TrainOptions) error {
	posts, err := load(dir)
	if err != nil {
		return err
	}
	fmt.Printf("%d posts, %d examples\n", len(posts), countExamples(posts))
	if folds > 1 {
		var rules, model [3][2]int // per class: right, total
		bases := map[string]*[3]int{}
		var dw *bufio.Writer
		if dumpFile != "" {
			df, err := os.Create(dumpFile)
			if err != nil {
				return err
			}
			defer df.Close()
			dw = bufio.NewWriter(df)
			defer dw.Flush()
			fmt.Fprintln(dw, "post\tgold\trules\tbasis\tfinal\tp(ADR/WD/DI)\ttext\tdrug\tvia\tfeatures\tsentence")
		}
		fold := foldsOf(len(posts), folds)
		for f := 0; f < folds; f++ {
			var xs [][]string
			var ys []int
			for i, p := range posts {
				if fold[i] != f {
					xs, ys = appendExamples(xs, ys, p)
				}
			}
			m := analyze.TrainRoleModel(xs, ys, opt)
			for i, p := range posts {
				if fold[i] == f {
					score(p, nil, &rules)
					score(p, m, &model)
					byBasis(p, m, bases)
					if dw != nil {
						for i := range p.ex {
							dumpRow(dw, p, i, m)
						}
					}
				}
			}
		}
		fmt.Println("by the rule that decided (examples: rules right, model right, ungated):")
		for _, b := range sortedKeys(bases) {
			c := bases[b]
			fmt.Printf("  %-20s %4d: rules %4d  model %4d  (model may decide: %v)\n", b, c[2], c[0], c[1], analyze.ModelDecides(b))
		}
		fmt.Printf("%d-fold cross-validated, split by post (role right on gold spans found):\n", folds)
		for k, lab := range []string{"ADR", "WD", "DI"} {
			fmt.Printf("  %-3s rules %.3f  model %.3f  (%d spans)\n", lab,
				ratio(rules[k]), ratio(model[k]), model[k][1])
		}
	}
	if out == "" {
		return nil
	}
	var xs [][]string
	var ys []int
	for _, p := range posts {
		xs, ys = appendExamples(xs, ys, p)
	}
	m := analyze.TrainRoleModel(xs, ys, opt)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	header := []string{
		"rxvoice role model: multinomial logistic regression (adverse, withdrawal, indication).",
		"Trained by: go run ./analyze/train -dir ../shared/eval/psytar-reviews -out analyze/rolemodel.tsv",
		fmt.Sprintf("Settings: epochs %d, l2 %g, l2-words %g, rate %g, min-count %d, min-domain %d, threshold %g, keep-withdrawal %g.", opt.Epochs, opt.L2, opt.L2Words, opt.Rate, opt.MinCount, opt.MinDomain, opt.Threshold, opt.KeepWithdrawal),
		"Data: PsyTAR whole posts (Zolnoori et al., the Psychiatric Treatment Adverse Reactions corpus),",
		"licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). These weights are derived from it.",
	}
	if err := m.WriteTo(f, header...); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// splitSeed is -seed.
var splitSeed uint64

// foldsOf returns the fold of each of n posts: i mod folds, or with a seed, the position
// of i in a deterministic shuffle (xorshift64) mod folds.
func foldsOf(n, folds int) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	if x := splitSeed; x != 0 {
		for i := n - 1; i > 0; i-- {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			j := int(x % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
	}
	fold := make([]int, n)
	for pos, i := range order {
		fold[i] = pos % folds
	}
	return fold
}

// dumpFile is where -dump writes the cross-validated predictions.
var dumpFile string

// dumpRow is one labelled example's line in the -dump file: post, gold and rules' role,
// the rule, the model's role (sure or not) and probabilities, the mention, its drug and
// sentence, and the features that are not words.
func dumpRow(w *bufio.Writer, p post, i int, m *analyze.RoleModel) {
	e := p.ex[i]
	if p.label[i] < 0 {
		return
	}
	names := []string{"ADR", "WD", "DI"}
	role := e.RuleRole
	pr := m.Probs(keep(e.Features))
	mr, sure := m.Decide(keep(e.Features))
	final := role
	if role != analyze.RoleOther && analyze.ModelDecides(e.Basis) && sure {
		final = mr
	}
	var fs []string
	for _, f := range e.Features {
		if !strings.Contains(f, ":") || strings.HasPrefix(f, "C:") || strings.HasPrefix(f, "stop-cue:") || strings.HasPrefix(f, "course-cue:") {
			fs = append(fs, f)
		}
	}
	code := func(r string) string {
		if k := analyze.RoleIndex(r); k >= 0 {
			return names[k]
		}
		return r
	}
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%.2f/%.2f/%.2f\t%s\t%s\t%s\t%s\t%s\n", p.file, names[p.label[i]], code(role), e.Basis, code(final),
		pr[0], pr[1], pr[2], e.Text, e.Drug, e.DrugVia, strings.Join(fs, " "), strings.ReplaceAll(e.Sentence, "\n", " "))
}

// dropPrefixes are the feature prefixes left out (-drop).
var dropPrefixes []string

// keep filters a feature list by dropPrefixes.
func keep(fs []string) []string {
	if len(dropPrefixes) == 0 {
		return fs
	}
	out := fs[:0:0]
	for _, f := range fs {
		ok := true
		for _, p := range dropPrefixes {
			if strings.HasPrefix(f, p) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, f)
		}
	}
	return out
}

// byBasis counts, per basis of the rules' answer, the examples the rules and the model
// (ungated) get right.
func byBasis(p post, m *analyze.RoleModel, acc map[string]*[3]int) {
	for i, e := range p.ex {
		if p.label[i] < 0 || e.RuleRole == analyze.RoleOther {
			continue
		}
		c := acc[e.Basis]
		if c == nil {
			c = &[3]int{}
			acc[e.Basis] = c
		}
		c[2]++
		if analyze.RoleIndex(e.RuleRole) == p.label[i] {
			c[0]++
		}
		if r, sure := m.Decide(keep(e.Features)); sure && analyze.RoleIndex(r) == p.label[i] || !sure && analyze.RoleIndex(e.RuleRole) == p.label[i] {
			c[1]++
		}
	}
}

func sortedKeys(m map[string]*[3]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func ratio(c [2]int) float64 {
	if c[1] == 0 {
		return 0
	}
	return float64(c[0]) / float64(c[1])
}

func countExamples(posts []post) int {
	n := 0
	for _, p := range posts {
		for _, l := range p.label {
			if l >= 0 {
				n++
			}
		}
	}
	return n
}

func appendExamples(xs [][]string, ys []int, p post) ([][]string, []int) {
	for i, e := range p.ex {
		if p.label[i] >= 0 {
			xs, ys = append(xs, keep(e.Features)), append(ys, p.label[i])
		}
	}
	return xs, ys
}

// score counts, as reviewscore.py does, each gold span with a mention over it as right
// when any of those mentions gets its role; m nil scores the rules.
func score(p post, m *analyze.RoleModel, acc *[3][2]int) {
	for _, g := range p.gold {
		k := g.class
		found, right := false, false
		for _, e := range p.ex {
			if e.Start < g.end && g.start < e.End {
				found = true
				role := e.RuleRole
				if m != nil && role != analyze.RoleOther && analyze.ModelDecides(e.Basis) {
					if r, sure := m.Decide(keep(e.Features)); sure {
						role = r
					}
				}
				right = right || analyze.RoleIndex(role) == k
			}
		}
		if found {
			acc[k][1]++
			if right {
				acc[k][0]++
			}
		}
	}
}

func load(dir string) ([]post, error) {
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	lx, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	a := analyze.New(lexicon.Compile(lx))
	var posts []post
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	line := 0
	for sc.Scan() {
		line++
		var g goldPost
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return nil, fmt.Errorf("gold.jsonl:%d: %w", line, err)
		}
		p := post{file: g.File, gold: goldSpans(g.Spans)}
		pages, err := corpus.ReadFile(filepath.Join(dir, g.File), corpus.Options{})
		if err != nil {
			return nil, err
		}
		for _, pg := range pages {
			p.ex = append(p.ex, a.RoleExamples(pg)...)
		}
		p.label = make([]int, len(p.ex))
		for i, e := range p.ex {
			p.label[i] = -1
			for _, s := range p.gold {
				if e.Start < s.end && s.start < e.End {
					p.label[i] = s.class
					break
				}
			}
		}
		posts = append(posts, p)
	}
	return posts, sc.Err()
}

// goldSpans merges the labels of each span as the scorer does: DI over WD over ADR; a
// span with only SSI is left out.
func goldSpans(raw [][]any) []span {
	labels := map[[2]int]map[string]bool{}
	var order [][2]int
	for _, r := range raw {
		if len(r) < 3 {
			continue
		}
		s, _ := r[0].(float64)
		e, _ := r[1].(float64)
		lab, _ := r[2].(string)
		k := [2]int{int(s), int(e)}
		if labels[k] == nil {
			labels[k] = map[string]bool{}
			order = append(order, k)
		}
		labels[k][strings.ToUpper(lab)] = true
	}
	var out []span
	for _, k := range order {
		l := labels[k]
		lab := ""
		switch {
		case l["DI"]:
			lab = "DI"
		case l["WD"]:
			lab = "WD"
		case l["ADR"]:
			lab = "ADR"
		default:
			continue
		}
		out = append(out, span{k[0], k[1], analyze.RoleIndex(labelRole[lab])})
	}
	return out
}
