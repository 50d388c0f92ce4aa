package cmd

import (
	"io"
	"strings"
	"unicode"
)

// grepWriter writes mentions the way grep and ripgrep write matches, one line each:
// where the mention is, the mention inside a window of its sentence (highlighted in
// colour, or between [ ] without colour), then its concept and context. On a terminal
// (compact) each page's name is a heading over its lines, which start with the comment
// ("12:", "article:"), and the window is cut at word boundaries to fit the width;
// --wide, and output piped with --color always, give each line its source:comment and
// the whole sentence.
type grepWriter struct {
	out     io.Writer
	width   int  // terminal width
	compact bool // fit the width, headings
	color   bool
	source  string // the page of the lines in buf
	buf     []mentionTableRow
	// Cut says whether a sentence or context was cut (compact).
	Cut bool
}

// ANSI colours, as grep's defaults: file name magenta, line number green, separator
// cyan, match bold red.
const (
	sgrReset   = "\x1b[0m"
	sgrSource  = "\x1b[35m"
	sgrNumber  = "\x1b[32m"
	sgrSep     = "\x1b[36m"
	sgrMatch   = "\x1b[1;31m"
	sgrConcept = "\x1b[1m"
	sgrContext = "\x1b[2m"
)

func newGrepWriter(out io.Writer, width int, compact, color bool) *grepWriter {
	if width <= 0 {
		width = defaultWidth
	}
	return &grepWriter{out: out, width: width, compact: compact, color: color}
}

func (g *grepWriter) Write(r Row) error {
	m, ok := r.(mentionTableRow)
	if !ok {
		return nil // a section record (--sections): the view has no line for it
	}
	if m.Source != g.source {
		if err := g.flush(); err != nil {
			return err
		}
		g.source = m.Source
	}
	g.buf = append(g.buf, m)
	return nil
}

func (g *grepWriter) Close() error { return g.flush() }

func (g *grepWriter) paint(sgr, s string) string {
	if !g.color || s == "" {
		return s
	}
	return sgr + s + sgrReset
}

// where is a line's comment: its number, or "article".
func where(m mentionTableRow) string {
	if m.Comment == nil {
		return "article"
	}
	return intOrEmpty(m.Comment)
}

// concept is what the line names after the window: the concept, or the type of a
// dose, duration or frequency.
func (m mentionTableRow) conceptCell() string {
	if m.Concept != "" {
		return m.Concept
	}
	return m.Type
}

// grepContext is the context of the line: what changes how the mention reads first
// (negated, someone else's, hypothetical), then its role or status, dose or length, and
// "→ drug" when it is linked to one.
func (m mentionTableRow) grepContext() string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if m.Negated != nil && *m.Negated {
		add("negated")
	}
	if m.Experiencer == "other" {
		add("other person")
	}
	if m.Certainty == "hypothetical" {
		add("hypothetical")
	}
	switch m.Type {
	case "symptom":
		add(m.Role)
		add(m.Severity)
	case "drug":
		add(m.Status)
	case "dose":
		add(strings.TrimSpace(floatCell(m.Value) + " " + m.Unit))
	case "frequency":
		add(m.Frequency)
	case "duration":
		if m.Days != nil {
			d := humanDays(*m.Days)
			if m.Ago {
				d += " ago"
			}
			add(d)
		}
	}
	ctx := strings.Join(parts, ", ")
	if m.Drug != "" {
		ctx = strings.TrimSpace(ctx + " → " + m.Drug)
	}
	return ctx
}

// maxConceptWidth and maxContextWidth bound the concept and context columns of the
// compact view, which leaves at least half the line to the sentence.
const (
	maxConceptWidth = 22
	maxContextWidth = 30
)

