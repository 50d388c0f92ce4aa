package lexicon

import "testing"

// TestCardioMetabolicTerms checks that the default lexicon reads the ways patients write
// about heart, blood pressure, cholesterol, blood thinner and diabetes drugs: each phrase
// must yield the given surface text tagged with the given concept.
func TestCardioMetabolicTerms(t *testing.T) {
	m := defaultMatcher(t)
	tests := []struct {
		text, surface, concept string
	}{
		// drugs: brands from other markets, newer drugs, insulin said plainly
		{"switched to Forxiga last spring", "Forxiga", "dapagliflozin"},
		{"my GP gave me Cavstat 10", "Cavstat", "rosuvastatin"},
		{"Lipex made my legs ache", "Lipex", "simvastatin"},
		{"on Segluromet twice a day", "Segluromet", "ertugliflozin and metformin"},
		{"got the Tzield infusions for my son", "Tzield", "teplizumab"},
		{"Evkeeza every four weeks", "Evkeeza", "evinacumab"},
		{"they reversed the bleed with Praxbind", "Praxbind", "idarucizumab"},
		{"keep a nitro in my pocket", "nitro", "nitroglycerin"},
		{"I keep glucose tabs in the car", "glucose tabs", "dextrose"},
		{"after the steroids I had to start insulin", "start insulin", "insulin therapy"},
		{"my doctor put me on insulin", "on insulin", "insulin therapy"},
		// symptoms: lay phrasings of statin, blood pressure, rhythm and sugar effects
		{"my thighs burn on the stairs", "thighs burn", "myalgia"},
		{"my calves cramp every night", "calves cramp", "muscle cramp"},
		{"my pulse dropped to 44", "pulse dropped", "bradycardia"},
		{"I can't get my heart rate up at the gym", "can't get my heart rate up", "exercise intolerance"},
		{"my heart does a little flip", "heart does a little flip", "palpitations"},
		{"it felt like my heart was doing somersaults", "heart was doing somersaults", "palpitations"},
		{"I felt my heart stop for a second", "heart stop for a second", "palpitations"},
		{"my legs look like tree trunks", "legs look like tree trunks", "peripheral edema"},
		{"weeping legs from the fluid", "weeping legs", "peripheral edema"},
		{"I'm up every hour at night to urinate", "up every hour at night to urinate", "nocturia"},
		{"urinating every hour on the water pill", "urinating every hour", "frequent urination"},
		{"my sugars have been running in the 300s", "sugars have been running in the 300s", "hyperglycemia"},
		{"I get sugar crashes in the afternoon", "sugar crashes in the afternoon", "hypoglycemia"},
		{"lows at night since the dose went up", "lows at night", "hypoglycemia"},
		{"down 30 pounds since January", "down 30 pounds", "weight loss"},
		{"I coughed up a bit of blood", "coughed up a bit of blood", "hemoptysis"},
		{"full after 2 bites on the shot", "full after 2 bites", "early satiety"},
		{"the room tilts when I roll over", "room tilts", "vertigo"},
		{"everything had a yellow-green tint", "yellow-green tint", "color vision disturbance"},
		{"my skin turned bluish gray", "skin turned bluish gray", "hyperpigmentation"},
		{"my thyroid went haywire", "thyroid went haywire", "thyroid problems"},
		{"I feel so muzzy headed", "muzzy headed", "cognitive impairment"},
		{"my potassium is up again", "potassium is up", "hyperkalemia"},
		{"metformin gives me the worst gas", "worst gas", "flatulence"},
		{"sluggish bowels on verapamil", "sluggish bowels", "constipation"},
		{"my heart feels out of rhythm", "heart feels out of rhythm", "arrhythmia"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) { expectMatch(t, m, tc.text, tc.surface, tc.concept) })
	}
}

// TestCardioMetabolicNonTerms checks everyday phrases that must not be read as the
// cardio-metabolic concepts whose words they share.
func TestCardioMetabolicNonTerms(t *testing.T) {
	m := defaultMatcher(t)
	tests := []struct {
		text, concept string
	}{
		{"I follow a low sugar diet", "hypoglycemia"},
		{"potassium supplements keep it up", "hyperkalemia"},
		{"my insulin resistance is better", "insulin therapy"},
		{"my stomach cramps at night", "muscle cramp"},
	}
	for _, tc := range tests {
		expectNoConcept(t, m, tc.text, tc.concept)
	}
}
