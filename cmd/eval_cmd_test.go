package cmd

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// forumMap is the mapping TestForumEvalSet scores the forum sets by: Drug spans against
// drug mentions, every other label against symptom mentions.
const forumMap = "Drug=drug,ADR=symptom:adverse,Symptom=symptom,Disease=symptom,Finding=symptom"

func evalJSON(t *testing.T, args ...string) EvalResult {
	t.Helper()
	out, errOut, code := run(t, false, "", append([]string{"eval", "--format", "json"}, args...)...)
	if code != ExitOK {
		t.Fatalf("eval %v: exit %d: %s", args, code, errOut)
	}
	var r EvalResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestEvalOwnExport: rxvoice's own mentions, exported as brat (or JSON Lines), score 1.0
// when rxvoice is scored against them, and when they are scored as predictions.
func TestEvalOwnExport(t *testing.T) {
	dir := t.TempDir()
	posts, _ := filepath.Glob("../testdata/eval/forum2/text/*.txt")
	inputs := append(posts[:20:20], samplePage)
	_, errOut, code := run(t, false, "", append([]string{"mentions", "--format", "brat", "--out", dir}, inputs...)...)
	if code != ExitOK {
		t.Fatalf("mentions --format brat: exit %d: %s", code, errOut)
	}
	jsonl, errOut, code := run(t, false, "", append([]string{"mentions", "--format", "jsonl"}, inputs...)...)
	if code != ExitOK {
		t.Fatalf("mentions --format jsonl: exit %d: %s", code, errOut)
	}
	jl := filepath.Join(t.TempDir(), "mentions.jsonl")
	if err := os.WriteFile(jl, []byte(jsonl), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"rxvoice on its brat export", []string{dir}},
		{"brat export as predictions", []string{"--pred", dir, dir}},
		{"JSON Lines as predictions, brat gold", []string{"--pred", jl, dir}},
		{"rxvoice on its JSON Lines", []string{jl}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := evalJSON(t, tc.args...)
			if r.Documents != len(inputs) || r.All.Gold < 100 {
				t.Fatalf("%d documents, %d gold spans", r.Documents, r.All.Gold)
			}
			for _, s := range append(r.Types, r.All) {
				if s.Exact.F1 != 1 || s.Overlap.F1 != 1 || s.Gold != s.Predicted {
					t.Errorf("%s: gold %d, predicted %d, exact F1 %v, overlap F1 %v; want 1", s.Type, s.Gold, s.Predicted, s.Exact.F1, s.Overlap.F1)
				}
			}
			if r.Roles == nil || r.Roles.Right != r.Roles.Spans || r.Roles.Spans < 50 {
				t.Errorf("roles %+v: want every role right", r.Roles)
			}
		})
	}
}

// TestEvalMatchesForumScorer: eval gives TestForumEvalSet's figures on the forum sets.
func TestEvalMatchesForumScorer(t *testing.T) {
	for _, dir := range []string{"../testdata/eval/forum", "../testdata/eval/forum2"} {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want := forumScores(t, dir)
			r := evalJSON(t, "--map", forumMap, filepath.Join(dir, "original"))
			if len(r.Types) != 2 {
				t.Fatalf("types %+v: want drug and symptom", r.Types)
			}
			for _, s := range r.Types {
				w := want[s.Type]
				got := [3]float64{s.Overlap.Precision, s.Overlap.Recall, s.Overlap.F1}
				for i := range got {
					if math.Abs(got[i]-w[i]) > 1e-4 {
						t.Errorf("%s: eval P/R/F1 %v, the forum scorer %v", s.Type, got, w)
						break
					}
				}
			}
		})
	}
}

func TestEvalGolden(t *testing.T) {
	args := []string{"eval", "--pred", "../testdata/eval/brat-small/pred", "--map", "Drug=drug,ADR=symptom:adverse,Symptom=symptom",
		"../testdata/eval/brat-small/gold"}
	for _, tc := range []struct {
		name, format string
		tty          bool
	}{{"table", "table", false}, {"table-tty", "table", true}, {"json", "json", false}} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := run(t, tc.tty, "", append(args, "--format", tc.format)...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if !strings.Contains(errOut, "not scored: Finding 1") {
				t.Errorf("stderr %q: want the ignored label", errOut)
			}
			checkGolden(t, "eval-small."+tc.name, out)
		})
	}
}

