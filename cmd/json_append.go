package cmd

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// jsonAppender is a record that writes its own JSON, byte for byte what encoding/json
// writes for it, without reflection: mentions are the bulk of the output.
type jsonAppender interface {
	AppendJSON(b []byte) []byte
}

// cachedJSONAppender is a jsonAppender that can use a writer's jsonCache.
type cachedJSONAppender interface {
	appendJSONCached(b []byte, c *jsonCache) []byte
}

// jsonCache remembers the last source and sentence a writer wrote and whether each was
// written as it is: a page's mentions repeat both, one after the other, and the sentence
// is most of a record's bytes. The same string again (the same bytes in memory, as a
// rule) is copied without being scanned.
type jsonCache struct {
	source, sentence string
	sourcePlain      bool
	sentencePlain    bool
}

// appendCachedString is appendJSONString(b, s), with last and plain the cache of s's field.
func appendCachedString(b []byte, s string, last *string, plain *bool) []byte {
	if s == *last && *plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	n := len(b)
	b = appendJSONString(b, s)
	// Escaping always lengthens a string: an escape, or U+FFFD for an invalid byte.
	*last, *plain = s, len(b)-n == len(s)+2
	return b
}

// AppendJSON implements jsonAppender; the fields and their order are MentionRecord's.
func (r MentionRecord) AppendJSON(b []byte) []byte {
	var c jsonCache
	return r.appendJSONCached(b, &c)
}

// appendJSONCached implements cachedJSONAppender.
func (r MentionRecord) appendJSONCached(b []byte, c *jsonCache) []byte {
	b = append(b, `{"source":`...)
	b = appendCachedString(b, r.Source, &c.source, &c.sourcePlain)
	b = append(b, `,"comment":`...)
	b = appendJSONInt(b, r.Comment)
	b = appendField(b, `,"author":`, r.Author)
	b = appendField(b, `,"posted":`, r.Posted)
	b = appendField(b, `,"type":`, r.Type)
	b = appendField(b, `,"text":`, r.Text)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(r.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(r.End), 10)
	b = appendCachedString(append(b, `,"sentence":`...), r.Sentence, &c.sentence, &c.sentencePlain)
	b = appendField(b, `,"concept":`, r.Concept)
	b = appendField(b, `,"class":`, r.Class)
	b = appendField(b, `,"category":`, r.Category)
	b = append(b, `,"is_class":`...)
	b = strconv.AppendBool(b, r.IsClass)
	b = appendField(b, `,"term":`, r.Term)
	b = append(b, `,"fuzzy":`...)
	b = strconv.AppendInt(b, int64(r.Fuzzy), 10)
	b = appendField(b, `,"corrected":`, r.Corrected)
	b = append(b, `,"negated":`...)
	if r.Negated == nil {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendBool(b, *r.Negated)
	}
	b = appendField(b, `,"experiencer":`, r.Experiencer)
	b = appendField(b, `,"certainty":`, r.Certainty)
	b = appendField(b, `,"role":`, r.Role)
	b = appendField(b, `,"severity":`, r.Severity)
	b = appendField(b, `,"core":`, r.Core)
	b = appendField(b, `,"drug":`, r.Drug)
	b = appendField(b, `,"drug_via":`, r.DrugVia)
	b = appendField(b, `,"status":`, r.Status)
	b = appendFloatField(b, `,"value":`, r.Value)
	b = appendFloatField(b, `,"max_value":`, r.MaxValue)
	b = appendField(b, `,"unit":`, r.Unit)
	b = appendFloatField(b, `,"per_day":`, r.PerDay)
	b = appendField(b, `,"frequency":`, r.Frequency)
	b = appendFloatField(b, `,"days":`, r.Days)
	b = appendFloatField(b, `,"min_days":`, r.MinDays)
	b = appendFloatField(b, `,"max_days":`, r.MaxDays)
	b = appendField(b, `,"iso":`, r.ISO)
	b = append(b, `,"ago":`...)
	b = strconv.AppendBool(b, r.Ago)
	return append(b, '}')
}

// appendField writes a field that is not the first: key is its separator and quoted
// name with the colon (`,"text":`), written out so that it is copied in one piece.
func appendField(b []byte, key, v string) []byte {
	return appendJSONString(append(b, key...), v)
}

func appendJSONInt(b []byte, v *int) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(*v), 10)
}

func appendFloatField(b []byte, key string, v *float64) []byte {
	b = append(b, key...)
	if v == nil {
		return append(b, "null"...)
	}
	return appendJSONFloat(b, *v)
}

// appendJSONFloat formats like encoding/json: the shortest decimal, with an exponent only
// outside [1e-6, 1e21).
func appendJSONFloat(b []byte, f float64) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return append(b, "null"...) // not reached: no record holds one
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		out, _ := json.Marshal(f)
		return append(b, out...)
	}
	return strconv.AppendFloat(b, f, 'f', -1, 64)
}

// appendJSONString writes s quoted. Plain text (no quote, backslash or control character,
// valid UTF-8 without the line and paragraph separators) is copied as it is; anything
// else is left to encoding/json.
func appendJSONString(b []byte, s string) []byte {
	plain, ascii := true, true
	// Eight bytes at a time: a byte below 0x20, a quote or a backslash ends the plain
	// copy; the high bits say whether all is ASCII.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	var high uint64
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		q, bs := x^(ones*'"'), x^(ones*'\\')
		if ((x-ones*0x20)|(q-ones)|(bs-ones))&^x&highs != 0 {
			plain = false // (x-ones*n)&^x&highs: some byte below n (n <= 0x80); a zero byte of q or bs is a quote or backslash
			break
		}
		high |= x & highs
	}
	if high != 0 {
		ascii = false
	}
	for ; plain && i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '"' || c == '\\' {
			plain = false
			break
		}
		if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	if plain && !ascii && (!utf8.ValidString(s) || strings.ContainsRune(s, '\u2028') || strings.ContainsRune(s, '\u2029')) {
		plain = false
	}
	if plain {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return append(b, strings.TrimSuffix(sb.String(), "\n")...)
}
