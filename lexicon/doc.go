// Package lexicon is rxvoice's vocabulary of drugs and symptoms, embedded in the binary,
// and the matcher that finds its terms in patients' text.
//
// The vocabulary is written in TSV files under data/ (see FORMAT.md), validated strictly
// when loaded (unknown columns, duplicate or conflicting terms and empty names are errors
// with file:line), and compiled once into a Matcher: a trie over normalized token keys with
// gap edges, so that "my heart was racing" meets the term "heart ... race". Longest match
// wins; overlaps are resolved deterministically.
//
// Tokenizing is our own: one pass over the bytes, lowercasing, folding quotes and
// contractions ("could not" and "couldn't" are one token), and a light stemmer so that
// "ache", "aches", "aching" and "ached" share a key. prose/v2's tokenizer alone measured
// about 15 MB/s on this machine over comment pages, its sentence segmenter about
// 1.6 MB/s, and a default NewDocument about 0.04 MB/s, against a budget of 20 MB/s per
// core for the whole of `rxvoice mentions`; so prose is kept off the hot path.
//
// Misspelled words (not in the vocabulary, not ordinary English words, five letters or
// more) are read as the nearest vocabulary word within a bounded edit distance, by a
// sound-alike key: "klonapin", "clonopin", "liptor", "sinusitus", "musxle".
package lexicon
