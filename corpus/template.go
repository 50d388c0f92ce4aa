package corpus

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Template induction: the comments of one page share one header template. A line that
// could be a header is reduced to its shape: the words a byline is built from stay
// (headerCues: "says", "profile image", "in reply to", "Posts:"), a date becomes D, a
// number 9, a bullet or "(1)" N, and any run of other words w (a name). A shape that
// recurs, each time with prose under it (or over it), is the page's template; its
// occurrences are the heads, with the name read from the w next to the cue.

// cueKind says where a header cue's name stands.
type cueKind uint8

const (
	cueVerb   cueKind = iota + 1 // the name before: "Jane says:", "Betina sagt:", "Paul a écrit :"
	cueBy                        // the name after: "by jane", "von Betina", "par Paul"
	cueReply                     // "X in reply to Y": the name before, the parent after
	cueAvatar                    // "X profile image": furniture beside a name
	cueBadge                     // "Posts: 1,375", "Member", "Helpful - 0", "points"
)

// headerCues are the words of bylines, in the languages patients write in. Longer
// phrases first: the first that matches at a word wins.
var headerCues = func() []headerCue {
	rows := []struct {
		phrase string
		kind   cueKind
	}{
		{"in reply to", cueReply}, {"replying to", cueReply}, {"reply to", cueReply}, {"antwort auf", cueReply},
		{"en réponse à", cueReply}, {"répondre à", cueReply},
		{"profile image", cueAvatar}, {"profile picture", cueAvatar}, {"user avatar", cueAvatar},
		{"avatar universal", cueAvatar}, {"avatar", cueAvatar}, {"profilbild", cueAvatar},
		{"a écrit", cueVerb}, {"hat geschrieben", cueVerb}, {"says", cueVerb}, {"said", cueVerb},
		{"wrote", cueVerb}, {"writes", cueVerb}, {"commented", cueVerb}, {"replied", cueVerb},
		{"answered", cueVerb}, {"asked", cueVerb}, {"posted", cueVerb}, {"sagt", cueVerb},
		{"schrieb", cueVerb}, {"schreibt", cueVerb}, {"meint", cueVerb}, {"écrit", cueVerb},
		{"dit", cueVerb}, {"dice", cueVerb}, {"scrive", cueVerb}, {"zegt", cueVerb}, {"dijo", cueVerb},
		{"escribió", cueVerb}, {"comentó", cueVerb}, {"ha scritto", cueVerb}, {"schreef", cueVerb}, {"zei", cueVerb},
		{"於", cueVerb}, {"于", cueVerb}, {"發表於", cueVerb}, {"发表于", cueVerb}, {"說", cueVerb}, {"说", cueVerb},
		{"reply date", cueBadge}, {"posts", cueBadge}, {"beiträge", cueBadge}, {"messages", cueBadge},
		{"member", cueBadge}, {"mitglied", cueBadge}, {"membre", cueBadge}, {"helpful", cueBadge},
		{"points", cueBadge}, {"reputation", cueBadge}, {"joined", cueBadge}, {"guest", cueBadge},
		{"gast", cueBadge}, {"invité", cueBadge}, {"moderator", cueBadge}, {"admin", cueBadge},
		{"comment by", cueBy}, {"posted by", cueBy}, {"reply by", cueBy}, {"by", cueBy},
		{"von", cueBy}, {"par", cueBy},
	}
	out := make([]headerCue, len(rows))
	for i, r := range rows {
		out[i] = headerCue{words: strings.Fields(r.phrase), kind: r.kind}
	}
	return out
}()

type headerCue struct {
	words []string
	kind  cueKind
}

// A shapeTok is one piece of a header line's shape.
type shapeTok struct {
	sym  string // "w", "D", "9", "N", or a cue's phrase
	text string // the words as written (for w and D)
	kind cueKind
}

// lineShape is a candidate header line, reduced.
type lineShape struct {
	toks  []shapeTok
	key   string // the shape as a string: "w profile image"
	cue   cueKind
	date  string // the date as written, when the line has one
	names int    // words read as a name
}