// flush writes the lines of one page, aligned.
func (g *grepWriter) flush() error {
	if len(g.buf) == 0 {
		return nil
	}
	var b strings.Builder
	prefixW, windowWant := 0, 0
	conceptWant, conceptLeast, ctxWant := 0, 0, 0
	for _, m := range g.buf {
		p := where(m) + ":"
		if !g.compact {
			p = m.Source + ":" + p
		}
		prefixW = max(prefixW, cellWidth(p))
		windowWant = max(windowWant, cellWidth(oneLine(m.Sentence))+2)
		c, x := m.conceptCell(), m.grepContext()
		conceptWant, conceptLeast = max(conceptWant, cellWidth(c)), max(conceptLeast, minCellWidth(c))
		ctxWant = max(ctxWant, cellWidth(x))
	}
	var windowW, conceptW, ctxW int
	if g.compact {
		h, cut := clipWords(oneLine(g.source), g.width)
		g.Cut = g.Cut || cut
		b.WriteString(g.paint(sgrSource, h) + "\n")
		// The sentence gets at least half of what the prefix leaves, concept and
		// context their widest cells up to their bounds, or the first word of each.
		rest := g.width - prefixW - 3*termGap
		conceptW = min(conceptWant, maxConceptWidth)
		ctxW = min(ctxWant, maxContextWidth)
		windowW = min(windowWant, max(rest/2, rest-conceptW-ctxW))
		left := rest - windowW
		conceptW = min(conceptW, max(left-ctxW, left/2, conceptLeast))
		ctxW = max(min(ctxW, left-conceptW), 0)
		windowW = rest - conceptW - ctxW
	}
	for _, m := range g.buf {
		var l strings.Builder
		pw := cellWidth(where(m)) + 1
		if !g.compact {
			pw += cellWidth(m.Source) + 1
			l.WriteString(g.paint(sgrSource, m.Source) + g.paint(sgrSep, ":"))
		}
		l.WriteString(g.paint(sgrNumber, where(m)) + g.paint(sgrSep, ":"))
		l.WriteString(strings.Repeat(" ", prefixW-pw+termGap))
		window, ww := g.window(m, windowW)
		l.WriteString(window)
		concept, ctx := m.conceptCell(), m.grepContext()
		if g.compact {
			l.WriteString(strings.Repeat(" ", max(windowW-ww, 0)+termGap))
			var cut bool
			concept, cut = clipWords(concept, conceptW)
			g.Cut = g.Cut || cut
			if cut, ctx = g.clipContext(ctx, ctxW); cut {
				g.Cut = true
			}
			l.WriteString(g.paint(sgrConcept, concept))
			l.WriteString(strings.Repeat(" ", max(conceptW-cellWidth(concept), 0)+termGap))
		} else {
			l.WriteString(strings.Repeat(" ", termGap) + g.paint(sgrConcept, concept) + strings.Repeat(" ", termGap))
		}
		l.WriteString(g.paint(sgrContext, ctx))
		b.WriteString(strings.TrimRightFunc(l.String(), unicode.IsSpace) + "\n")
	}
	g.buf = g.buf[:0]
	_, err := io.WriteString(g.out, b.String())
	return err
}

// clipContext fits a context into w cells at a word boundary, preferring a whole item
// ("other person,"); when not even its first word fits it is left out ("…" in its place).
func (g *grepWriter) clipContext(ctx string, w int) (bool, string) {
	if cellWidth(ctx) <= w {
		return false, ctx
	}
	first, _, _ := strings.Cut(ctx, " ")
	if cellWidth(strings.TrimRight(first, listPunct))+cellWidth(ellipsis) > w {
		if w >= cellWidth(ellipsis) {
			return true, ellipsis
		}
		return true, ""
	}
	c, _ := clipAt(ctx, w, ",")
	return true, c
}

// window is the mention inside its sentence, in at most w cells (compact), cut at word
// boundaries with "…"; it returns the text and its width in cells.
func (g *grepWriter) window(m mentionTableRow, w int) (string, int) {
	// Where the mention is not found in its sentence, it stands before it.
	before, match, after := "", m.Text, " "+m.Sentence
	if m.At >= 0 && m.At+len(m.Text) <= len(m.Sentence) {
		before, after = m.Sentence[:m.At], m.Sentence[m.At+len(m.Text):]
	}
	before, match, after = squash(before), oneLine(match), squash(after)
	open, shut := "[", "]"
	if g.color {
		open, shut = "", ""
	}
	mark := func(s string) string {
		if g.color {
			return g.paint(sgrMatch, s)
		}
		return open + s + shut
	}
	marks := cellWidth(open) + cellWidth(shut)
	if !g.compact {
		return before + mark(match) + after, cellWidth(before) + cellWidth(match) + marks + cellWidth(after)
	}
	if mw := cellWidth(match) + marks; mw >= w {
		clipped, cut := clipWords(match, max(w-marks, 1))
		g.Cut = g.Cut || cut || before != "" || after != ""
		return mark(clipped), cellWidth(clipped) + marks
	}
	room := w - cellWidth(match) - marks
	// The text before gets a third of the room, more when the text after is short.
	leftW := min(cellWidth(before), max(room/3, room-cellWidth(after)))
	left := clipLeftSide(before, leftW)
	right := clipRightSide(after, room-cellWidth(left))
	if left != before || right != after {
		g.Cut = true
	}
	return left + mark(match) + right, cellWidth(left) + cellWidth(match) + marks + cellWidth(right)
}

// clipLeftSide keeps the end of s (the text before a mention) in w cells: whole words
// after "…", and the space before the mention.
func clipLeftSide(s string, w int) string {
	if cellWidth(s) <= w {
		return s
	}
	core := strings.TrimRight(s, " ")
	space := s[len(core):]
	if w-len(space) < cellWidth(ellipsis) {
		return ""
	}
	c, _ := clipWordsLeft(core, w-len(space)) // "…" alone when no word fits
	return c + space
}

// clipRightSide keeps the start of s (the text after a mention) in w cells.
func clipRightSide(s string, w int) string {
	if cellWidth(s) <= w {
		return s
	}
	core := strings.TrimLeft(s, " ")
	space := s[:len(s)-len(core)]
	if w-len(space) < cellWidth(ellipsis) {
		return ""
	}
	if first, _, _ := strings.Cut(core, " "); cellWidth(strings.TrimRight(first, listPunct))+cellWidth(ellipsis) > w-len(space) {
		return space + ellipsis // no word fits: none is cut
	}
	c, _ := clipWords(core, w-len(space))
	return space + c
}

// squash collapses each run of white space in s to one space, keeping a space at either
// end.
func squash(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}
