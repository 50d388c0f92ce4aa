package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// The JSON reader takes records, one per comment, from a JSON array, an object with a
// "comments" array, or JSON Lines. It reads back what `rxvoice comments --format jsonl`
// writes: records carry their page's source, and "comment": null marks the article.

// jsonRecord is one record as read, before it is placed on its page.
type jsonRecord struct {
	line int // 1-based line where the record starts

	text      string
	hasText   bool
	author    string
	posted    time.Time
	postedRaw string
	id        string
	parent    json.RawMessage // number, string or null
	source    string
	hasSource bool
	title     string

	article      bool // "comment": null
	commentNo    int  // "comment": N, the index rxvoice gave it
	hasCommentNo bool
	warnings     []string
}

// parseJSON reads JSON (lines false) or JSON Lines (lines true) records into pages: one
// page per source the records name, in the order they first appear, and one for the input
// itself (source) for records that name none.
func parseJSON(source, text string, lines bool) ([]*Page, error) {
	text = strings.TrimPrefix(text, "\ufeff")
	r := &jsonReader{source: source, text: text, format: FormatJSON}
	if !lines {
		more, err := r.readDocument()
		if err != nil {
			return nil, err
		}
		if !more {
			return r.finish(), nil
		}
		// An object followed by more: JSON Lines in a file named .json.
		r = &jsonReader{source: source, text: text}
	}
	r.format = FormatJSONL
	r.readLines()
	return r.finish(), nil
}

type jsonReader struct {
	source string
	text   string
	format Format

	pages   []*jsonPage
	bySrc   map[string]*jsonPage
	last    *jsonPage
	pending []Warning // problems met before any page exists
}

// jsonPage is a page being built, with what its comments' parent references need.
type jsonPage struct {
	page       *Page
	hasArticle bool
	ids        map[string]int // comment id -> index
	numbers    map[int]int    // rxvoice comment number -> index
	parents    []jsonParent
}

type jsonParent struct {
	index  int
	line   int
	ref    json.RawMessage
	byNumb bool // the record is rxvoice's own: a number is a comment number, not an id
}

// lineAt is the 1-based line of byte offset off.
func (r *jsonReader) lineAt(off int) int {
	if off > len(r.text) {
		off = len(r.text)
	}
	return 1 + strings.Count(r.text[:off], "\n")
}

// readLines reads JSON Lines: a line that is not a JSON object is reported and skipped.
func (r *jsonReader) readLines() {
	n := 0
	for rest := r.text; rest != ""; {
		var l string
		l, rest, _ = strings.Cut(rest, "\n")
		n++
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		var raw json.RawMessage
		if err := json.Unmarshal([]byte(l), &raw); err != nil {
			r.warnInput(n, fmt.Sprintf("not a JSON record (%s); line skipped", jsonProblem(err)))
			continue
		}
		r.addRecord(raw, n, r.source)
	}
}

// readDocument reads a JSON array of records or an object with a "comments" array. The
// decoder is driven token by token so that each record knows its line. It reports whether
// an object is followed by more JSON, as in JSON Lines.
func (r *jsonReader) readDocument() (more bool, err error) {
	dec := json.NewDecoder(strings.NewReader(r.text))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return false, r.syntaxError(dec, err)
	}
	switch tok {
	case json.Delim('['):
		complete, err := r.readArray(dec, r.source)
		if err != nil || !complete {
			return false, err
		}
	case json.Delim('{'):
		if err := r.readObject(dec); err != nil {
			return false, err
		}
		if dec.More() {
			return true, nil
		}
	default:
		return false, &Error{Source: r.source, Line: 1,
			Err: errors.New("want a JSON array of records or an object with a \"comments\" array")}
	}
	if _, err := dec.Token(); err != io.EOF {
		r.warnInput(r.lineAt(int(dec.InputOffset())), "text after the JSON value is ignored")
	}
	return false, nil
}

// readArray reads records up to the closing bracket and reports whether it got there. A
// syntax error after some records keeps them and is reported; one before any is an error.
func (r *jsonReader) readArray(dec *json.Decoder, src string) (bool, error) {
	read := 0
	for dec.More() {
		start := r.skipSpace(int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if read == 0 {
				return false, r.syntaxError(dec, err)
			}
			r.warnInput(r.lineAt(start), fmt.Sprintf("JSON breaks off (%s); the record at this line and any after it are not read", jsonProblem(err)))
			return false, nil
		}
		read++
		r.addRecord(raw, r.lineAt(start), src)
	}
	if _, err := dec.Token(); err != nil { // the closing bracket
		r.warnInput(r.lineAt(int(dec.InputOffset())), fmt.Sprintf("JSON breaks off at the end (%s)", jsonProblem(err)))
		return false, nil
	}
	return true, nil
}