// shapeOf reduces a line to its shape, or reports that the line cannot be a header: too
// long, a sentence, or without a cue or a date.
func shapeOf(t string) (lineShape, bool) {
	var s lineShape
	if t == "" || len(t) > 160 {
		return s, false
	}
	t = cutReplyTarget(t)
	if len(t) > 120 || moreWords(t, 20) {
		return s, false
	}
	words := strings.Fields(t)
	// the date counts as one word: "Le 17 juillet à 22:09, par Horus ..."
	from, to, raw := dateSpan(words)
	n := 0 // words with a letter or digit, the date as one
	for i, w := range words {
		if (from < 0 || i < from || i >= to) && strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	if from >= 0 {
		n++
	}
	if n > 14 || readsAsProse(t, n) {
		return s, false
	}
	// a number or bullet first: "(1) Carl says:", "1. Carl says:", "#12"; not the day of
	// a date ("23. Juni 2016")
	drop := 0
	if from == 0 {
	} else if w := words[0]; len(w) > 3 && w[0] == '[' && (strings.HasPrefix(w, "[–]") || strings.HasPrefix(w, "[-]") || strings.HasPrefix(w, "[+]")) {
		// old Reddit's collapse button before the name: "[–]feral__ghoul 919 points"
		s.toks = append(s.toks, shapeTok{sym: "N"})
		if words[0] = w[strings.Index(w, "]")+1:]; words[0] == "" {
			drop = 1
		}
	} else if w := strings.Trim(words[0], "()#.[]"); w != "" && allDigits(w) && len(words) > 1 {
		s.toks = append(s.toks, shapeTok{sym: "N"})
		drop = 1
	} else if r, _ := utf8.DecodeRuneInString(words[0]); len(words) > 1 && strings.ContainsRune("•·●▪*-–—", r) && utf8.RuneCountInString(words[0]) == 1 {
		drop = 1
	}
	if drop > 0 {
		words = words[drop:]
		if from >= 0 {
			from, to = from-drop, to-drop
		}
	}
	for i := 0; i < len(words); {
		if i == from {
			s.toks = append(s.toks, shapeTok{sym: "D", text: raw})
			s.date = raw
			i = to
			continue
		}
		if c, n := cueAt(words, i); n > 0 {
			s.toks = append(s.toks, shapeTok{sym: strings.Join(c.words, " "), kind: c.kind})
			if s.cue == 0 || c.kind < s.cue {
				s.cue = c.kind
			}
			i += n
			continue
		}
		w := strings.Trim(words[i], ".,:;!?()[]|-–—·•»«\"'")
		switch {
		case w == "":
		case allDigits(countMarks.Replace(w)):
			s.toks = append(s.toks, shapeTok{sym: "9"})
		case bylineLinks[strings.ToLower(w)]: // "| Reply", "Antworten": furniture beside the byline
			s.toks = append(s.toks, shapeTok{sym: "L"})
		case strings.HasSuffix(words[i], ":") && i+1 == from:
			// "Registriert: 18.09.2008": a label over a date, not a name
			s.toks = append(s.toks, shapeTok{sym: "L"})
		default:
			if n := len(s.toks); n > 0 && s.toks[n-1].sym == "w" {
				s.toks[n-1].text += " " + strings.TrimRight(words[i], ",:;")
			} else {
				s.toks = append(s.toks, shapeTok{sym: "w", text: strings.TrimRight(words[i], ",:;")})
			}
			if s.cue != cueReply { // "en réponse à : <the article's title>" may be long
				s.names++
			}
		}
		i++
	}
	syms := make([]string, len(s.toks))
	for i, tk := range s.toks {
		syms[i] = tk.sym
	}
	s.key = strings.Join(syms, " ")
	if s.cue == 0 && s.date == "" && !numbered(s.key) || s.names > 6 && !numbered(s.key) {
		return s, false
	}
	if s.cue == 0 && s.date == "" {
		s.key = "N w 9 ..." // the counts after the handle vary ("1 point", "(3 children)")
	}
	return s, true
}

// readsAsProse reports a line that reads as a sentence: six words or more ending with a
// full stop, or long. "Jane said..." and "Carl says:" end otherwise.
func readsAsProse(t string, words int) bool {
	if words >= 12 {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return words >= 6 && strings.ContainsRune(".!?", last) && !strings.HasSuffix(t, "...")
}

// countMarks drops the marks of a written count ("1,204", "1.2k") for allDigits.
var countMarks = strings.NewReplacer(",", "", ".", "", "k", "")

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// cueAt is the header cue that starts at words[i], and how many words it takes.
func cueAt(words []string, i int) (headerCue, int) {
	for _, c := range headerCues {
		if i+len(c.words) > len(words) {
			continue
		}
		ok := true
		for k, cw := range c.words {
			w := strings.ToLower(strings.Trim(words[i+k], ".,:;!?()[]|-–—·•\"'"))
			if w != cw {
				ok = false
				break
			}
		}
		if ok {
			return c, len(c.words)
		}
	}
	return headerCue{}, 0
}

// dateSpan finds the longest run of words that reads as a date, up to seven words. It
// returns from == -1 when there is none.
func dateSpan(words []string) (from, to int, raw string) {
	from = -1
	if !mayHoldDate(words) {
		return -1, -1, ""
	}
	for i := range words {
		r, _ := utf8.DecodeRuneInString(words[i])
		if !unicode.IsDigit(r) && !unicode.IsLetter(r) {
			continue
		}
		if !unicode.IsDigit(r) && !mayStartDate(words[i]) {
			continue
		}
		for j := min(len(words), i+7); j > i; j-- {
			if !mayEndDate(words[j-1]) {
				continue
			}
			cand := strings.Trim(strings.Join(words[i:j], " "), ",;|·•-–—()")
			if !strings.ContainsAny(cand, "0123456789") && !mayDate(cand) {
				continue
			}
			if _, ok := ParseDate(cand); ok {
				// "today" inside a sentence ("as relevant today as ever") is no date line
				if j-i == 1 && !strings.ContainsAny(cand, "0123456789") && j < len(words) {
					continue
				}
				// an age without "ago" ends a byline ("Ed Erhart 1 year"), not "for 3 months"
				if reAge.MatchString(cand) && (j < len(words) || i > 0 && durationWords[strings.ToLower(words[i-1])]) {
					continue
				}
				return i, j, cand
			}
		}
	}
	return -1, -1, ""
}

// mayHoldDate is a cheap test before dateSpan tries its windows: a date has a month's
// name, a year, numbers joined by / . - or :, or a relative word ("ago", "vor", "hier").
func mayHoldDate(words []string) bool {
	for _, w := range words {
		run, prevDigit := 0, false
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case '0' <= c && c <= '9':
				if run++; run == 4 {
					return true
				}
				prevDigit = true
				continue
			case (c == '/' || c == '.' || c == '-' || c == ':') && prevDigit && i+1 < len(w) && '0' <= w[i+1] && w[i+1] <= '9':
				return true
			case run > 0 && run <= 3 && strings.ContainsRune("ymwdh", rune(c|0x20)) && (i+1 == len(w) || w[i+1] == 'r' || w[i+1] == 'o' || w[i+1] == 'k' || w[i+1] == 'i'):
				return true // "3y", "2mo", "5d", "1wk", "3h", "2min"
			}
			run, prevDigit = 0, false
		}
		l := strings.ToLower(strings.Trim(w, ".,;:()"))
		if len(l) >= 3 && len(l) <= 10 && monthNames[l] != 0 || mayEndDate(l) && !strings.ContainsAny(l, "0123456789") {
			return true
		}
		switch l {
		case "vor", "il", "hace", "just":
			return true
		}
	}
	return false
}

