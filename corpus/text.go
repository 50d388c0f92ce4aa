package corpus

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// The page-text parser reads the text of a saved comment thread: the article, then comment
// blocks, each an author line (with or without a bullet, or "Name says:"), a date line
// (or both on one line), and a body of one or more paragraphs.

var (
	// "12 Responses", "Comments (3)", "16 thoughts on “Klonopin”", "3 comments", "Comments"
	reCommentsHeader = mustAnchor(`(?i)^(?:\d[\d,.]*[km]?\s+(?:responses?|comments?|replies|thoughts?|gedanken|pensées|pensamientos|pensieri|gedachten|discussions?|diskussion|kommentare?|commentaires?|comentarios?|commenti|reacties|ergänzungen|réactions?|réponses?|antworten|respuestas?)\b.*|(?:reader\s+|vos\s+|your\s+|ihre\s+|leser\S*\s+)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|réactions)\s*(?:\(\d+\))?:?|responses?\s*(?:\(\d+\))?:?|(?:show|view|load)\s+(?:all\s+)?\d*\s*comments?)$`)
	// Link lines that end a comment on a saved page: "Reply", "Reply •Share ›",
	// "12 Likes | Report", "Log in to reply".
	reLinkLine = mustAnchor(`(?i)^(?:(?:\d+\s+)?(?:weiterlesen|read\s+more|mehr\s+lesen|lire\s+la\s+suite|leer\s+más|lees\s+meer|continua\s+a\s+leggere|antwort|réponse|replydelete|antwortenlöschen|répondresupprimer|responderexcluir|responderexcluir|delete|löschen|supprimer|eliminar|antworten|beantworten|zitieren|melden|répondre|repondre|signaler|responder|rispondi|antwoorden|gefällt\s+mir|j'aime|like(?:liked)?\s+by\s+\d+\s+(?:people|person)|liked\s+by\s+\d+\s+(?:people|person)|likeliked\s+by\s+\d+\s+(?:people|person)|repl(?:y|ies)|report(?:\s+(?:comment|abuse))?|flag|likes?|share|quote|permalink|upvotes?|downvotes?|votes?|helpful|edit|delete|see\s+more|view\s+replies|hide\s+replies|level\s+\d+|\d+\s+(?:people|persons?|users?|members?)\s+found\s+this\s+(?:review\s+|comment\s+|post\s+)?helpful|was\s+this\s+(?:review\s+|comment\s+)?helpful\??|helpful\s*\(\d+\)|(?:log\s*in|sign\s*in)\s+to\s+reply|avatar(?:\s+(?:universal|[mfn]))?|answers?|thanks?|save|saved|follow|award|give\s+award|heart|hug|recommend|points?|like\s*\(\d+\)|reply\s*\(\d+\)|more\s+replies|continue\s+this\s+thread|yes|no|edited|reposts?|quotes|bookmarks?|\d[\d.,]*[km]?|select\s+all|cancel\s+selecting|you\s+have\s+selected\s+\d+\s+posts?|\d+\s*/\s*\d+|created|last\s+reply|views?|users?|links?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+'\d{2}|add\s+message|message\s+poster|see\s+all|embed|parent|hide|reactions?|(?:(?:size|colou?r|style|flavou?r|pattern|pack)\s*:.{0,60}?)?verified\s+purchase|vine\s+customer\s+review.*|top\s+contributor.*|one\s+person\s+found\s+this\s+helpful|see\s+more\s+reviews|\d+(?:\.\d+)?k?\s+views?|view\s+upvotes|view\s+\d+\s+shares?|\d+[smhdwy]|\d+(?:\.\d)?\s*(?:/|out\s+of)\s*(?:5|10)(?:\s+stars?)?|[★☆]+|rating\s*:?\s*\d+(?:\.\d)?(?:\s*/\s*(?:5|10))?)\s*[↓›»•·|\-–—,/.]*\s*)+$`)
	// "Reviewer: Frank, 65-74 ...": the author under a review's date.
	reReviewer = mustAnchor(`(?i)^(?:reviewer|reviewed by|review by|posted by|author|by|from)\s*:?\s*([^,;|(]{1,40})`)
	// "Condition: High Cholesterol": a review's header line.
	reCondition = mustAnchor(`(?i)^(?:condition|for|reason|taken for|used for)\s*:\s*\S`)
	// "Post by name", "Posted by name": a byline before the author's name.
	reBy = mustAnchor(`(?i)^(?:(?:posted|post|written|comment|reply|message)\s+)?(?:by|par|von)\s+`)
	// The page footer after the last comment.
	reFooter = mustAnchor(`(?i)^(?:leave a (?:reply|comment)|schreibe einen kommentar|hinterlasse einen kommentar|kommentar (?:verfassen|schreiben|hinterlassen)|laisser un commentaire|dejar un comentario|deja un comentario|lascia un commento|laat een reactie achter|this site uses akismet|diese website verwendet akismet|deine e-mail-adresse wird nicht veröffentlicht|votre adresse (?:e-mail|de messagerie) ne sera pas publiée|post a comment|add a comment|add your comment|write a comment|your email address will not be published|cancel reply|you must be logged in|©|\(c\)\s+\d{4}|copyright\b|related (?:posts|discussions|questions|stories|articles|topics|reviews)\b|more posts you may like|want to reply\b|not what you're looking for|load more comments|show more comments|view more comments|view previous comments|next page\b|next\s*>|showing \d+|privacy policy|terms of (?:use|service)|powered by\b|also on\b|sponsored\b|who is online|return to board index|jump to\b|about community$|top reviews from\b|please (?:sign|log) in\b|about blog\b|use of this site\b|help site rules\b|about press\b|terms privacy\b|please create an account|discover more\b|to comment on this thread\b|join \w+ \|\s*already have\b|back to top$|conditions of use\b|get to know us\b)`)
	// The comment form's lines: a footer only after the last comment.
	reFormLine = mustAnchor(`(?i)^(?:leave a|post a|add a|add your|write a|cancel reply|your email|you must be)`)
	// Navigation and consent lines over a saved page's article.
	reNavLine = mustAnchor(`(?i)^(?:skip to (?:main )?content|menu|home|search(?: \w+)?|sign in|log ?in|sign up|register|subscribe|get (?:the )?app|open app|faq|board index|we use cookies.*|accept(?: all)?(?: cookies)?|cookie settings|manage cookies|reject all|advertisement|ad|werbung|anzeige|publicité|publicidad|pubblicità|share|save|reddit|sort by:?.*|\d+|[·•|]|posted by u/\S+)$`)
	reSays    = mustAnchor(`(?i)^(.{1,80}?)\s+(?:says|said|wrote|writes|commented|sagt|schrieb|schreibt|meint|hat\s+geschrieben|a\s+écrit|écrit|dit|dice|dijo|escribió|comentó|scrive|ha\s+scritto|zegt|zei|schreef)(?:\.\.\.|…)?\s*:?\s*(.*)$`)
)

type line struct {
	text   string // trimmed, with non-breaking spaces as spaces
	n      int32  // 1-based line number (int32: a page's lines are many, and small)
	indent int32  // leading spaces (a tab counts 4): old Reddit nests replies by it
	prose  bool   // the line reads as a sentence (isProseLine), found once when split
}

type head struct {
	first, last int // indexes in lines of the head's first and last line
	condition   int // a "Condition: ..." line kept as the first line of the text, or 0
	author      string
	raw         string // the date as written
	posted      time.Time
	hasDate     bool
	replyTo     string // the name of the post it answers, when the byline says it
	handle      string // "@beccahale_runs" under the name
	says        bool   // the byline says it is a comment: "Jane says:", "Paul a écrit :"
	stop        bool   // not a comment: where the sidebar after the last one starts
}

func splitLines(text string) []line {
	out, _ := splitLinesInto(nil, text)
	return out
}

// splitLinesInto is splitLines into buf's array when it is large enough, and the text the
// lines' texts are slices of (text with line ends and non-breaking spaces normalized).
func splitLinesInto(buf []line, text string) ([]line, string) {
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	text = strings.ReplaceAll(text, "\u00a0", " ")
	base := text
	n := strings.Count(text, "\n") + 1
	out := buf[:0]
	if cap(out) < n {
		out = make([]line, 0, n)
	}
	for len(out) < n {
		s := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			s, text = text[:i], text[i+1:]
		}
		ind := indentOf(s)
		t := trimLine(s)
		out = append(out, line{n: int32(len(out) + 1), text: t, indent: ind, prose: isProseLine(t)})
	}
	return out, base
}

// compactLines is splitLinesInto(s.lines, text) and a text of the page's own for the
// lines: each line's trimmed text and a line end, in one allocation, so that a comment of
// lines in a row is a slice of it (joinIn), whatever their indentation was.
func (s *textScratch) compactLines(text string) ([]line, string) {
	// a line ends at "\n", "\r\n" or "\r", as splitLines reads them
	n := strings.Count(text, "\n") + 1
	cr := strings.IndexByte(text, '\r') >= 0
	if cr {
		n = 1
		for i := 0; i < len(text); i++ {
			if c := text[i]; c == '\n' || c == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
				n++
			}
		}
	}
	out := s.lines[:0]
	if cap(out) < n {
		out = make([]line, 0, n)
	}
	spans := s.spans[:0]
	buf := s.text[:0]
	for len(out) < n {
		seg := text
		i := strings.IndexByte(text, '\n')
		if cr {
			i = strings.IndexAny(text, "\r\n")
		}
		if i >= 0 {
			end := i + 1
			if text[i] == '\r' && end < len(text) && text[end] == '\n' {
				end++
			}
			seg, text = text[:i], text[end:]
		}
		if strings.Contains(seg, "\u00a0") {
			seg = strings.ReplaceAll(seg, "\u00a0", " ")
		}
		ind := indentOf(seg)
		t := trimLine(seg)
		spans = append(spans, [2]int32{int32(len(buf)), int32(len(t))})
		buf = append(append(buf, t...), '\n')
		out = append(out, line{n: int32(len(out) + 1), indent: ind})
	}
	base := string(buf) // (its size: the indentation is not kept)
	if cap(buf) <= headSize {
		s.text = buf
	}
	for i := range out {
		t := base[spans[i][0] : spans[i][0]+spans[i][1]]
		out[i].text, out[i].prose = t, isProseLine(t)
	}
	s.spans = spans
	return out, base
}

// trimLine trims s of white space (unicode.IsSpace), zero-width spaces and byte order
// marks. Most lines start and end in ASCII: their bytes are looked at, and only a line
// with other than ASCII at an end is trimmed rune by rune.
func trimLine(s string) string {
	i, j := 0, len(s)
	for i < j && asciiSpace(s[i]) {
		i++
	}
	for j > i && asciiSpace(s[j-1]) {
		j--
	}
	if i < j && (s[i] >= utf8.RuneSelf || s[j-1] >= utf8.RuneSelf) {
		return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' })
	}
	return s[i:j]
}

// asciiSpace reports the ASCII bytes unicode.IsSpace holds spaces.
func asciiSpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

// hasCommentBlocks reports whether text reads as a comment thread.
func hasCommentBlocks(text string) bool {
	if len(text) > 64<<20 {
		return false
	}
	return len(findHeads(splitLines(text))) > 0
}

// textScratch holds what parsePageText needs only while it reads a page: the page's
// lines, its heads and its indexes of names, kept for the next page (a page of a large
// corpus allocated its lines and heads afresh and grew them by appending).
type textScratch struct {
	lines   []line
	spans   [][2]int32 // compactLines: each line's text in the page's text
	text    []byte     // compactLines: the page's text made
	heads   []head
	authors authorIndex
	handles handleIndex
}

var textScratches = sync.Pool{New: func() any { return new(textScratch) }}

// scratchKeep is the largest buffer (in elements) kept for the next page: a page of
// 100,000 comments does not leave megabytes to every page after it.
const scratchKeep = 1 << 16

