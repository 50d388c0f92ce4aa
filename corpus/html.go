package corpus

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The HTML reader takes a saved web page apart: the title, the article's main text and the
// comments, read from WordPress comment markup, else schema.org Comment microdata, else
// JSON-LD. Pages come from many themes, so every lookup has a fallback and nothing fails
// on a missing element: a comment that cannot be fully read is kept with a warning.

var (
	// comment-123, li-comment-123, div-comment-123, https://example.com/post/#comment-123
	reCommentID = regexp.MustCompile(`(?:^|[#/])(?:li-|div-)?comment-(\d+)$`)
	// "Jane says:" as printed by WordPress' default comment author line.
	reAuthorSays = regexp.MustCompile(`(?i)\s+(?:says|said|wrote|sagt|schrieb|meint|a\s+écrit|écrit|dit|dijo|dice|escribió|scrive|ha\s+scritto|zegt|schreef)\s*:?\s*$`)
	// Markup inside a JSON-LD text value.
	reHTMLTag = regexp.MustCompile(`(?i)<(?:p|br|div|span|a|em|strong|b|i|ul|ol|li|blockquote)\b[^>]*>`)
	reEntity  = regexp.MustCompile(`&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);`)
)

// Elements whose text is never part of an article or a comment.
var htmlSkipTags = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Form: true, atom.Nav: true, atom.Header: true, atom.Footer: true,
	atom.Aside: true, atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Svg: true,
	atom.Math: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
}

// Elements that start and end a paragraph.
var htmlBlockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Tr: true,
	atom.Pre: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Figure: true,
	atom.Figcaption: true, atom.Hr: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Body: true, atom.Center: true, atom.Caption: true,
}

// Classes of page furniture inside an article: share and like buttons, related posts and
// text only screen readers see.
var htmlNoiseClasses = []string{"sharedaddy", "jp-relatedposts", "screen-reader-text", "sr-only"}

// Classes that mark a comment's furniture rather than its text.
var htmlCommentChrome = []string{
	"reply", "comment-reply-link", "comment-author", "comment-meta", "comment-metadata",
	"commentmetadata", "says", "comment-awaiting-moderation", "comment-edit-link", "comment-number",
}

// classLike reports an element with a class token that contains every one of parts, in
// any case: classLike(n, "comment", "content") holds for "comment__content" and
// "commentContent".
func classLike(n *html.Node, parts ...string) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, c := range strings.Fields(attrOf(n, "class")) {
		c = strings.ToLower(c)
		ok := true
		for _, p := range parts {
			if !strings.Contains(c, p) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// parseHTML reads a saved web page. text is the page decoded to UTF-8. It returns an
// error only when the document cannot be parsed at all.
func parseHTML(source, text string) (*Page, error) {
	p := &htmlReader{src: text, page: &Page{Source: source, Format: FormatHTML}}
	doc, err := html.Parse(strings.NewReader(text))
	// The parser refuses pages nested deeper than 512 elements, which a page with many
	// unclosed tags can be: read it again without the tags that are never closed, and
	// failing that with the nesting cut back.
	if err != nil {
		doc, err = html.Parse(strings.NewReader(dropUnclosed(text)))
		if err == nil {
			p.page.Warnings = append(p.page.Warnings, Warning{
				Message: "HTML is nested too deeply; tags that are never closed were left out"})
		}
	}
	for _, depth := range []int{200, 50, 0} {
		if err == nil {
			break
		}
		doc, err = html.Parse(strings.NewReader(flattenHTML(text, depth)))
		if err == nil {
			p.page.Warnings = append(p.page.Warnings, Warning{Message: fmt.Sprintf(
				"HTML is nested too deeply; elements deeper than %d levels were read as text", depth)})
		}
	}
	if err != nil {
		return nil, &Error{Source: source, Err: fmt.Errorf("cannot parse HTML: %w", err)}
	}
	p.readComments(doc)
	broad := p.firstMatch(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Article || n.DataAtom == atom.Main
	})
	p.page.Article = p.article(doc)
	p.page.Title = p.title(doc, broad)
	if len(p.page.Comments) == 0 {
		if posts := p.genericPosts(doc); len(posts) > 0 {
			// The article is what the page holds besides its posts.
			for _, n := range posts {
				if n.Parent != nil {
					n.Parent.RemoveChild(n)
				}
			}
			p.page.Article = p.article(doc)
			p.page.Layout = fmt.Sprintf("html: %d repeated post containers (%s); %d comments", len(posts), describeNode(posts[0]), len(p.page.Comments))
		} else {
			p.fromTextLayout(doc)
		}
	}
	settleDates(p.page)
	return p.page, nil
}

// fromTextLayout reads the comments of a page without comment markup (a forum, a
// site of its own) from its text, laid out as the page shows it: author and date lines
// before each post, as the page-text parser reads them.
func (p *htmlReader) fromTextLayout(doc *html.Node) {
	body := doc
	if b := p.firstMatch(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body }); b != nil {
		body = b
	}
	tp := parsePageText(p.page.Source, nodeText(body, func(n *html.Node) bool { return skipAlways(n) || isBoilerplate(n) }))
	p.page.Layout = "html: no comment markup; the page's " + tp.Layout
	if len(tp.Comments) == 0 {
		return
	}
	p.page.Comments = tp.Comments
	p.page.Article = tp.Article
	for _, w := range tp.Warnings {
		p.page.Warnings = append(p.page.Warnings, Warning{Message: w.Message + " (in the page's text)"})
	}
}

