package analyze

import (
	"unicode"
	"unicode/utf8"

	"github.com/rxvoice/rxvoice/lexicon"
)

// maxSentence is the length in tokens past which a sentence without an end is cut.
const maxSentence = 120

// Span is a byte range of a text.
type Span struct{ Start, End int }

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "vs": true, "etc": true,
	"eg": true, "ie": true, "approx": true, "appt": true, "prof": true, "jr": true, "sr": true,
	"e": true, "i": true, "g": true, "no": true, "inc": true, "ltd": true, "drs": true,
}

// Sentences splits a tokenized text into sentences: at . ! ? (not after an abbreviation
// such as "Dr."), at blank lines, and at a line break followed by a capital letter, a
// digit or a bullet. It works on the tokens the matcher already made, so it costs one
// pass and no allocation per token.
func Sentences(text string, toks []lexicon.Token) []Span {
	return appendSentences(nil, text, toks)
}

// appendSentences is Sentences appending to out.
func appendSentences(out []Span, text string, toks []lexicon.Token) []Span {
	start, startTok := -1, 0
	last := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if start >= 0 && t.Break > 0 && (t.Break >= 2 || startsSentence(text, t) || endsSentence(toks, i-1)) {
			out = append(out, Span{start, last})
			start = -1
		}
		// Text with no sentence ends (a list, a pasted log) is cut at a comma after
		// maxSentence tokens, and hard after twice that: the context rules scan sentences.
		if start >= 0 && (i-startTok >= 2*maxSentence || i-startTok >= maxSentence && toks[i-1].Norm == ",") {
			out = append(out, Span{start, last})
			start = -1
		}
		if start < 0 {
			start, startTok = t.Start, i
		}
		last = t.End
		if t.Kind == lexicon.Punct && (t.Norm == "." || t.Norm == "!" || t.Norm == "?") {
			// Swallow a run of closing marks: "?!", "...", ".)", ".”"
			for i+1 < len(toks) && toks[i+1].Kind == lexicon.Punct && toks[i+1].Break == 0 && isCloser(toks[i+1].Norm) {
				i++
				last = toks[i].End
			}
			if t.Norm == "." && i > 0 && isAbbrev(toks, i) {
				continue
			}
			if i+1 < len(toks) && toks[i+1].Start == t.End && toks[i+1].Kind != lexicon.Punct && t.Norm == "." {
				continue // "e.g" or "3.x": no space after the period
			}
			out = append(out, Span{start, last})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, Span{start, last})
	}
	return out
}

func isCloser(s string) bool {
	switch s {
	case ".", "!", "?", ")", "]", "\"", "'", "…":
		return true
	}
	return false
}

func isAbbrev(toks []lexicon.Token, i int) bool {
	// the period is toks[i] or the run began earlier; look at the word before the run
	j := i
	for j >= 0 && toks[j].Kind == lexicon.Punct {
		j--
	}
	if j < 0 || toks[j].Kind != lexicon.Word {
		return false
	}
	return abbreviations[toks[j].Norm] && toks[j].End == toks[j+1].Start
}

func startsSentence(text string, t *lexicon.Token) bool {
	r, _ := utf8.DecodeRuneInString(text[t.Start:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || t.Kind == lexicon.Punct
}

func endsSentence(toks []lexicon.Token, i int) bool {
	if i < 0 {
		return true
	}
	switch toks[i].Norm {
	case ".", "!", "?", ":", ";", ")":
		return true
	}
	return false
}
