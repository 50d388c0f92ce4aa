package cmd

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rxvoice/rxvoice/analyze"
	"golang.org/x/net/html"
)

const scriptSymptom = `<script>alert(1)</script>`

var scriptSource = `x"><script>alert(2)</script>`

// htmlTestSummary is a small summary with known chart sizes: 3 self-reported symptoms
// (8 non-zero role bars), 3 drugs x 3 symptoms (3 pairs among them), and comments in
// 2019, 2021 and 2022 (4 year slots).
func htmlTestSummary() *analyze.Summary {
	one := 1
	return &analyze.Summary{
		SchemaVersion: analyze.SchemaVersion, ToolVersion: "v1.2.3", LexiconVersion: "lex-7",
		Inputs:  []string{"pages/a.html", scriptSource},
		Filters: analyze.Filters{Since: "2019-01-01", MinCount: 1},
		Overview: analyze.Overview{Pages: 2, Comments: 9, Commenters: 7, First: "2019-03-01", Last: "2022-06-30",
			Undated: 1, Mentions: 40,
			PerYear: []analyze.YearCount{{Year: 2019, Comments: 3}, {Year: 2021, Comments: 4}, {Year: 2022, Comments: 1}}},
		Drugs: []analyze.DrugRow{
			{Concept: "clonazepam", Class: "benzodiazepine", Mentions: 12, Comments: 6, Commenters: 5,
				Surfaces: []analyze.Count{{Label: "Klonopin", Count: 8}, {Label: "clonazepam", Count: 4}}},
			{Concept: "sertraline", Class: "ssri", Mentions: 5, Comments: 3, Commenters: 3},
			{Concept: "zolpidem", Class: "z-drug hypnotic", Mentions: 1, Comments: 1, Commenters: 1},
		},
		Symptoms: []analyze.SymptomRow{
			{Concept: "insomnia", System: "psychiatric", Self: 4, Adverse: 1, Withdrawal: 2, Indication: 2, Mentions: 6},
			{Concept: scriptSymptom, System: "general", Self: 2, Adverse: 2, Mentions: 2},
			{Concept: "nausea", System: "gastrointestinal", Self: 1, Adverse: 1, Mentions: 1},
			{Concept: "headache", System: "nervous system", Negated: 1, Mentions: 1}, // no one reports it: no bar
		},
		Pairs: []analyze.PairRow{
			{Drug: "clonazepam", Symptom: "insomnia", Role: "withdrawal", Commenters: 2, DrugCommenters: 5, Share: 0.4},
			{Drug: "sertraline", Symptom: scriptSymptom, Role: "adverse", Commenters: 2, DrugCommenters: 3, Share: 0.667},
			{Drug: "sertraline", Symptom: "nausea", Role: "adverse", Commenters: 1, DrugCommenters: 3, Share: 0.333,
				Disproportionality: analyze.Disproportion(3, 1, 2, 30)}, // a signal (PRR 12, chi2 8.891)
		},
		Comments: []analyze.CommentRow{
			{Source: scriptSource, Comment: &one, Author: "ann", Posted: "2021-01-02",
				Drugs: []string{"clonazepam"}, Symptoms: []string{"insomnia"}},
		},
	}
}

func renderHTML(t *testing.T, s *analyze.Summary) (string, *html.Node) {
	t.Helper()
	var b bytes.Buffer
	if err := writeReportHTML(&b, s, false); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("the report does not parse as HTML: %v", err)
	}
	return b.String(), doc
}

// htmlFind returns the elements under n named tag ("" for any) that have all the
// classes (space-separated).
func htmlFind(n *html.Node, tag, class string) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && (tag == "" || d.Data == tag) && htmlHasClass(d, class) {
			out = append(out, d)
		}
	}
	return out
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func htmlHasClass(n *html.Node, classes string) bool {
	have := strings.Fields(htmlAttr(n, "class"))
	for _, c := range strings.Fields(classes) {
		if !slices.Contains(have, c) {
			return false
		}
	}
	return true
}