// Elements with no end tag, and elements whose content is raw text.
var (
	htmlVoid = map[string]bool{
		"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
		"input": true, "keygen": true, "link": true, "meta": true, "param": true, "source": true,
		"track": true, "wbr": true,
	}
	htmlRawText = map[string]bool{
		"script": true, "style": true, "textarea": true, "title": true, "xmp": true, "iframe": true,
		"noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	}
)

// Elements whose end tag may be left out: the parser closes them itself.
var htmlOptionalEnd = map[string]bool{
	"html": true, "head": true, "body": true, "p": true, "li": true, "dt": true, "dd": true,
	"option": true, "optgroup": true, "tr": true, "td": true, "th": true, "thead": true,
	"tbody": true, "tfoot": true, "colgroup": true, "caption": true, "rb": true, "rt": true,
	"rtc": true, "rp": true,
}

// dropUnclosed rewrites a page without the start tags that no end tag closes (elements
// whose end tag is optional aside), the usual cause of runaway nesting.
func dropUnclosed(text string) string {
	type tok struct {
		raw  string
		name string
	}
	var toks []tok
	unclosed := map[int]bool{}
	var open []int // indexes in toks
	z := html.NewTokenizer(strings.NewReader(text))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		t := tok{raw: string(z.Raw())}
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			nb, _ := z.TagName()
			t.name = string(nb)
			if !htmlVoid[t.name] && !htmlRawText[t.name] && !htmlOptionalEnd[t.name] {
				open = append(open, len(toks))
			}
		case html.EndTagToken:
			nb, _ := z.TagName()
			name := string(nb)
			for i := len(open) - 1; i >= 0; i-- {
				if toks[open[i]].name == name {
					for _, j := range open[i+1:] {
						unclosed[j] = true
					}
					open = open[:i]
					break
				}
			}
		}
		toks = append(toks, t)
	}
	for _, j := range open {
		unclosed[j] = true
	}
	var b strings.Builder
	b.Grow(len(text))
	for i, t := range toks {
		if !unclosed[i] {
			b.WriteString(t.raw)
		}
	}
	return b.String()
}

// flattenHTML rewrites a page so that no element opens deeper than maxDepth: start tags
// past that depth, and their end tags, are dropped, so their content joins the parent.
func flattenHTML(text string, maxDepth int) string {
	z := html.NewTokenizer(strings.NewReader(text))
	var b strings.Builder
	var open []string
	dropped := map[string]int{}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken, html.SelfClosingTagToken:
			nb, _ := z.TagName()
			name := string(nb)
			switch {
			case htmlVoid[name] || htmlRawText[name]:
			case len(open) >= maxDepth:
				dropped[name]++
				continue
			default:
				open = append(open, name)
			}
		case html.EndTagToken:
			nb, _ := z.TagName()
			name := string(nb)
			if dropped[name] > 0 {
				dropped[name]--
				continue
			}
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == name {
					open = open[:i]
					break
				}
			}
		}
		b.Write(z.Raw())
	}
}

// htmlReader holds one page while it is read.
type htmlReader struct {
	src  string
	page *Page

	// WordPress comment blocks: a block is one or more nested elements (li.comment holding
	// article.comment) that make up one comment.
	blocks []wpBlock
	owner  map[*html.Node]int // element -> its block
}

type wpBlock struct {
	nodes  []*html.Node
	parent int // block index, -1 for none
}

// Node helpers.

func htmlAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attrOf(n *html.Node, key string) string {
	v, _ := htmlAttr(n, key)
	return v
}

// hasToken reports whether a space-separated attribute value (class, itemprop) holds tok.
func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if f == tok {
			return true
		}
	}
	return false
}

func hasClass(n *html.Node, c string) bool {
	return n.Type == html.ElementNode && hasToken(attrOf(n, "class"), c)
}

func hasAnyClass(n *html.Node, cs []string) bool {
	if n.Type != html.ElementNode {
		return false
	}
	classes := attrOf(n, "class")
	if classes == "" {
		return false
	}
	for _, c := range cs {
		if hasToken(classes, c) {
			return true
		}
	}
	return false
}

// isHidden reports elements a browser does not show.
func isHidden(n *html.Node) bool {
	if _, ok := htmlAttr(n, "hidden"); ok {
		return true
	}
	style := strings.ToLower(attrOf(n, "style"))
	return style != "" && strings.Contains(strings.ReplaceAll(style, " ", ""), "display:none")
}

// isCommentArea reports the element that holds a page's comments and reply form.
func isCommentArea(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	id := attrOf(n, "id")
	return id == "comments" || id == "respond" ||
		hasAnyClass(n, []string{"comments-area", "comment-list", "commentlist", "comment-respond"})
}

// isWPComment reports a WordPress comment element: li.comment, article.comment, or
// div.comment with an id comment-N.
func isWPComment(n *html.Node) bool {
	if n.Type != html.ElementNode || !hasClass(n, "comment") {
		return false
	}
	switch n.DataAtom {
	case atom.Li, atom.Article:
		return true
	case atom.Div:
		return reCommentID.MatchString(attrOf(n, "id"))
	}
	return false
}

// isChildrenList reports the list that holds the replies to a WordPress comment.
func isChildrenList(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Ol, atom.Ul, atom.Div:
		// WordPress's .children; Blogger's .comment-replies around its thread
		return hasClass(n, "children") || hasClass(n, "comment-replies")
	}
	return false
}

// isMicroComment reports an element whose itemtype is a schema.org Comment.
func isMicroComment(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, t := range strings.Fields(attrOf(n, "itemtype")) {
		t = strings.ToLower(t)
		if strings.HasSuffix(t, "schema.org/comment") {
			return true
		}
	}
	return false
}

// commentID turns comment-123 (or a URL ending in #comment-123) into "123"; other ids are
// kept as they are.
func commentID(s string) string {
	s = strings.TrimSpace(s)
	if m := reCommentID.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return s
}

// findElem returns the first element under root (not root itself) in document order for
// which match is true, not looking inside elements for which prune is true.
func findElem(root *html.Node, match, prune func(*html.Node) bool) *html.Node {
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if match(c) {
			return c
		}
		if prune != nil && prune(c) {
			continue
		}
		if f := findElem(c, match, prune); f != nil {
			return f
		}
	}
	return nil
}

// Text extraction.

// textBuilder collects text into paragraphs of lines, collapsing white space in each line.
type textBuilder struct {
	paras []string
	lines []string
	cur   strings.Builder
}

func (b *textBuilder) write(s string) { b.cur.WriteString(s) }

func (b *textBuilder) newline() {
	b.lines = append(b.lines, strings.Join(strings.Fields(b.cur.String()), " "))
	b.cur.Reset()
}

