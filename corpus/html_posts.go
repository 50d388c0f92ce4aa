package corpus

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Forum engines (XenForo, vBulletin, phpBB, Discourse, Disqus, old Reddit) mark posts
// with markup of their own. Rather than one reader per engine, posts are found by what
// they share: repeated containers whose class or attributes say post, message or comment,
// each holding a time and a body, with the author in a data-author attribute or an
// element whose class says author, user or name.

var (
	reAuthorClass = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:author|username|user-name|user_name|poster|postauthor|byline|nickname|handle|screen-name|name|reviewer)(?:$|[\s_-])|(?:^|[\s_-])user(?:$|\s)`)
	reDateClass   = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:date|time|timestamp|posted|postdate|published|dt|datetime|relative-date)(?:$|[\s_-])`)
	reBodyClass   = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:content|body|message-body|messagecontent|post-body|postbody|post-content|post-message|bbwrapper|text|md|usertext-body|cooked|entry-content|comment-body|message-text|postcontent)(?:$|[\s_-])`)
	// Elements of a post that are not its text: who, when, and the actions under it.
	reFurnitureClass = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:author|username|user|userinfo|user-info|usertitle|avatar|signature|sig|footer|actions|actionbar|meta|attribution|reactions|likes|buttons|share|report|quote|reply-link|permalink|byline|date|time)(?:$|[\s_-])`)
)

// postClasses are the class names forum engines give a post's container.
var postClasses = []string{"post", "message", "comment", "reply", "thing", "topic-post",
	"postbit", "postbitlegacy", "postbit_legacy", "post-container", "postcontainer", "forum-post",
	"comment-item", "message-item", "post-item", "reply-item", "answer", "review"}

// genericPosts reads the posts of a forum page and returns their elements (none when it
// finds no posts).
func (p *htmlReader) genericPosts(doc *html.Node) []*html.Node {
	type cand struct {
		n      *html.Node
		parent int // index in cands of the post it is nested in, -1 for none
	}
	var cands []cand
	var walk func(n *html.Node, parent int)
	walk = func(n *html.Node, parent int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipAlways(c) || isBoilerplate(c) {
				continue
			}
			inner := parent
			if isPostContainer(c) {
				cands = append(cands, cand{c, parent})
				inner = len(cands) - 1 // replies nested in a post (old Reddit, Disqus)
			}
			walk(c, inner)
		}
	}
	walk(doc, -1)
	// Posts repeat: keep the containers whose tag and class recur, or a lone one with a
	// data-author.
	// The shape is the tag and its post-like classes: phpBB alternates "post bg1" and
	// "post bg2".
	shape := func(n *html.Node) string {
		key, classes := n.Data, attrOf(n, "class")
		for _, c := range postClasses {
			if hasToken(classes, c) {
				key += "." + c
			}
		}
		key += "." + postClassToken(n)
		return key
	}
	count := map[string]int{}
	for _, c := range cands {
		count[shape(c.n)]++
	}
	var found []*html.Node
	index := map[int]int{} // cands index -> comment index
	base, wbase := len(p.page.Comments), len(p.page.Warnings)
	for i, cd := range cands {
		if count[shape(cd.n)] < 2 && postAuthorAttr(cd.n) == "" {
			continue
		}
		c, ok := p.genericPost(cd.n)
		if !ok {
			continue
		}
		// a wrapper whose own text, less the posts in it, is a link ("Répondre à ce
		// message") and no name: its posts are the comments
		if c.Author == "" && !moreWords(c.Text, 6) && !hasProse(splitLines(c.Text)) && findElem(cd.n, isPostContainer, nil) != nil {
			continue
		}
		c.Parent = -1
		for up := cd.parent; up >= 0; up = cands[up].parent {
			if ci, ok := index[up]; ok {
				c.Parent = ci
				break
			}
		}
		index[i] = p.add(c, attrOf(cd.n, "id"))
		found = append(found, cd.n)
	}
	// Cards (related stories: a byline, a date and a headline) repeat like posts; posts
	// have prose.
	prose := 0
	for _, c := range p.page.Comments[base:] {
		if hasProse(splitLines(c.Text)) {
			prose++
		}
	}
	if n := len(p.page.Comments) - base; n > 0 && prose*2 < n {
		p.page.Comments, p.page.Warnings = p.page.Comments[:base], p.page.Warnings[:wbase]
		return nil
	}
	// Only the outermost are removed from the page for the article.
	var outer []*html.Node
	for _, n := range found {
		nested := false
		for a := n.Parent; a != nil && !nested; a = a.Parent {
			for _, m := range found {
				if m == a {
					nested = true
					break
				}
			}
		}
		if !nested {
			outer = append(outer, n)
		}
	}
	return outer
}

