package analyze

// commentRows keeps a report's comment rows (SummaryOptions.KeepPosts) in about 30 bytes
// a comment: names, dates and concepts are stored once and rows hold their numbers. A
// dump of 2.7 million comments took about 200 bytes a row as CommentRows, 540 MB; rows
// are made again one at a time as they are written (Summary.EachComment).
type commentRows struct {
	strs     []string          // sources, authors, dates and concepts, each once
	strIndex map[string]uint32 // and their numbers
	rows     []packedRow
	concepts []uint32 // each row's drugs then symptoms, as numbers in strs
}

type packedRow struct {
	source, author, posted uint32
	comment                int32 // -1: none (an article or plain-text document)
	from                   uint32
	drugs, symptoms        uint32 // how many of concepts[from:] are its drugs, then its symptoms
}

func (c *commentRows) str(s string) uint32 {
	if c.strIndex == nil {
		c.strIndex = map[string]uint32{}
	}
	i, ok := c.strIndex[s]
	if !ok {
		i = uint32(len(c.strs))
		c.strs = append(c.strs, s)
		c.strIndex[s] = i
	}
	return i
}

// add appends a row; its Drugs and Symptoms are given apart, as Add gathers them.
func (c *commentRows) add(r CommentRow, drugs, symptoms []string) {
	p := packedRow{source: c.str(r.Source), author: c.str(r.Author), posted: c.str(r.Posted),
		comment: -1, from: uint32(len(c.concepts)), drugs: uint32(len(drugs)), symptoms: uint32(len(symptoms))}
	if r.Comment != nil {
		p.comment = int32(*r.Comment)
	}
	for _, list := range [][]string{drugs, symptoms} {
		for _, name := range list {
			c.concepts = append(c.concepts, c.str(name))
		}
	}
	c.rows = append(c.rows, p)
}

// row makes row i again, as it was added.
func (c *commentRows) row(i int) CommentRow {
	p := c.rows[i]
	r := CommentRow{Source: c.strs[p.source], Author: c.strs[p.author], Posted: c.strs[p.posted]}
	if p.comment >= 0 {
		n := int(p.comment)
		r.Comment = &n
	}
	names := func(from, n uint32) []string {
		if n == 0 {
			return nil
		}
		out := make([]string, n)
		for k := range out {
			out[k] = c.strs[c.concepts[from+uint32(k)]]
		}
		return out
	}
	r.Drugs = names(p.from, uint32(p.drugs))
	r.Symptoms = names(p.from+uint32(p.drugs), uint32(p.symptoms))
	return r
}