// TestEvalCoNLL scores a CoNLL set against itself and against a changed copy.
func TestEvalCoNLL(t *testing.T) {
	dir := t.TempDir()
	gold := "I\tO\ngot\tO\nbad\tB-ADR\nheadaches\tI-ADR\non\tO\nzoloft\tB-Drug\n\nné\tO\nnausea\tB-WD\n"
	pred := "I\tO\ngot\tO\nbad\tO\nheadaches\tB-ADR\non\tO\nzoloft\tO\n\nné\tO\nnausea\tB-ADR\n"
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	g, p := write("gold.conll", gold), write("pred.bio", pred)
	m := "--map=ADR=symptom:adverse,WD=symptom:withdrawal,Drug=drug"
	self := evalJSON(t, m, "--pred", g, g)
	if self.All.Exact.F1 != 1 || self.All.Gold != 3 {
		t.Errorf("against itself: %+v", self.All)
	}
	r := evalJSON(t, m, "--pred", p, g)
	sym := r.Types[1]
	// gold: "bad headaches" 0-based chars 6-19, "nausea" 3-9; predicted: "headaches", "nausea"
	if sym.Type != "symptom" || sym.Gold != 2 || sym.Predicted != 2 || sym.Exact.GoldFound != 1 || sym.Overlap.GoldFound != 2 {
		t.Errorf("symptom %+v", sym)
	}
	if r.Types[0].Predicted != 0 || r.Types[0].Gold != 1 {
		t.Errorf("drug %+v", r.Types[0])
	}
	if r.Roles == nil || r.Roles.Right != 1 || r.Roles.Found != 2 {
		t.Errorf("roles %+v: want the withdrawal read as adverse", r.Roles)
	}
	// rxvoice on the sentences: "zoloft" is a drug it knows
	own := evalJSON(t, m, g)
	if own.Types[0].Exact.F1 != 1 {
		t.Errorf("rxvoice on the CoNLL text: drug %+v", own.Types[0])
	}
}

// TestEvalErrors: bad annotation files give errors naming the file and line; bad flags
// are usage errors.
func TestEvalErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, content, want string
		code                      ExitCode
	}{
		{"missing tab", "a.ann", "T1\tDrug 13 19\tzoloft\nT2 Drug 0 7 zoloft\n", "a.ann:2: want T<n>, a tab, TYPE START END, a tab and the text", ExitInputFailed},
		{"offset not a number", "a.ann", "T1\tDrug zero 6\tzoloft\n", "a.ann:1: offsets \"zero 6\"", ExitInputFailed},
		{"past the end", "a.ann", "T1\tDrug 0 60\tzoloft\n", "a.ann:1: offset 60 is past the end of a.txt (27 characters)", ExitInputFailed},
		{"bytes not characters", "a.ann", "T1\tDrug 14 20\tzoloft\n", "a.ann:1: T1 says \"zoloft\" but a.txt holds \"oloft.\" there", ExitInputFailed},
		{"unknown line", "a.ann", "T1\tDrug 13 19\tzoloft\nX1\tfoo\n", "a.ann:2: unknown annotation \"X1\"", ExitInputFailed},
		{"attribute of nothing", "a.ann", "A1\tRole T4 adverse\n", "a.ann:1: A1 names T4, which is not a text annotation above", ExitInputFailed},
		{"leading tab", "a.ann", "\tDrug 0 7\tzoloft\n", "a.ann:1: a line starts with a tab", ExitInputFailed},
		{"conll tag", "a.conll", "I\tO\nfelt\tB_ADR\n", "a.conll:2: tag \"B_ADR\": want B-TYPE, I-TYPE or O", ExitInputFailed},
		{"conll no tag", "a.conll", "I\tO\nfelt\n", "a.conll:2: \"felt\": want a token and a tag", ExitInputFailed},
		{"jsonl not json", "a.jsonl", "{\"source\":\"a.txt\",\"type\":\"drug\",\"start\":0,\"end\":3}\n{oops\n", "a.jsonl:2: not a JSON record", ExitInputFailed},
		{"jsonl not a mention", "a.jsonl", "{\"author\":\"x\"}\n", "a.jsonl:1: want a mention record", ExitInputFailed},
		{"not annotations", "a.csv", "x,y\n", "a.csv: not an annotation file", ExitInputFailed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Naïve me on  zoloft. Fine.\n"), 0o644)
			p := filepath.Join(dir, tc.file)
			os.WriteFile(p, []byte(tc.content), 0o644)
			_, errOut, code := run(t, false, "", "eval", "--pred", p, p)
			if code != tc.code || !strings.Contains(errOut, filepath.Join(dir, tc.want)) {
				t.Errorf("exit %d, stderr %q: want exit %d and %q", code, errOut, tc.code, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"eval", "--format", "csv", "x"}, `unknown format "csv" (want table, json)`},
		{[]string{"eval", "--map", "ADR", "x"}, `--map "ADR": want LABEL=TYPE`},
		{[]string{"eval", "--map", "ADR=symptoms", "x"}, `unknown type in --map ADR=symptoms: "symptoms" (want drug, symptom, effect, dose, frequency, duration)`},
		{[]string{"eval", "--map", "ADR=symptom:bad", "x"}, `unknown role in --map ADR=symptom:bad: "bad"`},
		{[]string{"eval"}, "no gold annotations"},
		{[]string{"eval", "../testdata/eval/forum/README.md"}, "not an annotation file"},
		{[]string{"mentions", "--format", "brat", samplePage}, "--format brat writes files into the folder given with --out"},
		{[]string{"mentions", "--out", "x", samplePage}, "--out is only for brat"},
		{[]string{"mentions", "--format", "brat", "--out", "x", "../testdata/eval/forum/text/OZEMPIC.01.txt", "../testdata/eval/forum2/text/OZEMPIC.01.txt"}, "would both be written as OZEMPIC.01.ann"},
	} {
		_, errOut, code := run(t, false, "", tc.args...)
		wantCode := ExitUsage
		if strings.HasSuffix(tc.args[len(tc.args)-1], "README.md") {
			wantCode = ExitInputFailed
		}
		if code != wantCode || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errOut, wantCode, tc.want)
		}
	}
}

