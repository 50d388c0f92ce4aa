package lexicon

import "testing"

// Supplements, herbals and OTC products, and the lay symptoms patients report with them.
// Each phrase must yield a match of the concept named; several guard words that were once
// shadowed (a word known only inside a multiword term is never fuzzy-corrected) or
// misread ("retaining" read as the eye-drop brand Retaine).
func TestSupplementDomain(t *testing.T) {
	m := defaultMatcher(t)
	tests := []struct {
		text, concept string
	}{
		// products
		{"I take tumeric for my knees", "turmeric"},
		{"valarian knocks me out", "valerian"},
		{"SAMe 400mg for my mood", "sam-e"},
		{"l-methylfolate 15 mg", "methylfolate"},
		{"tryptophan before bed", "l-tryptophan"},
		{"glutamine for my gut", "l-glutamine"},
		{"arginine and citrulline before the gym", "l-arginine"},
		{"ginko for memory", "ginkgo"},
		{"colagen in my coffee", "collagen"},
		{"quercitin and zinc", "quercetin"},
		{"Dramamine on the ferry", "dimenhydrinate"},
		{"bonine for vertigo", "meclizine"},
		{"ZzzQuil Pure Zzzs gummies", "melatonin"},
		{"sleepytime tea at night", "chamomile"},
		{"OmegaXL for my joints", "fish oil"},
		{"a few drops of Rescue Remedy", "bach flower remedies"},
		{"nutrafol for thinning hair", "hair growth supplements"},
		{"megafood blood builder", "iron"},
		// lay symptoms
		{"the fish oil leaves a fishy aftertaste", "taste changes"},
		{"it keeps repeating on me all day", "belching"},
		{"the vinegar burned my throat", "sore throat"},
		{"it is wearing down my tooth enamel", "dental problems"},
		{"my stool was yellow", "pale stool"},
		{"greenish stool from the iron", "pale stool"},
		{"b vitamins give me neon pee", "urine discoloration"},
		{"Pepto turned my tongue black", "tongue discoloration"},
		{"I wake up groggy", "hangover"},
		{"the caffeine crash at 3pm", "comedown"},
		{"creatine made me retain water", "fluid retention"},
		{"retaining water on creatine", "fluid retention"},
		{"it upsets my stomach", "gastrointestinal upset"},
		{"saw palmetto lowered my libido", "decreased libido"},
		{"diarrhea and cramping", "abdominal cramps"},
		{"gave me the wobbles", "dizziness"},
		{"joint pain and stiffness", "muscle stiffness"},
		{"probiotics caused gurgling", "stomach noises"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) { expectConcept(t, m, tc.text, tc.concept) })
	}
}

// Retaine (eye drops) must not come back as a plain term: it turns "retaining" into a drug.
func TestRetainingIsNotADrug(t *testing.T) {
	for _, x := range defaultMatcher(t).Match("I was retaining water") {
		if x.Concept.Kind == Drug {
			t.Errorf("%q matched drug %s", x.Term.Text, x.Concept.Name)
		}
	}
}
