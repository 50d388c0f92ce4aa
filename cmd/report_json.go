package cmd

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"github.com/rxvoice/rxvoice/analyze"
)

// writeReportJSON writes the whole summary as one object (schema in the README). The
// comment rows, one per comment read, are written one at a time, never held as JSON.
func writeReportJSON(w io.Writer, s *analyze.Summary) error {
	newEncoder := func(w io.Writer, prefix string) *json.Encoder {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent(prefix, "  ")
		return enc
	}
	if s.NumComments() == 0 {
		return newEncoder(w, "").Encode(s)
	}
	// The summary with no comments ends `"comments": []` and the closing brace: the rows
	// go between the brackets, indented as the encoder indents an array's elements.
	head := *s
	head.Comments = []analyze.CommentRow{}
	var buf bytes.Buffer
	if err := newEncoder(&buf, "").Encode(&head); err != nil {
		return err
	}
	cut := bytes.LastIndex(buf.Bytes(), []byte("[]"))
	if cut < 0 {
		return errors.New("report json: no comments array to fill")
	}
	bw := bufio.NewWriter(w)
	bw.Write(buf.Bytes()[:cut+1])
	var row bytes.Buffer
	enc := newEncoder(&row, "    ")
	n := 0
	err := s.EachComment(func(r analyze.CommentRow) error {
		row.Reset()
		if err := enc.Encode(r); err != nil {
			return err
		}
		if n > 0 {
			bw.WriteString(",")
		}
		n++
		bw.WriteString("\n    ")
		_, err := bw.Write(bytes.TrimSuffix(row.Bytes(), []byte("\n")))
		return err
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n  ")
	bw.Write(buf.Bytes()[cut+1:])
	return bw.Flush()
}