func (b *textBuilder) paragraph() {
	b.newline()
	var kept []string
	for _, l := range b.lines {
		// Runs of <br> make one blank line at most, and none at the paragraph's ends.
		if l == "" && (len(kept) == 0 || kept[len(kept)-1] == "") {
			continue
		}
		kept = append(kept, l)
	}
	for len(kept) > 0 && kept[len(kept)-1] == "" {
		kept = kept[:len(kept)-1]
	}
	if len(kept) > 0 {
		b.paras = append(b.paras, strings.Join(kept, "\n"))
	}
	b.lines = b.lines[:0]
}

func (b *textBuilder) String() string {
	b.paragraph()
	return strings.Join(b.paras, "\n\n")
}

// nodeText is the text under root in paragraphs, leaving out elements for which skip is
// true (root itself is always read).
func nodeText(root *html.Node, skip func(*html.Node) bool) string {
	var b textBuilder
	collectText(root, skip, &b, root.DataAtom == atom.Pre, true)
	return b.String()
}

// inlineText is the text under root on one line.
func inlineText(root *html.Node, skip func(*html.Node) bool) string {
	return strings.Join(strings.Fields(nodeText(root, skip)), " ")
}

func collectText(n *html.Node, skip func(*html.Node) bool, b *textBuilder, pre, isRoot bool) {
	switch n.Type {
	case html.TextNode:
		if !pre {
			b.write(n.Data)
			return
		}
		for i, part := range strings.Split(n.Data, "\n") {
			if i > 0 {
				b.newline()
			}
			b.write(part)
		}
		return
	case html.ElementNode:
		if !isRoot && skip != nil && skip(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	if n.DataAtom == atom.Br {
		b.newline()
		return
	}
	block := htmlBlockTags[n.DataAtom]
	cell := n.DataAtom == atom.Td || n.DataAtom == atom.Th
	if block {
		b.paragraph()
	} else if cell {
		b.write(" ")
	}
	pre = pre || n.DataAtom == atom.Pre
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectText(c, skip, b, pre, false)
	}
	if block {
		b.paragraph()
	} else if cell {
		b.write(" ")
	}
}

// skipAlways leaves out what is never text: scripts, navigation, forms, hidden elements.
func skipAlways(n *html.Node) bool {
	if n.DataAtom == atom.Aside {
		// some themes put the comments in an aside (SPIP's): one that holds comment
		// texts is read
		return findElem(n, func(c *html.Node) bool {
			return classLike(c, "comment", "content") || classLike(c, "comment", "text") || classLike(c, "comment", "body")
		}, nil) == nil
	}
	if n.DataAtom == atom.Footer && classLike(n, "comment") {
		return false // a comment's own footer holds its byline ("epoch-comment-meta")
	}
	return htmlSkipTags[n.DataAtom] || isHidden(n) || hasAnyClass(n, htmlNoiseClasses)
}

// boilerplateWords mark, in a class or id, the page's furniture around its text: related
// and recommended stories, teasers, sidebars, widgets, sharing, newsletters. Their
// bylines and dates are not comments (the text fallback reads the page without them).
var boilerplateWords = []string{"related", "recommend", "recirculation", "teaser", "promo", "trending", "popular",
	"sidebar", "widget", "newsletter", "share", "social", "breadcrumb", "more-stories", "morestories",
	"further-reading", "most-read", "mostread", "outbrain", "taboola", "listposts", "list-posts", "more-from", "morefrom", "twitter-tweet", "instagram-media", "tiktok-embed",
	"byline", "author-bio", "authorbio", "masthead", "navigation", "subscribe", "advert"}

// isBoilerplate reports an element whose class or id names page furniture, unless it also
// names comments ("comment-share" is a comment's).
func isBoilerplate(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom == atom.Body || n.DataAtom == atom.Html || n.DataAtom == atom.Main {
		return false // "no-sidebars" on <body> describes the page
	}
	names := strings.ToLower(attrOf(n, "class") + " " + attrOf(n, "id"))
	if len(names) < 4 || strings.Contains(names, "comment") || strings.Contains(names, "post") && strings.Contains(names, "reply") {
		return false
	}
	for _, tok := range strings.Fields(names) {
		// WordPress prints a post's tags and categories as classes: "tag-popular"
		if strings.HasPrefix(tok, "tag-") || strings.HasPrefix(tok, "category-") || strings.HasPrefix(tok, "cat-") ||
			strings.HasPrefix(tok, "no-") || strings.HasPrefix(tok, "has-") {
			continue
		}
		for _, w := range boilerplateWords {
			if strings.Contains(tok, w) {
				// a layout wrapper ("panel-two-col-sidebar-right-mix") holds the page's
				// heading or its comments: not furniture
				return findElem(n, func(c *html.Node) bool {
					return c.DataAtom == atom.H1 || c.DataAtom == atom.Article || strings.Contains(attrOf(c, "class"), "comment")
				}, nil) == nil
			}
		}
	}
	return false
}

// isCommentThing reports any element that belongs to the comments and not to the article.
func isCommentThing(n *html.Node) bool {
	return isCommentArea(n) || isWPComment(n) || isMicroComment(n) ||
		hasToken(attrOf(n, "itemprop"), "comment")
}

// Article and title.

func skipForArticle(n *html.Node) bool {
	return skipAlways(n) || isCommentThing(n)
}

// pruneForArticle keeps the search for the article container out of page furniture. Forms
// are searched: some sites wrap the whole page in one.
func pruneForArticle(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav,
		atom.Header, atom.Footer, atom.Aside:
		return true
	}
	return isCommentThing(n)
}

// firstMatch finds the first element matching match outside page furniture and comments.
func (p *htmlReader) firstMatch(doc *html.Node, match func(*html.Node) bool) *html.Node {
	return findElem(doc, func(n *html.Node) bool { return !pruneForArticle(n) && match(n) }, pruneForArticle)
}

