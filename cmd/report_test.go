package cmd

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rxvoice/rxvoice/analyze"
)

func TestReportGolden(t *testing.T) {
	for _, format := range []string{"table", "csv", "json", "markdown", "html"} {
		t.Run(format, func(t *testing.T) {
			out, errOut, code := run(t, false, "", "report", "--format", format, "--evidence", "--evidence-max=2", samplePage)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			checkGolden(t, "report-sample."+format, out)
		})
	}
}

func reportJSON(t *testing.T, args ...string) *analyze.Summary {
	t.Helper()
	out, errOut, code := run(t, false, "", append([]string{"report", "--format", "json"}, args...)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var s analyze.Summary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	return &s
}

// The JSON, CSV and table formats give the same figures.
func TestReportFormatsAgree(t *testing.T) {
	s := reportJSON(t, samplePage)
	if s.SchemaVersion != analyze.SchemaVersion || s.LexiconVersion == "" || s.Overview.Comments != 16 || s.Overview.Commenters != 14 {
		t.Fatalf("summary header %+v", s.Overview)
	}
	csvOut, _, _ := run(t, false, "", "report", "--format", "csv", "--table", "drugs", samplePage)
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != len(s.Drugs) {
		t.Fatalf("csv has %d drugs, json %d", len(rows)-1, len(s.Drugs))
	}
	for i, d := range s.Drugs {
		r := rows[i+1]
		if r[0] != d.Concept || r[4] != strconv.Itoa(d.Commenters) || r[2] != strconv.Itoa(d.Mentions) {
			t.Errorf("drug %d: csv %q, json %s %d %d", i, r[:5], d.Concept, d.Mentions, d.Commenters)
		}
	}
	table, _, _ := run(t, false, "", "report", samplePage)
	for _, y := range s.Symptoms {
		line := ""
		for _, l := range strings.Split(table, "\n") {
			if f := strings.Fields(l); len(f) > 0 && strings.HasPrefix(strings.TrimSpace(l), y.Concept+"  ") {
				line = l
				break
			}
		}
		if line == "" || !strings.Contains(line, "  "+strconv.Itoa(y.Self)+"  ") {
			t.Errorf("symptom %s (self %d) not in the table as in json: %q", y.Concept, y.Self, line)
		}
	}
}

// A report built from a saved mentions stream equals the direct one.
func TestReportFromMentions(t *testing.T) {
	pages := []string{samplePage, "../testdata/pages/context-cases.txt", "../testdata/pages/wordpress.html", "../testdata/pages/plain-note.txt"}
	direct, _, code := run(t, false, "", append([]string{"report", "--format", "json", "--evidence", "--evidence-max=3"}, pages...)...)
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	stream, _, _ := run(t, false, "", append([]string{"mentions", "--sections", "--format", "jsonl"}, pages...)...)
	fromStream, errOut, code := run(t, false, stream, "report", "--format", "json", "--evidence", "--evidence-max=3", "--from-mentions", "-")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var a, b analyze.Summary
	json.Unmarshal([]byte(direct), &a)
	json.Unmarshal([]byte(fromStream), &b)
	a.Inputs, b.Inputs = nil, nil
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Errorf("report from mentions differs from the direct report:\n%s\n---\n%s", clip(string(ja), 1500), clip(string(jb), 1500))
	}
	// Without section records the report still works and says what it missed.
	plain, _, _ := run(t, false, "", "mentions", "--format", "jsonl", samplePage)
	_, errOut, code = run(t, false, plain, "report", "--from-mentions", "-")
	if code != ExitOK || !strings.Contains(errOut, "no section records") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// Output does not depend on the number of jobs.
func TestReportDeterministic(t *testing.T) {
	args := []string{"report", "--format", "json", "--evidence", "--evidence-max=5", samplePage, "../testdata/pages"}
	one, _, _ := run(t, false, "", append(args, "--jobs", "1")...)
	many, _, _ := run(t, false, "", append(args, "--jobs", "8")...)
	if one != many || len(one) < 1000 {
		t.Errorf("--jobs 1 and --jobs 8 differ (%d and %d bytes)", len(one), len(many))
	}
}

func TestReportFilters(t *testing.T) {
	all := reportJSON(t, samplePage)
	since := reportJSON(t, "--since", "2019-01-01", samplePage)
	if since.Overview.Comments >= all.Overview.Comments || since.Overview.First < "2019-01-01" {
		t.Errorf("--since: %d comments from %s", since.Overview.Comments, since.Overview.First)
	}
	until := reportJSON(t, "--until", "2015-01-01", samplePage)
	if until.Overview.Last >= "2015-01-01" || until.Overview.Comments == 0 {
		t.Errorf("--until: %d comments to %s", until.Overview.Comments, until.Overview.Last)
	}
	xanax := reportJSON(t, "--drug", "alprazolam", samplePage)
	if xanax.Overview.Comments != 1 {
		t.Errorf("--drug alprazolam: %d comments, want 1", xanax.Overview.Comments)
	}
	top := reportJSON(t, "--top", "3", "--min-count", "2", samplePage)
	if len(top.Symptoms) > 3 || len(top.Drugs) > 3 {
		t.Errorf("--top 3: %d symptoms, %d drugs", len(top.Symptoms), len(top.Drugs))
	}
	for _, d := range top.Drugs {
		if d.Commenters < 2 {
			t.Errorf("--min-count 2 kept %s with %d commenters", d.Concept, d.Commenters)
		}
	}
	if _, errOut, code := run(t, false, "", "report", "--since", "2019-13-01", samplePage); code != ExitUsage || !strings.Contains(errOut, "bad date") {
		t.Errorf("bad date: exit %d %q", code, errOut)
	}
	if _, errOut, code := run(t, false, "", "report", "--format", "xlsx", samplePage); code != ExitUsage || !strings.Contains(errOut, "(want table, csv, json, markdown, html)") {
		t.Errorf("bad format: exit %d %q", code, errOut)
	}
}

// The sample page's figures a researcher would check by hand.
func TestReportSampleFigures(t *testing.T) {
	s := reportJSON(t, samplePage)
	var clon *analyze.DrugRow
	for i := range s.Drugs {
		if s.Drugs[i].Concept == "clonazepam" {
			clon = &s.Drugs[i]
		}
	}
	if clon == nil || clon.Commenters < 10 || clon.Duration.N < 8 {
		t.Fatalf("clonazepam row %+v", clon)
	}
	forms := counts(clon.Surfaces)
	for _, f := range []string{"klonapin", "Klonipin", "clonopin", "klon", "klonazepam"} {
		if !strings.Contains(forms, f+" (") {
			t.Errorf("clonazepam forms %q lack %q", forms, f)
		}
	}
	if s.Overview.First != "2014-04-09" || s.Overview.Last != "2022-03-28" {
		t.Errorf("date range %s to %s", s.Overview.First, s.Overview.Last)
	}
}

func TestReportCSVSafety(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "evil.jsonl")
	os.WriteFile(page, []byte(`{"author":"=HYPERLINK(\"http://x\")","text":"I take Zoloft and get headaches."}`+"\n"), 0o644)
	out, _, _ := run(t, false, "", "report", "--format", "csv", "--table", "comments", page)
	if !strings.Contains(out, `'=HYPERLINK`) {
		t.Errorf("formula not neutralized:\n%s", out)
	}
	raw, _, _ := run(t, false, "", "report", "--format", "csv", "--table", "comments", "--csv-raw", page)
	if strings.Contains(raw, `'=HYPERLINK`) || !strings.Contains(raw, `=HYPERLINK`) {
		t.Errorf("--csv-raw changed the cell:\n%s", raw)
	}
	bom, _, _ := run(t, false, "", "report", "--format", "csv", "--table", "drugs", "--bom", page)
	if !strings.HasPrefix(bom, "\ufeffdrug,") {
		t.Errorf("--bom: %q", clip(bom, 20))
	}
	if got := safeCells([]string{"-3", "-x", "+1", "@a", "\tb", "ok"}); strings.Join(got, ",") != "-3,'-x,'+1,'@a,'\tb,ok" {
		t.Errorf("safeCells = %q", got)
	}
}

func TestReportOutDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tables")
	_, errOut, code := run(t, false, "", "report", "--format", "csv", "--out", dir, samplePage)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "comments.csv drugs.csv overview.csv pairs.csv symptoms.csv" {
		t.Errorf("--out wrote %q (no temporary files may be left)", names)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "comments.csv"))
	if n := strings.Count(string(b), "\n"); n != 17 {
		t.Errorf("comments.csv has %d lines, want 17", n)
	}
}

// Filters take any name of a drug: brand, misspelling, generic.
func TestFiltersTakeAnyName(t *testing.T) {
	for _, name := range []string{"alprazolam", "Xanax", "xanex"} {
		s := reportJSON(t, "--drug", name, samplePage)
		if s.Overview.Comments != 1 {
			t.Errorf("--drug %s: %d comments, want 1", name, s.Overview.Comments)
		}
	}
	out, _, _ := run(t, false, "", "mentions", "--format", "jsonl", "--concept", "Klonopin", samplePage)
	if n := strings.Count(out, "\n"); n < 30 || strings.Contains(out, `"concept":"alprazolam"`) {
		t.Errorf("--concept Klonopin: %d records", n)
	}
}

// --jobs 0 (or less) runs one job: it used to start no worker and hang for mentions.
func TestJobsZero(t *testing.T) {
	done := make(chan string, 1)
	go func() {
		out, _, _ := run(t, false, "", "mentions", "--format", "jsonl", "--jobs", "0", samplePage)
		done <- out
	}()
	select {
	case out := <-done:
		one, _, _ := run(t, false, "", "mentions", "--format", "jsonl", "--jobs", "1", samplePage)
		if out != one {
			t.Errorf("--jobs 0 and --jobs 1 differ (%d and %d bytes)", len(out), len(one))
		}
	case <-time.After(20 * time.Second):
		t.Fatal("mentions --jobs 0 did not finish")
	}
}

