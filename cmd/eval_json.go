package cmd

import (
	"encoding/json"
	"io"
)

// writeEvalJSON writes the scores as one object (schema in the README).
func writeEvalJSON(w io.Writer, r *EvalResult) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
