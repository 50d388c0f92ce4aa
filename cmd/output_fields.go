package cmd

import (
	"encoding/json"
	"strings"

	"github.com/spf13/cobra"
)

// --fields chooses the fields of each record, gh-style: `mentions --fields
// concept,role,drug --format jsonl` writes only those, in that order, so a researcher
// who needs the concepts does not write every sentence.

// addFieldsFlag adds --fields to c; header lists the fields a record has.
func (o *outputOptions) addFieldsFlag(c *cobra.Command, header []string) {
	c.Flags().StringSliceVar(&o.Fields, "fields", nil, "write only these comma-separated `FIELDS` of each record, in this order (csv, json, jsonl, and table as a plain table): "+strings.Join(header, ", "))
	c.RegisterFlagCompletionFunc("fields", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return header, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	})
}

// fieldIndexes returns where each of fields stands in header; an unknown field is a
// usage error that lists the fields.
func fieldIndexes(fields, header []string) ([]int, error) {
	idx := make([]int, len(fields))
	for i, f := range fields {
		idx[i] = -1
		for k, h := range header {
			if h == f {
				idx[i] = k
				break
			}
		}
		if idx[i] < 0 {
			return nil, usagef("unknown field %q (want %s)", f, strings.Join(header, ", "))
		}
	}
	return idx, nil
}

// fieldsWriter writes the chosen fields of each record through another writer.
type fieldsWriter struct {
	w      RecordWriter
	names  []string
	idx    []int
	record []byte // the whole record's JSON, reused
}

// newFieldsWriter writes only fields (of header) of each record, in format out.Format.
func newFieldsWriter(out outputOptions, streams *IO, header []string) (RecordWriter, error) {
	idx, err := fieldIndexes(out.Fields, header)
	if err != nil {
		return nil, err
	}
	w, err := newRecordWriter(out, streams, out.Fields, tableView{})
	if err != nil {
		return nil, err
	}
	return &fieldsWriter{w: w, names: out.Fields, idx: idx}, nil
}

func (f *fieldsWriter) Write(r Row) error { return f.w.Write(fieldsRow{r: r, f: f}) }

func (f *fieldsWriter) Close() error { return f.w.Close() }

// fieldsRow is a record seen through its chosen fields.
type fieldsRow struct {
	r Row
	f *fieldsWriter
}

// Cells implements Row: the chosen cells.
func (s fieldsRow) Cells() []string {
	all := s.r.Cells()
	out := make([]string, len(s.f.idx))
	for i, k := range s.f.idx {
		out[i] = all[k]
	}
	return out
}

// AppendJSON implements jsonAppender: the record's JSON object cut down to the chosen
// keys, in their order, each value byte for byte as the whole record writes it.
func (s fieldsRow) AppendJSON(b []byte) []byte {
	f := s.f
	if a, ok := s.r.(jsonAppender); ok {
		f.record = a.AppendJSON(f.record[:0])
	} else {
		var err error
		if f.record, err = json.Marshal(s.r); err != nil {
			f.record = []byte("{}")
		}
	}
	values := jsonValues(f.record)
	b = append(b, '{')
	for i, name := range f.names {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, `":`...)
		if v, ok := values[name]; ok {
			b = append(b, v...)
		} else {
			b = append(b, "null"...)
		}
	}
	return append(b, '}')
}

// jsonValues splits a JSON object into its keys and raw values. The records' keys are
// plain words, so a key needs no unescaping; values may be anything.
func jsonValues(obj []byte) map[string][]byte {
	out := map[string][]byte{}
	i := 0
	skipSpace := func() {
		for i < len(obj) && (obj[i] == ' ' || obj[i] == '\n' || obj[i] == '\t' || obj[i] == '\r') {
			i++
		}
	}
	// str moves past a string starting at i.
	str := func() {
		for i++; i < len(obj) && obj[i] != '"'; i++ {
			if obj[i] == '\\' {
				i++
			}
		}
		i++
	}
	skipSpace()
	if i >= len(obj) || obj[i] != '{' {
		return out
	}
	i++
	for {
		skipSpace()
		if i >= len(obj) || obj[i] != '"' {
			return out
		}
		ks := i + 1
		str()
		key := string(obj[ks : i-1])
		skipSpace()
		if i >= len(obj) || obj[i] != ':' {
			return out
		}
		i++
		skipSpace()
		vs, depth := i, 0
	value:
		for ; i < len(obj); i++ {
			switch obj[i] {
			case '"':
				str()
				i--
			case '{', '[':
				depth++
			case '}', ']':
				if depth == 0 {
					break value
				}
				depth--
			case ',':
				if depth == 0 {
					break value
				}
			}
		}
		out[key] = obj[vs:i]
		if i >= len(obj) || obj[i] == '}' {
			return out
		}
		i++ // the comma
	}
}