// signalForum is a small forum where three commenters blame Zoloft for headaches and
// eleven blame Lexapro for other things (one for headaches too).
const signalForum = `{"author":"ann","text":"Zoloft gave me terrible headaches."}
{"author":"bob","text":"Zoloft gave me headaches."}
{"author":"cat","text":"Zoloft caused headaches for me."}
{"author":"dan","text":"Lexapro made me nauseous."}
{"author":"eve","text":"Lexapro gave me nausea."}
{"author":"fay","text":"Lexapro caused nausea for me."}
{"author":"gus","text":"Lexapro made me so dizzy."}
{"author":"hal","text":"Lexapro gave me insomnia."}
{"author":"ivy","text":"Lexapro caused weight gain."}
{"author":"jon","text":"Lexapro gave me headaches."}
{"author":"kim","text":"Lexapro made me tired."}
{"author":"lea","text":"Lexapro caused dry mouth."}
{"author":"max","text":"Lexapro made me sweat a lot."}
{"author":"ned","text":"Lexapro gave me tremors."}
`

// The pairs table carries the 2x2 counts and the signal statistics: all of them in csv,
// json and markdown, PRR and the flag in the terminal table; undefined figures are empty
// (null in json), never NaN or Inf.
func TestReportPairSignals(t *testing.T) {
	page := filepath.Join(t.TempDir(), "forum.jsonl")
	if err := os.WriteFile(page, []byte(signalForum), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, false, "", "report", "--format", "json", page)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var s analyze.Summary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	var zh, lh *analyze.PairRow
	for i, p := range s.Pairs {
		switch {
		case p.Drug == "sertraline" && p.Symptom == "headache":
			zh = &s.Pairs[i]
		case p.Drug == "escitalopram" && p.Symptom == "headache":
			lh = &s.Pairs[i]
		}
	}
	if zh == nil || lh == nil {
		t.Fatalf("no sertraline x headache or escitalopram x headache pair in %+v", s.Pairs)
	}
	// 14 adverse reporters: 3 blame Zoloft (all for headaches), 11 Lexapro (1 for headaches).
	// PRR (3/3)/(1/11) = 11, ROR undefined (b = 0), Yates chi-square
	// 14x(|3x10-0x1|-7)^2/(3x11x4x10) = 5.611: a signal.
	if zh.A != 3 || zh.B != 0 || zh.C != 1 || zh.D != 10 || deref(zh.PRR) != 11 || zh.ROR != nil ||
		deref(zh.PRRLow) != 1.697 || deref(zh.Chi2) != 5.611 || !zh.Signal {
		t.Errorf("sertraline x headache: %+v", zh.Disproportionality)
	}
	// Lexapro x headache: a 1, b 10, c 3, d 0: PRR (1/11)/(3/3) = 0.091, not a signal.
	if lh.A != 1 || lh.B != 10 || lh.C != 3 || lh.D != 0 || deref(lh.PRR) != 0.091 || lh.Signal {
		t.Errorf("escitalopram x headache: %+v", lh.Disproportionality)
	}
	if strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
		t.Error("json has NaN or Inf")
	}

	full := "a,b,c,d,PRR,PRR 95% low,PRR 95% high,ROR,ROR 95% low,ROR 95% high,chi2,signal"
	csvOut, _, _ := run(t, false, "", "report", "--format", "csv", "--table", "pairs", page)
	if !strings.Contains(csvOut, full+"\n") || !strings.Contains(csvOut, "sertraline,headache,adverse,3,3,1.000,3,0,1,10,11.000,1.697,71.285,,,,5.611,yes\n") {
		t.Errorf("csv pairs:\n%s", csvOut)
	}
	md, _, _ := run(t, false, "", "report", "--format", "markdown", page)
	if !strings.Contains(md, "| PRR | PRR 95% low | PRR 95% high | ROR | ROR 95% low | ROR 95% high | chi2 | signal |") {
		t.Errorf("markdown pairs header lacks the statistics:\n%s", md)
	}
	// The compact terminal table shows PRR and the signal, not ROR; --wide and piped
	// output show every column.
	for _, tc := range []struct {
		tty, wide, ror bool
	}{{false, false, true}, {true, false, false}, {true, true, true}} {
		args := []string{"report", page}
		if tc.wide {
			args = append(args, "--wide")
		}
		table, _, _ := run(t, tc.tty, "", args...)
		pairs := strings.ToLower(table[strings.Index(table, "Drug x symptom"):])
		if !strings.Contains(pairs, "prr") || !strings.Contains(pairs, "signal") || strings.Contains(pairs, "ror") != tc.ror {
			t.Errorf("tty %v wide %v: the pairs table should show PRR and signal, ROR %v:\n%s", tc.tty, tc.wide, tc.ror, pairs)
		}
		if !strings.Contains(pairs, "11.000") {
			t.Errorf("tty %v: no PRR 11.000 in\n%s", tc.tty, pairs)
		}
	}
	for _, o := range []string{csvOut, md} {
		if strings.Contains(o, "NaN") || strings.Contains(o, "Inf") {
			t.Error("output has NaN or Inf")
		}
	}
}

func deref(f *float64) float64 {
	if f == nil {
		return math.NaN()
	}
	return *f
}
