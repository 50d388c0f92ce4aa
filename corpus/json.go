package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// The JSON reader takes records, one per comment, from a JSON array, an object with a
// "comments" array, or JSON Lines. It reads back what `rxvoice comments --format jsonl`
// writes: records carry their page's source, and "comment": null marks the article.
//
// Dumps of forum comments (Reddit/Pushshift, Disqus, forum exports) hold many threads in
// one file: a record names its thread (threadFields, or Options.PageKey), each run of
// records of one thread becomes a page, and the page is handed on as soon as the thread
// changes, so memory holds one thread, not the file. A thread that comes back after
// others becomes another page with a warning: sorting the dump by thread avoids that.

// threadFields name a record's thread in other tools' exports, first present wins:
// Reddit's "link_id" (t3_xxx), Disqus's "thread", forum exports' "thread_id", and the
// page a scraper took the comment from.
var threadFields = []string{"link_id", "thread", "thread_id", "url", "page", "post_id"}

// strongThreadFields name a thread and nothing else; the others (a URL, a post id) may be
// a submission's own link.
var strongThreadFields = map[string]bool{"link_id": true, "thread": true, "thread_id": true}

// maxSplitWarnings is how many threads of one input are warned about, one by one, for
// coming back after other threads; the rest are counted in one last warning.
const maxSplitWarnings = 5

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
	thread    string // the thread key, normalized (normID); "" when none
	head      bool   // the thread's submission: its title and text are the page's
	titled    bool   // a head if it is the first record of its thread

	article      bool // "comment": null
	commentNo    int  // "comment": N, the index rxvoice gave it
	hasCommentNo bool
	warnings     []string
}

// parseJSON reads JSON (lines false) or JSON Lines (lines true) records into pages: one
// page per run of records of one source or thread, in input order, and one for the input
// itself (source) for records that name neither.
func parseJSON(source, text string, lines bool) ([]*Page, error) {
	var pages []*Page
	err := readJSON(source, text, lines, "", func(p *Page) error {
		pages = append(pages, p)
		return nil
	})
	return pages, err
}

// readJSON is parseJSON handing each page to emit as soon as it is complete. An error of
// emit stops the reading and is returned as is.
func readJSON(source, text string, lines bool, pageKey string, emit func(*Page) error) error {
	text = strings.TrimPrefix(text, "\ufeff")
	if !lines {
		// A leading object may turn out to be the first of JSON Lines: hold its pages
		// until that is known.
		var held []*Page
		r := &jsonReader{source: source, text: text, format: FormatJSON, pageKey: pageKey,
			emit: func(p *Page) error { held = append(held, p); return nil }}
		more, err := r.readDocument()
		if err != nil {
			return err
		}
		if !more {
			r.finish()
			for _, p := range held {
				if err := emit(p); err != nil {
					return err
				}
			}
			return nil
		}
		// An object followed by more: JSON Lines in a file named .json.
	}
	r := &jsonReader{source: source, format: FormatJSONL, pageKey: pageKey, emit: emit}
	r.readLines(bufio.NewReader(strings.NewReader(text)), false)
	return r.finish()
}

// streamJSONL reads JSON Lines from br line by line, handing on each page when its thread
// ends. The bytes are checked here, line by line, as Decode checks a whole input.
func streamJSONL(source string, br *bufio.Reader, pageKey string, emit func(*Page) error) error {
	r := &jsonReader{source: source, format: FormatJSONL, pageKey: pageKey, emit: emit}
	r.readLines(br, true)
	return r.finish()
}

type jsonReader struct {
	source  string
	text    string // the whole input, for JSON documents; JSON Lines are read from a reader
	format  Format
	pageKey string // Options.PageKey: the field naming a record's thread; "" for threadFields
	emit    func(*Page) error
	err     error // the first error of emit or of reading: stops the reading

	cur     *jsonPage      // the page being read
	seen    map[string]int // page identity -> line where it was first read
	emitted int
	pending []Warning // problems met before any page exists
	splits  int       // threads that came back after other threads
	atEnd   bool      // the input is read: the page being read is the last

	lineOff, lineNo int // lineAt's last answer, so that counting goes forward only
}

