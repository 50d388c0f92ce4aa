package analyze

import (
	"encoding/binary"
	"strings"
)

// commentRows keeps a report's comment rows (SummaryOptions.KeepPosts) in about 15 bytes
// a comment: names, dates and concepts are stored once, and each row is their numbers as
// varints in chunks of bytes that are never copied as they grow. A dump of 2.7 million
// comments took about 200 bytes a row as CommentRows, 540 MB, and 28 bytes and a slice
// grown by copying as fixed-size rows; rows are made again one at a time as they are
// written (Summary.EachComment).
type commentRows struct {
	strs     []string          // sources, authors, dates and concepts, each once
	strIndex map[string]uint32 // and their numbers
	n        int               // rows
	chunks   [][]byte          // the rows, in order: source, author, posted, comment+1 (0: none), drugs, symptoms, then the concepts
	scratch  []byte
}

// rowChunk is the size of a chunk of rows.
const rowChunk = 1 << 20

func (c *commentRows) str(s string) uint32 {
	if c.strIndex == nil {
		c.strIndex = map[string]uint32{}
	}
	i, ok := c.strIndex[s]
	if !ok {
		s = strings.Clone(s) // not the text it may be cut from
		i = uint32(len(c.strs))
		c.strs = append(c.strs, s)
		c.strIndex[s] = i
	}
	return i
}

// add appends a row; its Drugs and Symptoms are given apart, as Add gathers them.
func (c *commentRows) add(r CommentRow, drugs, symptoms []string) {
	b := c.scratch[:0]
	b = binary.AppendUvarint(b, uint64(c.str(r.Source)))
	b = binary.AppendUvarint(b, uint64(c.str(r.Author)))
	b = binary.AppendUvarint(b, uint64(c.str(r.Posted)))
	comment := uint64(0) // none, as for a number that does not fit an int32's positives
	if r.Comment != nil && int32(*r.Comment) >= 0 {
		comment = uint64(int32(*r.Comment)) + 1
	}
	b = binary.AppendUvarint(b, comment)
	b = binary.AppendUvarint(b, uint64(len(drugs)))
	b = binary.AppendUvarint(b, uint64(len(symptoms)))
	for _, list := range [][]string{drugs, symptoms} {
		for _, name := range list {
			b = binary.AppendUvarint(b, uint64(c.str(name)))
		}
	}
	c.scratch = b
	if k := len(c.chunks) - 1; k < 0 || len(c.chunks[k])+len(b) > cap(c.chunks[k]) {
		c.chunks = append(c.chunks, make([]byte, 0, max(rowChunk, len(b))))
	}
	k := len(c.chunks) - 1
	c.chunks[k] = append(c.chunks[k], b...)
	c.n++
}

// each calls fn with each row, as it was added, in order; an error of fn stops it.
func (c *commentRows) each(fn func(CommentRow) error) error {
	for _, b := range c.chunks {
		next := func() uint64 {
			v, n := binary.Uvarint(b)
			b = b[n:]
			return v
		}
		for len(b) > 0 {
			r := CommentRow{Source: c.strs[next()], Author: c.strs[next()], Posted: c.strs[next()]}
			if comment := next(); comment > 0 {
				n := int(comment - 1)
				r.Comment = &n
			}
			drugs, symptoms := next(), next()
			names := func(n uint64) []string {
				if n == 0 {
					return nil
				}
				out := make([]string, n)
				for k := range out {
					out[k] = c.strs[next()]
				}
				return out
			}
			r.Drugs = names(drugs)
			r.Symptoms = names(symptoms)
			if err := fn(r); err != nil {
				return err
			}
		}
	}
	return nil
}
