package cmd

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rxvoice/rxvoice/corpus"
)

// placement maps the byte offsets of a page's sections (what mentions print) to offsets
// in the text of the file the page was read from, counted in code points as brat counts
// them. A plain text file is one section that is the file; a page of text has comments
// whose lines are the file's lines, trimmed, with non-breaking spaces read as spaces and
// furniture between them left out, so each line of a section is found in the file in
// order. HTML and JSON texts are not in their files as written: they are not placed.
type placement struct {
	secs  map[int][]linePlace // by comment index, -1 for the article
	texts map[int]string      // each section's text, by the same key
}

// linePlace is where one line of a section is in the file: the line's first byte in the
// section and its first code point in the file.
type linePlace struct{ sec, file int }

// placePage finds each section of p in text, the decoded file p was read from. It
// reports false when a line of a section is not in the file, in order, as a whole line.
func placePage(p *corpus.Page, text string) (*placement, bool) {
	file := []rune(text)
	for i, r := range file {
		if r == '\u00a0' {
			file[i] = ' '
		}
	}
	pl := &placement{secs: map[int][]linePlace{}, texts: map[int]string{}}
	at := 0 // the file's code point where the next line is looked for
	for _, s := range p.Sections() {
		key := -1
		if s.Comment != nil {
			key = s.Comment.Index
		}
		st := s.Text()
		pl.texts[key] = st
		var lines []linePlace
		for from := 0; from <= len(st); {
			end := strings.IndexByte(st[from:], '\n')
			if end < 0 {
				end = len(st)
			} else {
				end += from
			}
			line := strings.TrimSuffix(st[from:end], "\r")
			if strings.TrimSpace(line) != "" {
				want := []rune(strings.ReplaceAll(line, "\u00a0", " "))
				k := findLine(file, at, want)
				if k < 0 {
					return nil, false
				}
				lines = append(lines, linePlace{sec: from, file: k})
				at = k + len(want)
			}
			from = end + 1
		}
		pl.secs[key] = lines
	}
	return pl, true
}

// findLine is the first k >= from where want is in file as a whole line, less white
// space around it; -1 when there is none.
func findLine(file []rune, from int, want []rune) int {
	if len(want) == 0 {
		return -1
	}
	for k := from; k+len(want) <= len(file); k++ {
		j := slices.Index(file[k:len(file)-len(want)+1], want[0])
		if j < 0 {
			return -1
		}
		k += j
		if !slices.Equal(file[k:k+len(want)], want) {
			continue
		}
		if lineEdge(file[:k], true) && lineEdge(file[k+len(want):], false) {
			return k
		}
	}
	return -1
}

// lineEdge reports whether rs holds only white space back to (before) or on to (after)
// a line break or the end of the text.
func lineEdge(rs []rune, before bool) bool {
	for i := range rs {
		r := rs[i]
		if before {
			r = rs[len(rs)-1-i]
		}
		if r == '\n' || r == '\r' {
			return true
		}
		if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			return false
		}
	}
	return true
}

// span maps the byte span [start, end) of the text of section sec (a comment index, -1
// for the article) to code points in the file.
func (pl *placement) span(sec, start, end int) (int, int, bool) {
	lines, text := pl.secs[sec], pl.texts[sec]
	if len(lines) == 0 || start < 0 || end < start || end > len(text) {
		return 0, 0, false
	}
	at := func(b int) int {
		i := 0
		for i+1 < len(lines) && lines[i+1].sec <= b {
			i++
		}
		l := lines[i]
		if b < l.sec {
			return l.file
		}
		return l.file + utf8.RuneCountInString(text[l.sec:b])
	}
	s, e := at(start), at(start)
	if end > start {
		// the end is one past the last character, which may take several bytes
		_, n := utf8.DecodeLastRuneInString(text[start:end])
		e = at(end-n) + 1
	}
	return s, e, true
}
