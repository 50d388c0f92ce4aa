package lexicon

import (
	"testing"
)

// TestDomainPain checks that the default lexicon reads the ways patients write about pain,
// arthritis and their drugs: each phrase must yield its concept, and none of the words in
// the second table may be read as the concept they were once mistaken for.
func TestDomainPain(t *testing.T) {
	m := defaultMatcher(t)
	tests := []struct{ text, want string }{
		// drugs
		{"the Qutenza patch burned for a day", "capsaicin"},
		{"rubbed zostrix on my knees", "capsaicin"},
		{"I felt wasted all day on the Soma", "feeling drunk"},
		{"tried the aleve gel instead of pills", "diclofenac"},
		{"two co codamol at night", "acetaminophen and codeine"},
		// stiffness, said bare or of a joint
		{"the stiffness is the worst part", "muscle stiffness"},
		{"I was so stiff this morning", "muscle stiffness"},
		{"my knee keeps locking up", "joint stiffness"},
		{"couldn't make a fist until noon", "joint stiffness"},
		{"takes me an hour to loosen up", "joint stiffness"},
		// function: stairs, chairs, grip, walking
		{"my knees give out on the stairs", "muscle weakness"},
		{"I could not get up from a chair", "muscle weakness"},
		{"can't open jars anymore", "muscle weakness"},
		{"I'm limping around the house", "gait disturbance"},
		{"I walk like a 90 year old", "gait disturbance"},
		{"it hurts to walk", "gait disturbance"},
		{"can't kneel in church", "knee pain"},
		// joints
		{"my knees creak and grind", "crepitus"},
		{"my joints are hot and puffy", "joint swelling"},
		{"my joints are on fire", "arthralgia"},
		{"had a bad flare up last week", "disease flare"},
		{"swollen big toe again", "gout"},
		{"couldn't even stand the bed sheet on it", "allodynia"},
		// drug effects
		{"the injection stings like crazy", "injection site reaction"},
		{"had a steroid flare for two days", "injection site reaction"},
		{"the methotrexate fog the day after", "cognitive impairment"},
		{"the mtx hangover wipes out my weekend", "malaise"},
		{"my blood sugar went crazy after the shot", "hyperglycemia"},
		{"haven't gone in 5 days on the oxy", "constipation"},
		{"black tarry poop", "black stool"},
		{"couldn't keep it down", "vomiting"},
		{"it barely touches the pain", "drug ineffective"},
		{"my skin was crawling", "tactile hallucination"},
		{"kept nodding out at dinner", "somnolence"},
		{"I retain so much water on it", "fluid retention"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) { expectConcept(t, m, tc.text, tc.want) })
	}

	// Words that once read as a concept they do not mean.
	mistaken := []struct{ text, notWant string }{
		{"my poop is normal again", "fatigue"},        // "pooped" stemmed to poop
		{"I was retaining fluid", "artificial tears"}, // Retaine eye drops
		{"scared stiff of needles", "muscle stiffness"},
	}
	for _, tc := range mistaken {
		t.Run(tc.text, func(t *testing.T) { expectNoConcept(t, m, tc.text, tc.notWant) })
	}
}