// allMatches lists the elements matching match outside page furniture and comments.
func allMatches(root *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || pruneForArticle(c) {
				continue
			}
			if match(c) {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(root)
	return out
}

// The article containers, best first. A body container (articleBody, .entry-content,
// .post-content) found inside an <article> or <main> is preferred to it: it leaves out the
// byline, tags and share links around the text.
var (
	isArticleBody = func(n *html.Node) bool { return hasToken(attrOf(n, "itemprop"), "articleBody") }
	isEntry       = func(n *html.Node) bool { return hasClass(n, "entry-content") }
	isPostContent = func(n *html.Node) bool { return hasClass(n, "post-content") }
	bodyMatchers  = []func(*html.Node) bool{isArticleBody, isEntry, isPostContent}
	articleOrder  = []func(*html.Node) bool{
		func(n *html.Node) bool { return n.DataAtom == atom.Article },
		isArticleBody, isEntry, isPostContent,
		func(n *html.Node) bool { return n.DataAtom == atom.Main },
	}
)

func (p *htmlReader) article(doc *html.Node) string {
	root := doc
	if body := findElem(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body }, nil); body != nil {
		root = body
	}
	whole := nodeText(root, skipForArticle)
	// The article element, or its body: the first in articleOrder's order, unless it
	// holds less than half of the page's prose (a teaser, a lead, an <article> per card):
	// then the page's text, less its comments and furniture, so that no prose is lost.
	if best := firstArticle(doc); best != "" && 2*proseChars(splitLines(best)) >= proseChars(splitLines(whole)) {
		return best
	}
	return whole
}

// firstArticle is the text of the first article element in articleOrder's order (its body
// element's, when it has one), or "".
func firstArticle(doc *html.Node) string {
	for _, match := range articleOrder {
		for _, n := range allMatches(doc, match) {
			if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
				for _, body := range bodyMatchers {
					for _, inner := range allMatches(n, body) {
						if t := nodeText(inner, skipForArticle); t != "" {
							return t
						}
					}
				}
			}
			if t := nodeText(n, skipForArticle); t != "" {
				return t
			}
		}
	}
	return ""
}

// title is og:title, else the first <h1> of the article or main element, else <title>.
func (p *htmlReader) title(doc, broad *html.Node) string {
	og := findElem(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Meta && (attrOf(n, "property") == "og:title" || attrOf(n, "name") == "og:title")
	}, nil)
	if og != nil {
		if t := strings.Join(strings.Fields(attrOf(og, "content")), " "); t != "" {
			return t
		}
	}
	if broad != nil {
		h1 := findElem(broad, func(n *html.Node) bool { return n.DataAtom == atom.H1 }, isCommentThing)
		if h1 != nil {
			if t := inlineText(h1, skipAlways); t != "" {
				return t
			}
		}
	}
	if t := findElem(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title }, nil); t != nil {
		return inlineText(t, nil)
	}
	return ""
}

// Comments.

func (p *htmlReader) readComments(doc *html.Node) {
	p.owner = map[*html.Node]int{}
	p.collectWP(doc, -1, false)
	if len(p.blocks) > 0 {
		p.wpComments()
		p.page.Layout = fmt.Sprintf("html: WordPress comment markup (li.comment, .comment-author, .comment-content); %d comments", len(p.page.Comments))
		return
	}
	var micro []*html.Node
	var parents []int
	p.collectMicro(doc, -1, &micro, &parents)
	if len(micro) > 0 {
		p.microComments(micro, parents)
		p.page.Layout = fmt.Sprintf("html: schema.org Comment microdata; %d comments", len(p.page.Comments))
		return
	}
	p.jsonLDComments(doc)
	if len(p.page.Comments) > 0 {
		p.page.Layout = fmt.Sprintf("html: schema.org Comment JSON-LD; %d comments", len(p.page.Comments))
	}
}

// add appends a comment, giving it its index and, when it has no text, a warning.
func (p *htmlReader) add(c Comment, idAttr string) int {
	c.Index = len(p.page.Comments)
	if c.Parent < 0 || c.Parent >= c.Index {
		c.Parent = -1
	}
	if c.Text == "" {
		desc := ""
		if c.ID != "" {
			desc += " (id " + c.ID + ")"
		}
		if c.Author != "" {
			desc += " by " + c.Author
		}
		p.warn(idAttr, fmt.Sprintf("comment %d%s has no text; kept with its author and date", c.Index, desc))
	}
	p.page.Comments = append(p.page.Comments, c)
	return c.Index
}

func (p *htmlReader) warn(idAttr, msg string) {
	p.page.Warnings = append(p.page.Warnings, Warning{Line: p.lineOfID(idAttr), Message: msg})
}

// lineOfID finds the line of the element with this id attribute, 0 when not found: the
// parsed tree does not keep positions.
func (p *htmlReader) lineOfID(id string) int {
	if id == "" {
		return 0
	}
	for _, pat := range []string{`id="` + id + `"`, `id='` + id + `'`, `id=` + id + ` `, `id=` + id + `>`} {
		if i := strings.Index(p.src, pat); i >= 0 {
			return 1 + strings.Count(p.src[:i], "\n")
		}
	}
	return 0
}

// lineOf finds the line where s starts in the page, 0 when not found.
func (p *htmlReader) lineOf(s string) int {
	if s == "" {
		return 0
	}
	if i := strings.Index(p.src, s); i >= 0 {
		return 1 + strings.Count(p.src[:i], "\n")
	}
	return 0
}

// (a) WordPress comment markup.

// collectWP finds comment blocks in document order. An element nested in a comment with no
// .children list between them is part of that comment (li.comment > article.comment)
// unless both carry different comment ids; one inside a .children list is a reply.
func (p *htmlReader) collectWP(n *html.Node, cur int, crossed bool) {
	sibling := -1 // the comment just before, among n's children
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch {
		case c.DataAtom == atom.Script || c.DataAtom == atom.Template || c.DataAtom == atom.Head:
		case isWPComment(c):
			if cur >= 0 && !crossed && p.sameComment(cur, c) {
				p.blocks[cur].nodes = append(p.blocks[cur].nodes, c)
				p.owner[c] = cur
				p.collectWP(c, cur, false)
				continue
			}
			p.blocks = append(p.blocks, wpBlock{nodes: []*html.Node{c}, parent: cur})
			i := len(p.blocks) - 1
			p.owner[c] = i
			sibling = i
			p.collectWP(c, i, false)
		case isChildrenList(c):
			// The replies' list beside their comment, not in it:
			// <li><article class="comment">...</article><ol class="children">
			if sibling >= 0 {
				p.collectWP(c, sibling, true)
				continue
			}
			p.collectWP(c, cur, true)
		default:
			p.collectWP(c, cur, crossed)
		}
	}
}