// readObject reads {"title": ..., "article": ..., "comments": [...]}, or an object that
// is itself one record.
func (r *jsonReader) readObject(dec *json.Decoder) error {
	start := r.skipSpace(0)
	fields := map[string]json.RawMessage{}
	var comments []json.RawMessage
	var commentLines []int
	hasComments := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return r.syntaxError(dec, err)
		}
		key, _ := tok.(string)
		if key == "comments" {
			t, err := dec.Token()
			if err != nil {
				return r.syntaxError(dec, err)
			}
			if t != json.Delim('[') {
				if t == nil { // "comments": null
					continue
				}
				return &Error{Source: r.source, Line: r.lineAt(int(dec.InputOffset())), Err: errors.New(`"comments" is not an array`)}
			}
			hasComments = true
			for dec.More() {
				at := r.skipSpace(int(dec.InputOffset()))
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					return r.syntaxError(dec, err)
				}
				comments = append(comments, raw)
				commentLines = append(commentLines, r.lineAt(at))
			}
			if _, err := dec.Token(); err != nil {
				return r.syntaxError(dec, err)
			}
			continue
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return r.syntaxError(dec, err)
		}
		fields[key] = raw
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return r.syntaxError(dec, err)
	}
	_, hasArticle := fields["article"]
	_, hasTitle := fields["title"]
	if !hasComments && !hasArticle && !hasTitle {
		// A single record.
		whole, err := json.Marshal(fields)
		if err != nil {
			return &Error{Source: r.source, Err: err}
		}
		r.addRecord(whole, r.lineAt(start), r.source)
		return nil
	}
	src := r.source
	if s, ok := jsonString(fields["source"]); ok && strings.TrimSpace(s) != "" {
		src = s
	}
	jp := r.pageFor(src)
	if s, ok := jsonString(fields["title"]); ok {
		jp.page.Title = s
	}
	article, ok := jsonString(fields["article"])
	if !ok {
		article, ok = jsonString(fields["text"])
	}
	if ok {
		jp.page.Article = article
		jp.hasArticle = true
	}
	for i, raw := range comments {
		r.addRecord(raw, commentLines[i], src)
	}
	return nil
}