// release empties s (its strings are the page's) and returns it to the pool.
func (s *textScratch) release() {
	s.lines = keepScratch(s.lines)
	s.spans = keepScratch(s.spans)
	s.heads = keepScratch(s.heads)
	s.authors.reset()
	s.handles.reset()
	textScratches.Put(s)
}

// keepScratch is buf cleared and emptied for reuse, or nil when it is too large to keep.
func keepScratch[T any](buf []T) []T {
	if cap(buf) > scratchKeep {
		return nil
	}
	clear(buf[:cap(buf)])
	return buf[:0]
}

func parsePageText(source, text string) *Page {
	return readPageText(source, text, false)
}

// readPageText is parsePageText. With borrowed, text is the input's bytes where they lie
// (valid only while the page is read): the lines are copied out of it, trimmed, into a
// text of the page's own (compactLines) that all the page's strings are slices of.
func readPageText(source, text string, borrowed bool) *Page {
	sc := textScratches.Get().(*textScratch)
	defer sc.release()
	var lines []line
	var base string
	if borrowed {
		lines, base = sc.compactLines(text)
	} else {
		lines, base = splitLinesInto(sc.lines, text)
	}
	sc.lines = lines
	if p := parseReviewTable(source, lines); p != nil {
		return p
	}
	if p := parseQAPage(source, lines); p != nil {
		return p
	}
	sc.heads = findHeadsInto(sc.heads, lines)
	heads := datesAfterText(lines, attachReplyLines(lines, dropQuoteHeads(lines, sc.heads)))
	layout := "heads from date lines and bylines"
	if ah := actionBylines(lines); len(ah) > len(heads) {
		heads = ah // a social-network copy: "Like · Reply · 3y" under each comment
		layout = "heads from action lines (Like · Reply · age)"
	}
	heads = dropEmptyHeads(lines, heads)
	after := false
	// A reading where every byline has a name, a date and prose under it needs no other
	// (the common case, and the induction is the costly part). Else the readings that
	// show a thread are scored and the best is taken.
	heads, why := plausibleThread(lines, heads)
	if !completeReading(lines, heads) {
		best := headsScore(lines, heads)
		try := func(t template, ok bool) {
			if !ok || !namedReading(t.heads) {
				return
			}
			th, twhy := plausibleThread(lines, t.heads)
			if sc := headsScore(lines, th); len(th) > 0 && (len(heads) == 0 || sc > best) {
				heads, after, layout, why, best = th, t.after, t.String(), twhy, sc
			}
		}
		for _, t := range induceTemplates(lines) {
			try(t, true)
		}
		try(postNumberTemplate(lines))
	}
	// Bylines after the last comment with no prose under any of them are the sidebar's
	// (an archive's months, a widget): the last comment's text stops at the first.
	if len(heads) > 2 && !after && !bylinesAfterText(lines, heads) && !bylinesUnder(lines, heads, false) {
		// (not a short last comment: "Very helpful.", "Thanks!")
		textLike := func(ls []line) bool {
			for _, l := range ls {
				if moreWords(l.text, 4) || strings.ContainsAny(lastRuneString(l.text), ".!?…") {
					return true
				}
			}
			return false
		}
		writer := func(k int) bool { // someone who wrote earlier in the thread: a short reply
			for _, h := range heads[:k] {
				if h.author != "" && h.author == heads[k].author {
					return true
				}
			}
			return false
		}
		k0 := len(heads)
		for k0 > 1 && !writer(k0-1) && !textLike(stripFooter(lines[heads[k0-1].last+1:bodyEnd(lines, heads, k0-1)])) {
			k0--
		}
		if k0 < len(heads) && k0 >= 2 {
			heads = append(heads[:k0:k0], head{first: heads[k0].first, last: heads[k0].last, stop: true})
		}
	}
	// A date whose byline was too long to read as a name ("Bookmarks for October 4th |
	// links.kburke.org says:"): the line over it is the byline.
	for k := range heads {
		h := &heads[k]
		if h.author != "" {
			continue
		}
		if q := prevNonBlank(lines, h.first); q >= 0 && q == h.first-1 && (k == 0 || q > heads[k-1].last) && maySay(lines[q].text) {
			if m := saysMatch(lines[q].text); m != nil && m[2] == "" {
				h.first, h.author, h.says = q, strings.TrimSpace(m[1]), true
			}
		}
	}
	p := &Page{Source: source, Format: FormatPageText}
	p.Layout = fmt.Sprintf("text: %s; %d comments", layout, len(heads))
	if why != "" {
		p.Layout += " (" + why + ")"
	}

	articleEnd := len(lines)
	if len(heads) > 0 {
		articleEnd = heads[0].first
	}
	// Where each text stands over its byline (review sites: the quote, then "Jane ·
	// Taken for 1 to 2 years · March 3, 2019"), comment k is the text between byline k-1
	// and byline k; the first is the last paragraph over the first byline.
	var before [][2]int
	if after || bylinesAfterText(lines, heads) || bylinesUnder(lines, heads, false) {
		before = make([][2]int, len(heads))
		for k, h := range heads {
			from := 0
			if k > 0 {
				from = heads[k-1].last + 1
			} else {
				from = h.first
				for from > 0 && lines[from-1].text == "" {
					from--
				}
				for from > 0 && lines[from-1].text != "" {
					from--
				}
				articleEnd = from
			}
			before[k] = [2]int{from, h.first}
		}
	}
	// The article: the title is its first line when a blank line follows it.
	var body []line
	for _, l := range lines[:articleEnd] {
		if isCommentsHeader(l.text) || reLevel.MatchString(l.text) || isLinkLine(l.text) {
			continue
		}
		body = append(body, l)
	}
	body = trimNav(trimBlank(body))
	// The title is the first line: short, and followed by a blank line or not a sentence.
	if len(body) > 0 && utf8.RuneCountInString(body[0].text) <= 200 &&
		(len(body) == 1 || body[1].text == "" || !strings.ContainsAny(body[0].text[len(body[0].text)-1:], ".!?:;,")) {
		p.Title = body[0].text
		body = trimBlank(body[1:])
	}
	p.Article = joinIn(base, body)

	// Reddit copies put "level N" over each comment: its depth in the thread.
	furniture := repeatedFurniture(lines, heads, before)
	lastAtDepth := map[int]int{}
	handles := &sc.handles // "@hankm" -> the comment index of its first post
	var indents [][2]int   // old Reddit: open comments' indentation and index
	authors := &sc.authors
	p.Comments = make([]Comment, 0, len(heads))
	for k, h := range heads {
		if h.stop {
			break
		}
		idx := len(p.Comments) // the comment's index: replies split from a text come between
		blines := lines[h.last+1 : bodyEnd(lines, heads, k)]
		if before != nil {
			blines = lines[before[k][0]:before[k][1]]
		}
		// A date under the text of a byline without one: "Jane said...", the text, "November
		// 3, 2011 2:53 PM" (Blogger).
		if !h.hasDate && before == nil {
			j := lastNonBlank(blines)
			for j > 0 && isLinkLine(strings.TrimLeft(blines[j].text, "/|·• ")) { // "/ Responder"
				j = lastNonBlank(blines[:j])
			}
			if j >= 0 && isDateLine(blines[j].text) {
				h.raw = strings.TrimSpace(blines[j].text)
				h.posted, h.hasDate = ParseDate(h.raw)
				blines = blines[:j]
			}
		}
		blines = stripTrailers(dropRatings(blines), k+1 == len(heads))
		blines = trimFurniture(dropQuotes(blines, text), furniture)
		// a reply signed under its text at the end of this one ("owner 於 2014/01/01 20:31
		// 回覆"): a comment of its own, answering this one
		var reply []line
		var rh head
		if before == nil {
			blines, reply, rh = splitTrailingReply(blines, h.author)
		}
		if h.condition > 0 {
			blines = append([]line{lines[h.condition]}, blines...)
		}
		// a pingback: another site's link here, "[...] an excerpt [...]"; no reader's comment
		joined := joinIn(base, blines)
		if strings.HasPrefix(joined, "[...]") || strings.HasPrefix(joined, "[…]") {
			p.Warnings = append(p.Warnings, Warning{Line: int(lines[h.first].n),
				Message: fmt.Sprintf("a pingback from %q (a link from another site, not a comment) was set aside", h.author)})
			continue
		}
		c := Comment{
			Index:     idx,
			Author:    h.author,
			Posted:    h.posted,
			PostedRaw: h.raw,
			Parent:    -1,
			Text:      trimGluedLink(joined),
		}
		above := prevNonBlank(lines, h.first) // the line over the byline, or -1
		// A "Comments" line under a comment opens the comments on it (Quora's answers);
		// "12 replies" only counts them.
		if k > 0 && above > heads[k-1].last && strings.EqualFold(strings.TrimSpace(lines[above].text), "comments") {
			c.Parent = idx - 1
		}
		// "@jordanlee4412 You're not crazy": a reply that opens with the handle it answers
		if c.Parent < 0 && strings.HasPrefix(c.Text, "@") {
			name, _, _ := strings.Cut(c.Text[1:], " ")
			if i := authors.lastFold(strings.TrimRight(name, ",:")); i >= 0 {
				c.Parent = i
			}
		}
		// old Reddit nests a reply under its parent by indentation
		if oldRedditByline(lines[h.first].text) != nil {
			ind := int(lines[h.first].indent)
			for len(indents) > 0 && indents[len(indents)-1][0] >= ind {
				indents = indents[:len(indents)-1]
			}
			if len(indents) > 0 {
				c.Parent = indents[len(indents)-1][1]
			}
			indents = append(indents, [2]int{ind, idx})
		}
		// A reply to a handle answers that writer's first post in the thread.
		remember := func(handle string) {
			handles.add(handle, idx)
		}
		// "Replying to @hankm" on line j: the reply answers that handle's post.
		replyingTo := func(j int) {
			if j < 0 {
				return
			}
			if m := replyingTo(lines[j].text); m != nil {
				if parent, ok := handles.first(m[1]); ok && parent < idx {
					c.Parent = parent
				}
			}
		}
		if h.handle != "" {
			remember(h.handle)
		}
		replyingTo(nextNonBlank(lines, h.last)) // under the byline (X)
		// "hankm @hankm" as the name
		if m := handleName(c.Author); m != nil {
			c.Author = strings.TrimSpace(m[1])
			remember(m[2])
		} else if c.Author != "" {
			handles.addName(c.Author, idx)
		}
		replyingTo(above) // over the byline
		if h.replyTo != "" {
			if i := authors.lastBy(h.replyTo); i >= 0 {
				c.Parent = i
			}
		}
		// "Alison_K in reply to SlowDragon"
		if m := reInReplyTo.FindStringSubmatch(c.Author); m != nil {
			c.Author = strings.TrimSpace(m[1])
			if i := authors.lastBy(strings.TrimSpace(m[2])); i >= 0 {
				c.Parent = i
			}
		}
		// "george_h sunnyday72", "Lorna B.  Skeptic_Steve": a reply names the one it
		// answers after the author.
		if c.Parent < 0 {
			if i, prior := authors.lastSuffix(c.Author); i >= 0 {
				c.Author, c.Parent = strings.TrimSpace(strings.TrimSuffix(c.Author, prior)), i
			}
		}
		if above >= 0 {
			if m := reLevel.FindStringSubmatch(lines[above].text); m != nil {
				depth, _ := strconv.Atoi(m[1])
				if parent, ok := lastAtDepth[depth-1]; ok && depth > 1 {
					c.Parent = parent
				}
				lastAtDepth[depth] = idx
				for d := range lastAtDepth {
					if d > depth {
						delete(lastAtDepth, d)
					}
				}
			}
		}
		switch {
		case h.author == "":
			p.Warnings = append(p.Warnings, Warning{Line: int(lines[h.first].n),
				Message: fmt.Sprintf("comment %d has a date but no author line: kept without author", idx)})
		case !h.hasDate:
			p.Warnings = append(p.Warnings, Warning{Line: int(lines[h.first].n),
				Message: fmt.Sprintf("comment %d by %q has no date line: kept without date", idx, h.author)})
		}
		if c.Text == "" {
			p.Warnings = append(p.Warnings, Warning{Line: int(lines[h.first].n),
				Message: fmt.Sprintf("comment %d by %q has no text", idx, h.author)})
		}
		p.Comments = append(p.Comments, c)
		authors.add(c.Author, idx)
		if len(reply) > 0 {
			p.Comments = append(p.Comments, Comment{Index: idx + 1, Author: rh.author, Posted: rh.posted,
				PostedRaw: rh.raw, Parent: idx, Text: joinIn(base, reply)})
			authors.add(rh.author, idx+1)
		}
	}
	settleDates(p)
	return p
}

