// Package analyze is the tagger: it finds the mentions of drugs and symptoms in each
// section of a page (the article and every comment), with the sentence each came from,
// so that every figure rxvoice reports can be traced to a comment and a sentence.
package analyze
