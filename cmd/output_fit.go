package cmd

import (
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
)

// Fitting text to a terminal. A cell that is too wide for its column is cut at a word
// boundary and ends in "…": what is shown is always whole words of the cell (words are
// the runs of text between spaces), so "clonazepam" is shown or left out, never
// "clonaze…". In a list ("a (3); b (1)") the cut falls after a whole item when one
// fits. A column is never narrower than the first word of its cells, so the only cut
// inside a word is of a word longer than maxWordWidth (a URL), or on a terminal too
// narrow for any column.

// ellipsis marks text left out.
const ellipsis = "…"

// maxWordWidth is the widest word a column makes room for; a longer one may be cut.
const maxWordWidth = 24

// cellWidth is the width of s in terminal cells.
func cellWidth(s string) int { return displaywidth.String(s) }

// oneLine collapses runs of white space (line breaks included) to one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// listPunct is what a cut leaves off the end of the words kept: a list's separator.
const listPunct = ";,:→ "

// clipWords fits s (one line) into w cells: s itself when it fits, else its longest
// run of leading whole words that fits with "…" after it, preferring a cut after a
// whole list item ("x (3);"). It reports whether s was cut. Only when the first word
// does not fit is a word cut.
func clipWords(s string, w int) (string, bool) { return clipAt(s, w, ";") }

// clipAt is clipWords with the separator of list items.
func clipAt(s string, w int, sep string) (string, bool) {
	if cellWidth(s) <= w {
		return s, false
	}
	if w <= 0 {
		return "", true
	}
	words := strings.Split(s, " ")
	best, bestItem := -1, -1
	width := 0
	for k, word := range words {
		if k > 0 {
			width++
		}
		width += cellWidth(word)
		kept := strings.TrimRight(word, listPunct)
		if width-(cellWidth(word)-cellWidth(kept))+cellWidth(ellipsis) > w {
			break
		}
		if kept == "" {
			continue
		}
		best = k
		if strings.HasSuffix(word, sep) {
			bestItem = k
		}
	}
	if bestItem >= 0 {
		best = bestItem
	}
	if best < 0 {
		if strings.TrimRight(words[0], listPunct) == "" && w >= cellWidth(ellipsis) {
			return ellipsis, true // ", Osteoarthritis": the punctuation, then no word fits
		}
		return hardClip(s, w), true
	}
	return strings.TrimRight(strings.Join(words[:best+1], " "), listPunct) + ellipsis, true
}

// clipWordsLeft is clipWords from the other end: "…" and the longest run of trailing
// whole words of s that fits in w cells.
func clipWordsLeft(s string, w int) (string, bool) {
	if cellWidth(s) <= w {
		return s, false
	}
	words := strings.Split(s, " ")
	first := len(words)
	width := cellWidth(ellipsis)
	for k := len(words) - 1; k >= 0; k-- {
		add := cellWidth(words[k])
		if k < len(words)-1 {
			add++
		}
		if width+add > w {
			break
		}
		width += add
		first = k
	}
	if first == len(words) {
		return ellipsis, true
	}
	return ellipsis + strings.Join(words[first:], " "), true
}

// hardClip cuts s inside a word: the last resort when not even one word fits.
func hardClip(s string, w int) string {
	// Widths are measured on the prefix as a whole, not added rune by rune: a rune can
	// change the width of the one before it ("0" and U+FE0F, the emoji presentation, are
	// two cells together, one apart). A prefix of more than 8 bytes a cell cannot fit.
	e := cellWidth(ellipsis)
	end := 0
	for i, r := range s {
		next := i + utf8.RuneLen(r)
		if next > 8*w+16 || cellWidth(s[:next])+e > w {
			break
		}
		end = next
	}
	if cellWidth(s[:end]+ellipsis) > w {
		return ""
	}
	return s[:end] + ellipsis
}

// minCellWidth is the narrowest width at which clipWords shows s without cutting a word:
// its first word, or the first item of a list ("current (8); stopped (2)"), and room for
// "…" when more follows (a word over maxWordWidth counts as maxWordWidth).
func minCellWidth(s string) int {
	if item, _, list := strings.Cut(s, "; "); list && cellWidth(item) < maxWordWidth {
		return cellWidth(item) + cellWidth(ellipsis)
	}
	first, _, more := strings.Cut(s, " ")
	if !more {
		return min(cellWidth(s), maxWordWidth)
	}
	return min(cellWidth(strings.TrimRight(first, listPunct)), maxWordWidth) + cellWidth(ellipsis)
}

// fitColumns chooses column widths so that the columns, gap cells apart, fit in width:
// each column gets at least the width that shows its header and the first word (or
// list item) of each cell, the first column, which names the row, its cells whole up
// to maxWordWidth; then the room left goes to the columns that want more, from the
// left: a view lists its columns by importance. When even those widths do not fit, the last columns are left
// out: it returns how many columns are shown (at least one).
func fitColumns(header []string, rows [][]string, width, gap int) (widths []int, shown int) {
	n := len(header)
	want := make([]int, n) // the widest cell
	least := make([]int, n)
	for i, h := range header {
		want[i] = cellWidth(h)
		least[i] = want[i]
	}
	for _, r := range rows {
		for i := 0; i < n && i < len(r); i++ {
			want[i] = max(want[i], cellWidth(r[i]))
			least[i] = max(least[i], minCellWidth(r[i]))
		}
	}
	if n > 0 {
		least[0] = max(least[0], min(want[0], maxWordWidth))
	}
	for i := range least {
		least[i] = min(least[i], want[i])
	}
	shown = n
	total := func(ws []int, k int) int {
		t := gap * (k - 1)
		for _, x := range ws[:k] {
			t += x
		}
		return t
	}
	for shown > 1 && total(least, shown) > width {
		shown--
	}
	widths = append([]int(nil), least[:shown]...)
	if total(widths, shown) > width { // one column, wider than the terminal
		widths[0] = max(width, 1)
		return widths, shown
	}
	room := width - total(widths, shown)
	for i := range widths {
		add := min(want[i]-widths[i], room)
		widths[i] += add
		room -= add
	}
	return widths, shown
}