// mayEndDate reports a word a date can end with: a number (a year, a day, a time), "pm",
// "Uhr", "ago", a relative unit ("Tagen", "jours"), "yesterday".
func mayEndDate(w string) bool {
	if strings.ContainsAny(w, "0123456789") {
		return true
	}
	w = strings.ToLower(strings.Trim(w, ".,;:()*|"))
	switch w {
	case "am", "pm", "a.m", "p.m", "uhr", "h", "ago", "yesterday", "today", "gestern", "heute", "hier",
		"aujourd'hui", "ayer", "hoy", "now":
		return true
	}
	for _, u := range []string{"sec", "min", "hour", "hr", "day", "week", "wk", "month", "year", "yr",
		"sekunde", "minute", "stunde", "tag", "woche", "monat", "jahr", "seconde", "heure", "jour", "semaine",
		"mois", "an", "année", "segundo", "minuto", "hora", "día", "semana", "mes", "año"} {
		if strings.HasPrefix(w, u) {
			return true
		}
	}
	return false
}

// mayStartDate reports a word a date can start with: a month, a weekday, "on", a
// relative word.
func mayStartDate(w string) bool {
	w = strings.ToLower(strings.Trim(w, ".,"))
	if len(w) < 2 {
		return false
	}
	if _, ok := monthNames[w]; ok {
		return true
	}
	switch w {
	case "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday", "yesterday", "today", "an", "a", "one", "two", "three", "few",
		"posted", "on", "just", "le", "am", "el", "il", "vor", "hace", "gestern", "heute", "hier":
		return true
	}
	return len(w) > 3 && monthNames[w[:3]] > 0
}

// template is the header shape a page's comments share, and its heads.
type template struct {
	key   string
	heads []head
	after bool // bylines stand under their texts
}

// String describes the template for --verbose.
func (t template) String() string {
	where := "over"
	if t.after {
		where = "under"
	}
	return fmt.Sprintf("template %q, %d heads, bylines %s the text", t.key, len(t.heads), where)
}

// induceTemplates finds the page's candidate header templates: the shapes with a name
// slot that recur with prose between their occurrences, the most frequent first (a cue
// word first among equals). The caller scores the readings they give.
func induceTemplates(lines []line) (out []template) {
	shapes := make(map[int]lineShape)
	count := map[string][]int{}
	for i, l := range lines {
		if l.text == "" || len(l.text) > 160 || !mayHeader(l.text) {
			continue
		}
		s, ok := shapeOf(l.text)
		if !ok {
			continue
		}
		shapes[i] = s
		// "by w" alone is an article's byline or a photo credit; a comment's has a date too
		if (strings.Contains(s.key, "w") || s.cue == cueAvatar) &&
			(s.cue != 0 && s.cue != cueBadge && s.cue != cueBy || s.date != "" || s.cue == cueBadge && strings.Contains(s.key, "9") || numbered(s.key)) {
			count[s.key] = append(count[s.key], i)
		}
	}
	var keys []string
	for k, at := range count {
		if len(at) >= 2 {
			keys = append(keys, k)
		}
	}
	// the most frequent, then one with a cue word, then the most specific (longer), then
	// by name: deterministic
	cued := func(k string) bool { return shapes[count[k][0]].cue != 0 }
	sort.Slice(keys, func(a, b int) bool {
		if na, nb := len(count[keys[a]]), len(count[keys[b]]); na != nb {
			return na > nb
		}
		if ca, cb := cued(keys[a]), cued(keys[b]); ca != cb {
			return ca
		}
		if la, lb := len(keys[a]), len(keys[b]); la != lb {
			return la > lb
		}
		return keys[a] < keys[b]
	})
	for _, k := range keys {
		if numbered(k) && shapes[count[k][0]].cue == 0 && len(count[k]) < 3 {
			continue // a bullet, a name and numbers: a thread only when it recurs
		}
		if t, ok := headsOf(lines, shapes, k, count[k]); ok {
			out = append(out, t)
			if len(out) == maxTemplates {
				break
			}
		}
	}
	return out
}

