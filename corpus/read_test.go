package corpus

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// pageJSON renders pages for golden files.
func pageJSON(t *testing.T, pages []*Page) []byte {
	t.Helper()
	b, err := json.MarshalIndent(pages, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// A page with one comment: the "1 Comment" header says it is one (a lone byline on a
// page without any sign of a comment section is read as the article's).
const samplePage = "Title\n\nArticle text.\n\n1 Comment\n\n• ann\n\nApril 9th, 2014 at 12:45 AM\n\nI take Klonopin 1 mg – it’s fine.\n"

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = []byte{0xFF, 0xFE}
	}
	for _, r := range s {
		if r > 0xFFFF {
			r = '?'
		}
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func utf16be(s string) []byte {
	b := []byte{0xFE, 0xFF}
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

func gz(s string) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write([]byte(s))
	w.Close()
	return buf.Bytes()
}

// Every bad input gives a correct page or an error that names the file and the problem.
func TestBadInputs(t *testing.T) {
	long := strings.Repeat("I took lisinopril and got a dry cough. ", 20<<20/39)
	tests := []struct {
		name    string
		data    []byte
		wantErr string // substring of the error; "" when the input must be read
		comment string // the first comment's text, when read as a page
		article string // a substring of the article, when read as plain text
		warn    string // a substring of a warning
	}{
		{name: "empty.txt", data: nil, wantErr: "empty file"},
		{name: "blank.txt", data: []byte(" \n\n\t \n"), wantErr: "only white space"},
		{name: "photo.png", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), wantErr: "binary file (PNG image)"},
		{name: "photo.jpg", data: []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), wantErr: "binary file (JPEG image)"},
		{name: "page.txt.gz", data: gz(samplePage), wantErr: "binary file (gzip)"},
		{name: "nul.txt", data: []byte("abc\x00def\x00ghi"), wantErr: "binary file (NUL bytes)"},
		{name: "bom8.txt", data: append([]byte{0xEF, 0xBB, 0xBF}, samplePage...), comment: "I take Klonopin 1 mg – it’s fine."},
		{name: "utf16le.txt", data: utf16le(samplePage, true), comment: "I take Klonopin 1 mg – it’s fine."},
		{name: "utf16be.txt", data: utf16be(samplePage), comment: "I take Klonopin 1 mg – it’s fine."},
		{name: "cp1252.txt", data: []byte("Title\n\nArticle.\n\n1 Comment\n\n\x95 ann\n\nApril 9th, 2014 at 12:45 AM\n\nI take Klonopin 1 mg \x96 it\x92s fine.\n"),
			comment: "I take Klonopin 1 mg – it’s fine.", warn: "Windows-1252"},
		{name: "badutf8.txt", data: []byte("Title\n\nArticle – text.\n\n1 Comment\n\n• ann\n\nApril 9th, 2014 at 12:45 AM\n\nI take \xff Klonopin.\n"),
			comment: "I take \uFFFD Klonopin.", warn: "invalid UTF-8"},
		{name: "crlf.txt", data: []byte(strings.ReplaceAll(samplePage, "\n", "\r\n")), comment: "I take Klonopin 1 mg – it’s fine."},
		{name: "nbsp.txt", data: []byte(strings.ReplaceAll(samplePage, "• ann", "\u00a0\u00a0•\u00a0ann")), comment: "I take Klonopin 1 mg – it’s fine."},
		{name: "long-line.txt", data: []byte(long), article: "dry cough"},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			pages, err := ReadFile(path, Options{})
			if tc.wantErr != "" {
				if err == nil {
					t.Fatalf("no error, want %q", tc.wantErr)
				}
				if !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), path) {
					t.Fatalf("error %q: want it to name %s and say %q", err, path, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			p := pages[0]
			if tc.comment != "" {
				if len(p.Comments) != 1 || p.Comments[0].Text != tc.comment || p.Comments[0].Author != "ann" {
					t.Fatalf("comments %+v, want one by ann saying %q", p.Comments, tc.comment)
				}
			}
			if tc.article != "" && (!strings.Contains(p.Article, tc.article) || len(p.Article) != len(tc.data)) {
				t.Errorf("article of %d bytes, want the file's %d", len(p.Article), len(tc.data))
			}
			if tc.warn != "" {
				found := false
				for _, w := range p.Warnings {
					found = found || strings.Contains(w.Message, tc.warn)
				}
				if !found {
					t.Errorf("warnings %v, want one saying %q", p.Warnings, tc.warn)
				}
			}
		})
	}
}

func TestMissingAndUnreadable(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte(samplePage), 0o644)
	files, errs := Expand([]string{filepath.Join(dir, "missing.txt"), good})
	if len(files) != 1 || files[0] != good {
		t.Errorf("files %v, want only %s", files, good)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing.txt: no such file or directory") {
		t.Errorf("errors %v", errs)
	}
	// A path that cannot be read: a file used as a directory.
	_, err := ReadFile(filepath.Join(good, "x"), Options{})
	var ce *Error
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "good.txt/x") {
		t.Errorf("error %v, want a corpus error naming the path", err)
	}
	if os.Geteuid() != 0 { // root reads any file
		locked := filepath.Join(dir, "locked.txt")
		os.WriteFile(locked, []byte(samplePage), 0o000)
		if _, err := ReadFile(locked, Options{}); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("error %v, want permission denied", err)
		}
	}
}

