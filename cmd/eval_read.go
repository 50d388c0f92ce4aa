package cmd

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rxvoice/rxvoice/corpus"
)

// annSet is one set of annotations, gold or predicted: documents by name.
type annSet struct {
	What  string // the paths it was read from, or "rxvoice"
	Docs  map[string]*annDoc
	Names []string // in the order read
	// Sections: spans count bytes in a section's text (rxvoice JSON Lines) rather than
	// code points in the document's text (brat, CoNLL).
	Sections bool
	Labels   bool // the types are an annotator's labels, which --map maps
}

// annDoc is one document: a brat NAME.txt with its NAME.ann, a CoNLL sentence, or the
// records of one source file in rxvoice JSON Lines.
type annDoc struct {
	Name   string
	Path   string // the file the annotations were read from
	Text   string // brat and CoNLL: the text the offsets count in
	Source string // JSON Lines: the input the records name
	Plain  bool   // the text is one section (CoNLL), whatever it looks like
	Spans  []annSpan
}

// annSpan is one annotated or predicted span.
type annSpan struct {
	Sec        int // comment index (-1 the article) in section sets; 0 otherwise
	Start, End int
	Type, Role string
}

func newAnnSet(what string) *annSet { return &annSet{What: what, Docs: map[string]*annDoc{}} }

func (s *annSet) add(d *annDoc) error {
	if old, ok := s.Docs[d.Name]; ok {
		return fmt.Errorf("eval: %s and %s are both document %s: give them different names", old.Path, d.Path, d.Name)
	}
	s.Docs[d.Name] = d
	s.Names = append(s.Names, d.Name)
	return nil
}

// annError is a problem in an annotation file, at a line.
type annError struct {
	Path string
	Line int
	Msg  string
}

func (e *annError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("eval: %s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("eval: %s: %s", e.Path, e.Msg)
}

// annKind is how an annotation file is read, from its extension.
func annKind(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".ann":
		return "brat"
	case ".conll", ".bio", ".iob":
		return "conll"
	case ".jsonl", ".ndjson":
		return "jsonl"
	}
	return ""
}