// maxTemplates is how many candidate templates a page's reading is chosen from.
const maxTemplates = 4

// mayHeader is a cheap test before shapeOf: a header line has a digit (a date, a count)
// or a cue word.
func mayHeader(t string) bool {
	if strings.ContainsAny(t, "0123456789") {
		return true
	}
	l := strings.ToLower(t)
	for _, w := range []string{"say", "said", "wrote", "writ", "repl", "answer", "asked", "post", "comment", "於", "于", "說", "说",
		"profil", "avatar", "member", "helpful", "sagt", "schrieb", "schreib", "meint", "écrit", "antwort",
		"réponse", "by ", "von ", "par ", "dit", "ago", "yesterday", "today", "dice", "scrive", "zegt", "gast", "guest",
		"dijo", "escribi", "coment", "schreef", "zei"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// headsOf builds the heads of template key at the lines at, each with the header lines
// around it, and checks that prose stands between them.
func headsOf(lines []line, shapes map[int]lineShape, key string, at []int) (template, bool) {
	t := template{key: key}
	for _, i := range at {
		s := shapes[i]
		h := head{first: i, last: i}
		readShape(&h, s)
		// the header lines under it: a date, "X in reply to Y", a badge, the name again
		for j := i + 1; j < len(lines) && j <= i+4; j++ {
			lt := lines[j].text
			if lt == "" {
				continue
			}
			// "Avatar universal" over the name
			if h.author == "" && j == nextNonBlank(lines, h.last) && isAuthor(lt) && !moreWords(lt, 3) &&
				!strings.ContainsAny(lastRuneString(lt), ".!?") {
				h.author, h.last = cleanAuthor(lt), j
				continue
			}
			if js, ok := shapes[j]; ok && js.key != key {
				readShape(&h, js)
				h.last = j
				continue
			}
			if isLinkLine(lt) || roleBadges[strings.ToLower(lt)] || reMemberBox.MatchString(lt) ||
				h.author != "" && strings.EqualFold(cleanAuthor(lt), h.author) {
				h.last = j
				continue
			}
			break
		}
		// the name on its own line over a byline without one: "toddball", "February 20,
		// 2019 at 3:42 pm | Reply"
		if p := prevNonBlank(lines, h.first); h.author == "" && p >= 0 && p >= h.first-2 && isAuthor(lines[p].text) &&
			!moreWords(lines[p].text, 4) && !strings.ContainsAny(lastRuneString(lines[p].text), ".!?") {
			if _, isShape := shapes[p]; !isShape {
				h.author, h.first = cleanAuthor(lines[p].text), p
				// "Caesi", "1955", "Caesi": the name again and its points over it
				for q := prevNonBlank(lines, p); q >= 0 && q >= p-5 && (isVotes(lines[q].text) || cleanAuthor(lines[q].text) == h.author); q = prevNonBlank(lines, q) {
					h.first = q
				}
			}
		}
		if len(t.heads) > 0 && h.first <= t.heads[len(t.heads)-1].last {
			continue
		}
		t.heads = append(t.heads, h)
	}
	if len(t.heads) < 2 {
		return t, false
	}
	// A date on its own line right over each byline ("March 3, 2019", "(1) Carl says:") is
	// the byline's, unless the dates stand under the texts ("Jane said...", the text,
	// "November 3, 2011 2:53 PM"): then the last text ends with one, or no date stands
	// over the first byline.
	dateOver := func(h head) bool {
		p := prevNonBlank(lines, h.first)
		ps, ok := shapes[p]
		return p >= 0 && p >= h.first-2 && ok && ps.key == "D"
	}
	if end := lastNonBlank(stripFooter(lines[t.heads[len(t.heads)-1].last+1:])); (end < 0 ||
		!isDateLine(lines[t.heads[len(t.heads)-1].last+1+end].text)) && dateOver(t.heads[0]) {
		for k := range t.heads {
			h := &t.heads[k]
			p := prevNonBlank(lines, h.first)
			if p < 0 || p < h.first-2 || h.hasDate || k > 0 && p <= t.heads[k-1].last {
				continue
			}
			if ps, ok := shapes[p]; ok && ps.key == "D" {
				h.first = p
				readShape(h, ps)
			}
		}
	}
	// Prose under most heads (or, for bylines under their texts, over them).
	under, over := 0, 0
	for k, h := range t.heads {
		end := len(lines)
		if k+1 < len(t.heads) {
			end = t.heads[k+1].first
		}
		if bodyHasProse(lines[h.last+1:end], k+1 == len(t.heads)) {
			under++
		}
		start := 0
		if k > 0 {
			start = t.heads[k-1].last + 1
		}
		if hasProse(lines[start:h.first]) {
			over++
		}
	}
	n := len(t.heads)
	t.after = bylinesUnder(lines, t.heads, over >= under)
	if max(under, over)*2 < n+1 {
		return t, false
	}
	return t, true
}

// readShape fills a head from one of its header lines: the name next to the cue, the
// date, the name a reply answers.
func readShape(h *head, s lineShape) {
	for _, tk := range s.toks {
		if tk.kind == cueVerb || tk.kind == cueReply {
			h.says = true
		}
	}
	if s.date != "" && !h.hasDate {
		h.raw = s.date
		h.posted, h.hasDate = ParseDate(s.date)
	}
	name, reply := "", ""
	sawReply := false // "Antwort auf #1 von Betina": after a reply cue, "von X" is whom it answers
	for k, tk := range s.toks {
		if tk.kind == cueReply {
			sawReply = true
		}
		if tk.sym != "w" {
			continue
		}
		prev, next := shapeTok{}, shapeTok{}
		if k > 0 {
			prev = s.toks[k-1]
		}
		if k+1 < len(s.toks) {
			next = s.toks[k+1]
		}
		switch {
		case prev.kind == cueReply, prev.kind == cueBy && sawReply:
			reply = tk.text
		case prev.kind == cueBy:
			name = tk.text
		case name == "" && (next.kind != 0 || next.sym == "D" || k+1 == len(s.toks)):
			name = tk.text
		}
	}
	// a bullet, a handle and counts ("[–]feral__ghoul 919 points ..."): the handle
	if s.cue == 0 && s.date == "" && numbered(s.key) {
		name = ""
		for _, tk := range s.toks {
			if tk.sym == "w" {
				name, _, _ = strings.Cut(tk.text, " ")
				break
			}
		}
	}
	// "ACeleste Cooper, Rheumatology, answered": the name, then a credential
	if a, _, ok := strings.Cut(name, ", "); ok {
		name = a
	}
	if name != "" && h.author == "" && isAuthor(name) && !hasBylineLink(name) {
		h.author = cleanAuthor(name)
	}
	if reply != "" && h.replyTo == "" {
		h.replyTo = cleanAuthor(reply)
	}
}

// hasProse reports lines that hold a sentence (isProseLine).
func hasProse(ls []line) bool {
	for i := range ls {
		if ls[i].prose {
			return true
		}
	}
	return false
}

// isProseLine reports a line that holds a sentence: four words or more ending with a full
// stop, or eight words or more. splitLines asks it once of each line.
func isProseLine(t string) bool {
	if len(t) < 8 {
		return false
	}
	// (eight words are a sentence whatever the script: most prose lines are told so
	// without a look at every byte)
	w := countWords(t, 8)
	if w > 7 {
		return true
	}
	// Chinese, Japanese and Korean write without spaces: a line mostly of their characters,
	// eight or more, or ending with a full stop (not a byline of a name and a date)
	if mayCJK(t) && strings.IndexFunc(t, isCJK) >= 0 {
		cjk, other := 0, 0
		for _, r := range t {
			switch {
			case isCJK(r):
				cjk++
			case !unicode.IsSpace(r) && !unicode.IsPunct(r):
				other++
			}
		}
		if cjk > 2*other && (cjk >= 8 || cjk >= 3 && strings.ContainsAny(lastRuneString(t), "。！？!?")) {
			return true
		}
	}
	if w <= 2 {
		return false
	}
	// a sentence ends with its stop, or with a bracket or quote after one: "(see above.)"
	t = strings.TrimRight(t, ")\"”'’")
	last, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?…", last)
}

// namedReading reports a template's reading with two heads or more, nine in ten of them
// named: a template's bylines name their writers.
func namedReading(heads []head) bool {
	if len(heads) < 2 {
		return false
	}
	nameless := 0
	for _, h := range heads {
		if h.author == "" {
			nameless++
		}
	}
	return nameless*10 <= len(heads)
}

// headsScore scores a reading of the page: +2 for each head with prose under it (or over
// it), -2 for each without, +1 for each name and +1 more for each writer named first,
// +2 for each byline with a cue word.
func headsScore(lines []line, heads []head) int {
	// texts under the bylines, or over them (review sites): the better of the two
	under, over, names := 0, 0, 0
	writers := map[string]bool{} // a reading with more writers is likelier a thread's
	for k, h := range heads {
		if bodyHasProse(lines[h.last+1:bodyEnd(lines, heads, k)], k+1 == len(heads)) {
			under += 2
		} else {
			under -= 2
		}
		start := 0
		if k > 0 {
			start = heads[k-1].last + 1
		}
		if hasProse(lines[start:h.first]) {
			over += 2
		} else {
			over -= 2
		}
		if h.author != "" {
			names++
			if !writers[h.author] {
				writers[h.author] = true
				names++
			}
		}
		if h.says { // a byline that says it is one: "says", "par X en réponse à"
			names += 2
		}
	}
	return max(under, over) + names
}

// plausibleThread drops heads that are not a thread of comments: a lone byline on a page
// without a comments header (the article's own, a related story's), and a list of cards
// (related articles, an archive) whose "texts" are headlines rather than prose. It says
// why when it drops them.
func plausibleThread(lines []line, heads []head) ([]head, string) {
	if len(heads) == 0 {
		return heads, ""
	}
	// Bylines over the thread's header ("4 Kommentare", "12 Responses") are the page's: a
	// blog named "Frau Sabienes sagt", the article's own.
	for i := heads[len(heads)-1].first - 1; i >= heads[0].first; i-- {
		// (not "48 replies" under a comment)
		if t := lines[i].text; t != "" && t[0] >= '0' && t[0] <= '9' && isCommentsHeader(t) && !mayReply(t) {
			k := 0
			for k < len(heads) && heads[k].first < i {
				k++
			}
			heads = heads[k:]
			break
		}
	}
	// A comment section shows itself: a header ("12 Comments", "Kommentare"), a form
	// ("Leave a Reply"), reply links under the comments, or bylines that say so.
	hasHeader, says, links := false, false, 0
	for _, l := range lines {
		if l.text != "" && len(l.text) < 60 && (isCommentsHeader(l.text) || mayFooter(l.text) && reFormLine.MatchString(l.text)) {
			hasHeader = true
			break
		}
	}
	for _, h := range heads {
		says = says || h.says
	}
	for k, h := range heads {
		if hasHeader || says {
			break // evidence enough: the reply links need not be counted
		}
		// the byline's own lines and the last lines of the text, where links stand
		body := trimBlank(lines[h.first:bodyEnd(lines, heads, k)])
		if n := len(body); n > h.last-h.first+1+6 {
			body = append(body[:h.last-h.first+1:h.last-h.first+1], body[n-6:]...)
		}
		for _, l := range body {
			t := l.text
			if t == "" || len(t) > 40 {
				continue
			}
			if isLinkLine(t) || t[0] == '#' && rePostNumber.MatchString(t) || mayMemberBox(t) && reMemberBox.MatchString(t) {
				links++
				break
			}
		}
	}

	prose := 0
	for k, h := range heads {
		end := bodyEnd(lines, heads, k)
		if bodyHasProse(lines[h.last+1:end], k+1 == len(heads)) {
			prose++
		}
		start := 0
		if k > 0 {
			start = heads[k-1].last + 1
		}
		if hasProse(lines[start:h.first]) && k > 0 {
			prose++
		}
	}
	// how many lines stand over the first head: the title and a line or two mean a byline
	// of the article's own
	over, sentence := 0, false
	for _, l := range lines[:heads[0].first] {
		if l.text != "" && !isLinkLine(l.text) && !reNavLine.MatchString(l.text) {
			if over++; over > 1 && strings.ContainsRune(".!?", []rune(lastRuneString(l.text))[0]) {
				sentence = true
			}
		}
	}
	n := len(heads)
	evidence := hasHeader || says || links*2 >= n
	nameless := 0
	for _, h := range heads {
		if h.author == "" {
			nameless++
		}
	}
	if nameless*2 > n {
		return nil, fmt.Sprintf("%d of %d dates have no name by them: a list of dated items, not comments", nameless, n)
	}
	// One label and one date repeated ("Letzte Aktualisierung 28.01.2022") are the page's
	// furniture, not several comments.
	same := n >= 2
	for _, h := range heads[1:] {
		same = same && h.author == heads[0].author && h.raw == heads[0].raw
	}
	if same {
		return nil, fmt.Sprintf("the same byline %q %q repeated is furniture", heads[0].author, heads[0].raw)
	}
	// Articles, not comments: texts of several thousand characters each (a weekly's
	// stories under their bylines).
	if n >= 2 && !hasHeader {
		sizes := make([]int, n)
		for k, h := range heads {
			sizes[k] = proseChars(lines[h.last+1 : bodyEnd(lines, heads, k)])
		}
		sort.Ints(sizes)
		if sizes[n/2] > 3000 {
			return nil, fmt.Sprintf("%d bylines over texts of %d characters (median): articles, not comments", n, sizes[n/2])
		}
	}
	// The article's own byline over its text: the first head's text holds most of the
	// page's prose and little stands over it.
	if n >= 1 {
		above := proseChars(lines[:heads[0].first])
		first := proseChars(lines[heads[0].last+1 : bodyEnd(lines, heads, 0)])
		rest := proseChars(lines[bodyEnd(lines, heads, 0):])
		if above < 400 && first > 1500 && first > 2*rest && !heads[0].says {
			kept, why := plausibleThread(lines, heads[1:])
			if why == "" {
				why = "the first byline is the article's"
			}
			return kept, why
		}
	}
	switch {
	case n == 1 && !hasHeader && !heads[0].says && over <= 2 && !sentence:
		return nil, "a lone byline under the title is the article's"
	case prose == 0:
		return nil, fmt.Sprintf("%d bylines without prose between them are cards, not comments", n)
	case evidence && prose*2 >= n, prose >= n && n >= 2, n >= 3 && prose*3 >= n*2:
		return heads, ""
	}
	return nil, fmt.Sprintf("%d bylines, %d with prose, and no sign of a comment section (no comments header, form, reply links or 'says')", n, prose)
}

func lastNonBlank(ls []line) int {
	for j := len(ls) - 1; j >= 0; j-- {
		if ls[j].text != "" {
			return j
		}
	}
	return -1
}

// stripFooter cuts lines at the page footer ("Leave a Reply", "Post a Comment") and drops
// link lines at the end.
func stripFooter(ls []line) []line {
	for i, l := range ls {
		if len(l.text) <= 160 && mayFooter(l.text) && reFooter.MatchString(l.text) {
			ls = ls[:i]
			break
		}
	}
	for len(ls) > 0 && (ls[len(ls)-1].text == "" || isLinkLine(ls[len(ls)-1].text)) {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// proseChars counts the characters of the lines that read as prose.
func proseChars(ls []line) int {
	n := 0
	for i := range ls {
		if ls[i].prose {
			n += len(ls[i].text)
		}
	}
	return n
}

// numbered reports a shape that opens with a bullet or number, then a name, then a count:
// a byline of handle and scores without a word this package knows ("[–]name 919 bodov").
func numbered(key string) bool {
	return strings.HasPrefix(key, "N w 9")
}

// postNumberTemplate reads a forum whose posts are numbered ("#2", "#3") under a block of
// short lines: the name, a rank, the member box ("Mitglied seit", a date, "Beiträge",
// a count), the post's date. The block runs up from the number to a blank line; the
// name is its first line that reads as one, the date the last date in it.
func postNumberTemplate(lines []line) (template, bool) {
	t := template{key: "member box over #N"}
	for i, l := range lines {
		if !rePostNumber.MatchString(l.text) {
			continue
		}
		first := i
		for j := i - 1; j >= 0 && j >= i-16; j-- {
			lt := lines[j].text
			if lt == "" {
				continue // the box may have a blank line in it
			}
			if len(lt) > 40 || lines[j].prose {
				break
			}
			first = j
		}
		if first == i || len(t.heads) > 0 && first <= t.heads[len(t.heads)-1].last {
			continue
		}
		h := head{first: first, last: i}
		for j := first; j < i; j++ {
			lt := lines[j].text
			// the name: not an avatar's initial, a count, an ad's label or a rank
			if h.author == "" && utf8.RuneCountInString(lt) > 1 && isAuthor(lt) && !isVotes(lt) &&
				!reNavLine.MatchString(lt) && !reMemberBox.MatchString(lt) {
				h.author = cleanAuthor(lt)
			}
			if tm, ok := ParseDate(lt); ok && mayDate(lt) {
				h.raw, h.posted, h.hasDate = lt, tm, true
			}
		}
		if h.author == "" {
			continue
		}
		t.heads = append(t.heads, h)
	}
	return t, len(t.heads) >= 2
}

// repeatedFurniture finds the page's own link lines, in whatever language: short lines
// that are not prose and stand in the texts of many comments by three writers or more
// ("trvalý odkaz", "uložiť", "Antworten", "Permalink"; a signature repeats under one
// writer). The template of a comment has a trailer as it has a head.
func repeatedFurniture(lines []line, heads []head, before [][2]int) map[string]bool {
	n := len(heads)
	if n < 3 {
		return nil
	}
	count := map[string]int{}
	writers := map[string]map[string]bool{} // a signature repeats under one writer, furniture under many
	for k, h := range heads {
		from, to := h.last+1, bodyEnd(lines, heads, k)
		if before != nil {
			from, to = before[k][0], before[k][1]
		}
		seen := map[string]bool{}
		body := trimBlank(lines[from:to])
		if lastNonBlank(body) == 0 {
			continue // a text of one line is the writer's ("❤️", "Thanks!")
		}
		for _, l := range body {
			t := l.text
			if t == "" || len(t) > 40 || moreWords(t, 5) || l.prose ||
				strings.IndexFunc(t, unicode.IsLetter) < 0 {
				continue
			}
			key := furnitureKey(t)
			if !seen[key] {
				seen[key] = true
				count[key]++
				if writers[key] == nil {
					writers[key] = map[string]bool{}
				}
				writers[key][h.author] = true
			}
		}
	}
	out := map[string]bool{}
	for t, c := range count {
		if c >= 3 && c*4 >= n && len(writers[t]) >= 3 {
			out[t] = true
		}
	}
	return out
}

// furnitureKey is a furniture line less its counts: "load more comments (2 replies)" and
// "(1 reply)" are one line.
func furnitureKey(t string) string {
	if i := strings.IndexByte(t, '('); i > 0 {
		t = t[:i]
	}
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return r
	}, t))
}

// trimFurniture drops the page's furniture lines from the start and the end of a text.
func trimFurniture(ls []line, furniture map[string]bool) []line {
	if len(furniture) == 0 {
		return ls
	}
	for len(ls) > 0 && (ls[0].text == "" || furniture[furnitureKey(ls[0].text)]) {
		ls = ls[1:]
	}
	// from the end: the furniture block, and the short lines among and after it ("continue
	// this thread", "load more comments (1 reply)")
	cut := -1
	for j := len(ls) - 1; j >= 0; j-- {
		t := ls[j].text
		switch {
		case t == "":
		case furniture[furnitureKey(t)]:
			cut = j
		case !ls[j].prose && !moreWords(t, 5):
		default:
			j = -1
		}
	}
	if cut >= 0 {
		ls = trimBlank(ls[:cut])
	}
	return ls
}

// replyPhrases introduce what a reply answers: a name, or the article's title.
var replyPhrases = []string{"in reply to", "replying to", "en réponse à", "antwort auf", "in risposta a", "en respuesta a"}

// cutReplyTarget keeps at most four words after a reply phrase: "par Horus En réponse à :
// Didier Porte souhaite la Santé à Balkany" answers the article, whose title may be long.
func cutReplyTarget(t string) string {
	if !mayReply(t) {
		return t
	}
	l := strings.ToLower(t)
	for _, p := range replyPhrases {
		if i := strings.Index(l, p); i >= 0 {
			rest := strings.Fields(t[i+len(p):])
			if len(rest) > 4 {
				return t[:i+len(p)] + " " + strings.Join(rest[:4], " ")
			}
			return t
		}
	}
	return t
}

// bodyHasProse reports prose in a comment's text; after the last comment, the page's
// footer ("Leave a Reply", "Your email address will not be published.") is not its text.
func bodyHasProse(ls []line, last bool) bool {
	if last {
		ls = stripFooter(ls)
	}
	return hasProse(ls)
}

// bylineLinks are the links printed beside a byline: not part of a name.
var bylineLinks = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`reply antworten antwort répondre repondre responder rispondi
		antwoorden report melden signaler share teilen partager quote zitieren citer permalink
		delete löschen supprimer flag edit bearbeiten modifier like likes gefällt replydelete`) {
		m[w] = true
	}
	return m
}()

