package cmd

import (
	"encoding/json"
	"io"

	"github.com/rxvoice/rxvoice/analyze"
)

// writeReportJSON writes the whole summary as one object (schema in the README).
func writeReportJSON(w io.Writer, s *analyze.Summary) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}