func TestExpandDirectorySorted(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b/2.txt", "a.txt", "b/1.txt", ".hidden/x.txt", "c.html"} {
		p := filepath.Join(dir, n)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	files, errs := Expand([]string{dir})
	var rel []string
	for _, f := range files {
		r, _ := filepath.Rel(dir, f)
		rel = append(rel, r)
	}
	if got := strings.Join(rel, " "); got != "a.txt b/1.txt b/2.txt c.html" || len(errs) != 0 {
		t.Errorf("Expand = %q %v", got, errs)
	}
}

func TestStdin(t *testing.T) {
	pages, err := ReadFile("-", Options{Stdin: strings.NewReader(samplePage)})
	if err != nil || len(pages) != 1 || len(pages[0].Comments) != 1 || pages[0].Source != "-" {
		t.Fatalf("pages %v err %v", pages, err)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		source, text string
		want         Format
	}{
		{"a.html", "anything", FormatHTML},
		{"a", "<!DOCTYPE html><html><body>x</body></html>", FormatHTML},
		{"a", "  <div class=x>hi</div><body>", FormatHTML},
		{"a", `[{"text":"x"}]`, FormatJSON},
		{"a", "{\"text\":\"x\"}\n{\"text\":\"y\"}\n", FormatJSONL},
		{"a", "{\"comments\":[\n{\"text\":\"x\"}]}", FormatJSON},
		{"a.jsonl", "{\"text\":\"x\"}", FormatJSONL},
		{"a.txt", samplePage, FormatPageText},
		{"a.txt", "Just a note about my aspirin.\n", FormatPlain},
	}
	for _, tc := range tests {
		if got := Detect(tc.source, tc.text); got != tc.want {
			t.Errorf("Detect(%q, %.30q) = %s, want %s", tc.source, tc.text, got, tc.want)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(samplePage))
	f.Add(utf16le(samplePage, true))
	f.Add([]byte("\xff\xfeabc"))
	f.Add([]byte("caf\xe9 \x92"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, _, err := Decode(b)
		if err == nil && !utf8Valid(s) {
			t.Fatalf("Decode gave invalid UTF-8 for %q", b)
		}
		if err == nil {
			Parse("fuzz", b, FormatAuto)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }

// JSON from other tools names its fields its own way (Reddit: body, created_utc, parent_id).
func TestJSONFieldAliases(t *testing.T) {
	in := `{"author":"abc","body":"Zoloft gave me headaches","created_utc":1546300800,"id":"x1"}` + "\n" +
		`{"author":"def","content":"Same here","timestamp":"2019-01-02T08:00:00","id":"x2","parent_id":"x1"}` + "\n"
	pages, err := Parse("r.jsonl", []byte(in), FormatAuto)
	if err != nil {
		t.Fatal(err)
	}
	c := pages[0].Comments
	if len(c) != 2 || c[0].Text != "Zoloft gave me headaches" || c[0].Posted.Format("2006-01-02") != "2019-01-01" ||
		c[1].Text != "Same here" || c[1].Posted.Format("15:04") != "08:00" || c[1].Parent != 0 {
		t.Errorf("comments %+v", c)
	}
}

// A small file that grows between its size and its reading is read whole, as a file of
// its new size is.
func TestStreamSmallGrown(t *testing.T) {
	path := "../testdata/klonopin-immune-comments.txt"
	want, err := ReadFile(path, Options{})
	if err != nil || len(want) != 1 || len(want[0].Comments) == 0 {
		t.Fatalf("ReadFile: %d pages, %v", len(want), err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int64{0, 10, st.Size() - 1} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var got []*Page
		err = streamSmall(path, f, int(size), Options{}, func(p *Page) error { got = append(got, p); return nil })
		f.Close()
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("read as a file of %d bytes grown to %d: %d pages, %v; want the file's", size, st.Size(), len(got), err)
		}
	}
}

// TestPagesOutliveTheirBuffer checks that no page keeps a string of the bytes it was read
// from: the reader reads text where it lies in a buffer the next file is read into.
func TestPagesOutliveTheirBuffer(t *testing.T) {
	files, errs := Expand([]string{"../testdata"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	read := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages, err := Parse(f, data, FormatAuto)
		if err != nil {
			continue // (bad inputs are tested elsewhere)
		}
		before, err := json.Marshal(pages)
		if err != nil {
			t.Fatal(err)
		}
		for i := range data {
			data[i] = '#'
		}
		after, _ := json.Marshal(pages)
		if !bytes.Equal(before, after) {
			t.Errorf("%s: the pages changed when the bytes they were read from were overwritten", f)
		}
		read++
	}
	if read < 50 {
		t.Errorf("only %d files read", read)
	}
}