func (r *jsonReader) skipSpace(off int) int {
	for off < len(r.text) {
		switch r.text[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

// syntaxError is an input that is not JSON, with the line where it goes wrong.
func (r *jsonReader) syntaxError(dec *json.Decoder, err error) error {
	line := r.lineAt(int(dec.InputOffset()))
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line = r.lineAt(int(se.Offset))
	}
	return &Error{Source: r.source, Line: line, Err: fmt.Errorf("not valid JSON: %s", jsonProblem(err))}
}

// jsonProblem words a JSON error without the package prefix.
func jsonProblem(err error) string {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of input"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// pageFor returns the page for a source, creating it in first-appearance order.
func (r *jsonReader) pageFor(src string) *jsonPage {
	if r.bySrc == nil {
		r.bySrc = map[string]*jsonPage{}
	}
	jp, ok := r.bySrc[src]
	if !ok {
		jp = &jsonPage{page: &Page{Source: src, Format: r.format}, ids: map[string]int{}, numbers: map[int]int{}}
		r.bySrc[src] = jp
		r.pages = append(r.pages, jp)
		jp.page.Warnings = append(jp.page.Warnings, r.pending...)
		r.pending = nil
	}
	r.last = jp
	return jp
}

// warnInput reports a problem at a line of the input not tied to a record's page: it goes
// on the page last read (or the first page made).
func (r *jsonReader) warnInput(line int, msg string) {
	if r.last == nil {
		r.pending = append(r.pending, r.warning(r.source, line, msg))
		return
	}
	r.warn(r.last, line, msg)
}

// warn adds a warning about a line of the input to a page. The line is the input's, so on a
// page from another source it is named in the message instead.
func (r *jsonReader) warn(jp *jsonPage, line int, msg string) {
	jp.page.Warnings = append(jp.page.Warnings, r.warning(jp.page.Source, line, msg))
}

func (r *jsonReader) warning(pageSource string, line int, msg string) Warning {
	if pageSource == r.source {
		return Warning{Line: line, Message: msg}
	}
	return Warning{Message: fmt.Sprintf("%s:%d: %s", r.source, line, msg)}
}

func (r *jsonReader) addRecord(raw json.RawMessage, line int, defaultSource string) {
	rec, ok := r.decodeRecord(raw, line)
	if !ok {
		return
	}
	src := defaultSource
	if rec.hasSource {
		src = rec.source
	}
	jp := r.pageFor(src)
	for _, w := range rec.warnings {
		r.warn(jp, line, w)
	}
	if rec.title != "" && jp.page.Title == "" {
		jp.page.Title = rec.title
	}
	if rec.article {
		if jp.hasArticle {
			r.warn(jp, line, "a second article record: its text is added to the article")
			jp.page.Article += "\n\n" + rec.text
		} else {
			jp.page.Article = rec.text
		}
		jp.hasArticle = true
		return
	}
	c := Comment{
		Index:     len(jp.page.Comments),
		ID:        rec.id,
		Author:    rec.author,
		Posted:    rec.posted,
		PostedRaw: rec.postedRaw,
		Parent:    -1,
		Text:      rec.text,
	}
	if !rec.hasText {
		r.warn(jp, line, fmt.Sprintf("comment %d has no \"text\"; kept with its author and date", c.Index))
	} else if strings.TrimSpace(rec.text) == "" {
		r.warn(jp, line, fmt.Sprintf("comment %d has empty text", c.Index))
	}
	if rec.id != "" {
		if _, dup := jp.ids[rec.id]; !dup {
			jp.ids[rec.id] = c.Index
		}
	}
	if rec.hasCommentNo {
		if _, dup := jp.numbers[rec.commentNo]; !dup {
			jp.numbers[rec.commentNo] = c.Index
		}
	}
	if len(rec.parent) > 0 && string(rec.parent) != "null" {
		jp.parents = append(jp.parents, jsonParent{index: c.Index, line: line, ref: rec.parent, byNumb: rec.hasCommentNo})
	}
	jp.page.Comments = append(jp.page.Comments, c)
}

// decodeRecord reads the fields of one record. It reports false, with a warning, for a
// value that is not an object.
func (r *jsonReader) decodeRecord(raw json.RawMessage, line int) (jsonRecord, bool) {
	rec := jsonRecord{line: line}
	var f map[string]json.RawMessage
	if err := json.Unmarshal(raw, &f); err != nil || f == nil {
		r.warnInput(line, "record is not a JSON object; skipped")
		return rec, false
	}
	if v, ok := f["source"]; ok {
		if s, ok := jsonString(v); ok {
			rec.source, rec.hasSource = s, true
		}
	}
	if v, ok := f["comment"]; ok {
		switch n, isNum := jsonInt(v); {
		case string(bytes.TrimSpace(v)) == "null":
			rec.article = true
		case isNum:
			rec.commentNo, rec.hasCommentNo = n, true
		}
	}
	// Other tools name the fields their own way: Reddit's "body", "content", "message",
	// "created_utc", "timestamp", "parent_id".
	useAlias(f, "text", "body", "content", "message", "review", "comment_text")
	if _, ok := f["date"]; !ok {
		useAlias(f, "posted", "created_utc", "created_at", "created", "timestamp", "time", "published")
	}
	useAlias(f, "parent", "parent_id")
	if v, ok := f["text"]; ok {
		if s, ok := jsonScalar(v); ok {
			rec.text, rec.hasText = s, true
		} else if string(bytes.TrimSpace(v)) != "null" {
			rec.warnings = append(rec.warnings, `"text" is not a string; read as empty`)
		}
	}
	rec.author = jsonAuthor(f["author"])
	rec.title, _ = jsonString(f["title"])
	rec.id, _ = jsonScalar(f["id"])
	rec.parent = f["parent"]

	rawPosted, hasRaw := jsonString(f["posted_raw"])
	posted, hasPosted := f["posted"]
	if !hasPosted {
		posted, hasPosted = f["date"]
	}
	value := ""
	if hasPosted {
		if s, ok := jsonString(posted); ok {
			value = s
			if t, ok := readStamp(s); ok {
				rec.posted = t
			} else if strings.TrimSpace(s) != "" {
				rec.warnings = append(rec.warnings, fmt.Sprintf("cannot read the date %q; kept as written", s))
			}
		} else if secs, ok := jsonFloat(posted); ok && math.Abs(secs) < 1e15 {
			// A Unix time, in seconds or milliseconds.
			value = string(bytes.TrimSpace(posted))
			if math.Abs(secs) > 1e11 {
				secs /= 1000
			}
			rec.posted = time.Unix(int64(secs), 0).UTC()
		}
	} else if hasRaw {
		if t, ok := readStamp(rawPosted); ok {
			rec.posted = t
		}
	}
	if hasRaw {
		rec.postedRaw = rawPosted
	} else {
		rec.postedRaw = value
	}
	return rec, true
}

// useAlias gives a record without the field name the first of aliases it has.
func useAlias(f map[string]json.RawMessage, name string, aliases ...string) {
	if _, ok := f[name]; ok {
		return
	}
	for _, a := range aliases {
		if v, ok := f[a]; ok {
			f[name] = v
			return
		}
	}
}

// finish resolves parent references and returns the pages. Input with no records still
// gives its page, carrying any warnings.
func (r *jsonReader) finish() []*Page {
	if len(r.pages) == 0 {
		jp := r.pageFor(r.source)
		if len(jp.page.Warnings) == 0 {
			jp.page.Warnings = append(jp.page.Warnings, Warning{Message: "no records"})
		}
	}
	out := make([]*Page, 0, len(r.pages))
	for _, jp := range r.pages {
		for _, ref := range jp.parents {
			r.resolveParent(jp, ref)
		}
		out = append(out, jp.page)
	}
	return out
}

// resolveParent reads a parent reference. rxvoice's own records give the parent's comment
// number; other records give an id, or an index when no record has that id.
func (r *jsonReader) resolveParent(jp *jsonPage, ref jsonParent) {
	c := &jp.page.Comments[ref.index]
	target, found := -1, false
	if n, isNum := jsonInt(ref.ref); isNum && ref.byNumb {
		target, found = jp.numbers[n]
	} else if s, ok := jsonScalar(ref.ref); ok {
		s = strings.TrimSpace(s)
		if target, found = jp.ids[s]; !found {
			if n, err := strconv.Atoi(s); err == nil {
				target, found = n, true
				if i, ok := jp.numbers[n]; ok {
					target = i
				}
			}
		}
	}
	switch {
	case !found:
		r.warn(jp, ref.line, fmt.Sprintf("comment %d: parent %s is not a comment on this page; read as no parent", ref.index, ref.ref))
	case target < 0 || target >= ref.index:
		r.warn(jp, ref.line, fmt.Sprintf("comment %d: parent %s does not come before it; read as no parent", ref.index, ref.ref))
	default:
		c.Parent = target
	}
}

func jsonString(v json.RawMessage) (string, bool) {
	if len(v) == 0 {
		return "", false
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return "", false
	}
	return s, true
}

// jsonScalar reads a string, or a number as written.
func jsonScalar(v json.RawMessage) (string, bool) {
	if s, ok := jsonString(v); ok {
		return s, true
	}
	if _, ok := jsonFloat(v); ok {
		return string(bytes.TrimSpace(v)), true
	}
	return "", false
}

func jsonFloat(v json.RawMessage) (float64, bool) {
	t := bytes.TrimSpace(v)
	if len(t) == 0 || (t[0] != '-' && (t[0] < '0' || t[0] > '9')) {
		return 0, false
	}
	var f float64
	if err := json.Unmarshal(t, &f); err != nil {
		return 0, false
	}
	return f, true
}

func jsonInt(v json.RawMessage) (int, bool) {
	f, ok := jsonFloat(v)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<40 {
		return 0, false
	}
	return int(f), true
}

// jsonAuthor reads an author: a string or an object with a name.
func jsonAuthor(v json.RawMessage) string {
	if s, ok := jsonString(v); ok {
		return s
	}
	var obj struct {
		Name json.RawMessage `json:"name"`
	}
	if len(v) > 0 && json.Unmarshal(v, &obj) == nil {
		s, _ := jsonString(obj.Name)
		return s
	}
	return ""
}