// completeReading reports three heads or more, each with a name, a date and prose under
// it, by writers enough to be a thread.
func completeReading(lines []line, heads []head) bool {
	if len(heads) < 3 {
		return false
	}
	names := map[string]bool{}
	for k, h := range heads {
		if h.author == "" || !h.hasDate || !bodyHasProse(lines[h.last+1:bodyEnd(lines, heads, k)], k+1 == len(heads)) {
			return false
		}
		names[h.author] = true
	}
	// a few words over many dates ("Voir", "Lire", "Écouter") are labels, not writers
	return len(names) >= min((len(heads)+1)/2, 8)
}

// bylinesUnder reports bylines that stand under their texts: nothing but the page's
// footer follows the last one (and prose stands over the bylines as often as under them,
// overUnder), or prose stands between the comments header and the first byline
// ("Vos réactions", the text, "gabriel Le 11 septembre 2018 à 12:57").
func bylinesUnder(lines []line, heads []head, overUnder bool) bool {
	if len(heads) == 0 {
		return false
	}
	// the line right over the first byline is a text's (not "Sign up with Disqus")
	if p := prevNonBlank(lines, heads[0].first); p < 0 || !lines[p].prose {
		return false
	}
	for j := heads[0].first - 1; j >= 0; j-- {
		if isCommentsHeader(lines[j].text) {
			return hasProse(lines[j+1 : heads[0].first])
		}
	}
	last := heads[len(heads)-1]
	return overUnder && len(trimBlank(stripTrailers(lines[last.last+1:], true))) == 0
}