func (p *htmlReader) sameComment(block int, n *html.Node) bool {
	inner := wpNumericID(n)
	if inner == "" {
		return true
	}
	for _, m := range p.blocks[block].nodes {
		if outer := wpNumericID(m); outer != "" && outer != inner {
			return false
		}
	}
	return true
}

func wpNumericID(n *html.Node) string {
	if m := reCommentID.FindStringSubmatch(attrOf(n, "id")); m != nil {
		return m[1]
	}
	return ""
}

// foreign reports an element that belongs to another comment block than i, or holds
// replies: the parts of a comment are looked for only in its own markup.
func (p *htmlReader) foreign(i int) func(*html.Node) bool {
	return func(n *html.Node) bool {
		if o, ok := p.owner[n]; ok && o != i {
			return true
		}
		return isChildrenList(n)
	}
}

func (p *htmlReader) wpComments() {
	index := make([]int, len(p.blocks)) // block -> comment index
	seen := map[string]int{}            // comment id -> comment index
	for i, bl := range p.blocks {
		root := bl.nodes[0]
		foreign := p.foreign(i)
		own := func(match func(*html.Node) bool) *html.Node { return findElem(root, match, foreign) }

		var c Comment
		idAttr := ""
		for _, n := range bl.nodes {
			if id := wpNumericID(n); id != "" {
				c.ID, idAttr = id, attrOf(n, "id")
				break
			}
		}
		if c.ID == "" {
			for _, n := range bl.nodes {
				if id := attrOf(n, "id"); id != "" {
					c.ID, idAttr = strings.TrimSpace(id), id
					break
				}
			}
		}
		if c.ID != "" {
			if j, ok := seen[c.ID]; ok { // the same comment printed twice
				index[i] = j
				continue
			}
		}

		c.Author = p.wpAuthor(own, foreign)
		c.Posted, c.PostedRaw = p.wpDate(own, idAttr)
		if !c.Posted.IsZero() && c.Posted.Hour() == 0 && c.Posted.Minute() == 0 {
			// the day in one element, the time beside it ("March 11th, 2015", "at 02:57")
			if raw, tm, ok := firstShownDate(nodeText(root, func(n *html.Node) bool { return skipAlways(n) || foreign(n) })); ok &&
				tm.YearDay() == c.Posted.YearDay() && tm.Year() == c.Posted.Year() && (tm.Hour() != 0 || tm.Minute() != 0) {
				c.Posted, c.PostedRaw = tm, raw
			}
		}
		if c.Posted.IsZero() {
			// a theme without a date element: the first date the comment shows
			// (a comment's own footer and headings too: <footer><h6>Jane | Di, 21. April 2020 - 16:40)
			if raw, tm, ok := firstShownDate(nodeText(root, func(n *html.Node) bool {
				return foreign(n) || n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Form
			})); ok {
				c.Posted, c.PostedRaw = tm, raw
			}
		}

		skip := func(n *html.Node) bool {
			return skipAlways(n) || foreign(n) || hasAnyClass(n, htmlCommentChrome)
		}
		body := own(func(n *html.Node) bool { return hasClass(n, "comment-content") })
		if body == nil {
			// themes name it their own way: "comment__content", "comment-text", "commentBody"
			body = own(func(n *html.Node) bool {
				return classLike(n, "comment", "content") || classLike(n, "comment", "text") || classLike(n, "comment", "message")
			})
		}
		if body == nil {
			body = own(func(n *html.Node) bool { return hasClass(n, "comment-body") })
		}
		if body == nil {
			body = root
		}
		c.Text = nodeText(body, skip)
		c.Text, c.PostedRaw, c.Posted = trimByline(c.Text, c.Author, c.PostedRaw, c.Posted)
		if c.Author == "" {
			c.Text, c.Author, c.PostedRaw, c.Posted = trailingSignature(c.Text, c.PostedRaw, c.Posted)
		}

		c.Parent = -1
		if bl.parent >= 0 {
			c.Parent = index[bl.parent]
		}
		index[i] = p.add(c, idAttr)
		if c.ID != "" {
			seen[c.ID] = index[i]
		}
	}
}

func (p *htmlReader) wpAuthor(own func(func(*html.Node) bool) *html.Node, foreign func(*html.Node) bool) string {
	skip := func(n *html.Node) bool { return skipAlways(n) || foreign(n) || hasClass(n, "says") }
	clean := func(s string) string {
		s = strings.TrimRight(strings.TrimSpace(reAuthorSays.ReplaceAllString(s, "")), ",;:·|–—- ")
		// "Martina Berg Autor": a badge after the name
		if i := strings.LastIndexByte(s, ' '); i > 0 && roleBadges[strings.ToLower(s[i+1:])] {
			s = strings.TrimSpace(s[:i])
		}
		return s
	}
	if ca := own(func(n *html.Node) bool { return hasClass(n, "comment-author") }); ca != nil {
		if fn := findElem(ca, func(n *html.Node) bool { return hasClass(n, "fn") }, foreign); fn != nil {
			if a := clean(inlineText(fn, skip)); a != "" {
				return a
			}
		}
		if cite := findElem(ca, func(n *html.Node) bool { return n.DataAtom == atom.Cite }, foreign); cite != nil {
			if a := clean(inlineText(cite, skip)); a != "" {
				return a
			}
		}
		// "comment__author-name", "author-name", "username" inside the author line
		if fn := findElem(ca, func(n *html.Node) bool {
			return n != ca && (classLike(n, "author", "name") || classLike(n, "user", "name"))
		}, foreign); fn != nil {
			if a := clean(inlineText(fn, skip)); a != "" {
				return a
			}
		}
		// The whole author line, less a date and the reply link some themes print in it.
		noDate := func(n *html.Node) bool {
			return skip(n) || n.DataAtom == atom.Time || hasAnyClass(n, htmlCommentChrome[:2]) || classLike(n, "links") || classLike(n, "actions")
		}
		if a := clean(inlineText(ca, noDate)); a != "" {
			return a
		}
		// an author element beside an avatar-only author box
		if au := own(func(n *html.Node) bool {
			return n != ca && hasAnyClass(n, []string{"author", "comment-author-name", "commenter", "name"})
		}); au != nil {
			return clean(inlineText(au, skip))
		}
		return ""
	}
	if fn := own(func(n *html.Node) bool { return hasClass(n, "fn") }); fn != nil {
		return clean(inlineText(fn, skip))
	}
	// WordPress's link to the commenter's site: <a class="url">
	if u := own(func(n *html.Node) bool { return n.DataAtom == atom.A && hasToken(attrOf(n, "class"), "url") }); u != nil {
		if a := clean(inlineText(u, skip)); a != "" {
			return a
		}
	}
	// a name in a heading of the comment: <h4>Jane</h4>, <h6>Jane | Di, 21. April 2020</h6>
	if hd := own(func(n *html.Node) bool {
		return n.DataAtom == atom.H3 || n.DataAtom == atom.H4 || n.DataAtom == atom.H5 || n.DataAtom == atom.H6
	}); hd != nil {
		a := clean(inlineText(hd, skip))
		if h, ok := authorDateLine(a); ok {
			return h.author
		}
		if a != "" && isAuthor(a) {
			return a
		}
	}
	// "<cite><strong>Ramón</strong> dijo:</cite>"
	if c := own(func(n *html.Node) bool { return n.DataAtom == atom.Cite }); c != nil {
		if a := clean(inlineText(c, skip)); a != "" && isAuthor(a) {
			return a
		}
	}
	// Blogger: <cite class="user">; other themes: an author-name element.
	if u := own(func(n *html.Node) bool {
		return n.DataAtom == atom.Cite && hasClass(n, "user") || hasAnyClass(n, []string{"comment-author-name", "author-name", "user-name", "username", "author"}) ||
			classLike(n, "author") && !classLike(n, "avatar") && !classLike(n, "url")
	}); u != nil {
		return clean(inlineText(u, skip))
	}
	return ""
}

