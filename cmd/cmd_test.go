package cmd

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

const samplePage = "../testdata/klonopin-immune-comments.txt"

// run runs rxvoice against buffers with a fixed clock.
func run(t *testing.T, tty bool, stdin string, args ...string) (string, string, ExitCode) {
	t.Helper()
	var out, errOut bytes.Buffer
	streams := &IO{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut, IsTTY: tty, Width: 100,
		Now: func() time.Time { return time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC) }}
	code := Run(args, streams)
	return out.String(), errOut.String(), code
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("../testdata/golden", name)
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd -update to write it, then review the diff)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test ./cmd -update and review the diff)\n--- got:\n%s", name, clip(got, 3000))
	}
}

// decodeJSONL decodes jsonl output, one T per line; a line that does not decode fails
// the test.
func decodeJSONL[T any](t *testing.T, out string) []T {
	t.Helper()
	var recs []T
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r T
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	return recs
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

func TestCommentsGolden(t *testing.T) {
	for _, format := range []string{"table", "csv", "json", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			out, errOut, code := run(t, false, "", "comments", "--format", format, samplePage)
			if code != ExitOK || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			checkGolden(t, "sample-comments."+format, out)
		})
	}
}

// The sample page gives exactly 16 comments plus the article.
func TestCommentsSampleRecords(t *testing.T) {
	out, _, code := run(t, false, "", "comments", "--format", "jsonl", samplePage)
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	recs := decodeJSONL[CommentRecord](t, out)
	if len(recs) != 17 || recs[0].Comment != nil {
		t.Fatalf("%d records, first comment %v; want the article then 16 comments", len(recs), recs[0].Comment)
	}
	if r := recs[1]; r.Author != "amy" || r.Posted != "2014-04-09T00:45:00" || r.PostedRaw != "April 9th, 2014 at 12:45 AM" {
		t.Errorf("first comment %+v", r)
	}
	if r := recs[16]; r.Author != "Lucy" || r.Posted != "2022-03-28T17:01:00" || *r.Comment != 15 {
		t.Errorf("last comment %+v", r)
	}
}

// comments --format jsonl reads back the same.
func TestCommentsJSONLRoundTrip(t *testing.T) {
	for _, page := range []string{samplePage, "../testdata/pages/says-layout.txt", "../testdata/pages/forum-inline.txt"} {
		t.Run(filepath.Base(page), func(t *testing.T) {
			first, _, code := run(t, false, "", "comments", "--format", "jsonl", page)
			if code != ExitOK {
				t.Fatalf("exit %d", code)
			}
			second, errOut, code := run(t, false, first, "comments", "--format", "jsonl", "--input-format", "jsonl", "-")
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if first != second {
				t.Errorf("round trip differs:\n%s\n---\n%s", clip(first, 800), clip(second, 800))
			}
			// Detected without --input-format too.
			dir := t.TempDir()
			path := filepath.Join(dir, "comments.jsonl")
			os.WriteFile(path, []byte(first), 0o644)
			third, _, _ := run(t, false, "", "comments", "--format", "jsonl", path)
			if third != first {
				t.Errorf("round trip from a .jsonl file differs")
			}
		})
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		code    ExitCode
		stderr  string
		hasData bool
	}{
		{"ok", []string{"comments", samplePage}, ExitOK, "", true},
		{"bad format", []string{"comments", "--format", "xslx", samplePage}, ExitUsage, `unknown format "xslx" (want table, csv, json, jsonl)`, false},
		{"bad input format", []string{"comments", "--input-format", "pdf", samplePage}, ExitUsage, `unknown input format "pdf"`, false},
		{"unknown flag", []string{"comments", "--colour", samplePage}, ExitUsage, "unknown flag", false},
		{"unknown command", []string{"coments"}, ExitUsage, "unknown command", false},
		{"no inputs", []string{"comments"}, ExitUsage, "no inputs", false},
		{"missing file and a good one", []string{"comments", "nope.txt", samplePage}, ExitInputFailed, "nope.txt: no such file or directory", true},
		{"bad type", []string{"mentions", "--type", "dosage", samplePage}, ExitUsage, `unknown type "dosage"`, false},
		{"bad context file", []string{"mentions", "--context", "../testdata/cues/bad.txt", samplePage}, ExitUsage, `testdata/cues/bad.txt:2: no list "negPree"`, false},
		{"missing context file", []string{"report", "--context", "nope-cues.txt", samplePage}, ExitUsage, "nope-cues.txt: no such file", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := run(t, false, "", tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d stderr %q, want %d and %q", code, errOut, tc.code, tc.stderr)
			}
			if tc.hasData != strings.Contains(out, "amy") {
				t.Errorf("data on stdout: %v, want %v", !tc.hasData, tc.hasData)
			}
		})
	}
}