// isPostContainer reports an element that looks like one post: a post-like class or a
// data-author, with a time inside.
func isPostContainer(n *html.Node) bool {
	if n.DataAtom == atom.Body || n.DataAtom == atom.Html || n.DataAtom == atom.Main {
		return false
	}
	if stampAttr(n) != "" && postAuthorAttr(n) != "" {
		return true // <shreddit-comment author="..." created="...">
	}
	if attrOf(n, "data-author") == "" && !hasAnyClass(n, postClasses) && postClassToken(n) == "" {
		return false
	}
	return findElem(n, func(c *html.Node) bool {
		return c.DataAtom == atom.Time || reDateClass.MatchString(attrOf(c, "class")) && strings.TrimSpace(inlineText(c, skipAlways)) != ""
	}, nil) != nil
}

// genericPost reads one post: author, time, text.
func (p *htmlReader) genericPost(n *html.Node) (Comment, bool) {
	c := Comment{Parent: -1, ID: commentID(attrOf(n, "id"))}
	c.Author = strings.TrimSpace(postAuthorAttr(n))
	if v := stampAttr(n); v != "" {
		if tm, ok := readStamp(v); ok && !tm.IsZero() {
			c.Posted, c.PostedRaw = tm, v
		}
	}
	if c.Author == "" {
		if a := findElem(n, func(e *html.Node) bool {
			return reAuthorClass.MatchString(attrOf(e, "class")) || hasToken(attrOf(e, "itemprop"), "author") || hasToken(attrOf(e, "rel"), "author")
		}, isPostContainer); a != nil {
			c.Author = cleanAuthor(inlineText(a, skipAlways))
		}
	}
	if !c.Posted.IsZero() {
		// the post's own attribute gave the time
	} else if t := findElem(n, func(e *html.Node) bool { return e.DataAtom == atom.Time }, isPostContainer); t != nil {
		shown := inlineText(t, skipAlways)
		if dt := attrOf(t, "datetime"); dt != "" {
			if tm, ok := readMachineOrShown(dt, shown); ok {
				c.Posted = tm
			}
			c.PostedRaw = firstText(shown, dt)
		} else {
			c.PostedRaw = shown
			c.Posted, _ = readStamp(shown)
		}
	} else {
		// A date element: the first whose attributes or text hold a date.
		for _, d := range allMatches(n, func(e *html.Node) bool { return reDateClass.MatchString(attrOf(e, "class")) && !insidePost(e, n) }) {
			if c.PostedRaw == "" {
				c.PostedRaw = inlineText(d, skipAlways)
			}
			for _, attr := range []string{"datetime", "data-datetime", "title", "data-time", "data-timestamp"} {
				if v := attrOf(d, attr); v != "" {
					if tm, ok := readStamp(v); ok && !tm.IsZero() {
						c.Posted = tm
						break
					}
				}
			}
			if c.Posted.IsZero() {
				c.Posted, _ = readStamp(inlineText(d, skipAlways))
			}
			if !c.Posted.IsZero() {
				break
			}
		}
	}
	// A day with its time in an element of its own (Drupal: <li class="date">April 5,
	// 2018</li><li class="time">6:32 PM</li>).
	if !c.Posted.IsZero() && c.Posted.Hour() == 0 && c.Posted.Minute() == 0 {
		if tn := findElem(n, func(e *html.Node) bool { return classLike(e, "time") && !insidePost(e, n) }, isPostContainer); tn != nil {
			clock := strings.TrimSpace(inlineText(tn, skipAlways))
			if reClockTime.MatchString(clock) {
				if tm, ok := ParseDate(c.PostedRaw + " " + clock); ok && !tm.IsZero() {
					c.Posted, c.PostedRaw = tm, c.PostedRaw+" "+clock
				}
			}
		}
	}
	// The body: the longest element whose class says content or body, else the post's
	// text without its furniture.
	// Replies nested in the post are posts of their own, not its text.
	skip := func(e *html.Node) bool { return skipPostFurniture(e) || e != n && isPostContainer(e) }
	best, bestLen := "", 0
	var bestNode *html.Node
	bodies := allMatches(n, func(e *html.Node) bool { return reBodyClass.MatchString(attrOf(e, "class")) })
	for _, b := range bodies {
		if insidePost(b, n) {
			continue
		}
		if t := nodeText(b, skip); len(t) > bestLen {
			best, bestLen, bestNode = t, len(t), b
		}
	}
	// A body inside the body that holds most of its text is the message itself; the
	// outer one also holds the post's title ("postbody" around phpBB's "content").
	for _, b := range bodies {
		if b != bestNode && bestNode != nil && isAncestor(bestNode, b) && !insidePost(b, n) {
			if t := nodeText(b, skip); len(t)*10 >= bestLen*7 {
				best, bestLen, bestNode = t, len(t), b
			}
		}
	}
	if best == "" {
		best = nodeText(n, skip)
	}
	c.Text = strings.TrimSpace(best)
	// The post's title line, "Re: thread title", is not its text.
	if strings.HasPrefix(c.Text, "Re: ") {
		if i := strings.IndexByte(c.Text, '\n'); i > 0 {
			c.Text = strings.TrimSpace(c.Text[i+1:])
		}
	}
	if c.Text == "" && c.Author == "" {
		return c, false
	}
	return c, true
}