// wpDate reads <time datetime> in the comment's meta line (or anywhere in the comment),
// else the text of the meta line's link, else the meta line itself.
func (p *htmlReader) wpDate(own func(func(*html.Node) bool) *html.Node, idAttr string) (time.Time, string) {
	isMeta := func(n *html.Node) bool {
		return hasAnyClass(n, []string{"comment-meta", "comment-metadata", "commentmetadata", "comment-date", "comment-time", "datetime", "comment-timestamp"})
	}
	isTime := func(n *html.Node) bool {
		_, ok := htmlAttr(n, "datetime")
		// <time datetime>, or the microformat <abbr class="date" title="2018-09-11T10:57:27Z">
		return n.DataAtom == atom.Time && ok || n.DataAtom == atom.Abbr && attrOf(n, "title") != "" && strings.ContainsAny(attrOf(n, "title"), "0123456789")
	}
	notDate := func(n *html.Node) bool {
		return skipAlways(n) || hasAnyClass(n, []string{"comment-edit-link", "edit-link", "comment-author", "says"}) ||
			classLike(n, "reply") || classLike(n, "repondre") || classLike(n, "moderation")
	}
	meta := own(isMeta)
	var tm *html.Node
	if meta != nil {
		tm = findElem(meta, isTime, nil)
	}
	if tm == nil {
		tm = own(isTime)
	}
	if tm != nil {
		shown := inlineText(tm, nil)
		dt := strings.TrimSpace(attrOf(tm, "datetime"))
		if tm.DataAtom == atom.Abbr {
			dt = strings.TrimSpace(attrOf(tm, "title"))
		}
		raw := shown
		if raw == "" {
			raw = dt
		}
		if t, ok := readMachineOrShown(dt, shown); ok {
			return t, raw
		}
		p.warn(idAttr, fmt.Sprintf("cannot read the date %q; kept as written", raw))
		return time.Time{}, raw
	}
	if meta == nil {
		return time.Time{}, ""
	}
	raw := ""
	if a := findElem(meta, func(n *html.Node) bool { return n.DataAtom == atom.A && !notDate(n) }, nil); a != nil {
		raw = inlineText(a, notDate)
	}
	if raw == "" {
		raw = inlineText(meta, notDate)
	}
	if raw == "" {
		return time.Time{}, ""
	}
	if t, ok := readStamp(raw); ok {
		return t, raw
	}
	if shown, t, ok := firstShownDate(nodeText(meta, notDate)); ok {
		return t, shown
	}
	p.warn(idAttr, fmt.Sprintf("cannot read the date %q; kept as written", raw))
	return time.Time{}, raw
}

// (b) schema.org Comment microdata.

func (p *htmlReader) collectMicro(n *html.Node, cur int, out *[]*html.Node, parents *[]int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom == atom.Script || c.DataAtom == atom.Template {
			continue
		}
		next := cur
		if isMicroComment(c) {
			*out = append(*out, c)
			*parents = append(*parents, cur)
			next = len(*out) - 1
		}
		p.collectMicro(c, next, out, parents)
	}
}

// microProp finds the element carrying property name of the item at root, not looking
// inside nested items (their properties are theirs).
func microProp(root *html.Node, names ...string) *html.Node {
	for _, name := range names {
		n := findElem(root, func(n *html.Node) bool { return hasToken(attrOf(n, "itemprop"), name) },
			func(n *html.Node) bool {
				_, scope := htmlAttr(n, "itemscope")
				return scope || isMicroComment(n)
			})
		if n != nil {
			return n
		}
	}
	return nil
}

// microValue is a property's machine value (content, datetime or value attribute) and the
// text it shows.
func microValue(n *html.Node) (machine, shown string) {
	for _, k := range []string{"content", "datetime", "value"} {
		if v, ok := htmlAttr(n, k); ok {
			machine = strings.TrimSpace(v)
			break
		}
	}
	if n.DataAtom != atom.Meta {
		shown = inlineText(n, skipAlways)
	}
	return machine, shown
}