func TestTableTTYAndPiped(t *testing.T) {
	piped, _, _ := run(t, false, "", "comments", samplePage)
	tty, _, _ := run(t, true, "", "comments", samplePage)
	// Piped: one line per record plus the header, never truncated.
	if n := strings.Count(piped, "\n"); n != 18 {
		t.Errorf("piped table has %d lines, want 18", n)
	}
	if !strings.Contains(piped, "I rely on prayer(yes, it works)") || !strings.Contains(piped, "One day, you WILL succeed-but only if you don’t give up!:)") {
		t.Errorf("piped table truncated a comment")
	}
	// On a terminal: the page's name over its comments, one line each, no wider than
	// the terminal.
	lines := strings.Split(strings.TrimSuffix(tty, "\n"), "\n")
	if len(lines) != 19 || !strings.HasPrefix(lines[0], "COMMENT  AUTHOR") || lines[1] != "../testdata/klonopin-immune-comments.txt" {
		t.Errorf("terminal table: %d lines, starting %q", len(lines), lines[:min(2, len(lines))])
	}
	for _, l := range lines {
		if w := cellWidth(l); w > 100 {
			t.Fatalf("terminal line of %d columns, want at most 100: %q", w, l)
		}
	}
}

func TestVersionAndCompletion(t *testing.T) {
	out, _, code := run(t, false, "", "--version")
	if code != ExitOK || !strings.HasPrefix(out, "rxvoice version ") {
		t.Errorf("--version: %q exit %d", out, code)
	}
	out, _, code = run(t, false, "", "completion", "bash")
	if code != ExitOK || !strings.Contains(out, "__start_rxvoice") {
		t.Errorf("completion bash: exit %d, %d bytes", code, len(out))
	}
	out, _, _ = run(t, false, "", "__complete", "comments", "--format", "")
	if !strings.Contains(out, "jsonl") {
		t.Errorf("format completion: %q", out)
	}
}

func TestHelpHasExamples(t *testing.T) {
	root := NewRootCmd(&IO{Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}})
	for _, c := range root.Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if !strings.Contains(c.Example, "rxvoice") {
			t.Errorf("%s --help has no example", c.Name())
		}
		for _, sub := range c.Commands() {
			if !strings.Contains(sub.Example, "rxvoice") {
				t.Errorf("%s %s --help has no example", c.Name(), sub.Name())
			}
		}
	}
}

// Mentions on the sample page and on test pages of our own (misspellings, inflections,
// gapped patterns, overlaps, context, doses and durations), reviewed as golden files.
func TestMentionsGolden(t *testing.T) {
	for _, page := range []string{samplePage, "../testdata/pages/matcher-cases.txt", "../testdata/pages/context-cases.txt", "../testdata/pages/says-layout.txt", "../testdata/pages/wordpress.html"} {
		t.Run(filepath.Base(page), func(t *testing.T) {
			out, errOut, code := run(t, false, "", "mentions", "--format", "jsonl", page)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			checkGolden(t, "mentions-"+filepath.Base(page)+".jsonl", out)
		})
	}
}

