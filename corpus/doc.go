// Package corpus reads what researchers save from the web (page text, HTML, JSON, JSON
// Lines or plain text) into pages: a title, the article and its comments in page order,
// each comment with its author, posted time and the date as written.
//
// Readers never print and never panic on bad data: a file that cannot be read gives an
// error naming the file and the problem, and a block that looks like a comment but cannot
// be fully parsed is kept with what could be read and reported as a Warning on its page.
// Page.Layout says how each page was read (rxvoice prints it with --verbose).
//
// # Finding the comments of a page of text
//
// A real site is a new layout every time, so the page-text reader does not keep a list of
// sites. It reads a page two ways and keeps the reading that explains the page better:
//
//   - Date lines and known bylines: a date line with the author's line over it, an author
//     and a date on one line ("Jane - March 3, 2019", "IwonaMay 30, 2019 at 1:06 PM"),
//     "Name says:", and the layouts of forums and review sites this reader was taught.
//   - A header template induced from the page. Comments on one page share one header
//     shape. Each short line that could be a byline is reduced to its shape: the words
//     bylines are built from stay (the cues of headerCues, in several languages: "says",
//     "sagt", "a écrit", "par", "in reply to", "profile image", "Posts:"), a date becomes
//     D, a number 9, a bullet or "(1)" N, any other run of words w (a name). "Jane
//     said..." is "w said"; "Dan5795 in reply to SeasideSusie" is "w in reply to w";
//     "# Le 17 juillet à 22:09, par Horus En réponse à : ..." is "w D par w en réponse à
//     w". The shape that recurs most often with prose between its occurrences is the
//     template; each occurrence, with the header lines around it (a date line, "X in
//     reply to Y", a member box), is a head; the name is the w next to the cue. Bylines
//     stand over their texts or under them (review sites, Q&A answers, SPIP): the side
//     with the prose decides, and a comments header followed by prose means under. A
//     forum whose numbered posts (#2) stand under a member box is read from the number up.
//
// The readings (date lines, up to four induced templates, the member box) are each checked
// for a thread (below) and scored: +2 for each byline with prose under (or over) it and
// -2 for each without, +1 for a name and +1 more for each new writer, +2 for a byline
// whose cue says it is one; the best is taken. A date-line reading where every byline
// has a name, a date and prose, by enough writers, is taken as is (the induction is the
// costly part).
//
// Then the reading must show it is a thread (plausibleThread), or its bylines go back to
// the article: a lone byline under the title is the article's; the first byline is the
// article's when its text holds most of the page's prose; dates with no name by most of
// them are a list of dated items; one byline repeated is furniture; bylines over texts of
// thousands of characters are articles; and a thread needs a comments header ("12
// Comments", "Kommentare", "Vos réactions"), a comment form, reply links, a "says", or
// prose under most of its bylines.
//
// Each comment's text is its lines less the furniture around them: reply and report
// links (several languages), vote counts, the page footer after the last comment, and
// the page's own link lines, found from what repeats in the comments' texts of three
// writers or more ("trvalý odkaz", "Antworten"; a line that repeats under one writer is
// their signature). A quote of another post leaves the reply's text when the quoted post
// is on the page ("Click to expand...", "Zitat von X", ">"), so nothing is lost; a reply
// signed under its text inside the comment it answers ("owner 於 date 回覆") becomes a
// comment of its own; a pingback ("[...] excerpt [...]") is set aside with a warning. A
// line that reads as a sentence is never a header: a date line is a date and nothing
// else, so "Two weeks ago it got so bad that I stopped." stays in its comment.
//
// Dates are read in English, German, French, Spanish, Italian, Dutch and Portuguese, and
// settled per page: numeric dates are day first when one date of the page can only be
// read so (13/08/2020) or when dotted (11.09.2011); a date without a year ("Jun 20th at
// 2:41 am", "Le 9 janvier à 13:06") takes the year of the comment before it, or of the
// page's own date, turning between December and January.
//
// # HTML
//
// Saved HTML is read from comment markup (WordPress and the themes that rename its
// classes, schema.org microdata and JSON-LD), else from repeated post containers (forum
// engines), else from the page's text as above, read without the furniture that a class
// or id names (related stories, teasers, sidebars, widgets, sharing, embedded tweets).
// Repeated containers with no prose are cards, not posts.
//
// # Exports
//
// JSON and JSON Lines dumps are grouped into one page per thread (link_id, thread, url,
// ...), replies linked by parent_id, a thread's submission read as its article; JSON
// Lines are streamed thread by thread (StreamFile).
package corpus