func (p *htmlReader) microComments(items []*html.Node, parents []int) {
	index := make([]int, len(items))
	seen := map[string]int{}
	for i, root := range items {
		var c Comment
		idAttr := attrOf(root, "id")
		c.ID = commentID(idAttr)
		if c.ID == "" {
			c.ID = commentID(attrOf(root, "itemid"))
		}
		if c.ID != "" {
			if j, ok := seen[c.ID]; ok {
				index[i] = j
				continue
			}
		}
		if a := microProp(root, "author", "creator"); a != nil {
			if _, scope := htmlAttr(a, "itemscope"); scope {
				if nm := microProp(a, "name"); nm != nil {
					m, s := microValue(nm)
					c.Author = firstText(s, m)
				}
			}
			if c.Author == "" {
				m, s := microValue(a)
				c.Author = firstText(s, m)
			}
		}
		if d := microProp(root, "dateCreated", "datePublished"); d != nil {
			machine, shown := microValue(d)
			c.PostedRaw = firstText(shown, machine)
			if t, ok := readMachineOrShown(machine, shown); ok {
				c.Posted = t
			} else if c.PostedRaw != "" {
				p.warn(idAttr, fmt.Sprintf("cannot read the date %q; kept as written", c.PostedRaw))
			}
		}
		if t := microProp(root, "text", "commentText"); t != nil {
			if t.DataAtom == atom.Meta {
				c.Text = tidyText(attrOf(t, "content"))
			} else {
				c.Text = nodeText(t, func(n *html.Node) bool {
					return skipAlways(n) || isMicroComment(n) || hasAnyClass(n, htmlCommentChrome)
				})
			}
		}
		c.Parent = -1
		if parents[i] >= 0 {
			c.Parent = index[parents[i]]
		}
		index[i] = p.add(c, idAttr)
		if c.ID != "" {
			seen[c.ID] = index[i]
		}
	}
}

func firstText(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// (c) JSON-LD.

func (p *htmlReader) jsonLDComments(doc *html.Node) {
	var scripts []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Script {
				typ := strings.ToLower(strings.TrimSpace(attrOf(c, "type")))
				if strings.HasPrefix(typ, "application/ld+json") {
					scripts = append(scripts, c)
				}
				continue
			}
			walk(c)
		}
	}
	walk(doc)
	seen := map[string]bool{}
	for _, s := range scripts {
		var b strings.Builder
		for c := s.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
		}
		body := strings.TrimSpace(b.String())
		if body == "" {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(body))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			// Only worth a warning when it may have held comments.
			if strings.Contains(body, "omment") {
				p.page.Warnings = append(p.page.Warnings, Warning{Line: p.lineOf(body),
					Message: fmt.Sprintf("JSON-LD block is not valid JSON (%v); its comments are not read", err)})
			}
			continue
		}
		p.ldVisit(v, -1, false, seen, body)
	}
}

// ldVisit finds comments in a JSON-LD value: objects typed Comment, and the members of
// any "comment" property; a comment's own "comment" property holds its replies.
func (p *htmlReader) ldVisit(v any, parent int, asComment bool, seen map[string]bool, body string) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			p.ldVisit(e, parent, asComment, seen, body)
		}
	case map[string]any:
		if asComment || ldIsComment(x) {
			i, ok := p.ldAdd(x, parent, seen, body)
			if ok {
				if replies, has := x["comment"]; has {
					p.ldVisit(replies, i, true, seen, body)
				}
			}
			return
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p.ldVisit(x[k], parent, k == "comment", seen, body)
		}
	}
}

func ldIsComment(x map[string]any) bool {
	is := func(v any) bool {
		s, ok := v.(string)
		return ok && (s == "Comment" || strings.HasSuffix(s, "/Comment") || strings.HasSuffix(s, ":Comment"))
	}
	switch t := x["@type"].(type) {
	case string:
		return is(t)
	case []any:
		for _, e := range t {
			if is(e) {
				return true
			}
		}
	}
	return false
}

// ldString reads a string or number.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case json.Number:
		return x.String()
	}
	return ""
}

// ldName reads an author: a string, an object with a name, or a list of those.
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return strings.Join(strings.Fields(x), " ")
	case map[string]any:
		return ldName(x["name"])
	case []any:
		for _, e := range x {
			if s := ldName(e); s != "" {
				return s
			}
		}
	}
	return ""
}

func (p *htmlReader) ldAdd(x map[string]any, parent int, seen map[string]bool, body string) (int, bool) {
	var c Comment
	c.Author = ldName(x["author"])
	if c.Author == "" {
		c.Author = ldName(x["creator"])
	}
	for _, k := range []string{"dateCreated", "datePublished"} {
		if s := ldString(x[k]); s != "" {
			c.PostedRaw = s
			break
		}
	}
	for _, k := range []string{"text", "commentText"} {
		if s, ok := x[k].(string); ok && strings.TrimSpace(s) != "" {
			c.Text = tidyText(s)
			break
		}
	}
	atID := ldString(x["@id"])
	c.ID = commentID(atID)
	if c.ID == "" {
		c.ID = commentID(ldString(x["identifier"]))
	}
	key := "@" + atID
	if atID == "" {
		key = c.Author + "\x00" + c.PostedRaw + "\x00" + c.Text
	}
	if seen[key] {
		return 0, false
	}
	seen[key] = true
	// The comment's line: where its id, date or author appears in the block.
	line := p.lineOf(body)
	for _, v := range []string{atID, c.PostedRaw, c.Author} {
		if i := strings.Index(body, v); v != "" && i >= 0 && line > 0 {
			line += strings.Count(body[:i], "\n")
			break
		}
	}
	if c.PostedRaw != "" {
		if t, ok := readStamp(c.PostedRaw); ok {
			c.Posted = t
		} else {
			p.page.Warnings = append(p.page.Warnings, Warning{Line: line,
				Message: fmt.Sprintf("cannot read the date %q; kept as written", c.PostedRaw)})
		}
	}
	c.Parent = parent
	// add's warning (no text) has no element id to find; give the JSON-LD block's line.
	n := len(p.page.Warnings)
	i := p.add(c, "")
	if len(p.page.Warnings) > n {
		p.page.Warnings[n].Line = line
	}
	return i, true
}

// tidyText tidies text that came from an attribute or JSON: markup is read as HTML,
// otherwise entities are decoded and white space collapsed within each line, with blank
// lines kept as paragraph breaks.
func tidyText(s string) string {
	if reHTMLTag.MatchString(s) {
		ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
		if err == nil {
			for _, n := range nodes {
				ctx.AppendChild(n)
			}
			return nodeText(ctx, skipAlways)
		}
	}
	if reEntity.MatchString(s) {
		s = html.UnescapeString(s)
	}
	var b textBuilder
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(l) == "" {
			b.paragraph()
			continue
		}
		b.write(l)
		b.newline()
	}
	return b.String()
}

