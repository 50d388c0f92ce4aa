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
	classesFor      map[string]int             // symptom concept -> how many classes are taken for it
)

func loadIndications() {
	indications = map[string]map[string]bool{}
	classesFor = map[string]int{}
	for _, line := range strings.Split(indicationsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "class\t") {
			continue
		}
		class, list, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		concepts := map[string]bool{}
		for _, c := range strings.Split(list, "|") {
			c = strings.TrimSpace(c)
			concepts[c] = true
			if class != "*" {
				classesFor[c]++
			}
		}
		indications[class] = concepts
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

// commonIndication reports a symptom that many classes of drugs are taken for (anxiety,
// pain, insomnia): with no drug in reach, its easing ("it reduced my anxiety", "the pain
// subsided") is likelier the drug working than a side effect passing.
func commonIndication(concept string) bool {
	indicationsOnce.Do(loadIndications)
	return classesFor[concept] >= 3
}
