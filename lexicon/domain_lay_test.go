package lexicon

import "testing"

// TestLayPhrasings checks that the default lexicon reads the long, idiomatic ways patients
// describe effects (weight and appetite, sleep, thinking, mood, gut, energy, sex, bladder,
// skin): each phrase must yield the given surface text tagged with the given concept.
func TestLayPhrasings(t *testing.T) {
	m := defaultMatcher(t)
	tests := []struct {
		text, surface, concept string
	}{
		// weight and appetite
		{"none of my clothes fit since I started it", "none of my clothes fit", "weight gain"},
		{"the pounds piled on that first year", "pounds piled on", "weight gain"},
		{"the scale keeps creeping up every week", "scale keeps creeping up", "weight gain"},
		{"I outgrew all my clothes in a year", "outgrew all my clothes", "weight gain"},
		{"my clothes are hanging off me now", "clothes are hanging off me", "weight loss"},
		{"on Vyvanse I could eat a horse at night", "could eat a horse", "increased appetite"},
		{"I'm starving an hour after dinner", "starving an hour after", "increased appetite"},
		{"I just pick at my food these days", "pick at my food", "decreased appetite"},
		{"food has no taste on this pill", "food has no taste", "taste changes"},
		// sleep
		{"I'm up every two hours on Wellbutrin", "up every two hours", "sleep maintenance insomnia"},
		{"I sleep in 2 hour chunks at best", "sleep in 2 hour chunks", "sleep maintenance insomnia"},
		{"my brain won't shut up when I lie down", "brain won't shut up", "racing thoughts"},
		{"I soaked the sheets again last night", "soaked the sheets", "night sweats"},
		{"I wake up and feel like I haven't slept", "feel like I haven't slept", "unrefreshing sleep"},
		{"on Seroquel I'm sleeping my life away", "sleeping my life away", "hypersomnia"},
		// cognition
		{"my head feels full of cotton all morning", "head feels full of cotton", "cognitive impairment"},
		{"my brain just stopped working on topiramate", "brain just stopped working", "cognitive impairment"},
		{"I keep losing my train of thought", "losing my train of thought", "short term memory loss"},
		{"I read the same page over and over", "read the same page over and over", "difficulty concentrating"},
		{"my mind just goes blank at work", "mind just goes blank", "difficulty concentrating"},
		{"I mix up my words with my kids", "mix up my words", "word finding difficulty"},
		{"my memory is like a sieve on Topamax", "memory is like a sieve", "memory impairment"},
		// mood and emotion
		{"I flew off the handle at my wife", "flew off the handle", "emotional outbursts"},
		{"I keep losing my temper with the kids", "losing my temper", "anger"},
		{"I'm ready to snap at anyone", "ready to snap", "irritability"},
		{"I cried my eyes out for no reason", "cried my eyes out", "crying spells"},
		{"I'm just going through the motions", "going through the motions", "emotional blunting"},
		{"nothing makes me happy, not even music", "nothing makes me happy", "anhedonia"},
		{"my mood is all over the place", "mood is all over the place", "mood swings"},
		// gut
		{"my stomach is in knots after every dose", "stomach is in knots", "abdominal pain"},
		{"I basically live on the toilet now", "live on the toilet", "diarrhea"},
		{"my stools are rock hard on iron", "stools are rock hard", "constipation"},
		{"lying down I can taste acid", "taste acid", "acid reflux"},
		{"I look six months pregnant by evening", "look six months pregnant", "bloating"},
		// energy and body
		{"I drag myself through the day", "drag myself through the day", "fatigue"},
		{"my arms feel like lead", "arms feel like lead", "muscle weakness"},
		{"my heart felt like it would jump out of my chest", "jump out of my chest", "palpitations"},
		{"I can see my scalp now", "see my scalp", "hair loss"},
		// sexual, urinary, skin
		{"nothing works down there anymore", "nothing works down there", "erectile dysfunction"},
		{"I can't finish during sex on Zoloft", "can't finish during sex", "anorgasmia"},
		{"zero sex drive since starting Lexapro", "zero sex drive", "decreased libido"},
		{"I pee a little when I cough", "pee a little when I cough", "urinary incontinence"},
		{"I have trouble starting to pee", "trouble starting to pee", "urinary hesitancy"},
		{"I'm breaking out like a teenager again", "breaking out like a teenager", "acne"},
		{"the skin on my hands started peeling", "skin on my hands started peeling", "skin peeling"},
		{"I scratch till I bleed", "scratch till I bleed", "itching"},
		// the plain "inability to", "decrease in", "trouble with" ways of saying a loss
		{"an inability to focus on anything at work", "inability to focus", "difficulty concentrating"},
		{"it is difficult to concentrate in class", "difficult to concentrate", "difficulty concentrating"},
		{"a big drop in libido after a month", "drop in libido", "decreased libido"},
		{"I have no interest in sex at all", "no interest in sex", "decreased libido"},
		{"total inability to reach orgasm on it", "inability to reach orgasm", "anorgasmia"},
		{"some problems ejaculating since the dose went up", "problems ejaculating", "delayed ejaculation"},
		{"a rapid heart beat at night", "rapid heart beat", "tachycardia"},
		{"I get suicide thoughts when I forget a dose", "suicide thoughts", "suicidal ideation"},
		{"low motivation to do anything", "low motivation", "lack of motivation"},
		{"I have trouble with memory lately", "trouble with memory", "memory impairment"},
		{"constant spaciness during the day", "spaciness", "feeling drugged"},
		{"a flat mood that never lifts", "flat mood", "emotional blunting"},
		{"I can't feel joy like before", "can't feel joy", "anhedonia"},
		{"carb cravings every evening", "carb cravings", "increased appetite"},
		{"I'm less hungry since I started", "less hungry", "decreased appetite"},
		{"wild highs and lows all week", "highs and lows", "mood swings"},
		{"I was confused in the supermarket", "confused", "confusion"},
		{"bloated and so much gas after meals", "so much gas", "flatulence"},
		{"I had gas all afternoon", "gas", "flatulence"},
		{"I got so lazy on it", "lazy", "lack of motivation"},
		{"my head felt hazy until noon", "hazy", "feeling drugged"},
		{"I kept stumbling on the stairs", "stumbling", "gait disturbance"},
		{"I was really sick for a week", "really sick", "malaise"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) { expectMatch(t, m, tc.text, tc.surface, tc.concept) })
	}
}

// TestLayNonTerms checks everyday sentences that share words with the lay phrasings above
// and must not be read as those concepts.
func TestLayNonTerms(t *testing.T) {
	m := defaultMatcher(t)
	tests := []struct {
		text, concept string
	}{
		{"I can't finish the whole bottle before it expires", "anorgasmia"},
		{"I couldn't get there in time for my appointment", "anorgasmia"},
		{"my nose is stopped up from allergies", "constipation"},
		{"my ears are plugged up after the flight", "constipation"},
		{"my body went limp and I fainted", "erectile dysfunction"},
		{"the app is not working on my phone", "cognitive impairment"},
		{"I read the same book twice", "difficulty concentrating"},
		{"the pharmacy was short with me on the phone", "irritability"},
		{"the drug companies isolate the active part", "social withdrawal"},
		{"I'm a little sad it took so long to find", "sadness"},
		{"life has its ups and downs like always", "mood swings"},
		{"the initial side effects faded in a week", "initial worsening"},
	}
	for _, tc := range tests {
		expectNoConcept(t, m, tc.text, tc.concept)
	}
}