// jsonPage is a page being built, with what its comments' parent references need.
type jsonPage struct {
	page       *Page
	ident      string // the source it names, or the input and thread ("dump.jsonl#t3_a")
	thread     string // the normalized thread key; "" for a page named by source
	headID     string // the normalized id of the thread's submission, when read
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

// lineAt is the 1-based line of byte offset off. Records are read in order, so it counts
// on from its last answer.
func (r *jsonReader) lineAt(off int) int {
	if off > len(r.text) {
		off = len(r.text)
	}
	if off < r.lineOff {
		r.lineOff, r.lineNo = 0, 0
	}
	r.lineNo += strings.Count(r.text[r.lineOff:off], "\n")
	r.lineOff = off
	return 1 + r.lineNo
}

// readLines reads JSON Lines: a line that is not a JSON object is reported and skipped.
// When check is set the line's bytes are made valid UTF-8 first, with a warning.
func (r *jsonReader) readLines(br *bufio.Reader, check bool) {
	for n := 1; r.err == nil; n++ {
		b, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			r.err = &Error{Source: r.source, Line: n, Err: describeOSError(err)}
			return
		}
		if n == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		var repaired string
		if check && !utf8.Valid(b) {
			if hasMultibyteUTF8(b) {
				b, repaired = bytes.ToValidUTF8(b, []byte("\uFFFD")), "invalid UTF-8: bad bytes replaced with U+FFFD"
			} else {
				b, repaired = []byte(decode1252(b)), "not UTF-8: line read as Windows-1252"
			}
		}
		if l := bytes.TrimSpace(b); len(l) > 0 {
			r.addRecord(l, n, r.source)
			if repaired != "" {
				r.warnInput(n, repaired)
			}
		}
		if err == io.EOF {
			return
		}
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
	for dec.More() && r.err == nil {
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
	jp := r.pageFor(src, "", r.lineAt(start))
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

// pageFor returns the page being read when it is the one for this source or thread, and
// otherwise hands that page on and starts a new one. A page named by a source is the
// source itself; a thread's page is named by the input and the thread. A source or thread
// met again after others starts another page, with a warning.
func (r *jsonReader) pageFor(src, thread string, line int) *jsonPage {
	ident := src
	if thread != "" {
		ident = r.source + "#" + thread
	}
	if r.cur != nil && r.cur.ident == ident {
		return r.cur
	}
	r.flush()
	jp := &jsonPage{page: &Page{Source: ident, Format: r.format}, ident: ident, thread: thread,
		ids: map[string]int{}, numbers: map[int]int{}}
	jp.page.Warnings, r.pending = r.pending, nil
	if r.seen == nil {
		r.seen = map[string]int{}
	}
	if first, ok := r.seen[ident]; ok {
		r.splits++
		if r.splits <= maxSplitWarnings {
			what := "thread " + thread
			if thread == "" {
				what = "source " + src
			}
			r.warn(jp, line, fmt.Sprintf("%s comes back after other records (first read at line %d): read as another page; sort the input by thread to keep it on one page", what, first))
		}
	} else {
		r.seen[ident] = line
	}
	r.cur = jp
	return jp
}

// flush resolves the parent references of the page being read and hands it on.
func (r *jsonReader) flush() {
	jp := r.cur
	if jp == nil {
		return
	}
	r.cur = nil
	for _, ref := range jp.parents {
		r.resolveParent(jp, ref)
	}
	if r.emitted == 0 && jp.thread != "" && r.atEnd {
		// The only page of the input: named by the input, as a file of one thread
		// always was.
		jp.page.Source = r.source
	}
	r.emitted++
	if r.err == nil {
		r.err = r.emit(jp.page)
	}
}

// warnInput reports a problem at a line of the input not tied to a record's page: it goes
// on the page being read (or the first page made).
func (r *jsonReader) warnInput(line int, msg string) {
	if r.cur == nil {
		r.pending = append(r.pending, r.warning(r.source, line, msg))
		return
	}
	r.warn(r.cur, line, msg)
}

// warn adds a warning about a line of the input to a page. The line is the input's, so on a
// page from another source it is named in the message instead.
func (r *jsonReader) warn(jp *jsonPage, line int, msg string) {
	src := jp.page.Source
	if jp.thread != "" {
		src = r.source
	}
	jp.page.Warnings = append(jp.page.Warnings, r.warning(src, line, msg))
}

func (r *jsonReader) warning(pageSource string, line int, msg string) Warning {
	if pageSource == r.source {
		return Warning{Line: line, Message: msg}
	}
	return Warning{Message: fmt.Sprintf("%s:%d: %s", r.source, line, msg)}
}

func (r *jsonReader) addRecord(raw json.RawMessage, line int, defaultSource string) {
	if r.err != nil {
		return
	}
	rec, ok := r.decodeRecord(raw, line)
	if !ok {
		return
	}
	src := defaultSource
	if rec.hasSource {
		src = rec.source
	}
	jp := r.pageFor(src, rec.thread, line)
	if rec.titled && !jp.hasArticle && len(jp.page.Comments) == 0 {
		rec.head = true
	}
	for _, w := range rec.warnings {
		r.warn(jp, line, w)
	}
	if rec.title != "" && (jp.page.Title == "" || rec.head) {
		jp.page.Title = rec.title
	}
	if rec.article || rec.head {
		if jp.hasArticle {
			r.warn(jp, line, "a second article record: its text is added to the article")
			jp.page.Article += "\n\n" + rec.text
		} else {
			jp.page.Article = rec.text
		}
		jp.hasArticle = true
		if rec.head && jp.headID == "" {
			jp.headID = normID(rec.id)
		}
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
	// An id is found as written and without a kind prefix: parent "t1_x" names id "x",
	// and parent "t1_t1_x" id "t1_x".
	for _, id := range [2]string{strings.TrimSpace(rec.id), normID(rec.id)} {
		if _, dup := jp.ids[id]; !dup && id != "" {
			jp.ids[id] = c.Index
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
		var se *json.SyntaxError
		if errors.As(err, &se) || !json.Valid(raw) {
			r.warnInput(line, fmt.Sprintf("not a JSON record (%s); line skipped", jsonProblem(err)))
		} else {
			r.warnInput(line, "record is not a JSON object; skipped")
		}
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
	useAlias(f, "text", "body", "content", "message", "review", "comment_text", "selftext")
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
	if !rec.hasSource || r.pageKey != "" {
		rec.hasSource = false
		r.readThread(&rec, f)
	}

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

// readThread finds the thread a record belongs to, and whether it is the thread's
// submission: a record whose id is its thread's key, a Reddit submission (a "selftext" and
// no thread of its own: its id names the thread its comments give as link_id "t3_<id>"),
// or, in a thread named by a thread field, a first record with a title and no parent.
func (r *jsonReader) readThread(rec *jsonRecord, f map[string]json.RawMessage) {
	field := ""
	if r.pageKey != "" {
		if k, ok := jsonKey(f[r.pageKey]); ok {
			rec.thread, field = k, r.pageKey
		}
	} else {
		for _, name := range threadFields {
			if k, ok := jsonKey(f[name]); ok {
				rec.thread, field = k, name
				break
			}
		}
	}
	rec.thread = normID(rec.thread)
	if (len(rec.parent) > 0 && string(bytes.TrimSpace(rec.parent)) != "null") || rec.article {
		return
	}
	strong := strongThreadFields[field] || (r.pageKey != "" && field != "")
	id := normID(rec.id)
	_, selftext := f["selftext"]
	switch {
	case id != "" && rec.thread == id:
		rec.head = true
	case id != "" && selftext && !strong:
		rec.thread, rec.head = id, true
	case strong && rec.title != "":
		rec.titled = true // the thread's submission if it comes first
	}
}

// jsonKey reads a thread key: a string or number, or an object's "id" (Disqus gives the
// thread as an object when asked for its details).
func jsonKey(v json.RawMessage) (string, bool) {
	s, ok := jsonScalar(v)
	if !ok && len(v) > 0 {
		var obj struct {
			ID json.RawMessage `json:"id"`
		}
		if json.Unmarshal(v, &obj) == nil {
			s, ok = jsonScalar(obj.ID)
		}
	}
	s = strings.TrimSpace(s)
	return s, ok && s != ""
}

// normID drops Reddit's kind prefix ("t1_" a comment, "t3_" a submission) so that a
// comment's link_id "t3_abc" names the submission whose id is "abc".
func normID(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 3 && s[0] == 't' && s[1] >= '1' && s[1] <= '9' && s[2] == '_' {
		return s[3:]
	}
	return s
}

// finish hands on the last page. Input with no records still gives its page, carrying any
// warnings. It returns the first error of emit.
func (r *jsonReader) finish() error {
	if r.err != nil {
		return r.err
	}
	if r.emitted == 0 && r.cur == nil {
		jp := r.pageFor(r.source, "", 0)
		if len(jp.page.Warnings) == 0 {
			jp.page.Warnings = append(jp.page.Warnings, Warning{Message: "no records"})
		}
	}
	if n := r.splits - maxSplitWarnings; n > 0 && r.cur != nil {
		r.cur.page.Warnings = append(r.cur.page.Warnings, Warning{Message: fmt.Sprintf(
			"%d more threads came back after other records and were read as more pages; sort the input by thread to keep each on one page", n)})
	}
	r.atEnd = true
	r.flush()
	return r.err
}

// resolveParent reads a parent reference. rxvoice's own records give the parent's comment
// number; other records give an id, or an index when no record has that id.
func (r *jsonReader) resolveParent(jp *jsonPage, ref jsonParent) {
	c := &jp.page.Comments[ref.index]
	target, found := -1, false
	if n, isNum := jsonInt(ref.ref); isNum && ref.byNumb {
		target, found = jp.numbers[n]
	} else if s, ok := jsonScalar(ref.ref); ok {
		s = normID(s)
		if s != "" && (s == jp.thread || s == jp.headID) {
			return // a reply to the submission: a top-level comment
		}
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
	// Records are valid JSON: a string without escapes is its bytes.
	if n := len(v); n >= 2 && v[0] == '"' && v[n-1] == '"' && bytes.IndexByte(v[1:n-1], '\\') < 0 && bytes.IndexByte(v[1:n-1], '"') < 0 {
		return string(v[1 : n-1]), true
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