// handleIndex answers which comment is the first by a handle ("@hankm", in any case).
// Few pages have "Replying to @handle" lines: the handles are kept as given, and lowered
// into the map at the first question.
type handleIndex struct {
	byKey   map[string]int  // the handle, lower case -> the first comment
	pending []pendingHandle // handles added since the last question, in order
}

type pendingHandle struct {
	s    string
	i    int
	name bool // s is a name: its handle is "@" and the name less a leading "@"
}

// reset empties x for the next page.
func (x *handleIndex) reset() {
	x.byKey = resetMap(x.byKey)
	x.pending = keepScratch(x.pending)
}

func (x *handleIndex) add(handle string, i int) {
	x.pending = append(x.pending, pendingHandle{s: handle, i: i})
}

// addName adds the handle of a comment's author's name.
func (x *handleIndex) addName(name string, i int) {
	x.pending = append(x.pending, pendingHandle{s: name, i: i, name: true})
}

// first is the first comment by handle.
func (x *handleIndex) first(handle string) (int, bool) {
	if x.byKey == nil {
		x.byKey = map[string]int{}
	}
	for _, a := range x.pending {
		h := a.s
		if a.name {
			h = "@" + strings.TrimPrefix(h, "@")
		}
		key := strings.ToLower(h)
		if _, seen := x.byKey[key]; !seen {
			x.byKey[key] = a.i
		}
	}
	x.pending = x.pending[:0]
	i, ok := x.byKey[strings.ToLower(handle)]
	return i, ok
}

// lastBy is the index of the last comment by author, or -1.
// authorIndex answers, for the comments read so far, which is the latest by a name: each
// comment asks (a reply names the one it answers), and a scan back over the page made a
// page of 100,000 comments quadratic.
type authorIndex struct {
	last  map[string]int // the author as written -> the latest comment
	fold  map[string]int // the author less a leading "@", case-folded (foldKey) -> the latest comment
	added []addedAuthor  // the comments added, in order: fold is made at its first use
}

type addedAuthor struct {
	author string
	i      int
}

// reset empties x for the next page.
func (x *authorIndex) reset() {
	x.last = resetMap(x.last)
	x.fold = nil
	x.added = keepScratch(x.added)
}

// resetMap is m cleared for reuse, or nil when it grew too large to keep.
func resetMap[K comparable, V any](m map[K]V) map[K]V {
	if len(m) > scratchKeep/16 {
		return nil
	}
	clear(m)
	return m
}

// add records comment i, the latest so far, by author.
func (x *authorIndex) add(author string, i int) {
	if x.last == nil {
		x.last = map[string]int{}
	}
	x.last[author] = i
	x.added = append(x.added, addedAuthor{author, i})
	if x.fold != nil {
		x.addFold(author, i)
	}
}

func (x *authorIndex) addFold(author string, i int) {
	if a := strings.TrimPrefix(author, "@"); a != "" {
		x.fold[foldKey(a)] = i
	}
}

// lastBy is the latest comment by author exactly, or -1.
func (x *authorIndex) lastBy(author string) int {
	if i, ok := x.last[author]; ok {
		return i
	}
	return -1
}

// lastFold is the latest comment whose author, less a leading "@", equals name under
// Unicode case folding (strings.EqualFold), or -1.
func (x *authorIndex) lastFold(name string) int {
	if name == "" {
		return -1
	}
	if x.fold == nil { // few pages have replies that open with a handle
		x.fold = map[string]int{}
		for _, a := range x.added {
			x.addFold(a.author, a.i)
		}
	}
	if i, ok := x.fold[foldKey(name)]; ok {
		return i
	}
	return -1
}

// lastSuffix is the latest comment whose author, not empty, ends author after a space
// with something before it ("george_h sunnyday72" ends with "sunnyday72"), and that
// author; -1 when none.
func (x *authorIndex) lastSuffix(author string) (int, string) {
	best, prior := -1, ""
	for sp := 1; sp < len(author)-1; sp++ {
		if author[sp] != ' ' {
			continue
		}
		if i, ok := x.last[author[sp+1:]]; ok && i > best {
			best, prior = i, author[sp+1:]
		}
	}
	return best, prior
}

// foldKey maps s to one string for all the strings strings.EqualFold holds equal to it:
// each rune becomes the least of its case-folding orbit.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}

// stripTrailers drops the link lines ("Reply", "Report") and comment headers that end a
// comment block and, after the last comment, the page footer.
func stripTrailers(ls []line, last bool) []line {
	// The page footer after the last comment, and blocks like "Related questions" or
	// "Sponsored" between comments.
	for i, l := range ls {
		if len(l.text) <= 160 && mayFooter(l.text) && reFooter.MatchString(l.text) && (last || !reFormLine.MatchString(l.text)) {
			ls = ls[:i]
			break
		}
	}
	ls = trimBlank(ls)
	// "62 people found this review helpful" over the next review's text; a post's
	// "Re: thread title" line.
	for len(ls) > 0 && (isLinkLine(ls[0].text) || strings.HasPrefix(ls[0].text, "Re: ") || replyingTo(ls[0].text) != nil) {
		ls = trimBlank(ls[1:])
	}
	for len(ls) > 0 {
		t := ls[len(ls)-1].text
		if isLinkLine(t) || isCommentsHeader(t) || strings.HasPrefix(t, "Re: ") || isVotes(t) || isDateLine(t) ||
			replyingTo(t) != nil || last && isLinkBar(t) {
			ls = trimBlank(ls[:len(ls)-1])
			continue
		}
		break
	}
	return ls
}

// bodyEnd is where the text under head k stops: at the next head, or the end of the page.
func bodyEnd(lines []line, heads []head, k int) int {
	if k+1 < len(heads) {
		return heads[k+1].first
	}
	return len(lines)
}

