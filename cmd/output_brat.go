package cmd

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rxvoice/rxvoice/analyze"
	"github.com/rxvoice/rxvoice/corpus"
)

// bratWriter writes brat standoff: for each input, DIR/NAME.ann (see bratName) and the text its
// offsets count in, DIR/NAME.txt. For a text input whose sections are in the file as
// written (plain text, and pages of text whose comments are the file's lines), NAME.txt
// is the input's text and the offsets are the input file's; otherwise (HTML, JSON, JSON
// Lines, standard input, or a page of text whose comments were rebuilt) NAME.txt is the
// text rxvoice read, each article and comment once, separated by a blank line.
type bratWriter struct {
	dir     string
	streams *IO
	src     string // the input whose pages are held
	pages   []bratPage
	conf    bool // annotation.conf is written or was there
}

type bratPage struct {
	page     *corpus.Page
	mentions []analyze.Mention
}

func newBratWriter(streams *IO, dir string) (*bratWriter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("brat: cannot make the output folder: %w", err)
	}
	return &bratWriter{dir: dir, streams: streams}, nil
}

// Add takes one page and the mentions to write; the pages of one input come together.
func (w *bratWriter) Add(p *corpus.Page, ms []analyze.Mention) error {
	if len(w.pages) > 0 && p.Source != w.src {
		if err := w.flush(); err != nil {
			return err
		}
	}
	w.src = p.Source
	w.pages = append(w.pages, bratPage{p, ms})
	return nil
}

// Close writes the last input's files.
func (w *bratWriter) Close() error {
	if len(w.pages) == 0 {
		return nil
	}
	return w.flush()
}

// bratName is the NAME of an input's NAME.ann: its file name less .txt ("post.txt" ->
// "post", "page.html" -> "page.html"), so that NAME.txt is a text input's own name and
// page.html and page.json do not meet.
func bratName(source string) string {
	if source == "-" {
		return "stdin"
	}
	return strings.TrimSuffix(filepath.Base(source), ".txt")
}

// checkBratNames is a usage error when two inputs would write the same NAME.ann.
func checkBratNames(args []string) error {
	files, _ := corpus.Expand(args)
	seen := map[string]string{}
	for _, f := range files {
		name := bratName(f)
		if other, ok := seen[name]; ok {
			return usagef("%s and %s would both be written as %s.ann: give inputs different names, or run once per folder", other, f, name)
		}
		seen[name] = f
	}
	return nil
}

func (w *bratWriter) flush() error {
	src, pages := w.src, w.pages
	w.pages = nil
	name := bratName(src)
	text, places := w.inputText(src, pages)
	if text == "" {
		var note string
		text, places, note = extractedText(pages)
		if note != "" {
			fmt.Fprintf(w.streams.ErrOut, "rxvoice: %s: %s; %s.txt holds the text as read, and %s.ann counts in it\n", src, note, name, name)
		}
	}
	var b strings.Builder
	nt, na := 0, 0
	for i, bp := range pages {
		for k := range bp.mentions {
			m := &bp.mentions[k]
			sec := -1
			if m.Section.Comment != nil {
				sec = m.Section.Comment.Index
			}
			s, e, ok := places[i].span(sec, m.Start, m.End)
			if !ok {
				return fmt.Errorf("brat: %s: mention %q at %d-%d is outside its section", src, m.Text, m.Start, m.End)
			}
			nt++
			fmt.Fprintf(&b, "T%d\t%s %s\n", nt, m.Type, bratFragments(text, s, e))
			for _, a := range bratAttributes(m) {
				na++
				fmt.Fprintf(&b, "A%d\t%s T%d%s\n", na, a[0], nt, a[1])
			}
			if note := bratNote(m); note != "" {
				fmt.Fprintf(&b, "#%d\tAnnotatorNotes T%d\t%s\n", nt, nt, note)
			}
		}
	}
	txtPath := filepath.Join(w.dir, name+".txt")
	if err := w.writeText(src, txtPath, text); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(w.dir, name+".ann"), []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("brat: %w", err)
	}
	return w.writeConf()
}

// inputText is the text of a text input and where its sections are in it, or "" when the
// input is not one whose sections are in its file as written.
func (w *bratWriter) inputText(src string, pages []bratPage) (string, []*placement) {
	if src == "-" || len(pages) != 1 {
		return "", nil
	}
	p := pages[0].page
	if p.Format != corpus.FormatPlain && p.Format != corpus.FormatPageText {
		return "", nil
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return "", nil
	}
	text, _, err := corpus.Decode(data)
	if err != nil {
		return "", nil
	}
	// brat reads a text with universal newlines ("\r\n" is one character): written with
	// "\n" alone, the offsets are the same in brat, INCEpTION and any other reader.
	text = crlf.Replace(text)
	pl, ok := placePage(p, text)
	if !ok {
		return "", nil
	}
	return text, []*placement{pl}
}

