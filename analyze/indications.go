package analyze

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed indications.tsv
var indicationsTSV string

var (
	indicationsOnce sync.Once
	indications     map[string]map[string]bool // drug class -> symptom concepts it is taken for
)

func loadIndications() {
	indications = map[string]map[string]bool{}
	for _, line := range strings.Split(indicationsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "class\t") {
			continue
		}
		class, list, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		set := map[string]bool{}
		for _, c := range strings.Split(list, "|") {
			set[strings.TrimSpace(c)] = true
		}
		indications[class] = set
	}
}

// indicatedFor reports whether a drug class is taken for a symptom; with no class, whether
// the symptom is a condition people mostly name as the reason for a treatment.
func indicatedFor(class, concept string) bool {
	indicationsOnce.Do(loadIndications)
	if class == "" {
		class = "*"
	}
	return indications[class][concept]
}