func trimBlank(ls []line) []line {
	for len(ls) > 0 && ls[0].text == "" {
		ls = ls[1:]
	}
	for len(ls) > 0 && ls[len(ls)-1].text == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// joinIn is joinParagraphs(ls) where the lines' texts are slices of base (the page's
// text): when the joined text is in base as it stands, lines in a row separated by one
// line end or by one blank line, it is that slice of base, not a copy. Comment texts
// stay valid after the reader moves on as the page's text does.
func joinIn(base string, ls []line) string {
	first, last := -1, -1
	for i, l := range ls {
		if l.text != "" {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return ""
	}
	start, ok := offsetIn(base, ls[first].text)
	if !ok {
		return joinParagraphs(ls)
	}
	end := start + len(ls[first].text)
	blank := false
	for _, l := range ls[first+1 : last+1] {
		if l.text == "" {
			blank = true
			continue
		}
		at, ok := offsetIn(base, l.text)
		sep := "\n"
		if blank {
			sep = "\n\n"
		}
		if !ok || at != end+len(sep) || base[end:at] != sep {
			return joinParagraphs(ls)
		}
		end, blank = at+len(l.text), false
	}
	return base[start:end]
}

// offsetIn is where s, not empty, starts in base when s is a slice of base's bytes.
func offsetIn(base, s string) (int, bool) {
	if s == "" || base == "" {
		return 0, false
	}
	// Addresses compared, never turned back into pointers: s lies in base when its
	// first and last bytes do (allocations do not overlap).
	b, p := uintptr(unsafe.Pointer(unsafe.StringData(base))), uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if p < b || p-b+uintptr(len(s)) > uintptr(len(base)) {
		return 0, false
	}
	return int(p - b), true
}

// joinParagraphs joins trimmed lines: consecutive lines with "\n", paragraphs (runs of
// blank lines) with "\n\n".
func joinParagraphs(ls []line) string {
	var b strings.Builder
	n := 0
	for _, l := range ls {
		n += len(l.text) + 2 // the text and at most a blank line after it
	}
	b.Grow(n)
	blank := false
	for _, l := range ls {
		if l.text == "" {
			blank = true
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l.text)
	}
	return b.String()
}

// findHeads finds the comment heads in page order. A head is a date line with the author
// line before it, an author and date on one line, or a "Name says:" line. Heads before a
// comments header ("12 Responses") belong to the article (a byline and its date).
func findHeads(lines []line) []head {
	return findHeadsInto(nil, lines)
}

// findHeadsInto is findHeads into buf's array.
func findHeadsInto(buf []head, lines []line) []head {
	heads := buf[:0]
	if cap(heads) < len(lines)/8+1 {
		// a comment takes about eight lines: few pages grow heads
		heads = make([]head, 0, len(lines)/8+1)
	}
	used := -1 // last line index consumed by a head
	for i := 0; i < len(lines); i++ {
		t := lines[i].text
		if t == "" || i <= used || runesOver(t, 120) {
			continue
		}
		// "Name says:" with the date on the same or the next line.
		if maySay(t) {
			if m := reSays.FindStringSubmatch(stripBullet(t)); m != nil && isAuthor(m[1]) {
				h := head{first: i, last: i, author: cleanAuthor(m[1]), says: true}
				if m[2] != "" {
					if tm, ok := ParseDate(m[2]); ok {
						h.raw, h.posted, h.hasDate = strings.TrimSpace(m[2]), tm, true
					} else {
						continue // "John says: I agree" is prose
					}
				} else if j := nextNonBlank(lines, i); j >= 0 {
					if tm, ok := ParseDate(stripBullet(lines[j].text)); ok {
						h.raw, h.posted, h.hasDate, h.last = stripBullet(lines[j].text), tm, true, j
					}
				}
				heads = append(heads, h)
				used = h.last
				continue
			}
		}
		if !mayDate(t) {
			continue
		}
		// old Reddit: "[–] adhd_nurse_k 112 points 3 years ago"
		if m := oldRedditByline(t); m != nil {
			h := head{first: i, last: i, author: m[1], raw: strings.TrimSuffix(m[2], "*")}
			h.posted, h.hasDate = ParseDate(h.raw)
			heads = append(heads, h)
			used = i
			continue
		}
		dateText := stripBullet(t)
		if strings.Contains(dateText, "dited") {
			dateText = reEditedSuffix.ReplaceAllString(dateText, "")
		}
		if len(dateText) > 4 && strings.EqualFold(dateText[:4], "old ") {
			dateText = dateText[4:] // vBulletin: "Old 06-21-2011, 09:14 PM"
		}
		// "Answered 3 years ago · Author has 1.2K answers", "February 20, 2019 at 3:42 pm |
		// Reply": the date is the first field.
		for _, sep := range dateSeps(dateText) {
			if i := strings.Index(dateText, sep); i > 0 {
				if _, ok := ParseDate(dateText[:i]); ok {
					dateText = dateText[:i]
					break
				}
			}
		}
		if tm, ok := ParseDate(dateText); ok {
			h := head{first: i, last: i, raw: dateText, posted: tm, hasDate: true}
			if vBulletinHead(lines, &h) {
				heads = append(heads, h)
				used = h.last
				continue
			}
			j := prevNonBlank(lines, i)
			if j >= 0 && stripBullet(lines[j].text) == "" { // a lone "·" between name and date
				j = prevNonBlank(lines, j)
			}
			// "clearskygoal", "OP", "·", "2 yr. ago": the badge stands under the name.
			if j > used && j >= 0 && inLower(roleBadges, stripBullet(lines[j].text)) {
				if k := prevNonBlank(lines, j); k > used && k >= 0 && isAuthor(stripBullet(lines[k].text)) {
					j = k
				}
			}
			// Amazon: "Kathleen D.", "5.0 out of 5 stars Finally sleeping", "Reviewed in the
			// United States on March 3, 2021": the title, less its stars, starts the text.
			title := -1
			if j > used && j > 0 && reStarsTitle.MatchString(lines[j].text) {
				if k := prevNonBlank(lines, j); k > used && k >= 0 && isAuthor(lines[k].text) {
					lines[j].text = strings.TrimSpace(reStarsTitle.ReplaceAllString(lines[j].text, ""))
					if lines[j].text != "" {
						title = j
					}
					j = k
				}
			}
			// "James O'Connell", "Former pharmacist (retired)", "Answered Mar 3, 2019": a
			// credential line between the name and a dated verb.
			if j > used && j > 0 && j == i-1 && mayDateVerb(t) && reDateVerb.MatchString(t) {
				if k := j - 1; k > used && lines[k].text != "" && isAuthor(lines[k].text) &&
					utf8.RuneCountInString(lines[j].text) <= 80 && !strings.HasSuffix(lines[j].text, ".") {
					if b := prevNonBlank(lines, k); b < 0 || b < k-1 || isLinkLine(lines[b].text) || isVotes(lines[b].text) {
						j = k // the block opens with the name
					}
				}
			}
			// Discourse: "ellen.marsh", "rtorres_t1d", "Jan 2022": the name, then the name
			// the post replies to.
			if j > used && j > 0 && j == i-1 && reUserName.MatchString(lines[j].text) && !(mayDateVerb(t) && reDateVerb.MatchString(t)) {
				if k := j - 1; k > used && reUserName.MatchString(lines[k].text) && (k == 0 || lines[k-1].text == "") {
					h.replyTo = lines[j].text
					j = k
				}
			}
			// X: "Rebecca Hale", "@beccahale_runs", "·", "Mar 3, 2023": the display name
			// over the handle names the writer, and the handle is kept for replies.
			if j > used && j > 0 && reHandle.MatchString(lines[j].text) && lines[j-1].text != "" && j-1 > used && isAuthor(lines[j-1].text) {
				handle := lines[j].text
				j--
				h.handle = handle
			}
			if j > used && j >= 0 && (isAuthor(stripBullet(lines[j].text)) || reDeletedAuthor.MatchString(lines[j].text)) {
				h.first, h.author = j, cleanAuthor(lines[j].text)
			} else if name, ok := demographicByline(lineText(lines, j)); j > used && j >= 0 && ok {
				h.first, h.author = j, name // "JoAnn | 55-64 | Female | On medication for 5 years"
			} else if k := nextNonBlank(lines, i); k >= 0 {
				// "Reviewer: Frank, 65-74 ..." under the date
				if m := reReviewer.FindStringSubmatch(lines[k].text); m != nil && isAuthor(m[1]) {
					h.last, h.author = k, strings.TrimSpace(m[1])
				}
			}
			// A "Condition: ..." line over the date belongs to this review, not the last:
			// it starts the review's text.
			if j >= 0 && j > used && strings.IndexByte(lines[j].text, ':') >= 0 && reCondition.MatchString(lines[j].text) {
				h.first, h.condition = j, j
			}
			if title >= 0 {
				h.condition = title
			}
			// "· edited 2 yr. ago" under the date is part of the byline.
			if k := nextNonBlank(lines, h.last); k >= 0 && mayEdited(lines[k].text) && reEdited.MatchString(lines[k].text) {
				h.last = k
			}
			heads = append(heads, h)
			used = h.last
			continue
		}
		// Author and date on one line: "Jane Doe - March 3, 2019 at 7:15 pm".
		if h, ok := authorDateLine(t); ok {
			h.first, h.last = i, i
			// "OP · 3 yr. ago" over "u/nightowl_22": the badge is not the name.
			if roleBadges[strings.ToLower(h.author)] {
				if k := nextNonBlank(lines, i); k >= 0 && isAuthor(stripBullet(lines[k].text)) && !strings.Contains(strings.TrimSpace(lines[k].text), " ") {
					h.author, h.last = cleanAuthor(lines[k].text), k
				} else if j := prevNonBlank(lines, i); j > used && j >= 0 && isAuthor(stripBullet(lines[j].text)) && !strings.Contains(strings.TrimSpace(lines[j].text), " ") {
					h.author, h.first = cleanAuthor(lines[j].text), j
				}
			}
			heads = append(heads, h)
			used = h.last
		}
	}
	// A comments header splits the article from the thread.
	for i, l := range lines {
		if mayCommentsHeader(l.text) && (hasDigit(l.text) || strings.IndexByte(l.text, '(') >= 0) && isCommentsHeader(l.text) {
			k := 0
			for k < len(heads) && heads[k].first < i {
				k++
			}
			if k < len(heads) {
				heads = heads[k:]
			}
			break
		}
	}
	// Without a header, a lone date right under the title is the article's dateline.
	if len(heads) > 0 && heads[0].author == "" {
		nb := 0
		for _, l := range lines[:heads[0].first] {
			if l.text != "" {
				nb++
			}
		}
		if nb <= 2 {
			heads = heads[1:]
		}
	}
	return heads
}

// dateSeps are the separators a date may stand before on a byline: none on a line of
// ASCII without a bar.
func dateSeps(t string) []string {
	for i := 0; i < len(t); i++ {
		if t[i] == '|' || t[i] >= utf8.RuneSelf {
			return bylineSeps
		}
	}
	return nil
}

var bylineSeps = []string{" · ", " | ", " • ", " — "}

// mayDate is a cheap test that a line could hold a date: every date format has a digit,
// but for the relative ones ("yesterday", "an hour ago").
func mayDate(t string) bool {
	if hasDigit(t) {
		return true
	}
	if len(t) > 40 {
		return false // "an hour ago", "yesterday": short
	}
	return containsFoldASCII(t, "ago") || containsFoldASCII(t, "yesterday") || containsFoldASCII(t, "today") || containsFoldASCII(t, "just now")
}

// maySay is a cheap test that a line could be "Name says:".
func maySay(t string) bool {
	if len(t) > 90 {
		return false // "Name says:" and a date are short
	}
	return sayAtWordStart(t) && hasSayWord(t) && !moreWords(t, 12)
}

// sayVerbs are what a byline verb of reSays starts with, lower case; "hat geschrieben",
// "a écrit" and "ha scritto" by their last word.
var sayVerbs = []string{"says", "said", "sagt", "wrote", "writes", "commented", "schr", "meint", "geschrieben",
	"écrit", "dit", "dice", "dijo", "escribió", "comentó", "scri", "zegt", "zei"}

// sayVerbsByFirst lists the words of sayVerbs by the bytes a text they start under case
// folding can start with (s, S and ſ for "says").
var sayVerbsByFirst = func() (by [256][]string) {
	for _, w := range sayVerbs {
		r, _ := utf8.DecodeRuneInString(w)
		foldFirstBytes(r, func(b byte) { by[b] = append(by[b], w) })
	}
	return by
}()

// sayAtWordStart reports a word of sayVerbs, under Unicode case folding, right after an
// ASCII space (reSays's \s) that has something before it: reSays matches no line
// without one. Most lines are told by a byte at each word.
func sayAtWordStart(t string) bool {
	for p := 1; p < len(t); p++ {
		switch t[p-1] {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			continue
		}
		for _, w := range sayVerbsByFirst[t[p]] {
			if foldPrefix(t[p:], w) {
				return true
			}
		}
	}
	return false
}

// foldPrefix reports whether s starts with w, lower case, under Unicode simple case
// folding (as an expression's (?i) matches).
func foldPrefix(s, w string) bool {
	for _, wr := range w {
		if s == "" {
			return false
		}
		if c := s[0]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if rune(c) != wr {
				return false
			}
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		if !foldEqual(r, wr) {
			return false
		}
		s = s[n:]
	}
	return true
}

// foldEqual reports whether a and b are one letter under simple case folding.
func foldEqual(a, b rune) bool {
	for f := a; ; {
		if f == b {
			return true
		}
		if f = unicode.SimpleFold(f); f == a {
			return false
		}
	}
}

// sayWords are the byline verbs hasSayWord looks for, lower case.
var sayWords = []string{"say", "said", "wrote", "writes", "commented", "sagt", "schr", "meint", "crit",
	"dit", "dice", "scrive", "zegt", "dijo", "escribi", "coment", "zei", "schreef"}

// hasSayWord reports a byline verb in t ("says", "sagt", "a écrit", "dijo"). It runs on
// most short lines of a page: one pass over the bytes, folding ASCII capitals as it goes;
// a line with capitals and other than ASCII takes strings.ToLower, which may fold a
// letter into ASCII ("İ" to "i̇").
func hasSayWord(t string) bool {
	upper, ascii := false, true
	for i := 0; i < len(t); i++ {
		c := t[i]
		upper = upper || 'A' <= c && c <= 'Z'
		ascii = ascii && c < utf8.RuneSelf
	}
	if upper && !ascii {
		return hasSayWordSlow(t)
	}
	for i := 0; i < len(t); i++ {
		// only the words that start with this letter, in either case
		for _, w := range sayWordsByFirst[t[i]|0x20] {
			if hasFoldedPrefix(t[i:], w) {
				return true
			}
		}
	}
	return false
}

// sayWordsByFirst is sayWords by their first byte: hasSayWord tries at each letter of a
// line only the words that start with it.
var sayWordsByFirst = func() (by [256][]string) {
	for _, w := range sayWords {
		by[w[0]] = append(by[w[0]], w)
	}
	return by
}()

// hasFoldedPrefix reports whether t starts with the lower-case ASCII word w, ASCII
// capitals in t folded.
func hasFoldedPrefix(t, w string) bool {
	if len(t) < len(w) {
		return false
	}
	for j := 0; j < len(w); j++ {
		c := t[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[j] {
			return false
		}
	}
	return true
}

// hasSayWordSlow is hasSayWord for a line with capitals and other than ASCII.
func hasSayWordSlow(t string) bool {
	// "Jane says:", "kestrel wrote:", "JOHN SAID:": fold case only when the line has capitals
	for i := 0; i < len(t); i++ {
		if c := t[i]; 'A' <= c && c <= 'Z' {
			t = strings.ToLower(t)
			break
		}
	}
	return strings.Contains(t, "say") || strings.Contains(t, "said") || strings.Contains(t, "wrote") ||
		strings.Contains(t, "writes") || strings.Contains(t, "commented") || strings.Contains(t, "sagt") ||
		strings.Contains(t, "schr") || strings.Contains(t, "meint") || strings.Contains(t, "crit") ||
		strings.Contains(t, "dit") || strings.Contains(t, "dice") || strings.Contains(t, "scrive") || strings.Contains(t, "zegt") ||
		strings.Contains(t, "dijo") || strings.Contains(t, "escribi") || strings.Contains(t, "coment") || strings.Contains(t, "zei") ||
		strings.Contains(t, "schreef")
}

// authorDateLine reads a name and a date on one line: "Jane Doe - March 3, 2019 at 7:15
// pm", "Post by jane » Mon Mar 04, 2019 8:22 pm", and review bylines with more fields
// between ("Jane · Taken for 1 to 6 months · March 3, 2019").
func authorDateLine(t string) (head, bool) {
	if len(t) > 120 || strings.Count(t, " ") > 16 {
		return head{}, false // a byline is short
	}
	t = stripBullet(t)
	if strings.Contains(t, "dited") {
		t = reEditedSuffix.ReplaceAllString(t, "")
	}
	seps := authorDateSeps(t)
	for k, loc := range seps {
		left, right := strings.TrimSpace(t[:loc[0]]), strings.TrimSpace(t[loc[1]:])
		if left == "" || right == "" || !isAuthor(left) {
			continue
		}
		if tm, ok := ParseDate(right); ok {
			return head{author: cleanAuthor(left), raw: right, posted: tm, hasDate: true}, true
		}
		// The date may be a later field: "name · something · date".
		if k == 0 {
			for _, l2 := range seps[1:] {
				if last := strings.TrimSpace(t[l2[1]:]); last != "" {
					if tm, ok := ParseDate(last); ok && !tm.IsZero() {
						return head{author: cleanAuthor(left), raw: last, posted: tm, hasDate: true}, true
					}
				}
			}
		}
	}
	// A name and a date run together where the page put them in two inline elements:
	// "IwonaMay 30, 2019 at 1:06 PM", "Sana6. Juni 2015 um 10:23".
	if !moreWords(t, 15) { // a name of up to eight words and a date
		if h, ok := gluedByline(t); ok {
			return h, true
		}
	}
	// A one-word user name and a full date after one space: "Hayley1987 Sun 12-Mar-23
	// 21:04:18". The date must carry a day and a time or a year, not be a word of prose.
	// (a date ParseDate places has digits: most prose lines are told by them)
	if left, right, ok := strings.Cut(t, " "); ok && hasDigit(right) && isAuthor(left) && !(mayDateVerb(t) && reDateVerb.MatchString(t)) && reUserName.MatchString(left) {
		if tm, ok := ParseDate(right); ok && !tm.IsZero() && (tm.Hour() != 0 || tm.Minute() != 0 || strings.ContainsAny(right, ":")) {
			return head{author: left, raw: strings.TrimSpace(right), posted: tm, hasDate: true}, true
		}
	}
	return head{}, false
}

// saysMatch is reSays.FindStringSubmatch(s), run only when s has a byline verb
// (hasSayWord finds a piece of each of reSays's verbs) or an "ſ", which the expression
// folds to "s" and hasSayWord does not.
func saysMatch(s string) []string {
	if !sayAtWordStart(s) || !hasSayWord(s) && !strings.Contains(s, "ſ") {
		return nil
	}
	return reSays.FindStringSubmatch(s)
}

// replyingTo is reReplyingTo.FindStringSubmatch(t), run only when t starts with
// "replying to " in ASCII letters of either case (the expression's letters have no other
// case folding).
func replyingTo(t string) []string {
	const p = "replying to "
	if len(t) < len(p) || !hasFoldedPrefix(t, p) {
		return nil
	}
	return reReplyingTo.FindStringSubmatch(t)
}

// handleName is reHandleName.FindStringSubmatch(s), run only when s has an "@".
func handleName(s string) []string {
	if strings.IndexByte(s, '@') < 0 {
		return nil
	}
	return reHandleName.FindStringSubmatch(s)
}

// authorDateSeps finds the separators between an author and a date written on one line,
// as the expression `\s+(?:[-–—|·•»]|on|at)\s+|,\s+|\s{2,}|\t` finds them with
// FindAllStringIndex (TestAuthorDateSeps holds it to that): a dash, bar, bullet, "on" or
// "at" between spaces, a comma and spaces, two or more spaces, a tab. It runs on most
// short lines of a page, so it is written out.
func authorDateSeps(t string) [][]int {
	var seps [][]int
	for p := 0; p < len(t); {
		ws := wsRun(t, p)
		if ws > 0 {
			q := p + ws
			if n := sepWord(t[q:]); n > 0 {
				if ws2 := wsRun(t, q+n); ws2 > 0 {
					seps = append(seps, []int{p, q + n + ws2})
					p = q + n + ws2
					continue
				}
			}
			if ws >= 2 || t[p] == '\t' {
				end := q
				if ws < 2 {
					end = p + 1
				}
				seps = append(seps, []int{p, end})
				p = end
				continue
			}
		} else if t[p] == ',' {
			if ws2 := wsRun(t, p+1); ws2 > 0 {
				seps = append(seps, []int{p, p + 1 + ws2})
				p += 1 + ws2
				continue
			}
		}
		p++
	}
	return seps
}

// wsRun is the length of the run of \s (ASCII space, tab, newline, form feed, return) at
// t[p:].
func wsRun(t string, p int) int {
	n := 0
	for p+n < len(t) {
		switch t[p+n] {
		case ' ', '\t', '\n', '\f', '\r':
			n++
		default:
			return n
		}
	}
	return n
}

// sepWord is the length of the separator that t starts with (a dash, bar, bullet, "on",
// "at"), or 0.
func sepWord(t string) int {
	if t == "" {
		return 0
	}
	switch t[0] {
	case '-', '|':
		return 1
	case 'o':
		if strings.HasPrefix(t, "on") {
			return 2
		}
	case 'a':
		if strings.HasPrefix(t, "at") {
			return 2
		}
	}
	for _, s := range []string{"–", "—", "·", "•", "»"} {
		if strings.HasPrefix(t, s) {
			return len(s)
		}
	}
	return 0
}

// reUserName is a forum user name: one token with a digit, an underscore or a capital
// inside ("Hayley1987", "WildGarlicPesto", "dr_k").
var reUserName = mustAnchor(`^[\p{L}\p{N}_.-]*(?:\p{N}|_|\p{Ll}\p{Lu}|\p{L}\.\p{L})[\p{L}\p{N}_.-]*$`)

// stripBullet trims s and the bullet or number before a list item: "• Jane", "3. Jane".
// It runs several times on each name line, so it is written out, not an expression.
func stripBullet(s string) string {
	s = strings.TrimSpace(s)
	if r, n := utf8.DecodeRuneInString(s); strings.ContainsRune("•·●▪◦‣∙*+>-", r) {
		return strings.TrimSpace(s[n:])
	}
	digits := 0
	for digits < len(s) && '0' <= s[digits] && s[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < len(s) && s[digits] == '.' {
		rest := strings.TrimSpace(s[digits+1:])
		// "15. Dezember 2015": a day, not a list number
		if w, _, _ := strings.Cut(rest, " "); monthNames[strings.ToLower(strings.TrimRight(w, ".,"))] != 0 {
			return s
		}
		return rest
	}
	return s
}

// stripBy drops the "by" before a name: "Posted by jane" -> "jane". reBy's lines start
// with b, p, w, c, r, m or v, and no other letter folds to those: the expression runs only then.
func stripBy(s string) string {
	if s == "" || !strings.ContainsRune("bpwcrmvBPWCRMV", rune(s[0])) {
		return s
	}
	if loc := reBy.FindStringIndex(s); loc != nil {
		return s[loc[1]:] // the expression is anchored at the start
	}
	return s
}

func cleanAuthor(s string) string {
	s = stripBy(stripBullet(strings.TrimLeft(s, ",;·|–— ")))
	if m := saysMatch(s); m != nil && m[2] == "" {
		s = m[1]
	}
	s = strings.TrimSuffix(strings.TrimSpace(s), ":")
	return strings.TrimSpace(s)
}

// isAuthor reports whether s reads as a commenter's name or handle: short, not a sentence,
// not a date, not a link line or header.
var reClockTime = mustAnchor(`(?i)^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?$`)

func isAuthor(s string) bool {
	s = strings.TrimSuffix(strings.TrimSpace(s), ":")
	if len(s) > 200 {
		return false
	}
	s = stripBy(s)
	if s == "" || runesOver(s, 50) {
		return false
	}
	// The cheap tests first: this runs on many lines.
	if strings.Count(s, " ") > 8 || moreWords(s, 5) || strings.Contains(s, ": ") {
		return false // a sentence, or a "Condition: ..." field
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune("?!,;", last) {
		return false
	}
	// "the section US & Canada", "die Redaktion": a phrase, not a name
	if first, rest, ok := strings.Cut(s, " "); ok && strings.Contains(rest, " ") && phraseWords[first] {
		return false
	}
	// A sentence ends with a period; a name may end with an initial ("Julie O.").
	if last == '.' {
		f := strings.Fields(s)
		w := f[len(f)-1]
		if utf8.RuneCountInString(w) > 3 {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '@' || r == '_') {
		return false
	}
	// The regular expressions are the costly part, and short lines repeat across pages
	// ("Reply", "Anonymous", "3 years ago"): their answers are kept, up to a bound.
	if v, ok := authorCache.get(s); ok {
		return v
	}
	ok := !isLinkLine(s) && !isCommentsHeader(s) && !reFooter.MatchString(s) && !reClockTime.MatchString(s)
	if ok {
		_, date := ParseDate(s)
		ok = !date // a date or a time of day ("9:41 AM") is no name
	}
	authorCache.put(s, ok)
	return ok
}

// moreWords reports whether s has more than n words (as strings.Fields splits them),
// without making the slice: isAuthor asks it of most lines.
// (A negative n asks for at least one word.)
func moreWords(s string, n int) bool { n = max(n, 0); return countWords(s, n+1) > n }

// countWords is the number of words in s (as strings.Fields splits them), counting no
// further than max.
func countWords(s string, max int) int {
	n := 0
	inWord := false
	for i := 0; i < len(s) && n < max; {
		c, size := rune(s[i]), 1
		if c >= utf8.RuneSelf {
			c, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if c == ' ' || '\t' <= c && c <= '\r' || c >= utf8.RuneSelf && unicode.IsSpace(c) {
			inWord = false
		} else if !inWord {
			inWord = true
			n++
		}
	}
	return n
}

var (
	authorCache = boundedCache[bool]{max: 200_000} // line -> isAuthor's answer
	linkCache   = boundedCache[bool]{max: 50_000}  // line -> isLinkLine's answer
)

func prevNonBlank(lines []line, i int) int {
	for j := i - 1; j >= 0; j-- {
		if lines[j].text != "" {
			return j
		}
	}
	return -1
}

func nextNonBlank(lines []line, i int) int {
	for j := i + 1; j < len(lines); j++ {
		if lines[j].text != "" {
			return j
		}
	}
	return -1
}

var (
	// A review's stars before its title: "5.0 out of 5 stars Finally sleeping".
	reStarsTitle = mustAnchor(`^\d(?:\.\d)?\s+out\s+of\s+5\s+stars\s*`)
	// A vote or like count on its own line under a comment: "89", "1.2k", "12 points".
	reVotes         = mustAnchor(`(?i)^(?:x\s?)?\d+(?:\.\d+)?k?(?:\s+(?:points?|votes?|likes?))?$`)
	reEditedSuffix  = regexp.MustCompile(`(?i)\s*(?:[•·]\s*edited\b.*|\(edited\))$`)
	reEdited        = mustAnchor(`(?i)^\s*[·•]?\s*(?:last\s+)?edited\b.{0,40}$`)
	reDeletedAuthor = mustAnchor(`^\[(?:deleted|removed)\]$`)
)

// mayEdited is a cheap test before reEdited: after ASCII white space its lines start
// with "·", "•", "last" or "edited".
func mayEdited(t string) bool {
	for i := 0; i < len(t); i++ {
		switch c := t[i]; c {
		case ' ', '\t', '\n', '\f', '\r':
		case 'l', 'L', 'e', 'E', "·"[0], "•"[0]:
			return true
		default:
			return false
		}
	}
	return false
}

// isVotes reports a vote count (reVotes); its lines start with a digit or an x.
func isVotes(t string) bool {
	return t != "" && ('0' <= t[0] && t[0] <= '9' || t[0]|0x20 == 'x') && reVotes.MatchString(t)
}

var reLevel = mustAnchor(`(?i)^\s*level\s+(\d{1,3})\s*$`)

// roleBadges are forum labels printed where a name would be: "OP · 3 yr. ago".
var roleBadges = map[string]bool{"op": true, "mod": true, "moderator": true, "admin": true,
	"author": true, "original poster": true, "staff": true, "autor": true, "autorin": true, "auteur": true,
	"autore": true}

var (
	rePostNumber = mustAnchor(`^#\s?\d{1,6}$`)
	// Lines of a forum's member box: "Junior Member", "Join Date: Jun 2011", "Posts: 1,204".
	reMemberBox = mustAnchor(`(?i)^(?:(?:junior|senior|new|regular|veteran|active|distinguished|inactive|banned|elite|super|platinum|gold|silver|bronze|registered|premium|valued)\s+)?(?:member|user|poster|contributor)$|^(?:moderator|administrator|admin|guest|banned)$|^(?:join(?:ed)?(?:\s+date)?|posts|location|age|gender|thanks|thanked|reputation|rep power|member since|registered)\s*:.*$`)
)

// vBulletinHead reads a vBulletin post head under its date line: "#2", the author, and
// the member box ("Senior Member", "Join Date: Mar 2008", "Posts: 1,204") and the post's
// own "Re: title" line.
func vBulletinHead(lines []line, h *head) bool {
	k := nextNonBlank(lines, h.last)
	if k < 0 || !rePostNumber.MatchString(strings.TrimSpace(lines[k].text)) {
		return false
	}
	a := nextNonBlank(lines, k)
	if a < 0 || !isAuthor(lines[a].text) {
		return false
	}
	h.author, h.last = cleanAuthor(lines[a].text), a
	for j := a + 1; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j].text)
		if t == "" || reMemberBox.MatchString(t) {
			h.last = j
			continue
		}
		break
	}
	// The post's title line: "Re: Celebrex and stomach pain", or the thread's title.
	if j := nextNonBlank(lines, h.last); j >= 0 {
		t := strings.TrimSpace(lines[j].text)
		if strings.HasPrefix(t, "Re: ") || t == strings.TrimSpace(lines[0].text) {
			h.last = j
		}
	}
	return true
}

// bylinesAfterText reports a page whose texts stand over their bylines: the last byline
// has no text after it, every other one has, and some text stands over the first.
func bylinesAfterText(lines []line, heads []head) bool {
	if len(heads) < 2 {
		return false
	}
	body := func(k int) []line {
		return stripTrailers(lines[heads[k].last+1:bodyEnd(lines, heads, k)], k+1 == len(heads))
	}
	if len(body(len(heads)-1)) > 0 || len(stripTrailers(lines[:heads[0].first], false)) == 0 {
		return false
	}
	linkFirst := true // "62 people found this review helpful" right under each byline
	for k := 0; k+1 < len(heads); k++ {
		if len(body(k)) == 0 {
			return false
		}
		if j := nextNonBlank(lines, heads[k].last); j < 0 || !isLinkLine(lines[j].text) {
			linkFirst = false
		}
	}
	// or the texts are quoted: "I was on Lipitor ..."
	quoted := true
	for k := 0; k < len(heads) && quoted; k++ {
		j := prevNonBlank(lines, heads[k].first)
		for j >= 0 && isLinkLine(lines[j].text) {
			j = prevNonBlank(lines, j)
		}
		quoted = j >= 0 && strings.ContainsAny(lastRuneString(lines[j].text), "\"”'’")
	}
	return linkFirst || quoted
}

func lastRuneString(s string) string {
	s = strings.TrimSpace(s)
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// trimNav drops the navigation, consent and sharing lines that open and close a saved
// page's article ("Skip to main content", "Log In", "We use cookies...", "Sort by: best").
func trimNav(ls []line) []line {
	nav := func(t string) bool {
		return t == "" || reNavLine.MatchString(t) || isLinkLine(t) || isVotes(t) ||
			isCommentsHeader(t)
	}
	for len(ls) > 0 && nav(ls[0].text) {
		ls = ls[1:]
	}
	for len(ls) > 0 && nav(ls[len(ls)-1].text) {
		ls = ls[:len(ls)-1]
	}
	return ls
}

var (
	// A review's demographic fields after the name: "55-64", "Female", "On medication for
	// 1 to 6 months", "Caregiver".
	reDemographic = mustAnchor(`(?i)^(?:\d{1,2}\s*-\s*\d{1,2}|\d{1,2}\s+or\s+(?:over|older)|under\s+\d{1,2}|male|female|man|woman|non-binary|patient|caregiver|on medication\b.*|taken for\b.*|on treatment\b.*)$`)
	// A review's rating line: "Effectiveness ★★★★★ Ease of Use ★★★★☆", "Rating: 4/5".
	reRatingLine = mustAnchor(`(?i)^(?:(?:overall(?:\s+rating)?|effectiveness|ease\s+of\s+use|satisfaction|rating|side\s+effects|value)\s*:?\s*(?:[★☆]+|\d+(?:\.\d)?(?:\s*/\s*(?:5|10))?)\s*)+$`)
)

// demographicByline reads "JoAnn | 55-64 | Female | On medication for 5 years": the
// name, when the other fields are a review's demographics.
func demographicByline(s string) (string, bool) {
	fields := strings.Split(s, "|")
	if len(fields) < 2 || !isAuthor(strings.TrimSpace(fields[0])) {
		return "", false
	}
	for _, f := range fields[1:] {
		if !reDemographic.MatchString(strings.TrimSpace(f)) {
			return "", false
		}
	}
	return cleanAuthor(strings.TrimSpace(fields[0])), true
}

// dropRatings removes a review's rating lines from its text.
func dropRatings(ls []line) []line {
	var out []line // made at the first line dropped: most texts have none
	for i, l := range ls {
		// a rating has stars or a number
		keep := len(l.text) > 120 || !mayRating(l.text) || !hasDigit(l.text) && !strings.Contains(l.text, "★") && !strings.Contains(l.text, "☆") ||
			!reRatingLine.MatchString(l.text)
		if !keep && out == nil {
			out = append(make([]line, 0, len(ls)), ls[:i]...)
		}
		if keep && out != nil {
			out = append(out, l)
		}
	}
	if out == nil {
		return ls
	}
	return out
}

// mayRating is a cheap test before reRatingLine: its lines start with o, e, s (or ſ), r
// or v.
func mayRating(t string) bool {
	if t == "" {
		return false
	}
	switch t[0] | 0x20 {
	case 'o', 'e', 's', 'r', 'v':
		return true
	}
	return t[0] == "ſ"[0]
}

// isDateLine reports a line that is only a date, with at most a count beside it ("3y
// ago", "3y ago • 14 Replies"): at the end of a comment it is its byline, not its text.
func isDateLine(t string) bool {
	if runesOver(t, 40) || !mayDate(t) {
		return false
	}
	if i := strings.IndexAny(t, "•·|"); i > 0 {
		t = strings.TrimSpace(t[:i])
	}
	_, ok := ParseDate(t)
	return ok
}

var (
	// old Reddit's byline: "[–] user 112 points 3 years ago", "[–] op[S] 28 points 3 years ago*"
	reOldRedditByline = mustAnchor(`^\[[–\-+]\]\s+([\w-]{1,40})(?:\s*\[[SM]\])?\s+-?\d+\s+points?\s+(.{1,40})$`)
	// "hankm @hankm": a name and its handle
	reHandleName = mustAnchor(`^(.{1,40}?)\s+(@[\w.-]{1,40})$`)
	// "@beccahale_runs"
	reHandle = mustAnchor(`^@[\w.]{1,40}$`)
	// "Replying to @hankm"
	reReplyingTo = mustAnchor(`(?i)^replying to (@[\w.-]{1,40})`)
)

// reInReplyTo is HealthUnlocked's reply byline: "Alison_K in reply to SlowDragon".
var reInReplyTo = mustAnchor(`(?i)^(.{1,40}?)\s+in\s+reply\s+to\s+(.{1,40})$`)

// datesAfterText re-reads a thread whose comments are a name, the text, then the date
// ("SlowDragon", the reply, "3y ago", "Like (5)", "Reply"): every date line was found
// without a name, and after each one's link lines the next comment's name starts. Each
// name becomes a head with the date that follows its text; the first date is the
// opening post's.
func datesAfterText(lines []line, heads []head) []head {
	if len(heads) < 2 {
		return heads
	}
	var out []head
	// the thread's furniture between a date and the next name
	furniture := func(j int) bool {
		t := lines[j].text
		return isLinkLine(t) || isCommentsHeader(t) || isVotes(t)
	}
	// The first comment's name stands over its text, under the thread's header or the
	// opening post's link lines ("14 Replies", "SlowDragon", the reply, "3y ago").
	if heads[0].author == "" {
		for j := heads[0].first - 1; j >= 0 && j >= heads[0].first-40; j-- {
			t := strings.TrimSpace(lines[j].text)
			if t == "" || !isAuthor(t) || strings.ContainsAny(t, ".!?") {
				continue
			}
			if p := prevNonBlank(lines, j); p >= 0 && furniture(p) {
				out = append(out, head{first: j, last: j, author: cleanAuthor(t), raw: heads[0].raw, posted: heads[0].posted, hasDate: heads[0].hasDate})
			}
			break
		}
	}
	for k, h := range heads {
		if h.author != "" {
			return heads
		}
		a := nextNonBlank(lines, h.last)
		for a >= 0 && furniture(a) {
			a = nextNonBlank(lines, a)
		}
		if k+1 == len(heads) {
			break // the last date ends the last comment
		}
		if a < 0 || a >= heads[k+1].first {
			return heads
		}
		name, t := "", strings.TrimSpace(lines[a].text)
		if m := reInReplyTo.FindStringSubmatch(t); m != nil && isAuthor(m[1]) {
			name = t // split into author and parent with the other reply bylines
		} else if isAuthor(t) && !strings.ContainsAny(t, ".!?") {
			name = cleanAuthor(t)
		} else {
			return heads
		}
		next := heads[k+1]
		out = append(out, head{first: a, last: a, author: name, raw: next.raw, posted: next.posted, hasDate: next.hasDate})
	}
	return out
}

// reActionDate is a social network's line under a comment: its actions and its age,
// "Like · Reply · 3y", "Like · Reply · 2y · Edited".
var reActionDate = mustAnchor(`(?i)^(?:(?:like|love|reply|share|comment|react|see translation)\s*[·•]\s*)+(\d{1,3}\s?(?:y|yr|yrs|mo|mos|w|wk|wks|d|h|hr|hrs|min|mins|m)|\d+\s+\w+\s+ago|just now|yesterday)(?:\s*[·•]\s*edited)?$`)

// actionBylines reads a copied social-network thread where each comment is a block of
// lines: the name, maybe a badge ("Admin", "Author"), the text, then "Like · Reply · 3y".
func actionBylines(lines []line) []head {
	var heads []head
	for i, l := range lines {
		// two Contains, not ContainsAny: with non-ASCII sets that decodes the line rune by rune
		if len(l.text) > 80 || !strings.Contains(l.text, "·") && !strings.Contains(l.text, "•") {
			continue
		}
		m := reActionDate.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		// The block: the lines without a blank above the action line.
		first := i
		for first > 0 && lines[first-1].text != "" && !reActionDate.MatchString(lines[first-1].text) && !isVotes(lines[first-1].text) {
			first--
		}
		if first >= i-1 || !isAuthor(lines[first].text) || strings.ContainsAny(lines[first].text, ".!?") {
			continue // no name over a text
		}
		h := head{first: first, last: first, author: cleanAuthor(lines[first].text), raw: m[1]}
		h.posted, h.hasDate = ParseDate(m[1])
		if first+1 < i-1 && roleBadges[strings.ToLower(strings.TrimSpace(lines[first+1].text))] {
			h.last = first + 1
		}
		heads = append(heads, h)
	}
	if len(heads) < 2 {
		return nil
	}
	return heads
}

// lineText is the text of line i, or "" when i is out of range.
func lineText(lines []line, i int) string {
	if i < 0 || i >= len(lines) {
		return ""
	}
	return lines[i].text
}

var (
	// A review table's header: tab-separated columns, one of them a date.
	reTableDate = mustAnchor(`(?i)^(?:date(?:\s+added)?|posted|added|when)$`)
	reTableText = regexp.MustCompile(`(?i)comment|review|side\s+effects?|reason|condition|experience|description`)
)

// parseReviewTable reads a copied table of reviews (AskaPatient: RATING, REASON, SIDE
// EFFECTS, COMMENTS, SEX, AGE, DURATION/DOSAGE, DATE ADDED, a row a review, tab-separated).
// Each row is a comment: its text the labelled text columns ("Reason: ...", "Side
// effects: ...", "Comments: ...", "Duration/dosage: ..."), its date the date column.
// It returns nil when the page holds no such table.
func parseReviewTable(source string, lines []line) *Page {
	hdr, dateCol := -1, -1
	var cols []string
	for i, l := range lines {
		if strings.Count(l.text, "\t") < 3 {
			continue
		}
		f := strings.Split(l.text, "\t")
		text := 0
		for k, c := range f {
			c = strings.TrimSpace(c)
			if reTableDate.MatchString(c) {
				dateCol = k
			}
			if reTableText.MatchString(c) {
				text++
			}
		}
		if dateCol >= 0 && text > 0 {
			hdr, cols = i, f
			break
		}
		dateCol = -1
	}
	if hdr < 0 {
		return nil
	}
	p := &Page{Source: source, Format: FormatPageText}
	var rows []int
	for i := hdr + 1; i < len(lines); i++ {
		if strings.Count(lines[i].text, "\t") == len(cols)-1 {
			rows = append(rows, i)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	for k, i := range rows {
		f := strings.Split(lines[i].text, "\t")
		var parts []string
		for j, v := range f {
			v = strings.TrimSpace(v)
			name := strings.TrimSpace(cols[j])
			if j == dateCol || v == "" || !reTableText.MatchString(name) && !strings.Contains(strings.ToLower(name), "dos") && !strings.Contains(strings.ToLower(name), "duration") {
				continue
			}
			// "SIDE EFFECTS FOR LEXAPRO" -> "Side effects"
			label := strings.ToLower(name)
			if i := strings.Index(label, " for "); i > 0 {
				label = label[:i]
			}
			parts = append(parts, strings.ToUpper(label[:1])+label[1:]+": "+v)
		}
		c := Comment{Index: k, Parent: -1, Text: strings.Join(parts, "\n")}
		c.PostedRaw = strings.TrimSpace(f[dateCol])
		c.Posted, _ = ParseDate(c.PostedRaw)
		p.Comments = append(p.Comments, c)
	}
	body := trimNav(trimBlank(lines[:hdr]))
	if len(body) > 0 && utf8.RuneCountInString(body[0].text) <= 200 {
		p.Title = body[0].text
		body = trimBlank(body[1:])
	}
	p.Article = joinParagraphs(body)
	return p
}

// dropEmptyHeads removes dates with neither a name nor any text under them: a thread's
// timeline ("Jan 2022", "1 / 6", "Mar 2022"), not comments.
func dropEmptyHeads(lines []line, heads []head) []head {
	var out []head // made at the first head dropped: most pages drop none
	for k, h := range heads {
		if h.author == "" && len(stripTrailers(lines[h.last+1:bodyEnd(lines, heads, k)], k+1 == len(heads))) == 0 {
			if out == nil {
				out = append(make([]head, 0, len(heads)), heads[:k]...)
			}
			continue
		}
		if out != nil {
			out = append(out, h)
		}
	}
	if out == nil {
		return heads
	}
	return out
}

// footerFirstWords are the first words reFooter's lines can start with: a cheap test
// before the expression.
var footerFirstWords = map[string]bool{"leave": true, "post": true, "add": true, "write": true,
	"schreibe": true, "hinterlasse": true, "kommentar": true, "laisser": true, "dejar": true, "deja": true,
	"lascia": true, "laat": true, "this": true, "diese": true, "deine": true, "votre": true,
	"your": true, "cancel": true, "you": true, "copyright": true, "related": true, "more": true,
	"want": true, "not": true, "load": true, "show": true, "view": true, "next": true,
	"showing": true, "privacy": true, "terms": true, "powered": true, "also": true,
	"sponsored": true, "who": true, "return": true, "jump": true, "about": true, "top": true,
	"please": true, "back": true, "conditions": true, "get": true, "use": true, "help": true,
	"discover": true, "join": true, "to": true}

func mayFooter(t string) bool {
	if strings.HasPrefix(t, "©") || strings.HasPrefix(t, "(") {
		return true
	}
	w, _, _ := strings.Cut(t, " ")
	if len(w) > 12 {
		return false
	}
	return inLower(footerFirstWords, strings.TrimRight(w, ">:"))
}

func oldRedditByline(t string) []string {
	if t == "" || t[0] != '[' {
		return nil
	}
	return reOldRedditByline.FindStringSubmatch(t)
}

// isCommentsHeader reports a comments header ("12 Responses", "Comments (3)"). Each one
// starts with a digit or with c, r, s, v or l (ſ folds to s): a cheap test before the
// expression, which runs on most lines.
func isCommentsHeader(t string) bool {
	return mayCommentsHeader(t) && reCommentsHeader.MatchString(t)
}

// mayCommentsHeader is isCommentsHeader's test before the expression.
func mayCommentsHeader(t string) bool {
	if t == "" {
		return false
	}
	r := rune(t[0])
	switch c := t[0] | 0x20; {
	case '0' <= t[0] && t[0] <= '9', c == 'c', c == 'r', c == 's', c == 'v', c == 'l':
	case strings.HasPrefix(t, "ſ"):
		r = 'ſ'
	default:
		return false
	}
	// and after a letter, the second of "comments", "reader", "réactions", "show",
	// "view", "vos", "leser", "load" (no other letter folds to those)
	if r < '0' || r > '9' && r < utf8.RuneSelf {
		if len(t) < 2 {
			return false
		}
		c := t[1] | 0x20
		switch r | 0x20 {
		case 'c':
			if c != 'o' {
				return false
			}
		case 'r':
			if c != 'e' && t[1] != "é"[0] {
				return false
			}
		case 's':
			if c != 'h' {
				return false
			}
		case 'v':
			if c != 'o' && c != 'i' {
				return false
			}
		case 'l':
			if c != 'e' && c != 'o' {
				return false
			}
		}
	}
	return true
}

// isLinkLine reports a line of links or counts under a comment ("Reply", "12 Likes |
// Report"): short, so a paragraph is not run through the long expression.
func isLinkLine(t string) bool {
	if strings.HasPrefix(t, "/") || strings.HasPrefix(t, "|") || strings.HasPrefix(t, "·") || strings.HasPrefix(t, "•") {
		t = strings.TrimLeft(t, "/|·• ") // "/ Responder"
	}
	if t == "" || len(t) > 160 {
		return false
	}
	if c := t[0]; c < '0' || c > '9' {
		if r, _ := utf8.DecodeRuneInString(t); r != '★' && r != '☆' {
			if !linkFirstWord(t) {
				return false
			}
		}
	}
	// Link lines repeat on every page ("Reply", "12 Likes | Report"): the expression's
	// answers are kept, up to a bound.
	if v, ok := linkCache.get(t); ok {
		return v
	}
	ok := reLinkLine.MatchString(t)
	linkCache.put(t, ok)
	return ok
}

// linkFirstWord reports whether t's first word (its letters) is one of linkFirstWords.
// An ASCII word is lowered in a buffer, not a new string.
func linkFirstWord(t string) bool {
	var buf [32]byte
	n := 0
	for ; n < len(t); n++ {
		c := t[n]
		if c >= utf8.RuneSelf {
			w := t
			if i := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
				w = t[:i]
			}
			return linkFirstWords[strings.ToLower(w)]
		}
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			break
		}
		if n == len(buf) {
			return false // longer than any
		}
		buf[n] = c | 0x20
	}
	return linkFirstWords[string(buf[:n])]
}

// linkFirstWords are the words reLinkLine's lines can start with: a cheap test before
// the expression.
var linkFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`reply replies report flag like likes share quote permalink
		upvote upvotes downvote downvotes vote votes helpful edit delete see view hide level was
		log login sign avatar answer answers thanks thank save saved follow award give heart hug
		recommend point points more continue yes no edited add message select cancel you created
		last views users user links link reposts repost quotes bookmarks bookmark embed parent one
		vine top size color colour style flavor flavour pattern pack verified rating reactions
		reaction jan feb mar apr may jun jul aug sep oct nov dec antworten beantworten zitieren
		melden répondre repondre signaler responder rispondi antwoorden gefällt j likeliked liked
		antwort réponse replydelete antwortenlöschen weiterlesen read mehr lire leer lees continua répondresupprimer responderexcluir löschen supprimer eliminar`) {
		m[w] = true
	}
	return m
}()

var (
	// Stack Exchange's byline under a post: "answered Mar 3, 2019 at 12:47", then the name,
	// then the reputation.
	reQAByline = mustAnchor(`(?i)^(asked|answered)\s+(.{4,40})$`)
	// A comment's signature: "– Narusan", "– Graham Chiu ♦", then its date.
	reQASignature = mustAnchor(`^[–-]\s+(.{1,40}?)(?:\s*♦)?$`)
	// The furniture between a Q&A page's posts.
	reQAFurniture = mustAnchor(`(?i)^(?:share|improve this (?:question|answer)|follow|add a comment|\d+ answers?|sorted by:.*|edited\s+.{4,40}|modified\s+.{4,40}|viewed\s+.{1,20}\s+times|\d[\d,.]*k?)$`)
)

// parseQAPage reads a copied Stack Exchange question: the question is the article; each
// answer ends with "answered <date>", the name and the reputation; each comment with "–
// Name" and its date. A comment replies to the answer it stands under. It returns nil
// when the page has no answer bylines.
func parseQAPage(source string, lines []line) *Page {
	answered := 0
	for i, l := range lines {
		if l.text == "" || l.text[0]|0x20 != 'a' { // "asked", "answered"
			continue
		}
		if m := reQAByline.FindStringSubmatch(l.text); m != nil && strings.EqualFold(m[1], "answered") {
			if _, ok := ParseDate(m[2]); ok {
				if n := nextNonBlank(lines, i); n == i+1 && isAuthor(lines[n].text) {
					answered++
				}
			}
		}
	}
	if answered == 0 {
		return nil
	}
	p := &Page{Source: source, Format: FormatPageText}
	clean := func(ls []line) string {
		var out []line
		for _, l := range ls {
			if reQAFurniture.MatchString(l.text) || isLinkLine(l.text) {
				continue
			}
			out = append(out, l)
		}
		// the editor's name under "edited <date>" stands alone at the end
		return joinParagraphs(trimBlank(out))
	}
	start, answer := -1, -1
	for i := 0; i < len(lines); i++ {
		t := lines[i].text
		if m := reQAByline.FindStringSubmatch(t); m != nil {
			name := nextNonBlank(lines, i)
			if name < 0 || !isAuthor(lines[name].text) {
				continue
			}
			end := i
			// "edited <date>" and the editor's name over the byline are not the text
			for j := prevNonBlank(lines, end); j > start && j >= 0 && (reQAFurniture.MatchString(lines[j].text) || isLinkLine(lines[j].text) || isAuthor(lines[j].text) && j > 0 && strings.HasPrefix(strings.ToLower(lines[prevNonBlank(lines, j)].text), "edited ")); j = prevNonBlank(lines, j) {
				end = j
			}
			next := name + 1
			if next < len(lines) && isVotes(lines[next].text) {
				next++ // the reputation
			}
			if strings.EqualFold(m[1], "asked") {
				p.Article = clean(lines[max(start, 0):end])
			} else {
				c := Comment{Index: len(p.Comments), Author: cleanAuthor(lines[name].text), PostedRaw: m[2], Parent: -1,
					Text: clean(lines[max(start, 0):end])}
				c.Posted, _ = ParseDate(m[2])
				answer = c.Index
				p.Comments = append(p.Comments, c)
			}
			start, i = next, next-1
			continue
		}
		if m := reQASignature.FindStringSubmatch(t); m != nil {
			d := nextNonBlank(lines, i)
			if d < 0 {
				continue
			}
			tm, ok := ParseDate(lines[d].text)
			if !ok {
				continue
			}
			c := Comment{Index: len(p.Comments), Author: strings.TrimSpace(m[1]), PostedRaw: lines[d].text, Posted: tm,
				Parent: answer, Text: clean(lines[max(start, 0):i])}
			p.Comments = append(p.Comments, c)
			start, i = d+1, d
		}
	}
	if start < 0 {
		return nil
	}
	// The title stands over "Asked 5 years ago".
	for i, l := range lines {
		if strings.HasPrefix(l.text, "Asked ") {
			if j := prevNonBlank(lines, i); j >= 0 {
				p.Title = lines[j].text
			}
			break
		}
	}
	return p
}

// gluedByline reads a name and a full date with no space between: the date starts at a
// capital or a digit right after a lower-case letter.
func gluedByline(t string) (head, bool) {
	if len(t) > 90 || !hasGlue(t) {
		return head{}, false
	}
	prev := rune(0)
	for i, r := range t {
		if i > 0 && unicode.IsLetter(prev) && (unicode.IsUpper(r) || unicode.IsDigit(r)) {
			left, right := t[:i], t[i:]
			if w, _, _ := strings.Cut(right, " "); unicode.IsUpper(r) && !mayStartDate(w) {
				prev = r
				continue
			}
			// the run-together shape is evidence enough for a long blog name ("Liz That
			// Skinny Chick Can Bake")
			if isAuthor(left) || !moreWords(left, 8) && len(left) <= 60 && !strings.ContainsAny(left, ".!?:;") {
				if tm, ok := ParseDate(right); ok && !tm.IsZero() {
					return head{author: cleanAuthor(left), raw: right, posted: tm, hasDate: true}, true
				}
			}
		}
		prev = r
	}
	return head{}, false
}

// reGluedLink is a link word run into a comment's last sentence by inline markup: "...on
// Stack Overflow's job board.Report".
var reGluedLink = regexp.MustCompile(`([.!?…)"”'’])\s?(?:Report|Reply|Flag|Antworten|Melden|Répondre|Signaler|Share|Like)$`)

// gluedLinks are reGluedLink's link words: a text that ends with none is left as is.
var gluedLinks = []string{"Report", "Reply", "Flag", "Antworten", "Melden", "Répondre", "Signaler", "Share", "Like"}

// trimGluedLink drops a link word glued to the end of a text.
func trimGluedLink(s string) string {
	if len(s) < 6 || s[len(s)-1] < 'a' || s[len(s)-1] > 'z' {
		return s // each link word ends with a lower-case letter
	}
	for _, w := range gluedLinks {
		if strings.HasSuffix(s, w) {
			return reGluedLink.ReplaceAllString(s, "$1")
		}
	}
	return s
}

var (
	// A forum's quote of another post over the reply: "Pepemaus said:", "Pepemaus hat
	// gesagt.:", "Zitat von TheFreeman", "Quote from jane".
	reQuoteHead = mustAnchor(`(?i)^(?:.{1,40}\s+(?:said|wrote|hat gesagt|schrieb|a dit|a écrit|dijo|ha scritto|zei)\s*\.?\s*:|(?:quote|zitat|citation|cita)(?:\s+(?:from|von|de|di))?(?:\s+.{1,40})?:?)$`)
	// The line that ends a quote where the forum folds it: XenForo's "Click to expand...".
	reQuoteEnd = mustAnchor(`(?i)^(?:click to expand|zum vergrößern anklicken|klicken zum erweitern|cliquez pour (?:agrandir|développer)|haz clic para expandir|clicca per espandere|klik om uit te vouwen)\.*$`)
)

// dropQuotes removes the quotes of other posts from a forum post's text, where the page
// shows where each ends and the quoted post is on the page too (page is the page's text):
// quoted words are their writer's, and counted for the one who quotes them they would be
// counted twice and for the wrong person. A quote of a post the page does not hold stays:
// nothing is lost.
func dropQuotes(ls []line, page string) []line {
	for i := 0; i < len(ls); i++ {
		t := ls[i].text
		// ">Sokal Squared hoax": a line quoted the Markdown way, from a post on the page
		if len(t) > 12 && t[0] == '>' && strings.Count(page, strings.TrimSpace(t[1:])) >= 2 {
			ls = append(ls[:i:i], ls[i+1:]...)
			i--
			continue
		}
		// a quote's head ends with a colon or names itself ("Zitat von X")
		if t == "" || len(t) > 80 || !strings.HasSuffix(t, ":") && !strings.ContainsAny(t[:1], "QqZzCc") || !reQuoteHead.MatchString(t) {
			continue
		}
		end := -1
		for j := i + 1; j < len(ls) && j <= i+60; j++ {
			if len(ls[j].text) < 40 && reQuoteEnd.MatchString(ls[j].text) {
				if first := nextNonBlank(ls, i); first < j && strings.Count(page, ls[first].text) >= 2 {
					end = j
				}
				break
			}
		}
		if end < 0 {
			// no end shown ("Zitat von X"): the quote is the lines the page holds twice,
			// once in the quoted post
			for j := i + 1; j < len(ls) && (ls[j].text == "" || len(ls[j].text) >= 12 && strings.Count(page, ls[j].text) >= 2); j++ {
				if ls[j].text != "" {
					end = j
				}
			}
		}
		if end > i {
			ls = append(ls[:i:i], ls[end+1:]...)
			i--
		}
	}
	return trimBlank(ls)
}

// dropQuoteHeads removes the "Name said:" heads that open a quote inside a post: the
// forum shows where the quote ends ("Click to expand...") before the next head.
func dropQuoteHeads(lines []line, heads []head) []head {
	var out []head // made at the first head dropped: most pages drop none
	for k, h := range heads {
		quote := false
		if h.says && !h.hasDate {
			for _, l := range lines[h.last+1 : bodyEnd(lines, heads, k)] {
				if len(l.text) < 40 && reQuoteEnd.MatchString(l.text) {
					quote = true
					break
				}
			}
		}
		if quote && out == nil {
			out = append(make([]head, 0, len(heads)), heads[:k]...)
		}
		if !quote && out != nil {
			out = append(out, h)
		}
	}
	if out == nil {
		return heads
	}
	return out
}

// splitTrailingReply finds a reply signed under its text at the end of a comment's text:
// a byline with a cue word and a date ("owner 於 2014/01/01 20:31 回覆", "Jane replied
// March 3, 2019"). The reply's text is the paragraph over it; when no blank line parts it
// from the comment's (to is the comment's writer), it starts at the line that greets them,
// else it is its last line. It returns the lines left to the comment, the reply's and its
// head; no reply when there is none.
func splitTrailingReply(ls []line, to string) ([]line, []line, head) {
	j := lastNonBlank(ls)
	if j < 2 || ls[j].prose {
		return ls, nil, head{}
	}
	s, ok := shapeOf(ls[j].text)
	if !ok || s.date == "" || s.cue != cueVerb {
		return ls, nil, head{}
	}
	var h head
	readShape(&h, s)
	if h.author == "" || !h.hasDate {
		return ls, nil, head{}
	}
	p := lastNonBlank(ls[:j]) // the reply's last line
	from := p
	for from > 0 && ls[from-1].text != "" {
		from--
	}
	if lastNonBlank(ls[:from]) < 0 {
		// no blank line parts the two: the reply starts where it greets the one it answers
		// ("青草晚安：", "Cora, ..."), else it is the last line
		from = p
		for q := p; q > 0 && to != "" && q >= p-12; q-- {
			if t := ls[q].text; strings.HasPrefix(t, to) || strings.HasPrefix(t, "@"+to) {
				from = q
				break
			}
		}
	}
	if from <= 0 || lastNonBlank(ls[:from]) < 0 {
		return ls, nil, head{}
	}
	return trimBlank(ls[:from]), trimBlank(ls[from:j]), h
}

// phraseWords open a phrase, never a name of several words.
var phraseWords = map[string]bool{"the": true, "a": true, "an": true, "der": true, "die": true,
	"das": true, "le": true, "la": true, "les": true, "el": true, "los": true, "las": true, "il": true,
	"lo": true, "de": true, "du": true, "des": true}

// isLinkBar reports a bar of links, the page's footer: "Guidelines | FAQ | Lists | API |
// Contact", four short items or more.
func isLinkBar(t string) bool {
	sep := "|"
	if !strings.Contains(t, " | ") {
		if !strings.Contains(t, " · ") {
			return false
		}
		sep = "·"
	}
	items := strings.Split(t, sep)
	if len(items) < 4 {
		return false
	}
	for _, it := range items {
		if moreWords(it, 3) {
			return false
		}
	}
	return true
}

// attachReplyLines takes the line under a byline that says whom the comment answers
// ("Antwort auf #1 von Betina", "In reply to Klaus") into the byline.
func attachReplyLines(lines []line, heads []head) []head {
	for k := range heads {
		h := &heads[k]
		j := nextNonBlank(lines, h.last)
		if j < 0 || j > h.last+2 || k+1 < len(heads) && j >= heads[k+1].first || h.replyTo != "" ||
			!mayReply(lines[j].text) ||
			replyingTo(lines[j].text) != nil { // "Replying to @handle" is read with the handles
			continue
		}
		s, ok := shapeOf(lines[j].text)
		if !ok {
			continue
		}
		reply := false
		for _, tk := range s.toks {
			reply = reply || tk.kind == cueReply
		}
		if !reply {
			continue
		}
		var r head
		readShape(&r, s)
		if r.replyTo != "" {
			h.replyTo, h.last = r.replyTo, j
		}
	}
	return heads
}

// hasGlue is a cheap test before gluedByline: a letter right before a capital or a digit,
// or a byte of a letter that is not ASCII (whose case the test cannot see).
func hasGlue(t string) bool {
	for i := 1; i < len(t); i++ {
		c, p := t[i], t[i-1]
		if c >= 0x80 || p >= 0x80 {
			return true
		}
		if ('a' <= p && p <= 'z' || 'A' <= p && p <= 'Z') && ('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return true
		}
	}
	return false
}

// hasDigit reports an ASCII digit in s: strings.ContainsAny(s, "0123456789") without
// making the set on each call.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// runesOver reports whether s has more than n runes, counting no further than needed.
func runesOver(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	if len(s) > n*utf8.UTFMax {
		return true
	}
	for range s {
		if n == 0 {
			return true
		}
		n--
	}
	return false
}

// containsFoldASCII reports whether s holds w, lower-case ASCII, with ASCII capitals in s
// folded: strings.Contains(strings.ToLower(s), w) for a w no other letter lowers into
// (neither "i" nor "k").
func containsFoldASCII(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 == w[0] && hasFoldedPrefix(s[i:], w) {
			return true
		}
	}
	return false
}

// inLower reports m[strings.ToLower(s)]; a short ASCII s is lowered in a buffer, not
// into a new string.
func inLower(m map[string]bool, s string) bool {
	var buf [32]byte
	if len(s) > len(buf) {
		return m[strings.ToLower(s)]
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return m[strings.ToLower(s)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(s)])]
}

// indentOf is a line's indentation: a space counts one, a tab four.
func indentOf(s string) int32 {
	ind := int32(0)
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			ind++
		case '\t':
			ind += 4
		default:
			return ind
		}
	}
	return ind
}

// foldFirstBytes calls fn once with each distinct first byte of the UTF-8 forms of r and
// the runes it folds to (s, S and ſ for 's').
func foldFirstBytes(r rune, fn func(byte)) {
	var seen [256]bool
	for f := r; ; {
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], f)
		if !seen[b[0]] {
			seen[b[0]] = true
			fn(b[0])
		}
		if f = unicode.SimpleFold(f); f == r {
			return
		}
	}
}