func htmlText(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// chartSVG returns the one svg of the chart with the class.
func chartSVG(t *testing.T, doc *html.Node, class string) *html.Node {
	t.Helper()
	svgs := htmlFind(doc, "svg", class)
	if len(svgs) != 1 {
		t.Fatalf("%d svg elements with class %s, want 1", len(svgs), class)
	}
	return svgs[0]
}

func TestReportHTMLCharts(t *testing.T) {
	_, doc := renderHTML(t, htmlTestSummary())
	for _, tc := range []struct {
		chart, tag, class string
		want              int
	}{
		{"chart-symptoms", "g", "symptom", 3},
		{"chart-symptoms", "rect", "bar role-self", 3},
		{"chart-symptoms", "rect", "bar role-adverse", 3},
		{"chart-symptoms", "rect", "bar role-other", 0},
		{"chart-symptoms", "rect", "bar", 8}, // 3 self + 3 adverse + 1 withdrawal + 1 indication
		{"chart-symptoms", "rect", "swatch", 5},
		{"chart-heatmap", "g", "drug", 3},
		{"chart-heatmap", "rect", "cell", 9},
		{"chart-heatmap", "rect", "cell-empty", 6},
		{"chart-heatmap", "text", "cell-value", 3},
		{"chart-timeline", "g", "year", 4}, // 2019 to 2022, 2020 empty
		{"chart-timeline", "rect", "bar", 3},
	} {
		t.Run(tc.chart+"/"+tc.tag+"."+strings.ReplaceAll(tc.class, " ", "."), func(t *testing.T) {
			if got := len(htmlFind(chartSVG(t, doc, tc.chart), tc.tag, tc.class)); got != tc.want {
				t.Errorf("%d %s.%s, want %d", got, tc.tag, tc.class, tc.want)
			}
		})
	}
	for _, class := range []string{"chart-symptoms", "chart-heatmap", "chart-timeline"} {
		figs := htmlFind(doc, "figure", class)
		if len(figs) != 1 || len(htmlFind(figs[0], "figcaption", "")) != 1 {
			t.Errorf("%s: want one figure with a figcaption", class)
			continue
		}
		svg := chartSVG(t, doc, class)
		if titles := htmlFind(svg, "title", ""); len(titles) == 0 || titles[0].Parent != svg || htmlText(titles[0]) == "" {
			t.Errorf("%s: the svg has no <title> of its own", class)
		}
	}
	// The heat map writes the pair's commenters in its cell, shaded by share.
	var values []string
	for _, v := range htmlFind(chartSVG(t, doc, "chart-heatmap"), "text", "cell-value") {
		values = append(values, htmlText(v))
	}
	if got := strings.Join(values, " "); got != "2 2 1" {
		t.Errorf("heat map values %q, want %q", got, "2 2 1")
	}
}

func TestReportHTMLTables(t *testing.T) {
	_, doc := renderHTML(t, htmlTestSummary())
	tables := reportTables(htmlTestSummary(), false, false)
	for _, rt := range tables {
		ts := htmlFind(doc, "table", "table-"+rt.Name)
		if len(ts) != 1 {
			t.Errorf("%d tables %s, want 1", len(ts), rt.Name)
			continue
		}
		if got := len(htmlFind(ts[0], "th", "")); got != len(rt.Header) {
			t.Errorf("%s: %d header cells, want %d", rt.Name, got, len(rt.Header))
		}
		rows := htmlFind(htmlFind(ts[0], "tbody", "")[0], "tr", "")
		if len(rows) != len(rt.Rows) {
			t.Fatalf("%s: %d rows, want %d", rt.Name, len(rows), len(rt.Rows))
		}
		for i, r := range rows {
			var got []string
			for _, td := range htmlFind(r, "td", "") {
				got = append(got, htmlText(td))
			}
			if !slices.Equal(got, rt.Rows[i]) {
				t.Errorf("%s row %d: %q, want %q", rt.Name, i, got, rt.Rows[i])
			}
		}
	}
}

// A pair that meets the signal rule is highlighted in the pairs table and outlined in
// the heat map; the others are not.
func TestReportHTMLMarksSignals(t *testing.T) {
	_, doc := renderHTML(t, htmlTestSummary())
	pairs := htmlFind(doc, "table", "table-pairs")[0]
	flagged := htmlFind(pairs, "tr", "signal")
	if len(flagged) != 1 {
		t.Fatalf("%d highlighted pair rows, want 1", len(flagged))
	}
	cells := htmlFind(flagged[0], "td", "")
	if htmlText(cells[1]) != "nausea" || len(htmlFind(flagged[0], "td", "flag")) != 1 {
		t.Errorf("highlighted row %q, want nausea with its signal cell flagged", htmlText(cells[1]))
	}
	if n := len(htmlFind(pairs, "td", "flag")); n != 1 {
		t.Errorf("%d flagged signal cells, want 1", n)
	}
	marked := htmlFind(chartSVG(t, doc, "chart-heatmap"), "rect", "cell-signal")
	if len(marked) != 1 || !strings.Contains(htmlText(marked[0]), "sertraline x nausea") {
		t.Errorf("heat map marks %d cells, want the sertraline x nausea cell", len(marked))
	}
}

func TestReportHTMLEscapes(t *testing.T) {
	out, doc := renderHTML(t, htmlTestSummary())
	if strings.Contains(strings.ToLower(out), "<script") || len(htmlFind(doc, "script", "")) > 0 {
		t.Fatal("page text made a <script> element")
	}
	labels := htmlFind(chartSVG(t, doc, "chart-symptoms"), "text", "label")
	if !slices.ContainsFunc(labels, func(n *html.Node) bool { return htmlText(n) == scriptSymptom }) {
		t.Errorf("the symptom %q is not a chart label as text", scriptSymptom)
	}
	cells := htmlFind(doc, "td", "")
	if !slices.ContainsFunc(cells, func(n *html.Node) bool { return htmlText(n) == scriptSource }) {
		t.Errorf("the source %q is not a table cell as text", scriptSource)
	}
	if !strings.Contains(htmlText(htmlFind(doc, "p", "meta")[0]), scriptSource) {
		t.Errorf("the header does not list the input %q as text", scriptSource)
	}
}

func TestReportHTMLSelfContained(t *testing.T) {
	out, doc := renderHTML(t, htmlTestSummary())
	for _, tag := range []string{"script", "link", "img", "iframe", "object", "embed", "image", "use"} {
		if n := len(htmlFind(doc, tag, "")); n > 0 {
			t.Errorf("%d <%s> elements; the page must not load anything", n, tag)
		}
	}
	for _, n := range htmlFind(doc, "", "") {
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			if k != "src" && k != "href" && k != "srcset" && k != "action" && k != "data" && k != "poster" {
				continue
			}
			v := strings.ToLower(strings.TrimSpace(a.Val))
			if !strings.HasPrefix(v, "#") {
				t.Errorf("<%s %s=%q> points outside the page", n.Data, a.Key, a.Val)
			}
		}
	}
	for _, ref := range []string{"http://", "https://", "url(", "@import"} {
		if strings.Contains(out, ref) {
			t.Errorf("the page contains %q", ref)
		}
	}
}

