package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// Options controls how inputs are read.
type Options struct {
	Format  Format    // FormatAuto (or "") detects each input's format
	Stdin   io.Reader // read for the input "-"
	PageKey string    // the JSON field naming a record's thread (page); "" for the usual names
}

// Expand turns the paths a user gave into files in a stable order: a directory is walked
// recursively in sorted order (hidden files and folders skipped). Paths that cannot be
// found are returned as errors in the order given, each naming the path, so that the rest
// can still be read.
func Expand(paths []string) (files []string, errs []error) {
	for _, p := range paths {
		if p == "-" {
			files = append(files, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &Error{Source: p, Err: describeOSError(err)})
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &Error{Source: path, Err: describeOSError(err)})
				return nil
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, &Error{Source: p, Err: err})
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, errs
}

func describeOSError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or directory")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadFile reads one input path ("-" for stdin) into its pages.
func ReadFile(path string, opt Options) ([]*Page, error) {
	var pages []*Page
	err := StreamFile(path, opt, func(p *Page) error {
		pages = append(pages, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return pages, nil
}

// headSize is how much of an input is looked at to detect its format before it is read.
const headSize = 1 << 20

// StreamFile reads one input path ("-" for stdin) and hands each page to fn as soon as it
// is read. JSON Lines are read line by line and each thread's page is handed on when the
// thread ends, so a dump of any size is read in the memory of its largest thread; other
// inputs are read whole. An error of fn stops the reading and is returned as is; an
// input that cannot be read gives an *Error, after the pages read before the problem.
func StreamFile(path string, opt Options, fn func(*Page) error) error {
	if path == "-" {
		if opt.Stdin == nil {
			return &Error{Source: path, Err: errors.New("no standard input")}
		}
		return streamReader(path, opt.Stdin, opt, fn)
	}
	f, err := os.Open(path)
	if err != nil {
		return &Error{Source: path, Err: describeOSError(err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() < headSize {
		// Most inputs are pages: read whole, into a buffer kept for the next file
		// (Decode copies the text out of it).
		return streamSmall(path, f, int(st.Size()), opt, fn)
	}
	return streamReader(path, f, opt, fn)
}

// readBufs holds the buffers small files are read into, for the next file.
var readBufs sync.Pool

// streamSmall is StreamFile for a regular file of size bytes, less than headSize.
func streamSmall(path string, f *os.File, size int, opt Options, fn func(*Page) error) error {
	bp, _ := readBufs.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	defer readBufs.Put(bp)
	if cap(*bp) < size+1 {
		*bp = make([]byte, 0, max(size+1, 64<<10))
	}
	// one byte more than the file, to see its end
	buf := (*bp)[:size+1]
	n, err := io.ReadFull(f, buf)
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
	case err != nil:
		return &Error{Source: path, Err: describeOSError(err)}
	default: // the file grew since it was looked at: read the rest as it comes
		return streamReader(path, io.MultiReader(bytes.NewReader(buf), f), opt, fn)
	}
	data := buf[:n]
	if streamsLines(path, data, opt.Format) {
		return streamLines(path, bufio.NewReader(bytes.NewReader(data)), opt, fn)
	}
	return emitParsed(path, data, opt, fn)
}

// streamReader is StreamFile for an input read from r: standard input, a large file.
func streamReader(path string, r io.Reader, opt Options, fn func(*Page) error) error {
	br := bufio.NewReaderSize(r, headSize)
	head, err := br.Peek(headSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return &Error{Source: path, Err: describeOSError(err)}
	}
	if streamsLines(path, head, opt.Format) {
		return streamLines(path, br, opt, fn)
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return &Error{Source: path, Err: describeOSError(err)}
	}
	return emitParsed(path, data, opt, fn)
}

// streamLines reads JSON Lines from br, a page per thread.
func streamLines(path string, br *bufio.Reader, opt Options, fn func(*Page) error) error {
	return streamJSONL(path, br, opt.PageKey, func(p *Page) error {
		p.Layout = fmt.Sprintf("jsonl: one record per comment, grouped by thread; %d comments", len(p.Comments))
		return fn(p)
	})
}

// emitParsed parses data, the whole input, and hands its pages to fn.
func emitParsed(path string, data []byte, opt Options, fn func(*Page) error) error {
	pages, err := parse(path, data, opt)
	if err != nil {
		return err
	}
	for _, p := range pages {
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

// streamsLines reports whether an input is JSON Lines that can be read line by line: UTF-8
// (or single-byte) text that is not empty, binary or UTF-16, which Decode handles whole.
func streamsLines(source string, head []byte, format Format) bool {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	// (a binary head is not streamed: looked at last, as Decode looks at it again)
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}),
		len(bytes.TrimSpace(head)) == 0:
		return false
	case format == FormatJSONL:
		return binaryKind(head) == ""
	case format == "" || format == FormatAuto:
		// JSON Lines by content start with "{": most inputs are told by a byte, without
		// the head as a string
		if ext := strings.ToLower(filepath.Ext(source)); ext != ".jsonl" && ext != ".ndjson" {
			if h := bytes.TrimSpace(head[:min(len(head), 2048)]); len(h) == 0 || h[0] != '{' {
				return false
			}
		}
		return detectMarkup(source, string(head)) == FormatJSONL && binaryKind(head) == ""
	}
	return false
}

// Parse reads the bytes of one input into pages. Most inputs give one page; JSON and JSON
// Lines give one page per source or thread their records name.
func Parse(source string, data []byte, format Format) ([]*Page, error) {
	return parse(source, data, Options{Format: format})
}

func parse(source string, data []byte, opt Options) ([]*Page, error) {
	format := opt.Format
	// The text is read where it lies in data, which may be a buffer the next file is
	// read into: it is made a string of its own only where a page keeps it whole, and
	// the page-text reader copies out the lines it keeps.
	view, owned, warns, err := decodeView(data)
	if err != nil {
		return nil, &Error{Source: source, Err: err}
	}
	text := func() string {
		if !owned {
			view, owned = strings.Clone(view), true
		}
		return view
	}
	var pages []*Page
	if format == "" || format == FormatAuto {
		format = detectMarkup(source, view)
		if format == "" {
			// Page text when it has comment blocks, plain text otherwise: parse once.
			p := readPageText(source, view, !owned)
			if len(p.Comments) == 0 {
				p = &Page{Source: source, Format: FormatPlain, Article: text(),
					Layout: "plain: no comment structure, the whole file is the article (" + strings.TrimPrefix(p.Layout, "text: ") + ")"}
			}
			return withWarnings([]*Page{p}, warns), nil
		}
	}
	switch format {
	case FormatHTML:
		var p *Page
		p, err = parseHTML(source, text())
		pages = []*Page{p}
	case FormatJSON, FormatJSONL:
		err = readJSON(source, text(), format == FormatJSONL, opt.PageKey, func(p *Page) error {
			if p.Layout == "" {
				p.Layout = fmt.Sprintf("%s: one record per comment, grouped by thread; %d comments", format, len(p.Comments))
			}
			pages = append(pages, p)
			return nil
		})
	case FormatPageText:
		pages = []*Page{readPageText(source, view, !owned)}
	case FormatPlain:
		pages = []*Page{{Source: source, Format: FormatPlain, Article: text(), Layout: "plain: read as one document (--input-format plain)"}}
	default:
		err = fmt.Errorf("unknown input format %q", format)
	}
	if err != nil {
		return nil, &Error{Source: source, Err: err}
	}
	return withWarnings(pages, warns), nil
}

// withWarnings puts the decoding warnings first on each page.
func withWarnings(pages []*Page, warns []Warning) []*Page {
	for _, p := range pages {
		if p != nil && len(warns) > 0 {
			p.Warnings = append(append([]Warning(nil), warns...), p.Warnings...)
		}
	}
	return pages
}

// Detect guesses the format of decoded text from its extension and content. Text that is
// neither markup nor JSON is page text when it has comment blocks, plain otherwise.
func Detect(source, text string) Format {
	if f := detectMarkup(source, text); f != "" {
		return f
	}
	if hasCommentBlocks(text) {
		return FormatPageText
	}
	return FormatPlain
}

// detectMarkup recognizes HTML, JSON and JSON Lines; "" for any other text.
func detectMarkup(source, text string) Format {
	ext := strings.ToLower(filepath.Ext(source))
	switch ext {
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".json":
		return FormatJSON
	}
	head := strings.TrimSpace(prefix(text, 2048))
	if head == "" || head[0] != '<' && head[0] != '[' && head[0] != '{' {
		return "" // every markup starts so: the page's text is not lowered to learn it
	}
	head = strings.ToLower(head)
	switch {
	case strings.HasPrefix(head, "<!doctype html"), strings.HasPrefix(head, "<html"),
		strings.HasPrefix(head, "<?xml") && strings.Contains(head, "<html"),
		strings.HasPrefix(head, "<") && (strings.Contains(head, "<body") || strings.Contains(head, "<head") || strings.Contains(head, "<div")):
		return FormatHTML
	case strings.HasPrefix(head, "["):
		return FormatJSON
	case strings.HasPrefix(head, "{"):
		// JSON Lines when the first line is a whole record.
		first, _, _ := strings.Cut(strings.TrimSpace(prefix(text, 1<<20)), "\n")
		if json.Valid([]byte(first)) {
			return FormatJSONL
		}
		return FormatJSON
	}
	return ""
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// Decode turns the bytes of an input into UTF-8 text. It strips a UTF-8 byte order mark,
// decodes UTF-16 with a byte order mark, reads text that is not UTF-8 as Windows-1252, and
// refuses empty and binary files. What it had to repair is returned as warnings.
func Decode(data []byte) (string, []Warning, error) {
	text, owned, warns, err := decodeView(data)
	if err == nil && !owned {
		text = strings.Clone(text)
	}
	return text, warns, err
}

// decodeView is Decode, but UTF-8 text is returned where it lies in data (owned false):
// valid only while data is not written to.
func decodeView(data []byte) (text string, owned bool, warns []Warning, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		if len(data) == 0 {
			return "", true, nil, errors.New("empty file")
		}
		return "", true, nil, errors.New("file holds only white space")
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		text, warns, err := decodeUTF16(data)
		return text, true, warns, err
	}
	if kind := binaryKind(data); kind != "" {
		return "", true, nil, fmt.Errorf("binary file (%s), not text: give a saved page, HTML, JSON or text file", kind)
	}
	if utf8.Valid(data) {
		return unsafe.String(unsafe.SliceData(data), len(data)), false, nil, nil
	}
	// Text with some valid multi-byte UTF-8 is UTF-8 with damage; text with none is a
	// legacy single-byte encoding, in practice Windows-1252.
	if hasMultibyteUTF8(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte{'\n'})
		return strings.ToValidUTF8(string(data), "\uFFFD"), true,
			[]Warning{{Line: line, Message: "invalid UTF-8: bad bytes replaced with U+FFFD"}}, nil
	}
	return decode1252(data), true, []Warning{{Line: 0, Message: "not UTF-8: read as Windows-1252"}}, nil
}

func decodeUTF16(data []byte) (string, []Warning, error) {
	big := data[0] == 0xFE
	data = data[2:]
	var warns []Warning
	if len(data)%2 == 1 {
		warns = append(warns, Warning{Message: "UTF-16 text has an odd number of bytes: last byte dropped"})
		data = data[:len(data)-1]
	}
	u := make([]uint16, len(data)/2)
	for i := range u {
		if big {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		} else {
			u[i] = uint16(data[2*i+1])<<8 | uint16(data[2*i])
		}
	}
	s := string(utf16.Decode(u))
	if strings.TrimSpace(s) == "" {
		return "", nil, errors.New("empty file")
	}
	if strings.ContainsRune(s, 0) {
		return "", nil, errors.New("binary file (NUL characters in UTF-16 text), not text")
	}
	return s, warns, nil
}

// binaryKind names a binary file type, or returns "" for text.
func binaryKind(data []byte) string {
	magic := []struct {
		prefix string
		name   string
	}{
		{"\x1f\x8b", "gzip"}, {"\x89PNG", "PNG image"}, {"\xff\xd8\xff", "JPEG image"},
		{"GIF8", "GIF image"}, {"%PDF", "PDF"}, {"PK\x03\x04", "zip archive"},
		{"BZh", "bzip2"}, {"\xfd7zXZ", "xz"}, {"\x28\xb5\x2f\xfd", "zstd"},
		{"\x7fELF", "executable"}, {"RIFF", "RIFF media"}, {"\x00\x00\x01\x00", "icon"},
	}
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.name
		}
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		return "video or image"
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return "NUL bytes"
	}
	ctrl := 0
	for _, b := range head {
		ctrl += int(controlByte[b])
	}
	if ctrl*20 > len(head) {
		return "control characters"
	}
	return ""
}

// controlByte is 1 for the control bytes binaryKind counts: below space, but for line
// ends, tab and form feed.
var controlByte = func() (t [256]uint8) {
	for b := 0; b < 0x20; b++ {
		if b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			t[b] = 1
		}
	}
	return t
}()

func hasMultibyteUTF8(data []byte) bool {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r != utf8.RuneError && n > 1 {
			return true
		}
		i += n
	}
	return false
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// cp1252 maps the bytes 0x80-0x9F of Windows-1252; the other high bytes are Latin-1.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

func decode1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}
