package cmd

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// redditDump is a Pushshift-style dump: a submission, its comments, then a second thread
// whose first comment comes back after a third thread.
const redditDump = `{"id":"a","title":"Off Zoloft","selftext":"Week two and dizzy.","author":"op","created_utc":1546300800}
{"link_id":"t3_a","id":"c1","parent_id":"t3_a","author":"amy","body":"The brain zaps stopped after a month.","created_utc":1546304400}
{"link_id":"t3_a","id":"c2","parent_id":"t1_c1","author":"ben","body":"Same with Lexapro.","created_utc":1546308000}
{"link_id":"t3_b","id":"d1","parent_id":"t3_b","author":"cy","body":"Metformin upset my stomach."}
{"link_id":"t3_c","id":"e1","parent_id":"t3_c","author":"dee","body":"Gabapentin made me sleepy."}
{"link_id":"t3_b","id":"d2","parent_id":"t1_d1","author":"eve","body":"Take it with food."}
`

func TestCommentsThreads(t *testing.T) {
	dir := t.TempDir()
	dump := filepath.Join(dir, "dump.jsonl")
	if err := os.WriteFile(dump, []byte(redditDump), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		want    []string // source, comment and parent of each record
		warning string
	}{
		{
			name:    "by thread",
			args:    []string{"comments", "--format", "jsonl", dump},
			want:    []string{"#a - -", "#a 0 -", "#a 1 0", "#b - -", "#b 0 -", "#c - -", "#c 0 -", "#b - -", "#b 0 -"},
			warning: "dump.jsonl#b:6: thread b comes back after other records (first read at line 4)",
		},
		{
			name: "--page-key",
			args: []string{"comments", "--format", "jsonl", "--page-key", "author", dump},
			want: []string{"#op - -", "#amy - -", "#amy 0 -", "#ben - -", "#ben 0 -", "#cy - -", "#cy 0 -", "#dee - -", "#dee 0 -", "#eve - -", "#eve 0 -"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := run(t, false, "", tc.args...)
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var got []string
			for _, r := range decodeJSONL[CommentRecord](t, out) {
				s := strings.TrimPrefix(r.Source, dump) + " -"
				if r.Comment != nil {
					s = strings.TrimSuffix(s, "-") + string(rune('0'+*r.Comment))
				}
				if r.Parent != nil {
					s += " " + string(rune('0'+*r.Parent))
				} else {
					s += " -"
				}
				got = append(got, s)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("records %q\nwant %q", got, tc.want)
			}
			if tc.warning != "" && !strings.Contains(errOut, tc.warning) {
				t.Errorf("stderr %q, want %q", errOut, tc.warning)
			}
			// The output reads back as the same pages.
			again, errOut, code := run(t, false, out, "comments", "--format", "jsonl", "-")
			if code != ExitOK || again != out {
				t.Errorf("round trip: exit %d, %s\n%s\n---\n%s", code, errOut, clip(out, 600), clip(again, 600))
			}
		})
	}
	// The submission is the article of its page, with the title.
	out, _, _ := run(t, false, "", "comments", "--format", "jsonl", dump)
	first := decodeJSONL[CommentRecord](t, out)[0]
	if first.Comment != nil || first.Text != "Week two and dizzy." {
		t.Errorf("first record %+v, want the submission's text as the article", first)
	}
}

// A page handed on section by section (chunks of one mention or none) gives the output
// it gives whole: every command that reads mentions puts the chunks back in order.
func TestChunkedPages(t *testing.T) {
	cmds := [][]string{
		{"mentions", "--format", "jsonl", "--sections"},
		{"report", "--format", "json", "--evidence"},
		{"report", "--format", "csv", "--table", "comments"},
		{"mentions", "--format", "brat", "--out"},
	}
	inputs := []string{samplePage, "../testdata/pages"}
	for _, args := range cmds {
		t.Run(strings.Join(args[:3], " "), func(t *testing.T) {
			outputs := make([]string, 2)
			for i, chunk := range []int{4096, 1} {
				defer func(n int) { chunkMentions = n }(chunkMentions)
				chunkMentions = chunk
				a := append([]string{}, args...)
				dir := ""
				if args[len(args)-1] == "--out" {
					dir = t.TempDir()
					a = append(a, dir)
				}
				out, _, _ := run(t, false, "", append(a, inputs...)...)
				if dir != "" {
					out = readTree(t, dir)
				}
				outputs[i] = out
			}
			if len(outputs[0]) < 1000 {
				t.Fatalf("only %d bytes of output", len(outputs[0]))
			}
			if outputs[0] != outputs[1] {
				t.Errorf("output differs when pages come section by section:\n%s", clip(outputs[1], 2000))
			}
		})
	}
}

// readTree is the files under dir, each its name and its content, in name order.
func readTree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		fmt.Fprintf(&b, "== %s\n%s", path[len(dir):], data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
