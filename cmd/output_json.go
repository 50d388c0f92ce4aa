package cmd

import (
	"bufio"
	"encoding/json"
	"io"
)

// jsonWriter writes a JSON array of records, or JSON Lines: one record per line.
type jsonWriter struct {
	w     *bufio.Writer
	enc   *json.Encoder
	lines bool
	n     int
	buf   []byte
	cache jsonCache
}

func newJSONWriter(out io.Writer, lines bool) *jsonWriter {
	bw := bufio.NewWriterSize(out, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonWriter{w: bw, enc: enc, lines: lines}
}

func (j *jsonWriter) Write(r Row) error {
	if !j.lines {
		if j.n == 0 {
			j.w.WriteString("[\n")
		} else {
			j.w.WriteString(",\n")
		}
	}
	j.n++
	if a, ok := r.(jsonAppender); ok {
		if c, ok := r.(cachedJSONAppender); ok {
			j.buf = c.appendJSONCached(j.buf[:0], &j.cache)
		} else {
			j.buf = a.AppendJSON(j.buf[:0])
		}
		if j.lines {
			j.buf = append(j.buf, '\n')
		}
		_, err := j.w.Write(j.buf)
		return err
	}
	if j.lines {
		return j.enc.Encode(r)
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	_, err = j.w.Write(b)
	return err
}

func (j *jsonWriter) Close() error {
	if !j.lines {
		if j.n == 0 {
			j.w.WriteString("[")
		}
		j.w.WriteString("\n]\n")
	}
	return j.w.Flush()
}