// readAnnSet reads annotation files and folders: brat .ann (with .txt beside), CoNLL BIO
// (.conll, .bio, .iob) and rxvoice JSON Lines (.jsonl). In a folder, other files (the
// .txt, annotation.conf) are passed over. Each file that cannot be read is an error; the
// others are still read.
func readAnnSet(args []string) (*annSet, []error) {
	files, errs := corpus.Expand(args)
	given := map[string]bool{}
	for _, a := range args {
		given[a] = true
	}
	set := newAnnSet(strings.Join(args, " "))
	sentences := 0
	kinds := map[bool]bool{} // JSON Lines or not
	for _, f := range files {
		kind := annKind(f)
		if kind == "" {
			if given[f] {
				errs = append(errs, &annError{Path: f, Msg: "not an annotation file (want .ann, .conll, .bio, .iob or .jsonl)"})
			}
			continue
		}
		kinds[kind == "jsonl"] = true
		var err error
		switch kind {
		case "brat":
			err = readBrat(set, f)
		case "conll":
			err = readCoNLL(set, f, &sentences)
		case "jsonl":
			set.Sections = true
			err = readMentionsJSONL(set, f)
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if len(kinds) > 1 {
		errs = append(errs, usagef("%s: rxvoice JSON Lines and brat or CoNLL files cannot be one set", set.What))
	}
	if len(set.Docs) == 0 && len(errs) == 0 {
		errs = append(errs, usagef("%s: no annotation files (.ann, .conll, .bio, .iob or .jsonl)", set.What))
	}
	return set, errs
}

// readText reads a document's text as brat does: UTF-8, a "\r\n" read as "\n".
func readText(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	if !utf8.Valid(data) {
		return "", errors.New("not UTF-8 text (brat reads UTF-8)")
	}
	return crlf.Replace(strings.TrimPrefix(string(data), "\ufeff")), nil
}

// readBrat reads NAME.ann and the NAME.txt beside it. Text-bound annotations (T) are
// spans, a discontinuous one taken from its first start to its last end; an attribute
// or modifier named Role (A, M) gives its span a role; relations, events, notes and
// normalizations are passed over.
func readBrat(set *annSet, path string) error {
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	txt := strings.TrimSuffix(path, filepath.Ext(path)) + ".txt"
	if _, err := os.Stat(txt); err != nil {
		// CADEC's layout: original/NAME.ann and text/NAME.txt
		if alt := filepath.Join(filepath.Dir(filepath.Dir(path)), "text", name+".txt"); fileExists(alt) {
			txt = alt
		}
	}
	text, err := readText(txt)
	if err != nil {
		return &annError{Path: txt, Msg: fmt.Sprintf("the text of %s: %v", filepath.Base(path), describeErr(err))}
	}
	f, err := os.Open(path)
	if err != nil {
		return &annError{Path: path, Msg: describeErr(err).Error()}
	}
	defer f.Close()
	runes := []rune(text)
	doc := &annDoc{Name: name, Path: path, Text: text}
	ids := map[string]int{} // T id -> index in doc.Spans
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		bad := func(format string, a ...any) error {
			return &annError{Path: path, Line: n, Msg: fmt.Sprintf(format, a...)}
		}
		id, rest, _ := strings.Cut(line, "\t")
		if id == "" {
			return bad("a line starts with a tab: want an annotation id (T1, A1, ...) first")
		}
		switch id[0] {
		case 'T':
			head, want, ok := strings.Cut(rest, "\t")
			if !ok {
				return bad("want T<n>, a tab, TYPE START END, a tab and the text")
			}
			label, offs, _ := strings.Cut(head, " ")
			if label == "" || offs == "" {
				return bad("want TYPE START END after %s", id)
			}
			lo, hi := -1, -1
			var got []string
			for _, frag := range strings.Split(offs, ";") {
				f := strings.Fields(frag)
				if len(f) != 2 {
					return bad("offsets %q: want START END, fragments separated by ;", offs)
				}
				s, err1 := strconv.Atoi(f[0])
				e, err2 := strconv.Atoi(f[1])
				if err1 != nil || err2 != nil || s < 0 || e < s {
					return bad("offsets %q: want whole numbers, START <= END", offs)
				}
				if e > len(runes) {
					return bad("offset %d is past the end of %s (%d characters)", e, filepath.Base(txt), len(runes))
				}
				if lo < 0 || s < lo {
					lo = s
				}
				hi = max(hi, e)
				got = append(got, string(runes[s:e]))
			}
			if g := strings.Join(got, " "); g != want && strings.Join(strings.Fields(g), " ") != strings.Join(strings.Fields(want), " ") {
				return bad("%s says %q but %s holds %q there (offsets count characters, not bytes)", id, want, filepath.Base(txt), g)
			}
			if _, dup := ids[id]; dup {
				return bad("%s is given twice", id)
			}
			ids[id] = len(doc.Spans)
			doc.Spans = append(doc.Spans, annSpan{Start: lo, End: hi, Type: label})
		case 'A', 'M':
			f := strings.Fields(rest)
			if len(f) < 2 {
				return bad("want %s, a tab, NAME ID [VALUE]", id)
			}
			if !strings.EqualFold(f[0], "role") {
				continue
			}
			i, ok := ids[f[1]]
			if !ok {
				return bad("%s names %s, which is not a text annotation above", id, f[1])
			}
			if len(f) < 3 {
				return bad("Role of %s has no value", f[1])
			}
			doc.Spans[i].Role = f[2]
		case 'R', 'E', 'N', '*', '#':
		default:
			return bad("unknown annotation %q (want T, A, M, R, E, N, * or #)", id)
		}
	}
	if err := sc.Err(); err != nil {
		return &annError{Path: path, Msg: err.Error()}
	}
	set.Labels = true
	return set.add(doc)
}

// readCoNLL reads CoNLL BIO: one token a line, the tag (B-TYPE, I-TYPE or O) in the last
// column, a blank line between sentences. Each sentence is a document, named by its
// number in the set ("s1", "s2", ...), its text the tokens joined by spaces.
func readCoNLL(set *annSet, path string, sentences *int) error {
	f, err := os.Open(path)
	if err != nil {
		return &annError{Path: path, Msg: describeErr(err).Error()}
	}
	defer f.Close()
	var (
		text  strings.Builder
		runes int
		doc   *annDoc
		open  = -1 // the span being read, or -1
	)
	flush := func() error {
		if doc == nil {
			return nil
		}
		doc.Text = text.String()
		err := set.add(doc)
		text.Reset()
		runes, doc, open = 0, nil, -1
		return err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || fields[0] == "-DOCSTART-" {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if len(fields) < 2 {
			return &annError{Path: path, Line: n, Msg: fmt.Sprintf("%q: want a token and a tag (B-TYPE, I-TYPE or O) in the last column", sc.Text())}
		}
		tok, tag := fields[0], fields[len(fields)-1]
		if doc == nil {
			*sentences++
			doc = &annDoc{Name: "s" + strconv.Itoa(*sentences), Path: fmt.Sprintf("%s:%d", path, n), Plain: true}
		}
		if runes > 0 {
			text.WriteByte(' ')
			runes++
		}
		start := runes
		text.WriteString(tok)
		runes += utf8.RuneCountInString(tok)
		label, inside := "", false
		switch {
		case tag == "O":
		case strings.HasPrefix(tag, "B-") && len(tag) > 2:
			label = tag[2:]
		case strings.HasPrefix(tag, "I-") && len(tag) > 2:
			label, inside = tag[2:], true
		default:
			return &annError{Path: path, Line: n, Msg: fmt.Sprintf("tag %q: want B-TYPE, I-TYPE or O", tag)}
		}
		if inside && open >= 0 && doc.Spans[open].Type == label {
			doc.Spans[open].End = runes
			continue
		}
		open = -1
		if label != "" { // a B-, or an I- that starts a span (as conlleval reads it)
			open = len(doc.Spans)
			doc.Spans = append(doc.Spans, annSpan{Start: start, End: runes, Type: label})
		}
	}
	if err := sc.Err(); err != nil {
		return &annError{Path: path, Msg: err.Error()}
	}
	set.Labels = true
	return flush()
}

// readMentionsJSONL reads what `rxvoice mentions --format jsonl` prints (or a team's
// corrected copy): each record's source names its document, and start and end count
// bytes in the text of its article or comment.
func readMentionsJSONL(set *annSet, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return &annError{Path: path, Msg: describeErr(err).Error()}
	}
	defer f.Close()
	var docs []*annDoc
	byName := map[string]*annDoc{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var r struct {
			Source     *string
			Comment    *int
			Type       *string
			Start, End *int
			Role       string
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return &annError{Path: path, Line: n, Msg: "not a JSON record: " + err.Error()}
		}
		if r.Type != nil && *r.Type == "section" {
			continue
		}
		if r.Source == nil || r.Type == nil || r.Start == nil || r.End == nil {
			return &annError{Path: path, Line: n, Msg: `want a mention record with "source", "type", "start" and "end" (rxvoice mentions --format jsonl)`}
		}
		if *r.Start < 0 || *r.End < *r.Start {
			return &annError{Path: path, Line: n, Msg: fmt.Sprintf("start %d and end %d: want 0 <= start <= end", *r.Start, *r.End)}
		}
		name := bratName(*r.Source)
		d := byName[name]
		if d == nil {
			d = &annDoc{Name: name, Path: path, Source: *r.Source}
			byName[name] = d
			docs = append(docs, d)
		} else if d.Source != *r.Source {
			return &annError{Path: path, Line: n, Msg: fmt.Sprintf("sources %s and %s are both document %s: give them different names", d.Source, *r.Source, name)}
		}
		sec := -1
		if r.Comment != nil {
			sec = *r.Comment
		}
		d.Spans = append(d.Spans, annSpan{Sec: sec, Start: *r.Start, End: *r.End, Type: *r.Type, Role: r.Role})
	}
	if err := sc.Err(); err != nil {
		return &annError{Path: path, Msg: err.Error()}
	}
	for _, d := range docs {
		if err := set.add(d); err != nil {
			return err
		}
	}
	return nil
}

func fileExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// describeErr is an OS error without the path the message already names.
func describeErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		if errors.Is(err, os.ErrNotExist) {
			return errors.New("no such file")
		}
		return pe.Err
	}
	return err
}

// sortSpans orders spans by section, start and end.
func sortSpans(sp []annSpan) {
	sort.SliceStable(sp, func(i, j int) bool {
		a, b := sp[i], sp[j]
		if a.Sec != b.Sec {
			return a.Sec < b.Sec
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
}
