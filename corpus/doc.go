// Package corpus reads what researchers save from the web (page text, HTML, JSON, JSON
// Lines or plain text) into pages: a title, the article and its comments in page order,
// each comment with its author, posted time and the date as written.
//
// Readers never print and never panic on bad data: a file that cannot be read gives an
// error naming the file and the problem, and a block that looks like a comment but cannot
// be fully parsed is kept with what could be read and reported as a Warning on its page.
package corpus