// Offsets are a contract: text == the section's text as printed by comments [start:end].
func TestMentionOffsetsMatchComments(t *testing.T) {
	for _, page := range []string{samplePage, "../testdata/pages/wordpress.html", "../testdata/pages/comments.jsonl"} {
		comments, _, _ := run(t, false, "", "comments", "--format", "jsonl", page)
		texts := map[string]string{}
		for _, r := range decodeJSONL[CommentRecord](t, comments) {
			texts[r.Source+"#"+intOrEmpty(r.Comment)] = r.Text
		}
		mentions, _, _ := run(t, false, "", "mentions", "--format", "jsonl", page)
		ms := decodeJSONL[MentionRecord](t, mentions)
		for _, m := range ms {
			text, ok := texts[m.Source+"#"+intOrEmpty(m.Comment)]
			if !ok || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Errorf("%s comment %s: %q at %d:%d does not match the comment text", m.Source, intOrEmpty(m.Comment), m.Text, m.Start, m.End)
			}
		}
		if len(ms) == 0 {
			t.Errorf("%s: no mentions", page)
		}
	}
}

// Every format prints the same mentions.
func TestMentionsFormatsAgree(t *testing.T) {
	jsonl, _, _ := run(t, false, "", "mentions", "--format", "jsonl", samplePage)
	arr, _, _ := run(t, false, "", "mentions", "--format", "json", samplePage)
	csvOut, _, _ := run(t, false, "", "mentions", "--format", "csv", samplePage)
	var recs []MentionRecord
	if err := json.Unmarshal([]byte(arr), &recs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(jsonl), "\n")
	if len(recs) != len(lines) || len(recs) < 50 {
		t.Fatalf("json has %d records, jsonl %d", len(recs), len(lines))
	}
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(recs)+1 {
		t.Fatalf("csv has %d rows, want %d and a header", len(rows), len(recs))
	}
	// The sample has a sentence that starts with "-and demand ...": neutralized in csv
	// unless --csv-raw.
	rawOut, _, _ := run(t, false, "", "mentions", "--format", "csv", "--csv-raw", samplePage)
	raw, err := csv.NewReader(strings.NewReader(rawOut)).ReadAll()
	if err != nil || len(raw) != len(rows) {
		t.Fatalf("--csv-raw: %d rows (%v), want %d", len(raw), err, len(rows))
	}
	neutralized := 0
	for i, r := range recs {
		if strings.Join(raw[i+1], "\x00") != strings.Join(r.Cells(), "\x00") {
			t.Errorf("row %d differs between csv --csv-raw and json", i)
		}
		if strings.Join(rows[i+1], "\x00") != strings.Join(safeCells(r.Cells()), "\x00") {
			t.Errorf("row %d differs between csv and json", i)
		}
		if strings.HasPrefix(r.Sentence, "-and") && rows[i+1][8] == "'"+r.Sentence {
			neutralized++
		}
	}
	if neutralized == 0 {
		t.Error(`no csv cell neutralized: the sample's sentence "-and demand ..." should be`)
	}
}

func TestMentionsFilters(t *testing.T) {
	out, _, _ := run(t, false, "", "mentions", "--format", "jsonl", "--type", "drug", "--concept", "clonazepam", samplePage)
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var m MentionRecord
		json.Unmarshal([]byte(l), &m)
		if m.Type != "drug" || m.Concept != "clonazepam" {
			t.Errorf("filtered output has %s %s", m.Type, m.Concept)
		}
		n++
	}
	if n < 40 {
		t.Errorf("%d clonazepam mentions, want at least 40", n)
	}
}

// --verbose says on stderr how each page was read; stdout is the same with or without it.
func TestCommentsVerbose(t *testing.T) {
	quiet, _, _ := run(t, false, "", "comments", "--format", "jsonl", samplePage, "../testdata/pages/wordpress.html")
	out, errOut, code := run(t, false, "", "comments", "--verbose", "--format", "jsonl", samplePage, "../testdata/pages/wordpress.html")
	if code != 0 || out != quiet {
		t.Fatalf("exit %d; stdout differs with --verbose: %v", code, out != quiet)
	}
	for _, want := range []string{
		samplePage + ": text: ",
		"16 comments",
		"wordpress.html: html: WordPress comment markup",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}