// isCJK reports a Han, kana or Hangul character (their main blocks).
func isCJK(r rune) bool {
	return 0x3040 <= r && r <= 0x30FF || 0x3400 <= r && r <= 0x4DBF || 0x4E00 <= r && r <= 0x9FFF ||
		0xAC00 <= r && r <= 0xD7AF || 0xF900 <= r && r <= 0xFAFF
}

// mayCJK is a cheap test before isCJK: those characters are encoded from the byte 0xE3
// up in UTF-8 (curly quotes, 0xE2, are not).
func mayCJK(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] >= 0xE3 {
			return true
		}
	}
	return false
}

// mayReply is a cheap test for a reply phrase (replyPhrases) in a line.
func mayReply(t string) bool {
	if len(t) > 160 {
		return false
	}
	return strings.Contains(t, "epl") || strings.Contains(t, "épon") || strings.Contains(t, "ntwort") ||
		strings.Contains(t, "isposta") || strings.Contains(t, "espuesta")
}

// hasBylineLink reports a link word among a run of words ("Zum Antworten anmelden"): not
// a name.
func hasBylineLink(s string) bool {
	for w := range strings.FieldsSeq(s) {
		if bylineLinks[strings.ToLower(strings.Trim(w, ".,:;!?()[]|#"))] {
			return true
		}
	}
	return false
}

// mayMemberBox is a cheap test before reMemberBox: its lines are "Label: value" or a rank
// of a few words.
func mayMemberBox(t string) bool {
	if moreWords(t, 4) {
		return false
	}
	return strings.IndexByte(t, ':') > 0 || (strings.Contains(t, "ember") ||
		strings.Contains(t, "oderator") || strings.Contains(t, "dmin") || strings.Contains(t, "uest") ||
		strings.Contains(t, "anned") || strings.Contains(t, "ser") || strings.Contains(t, "oster") ||
		strings.Contains(t, "ontributor"))
}

// durationWords come before a duration, not an age: "for 3 months", "seit 2 Jahren".
var durationWords = map[string]bool{"for": true, "since": true, "about": true, "over": true, "after": true,
	"für": true, "seit": true, "nach": true, "pendant": true, "depuis": true, "durante": true, "per": true,
	"voor": true, "in": true, "within": true, "every": true, "last": true, "next": true}