// insidePost reports whether e lies in a post nested in root.
func insidePost(e, root *html.Node) bool {
	for a := e.Parent; a != nil && a != root; a = a.Parent {
		if isPostContainer(a) {
			return true
		}
	}
	return false
}

func skipPostFurniture(n *html.Node) bool {
	// A blockquote in a forum post quotes another post ("kestrel wrote: ..."): its words
	// are counted where they were written.
	return skipAlways(n) || n.DataAtom == atom.Time || n.DataAtom == atom.Footer || n.DataAtom == atom.Blockquote ||
		reFurnitureClass.MatchString(attrOf(n, "class"))
}

// isAncestor reports whether a contains e.
func isAncestor(a, e *html.Node) bool {
	for p := e.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// postAuthorAttr is the author a post element carries in an attribute: data-author, or
// author on a custom element (<shreddit-comment author="...">).
func postAuthorAttr(n *html.Node) string {
	if a := attrOf(n, "data-author"); a != "" {
		return a
	}
	if strings.Contains(n.Data, "-") {
		return attrOf(n, "author")
	}
	return ""
}

// stampAttr is the time a custom post element carries in an attribute.
func stampAttr(n *html.Node) string {
	if !strings.Contains(n.Data, "-") {
		return ""
	}
	for _, a := range []string{"created", "created-timestamp", "datetime", "data-created", "data-timestamp", "timestamp"} {
		if v := attrOf(n, a); v != "" {
			return v
		}
	}
	return ""
}

// rePostClassToken is a post container's class in the underscore or compound style of
// some engines: "post_entry", "comment_entry" (MedHelp), "message-item", "review_card".
var rePostClassToken = mustAnchor(`(?i)^(?:post|comment|message|reply|answer|review)[-_](?:entry|item|container|wrapper|wrap|box|block|row|card|unit)$`)

// postClassToken returns n's class token in that style, or "".
func postClassToken(n *html.Node) string {
	for _, c := range strings.Fields(attrOf(n, "class")) {
		if rePostClassToken.MatchString(c) {
			return strings.ToLower(c)
		}
	}
	return ""
}
