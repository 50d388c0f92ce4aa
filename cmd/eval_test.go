package cmd

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// Floors for the forum evaluation set (testdata/eval/forum): relaxed F1, any overlap
// counts, as ../shared/eval/spanscore.py scores CADEC.
const (
	forumDrugF1    = 0.95
	forumSymptomF1 = 0.88
)

type span struct{ start, end int }

// TestForumEvalSet scores `mentions` on our own hand-annotated forum posts, the way
// spanscore.py scores CADEC: Drug spans against drug mentions, every other label against
// symptom mentions. forum: cardiovascular, pain and arthritis, psychiatric, sleep,
// supplements; forum2: respiratory, GI, endocrine, women's health, antibiotics,
// dermatology, migraine, weight and diabetes.
func TestForumEvalSet(t *testing.T) {
	for _, dir := range []string{"../testdata/eval/forum", "../testdata/eval/forum2"} {
		t.Run(filepath.Base(dir), func(t *testing.T) { scoreForumSet(t, dir) })
	}
}

// scoreForumSet scores one CADEC-style folder: text/*.txt and original/*.ann.
func scoreForumSet(t *testing.T, dir string) {
	scores := forumScores(t, dir)
	for kind, floor := range map[string]float64{"drug": forumDrugF1, "symptom": forumSymptomF1} {
		p, r, f := scores[kind][0], scores[kind][1], scores[kind][2]
		t.Logf("%s %s: relaxed P=%.3f R=%.3f F1=%.3f (floor %.2f)", filepath.Base(dir), kind, p, r, f, floor)
		if f < floor {
			t.Errorf("forum set %s relaxed F1 %.3f below the floor %.2f", kind, f, floor)
		}
	}
}

// forumScores is the relaxed precision, recall and F1 of drug and symptom mentions on one
// CADEC-style folder.
func forumScores(t *testing.T, dir string) map[string][3]float64 {
	t.Helper()
	texts, err := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if err != nil || len(texts) < 50 {
		t.Fatalf("%d posts in %s (%v)", len(texts), dir, err)
	}
	gold := map[string]map[string][]span{"drug": {}, "symptom": {}}
	for _, p := range texts {
		doc := strings.TrimSuffix(filepath.Base(p), ".txt")
		f, err := os.Open(filepath.Join(dir, "original", doc+".ann"))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Split(sc.Text(), "\t")
			if len(fields) < 2 || !strings.HasPrefix(fields[0], "T") {
				continue
			}
			head := strings.Fields(strings.ReplaceAll(fields[1], ";", " "))
			if len(head) < 3 {
				t.Fatalf("%s: bad line %q", doc, sc.Text())
			}
			lo, hi := 1<<30, -1
			for _, n := range head[1:] {
				v, err := strconv.Atoi(n)
				if err != nil {
					t.Fatalf("%s: bad offset in %q", doc, sc.Text())
				}
				lo, hi = min(lo, v), max(hi, v)
			}
			kind := "symptom"
			if head[0] == "Drug" {
				kind = "drug"
			}
			gold[kind][doc] = append(gold[kind][doc], span{lo, hi})
		}
		f.Close()
	}
	out, errOut, code := run(t, false, "", append([]string{"mentions", "--format", "jsonl"}, texts...)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	pred := map[string]map[string][]span{"drug": {}, "symptom": {}}
	type mention struct {
		Source, Type string
		Start, End   int
	}
	for _, m := range decodeJSONL[mention](t, out) {
		if pred[m.Type] != nil {
			doc := strings.TrimSuffix(filepath.Base(m.Source), ".txt")
			pred[m.Type][doc] = append(pred[m.Type][doc], span{m.Start, m.End})
		}
	}
	scores := map[string][3]float64{}
	for _, kind := range []string{"drug", "symptom"} {
		p, r, f := relaxedPRF(gold[kind], pred[kind])
		scores[kind] = [3]float64{p, r, f}
	}
	return scores
}

// relaxedPRF is precision, recall and F1 where any overlap is a hit.
func relaxedPRF(gold, pred map[string][]span) (float64, float64, float64) {
	overlaps := func(a span, bs []span) bool {
		for _, b := range bs {
			if a.start < b.end && b.start < a.end {
				return true
			}
		}
		return false
	}
	var ng, np, hitG, hitP int
	for doc, gs := range gold {
		ng += len(gs)
		for _, g := range gs {
			if overlaps(g, pred[doc]) {
				hitG++
			}
		}
	}
	for doc, ps := range pred {
		np += len(ps)
		for _, p := range ps {
			if overlaps(p, gold[doc]) {
				hitP++
			}
		}
	}
	if ng == 0 || np == 0 {
		return 0, 0, 0
	}
	p, r := float64(hitP)/float64(np), float64(hitG)/float64(ng)
	if p+r == 0 {
		return p, r, 0
	}
	return p, r, 2 * p * r / (p + r)
}

// BenchmarkMentionsJSONL is `rxvoice mentions --format jsonl` end to end (read, parse,
// tag, write) over the corpus in $RXVOICE_CORPUS, or the sample page: MB/s of input.
func BenchmarkMentionsJSONL(b *testing.B) {
	input := os.Getenv("RXVOICE_CORPUS")
	if input == "" {
		input = samplePage
	}
	var size int64
	filepath.Walk(input, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			size += fi.Size()
		}
		return nil
	})
	b.SetBytes(size)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < b.N; i++ {
		streams := &IO{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}
		if code := Run([]string{"mentions", "--format", "jsonl", "--jobs", "1", input}, streams); code != ExitOK {
			b.Fatalf("exit %d", code)
		}
	}
	runtime.ReadMemStats(&after)
	// The bytes allocated per byte of input, start-up included (issue 12's target: under 15).
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(size), "alloc-B/B")
}