// TestMentionsBrat: every T line's offsets, counted in characters in NAME.txt, hold its
// text; a plain text input is its own NAME.txt; a page read from HTML or JSON has its
// text as read; a "\r\n" is written as "\n".
func TestMentionsBrat(t *testing.T) {
	dir := t.TempDir()
	src := t.TempDir()
	crlf := filepath.Join(src, "crlf.txt")
	os.WriteFile(crlf, []byte("Día uno — I started Zoloft.\r\nBy day three I had headaches and nausea.\r\n"), 0o644)
	inputs := []string{samplePage, crlf, "../testdata/pages/wordpress.html", "../testdata/pages/comments.json", posts(t)[0]}
	_, errOut, code := run(t, false, "", append([]string{"mentions", "--format", "brat", "--out", dir}, inputs...)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, in := range inputs {
		name := bratName(in)
		txt, err := os.ReadFile(filepath.Join(dir, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		ann, err := os.ReadFile(filepath.Join(dir, name+".ann"))
		if err != nil {
			t.Fatal(err)
		}
		rs := []rune(string(txt))
		spans := 0
		for _, l := range strings.Split(strings.TrimSpace(string(ann)), "\n") {
			if !strings.HasPrefix(l, "T") {
				continue
			}
			f := strings.Split(l, "\t")
			var got []string
			for _, frag := range strings.Split(strings.SplitN(f[1], " ", 2)[1], ";") {
				se := strings.Fields(frag)
				s, _ := strconv.Atoi(se[0])
				e, _ := strconv.Atoi(se[1])
				got = append(got, string(rs[s:e]))
			}
			if strings.Join(got, " ") != f[2] {
				t.Errorf("%s: %q: the text there is %q", name, l, got)
			}
			spans++
		}
		if spans < 3 {
			t.Errorf("%s: %d spans", name, spans)
		}
		if strings.Contains(string(txt), "\r") {
			t.Errorf("%s.txt holds a \\r", name)
		}
		if data, _ := os.ReadFile(in); strings.HasSuffix(in, ".txt") && in != crlf && string(data) != string(txt) {
			t.Errorf("%s.txt is not the input's text", name)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "annotation.conf")); err != nil {
		t.Error(err)
	}
	// the CRLF file: "Zoloft" is at character 20 whatever the bytes
	ann, _ := os.ReadFile(filepath.Join(dir, "crlf.ann"))
	if !strings.Contains(string(ann), "drug 20 26\tZoloft") {
		t.Errorf("crlf.ann:\n%s", ann)
	}
}

func posts(t *testing.T) []string {
	p, err := filepath.Glob("../testdata/eval/forum/text/*.txt")
	if err != nil || len(p) == 0 {
		t.Fatal("no forum posts")
	}
	return p
}

func FuzzReadBrat(f *testing.F) {
	f.Add("Naïve me on zoloft.\n", "T1\tDrug 12 18\tzoloft\nA1\tRole T1 adverse\n")
	f.Add("a b\n", "T1\tX 0 1;2 3\ta b\n#1\tAnnotatorNotes T1\tx\n")
	f.Fuzz(func(t *testing.T, text, ann string) {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "d.txt"), []byte(text), 0o644)
		os.WriteFile(filepath.Join(dir, "d.ann"), []byte(ann), 0o644)
		readBrat(newAnnSet("fuzz"), filepath.Join(dir, "d.ann"))
		os.WriteFile(filepath.Join(dir, "d.conll"), []byte(ann), 0o644)
		n := 0
		readCoNLL(newAnnSet("fuzz"), filepath.Join(dir, "d.conll"), &n)
	})
}