var crlf = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// extractedText joins the sections of pages, each once, with a blank line between them.
// note says why, for a text input that was expected to be its own text.
func extractedText(pages []bratPage) (string, []*placement, string) {
	var b strings.Builder
	places := make([]*placement, len(pages))
	note := ""
	at := 0 // code points written
	for i, bp := range pages {
		p := bp.page
		if (p.Format == corpus.FormatPlain || p.Format == corpus.FormatPageText) && p.Source != "-" {
			note = "the comments' text is not in the file as written (furniture or quotes left out)"
		}
		pl := &placement{secs: map[int][]linePlace{}, texts: map[int]string{}}
		for _, s := range p.Sections() {
			key := -1
			if s.Comment != nil {
				key = s.Comment.Index
			}
			if b.Len() > 0 {
				b.WriteString("\n\n")
				at += 2
			}
			t := s.Text()
			pl.texts[key] = t
			// line by line, so that a "\r\n" in a comment is written as "\n"
			for from := 0; from <= len(t); {
				end := strings.IndexByte(t[from:], '\n')
				if end < 0 {
					end = len(t)
				} else {
					end += from
				}
				line := strings.TrimSuffix(t[from:end], "\r")
				if from > 0 {
					b.WriteByte('\n')
					at++
				}
				pl.secs[key] = append(pl.secs[key], linePlace{sec: from, file: at})
				b.WriteString(line)
				at += utf8.RuneCountInString(line)
				from = end + 1
			}
		}
		places[i] = pl
	}
	b.WriteByte('\n')
	return b.String(), places, note
}

// bratFragments is "start end" (with ";start end" for each further line a span crosses,
// as brat writes a span over a line break) and, after a tab, the text of the fragments
// joined by a space.
func bratFragments(text string, s, e int) string {
	rs := []rune(text)
	var offs, words []string
	for i := s; i < e; {
		for i < e && unicode.IsSpace(rs[i]) {
			i++
		}
		j := i
		for j < e && rs[j] != '\n' && rs[j] != '\r' {
			j++
		}
		k := j
		for k > i && unicode.IsSpace(rs[k-1]) {
			k--
		}
		if k > i {
			offs = append(offs, strconv.Itoa(i)+" "+strconv.Itoa(k))
			words = append(words, string(rs[i:k]))
		}
		i = j
	}
	if len(offs) == 0 { // an empty span: keep its place
		return strconv.Itoa(s) + " " + strconv.Itoa(e) + "\t"
	}
	return strings.Join(offs, ";") + "\t" + strings.Join(words, " ")
}

// bratAttributes are the brat attributes of a mention: name and " value" (empty for a
// binary attribute), as declared in bratConf.
func bratAttributes(m *analyze.Mention) [][2]string {
	var out [][2]string
	add := func(name, v string) {
		if v != "" {
			out = append(out, [2]string{name, " " + v})
		}
	}
	switch m.Type {
	case analyze.TypeSymptom, analyze.TypeEffect:
		add("Role", m.Role)
		if m.Negated {
			out = append(out, [2]string{"Negated", ""})
		}
		add("Experiencer", m.Experiencer)
		add("Certainty", m.Certainty)
		add("Severity", m.Severity)
	case analyze.TypeDrug:
		add("Experiencer", m.Experiencer)
		add("Status", m.Status)
	}
	return out
}

// bratNote is what a brat note shows of a mention: its concept and its drug.
func bratNote(m *analyze.Mention) string {
	var parts []string
	if m.Concept != "" {
		parts = append(parts, "concept: "+m.Concept)
	}
	if m.Drug != "" {
		parts = append(parts, "drug: "+m.Drug)
	}
	return strings.Join(parts, "; ")
}

// writeText writes NAME.txt, unless it is the input itself, unchanged.
func (w *bratWriter) writeText(src, path, text string) error {
	if src != "-" {
		a, errA := os.Stat(src)
		b, errB := os.Stat(path)
		if errA == nil && errB == nil && os.SameFile(a, b) {
			data, err := os.ReadFile(src)
			if t, _, derr := corpus.Decode(data); err == nil && derr == nil && t == text {
				return nil
			}
			return fmt.Errorf("brat: %s would overwrite the input with the text as read: give another --out folder", path)
		}
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return fmt.Errorf("brat: %w", err)
	}
	return nil
}

// bratConf declares rxvoice's types and attributes for brat; INCEpTION reads the same
// names from the .ann files.
const bratConf = `# rxvoice mentions --format brat: types and attributes
[entities]
drug
symptom
effect
dose
frequency
duration

[relations]

[events]

[attributes]
Role	Arg:symptom|effect, Value:adverse|indication|withdrawal|other
Negated	Arg:symptom|effect
Experiencer	Arg:symptom|effect|drug, Value:self|other
Certainty	Arg:symptom|effect, Value:reported|hypothetical
Severity	Arg:symptom|effect, Value:mild|moderate|severe
Status	Arg:drug, Value:current|stopped|tapering|planned
`

// writeConf writes DIR/annotation.conf once, unless one is there (the team's own).
func (w *bratWriter) writeConf() error {
	if w.conf {
		return nil
	}
	w.conf = true
	path := filepath.Join(w.dir, "annotation.conf")
	if _, err := os.Stat(path); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("brat: %w", err)
	}
	bw := bufio.NewWriter(f)
	bw.WriteString(bratConf)
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("brat: %w", err)
	}
	return f.Close()
}
