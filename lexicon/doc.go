// Package lexicon is rxvoice's vocabulary of drugs and symptoms, embedded in the binary,
// and the matcher that finds its terms in patients' text.
//
// The vocabulary is written in TSV files under data/ (see FORMAT.md), validated strictly
// when loaded (unknown columns, duplicate or conflicting terms and empty names are errors
// with file:line), and compiled once into a Matcher: a trie over normalized token keys with
// gap edges, so that "my heart was racing" meets the term "heart ... race". Longest match
// wins; overlaps are resolved deterministically. The compiled matcher is integers, not
// maps of strings: token keys numbered in one string table (an arena and hash slots),
// the trie in flat arrays of node numbers, the corrections' index laid out flat. It is
// built at start-up in a few tens of milliseconds, a user's --lexicon file the same way,
// and the garbage collector has next to nothing in it to mark.
//
// Tokenizing is our own: one pass over the bytes, lowercasing, folding quotes and
// contractions ("could not" and "couldn't" are one token), and a light stemmer so that
// "ache", "aches", "aching" and "ached" share a key. Measured on this machine, one core,
// over comment pages (go test ./analyze -bench 'Tokenize|Prose'): this tokenizer runs at
// about 60 MB/s, prose/v2's at about 15 MB/s, and prose with its sentence segmenter at
// 0.05 MB/s (a default NewDocument, with tagging, slower still), against a budget of
// 20 MB/s per core for the whole of `rxvoice mentions`. So prose stays off the hot path;
// sentences are split on our tokens (package analyze). The ambiguous words prose's tagger
// could settle ("cold", "fit") are instead kept out of the vocabulary on their own and
// written as phrases ("a cold", "head cold", "caught ... cold").
//
// Misspelled words (not in the vocabulary, not ordinary English words, five letters or
// more) are read as the nearest vocabulary word within a bounded edit distance, by a
// sound-alike key: "klonapin", "clonopin", "liptor", "sinusitus", "musxle".
package lexicon