// parseWallClock reads an RFC 3339 or ISO 8601 timestamp and keeps its clock as written:
// "2014-04-09T00:45:00+02:00" is 00:45, not 22:45 UTC. Fractions of a second are dropped.
func parseWallClock(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

// readMachineOrShown reads a date given twice, as a machine value (a datetime or content
// attribute) and as the page shows it: the machine timestamp first, then the shown date,
// then the machine value read as a page date.
//
// A machine value in UTC ("2018-09-11T10:57:27Z") is not the time the page shows (12:57
// in Paris): the shown date wins, and when it has no year ("Le 9 janvier à 13:06") it
// takes the machine value's.
func readMachineOrShown(machine, shown string) (time.Time, bool) {
	m, mok := parseWallClock(machine)
	if !mok {
		m, mok = readStamp(machine) // "2021-06-01T09:15:00-0400"
		mok = mok && !m.IsZero()
	}
	// a machine value with no time ("2020-12-24") gives the day; the shown date the time
	if dayOnly := mok && !strings.ContainsAny(strings.TrimSpace(machine), "T :"); dayOnly {
		if t, ok := readStamp(shown); ok && !t.IsZero() && t.Year() == m.Year() && t.YearDay() == m.YearDay() {
			return t, true
		}
	}
	if mok && !strings.HasSuffix(strings.TrimSpace(machine), "Z") {
		return m, true
	}
	// the shown date wins only when it shows the time ("Jun 1, 2021" alone is the day)
	shownT, shownOK := readStamp(shown)
	if shownOK && !shownT.IsZero() && (!mok || strings.ContainsRune(shown, ':') || shownT.Hour() != 0 || shownT.Minute() != 0) {
		return shownT, true
	}
	if mok {
		if nm := noYear(dateText(shown)); nm != nil {
			name, day := nm[1], nm[2]
			if name == "" {
				name, day = nm[4], nm[3]
			}
			if t, ok := build(strconv.Itoa(m.Year()), monthNames[strings.ToLower(name)], day, nm[5], nm[6], nm[7], nm[8]); ok {
				return t, true
			}
		}
		return m, true
	}
	if shownOK {
		return shownT, true // "3 days ago"
	}
	return readStamp(machine)
}

// readStamp reads a timestamp, else a date as pages write it. A relative date ("3 days
// ago") is read as known but without a time.
func readStamp(s string) (time.Time, bool) {
	if t, ok := parseWallClock(s); ok {
		return t, true
	}
	return ParseDate(s)
}

// describeNode names an element as a selector: "div.post.bg1", "article#post-12".
func describeNode(n *html.Node) string {
	d := n.Data
	if id := attrOf(n, "id"); id != "" {
		d += "#" + id
	}
	for _, c := range strings.Fields(attrOf(n, "class")) {
		d += "." + c
	}
	return d
}

// trimByline drops the author's name and a date line that open a comment's text when the
// theme prints them inside it, keeping the date when none was found in the markup.
func trimByline(text, author, raw string, posted time.Time) (string, string, time.Time) {
	for k := 0; k < 3; k++ {
		first, rest, _ := strings.Cut(text, "\n")
		first = strings.TrimSpace(first)
		date := first
		if author != "" && strings.HasPrefix(first, author+" ") {
			date = strings.TrimSpace(first[len(author):]) // "Ed Erhart 1 year"
		}
		switch {
		case author != "" && first == author:
		case isDateLine(date):
			if raw == "" {
				raw = date
				posted, _ = ParseDate(date)
			}
		default:
			return trimGluedLink(trimTrailers(text)), raw, posted
		}
		text = strings.TrimLeft(rest, "\n")
	}
	return trimGluedLink(trimTrailers(text)), raw, posted
}

// trimTrailers drops the link and vote lines at the end of a comment's text ("Share",
// "Reply", "3"), as the page-text reader does.
func trimTrailers(text string) string {
	for {
		i := strings.LastIndexByte(text, '\n')
		if i < 0 {
			return text // a comment that is only "Thanks" or "+1" is the writer's
		}
		if last := strings.TrimSpace(text[i+1:]); last != "" && !isLinkLine(last) && !isVotes(last) {
			return text
		}
		text = strings.TrimRight(text[:i], "\n ")
	}
}

// firstShownDate finds the first full date on a short line of a comment's text: "Le 11
// septembre 2018 à 12:57", "gabriel sempéré Le 11 septembre 2018 à 12:57".
func firstShownDate(text string) (string, time.Time, bool) {
	for l := range strings.SplitSeq(text, "\n") {
		if len(l) > 120 || !strings.ContainsAny(l, "0123456789") {
			continue
		}
		if _, _, raw := dateSpan(strings.Fields(l)); raw != "" {
			if tm, ok := ParseDate(raw); ok && !tm.IsZero() {
				return raw, tm, true
			}
		}
	}
	return "", time.Time{}, false
}

// trailingSignature reads a comment signed at its end, as Stack Exchange prints them:
// "... – Vogel612 Feb 7, 2014 at 10:53". It returns the text less the signature, the
// name and the date; the text as it was when there is none.
func trailingSignature(text, raw string, posted time.Time) (string, string, string, time.Time) {
	i := max(strings.LastIndex(text, "– "), strings.LastIndex(text, "— "))
	if i < 1 || len(text)-i > 90 || !strings.ContainsRune(" \n", rune(text[i-1])) {
		return text, "", raw, posted
	}
	// "– Vogel612", "Feb 7, 2014 at 10:53" may stand on lines of their own
	sig := strings.Join(strings.Fields(text[i+len("– "):]), " ")
	for j := strings.IndexByte(sig, ' '); j > 0; j = nextSpace(sig, j) {
		name, date := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(sig[:j]), "♦")), strings.TrimSpace(sig[j:])
		if tm, ok := ParseDate(date); ok && isAuthor(name) {
			if raw == "" {
				raw, posted = date, tm
			}
			return strings.TrimSpace(text[:i]), name, raw, posted
		}
	}
	return text, "", raw, posted
}

// nextSpace is the index of the next space in s after j, or -1.
func nextSpace(s string, j int) int {
	if k := strings.IndexByte(s[j+1:], ' '); k >= 0 {
		return j + 1 + k
	}
	return -1
}
