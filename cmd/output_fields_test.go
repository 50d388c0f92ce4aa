package cmd

import (
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestFields: --fields writes each record's chosen fields, in the order asked, with the
// values the whole record has, in json, jsonl and csv, for mentions and comments.
func TestFields(t *testing.T) {
	for _, tc := range []struct {
		cmd    string
		fields []string
	}{
		{"mentions", []string{"role", "concept", "negated", "value", "comment", "sentence"}},
		{"comments", []string{"text", "author", "parent"}},
	} {
		full, _, code := run(t, false, "", tc.cmd, "--format", "jsonl", samplePage)
		if code != ExitOK {
			t.Fatalf("%s: exit %d", tc.cmd, code)
		}
		want := decodeJSONL[map[string]any](t, full)
		list := strings.Join(tc.fields, ",")

		out, _, code := run(t, false, "", tc.cmd, "--format", "jsonl", "--fields", list, samplePage)
		if code != ExitOK {
			t.Fatalf("%s --fields: exit %d", tc.cmd, code)
		}
		got := decodeJSONL[map[string]any](t, out)
		if len(got) != len(want) || len(got) == 0 {
			t.Fatalf("%s: %d records with --fields, %d without", tc.cmd, len(got), len(want))
		}
		for i := range got {
			if len(got[i]) != len(tc.fields) {
				t.Fatalf("%s record %d: keys %v, want %v", tc.cmd, i, got[i], tc.fields)
			}
			for _, f := range tc.fields {
				if !reflect.DeepEqual(got[i][f], want[i][f]) {
					t.Fatalf("%s record %d: %s = %v, want %v", tc.cmd, i, f, got[i][f], want[i][f])
				}
			}
		}
		// The keys in the order asked.
		first := strings.SplitN(out, "\n", 2)[0]
		last := -1
		for _, f := range tc.fields {
			at := strings.Index(first, `"`+f+`":`)
			if at <= last {
				t.Fatalf("%s: %q is not in the order %v", tc.cmd, first, tc.fields)
			}
			last = at
		}

		// json is the same records in an array.
		arr, _, _ := run(t, false, "", tc.cmd, "--format", "json", "--fields", list, samplePage)
		var fromArray []map[string]any
		if err := json.Unmarshal([]byte(arr), &fromArray); err != nil {
			t.Fatalf("%s json: %v", tc.cmd, err)
		}
		if !reflect.DeepEqual(fromArray, got) {
			t.Fatalf("%s: json and jsonl differ", tc.cmd)
		}

		// csv: the header is the fields; each row the cells of the whole row's columns.
		fullCSV, _, _ := run(t, false, "", tc.cmd, "--format", "csv", samplePage)
		cut, _, _ := run(t, false, "", tc.cmd, "--format", "csv", "--fields", list, samplePage)
		all, err := csv.NewReader(strings.NewReader(fullCSV)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(strings.NewReader(cut)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(rows[0], tc.fields) || len(rows) != len(all) {
			t.Fatalf("%s csv: header %v, %d rows; want %v, %d", tc.cmd, rows[0], len(rows), tc.fields, len(all))
		}
		col := map[string]int{}
		for k, h := range all[0] {
			col[h] = k
		}
		for i := 1; i < len(rows); i++ {
			for j, f := range tc.fields {
				if rows[i][j] != all[i][col[f]] {
					t.Fatalf("%s csv row %d: %s = %q, want %q", tc.cmd, i, f, rows[i][j], all[i][col[f]])
				}
			}
		}
	}
}

func TestFieldsErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"mentions", "--fields", "concept,bogus", samplePage}, `unknown field "bogus" (want source, comment,`},
		{[]string{"comments", "--fields", "concept", samplePage}, `unknown field "concept" (want source, comment, author,`},
		{[]string{"mentions", "--format", "brat", "--out", "x", "--fields", "concept", samplePage}, "--fields goes with"},
	} {
		_, errOut, code := run(t, false, "", tc.args...)
		if code != ExitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want usage error %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestTableLeavesFields: drawing a table on a terminal does not change the command's field
// list, so a second run in the same process (a library caller, go test -count 2) still
// knows its fields by their names.
func TestTableLeavesFields(t *testing.T) {
	before := append([]string(nil), commentHeader...)
	for _, tc := range []struct {
		tty  bool
		args []string
	}{
		{true, []string{"comments", samplePage}},
		{true, []string{"comments", "--wide", samplePage}},
		{false, []string{"comments", "--format", "table", samplePage}},
	} {
		if _, _, code := run(t, tc.tty, "", tc.args...); code != ExitOK {
			t.Fatalf("%v: exit %d", tc.args, code)
		}
		if !reflect.DeepEqual(commentHeader, before) {
			t.Fatalf("after %v comments' fields are %v, were %v", tc.args, commentHeader, before)
		}
	}
	if _, errOut, code := run(t, false, "", "comments", "--format", "jsonl", "--fields", "text", samplePage); code != ExitOK {
		t.Fatalf("comments --fields text after a terminal table: exit %d, %s", code, errOut)
	}
}
