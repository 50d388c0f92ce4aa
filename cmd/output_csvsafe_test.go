package cmd

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSafeCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"ok", "ok"},
		{"1-2", "1-2"},
		{"=1+1", "'=1+1"},
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"+1", "'+1"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"-x", "'-x"},
		{"-", "'-"},
		{"-.", "'-."},
		{"-1.2.3", "'-1.2.3"},
		{"-Inf", "'-Inf"},
		{"-1e", "'-1e"},
		{"-1e5x", "'-1e5x"},
		// Numbers are data: kept in any column.
		{"-1.5", "-1.5"},
		{"-3", "-3"},
		{"-.5", "-.5"},
		{"-2.", "-2."},
		{"-3e-2", "-3e-2"},
		{"-4E+10", "-4E+10"},
		{"'=already", "'=already"},
	}
	for _, tt := range tests {
		if got := safeCell(tt.in); got != tt.want {
			t.Errorf("safeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// hostilePage is a page whose comments a spreadsheet would run as formulas.
const hostilePage = `{"author":"=HYPERLINK(\"http://x\",\"y\")","text":"@SUM(A1:A9) Zoloft gave me headaches."}
{"author":"+eve","text":"-2+3+cmd|' /C calc'!A0 Lexapro made me dizzy."}
`

// Every command's csv neutralizes formula cells, and --csv-raw writes them as they are.
func TestCSVSafetyEveryCommand(t *testing.T) {
	page := filepath.Join(t.TempDir(), "hostile.jsonl")
	if err := os.WriteFile(page, []byte(hostilePage), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		formula string // a cell that must come out neutralized
	}{
		{"comments", []string{"comments", "--format", "csv", page}, `=HYPERLINK("http://x","y")`},
		{"mentions", []string{"mentions", "--format", "csv", page}, "@SUM(A1:A9) Zoloft gave me headaches."},
		{"lexicon lookup", []string{"lexicon", "lookup", "--format", "csv", "=zoloft"}, "=zoloft"},
		{"report", []string{"report", "--format", "csv", "--table", "comments", page}, "+eve"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			safe := csvCells(t, tt.args)
			raw := csvCells(t, append(append([]string(nil), tt.args[:len(tt.args)-1]...), "--csv-raw", tt.args[len(tt.args)-1]))
			if !safe["'"+tt.formula] || safe[tt.formula] {
				t.Errorf("%q not neutralized", tt.formula)
			}
			if !raw[tt.formula] {
				t.Errorf("--csv-raw: %q not written as it is", tt.formula)
			}
			for c := range safe {
				if safeCell(c) != c {
					t.Errorf("cell %q left as a formula", c)
				}
			}
		})
	}
}

// csvCells runs rxvoice and returns the set of its csv output's cells.
func csvCells(t *testing.T, args []string) map[string]bool {
	t.Helper()
	out, errOut, code := run(t, false, "", args...)
	if code != ExitOK {
		t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", strings.Join(args, " "), err)
	}
	cells := map[string]bool{}
	for _, r := range rows {
		for _, c := range r {
			cells[c] = true
		}
	}
	return cells
}