func TestReportHTMLEmpty(t *testing.T) {
	_, doc := renderHTML(t, &analyze.Summary{})
	if n := len(htmlFind(doc, "svg", "")); n != 0 {
		t.Errorf("%d svg elements for an empty summary, want 0", n)
	}
	for _, class := range []string{"chart-symptoms", "chart-heatmap", "chart-timeline"} {
		figs := htmlFind(doc, "figure", class)
		if len(figs) != 1 || len(htmlFind(figs[0], "p", "no-data")) != 1 || len(htmlFind(figs[0], "figcaption", "")) != 1 {
			t.Errorf("%s: want a figure saying there is no data, with a caption", class)
		}
	}
	if n := len(htmlFind(doc, "table", "table-comments")); n != 0 {
		t.Errorf("an empty comments table is drawn")
	}
}

func TestReportHTMLDeterministic(t *testing.T) {
	a, _ := renderHTML(t, htmlTestSummary())
	b, _ := renderHTML(t, htmlTestSummary())
	if a != b {
		t.Error("two renderings of one summary differ")
	}
}

// chromiumPath finds a Chromium to render with, or skips.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	t.Skip("chromium not found (apt-get install chromium to run this test)")
	return ""
}

// runChromium runs headless Chromium offline on a local file.
func runChromium(t *testing.T, bin, page string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	argv := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}, args...)
	argv = append(argv, "file://"+page)
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, argv...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, clip(stderr.String(), 2000))
	}
	return stdout.Bytes()
}

func TestReportHTMLChromium(t *testing.T) {
	bin := chromiumPath(t)
	out, _ := renderHTML(t, htmlTestSummary())
	page := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(page, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("dom", func(t *testing.T) {
		dom, err := html.Parse(bytes.NewReader(runChromium(t, bin, page, "--dump-dom")))
		if err != nil {
			t.Fatal(err)
		}
		for chart, rects := range map[string]int{"chart-symptoms": 8, "chart-heatmap": 9, "chart-timeline": 3} {
			svg := chartSVG(t, dom, chart)
			if got := len(htmlFind(svg, "rect", "bar")) + len(htmlFind(svg, "rect", "cell")); got != rects {
				t.Errorf("%s: the browser has %d bars or cells, want %d", chart, got, rects)
			}
		}
		if n := len(htmlFind(dom, "script", "")); n > 0 {
			t.Errorf("the browser's DOM has %d script elements", n)
		}
	})

	t.Run("screenshot", func(t *testing.T) {
		shot := filepath.Join(t.TempDir(), "report.png")
		runChromium(t, bin, page, "--screenshot="+shot, "--window-size=1200,2000", "--hide-scrollbars")
		b, err := os.ReadFile(shot)
		if err != nil {
			t.Fatal(err)
		}
		if len(b) < 20_000 {
			t.Errorf("the screenshot is %d bytes: is the page blank?", len(b))
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		// The bars are painted in their colours (a few pixels of slack for colour
		// management).
		colours := map[string][3]int{"self": {0x4d, 0x4d, 0x4d}, "adverse": {0xd5, 0x5e, 0x00},
			"withdrawal": {0x00, 0x72, 0xb2}, "timeline": {0x4a, 0x6f, 0xa5}}
		found := map[string]int{}
		bounds := img.Bounds()
		for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
			for x := bounds.Min.X; x < bounds.Max.X; x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				for name, c := range colours {
					if nearByte(int(r>>8), c[0]) && nearByte(int(g>>8), c[1]) && nearByte(int(b>>8), c[2]) {
						found[name]++
					}
				}
			}
		}
		for name := range colours {
			if found[name] < 50 {
				t.Errorf("%d pixels of the %s bar colour in the screenshot, want a bar's worth", found[name], name)
			}
		}
	})
}

func nearByte(a, b int) bool { return a-b <= 3 && b-a <= 3 }
